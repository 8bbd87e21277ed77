"""Fixtures for the robustness tests: the session's real extractor, apps on temporary on-disk stores,
the console script, and a real ``geokg serve`` subprocess."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import client, extractor, make_client, settings, store_dir  # noqa: F401  (fixtures)

TOKEN = "robustness-t0ken"
"""The API token the servers of these tests require for writes."""


def console_script() -> str:
    """The ``geokg`` console script of the virtualenv running the tests."""
    script = Path(sys.executable).parent / "geokg"
    return str(script) if script.exists() else shutil.which("geokg") or "geokg"


def clean_environment() -> dict[str, str]:
    """The environment without any ``GEOKG_*`` setting, so a subprocess sees only what a test gives it."""
    return {key: value for key, value in os.environ.items() if not key.startswith("GEOKG_")}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: Path, *, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``geokg serve`` (default host, token :data:`TOKEN`) on a free port; wait until ``/health`` answers."""
    port = free_port()
    proc = subprocess.Popen(
        [console_script(), "serve", "--port", str(port), "--store", str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**clean_environment(), "GEOKG_API_TOKEN": TOKEN, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            stop_server(proc)
            raise RuntimeError("server did not answer /health within 120 s")
        time.sleep(0.2)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server the way an operator does (SIGINT), killing it if it hangs."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Base URL of a real ``geokg serve`` (token :data:`TOKEN`) over an empty store on disk."""
    proc, base = start_server(tmp_path / "server-store")
    try:
        yield base
    finally:
        stop_server(proc)

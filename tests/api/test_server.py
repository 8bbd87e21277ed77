"""The real server: `geokg serve` in a subprocess on a free 127.0.0.1 port, queried over a socket with httpx."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import CORPUS


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    script = Path(sys.executable).parent / "geokg"
    env = {**os.environ, "GEOKG_API_TOKEN": "t0ken"}
    proc = subprocess.Popen(
        [str(script), "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(tmp_path / "store")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited early: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("server did not answer /health")
            time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_real_server_over_a_socket(server: str) -> None:
    auth = {"Authorization": "Bearer t0ken"}
    with httpx.Client(base_url=server, timeout=120) as http:
        assert http.get("/health").json()["status"] == "ok"
        assert http.post("/documents", json=CORPUS[1]).status_code == 401
        created = http.post("/documents", json=CORPUS[1], headers=auth)
        assert created.status_code == 201, created.text
        assert created.json()["document"]["id"] == "ru-ua"
        pairs = http.get("/relations", params={"type": "opposes"}).json()
        assert ("RUS", "UKR") in {(p["source"]["id"], p["target"]["id"]) for p in pairs["items"]}
        missing = http.get("/actors/Atlantis")
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "actor_not_found"
        graphml = http.get("/export", params={"format": "graphml"})
        assert graphml.headers["content-type"].startswith("application/graphml+xml")
        assert b"Ukraine" in graphml.content

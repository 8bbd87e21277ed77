"""What every benchmark shares: timing helpers, tables, result files, the running server."""

from __future__ import annotations

import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
GEOKG = str(Path(sys.executable).with_name("geokg"))


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (the machine is shared: record them with every figure)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) // 1024} MiB"
    except OSError:
        pass
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def write_result(name: str, fields: dict[str, Any]) -> Path:
    """Write ``benchmarks/results/NAME.json`` (exactly the benchmark's fields) atomically."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(fields, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def print_table(title: str, rows: Sequence[tuple[str, object]]) -> None:
    """Print a two-column table of figures."""
    width = max(len(key) for key, _ in rows)
    print(f"\n{title}")
    print("-" * (width + 16))
    for key, value in rows:
        shown = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}" if isinstance(value, int) else value
        print(f"{key:<{width}}  {shown:>14}")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by the nearest-rank method.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50), percentile([1.0, 2.0, 3.0, 4.0], 99)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def free_port() -> int:
    """A TCP port free on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def directory_mb(path: Path) -> float:
    """Size of the files under ``path`` in MiB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


@contextmanager
def serving(store: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``geokg serve`` on ``store`` on a free port: yield the process and its base URL.

    The server is stopped with SIGINT (a clean shutdown, which saves the projection snapshot).
    """
    port = free_port()
    process = subprocess.Popen([GEOKG, "serve", "--store", str(store), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=600)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def served(store: Path, *, first_path: str, timeout: float = 900.0) -> Iterator[tuple[str, float]]:
    """Run ``geokg serve`` on ``store``; yield its base URL and the seconds until ``first_path`` answered."""
    started = time.perf_counter()
    with serving(store) as (process, base):
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                if process.poll() is not None:
                    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                    raise RuntimeError(f"geokg serve stopped: {error[-500:]}")
                try:
                    if client.get(first_path).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.perf_counter() - started > timeout:
                    raise RuntimeError(f"geokg serve did not answer {first_path} within {timeout} s")
                time.sleep(0.02)
        yield base, time.perf_counter() - started

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


def test_concurrent_writers_and_readers(server: str) -> None:
    """4 writer threads and 4 reader threads against the real server: no errors, no lost documents."""
    from concurrent.futures import ThreadPoolExecutor

    auth = {"Authorization": "Bearer t0ken"}
    texts = [doc["text"] for doc in CORPUS]
    ids = [f"w{writer}-{n}" for writer in range(4) for n in range(3)]

    def write(writer: int) -> list[int]:
        with httpx.Client(base_url=server, timeout=120, headers=auth) as http:
            return [http.post("/documents", json={"id": f"w{writer}-{n}", "text": texts[n]}).status_code
                    for n in range(3)]

    def read(_: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=server, timeout=120) as http:
            for _ in range(10):
                codes.append(http.get("/relations", params={"type": "opposes"}).status_code)
                codes.append(http.get("/stats").status_code)
                listing = http.get("/documents", params={"limit": 1000})
                codes.append(listing.status_code)
                for doc in listing.json()["items"]:  # a listed document is whole: its relations are there
                    detail = http.get(f"/documents/{doc['id']}")
                    codes.append(detail.status_code)
                    assert len(detail.json()["relations"]) == doc["relations"]
        return codes

    with ThreadPoolExecutor(max_workers=8) as pool:
        writers = [pool.submit(write, w) for w in range(4)]
        readers = [pool.submit(read, r) for r in range(4)]
        write_codes = [code for future in writers for code in future.result()]
        read_codes = [code for future in readers for code in future.result()]
    assert write_codes == [201] * len(ids)
    assert set(read_codes) == {200}
    with httpx.Client(base_url=server, timeout=60) as http:
        listed = {d["id"] for d in http.get("/documents", params={"limit": 1000}).json()["items"]}
        assert listed == set(ids)
        assert http.get("/stats").json()["documents"] == len(ids)


def test_paths_page_over_a_socket(server: str) -> None:
    """/paths answers the list envelope (items, total, limit, offset) and pages with offset; a bad
    offset is the standard 422 error, as on /relations."""
    auth = {"Authorization": "Bearer t0ken"}
    with httpx.Client(base_url=server, timeout=120) as http:
        for document in CORPUS:
            assert http.post("/documents", json=document, headers=auth).status_code == 201
        query = {"source": "USA", "target": "Russia", "mode": "all", "max_hops": 3}
        whole = http.get("/paths", params=query).json()
        assert (whole["total"], whole["limit"], whole["offset"], whole["total_capped"]) == (1, 10, 0, False)
        [only] = whole["items"]
        assert [{h["source"]["id"], h["target"]["id"]} for h in only["hops"]] == [{"USA", "UKR"}, {"UKR", "RUS"}]
        assert [h["sign"] for h in only["hops"]] == [1, -1] and only["sign"] == -1
        past = http.get("/paths", params={**query, "offset": 1}).json()
        assert (past["items"], past["total"], past["offset"]) == ([], 1, 1)
        for bad in ("-1", "many"):
            refused = http.get("/paths", params={**query, "offset": bad})
            assert refused.status_code == 422
            assert refused.json() == http.get("/relations", params={"offset": bad}).json()
            assert refused.json()["error"]["code"] == "validation_error"

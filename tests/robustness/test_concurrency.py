"""Concurrency against the real server: ``geokg serve`` in a subprocess, 4 writer threads replacing
documents and 16 reader threads reading them over HTTP for a bounded time. No request fails, no
acknowledged write is lost (also after a restart), and no reader ever sees part of a document."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from extract.records import Document
from graph.knowledge_graph import KnowledgeGraph
from graph.rdf import text_hash
from tests.robustness.conftest import TOKEN, start_server, stop_server
from tests.robustness.corpus import corpus

WRITERS = 4
READERS = 16
SIZE = 24
"""Documents in play; writer ``w`` owns those whose index is ``w`` modulo :data:`WRITERS`."""


def full_counts(extractor) -> dict[str, int]:
    """Relation count of every variant of every document (by text hash), from a clean extraction."""
    documents = [Document(**doc) for variant in (0, 1) for doc in corpus(SIZE, variant)]
    return {text_hash(document.text): len(found) for document, found in extractor.extract_many(documents)}


def hammer(base: str, counts: dict[str, int], *, seconds: float) -> tuple[dict[str, str], Counter[str], float]:
    """Run the writers and readers; returns each document's last acknowledged text hash, a tally of
    requests and the seconds they ran."""
    variants = [corpus(SIZE, 0), corpus(SIZE, 1)]
    stop = threading.Event()
    acknowledged: dict[str, str] = {}
    tally: Counter[str] = Counter()
    guard = threading.Lock()
    first = variants[0][0]  # the first write loads the spaCy model; do it before the clock starts
    warm = httpx.post(f"{base}/documents", json=first, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
    assert warm.status_code == 201, warm.text
    acknowledged[first["id"]] = text_hash(first["text"])

    def write(writer: int) -> None:
        rng = random.Random(writer)
        mine = [i for i in range(SIZE) if i % WRITERS == writer]
        with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
            while not stop.is_set():
                index = rng.choice(mine)
                document = variants[rng.randrange(2)][index]
                response = http.post("/documents", json=document)
                assert response.status_code == 201, response.text
                stored = response.json()["document"]
                assert stored["relations"] == counts[stored["text_hash"]]
                with guard:
                    acknowledged[document["id"]] = text_hash(document["text"])
                    tally["writes"] += 1

    def read(reader: int) -> None:
        rng = random.Random(100 + reader)
        with httpx.Client(base_url=base, timeout=120) as http:
            while not stop.is_set():
                listing = http.get("/documents", params={"limit": 1000})
                assert listing.status_code == 200, listing.text
                items = listing.json()["items"]
                for summary in rng.sample(items, min(3, len(items))):
                    detail = http.get(f"/documents/{summary['id']}")
                    assert detail.status_code == 200, detail.text  # nothing is deleted: a listed document stays
                    body = detail.json()
                    whole = counts[body["document"]["text_hash"]]
                    assert len(body["relations"]) == body["document"]["relations"] == whole, summary["id"]
                    assert {r["doc"] for r in body["relations"]} <= {summary["id"]}
                for url in ("/stats", "/relations?type=opposes", "/actors?limit=20", "/actors/Turkey/opponents",
                            "/paths?source=Turkey&target=Poland"):
                    response = http.get(url)
                    assert response.status_code in (200, 404), (url, response.text)  # 404: actor not yet stored
                with guard:
                    tally["reads"] += 1 + min(3, len(items)) + 5

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=WRITERS + READERS) as pool:
        futures = [pool.submit(write, w) for w in range(WRITERS)] + [pool.submit(read, r) for r in range(READERS)]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not any(f.done() for f in futures):
            time.sleep(0.1)
        stop.set()
        for future in futures:
            future.result()  # re-raises a failed assertion of any thread
    return acknowledged, tally, time.monotonic() - started


def check_nothing_lost(base: str, acknowledged: dict[str, str]) -> None:
    with httpx.Client(base_url=base, timeout=60) as http:
        items = http.get("/documents", params={"limit": 1000}).json()["items"]
        assert {d["id"]: d["text_hash"] for d in items} == acknowledged
        assert http.get("/stats").json()["documents"] == len(acknowledged)


@pytest.mark.parametrize("seconds", [
    pytest.param(5.0, id="5s"),
    pytest.param(60.0, id="60s", marks=pytest.mark.slow),
])
def test_writers_and_readers_against_the_real_server(tmp_path: Path, extractor, seconds: float) -> None:
    counts = full_counts(extractor)
    store = tmp_path / "store"
    proc, base = start_server(store)
    try:
        acknowledged, tally, elapsed = hammer(base, counts, seconds=seconds)
        assert tally["writes"] > 0 and tally["reads"] > 0
        check_nothing_lost(base, acknowledged)
    finally:
        stop_server(proc)
    with KnowledgeGraph.open(str(store)) as graph:  # and after a restart
        stored = graph.list_documents(limit=1000).items
        assert {d.id: d.text_hash for d in stored} == acknowledged
        assert all(d.relations == counts[d.text_hash or ""] for d in stored)
    print(f"\n{WRITERS} writers, {READERS} readers, {elapsed:.0f} s: {tally['writes']} writes, "
          f"{tally['reads']} read requests, {len(acknowledged)} documents")

"""Atomic ingest: ``geokg ingest`` (a real subprocess on an on-disk store) is killed with SIGKILL at random
moments, again and again; after every kill the store opens and holds exactly the documents whose
ingest completed, each whole, and re-running the ingest completes it."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract.records import Document
from graph.iris import document_id
from graph.knowledge_graph import KnowledgeGraph
from graph.rdf import text_hash
from tests.robustness.conftest import clean_environment, console_script
from tests.robustness.corpus import corpus, write_jsonl

SIZE = 120
"""Documents in the generated corpus (a few seconds of extraction)."""
KILLS = 20
"""SIGKILLs that must land while ``geokg ingest`` runs."""


def _files(store: Path) -> dict[str, int]:
    if not store.exists():
        return {}
    return {p.name: p.stat().st_size for p in store.iterdir() if p.is_file()}


def run_ingest(source: Path, store: Path, *, kill_after: float | None) -> bool:
    """Run ``geokg ingest``; SIGKILL it ``kill_after`` seconds after it opened the store.

    Returns True when the process was killed, False when it finished first (it must then succeed).
    """
    before = _files(store)
    proc = subprocess.Popen([console_script(), "ingest", "--store", str(store), str(source)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=clean_environment())
    try:
        if kill_after is not None:
            deadline = time.monotonic() + 300
            # the store's files change when ingest opens it, after the spaCy model loaded
            while proc.poll() is None and _files(store) == before and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(kill_after)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return True
        _, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr.decode()
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def quads_per_graph(store: ox.Store) -> Counter[str]:
    return Counter(quad.graph_name.value for quad in store if isinstance(quad.graph_name, ox.NamedNode))


def reference(extractor, documents: list[dict], *, source: Path) -> tuple[dict[str, list[dict]], Counter[str]]:
    """What a clean, uninterrupted extraction and store of the documents give: records and quads per graph."""
    records = {}
    with KnowledgeGraph.open("memory") as graph:  # the JSONL reader gives each document its file as source
        for document, found in extractor.extract_many(Document(**doc, source=str(source)) for doc in documents):
            graph.add_document(document, found, extractor_version=extractor.version)
            records[document.id] = [r.model_dump(mode="json") for r in found]
        counts = quads_per_graph(ox.parse(graph.export("nquads"), format=ox.RdfFormat.N_QUADS))
    return records, counts


def stored_state(store: Path, variants: list[list[dict]], refs: list[tuple[dict, Counter]]) -> dict[str, int]:
    """Open the store and check every document in it is whole; returns id -> variant stored."""
    hashes = [{doc["id"]: text_hash(doc["text"]) for doc in docs} for docs in variants]
    raw = ox.Store.read_only(str(store))  # the store as Oxigraph has it, beside geokg's own reading
    try:
        raw_counts = quads_per_graph(raw)
    finally:
        del raw
    state: dict[str, int] = {}
    with KnowledgeGraph.open(str(store)) as graph:
        page = graph.list_documents(limit=1000)
        assert page.total == len(page.items)
        for summary in page.items:
            matching = [v for v in range(len(variants)) if hashes[v].get(summary.id) == summary.text_hash]
            assert matching, f"{summary.id}: text hash of no variant"
            variant = matching[0]
            records, counts = refs[variant]
            relations = [r.model_dump(mode="json") for r in graph.document_relations(summary.id)]
            assert relations == records[summary.id], f"{summary.id}: relations differ from a clean extraction"
            assert summary.relations == len(relations), f"{summary.id}: metadata count disagrees"
            graph_iri = next(iri for iri in counts if document_id(iri) == summary.id)
            assert raw_counts[graph_iri] == counts[graph_iri], f"{summary.id}: not every triple stored"
            state[summary.id] = variant
        assert graph.stats().relations == sum(s.relations for s in page.items)
    assert {document_id(iri) for iri in raw_counts} == set(state)  # no graph outside a whole document
    return state


@pytest.mark.slow
def test_sigkill_during_ingest_leaves_only_whole_documents(tmp_path: Path, extractor) -> None:
    variants = [corpus(SIZE, 0), corpus(SIZE, 1)]
    sources = [write_jsonl(tmp_path / f"variant-{v}.jsonl", docs) for v, docs in enumerate(variants)]
    started = time.monotonic()
    refs = [reference(extractor, docs, source=path) for docs, path in zip(variants, sources)]
    window = (time.monotonic() - started) / 2 * 1.3  # about one clean ingest of the corpus
    ids = [doc["id"] for doc in variants[0]]
    store = tmp_path / "store"
    rng = random.Random(20261126)
    state: dict[str, int] = {}
    kills = mid_document_runs = runs = 0
    while kills < KILLS:
        assert runs < 3 * KILLS, "kills kept missing the ingest"
        variant = runs % 2
        killed = run_ingest(sources[variant], store, kill_after=rng.uniform(0.0, window))
        runs += 1
        now = stored_state(store, variants, refs)
        # documents are ingested in order: a prefix holds this run's variant, the rest what was there
        done = next((i for i, doc_id in enumerate(ids) if now.get(doc_id) != variant), len(ids))
        for doc_id in ids[done:]:
            assert now.get(doc_id) == state.get(doc_id), f"{doc_id} changed beyond the ingest's progress"
        if killed:
            kills += 1
            mid_document_runs += 0 < done < len(ids)
        else:
            assert done == len(ids)
        state = now
    # re-running the ingest completes it
    run_ingest(sources[0], store, kill_after=None)
    assert stored_state(store, variants, refs) == {doc_id: 0 for doc_id in ids}
    # re-ingesting the same ids with the same texts changes nothing
    with KnowledgeGraph.open(str(store)) as graph:
        before = graph.export("nquads")
    run_ingest(sources[0], store, kill_after=None)
    with KnowledgeGraph.open(str(store)) as graph:
        assert graph.export("nquads") == before
    print(f"\n{kills} SIGKILLs in {runs} runs over {SIZE} documents; "
          f"{mid_document_runs} killed between the first and last document")
    assert mid_document_runs >= KILLS // 4  # most kills land inside the ingest, not before or after it

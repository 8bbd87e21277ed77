"""Atomic ingest: ``geokg ingest`` (a real process on an on-disk store) is killed with SIGKILL at random
moments, again and again; after every kill the store opens and holds exactly the documents whose
ingest completed, each whole, and re-running the ingest completes it.

The killed processes are forked from a helper that loaded the CLI and the spaCy model once
(:mod:`tests.robustness.ingest_zygote`) and run the console script's entry point; the completing runs
use the console script itself."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract.records import Document
from graph.iris import document_id
from graph.knowledge_graph import KnowledgeGraph
from graph.rdf import text_hash
from tests.conftest import REPO
from tests.robustness.conftest import clean_environment, console_script
from tests.robustness.corpus import corpus, write_jsonl

SIZE = 100
"""Documents in the generated corpus (a few seconds of extraction)."""
KILLS = 20
"""SIGKILLs that must land while ``geokg ingest`` runs."""


def _files(store: Path) -> dict[str, int]:
    """Sizes of the store directory's files; files the running store rotates away meanwhile are skipped."""
    sizes: dict[str, int] = {}
    try:
        entries = list(store.iterdir())
    except FileNotFoundError:
        return sizes
    for path in entries:
        try:
            if path.is_file():
                sizes[path.name] = path.stat().st_size
        except FileNotFoundError:
            continue  # RocksDB renamed or removed it (LOG rotation, compaction) between listing and stat
    return sizes


class Zygote:
    """The helper process (:mod:`tests.robustness.ingest_zygote`) that forks ``geokg ingest`` children."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        env = {**clean_environment(), "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.robustness.ingest_zygote"], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        assert json.loads(self._readline()) == {"ready": True}

    def _readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the ingest helper process died"
        return line

    def _ask(self, request: dict) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return json.loads(self._readline())

    def start(self, args: list[str]) -> int:
        return self._ask({"op": "run", "args": args, "stderr": str(self.workdir / "ingest.err")})["pid"]

    def wait(self, pid: int) -> tuple[int, str]:
        status = self._ask({"op": "wait", "pid": pid})["status"]
        return status, (self.workdir / "ingest.err").read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def _running(pid: int) -> bool:
    """Whether the process runs (exists and is no zombie); Linux /proc."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _next_change(store: Path, pid: int, before: dict[str, int]) -> dict[str, int]:
    deadline = time.monotonic() + 300
    while _running(pid) and time.monotonic() < deadline:
        now = _files(store)
        if now != before:
            return now
        time.sleep(0.002)
    return before


def run_ingest(zygote: Zygote, source: Path, store: Path, *, kill_after: float) -> bool:
    """Run ``geokg ingest`` in a forked child; SIGKILL it ``kill_after`` seconds after its first write.

    The store's files change when ingest opens it, settle, and change again when the first document is
    committed (the write-ahead log grows).

    Returns True when the child was killed, False when it finished first (it must then have succeeded).
    """
    before = _files(store)
    pid = zygote.start(["ingest", "--store", str(store), str(source)])
    opened = _next_change(store, pid, before)
    while _running(pid):  # wait until opening the store has settled
        time.sleep(0.05)
        now = _files(store)
        if now == opened:
            break
        opened = now
    _next_change(store, pid, opened)
    time.sleep(kill_after)
    if _running(pid):
        os.kill(pid, signal.SIGKILL)
    status, stderr = zygote.wait(pid)
    if status == -signal.SIGKILL:
        return True
    assert status == 0, stderr
    return False


def run_console_script(source: Path, store: Path) -> None:
    """Run the real ``geokg ingest`` console script to its end."""
    proc = subprocess.run([console_script(), "ingest", "--store", str(store), str(source)],
                          capture_output=True, text=True, env=clean_environment(), timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr


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
    window = (time.monotonic() - started) / 2  # about one clean ingest of the corpus; adapted below
    ids = [doc["id"] for doc in variants[0]]
    store = tmp_path / "store"
    rng = random.Random(20261126)
    state: dict[str, int] = {}
    kills = mid_document_runs = runs = 0
    zygote = Zygote(tmp_path)
    try:
        while kills < KILLS:
            assert runs < 3 * KILLS, "kills kept missing the ingest"
            variant = runs % 2
            killed = run_ingest(zygote, sources[variant], store, kill_after=rng.uniform(0.0, window))
            runs += 1
            now = stored_state(store, variants, refs)
            # documents are ingested in order: a prefix holds this run's variant, the rest what was there
            done = next((i for i, doc_id in enumerate(ids) if now.get(doc_id) != variant), len(ids))
            for doc_id in ids[done:]:
                assert now.get(doc_id) == state.get(doc_id), f"{doc_id} changed beyond the ingest's progress"
            if killed:
                kills += 1
                mid_document_runs += 0 < done < len(ids)
                window *= 1.5 if done == 0 else 1.0
            else:
                assert done == len(ids)
                window *= 0.6  # the ingest ran faster than the window: aim earlier
            state = now
    finally:
        zygote.close()
    # re-running the ingest (the real console script) completes it
    run_console_script(sources[0], store)
    assert stored_state(store, variants, refs) == {doc_id: 0 for doc_id in ids}
    # re-ingesting the same ids with the same texts changes nothing
    with KnowledgeGraph.open(str(store)) as graph:
        before = graph.export("nquads")
    run_console_script(sources[0], store)
    with KnowledgeGraph.open(str(store)) as graph:
        assert graph.export("nquads") == before
    print(f"\n{kills} SIGKILLs in {runs} runs over {SIZE} documents; "
          f"{mid_document_runs} killed between the first and last document; {time.monotonic() - started:.0f} s")
    assert mid_document_runs >= KILLS // 4  # most kills land inside the ingest, not before or after it

"""Benchmark ``extract``: geokg's extractor beside bare spaCy ``nlp.pipe`` on the same texts and model.

The corpus (JSONL documents, default ``../shared/data/news-benchmark.jsonl``) is cycled to
at least ``words`` words. Both sides run over exactly those texts with the same pipeline
name; geokg adds its actor components, the relation matcher and record building, so the
ratio is what geokg's own work costs. With several worker counts, both sides use spaCy's
multiprocessing (``n_process``) and the table shows the scaling. Fields:
``geokg_words_per_s``, ``spacy_words_per_s``, ``ratio`` (one worker); the scaling rows go
to ``results/run.json``.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, load_average, print_table, write_result
from extract.records import Document

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news-benchmark.jsonl"
FALLBACK_CORPUS = ROOT / "data" / "samples" / "demo-corpus.jsonl"


def corpus_documents(path: Path | None, words: int) -> tuple[list[Document], Path]:
    """Documents of the corpus, cycled until they hold at least ``words`` words (ids made unique).

    Lines without text (the shared corpus has one) are left out.
    """
    source = path or (DEFAULT_CORPUS if DEFAULT_CORPUS.is_file() else FALLBACK_CORPUS)
    base = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        obj = json.loads(line) if line.strip() else None
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"].strip():
            base.append(Document(id=str(obj.get("id") or f"line-{number}"), text=obj["text"]))
    if not base:
        raise ValueError(f"{source}: no documents with text")
    documents: list[Document] = []
    total = 0
    for round_, document in zip(itertools.count(), itertools.cycle(base)):
        documents.append(document.model_copy(update={"id": f"{document.id}-{round_}"}))
        total += len(document.text.split())
        if total >= words:
            break
    return documents, source


def _spacy_rate(model: str, texts: Sequence[str], words: int, workers: int) -> float:
    import spacy

    nlp = spacy.load(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    return words / (time.perf_counter() - started)


def _geokg_rate(model: str, documents: Sequence[Document], words: int, workers: int) -> float:
    from extract.pipeline import Extractor

    extractor = Extractor(model=model)
    started = time.perf_counter()
    for _ in extractor.extract_many(documents, n_process=workers):
        pass
    return words / (time.perf_counter() - started)


def run_extract(*, words: int, workers: Sequence[int], corpus: Path | None, model: str) -> dict[str, Any]:
    """Time both sides for each worker count; write ``results/extract.json``."""
    documents, source = corpus_documents(corpus, words)
    texts = [d.text for d in documents]
    total = sum(len(t.split()) for t in texts)
    scaling = []
    for count in workers:
        load = load_average()
        spacy_rate = _spacy_rate(model, texts, total, count)
        geokg_rate = _geokg_rate(model, documents, total, count)
        scaling.append({"workers": count, "geokg_words_per_s": round(geokg_rate, 1),
                        "spacy_words_per_s": round(spacy_rate, 1), "ratio": round(geokg_rate / spacy_rate, 3),
                        "load": load})
    first = scaling[0]
    fields = {"geokg_words_per_s": first["geokg_words_per_s"], "spacy_words_per_s": first["spacy_words_per_s"],
              "ratio": first["ratio"]}
    write_result("extract", fields)
    rows: list[tuple[str, object]] = [("corpus", str(source)), ("documents", len(documents)), ("words", total),
                                      ("model", model)]
    for row in scaling:
        rows.append((f"workers={row['workers']}: geokg / spaCy words/s",
                     f"{row['geokg_words_per_s']:,.0f} / {row['spacy_words_per_s']:,.0f}"))
        rows.append((f"workers={row['workers']}: ratio (load {row['load'][:1]})", row["ratio"]))
    print_table("extract: geokg vs bare spaCy nlp.pipe", rows)
    return {**fields, "words": total, "corpus": str(source), "scaling": scaling}

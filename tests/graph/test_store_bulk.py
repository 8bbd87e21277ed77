"""The fast write path: documents spelled as N-Quads, new ones bulk-loaded into an on-disk store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import graph.store as store_module
from extract.records import Document
from graph import KnowledgeGraph
from graph.errors import StoreError
from graph.iris import document_iri
from graph.rdf import document_nquads, document_quads, document_triples
from graph.store import open_store
from ontology import GKG
from tests.graph.builders import corpus, doc, rec

AWKWARD = ['quote " and backslash \\ ', "new\nline and \r return", "tab\there", "line\u2028separator",
           "form\x0cfeed", "emoji \U0001f30d and Erdoğan", "ends with backslash\\"]
"""Texts that N-Triples must escape or that Python splits lines on."""


def _awkward_corpus() -> list:
    items = []
    for i, text in enumerate(AWKWARD):
        record = rec(f"w{i}", "TUR", "attacks", "SYR", subject_text=text, location=text, trigger=text,
                     date=dt.date(2020, 1, 1 + i), confidence=[1.0, 0.1, 0.5, 1e-7, 0.3333333333, 0.0, 0.95][i])
        record = record.model_copy(update={"sentence": text})
        items.append((Document(id=f"w{i} {text}", text=text, source=text), [record.model_copy(
            update={"doc": f"w{i} {text}"})]))
    return items


def _contents(kg: KnowledgeGraph) -> tuple[dict, list]:
    quads = sorted((str(g), sorted(map(str, t))) for g in kg.store.named_graphs()
                   for t in kg.store.graph_triples(g))
    return kg.projection.snapshot(), quads


def test_nquads_parse_to_the_documented_triples() -> None:
    for document, records in corpus() + _awkward_corpus():
        text = document_nquads(document, records, extractor_version="v")
        quads = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))
        name = ox.NamedNode(str(document_iri(document.id)))
        assert quads and all(q.graph_name == name for q in quads)
        assert len(set(quads)) == len(quads) == len(text.splitlines())  # one quad a line, no duplicates
        assert quads == document_quads(document, records, extractor_version="v")
        assert document_nquads(document, records, extractor_version="v") == text  # deterministic
        triples = document_triples(document, records, extractor_version="v")
        evidence = {o for _, p, o in triples if p == GKG.evidence}
        assert evidence == {Literal(r.sentence) for r in records}


@pytest.mark.parametrize("bulk", [True, False])
def test_awkward_texts_round_trip_through_a_disk_store(tmp_path: Path, bulk: bool) -> None:
    items = _awkward_corpus()
    with KnowledgeGraph.open(tmp_path / "s") as kg:
        kg.add_documents(items, extractor_version="v", bulk=bulk)
        for document, records in items:
            assert kg.document_relations(document.id) == records
            assert kg.get_document(document.id).source == document.source
    with KnowledgeGraph.open(tmp_path / "s") as kg:  # and after a reopen
        assert [kg.document_relations(d.id) for d, _ in items] == [r for _, r in items]


def test_bulk_batches_store_what_transactions_store(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "bulk") as bulk, KnowledgeGraph.open("memory") as single:
        assert bulk.add_documents(corpus(), extractor_version="v", bulk=True) == [
            single.add_document(d, r, extractor_version="v") for d, r in corpus()]
        assert _contents(bulk) == _contents(single)
        before = bulk.export("nquads")
        bulk.add_documents(corpus(), extractor_version="v", bulk=True)  # the same again: nothing changes
        assert bulk.export("nquads") == before
        # a batch mixing a replaced document and a new one: the new one with the replaced one
        replaced = [(doc("d1"), [rec("d1", "IRN", "attacks", "USA")]), (doc("d9"), [rec("d9", "TUR", "supports", "RUS")])]
        bulk.add_documents(replaced, extractor_version="v", bulk=True)
        for document, records in replaced:
            single.add_document(document, records, extractor_version="v")
        assert _contents(bulk) == _contents(single)


def test_a_bulk_load_is_split_into_steps_of_whole_graphs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = [len(document_nquads(d, r, extractor_version="v").splitlines()) for d, r in corpus()]
    monkeypatch.setattr(store_module, "BULK_MAX_QUADS", max(sizes))  # one graph a step
    steps: list[int] = []
    with open_store(tmp_path / "s") as store:
        inner = store.inner
        original = inner.bulk_load

        class Counting:  # the real store, counting its bulk_load calls
            def __getattr__(self, name: str) -> object:
                return getattr(inner, name)

            def bulk_load(self, data: bytes, **kwargs: object) -> None:
                steps.append(data.count(b"\n"))
                original(data, **kwargs)

        store._inner = Counting()  # type: ignore[assignment]
        texts = [(document_iri(d.id), document_nquads(d, r, extractor_version="v")) for d, r in corpus()]
        assert store.write_graphs(texts, bulk=True) == [True, True, True]
        store._inner = inner
        assert steps == sizes
        assert [len(store.graph_triples(g)) for g, _ in texts] == sizes


def test_a_value_without_utf8_spelling_stops_the_batch_after_the_documents_before_it(tmp_path: Path) -> None:
    bad = rec("b", "TUR", "attacks", "SYR").model_copy(update={"sentence": "lone \ud800 surrogate"})
    items = [(doc("a"), [rec("a", "TUR", "attacks", "SYR")]), (doc("b"), [bad]), (doc("c"), [rec("c", "USA", "aids", "IRN")])]
    with KnowledgeGraph.open(tmp_path / "s") as kg:
        with pytest.raises(StoreError, match="invalid RDF term.*nothing was written"):
            kg.add_documents(items, extractor_version="v", bulk=True)
        assert [d.id for d in kg.list_documents().items] == ["a"]
        assert kg.store.named_graphs() == [document_iri("a")]
        with pytest.raises(StoreError, match="nothing was written"):
            kg.add_document(doc("b"), [bad], extractor_version="v")
        assert kg.store.named_graphs() == [document_iri("a")]


def test_write_graphs_refuses_text_that_is_not_nquads_of_that_graph(tmp_path: Path) -> None:
    g1, g2 = URIRef("https://w3id.org/geokg/doc/g1"), URIRef("https://w3id.org/geokg/doc/g2")
    line = b'<https://example.org/s> <https://example.org/p> "o" <https://w3id.org/geokg/doc/g1> .\n'
    with open_store(tmp_path / "s") as store:
        assert store.write_graphs([(g1, line)]) == [True]
        with pytest.raises(StoreError, match="another graph"):  # an existing graph goes the checked way
            store.write_graphs([(g1, line), (g2, line)])
        with pytest.raises(StoreError, match="invalid N-Quads"):
            store.write_graphs([(g1, b"not n-quads\n")])
        assert store.named_graphs() == [g1]
        assert store.write_graphs([(g1, line)]) == [False]

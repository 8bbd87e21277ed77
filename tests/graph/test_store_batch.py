"""Bulk writes: many documents per store transaction, each still all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph import KnowledgeGraph
from graph.errors import InvalidQuery, StoreError
from graph.iris import document_iri
from graph.store import open_store
from tests.graph.builders import corpus, doc, rec

S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def _contents(kg: KnowledgeGraph) -> tuple[dict, list]:
    quads = sorted((str(g), sorted(map(str, t))) for g in kg.store.named_graphs()
                   for t in kg.store.graph_triples(g))
    return kg.projection.snapshot(), quads


@pytest.mark.parametrize("spec", ["memory", "disk"])
def test_a_batch_stores_what_one_by_one_stores(spec: str, tmp_path: Path) -> None:
    with KnowledgeGraph.open("memory" if spec == "memory" else tmp_path / "a") as batch, \
            KnowledgeGraph.open("memory") as single:
        summaries = batch.add_documents(corpus(), extractor_version="v")
        for document, records in corpus():
            single.add_document(document, records, extractor_version="v")
        assert _contents(batch) == _contents(single)
        assert summaries == [single.get_document(d.id) for d, _ in corpus()]
        # a second batch replacing one document and adding another
        replaced = [(doc("d1"), [rec("d1", "IRN", "attacks", "USA")]), (doc("d9"), [rec("d9", "TUR", "supports", "RUS")])]
        batch.add_documents(replaced, extractor_version="v")
        for document, records in replaced:
            single.add_document(document, records, extractor_version="v")
        assert _contents(batch) == _contents(single)


def test_a_bad_document_stops_the_batch_after_storing_those_before_it() -> None:
    items = [(doc("a"), [rec("a", "TUR", "attacks", "SYR")]),
             (doc("b"), [rec("other", "TUR", "attacks", "SYR")]),  # a record of another document
             (doc("c"), [rec("c", "USA", "attacks", "IRN")])]
    with KnowledgeGraph.open("memory") as kg:
        with pytest.raises(InvalidQuery, match="belongs to document 'other'"):
            kg.add_documents(items, extractor_version="v")
        assert [d.id for d in kg.list_documents().items] == ["a"]
        assert kg.store.named_graphs() == [document_iri("a")]


def test_replace_graphs_with_an_invalid_term_writes_the_graphs_before_it(tmp_path: Path) -> None:
    g = [URIRef(f"https://w3id.org/geokg/doc/g{i}") for i in range(3)]
    with open_store(tmp_path / "s") as store:
        items = [(g[0], [(S, P, Literal("a"))]), (g[1], [(URIRef("not an iri"), P, Literal("b"))]),
                 (g[2], [(S, P, Literal("c"))])]
        with pytest.raises(StoreError, match="invalid RDF term"):
            store.replace_graphs(items)
        assert store.named_graphs() == [g[0]]
        assert store.replace_graphs([(g[0], [(S, P, Literal("a"))]), (g[2], [(S, P, Literal("c"))])]) == [False, True]

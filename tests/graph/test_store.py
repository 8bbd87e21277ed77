"""graph.store: opening, closing, reopening and atomic writes on real Oxigraph stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.errors import StoreError
from graph.store import open_store

G1 = URIRef("https://w3id.org/geokg/doc/g1")
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def test_memory_store_is_empty_and_writable() -> None:
    with open_store("memory") as store:
        assert len(store) == 0
        store.replace_graph(G1, [(S, P, Literal("a"))])
        assert store.named_graphs() == [G1]
        assert store.graph_triples(G1) == [(S, P, Literal("a"))]


def test_directory_store_is_created_and_survives_close(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "store"
    store = open_store(path)
    store.replace_graph(G1, [(S, P, Literal("kept"))])
    store.close()
    assert path.is_dir()
    with open_store(path) as again:
        assert again.graph_triples(G1) == [(S, P, Literal("kept"))]


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "file.txt"
    path.write_text("not a store")
    with pytest.raises(StoreError, match="not a directory"):
        open_store(path)


def test_an_open_store_cannot_be_opened_twice_until_closed(tmp_path: Path) -> None:
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="already open"):
        open_store(tmp_path / "s")
    first.close()
    open_store(tmp_path / "s").close()


def test_empty_spec_is_refused() -> None:
    with pytest.raises(StoreError, match="empty store spec"):
        open_store("  ")


def test_closed_store_refuses_use() -> None:
    store = open_store("memory")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.named_graphs()


@pytest.mark.parametrize("spec", ["memory", "disk"])
def test_replace_graph_replaces_and_leaves_other_graphs(spec: str, tmp_path: Path) -> None:
    g2 = URIRef("https://w3id.org/geokg/doc/g2")
    with open_store("memory" if spec == "memory" else tmp_path / "s") as store:
        store.replace_graph(G1, [(S, P, Literal("old")), (S, P, Literal("older"))])
        store.replace_graph(g2, [(S, P, Literal("other"))])
        store.replace_graph(G1, [(S, P, Literal('new "quoted"\nline'))])
        assert store.graph_triples(G1) == [(S, P, Literal('new "quoted"\nline'))]
        assert store.graph_triples(g2) == [(S, P, Literal("other"))]
        store.drop_graph(G1)
        assert store.named_graphs() == [g2]


def test_failed_replace_leaves_the_previous_graph(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_graph(G1, [(S, P, Literal("old"))])
        bad = [(S, P, Literal("new")), (URIRef("not an iri"), P, Literal("x"))]
        with pytest.raises(StoreError, match="nothing was written"):
            store.replace_graph(G1, bad)
        assert store.graph_triples(G1) == [(S, P, Literal("old"))]


def test_replacing_with_the_same_triples_writes_nothing(tmp_path: Path) -> None:
    triples = [(S, P, Literal("a")), (S, P, Literal(1)), (S, P, Literal("x", lang="en"))]
    with open_store(tmp_path / "s") as store:
        assert store.replace_graph(G1, triples) is True
        assert store.replace_graph(G1, list(reversed(triples))) is False
        assert store.replace_graph(G1, triples[:2]) is True
        assert sorted(store.graph_triples(G1)) == sorted(triples[:2])

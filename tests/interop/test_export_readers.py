"""Exports read back by parsers that are not ours: graphology-graphml and graphology-gexf
(node), python-igraph for GraphML, pyoxigraph for every RDF format.

The expected edges come from the store itself (a SPARQL query over the direct relation
triples), not from the projection the exports are written from.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import igraph
import pyoxigraph as ox
import pytest

from graph import KnowledgeGraph
from graph.filters import make_filter
from graph.iris import ACTOR_PREFIX
from ontology import NAMESPACE, descendants, relation_type, relation_types
from tests.graph.builders import corpus, doc, load, rec

Reader = Callable[[str, bytes], dict[str, Any]]

NODE_TYPES = {"label": str, "type": str, "country": str, "role": str, "aliases": str,
              "degree": int, "in_degree": int, "out_degree": int}
EDGE_TYPES = {"relation": str, "polarity": str, "plover": str, "first_seen": str, "last_seen": str,
              "weight": float, "mentions": int, "documents": int, "sources": int, "confidence": float}


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    """The test corpus plus a document in which Turkey attacks Russia (a pair with two relation types)."""
    with KnowledgeGraph.open("memory") as graph:
        extra = [rec("d4", "TUR", "attacks", "RUS", date=dt.date(2018, 5, 1)),
                 rec("d4", "TUR", "attacks", "RUS", date=dt.date(2018, 5, 3), start=40)]
        load(graph, [*corpus(), (doc("d4", date=dt.date(2018, 5, 3), source="AFP"), extra)])
        yield graph


def _stored_edges(kg: KnowledgeGraph, types: str | None = None) -> set[tuple[str, str, str]]:
    """(source, relation, target) of every direct triple in the store; symmetric types both ways."""
    names = [rt for rt in (descendants(types) if types else relation_types())]
    values = " ".join(f"<{NAMESPACE}{rt.name}>" for rt in names)
    result = kg.sparql(f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o VALUES ?p {{ {values} }} }}")
    edges = set()
    for s, p, o in result.rows:
        source, target = s.value.removeprefix(ACTOR_PREFIX), o.value.removeprefix(ACTOR_PREFIX)
        rtype = relation_type(p.value.removeprefix(NAMESPACE))
        edges.add((source, rtype.snake, target))
        if rtype.symmetric:
            edges.add((target, rtype.snake, source))
    return edges


def _is(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _check_typed(parsed: dict[str, Any]) -> None:
    for node, attributes in parsed["nodes"].items():
        for name, kind in NODE_TYPES.items():
            assert _is(attributes.get(name), kind), (node, name, attributes.get(name))
    for edge in parsed["edges"]:
        for name, kind in EDGE_TYPES.items():
            assert _is(edge["attributes"].get(name), kind), (edge["key"], name, edge["attributes"].get(name))


# ---------------------------------------------------------------------- graphology
def test_graphology_reads_graphml_typed_directed_one_edge_per_pair_and_type(
        kg: KnowledgeGraph, graphology: Reader) -> None:
    parsed = graphology("graphml", kg.export("graphml"))
    assert parsed["type"] == "directed"
    assert parsed["attributes"] == {}  # no graph-level attributes
    assert parsed["multi"] is True  # TUR→RUS: cooperates_with and attacks, one edge each
    _check_typed(parsed)
    edges = [(e["source"], e["attributes"]["relation"], e["target"]) for e in parsed["edges"]]
    assert len(edges) == len(set(edges))
    assert set(edges) == _stored_edges(kg)
    attacks = next(e["attributes"] for e in parsed["edges"] if e["key"] == "TUR|attacks|RUS")
    assert (attacks["weight"], attacks["mentions"], attacks["documents"]) == (1, 2, 1)  # two records, one document
    assert (attacks["first_seen"], attacks["last_seen"], attacks["polarity"]) == ("2018-05-01", "2018-05-03", "conflict")
    assert parsed["nodes"]["TUR"]["label"] == "Turkey"
    assert parsed["nodes"]["TUR"]["degree"] == sum(1 for e in parsed["edges"] if "TUR" in (e["source"], e["target"]))


def test_graphology_reads_gexf_with_colours_kinds_and_weights(kg: KnowledgeGraph, graphology: Reader) -> None:
    parsed = graphology("gexf", kg.export("gexf"))
    assert parsed["type"] == "directed" and parsed["multi"] is True
    _check_typed(parsed)
    assert {(e["source"], e["attributes"]["relation"], e["target"]) for e in parsed["edges"]} == _stored_edges(kg)
    for edge in parsed["edges"]:
        attributes = edge["attributes"]
        assert attributes["kind"] == attributes["label"] == attributes["relation"]
        expected = "rgb(214,39,40)" if attributes["polarity"] == "conflict" else "rgb(44,160,44)"
        assert attributes["color"] == expected  # rgb(), not rgba(): no alpha written
    together = next(e["attributes"] for e in parsed["edges"] if e["key"] == "TUR|cooperates_with|RUS")
    assert together["weight"] == 2  # two documents


def test_graphology_reads_filtered_exports(kg: KnowledgeGraph, graphology: Reader) -> None:
    opposes = graphology("gexf", kg.export("gexf", filter=make_filter(types="opposes")))
    assert {(e["source"], e["attributes"]["relation"], e["target"]) for e in opposes["edges"]} == _stored_edges(
        kg, "opposes")
    assert {e["attributes"]["polarity"] for e in opposes["edges"]} == {"conflict"}
    year = graphology("graphml", kg.export("graphml", filter=make_filter(since="2016-01-01", until="2016-12-31")))
    assert all(e["attributes"]["first_seen"].startswith("2016") for e in year["edges"]) and year["edges"]
    ego = graphology("graphml", kg.export("graphml", filter=make_filter(actor="Erdogan")))
    assert set(ego["nodes"]) == {"recep-tayyip-erdogan", "USA"}


# ---------------------------------------------------------------------- igraph
def test_igraph_reads_graphml_with_typed_attributes(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "geokg.graphml"
    path.write_bytes(kg.export("graphml"))
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert g.ecount() == len(_stored_edges(kg))
    names = g.vs["id"]
    assert set(g.vs.attributes()) >= {"id", *NODE_TYPES}
    assert set(g.es.attributes()) >= set(EDGE_TYPES)
    assert all(isinstance(v, str) for v in g.vs["label"]) and all(isinstance(v, float) for v in g.es["weight"])
    # igraph's own degree count agrees with the degree attribute written
    assert [int(d) for d in g.vs["degree"]] == g.degree()
    turkey = g.vs[names.index("TUR")]
    assert (turkey["label"], turkey["type"], turkey["country"]) == ("Turkey", "State", "TUR")
    pairs = {(names[e.source], e["relation"], names[e.target]) for e in g.es}
    assert pairs == _stored_edges(kg)


# ---------------------------------------------------------------------- pyoxigraph
@pytest.mark.parametrize(("fmt", "rdf_format"), [
    ("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS), ("jsonld", ox.RdfFormat.JSON_LD)])
def test_oxigraph_reads_the_rdf_exports_with_named_graphs(kg: KnowledgeGraph, fmt: str, rdf_format: ox.RdfFormat) -> None:
    quads = list(ox.parse(kg.export(fmt), format=rdf_format))
    stored = {str(q) for q in kg.store.inner if isinstance(q.graph_name, ox.NamedNode)}  # the document graphs
    if fmt == "jsonld":  # blank nodes get new labels; compare without them (the store has none)
        assert all(not isinstance(q.subject, ox.BlankNode) for q in quads)
    assert {str(q) for q in quads} == stored
    assert {q.graph_name.value for q in quads} == {str(g) for g in kg.store.named_graphs()}


def test_oxigraph_reads_turtle_as_the_union(kg: KnowledgeGraph) -> None:
    triples = {str(q.triple) for q in ox.parse(kg.export("turtle"), format=ox.RdfFormat.TURTLE)}
    assert triples == {str(q.triple) for q in kg.store.inner if isinstance(q.graph_name, ox.NamedNode)}
    assert f"<{ACTOR_PREFIX}TUR> <{NAMESPACE}attacks> <{ACTOR_PREFIX}RUS>" in {t.removesuffix(" .") for t in triples}


def test_jsonld_declares_its_context(kg: KnowledgeGraph) -> None:
    import json

    document = json.load(io.BytesIO(kg.export("jsonld")))
    assert document["@context"]["gkg"] == NAMESPACE and document["@context"]["actor"] == ACTOR_PREFIX

"""Exports: every format parses back with an independent reader or networkx, with its content."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from graph import InvalidQuery, KnowledgeGraph
from graph.iris import actor_iri, document_iri
from ontology import GKG


def test_turtle_is_the_union_of_documents(loaded: KnowledgeGraph) -> None:
    data = loaded.export("turtle")
    graph = Graph().parse(data=data, format="turtle")
    assert (actor_iri("TUR"), GKG.attacks, actor_iri("islamic-state")) in graph
    assert b"@prefix gkg:" in data
    parsed = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(graph)


def test_trig_and_nquads_keep_named_graphs(loaded: KnowledgeGraph) -> None:
    for fmt, ox_format in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        data = loaded.export(fmt)
        quads = list(ox.parse(data, format=ox_format))
        assert len(quads) == len(loaded.store)
        graphs = {q.graph_name.value for q in quads}
        assert graphs == {str(document_iri(d)) for d in ("d1", "d2", "d3")}
    dataset = Dataset()
    dataset.parse(data=loaded.export("trig"), format="trig")
    assert len(dataset.graph(document_iri("d3"))) == len(loaded.store.graph_triples(document_iri("d3")))


def test_jsonld_has_a_context_and_the_same_quads(loaded: KnowledgeGraph) -> None:
    data = loaded.export("jsonld")
    document = json.loads(data)
    assert document["@context"]["gkg"] == "https://w3id.org/geokg/ontology#"
    dataset = Dataset()
    dataset.parse(data=data, format="json-ld")
    assert sum(len(g) for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier) == len(
        loaded.store)


def test_graphml_reads_back_with_labels_and_scalar_edge_attributes(loaded: KnowledgeGraph) -> None:
    data = loaded.export("graphml")
    G = nx.read_graphml(io.BytesIO(data))
    assert G.is_directed()
    assert G.nodes["TUR"]["label"] == "Turkey"
    assert G.nodes["islamic-state"]["country"] == ""  # None written as ""
    assert G.nodes["TUR-GOV"]["role"] == "GOV"
    edge = G.edges["TUR", "RUS"]
    assert (edge["relation"], edge["polarity"], edge["weight"]) == ("cooperates_with", "cooperation", 2)
    assert not G.has_edge("USA", "SYR")  # the negated threat only: no supported edge
    root = ET.fromstring(data)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = root.findall("g:key", ns)
    assert keys and all(k.get("for") in ("node", "edge") for k in keys)
    assert "label" in {k.get("attr.name") for k in keys if k.get("for") == "node"}
    graph_el = root.find("g:graph", ns)
    assert graph_el is not None and graph_el.get("edgedefault") == "directed"
    assert graph_el.findall("g:data", ns) == []  # no graph-level attributes


def test_gexf_reads_back_with_labels(loaded: KnowledgeGraph) -> None:
    G = nx.read_gexf(io.BytesIO(loaded.export("gexf")))
    labels = {data["label"] for _, data in G.nodes(data=True)}
    assert {"Turkey", "Russia", "Islamic State", "Recep Tayyip Erdoğan"} <= labels
    edges = {(G.nodes[u]["label"], G.nodes[v]["label"]): d for u, v, d in G.edges(data=True)}
    attack = edges[("Turkey", "Islamic State")]
    assert (attack["relation"], attack["polarity"], attack["weight"]) == ("attacks", "conflict", 1)


def test_empty_graph_exports(kg: KnowledgeGraph) -> None:
    for fmt in ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf"):
        assert isinstance(kg.export(fmt), bytes)


def test_unknown_format_lists_the_known_ones(kg: KnowledgeGraph) -> None:
    with pytest.raises(InvalidQuery, match="turtle, trig, nquads, jsonld, graphml, gexf"):
        kg.export("pdf")

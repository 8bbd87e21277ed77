"""Exports: every format parses back with an independent reader or networkx, with its content."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from graph import ActorNotFound, InvalidQuery, KnowledgeGraph
from graph.filters import make_filter
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
    G = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert G.is_directed()
    assert G.nodes["TUR"]["label"] == "Turkey"
    assert G.nodes["islamic-state"]["country"] == ""  # None written as ""
    assert G.nodes["TUR-GOV"]["role"] == "GOV"
    edges = {(u, d["relation"], v): d for u, v, d in G.edges(data=True)}
    edge = edges["TUR", "cooperates_with", "RUS"]
    assert (edge["polarity"], edge["weight"], edge["documents"]) == ("cooperation", 2.0, 2)
    assert not G.has_edge("USA", "SYR")  # the negated threat only: no supported edge
    assert not G.has_edge("TUR", "SYR-REB")  # an intended fight does not count by default
    root = ET.fromstring(data)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = root.findall("g:key", ns)
    assert keys and all(k.get("for") in ("node", "edge") for k in keys)
    assert all(k.get("attr.type") in ("string", "int", "double") for k in keys)
    assert len({k.get("id") for k in keys}) == len(keys)
    assert "label" in {k.get("attr.name") for k in keys if k.get("for") == "node"}
    graph_el = root.find("g:graph", ns)
    assert graph_el is not None and graph_el.get("edgedefault") == "directed"
    assert graph_el.findall("g:data", ns) == []  # no graph-level attributes


def test_one_edge_per_pair_and_relation_type(loaded: KnowledgeGraph) -> None:
    G = nx.read_graphml(io.BytesIO(loaded.export("graphml")), force_multigraph=True)
    triples = [(u, d["relation"], v) for u, v, d in G.edges(data=True)]
    assert len(triples) == len(set(triples))
    # TUR cooperates with RUS in two documents: one edge of weight 2, not two parallel edges
    assert triples.count(("TUR", "cooperates_with", "RUS")) == 1
    ids = [d["id"] for _, _, d in G.edges(data=True)] if "id" in next(iter(G.edges(data=True)))[2] else []
    assert len(ids) == len(set(ids))


def test_gexf_reads_back_with_labels(loaded: KnowledgeGraph) -> None:
    G = nx.read_gexf(io.BytesIO(loaded.export("gexf")))
    labels = {data["label"] for _, data in G.nodes(data=True)}
    assert {"Turkey", "Russia", "Islamic State", "Recep Tayyip Erdoğan"} <= labels
    edges = {(G.nodes[u]["label"], G.nodes[v]["label"]): d for u, v, d in G.edges(data=True)}
    attack = edges[("Turkey", "Islamic State")]
    assert (attack["relation"], attack["polarity"], attack["weight"]) == ("attacks", "conflict", 1.0)


def test_gexf_is_dynamic_and_coloured_by_polarity(loaded: KnowledgeGraph) -> None:
    root = ET.fromstring(loaded.export("gexf"))
    ns = {"x": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    graph_el = root.find("x:graph", ns)
    assert graph_el is not None
    assert (graph_el.get("mode"), graph_el.get("timeformat"), graph_el.get("defaultedgetype")) == (
        "dynamic", "date", "directed")
    edges = {e.get("id"): e for e in root.iterfind(".//x:edge", ns)}
    attack = edges["TUR|attacks|islamic-state"]
    assert (attack.get("start"), attack.get("end")) == ("2016-12-20", "2016-12-20")
    together = edges["TUR|cooperates_with|RUS"]
    assert (together.get("start"), together.get("end"), together.get("weight")) == ("2016-12-20", "2017-01-06", "2.0")
    assert "start" not in edges["TUR-GOV|rejects|USA"].attrib  # no dated record: always present
    for edge in edges.values():
        colour = edge.find("viz:color", ns)
        assert colour is not None and set(colour.attrib) == {"r", "g", "b"}  # RGB, no alpha
        polarity = edge.find("x:attvalues/x:attvalue[@for='polarity']", ns).get("value")
        assert (colour.get("r"), colour.get("g")) == (("214", "39") if polarity == "conflict" else ("44", "160"))


def test_network_exports_take_the_query_filters(loaded: KnowledgeGraph) -> None:
    def relations(**fields: object) -> set[tuple[str, str, str]]:
        rows = csv.DictReader(io.StringIO(loaded.export("edges-csv", filter=make_filter(**fields)).decode()))
        return {(r["source"], r["relation"], r["target"]) for r in rows}

    everything = relations()
    opposes = relations(types="opposes")
    assert opposes == {("TUR", "attacks", "islamic-state"), ("RUS", "attacks", "islamic-state"),
                       ("recep-tayyip-erdogan", "accuses", "USA"), ("TUR-GOV", "rejects", "USA")}
    assert opposes < everything
    assert relations(since="2017-01-01", until="2017-12-31") == {
        ("recep-tayyip-erdogan", "accuses", "USA"), ("RUS", "attacks", "islamic-state"),
        ("TUR", "cooperates_with", "RUS"), ("RUS", "cooperates_with", "TUR")}
    assert relations(actor="Tehran") == {("IRN", "aids", "SYR")}  # IRN by alias; one hop
    assert relations(actor="Tehran", hops=2) == {("IRN", "aids", "SYR"), ("RUS", "supports", "SYR")}
    ego = make_filter(actor="IRN", hops=2)
    nodes = list(csv.DictReader(io.StringIO(loaded.export("nodes-csv", filter=ego).decode())))
    assert {n["id"] for n in nodes} == {"IRN", "SYR", "RUS"}
    assert {n["id"]: int(n["degree"]) for n in nodes} == {"IRN": 1, "SYR": 2, "RUS": 1}
    with pytest.raises(ActorNotFound):
        loaded.export("graphml", filter=make_filter(actor="Atlantis"))


def test_csv_lists_are_gephi_spreadsheets(loaded: KnowledgeGraph) -> None:
    edges = list(csv.reader(io.StringIO(loaded.export("csv").decode(), newline="")))
    assert edges[0][:3] == ["id", "source", "target"] and "weight" in edges[0]
    nodes = list(csv.DictReader(io.StringIO(loaded.export("nodes-csv").decode())))
    ids = {n["id"] for n in nodes}
    assert all(row[1] in ids and row[2] in ids for row in edges[1:])
    turkey = next(n for n in nodes if n["id"] == "TUR")
    assert (turkey["label"], turkey["type"], turkey["country"]) == ("Turkey", "State", "TUR")
    assert "Ankara" in turkey["aliases"]


def test_empty_graph_exports(kg: KnowledgeGraph) -> None:
    for fmt in ("turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "edges-csv", "nodes-csv"):
        assert isinstance(kg.export(fmt), bytes)


def test_unknown_format_lists_the_known_ones(kg: KnowledgeGraph) -> None:
    with pytest.raises(InvalidQuery, match="turtle, trig, nquads, jsonld, graphml, gexf, edges-csv, nodes-csv"):
        kg.export("pdf")


def test_rdf_exports_refuse_filters_rather_than_ignore_them(loaded: KnowledgeGraph) -> None:
    with pytest.raises(InvalidQuery, match="network formats"):
        loaded.export("turtle", filter=make_filter(types="opposes"))
    assert loaded.export("turtle", filter=make_filter()) == loaded.export("turtle")


def test_xml_special_and_illegal_characters_in_labels(kg: KnowledgeGraph) -> None:
    from extract.records import ActorRef
    from tests.graph.builders import doc, rec

    odd = ActorRef(id="x-odd", label='<Jane & "Doe">\x01\ttab', type="Person", text="Jane")
    record = rec("odd", "TUR", "accuses", "SYR").model_copy(update={"object": odd})
    kg.add_document(doc("odd"), [record], extractor_version="test-1")
    G = nx.read_graphml(io.BytesIO(kg.export("graphml")))
    assert G.nodes["x-odd"]["label"] == '<Jane & "Doe">\ttab'  # escaped; the control character dropped
    H = nx.read_gexf(io.BytesIO(kg.export("gexf")))
    assert H.nodes["x-odd"]["label"] == '<Jane & "Doe">\ttab'

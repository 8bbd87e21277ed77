"""KnowledgeGraph.sparql: read-only SPARQL with a union default graph, limits, and results
written in the W3C formats (read back by pyoxigraph's and rdflib's own result parsers)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.query import Result

from graph import KnowledgeGraph
from graph.iris import actor_iri, document_iri
from graph.sparql import MalformedQuery, QueryTimeout, ServiceRefused, UpdateRefused, is_update, uses_service
from graph.sparql_results import CSV, JSON, NTRIPLES, TSV, TURTLE, XML, NotAcceptable, negotiate, serialize
from ontology import descendants

GKG = "https://w3id.org/geokg/ontology#"

OPPOSES_FAMILY = " ".join(f"gkg:{rt.name}" for rt in descendants("opposes"))

WHO_OPPOSES_WHOM = f"""PREFIX gkg: <{GKG}>
SELECT ?s ?type ?o WHERE {{
  ?s ?type ?o .
  VALUES ?type {{ {OPPOSES_FAMILY} }}
}} ORDER BY ?s ?type ?o"""
"""No GRAPH clause: the union default graph makes the direct triples of every document visible."""

UPDATES = [
    "DROP ALL",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    "DROP GRAPH <https://w3id.org/geokg/doc/d1>",
    "CREATE GRAPH <https://example.org/new>",
    "LOAD <http://127.0.0.1:9/nothing.ttl>",
    "LOAD SILENT <http://127.0.0.1:9/nothing.ttl> INTO GRAPH <https://example.org/g>",
    "ADD <https://w3id.org/geokg/doc/d1> TO <https://w3id.org/geokg/doc/d2>",
    "MOVE <https://w3id.org/geokg/doc/d1> TO <https://example.org/g>",
    "COPY <https://w3id.org/geokg/doc/d1> TO <https://w3id.org/geokg/doc/d2>",
    "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 } }",
    "DELETE DATA { <https://example.org/a> <https://example.org/b> 1 }",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX gkg: <https://w3id.org/geokg/ontology#>\n"
    "WITH <https://w3id.org/geokg/doc/d1> DELETE { ?s ?p ?o } INSERT { ?s gkg:opposes ?o } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",  # a query followed by an update is neither
    "drop all",
]


def _quads(kg: KnowledgeGraph) -> set[str]:
    return {str(q) for q in kg.store.inner}


def test_select_over_the_opposes_hierarchy_sees_every_document(loaded: KnowledgeGraph) -> None:
    result = loaded.sparql(WHO_OPPOSES_WHOM)
    assert result.kind == "solutions" and result.variables == ["s", "type", "o"]
    rows = {(s.value, t.value.removeprefix(GKG), o.value) for s, t, o in result.rows}
    assert rows == {
        (str(actor_iri("RUS")), "attacks", str(actor_iri("islamic-state"))),
        (str(actor_iri("TUR")), "attacks", str(actor_iri("islamic-state"))),
        (str(actor_iri("TUR-GOV")), "rejects", str(actor_iri("USA"))),
        (str(actor_iri("recep-tayyip-erdogan")), "accuses", str(actor_iri("USA"))),
    }  # negated (USA threatens SYR) and intended (TUR fights SYR-REB) records have no direct triple


def test_graph_clause_reaches_each_document(loaded: KnowledgeGraph) -> None:
    query = f"PREFIX gkg: <{GKG}> SELECT ?g WHERE {{ GRAPH ?g {{ ?s gkg:attacks ?o }} }} ORDER BY ?g"
    assert [row[0].value for row in loaded.sparql(query).rows] == [str(document_iri("d1")), str(document_iri("d2"))]


def test_protocol_dataset_restricts_the_default_graph(loaded: KnowledgeGraph) -> None:
    result = loaded.sparql(WHO_OPPOSES_WHOM, default_graph_uris=[str(document_iri("d3"))])
    assert [row[1].value.removeprefix(GKG) for row in result.rows] == ["rejects"]
    with pytest.raises(MalformedQuery, match="default-graph-uri"):
        loaded.sparql(WHO_OPPOSES_WHOM, default_graph_uris=["not an iri"])


def test_ask_and_construct(loaded: KnowledgeGraph) -> None:
    ask = loaded.sparql(f"ASK {{ <{actor_iri('TUR')}> <{GKG}attacks> <{actor_iri('islamic-state')}> }}")
    assert ask.kind == "boolean" and ask.boolean is True
    construct = loaded.sparql(f"CONSTRUCT {{ ?s <{GKG}attacks> ?o }} WHERE {{ ?s <{GKG}attacks> ?o }}")
    assert construct.kind == "graph"
    assert {(t.subject.value, t.object.value) for t in construct.triples} == {
        (str(actor_iri("TUR")), str(actor_iri("islamic-state"))),
        (str(actor_iri("RUS")), str(actor_iri("islamic-state"))),
    }


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_change_nothing(loaded: KnowledgeGraph, update: str) -> None:
    before = _quads(loaded)
    with pytest.raises((UpdateRefused, MalformedQuery)):
        loaded.sparql(update)
    assert _quads(loaded) == before
    assert loaded.store.named_graphs() == [document_iri(d) for d in ("d1", "d2", "d3")]


def test_update_classification_uses_a_parser_not_keywords(loaded: KnowledgeGraph) -> None:
    assert is_update("DROP ALL") and is_update("INSERT DATA { <a:x> <a:y> <a:z> }")
    # update words inside a string literal or an IRI are data: the query runs
    query = 'SELECT ?x WHERE { VALUES ?x { "DROP ALL ; DELETE WHERE { ?s ?p ?o }" <https://example.org/INSERT> } }'
    assert not is_update(query)
    assert len(loaded.sparql(query).rows) == 2
    with pytest.raises(UpdateRefused):
        loaded.sparql("DROP ALL")
    with pytest.raises(MalformedQuery, match="malformed SPARQL"):
        loaded.sparql("SELEKT ?x WHERE { }")
    with pytest.raises(MalformedQuery, match="empty query"):
        loaded.sparql("   ")


def test_result_limit_cuts_and_marks_the_answer(loaded: KnowledgeGraph) -> None:
    everything = loaded.sparql("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not everything.truncated and len(everything.rows) == len(loaded.store)
    cut = loaded.sparql("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", limit=5)
    assert cut.truncated and len(cut.rows) == 5
    triples = loaded.sparql("CONSTRUCT WHERE { ?s ?p ?o }", limit=3)
    assert triples.truncated and len(triples.triples) == 3


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # Oxigraph's iterator
def test_time_limit_stops_a_runaway_query(loaded: KnowledgeGraph) -> None:  # dropped in its own thread
    # a cross product of every quad four times (~10^8 rows): cannot finish within the limit
    runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match="time limit"):
        loaded.sparql(runaway, timeout=0.3, limit=10**9)
    # the store still answers afterwards
    assert loaded.sparql("ASK { ?s ?p ?o }").boolean is True


# ---------------------------------------------------------------------- result formats
def test_json_and_xml_read_back_with_oxigraph_and_rdflib(loaded: KnowledgeGraph) -> None:
    query = f"""PREFIX gkg: <{GKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?r ?label ?date ?missing WHERE {{
      ?r a gkg:Relation ; gkg:subject ?a ; gkg:eventDate ?date . ?a rdfs:label ?label .
      OPTIONAL {{ ?r gkg:nothing ?missing }} }} ORDER BY ?r"""
    result = loaded.sparql(query)
    assert result.rows
    for media, fmt, rdflib_fmt in ((JSON, ox.QueryResultsFormat.JSON, "json"),
                                   (XML, ox.QueryResultsFormat.XML, "xml")):
        data = serialize(result, media)
        parsed = ox.parse_query_results(data, format=fmt)
        assert [v.value for v in parsed.variables] == ["r", "label", "date", "missing"]
        rows = [tuple(s[v] for v in ("r", "label", "date", "missing")) for s in parsed]
        assert rows == list(result.rows)  # same terms: IRIs, plain and typed literals, unbound
        other = Result.parse(io.BytesIO(data), format=rdflib_fmt)
        assert len(other.bindings) == len(result.rows)
    document = json.loads(serialize(result, JSON))
    first = document["results"]["bindings"][0]
    assert first["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date" and "missing" not in first


def test_csv_and_tsv_follow_the_recommendation(loaded: KnowledgeGraph) -> None:
    query = (f'SELECT ?s ?label WHERE {{ VALUES (?s ?label) {{ (<{actor_iri("TUR")}> "Turkey, \\"the\\" state")'
             f' (<{actor_iri("USA")}> UNDEF) }} }}')
    result = loaded.sparql(query)
    rows = list(csv.reader(io.StringIO(serialize(result, CSV).decode("utf-8"), newline="")))
    assert rows == [["s", "label"], [str(actor_iri("TUR")), 'Turkey, "the" state'], [str(actor_iri("USA")), ""]]
    assert serialize(result, CSV).count(b"\r\n") == 3
    parsed = ox.parse_query_results(serialize(result, TSV), format=ox.QueryResultsFormat.TSV)
    assert [tuple(s[v] for v in ("s", "label")) for s in parsed] == list(result.rows)
    ask = loaded.sparql("ASK { ?s ?p ?o }")
    assert bool(ox.parse_query_results(serialize(ask, JSON), format=ox.QueryResultsFormat.JSON)) is True
    assert bool(ox.parse_query_results(serialize(ask, XML), format=ox.QueryResultsFormat.XML)) is True


def test_graph_results_as_turtle_and_ntriples(loaded: KnowledgeGraph) -> None:
    result = loaded.sparql(f"CONSTRUCT {{ ?s <{GKG}attacks> ?o }} WHERE {{ ?s <{GKG}attacks> ?o }}")
    for media, fmt in ((TURTLE, ox.RdfFormat.TURTLE), (NTRIPLES, ox.RdfFormat.N_TRIPLES)):
        assert {q.triple for q in ox.parse(serialize(result, media), format=fmt)} == set(result.triples)
    with pytest.raises(NotAcceptable):
        serialize(result, JSON)


@pytest.mark.parametrize(("kind", "accept", "expected"), [
    ("solutions", None, JSON),
    ("solutions", "*/*", JSON),
    ("solutions", "application/json", JSON),
    ("solutions", "application/sparql-results+xml", XML),
    ("solutions", "text/csv;q=0.5, text/tab-separated-values", TSV),
    ("solutions", "text/html;q=1, text/csv;q=0.9", CSV),
    ("boolean", "application/sparql-results+xml, */*;q=0.1", XML),
    ("graph", None, TURTLE),
    ("graph", "application/n-triples", NTRIPLES),
    ("graph", "application/sparql-results+json, text/turtle;q=0.5", TURTLE),
])
def test_negotiation(kind: str, accept: str | None, expected: str) -> None:
    assert negotiate(kind, accept) == expected


def test_negotiation_refuses_what_cannot_carry_the_result() -> None:
    with pytest.raises(NotAcceptable, match="acceptable"):
        negotiate("solutions", "text/turtle")
    with pytest.raises(NotAcceptable):
        negotiate("graph", "text/csv")
    assert negotiate("solutions", "text/turtle", format="csv") == CSV


def test_too_many_running_queries_are_refused_as_busy(loaded: KnowledgeGraph) -> None:
    from graph import sparql as module

    held = [module._running.acquire(blocking=False) for _ in range(module.MAX_RUNNING)]
    try:
        assert all(held)
        with pytest.raises(QueryTimeout, match="too many"):
            loaded.sparql("ASK { ?s ?p ?o }", timeout=0.2)
    finally:
        for _ in held:
            module._running.release()
    assert loaded.sparql("ASK { ?s ?p ?o }").boolean is True


def test_federated_queries_are_refused_before_any_request(loaded: KnowledgeGraph) -> None:
    import http.server
    import threading

    calls: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            calls.append(self.path)
            self.send_error(500)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                      f"ASK {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?x }} }} }}",
                      f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"):
            assert uses_service(query)
            with pytest.raises(ServiceRefused, match="SERVICE"):
                loaded.sparql(query)
    finally:
        server.shutdown()
        server.server_close()
    assert calls == []  # no request left the process
    assert not uses_service('SELECT ?x WHERE { VALUES ?x { "SERVICE" <https://example.org/SERVICE> } }')


def test_a_closed_disk_store_reopens_after_every_kind_of_query(tmp_path: Path) -> None:
    """Nothing a query leaves behind (parser reference cycles, Oxigraph iterators) holds the
    store: it reopens at once after close, without waiting for the garbage collector."""
    import gc

    from tests.graph.builders import load

    path = str(tmp_path / "store")
    gc.disable()
    try:
        kg = KnowledgeGraph.open(path)
        load(kg)
        assert kg.sparql("SELECT * WHERE { ?s ?p ?o }", limit=2).truncated
        with pytest.raises(UpdateRefused):
            kg.sparql("DROP ALL")
        with pytest.raises(ServiceRefused):
            kg.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
        with pytest.raises(MalformedQuery):
            kg.sparql("SELECT WHERE")
        kg.close()
        with KnowledgeGraph.open(path) as again:
            assert again.sparql("ASK { ?s ?p ?o }").boolean is True
    finally:
        gc.enable()

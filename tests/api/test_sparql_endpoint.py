"""/sparql: the SPARQL 1.1 Protocol's forms over HTTP, and SPARQLWrapper against a real uvicorn server.

The store is the graph tests' corpus written to disk first (no spaCy needed).
"""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from api.app import create_app
from api.settings import Settings
from graph import KnowledgeGraph
from graph.iris import actor_iri
from ontology import descendants
from tests.graph.builders import load

GKG = "https://w3id.org/geokg/ontology#"
OPPOSES = f"""PREFIX gkg: <{GKG}>
SELECT ?s ?type ?o WHERE {{ ?s ?type ?o . VALUES ?type {{ {" ".join(f"gkg:{t.name}" for t in descendants("opposes"))} }} }}
ORDER BY ?s ?type ?o"""
EXPECTED = [
    (str(actor_iri("RUS")), f"{GKG}attacks", str(actor_iri("islamic-state"))),
    (str(actor_iri("TUR")), f"{GKG}attacks", str(actor_iri("islamic-state"))),
    (str(actor_iri("TUR-GOV")), f"{GKG}rejects", str(actor_iri("USA"))),
    (str(actor_iri("recep-tayyip-erdogan")), f"{GKG}accuses", str(actor_iri("USA"))),
]
UPDATE = "DROP ALL"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with KnowledgeGraph.open(str(path)) as kg:
        load(kg)
    return path


def _client(store_path: Path, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(store=str(store_path), **settings)))


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with _client(store_path) as test_client:
        yield test_client


def _snapshot(client: TestClient) -> tuple[int, bytes]:
    triples = client.get("/stats").json()["triples"]
    return triples, client.get("/export", params={"format": "nquads"}).content


def _rows(body: bytes, fmt: ox.QueryResultsFormat) -> list[tuple[str, ...]]:
    if fmt == ox.QueryResultsFormat.CSV:  # lossy by design: pyoxigraph does not read it; the csv module does
        return [tuple(row) for row in csv.reader(io.StringIO(body.decode("utf-8")))][1:]
    parsed = ox.parse_query_results(body, format=fmt)
    names = [v.value for v in parsed.variables]
    return [tuple(s[n].value for n in names) for s in parsed]


# ---------------------------------------------------------------------- protocol forms
def test_get_answers_sparql_json_by_default(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": OPPOSES})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert _rows(response.content, ox.QueryResultsFormat.JSON) == EXPECTED


@pytest.mark.parametrize(("accept", "fmt"), [
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
])
def test_accept_header_picks_the_results_format(client: TestClient, accept: str, fmt: ox.QueryResultsFormat) -> None:
    response = client.get("/sparql", params={"query": OPPOSES}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert _rows(response.content, fmt) == EXPECTED


def test_post_form_and_direct_body(client: TestClient) -> None:
    form = client.post("/sparql", data={"query": OPPOSES}, headers={"Accept": "text/csv"})
    assert form.status_code == 200
    assert list(csv.reader(io.StringIO(form.text)))[1:] == [list(row) for row in EXPECTED]
    direct = client.post("/sparql", content=OPPOSES.encode(), headers={"Content-Type": "application/sparql-query"})
    assert direct.status_code == 200 and _rows(direct.content, ox.QueryResultsFormat.JSON) == EXPECTED
    other = client.post("/sparql", content=OPPOSES.encode(), headers={"Content-Type": "text/plain"})
    assert other.status_code == 415 and other.json()["error"]["code"] == "unsupported_media_type"


def test_construct_answers_rdf(client: TestClient) -> None:
    query = f"CONSTRUCT {{ ?s <{GKG}attacks> ?o }} WHERE {{ ?s <{GKG}attacks> ?o }}"
    turtle = client.get("/sparql", params={"query": query})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=turtle.text, format="turtle")) == 2
    nt = client.get("/sparql", params={"query": query}, headers={"Accept": "application/n-triples"})
    assert len(list(ox.parse(nt.content, format=ox.RdfFormat.N_TRIPLES))) == 2
    refused = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert refused.status_code == 406 and refused.json()["error"]["code"] == "not_acceptable"


def test_protocol_dataset_parameters(client: TestClient) -> None:
    d3 = "https://w3id.org/geokg/doc/d3"
    response = client.get("/sparql", params={"query": OPPOSES, "default-graph-uri": d3})
    assert [row[1] for row in _rows(response.content, ox.QueryResultsFormat.JSON)] == [f"{GKG}rejects"]


@pytest.mark.parametrize("send", [
    lambda c: c.get("/sparql", params={"query": UPDATE}),
    lambda c: c.post("/sparql", data={"query": UPDATE}),
    lambda c: c.post("/sparql", data={"update": UPDATE}),
    lambda c: c.post("/sparql", content=UPDATE.encode(), headers={"Content-Type": "application/sparql-query"}),
    lambda c: c.post("/sparql", content=UPDATE.encode(), headers={"Content-Type": "application/sparql-update"}),
    lambda c: c.get("/sparql", params={"update": UPDATE}),
    lambda c: c.get("/sparql", params={"query": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }"}),
    lambda c: c.get("/sparql", params={"query": "LOAD <http://127.0.0.1:9/x.ttl>"}),
    lambda c: c.get("/sparql", params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
], ids=["get", "form-query", "form-update", "direct-query", "direct-update", "get-update", "delete", "load",
        "insert"])
def test_updates_are_refused_with_403_and_change_nothing(client: TestClient, send: object) -> None:
    before = _snapshot(client)
    response = send(client)  # type: ignore[operator]
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "update_refused"
    assert _snapshot(client) == before
    assert client.get("/sparql", params={"query": OPPOSES}).status_code == 200


def test_federated_query_is_refused_with_403(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "service_refused"


def test_bad_requests_get_clear_errors(client: TestClient) -> None:
    missing = client.get("/sparql")
    assert missing.status_code == 400 and "missing 'query'" in missing.json()["error"]["message"]
    malformed = client.get("/sparql", params={"query": "SELECT WHERE"})
    assert malformed.status_code == 400 and malformed.json()["error"]["code"] == "malformed_query"
    binary = client.post("/sparql", content=b"\xff\xfe", headers={"Content-Type": "application/sparql-query"})
    assert binary.status_code == 400 and "UTF-8" in binary.json()["error"]["message"]
    big = client.post("/sparql", content=b"#" * (300 * 1024), headers={"Content-Type": "application/sparql-query"})
    assert big.status_code == 413


def test_result_size_and_time_limits_come_from_settings(store_path: Path) -> None:
    with _client(store_path, sparql_max_results=2) as client:
        cut = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert cut.status_code == 200 and cut.headers["geokg-results-truncated"] == "true"
        assert len(_rows(cut.content, ox.QueryResultsFormat.JSON)) == 2
        whole = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert "geokg-results-truncated" not in whole.headers
    with _client(store_path, sparql_max_results=10**9, sparql_timeout=0.3) as client:
        slow = client.get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"})
        assert slow.status_code == 503 and slow.json()["error"]["code"] == "query_timeout"


# ---------------------------------------------------------------------- SPARQLWrapper over a real server
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def endpoint(store_path: Path) -> Iterator[str]:
    """The app served by uvicorn on a free 127.0.0.1 port, in a thread; yields the /sparql URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=str(store_path))), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_sparqlwrapper_select_ask_construct(endpoint: str) -> None:
    from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

    for method, request in ((GET, None), (POST, None), (POST, POSTDIRECTLY)):
        client = SPARQLWrapper(endpoint)
        client.setMethod(method)
        if request:
            client.setRequestMethod(request)
        client.setQuery(OPPOSES)
        client.setReturnFormat(JSON)
        bindings = client.query().convert()["results"]["bindings"]
        assert [(b["s"]["value"], b["type"]["value"], b["o"]["value"]) for b in bindings] == EXPECTED
    client = SPARQLWrapper(endpoint)
    client.setQuery(OPPOSES)
    client.setReturnFormat(XML)
    document = client.query().convert()  # an xml.dom Document
    assert len(document.getElementsByTagName("result")) == len(EXPECTED)
    client.setReturnFormat(CSV)
    assert len(list(csv.reader(io.StringIO(client.query().convert().decode())))) == len(EXPECTED) + 1
    client.setQuery(f"ASK {{ <{actor_iri('TUR')}> <{GKG}attacks> ?o }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(f"CONSTRUCT {{ ?s <{GKG}attacks> ?o }} WHERE {{ ?s <{GKG}attacks> ?o }}")
    client.setReturnFormat(TURTLE)
    assert len(Graph().parse(data=client.query().convert(), format="turtle")) == 2


def test_sparqlwrapper_update_is_refused(endpoint: str) -> None:
    from urllib.error import HTTPError

    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"

    def quads() -> int:
        reader = SPARQLWrapper(endpoint)
        reader.setQuery(count)
        reader.setReturnFormat(JSON)
        return int(reader.query().convert()["results"]["bindings"][0]["n"]["value"])

    before = quads()
    writer = SPARQLWrapper(endpoint)
    writer.setMethod(POST)
    writer.setQuery("CLEAR ALL")  # SPARQLWrapper sends it as an update (form field 'update')
    with pytest.raises((HTTPError, SPARQLWrapperException)) as refused:
        writer.query()
    assert "403" in str(refused.value) or getattr(refused.value, "code", None) == 403
    assert quads() == before > 0

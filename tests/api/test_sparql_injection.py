"""Injection through the HTTP API: every string parameter of every GET route (taken from the
app's own OpenAPI schema, so new routes are covered), every actor name, document ids and the
export filters get SPARQL-breaking values. Nothing may answer 5xx, names must answer 404 or
422, and the store must hold exactly what it held before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph import KnowledgeGraph
from tests.graph.builders import load

PAYLOADS = [
    'x" } ; DROP ALL ; #',
    "x' } ; DROP ALL ; #",
    "TUR> } ; CLEAR ALL ; <x",
    '") . } } ; DELETE WHERE { GRAPH ?g { ?s ?p ?o } } #',
    "?s ?p ?o } UNION { ?s ?p ?o",
    "https://w3id.org/geokg/actor/TUR> ?p ?o } DROP GRAPH <https://w3id.org/geokg/doc/d1",
    '\\" ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #',
    "TUR\n} DROP ALL",
    "' OR '1'='1",
    "%3E%20%7D%20DROP%20ALL",
]

NAME_PARAMETERS = {"actor", "source", "target", "ego", "doc_id"}
"""Parameters that name an actor or a document: an injected value names nothing (404) or is refused (422)."""


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as kg:
        load(kg)
    with TestClient(create_app(Settings(store=str(store)))) as test_client:
        yield test_client


def _snapshot(client: TestClient) -> tuple[Any, bytes]:
    return client.get("/stats").json(), client.get("/export", params={"format": "nquads"}).content


def _string_parameters(client: TestClient) -> list[tuple[str, list[dict[str, Any]], str]]:
    """(path, its parameters, the string parameter to inject) for every GET route but /sparql."""
    found = []
    for path, operations in client.app.openapi()["paths"].items():  # type: ignore[attr-defined]
        operation = operations.get("get")
        if operation is None or path == "/sparql":
            continue
        parameters = operation.get("parameters", [])
        for parameter in parameters:
            schema = parameter.get("schema", {})
            kinds = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
            if "string" in kinds and "format" not in schema and not any(
                    s.get("format") for s in schema.get("anyOf", [])):
                found.append((path, parameters, parameter["name"]))
    return found


def _request(path: str, parameters: list[dict[str, Any]], target: str, payload: str) -> tuple[str, dict[str, str]]:
    """The URL and query for one injection: the payload in ``target``, valid values elsewhere."""
    query: dict[str, str] = {}
    for parameter in parameters:
        name = parameter["name"]
        value = payload if name == target else None
        if parameter["in"] == "path":
            path = path.replace("{" + name + "}", quote(value if value is not None else "TUR", safe=""))
        elif value is not None:
            query[name] = value
        elif parameter.get("required"):
            query[name] = "RUS" if name == "target" else "TUR"
    return path, query


def test_the_sweep_covers_every_name_parameter(client: TestClient) -> None:
    swept = {(path, name) for path, _, name in _string_parameters(client)}
    assert ("/actors/{actor}", "actor") in swept and ("/documents/{doc_id}", "doc_id") in swept
    assert ("/relations", "actor") in swept and ("/paths", "source") in swept and ("/export", "ego") in swept
    assert len(swept) >= 20


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_through_every_string_parameter(client: TestClient, payload: str) -> None:
    before = _snapshot(client)
    failures = []
    for path, parameters, target in _string_parameters(client):
        url, query = _request(path, parameters, target, payload)
        response = client.get(url, params=query)
        status = response.status_code
        if status >= 500:
            failures.append(f"{url} {target}: {status} {response.text[:200]}")
        elif target in NAME_PARAMETERS and status not in (404, 422):
            failures.append(f"{url} {target}: {status} (a name that matches nothing must answer 404 or 422)")
        elif status >= 400 and "error" not in response.json():
            failures.append(f"{url} {target}: {status} without the error body")
    assert not failures, "\n".join(failures)
    assert _snapshot(client) == before


@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_injection_through_writes_and_the_sparql_endpoint(client: TestClient, payload: str) -> None:
    before = _snapshot(client)
    assert client.delete(f"/documents/{quote(payload, safe='')}").status_code in (404, 422)
    assert client.post("/documents", json={"id": payload, "text": "Turkey attacked Syria."}).status_code == 422
    for value in (payload, "SELECT * WHERE { ?s ?p ?o } ; " + payload):
        assert client.get("/sparql", params={"query": value}).status_code in (400, 403)
        assert client.post("/sparql", data={"query": value}).status_code in (400, 403)
    graph_param = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": payload})
    assert graph_param.status_code in (200, 400)
    assert _snapshot(client) == before


def test_names_reach_the_graph_as_data(client: TestClient) -> None:
    """A real alias still resolves after all that, and an injected one is only an unknown name."""
    assert client.get("/actors/Ankara").json()["id"] == "TUR"
    answer = client.get("/actors/" + quote('Ankara" } ; DROP ALL ; #', safe=""))
    assert answer.status_code == 404
    assert "DROP ALL" in answer.json()["error"]["message"]  # named back as a value, never run

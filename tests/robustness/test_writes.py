"""Who may write: every write operation of the API needs the bearer token when one is set, nothing a
stranger sends changes the store, CORS stays off unless configured, and ``geokg serve`` binds the
loopback address unless told otherwise (warning loudly when exposed without a token)."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import CORPUS, make_client
from tests.api.test_errors import assert_error
from tests.robustness.conftest import TOKEN, clean_environment, console_script, free_port, start_server, stop_server

WRITE_METHODS = {"post", "put", "patch", "delete"}
QUERY_ONLY = {("/sparql", "post")}
"""POST operations that only read (SPARQL queries may be POSTed); they must refuse updates instead."""
STRANGERS = {
    "no header": ({}, 401, "unauthorized"),
    "empty bearer": ({"Authorization": "Bearer "}, 401, "unauthorized"),
    "basic scheme": ({"Authorization": f"Basic {TOKEN}"}, 401, "unauthorized"),
    "token without scheme": ({"Authorization": TOKEN}, 401, "unauthorized"),
    "wrong token": ({"Authorization": "Bearer wrong"}, 403, "forbidden"),
    "token prefix": ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403, "forbidden"),
    "token with suffix": ({"Authorization": f"Bearer {TOKEN}x"}, 403, "forbidden"),
}


@pytest.fixture
def guarded(settings, extractor) -> TestClient:
    with make_client(settings.model_copy(update={"api_token": TOKEN}), extractor) as client:
        for document in CORPUS:
            response = client.post("/documents", json=document, headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 201, response.text
        yield client


def write_operations(client: TestClient) -> list[tuple[str, str]]:
    """Every (path, method) of the app's OpenAPI schema that can change data."""
    paths = client.get("/openapi.json").json()["paths"]
    return sorted((path, method) for path, item in paths.items() for method in item
                  if method in WRITE_METHODS and (path, method) not in QUERY_ONLY)


def _request(client: TestClient, path: str, method: str, headers: dict[str, str]) -> httpx.Response:
    url = path.replace("{doc_id}", CORPUS[0]["id"])  # a document that exists: a stranger must not delete it
    body = {"json": {"id": "intruder", "text": "Iran condemned Israel."}} if method == "post" else {}
    return client.request(method.upper(), url, headers=headers, **body)


def _snapshot(client: TestClient) -> tuple[dict, list]:
    return client.get("/stats").json(), client.get("/documents").json()["items"]


def test_every_write_operation_needs_the_token(guarded: TestClient) -> None:
    operations = write_operations(guarded)
    assert ("/documents", "post") in operations and ("/documents/{doc_id}", "delete") in operations
    before = _snapshot(guarded)
    for path, method in operations:
        for name, (headers, status, code) in STRANGERS.items():
            response = _request(guarded, path, method, headers)
            error = assert_error(response, status, code)
            if status == 401:
                assert response.headers["www-authenticate"] == "Bearer", (path, method, name)
            assert TOKEN not in error["message"]
        # a token in the query string is no bearer token
        response = guarded.request(method.upper(), path.replace("{doc_id}", "tr-ru") + f"?token={TOKEN}")
        assert response.status_code == 401
    assert _snapshot(guarded) == before  # nothing a stranger sent changed the store
    for path, method in operations:  # with the token the same requests go through
        response = _request(guarded, path, method, {"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code in (200, 201, 204), (path, method, response.text)
    assert "intruder" in {doc["id"] for doc in guarded.get("/documents").json()["items"]}


def test_reads_need_no_token(guarded: TestClient) -> None:
    for url in ("/health", "/stats", "/documents", "/documents/tr-ru", "/actors", "/relations",
                "/actors/TUR", "/paths?source=TUR&target=RUS", "/export?format=turtle"):
        assert guarded.get(url).status_code == 200, url


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://example.org/x.ttl>",
])
def test_query_only_post_changes_nothing(guarded: TestClient, update: str) -> None:
    if ("/sparql", "post") not in {(p, m) for p, item in guarded.get("/openapi.json").json()["paths"].items()
                                   for m in item}:
        pytest.skip("no POST /sparql in this build")
    before = _snapshot(guarded)
    for options in ({"data": {"update": update}},
                    {"content": update.encode(), "headers": {"content-type": "application/sparql-update"}},
                    {"content": update.encode(), "headers": {"content-type": "application/sparql-query"}},
                    {"data": {"query": update}}):
        response = guarded.post("/sparql", **options)
        assert 400 <= response.status_code < 500, (update, options, response.text)
    assert _snapshot(guarded) == before


def test_cors_is_off_unless_configured(settings, extractor) -> None:
    preflight = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"}
    with make_client(settings, extractor) as client:
        assert "access-control-allow-origin" not in client.get("/stats", headers={"Origin": "https://x.example"}).headers
        assert "access-control-allow-origin" not in client.options("/documents", headers=preflight).headers
    allowed = settings.model_copy(update={"cors_origins": ["https://ok.example"]})
    with make_client(allowed, extractor) as client:
        ok = client.get("/stats", headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        other = client.get("/stats", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
        assert "access-control-allow-origin" not in client.options("/documents", headers=preflight).headers


def _outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_serve_binds_loopback_by_default(tmp_path: Path) -> None:
    proc, base = start_server(tmp_path / "store")  # no --host, no GEOKG_HOST
    try:
        assert base.startswith("http://127.0.0.1:")
        port = int(base.rsplit(":", 1)[1])
        outward = _outward_address()
        if outward is not None:
            with pytest.raises(httpx.TransportError):
                httpx.get(f"http://{outward}:{port}/health", timeout=2)
    finally:
        stop_server(proc)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert "WARNING" not in stderr


@pytest.mark.parametrize("token, warned", [(None, True), (TOKEN, False)], ids=["no token", "token"])
def test_serve_warns_when_exposed_without_a_token(tmp_path: Path, token: str | None, warned: bool) -> None:
    # 192.0.2.1 (TEST-NET-1) is never this machine's: the check runs, then binding fails and serve exits.
    env = clean_environment()
    if token:
        env["GEOKG_API_TOKEN"] = token
    proc = subprocess.run([console_script(), "serve", "--host", "192.0.2.1", "--port", str(free_port()),
                           "--store", str(tmp_path / "store")], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert proc.returncode != 0  # the address cannot be bound here
    assert ("WARNING" in proc.stderr and "WITHOUT an API token" in proc.stderr) is warned, proc.stderr

"""Every error kind answers the one shape {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import CORPUS, make_client


def assert_error(response, status: int, code: str, *, message: str = "") -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message"}
    assert error["status"] == status
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in error["message"]
    assert message.lower() in error["message"].lower()
    return error


CASES = [
    # (name, method, url, request options, status, code, words in the message)
    ("unknown actor", "GET", "/actors/Atlantis", {}, 404, "actor_not_found", "atlantis"),
    ("unknown actor's opponents", "GET", "/actors/Atlantis/opponents", {}, 404, "actor_not_found", "atlantis"),
    ("unknown actor's allies", "GET", "/actors/Atlantis/allies", {}, 404, "actor_not_found", "atlantis"),
    ("unknown path source", "GET", "/paths?source=Atlantis&target=TUR", {}, 404, "actor_not_found", "atlantis"),
    ("unknown document", "GET", "/documents/no-such-doc", {}, 404, "document_not_found", "no-such-doc"),
    ("delete unknown document", "DELETE", "/documents/no-such-doc", {}, 404, "document_not_found", ""),
    ("unknown relation type", "GET", "/relations?type=loves", {}, 422, "unknown_relation_type", "loves"),
    ("unknown export format", "GET", "/export?format=pdf", {}, 422, "invalid_query", "graphml"),
    ("limit out of range", "GET", "/actors?limit=0", {}, 422, "validation_error", "limit"),
    ("max_hops not a number", "GET", "/paths?source=TUR&target=RUS&max_hops=x", {}, 422,
     "validation_error", "max_hops"),
    ("missing path target", "GET", "/paths?source=TUR", {}, 422, "validation_error", "target"),
    ("document without text", "POST", "/documents", {"json": {"id": "x"}}, 422, "validation_error", "text"),
    ("bad document date", "POST", "/documents", {"json": {"text": "Iran condemned Israel.", "date": "soon"}},
     422, "validation_error", "date"),
    ("document id unfit for an IRI", "POST", "/documents", {"json": {"id": "a b>c", "text": "x y"}},
     422, "validation_error", "id"),
    ("unknown body field", "POST", "/documents", {"json": {"text": "Iran condemned Israel.", "txt": "x"}},
     422, "validation_error", "txt"),
    ("empty text", "POST", "/documents", {"json": {"text": ""}}, 422, "invalid_input", "empty"),
    ("whitespace text", "POST", "/documents", {"json": {"text": " \n\t "}}, 422, "invalid_input", "empty"),
    ("HTML page without text", "POST", "/documents",
     {"json": {"text": "<html><body><script>x()</script></body></html>"}}, 422, "invalid_input", "HTML"),
    ("binary text", "POST", "/documents", {"json": {"text": "a\u0000b"}}, 422, "invalid_input", "binary"),
    ("undecodable body", "POST", "/documents",
     {"content": b'{"text": "\xff\xfe"}', "headers": {"content-type": "application/json"}},
     422, "invalid_input", "not valid UTF-8"),
    ("body not JSON", "POST", "/documents",
     {"content": b"Turkey cooperates with Russia.", "headers": {"content-type": "application/json"}},
     422, "validation_error", "json"),
    ("unknown route", "GET", "/no/such/route", {}, 404, "not_found", ""),
    ("method not allowed", "PUT", "/documents", {}, 405, "method_not_allowed", ""),
]


@pytest.mark.parametrize("name, method, url, options, status, code, words", CASES, ids=[c[0] for c in CASES])
def test_error_shape(client: TestClient, name: str, method: str, url: str, options: dict,
                     status: int, code: str, words: str) -> None:
    assert_error(client.request(method, url, **options), status, code, message=words)


def test_document_too_large_is_413(settings, extractor) -> None:
    small = settings.model_copy(update={"max_document_bytes": 64})
    with make_client(small, extractor) as client:
        text = "Turkey cooperates with Russia against the Islamic State. " * 3
        error = assert_error(client.post("/documents", json={"text": text}), 413, "document_too_large")
        assert "limit 64" in error["message"]
        # multi-byte text is measured in UTF-8 bytes, not characters
        assert_error(client.post("/documents", json={"text": "\u00e9" * 40}), 413, "document_too_large")
        assert client.post("/documents", json={"text": "Iran condemned Israel."}).status_code == 201


def test_auth_errors(settings, extractor) -> None:
    guarded = settings.model_copy(update={"api_token": "s3cret"})
    with make_client(guarded, extractor) as client:
        response = client.post("/documents", json=CORPUS[0])
        assert_error(response, 401, "unauthorized", message="bearer")
        assert response.headers["www-authenticate"] == "Bearer"
        assert_error(client.delete("/documents/x", headers={"Authorization": "Bearer bad"}), 403, "forbidden")


def test_unexpected_error_is_500_without_details(settings, extractor, caplog) -> None:
    from api.app import create_app

    app = create_app(settings, extractor=extractor)

    def broken() -> None:
        raise RuntimeError("secret internal detail")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        error = assert_error(client.get("/broken"), 500, "internal_error")
    assert "secret" not in error["message"]
    assert "secret internal detail" in caplog.text  # logged for the operator, not sent to the client


def test_model_that_cannot_load_is_503(settings) -> None:
    from api.app import create_app

    broken = settings.model_copy(update={"spacy_model": "no_such_model"})
    with TestClient(create_app(broken)) as client:
        error = assert_error(client.post("/documents", json=CORPUS[0]), 503, "model_unavailable")
        assert "no_such_model" in error["message"]
        assert client.get("/health").json() == {"status": "ok", "extractor_loaded": False}

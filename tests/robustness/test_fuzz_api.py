"""schemathesis against the app's own OpenAPI schema: generated requests to every operation (a bounded
number per operation) on a real app over a temporary on-disk store. No answer is a 5xx, and every
answer conforms to the schema (status, content type, headers, body)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from api.settings import Settings
from tests.api.conftest import CORPUS, make_client

MAX_EXAMPLES = 25
"""Generated requests per operation."""

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_headers_conformance,
    schemathesis.checks.response_schema_conformance,
]
"""No 5xx, and the answer is one the schema documents. (The schema cannot say that a text must hold a
word or that a relation id names three parts, so schemathesis's "valid data accepted" check is not
asked: those 422 answers are documented ones.)"""

_PATHS = create_app(Settings(store="memory")).openapi()["paths"]
OPERATIONS = sorted((path, method.upper()) for path, item in _PATHS.items()
                    for method in item if method in {"get", "post", "put", "patch", "delete"})
"""Every operation of the schema, read without starting the app."""


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, extractor) -> schemathesis.BaseSchema:
    """The schema of an app whose on-disk store holds :data:`CORPUS` (schemathesis's ASGI client runs
    the app's lifespan itself, so the store is filled first and closed again). One app for the module:
    the fuzzed writes pile up in its store."""
    settings = Settings(store=str(tmp_path_factory.mktemp("fuzz") / "store"))
    with make_client(settings, extractor) as client:
        for document in CORPUS:
            assert client.post("/documents", json=document).status_code == 201
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(settings, extractor=extractor))


@pytest.mark.parametrize("path, method", OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_operation_conforms_to_the_schema(api_schema: schemathesis.BaseSchema, path: str, method: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()

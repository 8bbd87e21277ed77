"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint (GET and POST, queries only).

The route reads the protocol's forms and hands the query to ``KnowledgeGraph.sparql``;
media types come from ``graph.sparql_results``. Updates are refused with 403.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response

from api.deps import GraphDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError, ErrorResponse
from graph.sparql import MalformedQuery, QueryTimeout, ServiceRefused, UpdateRefused
from graph.sparql_results import GRAPH_TYPES, RESULT_TYPES, NotAcceptable, negotiate, serialize
from graph.export import PREFIXES

router = APIRouter(tags=["sparql"], responses=ERROR_RESPONSES)

MAX_QUERY_BYTES = 256 * 1024
"""Largest query text (UTF-8 bytes) the endpoint reads."""

TRUNCATED_HEADER = "Geokg-Results-Truncated"
"""Response header set to ``true`` when the answer was cut at the result-size limit."""

_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Query results: SPARQL JSON/XML/CSV/TSV (SELECT, ASK) or RDF (CONSTRUCT, DESCRIBE)",
          "content": {t: {} for t in sorted(set(RESULT_TYPES) | set(GRAPH_TYPES))}},
    400: {"model": ErrorResponse, "description": "Missing or malformed query"},
    403: {"model": ErrorResponse, "description": "A SPARQL update, or a federated query (SERVICE)"},
    406: {"model": ErrorResponse, "description": "No acceptable media type for this result"},
    413: {"model": ErrorResponse, "description": "Query text too large"},
    415: {"model": ErrorResponse, "description": "POST body of another content type"},
    503: {"model": ErrorResponse, "description": "Time limit passed or too many queries running"},
}

_QUERY_DOC = "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)"


def _answer(
    graph: GraphDep, settings: SettingsDep, request: Request, query: str | None,
    default_graph_uri: list[str], named_graph_uri: list[str], format: str | None,
) -> Response:
    if query is None or not query.strip():
        raise ApiError(400, "malformed_query", "missing 'query': give a SPARQL 1.1 query (GET ?query= or POST)")
    try:
        result = graph.sparql(query, timeout=settings.sparql_timeout, limit=settings.sparql_max_results,
                              default_graph_uris=default_graph_uri, named_graph_uris=named_graph_uri)
        media_type = negotiate(result.kind, request.headers.get("accept"), format=format)
        body = serialize(result, media_type, prefixes=PREFIXES)
    except UpdateRefused as exc:
        raise ApiError(403, "update_refused", str(exc)) from None
    except ServiceRefused as exc:
        raise ApiError(403, "service_refused", str(exc)) from None
    except MalformedQuery as exc:
        raise ApiError(400, "malformed_query", str(exc)) from None
    except QueryTimeout as exc:
        raise ApiError(503, "query_timeout", str(exc)) from None
    except NotAcceptable as exc:
        raise ApiError(406, "not_acceptable", str(exc)) from None
    headers = {TRUNCATED_HEADER: "true"} if result.truncated else {}
    charset = "" if media_type.startswith("application/sparql-results+json") else "; charset=utf-8"
    return Response(content=body, media_type=f"{media_type}{charset}", headers=headers)


@router.get("/sparql", response_class=Response, responses=_RESPONSES, summary="SPARQL query (GET)")
def sparql_get(
    graph: GraphDep,
    settings: SettingsDep,
    request: Request,
    query: Annotated[str | None, Query(max_length=MAX_QUERY_BYTES, description=_QUERY_DOC)] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri", max_length=20)] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri", max_length=200)] = [],  # noqa: B006
    format: Annotated[str | None, Query(max_length=60, description="json, xml, csv, tsv, turtle, "
                                                                   "ntriples (instead of Accept)")] = None,
) -> Response:
    """Answer a SPARQL query given as `?query=`. The default graph is the union of every
    document graph; `GRAPH ?g` reaches each document. Results by `Accept`:
    `application/sparql-results+json` (default), `application/sparql-results+xml`, `text/csv`,
    `text/tab-separated-values`; CONSTRUCT/DESCRIBE as `text/turtle` (default) or
    `application/n-triples`."""
    if "update" in request.query_params:
        raise ApiError(403, "update_refused", "this endpoint is read-only: SPARQL updates are refused")
    return _answer(graph, settings, request, query, default_graph_uri, named_graph_uri, format)


@router.post(
    "/sparql",
    response_class=Response,
    responses=_RESPONSES,
    summary="SPARQL query (POST)",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
        }}},
        "application/sparql-query": {"schema": {"type": "string"}},
    }}},
)
async def sparql_post(graph: GraphDep, settings: SettingsDep, request: Request) -> Response:
    """Answer a SPARQL query sent as a form (`query=`) or as an `application/sparql-query`
    body (protocol parameters then in the URL). An update (form `update=` or an
    `application/sparql-update` body) is refused with 403."""
    raw = bytearray()
    async for chunk in request.stream():
        raw.extend(chunk)
        if len(raw) > MAX_QUERY_BYTES:
            raise ApiError(413, "query_too_large", f"the query is larger than {MAX_QUERY_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_query", "the request body is not UTF-8") from None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = parse_qs(request.url.query, keep_blank_values=True)
    if content_type == "application/sparql-update":
        raise ApiError(403, "update_refused", "this endpoint is read-only: SPARQL updates are refused")
    if content_type == "application/sparql-query":
        query: str | None = text
    elif content_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        if "update" in form:
            raise ApiError(403, "update_refused", "this endpoint is read-only: SPARQL updates are refused")
        for name, values in form.items():
            params.setdefault(name, []).extend(values)
        query = form.get("query", [None])[0]
    else:
        raise ApiError(415, "unsupported_media_type",
                       "POST a form (application/x-www-form-urlencoded, query=...) or an "
                       "application/sparql-query body")
    format = params.get("format", [None])[0]
    return await _run_in_thread(graph, settings, request, query, params.get("default-graph-uri", []),
                                params.get("named-graph-uri", []), format)


async def _run_in_thread(*args: object) -> Response:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_answer, *args)  # type: ignore[arg-type]

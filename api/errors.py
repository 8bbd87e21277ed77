"""One error shape for the whole HTTP API.

Every error answer, whatever raised it, has the body
``{"error": {"status": int, "code": str, "message": str}}``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from extract.errors import DocumentTooLarge, InputError, ModelNotFound
from graph.errors import ActorNotFound, DocumentNotFound, InvalidQuery, RelationNotFound, StoreError
from ontology import UnknownRelationType

log = logging.getLogger("geokg.api")


class ErrorDetail(BaseModel):
    status: int
    code: str
    """Stable machine-readable code (``actor_not_found``, ``validation_error`` ...)."""
    message: str


class ErrorResponse(BaseModel):
    """The body of every error answer."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    422: {"model": ErrorResponse, "description": "Invalid input"},
    500: {"model": ErrorResponse, "description": "Unexpected error"},
}
"""OpenAPI ``responses`` every route shares."""


def not_found_responses() -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` for a route that can answer 404."""
    return {404: {"model": ErrorResponse, "description": "Not found"}}


class ApiError(Exception):
    """An error raised by the HTTP layer itself (authentication, limits)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status = status
        self.code = code
        self.message = message
        super().__init__(message)


def error_response(status: int, code: str, message: str, *, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    """The JSON answer for one error.

    Examples
    --------
    >>> error_response(404, "actor_not_found", "unknown actor: 'Atlantis'").status_code
    404
    """
    body = ErrorResponse(error=ErrorDetail(status=status, code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


_TYPED: tuple[tuple[type[Exception], int, str], ...] = (
    (ActorNotFound, 404, "actor_not_found"),
    (DocumentNotFound, 404, "document_not_found"),
    (RelationNotFound, 404, "relation_not_found"),
    (InvalidQuery, 422, "invalid_query"),
    (DocumentTooLarge, 413, "document_too_large"),
    (InputError, 422, "invalid_input"),
    (UnknownRelationType, 422, "unknown_relation_type"),
    (ModelNotFound, 503, "model_unavailable"),
    (StoreError, 503, "store_unavailable"),
)
"""Typed errors of the core: exception class → HTTP status and code."""


Handler = Callable[[Request, Exception], Awaitable[JSONResponse]]


def _typed_handler(status: int, code: str) -> Handler:
    async def handle(request: Request, exc: Exception) -> JSONResponse:
        if status >= 500:
            log.error("%s on %s %s: %s", code, request.method, request.url.path, exc)
        return error_response(status, code, str(exc))

    return handle


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        loc = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", _describe_validation(exc))


async def _http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "error"
    code = phrase.lower().replace(" ", "_").replace("-", "_")
    message = exc.detail if isinstance(exc.detail, str) else phrase
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, exc.code, exc.message, headers=headers)


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape.

    Parameters
    ----------
    app
        The application to configure.
    """
    for exc_class, status, code in _TYPED:
        app.add_exception_handler(exc_class, _typed_handler(status, code))
    app.add_exception_handler(ApiError, _api_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(Exception, _unexpected_handler)

"""Answers written as JSON by pydantic itself.

FastAPI turns a returned model into JSON in three passes (dump to a dict, validate it
again against the route's ``response_model``, encode the dict with :mod:`json`); for a
page of a hundred neighbours that is several times the cost of the query. The models
graph/ returns are already valid, so the query routes hand back
:func:`json_response` instead: the same bytes from one call to pydantic's encoder. The
routes keep their ``response_model`` for the OpenAPI schema.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter

JSON = "application/json"


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def json_response(answer: BaseModel | list[Any], *, item: type[BaseModel] | None = None) -> Response:
    """A 200 response holding ``answer`` as compact JSON.

    ``answer`` is a model, or a list of models of class ``item``.

    >>> from graph.models import ActorSummary
    >>> json_response(ActorSummary(id="TUR", label="Turkey", type="State")).body[:20]
    b'{"id":"TUR","label":'
    """
    if isinstance(answer, BaseModel):
        body = answer.model_dump_json().encode()
    else:
        body = _adapter(list[item] if item is not None else list[Any]).dump_json(answer)
    return Response(content=body, media_type=JSON)


__all__ = ["json_response"]

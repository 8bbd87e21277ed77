"""FastAPI dependencies: the one graph, the lazily built extractor, the write lock, the token check."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import Depends, Request

from api.errors import ApiError
from api.settings import Settings
from extract.pipeline import Extractor
from graph.knowledge_graph import KnowledgeGraph


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_graph(request: Request) -> KnowledgeGraph:
    """The knowledge graph the lifespan opened."""
    return request.app.state.graph


def get_lock(request: Request) -> threading.RLock:
    """The lock graph writes hold (sync routes run in a thread pool; the graph also locks itself)."""
    return request.app.state.graph_lock


def build_extractor(settings: Settings) -> Extractor:
    """Build the extractor the settings describe (loads the spaCy pipeline)."""
    return Extractor(model=settings.spacy_model, actor_files=tuple(settings.actor_files))


def get_extractor(request: Request) -> Extractor:
    """The app's extractor, built on first use and kept on ``app.state``."""
    state = request.app.state
    extractor = state.extractor
    if extractor is None:
        with state.extractor_lock:
            if state.extractor is None:
                state.extractor = build_extractor(state.settings)
            extractor = state.extractor
    return extractor


def require_token(request: Request) -> None:
    """Refuse a write without the right bearer token when ``api_token`` is set.

    Raises
    ------
    ApiError
        401 without a bearer token, 403 with a wrong one.
    """
    expected = request.app.state.settings.api_token
    if not expected:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorized", "this request needs 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(403, "forbidden", "wrong API token")


SettingsDep = Annotated[Settings, Depends(get_settings)]
GraphDep = Annotated[KnowledgeGraph, Depends(get_graph)]
LockDep = Annotated[threading.RLock, Depends(get_lock)]
ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
WriteAccess = Depends(require_token)

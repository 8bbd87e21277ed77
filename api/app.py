"""The FastAPI application: one KnowledgeGraph per app, the extractor built on first use."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.errors import install_error_handlers
from api.routes import actors, analytics, documents, export, meta, paths, relations, sparql
from api.settings import Settings
from extract.pipeline import Extractor
from graph.knowledge_graph import KnowledgeGraph

DESCRIPTION = """Knowledge graph of geopolitical actors built from news text.

Who opposes whom: `GET /relations?type=opposes`. Add text: `POST /documents`.
Every error answers `{"error": {"status", "code", "message"}}`."""


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None) -> FastAPI:
    """Build the geokg HTTP application.

    The store opens when the app starts (its lifespan) and closes when it stops;
    the spaCy pipeline loads on the first request that needs it.

    Parameters
    ----------
    settings
        Runtime settings; read from ``GEOKG_*`` environment variables when None.
    extractor
        An extractor already built (tests share one); built lazily from the
        settings when None.

    Returns
    -------
    FastAPI
        The application, ready for uvicorn or ``TestClient``.

    Examples
    --------
    >>> app = create_app(Settings(store="memory"))
    >>> app.title
    'geokg'
    """
    settings = settings if settings is not None else Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        gc.disable()  # the projection is restored or built in one go: nothing to collect meanwhile
        try:
            graph = KnowledgeGraph.open(settings.store)
            gc.freeze()  # it lives as long as the app: automatic collections need never walk it again
        finally:
            gc.enable()
        app.state.graph = graph
        try:
            yield
        finally:
            with app.state.graph_lock:
                graph.close()
            gc.unfreeze()  # what was frozen may now be garbage

    app = FastAPI(title="geokg", version=_version(), description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.extractor = extractor
    app.state.extractor_lock = threading.Lock()  # guards the lazy build
    app.state.extract_lock = threading.Lock()  # one extraction at a time: spaCy's nlp is not thread-safe
    app.state.graph_lock = threading.RLock()
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    for module in (meta, actors, relations, paths, analytics, documents, export, sparql):
        app.include_router(module.router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("geokg")
    except PackageNotFoundError:
        return "0+unknown"

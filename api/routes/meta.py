"""``/health`` and ``/stats``: is the service up, and how big is the graph."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES
from graph.models import Stats

router = APIRouter(tags=["meta"], responses=ERROR_RESPONSES)


class Health(BaseModel):
    status: str
    """``ok`` when the store answers."""
    extractor_loaded: bool
    """Whether the spaCy pipeline is loaded yet (it loads on the first ``POST /documents``)."""


@router.get("/health", response_model=Health, summary="Liveness")
def health(request: Request, graph: GraphDep) -> Health:
    """``ok`` when the store answers a query."""
    graph.stats()
    return Health(status="ok", extractor_loaded=request.app.state.extractor is not None)


@router.get("/stats", response_model=Stats, summary="Size of the graph")
def stats(graph: GraphDep) -> Stats:
    """Counts of documents, actors, relation records, projected edges and triples."""
    return graph.stats()

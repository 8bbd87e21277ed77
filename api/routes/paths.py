"""``/paths``: how two actors are connected, with the relation on every hop."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from graph.models import ActorPath

router = APIRouter(prefix="/paths", tags=["paths"], responses=ERROR_RESPONSES)


@router.get("", response_model=list[ActorPath], responses=not_found_responses(),
            summary="Shortest paths between two actors")
def list_paths(
    graph: GraphDep,
    source: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name")],
    target: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name")],
    max_hops: Annotated[int, Query(ge=1, le=8, description="Longest path considered")] = 4,
) -> list[ActorPath]:
    """The shortest paths from ``source`` to ``target`` of at most ``max_hops`` hops (empty when none)."""
    return graph.paths(source, target, max_hops=max_hops)

"""``/paths``: how two actors are connected, with the relation, sign and evidence on every hop."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep
from api.json_body import json_response
from api.errors import ERROR_RESPONSES, not_found_responses
from api.query_params import FilterDep, Offset
from graph.models import PathPage
from graph.queries import EVIDENCE_PER_HOP, MAX_EVIDENCE_PER_HOP, MAX_HOPS, MAX_PATHS

router = APIRouter(prefix="/paths", tags=["paths"], responses=ERROR_RESPONSES)


@router.get("", response_model=PathPage, responses=not_found_responses(),
            summary="Paths between two actors")
def list_paths(
    graph: GraphDep,
    flt: FilterDep,
    source: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name")],
    target: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or name")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="Longest path considered "
                                                                   "(at most 5 with mode=all)")] = 4,
    mode: Annotated[Literal["shortest", "all"], Query(description="Shortest paths, or all simple paths")]
    = "shortest",
    signed: Annotated[Literal["any", "positive", "negative"],
                      Query(description="Only paths of this sign (product of the hops' signs)")] = "any",
    limit: Annotated[int, Query(ge=1, le=MAX_PATHS, description="Page size")] = 10,
    offset: Offset = 0,
    evidence: Annotated[bool, Query(description="Each hop's evidence records")] = True,
    evidence_limit: Annotated[int, Query(ge=0, le=MAX_EVIDENCE_PER_HOP,
                                         description="Evidence records per hop at most (`evidence_count` "
                                                     "counts them all)")] = EVIDENCE_PER_HOP,
) -> Response:
    """Paths from ``source`` to ``target`` of at most ``max_hops`` hops, by length then actor ids,
    one page at a time: ``{"items", "total", "limit", "offset", "total_capped", "total_cap"}``.
    Each hop with its relation as recorded, polarity, sign, weight, its first ``evidence_limit``
    evidence records and ``evidence_count``.

    ``total`` counts the paths of the wanted sign among the first ``total_cap`` (20,000) paths the search
    enumerates (by length, then actor ids, before the sign filter); ``total_capped`` is true
    when there were more, so ``total`` is then a lower bound and ``offset`` pages only within
    those."""
    return json_response(graph.paths(source, target, max_hops=max_hops, mode=mode, signed=signed, limit=limit,
                                     offset=offset, flt=flt, evidence=evidence, evidence_limit=evidence_limit))

"""``/actors``: find actors, look one up by id or name, its opponents, allies and ego network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.deps import GraphDep
from api.json_body import json_response
from api.errors import ERROR_RESPONSES, not_found_responses
from api.query_params import Evidence, FilterDep, Limit, Offset
from graph.filters import MAX_EGO_HOPS
from graph.models import ActorSummary, EgoNetwork, Neighbour, Page
from graph.queries import EGO_EDGE_LIMIT, EGO_NODE_LIMIT, MAX_EGO_EDGE_LIMIT, MAX_EGO_NODE_LIMIT

router = APIRouter(prefix="/actors", tags=["actors"], responses=ERROR_RESPONSES)

ActorParam = Annotated[
    str,
    Path(min_length=1, max_length=200, description="Actor id (`TUR`, `islamic-state`) or any known name or alias"),
]


@router.get("", response_model=Page[ActorSummary], summary="Search actors")
def list_actors(
    graph: GraphDep,
    q: Annotated[str | None, Query(max_length=200, description="Words of the actor's id, label or aliases; "
                                                               "case, accents and small misspellings forgiven")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[ActorSummary]:
    """Actors in the graph, optionally those matching ``q``, one page at a time."""
    return graph.search_actors(q, limit=limit, offset=offset)


@router.get("/{actor}", response_model=ActorSummary, responses=not_found_responses(),
            summary="One actor")
def get_actor(actor: ActorParam, graph: GraphDep) -> ActorSummary:
    """The actor with that id, name or alias."""
    return graph.resolve_actor(actor)


@router.get("/{actor}/opponents", response_model=Page[Neighbour], responses=not_found_responses(),
            summary="Who the actor opposes or is opposed by")
def get_opponents(actor: ActorParam, graph: GraphDep, flt: FilterDep, evidence: Evidence = False,
                  limit: Limit = 100, offset: Offset = 0) -> Response:
    """Actors in conflict relations (the `opposes` family) with this one, heaviest first."""
    return json_response(graph.opponents(actor, flt=flt, evidence=evidence, limit=limit, offset=offset))


@router.get("/{actor}/allies", response_model=Page[Neighbour], responses=not_found_responses(),
            summary="Who the actor cooperates with")
def get_allies(actor: ActorParam, graph: GraphDep, flt: FilterDep, evidence: Evidence = False,
               limit: Limit = 100, offset: Offset = 0) -> Response:
    """Actors in cooperation relations (the `cooperatesWith` family) with this one, heaviest first."""
    return json_response(graph.allies(actor, flt=flt, evidence=evidence, limit=limit, offset=offset))


@router.get("/{actor}/network", response_model=EgoNetwork, responses=not_found_responses(),
            summary="The actor's ego network")
def get_network(
    actor: ActorParam, graph: GraphDep, flt: FilterDep,
    hops: Annotated[int, Query(ge=1, le=MAX_EGO_HOPS, description="Radius, ignoring direction")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_EGO_NODE_LIMIT, description="Actors listed at most: the "
                                "nearest, then the most active")] = EGO_NODE_LIMIT,
    edge_limit: Annotated[int, Query(ge=1, le=MAX_EGO_EDGE_LIMIT, description="Edges listed at most: "
                                     "the heaviest")] = EGO_EDGE_LIMIT,
) -> Response:
    """The actors within ``hops`` of this one and the relation edges between them, cut at ``limit``
    actors and ``edge_limit`` edges (``total_nodes``, ``total_edges`` and ``truncated`` say so)."""
    return json_response(graph.ego_network(actor, hops=hops, flt=flt, limit=limit, edge_limit=edge_limit))

"""``/analytics``: structural balance, centrality and communities of the signed actor network."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from api.query_params import FilterDep, Limit, Offset
from graph.analytics import DEFAULT_SEED
from graph.models import Balance, Centrality, Communities, Page

router = APIRouter(prefix="/analytics", tags=["analytics"], responses=ERROR_RESPONSES)


@router.get("/balance", response_model=Balance, responses=not_found_responses(),
            summary="Balanced and unbalanced triads (Heider)")
def get_balance(
    graph: GraphDep,
    flt: FilterDep,
    actor: Annotated[str | None, Query(max_length=200, description="Only triads with this actor")] = None,
) -> Balance:
    """Triads of mutually related actors; balanced when the product of the three signs is +1."""
    return graph.balance(actor=actor, flt=flt)


@router.get("/centrality", response_model=Page[Centrality], responses=not_found_responses(),
            summary="Degree and PageRank per actor, overall and per polarity")
def get_centrality(
    graph: GraphDep,
    flt: FilterDep,
    sort: Annotated[Literal["pagerank", "degree", "weighted_degree", "cooperation_pagerank", "conflict_pagerank"],
                    Query(description="Order, descending")] = "pagerank",
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[Centrality]:
    """Every actor of the filtered network with its centralities."""
    return graph.centrality(flt=flt, sort=sort, limit=limit, offset=offset)


@router.get("/communities", response_model=Communities, responses=not_found_responses(),
            summary="Louvain communities of the cooperation network")
def get_communities(
    graph: GraphDep,
    flt: FilterDep,
    seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Louvain seed")] = DEFAULT_SEED,
    resolution: Annotated[float, Query(gt=0, le=100, description="Louvain resolution")] = 1.0,
) -> Communities:
    """Alignments at a glance: who cooperates as a bloc, and how much conflict runs between blocs."""
    return graph.communities(flt=flt, seed=seed, resolution=resolution)

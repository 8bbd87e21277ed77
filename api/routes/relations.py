"""``/relations``: actor pairs under a relation type (who opposes whom), timelines, one relation's evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from api.query_params import Evidence, FilterDep, Limit, Offset
from graph.models import Page, RelationPair, Timeline
from ontology import relation_type

router = APIRouter(prefix="/relations", tags=["relations"], responses=ERROR_RESPONSES)

ActorQuery = Annotated[str | None, Query(max_length=200, description="Actor id, name or alias")]


@router.get("", response_model=Page[RelationPair], responses=not_found_responses(),
            summary="Actor pairs under a relation type")
def list_relations(
    graph: GraphDep,
    flt: FilterDep,
    type: Annotated[
        str,
        Query(max_length=100, description="A relation type, camelCase or snake_case: `opposes` and "
                                          "`cooperatesWith` include their sub-types"),
    ] = "opposes",
    actor: Annotated[str | None, Query(max_length=200, description="Only pairs with this actor (id or name)")] = None,
    evidence: Evidence = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[RelationPair]:
    """Directed actor pairs aggregated over the store, heaviest first. Weight counts distinct
    documents by default (``weight_by``); mentions, documents and sources are all given."""
    name = relation_type(type).name  # UnknownRelationType -> 422 naming the known types
    return graph.relation_pairs(type=name, actor=actor, flt=flt, evidence=evidence, limit=limit, offset=offset)


@router.get("/timeline", response_model=Timeline, responses=not_found_responses(),
            summary="An actor's or a pair's relations by month or year")
def get_timeline(
    graph: GraphDep,
    flt: FilterDep,
    actor: ActorQuery = None,
    source: ActorQuery = None,
    target: ActorQuery = None,
    by: Annotated[Literal["month", "year"], Query(description="Bucket size")] = "month",
) -> Timeline:
    """Give ``actor``, or ``source`` and ``target`` (a pair, both directions)."""
    return graph.timeline(actor=actor, source=source, target=target, by=by, flt=flt)


@router.get("/{relation_id}", response_model=RelationPair, responses=not_found_responses(),
            summary="One relation with its evidence")
def get_relation(
    graph: GraphDep,
    flt: FilterDep,
    relation_id: Annotated[str, Path(min_length=3, max_length=500,
                                     description="`source:relation:target`, e.g. `USA:sanctions:IRN`")],
) -> RelationPair:
    """The relation's counts and every record behind it: sentence, document, offsets, dates."""
    return graph.relation(relation_id, flt=flt)

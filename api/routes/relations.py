"""``/relations``: actor pairs under a relation type (who opposes whom), with weights."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from graph.models import Page, RelationPair
from ontology import relation_type

router = APIRouter(prefix="/relations", tags=["relations"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page[RelationPair], responses=not_found_responses(),
            summary="Actor pairs under a relation type")
def list_relations(
    graph: GraphDep,
    type: Annotated[
        str,
        Query(max_length=100, description="A relation type, camelCase or snake_case: `opposes` and "
                                          "`cooperatesWith` include their sub-types"),
    ] = "opposes",
    actor: Annotated[str | None, Query(max_length=200, description="Only pairs with this actor (id or name)")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[RelationPair]:
    """Directed actor pairs aggregated over the store: weight is the number of supporting
    records (asserted or reported, not negated), evidence_count all records."""
    name = relation_type(type).name  # UnknownRelationType -> 422
    return graph.relation_pairs(type=name, actor=actor, limit=limit, offset=offset)

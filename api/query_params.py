"""The query-string face of :class:`graph.filters.RelationFilter`, shared by every query route.

The ego restriction is spelled ``ego`` / ``ego_hops`` here, because several query routes
already use ``actor`` for the actor asked about.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Query

from graph.filters import MAX_EGO_HOPS, RelationFilter, make_filter


def query_filter(
    since: Annotated[dt.date | None, Query(description="Earliest record date (event, else document), inclusive")] = None,
    until: Annotated[dt.date | None, Query(description="Latest record date, inclusive")] = None,
    types: Annotated[str | None, Query(max_length=500, description="Relation types, comma-separated, either "
                                                                   "spelling; `opposes` includes its sub-types")] = None,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Least weight per pair and type")] = 1,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="Least extractor confidence")] = 0.0,
    actor_types: Annotated[str | None, Query(max_length=300, description="Actor classes, comma-separated "
                                                                         "(both ends must match)")] = None,
    countries: Annotated[str | None, Query(max_length=300, description="ISO alpha-3 codes, comma-separated "
                                                                       "(both ends must match)")] = None,
    modalities: Annotated[str | None, Query(max_length=100, description="Modalities that count, comma-separated "
                                                                        "(default asserted,reported; negated "
                                                                        "records never count)")] = None,
    ego: Annotated[str | None, Query(max_length=200, description="Only the ego network of this actor")] = None,
    ego_hops: Annotated[int, Query(ge=1, le=MAX_EGO_HOPS, description="Radius of the ego network")] = 1,
    weight_by: Annotated[str, Query(max_length=20, description="documents (default), sources or mentions")]
    = "documents",
) -> RelationFilter:
    """The request's :class:`RelationFilter` (``InvalidQuery`` → 422 naming the bad value)."""
    return make_filter(since=since, until=until, types=types, min_weight=min_weight,
                       min_confidence=min_confidence, actor_types=actor_types, countries=countries,
                       modalities=modalities, actor=ego, hops=ego_hops, weight_by=weight_by)


FilterDep = Annotated[RelationFilter, Depends(query_filter)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size")]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]
Evidence = Annotated[bool, Query(description="Expand each answer into its evidence records")]

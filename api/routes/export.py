"""``/export``: the graph as RDF (Turtle, TriG, N-Quads, JSON-LD), for Gephi (GraphML, GEXF)
or as CSV edge and node lists; network formats take the same filters as the queries."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from api.formats import EXPORT_FORMATS, export_format
from graph.filters import MAX_EGO_HOPS, RelationFilter, make_filter

router = APIRouter(tags=["export"], responses=ERROR_RESPONSES)

_NETWORK_ONLY = " (network formats: graphml, gexf, edges-csv, nodes-csv)"


def export_filter(
    since: Annotated[dt.date | None, Query(description="Earliest record date, inclusive" + _NETWORK_ONLY)] = None,
    until: Annotated[dt.date | None, Query(description="Latest record date, inclusive")] = None,
    types: Annotated[str | None, Query(max_length=500, description="Relation types, comma-separated; "
                                                                   "`opposes` includes its sub-types")] = None,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    actor_types: Annotated[str | None, Query(max_length=300, description="Actor classes, comma-separated")] = None,
    countries: Annotated[str | None, Query(max_length=300, description="ISO alpha-3 codes, comma-separated")] = None,
    modalities: Annotated[str | None, Query(max_length=100, description="Default: asserted,reported")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Ego network of this actor (id or name)")] = None,
    hops: Annotated[int, Query(ge=1, le=MAX_EGO_HOPS, description="Radius of the ego network")] = 1,
    weight_by: Annotated[str, Query(max_length=20, description="documents, sources or mentions")] = "documents",
) -> RelationFilter:
    """The export's :class:`RelationFilter` (``InvalidQuery`` → 422 for bad values)."""
    return make_filter(since=since, until=until, types=types, min_weight=min_weight,
                       min_confidence=min_confidence, actor_types=actor_types, countries=countries,
                       modalities=modalities, actor=actor, hops=hops, weight_by=weight_by)


@router.get(
    "/export",
    response_class=Response,
    summary="Export the graph",
    responses={200: {"content": {f.media_type: {} for f in EXPORT_FORMATS.values()},
                     "description": "The graph in the asked format, as an attachment"},
               **not_found_responses()},
)
def export_graph(
    graph: GraphDep,
    filter: Annotated[RelationFilter, Depends(export_filter)],
    format: Annotated[
        str,
        Query(max_length=20, description="Output format", json_schema_extra={"enum": list(EXPORT_FORMATS)}),
    ] = "turtle",
) -> Response:
    """The graph in one file, with its media type and a download filename. RDF formats hold
    the whole store (named graphs kept in TriG, N-Quads and JSON-LD); network formats hold the
    projection through the filters: one weighted edge per actor pair and relation type."""
    fmt = export_format(format)  # InvalidQuery -> 422 naming the formats
    data = graph.export(fmt.name, filter=filter)  # ActorNotFound -> 404
    return Response(
        content=data,
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="geokg.{fmt.extension}"'},
    )

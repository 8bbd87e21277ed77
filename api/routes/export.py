"""``/export``: the graph as RDF (Turtle, TriG, N-Quads, JSON-LD), for Gephi (GraphML, GEXF)
or as CSV edge and node lists; network formats take the same filters as the queries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES, not_found_responses
from api.formats import EXPORT_FORMATS, export_format
from api.query_params import FilterDep

router = APIRouter(tags=["export"], responses=ERROR_RESPONSES)


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
    filter: FilterDep,
    format: Annotated[
        str,
        Query(max_length=20, description="Output format", json_schema_extra={"enum": list(EXPORT_FORMATS)}),
    ] = "turtle",
) -> Response:
    """The graph in one file, with its media type and a download filename. RDF formats hold
    the whole store (named graphs kept in TriG, N-Quads and JSON-LD); network formats hold the
    projection through the query filters (`types`, `since`, `until`, `ego` ...): one weighted
    edge per actor pair and relation type."""
    fmt = export_format(format)  # InvalidQuery -> 422 naming the formats
    data = graph.export(fmt.name, filter=filter)  # ActorNotFound -> 404
    return Response(
        content=data,
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="geokg.{fmt.extension}"'},
    )

"""``/export``: the whole graph as RDF (Turtle, TriG, N-Quads, JSON-LD) or for Gephi (GraphML, GEXF)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep
from api.errors import ERROR_RESPONSES
from api.formats import EXPORT_FORMATS, export_format

router = APIRouter(tags=["export"], responses=ERROR_RESPONSES)

@router.get(
    "/export",
    response_class=Response,
    summary="Export the graph",
    responses={200: {"content": {f.media_type: {} for f in EXPORT_FORMATS.values()},
                     "description": "The graph in the asked format, as an attachment"}},
)
def export_graph(
    graph: GraphDep,
    format: Annotated[
        str,
        Query(max_length=20, description="Output format", json_schema_extra={"enum": list(EXPORT_FORMATS)}),
    ] = "turtle",
) -> Response:
    """The whole graph in one file, with its media type and a download filename."""
    fmt = export_format(format)  # InvalidQuery -> 422 naming the formats
    data = graph.export(fmt.name)
    return Response(
        content=data,
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="geokg.{fmt.extension}"'},
    )

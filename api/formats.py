"""Export formats the faces offer: name → media type and file extension."""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import InvalidQuery


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("turtle", "text/turtle", "ttl"),
        ExportFormat("trig", "application/trig", "trig"),
        ExportFormat("nquads", "application/n-quads", "nq"),
        ExportFormat("jsonld", "application/ld+json", "jsonld"),
        ExportFormat("graphml", "application/graphml+xml", "graphml"),
        ExportFormat("gexf", "application/gexf+xml", "gexf"),
        ExportFormat("edges-csv", "text/csv", "edges.csv"),
        ExportFormat("nodes-csv", "text/csv", "nodes.csv"),
    )
}
"""Every export format, by the name ``--format`` and ``?format=`` take."""


def export_format(name: str) -> ExportFormat:
    """Look up an export format by name (case-insensitive).

    Raises
    ------
    InvalidQuery
        For a name that is not an export format.

    Examples
    --------
    >>> export_format("GraphML").media_type
    'application/graphml+xml'
    """
    key = name.strip().lower()
    found = EXPORT_FORMATS.get({"csv": "edges-csv", "ttl": "turtle", "json-ld": "jsonld", "nq": "nquads"}.get(key, key))
    if found is None:
        raise InvalidQuery(
            f"unknown export format {name!r}; choose one of: {', '.join(EXPORT_FORMATS)}"
        )
    return found

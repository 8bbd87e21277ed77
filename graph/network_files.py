"""Network files of the actor graph for Gephi and spreadsheet tools: GraphML, GEXF, CSV.

:func:`network_table` turns a filtered view of the projection (:func:`graph.filters.filtered_graph`)
into rows: one node per actor, one weighted edge per actor pair **and relation type** (never
one edge per record), with scalar, typed values only. The writers follow what Gephi is strict
about:

* GraphML: every ``<key>`` declares ``for="node"`` or ``for="edge"`` and its ``attr.type``;
  the node key of the label is named ``label``; ``edgedefault="directed"``; no graph-level data.
* GEXF 1.3: directed, ``mode="dynamic"`` with ``timeformat="date"``; each edge spans
  ``start``/``end`` = its first and last dated record (so Gephi's timeline works), carries
  its relation type as ``kind`` and ``label``, its weight, and a ``viz:color`` (RGB, no
  alpha) by polarity.
* CSV: an edge list and a node list with Gephi's column names (``id``, ``label``,
  ``source``, ``target``, ``weight``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from ontology import relation_type

POLARITY_COLOURS: dict[str, tuple[int, int, int]] = {
    "conflict": (214, 39, 40),
    "cooperation": (44, 160, 44),
}
"""RGB colour of an edge by its relation's polarity (GEXF ``viz:color``)."""


@dataclass(frozen=True, slots=True)
class NodeRow:
    """One actor of an exported network."""

    id: str
    label: str
    type: str
    country: str
    role: str
    aliases: str
    degree: int
    in_degree: int
    out_degree: int


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One (source, target, relation type) of an exported network, aggregated over its records."""

    id: str
    source: str
    target: str
    relation: str
    polarity: str
    plover: str
    weight: float
    mentions: int
    documents: int
    sources: int
    confidence: float
    first_seen: str
    last_seen: str


XML_TYPES = {str: "string", int: "int", float: "double"}
"""Python type of a row field → GraphML ``attr.type``."""
GEXF_TYPES = {"string": "string", "int": "integer", "double": "double"}
"""GraphML type name → GEXF attribute type (GEXF says ``integer``)."""


def _field_types(row_class: type) -> list[tuple[str, str]]:
    hints = {"str": str, "int": int, "float": float}
    return [(f.name, XML_TYPES[hints[str(f.type)]]) for f in fields(row_class)]


NODE_FIELDS = [(name, kind) for name, kind in _field_types(NodeRow) if name != "id"]
"""Node attributes written, with their types (``label``, ``type``, ``country``, ``role``, ``aliases``, degrees)."""
EDGE_FIELDS = [(name, kind) for name, kind in _field_types(EdgeRow) if name not in ("id", "source", "target")]
"""Edge attributes written, with their types (``relation``, ``polarity``, ``weight``, ``first_seen`` ...)."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def network_table(view: nx.DiGraph) -> tuple[list[NodeRow], list[EdgeRow]]:
    """Rows of a filtered view: nodes sorted by id, edges by (source, target, relation).

    Parameters
    ----------
    view
        A graph made by :func:`graph.filters.filtered_graph` (edges hold ``relations``:
        per-type ``weight``, ``mentions``, ``documents``, ``sources``, ``confidence``,
        ``first_seen``, ``last_seen``).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> from graph.filters import filtered_graph, make_filter
    >>> nodes, edges = network_table(filtered_graph(example_graph(), make_filter(types="opposes")))
    >>> [(e.source, e.relation, e.target, e.polarity) for e in edges]
    [('TUR', 'attacks', 'SYR', 'conflict')]
    """
    edges: list[EdgeRow] = []
    for source, target, data in sorted(view.edges(data=True), key=lambda e: (e[0], e[1])):
        for name, stats in sorted(data.get("relations", {}).items()):
            rtype = relation_type(name)
            edges.append(EdgeRow(
                id=f"{source}|{rtype.snake}|{target}",
                source=source,
                target=target,
                relation=rtype.snake,
                polarity=rtype.polarity,
                plover=rtype.plover,
                weight=float(stats["weight"]),
                mentions=int(stats.get("mentions", stats.get("evidence", 0))),
                documents=int(stats.get("documents", 0)),
                sources=int(stats.get("sources", 0)),
                confidence=float(stats.get("confidence") or 0.0),
                first_seen=_text(stats.get("first_seen")),
                last_seen=_text(stats.get("last_seen")),
            ))
    out_degree: dict[str, int] = {}
    in_degree: dict[str, int] = {}
    for edge in edges:
        out_degree[edge.source] = out_degree.get(edge.source, 0) + 1
        in_degree[edge.target] = in_degree.get(edge.target, 0) + 1
    nodes = []
    for node, data in sorted(view.nodes(data=True)):
        aliases = data.get("aliases") or []
        nodes.append(NodeRow(
            id=node,
            label=_text(data.get("label") or node),
            type=_text(data.get("type")),
            country=_text(data.get("country")),
            role=_text(data.get("role")),
            aliases="; ".join(sorted(aliases)) if not isinstance(aliases, str) else aliases,
            degree=in_degree.get(node, 0) + out_degree.get(node, 0),
            in_degree=in_degree.get(node, 0),
            out_degree=out_degree.get(node, 0),
        ))
    return nodes, edges


def _value(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# ---------------------------------------------------------------------- GraphML
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GraphML of the rows: typed keys for nodes and edges, directed, no graph-level data.

    Key ids are the attribute names, except the edge label (``edge_label``): the node key
    ``label`` is the one Gephi reads as the node label.
    """
    root = ET.Element("graphml", {
        "xmlns": GRAPHML_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd",
    })
    for name, kind in NODE_FIELDS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    ET.SubElement(root, "key", {"id": "edge_label", "for": "edge", "attr.name": "label", "attr.type": "string"})
    for name, kind in EDGE_FIELDS:
        ET.SubElement(root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"edgedefault": "directed"})
    for node in nodes:
        element = ET.SubElement(graph, "node", {"id": node.id})
        values = asdict(node)
        for name, _ in NODE_FIELDS:
            ET.SubElement(element, "data", {"key": name}).text = _value(values[name])
    for edge in edges:
        element = ET.SubElement(graph, "edge", {"id": edge.id, "source": edge.source, "target": edge.target})
        ET.SubElement(element, "data", {"key": "edge_label"}).text = edge.relation
        values = asdict(edge)
        for name, _ in EDGE_FIELDS:
            ET.SubElement(element, "data", {"key": name}).text = _value(values[name])
    return _xml(root)


# ---------------------------------------------------------------------- GEXF
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"


def write_gexf(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GEXF 1.3 of the rows: dynamic (``timeformat="date"``), edges coloured by polarity."""
    root = ET.Element("gexf", {
        "xmlns": GEXF_NS,
        "xmlns:viz": VIZ_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
        "version": "1.3",
    })
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "geokg"
    ET.SubElement(meta, "description").text = "Geopolitical actors and their relations extracted from news text"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"})
    node_attributes = ET.SubElement(graph, "attributes", {"class": "node", "mode": "static"})
    node_fields = [(n, k) for n, k in NODE_FIELDS if n != "label"]  # the label is the node's own attribute
    for name, kind in node_fields:
        ET.SubElement(node_attributes, "attribute", {"id": name, "title": name, "type": GEXF_TYPES[kind]})
    edge_attributes = ET.SubElement(graph, "attributes", {"class": "edge", "mode": "static"})
    edge_fields = [(n, k) for n, k in EDGE_FIELDS if n != "weight"]  # the weight is the edge's own attribute
    for name, kind in edge_fields:
        ET.SubElement(edge_attributes, "attribute", {"id": name, "title": name, "type": GEXF_TYPES[kind]})
    node_list = ET.SubElement(graph, "nodes")
    for node in nodes:
        element = ET.SubElement(node_list, "node", {"id": node.id, "label": node.label})
        values = ET.SubElement(element, "attvalues")
        row = asdict(node)
        for name, _ in node_fields:
            ET.SubElement(values, "attvalue", {"for": name, "value": _value(row[name])})
    edge_list = ET.SubElement(graph, "edges")
    for edge in edges:
        attributes = {"id": edge.id, "source": edge.source, "target": edge.target, "label": edge.relation,
                      "kind": edge.relation, "weight": _value(edge.weight)}
        if edge.first_seen:
            attributes["start"] = edge.first_seen
        if edge.last_seen:
            attributes["end"] = edge.last_seen
        element = ET.SubElement(edge_list, "edge", attributes)
        values = ET.SubElement(element, "attvalues")
        row = asdict(edge)
        for name, _ in edge_fields:
            ET.SubElement(values, "attvalue", {"for": name, "value": _value(row[name])})
        r, g, b = POLARITY_COLOURS[edge.polarity]
        ET.SubElement(element, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
    return _xml(root)


# ---------------------------------------------------------------------- CSV
def write_edges_csv(edges: list[EdgeRow], nodes: list[NodeRow]) -> bytes:
    """The edge list as CSV, one row per (source, target, relation), with the actors' labels."""
    labels = {n.id: n.label for n in nodes}
    buffer = io.StringIO()
    names = [f.name for f in fields(EdgeRow)]
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names[:3] + ["source_label", "target_label"] + names[3:])
    for edge in edges:
        row = asdict(edge)
        values = [row[n] for n in names]
        writer.writerow(values[:3] + [labels.get(edge.source, ""), labels.get(edge.target, "")] + values[3:])
    return buffer.getvalue().encode("utf-8")


def write_nodes_csv(nodes: list[NodeRow]) -> bytes:
    """The node list as CSV (``id``, ``label``, ``type``, ``country``, ``role``, ``aliases``, degrees)."""
    buffer = io.StringIO()
    names = [f.name for f in fields(NodeRow)]
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for node in nodes:
        row = asdict(node)
        writer.writerow([row[n] for n in names])
    return buffer.getvalue().encode("utf-8")

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
import re
from dataclasses import asdict, dataclass, fields
from typing import Any
from xml.sax.saxutils import escape, quoteattr

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


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold (dropped from values rather than writing an unreadable file)."""


def _value(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _xml_text(value: object) -> str:
    """Element text: escaped, XML-illegal characters dropped."""
    return escape(_NOT_XML.sub("", _value(value)))


def _attr(value: object) -> str:
    """An attribute value, quoted and escaped (newlines and tabs kept as character references)."""
    return quoteattr(_NOT_XML.sub("", _value(value)), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _tag(name: str, attributes: dict[str, object], *, close: bool = False) -> str:
    spelled = "".join(f" {key}={_attr(value)}" for key, value in attributes.items())
    return f"<{name}{spelled}{' /' if close else ''}>"


# ---------------------------------------------------------------------- GraphML
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GraphML of the rows: typed keys for nodes and edges, directed, no graph-level data.

    Key ids are the attribute names, except the edge label (``edge_label``): the node key
    ``label`` is the one Gephi reads as the node label.
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           _tag("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                            "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})]
    for name, kind in NODE_FIELDS:
        out.append("  " + _tag("key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind}, close=True))
    out.append("  " + _tag("key", {"id": "edge_label", "for": "edge", "attr.name": "label", "attr.type": "string"},
                           close=True))
    for name, kind in EDGE_FIELDS:
        out.append("  " + _tag("key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind}, close=True))
    out.append('  <graph edgedefault="directed">')
    for node in nodes:
        out.append("    " + _tag("node", {"id": node.id}))
        values = asdict(node)
        out.extend(f'      <data key="{name}">{_xml_text(values[name])}</data>' for name, _ in NODE_FIELDS)
        out.append("    </node>")
    for edge in edges:
        out.append("    " + _tag("edge", {"id": edge.id, "source": edge.source, "target": edge.target}))
        out.append(f'      <data key="edge_label">{_xml_text(edge.relation)}</data>')
        values = asdict(edge)
        out.extend(f'      <data key="{name}">{_xml_text(values[name])}</data>' for name, _ in EDGE_FIELDS)
        out.append("    </edge>")
    out.extend(["  </graph>", "</graphml>", ""])
    return "\n".join(out).encode("utf-8")


# ---------------------------------------------------------------------- GEXF
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"


def write_gexf(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GEXF 1.3 of the rows: dynamic (``timeformat="date"``), edges coloured by polarity."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           _tag("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS,
                         "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                         "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd", "version": "1.3"}),
           "  <meta>", "    <creator>geokg</creator>",
           "    <description>Geopolitical actors and their relations extracted from news text</description>",
           "  </meta>",
           '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
           '    <attributes class="node" mode="static">']
    node_fields = [(n, k) for n, k in NODE_FIELDS if n != "label"]  # the label is the node's own attribute
    out.extend("      " + _tag("attribute", {"id": n, "title": n, "type": GEXF_TYPES[k]}, close=True)
               for n, k in node_fields)
    out.append("    </attributes>")
    out.append('    <attributes class="edge" mode="static">')
    edge_fields = [(n, k) for n, k in EDGE_FIELDS if n != "weight"]  # the weight is the edge's own attribute
    out.extend("      " + _tag("attribute", {"id": n, "title": n, "type": GEXF_TYPES[k]}, close=True)
               for n, k in edge_fields)
    out.append("    </attributes>")
    out.append("    <nodes>")
    for node in nodes:
        out.append("      " + _tag("node", {"id": node.id, "label": node.label}))
        out.append("        <attvalues>")
        row = asdict(node)
        out.extend("          " + _tag("attvalue", {"for": n, "value": row[n]}, close=True) for n, _ in node_fields)
        out.append("        </attvalues>")
        out.append("      </node>")
    out.append("    </nodes>")
    out.append("    <edges>")
    for edge in edges:
        attributes: dict[str, object] = {"id": edge.id, "source": edge.source, "target": edge.target,
                                         "label": edge.relation, "kind": edge.relation, "weight": edge.weight}
        if edge.first_seen:
            attributes["start"] = edge.first_seen
        if edge.last_seen:
            attributes["end"] = edge.last_seen
        out.append("      " + _tag("edge", attributes))
        out.append("        <attvalues>")
        row = asdict(edge)
        out.extend("          " + _tag("attvalue", {"for": n, "value": row[n]}, close=True) for n, _ in edge_fields)
        out.append("        </attvalues>")
        r, g, b = POLARITY_COLOURS[edge.polarity]
        out.append(f'        <viz:color r="{r}" g="{g}" b="{b}" />')
        out.append("      </edge>")
    out.extend(["    </edges>", "  </graph>", "</gexf>", ""])
    return "\n".join(out).encode("utf-8")


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

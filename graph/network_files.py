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

Rows are named tuples and the XML is written as strings, one template per element: a
network of a million relations has a few hundred thousand edges, and per-edge
``dataclasses.asdict`` and per-value escaping calls made GraphML take minutes. Strings
that repeat (actor ids, relation names, dates) are escaped once per export.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, NamedTuple, get_type_hints
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from ontology import relation_type

POLARITY_COLOURS: dict[str, tuple[int, int, int]] = {
    "conflict": (214, 39, 40),
    "cooperation": (44, 160, 44),
}
"""RGB colour of an edge by its relation's polarity (GEXF ``viz:color``)."""


class NodeRow(NamedTuple):
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


class EdgeRow(NamedTuple):
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
    hints = get_type_hints(row_class)
    return [(name, XML_TYPES[hints[name]]) for name in row_class._fields]  # type: ignore[attr-defined]


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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building rows and text (acyclic, many).

    Each automatic collection would walk the whole projection again: measured at 100k
    relations, that was two thirds of the time of :func:`network_table`.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _pair(edge: tuple[str, str, Any]) -> tuple[str, str]:
    return edge[0], edge[1]


@cache
def _relation(name: str) -> tuple[str, str, str]:
    """(snake_case name, polarity, PLOVER category) of a relation type."""
    rtype = relation_type(name)
    return rtype.snake, rtype.polarity, rtype.plover


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
    with collector_paused():
        return _network_rows(view)


def _network_rows(view: nx.DiGraph) -> tuple[list[NodeRow], list[EdgeRow]]:
    edges: list[EdgeRow] = []
    dates: dict[Any, str] = {}
    for source, target, data in sorted(view.edges(data=True), key=_pair):
        for name, stats in sorted(data.get("relations", {}).items()):
            snake, polarity, plover = _relation(name)
            first, last = stats.get("first_seen"), stats.get("last_seen")
            edges.append(EdgeRow(
                f"{source}|{snake}|{target}",
                source,
                target,
                snake,
                polarity,
                plover,
                float(stats["weight"]),
                int(stats.get("mentions", stats.get("evidence", 0))),
                int(stats.get("documents", 0)),
                int(stats.get("sources", 0)),
                float(stats.get("confidence") or 0.0),
                dates[first] if first in dates else dates.setdefault(first, _text(first)),
                dates[last] if last in dates else dates.setdefault(last, _text(last)),
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
_TEXT_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ATTR_SPECIAL = re.compile("[&<>\"'\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _value(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _xml_text(value: object) -> str:
    """Element text: escaped, XML-illegal characters dropped.

    >>> _xml_text("A & B <x>" + chr(7))
    'A &amp; B &lt;x&gt;'
    """
    text = _value(value)
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return escape(_NOT_XML.sub("", text))


def _attr(value: object) -> str:
    """An attribute value, quoted and escaped (newlines and tabs kept as character references).

    >>> print(_attr("plain"), _attr("x < y"), _attr('say "hi"'))
    "plain" "x &lt; y" 'say "hi"'
    """
    text = _value(value)
    if _ATTR_SPECIAL.search(text) is None:
        return f'"{text}"'
    return quoteattr(_NOT_XML.sub("", text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _tag(name: str, attributes: dict[str, object], *, close: bool = False) -> str:
    spelled = "".join(f" {key}={_attr(value)}" for key, value in attributes.items())
    return f"<{name}{spelled}{' /' if close else ''}>"


def _memo(write: Callable[[object], str]) -> Callable[[object], str]:
    """``write`` remembering its answers for one export (ids, names and dates repeat)."""
    seen: dict[object, str] = {}

    def written(value: object) -> str:
        try:
            return seen[value]
        except KeyError:
            seen[value] = out = write(value)
            return out
        except TypeError:  # unhashable: never the case for row values, but stay correct
            return write(value)

    return written


def _field_writers(row_class: type, names: list[str], write_text: Callable[[object], str]
                   ) -> list[tuple[int, Callable[[object], str]]]:
    """(position in the row, how to write it) for the named fields: numbers need no escaping."""
    hints = get_type_hints(row_class)
    position = {name: i for i, name in enumerate(row_class._fields)}  # type: ignore[attr-defined]
    kinds: dict[type, Callable[[object], str]] = {str: write_text, int: str, float: repr}
    return [(position[name], kinds[hints[name]]) for name in names]


# ---------------------------------------------------------------------- GraphML
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GraphML of the rows: typed keys for nodes and edges, directed, no graph-level data.

    Key ids are the attribute names, except the edge label (``edge_label``): the node key
    ``label`` is the one Gephi reads as the node label.
    """
    with collector_paused():
        return _graphml(nodes, edges)


def _graphml(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
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
    text, attr = _memo(_xml_text), _memo(_attr)
    node_values = _field_writers(NodeRow, [name for name, _ in NODE_FIELDS], text)
    node_element = "\n".join(["    <node id={}>",
                              *(f'      <data key="{name}">{{}}</data>' for name, _ in NODE_FIELDS),
                              "    </node>"])
    for node in nodes:
        out.append(node_element.format(attr(node.id), *[write(node[i]) for i, write in node_values]))
    edge_values = _field_writers(EdgeRow, [name for name, _ in EDGE_FIELDS], text)
    edge_element = "\n".join(["    <edge id={} source={} target={}>",
                              '      <data key="edge_label">{}</data>',
                              *(f'      <data key="{name}">{{}}</data>' for name, _ in EDGE_FIELDS),
                              "    </edge>"])
    for edge in edges:
        out.append(edge_element.format(_attr(edge.id), attr(edge.source), attr(edge.target), text(edge.relation),
                                       *[write(edge[i]) for i, write in edge_values]))
    out.extend(["  </graph>", "</graphml>", ""])
    return "\n".join(out).encode("utf-8")


# ---------------------------------------------------------------------- GEXF
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"


def write_gexf(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
    """GEXF 1.3 of the rows: dynamic (``timeformat="date"``), edges coloured by polarity."""
    with collector_paused():
        return _gexf(nodes, edges)


def _gexf(nodes: list[NodeRow], edges: list[EdgeRow]) -> bytes:
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
    attr = _memo(_attr)
    node_values = _field_writers(NodeRow, [n for n, _ in node_fields], attr)
    node_element = "\n".join(["      <node id={} label={}>", "        <attvalues>",
                              *(f'          <attvalue for="{n}" value={{}} />' for n, _ in node_fields),
                              "        </attvalues>", "      </node>"])
    for node in nodes:
        out.append(node_element.format(attr(node.id), attr(node.label),
                                       *[_quoted(write, node[i]) for i, write in node_values]))
    out.append("    </nodes>")
    out.append("    <edges>")
    edge_values = _field_writers(EdgeRow, [n for n, _ in edge_fields], attr)
    edge_body = "\n".join(["        <attvalues>",
                           *(f'          <attvalue for="{n}" value={{}} />' for n, _ in edge_fields),
                           "        </attvalues>", '        <viz:color r="{}" g="{}" b="{}" />', "      </edge>"])
    for edge in edges:
        spelled = (f"      <edge id={_attr(edge.id)} source={attr(edge.source)} target={attr(edge.target)} "
                   f"label={attr(edge.relation)} kind={attr(edge.relation)} weight={_quoted(repr, edge.weight)}")
        if edge.first_seen:
            spelled += f" start={attr(edge.first_seen)}"
        if edge.last_seen:
            spelled += f" end={attr(edge.last_seen)}"
        out.append(spelled + ">")
        out.append(edge_body.format(*[_quoted(write, edge[i]) for i, write in edge_values],
                                    *POLARITY_COLOURS[edge.polarity]))
    out.extend(["    </edges>", "  </graph>", "</gexf>", ""])
    return "\n".join(out).encode("utf-8")


def _quoted(write: Callable[[object], str], value: object) -> str:
    """An attribute value written by ``write``: strings come quoted from :func:`_attr`, numbers get quotes."""
    written = write(value)
    return written if isinstance(value, str) else f'"{written}"'


# ---------------------------------------------------------------------- CSV
def write_edges_csv(edges: list[EdgeRow], nodes: list[NodeRow]) -> bytes:
    """The edge list as CSV, one row per (source, target, relation), with the actors' labels."""
    labels = {n.id: n.label for n in nodes}
    buffer = io.StringIO()
    names = list(EdgeRow._fields)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names[:3] + ["source_label", "target_label"] + names[3:])
    writer.writerows((*edge[:3], labels.get(edge.source, ""), labels.get(edge.target, ""), *edge[3:])
                     for edge in edges)
    return buffer.getvalue().encode("utf-8")


def write_nodes_csv(nodes: list[NodeRow]) -> bytes:
    """The node list as CSV (``id``, ``label``, ``type``, ``country``, ``role``, ``aliases``, degrees)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(NodeRow._fields)
    writer.writerows(nodes)
    return buffer.getvalue().encode("utf-8")

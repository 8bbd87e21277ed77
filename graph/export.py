"""Exports: RDF serialisations of the store and network files of the projection (networkx).

RDF: ``turtle`` (the union of all document graphs), ``trig`` and ``nquads`` (named graphs
kept) through Oxigraph's writers (the ones oxrdflib's ``ox-*`` rdflib serialisers call);
``jsonld`` (named graphs kept, compacted with :data:`JSONLD_CONTEXT`) through rdflib.
Networks: ``graphml`` and ``gexf``, directed, one edge per actor pair with supporting
records, only scalar attributes (None written as ""), so Gephi opens them with labels.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
from rdflib import RDFS, XSD, Dataset
from rdflib.namespace import DCTERMS, PROV

from graph.errors import InvalidQuery
from graph.iris import ACTOR_PREFIX, DOC_PREFIX
from graph.store import GraphStore
from ontology import NAMESPACE, relation_type

RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = RDF_FORMATS + NETWORK_FORMATS
"""Every format :func:`export_store` and :func:`export` accept."""

MEDIA_TYPES = {
    "turtle": "text/turtle",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}
"""The media type of each export format (for HTTP responses)."""

PREFIXES = {
    "gkg": NAMESPACE,
    "actor": ACTOR_PREFIX,
    "doc": DOC_PREFIX,
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

JSONLD_CONTEXT: dict[str, Any] = dict(PREFIXES)
"""The JSON-LD context of the ``jsonld`` export: the prefixes above."""


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def export_rdf(store: GraphStore, fmt: str) -> bytes:
    """Serialise the store's triples.

    Raises
    ------
    InvalidQuery
        For a format not in :data:`RDF_FORMATS`.

    Examples
    --------
    >>> from graph.store import open_store
    >>> with open_store("memory") as store:
    ...     export_rdf(store, "nquads")
    b''
    """
    if fmt not in RDF_FORMATS:
        raise InvalidQuery(f"unknown RDF format {fmt!r}; choose one of: {', '.join(RDF_FORMATS)}")
    if fmt != "jsonld":
        # Oxigraph's writers: rdflib's pure-Python Turtle/TriG serialisers took 38 s / 118 s
        # on a 460k-triple store where these take about a second.
        return store.dump(fmt, prefixes=PREFIXES)
    copy = Dataset()
    _bind(copy)
    for name, triples in store.iter_graphs():
        named = copy.graph(name)
        for triple in triples:
            named.add(triple)
    return copy.serialize(format="json-ld", context=JSONLD_CONTEXT, encoding="utf-8")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def network_for_export(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of the projection with only scalar attributes, one edge per supported actor pair.

    Node attributes: label, type, country, role, aliases (joined by "; "), relations.
    Edge attributes: relation (the type with most weight), polarity (that type's),
    weight, evidence, cooperation_weight, conflict_weight, relation_weights
    ("attacks:3; accuses:1"), first_seen, last_seen (ISO dates or "").
    """
    out = nx.DiGraph()
    for node, data in sorted(G.nodes(data=True)):
        out.add_node(
            node,
            label=_text(data.get("label", node)),
            type=_text(data.get("type")),
            country=_text(data.get("country")),
            role=_text(data.get("role")),
            aliases="; ".join(data.get("aliases", [])),
            relations=int(data.get("relations", 0)),
        )
    for source, target, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1])):
        supported = {n: s for n, s in data["relations"].items() if s["weight"] > 0}
        if not supported:
            continue
        ranked = sorted(supported, key=lambda n: (-supported[n]["weight"], -supported[n]["evidence"], n))
        polarity_weight = {"cooperation": 0, "conflict": 0}
        for name, stat in supported.items():
            polarity_weight[relation_type(name).polarity] += stat["weight"]
        out.add_edge(
            source,
            target,
            relation=ranked[0],
            polarity=relation_type(ranked[0]).polarity,
            weight=int(data["weight"]),
            evidence=int(data["evidence"]),
            cooperation_weight=polarity_weight["cooperation"],
            conflict_weight=polarity_weight["conflict"],
            relation_weights="; ".join(f"{n}:{supported[n]['weight']}" for n in ranked),
            first_seen=_text(data.get("first_seen")),
            last_seen=_text(data.get("last_seen")),
        )
    return out


def export_network(G: nx.DiGraph, fmt: str) -> bytes:
    """GraphML or GEXF of the projection (see :func:`network_for_export`).

    Raises
    ------
    InvalidQuery
        For a format not in :data:`NETWORK_FORMATS`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("TUR", label="Turkey", type="State", country="TUR", role=None)
    >>> b"Turkey" in export_network(G, "graphml")
    True
    """
    if fmt not in NETWORK_FORMATS:
        raise InvalidQuery(f"unknown network format {fmt!r}; choose one of: {', '.join(NETWORK_FORMATS)}")
    return write_network(network_for_export(G), fmt)


def write_network(network: nx.DiGraph, fmt: str) -> bytes:
    """Write a graph made by :func:`network_for_export` as ``graphml`` or ``gexf``."""
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer, encoding="utf-8", named_key_ids=True)
    elif fmt == "gexf":
        nx.write_gexf(network, buffer, encoding="utf-8")
    else:
        raise InvalidQuery(f"unknown network format {fmt!r}; choose one of: {', '.join(NETWORK_FORMATS)}")
    return buffer.getvalue()


def export_format(fmt: str) -> str:
    """The canonical name of an export format (case-insensitive; ``ttl``, ``json-ld``, ``nq`` accepted).

    Raises
    ------
    InvalidQuery
        For an unknown format; the message lists the known ones.

    Examples
    --------
    >>> export_format(" TTL ")
    'turtle'
    """
    key = fmt.strip().lower() if isinstance(fmt, str) else ""
    key = {"ttl": "turtle", "json-ld": "jsonld", "nq": "nquads"}.get(key, key)
    if key not in FORMATS:
        raise InvalidQuery(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return key


def export(store: GraphStore, G: nx.DiGraph, fmt: str) -> bytes:
    """Any export format: RDF from the store, networks from the projection.

    Raises
    ------
    InvalidQuery
        For an unknown format; the message lists the known ones.
    """
    key = export_format(fmt)
    if key in RDF_FORMATS:
        return export_rdf(store, key)
    return export_network(G, key)

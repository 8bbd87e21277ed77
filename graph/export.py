"""Exports: RDF serialisations of the store and network files of the projection (networkx).

RDF: ``turtle`` (the union of all document graphs), ``trig`` and ``nquads`` (named graphs
kept) through Oxigraph's writers (the ones oxrdflib's ``ox-*`` rdflib serialisers call);
``jsonld`` (named graphs kept, compacted with :data:`JSONLD_CONTEXT`) through rdflib.
Networks (:mod:`graph.network_files`): ``graphml``, ``gexf`` (dynamic, coloured by
polarity), ``edges-csv`` and ``nodes-csv`` of the projection seen through a
:class:`~graph.filters.RelationFilter`: one weighted edge per actor pair and relation type,
only scalar typed attributes, so Gephi opens them with labels and a timeline.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import RDFS, XSD, Dataset
from rdflib.namespace import DCTERMS, PROV

from graph.errors import InvalidQuery
from graph.filters import RelationFilter, filtered_graph
from graph.iris import ACTOR_PREFIX, DOC_PREFIX
from graph.network_files import (
    EdgeRow,
    NodeRow,
    collector_paused,
    network_table,
    write_edges_csv,
    write_gexf,
    write_graphml,
    write_nodes_csv,
)
from graph.store import GraphStore
from ontology import NAMESPACE

NetworkTable = tuple[list[NodeRow], list[EdgeRow]]

RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf", "edges-csv", "nodes-csv")
FORMATS = RDF_FORMATS + NETWORK_FORMATS
"""Every format :func:`export_store` and :func:`export` accept."""

MEDIA_TYPES = {
    "turtle": "text/turtle",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "edges-csv": "text/csv",
    "nodes-csv": "text/csv",
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


def network_for_export(G: nx.DiGraph, flt: RelationFilter | None = None) -> NetworkTable:
    """The rows of a network export: the projection through ``flt``, one edge per actor pair
    and relation type (see :func:`graph.network_files.network_table`).

    Raises
    ------
    ActorNotFound
        When the filter's ego actor is unknown.
    """
    with collector_paused():  # the view and its rows are many new acyclic containers
        return network_table(filtered_graph(G, flt))


def write_network(table: NetworkTable, fmt: str) -> bytes:
    """Write rows made by :func:`network_for_export` as ``graphml``, ``gexf``, ``edges-csv`` or ``nodes-csv``.

    Raises
    ------
    InvalidQuery
        For another format.
    """
    nodes, edges = table
    if fmt == "graphml":
        return write_graphml(nodes, edges)
    if fmt == "gexf":
        return write_gexf(nodes, edges)
    if fmt == "edges-csv":
        return write_edges_csv(edges, nodes)
    if fmt == "nodes-csv":
        return write_nodes_csv(nodes)
    raise InvalidQuery(f"unknown network format {fmt!r}; choose one of: {', '.join(NETWORK_FORMATS)}")


def export_network(G: nx.DiGraph, fmt: str, *, flt: RelationFilter | None = None) -> bytes:
    """GraphML, GEXF or a CSV list of the projection seen through ``flt``.

    Raises
    ------
    InvalidQuery
        For a format not in :data:`NETWORK_FORMATS`.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> b'<key id="label" for="node" attr.name="label" attr.type="string"' in export_network(example_graph(), "graphml")
    True
    """
    if fmt not in NETWORK_FORMATS:
        raise InvalidQuery(f"unknown network format {fmt!r}; choose one of: {', '.join(NETWORK_FORMATS)}")
    return write_network(network_for_export(G, flt), fmt)


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
    key = {"ttl": "turtle", "json-ld": "jsonld", "nq": "nquads", "csv": "edges-csv"}.get(key, key)
    if key not in FORMATS:
        raise InvalidQuery(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return key


def export(store: GraphStore, G: nx.DiGraph, fmt: str, *, flt: RelationFilter | None = None) -> bytes:
    """Any export format: RDF from the store, networks from the projection.

    Raises
    ------
    InvalidQuery
        For an unknown format; the message lists the known ones.
    """
    key = export_format(fmt)
    if key in RDF_FORMATS:
        return export_rdf(store, key)
    return export_network(G, key, flt=flt)

"""The string-template GraphML and GEXF writers: what they escape reads back exactly."""

from __future__ import annotations

import csv
import io

import networkx as nx

from graph.network_files import EdgeRow, NodeRow, write_edges_csv, write_gexf, write_graphml, write_nodes_csv

ODD = "Both 'quotes' and \"quotes\" & <tags>\tand\nlines\x02"
"""A value with every character the writers must escape, and one XML cannot hold (dropped)."""
READ_BACK = ODD.replace("\x02", "")


def _rows() -> tuple[list[NodeRow], list[EdgeRow]]:
    nodes = [NodeRow(id="a&b", label=ODD, type="Person", country="", role="", aliases=ODD,
                     degree=1, in_degree=0, out_degree=1),
             NodeRow(id="c'd", label="Plain", type="State", country="CCC", role="GOV", aliases="",
                     degree=1, in_degree=1, out_degree=0)]
    edges = [EdgeRow(id="a&b|accuses|c'd", source="a&b", target="c'd", relation="accuses", polarity="conflict",
                     plover="ACCUSE", weight=2.0, mentions=3, documents=2, sources=1, confidence=0.125,
                     first_seen="2016-01-02", last_seen="")]
    return nodes, edges


def test_graphml_values_read_back_exactly() -> None:
    G = nx.read_graphml(io.BytesIO(write_graphml(*_rows())))
    assert set(G.nodes) == {"a&b", "c'd"}
    assert G.nodes["a&b"]["label"] == READ_BACK and G.nodes["a&b"]["aliases"] == READ_BACK
    assert G.nodes["c'd"]["degree"] == 1 and isinstance(G.nodes["c'd"]["degree"], int)
    data = G.edges["a&b", "c'd"]
    assert (data["label"], data["weight"], data["mentions"], data["confidence"], data["first_seen"]) == (
        "accuses", 2.0, 3, 0.125, "2016-01-02")
    assert data["last_seen"] == ""


def test_gexf_values_read_back_exactly_with_the_interval_only_where_dated() -> None:
    data = write_gexf(*_rows())
    H = nx.read_gexf(io.BytesIO(data))
    assert H.nodes["a&b"]["label"] == READ_BACK and H.nodes["a&b"]["aliases"] == READ_BACK
    edge = next(iter(H.edges(data=True)))[2]
    assert edge["weight"] == 2.0 and edge["mentions"] == 3 and edge["relation"] == "accuses"
    assert b'start="2016-01-02"' in data and b" end=" not in data
    assert b'<viz:color r="214" g="39" b="40" />' in data


def test_csv_rows_keep_the_column_order() -> None:
    nodes, edges = _rows()
    header, row = csv.reader(io.StringIO(write_edges_csv(edges, nodes).decode(), newline=""))
    assert ",".join(header) == ("id,source,target,source_label,target_label,relation,polarity,plover,weight,"
                                "mentions,documents,sources,confidence,first_seen,last_seen")
    assert row[3] == ODD and row[4] == "Plain"
    assert row[5:] == ["accuses", "conflict", "ACCUSE", "2.0", "3", "2", "1", "0.125", "2016-01-02", ""]
    assert write_nodes_csv(nodes).decode().splitlines()[0] == (
        "id,label,type,country,role,aliases,degree,in_degree,out_degree")

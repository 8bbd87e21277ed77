"""Benchmark ``export``: seconds to write GraphML of the aggregated actor graph (``graphml_s``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.common import load_average, print_table, write_result
from graph.knowledge_graph import KnowledgeGraph


def run_export(store: Path, *, workdir: Path) -> dict[str, Any]:
    """Open the store, export GraphML to a file (timed) and write ``results/export.json``."""
    load = load_average()
    with KnowledgeGraph.open(store) as kg:
        nodes, edges = kg.graph.number_of_nodes(), kg.graph.number_of_edges()
        started = time.perf_counter()
        data = kg.export("graphml")
        (workdir / "graph.graphml").write_bytes(data)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        gexf = kg.export("gexf")  # context: the same network as GEXF
        gexf_seconds = time.perf_counter() - started
    (workdir / "graph.graphml").unlink(missing_ok=True)
    write_result("export", {"graphml_s": round(seconds, 3)})
    print_table("export: GraphML of the aggregated graph", [
        ("actors", nodes), ("actor pairs", edges), ("graphml_mb", round(len(data) / 2**20, 1)),
        ("graphml_s", round(seconds, 3)), ("gexf_s (context)", round(gexf_seconds, 3)),
        ("gexf_mb", round(len(gexf) / 2**20, 1)), ("load average", str(load)),
    ])
    return {"graphml_s": round(seconds, 3), "gexf_s": round(gexf_seconds, 3), "nodes": nodes, "edges": edges,
            "load": load}

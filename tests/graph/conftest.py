"""Real stores for the graph tests: Oxigraph in memory and on disk in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import KnowledgeGraph
from tests.graph.builders import load


@pytest.fixture(params=["memory", "disk"])
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    """An empty knowledge graph on each real backend: Oxigraph in memory and on disk."""
    spec = "memory" if request.param == "memory" else str(tmp_path / "store")
    graph = KnowledgeGraph.open(spec)
    try:
        yield graph
    finally:
        graph.close()


@pytest.fixture
def loaded(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The knowledge graph holding :func:`corpus`."""
    load(kg)
    return kg

"""The numpydoc examples of graph/ run as tests (they are small hand-built graphs)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["graph.actors", "graph.examples", "graph.export", "graph.iris", "graph.knowledge_graph",
           "graph.projection", "graph.queries", "graph.rdf", "graph.store"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0

"""A small hand-built projection for docstring examples and quick experiments."""

from __future__ import annotations

import networkx as nx

from extract.records import ActorRef, RelationRecord
from graph.projection import Projection
from ontology import relation_type

_LABELS = {"TUR": "Turkey", "SYR": "Syria", "RUS": "Russia"}


def example_record(subject: str, relation: str, obj: str, *, doc: str = "d1") -> RelationRecord:
    """One asserted record between two of the example states (TUR, SYR, RUS).

    >>> example_record("TUR", "attacks", "SYR").polarity
    'conflict'
    """
    rtype = relation_type(relation)
    return RelationRecord(
        doc=doc,
        sentence=f"{_LABELS[subject]} {rtype.label} {_LABELS[obj]}.",
        start=0,
        end=9,
        subject=ActorRef(id=subject, label=_LABELS[subject], type="State", country=subject),
        relation=rtype.snake,
        plover=rtype.plover,
        polarity=rtype.polarity,  # type: ignore[arg-type]
        object=ActorRef(id=obj, label=_LABELS[obj], type="State", country=obj),
        confidence=0.9,
    )


def example_graph() -> nx.DiGraph:
    """Turkey attacks Syria, Russia supports Syria, Turkey consults with Russia.

    >>> sorted(example_graph().edges)
    [('RUS', 'SYR'), ('RUS', 'TUR'), ('TUR', 'RUS'), ('TUR', 'SYR')]
    """
    view = Projection()
    view.add_document(
        "d1",
        [
            example_record("TUR", "attacks", "SYR"),
            example_record("RUS", "supports", "SYR"),
            example_record("TUR", "consults_with", "RUS"),
        ],
    )
    return view.graph

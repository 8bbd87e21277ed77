"""The signed, undirected actor network behind paths and analytics.

Each actor pair with supporting records in a filtered view (:func:`graph.filters.filtered_graph`)
becomes one undirected edge whose ``sign`` is the pair's net polarity: +1 when cooperation
outweighs conflict over both directions, -1 when conflict does; on a tie the heavier single
relation type decides (then conflict). Weights follow the filter's ``weight_by``
(distinct documents by default); a record of a symmetric type counts once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import networkx as nx

from graph.filters import relation_stats
from graph.projection import Mention
from graph.view_cache import derived
from ontology import relation_type

SIGN_OF_POLARITY = {"cooperation": 1, "conflict": -1}


@cache
def polarity_of(relation: str) -> str:
    """``cooperation`` or ``conflict`` for a snake_case relation type."""
    return relation_type(relation).polarity


def relation_id(source: str, relation: str, target: str) -> str:
    """The id of an aggregated relation: ``source:relation:target``.

    >>> relation_id("TUR", "attacks", "SYR")
    'TUR:attacks:SYR'
    """
    return f"{source}:{relation}:{target}"


def pair_mentions(H: nx.DiGraph, a: str, b: str, names: Iterable[str] | None = None) -> list[Mention]:
    """The records between two actors over both directions, each once, in a stable order."""
    wanted = set(names) if names is not None else None
    seen: dict[tuple[str, int], Mention] = {}
    for source, target in ((a, b), (b, a)):
        if H.has_edge(source, target):
            for m in H.edges[source, target]["_mentions"]:
                if wanted is None or m.relation in wanted:
                    seen.setdefault((m.doc, m.index), m)
    return [seen[key] for key in sorted(seen)]


@dataclass(frozen=True, slots=True)
class PairSummary:
    """Two actors' net relation: its sign, weights, and the relation type that speaks for it."""

    source: str
    """The subject of ``relation`` (as recorded)."""
    target: str
    relation: str
    sign: int
    weight: int
    cooperation_weight: int
    conflict_weight: int


def pair_summary(H: nx.DiGraph, a: str, b: str, weight_by: str = "documents") -> PairSummary | None:
    """The net relation between two actors in a filtered view (None when they have none)."""
    mentions = pair_mentions(H, a, b)
    if not mentions:
        return None
    if len(mentions) == 1:  # the common case, kept cheap
        m = mentions[0]
        sign = SIGN_OF_POLARITY[polarity_of(m.relation)]
        return PairSummary(source=m.subject, target=m.object, relation=m.relation, sign=sign, weight=1,
                           cooperation_weight=1 if sign > 0 else 0, conflict_weight=1 if sign < 0 else 0)
    by_type: dict[str, list[Mention]] = {}
    for m in mentions:
        by_type.setdefault(m.relation, []).append(m)
    type_weight = {name: relation_stats(ms, weight_by)["weight"] for name, ms in by_type.items()}  # type: ignore[arg-type]
    polar = {
        polarity: relation_stats([m for m in mentions if polarity_of(m.relation) == polarity],
                                 weight_by)["weight"]  # type: ignore[arg-type]
        for polarity in ("cooperation", "conflict")
    }
    ranked = sorted(type_weight, key=lambda n: (-type_weight[n], -len(by_type[n]),
                                                SIGN_OF_POLARITY[polarity_of(n)], n))
    if polar["cooperation"] != polar["conflict"]:
        winner = "cooperation" if polar["cooperation"] > polar["conflict"] else "conflict"
        ranked = [n for n in ranked if polarity_of(n) == winner]
    relation = ranked[0]
    forward = sum(1 for m in by_type[relation] if m.subject == a)
    backward = sum(1 for m in by_type[relation] if m.subject == b)
    source, target = (a, b) if (forward, b) >= (backward, a) else (b, a)
    return PairSummary(
        source=source,
        target=target,
        relation=relation,
        sign=SIGN_OF_POLARITY[polarity_of(relation)],
        weight=relation_stats(mentions, weight_by)["weight"],  # type: ignore[arg-type]
        cooperation_weight=polar["cooperation"],
        conflict_weight=polar["conflict"],
    )


def signed_graph(H: nx.DiGraph, weight_by: str = "documents") -> nx.Graph:
    """The undirected signed network of a filtered view, nodes and edges in sorted order.

    Edge attributes: ``sign`` (+1/-1), ``weight``, ``cooperation_weight``, ``conflict_weight``,
    ``relation`` with its recorded ``source`` and ``target``. Built once per view and weight
    (kept with the view, :mod:`graph.view_cache`): treat both as read-only.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> from graph.filters import filtered_graph
    >>> S = signed_graph(filtered_graph(example_graph()))
    >>> S.edges["SYR", "TUR"]["sign"], S.edges["RUS", "SYR"]["sign"]
    (-1, 1)
    """
    return derived(H, ("signed", weight_by), lambda: _build_signed(H, weight_by))


def _build_signed(H: nx.DiGraph, weight_by: str) -> nx.Graph:
    S = nx.Graph()
    S.add_nodes_from(sorted(H.nodes))
    pairs = sorted({tuple(sorted((u, v))) for u, v in H.edges if u != v})
    for a, b in pairs:
        summary = pair_summary(H, a, b, weight_by)
        if summary is None:
            continue
        S.add_edge(a, b, sign=summary.sign, weight=summary.weight, relation=summary.relation,
                   source=summary.source, target=summary.target,
                   cooperation_weight=summary.cooperation_weight, conflict_weight=summary.conflict_weight)
    return S


__all__ = ["PairSummary", "SIGN_OF_POLARITY", "pair_mentions", "pair_summary", "polarity_of",
           "relation_id", "signed_graph"]

"""Keeping a filtered view current after a write without rebuilding it.

Adding, replacing or deleting a document changes the projection's edges between the
actor pairs that document's records name, and the descriptions of some actors; nothing
else. :func:`updated_view` makes the view of the new projection from the view of the old
one by recomputing exactly those pairs' edges (:func:`graph.filters.view_edge`) and
refreshing node descriptions, in time proportional to the pairs touched plus the number
of actors, instead of the number of records.

The old view is left untouched: readers may still be using it outside the graph's lock.
The new one shares every adjacency dict of an untouched actor with it and gets its own
copies of the touched ones (copy on write). The structures derived from the old view
(:mod:`graph.view_cache`) carry over when they cannot have changed: the signed network is
updated pair by pair; an actor's neighbour lists and summaries are kept unless the actor
was touched; ego networks are dropped.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable
from typing import Any

import networkx as nx

from graph.filters import RelationFilter, view_edge
from graph.signed import pair_summary

Pair = tuple[str, str]
_CACHE_KEY = "_derived"


def _public(attributes: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if not k.startswith("_")}


def updated_view(G: nx.DiGraph, old: nx.DiGraph, flt: RelationFilter, pairs: Collection[Pair]) -> nx.DiGraph:
    """The view of projection ``G`` through ``flt``, made from ``old`` (the view of ``G`` before
    a write) by recomputing the directed ``pairs`` the write touched.

    Equal to :func:`graph.filters.filtered_graph` ``(G, flt)`` for a filter without an ego or
    actor restriction (those views are rebuilt instead). ``old`` is not modified.
    """
    names = flt.relation_names()
    new = nx.DiGraph()
    new.graph.update({k: v for k, v in old.graph.items() if not k.startswith("_")})
    new._node = dict(old._node)
    new._succ = dict(old._succ)
    new._adj = new._succ
    new._pred = dict(old._pred)
    owned: set[str] = set()

    def own(node: str) -> None:
        if node not in owned:
            owned.add(node)
            new._succ[node] = dict(new._succ.get(node, {}))
            new._pred[node] = dict(new._pred.get(node, {}))
            new._node.setdefault(node, {})

    touched: set[str] = set()
    changed: set[Pair] = set()
    for source, target in pairs:
        data = G._succ.get(source, {}).get(target)
        edge = view_edge(G, source, target, data, flt, names) if data is not None else None
        had = target in new._succ.get(source, ())
        if edge is None and not had:
            continue
        own(source)
        own(target)
        touched.update((source, target))
        changed.add((source, target) if source < target else (target, source))
        if edge is None:
            del new._succ[source][target]
            del new._pred[target][source]
        else:
            new._succ[source][target] = edge
            new._pred[target][source] = edge
    for node in touched:
        if not new._succ[node] and not new._pred[node]:
            del new._succ[node], new._pred[node], new._node[node]
    described: set[str] = set()
    for node in new._node:  # descriptions (label, aliases, record counts) may change anywhere a document named
        attributes = _public(G._node[node])
        if attributes != new._node[node]:
            new._node[node] = attributes
            described.add(node)
    new.graph[_CACHE_KEY] = _carried(new, old.graph.get(_CACHE_KEY, {}), touched, described, changed)
    return new


def _carried(new: nx.DiGraph, cache: dict[Hashable, Any], touched: set[str], described: set[str],
             changed: set[Pair]) -> dict[Hashable, Any]:
    """What of an old view's derived structures still holds for the new view."""
    kept: dict[Hashable, Any] = {}
    for key, value in list(cache.items()):
        if not isinstance(key, tuple) or not key:
            continue
        kind = key[0]
        if kind == "summary" and key[1] not in described and key[1] in new._node:
            kept[key] = value
        elif kind == "neighbours" and key[1] not in touched:
            kept[key] = value
        elif kind == "pair" and (key[1], key[2]) not in changed:
            kept[key] = value
        elif kind == "signed":
            kept[key] = updated_signed(new, value, changed, weight_by=key[1])
    return kept


def updated_signed(H: nx.DiGraph, old: nx.Graph, pairs: Collection[Pair], *, weight_by: str) -> nx.Graph:
    """The signed network of view ``H`` (:func:`graph.signed.signed_graph`), made from the
    signed network ``old`` of the previous view by recomputing the unordered ``pairs`` (a < b)."""
    S = nx.Graph()
    S._node = dict(old._node)
    S._adj = dict(old._adj)
    owned: set[str] = set()

    def own(node: str) -> None:
        if node not in owned:
            owned.add(node)
            S._adj[node] = dict(S._adj.get(node, {}))
            S._node.setdefault(node, {})

    for a, b in pairs:
        summary = pair_summary(H, a, b, weight_by)
        if summary is None and b not in S._adj.get(a, ()):
            continue
        own(a)
        own(b)
        if summary is None:
            S._adj[a].pop(b, None)
            S._adj[b].pop(a, None)
        else:
            data = {"sign": summary.sign, "weight": summary.weight, "relation": summary.relation,
                    "source": summary.source, "target": summary.target,
                    "cooperation_weight": summary.cooperation_weight, "conflict_weight": summary.conflict_weight}
            S._adj[a][b] = data
            S._adj[b][a] = data
    for node in [n for n in S._node if n not in H._node]:
        for other in list(S._adj[node]):
            own(other)
            S._adj[other].pop(node, None)
        del S._node[node], S._adj[node]
    for node in H._node:
        if node not in S._node:
            S._node[node] = {}
            S._adj[node] = {}
    return S


__all__ = ["updated_signed", "updated_view"]

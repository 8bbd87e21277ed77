"""Structures derived from one filtered view, built once per view and kept with it.

A filtered view (:func:`graph.filters.filtered_graph`) never changes once built: a write
to the projection makes a new view. So whatever a query derives from a view (its signed
network, an actor's sorted neighbours, an ego network) can be kept beside it, in
``H.graph``, and reused by every later query on that view; it goes when the view goes.

:func:`derived` builds each structure once even when several threads ask for it at the
same moment (the others wait for it rather than build it again), and gives it to every
caller afterwards without taking any lock. Treat what it returns as read-only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import networkx as nx

T = TypeVar("T")
_CACHE_KEY = "_derived"
_LOCK_KEY = "_derived_lock"
_CREATE = threading.Lock()


def _parts(H: nx.DiGraph) -> tuple[dict[Hashable, Any], threading.RLock]:
    cache = H.graph.get(_CACHE_KEY)
    lock = H.graph.get(_LOCK_KEY)
    if cache is None or lock is None:
        with _CREATE:
            cache = H.graph.setdefault(_CACHE_KEY, {})
            lock = H.graph.setdefault(_LOCK_KEY, threading.RLock())
    return cache, lock


def derived(H: nx.DiGraph, key: Hashable, build: Callable[[], T]) -> T:
    """The structure ``key`` of view ``H``, made by ``build()`` the first time it is asked for.

    Examples
    --------
    >>> H = nx.DiGraph([("A", "B")])
    >>> calls = []
    >>> derived(H, "edges", lambda: calls.append(1) or H.number_of_edges())
    1
    >>> derived(H, "edges", lambda: calls.append(1) or -1), len(calls)
    (1, 1)
    """
    cache, lock = _parts(H)
    try:
        return cache[key]  # type: ignore[no-any-return]
    except KeyError:
        pass
    with lock:
        if key not in cache:
            cache[key] = build()
        return cache[key]  # type: ignore[no-any-return]


def undirected_neighbours(H: nx.DiGraph, node: str) -> frozenset[str]:
    """The actors linked to ``node`` in either direction in view ``H`` (itself left out; cached).

    >>> sorted(undirected_neighbours(nx.DiGraph([("A", "B"), ("C", "A"), ("A", "A")]), "A"))
    ['B', 'C']
    """
    def build() -> frozenset[str]:
        out = set(H.succ[node]) | set(H.pred[node])
        out.discard(node)
        return frozenset(out)

    return derived(H, ("neighbours", node), build)


__all__ = ["derived", "undirected_neighbours"]

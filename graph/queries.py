"""Questions over the projection: opponents, allies, pairs under a relation, paths.

Plain functions, the graph first and options keyword-only. Actors may be given by id,
label or alias (see :func:`graph.actors.resolve_actor`). Relation families follow the
ontology's hierarchy: ``opposes`` covers attacks, threatens, accuses ...;
``cooperatesWith`` covers supports, aids, consults ... Only supporting records
(not negated; asserted or reported) give weight.

The examples use :func:`graph.examples.example_graph` (Turkey attacks Syria, Russia
supports Syria, Turkey consults with Russia).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

import networkx as nx

from graph.actors import actor_summary, resolve_actor
from graph.errors import InvalidQuery
from graph.models import ActorPath, Neighbour, PathHop, RelationPair
from ontology import (
    RelationType,
    UnknownRelationType,
    descendants,
    relation_type,
    relation_types,
)

Direction = Literal["both", "out", "in"]
MAX_HOPS = 8
"""Largest ``max_hops`` a path query accepts."""
MAX_PATHS = 100
"""Largest number of paths a path query returns."""


@cache
def _type_index() -> dict[str, RelationType]:
    return {rt.snake: rt for rt in relation_types()}


def relation_family(relation: str) -> list[RelationType]:
    """A relation type (camelCase or snake_case) and every type below it in the hierarchy.

    Raises
    ------
    InvalidQuery
        For a name the ontology does not define; the message lists the known types.

    Examples
    --------
    >>> sorted(r.snake for r in relation_family("cooperatesWith"))[:3]
    ['agrees_with', 'aids', 'concedes_to']
    >>> [r.snake for r in relation_family("attacks")]
    ['attacks']
    """
    try:
        return descendants(relation_type(relation).name)
    except UnknownRelationType as exc:
        raise InvalidQuery(str(exc)) from exc


def dominant_relation(data: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The relation type with most weight on an edge (then most evidence, then by name)."""
    stats = data.get("relations", {})
    if not stats:
        return None
    name = min(stats, key=lambda n: (-stats[n]["weight"], -stats[n]["evidence"], n))
    return name, stats[name]


def _pair_stats(G: nx.DiGraph, a: str, b: str, names: set[str]) -> tuple[list[str], int, int]:
    """Relation types, weight and evidence between a and b over both directions.

    A symmetric type sits on both directed edges with the same counts: count it once.
    """
    seen: dict[str, list[int]] = {}
    for source, target in ((a, b), (b, a)):
        if not G.has_edge(source, target):
            continue
        for name, stat in G.edges[source, target]["relations"].items():
            if name not in names:
                continue
            if name in seen and _type_index()[name].symmetric:
                continue
            acc = seen.setdefault(name, [0, 0])
            acc[0] += stat["weight"]
            acc[1] += stat["evidence"]
    kinds = sorted(name for name, (weight, _) in seen.items() if weight > 0)
    return kinds, sum(w for w, _ in seen.values()), sum(e for _, e in seen.values())


def related(
    G: nx.DiGraph,
    actor: str,
    relation: str,
    *,
    direction: Direction = "both",
    min_weight: int = 1,
) -> list[Neighbour]:
    """Actors related to ``actor`` by any type of a relation family, strongest first.

    Parameters
    ----------
    G
        The projection graph.
    actor
        Id, label or alias.
    relation
        A family (``opposes``, ``cooperatesWith``) or any relation type.
    direction
        ``"out"``: relations the actor is the subject of; ``"in"``: the object of;
        ``"both"`` (default): either.
    min_weight
        Least number of supporting records for a neighbour to count.

    Raises
    ------
    ActorNotFound, InvalidQuery

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [(n.actor.id, n.relations) for n in related(G, "SYR", "opposes")]
    [('TUR', ['attacks'])]
    """
    if direction not in ("both", "out", "in"):
        raise InvalidQuery(f"direction must be both, out or in, not {direction!r}")
    if min_weight < 1:
        raise InvalidQuery(f"min_weight must be at least 1, got {min_weight}")
    family = relation_family(relation)
    names = {rt.snake for rt in family}
    polarity = family[0].polarity
    node = resolve_actor(G, actor)
    others: set[str] = set()
    if direction in ("both", "out"):
        others.update(G.successors(node))
    if direction in ("both", "in"):
        others.update(G.predecessors(node))
    others.discard(node)
    found: list[Neighbour] = []
    for other in others:
        if direction == "both":
            kinds, weight, evidence = _pair_stats(G, node, other, names)
        else:
            source, target = (node, other) if direction == "out" else (other, node)
            stats = G.edges[source, target]["relations"] if G.has_edge(source, target) else {}
            chosen = {n: s for n, s in stats.items() if n in names}
            kinds = sorted(n for n, s in chosen.items() if s["weight"] > 0)
            weight = sum(s["weight"] for s in chosen.values())
            evidence = sum(s["evidence"] for s in chosen.values())
        if weight >= min_weight:
            found.append(
                Neighbour(
                    actor=actor_summary(G, other),
                    relations=kinds,
                    polarity=polarity,
                    weight=weight,
                    evidence_count=evidence,
                )
            )
    found.sort(key=lambda n: (-n.weight, -n.evidence_count, n.actor.id))
    return found


def opponents(
    G: nx.DiGraph, actor: str, *, direction: Direction = "both", min_weight: int = 1
) -> list[Neighbour]:
    """Who opposes the actor or is opposed by it (the ``opposes`` family: attacks, accuses ...).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [n.actor.id for n in opponents(G, "TUR")]
    ['SYR']
    """
    return related(G, actor, "opposes", direction=direction, min_weight=min_weight)


def allies(
    G: nx.DiGraph, actor: str, *, direction: Direction = "both", min_weight: int = 1
) -> list[Neighbour]:
    """Who cooperates with the actor (the ``cooperatesWith`` family: supports, aids, consults ...).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [(n.actor.id, n.relations) for n in allies(G, "RUS")]
    [('SYR', ['supports']), ('TUR', ['consults_with'])]
    """
    return related(G, actor, "cooperatesWith", direction=direction, min_weight=min_weight)


def relation_pairs(
    G: nx.DiGraph, relation: str = "opposes", *, actor: str | None = None, min_weight: int = 1
) -> list[RelationPair]:
    """Directed actor pairs under each relation type of a family, strongest first.

    A symmetric type (``consults_with`` ...) gives one pair, source the smaller id.

    Raises
    ------
    InvalidQuery
        Unknown relation type (the message lists the known ones) or ``min_weight`` < 1.
    ActorNotFound
        When ``actor`` is given and unknown.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [(p.source.id, p.relation, p.target.id) for p in relation_pairs(G, "cooperates_with")]
    [('RUS', 'supports', 'SYR'), ('RUS', 'consults_with', 'TUR')]
    """
    if min_weight < 1:
        raise InvalidQuery(f"min_weight must be at least 1, got {min_weight}")
    family = {rt.snake: rt for rt in relation_family(relation)}
    node = resolve_actor(G, actor) if actor is not None else None
    edges: Iterable[tuple[str, str, dict[str, Any]]]
    if node is None:
        edges = G.edges(data=True)
    else:
        edges = [*G.out_edges(node, data=True), *G.in_edges(node, data=True)]
    pairs: list[RelationPair] = []
    for source, target, data in edges:
        for name, stat in data["relations"].items():
            rt = family.get(name)
            if rt is None or stat["weight"] < min_weight:
                continue
            if rt.symmetric and source > target:
                continue
            pairs.append(
                RelationPair(
                    source=actor_summary(G, source),
                    target=actor_summary(G, target),
                    relation=name,
                    polarity=rt.polarity,
                    plover=rt.plover,
                    weight=stat["weight"],
                    evidence_count=stat["evidence"],
                    first_seen=stat["first_seen"],
                    last_seen=stat["last_seen"],
                )
            )
    unique = {(p.source.id, p.target.id, p.relation): p for p in pairs}
    return sorted(
        unique.values(), key=lambda p: (-p.weight, -p.evidence_count, p.source.id, p.target.id, p.relation)
    )


def _hop(G: nx.DiGraph, a: str, b: str) -> PathHop:
    forward = G.has_edge(a, b) and G.edges[a, b]["weight"] > 0
    source, target = (a, b) if forward else (b, a)
    data = G.edges[source, target]
    name, _ = dominant_relation(data) or ("", {})
    return PathHop(
        source=actor_summary(G, source),
        target=actor_summary(G, target),
        relation=name,
        polarity=_type_index()[name].polarity,
        weight=int(data["weight"]),
    )


def _supported_neighbours(G: nx.DiGraph, node: str) -> list[str]:
    out = {n for n in G.successors(node) if G.edges[node, n]["weight"] > 0}
    out |= {n for n in G.predecessors(node) if G.edges[n, node]["weight"] > 0}
    out.discard(node)
    return sorted(out)


def shortest_paths(
    G: nx.DiGraph, source: str, target: str, *, max_hops: int = 4, limit: int = 10
) -> list[ActorPath]:
    """Shortest paths between two actors, each hop with its real direction and relation.

    Reachability ignores direction ("how is A connected to B"), but each hop reports the
    edge as recorded (``source`` acts on ``target``), its dominant relation type, that
    type's polarity and the edge's weight. Only supported edges (weight ≥ 1) count.

    Parameters
    ----------
    max_hops
        Longest path considered, 1..8; an empty list when the actors are further apart.
    limit
        At most this many paths (1..100), in a stable order.

    Raises
    ------
    ActorNotFound
        When either actor is unknown (the error names it).
    InvalidQuery
        For ``max_hops`` or ``limit`` out of range, or the same actor twice.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [[(h.source.id, h.relation, h.target.id) for h in p.hops] for p in shortest_paths(G, "SYR", "RUS")]
    [[('RUS', 'supports', 'SYR')]]
    >>> [[h.relation for h in p.hops] for p in shortest_paths(G, "TUR", "SYR", max_hops=1)]
    [['attacks']]
    """
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_HOPS:
        raise InvalidQuery(f"max_hops must be an integer between 1 and {MAX_HOPS}, got {max_hops!r}")
    if not 1 <= limit <= MAX_PATHS:
        raise InvalidQuery(f"limit must be between 1 and {MAX_PATHS}, got {limit}")
    start = resolve_actor(G, source)
    goal = resolve_actor(G, target)
    if start == goal:
        raise InvalidQuery(f"source and target are the same actor: {start!r}")
    # breadth-first search from start, remembering every parent on a shortest route
    parents: dict[str, list[str]] = {start: []}
    frontier = [start]
    depth = 0
    while frontier and goal not in parents and depth < max_hops:
        depth += 1
        reached: dict[str, list[str]] = {}
        for node in frontier:
            for other in _supported_neighbours(G, node):
                if other not in parents:
                    reached.setdefault(other, []).append(node)
        parents.update(reached)
        frontier = sorted(reached)
    if goal not in parents:
        return []
    paths: list[list[str]] = []

    def walk(node: str, tail: list[str]) -> None:
        if len(paths) >= limit:
            return
        if node == start:
            paths.append([start, *tail])
            return
        for parent in sorted(parents[node]):
            walk(parent, [node, *tail])

    walk(goal, [])
    return [
        ActorPath(hops=[_hop(G, a, b) for a, b in zip(path, path[1:])], length=len(path) - 1)
        for path in paths
    ]


def known_relation_types() -> list[str]:
    """snake_case names of every relation type, families first."""
    return [rt.snake for rt in relation_types()]


__all__ = [
    "MAX_HOPS",
    "allies",
    "dominant_relation",
    "known_relation_types",
    "opponents",
    "related",
    "relation_family",
    "relation_pairs",
    "shortest_paths",
]

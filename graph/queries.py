"""Questions over the projection: opponents, allies, pairs under a relation, paths.

Plain functions, the graph first and options keyword-only. Actors may be given by id,
label or alias (see :func:`graph.actors.resolve_actor`). Relation families follow the
ontology's hierarchy: ``opposes`` covers attacks, threatens, accuses ...;
``cooperatesWith`` covers supports, aids, consults ... Every query takes a
:class:`graph.filters.RelationFilter` (``flt``; default: asserted and reported records,
never negated ones, weights in distinct documents) and may be handed the filtered view
already built for that filter (``view``). ``expand``, when given, turns a list of records
into :class:`graph.models.Evidence` (the knowledge graph reads sentences from the store).

The examples use :func:`graph.examples.example_graph` (Turkey attacks Syria, Russia
supports Syria, Turkey consults with Russia).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import islice
from typing import Any, Literal

import networkx as nx

from graph.actors import actor_summary, resolve_actor
from graph.errors import InvalidQuery, RelationNotFound
from graph.filters import RelationFilter, filtered_graph, relation_stats
from graph.models import ActorPath, EgoNetwork, Evidence, Neighbour, NetworkEdge, PathHop, RelationPair
from graph.projection import Mention
from graph.signed import pair_mentions, polarity_of, relation_id, signed_graph
from ontology import (
    RelationType,
    UnknownRelationType,
    descendants,
    relation_type,
    relation_types,
)

Direction = Literal["both", "out", "in"]
PathMode = Literal["shortest", "all"]
SignWanted = Literal["any", "positive", "negative"]
Expand = Callable[[Sequence[Mention]], list[Evidence]]
MAX_HOPS = 8
"""Largest ``max_hops`` a shortest-path query accepts."""
MAX_SIMPLE_HOPS = 5
"""Largest ``max_hops`` when listing all simple paths (their number grows fast)."""
MAX_PATHS = 100
"""Largest number of paths a path query returns."""
_ENUMERATION_CAP = 20_000
"""Paths enumerated at most before sorting and cutting to ``limit``."""


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


def _view(G: nx.DiGraph, flt: RelationFilter | None, view: nx.DiGraph | None) -> nx.DiGraph:
    return view if view is not None else filtered_graph(G, flt)


def _names(family: Iterable[RelationType], flt: RelationFilter | None) -> set[str]:
    names = {rt.snake for rt in family}
    chosen = flt.relation_names() if flt is not None else None
    return names if chosen is None else names & chosen


def _counts(mentions: Sequence[Mention], flt: RelationFilter | None) -> dict[str, Any]:
    stats = relation_stats(mentions, flt.weight_by if flt is not None else "documents")
    return {"weight": stats["weight"], "mentions": stats["mentions"], "documents": stats["documents"],
            "sources": stats["sources"], "evidence_count": stats["mentions"],
            "first_seen": stats["first_seen"], "last_seen": stats["last_seen"]}


def dominant_relation(data: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The relation type with most weight on an edge (then most evidence, then by name)."""
    stats = data.get("relations", {})
    if not stats:
        return None
    name = min(stats, key=lambda n: (-stats[n]["weight"], -stats[n]["evidence"], n))
    return name, stats[name]


def related(
    G: nx.DiGraph,
    actor: str,
    relation: str,
    *,
    direction: Direction = "both",
    min_weight: int = 1,
    flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
    expand: Expand | None = None,
) -> list[Neighbour]:
    """Actors related to ``actor`` by any type of a relation family, strongest first.

    Parameters
    ----------
    G
        The projection graph.
    actor
        Id, label or alias.
    relation
        A family (``opposes``, ``cooperatesWith``) or any relation type; intersected with
        the filter's types when it has some.
    direction
        ``"out"``: relations the actor is the subject of; ``"in"``: the object of;
        ``"both"`` (default): either.
    min_weight
        Least weight (distinct documents by default) for a neighbour to count.
    flt, view, expand
        See the module docstring.

    Raises
    ------
    ActorNotFound, InvalidQuery

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [(n.actor.id, n.relations, n.weight) for n in related(G, "SYR", "opposes")]
    [('TUR', ['attacks'], 1)]
    """
    if direction not in ("both", "out", "in"):
        raise InvalidQuery(f"direction must be both, out or in, not {direction!r}")
    if min_weight < 1:
        raise InvalidQuery(f"min_weight must be at least 1, got {min_weight}")
    family = relation_family(relation)
    names = _names(family, flt)
    polarity = family[0].polarity
    node = resolve_actor(G, actor)
    H = _view(G, flt, view)
    if node not in H:
        return []
    others: set[str] = set()
    if direction in ("both", "out"):
        others.update(H.successors(node))
    if direction in ("both", "in"):
        others.update(H.predecessors(node))
    others.discard(node)
    found: list[Neighbour] = []
    for other in sorted(others):
        if direction == "both":
            mentions = pair_mentions(H, node, other, names)
        else:
            source, target = (node, other) if direction == "out" else (other, node)
            edge = H.edges[source, target]["_mentions"] if H.has_edge(source, target) else []
            mentions = [m for m in edge if m.relation in names]
        if not mentions:
            continue
        counts = _counts(mentions, flt)
        if counts["weight"] < min_weight:
            continue
        found.append(
            Neighbour(
                actor=actor_summary(G, other),
                relations=sorted({m.relation for m in mentions}),
                polarity=polarity,
                evidence=expand(mentions) if expand is not None else None,
                **counts,
            )
        )
    found.sort(key=lambda n: (-n.weight, -n.evidence_count, n.actor.id))
    return found


def opponents(
    G: nx.DiGraph, actor: str, *, direction: Direction = "both", min_weight: int = 1,
    flt: RelationFilter | None = None, view: nx.DiGraph | None = None, expand: Expand | None = None,
) -> list[Neighbour]:
    """Who opposes the actor or is opposed by it (the ``opposes`` family: attacks, accuses ...).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [n.actor.id for n in opponents(G, "TUR")]
    ['SYR']
    """
    return related(G, actor, "opposes", direction=direction, min_weight=min_weight, flt=flt, view=view,
                   expand=expand)


def allies(
    G: nx.DiGraph, actor: str, *, direction: Direction = "both", min_weight: int = 1,
    flt: RelationFilter | None = None, view: nx.DiGraph | None = None, expand: Expand | None = None,
) -> list[Neighbour]:
    """Who cooperates with the actor (the ``cooperatesWith`` family: supports, aids, consults ...).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [(n.actor.id, n.relations) for n in allies(G, "RUS")]
    [('SYR', ['supports']), ('TUR', ['consults_with'])]
    """
    return related(G, actor, "cooperatesWith", direction=direction, min_weight=min_weight, flt=flt,
                   view=view, expand=expand)


def _pair(G: nx.DiGraph, source: str, target: str, name: str, stats: dict[str, Any],
          mentions: Sequence[Mention], expand: Expand | None) -> RelationPair:
    rt = _type_index()[name]
    return RelationPair(
        id=relation_id(source, name, target),
        source=actor_summary(G, source),
        target=actor_summary(G, target),
        relation=name,
        polarity=rt.polarity,
        plover=rt.plover,
        weight=stats["weight"],
        mentions=stats["mentions"],
        documents=stats["documents"],
        sources=stats["sources"],
        evidence_count=stats["mentions"],
        confidence=stats["confidence"],
        first_seen=stats["first_seen"],
        last_seen=stats["last_seen"],
        evidence=expand(mentions) if expand is not None else None,
    )


def relation_pairs(
    G: nx.DiGraph, relation: str = "opposes", *, actor: str | None = None, min_weight: int = 1,
    flt: RelationFilter | None = None, view: nx.DiGraph | None = None, expand: Expand | None = None,
) -> list[RelationPair]:
    """Directed actor pairs under each relation type of a family, strongest first.

    A symmetric type (``consults_with`` ...) gives one pair, source the smaller id. The
    order is stable: weight, mentions (descending), then source, target and type.

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
    names = _names(relation_family(relation), flt)
    node = resolve_actor(G, actor) if actor is not None else None
    H = _view(G, flt, view)
    edges: Iterable[tuple[str, str, dict[str, Any]]]
    if node is None:
        edges = H.edges(data=True)
    elif node not in H:
        edges = []
    else:
        edges = [*H.out_edges(node, data=True), *H.in_edges(node, data=True)]
    pairs: dict[tuple[str, str, str], RelationPair] = {}
    for source, target, data in edges:
        for name, stat in data["relations"].items():
            if name not in names or stat["weight"] < min_weight:
                continue
            if _type_index()[name].symmetric and source > target:
                continue
            mentions = [m for m in data["_mentions"] if m.relation == name]
            pairs[(source, target, name)] = _pair(G, source, target, name, stat, mentions, expand)
    return sorted(pairs.values(), key=lambda p: (-p.weight, -p.mentions, p.source.id, p.target.id, p.relation))


def parse_relation_id(text: str) -> tuple[str, str, str]:
    """``(source, relation, target)`` of a relation id made by :func:`graph.signed.relation_id`.

    Raises
    ------
    InvalidQuery
        When no part of the id is a relation type.

    >>> parse_relation_id("TUR-GOV:rejects:USA")
    ('TUR-GOV', 'rejects', 'USA')
    """
    parts = text.split(":")
    for i in range(1, len(parts) - 1):
        if parts[i] in _type_index():
            return ":".join(parts[:i]), parts[i], ":".join(parts[i + 1:])
    raise InvalidQuery(f"not a relation id (source:relation:target): {text!r}")


def relation_detail(
    G: nx.DiGraph, rel_id: str, *, flt: RelationFilter | None = None, view: nx.DiGraph | None = None,
    expand: Expand | None = None,
) -> RelationPair:
    """One aggregated relation by id, with its evidence when ``expand`` is given.

    Raises
    ------
    InvalidQuery
        A malformed id.
    RelationNotFound
        When the pair has no record of that type passing the filter.
    """
    source, name, target = parse_relation_id(rel_id)
    H = _view(G, flt, view)
    if not H.has_edge(source, target) or name not in H.edges[source, target]["relations"]:
        raise RelationNotFound(rel_id)
    data = H.edges[source, target]
    mentions = [m for m in data["_mentions"] if m.relation == name]
    return _pair(G, source, target, name, data["relations"][name], mentions, expand)


# ---------------------------------------------------------------------- paths
def _check_hops(max_hops: object, most: int, name: str = "max_hops") -> None:
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= most:
        raise InvalidQuery(f"{name} must be an integer between 1 and {most}, got {max_hops!r}")


def _hop(G: nx.DiGraph, H: nx.DiGraph, S: nx.Graph, a: str, b: str, flt: RelationFilter | None,
         expand: Expand | None) -> PathHop:
    data = S.edges[a, b]
    mentions = pair_mentions(H, a, b)
    return PathHop(
        source=actor_summary(G, data["source"]),
        target=actor_summary(G, data["target"]),
        relation=data["relation"],
        relation_id=relation_id(data["source"], data["relation"], data["target"]),
        polarity="cooperation" if data["sign"] > 0 else "conflict",
        sign=data["sign"],
        weight=data["weight"],
        evidence=expand(mentions) if expand is not None else [],
    )


def _path(G: nx.DiGraph, H: nx.DiGraph, S: nx.Graph, nodes: Sequence[str], flt: RelationFilter | None,
          expand: Expand | None) -> ActorPath:
    hops = [_hop(G, H, S, a, b, flt, expand) for a, b in zip(nodes, nodes[1:])]
    sign = 1
    for hop in hops:
        sign *= hop.sign
    return ActorPath(hops=hops, length=len(hops), sign=sign)


def paths(
    G: nx.DiGraph,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    limit: int = 10,
    mode: PathMode = "shortest",
    signed: SignWanted = "any",
    flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
    expand: Expand | None = None,
) -> list[ActorPath]:
    """Paths between two actors over supported relations, each hop with its relation and sign.

    Reachability ignores direction ("how is A connected to B"), but each hop reports the
    relation as recorded (``source`` acts on ``target``): the heaviest type of the pair's
    net polarity, that polarity, its sign and the pair's weight. A path's sign is the
    product of its hops' signs (the enemy of my enemy: two conflict hops give +1).

    Parameters
    ----------
    max_hops
        Longest path considered: 1..8 for ``mode="shortest"``, 1..5 for ``"all"``.
    limit
        At most this many paths (1..100), ordered by length, then actor ids.
    mode
        ``"shortest"``: every shortest path (if within ``max_hops``); ``"all"``: every
        simple path of at most ``max_hops`` hops.
    signed
        ``"positive"`` or ``"negative"``: only paths of that sign; ``"any"`` (default).

    Raises
    ------
    ActorNotFound
        When either actor is unknown (the error names it).
    InvalidQuery
        For ``max_hops``, ``limit``, ``mode`` or ``signed`` out of range, or the same actor twice.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [[(h.source.id, h.relation, h.target.id) for h in p.hops] for p in paths(G, "SYR", "RUS")]
    [[('RUS', 'supports', 'SYR')]]
    >>> [(p.length, p.sign) for p in paths(G, "SYR", "RUS", mode="all", max_hops=2)]
    [(1, 1), (2, -1)]
    """
    if mode not in ("shortest", "all"):
        raise InvalidQuery(f"mode must be shortest or all, not {mode!r}")
    if signed not in ("any", "positive", "negative"):
        raise InvalidQuery(f"signed must be any, positive or negative, not {signed!r}")
    _check_hops(max_hops, MAX_HOPS if mode == "shortest" else MAX_SIMPLE_HOPS)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PATHS:
        raise InvalidQuery(f"limit must be between 1 and {MAX_PATHS}, got {limit!r}")
    start = resolve_actor(G, source)
    goal = resolve_actor(G, target)
    if start == goal:
        raise InvalidQuery(f"source and target are the same actor: {start!r}")
    H = _view(G, flt, view)
    if start not in H or goal not in H:
        return []
    S = signed_graph(H, flt.weight_by if flt is not None else "documents")
    if start not in S or goal not in S:
        return []
    wanted = {"any": None, "positive": 1, "negative": -1}[signed]
    distance = nx.single_source_shortest_path_length(S, goal, cutoff=max_hops)
    if start not in distance:
        return []
    lengths = [distance[start]] if mode == "shortest" else range(distance[start], max_hops + 1)
    out: list[ActorPath] = []
    for route in islice(_routes(S, start, goal, lengths, distance), _ENUMERATION_CAP):
        sign = 1
        for a, b in zip(route, route[1:]):
            sign *= S.edges[a, b]["sign"]
        if wanted is not None and sign != wanted:
            continue
        out.append(_path(G, H, S, route, flt, expand))
        if len(out) >= limit:
            break
    return out


def _routes(S: nx.Graph, start: str, goal: str, lengths: Iterable[int],
            distance: dict[str, int]) -> Iterator[list[str]]:
    """Simple paths from start to goal of each length in turn, each length in lexicographic order.

    A depth-first search that only steps to a node from which the goal is still reachable in
    the hops left (``distance`` is every node's distance to the goal), so little is explored
    beyond the paths it yields.
    """
    for length in lengths:
        path = [start]
        on_path = {start}

        def extend(node: str, left: int) -> Iterator[list[str]]:
            if node == goal:
                if left == 0:
                    yield list(path)
                return
            for other in sorted(S[node]):
                if other in on_path or distance.get(other, left) > left - 1:
                    continue
                path.append(other)
                on_path.add(other)
                yield from extend(other, left - 1)
                path.pop()
                on_path.discard(other)

        yield from extend(start, length)


def shortest_paths(
    G: nx.DiGraph, source: str, target: str, *, max_hops: int = 4, limit: int = 10,
    flt: RelationFilter | None = None,
) -> list[ActorPath]:
    """Every shortest path between two actors (see :func:`paths`).

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> [[h.relation for h in p.hops] for p in shortest_paths(example_graph(), "TUR", "SYR", max_hops=1)]
    [['attacks']]
    """
    return paths(G, source, target, max_hops=max_hops, limit=limit, flt=flt)


# ---------------------------------------------------------------------- ego network
def network_edges(H: nx.DiGraph, nodes: Iterable[str] | None = None) -> list[NetworkEdge]:
    """The directed edges of a filtered view (between ``nodes`` when given), sorted."""
    keep = set(nodes) if nodes is not None else None
    out: list[NetworkEdge] = []
    for source, target, data in sorted(H.edges(data=True), key=lambda e: (e[0], e[1])):
        if keep is not None and (source not in keep or target not in keep):
            continue
        name, stat = dominant_relation(data) or ("", {})
        out.append(NetworkEdge(
            source=source, target=target, relation=name, polarity=polarity_of(name),
            weight=data["weight"], cooperation_weight=data["cooperation_weight"],
            conflict_weight=data["conflict_weight"],
            relations={n: s["weight"] for n, s in data["relations"].items()},
            first_seen=data["first_seen"], last_seen=data["last_seen"],
        ))
    return out


def ego_network(
    G: nx.DiGraph, actor: str, *, hops: int = 1, flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
) -> EgoNetwork:
    """An actor's neighbourhood within ``hops`` (either direction) in the filtered view.

    Raises
    ------
    ActorNotFound, InvalidQuery

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> ego = ego_network(example_graph(), "SYR")
    >>> [n.id for n in ego.nodes], [(e.source, e.target) for e in ego.edges]
    (['RUS', 'SYR', 'TUR'], [('RUS', 'SYR'), ('RUS', 'TUR'), ('TUR', 'RUS'), ('TUR', 'SYR')])
    """
    _check_hops(hops, 4, "hops")
    node = resolve_actor(G, actor)
    H = _view(G, flt, view)
    members = {node}
    if node in H:
        members = set(nx.single_source_shortest_path_length(H.to_undirected(as_view=True), node, cutoff=hops))
    return EgoNetwork(
        actor=actor_summary(G, node),
        hops=hops,
        nodes=[actor_summary(G, n) for n in sorted(members)],
        edges=network_edges(H, members),
    )


def known_relation_types() -> list[str]:
    """snake_case names of every relation type, families first."""
    return [rt.snake for rt in relation_types()]


__all__ = [
    "MAX_HOPS",
    "MAX_SIMPLE_HOPS",
    "allies",
    "dominant_relation",
    "ego_network",
    "known_relation_types",
    "network_edges",
    "opponents",
    "parse_relation_id",
    "paths",
    "related",
    "relation_detail",
    "relation_family",
    "relation_pairs",
    "shortest_paths",
]

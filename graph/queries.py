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

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any, Literal

import networkx as nx

from graph.actors import actor_summary, resolve_actor
from graph.errors import InvalidQuery, RelationNotFound
from graph.filters import RelationFilter, filtered_graph, relation_stats
from graph.models import (
    ActorPath,
    ActorSummary,
    EgoNetwork,
    Evidence,
    Neighbour,
    NetworkEdge,
    PathHop,
    PathPage,
    RelationPair,
)
from graph.projection import Mention
from graph.signed import pair_mentions, polarity_of, relation_id, signed_graph
from graph.view_cache import derived, undirected_neighbours
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
"""Largest number of paths a path query returns (its ``limit``)."""
PATH_SEARCH_CAP = 20_000
"""Paths a path query enumerates at most (by length, then actor ids, before the sign filter):
its ``total`` counts the paths of the wanted sign among them, and ``offset`` pages within them."""


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


def _counts(mentions: Sequence[Mention], weight_by: str) -> dict[str, Any]:
    stats = relation_stats(mentions, weight_by)  # type: ignore[arg-type]
    return {"weight": stats["weight"], "mentions": stats["mentions"], "documents": stats["documents"],
            "sources": stats["sources"], "evidence_count": stats["mentions"],
            "first_seen": stats["first_seen"], "last_seen": stats["last_seen"]}


def _weight_by(flt: RelationFilter | None) -> str:
    return flt.weight_by if flt is not None else "documents"


def view_summary(H: nx.DiGraph, node: str) -> ActorSummary:
    """The summary of an actor of a filtered view, made once per view (the view keeps a copy of
    every public node attribute of the projection, so this equals :func:`graph.actors.actor_summary`
    on the projection the view was made from). Read-only."""
    return derived(H, ("summary", node), lambda: actor_summary(H, node))


NeighbourRow = tuple[str, tuple[Mention, ...], dict[str, Any], list[str]]
"""``(other actor, records, counts, relation types)`` of one neighbour (see :func:`neighbour_rows`)."""


def neighbour_rows(H: nx.DiGraph, node: str, names: frozenset[str], *, direction: Direction = "both",
                   weight_by: str = "documents") -> list[NeighbourRow]:
    """The neighbours of ``node`` in view ``H`` under relation types ``names``, strongest first.

    Order: weight, then records (both descending), then actor id. Computed once per view,
    actor, types, direction and weight (:mod:`graph.view_cache`); read-only.
    """
    def build() -> list[NeighbourRow]:
        others: set[str] = set()
        if direction in ("both", "out"):
            others.update(H.succ[node])
        if direction in ("both", "in"):
            others.update(H.pred[node])
        others.discard(node)
        rows: list[NeighbourRow] = []
        for other in others:
            if direction == "both":
                mentions = pair_mentions(H, node, other, names)
            else:
                source, target = (node, other) if direction == "out" else (other, node)
                edge = H.edges[source, target]["_mentions"] if H.has_edge(source, target) else []
                mentions = [m for m in edge if m.relation in names]
            if not mentions:
                continue
            rows.append((other, tuple(mentions), _counts(mentions, weight_by),
                         sorted({m.relation for m in mentions})))
        rows.sort(key=lambda r: (-r[2]["weight"], -r[2]["evidence_count"], r[0]))
        return rows

    if node not in H:
        return []
    return derived(H, ("neighbours", node, names, direction, weight_by), build)


def neighbour(H: nx.DiGraph, row: NeighbourRow, polarity: str, expand: Expand | None = None) -> Neighbour:
    """The :class:`~graph.models.Neighbour` answer for one row of :func:`neighbour_rows`."""
    other, mentions, counts, relations = row
    return Neighbour(actor=view_summary(H, other), relations=list(relations), polarity=polarity,
                     evidence=expand(mentions) if expand is not None else None, **counts)


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
    node, names, polarity = check_related(G, actor, relation, direction=direction, min_weight=min_weight, flt=flt)
    H = _view(G, flt, view)
    rows = [r for r in neighbour_rows(H, node, names, direction=direction, weight_by=_weight_by(flt))
            if r[2]["weight"] >= min_weight]
    return [neighbour(H, row, polarity, expand) for row in rows]


def check_related(
    G: nx.DiGraph, actor: str, relation: str, *, direction: Direction = "both", min_weight: int = 1,
    flt: RelationFilter | None = None,
) -> tuple[str, frozenset[str], str]:
    """Check the options of :func:`related` and resolve its actor: ``(actor id, type names, polarity)``.

    Raises
    ------
    ActorNotFound, InvalidQuery
    """
    if direction not in ("both", "out", "in"):
        raise InvalidQuery(f"direction must be both, out or in, not {direction!r}")
    if min_weight < 1:
        raise InvalidQuery(f"min_weight must be at least 1, got {min_weight}")
    family = relation_family(relation)
    names = frozenset(_names(family, flt))
    return resolve_actor(G, actor), names, family[0].polarity


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
EVIDENCE_PER_HOP = 5
"""Evidence records a path hop carries at most by default (its ``evidence_count`` counts them all)."""
MAX_EVIDENCE_PER_HOP = 100
"""Largest ``evidence_limit`` a path query accepts."""


def _check_hops(max_hops: object, most: int, name: str = "max_hops") -> None:
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= most:
        raise InvalidQuery(f"{name} must be an integer between 1 and {most}, got {max_hops!r}")


def _check_count(value: object, least: int, most: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise InvalidQuery(f"{name} must be between {least} and {most}, got {value!r}")


def check_path_options(*, max_hops: int = 4, limit: int = 10, offset: int = 0, mode: PathMode = "shortest",
                       signed: SignWanted = "any", evidence_limit: int = EVIDENCE_PER_HOP) -> None:
    """Check the options of :func:`paths`.

    Raises
    ------
    InvalidQuery
        For ``max_hops``, ``limit``, ``offset``, ``mode``, ``signed`` or ``evidence_limit``
        out of range.
    """
    if mode not in ("shortest", "all"):
        raise InvalidQuery(f"mode must be shortest or all, not {mode!r}")
    if signed not in ("any", "positive", "negative"):
        raise InvalidQuery(f"signed must be any, positive or negative, not {signed!r}")
    _check_hops(max_hops, MAX_HOPS if mode == "shortest" else MAX_SIMPLE_HOPS)
    _check_count(limit, 1, MAX_PATHS, "limit")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidQuery(f"offset must be an integer of 0 or more, got {offset!r}")
    _check_count(evidence_limit, 0, MAX_EVIDENCE_PER_HOP, "evidence_limit")


def _pair_records(H: nx.DiGraph, a: str, b: str) -> list[Mention]:
    key = ("pair", a, b) if a < b else ("pair", b, a)
    return derived(H, key, lambda: pair_mentions(H, a, b))


def _hop(H: nx.DiGraph, S: nx.Graph, a: str, b: str, expand: Expand | None, evidence_limit: int) -> PathHop:
    data = S.edges[a, b]
    mentions = _pair_records(H, a, b)
    return PathHop(
        source=view_summary(H, data["source"]),
        target=view_summary(H, data["target"]),
        relation=data["relation"],
        relation_id=relation_id(data["source"], data["relation"], data["target"]),
        polarity="cooperation" if data["sign"] > 0 else "conflict",
        sign=data["sign"],
        weight=data["weight"],
        evidence=expand(mentions[:evidence_limit]) if expand is not None and evidence_limit > 0 else [],
        evidence_count=len(mentions),
    )


def _path(H: nx.DiGraph, S: nx.Graph, nodes: Sequence[str], expand: Expand | None,
          evidence_limit: int) -> ActorPath:
    hops = [_hop(H, S, a, b, expand, evidence_limit) for a, b in zip(nodes, nodes[1:])]
    sign = 1
    for hop in hops:
        sign *= hop.sign
    return ActorPath(hops=hops, length=len(hops), sign=sign)


def empty_path_page(*, limit: int = 10, offset: int = 0) -> PathPage:
    """The answer of a path query that finds no path."""
    return PathPage(items=[], total=0, limit=limit, offset=offset, total_cap=PATH_SEARCH_CAP)


def _route_sign(S: nx.Graph, route: Sequence[str]) -> int:
    sign = 1
    for a, b in zip(route, route[1:]):
        sign *= S.edges[a, b]["sign"]
    return sign


def _page_routes(S: nx.Graph, routes: Iterator[list[str]], wanted: int | None, *, limit: int, offset: int,
                 count: bool) -> tuple[list[list[str]], int, bool]:
    """The routes of the wanted sign numbered ``offset`` .. ``offset + limit - 1`` among the first
    :data:`PATH_SEARCH_CAP` routes, the number of routes of that sign among them (with ``count``;
    otherwise the walk stops once the page is full and the number is meaningless) and whether
    there were more routes than the cap."""
    chosen: list[list[str]] = []
    matched = 0
    for seen, route in enumerate(routes):
        if seen == PATH_SEARCH_CAP:
            return chosen, matched, True
        if wanted is not None and _route_sign(S, route) != wanted:
            continue
        if offset <= matched < offset + limit:
            chosen.append(route)
        matched += 1
        if not count and len(chosen) == limit:
            break
    return chosen, matched, False


def level_path_counts(S: nx.Graph, levels: Sequence[set[str]]) -> tuple[int, int]:
    """How many shortest paths run through ``levels`` (see :func:`shortest_path_levels`), by sign.

    Counted level by level, without listing the paths: a path's sign is the product of its
    edges' ``sign``. Returns ``(positive, negative)``.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edges_from([("A", "B"), ("B", "D"), ("A", "C")], sign=1)
    >>> S.add_edge("C", "D", sign=-1)
    >>> level_path_counts(S, [{"A"}, {"B", "C"}, {"D"}])
    (1, 1)
    """
    adj = S._adj
    counts: dict[str, tuple[int, int]] = {node: (1, 0) for node in levels[0]}
    for level in levels[1:]:
        ahead: dict[str, tuple[int, int]] = {}
        for node in level:
            near = adj[node]
            behind = [b for b in near if b in counts] if len(near) < len(counts) else [b for b in counts if b in near]
            positive = negative = 0
            for before in behind:
                p, n = counts[before]
                if near[before]["sign"] > 0:
                    positive, negative = positive + p, negative + n
                else:
                    positive, negative = positive + n, negative + p
            ahead[node] = (positive, negative)
        counts = ahead
    positive = sum(p for p, _ in counts.values())
    negative = sum(n for _, n in counts.values())
    return positive, negative


def paths(
    G: nx.DiGraph,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    limit: int = 10,
    offset: int = 0,
    mode: PathMode = "shortest",
    signed: SignWanted = "any",
    flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
    expand: Expand | None = None,
    evidence_limit: int = EVIDENCE_PER_HOP,
) -> PathPage:
    """Paths between two actors over supported relations, each hop with its relation and sign, a page at a time.

    Reachability ignores direction ("how is A connected to B"), but each hop reports the
    relation as recorded (``source`` acts on ``target``): the heaviest type of the pair's
    net polarity, that polarity, its sign and the pair's weight. A path's sign is the
    product of its hops' signs (the enemy of my enemy: two conflict hops give +1).

    Shortest paths are found by a breadth-first search from both ends that stops where
    the two meet, so a query between two well-connected actors touches their
    neighbourhoods, not the whole network; they are counted level by level without
    listing them.

    Parameters
    ----------
    max_hops
        Longest path considered: 1..8 for ``mode="shortest"``, 1..5 for ``"all"``.
    limit
        At most this many paths (1..100), ordered by length, then actor ids.
    offset
        Paths of that order to skip (0 or more).
    mode
        ``"shortest"``: every shortest path (if within ``max_hops``); ``"all"``: every
        simple path of at most ``max_hops`` hops.
    signed
        ``"positive"`` or ``"negative"``: only paths of that sign; ``"any"`` (default).
    evidence_limit
        With ``expand``: at most this many records (0..100) of each hop are expanded, the
        first in (document, index) order; each hop's ``evidence_count`` counts them all.

    Returns
    -------
    PathPage
        ``items``: the page; ``total``: the paths of the wanted sign among the first
        :data:`PATH_SEARCH_CAP` paths in that order (all of them when ``total_capped`` is
        False; a lower bound when it is True, and ``offset`` pages only within them).

    Raises
    ------
    ActorNotFound
        When either actor is unknown (the error names it).
    InvalidQuery
        For ``max_hops``, ``limit``, ``offset``, ``mode``, ``signed`` or ``evidence_limit``
        out of range, or the same actor twice.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> G = example_graph()
    >>> [[(h.source.id, h.relation, h.target.id) for h in p.hops] for p in paths(G, "SYR", "RUS").items]
    [[('RUS', 'supports', 'SYR')]]
    >>> page = paths(G, "SYR", "RUS", mode="all", max_hops=2)
    >>> [(p.length, p.sign) for p in page.items], page.total, page.total_capped
    ([(1, 1), (2, -1)], 2, False)
    >>> [p.length for p in paths(G, "SYR", "RUS", mode="all", max_hops=2, offset=1).items]
    [2]
    """
    check_path_options(max_hops=max_hops, limit=limit, offset=offset, mode=mode, signed=signed,
                       evidence_limit=evidence_limit)
    start = resolve_actor(G, source)
    goal = resolve_actor(G, target)
    if start == goal:
        raise InvalidQuery(f"source and target are the same actor: {start!r}")
    none = empty_path_page(limit=limit, offset=offset)
    H = _view(G, flt, view)
    if start not in H or goal not in H:
        return none
    S = signed_graph(H, _weight_by(flt))
    if start not in S or goal not in S:
        return none
    wanted = {"any": None, "positive": 1, "negative": -1}[signed]
    routes: Iterator[list[str]]
    exact: int | None = None  # the total, when counted without listing the paths
    if mode == "shortest":
        levels = shortest_path_levels(S, start, goal, max_hops=max_hops)
        if levels is None:
            return none
        positive, negative = level_path_counts(S, levels)
        if positive + negative <= PATH_SEARCH_CAP:
            exact = {None: positive + negative, 1: positive, -1: negative}[wanted]
        routes = _level_routes(S, levels)
    else:
        distance = nx.single_source_shortest_path_length(S, goal, cutoff=max_hops)
        if start not in distance:
            return none
        routes = _routes(S, start, goal, range(distance[start], max_hops + 1), distance)
    if exact is not None and offset >= exact:
        chosen: list[list[str]] = []
        total, capped = exact, False
    else:
        chosen, total, capped = _page_routes(S, routes, wanted, limit=limit, offset=offset, count=exact is None)
        if exact is not None:
            total = exact
    return PathPage(items=[_path(H, S, route, expand, evidence_limit) for route in chosen], total=total,
                    limit=limit, offset=offset, total_capped=capped, total_cap=PATH_SEARCH_CAP)


def shortest_path_levels(S: nx.Graph, start: str, goal: str, *, max_hops: int) -> list[set[str]] | None:
    """The actors on the shortest paths between two actors, by their distance from ``start``.

    A breadth-first search from both ends, a whole layer at a time, always growing the
    side with fewer edges to follow, until the layers meet. Returns ``[{start}, ...,
    {goal}]`` (one set per distance, the path length is ``len - 1``), or None when the two
    are more than ``max_hops`` apart.

    Examples
    --------
    >>> S = nx.Graph([("A", "B"), ("B", "D"), ("A", "C"), ("C", "D"), ("D", "E"), ("A", "F")])
    >>> [sorted(level) for level in shortest_path_levels(S, "A", "E", max_hops=4)]
    [['A'], ['B', 'C'], ['D'], ['E']]
    >>> shortest_path_levels(S, "A", "E", max_hops=2) is None
    True
    """
    adj = S._adj
    seen: tuple[dict[str, int], dict[str, int]] = ({start: 0}, {goal: 0})
    layers: tuple[list[list[str]], list[list[str]]] = ([[start]], [[goal]])
    meet: set[str] = set()
    while len(layers[0]) + len(layers[1]) - 2 < max_hops:
        side = 0 if sum(len(adj[n]) for n in layers[0][-1]) <= sum(len(adj[n]) for n in layers[1][-1]) else 1
        mine, other = seen[side], seen[1 - side]
        depth = len(layers[side])
        grown: list[str] = []
        for node in layers[side][-1]:
            for nxt in adj[node]:
                if nxt not in mine:
                    mine[nxt] = depth
                    grown.append(nxt)
        if not grown:
            return None
        layers[side].append(grown)
        meet = {n for n in grown if n in other}
        if meet:
            break
    if not meet:
        return None
    ks, kg = len(layers[0]) - 1, len(layers[1]) - 1
    levels: list[set[str]] = [set() for _ in range(ks + kg + 1)]
    levels[ks] = meet
    for depth in range(ks - 1, -1, -1):  # back towards start: those with a neighbour one level on
        ahead = levels[depth + 1]
        levels[depth] = {n for n in layers[0][depth] if not adj[n].keys().isdisjoint(ahead)}
    for step in range(1, kg + 1):  # on towards goal
        behind = levels[ks + step - 1]
        levels[ks + step] = {n for n in layers[1][kg - step] if not adj[n].keys().isdisjoint(behind)}
    return levels


def _level_routes(S: nx.Graph, levels: list[set[str]]) -> Iterator[list[str]]:
    """Every path through one actor of each level in turn (neighbours each), in lexicographic order."""
    adj = S._adj
    last = len(levels) - 1
    path = [next(iter(levels[0]))]

    def extend(node: str, depth: int) -> Iterator[list[str]]:
        if depth == last:
            yield list(path)
            return
        for other in sorted(adj[node].keys() & levels[depth + 1]):
            path.append(other)
            yield from extend(other, depth + 1)
            path.pop()

    yield from extend(path[0], 0)


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
    return paths(G, source, target, max_hops=max_hops, limit=limit, flt=flt).items


# ---------------------------------------------------------------------- ego network
EGO_NODE_LIMIT = 100
"""Actors an ego network lists at most by default (its ``total_nodes`` counts them all)."""
EGO_EDGE_LIMIT = 500
"""Edges an ego network lists at most by default (its ``total_edges`` counts them all)."""
MAX_EGO_NODE_LIMIT = 10_000
MAX_EGO_EDGE_LIMIT = 50_000


def _network_edge(source: str, target: str, data: dict[str, Any]) -> NetworkEdge:
    name, _ = dominant_relation(data) or ("", {})
    return NetworkEdge(
        source=source, target=target, relation=name, polarity=polarity_of(name),
        weight=data["weight"], cooperation_weight=data["cooperation_weight"],
        conflict_weight=data["conflict_weight"],
        relations={n: s["weight"] for n, s in data["relations"].items()},
        first_seen=data["first_seen"], last_seen=data["last_seen"],
    )


def network_edges(H: nx.DiGraph, nodes: Iterable[str] | None = None) -> list[NetworkEdge]:
    """The directed edges of a filtered view (between ``nodes`` when given), sorted."""
    succ = H._succ
    if nodes is None:
        pairs = sorted((u, v) for u, v in H.edges)
    else:
        keep = {n for n in nodes if n in succ}
        pairs = sorted((u, v) for u in keep for v in succ[u].keys() & keep)
    return [_network_edge(u, v, succ[u][v]) for u, v in pairs]


def ego_members(H: nx.DiGraph, node: str, hops: int) -> dict[str, int]:
    """The actors within ``hops`` of ``node`` in view ``H``, either direction, with their distance (cached)."""
    def build() -> dict[str, int]:
        distance = {node: 0}
        frontier = [node]
        for depth in range(1, hops + 1):
            grown: list[str] = []
            for current in frontier:
                for other in undirected_neighbours(H, current):
                    if other not in distance:
                        distance[other] = depth
                        grown.append(other)
            frontier = grown
        return distance

    return derived(H, ("ego-members", node, hops), build)


def ego_network(
    G: nx.DiGraph, actor: str, *, hops: int = 1, flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None, limit: int = EGO_NODE_LIMIT, edge_limit: int = EGO_EDGE_LIMIT,
) -> EgoNetwork:
    """An actor's neighbourhood within ``hops`` (either direction) in the filtered view.

    A hub's neighbourhood can hold most of the network, so the answer is cut explicitly:
    at most ``limit`` actors (the nearest first, then those in most relation records, then
    by id; the actor itself always) and at most ``edge_limit`` edges between them (the
    heaviest first, then by ids), listed by id. ``total_nodes`` and ``total_edges`` count
    the whole neighbourhood, and ``truncated`` says whether anything was left out.

    Raises
    ------
    ActorNotFound, InvalidQuery

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> ego = ego_network(example_graph(), "SYR")
    >>> [n.id for n in ego.nodes], [(e.source, e.target) for e in ego.edges]
    (['RUS', 'SYR', 'TUR'], [('RUS', 'SYR'), ('RUS', 'TUR'), ('TUR', 'RUS'), ('TUR', 'SYR')])
    >>> small = ego_network(example_graph(), "SYR", limit=2, edge_limit=1)
    >>> [n.id for n in small.nodes], len(small.edges), small.total_nodes, small.total_edges, small.truncated
    (['RUS', 'SYR'], 1, 3, 4, True)
    """
    check_ego_options(hops=hops, limit=limit, edge_limit=edge_limit)
    node = resolve_actor(G, actor)
    H = _view(G, flt, view)
    if node not in H:
        me = actor_summary(G, node)
        return EgoNetwork(actor=me, hops=hops, nodes=[me], edges=[], total_nodes=1, total_edges=0)

    def build() -> EgoNetwork:
        members = ego_members(H, node, hops)
        succ = H._succ
        total_edges = sum(len(succ[u].keys() & members.keys()) for u in members)
        if len(members) <= limit:
            kept = set(members)
        else:
            relations = {n: int(H.nodes[n].get("relations", 0)) for n in members}
            kept = set(sorted(members, key=lambda n: (members[n], -relations[n], n))[:limit])
        pairs = [(u, v) for u in kept for v in succ[u].keys() & kept]
        if len(pairs) > edge_limit:
            pairs = heapq.nsmallest(edge_limit, pairs, key=lambda e: (-succ[e[0]][e[1]]["weight"], e))
        pairs.sort()
        return EgoNetwork(
            actor=view_summary(H, node),
            hops=hops,
            nodes=[view_summary(H, n) for n in sorted(kept)],
            edges=[_network_edge(u, v, succ[u][v]) for u, v in pairs],
            total_nodes=len(members),
            total_edges=total_edges,
            truncated=len(kept) < len(members) or len(pairs) < total_edges,
        )

    return derived(H, ("ego", node, hops, limit, edge_limit), build).model_copy()


def check_ego_options(*, hops: int = 1, limit: int = EGO_NODE_LIMIT, edge_limit: int = EGO_EDGE_LIMIT) -> None:
    """Check the options of :func:`ego_network`.

    Raises
    ------
    InvalidQuery
        For ``hops``, ``limit`` or ``edge_limit`` out of range.
    """
    _check_hops(hops, 4, "hops")
    _check_count(limit, 1, MAX_EGO_NODE_LIMIT, "limit")
    _check_count(edge_limit, 1, MAX_EGO_EDGE_LIMIT, "edge_limit")


def known_relation_types() -> list[str]:
    """snake_case names of every relation type, families first."""
    return [rt.snake for rt in relation_types()]


__all__ = [
    "EGO_EDGE_LIMIT",
    "EGO_NODE_LIMIT",
    "EVIDENCE_PER_HOP",
    "MAX_EGO_EDGE_LIMIT",
    "MAX_EGO_NODE_LIMIT",
    "MAX_EVIDENCE_PER_HOP",
    "MAX_HOPS",
    "MAX_PATHS",
    "MAX_SIMPLE_HOPS",
    "PATH_SEARCH_CAP",
    "allies",
    "check_ego_options",
    "check_path_options",
    "check_related",
    "dominant_relation",
    "ego_network",
    "empty_path_page",
    "known_relation_types",
    "ego_members",
    "level_path_counts",
    "neighbour",
    "neighbour_rows",
    "network_edges",
    "opponents",
    "parse_relation_id",
    "paths",
    "related",
    "relation_detail",
    "relation_family",
    "relation_pairs",
    "shortest_path_levels",
    "shortest_paths",
    "view_summary",
]

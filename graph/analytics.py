"""Signed-network analytics: structural balance, centrality and communities.

Each works on a filtered view (:func:`graph.filters.filtered_graph`) and its signed,
undirected network (:func:`graph.signed.signed_graph`): one edge per actor pair, sign
+1 for net cooperation and -1 for net conflict.

* **Balance** (Heider): a triad of three mutually related actors is balanced when the
  product of its three signs is +1 (friends of friends are friends, the enemy of my enemy
  is my friend); otherwise unbalanced.
* **Centrality**: degree (distinct neighbours, in, out, per polarity, weighted) and
  PageRank on the directed view, overall and on the cooperation and conflict sub-networks.
* **Communities**: Louvain (networkx ``louvain_communities``) on the cooperation network
  with a fixed seed, so the answer is the same on every run; conflict is then counted
  within and between communities (alignments at a glance).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from graph.actors import actor_summary, resolve_actor
from graph.errors import InvalidQuery
from graph.filters import RelationFilter, filtered_graph
from graph.models import ActorBalance, Balance, Centrality, Communities, Community, Triad
from graph.signed import signed_graph

DEFAULT_SEED = 42
"""Seed of the Louvain method (stable communities)."""
MAX_TRIADS_LISTED = 200
"""At most this many triads of each kind are listed (counts are always complete)."""


def _weight_by(flt: RelationFilter | None) -> str:
    return flt.weight_by if flt is not None else "documents"


def triangles(S: nx.Graph) -> Iterator[tuple[str, str, str, int, int, int]]:
    """Every triangle ``(a, b, c, sign_ab, sign_ac, sign_bc)`` of a signed graph, a < b < c, sorted."""
    adjacency = {node: set(S[node]) for node in S}
    for a in sorted(adjacency):
        higher = sorted(n for n in adjacency[a] if n > a)
        for i, b in enumerate(higher):
            for c in sorted(adjacency[b].intersection(higher[i + 1:])):
                yield a, b, c, S.edges[a, b]["sign"], S.edges[a, c]["sign"], S.edges[b, c]["sign"]


def triads(S: nx.Graph) -> list[Triad]:
    """Every triangle of a signed graph, sorted, with its signs and balance.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edge("A", "B", sign=-1); S.add_edge("A", "C", sign=-1); S.add_edge("B", "C", sign=1)
    >>> [(t.actors, t.balanced) for t in triads(S)]
    [(['A', 'B', 'C'], True)]
    """
    return [_triad(t) for t in triangles(S)]


def _triad(t: tuple[str, str, str, int, int, int]) -> Triad:
    a, b, c, ab, ac, bc = t
    return Triad(actors=[a, b, c], signs=[ab, ac, bc], balanced=ab * ac * bc > 0)


def balance(
    G: nx.DiGraph, *, actor: str | None = None, flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
) -> Balance:
    """Balanced and unbalanced triads, overall or for the triads one actor is in.

    ``per_actor`` lists every actor in a triad (most unbalanced triads first, then id).

    Raises
    ------
    ActorNotFound
        When ``actor`` is given and unknown.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> result = balance(example_graph())
    >>> result.triads, result.unbalanced, result.unbalanced_triads[0].actors
    (1, 1, ['RUS', 'SYR', 'TUR'])
    """
    node = resolve_actor(G, actor) if actor is not None else None
    H = view if view is not None else filtered_graph(G, flt)
    S = signed_graph(H, _weight_by(flt))
    per: dict[str, list[int]] = {}
    listed: dict[bool, list[Triad]] = {True: [], False: []}
    counts = {True: 0, False: 0}
    for t in triangles(S):
        if node is not None and node not in t[:3]:
            continue
        balanced = t[3] * t[4] * t[5] > 0
        counts[balanced] += 1
        if len(listed[balanced]) < MAX_TRIADS_LISTED:
            listed[balanced].append(_triad(t))
        for member in t[:3]:
            tally = per.setdefault(member, [0, 0])
            tally[0 if balanced else 1] += 1
    total = counts[True] + counts[False]
    per_actor = [
        ActorBalance(actor=key, label=str(G.nodes[key].get("label", key)), triads=sum(c),
                     balanced=c[0], unbalanced=c[1])
        for key, c in per.items()
    ]
    per_actor.sort(key=lambda a: (-a.unbalanced, -a.triads, a.actor))
    return Balance(
        actor=actor_summary(G, node) if node is not None else None,
        triads=total,
        balanced=counts[True],
        unbalanced=counts[False],
        balance_ratio=round(counts[True] / total, 4) if total else None,
        per_actor=per_actor,
        unbalanced_triads=listed[False],
        balanced_triads=listed[True],
    )


def pagerank(D: nx.DiGraph, *, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank by power iteration (pure Python: networkx's own needs scipy).

    Dangling actors spread their rank evenly; scores sum to 1.

    >>> D = nx.DiGraph([("A", "B"), ("C", "B")])
    >>> ranks = pagerank(D)
    >>> max(ranks, key=ranks.get), round(sum(ranks.values()), 6)
    ('B', 1.0)
    """
    nodes = sorted(D)
    if not nodes:
        return {}
    n = len(nodes)
    out_weight = {u: sum(d.get("weight", 1) for _, _, d in D.out_edges(u, data=True)) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = sum(rank[u] for u in nodes if out_weight[u] == 0)
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + alpha * dangling / n)
        for u in nodes:
            if out_weight[u]:
                share = alpha * rank[u] / out_weight[u]
                for _, v, d in D.out_edges(u, data=True):
                    new[v] += share * d.get("weight", 1)
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def _pagerank(D: nx.DiGraph) -> dict[str, float]:
    if D.number_of_edges() == 0:
        return {}
    return pagerank(D)


def _polarity_digraph(H: nx.DiGraph, key: str) -> nx.DiGraph:
    D = nx.DiGraph()
    D.add_nodes_from(sorted(H))
    for u, v, data in sorted(H.edges(data=True), key=lambda e: (e[0], e[1])):
        if data[key] > 0:
            D.add_edge(u, v, weight=data[key])
    return D


def centrality(
    G: nx.DiGraph, *, flt: RelationFilter | None = None, view: nx.DiGraph | None = None,
    sort: str = "pagerank",
) -> list[Centrality]:
    """Degree and PageRank of every actor of the filtered view, overall and per polarity.

    Parameters
    ----------
    sort
        ``pagerank`` (default), ``degree``, ``weighted_degree``, ``cooperation_pagerank`` or
        ``conflict_pagerank``: the order (descending, then actor id).

    Raises
    ------
    InvalidQuery
        For an unknown ``sort``.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> [(c.actor.id, c.degree, c.conflict_degree) for c in centrality(example_graph(), sort="degree")]
    [('RUS', 2, 0), ('SYR', 2, 1), ('TUR', 2, 1)]
    """
    keys = ("pagerank", "degree", "weighted_degree", "cooperation_pagerank", "conflict_pagerank")
    if sort not in keys:
        raise InvalidQuery(f"sort must be one of {', '.join(keys)}, not {sort!r}")
    H = view if view is not None else filtered_graph(G, flt)
    S = signed_graph(H, _weight_by(flt))
    overall = _pagerank(nx.DiGraph([(u, v, {"weight": d["weight"]}) for u, v, d in
                                    sorted(H.edges(data=True), key=lambda e: (e[0], e[1]))]))
    coop = _pagerank(_polarity_digraph(H, "cooperation_weight"))
    conf = _pagerank(_polarity_digraph(H, "conflict_weight"))
    rows: list[Centrality] = []
    for node in sorted(H):
        signs = [S.edges[node, other]["sign"] for other in S[node]]
        rows.append(Centrality(
            actor=actor_summary(G, node),
            degree=S.degree(node),
            in_degree=sum(1 for p in H.predecessors(node) if p != node),
            out_degree=sum(1 for s in H.successors(node) if s != node),
            cooperation_degree=sum(1 for s in signs if s > 0),
            conflict_degree=sum(1 for s in signs if s < 0),
            weighted_degree=int(S.degree(node, weight="weight")),
            pagerank=round(overall.get(node, 0.0), 6),
            cooperation_pagerank=round(coop.get(node, 0.0), 6),
            conflict_pagerank=round(conf.get(node, 0.0), 6),
        ))
    rows.sort(key=lambda r: (-getattr(r, sort), r.actor.id))
    return rows


def communities(
    G: nx.DiGraph, *, flt: RelationFilter | None = None, view: nx.DiGraph | None = None,
    seed: int = DEFAULT_SEED, resolution: float = 1.0,
) -> Communities:
    """Louvain communities of the cooperation network (actors with no cooperation stay alone).

    Communities are listed largest first (then by their smallest member id); each with its
    internal cooperation and conflict weight. Seeded: the same graph gives the same answer.

    Raises
    ------
    InvalidQuery
        For a resolution that is not positive.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> [[m.id for m in c.members] for c in communities(example_graph()).communities]
    [['RUS', 'SYR', 'TUR']]
    """
    if not resolution > 0:
        raise InvalidQuery(f"resolution must be positive, got {resolution}")
    H = view if view is not None else filtered_graph(G, flt)
    S = signed_graph(H, _weight_by(flt))
    positive = nx.Graph()
    positive.add_nodes_from(sorted(S))
    for u, v, data in sorted(S.edges(data=True)):
        if data["sign"] > 0:
            positive.add_edge(u, v, weight=data["weight"])
    parts: list[set[str]] = []
    modularity: float | None = None
    if positive.number_of_edges():
        parts = [set(p) for p in nx.community.louvain_communities(
            positive, weight="weight", resolution=resolution, seed=seed)]
        modularity = round(nx.community.modularity(positive, parts, weight="weight",
                                                   resolution=resolution), 4)
    else:
        parts = [{n} for n in positive]
    parts.sort(key=lambda p: (-len(p), min(p)))
    member_of = {n: i for i, p in enumerate(parts) for n in p}
    inner = [[0, 0] for _ in parts]
    between = 0
    for u, v, data in S.edges(data=True):
        if member_of[u] == member_of[v]:
            inner[member_of[u]][0] += data["cooperation_weight"]
            inner[member_of[u]][1] += data["conflict_weight"]
        else:
            between += data["conflict_weight"]
    return Communities(
        seed=seed,
        resolution=resolution,
        modularity=modularity,
        communities=[
            Community(id=i, size=len(p), members=[actor_summary(G, n) for n in sorted(p)],
                      internal_cooperation=inner[i][0], internal_conflict=inner[i][1])
            for i, p in enumerate(parts)
        ],
        conflict_between=between,
        conflict_within=sum(c for _, c in inner),
    )


__all__ = ["DEFAULT_SEED", "balance", "centrality", "communities", "pagerank", "triads", "triangles"]

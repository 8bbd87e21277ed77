"""Relations over time: an actor's, or a pair's, records bucketed by month or year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import networkx as nx

from graph.actors import actor_summary, resolve_actor
from graph.errors import InvalidQuery
from graph.filters import RelationFilter, filtered_graph, relation_stats
from graph.models import Timeline, TimelineBucket
from graph.projection import Mention
from graph.signed import pair_mentions, polarity_of

By = Literal["month", "year"]


def _period(mention: Mention, by: By) -> str:
    assert mention.date is not None
    return f"{mention.date.year:04d}" if by == "year" else f"{mention.date.year:04d}-{mention.date.month:02d}"


def _actor_mentions(H: nx.DiGraph, node: str) -> list[Mention]:
    seen: dict[tuple[str, int], Mention] = {}
    edges: Iterable[tuple[str, str, dict]] = [*H.out_edges(node, data=True), *H.in_edges(node, data=True)]
    for _, _, data in edges:
        for m in data["_mentions"]:
            seen.setdefault((m.doc, m.index), m)
    return [seen[key] for key in sorted(seen)]


def timeline(
    G: nx.DiGraph,
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    by: By = "month",
    flt: RelationFilter | None = None,
    view: nx.DiGraph | None = None,
) -> Timeline:
    """One actor's relations (``actor``) or a pair's (``source`` and ``target``, both directions) by period.

    Each bucket counts the records passing the filter whose date (event date, else
    document date) falls in it: weight (``weight_by``, distinct documents by default),
    mentions, documents, mentions per polarity and per relation type. Periods with no
    record are left out; undated records are counted apart.

    Raises
    ------
    InvalidQuery
        Without ``actor`` or without both ``source`` and ``target``, with both kinds, or for
        ``by`` other than month or year.
    ActorNotFound

    Examples
    --------
    >>> import datetime as dt
    >>> from graph.examples import example_record
    >>> from graph.projection import Projection
    >>> view = Projection()
    >>> view.add_document("a", [example_record("TUR", "attacks", "SYR")], date=dt.date(2016, 3, 1))
    >>> view.add_document("b", [example_record("SYR", "accuses", "TUR")], date=dt.date(2016, 5, 2))
    >>> [(b.period, b.conflict) for b in timeline(view.graph, actor="Turkey", by="year").buckets]
    [('2016', 2)]
    """
    if by not in ("month", "year"):
        raise InvalidQuery(f"by must be month or year, not {by!r}")
    pair = source is not None or target is not None
    if pair and actor is not None:
        raise InvalidQuery("give either actor, or source and target, not both")
    if pair and (source is None or target is None):
        raise InvalidQuery("a pair timeline needs both source and target")
    if not pair and actor is None:
        raise InvalidQuery("a timeline needs actor, or source and target")
    H = view if view is not None else filtered_graph(G, flt)
    weight_by = flt.weight_by if flt is not None else "documents"
    result: dict[str, object] = {"by": by}
    if pair:
        assert source is not None and target is not None
        a, b = resolve_actor(G, source), resolve_actor(G, target)
        if a == b:
            raise InvalidQuery(f"source and target are the same actor: {a!r}")
        mentions = pair_mentions(H, a, b)
        result.update(source=actor_summary(G, a), target=actor_summary(G, b))
    else:
        assert actor is not None
        node = resolve_actor(G, actor)
        mentions = _actor_mentions(H, node) if node in H else []
        result["actor"] = actor_summary(G, node)
    groups: dict[str, list[Mention]] = {}
    undated = 0
    for m in mentions:
        if m.date is None:
            undated += 1
            continue
        groups.setdefault(_period(m, by), []).append(m)
    buckets = []
    for period in sorted(groups):
        items = groups[period]
        stats = relation_stats(items, weight_by)
        per_type: dict[str, int] = {}
        for m in items:
            per_type[m.relation] = per_type.get(m.relation, 0) + 1
        buckets.append(TimelineBucket(
            period=period, weight=stats["weight"], mentions=stats["mentions"], documents=stats["documents"],
            cooperation=sum(1 for m in items if polarity_of(m.relation) == "cooperation"),
            conflict=sum(1 for m in items if polarity_of(m.relation) == "conflict"),
            relations=dict(sorted(per_type.items())),
        ))
    return Timeline(buckets=buckets, undated=undated, **result)  # type: ignore[arg-type]


__all__ = ["timeline"]

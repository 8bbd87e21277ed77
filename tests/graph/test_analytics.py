"""Signed-network analytics, signed paths and timelines on hand-built graphs with known answers."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from graph import InvalidQuery, KnowledgeGraph
from graph.analytics import pagerank
from graph.filters import make_filter
from tests.graph.builders import doc, rec


@pytest.fixture
def triangle(kg: KnowledgeGraph) -> KnowledgeGraph:
    """USA and TUR both oppose IRN (balanced with USA–TUR cooperation); RUS supports IRN and SYR,
    and attacks SYR once more than it supports it, in other documents."""
    kg.add_document(doc("a", date=dt.date(2019, 1, 5)), [
        rec("a", "USA", "sanctions", "IRN"), rec("a", "TUR", "accuses", "IRN"),
        rec("a", "USA", "cooperates_with", "TUR")], extractor_version="v")
    kg.add_document(doc("b", date=dt.date(2019, 6, 1)), [
        rec("b", "RUS", "supports", "IRN"), rec("b", "RUS", "supports", "SYR"), rec("b", "IRN", "aids", "SYR")],
        extractor_version="v")
    kg.add_document(doc("c", date=dt.date(2020, 2, 1)), [rec("c", "RUS", "attacks", "SYR")], extractor_version="v")
    kg.add_document(doc("d", date=dt.date(2020, 3, 1)), [rec("d", "RUS", "attacks", "SYR")], extractor_version="v")
    return kg


def test_balance_counts_triads_by_the_sign_product(triangle: KnowledgeGraph) -> None:
    result = triangle.balance()
    listed = {tuple(t.actors): t for t in result.balanced_triads + result.unbalanced_triads}
    assert listed[("IRN", "TUR", "USA")].balanced and sorted(listed[("IRN", "TUR", "USA")].signs) == [-1, -1, 1]
    # RUS+IRN cooperate, IRN+SYR cooperate, RUS–SYR net conflict (2 documents against 1): unbalanced
    assert not listed[("IRN", "RUS", "SYR")].balanced
    assert (result.triads, result.balanced, result.unbalanced) == (2, 1, 1)
    assert result.balance_ratio == 0.5
    assert [a.actor for a in result.per_actor][:3] == ["IRN", "RUS", "SYR"]  # most unbalanced first
    only_usa = triangle.balance(actor="United States")
    assert (only_usa.triads, only_usa.balanced) == (1, 1)
    # before 2020 RUS only supports SYR: the triad turns balanced
    early = triangle.balance(flt=make_filter(until=dt.date(2019, 12, 31)))
    assert (early.triads, early.unbalanced) == (2, 0)


def test_signed_paths_multiply_hop_signs(triangle: KnowledgeGraph) -> None:
    paths = triangle.paths("TUR", "USA", mode="all", max_hops=2).items
    by_route = {tuple(h.relation_id for h in p.hops): p for p in paths}
    direct = by_route[("USA:cooperates_with:TUR",)]
    assert direct.sign == 1 and direct.hops[0].source.id == "USA"  # as recorded
    enemy = by_route[("TUR:accuses:IRN", "USA:sanctions:IRN")]
    assert enemy.sign == 1 and [h.sign for h in enemy.hops] == [-1, -1]
    assert [p.length for p in paths] == sorted(p.length for p in paths)
    assert triangle.paths("TUR", "USA", mode="all", max_hops=2, signed="negative").items == []
    negative = triangle.paths("USA", "RUS", mode="all", max_hops=3, signed="negative", evidence=True).items
    assert negative and all(p.sign == -1 for p in negative)
    for p in negative:
        assert all(h.evidence and h.evidence[0].sentence for h in p.hops)
    with pytest.raises(InvalidQuery, match="max_hops"):
        triangle.paths("TUR", "USA", mode="all", max_hops=6)


def test_centrality_and_pagerank(triangle: KnowledgeGraph) -> None:
    rows = {r.actor.id: r for r in triangle.centrality(limit=1000).items}
    assert rows["IRN"].degree == 4 and (rows["IRN"].cooperation_degree, rows["IRN"].conflict_degree) == (2, 2)
    assert rows["SYR"].in_degree == 2 and rows["SYR"].out_degree == 0
    assert sum(r.pagerank for r in rows.values()) == pytest.approx(1.0, abs=1e-4)
    assert max(rows.values(), key=lambda r: r.conflict_pagerank).actor.id == "IRN"
    ranked = triangle.centrality(sort="degree").items
    assert ranked[0].actor.id == "IRN"
    # the power iteration agrees with a closed form on a star: every leaf points to the centre
    star = nx.DiGraph([("a", "hub"), ("b", "hub"), ("c", "hub")])
    ranks = pagerank(star)
    leaf = (1 - 0.85) / 4 + 0.85 * ranks["hub"] / 4  # the dangling hub spreads its rank evenly
    assert ranks["a"] == pytest.approx(leaf, rel=1e-6) and ranks["hub"] > ranks["a"]


def test_communities_are_seeded_and_split_opponents(triangle: KnowledgeGraph) -> None:
    first = triangle.communities()
    assert first == triangle.communities()
    blocs = [{m.id for m in c.members} for c in first.communities]
    member = {a: i for i, b in enumerate(blocs) for a in b}
    assert member["USA"] == member["TUR"] and member["USA"] != member["IRN"]
    assert sorted(member) == ["IRN", "RUS", "SYR", "TUR", "USA"]
    with pytest.raises(InvalidQuery, match="resolution"):
        triangle.communities(resolution=0)


def test_ego_network(triangle: KnowledgeGraph) -> None:
    one = triangle.ego_network("Iran")
    assert [n.id for n in one.nodes] == ["IRN", "RUS", "SYR", "TUR", "USA"]
    two = triangle.ego_network("USA", hops=1)
    assert [n.id for n in two.nodes] == ["IRN", "TUR", "USA"]
    assert {(e.source, e.target) for e in two.edges} == {("USA", "IRN"), ("TUR", "IRN"), ("USA", "TUR"),
                                                         ("TUR", "USA")}


def test_timeline_by_month_and_year(triangle: KnowledgeGraph) -> None:
    monthly = triangle.timeline(actor="RUS")
    assert [(b.period, b.cooperation, b.conflict) for b in monthly.buckets] == [
        ("2019-06", 2, 0), ("2020-02", 0, 1), ("2020-03", 0, 1)]
    yearly = triangle.timeline(source="SYR", target="RUS", by="year")
    assert [(b.period, b.relations) for b in yearly.buckets] == [("2019", {"supports": 1}), ("2020", {"attacks": 2})]
    assert yearly.buckets[1].weight == 2  # two documents
    with pytest.raises(InvalidQuery, match="both"):
        triangle.timeline(actor="RUS", source="SYR", target="IRN")
    with pytest.raises(InvalidQuery, match="month or year"):
        triangle.timeline(actor="RUS", by="week")  # type: ignore[arg-type]

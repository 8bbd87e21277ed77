"""The fast query algorithms give the answers of plain, obviously correct ones.

Paths (search from both ends) are compared with networkx's enumeration of every shortest
or simple path; ego networks with a breadth-first search and a count of every edge; fuzzy
actor lookup with scoring every actor; evidence read node by node with evidence rebuilt
from whole documents.
"""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from extract.records import ActorRef, RelationRecord
from graph import InvalidQuery, KnowledgeGraph
from graph.actor_names import FUZZY_CUTOFF, best_similarity
from graph.actors import _all_names, _closest
from graph.filters import filtered_graph
from graph.projection import Projection
from graph.queries import PATH_SEARCH_CAP, ego_network, level_path_counts, opponents, paths, shortest_path_levels
from graph.signed import signed_graph
from ontology import relation_types
from tests.graph.builders import doc, load, rec

TYPES = [t for t in relation_types()]


def _actor(n: int) -> ActorRef:
    return ActorRef(id=f"A{n:02d}", label=f"Actor number {n}", type="State", country=f"C{n % 7}",
                    text=f"Actor number {n}")


def random_projection(seed: int, *, actors: int = 24, documents: int = 40) -> Projection:
    """A projection of random documents between ``actors`` actors (every relation type, some
    negated or hypothetical records)."""
    rng = random.Random(seed)
    projection = Projection()
    for d in range(documents):
        records = []
        for i in range(rng.randint(1, 4)):
            a, b = rng.sample(range(actors), 2)
            rtype = rng.choice(TYPES)
            records.append(RelationRecord(
                doc=f"d{d}", sentence=f"s{i}", start=0, end=2, subject=_actor(a), object=_actor(b),
                relation=rtype.snake, plover=rtype.plover, polarity=rtype.polarity,  # type: ignore[arg-type]
                negated=rng.random() < 0.1, modality=rng.choice(["asserted"] * 5 + ["hypothetical"]),  # type: ignore[arg-type]
                date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(900)), confidence=0.8))
        projection.add_document(f"d{d}", records)
    return projection


def _route(path, start: str) -> list[str]:  # the actors of a path, in walking order from start
    nodes = [start]
    for hop in path.hops:
        nodes.append(hop.target.id if hop.source.id == nodes[-1] else hop.source.id)
    return nodes


def _sign(S: nx.Graph, route: list[str]) -> int:
    sign = 1
    for a, b in zip(route, route[1:]):
        sign *= S.edges[a, b]["sign"]
    return sign


@pytest.mark.parametrize("seed", range(6))
def test_shortest_paths_equal_every_shortest_path_in_order(seed: int) -> None:
    G = random_projection(seed).graph
    S = signed_graph(filtered_graph(G))
    rng = random.Random(seed)
    nodes = sorted(S)
    checked = 0
    for _ in range(40):
        a, b = rng.sample(nodes, 2)
        max_hops = rng.randint(1, 5)
        signed = rng.choice(["any", "positive", "negative"])
        limit = rng.choice([1, 3, 100])
        offset = rng.choice([0, 0, 1, 2])
        page = paths(G, a, b, max_hops=max_hops, limit=limit, offset=offset, signed=signed)
        found = [_route(p, a) for p in page.items]
        try:
            every = sorted(nx.all_shortest_paths(S, a, b))
        except nx.NetworkXNoPath:
            every = []
        every = [r for r in every if len(r) - 1 <= max_hops]
        wanted = {"any": None, "positive": 1, "negative": -1}[signed]
        matching = [r for r in every if wanted is None or _sign(S, r) == wanted]
        expected = matching[offset:offset + limit]
        assert found == expected, (a, b, max_hops, signed, offset)
        assert (page.total, page.total_capped, page.limit, page.offset) == (len(matching), False, limit, offset)
        for r, p in zip(found, page.items):
            assert p.sign == _sign(S, r) and p.length == len(r) - 1
        checked += bool(expected)
    assert checked > 5  # the random graphs do connect actors


@pytest.mark.parametrize("seed", range(6))
def test_shortest_paths_are_counted_by_sign_without_listing_them(seed: int) -> None:
    S = signed_graph(filtered_graph(random_projection(seed).graph))
    rng = random.Random(seed)
    for _ in range(30):
        a, b = rng.sample(sorted(S), 2)
        levels = shortest_path_levels(S, a, b, max_hops=6)
        if levels is None:
            continue
        every = list(nx.all_shortest_paths(S, a, b))
        signs = [_sign(S, r) for r in every]
        assert level_path_counts(S, levels) == (signs.count(1), signs.count(-1))


def _lattice(width: int) -> Projection:
    """SRC, three layers of ``width`` actors each joined to every actor of the next, DST:
    ``width ** 3`` shortest paths of 4 hops, every one of them cooperation."""
    layers = [[0], *[[1 + layer * width + i for i in range(width)] for layer in range(3)], [1 + 3 * width]]
    supports = next(t for t in TYPES if t.snake == "supports")
    records = [RelationRecord(doc="lattice", sentence="s", start=0, end=1, subject=_actor(a), object=_actor(b),
                              relation=supports.snake, plover=supports.plover, polarity=supports.polarity,  # type: ignore[arg-type]
                              date=dt.date(2020, 1, 1), confidence=0.9)
               for here, ahead in zip(layers, layers[1:]) for a in here for b in ahead]
    projection = Projection()
    projection.add_document("lattice", records)
    return projection


def test_path_totals_stop_at_the_search_cap() -> None:
    G = _lattice(30).graph  # 27,000 paths of 4 hops between A00 and A91
    assert 30 ** 3 > PATH_SEARCH_CAP
    for mode in ("shortest", "all"):
        page = paths(G, "A00", "A91", mode=mode, max_hops=4, limit=5)  # type: ignore[arg-type]
        assert (page.total, page.total_capped, page.total_cap) == (PATH_SEARCH_CAP, True, PATH_SEARCH_CAP)
        assert len(page.items) == 5
        last = paths(G, "A00", "A91", mode=mode, max_hops=4, limit=5, offset=PATH_SEARCH_CAP - 2)  # type: ignore[arg-type]
        assert len(last.items) == 2 and last.total_capped
        assert paths(G, "A00", "A91", mode=mode, max_hops=4, offset=PATH_SEARCH_CAP).items == []  # type: ignore[arg-type]
        none = paths(G, "A00", "A91", mode=mode, max_hops=4, signed="negative")  # type: ignore[arg-type]
        assert (none.items, none.total, none.total_capped) == ([], 0, True)
    small = paths(_lattice(10).graph, "A00", "A31", max_hops=4, limit=3, offset=998)  # 1,000 paths
    assert (len(small.items), small.total, small.total_capped) == (2, 1000, False)


def test_path_offset_must_not_be_negative() -> None:
    G = random_projection(0).graph
    a, b = sorted(signed_graph(filtered_graph(G)))[:2]
    for wrong in (-1, True, 1.5):
        with pytest.raises(InvalidQuery, match="offset"):
            paths(G, a, b, offset=wrong)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(3))
def test_all_simple_paths_mode_is_unchanged(seed: int) -> None:
    G = random_projection(seed, actors=12, documents=20).graph
    S = signed_graph(filtered_graph(G))
    nodes = sorted(S)
    for a, b in [(nodes[0], nodes[-1]), (nodes[1], nodes[2])]:
        page = paths(G, a, b, mode="all", max_hops=3, limit=100)
        found = [_route(p, a) for p in page.items]
        every = sorted(nx.all_simple_paths(S, a, b, cutoff=3), key=lambda r: (len(r), r))
        assert found == every[:100]
        assert page.total == len(every) and not page.total_capped
        for offset, limit in ((1, 2), (3, 5), (len(every), 1)):
            cut = paths(G, a, b, mode="all", max_hops=3, limit=limit, offset=offset)
            assert [_route(p, a) for p in cut.items] == every[offset:offset + limit]
            assert cut.total == len(every)


def test_path_levels_hold_exactly_the_actors_on_shortest_paths() -> None:
    G = random_projection(11, actors=30, documents=60).graph
    S = signed_graph(filtered_graph(G))
    nodes = sorted(S)
    for a in nodes[:5]:
        for b in nodes[-5:]:
            levels = shortest_path_levels(S, a, b, max_hops=8)
            if not nx.has_path(S, a, b):
                assert levels is None
                continue
            every = list(nx.all_shortest_paths(S, a, b))
            assert levels == [{r[i] for r in every} for i in range(len(every[0]))]
            if len(every[0]) > 2:
                assert shortest_path_levels(S, a, b, max_hops=len(every[0]) - 2) is None


def test_path_hops_cut_their_evidence_and_count_it(kg: KnowledgeGraph) -> None:
    records = [rec("e", "TUR", "attacks", "SYR", start=10 * i) for i in range(7)]
    kg.add_document(doc("e"), records, extractor_version="v")
    [path] = kg.paths("TUR", "SYR", evidence=True, evidence_limit=3).items
    assert path.hops[0].evidence_count == 7
    assert [e.index for e in path.hops[0].evidence] == [0, 1, 2]
    [full] = kg.paths("TUR", "SYR", evidence=True, evidence_limit=100).items
    assert [e.index for e in full.hops[0].evidence] == list(range(7))
    [bare] = kg.paths("TUR", "SYR").items
    assert bare.hops[0].evidence == [] and bare.hops[0].evidence_count == 7
    for wrong in (-1, 101, True):
        with pytest.raises(InvalidQuery, match="evidence_limit"):
            kg.paths("TUR", "SYR", evidence_limit=wrong)


@pytest.mark.parametrize("seed", range(4))
def test_ego_networks_count_the_whole_neighbourhood_and_cut_it_as_documented(seed: int) -> None:
    G = random_projection(seed, actors=30, documents=70).graph
    H = filtered_graph(G)
    undirected = H.to_undirected(as_view=True)
    for centre in sorted(H)[:6]:
        for hops in (1, 2):
            members = nx.single_source_shortest_path_length(undirected, centre, cutoff=hops)
            inside = [(u, v) for u, v in H.edges if u in members and v in members]
            whole = ego_network(G, centre, hops=hops, limit=10_000, edge_limit=50_000)
            assert [n.id for n in whole.nodes] == sorted(members)
            assert [(e.source, e.target) for e in whole.edges] == sorted(inside)
            assert (whole.total_nodes, whole.total_edges, whole.truncated) == (len(members), len(inside), False)
            cut = ego_network(G, centre, hops=hops, limit=5, edge_limit=4)
            ranked = sorted(members, key=lambda n: (members[n], -G.nodes[n]["relations"], n))[:5]
            assert [n.id for n in cut.nodes] == sorted(ranked)
            among = [(u, v) for u, v in inside if u in ranked and v in ranked]
            heaviest = sorted(among, key=lambda e: (-H.edges[e]["weight"], e))[:4]
            assert [(e.source, e.target) for e in cut.edges] == sorted(heaviest)
            assert (cut.total_nodes, cut.total_edges) == (len(members), len(inside))
            assert cut.truncated == (len(members) > 5 or len(heaviest) < len(inside))


def test_ego_network_limits_are_checked(loaded: KnowledgeGraph) -> None:
    for options in ({"limit": 0}, {"edge_limit": 0}, {"limit": 10_001}, {"hops": 5}):
        with pytest.raises(InvalidQuery):
            loaded.ego_network("TUR", **options)


def test_opponent_pages_expand_only_their_own_evidence(loaded: KnowledgeGraph) -> None:
    everyone = opponents(loaded.graph, "USA")
    page = loaded.opponents("USA", evidence=True, limit=1, offset=1)
    assert page.total == len(everyone) == 2
    [only] = page.items
    assert only.actor == everyone[1].actor and only.evidence and all(e.object == "USA" for e in only.evidence)
    assert loaded.opponents("USA", offset=5).items == []


def test_evidence_read_node_by_node_equals_evidence_from_whole_documents(loaded: KnowledgeGraph) -> None:
    mentions = [m for _, _, data in loaded.filtered_view().edges(data=True) for m in data["_mentions"]]
    fast = loaded.evidence_for(mentions)
    slow = []
    for m in sorted({(m.doc, m.index): m for m in mentions}.values(), key=lambda m: (m.doc, m.index)):
        record = loaded.document_relations(m.doc)[m.index]
        summary = loaded.get_document(m.doc)
        slow.append((m.doc, m.index, record.sentence, record.start, record.end, record.subject.id,
                     record.object.id, record.subject.text, record.object.text, record.trigger,
                     record.modality, record.confidence, summary.source))
    seen = {(e.doc, e.index): e for e in fast}
    assert [(e.doc, e.index, e.sentence, e.start, e.end, e.subject, e.object, e.subject_text, e.object_text,
             e.trigger, e.modality, e.confidence, e.source) for e in seen.values()] == slow
    # a replaced document's evidence is read again, not served from the cache
    loaded.add_document(doc("d3"), [rec("d3", "IRN", "aids", "SYR", subject_text="the Iranians")],
                        extractor_version="test-2")
    [aid] = [n for n in loaded.allies("SYR", evidence=True).items if n.actor.id == "IRN"]
    assert [e.subject_text for e in aid.evidence or []] == ["the Iranians"]


def test_fuzzy_lookup_equals_scoring_every_actor() -> None:
    projection = random_projection(3, actors=60, documents=120)
    G = projection.graph
    rng = random.Random(5)
    names = [str(G.nodes[n]["label"]).lower() for n in G] + [n.lower() for n in G]
    for _ in range(60):
        name = rng.choice(names)
        chars = list(name)
        for _ in range(rng.randint(0, 3)):
            chars[rng.randrange(len(chars))] = rng.choice("abcdefghijklmnopqrstuvwxyz0123456789 ")
        key = "".join(chars).strip()
        scored = [(best_similarity(key, _all_names(G, n)), n) for n in G]
        best = max(score for score, _ in scored)
        expected = [] if best < FUZZY_CUTOFF or len(key) < 4 else sorted(n for s, n in scored if s == best)
        assert _closest(G, key) == expected, key
    # names change: the index follows
    projection.add_document("new", [RelationRecord(
        doc="new", sentence="s", start=0, end=1, relation="attacks", plover="ASSAULT", polarity="conflict",
        subject=ActorRef(id="zz", label="Zanzibar Liberation Front", type="ArmedGroup", text="ZLF"),
        object=_actor(1), confidence=0.9)])
    assert _closest(G, "zanzibar liberaton front") == ["zz"]

"""Analysts' questions over the demo corpus, extracted by the real Extractor, through real HTTP.

The store is built once per session from data/samples/demo-corpus.jsonl. Assertions name
what the corpus says (USA sanctions Iran in March 2017; Russian forces shell Ukraine and the
EU sanctions Russia in March 2022; Saudi Arabia accuses Iran; Israel, Hamas and their
mediators in 2018 and 2023), so a regression in extraction or in the queries shows here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.api.conftest import make_client

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from extract.pipeline import Extractor
    from graph.knowledge_graph import KnowledgeGraph

DEMO = Path(__file__).resolve().parents[2] / "data" / "samples" / "demo-corpus.jsonl"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """An on-disk store holding the demo corpus, built with the real extractor."""
    from api.ingest import ingest_documents
    from extract.records import Document
    from graph.knowledge_graph import KnowledgeGraph

    store = tmp_path_factory.mktemp("demo") / "store"
    documents = [Document(**json.loads(line)) for line in DEMO.read_text(encoding="utf-8").splitlines() if line]
    with KnowledgeGraph.open(store) as graph:
        done = list(ingest_documents(extractor, graph, documents))
    assert len(done) == 12
    return store


@pytest.fixture(scope="module")
def demo(demo_store: Path, extractor: Extractor) -> Iterator[TestClient]:
    from api.settings import Settings

    with make_client(Settings(store=str(demo_store)), extractor) as client:
        yield client


@pytest.fixture(scope="module")
def kg(demo: TestClient) -> KnowledgeGraph:
    return demo.app.state.graph  # type: ignore[attr-defined,no-any-return]


def ok(response: object) -> object:
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    return response.json()  # type: ignore[attr-defined]


def triples(items: list[dict]) -> set[tuple[str, str, str]]:
    return {(p["source"]["id"], p["relation"], p["target"]["id"]) for p in items}


def test_who_opposes_whom_with_a_date_filter(demo: TestClient) -> None:
    in_2017 = ok(demo.get("/relations", params={"type": "opposes", "since": "2017-01-01", "until": "2017-12-31"}))
    assert ("USA", "sanctions", "IRN") in triples(in_2017["items"])
    assert all("2017-01-01" <= p["first_seen"] <= p["last_seen"] <= "2017-12-31" for p in in_2017["items"])
    assert in_2017["total"] == len(in_2017["items"])
    in_2022 = ok(demo.get("/relations", params={"type": "opposes", "since": "2022-01-01", "until": "2022-12-31"}))
    pairs_2022 = triples(in_2022["items"])
    assert ("european-union", "sanctions", "RUS") in pairs_2022
    # 2022 in the corpus is Russia's war on Ukraine: every conflict has a Russian side
    assert all("RUS" in (p["source"]["country"], p["target"]["country"]) for p in in_2022["items"])
    assert ("USA", "sanctions", "IRN") not in pairs_2022
    everything = triples(ok(demo.get("/relations", params={"type": "opposes", "limit": 1000}))["items"])
    assert triples(in_2017["items"]) | pairs_2022 < everything
    assert all(p["polarity"] == "conflict" for p in in_2022["items"])


def test_relation_counts_mentions_documents_and_sources(demo: TestClient) -> None:
    [pair] = [p for p in ok(demo.get("/relations", params={"type": "sanctions", "actor": "IRN"}))["items"]
              if p["source"]["id"] == "USA"]
    assert (pair["weight"], pair["documents"], pair["sources"]) == (1, 1, 1)
    assert pair["mentions"] >= 1 and pair["id"] == "USA:sanctions:IRN"
    by_mentions = ok(demo.get("/relations", params={"type": "sanctions", "actor": "IRN", "weight_by": "mentions"}))
    assert {p["weight"] for p in by_mentions["items"]} == {p["mentions"] for p in by_mentions["items"]}


def test_opponents_by_alias(demo: TestClient) -> None:
    by_alias = ok(demo.get("/actors/Daesh/opponents"))
    assert {"IRQ", "USA"} <= {n["actor"]["id"] for n in by_alias["items"]}
    assert by_alias == ok(demo.get("/actors/islamic-state/opponents"))
    iran = ok(demo.get("/actors/Tehran/opponents", params={"evidence": "true"}))
    found = {n["actor"]["id"]: n for n in iran["items"]}
    assert {"SAU", "USA"} <= set(found)
    [sentence] = {e["sentence"] for e in found["USA"]["evidence"]}
    assert "sanctions on Iran" in sentence and found["USA"]["evidence"][0]["doc"] == "demo-004"
    assert found["USA"]["evidence"][0]["date"] == "2017-03-02"
    # the 2017 filter leaves Saudi Arabia's 2019 accusation out
    assert {n["actor"]["id"] for n in ok(demo.get("/actors/Iran/opponents", params={"until": "2017-12-31"}))["items"]} \
        == {"USA"}


@pytest.mark.parametrize(("name", "expected"), [
    ("Erdogan", "recep-tayyip-erdogan"), ("Ankara", "TUR"), ("Daesh", "islamic-state"),
    ("isreal", "ISR"), ("MOSKOW", "RUS"), ("Québec", None),
])
def test_actors_by_any_name_forgiving_misspellings(demo: TestClient, name: str, expected: str | None) -> None:
    response = demo.get(f"/actors/{name}")
    if expected is None:
        assert response.status_code == 404 and response.json()["error"]["code"] == "actor_not_found"
        return
    assert ok(response)["id"] == expected
    assert expected in [a["id"] for a in ok(demo.get("/actors", params={"q": name}))["items"]][:2]


def test_signed_path_with_evidence_on_each_hop(demo: TestClient) -> None:
    # Saudi Arabia and the United States both oppose Iran: the enemy of my enemy
    paths = ok(demo.get("/paths", params={"source": "Saudi Arabia", "target": "United States", "mode": "all",
                                          "max_hops": 2, "signed": "positive"}))["items"]
    routes = {tuple(h["relation_id"] for h in p["hops"]): p for p in paths}
    via_iran = routes[("SAU:accuses:IRN", "USA:sanctions:IRN")]
    assert via_iran["sign"] == 1 and via_iran["length"] == 2
    assert [h["sign"] for h in via_iran["hops"]] == [-1, -1]
    for hop in via_iran["hops"]:
        assert hop["polarity"] == "conflict" and hop["weight"] >= 1 and hop["evidence"]
        for ev in hop["evidence"]:
            assert ev["sentence"] and ev["end"] > ev["start"] and ev["doc"].startswith("demo-") and ev["date"]
    assert via_iran["hops"][0]["evidence"][0]["doc"] == "demo-007"
    negative = ok(demo.get("/paths", params={"source": "SAU", "target": "USA", "mode": "all", "max_hops": 2,
                                             "signed": "negative"}))["items"]
    assert all(p["sign"] == -1 for p in negative)
    assert not {tuple(h["relation_id"] for h in p["hops"]) for p in negative} & set(routes)


def test_paths_refuse_absurd_bounds(demo: TestClient) -> None:
    for params in ({"max_hops": 9}, {"max_hops": 0}, {"max_hops": 6, "mode": "all"}, {"limit": 101},
                   {"signed": "maybe"}):
        response = demo.get("/paths", params={"source": "SAU", "target": "USA", **params})
        assert response.status_code == 422, (params, response.text)


def test_balance_endpoint(demo: TestClient) -> None:
    overall = ok(demo.get("/analytics/balance"))
    assert overall["triads"] == overall["balanced"] + overall["unbalanced"] >= 1
    listed = {tuple(t["actors"]): t for t in overall["balanced_triads"] + overall["unbalanced_triads"]}
    saudi = listed[("IRN", "SAU", "USA")]  # USA aids SAU, both oppose IRN: balanced
    assert saudi["balanced"] and sorted(saudi["signs"]) == [-1, -1, 1]
    for triad in listed.values():
        product = triad["signs"][0] * triad["signs"][1] * triad["signs"][2]
        assert triad["balanced"] == (product == 1)
    one = ok(demo.get("/analytics/balance", params={"actor": "Riyadh"}))
    assert one["actor"]["id"] == "SAU" and one["triads"] >= 1
    assert all("SAU" in t["actors"] for t in one["balanced_triads"] + one["unbalanced_triads"])
    assert ok(demo.get("/analytics/balance", params={"until": "2016-12-31"}))["triads"] == 0  # no triangle in 2016


def test_communities_endpoint(demo: TestClient) -> None:
    result = ok(demo.get("/analytics/communities"))
    blocs = [{m["id"] for m in c["members"]} for c in result["communities"]]
    member_of = {actor: i for i, bloc in enumerate(blocs) for actor in bloc}
    assert sorted(member_of) == sorted(a for bloc in blocs for a in bloc)  # a partition
    assert member_of["POL"] == member_of["UKR"] == member_of["european-union"]  # aid to Ukraine
    assert member_of["RUS"] == member_of["IRN"]  # both support Assad
    assert member_of["USA"] != member_of["IRN"]
    assert result["conflict_between"] > result["conflict_within"]
    assert result == ok(demo.get("/analytics/communities"))  # seeded: stable


def test_centrality_and_ego_network(demo: TestClient) -> None:
    page = ok(demo.get("/analytics/centrality", params={"sort": "degree", "limit": 5}))
    rows = page["items"]
    assert page["total"] > 5 and len(rows) == 5
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)
    assert {"USA", "ISR"} <= {r["actor"]["id"] for r in rows}  # the two hubs of the corpus
    assert rows[0]["cooperation_degree"] + rows[0]["conflict_degree"] == rows[0]["degree"]
    total = sum(r["pagerank"] for r in ok(demo.get("/analytics/centrality", params={"limit": 1000}))["items"])
    assert total == pytest.approx(1.0, abs=1e-3)
    ego = ok(demo.get("/actors/Israel/network", params={"hops": 1}))
    assert {"hamas", "EGY", "QAT", "USA"} <= {n["id"] for n in ego["nodes"]}
    assert "RUS" not in {n["id"] for n in ego["nodes"]}
    assert all(e["source"] in {n["id"] for n in ego["nodes"]} for e in ego["edges"])


def test_timeline_by_year_and_month(demo: TestClient) -> None:
    usa = ok(demo.get("/relations/timeline", params={"actor": "United States", "by": "year"}))
    periods = {b["period"]: b for b in usa["buckets"]}
    # on Iran, and Russia's suspension of an air-safety agreement with Washington
    assert periods["2017"]["conflict"] >= 1 and periods["2017"]["relations"]["sanctions"] == 2
    assert periods["2023"]["cooperation"] >= 1 and periods["2023"]["conflict"] == 0  # support to Israel
    assert list(periods) == sorted(periods)
    pair = ok(demo.get("/relations/timeline", params={"source": "Israel", "target": "Hamas"}))
    assert [b["period"] for b in pair["buckets"]] == ["2018-05", "2023-10"]
    assert 422 == demo.get("/relations/timeline").status_code


def test_relation_by_id_with_evidence(demo: TestClient) -> None:
    detail = ok(demo.get("/relations/european-union:sanctions:RUS"))
    [ev] = detail["evidence"]
    assert (ev["doc"], ev["date"], ev["source"]) == ("demo-008", "2022-03-01", "geokg demo wire")
    text = json.loads(DEMO.read_text(encoding="utf-8").splitlines()[7])["text"]
    assert text[ev["start"]:ev["end"]] == ev["sentence"]
    assert demo.get("/relations/european-union:sanctions:USA").json()["error"]["code"] == "relation_not_found"
    assert demo.get("/relations/nonsense").status_code == 422
    listed = ok(demo.get("/relations", params={"type": "sanctions", "evidence": "true"}))
    assert all(p["evidence"] and len(p["evidence"]) == p["mentions"] for p in listed["items"])


def test_lists_paginate_in_a_stable_order(demo: TestClient) -> None:
    whole = ok(demo.get("/relations", params={"type": "cooperatesWith", "limit": 1000}))
    pages = [ok(demo.get("/relations", params={"type": "cooperatesWith", "limit": 3, "offset": o}))
             for o in range(0, whole["total"], 3)]
    assert [p["id"] for page in pages for p in page["items"]] == [p["id"] for p in whole["items"]]
    assert all(page["total"] == whole["total"] for page in pages)


def test_paths_page_like_the_other_lists(demo: TestClient) -> None:
    query = {"source": "Saudi Arabia", "target": "USA", "mode": "all", "max_hops": 4, "evidence": "false"}
    whole = ok(demo.get("/paths", params={**query, "limit": 100}))
    relations = ok(demo.get("/relations", params={"limit": 1}))
    assert set(relations) <= set(whole)  # the envelope of every list: items, total, limit, offset
    assert set(whole) - set(relations) == {"total_capped", "total_cap"}
    assert (whole["limit"], whole["offset"], whole["total_capped"], whole["total_cap"]) == (100, 0, False, 20_000)
    assert whole["total"] == len(whole["items"]) >= 3, whole["total"]
    routes = [[h["relation_id"] for h in p["hops"]] for p in whole["items"]]
    pages = [ok(demo.get("/paths", params={**query, "limit": 2, "offset": o})) for o in range(0, whole["total"], 2)]
    assert [[h["relation_id"] for h in p["hops"]] for page in pages for p in page["items"]] == routes
    assert all(page["total"] == whole["total"] and len(page["items"]) <= 2 for page in pages)
    past = ok(demo.get("/paths", params={**query, "offset": whole["total"]}))
    assert (past["items"], past["total"], past["offset"]) == ([], whole["total"], whole["total"])
    # total counts the paths of the asked sign, not the page
    positive = ok(demo.get("/paths", params={**query, "signed": "positive", "limit": 1}))
    assert len(positive["items"]) == 1
    assert positive["total"] == sum(p["sign"] == 1 for p in whole["items"])
    negative = ok(demo.get("/paths", params={**query, "signed": "negative"}))
    assert negative["total"] == sum(p["sign"] == -1 for p in whole["items"])
    # shortest paths are counted too (Turkey and Iran: two of 3 hops)
    shortest = ok(demo.get("/paths", params={"source": "Turkey", "target": "Iran", "limit": 1}))
    assert (len(shortest["items"]), shortest["total"], shortest["total_capped"]) == (1, 2, False)
    assert shortest["items"][0]["length"] == 3
    second = ok(demo.get("/paths", params={"source": "Turkey", "target": "Iran", "limit": 1, "offset": 1}))
    assert second["items"] and second["items"] != shortest["items"]


def test_bad_path_offset_is_the_422_of_every_list(demo: TestClient) -> None:
    for offset in ("-1", "x", "1.5"):
        answers = [demo.get(path, params={**params, "offset": offset}) for path, params in (
            ("/paths", {"source": "SAU", "target": "USA"}), ("/relations", {}), ("/actors/Iran/opponents", {}))]
        bodies = [a.json() for a in answers]
        assert [a.status_code for a in answers] == [422, 422, 422], bodies
        assert bodies[0] == bodies[1] == bodies[2], bodies  # same code, same message
        assert bodies[0]["error"]["code"] == "validation_error" and "offset" in bodies[0]["error"]["message"]
    schema = ok(demo.get("/openapi.json"))["paths"]
    params = {name: {p["name"]: p for p in schema[name]["get"]["parameters"]} for name in ("/paths", "/relations")}
    assert params["/paths"]["offset"] == params["/relations"]["offset"]


def test_bad_filters_are_422_with_a_message(demo: TestClient) -> None:
    for params, word in (({"types": "befriends"}, "befriends"), ({"since": "2020-01-01", "until": "2019-01-01"}, "after"),
                         ({"actor_types": "Dragon"}, "Dragon"), ({"modalities": "rumoured"}, "modalities")):
        response = demo.get("/relations", params=params)
        assert response.status_code == 422, response.text
        assert word in response.json()["error"]["message"]


def test_graph_and_http_answer_alike(demo: TestClient, kg: KnowledgeGraph) -> None:
    from graph.filters import make_filter

    flt = make_filter(types="opposes", since=dt.date(2017, 1, 1))
    assert [p.model_dump(mode="json") for p in kg.relation_pairs(type="attacks", flt=flt).items] == \
        ok(demo.get("/relations", params={"type": "attacks", "types": "opposes", "since": "2017-01-01"}))["items"]

"""The one filter of every query: semantics, weights in distinct documents and sources, incremental upkeep."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
from pathlib import Path

import pytest

from graph import InvalidQuery, KnowledgeGraph
from graph.filters import RelationFilter, filtered_graph, make_filter
from tests.graph.builders import corpus, doc, rec

MY_MODULES = ["graph.filters", "graph.signed", "graph.queries", "graph.analytics", "graph.timeline",
              "graph.actor_names", "graph.actors", "graph.query_methods"]


@pytest.mark.parametrize("name", MY_MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def edges(kg: KnowledgeGraph, **fields: object) -> set[tuple[str, str, str]]:
    view = kg.filtered_view(make_filter(**fields))
    return {(u, name, v) for u, v, data in view.edges(data=True) for name in data["relations"]}


def test_types_expand_through_the_hierarchy_in_either_spelling(loaded: KnowledgeGraph) -> None:
    opposes = edges(loaded, types="opposes")
    assert ("TUR", "attacks", "islamic-state") in opposes and ("TUR-GOV", "rejects", "USA") in opposes
    assert all(name in {"attacks", "accuses", "rejects"} for _, name, _ in opposes)
    assert edges(loaded, types="cooperatesWith") == edges(loaded, types="cooperates_with")
    assert edges(loaded, types=["attacks", "aids"]) == edges(loaded, types="attacks,aids")
    assert {n for _, n, _ in edges(loaded, types="attacks,aids")} == {"attacks", "aids"}


def test_dates_include_both_ends_and_drop_undated_records(loaded: KnowledgeGraph) -> None:
    assert edges(loaded, since=dt.date(2017, 1, 6), until=dt.date(2017, 1, 6)) == {
        ("RUS", "attacks", "islamic-state"), ("TUR", "cooperates_with", "RUS"), ("RUS", "cooperates_with", "TUR")}
    # d3 has no date: its undated rejection never passes a date filter
    assert not any(name == "rejects" for _, name, _ in edges(loaded, since=dt.date(1900, 1, 1)))
    assert any(name == "rejects" for _, name, _ in edges(loaded))


def test_modalities_negation_and_confidence(kg: KnowledgeGraph) -> None:
    kg.add_document(doc("m"), [rec("m", "USA", "attacks", "IRN", modality="intended"),
                               rec("m", "USA", "threatens", "IRN", negated=True),
                               rec("m", "IRN", "accuses", "USA", modality="reported", confidence=0.4)],
                    extractor_version="v")
    assert edges(kg) == {("IRN", "accuses", "USA")}
    assert edges(kg, modalities="intended") == {("USA", "attacks", "IRN")}
    assert edges(kg, modalities="asserted,reported,intended,hypothetical") == {
        ("USA", "attacks", "IRN"), ("IRN", "accuses", "USA")}  # negated: never
    assert edges(kg, min_confidence=0.5) == set()


def test_actor_types_and_countries_select_both_ends(loaded: KnowledgeGraph) -> None:
    assert edges(loaded, actor_types="State") == {
        ("TUR", "cooperates_with", "RUS"), ("RUS", "cooperates_with", "TUR"), ("RUS", "supports", "SYR"),
        ("IRN", "aids", "SYR")}
    assert edges(loaded, countries="tur,usa") == {("TUR-GOV", "rejects", "USA"),
                                                  ("recep-tayyip-erdogan", "accuses", "USA")}


def test_ego_restriction_by_alias(loaded: KnowledgeGraph) -> None:
    assert edges(loaded, actor="Tehran") == {("IRN", "aids", "SYR")}
    two = edges(loaded, actor="Tehran", hops=2)
    assert ("RUS", "supports", "SYR") in two and ("TUR", "attacks", "islamic-state") not in two


def test_weights_count_distinct_documents_sources_or_mentions(kg: KnowledgeGraph) -> None:
    # one story syndicated three times by two publishers, plus a second mention in one copy
    for i, source in enumerate(["AP", "AP", "Reuters"]):
        records = [rec(f"s{i}", "USA", "sanctions", "IRN", date=dt.date(2020, 1, 1))]
        if i == 0:
            records.append(rec("s0", "USA", "sanctions", "IRN", start=50))
        kg.add_document(doc(f"s{i}", source=source), records, extractor_version="v")
    [pair] = kg.relation_pairs(type="sanctions").items
    assert (pair.weight, pair.documents, pair.sources, pair.mentions) == (3, 3, 2, 4)
    assert kg.relation_pairs(type="sanctions", flt=make_filter(weight_by="sources")).items[0].weight == 2
    assert kg.relation_pairs(type="sanctions", flt=make_filter(weight_by="mentions")).items[0].weight == 4
    assert kg.relation_pairs(type="sanctions", flt=make_filter(min_weight=4)).total == 0
    assert kg.relation_pairs(type="sanctions", flt=make_filter(min_weight=4, weight_by="mentions")).total == 1


def test_filtered_views_follow_adds_and_deletes(tmp_path: Path) -> None:
    with KnowledgeGraph.open("memory") as kg:
        documents = corpus()
        for document, records in documents:
            kg.add_document(document, records, extractor_version="v")
        flt = make_filter(types="opposes")
        before = kg.filtered_view(flt)
        assert kg.filtered_view(flt) is before  # cached while nothing changes
        kg.delete_document("d2")
        after = kg.filtered_view(flt)
        assert ("recep-tayyip-erdogan", "USA") in before.edges and ("recep-tayyip-erdogan", "USA") not in after.edges
        kg.add_document(*documents[1], extractor_version="v")
        again = kg.filtered_view(flt)
        assert sorted(again.edges(data="weight")) == sorted(before.edges(data="weight"))
    # a store reopened from disk gives the same filtered answers as the one built incrementally
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        for document, records in documents:
            kg.add_document(document, records, extractor_version="v")
        built = {(u, v): d["relations"] for u, v, d in kg.filtered_view(flt).edges(data=True)}
        opponents = kg.opponents("TUR", evidence=True).model_dump()
    with KnowledgeGraph.open(store) as kg:
        assert {(u, v): d["relations"] for u, v, d in kg.filtered_view(flt).edges(data=True)} == built
        assert kg.opponents("TUR", evidence=True).model_dump() == opponents


@pytest.mark.parametrize(("fields", "word"), [
    ({"types": "befriends"}, "befriends"), ({"since": "2020-01-01", "until": "2019-01-01"}, "after"),
    ({"actor_types": "Dragon"}, "Dragon"), ({"min_weight": 0}, "min_weight"), ({"hops": 9}, "hops"),
    ({"weight_by": "likes"}, "weight_by"), ({"since": "yesterday"}, "since"),
])
def test_bad_filters_name_the_field(fields: dict[str, object], word: str) -> None:
    with pytest.raises(InvalidQuery, match=word):
        make_filter(**fields)


def test_filters_are_frozen_and_hashable() -> None:
    one = make_filter(types="attacks,opposes", countries="usa")
    assert one == RelationFilter(types=("opposes", "attacks"), countries=("USA",)) and hash(one)
    with pytest.raises(Exception):
        one.since = dt.date(2020, 1, 1)  # type: ignore[misc]


def test_unknown_ego_actor_is_named(loaded: KnowledgeGraph) -> None:
    from graph import ActorNotFound

    with pytest.raises(ActorNotFound, match="Atlantis"):
        filtered_graph(loaded.graph, make_filter(actor="Atlantis"))

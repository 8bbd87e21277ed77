"""graph.projection: weights, symmetric types, and in-place updates equal to a fresh rebuild."""

from __future__ import annotations

import datetime as dt

from graph import KnowledgeGraph
from graph.projection import Projection
from tests.graph.builders import corpus, doc, load, rec


def rebuilt(kg: KnowledgeGraph) -> dict:
    """The projection a fresh KnowledgeGraph builds from the same store."""
    return KnowledgeGraph(kg.store).projection.snapshot()


def test_weights_count_only_supporting_records(loaded: KnowledgeGraph) -> None:
    G = loaded.graph
    # negated threat: evidence but no weight
    usa_syr = G.edges["USA", "SYR"]
    day = dt.date(2016, 12, 20)  # the record has no date: its document's
    assert usa_syr["relations"]["threatens"] == {"weight": 0, "evidence": 1, "first_seen": day, "last_seen": day}
    assert usa_syr["weight"] == 0
    # intended, symmetric fights_with: no weight either way
    assert G.edges["TUR", "SYR-REB"]["weight"] == 0 and G.edges["SYR-REB", "TUR"]["weight"] == 0
    # reported support counts
    assert G.edges["RUS", "SYR"]["relations"]["supports"]["weight"] == 1
    assert not G.has_edge("SYR", "RUS")


def test_symmetric_types_count_both_ways_and_sum_over_documents(loaded: KnowledgeGraph) -> None:
    G = loaded.graph
    for pair in (("TUR", "RUS"), ("RUS", "TUR")):
        stat = G.edges[pair]["relations"]["cooperates_with"]
        assert stat["weight"] == 2 and stat["evidence"] == 2
        assert G.edges[pair]["documents"] == 2
        assert stat["first_seen"] == dt.date(2016, 12, 20)
        assert stat["last_seen"] == dt.date(2017, 1, 6)  # d2's record has no date: its document's


def test_nodes_carry_description_aliases_and_counts(loaded: KnowledgeGraph) -> None:
    node = loaded.graph.nodes["TUR"]
    assert (node["label"], node["type"], node["country"], node["role"]) == ("Turkey", "State", "TUR", None)
    assert node["aliases"] == ["Ankara"]
    assert node["relations"] == 4  # attacks, cooperates (x2), fights_with


def test_in_place_updates_equal_a_fresh_rebuild(kg: KnowledgeGraph) -> None:
    load(kg)
    assert kg.projection.snapshot() == rebuilt(kg)
    kg.delete_document("d1")
    assert kg.projection.snapshot() == rebuilt(kg)
    kg.add_document(doc("d2", date=dt.date(2018, 1, 1)),
                    [rec("d2", "TUR", "attacks", "SYR", date=dt.date(2018, 2, 2)),
                     rec("d2", "TUR", "attacks", "SYR", subject_text="Ankara")],
                    extractor_version="v2")
    assert kg.projection.snapshot() == rebuilt(kg)
    document, records = corpus()[0]
    kg.add_document(document, records, extractor_version="v2")
    snapshot = kg.projection.snapshot()
    assert snapshot == rebuilt(kg)
    for document_id in ("d1", "d2", "d3"):
        kg.delete_document(document_id)
        assert kg.projection.snapshot() == rebuilt(kg)
    assert kg.graph.number_of_nodes() == 0 and kg.stats().relations == 0


def test_deleting_restores_dates_and_description_of_what_remains() -> None:
    view = Projection()
    old = [rec("a", "TUR", "attacks", "SYR", date=dt.date(2015, 1, 1))]
    new = [rec("b", "TUR", "attacks", "SYR", date=dt.date(2020, 1, 1), subject_text="Ankara")]
    view.add_document("a", old)
    view.add_document("b", new)
    stat = view.graph.edges["TUR", "SYR"]["relations"]["attacks"]
    assert (stat["first_seen"], stat["last_seen"], stat["weight"]) == (dt.date(2015, 1, 1), dt.date(2020, 1, 1), 2)
    assert view.graph.nodes["TUR"]["aliases"] == ["Ankara"]
    view.remove_document("b")
    stat = view.graph.edges["TUR", "SYR"]["relations"]["attacks"]
    assert (stat["first_seen"], stat["last_seen"], stat["weight"]) == (dt.date(2015, 1, 1), dt.date(2015, 1, 1), 1)
    assert view.graph.nodes["TUR"]["aliases"] == []
    assert view.names.lookup("ankara") == set()
    assert view.remove_document("b") is False


def test_description_is_the_latest_documents_whatever_the_order() -> None:
    older = rec("a", "TUR", "attacks", "SYR")
    newer = older.model_copy(update={"doc": "b", "subject": older.subject.model_copy(update={"label": "Türkiye"})})
    one, two = Projection(), Projection()
    one.add_document("a", [older], date=dt.date(2010, 1, 1))
    one.add_document("b", [newer], date=dt.date(2022, 1, 1))
    two.add_document("b", [newer], date=dt.date(2022, 1, 1))
    two.add_document("a", [older], date=dt.date(2010, 1, 1))
    assert one.snapshot() == two.snapshot()
    assert one.graph.nodes["TUR"]["label"] == "Türkiye"


def test_self_relations_make_no_edge() -> None:
    view = Projection()
    view.add_document("a", [rec("a", "TUR", "accuses", "TUR")])
    assert view.graph.number_of_edges() == 0 and view.graph.nodes["TUR"]["relations"] == 1


def test_actors_without_description_still_get_a_node() -> None:
    from graph.projection import RelationFact

    view = Projection()
    view.add_facts("a", [], [RelationFact(subject="X", object="Y", relation="attacks", supported=True)])
    assert view.graph.nodes["X"]["label"] == "X" and view.graph.edges["X", "Y"]["weight"] == 1
    view.remove_document("a")
    assert view.graph.number_of_nodes() == 0

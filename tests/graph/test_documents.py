"""KnowledgeGraph documents: round trip, replace, no-op re-ingest, delete, reopen, atomicity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV

from graph import DocumentNotFound, InvalidQuery, KnowledgeGraph
from graph.iris import actor_iri, document_iri, relation_iri
from graph.rdf import document_triples, read_document
from ontology import GKG
from tests.graph.builders import corpus, doc, load, rec


def test_records_round_trip_through_the_store(loaded: KnowledgeGraph) -> None:
    for document, records in corpus():
        assert loaded.document_relations(document.id) == records


def test_round_trip_without_a_store() -> None:
    document, records = corpus()[0]
    triples = document_triples(document, records, extractor_version="v")
    stored = read_document(document_iri("d1"), triples)
    assert stored.records == records
    assert (stored.date, stored.source, stored.extractor_version) == (dt.date(2016, 12, 20), "VOA", "v")


def test_relation_nodes_carry_provenance_and_direct_triples_only_when_supported(loaded: KnowledgeGraph) -> None:
    triples = set(loaded.store.graph_triples(document_iri("d1")))
    first = relation_iri("d1", 0)
    assert (first, RDF.type, GKG.Relation) in triples
    assert (first, GKG.relationType, GKG.attacks) in triples
    assert (first, PROV.wasDerivedFrom, document_iri("d1")) in triples
    assert (first, GKG.location, Literal("al-Bab")) in triples
    assert (actor_iri("TUR"), GKG.attacks, actor_iri("islamic-state")) in triples
    # reported and not negated: direct triple; negated: none
    assert (actor_iri("RUS"), GKG.supports, actor_iri("SYR")) in triples
    assert (actor_iri("USA"), GKG.threatens, actor_iri("SYR")) not in triples
    # intended (d2): none
    d2 = set(loaded.store.graph_triples(document_iri("d2")))
    assert (actor_iri("TUR"), GKG.fightsWith, actor_iri("SYR-REB")) not in d2
    # actor descriptions live with the document, with mention texts as aliases
    assert (actor_iri("TUR"), RDF.type, GKG.State) in triples
    assert (actor_iri("TUR"), GKG.alias, Literal("Ankara")) in triples
    assert (actor_iri("TUR"), RDFS.label, Literal("Turkey")) in triples


def test_document_summaries_and_listing(loaded: KnowledgeGraph) -> None:
    summary = loaded.get_document("d1")
    assert (summary.relations, summary.actors, summary.source) == (4, 6, "VOA")
    assert len(summary.text_hash or "") == 64
    page = loaded.list_documents(limit=2, offset=1)
    assert [d.id for d in page.items] == ["d2", "d3"] and page.total == 3
    with pytest.raises(InvalidQuery):
        loaded.list_documents(limit=0)


def test_reingest_replaces_and_never_duplicates(loaded: KnowledgeGraph) -> None:
    before = loaded.stats()
    new = [rec("d2", "IRN", "sanctions", "USA")]
    loaded.add_document(doc("d2"), new, extractor_version="test-2")
    assert loaded.document_relations("d2") == new
    after = loaded.stats()
    assert after.documents == before.documents
    assert after.relations == before.relations - 4 + 1
    # the same again: the store is unchanged
    triples = len(loaded.store)
    loaded.add_document(doc("d2"), new, extractor_version="test-2")
    loaded.add_document(doc("d2"), new, extractor_version="test-2")
    assert len(loaded.store) == triples
    assert loaded.stats() == after


def test_same_document_same_relations_is_a_no_op(loaded: KnowledgeGraph) -> None:
    document, records = corpus()[0]
    triples = sorted(loaded.store.graph_triples(document_iri("d1")))
    summary = loaded.add_document(document, records, extractor_version="test-1")
    assert summary == loaded.get_document("d1")
    assert sorted(loaded.store.graph_triples(document_iri("d1"))) == triples


def test_delete_removes_exactly_that_document(loaded: KnowledgeGraph) -> None:
    d1_triples = set(loaded.store.graph_triples(document_iri("d1")))
    d2_before = sorted(loaded.store.graph_triples(document_iri("d2")))
    total = len(loaded.store)
    loaded.delete_document("d1")
    assert len(loaded.store) == total - len(d1_triples)
    assert sorted(loaded.store.graph_triples(document_iri("d2"))) == d2_before
    with pytest.raises(DocumentNotFound, match="d1"):
        loaded.get_document("d1")
    with pytest.raises(DocumentNotFound):
        loaded.document_relations("d1")
    with pytest.raises(DocumentNotFound):
        loaded.delete_document("d1")
    # TUR and RUS still appear in d2, so they keep their description; USA too (d2, d3)
    assert loaded.resolve_actor("TUR").label == "Turkey"
    assert loaded.resolve_actor("RUS").type == "State"
    # actors only d1 used are gone
    assert "islamic-state" in loaded.graph  # d2 attacks it as well
    loaded.delete_document("d2")
    assert "islamic-state" not in loaded.graph
    assert loaded.stats().documents == 1


def test_bad_records_are_refused_and_leave_the_old_version(loaded: KnowledgeGraph) -> None:
    before = loaded.document_relations("d3")
    wrong_doc = rec("d9", "IRN", "aids", "SYR")
    with pytest.raises(InvalidQuery, match="belongs to document 'd9'"):
        loaded.add_document(doc("d3"), [rec("d3", "IRN", "aids", "SYR"), wrong_doc], extractor_version="x")
    wrong_plover = rec("d3", "IRN", "aids", "SYR").model_copy(update={"plover": "ASSAULT"})
    with pytest.raises(InvalidQuery, match="PLOVER AID"):
        loaded.add_document(doc("d3"), [wrong_plover], extractor_version="x")
    unknown = rec("d3", "IRN", "aids", "SYR").model_copy(update={"relation": "befriends"})
    with pytest.raises(InvalidQuery, match="known types"):
        loaded.add_document(doc("d3"), [unknown], extractor_version="x")
    assert loaded.document_relations("d3") == before


def test_document_without_id_gets_its_content_hash(kg: KnowledgeGraph) -> None:
    from extract.records import Document

    document = Document(text="Iran aids Syria.")
    expected = document.ensure_id().id
    assert expected is not None
    summary = kg.add_document(document, [rec(expected, "IRN", "aids", "SYR")], extractor_version="v")
    assert summary.id == expected


def test_odd_document_ids_are_quoted(kg: KnowledgeGraph) -> None:
    odd = "news/2016 12#ä?"
    kg.add_document(doc(odd), [rec(odd, "IRN", "aids", "SYR")], extractor_version="v")
    assert kg.document_relations(odd)[0].doc == odd
    assert [d.id for d in kg.list_documents().items] == [odd]


def test_reopen_from_disk_sees_the_same_data_and_projection(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with KnowledgeGraph.open(path) as first:
        load(first)
        first.delete_document("d3")
        stats = first.stats()
        view = first.projection.snapshot()
        relations = first.document_relations("d1")
    with KnowledgeGraph.open(path) as second:
        assert second.stats() == stats
        assert second.projection.snapshot() == view
        assert second.document_relations("d1") == relations
        assert [d.id for d in second.list_documents().items] == ["d1", "d2"]


def test_second_open_of_the_same_directory_fails_until_closed(tmp_path: Path) -> None:
    from graph import StoreError

    first = KnowledgeGraph.open(tmp_path / "s")
    with pytest.raises(StoreError, match="already open"):
        KnowledgeGraph.open(tmp_path / "s")
    first.close()
    KnowledgeGraph.open(tmp_path / "s").close()


def test_mentions_of_one_actor_with_different_roles_round_trip(kg: KnowledgeGraph) -> None:
    capital = rec("r", "IRN", "aids", "SYR", subject_text="Tehran")
    capital = capital.model_copy(update={"subject": capital.subject.model_copy(update={"role": "GOV"})})
    bare = rec("r", "IRN", "accuses", "USA", start=40)
    kg.add_document(doc("r"), [capital, bare], extractor_version="v")
    back = kg.document_relations("r")
    assert [r.subject.role for r in back] == ["GOV", None]
    assert back == [capital, bare]

"""The ontology file is the source of truth: derived names, hierarchy, PLOVER coverage."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS

from ontology import (
    GKG,
    RelationType,
    UnknownRelationType,
    camel_to_snake,
    descendants,
    ontology_graph,
    relation_type,
    relation_types,
    snake_to_camel,
)

PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}


def test_closed_namespace_knows_the_files_terms_and_refuses_typos() -> None:
    assert str(GKG.attacks).endswith("#attacks")
    assert str(GKG.State).endswith("#State")
    with pytest.raises(AttributeError):
        GKG.attaks  # noqa: B018 - the typo must fail loudly


def test_every_relation_type_is_an_object_property_under_one_family() -> None:
    graph = ontology_graph()
    for rel in relation_types():
        assert (rel.iri, RDF.type, OWL.ObjectProperty) in graph
        assert rel.family in ("cooperatesWith", "opposes")
        if rel.parent is not None:
            assert (rel.iri, RDFS.subPropertyOf, GKG[rel.parent]) in graph


def test_relation_types_cover_the_16_plover_categories_with_the_right_polarity() -> None:
    types = relation_types()
    assert {r.plover for r in types} == PLOVER_CATEGORIES
    for rel in types:
        expected = "cooperation" if rel.plover in COOPERATIVE else "conflict"
        assert rel.polarity == expected, rel.name


def test_opposes_closure_contains_every_conflict_type_and_no_cooperative_one() -> None:
    names = {r.name for r in descendants("opposes")}
    assert {"attacks", "threatens", "accuses", "sanctions"} <= names
    assert not names & {r.name for r in descendants("cooperatesWith")}
    assert all(relation_type(n).polarity == "conflict" for n in names)


@pytest.mark.parametrize(
    ("camel", "snake"),
    [("cooperatesWith", "cooperates_with"), ("attacks", "attacks"), ("protestsAgainst", "protests_against")],
)
def test_one_name_per_relation_two_spellings(camel: str, snake: str) -> None:
    assert camel_to_snake(camel) == snake
    assert snake_to_camel(snake) == camel
    assert relation_type(camel) == relation_type(snake)
    assert isinstance(relation_type(snake), RelationType)


def test_unknown_relation_type_names_itself_and_the_known_ones() -> None:
    with pytest.raises(UnknownRelationType, match="befriends.*cooperates_with"):
        relation_type("befriends")


def test_symmetric_types_are_declared_in_the_file() -> None:
    symmetric = {r.name for r in relation_types() if r.symmetric}
    assert {"cooperatesWith", "consultsWith", "agreesWith"} <= symmetric
    assert "attacks" not in symmetric

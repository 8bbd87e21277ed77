"""Victims of a harm judged, people moved, traffic both ways, assets frozen or released, rules eased.

Sentences written for this file (none is from a gold or benchmark set); the hand-built parses check the
victim rule without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest
import spacy

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

Key = tuple[str, str, str, bool]


def found(extractor: Extractor, text: str) -> set[Key]:
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in extractor.extract(Document(text=text, id="d"))}


@pytest.mark.parametrize(
    "text",
    [
        # the victim of a harm judged is not the one accused
        "Germany and France condemned the poisoning of Russian opposition leader Alexei Navalny.",
        "The EU condemned the arrest of Turkish journalists.",
        # people moved are no aid
        "Greece received more tourists from Germany than from any other country.",
        "Turkey sent thousands of refugees to Greece.",
    ],
)
def test_no_relation_with_victims_or_travellers(extractor: Extractor, text: str) -> None:
    assert found(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer of the harm stays accused
        ("The EU condemned Russia's poisoning of Alexei Navalny.", ("european-union", "accuses", "RUS", False)),
        # goods received are still aid
        ("Ukraine received funds from the EU.", ("european-union", "aids", "UKR", False)),
        # a traffic noun's coordinated prepositions: "to and from"
        ("Saudi Arabia lifted its ban on flights to and from Qatar.", ("SAU", "retreats_from", "QAT", False)),
        # assets frozen are a sanction on their owner, released assets a retreat
        ("The EU froze Russian central bank assets.", ("european-union", "sanctions", "RUS", False)),
        ("The EU froze the assets of Russian oligarchs.", ("european-union", "sanctions", "RUS", False)),
        ("Washington released frozen Afghan reserves.", ("USA", "retreats_from", "AFG", False)),
        # rules eased for someone's people
        ("Saudi Arabia relaxed its visa rules for Israeli business travellers.", ("SAU", "retreats_from", "ISR", False)),
    ],
)
def test_doers_goods_traffic_and_assets(extractor: Extractor, text: str, expected: Key) -> None:
    assert expected in found(extractor, text)


ACTORS = {
    "Chile": ActorRef(id="CHL", label="Chile", type="State", country="CHL"),
    "Peruvians": ActorRef(id="PER-CVL", label="Peru (civilians)", type="SocialGroup", country="PER", role="CVL"),
}


def test_the_victim_in_an_of_phrase_is_no_object() -> None:
    matcher = RelationMatcher(spacy.blank("en").vocab)

    def rows(noun: str, lemma: str) -> list[Row]:
        # "Chile condemned the <noun> of Peruvians"
        return [("Chile", "Chile", "PROPN", "nsubj", 1), ("condemned", "condemn", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3), (noun, lemma, "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 3),
                ("Peruvians", "Peruvians", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]

    def keys(noun: str, lemma: str) -> set[Key]:
        doc = hand_doc(matcher, rows(noun, lemma), ACTORS)
        return {(r.subject.id, r.relation, r.object.id, r.negated) for r in hand_records(matcher, doc, ACTORS)}

    assert keys("killing", "killing") == set()  # the killing of Peruvians: they are the victims
    assert keys("policies", "policy") == {("CHL", "accuses", "PER-CVL", False)}  # the policies of Peruvians

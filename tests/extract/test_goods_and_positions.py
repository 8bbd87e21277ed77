"""Goods stopped on their way, operations scaled back, held positions and detached border phrases.

Real-model sentences are written for this file (none is from a gold or benchmark set); the hand-built
parses check the same rules without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

Key = tuple[str, str, str, bool]


def keyed(records: list[RelationRecord]) -> set[Key]:
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # goods or aid stopped on their way to someone is a sanction on the receiver
        ("Canada banned the export of surveillance drones to Turkey.", {("CAN", "sanctions", "TUR", False)}),
        # (deliveries are aid as nouns: halted, that aid is negated)
        ("Spain halted arms deliveries to Israel.",
         {("ESP", "sanctions", "ISR", False), ("ESP", "aids", "ISR", True)}),
        ("Lithuania banned imports from Belarus.", {("LTU", "sanctions", "BLR", False)}),
        # a ban lifted on traffic bound for someone is a retreat from the sanction
        ("Bahrain lifted its ban on flights to Qatar.",
         {("BHR", "retreats_from", "QAT", False), ("BHR", "sanctions", "QAT", True)}),
        # operations scaled back where someone is
        ("Ethiopia scaled back military operations near Eritrea.", {("ETH", "retreats_from", "ERI", False)}),
        # held positions facing someone
        ("Syrian troops withdrew from positions near Turkish observation posts.",
         {("SYR-MIL", "retreats_from", "TUR", False)}),
        # deterrence is a threat
        ("Britain sent two destroyers to the Black Sea to deter Russia.", {("GBR", "threatens", "RUS", False)}),
        # a border's "with" phrase that the parser hangs on the verb still names the other side
        ("The United States drew down its forces in Iraq.", {("USA", "retreats_from", "IRQ", False)}),
        # a veto stops the sanctions of the noun's owner, not of the vetoer
        ("Greece vetoed EU sanctions on Turkey.",
         {("GRC", "rejects", "european-union", False), ("european-union", "sanctions", "TUR", True)}),
        ("Finland deployed extra units along its eastern frontier with Russia.",
         {("FIN", "mobilizes_against", "RUS", False)}),
        # a strike's place hung on the verb names the struck state
        ("Ukrainian drones hit a fuel depot in Russia.", {("UKR-MIL", "attacks", "RUS", False)}),
        # fire from above and arson
        ("Russian rockets rained down on Ukrainian towns.", {("RUS-MIL", "attacks", "UKR", False)}),
        ("Rioters in Tripoli set fire to the Italian consulate.", {("LBY-CVL", "attacks", "ITA", False)}),
        # knowledge shared and lines reopened by coordinated sides
        ("Chile and Peru shared intelligence on smuggling networks.", {("CHL", "cooperates_with", "PER", False)}),
        ("Greece and Turkey reopened a military hotline.", {("GRC", "cooperates_with", "TUR", False)}),
        # ground seized from someone, and armed groups of the gazetteer
        ("Moroccan troops clashed with the Polisario Front.", {("MAR-MIL", "fights_with", "polisario-front", False)}),
        ("Azerbaijan seized the town from Armenian separatists.", {("AZE", "attacks", "ARM-REB", False)}),
        # an agreement ended or suspended is a sanction (and the agreement is negated)
        ("Russia suspended the New START treaty with the United States.",
         {("RUS", "sanctions", "USA", False), ("RUS", "agrees_with", "USA", True)}),
        # "the two leaders" are the two named before
        ("Macron met Scholz in Paris. The two leaders agreed to cooperate on defence.",
         {("emmanuel-macron", "consults_with", "olaf-scholz", False),
          ("emmanuel-macron", "agrees_with", "olaf-scholz", False),
          ("emmanuel-macron", "cooperates_with", "olaf-scholz", False)}),
        # captives swapped
        ("Armenia and Azerbaijan swapped prisoners.", {("ARM", "cooperates_with", "AZE", False)}),
        # a collective noun's "including" / "such as" phrase names the actors
        ("The EU imposed sanctions on several countries such as Belarus and Syria.",
         {("european-union", "sanctions", "BLR", False), ("european-union", "sanctions", "SYR", False)}),
        ("China shipped drones to its partners, including Iran.", {("CHN", "aids", "IRN", False)}),
        # a conflict verb with its own object is not fought between the subjects
        ("Colombia and Ecuador teamed up to fight cocaine cartels.",
         {("COL", "cooperates_with", "ECU", False)}),
    ],
)
def test_goods_positions_and_borders(extractor: Extractor, text: str, expected: set[Key]) -> None:
    assert keyed(extractor.extract(Document(text=text, id="d"))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # aid blocked "from" someone goes to a third party: no sanction on the giver
        "Slovakia blocked aid from Brussels.",
        # positions near a border may be anyone's
        "Israeli jets struck positions near the Lebanese border.",
        # cuts of things that are no goods or traffic
        "The central bank cut interest rates to two percent.",
        # another actor's aid blocked is no sanction by the blocker
        "Slovakia blocked EU aid to Moldova.",
    ],
)
def test_no_relation_from_the_new_rules(extractor: Extractor, text: str) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert not [r for r in records if r.relation in ("sanctions", "attacks", "retreats_from")], records


# -- the same rules on hand-built parses ----------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Poland": "POL", "Belarus": "BLR", "Japan": "JPN", "China": "CHN", "Chad": "TCD",
                       "Sudan": "SDN"}.items()
}


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[Key]:
    doc: Doc = hand_doc(matcher, rows, ACTORS)
    return keyed(hand_records(matcher, doc, ACTORS))


def test_goods_with_the_preposition_on_the_verb(matcher: RelationMatcher) -> None:
    # "Japan banned the export of chips to China"
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("banned", "ban", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("export", "export", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 3),
            ("chips", "chip", "NOUN", "pobj", 4), ("to", "to", "ADP", "prep", 1), ("China", "China", "PROPN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("JPN", "sanctions", "CHN", False)}
    # the same verb on something that is no goods gives nothing: "Japan banned the rally to China"
    other = [("Japan", "Japan", "PROPN", "nsubj", 1), ("banned", "ban", "VERB", "ROOT", 1),
             ("the", "the", "DET", "det", 3), ("rally", "rally", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 1),
             ("China", "China", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, other) == set()


def test_traffic_noun_names_its_destination(matcher: RelationMatcher) -> None:
    # "Chad lifted its ban on flights to Sudan": the ban's "on" phrase ends in traffic bound for Sudan
    rows = [("Chad", "Chad", "PROPN", "nsubj", 1), ("lifted", "lift", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), ("ban", "ban", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
            ("flights", "flight", "NOUN", "pobj", 4), ("to", "to", "ADP", "prep", 5), ("Sudan", "Sudan", "PROPN", "pobj", 6),
            (".", ".", "PUNCT", "punct", 1)]
    assert ("TCD", "retreats_from", "SDN", False) in triples(matcher, rows)


def test_border_phrase_hung_on_the_verb(matcher: RelationMatcher) -> None:
    # "Poland deployed troops along its frontier with Belarus", "with" attached to "deployed"
    rows = [("Poland", "Poland", "PROPN", "nsubj", 1), ("deployed", "deploy", "VERB", "ROOT", 1),
            ("troops", "troop", "NOUN", "dobj", 1), ("along", "along", "ADP", "prep", 1),
            ("its", "its", "PRON", "poss", 5), ("frontier", "frontier", "NOUN", "pobj", 3),
            ("with", "with", "ADP", "prep", 1), ("Belarus", "Belarus", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("POL", "mobilizes_against", "BLR", False)}
    # a "with" phrase away from the border ("... along its frontier on Monday with Belarus") is not taken
    apart = rows[:6] + [("today", "today", "NOUN", "npadvmod", 1)] + [
        ("with", "with", "ADP", "prep", 1), ("Belarus", "Belarus", "PROPN", "pobj", 7), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, apart) == set()

"""Fire near a target, promised hostilities, measures passed, ways closed, hopes voiced, occasions shared.

Real-model sentences are written for this file (none is from a gold or benchmark set); the hand-built
parses check the same rules without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor, parser_text
from extract.records import ActorRef, Document
from extract.relations import RelationMatcher
from tests.extract.handbuilt import AssertedKey, Row, asserted_keys, hand_doc, hand_records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # projectiles fired near a target are an attack on its owner
        ("North Korea fired artillery shells near a South Korean patrol boat.",
         {("PRK", "attacks", "KOR", "asserted")}),
        ("China launched missiles near Taiwan on Thursday.", {("CHN", "attacks", "TWN", "asserted")}),
        # a hostile deed promised is a threat, and the deed itself only intended
        ("North Korea promised retaliatory strikes on South Korea.",
         {("PRK", "attacks", "KOR", "intended"), ("PRK", "threatens", "KOR", "asserted")}),
        ("Iran promised a crushing response to Israel.", {("IRN", "threatens", "ISR", "asserted")}),
        ("Hezbollah pledged revenge against Israel.", {("hezbollah", "threatens", "ISR", "asserted")}),
        # measures passed by a body
        ("The EU adopted new sanctions against Russia.", {("european-union", "sanctions", "RUS", "asserted")}),
        ("The EU adopted a 14th package of sanctions against Russia.",
         {("european-union", "sanctions", "RUS", "asserted")}),
        ("Germany adopted a joint declaration with France.",
         {("DEU", "agrees_with", "FRA", "asserted"), ("DEU", "cooperates_with", "FRA", "asserted")}),
        # an agreement neared is not yet reached
        ("The United States is nearing an agreement with Ukraine on minerals.",
         {("USA", "agrees_with", "UKR", "intended")}),
        # the ways into a state closed
        ("Israeli troops closed the roads leading into Lebanon.", {("ISR-MIL", "coerces", "LBN", "asserted")}),
        ("Azerbaijan blocked the only road to Armenia for months.", {("AZE", "coerces", "ARM", "asserted")}),
        # a hope voiced about what another will do is an appeal to it
        ("Japan expressed hope that China would release the detained citizens.",
         {("JPN", "requests", "CHN", "asserted")}),
        ("China voiced the hope that the United States would lift its sanctions.",
         {("CHN", "requests", "USA", "asserted")}),
        # a trade war is economic pressure each way, not fighting; a war without "trade" stays one
        ("The U.S.-China trade war hurt farmers.",
         {("USA", "sanctions", "CHN", "asserted"), ("CHN", "sanctions", "USA", "asserted")}),
        ("The trade war between Washington and Beijing escalated.",
         {("USA", "sanctions", "CHN", "asserted"), ("CHN", "sanctions", "USA", "asserted")}),
        ("Russia's war against Ukraine entered its fourth year.", {("RUS", "fights_with", "UKR", "asserted")}),
        # ... but economic warfare "against" someone is one way
        ("Washington seeks to escalate economic warfare against Iran.", {("USA", "sanctions", "IRN", "intended")}),
        # harm to an order laid in a report is an accusation of the one said to do it
        ("Antony Blinken told Chinese officials in Alaska that Beijing's actions threatened global stability.",
         {("antony-blinken", "accuses", "CHN", "asserted")}),
        ("France said Russia's moves undermine European security.", {("FRA", "accuses", "RUS", "asserted")}),
        # ... not a harm to an actor, whose own relation the report carries
        ("The EU said Russia threatened Ukraine.", {("RUS", "threatens", "UKR", "reported")}),
        # an occasion marked or a meal shared together is a meeting
        ("Putin celebrated the New Year with Lukashenko in Minsk.",
         {("vladimir-putin", "consults_with", "alexander-lukashenko", "asserted")}),
        ("Biden dined with Saudi Crown Prince Mohammed bin Salman in Jeddah.",
         {("joe-biden", "consults_with", "mohammed-bin-salman", "asserted")}),
    ],
)
def test_threats_measures_and_meetings(extractor: Extractor, text: str, expected: set[AssertedKey]) -> None:
    assert asserted_keys(extractor.extract(Document(text=text, id="d"))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # missiles fired near a border are fired at someone the sentence does not name
        "Russia fired cruise missiles near the Polish border.",
        # hostilities promised to someone are no aid to them
        "Hungary promised raids to the Slovak villages.",
        # a road closed towards a place is no measure against anyone
        "Police closed the road to the airport.",
        # tourists celebrating abroad act for no side
        "Tourists from Germany celebrated the New Year with Austria.",
    ],
)
def test_no_relation_from_these_rules(extractor: Extractor, text: str) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert not [r for r in records if not r.negated], records


def test_underscore_joined_names_are_read_and_evidence_is_kept(extractor: Extractor) -> None:
    # texts prepared for PETRARCH join compound names with underscores
    text = "Talks stalled. North_Korea fired artillery shells at South_Korea."
    records = extractor.extract(Document(text=text, id="d"))
    assert asserted_keys(records) == {("PRK", "attacks", "KOR", "asserted")}
    (record,) = records
    assert record.sentence == "North_Korea fired artillery shells at South_Korea."
    assert text[record.start:record.start + len(record.sentence)] == record.sentence


def test_parser_text_keeps_every_offset() -> None:
    text = "Dol_Amroth, __init__, a_b_c and snake_ end"
    assert parser_text(text) == "Dol Amroth, __init__, a b c and snake_ end"
    assert len(parser_text(text)) == len(text)


# -- the same rules on hand-built parses ----------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Chile": "CHL", "Peru": "PER", "Japan": "JPN", "China": "CHN", "Ghana": "GHA",
                       "Togo": "TGO"}.items()
}


def triples(matcher: RelationMatcher, rows: list[Row], tags: list[str] | None = None) -> set[AssertedKey]:
    doc: Doc = hand_doc(matcher, rows, ACTORS, tags=tags)
    return asserted_keys(hand_records(matcher, doc, ACTORS))


def _fired_near(place: str, lemma: str, *, place_tag: str = "PROPN") -> list[Row]:
    # "Chile fired shells near <place>"
    return [("Chile", "Chile", "PROPN", "nsubj", 1), ("fired", "fire", "VERB", "ROOT", 1),
            ("shells", "shell", "NOUN", "dobj", 1), ("near", "near", "ADP", "prep", 1),
            (place, lemma, place_tag, "pobj", 3), (".", ".", "PUNCT", "punct", 1)]


def test_fire_near_a_target_but_not_near_a_border(matcher: RelationMatcher) -> None:
    assert triples(matcher, _fired_near("Peru", "Peru")) == {("CHL", "attacks", "PER", "asserted")}
    # "Chile fired shells near the Peruvian border": where, not at whom
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("fired", "fire", "VERB", "ROOT", 1),
            ("shells", "shell", "NOUN", "dobj", 1), ("near", "near", "ADP", "prep", 1),
            ("the", "the", "DET", "det", 6), ("Peru", "Peru", "PROPN", "compound", 6),
            ("border", "border", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()


def test_promised_strikes_are_a_threat(matcher: RelationMatcher) -> None:
    # "Ghana promised strikes on Togo"
    rows = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("promised", "promise", "VERB", "ROOT", 1),
            ("strikes", "strike", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 2),
            ("Togo", "Togo", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("GHA", "attacks", "TGO", "intended"), ("GHA", "threatens", "TGO", "asserted")}
    # "Ghana promised raids to Togo": a hostile deed promised is no aid
    raids = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("promised", "promise", "VERB", "ROOT", 1),
             ("raids", "raid", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 2),
             ("Togo", "Togo", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert not {k for k in triples(matcher, raids) if k[1] == "aids"}


def test_nearing_a_deal_is_intended(matcher: RelationMatcher) -> None:
    # "Japan is nearing a deal with China" against "Japan signed a deal with China"
    def rows(verb: str, lemma: str) -> list[Row]:
        return [("Japan", "Japan", "PROPN", "nsubj", 1), (verb, lemma, "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 3), ("deal", "deal", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 3),
                ("China", "China", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("nearing", "near")) == {("JPN", "agrees_with", "CHN", "intended")}
    assert triples(matcher, rows("signed", "sign")) == {("JPN", "agrees_with", "CHN", "asserted")}


def test_roads_leading_into_a_state(matcher: RelationMatcher) -> None:
    # "Ghana closed the roads leading into Togo"
    rows = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("closed", "close", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("roads", "road", "NOUN", "dobj", 1),
            ("leading", "lead", "VERB", "acl", 3), ("into", "into", "ADP", "prep", 4),
            ("Togo", "Togo", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("GHA", "coerces", "TGO", "asserted")}
    # "off" read as a preposition: "Ghana cordoned off the roads into Togo"
    off = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("cordoned", "cordone", "VERB", "ROOT", 1),
           ("off", "off", "ADP", "prep", 1), ("the", "the", "DET", "det", 4), ("roads", "road", "NOUN", "pobj", 2),
           ("into", "into", "ADP", "prep", 4), ("Togo", "Togo", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, off) == {("GHA", "coerces", "TGO", "asserted")}


def test_hope_voiced_about_another(matcher: RelationMatcher) -> None:
    # "Japan expressed hope that China would withdraw"
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("expressed", "express", "VERB", "ROOT", 1),
            ("hope", "hope", "NOUN", "dobj", 1), ("that", "that", "SCONJ", "mark", 6),
            ("China", "China", "PROPN", "nsubj", 6), ("would", "would", "AUX", "aux", 6),
            ("withdraw", "withdraw", "VERB", "acl", 2), (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "NN", "IN", "NNP", "MD", "VB", "."]
    assert triples(matcher, rows, tags) == {("JPN", "requests", "CHN", "asserted")}
    # a past deed hoped for is no appeal: "... hope that China had withdrawn"
    past = tags[:6] + ["VBN", "."]
    assert triples(matcher, rows, past) == set()


def test_trade_war_is_sanctions_each_way(matcher: RelationMatcher) -> None:
    # "Chile and Peru waged a trade war" against "Chile and Peru waged a war"
    def rows(*modifier: Row) -> list[Row]:
        n = len(modifier)
        return [("Chile", "Chile", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0), ("Peru", "Peru", "PROPN", "conj", 0),
                ("waged", "wage", "VERB", "ROOT", 3), ("a", "a", "DET", "det", 5 + n),
                *modifier, ("war", "war", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]

    assert triples(matcher, rows(("trade", "trade", "NOUN", "compound", 6))) == {
        ("CHL", "sanctions", "PER", "asserted"), ("PER", "sanctions", "CHL", "asserted")}
    assert triples(matcher, rows()) == {("CHL", "fights_with", "PER", "asserted")}


def test_harm_said_of_an_owner(matcher: RelationMatcher) -> None:
    # "Japan said China's moves undermine peace"
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("China", "China", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2), ("moves", "move", "NOUN", "nsubj", 5),
            ("undermine", "undermine", "VERB", "ccomp", 1), ("peace", "peace", "NOUN", "dobj", 5),
            (".", ".", "PUNCT", "punct", 1)]
    assert ("JPN", "accuses", "CHN", "asserted") in triples(matcher, rows)
    # a harm to something that is no order ("... undermine the factory") is no accusation
    other = rows[:6] + [("factory", "factory", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert ("JPN", "accuses", "CHN", "asserted") not in triples(matcher, other)

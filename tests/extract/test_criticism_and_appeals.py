"""Verbal conflict and appeals in the words of wire news: criticism and blame (ACCUSE), rejection
(REJECT) and requests (REQUEST).

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
from tests.extract.handbuilt import AssertedKey, Row, asserted_keys, hand_doc, hand_records


def negated(records: list[RelationRecord]) -> set[tuple[str, str, str]]:
    return {(r.subject.id, r.relation, r.object.id) for r in records if r.negated}


# -- the real pipeline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # criticism and blame
        ("Russia took aim at NATO in a statement on Tuesday.", {("RUS", "accuses", "nato", "asserted")}),
        ("Israel pointed the finger at Iran after the attack.", {("ISR", "accuses", "IRN", "asserted")}),
        ("Kyiv held Moscow responsible for the strike.", {("UKR", "accuses", "RUS", "asserted")}),
        ("Washington will hold Tehran accountable.", {("USA", "accuses", "IRN", "intended")}),
        ("The Philippines assailed China's actions in the South China Sea.", {("PHL", "accuses", "CHN", "asserted")}),
        ("Britain faces criticism from France over the migrant deal.", {("FRA", "accuses", "GBR", "asserted")}),
        ("Vietnam has been critical of China's actions.", {("VNM", "accuses", "CHN", "asserted")}),
        ("Beijing described the U.S. sanctions as a provocation.", {("CHN", "accuses", "USA", "asserted")}),
        ("China called Japan's decision a mistake.", {("CHN", "accuses", "JPN", "asserted")}),
        ("Ukraine blamed the attack on Russia.", {("UKR", "accuses", "RUS", "asserted")}),
        ("Seoul laid the blame on Pyongyang.", {("KOR", "accuses", "PRK", "asserted")}),
        # a wrong laid at someone's door in a report
        ("Moscow said Kyiv violated the truce overnight.", {("RUS", "accuses", "UKR", "asserted")}),
        ("Turkey said Sweden was harbouring Kurdish militants.", {("TUR", "accuses", "SWE", "asserted")}),
        ("The United States said Iran is “flagrantly” defying the U.N. Security Council.",
         {("USA", "accuses", "IRN", "asserted"), ("IRN", "opposes", "un-security-council", "reported")}),
        # rejection
        ("Moscow denied Kyiv's accusations that it had shelled the plant.", {("RUS", "rejects", "UKR", "asserted")}),
        ("India denied Pakistan's allegations.", {("IND", "rejects", "PAK", "asserted")}),
        ("China denied the accusations by the United States.", {("CHN", "rejects", "USA", "asserted")}),
        ("Japan declined China's request.", {("JPN", "rejects", "CHN", "asserted")}),
        ("Germany objected to Poland's demand for reparations.", {("DEU", "rejects", "POL", "asserted")}),
        ("China disagreed with India over the border.", {("CHN", "rejects", "IND", "asserted")}),
        ("India and Pakistan disagree over Kashmir.",
         {("IND", "rejects", "PAK", "asserted"), ("PAK", "rejects", "IND", "asserted")}),
        # the owner of the topic is no side
        ("Israel and Jordan are disagreeing over Egypt's plan.",
         {("ISR", "rejects", "JOR", "asserted"), ("JOR", "rejects", "ISR", "asserted")}),
        ("Turkey is reluctant to endorse the U.S. proposal.", {("TUR", "rejects", "USA", "asserted")}),
        ("Germany is unwilling to send tanks to Ukraine.", {("DEU", "rejects", "UKR", "asserted")}),
        ("Serbia declined to join the summit of the European Union.", {("SRB", "rejects", "european-union", "asserted")}),
        ("Kenya has refused to attend a hearing by the United Nations' highest court.",
         {("KEN", "rejects", "international-court-of-justice", "asserted")}),
        # requests and appeals
        ("Germany called for Russia to withdraw its troops.", {("DEU", "requests", "RUS", "asserted")}),
        ("Nigeria is pushing for Ghana to reopen the border.", {("NGA", "requests", "GHA", "asserted")}),
        ("India asked for Nepal to return the land.", {("IND", "requests", "NPL", "asserted")}),
        ("France renewed its call for Israel to halt the offensive.", {("FRA", "requests", "ISR", "asserted")}),
        ("Egypt made an appeal for Hamas to release the hostages.", {("EGY", "requests", "hamas", "asserted")}),
        ("Germany may call for Russia to withdraw its troops.", {("DEU", "requests", "RUS", "hypothetical")}),
        ("Iraq sent a request to Turkey for more water.", {("IRQ", "requests", "TUR", "asserted")}),
        ("Moldova appealed for help from Romania.", {("MDA", "requests", "ROU", "asserted")}),
        ("Kyiv pleaded for more weapons from Washington.", {("UKR", "requests", "USA", "asserted")}),
    ],
)
def test_criticism_rejection_and_appeals(extractor: Extractor, text: str, expected: set[AssertedKey]) -> None:
    assert asserted_keys(extractor.extract(Document(text=text, id="d"))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reported clause's own negation
        ("Russia said Ukraine had not violated the ceasefire.", {("RUS", "accuses", "UKR")}),
        ("Moscow did not hold Kyiv responsible for the attack.", {("RUS", "accuses", "UKR")}),
        ("Vietnam has not been critical of China.", {("VNM", "accuses", "CHN")}),
        ("Germany did not call for Russia to withdraw its troops.", {("DEU", "requests", "RUS")}),
        ("Pakistan did not deny India's accusations.", {("PAK", "rejects", "IND")}),
        ("Israel did not blame the attack on Iran.", {("ISR", "accuses", "IRN")}),
    ],
)
def test_negation_stays_right(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert negated(records) == expected
    assert not asserted_keys(records), records


@pytest.mark.parametrize(
    "text",
    [
        # a call with no one addressed asks no one
        "The U.N. envoy is calling for an end to violence.",
        "The plan calls for Israel to withdraw from Gaza.",
        # a possible or wished wrong is a warning, not blame
        "Iran said Israel would be responsible for any escalation.",
        "China said the United States should not interfere in Taiwan.",
        # a departure asked for names no one asked: the place left is no addressee
        "Iran called for the withdrawal of U.S. troops from Iraq.",
        # aim taken by forces may be fire
        "Russian troops took aim at Ukrainian soldiers.",
        # a good wished for someone is backing, not a request to it
        "Germany pushed for Ukraine to join NATO.",
        "France renewed its call for Ukraine to join the European Union.",
        # someone else's call, rejected
        "Germany rejected calls for Ukraine to cede territory.",
        # "critical to" is importance, not criticism; a verdict on no one's deed names no one
        "Ukraine is critical to Europe's security.",
        "Seoul called the launch a provocation.",
        # a base-form verb the parser hangs on another clause's verb does not take its subject
        "Many islanders argue Mauritius has never had a rightful claim to the islands and object to "
        "Britain's proposed deal.",
    ],
)
def test_no_relation_from_these_rules(extractor: Extractor, text: str) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert not [r for r in records if not r.negated and r.plover in ("ACCUSE", "REJECT", "REQUEST")], records


def test_a_request_sent_is_no_aid(extractor: Extractor) -> None:
    records = extractor.extract(Document(text="Iraq sent a request to Turkey for more water.", id="d"))
    assert not [r for r in records if r.relation == "aids"], records


# -- the same rules on hand-built parses ----------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Chile": "CHL", "Peru": "PER", "Ghana": "GHA", "Togo": "TGO"}.items()
}


def records_of(matcher: RelationMatcher, rows: list[Row], tags: list[str] | None = None) -> list[RelationRecord]:
    doc: Doc = hand_doc(matcher, rows, ACTORS, tags=tags)
    return hand_records(matcher, doc, ACTORS)


def triples(matcher: RelationMatcher, rows: list[Row], tags: list[str] | None = None) -> set[AssertedKey]:
    return asserted_keys(records_of(matcher, rows, tags))


def test_called_for_someone_to_act(matcher: RelationMatcher) -> None:
    # "Chile called for Peru to withdraw"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("for", "for", "SCONJ", "mark", 5), ("Peru", "Peru", "PROPN", "nsubj", 5),
            ("to", "to", "PART", "aux", 5), ("withdraw", "withdraw", "VERB", "advcl", 1),
            (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "IN", "NNP", "TO", "VB", "."]
    assert triples(matcher, rows, tags) == {("CHL", "requests", "PER", "asserted")}
    # "Chile called for Peru's withdrawal": no one told to act (the clause has no subject)
    noun = [("Chile", "Chile", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1), ("Peru", "Peru", "PROPN", "poss", 4),
            ("withdrawal", "withdrawal", "NOUN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]
    assert not {k for k in triples(matcher, noun) if k[1] == "requests"}


def test_a_call_for_someone_to_act(matcher: RelationMatcher) -> None:
    # "Chile renewed its call for Peru to withdraw" (the clause hung on the light verb)
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("renewed", "renew", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), ("call", "call", "NOUN", "dobj", 1),
            ("for", "for", "SCONJ", "mark", 7), ("Peru", "Peru", "PROPN", "nsubj", 7),
            ("to", "to", "PART", "aux", 7), ("withdraw", "withdraw", "VERB", "advcl", 1),
            (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "PRP$", "NN", "IN", "NNP", "TO", "VB", "."]
    assert triples(matcher, rows, tags) == {("CHL", "requests", "PER", "asserted")}
    # "Chile rejected calls for Peru to withdraw": someone else's call
    rejected = [("Chile", "Chile", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1),
                ("calls", "call", "NOUN", "dobj", 1), ("for", "for", "SCONJ", "mark", 6),
                ("Peru", "Peru", "PROPN", "nsubj", 6), ("to", "to", "PART", "aux", 6),
                ("withdraw", "withdraw", "VERB", "acl", 2), (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "NNS", "IN", "NNP", "TO", "VB", "."]
    assert records_of(matcher, rejected, tags) == []


def _said(neg: bool) -> tuple[list[Row], list[str]]:
    # "Chile said Peru (had not) violated the truce"
    rows: list[Row] = [("Chile", "Chile", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                       ("Peru", "Peru", "PROPN", "nsubj", 5 if neg else 3)]
    if neg:
        rows += [("had", "have", "AUX", "aux", 5), ("not", "not", "PART", "neg", 5)]
    n = len(rows)
    rows += [("violated", "violate", "VERB", "ccomp", 1), ("the", "the", "DET", "det", n + 2),
             ("truce", "truce", "NOUN", "dobj", n), (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "NNP"] + (["VBD", "RB"] if neg else []) + ["VBN", "DT", "NN", "."]
    return rows, tags


def test_a_wrong_said_of_someone_accuses_it(matcher: RelationMatcher) -> None:
    rows, tags = _said(False)
    assert triples(matcher, rows, tags) == {("CHL", "accuses", "PER", "asserted")}
    rows, tags = _said(True)
    found = records_of(matcher, rows, tags)
    assert [(r.relation, r.negated) for r in found] == [("accuses", True)]


def test_a_possible_wrong_is_no_accusation(matcher: RelationMatcher) -> None:
    # "Chile said Peru could violate the truce"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("Peru", "Peru", "PROPN", "nsubj", 4), ("could", "could", "AUX", "aux", 4),
            ("violate", "violate", "VERB", "ccomp", 1), ("the", "the", "DET", "det", 6),
            ("truce", "truce", "NOUN", "dobj", 4), (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBD", "NNP", "MD", "VB", "DT", "NN", "."]
    assert records_of(matcher, rows, tags) == []


def test_held_responsible(matcher: RelationMatcher) -> None:
    # "Chile held Peru responsible" (the one held as object, or as the adjective's subject)
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("held", "hold", "VERB", "ROOT", 1),
            ("Peru", "Peru", "PROPN", "dobj", 1), ("responsible", "responsible", "ADJ", "oprd", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("CHL", "accuses", "PER", "asserted")}
    ccomp = [("Chile", "Chile", "PROPN", "nsubj", 1), ("held", "hold", "VERB", "ROOT", 1),
             ("Peru", "Peru", "PROPN", "nsubj", 3), ("accountable", "accountable", "ADJ", "ccomp", 1),
             (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, ccomp) == {("CHL", "accuses", "PER", "asserted")}
    # "Chile held Peru dear" is no blame
    dear = [*rows[:3], ("dear", "dear", "ADJ", "oprd", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, dear) == set()


def test_a_verdict_noun(matcher: RelationMatcher) -> None:
    # "Chile called Peru's move a provocation"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("Peru", "Peru", "PROPN", "poss", 3), ("move", "move", "NOUN", "dobj", 1),
            ("a", "a", "DET", "det", 5), ("provocation", "provocation", "NOUN", "oprd", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("CHL", "accuses", "PER", "asserted")}
    # "Chile called Peru's move a success": no verdict against it
    success = [*rows[:5], ("success", "success", "NOUN", "oprd", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, success) == set()
    # "Chile described Peru's move as blackmail"
    described = [("Chile", "Chile", "PROPN", "nsubj", 1), ("described", "describe", "VERB", "ROOT", 1),
                 ("Peru", "Peru", "PROPN", "poss", 3), ("move", "move", "NOUN", "dobj", 1),
                 ("as", "as", "ADP", "prep", 1), ("blackmail", "blackmail", "NOUN", "pobj", 4),
                 (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, described) == {("CHL", "accuses", "PER", "asserted")}


def test_critical_of(matcher: RelationMatcher) -> None:
    # "Chile was critical of Peru" / "... critical to Peru" (importance, not criticism)
    def rows(prep: str) -> list[Row]:
        return [("Chile", "Chile", "PROPN", "nsubj", 1), ("was", "be", "AUX", "ROOT", 1),
                ("critical", "critical", "ADJ", "acomp", 1), (prep, prep, "ADP", "prep", 2),
                ("Peru", "Peru", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("of")) == {("CHL", "accuses", "PER", "asserted")}
    assert triples(matcher, rows("to")) == set()


def test_a_denial_rejects_the_accuser(matcher: RelationMatcher) -> None:
    # "Chile denied Peru's accusations"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("denied", "deny", "VERB", "ROOT", 1),
            ("Peru", "Peru", "PROPN", "poss", 3), ("accusations", "accusation", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("CHL", "rejects", "PER", "asserted")}


def test_unwillingness_is_a_refusal(matcher: RelationMatcher) -> None:
    # "Chile is unwilling to send aid to Peru": the aid negated, and a rejection
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
            ("unwilling", "unwilling", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
            ("send", "send", "VERB", "xcomp", 2), ("aid", "aid", "NOUN", "dobj", 4),
            ("to", "to", "ADP", "prep", 4), ("Peru", "Peru", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    found = records_of(matcher, rows)
    assert asserted_keys(found) == {("CHL", "rejects", "PER", "asserted")}
    assert negated(found) == {("CHL", "aids", "PER")}


def test_disagreeing_sides(matcher: RelationMatcher) -> None:
    # "Chile and Peru disagree over the border": each rejects the other
    rows = [("Chile", "Chile", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Peru", "Peru", "PROPN", "conj", 0), ("disagree", "disagree", "VERB", "ROOT", 3),
            ("over", "over", "ADP", "prep", 3), ("the", "the", "DET", "det", 6),
            ("border", "border", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, rows) == {("CHL", "rejects", "PER", "asserted"), ("PER", "rejects", "CHL", "asserted")}
    # "Chile and Peru disagree with Ghana": each with Ghana, not with each other
    with_ghana = [*rows[:4], ("with", "with", "ADP", "prep", 3), ("Ghana", "Ghana", "PROPN", "pobj", 4),
                  (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, with_ghana) == {("CHL", "rejects", "GHA", "asserted"),
                                            ("PER", "rejects", "GHA", "asserted")}


def test_a_refused_event_rejects_its_holder(matcher: RelationMatcher) -> None:
    # "Chile refused to attend a hearing by Peru"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("refused", "refuse", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3), ("attend", "attend", "VERB", "xcomp", 1),
            ("a", "a", "DET", "det", 5), ("hearing", "hearing", "NOUN", "dobj", 3),
            ("by", "by", "ADP", "prep", 5), ("Peru", "Peru", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("CHL", "rejects", "PER", "asserted")}


def test_a_base_form_conjunct_keeps_its_own_subject(matcher: RelationMatcher) -> None:
    # "Ghana says Chile has had no claim and object to Peru's deal": "object" hung on "had" by the parser
    rows = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("says", "say", "VERB", "ROOT", 1),
            ("Chile", "Chile", "PROPN", "nsubj", 4), ("has", "have", "AUX", "aux", 4),
            ("had", "have", "VERB", "ccomp", 1), ("no", "no", "DET", "det", 6), ("claim", "claim", "NOUN", "dobj", 4),
            ("and", "and", "CCONJ", "cc", 4), ("object", "object", "VERB", "conj", 4), ("to", "to", "ADP", "prep", 8),
            ("Peru", "Peru", "PROPN", "poss", 12), ("'s", "'s", "PART", "case", 10), ("deal", "deal", "NOUN", "pobj", 9),
            (".", ".", "PUNCT", "punct", 1)]
    tags = ["NNP", "VBZ", "NNP", "VBZ", "VBN", "DT", "NN", "CC", "VB", "IN", "NNP", "POS", "NN", "."]
    assert not {k for k in triples(matcher, rows, tags) if k[1] == "rejects" and k[0] == "CHL"}


def test_asked_for_a_thing_from_someone(matcher: RelationMatcher) -> None:
    # "Chile appealed for help from Peru" / "... for a withdrawal from Peru" (a departure, not a gift)
    def rows(noun: str) -> list[Row]:
        return [("Chile", "Chile", "PROPN", "nsubj", 1), ("appealed", "appeal", "VERB", "ROOT", 1),
                ("for", "for", "ADP", "prep", 1), (noun, noun, "NOUN", "pobj", 2),
                ("from", "from", "ADP", "prep", 3), ("Peru", "Peru", "PROPN", "pobj", 4),
                (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("help")) == {("CHL", "requests", "PER", "asserted")}
    assert not {k for k in triples(matcher, rows("withdrawal")) if k[1] == "requests"}


def test_blame_laid_on_someone(matcher: RelationMatcher) -> None:
    # "Chile blamed the attack on Peru"
    rows = [("Chile", "Chile", "PROPN", "nsubj", 1), ("blamed", "blame", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("attack", "attack", "NOUN", "dobj", 1),
            ("on", "on", "ADP", "prep", 3), ("Peru", "Peru", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert {k for k in triples(matcher, rows) if k[1] == "accuses"} == {("CHL", "accuses", "PER", "asserted")}

"""Constructions added in extraction round 2, with the real model and on hand-built parses.

Each real-model sentence is written for this file (none is from a gold set); the hand-built parses
check the same rules without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records


def keyed(records: list[RelationRecord]) -> set[tuple[str, str, str, bool, str]]:
    return {(r.subject.id, r.relation, r.object.id, r.negated, r.modality) for r in records}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nominalised governing verb, its owner a pronoun resolved to the clause subject
        ("Egypt and Jordan welcomed their restoration of diplomatic relations with Qatar.",
         {("EGY", "cooperates_with", "QAT", False, "asserted"), ("JOR", "cooperates_with", "QAT", False, "asserted")}),
        # ... with both sides named, the welcomer is not a party to the ties: it backs both sides
        ("Germany welcomed the restoration of diplomatic ties between Iran and Saudi Arabia.",
         {("IRN", "cooperates_with", "SAU", False, "asserted"), ("DEU", "supports", "IRN", False, "asserted"),
          ("DEU", "supports", "SAU", False, "asserted")}),
        ("Morocco announced the severing of diplomatic relations with Iran.",
         {("MAR", "sanctions", "IRN", False, "asserted")}),
        # a number of forces moved towards a border
        ("Armenia sent thousands of troops to the Azerbaijani border.",
         {("ARM", "mobilizes_against", "AZE", False, "asserted")}),  # and no aid to a border
        # phrasal verbs with a direct object
        ("Serbia turned down the demands of Kosovo.", {("SRB", "rejects", "XKX", False, "asserted")}),
        ("Syrian air defences shot down an Israeli drone.", {("SYR-MIL", "attacks", "ISR-MIL", False, "asserted")}),
        # a list the parser reads as an apposition
        ("Kuwait, Oman, Bahrain and Qatar condemned Israel.",
         {("KWT", "accuses", "ISR", False, "asserted"), ("OMN", "accuses", "ISR", False, "asserted"),
          ("BHR", "accuses", "ISR", False, "asserted"), ("QAT", "accuses", "ISR", False, "asserted")}),
        # object control: the one warned is the doer, and the deed is not done
        ("Washington warned Ankara against buying weapons from Russia.",
         {("USA", "threatens", "TUR", False, "asserted")}),
        # a passive subject's demonyms stand for it, as an object's do
        ("The Russian-Chinese plan was rejected by Ukraine.",
         {("UKR", "rejects", "RUS", False, "asserted"), ("UKR", "rejects", "CHN", False, "asserted")}),
        # releases are returns (PLOVER RETREAT)
        ("Iran released a detained Swedish diplomat.", {("IRN", "retreats_from", "SWE-GOV", False, "asserted")}),
        # a protest at a state's mission targets the state
        ("Thousands of Armenians protested outside the Turkish embassy.",
         {("ARM-CVL", "protests_against", "TUR-GOV", False, "asserted")}),
        # gestures and idioms
        ("Narendra Modi shook hands with Xi Jinping at the summit.",
         {("narendra-modi", "consults_with", "xi-jinping", False, "asserted")}),
        ("Olaf Scholz spoke by telephone with Volodymyr Zelensky on Monday.",
         {("olaf-scholz", "consults_with", "volodymyr-zelensky", False, "asserted")}),
        # a coordinated act with no object: the subjects pair up
        ("Jordan and Egypt coordinated their response.", {("JOR", "cooperates_with", "EGY", False, "asserted")}),
        # a participle's agent stands for the noun it modifies
        ("Israel was hit by missiles launched by Hezbollah.", {("hezbollah", "attacks", "ISR", False, "asserted")}),
        # forces with a state: weapons platforms are military
        ("Turkish drones struck Kurdish militants in Iraq.", {("TUR-MIL", "attacks", "kurds", False, "asserted")}),
        # a possessive pronoun that cannot be the person in the clause does not fall back to them
        # "its" in "praised X for its help" is X's
        ("Zelensky praised Poland for its help to Ukrainian refugees.",
         {("volodymyr-zelensky", "supports", "POL", False, "asserted"),
          ("POL", "aids", "UKR-REF", False, "asserted")}),
        # reciprocal verbs make a directed noun mutual; threats shared are no cooperation
        ("Armenia and Azerbaijan traded accusations over the shelling.",
         {("ARM", "accuses", "AZE", False, "asserted"), ("AZE", "accuses", "ARM", False, "asserted")}),
        ("Serbia exchanged threats with Kosovo.",
         {("SRB", "threatens", "XKX", False, "asserted"), ("XKX", "threatens", "SRB", False, "asserted")}),
        ("Lawmakers in Kenya praised Uganda.", {("KEN-LEG", "supports", "UGA", False, "asserted")}),
        # a refusal noun negates its infinitive
        ("Greece criticised Turkey's refusal to talk with Cyprus.",
         {("GRC", "accuses", "TUR", False, "asserted"), ("TUR", "consults_with", "CYP", True, "asserted")}),
    ],
)
def test_new_constructions(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


def test_a_leader_is_no_party_against_his_own_government(extractor: Extractor) -> None:
    records = extractor.extract(Document(
        id="d", text="The Turkish and French leaders exchanged angry barbs, with Erdogan calling Macron names."))
    pairs = {(r.subject.id, r.object.id) for r in records if r.relation == "accuses"}
    assert {("TUR-GOV", "FRA-GOV"), ("FRA-GOV", "TUR-GOV")} <= pairs
    assert not pairs & {("TUR-GOV", "recep-tayyip-erdogan"), ("recep-tayyip-erdogan", "TUR-GOV")}


# -- the same rules on hand-built parses ----------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Turkey": "TUR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "Egypt": "EGY",
                       "Qatar": "QAT", "Jordan": "JOR"}.items()
}


def parse(matcher: RelationMatcher, rows: list[Row]) -> Doc:
    """A Doc from rows of (word, lemma, pos, dep, head index); every known state name is a mention."""
    return hand_doc(matcher, rows, ACTORS)


def triples(doc: Doc, matcher: RelationMatcher) -> set[tuple[str, str, str, bool, str]]:
    return keyed(hand_records(matcher, doc, ACTORS))


def test_nominalised_governor_takes_its_owner(matcher: RelationMatcher) -> None:
    # "Turkey announced its resumption of ties with Russia" and "... between Iran and Egypt"
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), ("resumption", "resumption", "NOUN", "dobj", 1),
            ("of", "of", "ADP", "prep", 3), ("ties", "tie", "NOUN", "pobj", 4), ("with", "with", "ADP", "prep", 5),
            ("Russia", "Russia", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(parse(matcher, rows), matcher) == {("TUR", "cooperates_with", "RUS", False, "asserted")}
    between = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
               ("the", "the", "DET", "det", 3), ("resumption", "resumption", "NOUN", "dobj", 1),
               ("of", "of", "ADP", "prep", 3), ("ties", "tie", "NOUN", "pobj", 4),
               ("between", "between", "ADP", "prep", 5), ("Iran", "Iran", "PROPN", "pobj", 6),
               ("and", "and", "CCONJ", "cc", 7), ("Egypt", "Egypt", "PROPN", "conj", 7), (".", ".", "PUNCT", "punct", 1)]
    # the welcomer is no party to the ties, but backs both sides
    assert triples(parse(matcher, between), matcher) == {
        ("IRN", "cooperates_with", "EGY", False, "asserted"), ("TUR", "supports", "IRN", False, "asserted"),
        ("TUR", "supports", "EGY", False, "asserted")}


def test_a_list_read_as_an_apposition_is_coordination(matcher: RelationMatcher) -> None:
    # "Egypt, Jordan and Qatar condemned Turkey" with Jordan as the apposition of Egypt
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 5), (",", ",", "PUNCT", "punct", 0),
            ("Jordan", "Jordan", "PROPN", "appos", 0), ("and", "and", "CCONJ", "cc", 2),
            ("Qatar", "Qatar", "PROPN", "conj", 2), ("condemned", "condemn", "VERB", "ROOT", 5),
            ("Turkey", "Turkey", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5)]
    assert triples(parse(matcher, rows), matcher) == {
        (s, "accuses", "TUR", False, "asserted") for s in ("EGY", "JOR", "QAT")
    }
    # a true apposition (no conjuncts) adds nobody
    single = [("Egypt", "Egypt", "PROPN", "nsubj", 3), (",", ",", "PUNCT", "punct", 0),
              ("Jordan", "Jordan", "PROPN", "appos", 0), ("condemned", "condemn", "VERB", "ROOT", 3),
              ("Turkey", "Turkey", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]
    assert triples(parse(matcher, single), matcher) == {("EGY", "accuses", "TUR", False, "asserted")}


def test_object_control_and_an_undone_deed(matcher: RelationMatcher) -> None:
    # "Russia warned Iran against attacking Syria": Iran is the would-be attacker; nothing happened
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "dobj", 1), ("against", "against", "ADP", "prep", 1),
            ("attacking", "attack", "VERB", "pcomp", 3), ("Syria", "Syria", "PROPN", "dobj", 4),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(parse(matcher, rows), matcher) == {
        ("RUS", "threatens", "IRN", False, "asserted"),
        ("IRN", "attacks", "SYR", False, "hypothetical"),
    }


def test_numbers_of_forces_and_no_aid_to_a_border(matcher: RelationMatcher) -> None:
    # "Turkey sent thousands of troops to the Syrian border" (the border's state as the rival)
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
            ("thousands", "thousand", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 2),
            ("troops", "troop", "NOUN", "pobj", 3), ("to", "to", "ADP", "dative", 1), ("the", "the", "DET", "det", 8),
            ("Syria", "Syria", "PROPN", "compound", 8), ("border", "border", "NOUN", "pobj", 5),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(parse(matcher, rows), matcher) == {("TUR", "mobilizes_against", "SYR", False, "asserted")}


# -- round 3: constructions found on fresh sentences written for this file -------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces mobilised towards a border: "mobilise" and "gather" take forces as "deploy" does
        ("Iran mobilised troops near the Iraqi border.",
         {("IRN", "mobilizes_against", "IRQ", False, "asserted")}),
        ("Russia gathered warplanes near the Finnish border.",
         {("RUS", "mobilizes_against", "FIN", False, "asserted")}),
        # fighting on the same side is cooperation
        ("The Wagner Group fought alongside Malian troops.",
         {("wagner-group", "cooperates_with", "MLI-MIL", False, "asserted")}),
    ],
)
def test_round3_lexicon(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group a state leads acts for the state, as subject and as object
        ("The Saudi-led coalition struck Houthi rebels.", {("SAU", "attacks", "houthis", False, "asserted")}),
        ("Houthi rebels fired missiles at the Saudi-led coalition.",
         {("houthis", "attacks", "SAU", False, "asserted")}),
        # a sector noun of mediators and spokesmen composes with a coordinated demonym list
        ("Egyptian and Qatari mediators met Hamas leaders in Cairo.",
         {("EGY-GOV", "consults_with", "hamas", False, "asserted"),
          ("QAT-GOV", "consults_with", "hamas", False, "asserted")}),
    ],
)
def test_round3_actors(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops pulled back from a border are a retreat (a border is no aid, but a retreat from one counts)
        ("Moscow pulled back its troops from the Ukrainian border.",
         {("RUS", "retreats_from", "UKR", False, "asserted")}),
        ("Russia withdrew troops from the Lithuanian border.",
         {("RUS", "retreats_from", "LTU", False, "asserted")}),
        # a diplomatic protest made to a state
        ("Beijing protested to Tokyo over the fishing boats.", {("CHN", "protests_against", "JPN", False, "asserted")}),
        # a defeat conceded to someone is a concession
        ("Serbia conceded defeat to Kosovo.", {("SRB", "concedes_to", "XKX", False, "asserted")}),
        # a region is a place, not a party
        ("Armenia pulled its forces out of Nagorno-Karabakh.", set()),
    ],
)
def test_round3_retreat_protest_consult(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces that move themselves to a rival's border mobilise against it; a city is no rival
        ("Russian troops gathered near the Estonian border.",
         {("RUS-MIL", "mobilizes_against", "EST", False, "asserted")}),
        ("Russian troops gathered near Kharkiv.", set()),
        # prisoners of war returned are a release (RETREAT) to their state's military
        ("Russia returned 90 Ukrainian prisoners of war.", {("RUS", "retreats_from", "UKR-MIL", False, "asserted")}),
    ],
)
def test_round3_forces(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


def pairs(records: list[RelationRecord]) -> set[tuple[str, str, str]]:
    return {(r.subject.id, r.relation, r.object.id) for r in records}


def test_who_calls_for_talks_between_two_sides_is_no_party(extractor: Extractor) -> None:
    found = pairs(extractor.extract(Document(id="d", text="Macron called for talks between Russia and Ukraine.")))
    assert found == {("RUS", "consults_with", "UKR")}
    # a journey for talks with someone still makes the traveller a party
    found = pairs(extractor.extract(Document(id="d", text="Erdogan travelled to Sochi for talks with Putin.")))
    assert found == {("recep-tayyip-erdogan", "consults_with", "vladimir-putin")}


@pytest.mark.parametrize(
    "text",
    ["Nigerian soldiers rescued schoolgirls kidnapped by Boko Haram.",
     "Iraqi troops freed hostages seized by Islamic State fighters."],
)
def test_a_victim_is_not_its_captor(extractor: Extractor, text: str) -> None:
    # "schoolgirls kidnapped by Boko Haram" are not Boko Haram: no help to, or release by, the captors
    found = pairs(extractor.extract(Document(id="d", text=text)))
    assert not {o for _, _, o in found} & {"boko-haram", "islamic-state"}


def test_positions_held_by_a_group_are_the_group(extractor: Extractor) -> None:
    text = "Russian warplanes bombed positions held by the Free Syrian Army near Idlib."
    assert pairs(extractor.extract(Document(id="d", text=text))) == {("RUS-MIL", "attacks", "free-syrian-army")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two leaders who discuss a topic consult each other; a state discussed is no party
        ("Putin and Xi discussed the war by phone.", {("vladimir-putin", "consults_with", "xi-jinping")}),
        ("Putin and Xi discussed Ukraine by phone.", set()),
        # coordinated demonyms with plural office titles
        ("Saudi and Iranian foreign ministers met in Beijing.", {("SAU-GOV", "consults_with", "IRN-GOV")}),
    ],
)
def test_round3_consult(extractor: Extractor, text: str, expected: set) -> None:
    assert pairs(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed groups of the gazetteer, and a namesake that is not the Lebanese Hezbollah
        ("Lashkar-e-Taiba militants attacked Indian troops.", {("lashkar-e-taiba", "attacks", "IND-MIL")}),
        ("JNIM fighters ambushed a Burkinabe army patrol.", {("jnim", "attacks", "BFA-MIL")}),
        ("The Kataib Hezbollah militia attacked US forces.", {("kataib-hezbollah", "attacks", "USA-MIL")}),
    ],
)
def test_round3_armed_groups(extractor: Extractor, text: str, expected: set) -> None:
    assert pairs(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # light verbs of wire copy: deals are inked, cooperation is vowed
        ("Ankara and Baghdad inked a water-sharing deal.", {("TUR", "agrees_with", "IRQ")}),
        ("Hungary and Serbia vowed closer cooperation.", {("HUN", "cooperates_with", "SRB")}),
        # symmetric verbs with a coordinated subject and no party as object
        ("India and Bangladesh settled their border dispute.", {("IND", "agrees_with", "BGD")}),
        ("Kazakhstan and Uzbekistan teamed up to build a canal.", {("KAZ", "cooperates_with", "UZB")}),
    ],
)
def test_round3_agree_cooperate(extractor: Extractor, text: str, expected: set) -> None:
    assert pairs(extractor.extract(Document(id="d", text=text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest held at a state's mission targets the state; elsewhere it targets no one
        ("Chinese demonstrators staged protests outside the Japanese embassy.",
         {("CHN-CVL", "protests_against", "JPN-GOV")}),
        ("Students held a protest at the university.", set()),
    ],
)
def test_round3_protest_at_a_mission(extractor: Extractor, text: str, expected: set) -> None:
    assert pairs(extractor.extract(Document(id="d", text=text))) == expected

"""Compound actor modifiers (extract/modifiers.py, data/lexicon/modifiers.yaml).

Hyphenated pairs as the parties of a relation noun ("U.S.-Iran talks", "a joint Djibouti-U.S. base")
and backers named in a modifier ("the Iranian-backed Houthis", "Syrian troops backed by Russian
warplanes"). Each rule is checked on a hand-built parse (so it holds whatever the statistical parser
does) and end to end with the real model on sentences written for this file (none is from a gold,
dev or VOA set).
"""

from __future__ import annotations

import pytest
import spacy

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.modifiers import split_abbreviation_hyphens
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

REFS = {
    "Iranian": ActorRef(id="IRN", label="Iran", type="State", country="IRN"),
    "Iran": ActorRef(id="IRN", label="Iran", type="State", country="IRN"),
    "Russia": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
    "Israel": ActorRef(id="ISR", label="Israel", type="State", country="ISR"),
    "Kenya": ActorRef(id="KEN", label="Kenya", type="State", country="KEN"),
    "U.S.": ActorRef(id="USA", label="United States", type="State", country="USA"),
    "Korean": ActorRef(id="KOR", label="South Korea", type="State", country="KOR"),
    "Korea": ActorRef(id="PRK", label="North Korea", type="State", country="PRK"),
    "Saudi": ActorRef(id="SAU", label="Saudi Arabia", type="State", country="SAU"),
    "Houthis": ActorRef(id="houthis", label="Houthis", type="ArmedGroup", role="REB"),
    "troops": ActorRef(id="african-union", label="African Union", type="InternationalOrganization", role="IGO"),
    "soldiers": ActorRef(id="SOM-MIL", label="Somalia (military)", type="StateInstitution", country="SOM",
                         role="MIL"),
    "forces": ActorRef(id="SYR-MIL", label="Syria (military)", type="StateInstitution", country="SYR",
                       role="MIL"),
}

Quad = tuple[str, str, str, bool]


def records(matcher: RelationMatcher, rows: list[Row], *, tags: list[str] | None = None,
            spaces: list[bool] | None = None) -> list[RelationRecord]:
    return hand_records(matcher, hand_doc(matcher, rows, REFS, tags=tags, spaces=spaces), REFS)


def quads(found: list[RelationRecord]) -> set[Quad]:
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in found}


# "the Iranian-backed Houthis attacked Israel", written without spaces around the hyphen
BACKED_ROWS: list[Row] = [
    ("the", "the", "DET", "det", 4), ("Iranian", "Iranian", "PROPN", "npadvmod", 3),
    ("-", "-", "PUNCT", "punct", 3), ("backed", "back", "VERB", "amod", 4),
    ("Houthis", "Houthis", "PROPN", "nsubj", 5), ("attacked", "attack", "VERB", "ROOT", 5),
    ("Israel", "Israel", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5),
]
BACKED_TAGS = ["DT", "NNP", "HYPH", "VBN", "NNPS", "VBD", "NNP", "."]
BACKED_SPACES = [True, False, False, True, True, True, False, False]


# -- the tokenizer ------------------------------------------------------------------------------


def test_a_hyphen_after_an_abbreviation_is_split() -> None:
    nlp = spacy.blank("en")
    split_abbreviation_hyphens(nlp)
    split_abbreviation_hyphens(nlp)  # twice adds the rule once
    assert [t.text for t in nlp("U.S.-Iran talks")] == ["U.S.", "-", "Iran", "talks"]
    assert [t.text for t in nlp("a joint U.S.-U.K. base")] == ["a", "joint", "U.S.", "-", "U.K.", "base"]
    assert [t.text for t in nlp("the U.N.-backed government")] == ["the", "U.N.", "-", "backed", "government"]
    assert [t.text for t in nlp("from Jan.-March")] == ["from", "Jan.-March"]  # a month range stays whole
    assert [t.text for t in nlp("China-Russia ties")] == ["China", "-", "Russia", "ties"]  # spaCy's own rule


# -- hand-built parses: backers in a hyphenated modifier ------------------------------------------


def test_a_hyphenated_backer_supports_the_noun_it_modifies(matcher: RelationMatcher) -> None:
    found = records(matcher, BACKED_ROWS, tags=BACKED_TAGS, spaces=BACKED_SPACES)
    assert quads(found) == {("IRN", "supports", "houthis", False), ("houthis", "attacks", "ISR", False)}
    backing = next(r for r in found if r.relation == "supports")
    assert backing.modality == "asserted" and backing.trigger == "-backed"
    attack = next(r for r in found if r.relation == "attacks")
    assert backing.confidence < attack.confidence  # a modifier is weaker evidence than a verb


def test_a_dash_between_phrases_is_no_hyphenated_backer(matcher: RelationMatcher) -> None:
    # "Iranian - backed ..." written with spaces is no compound modifier
    assert ("IRN", "supports", "houthis", False) not in quads(
        records(matcher, BACKED_ROWS, tags=BACKED_TAGS))


def test_the_clause_negation_does_not_pass_to_the_backing(matcher: RelationMatcher) -> None:
    # "the Iranian-backed Houthis did not attack Israel": they are still Iranian-backed
    rows: list[Row] = [*BACKED_ROWS[:5], ("did", "do", "AUX", "aux", 7), ("not", "not", "PART", "neg", 7),
                       ("attack", "attack", "VERB", "ROOT", 7), ("Israel", "Israel", "PROPN", "dobj", 7),
                       (".", ".", "PUNCT", "punct", 7)]
    found = quads(records(matcher, rows, tags=[*BACKED_TAGS[:5], "VBD", "RB", "VB", "NNP", "."],
                          spaces=[*BACKED_SPACES[:5], True, True, True, False, False]))
    assert found == {("IRN", "supports", "houthis", False), ("houthis", "attacks", "ISR", True)}


def test_a_report_passes_to_the_backing(matcher: RelationMatcher) -> None:
    # "Israel said the Iranian-backed Houthis attacked": the backing is Israel's word too
    rows: list[Row] = [("Israel", "Israel", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
                       *[(w, lemma, pos, dep, head + 2) for w, lemma, pos, dep, head in BACKED_ROWS[:6]],
                       (".", ".", "PUNCT", "punct", 1)]
    rows[7] = ("attacked", "attack", "VERB", "ccomp", 1)
    found = records(matcher, rows, tags=["NNP", "VBD", *BACKED_TAGS[:6], "."],
                    spaces=[True, True, *BACKED_SPACES[:5], False, False])
    backing = next(r for r in found if r.relation == "supports")
    assert (backing.subject.id, backing.object.id, backing.modality) == ("IRN", "houthis", "reported")
    assert backing.speaker is not None and backing.speaker.id == "ISR"


def test_a_led_group_is_no_relation(matcher: RelationMatcher) -> None:
    # "Saudi-led Houthis" (made up to isolate the participle): PLOVER has no "lead"
    rows: list[Row] = [("Saudi", "Saudi", "PROPN", "npadvmod", 2), ("-", "-", "PUNCT", "punct", 2),
                       ("led", "lead", "VERB", "amod", 3), ("Houthis", "Houthis", "PROPN", "ROOT", 3)]
    assert records(matcher, rows, tags=["NNP", "HYPH", "VBN", "NNPS"], spaces=[False, False, True, False]) == []


def test_the_leader_of_an_event_does_it(matcher: RelationMatcher) -> None:
    # "the Saudi-led offensive against the Houthis": Saudi Arabia attacks the Houthis
    rows: list[Row] = [("the", "the", "DET", "det", 4), ("Saudi", "Saudi", "PROPN", "npadvmod", 3),
                       ("-", "-", "PUNCT", "punct", 3), ("led", "lead", "VERB", "amod", 4),
                       ("offensive", "offensive", "NOUN", "ROOT", 4), ("against", "against", "ADP", "prep", 4),
                       ("Houthis", "Houthis", "PROPN", "pobj", 5)]
    spaces = [True, False, False, True, True, True, False]
    assert quads(records(matcher, rows, spaces=spaces)) == {("SAU", "attacks", "houthis", False)}


# -- hand-built parses: participles with an agent ---------------------------------------------------


def test_a_military_backer_aids(matcher: RelationMatcher) -> None:
    # "soldiers backed by troops stormed the hotel": fighting beside someone is military aid
    rows: list[Row] = [("soldiers", "soldier", "NOUN", "nsubj", 4), ("backed", "back", "VERB", "acl", 0),
                       ("by", "by", "ADP", "agent", 1), ("troops", "troop", "NOUN", "pobj", 2),
                       ("stormed", "storm", "VERB", "ROOT", 4), ("hotel", "hotel", "NOUN", "dobj", 4)]
    found = records(matcher, rows, tags=["NNS", "VBN", "IN", "NNS", "VBD", "NN"])
    assert quads(found) == {("african-union", "aids", "SOM-MIL", False)}
    assert found[0].trigger == "backed by"


def test_a_state_backer_supports_and_an_arming_one_aids(matcher: RelationMatcher) -> None:
    for verb, lemma, relation in (("backed", "back", "supports"), ("armed", "arm", "aids")):
        rows: list[Row] = [("Houthis", "Houthis", "PROPN", "nsubj", 4), (verb, lemma, "VERB", "acl", 0),
                           ("by", "by", "ADP", "agent", 1), ("Iran", "Iran", "PROPN", "pobj", 2),
                           ("attacked", "attack", "VERB", "ROOT", 4), ("Israel", "Israel", "PROPN", "dobj", 4)]
        found = quads(records(matcher, rows, tags=["NNPS", "VBN", "IN", "NNP", "VBD", "NNP"]))
        assert found == {("IRN", relation, "houthis", False), ("houthis", "attacks", "ISR", False)}


def test_a_participle_opening_the_clause_backs_its_subject(matcher: RelationMatcher) -> None:
    # "Backed by Russia, forces retook Aleppo"
    rows: list[Row] = [("Backed", "back", "VERB", "advcl", 5), ("by", "by", "ADP", "agent", 0),
                       ("Russia", "Russia", "PROPN", "pobj", 1), (",", ",", "PUNCT", "punct", 5),
                       ("forces", "force", "NOUN", "nsubj", 5), ("retook", "retake", "VERB", "ROOT", 5),
                       ("Aleppo", "Aleppo", "PROPN", "dobj", 5)]
    found = quads(records(matcher, rows, tags=["VBN", "IN", "NNP", ",", "NNS", "VBD", "NNP"]))
    assert ("RUS", "supports", "SYR-MIL", False) in found


def test_a_backer_of_no_actor_gives_nothing(matcher: RelationMatcher) -> None:
    # "separatists backed by Russia": the separatists are no actor here
    rows: list[Row] = [("separatists", "separatist", "NOUN", "ROOT", 0), ("backed", "back", "VERB", "acl", 0),
                       ("by", "by", "ADP", "agent", 1), ("Russia", "Russia", "PROPN", "pobj", 2)]
    assert records(matcher, rows, tags=["NNS", "VBN", "IN", "NNP"]) == []


def test_a_passive_relative_clause_acts_on_its_noun(matcher: RelationMatcher) -> None:
    # "the Houthis, who are backed by Iran, attacked Israel": "who" is the Houthis
    rows: list[Row] = [("the", "the", "DET", "det", 1), ("Houthis", "Houthis", "PROPN", "nsubj", 9),
                       (",", ",", "PUNCT", "punct", 1), ("who", "who", "PRON", "nsubjpass", 5),
                       ("are", "be", "AUX", "auxpass", 5), ("backed", "back", "VERB", "relcl", 1),
                       ("by", "by", "ADP", "agent", 5), ("Iran", "Iran", "PROPN", "pobj", 6),
                       (",", ",", "PUNCT", "punct", 1), ("attacked", "attack", "VERB", "ROOT", 9),
                       ("Israel", "Israel", "PROPN", "dobj", 9)]
    found = quads(records(matcher, rows, tags=["DT", "NNPS", ",", "WP", "VBP", "VBN", "IN", "NNP", ",", "VBD", "NNP"]))
    assert found == {("IRN", "supports", "houthis", False), ("houthis", "attacks", "ISR", False)}


# -- hand-built parses: hyphenated pairs ------------------------------------------------------------


def test_a_pair_hung_by_nmod_names_both_parties(matcher: RelationMatcher) -> None:
    # "a joint Kenya-U.S. base": the parser hangs "Kenya" on "U.S." as nmod
    rows: list[Row] = [("a", "a", "DET", "det", 5), ("joint", "joint", "ADJ", "amod", 5),
                       ("Kenya", "Kenya", "PROPN", "nmod", 4), ("-", "-", "PUNCT", "punct", 4),
                       ("U.S.", "U.S.", "PROPN", "nmod", 5), ("base", "base", "NOUN", "ROOT", 5)]
    assert quads(records(matcher, rows)) == {("KEN", "cooperates_with", "USA", False)}


def test_a_pair_in_a_circumstance_phrase_takes_no_third_party(matcher: RelationMatcher) -> None:
    # "Korea threatened to respond to U.S.-Korean drills": the drills are the pair's, presupposed
    rows: list[Row] = [("Korea", "Korea", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
                       ("to", "to", "PART", "aux", 3), ("respond", "respond", "VERB", "xcomp", 1),
                       ("to", "to", "ADP", "prep", 3), ("U.S.", "U.S.", "PROPN", "npadvmod", 7),
                       ("-", "-", "PUNCT", "punct", 7), ("Korean", "korean", "ADJ", "amod", 8),
                       ("drills", "drill", "NOUN", "pobj", 4)]
    found = records(matcher, rows, tags=["NNP", "VBD", "TO", "VB", "IN", "NNP", "HYPH", "JJ", "NNS"])
    assert quads(found) == {("USA", "cooperates_with", "KOR", False)}
    assert found[0].modality == "asserted"


# -- the real model ------------------------------------------------------------------------------


def found(extractor: Extractor, text: str) -> set[Quad]:
    return quads(extractor.extract(Document(id="t", text=text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.-Iran talks in Oman resumed on Saturday.", ("USA", "consults_with", "IRN", False)),
        ("The China-Pakistan alliance worries India.", ("CHN", "cooperates_with", "PAK", False)),
        ("A joint U.S.-Philippine naval patrol sailed near Scarborough Shoal.",
         ("USA", "cooperates_with", "PHL", False)),
        ("Officials toured a joint Djibouti-U.S. military base.", ("DJI-MIL", "cooperates_with", "USA-MIL", False)),
        ("The U.S.-Taliban deal was signed in Doha.", ("USA", "agrees_with", "taliban", False)),
        ("The Iranian-backed Houthi movement fired a missile at Israel.", ("IRN", "supports", "houthis", False)),
        ("The Iranian-backed Houthi movement fired a missile at Israel.", ("houthis", "attacks", "ISR", False)),
        ("Syrian troops backed by Russian warplanes recaptured Palmyra.", ("RUS-MIL", "aids", "SYR-MIL", False)),
        ("Houthi fighters armed by Iran seized a cargo ship.", ("IRN", "aids", "houthis", False)),
        ("Hezbollah fighters supported by Iran clashed with Israeli troops.", ("IRN", "supports", "hezbollah", False)),
        ("Backed by Turkish drones, Azerbaijani forces advanced in Nagorno-Karabakh.",
         ("TUR-MIL", "aids", "AZE-MIL", False)),
        ("The Russian-allied government of Belarus hosted the exercises.",
         ("RUS", "cooperates_with", "BLR-GOV", False)),
        ("The Iranian-backed Houthis did not attack the tanker.", ("IRN", "supports", "houthis", False)),
        ("Hamas, which is backed by Iran, fired rockets at Israel.", ("IRN", "supports", "hamas", False)),
        ("A U.S.-led air campaign against the Islamic State began in 2014.",
         ("USA", "attacks", "islamic-state", False)),
        ("Russian-led talks with the Taliban ended in Moscow.", ("RUS", "consults_with", "taliban", False)),
        ("Georgia, which was invaded by Russia in 2008, seeks NATO membership.", ("RUS", "attacks", "GEO", False)),
        # combining forms of state names: Anglo-, Italo-, Greco-, Turco-, Luso- (Sino-, Franco-, Russo- too)
        ("Anglo-French talks on the Channel resumed.", ("GBR", "consults_with", "FRA", False)),
        ("Italo-Libyan cooperation on migration deepened.", ("ITA", "cooperates_with", "LBY", False)),
    ],
)
def test_compound_modifiers_end_to_end(extractor: Extractor, text: str, expected: Quad) -> None:
    assert expected in found(extractor, text)


def test_a_pair_of_a_circumstance_phrase_end_to_end(extractor: Extractor) -> None:
    assert found(extractor, "Pakistan threatened to respond to U.S.-Indian naval exercises.") == {
        ("USA", "cooperates_with", "IND", False)}


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Russian separatists shelled Donetsk.",  # a leaning, not a relation
        "Russia-backed separatists shelled Mariupol.",  # the backed are no actor
        "The Beijing-imposed law angered Hong Kong residents.",  # a thing imposed, no actor backed
        "The Indo-Pacific strategy worries China.",  # a region, not two actors
        "Russian-Turkish relations have improved.",  # "relations" alone says nothing of their tone
        "The U.S.-Mexico border remained closed.",  # a border is no relation
    ],
)
def test_modifiers_that_are_no_relation(extractor: Extractor, text: str) -> None:
    assert found(extractor, text) == set()


def test_a_hyphenated_state_name_is_not_a_pair(extractor: Extractor) -> None:
    # "the Turkish-Cypriot leader" is one leader, not Turkey meeting anyone
    assert not any("TUR" in (s, o) for s, _, o, _ in
                   found(extractor, "The Turkish-Cypriot leader met the U.N. envoy."))

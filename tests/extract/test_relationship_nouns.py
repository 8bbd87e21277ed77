"""Relationship and dispute nouns, warnings about someone, agreements broken (issue 3, round 6).

Each rule is checked on a hand-built parse (so it holds whatever the statistical parser does) and end to
end with the real model on sentences written for this file (none is from a gold, dev or VOA set).
"""

from __future__ import annotations

import pytest

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

REFS = {
    "Turkey": ActorRef(id="TUR", label="Turkey", type="State", country="TUR"),
    "Russia": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
    "Syria": ActorRef(id="SYR", label="Syria", type="State", country="SYR"),
    "Russian": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
}


def hand(matcher: RelationMatcher, rows: list[Row]) -> list[RelationRecord]:
    return hand_records(matcher, hand_doc(matcher, rows, REFS), REFS)


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[tuple[str, str, str, bool]]:
    """Records of a Doc built from rows of (word, lemma, pos, dep, head index); known words are mentions."""
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in hand(matcher, rows)}


def _ties(modifier: Row | None = None, verb: tuple[str, str] = ("grew", "grow")) -> list[Row]:
    """ "Turkey's [modifier] ties with Russia <verb>." """
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0)]
    if modifier is not None:
        rows = [rows[0], rows[1], modifier]
        rows[0] = ("Turkey", "Turkey", "PROPN", "poss", 3)
        rows = rows + [("ties", "tie", "NOUN", "nsubj", 6), ("with", "with", "ADP", "prep", 3),
                       ("Russia", "Russia", "PROPN", "pobj", 4), (verb[0], verb[1], "VERB", "ROOT", 6),
                       (".", ".", "PUNCT", "punct", 6)]
        return rows
    return rows + [("ties", "tie", "NOUN", "nsubj", 5), ("with", "with", "ADP", "prep", 2),
                   ("Russia", "Russia", "PROPN", "pobj", 3), (verb[0], verb[1], "VERB", "ROOT", 5),
                   (".", ".", "PUNCT", "punct", 5)]


# -- relationship nouns: hand-built parses ------------------------------------------------------


def test_ties_with_someone_are_cooperation(matcher: RelationMatcher) -> None:
    assert triples(matcher, _ties()) == {("TUR", "cooperates_with", "RUS", False)}


def test_strained_or_souring_ties_are_no_cooperation(matcher: RelationMatcher) -> None:
    strained = ("strained", "strain", "ADJ", "amod", 3)
    assert triples(matcher, _ties(strained)) == set()
    assert triples(matcher, _ties(verb=("soured", "sour"))) == set()


def test_a_tie_in_the_singular_is_a_match_not_ties(matcher: RelationMatcher) -> None:
    rows = _ties()
    rows[2] = ("tie", "tie", "NOUN", "nsubj", 5)
    assert triples(matcher, rows) == set()


def _relations(adjective: str | None) -> list[Row]:
    """ "Turkey has [adjective] relations with Russia." """
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("has", "have", "VERB", "ROOT", 1)]
    if adjective is None:
        return rows + [("relations", "relation", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 2),
                       ("Russia", "Russia", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    return rows + [(adjective, adjective, "ADJ", "amod", 3), ("relations", "relation", "NOUN", "dobj", 1),
                   ("with", "with", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
                   (".", ".", "PUNCT", "punct", 1)]


def test_relations_are_cooperation_only_when_friendly(matcher: RelationMatcher) -> None:
    assert triples(matcher, _relations("good")) == {("TUR", "cooperates_with", "RUS", False)}
    assert triples(matcher, _relations("close")) == {("TUR", "cooperates_with", "RUS", False)}
    assert triples(matcher, _relations(None)) == set()  # "relations with" says nothing of their kind
    assert triples(matcher, _relations("tense")) == set()


def test_ties_cut_are_a_sanction_and_no_cooperation(matcher: RelationMatcher) -> None:
    # "Turkey cut its ties with Russia": the governing verb undoes the noun's own cooperation
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("cut", "cut", "VERB", "ROOT", 1),
                       ("its", "its", "PRON", "poss", 3), ("ties", "tie", "NOUN", "dobj", 1),
                       ("with", "with", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    found = triples(matcher, rows)
    assert ("TUR", "sanctions", "RUS", False) in found
    assert ("TUR", "cooperates_with", "RUS", False) not in found


# -- disputes -------------------------------------------------------------------------------------


def test_a_dispute_held_with_someone_is_opposition(matcher: RelationMatcher) -> None:
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("has", "have", "VERB", "ROOT", 1),
                       ("a", "a", "DET", "det", 3), ("dispute", "dispute", "NOUN", "dobj", 1),
                       ("with", "with", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("TUR", "opposes", "RUS", False)}


def test_a_dispute_as_its_clause_subject_is_a_topic(matcher: RelationMatcher) -> None:
    # "Turkey's dispute with Russia centres on two islands": no event
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
                       ("dispute", "dispute", "NOUN", "nsubj", 5), ("with", "with", "ADP", "prep", 2),
                       ("Russia", "Russia", "PROPN", "pobj", 3), ("centres", "centre", "VERB", "ROOT", 5),
                       ("on", "on", "ADP", "prep", 5), ("islands", "island", "NOUN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 5)]
    assert triples(matcher, rows) == set()


def test_the_passive_subject_owns_its_dispute(matcher: RelationMatcher) -> None:
    # "Turkey was criticized over its dispute with Russia": "its" is the passive subject's
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
                       ("criticized", "criticize", "VERB", "ROOT", 2), ("over", "over", "ADP", "prep", 2),
                       ("its", "its", "PRON", "poss", 5), ("dispute", "dispute", "NOUN", "pobj", 3),
                       ("with", "with", "ADP", "prep", 5), ("Russia", "Russia", "PROPN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == {("TUR", "opposes", "RUS", False)}


def test_a_dispute_settled_is_an_agreement(matcher: RelationMatcher) -> None:
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("settled", "settle", "VERB", "ROOT", 1),
                       ("its", "its", "PRON", "poss", 3), ("dispute", "dispute", "NOUN", "dobj", 1),
                       ("with", "with", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    found = triples(matcher, rows)
    assert ("TUR", "agrees_with", "RUS", False) in found
    assert ("TUR", "opposes", "RUS", False) not in found


def test_caught_up_in_a_row(matcher: RelationMatcher) -> None:
    # "Turkey is embroiled in a row with Russia": the one caught up in it is a party
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubjpass", 2), ("is", "be", "AUX", "auxpass", 2),
                       ("embroiled", "embroil", "VERB", "ROOT", 2), ("in", "in", "ADP", "prep", 2),
                       ("a", "a", "DET", "det", 5), ("row", "row", "NOUN", "pobj", 3),
                       ("with", "with", "ADP", "prep", 5), ("Russia", "Russia", "PROPN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == {("TUR", "opposes", "RUS", False)}


# -- warnings -------------------------------------------------------------------------------------


def _warned(prep: str, noun: tuple[str, str], modifier: Row) -> list[Row]:
    """ "Turkey warned <prep> a <modifier> <noun>." """
    return [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1),
            (prep, prep, "ADP", "prep", 1), ("a", "a", "DET", "det", 5), modifier,
            (noun[0], noun[1], "NOUN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]


def test_a_warning_about_someone_accuses_them(matcher: RelationMatcher) -> None:
    russian = ("Russian", "russian", "ADJ", "amod", 5)
    assert triples(matcher, _warned("of", ("threat", "threat"), russian)) == {("TUR", "accuses", "RUS", False)}
    assert triples(matcher, _warned("about", ("build-up", "build-up"), russian)) == {("TUR", "accuses", "RUS", False)}
    # only a menace names the one warned of: "warned of a Russian winter" accuses no one
    assert triples(matcher, _warned("of", ("winter", "winter"), russian)) == set()


def test_warning_ones_own_people_about_someone_threatens_no_one(matcher: RelationMatcher) -> None:
    # "Turkey warned Russian citizens about Syria": told of a danger, not threatened
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1),
                       ("Russian", "russian", "ADJ", "amod", 3), ("citizens", "citizen", "NOUN", "dobj", 1),
                       ("about", "about", "ADP", "prep", 1), ("Syria", "Syria", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("TUR", "accuses", "SYR", False)}


# -- agreements broken, agreements approached ----------------------------------------------------


def _broke(verb: tuple[str, str], noun: tuple[str, str]) -> list[Row]:
    """ "Turkey <verb> its <noun> with Russia." """
    return [("Turkey", "Turkey", "PROPN", "nsubj", 1), (verb[0], verb[1], "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), (noun[0], noun[1], "NOUN", "dobj", 1),
            ("with", "with", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1)]


def test_a_treaty_broken_is_a_sanction_not_an_agreement(matcher: RelationMatcher) -> None:
    found = triples(matcher, _broke(("violated", "violate"), ("treaty", "treaty")))
    assert ("TUR", "sanctions", "RUS", False) in found
    assert ("TUR", "agrees_with", "RUS", False) not in found


def test_a_truce_broken_is_force(matcher: RelationMatcher) -> None:
    found = triples(matcher, _broke(("broke", "break"), ("truce", "truce")))
    assert ("TUR", "attacks", "RUS", False) in found
    assert ("TUR", "agrees_with", "RUS", False) not in found


def test_an_embargo_violated_still_stands(matcher: RelationMatcher) -> None:
    # "Syria violated the embargo on Russia": violating a sanction does not lift it
    rows: list[Row] = [("Syria", "Syria", "PROPN", "nsubj", 1), ("violated", "violate", "VERB", "ROOT", 1),
                       ("the", "the", "DET", "det", 3), ("embargo", "embargo", "NOUN", "dobj", 1),
                       ("on", "on", "ADP", "prep", 3), ("Russia", "Russia", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    assert not any(negated for *_, negated in triples(matcher, rows))


def test_closer_to_an_accord_is_intended(matcher: RelationMatcher) -> None:
    # "Turkey moved closer to an accord with Russia"
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("moved", "move", "VERB", "ROOT", 1),
                       ("closer", "close", "ADV", "advmod", 1), ("to", "to", "ADP", "prep", 2),
                       ("an", "an", "DET", "det", 5), ("accord", "accord", "NOUN", "pobj", 3),
                       ("with", "with", "ADP", "prep", 5), ("Russia", "Russia", "PROPN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 1)]
    records = hand(matcher, rows)
    assert {(r.subject.id, r.relation, r.object.id, r.modality) for r in records} == {
        ("TUR", "agrees_with", "RUS", "intended")}


# -- the real model, on sentences of our own ----------------------------------------------------


def found(extractor: Extractor, text: str) -> set[tuple[str, str, str, bool]]:
    records: list[RelationRecord] = extractor.extract(Document(id="t", text=text))
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing defended its close ties with Moscow.", ("CHN", "cooperates_with", "RUS", False)),
        ("Russia's ties with Serbia remain strong.", ("RUS", "cooperates_with", "SRB", False)),
        ("Greece has good relations with Egypt.", ("GRC", "cooperates_with", "EGY", False)),
        ("Putin reasserted Russia's friendship with China.", ("RUS", "cooperates_with", "CHN", False)),
        ("Morocco cut ties with Iran.", ("MAR", "sanctions", "IRN", False)),
        ("Kenya has a long-running maritime dispute with Somalia.", ("KEN", "opposes", "SOM", False)),
        ("The Philippines was criticized over its territorial dispute with China.", ("PHL", "opposes", "CHN", False)),
        ("Canada is embroiled in a diplomatic row with India.", ("CAN", "opposes", "IND", False)),
        ("Pakistan settled its border dispute with India.", ("PAK", "agrees_with", "IND", False)),
        ("Poland warned about Russia's intentions.", ("POL", "accuses", "RUS", False)),
        ("NATO warned of a Russian threat to the Baltic states.", ("nato", "accuses", "RUS", False)),
        ("Lithuania warned its citizens about Belarus.", ("LTU", "accuses", "BLR", False)),
        ("Russia violated its treaty with the United States.", ("RUS", "sanctions", "USA", False)),
        ("Russia violated the ceasefire with Ukraine.", ("RUS", "attacks", "UKR", False)),
        ("Iran moved closer to an accord with the United States.", ("IRN", "agrees_with", "USA", False)),
        ("VOA asked about China's aggression in the region and its ties with Russia.",
         ("CHN", "cooperates_with", "RUS", False)),
    ],
)
def test_relationship_nouns_on_real_sentences(extractor: Extractor, text: str,
                                              expected: tuple[str, str, str, bool]) -> None:
    assert expected in found(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan has strained ties with India.",
        "India has tense relations with China.",
        "Canada's ties with India have soured.",
        "Japan's relations with China were discussed.",
        "Morocco cut ties with Iran.",
        "Russia violated its treaty with the United States.",
    ],
)
def test_no_cooperation_from_strained_bare_or_broken_relations(extractor: Extractor, text: str) -> None:
    assert not any(rel in ("cooperates_with", "agrees_with") and not negated
                   for _, rel, _, negated in found(extractor, text))


def test_a_dispute_that_is_the_topic_gives_nothing(extractor: Extractor) -> None:
    assert not found(extractor, "Japan's dispute with China centers on five small islands in the East China Sea.")


def test_warned_ones_own_population_is_not_threatened(extractor: Extractor) -> None:
    assert not any(rel == "threatens" for _, rel, _, _ in found(
        extractor, "Lithuania and Latvia warned their Russian-speaking populations about Belarus."))


def test_relations_bettering_are_cooperation(matcher: RelationMatcher) -> None:
    # "Turkey's relations with Russia improved" / "... grew tense"
    def rows(verb: tuple[str, str], tense: bool) -> list[Row]:
        out: list[Row] = [("Turkey", "Turkey", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
                          ("relations", "relation", "NOUN", "nsubj", 5), ("with", "with", "ADP", "prep", 2),
                          ("Russia", "Russia", "PROPN", "pobj", 3), (verb[0], verb[1], "VERB", "ROOT", 5)]
        if tense:
            out.append(("tense", "tense", "ADJ", "acomp", 5))
        return out + [(".", ".", "PUNCT", "punct", 5)]

    assert triples(matcher, rows(("improved", "improve"), False)) == {("TUR", "cooperates_with", "RUS", False)}
    assert triples(matcher, rows(("grew", "grow"), True)) == set()


@pytest.mark.parametrize(
    ("text", "cooperation"),
    [
        ("Relations between Turkey and Egypt have improved.", True),
        ("Turkey's relations with Russia grew tense.", False),
        ("Turkey has good but strained relations with Russia.", False),
        ("Ankara had been looking to repair strained relations with Israel.", True),
    ],
)
def test_relations_bettering_or_strained_on_real_sentences(extractor: Extractor, text: str, cooperation: bool) -> None:
    assert any(rel == "cooperates_with" and not negated for _, rel, _, negated in found(extractor, text)) is cooperation


def test_the_one_warned_owns_its_deeds(matcher: RelationMatcher) -> None:
    # "Turkey warned Russia about its support for Syria": "its" is Russia's, not Turkey's
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1),
                       ("Russia", "Russia", "PROPN", "dobj", 1), ("about", "about", "ADP", "prep", 1),
                       ("its", "its", "PRON", "poss", 5), ("support", "support", "NOUN", "pobj", 3),
                       ("for", "for", "ADP", "prep", 5), ("Syria", "Syria", "PROPN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 1)]
    found = triples(matcher, rows)
    assert ("RUS", "supports", "SYR", False) in found
    assert ("TUR", "supports", "SYR", False) not in found


def test_the_one_warned_owns_its_deeds_on_a_real_sentence(extractor: Extractor) -> None:
    records = found(extractor, "Washington warned Beijing about its support for Russia.")
    assert ("CHN", "supports", "RUS", False) in records
    assert ("USA", "supports", "RUS", False) not in records


def test_its_refers_to_a_subject_hung_on_the_auxiliary(matcher: RelationMatcher) -> None:
    # "Turkey was heavily and unjustly criticized over its dispute with Russia": the parser hangs the
    # subject on "was"
    rows: list[Row] = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("was", "be", "AUX", "auxpass", 5),
                       ("heavily", "heavily", "ADV", "advmod", 5), ("and", "and", "CCONJ", "cc", 2),
                       ("unjustly", "unjustly", "ADV", "conj", 2), ("criticized", "criticize", "VERB", "ROOT", 5),
                       ("over", "over", "ADP", "prep", 5), ("its", "its", "PRON", "poss", 8),
                       ("dispute", "dispute", "NOUN", "pobj", 6), ("with", "with", "ADP", "prep", 8),
                       ("Russia", "Russia", "PROPN", "pobj", 9), (".", ".", "PUNCT", "punct", 5)]
    assert triples(matcher, rows) == {("TUR", "opposes", "RUS", False)}

"""Rules added for extraction that generalises (issue 3, dev set tests/extract/dev_news.jsonl).

Each rule is checked twice: on hand-built parses (words, lemmas, tags, heads and labels written out,
as spaCy tests itself), so the rule holds whatever the statistical parser does, and end to end with
the real model on sentences written for this file (none is from a gold or dev set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.cameo import parse_cameo_text
from extract.evaluation import read_gold
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

DEV_SET = Path(__file__).with_name("dev_news.jsonl")


ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Turkey": "TUR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "Egypt": "EGY",
                       "Qatar": "QAT", "Israel": "ISR"}.items()
}


def keyed(records: list[RelationRecord]) -> set[tuple[str, str, str, bool, str]]:
    return {(r.subject.id, r.relation, r.object.id, r.negated, r.modality) for r in records}


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[tuple[str, str, str, bool, str]]:
    """Records of a Doc built from rows of (word, lemma, pos, dep, head index); state names are mentions."""
    return keyed(hand_records(matcher, hand_doc(matcher, rows, ACTORS), ACTORS))


# -- hand-built parses --------------------------------------------------------------------------


def test_a_pronoun_owner_acts_through_its_forces(matcher: RelationMatcher) -> None:
    # "Russia said its jets struck Syria."
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), ("jets", "jet", "NOUN", "nsubj", 4),
            ("struck", "strike", "VERB", "ccomp", 1), ("Syria", "Syria", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("RUS", "attacks", "SYR", False, "reported")}
    # an owner that is not a force noun does not stand for the subject: "its ally struck Syria"
    ally = [*rows[:3], ("ally", "ally", "NOUN", "nsubj", 4), *rows[4:]]
    assert triples(matcher, ally) == set()


def test_coordinated_modifiers_are_all_objects(matcher: RelationMatcher) -> None:
    # "Israel struck Iran and Syria targets."
    rows = [("Israel", "Israel", "PROPN", "nsubj", 1), ("struck", "strike", "VERB", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "compound", 5), ("and", "and", "CCONJ", "cc", 2),
            ("Syria", "Syria", "PROPN", "conj", 2), ("targets", "target", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("ISR", "attacks", "IRN", False, "asserted"),
                                      ("ISR", "attacks", "SYR", False, "asserted")}


def test_the_owner_in_thanked_x_for_its_support_is_x(matcher: RelationMatcher) -> None:
    # "Syria thanked Russia for its support of Iran."
    rows = [("Syria", "Syria", "PROPN", "nsubj", 1), ("thanked", "thank", "VERB", "ROOT", 1),
            ("Russia", "Russia", "PROPN", "dobj", 1), ("for", "for", "ADP", "prep", 1),
            ("its", "its", "PRON", "poss", 5), ("support", "support", "NOUN", "pobj", 3),
            ("of", "of", "ADP", "prep", 5), ("Iran", "Iran", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("SYR", "supports", "RUS", False, "asserted"),
                                      ("RUS", "supports", "IRN", False, "asserted")}


def test_who_orders_a_non_actor_stands_behind_the_deed(matcher: RelationMatcher) -> None:
    # "Turkey ordered the army to attack Syria." ("the army" is no mention here)
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("army", "army", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 5),
            ("attack", "attack", "VERB", "xcomp", 1), ("Syria", "Syria", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert ("TUR", "attacks", "SYR", False, "asserted") in triples(matcher, rows)
    # a verb that is no order keeps the one asked as the doer: "urged the army to attack" gives nothing
    urged = [rows[0], ("urged", "urge", "VERB", "ROOT", 1), *rows[2:]]
    assert not any(t[1] == "attacks" for t in triples(matcher, urged))


def test_ordered_to_leave_is_coercion(matcher: RelationMatcher) -> None:
    # "Egypt ordered Qatar to leave."
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
            ("Qatar", "Qatar", "PROPN", "dobj", 1), ("to", "to", "PART", "aux", 4),
            ("leave", "leave", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("EGY", "coerces", "QAT", False, "asserted")}


def test_the_owner_of_a_governed_noun_is_the_other_side(matcher: RelationMatcher) -> None:
    # "Egypt agreed to Qatar's demands."
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1),
            ("to", "to", "ADP", "prep", 1), ("Qatar", "Qatar", "PROPN", "poss", 5), ("'s", "'s", "PART", "case", 3),
            ("demands", "demand", "NOUN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("EGY", "concedes_to", "QAT", False, "asserted")}


def test_a_symmetric_event_in_a_temporal_phrase_has_the_clause_subject(matcher: RelationMatcher) -> None:
    # "Iran withdrew after talks with Qatar."
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("withdrew", "withdraw", "VERB", "ROOT", 1),
            ("after", "after", "ADP", "prep", 1), ("talks", "talk", "NOUN", "pobj", 2),
            ("with", "with", "ADP", "prep", 3), ("Qatar", "Qatar", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("IRN", "consults_with", "QAT", False, "asserted")}
    # a directed event does not: "Iran protested after the attack on Qatar" is not Iran attacking
    attack = [rows[0], ("protested", "protest", "VERB", "ROOT", 1), rows[2], ("the", "the", "DET", "det", 4),
              ("attack", "attack", "NOUN", "pobj", 2), ("on", "on", "ADP", "prep", 4),
              ("Qatar", "Qatar", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, attack) == set()


def test_not_at_war_with_is_negated(matcher: RelationMatcher) -> None:
    # "Turkey is not at war with Syria."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1), ("not", "not", "PART", "neg", 1),
            ("at", "at", "ADP", "prep", 1), ("war", "war", "NOUN", "pobj", 3), ("with", "with", "ADP", "prep", 4),
            ("Syria", "Syria", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("TUR", "fights_with", "SYR", True, "asserted")}


def test_talks_with_a_third_side_do_not_pair_the_subjects(matcher: RelationMatcher) -> None:
    # "Turkey and Egypt held talks with Iran."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0),
            ("Egypt", "Egypt", "PROPN", "conj", 0), ("held", "hold", "VERB", "ROOT", 3),
            ("talks", "talk", "NOUN", "dobj", 3), ("with", "with", "ADP", "prep", 3),
            ("Iran", "Iran", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, rows) == {("TUR", "consults_with", "IRN", False, "asserted"),
                                      ("EGY", "consults_with", "IRN", False, "asserted")}


def test_a_welcomer_backs_both_sides_but_a_critic_does_not(matcher: RelationMatcher) -> None:
    # "Qatar hailed the agreement between Egypt and Israel."
    rows = [("Qatar", "Qatar", "PROPN", "nsubj", 1), ("hailed", "hail", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("agreement", "agreement", "NOUN", "dobj", 1),
            ("between", "between", "ADP", "prep", 3), ("Egypt", "Egypt", "PROPN", "pobj", 4),
            ("and", "and", "CCONJ", "cc", 5), ("Israel", "Israel", "PROPN", "conj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("EGY", "agrees_with", "ISR", False, "asserted"),
                                      ("QAT", "supports", "EGY", False, "asserted"),
                                      ("QAT", "supports", "ISR", False, "asserted")}
    condemned = [rows[0], ("condemned", "condemn", "VERB", "ROOT", 1), *rows[2:]]
    assert triples(matcher, condemned) == {("EGY", "agrees_with", "ISR", False, "asserted")}


def test_a_multi_actor_mention_is_each_of_its_actors(matcher: RelationMatcher) -> None:
    # "Lorien attacked Syria.", where Lorien names two actors (PETRARCH's [ELR/GAL])
    rows = [("Lorien", "Lorien", "PROPN", "nsubj", 1), ("attacked", "attack", "VERB", "ROOT", 1),
            ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    members = [ActorRef(id=c, label=c, type="State", country=c) for c in ("ELR", "GAL")]
    doc = hand_doc(matcher, rows, {"Lorien": members[0], "Syria": ACTORS["Syria"]})

    def many(span: Span) -> list[ActorRef]:
        return members if span.text == "Lorien" else [ACTORS[span.text]]

    assert keyed(matcher(doc, doc_id="d", resolve=many)) == {("ELR", "attacks", "SYR", False, "asserted"),
                                                              ("GAL", "attacks", "SYR", False, "asserted")}


def test_a_backer_is_not_the_force_it_backs(matcher: RelationMatcher) -> None:
    # "Forces backed by Turkey attacked Syria." (and "rockets fired by Iran" stay Iran's)
    def run(rows: list[Row]) -> set[tuple[str, str, str, bool, str]]:
        doc = hand_doc(matcher, rows, ACTORS, tags=["VBN" if r[3] == "acl" else "XX" for r in rows])
        return keyed(hand_records(matcher, doc, ACTORS))

    rows = [("Forces", "force", "NOUN", "nsubj", 4), ("backed", "back", "VERB", "acl", 0), ("by", "by", "ADP", "agent", 1),
            ("Turkey", "Turkey", "PROPN", "pobj", 2), ("attacked", "attack", "VERB", "ROOT", 4),
            ("Syria", "Syria", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 4)]
    assert run(rows) == set()
    fired = [("Rockets", "rocket", "NOUN", "nsubj", 4), ("fired", "fire", "VERB", "acl", 0), *rows[2:]]
    assert run(fired) == {("TUR", "attacks", "SYR", False, "asserted")}


def test_a_directed_event_after_for_is_no_deed_of_the_clause(matcher: RelationMatcher) -> None:
    # "Iran retaliated for the attack on Syria." is no attack by Iran; "Iran called for sanctions on Syria" is asked
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1), ("retaliated", "retaliate", "VERB", "ROOT", 1),
            ("for", "for", "ADP", "prep", 1), ("the", "the", "DET", "det", 4), ("attack", "attack", "NOUN", "pobj", 2),
            ("on", "on", "ADP", "prep", 4), ("Syria", "Syria", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()
    called = [rows[0], ("called", "call", "VERB", "ROOT", 1), rows[2], ("new", "new", "ADJ", "amod", 4),
              ("sanctions", "sanction", "NOUN", "pobj", 2), *rows[5:]]
    assert triples(matcher, called) == {("IRN", "sanctions", "SYR", False, "asserted")}


def test_drills_of_two_sides_are_cooperation(matcher: RelationMatcher) -> None:
    # "Egypt and Qatar held drills."
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0), ("Qatar", "Qatar", "PROPN", "conj", 0),
            ("held", "hold", "VERB", "ROOT", 3), ("drills", "drill", "NOUN", "dobj", 3), (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, rows) == {("EGY", "cooperates_with", "QAT", False, "asserted")}


def test_along_with_and_joined_in_add_a_doer(matcher: RelationMatcher) -> None:
    # "Russia, along with Iran, attacked Syria."
    rows = [("Russia", "Russia", "PROPN", "nsubj", 6), (",", ",", "PUNCT", "punct", 0), ("along", "along", "ADP", "prep", 0),
            ("with", "with", "ADP", "prep", 2), ("Iran", "Iran", "PROPN", "pobj", 3), (",", ",", "PUNCT", "punct", 0),
            ("attacked", "attack", "VERB", "ROOT", 6), ("Syria", "Syria", "PROPN", "dobj", 6), (".", ".", "PUNCT", "punct", 6)]
    assert triples(matcher, rows) == {("RUS", "attacks", "SYR", False, "asserted"),
                                      ("IRN", "attacks", "SYR", False, "asserted")}
    # "Egypt joined Qatar in condemning Israel."
    joined = [("Egypt", "Egypt", "PROPN", "nsubj", 1), ("joined", "join", "VERB", "ROOT", 1),
              ("Qatar", "Qatar", "PROPN", "dobj", 1), ("in", "in", "ADP", "prep", 1),
              ("condemning", "condemn", "VERB", "pcomp", 3), ("Israel", "Israel", "PROPN", "dobj", 4),
              (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, joined) == {("EGY", "accuses", "ISR", False, "asserted"),
                                        ("QAT", "accuses", "ISR", False, "asserted")}


def test_each_other_goes_both_ways_and_neither_nor_negates(matcher: RelationMatcher) -> None:
    # "Egypt and Qatar accused each other."
    rows = [("Egypt", "Egypt", "PROPN", "nsubj", 3), ("and", "and", "CCONJ", "cc", 0), ("Qatar", "Qatar", "PROPN", "conj", 0),
            ("accused", "accuse", "VERB", "ROOT", 3), ("each", "each", "DET", "det", 5), ("other", "other", "ADJ", "dobj", 3),
            (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, rows) == {("EGY", "accuses", "QAT", False, "asserted"),
                                      ("QAT", "accuses", "EGY", False, "asserted")}
    # "Neither Egypt nor Qatar met Israel."
    neither = [("Neither", "neither", "CCONJ", "preconj", 1), ("Egypt", "Egypt", "PROPN", "nsubj", 4),
               ("nor", "nor", "CCONJ", "cc", 1), ("Qatar", "Qatar", "PROPN", "conj", 1), ("met", "meet", "VERB", "ROOT", 4),
               ("Israel", "Israel", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 4)]
    assert triples(matcher, neither) == {("EGY", "consults_with", "ISR", True, "asserted"),
                                         ("QAT", "consults_with", "ISR", True, "asserted")}


def test_a_verb_with_its_own_object_shares_no_object(matcher: RelationMatcher) -> None:
    # "Russia rejected the plan and attacked Syria." rejects nobody; "threatened to invade and annex Syria" still shares
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("rejected", "reject", "VERB", "ROOT", 1), ("the", "the", "DET", "det", 3),
            ("plan", "plan", "NOUN", "dobj", 1), ("and", "and", "CCONJ", "cc", 1), ("attacked", "attack", "VERB", "conj", 1),
            ("Syria", "Syria", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("RUS", "attacks", "SYR", False, "asserted")}
    shared = [("Russia", "Russia", "PROPN", "nsubj", 1), ("invaded", "invade", "VERB", "ROOT", 1), ("and", "and", "CCONJ", "cc", 1),
              ("annexed", "annex", "VERB", "conj", 1), ("Syria", "Syria", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, shared) == {("RUS", "attacks", "SYR", False, "asserted"),
                                        ("RUS", "coerces", "SYR", False, "asserted")}


def test_criticism_drawn_from_someone_goes_back_to_the_drawer(matcher: RelationMatcher) -> None:
    # "Iran's support drew condemnation from Egypt." (Egypt condemns Iran)
    rows = [("Iran", "Iran", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("support", "support", "NOUN", "nsubj", 3),
            ("drew", "draw", "VERB", "ROOT", 3), ("condemnation", "condemnation", "NOUN", "dobj", 3),
            ("from", "from", "ADP", "prep", 4), ("Egypt", "Egypt", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 3)]
    assert triples(matcher, rows) == {("EGY", "accuses", "IRN", False, "asserted")}


def test_the_passive_subject_does_the_purpose_and_the_owner_the_decision(matcher: RelationMatcher) -> None:
    # "Troops of Iran were sent to attack Syria." -> Iran attacks Syria
    rows = [("Troops", "troop", "NOUN", "nsubjpass", 4), ("of", "of", "ADP", "prep", 0), ("Iran", "Iran", "PROPN", "pobj", 1),
            ("were", "be", "AUX", "auxpass", 4), ("sent", "send", "VERB", "ROOT", 4), ("to", "to", "PART", "aux", 6),
            ("attack", "attack", "VERB", "advcl", 4), ("Syria", "Syria", "PROPN", "dobj", 6), (".", ".", "PUNCT", "punct", 4)]
    doc = hand_doc(matcher, rows, ACTORS, tags=["VB" if r[0] == "attack" else "XX" for r in rows])
    assert ("IRN", "attacks", "SYR", False, "asserted") in keyed(hand_records(matcher, doc, ACTORS))
    # "Egypt's decision to attack Syria angered Qatar." -> the owner of the decision does it
    decision = [("Egypt", "Egypt", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("decision", "decision", "NOUN", "nsubj", 6),
                ("to", "to", "PART", "aux", 4), ("attack", "attack", "VERB", "acl", 2), ("Syria", "Syria", "PROPN", "dobj", 4),
                ("angered", "anger", "VERB", "ROOT", 6), ("Qatar", "Qatar", "PROPN", "dobj", 6), (".", ".", "PUNCT", "punct", 6)]
    assert triples(matcher, decision) == {("EGY", "attacks", "SYR", False, "intended")}


def test_quantities_and_to_phrases_keep_the_clause_subject(matcher: RelationMatcher) -> None:
    # "Israel carried out dozens of strikes on Syria."
    rows = [("Israel", "Israel", "PROPN", "nsubj", 1), ("carried", "carry", "VERB", "ROOT", 1), ("out", "out", "ADP", "prt", 1),
            ("dozens", "dozen", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 3), ("strikes", "strike", "NOUN", "pobj", 4),
            ("on", "on", "ADP", "prep", 5), ("Syria", "Syria", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("ISR", "attacks", "SYR", False, "asserted")}
    # "Iran agreed to a truce with Qatar."
    truce = [("Iran", "Iran", "PROPN", "nsubj", 1), ("agreed", "agree", "VERB", "ROOT", 1), ("to", "to", "ADP", "prep", 1),
             ("a", "a", "DET", "det", 4), ("truce", "truce", "NOUN", "pobj", 2), ("with", "with", "ADP", "prep", 4),
             ("Qatar", "Qatar", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, truce) == {("IRN", "agrees_with", "QAT", False, "asserted")}


# -- the CAMEO importer -------------------------------------------------------------------------


def test_multi_code_entries_are_imported_with_their_members() -> None:
    dictionary = parse_cameo_text("THE_SHIRE [FRO/BIL/SAM]\nALLIES [USAGOV/GBRMIL]\nSOLO [ARN/]\nGONDOR [GON]\n")
    by_id = {a.id: a for a in dictionary.actors}
    assert by_id["shire"].members == ["FRO", "BIL", "SAM"] and by_id["shire"].type == "State"
    assert by_id["allies"].members == ["USA-GOV", "GBR-MIL"]
    assert by_id["ARN"].members == [] and by_id["ARN"].type == "State"  # one code left: a plain entry
    assert by_id["GON"].members == []


# -- the real model -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine's navy said its drones sank a Russian landing ship in the Black Sea.",
         {("UKR-MIL", "attacks", "RUS", False, "reported")}),
        ("The Iraqi army and Kurdish Peshmerga fighters recaptured the town from the Islamic State.",
         {("IRQ-MIL", "attacks", "islamic-state", False, "asserted"),
          ("peshmerga", "attacks", "islamic-state", False, "asserted")}),
        ("Nigerian police fired tear gas at protesters in Lagos.",
         {("NGA-COP", "attacks", "NGA-CVL", False, "asserted")}),
        ("Chad's military rulers ordered the French ambassador to leave the country.",
         {("TCD-GOV", "coerces", "FRA-GOV", False, "asserted")}),
        ("Ethiopia agreed to the African Union's demands for a ceasefire.",
         {("ETH", "concedes_to", "african-union", False, "asserted")}),
        ("Canada will provide Ukraine with more armoured vehicles.",
         {("CAN", "aids", "UKR", False, "intended")}),
        # a joint exercise of three: every pair takes part
        ("Indonesia and Malaysia held joint naval exercises with Australia.",
         {("IDN", "cooperates_with", "AUS", False, "asserted"), ("MYS", "cooperates_with", "AUS", False, "asserted"),
          ("IDN", "cooperates_with", "MYS", False, "asserted")}),
        ("Estonia summoned the Russian ambassador over the airspace violation.",
         {("EST", "accuses", "RUS-GOV", False, "asserted")}),
        ("Egypt's president received Iranian Foreign Minister Abbas Araghchi in Cairo.",
         {("EGY-GOV", "consults_with", "abbas-araghchi", False, "asserted")}),
        ("Hungary received Russian oil through the Druzhba pipeline.", set()),
        ("Belgium, along with the Netherlands, accused Russia of cyberattacks.",
         {("BEL", "accuses", "RUS", False, "asserted"), ("NLD", "accuses", "RUS", False, "asserted")}),
        ("Armenia and Azerbaijan accused each other of shelling border villages.",
         {("ARM", "accuses", "AZE", False, "asserted"), ("AZE", "accuses", "ARM", False, "asserted")}),
        # a rival, a neighbour are someone else; "give X to" is no concession
        ("Washington gives military support to Chinese rivals in Asia.", set()),
        ("Russia's annexation of Crimea drew sanctions from Canada.",
         {("CAN", "sanctions", "RUS", False, "asserted")}),  # Crimea is a place, not a party
        ("Sri Lankan police used tear gas against student protesters in Colombo.",
         {("LKA-COP", "coerces", "LKA-CVL", False, "asserted")}),
        ("The Dutch parliament ratified Ukraine's accession to the treaty.",
         {("NLD-LEG", "supports", "UKR", False, "asserted")}),
        ("The African Union welcomed the peace deal between Ethiopia and Eritrea.",
         {("ETH", "agrees_with", "ERI", False, "asserted"), ("african-union", "supports", "ETH", False, "asserted"),
          ("african-union", "supports", "ERI", False, "asserted")}),
    ],
)
def test_representative_sentences(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(extractor.extract(Document(id="d", text=text))) == expected


def test_a_multi_code_dictionary_entry_names_each_actor(tmp_path: Path) -> None:
    actors = tmp_path / "middle-earth.actors.txt"
    actors.write_text("THE_SHIRE [FRO/BIL/SAM]\nGONDOR [GON]\n", encoding="utf-8")
    extractor = Extractor(cameo_files=[actors])
    records = extractor.extract(Document(id="d", text="The Shire signed a trade agreement with Gondor."))
    assert {(r.subject.id, r.object.id) for r in records if r.relation == "agrees_with"} == {
        ("FRO", "GON"), ("BIL", "GON"), ("SAM", "GON")}


def test_the_dev_set_is_valid_and_covers_the_weak_cases() -> None:
    dev = read_gold(DEV_SET)
    assert len(dev) >= 200 and len({s.text for s in dev}) == len(dev)
    tags = {t for s in dev for t in s.tags}
    assert {"coordination", "demonym", "capital", "substate", "armed-group", "intent", "nominal",
            "light-verb", "reported", "place-not-party", "no-relation"} <= tags
    categories = {r.plover for s in dev for r in s.relations}
    assert {"ASSAULT", "MOBILIZE", "RETREAT", "CONCEDE", "PROTEST", "COERCE"} <= categories


# Floors on the dev set, measured when this round ended (rounded down a little); they may only rise.
# Before the round: P 0.935, R 0.692, F1 0.795 (the set was scored before any change).
DEV_FLOOR_PRECISION = 0.96
DEV_FLOOR_RECALL = 0.83
DEV_FLOOR_F1 = 0.89


@pytest.mark.slow
def test_extractor_meets_the_floors_on_the_dev_set(extractor: Extractor) -> None:
    from extract.evaluation import evaluate_gold, format_report

    report = evaluate_gold(extractor, DEV_SET)
    print(format_report(report))
    assert report.precision >= DEV_FLOOR_PRECISION
    assert report.recall >= DEV_FLOOR_RECALL
    assert report.f1 >= DEV_FLOOR_F1

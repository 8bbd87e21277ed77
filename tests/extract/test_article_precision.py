"""False relations found by reading whole real news articles (a precision audit of all records on the VOA
stories), and the general causes fixed.

Each rule is checked on hand-built parses (words, lemmas, heads and labels written out, as spaCy tests
itself) and end to end with the real model on sentences written for this file (none from a gold, dev or
VOA set).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import ACTORS_KEY, RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

ACTORS = {
    **{
        name: ActorRef(id=code, label=name, type="State", country=code)
        for name, code in {"Turkey": "TUR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "Mexico": "MEX",
                           "Canada": "CAN"}.items()
    },
    "NATO": ActorRef(id="nato", label="NATO", type="InternationalOrganization"),
    "Sheinbaum": ActorRef(id="claudia-sheinbaum", label="Claudia Sheinbaum", type="Person", country="MEX"),
}


def keyed(records: list[RelationRecord]) -> set[tuple[str, str, str, bool]]:
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[tuple[str, str, str, bool]]:
    doc = hand_doc(matcher, rows, ACTORS)
    # mentions labelled with their actor type, as the actor stage labels them
    doc.spans[ACTORS_KEY] = [Span(doc, s.start, s.end, label=ACTORS[s.text].type) for s in doc.spans[ACTORS_KEY]]
    return keyed(hand_records(matcher, doc, ACTORS))


# -- hand-built parses --------------------------------------------------------------------------


def test_the_allies_of_a_state_are_not_the_state(matcher: RelationMatcher) -> None:
    # "Russia threatened Turkey's allies."
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("Turkey", "Turkey", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
            ("allies", "ally", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()
    # "Russia threatened NATO allies.": an alliance's allies are its members
    nato = [("Russia", "Russia", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
            ("NATO", "NATO", "PROPN", "compound", 3), ("allies", "ally", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, nato) == {("RUS", "threatens", "nato", False)}


def test_troops_sent_to_the_own_border_mobilize_against_no_one(matcher: RelationMatcher) -> None:
    # "Sheinbaum sent troops to Mexico's border."
    rows = [("Sheinbaum", "Sheinbaum", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
            ("troops", "troop", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 1),
            ("Mexico", "Mexico", "PROPN", "poss", 6), ("'s", "'s", "PART", "case", 4),
            ("border", "border", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()
    # "Turkey sent troops to Syria's border." still mobilizes against Syria
    turkey = [("Turkey", "Turkey", "PROPN", "nsubj", 1), *rows[1:4], ("Syria", "Syria", "PROPN", "poss", 6), *rows[5:]]
    assert ("TUR", "mobilizes_against", "SYR", False) in triples(matcher, turkey)


def test_a_tariff_dropped_is_no_attack(matcher: RelationMatcher) -> None:
    # "Canada dropped its tariff on Mexico."
    rows = [("Canada", "Canada", "PROPN", "nsubj", 1), ("dropped", "drop", "VERB", "ROOT", 1),
            ("its", "its", "PRON", "poss", 3), ("tariff", "tariff", "NOUN", "dobj", 1),
            ("on", "on", "ADP", "prep", 1), ("Mexico", "Mexico", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert all(relation != "attacks" for _, relation, _, _ in triples(matcher, rows))
    # "Syria dropped bombs on Turkey."
    bombs = [("Syria", "Syria", "PROPN", "nsubj", 1), ("dropped", "drop", "VERB", "ROOT", 1),
             ("bombs", "bomb", "NOUN", "dobj", 1), ("on", "on", "ADP", "prep", 1),
             ("Turkey", "Turkey", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, bombs) == {("SYR", "attacks", "TUR", False)}


def test_a_fight_against_a_thing_in_a_state_is_no_fight_with_it(matcher: RelationMatcher) -> None:
    # "Turkey battled fires in Canada."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("battled", "battle", "VERB", "ROOT", 1),
            ("fires", "fire", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 1),
            ("Canada", "Canada", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()
    # a one-sided strike on a target in a state still hits the state: "Turkey struck depots in Syria."
    struck = [*rows[:1], ("struck", "strike", "VERB", "ROOT", 1), ("depots", "depot", "NOUN", "dobj", 1),
              rows[3], ("Syria", "Syria", "PROPN", "pobj", 3), rows[5]]
    assert triples(matcher, struck) == {("TUR", "attacks", "SYR", False)}


def test_called_with_a_stray_to_is_no_request(matcher: RelationMatcher) -> None:
    # "Turkey called the decision to Iran a mistake." (the parser's reading of "called the decision to
    # jail Iranians a mistake": "to" a preposition of "called")
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("decision", "decision", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 1), ("Iran", "Iran", "PROPN", "pobj", 4),
            ("a", "a", "DET", "det", 7), ("mistake", "mistake", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert all(relation != "requests" for _, relation, _, _ in triples(matcher, rows))
    # "Turkey called on Iran."
    on = [rows[0], rows[1], ("on", "on", "ADP", "prep", 1), ("Iran", "Iran", "PROPN", "pobj", 2),
          (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, on) == {("TUR", "requests", "IRN", False)}


def test_a_letter_sent_is_a_communication_not_aid(matcher: RelationMatcher) -> None:
    # "Turkey sent a letter to Russia."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
            ("a", "a", "DET", "det", 3), ("letter", "letter", "NOUN", "dobj", 1), ("to", "to", "ADP", "prep", 1),
            ("Russia", "Russia", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("TUR", "consults_with", "RUS", False)}


# -- the real model -----------------------------------------------------------------------------


def found(extractor: Extractor, text: str) -> set[tuple[str, str, str, bool]]:
    return keyed(extractor.extract(Document(id="t", text=text)))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("China warned it would respond to any pressure on Japan's allies in the region.", ("CHN", "JPN")),
        ("Mexican President Claudia Sheinbaum sent 10,000 troops to Mexico's northern border.", ("MEX", "MEX")),
        ("Ottawa said it would drop its tariff on U.S. steel if Washington did the same.", ("CAN", "USA")),
        ("Canadian firefighters, who have battled wildfires in Australia, flew home on Monday.", ("CAN", "AUS")),
        ("The activist called the decision to jail the Russian dissident a grave injustice.", ("", "RUS")),
    ],
)
def test_real_model_false_relations_are_gone(extractor: Extractor, text: str, absent: tuple[str, str]) -> None:
    subject, obj = absent
    for record in extractor.extract(Document(id="t", text=text)):
        assert not (record.object.id == obj and (not subject or record.subject.id.startswith(subject))
                    and record.relation in ("threatens", "coerces", "mobilizes_against", "attacks",
                                            "fights_with", "requests")), record


def test_real_model_relations_kept(extractor: Extractor) -> None:
    assert ("TUR", "mobilizes_against", "SYR", False) in {
        (s.split("-")[0], r, o, n) for s, r, o, n in found(extractor, "Turkey sent troops to the Syrian border.")}
    assert any(r == "attacks" and o == "UKR" for _, r, o, _ in found(extractor, "Russian jets dropped bombs on Ukraine."))
    assert any(r == "requests" and o == "ISR" for _, r, o, _ in
               found(extractor, "The Arab League called on Israel to halt the offensive."))
    letter = found(extractor, "Forty U.S. senators sent a letter to Turkish President Recep Tayyip Erdogan.")
    assert letter and all(r == "consults_with" for _, r, _, _ in letter)


def test_reluctance_negates_the_deed(matcher: RelationMatcher) -> None:
    # "Turkey is reluctant to attack Syria."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
            ("reluctant", "reluctant", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
            ("attack", "attack", "VERB", "xcomp", 2), ("Syria", "Syria", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("TUR", "attacks", "SYR", True)}


def test_a_government_has_no_relation_with_its_own_state(matcher: RelationMatcher) -> None:
    # "Turkey's envoy defended Turkey and Russia." (the envoy's government speaks for Turkey)
    actors = {**ACTORS, "envoy": ActorRef(id="TUR-GOV", label="Turkish government", type="StateInstitution",
                                          country="TUR", role="GOV")}
    rows = [("envoy", "envoy", "NOUN", "nsubj", 1), ("defended", "defend", "VERB", "ROOT", 1),
            ("Turkey", "Turkey", "PROPN", "dobj", 1), ("and", "and", "CCONJ", "cc", 2),
            ("Russia", "Russia", "PROPN", "conj", 2), (".", ".", "PUNCT", "punct", 1)]
    doc = hand_doc(matcher, rows, actors)
    doc.spans[ACTORS_KEY] = [Span(doc, s.start, s.end, label=actors[s.text].type) for s in doc.spans[ACTORS_KEY]]
    assert keyed(hand_records(matcher, doc, actors)) == {("TUR-GOV", "supports", "RUS", False)}


def test_real_model_reluctance_and_own_state(extractor: Extractor) -> None:
    assert {n for _, r, o, n in found(extractor, "Germany is reluctant to impose new sanctions on China.")
            if r == "sanctions" and o == "CHN"} == {True}
    defended = found(extractor, "Iran's foreign minister defended Tehran and Moscow's military pact.")
    assert not any(o == "IRN" for _, _, o, _ in defended)


def test_real_model_a_namesake_is_not_the_known_person(extractor: Extractor) -> None:
    text = ("Hong Kong publisher Jimmy Lai appeared in court on Monday. "
            "A British lawmaker who has campaigned for Lai met Chinese officials.")
    assert not any("lai-ching-te" in (s, o) for s, _, o, _ in found(extractor, text))
    # without a namesake the bare surname is the known person
    text = "Taiwan's President Lai Ching-te spoke on Monday. Lai thanked Japan for its support."
    assert ("lai-ching-te", "supports", "JPN", False) in found(extractor, text)


def test_a_bare_surname_shared_with_a_namesake_is_no_known_person() -> None:
    from extract.actors import _Mention, _namesakes

    def person(pid: str, label: str) -> dict:
        return {"id": pid, "label": label, "type": "Person", "country": None, "role": None, "offices": []}

    doc = spacy.blank("en")("Jimmy Lai said Lai met Lai Ching-te .")
    jimmy, known = person("x-jimmy-lai", "Jimmy Lai"), person("lai-ching-te", "Lai Ching-te")
    bare = [_Mention(0, 2, [jimmy]), _Mention(3, 4, [known])]
    # one namesake named in full: the bare surname is that namesake
    assert [m.choices[0]["id"] for m in _namesakes(doc, bare)] == ["x-jimmy-lai", "x-jimmy-lai"]
    # two namesakes: no one ("Jimmy Lai and Rose Lai ... Lai said")
    doc2 = spacy.blank("en")("Jimmy Lai and Rose Lai said Lai met them .")
    rose = person("x-rose-lai", "Rose Lai")
    two = [_Mention(0, 2, [jimmy]), _Mention(3, 5, [rose]), _Mention(6, 7, [known])]
    assert [m.choices[0]["id"] for m in _namesakes(doc2, two)] == ["x-jimmy-lai", "x-rose-lai", "x-lai"]
    # the known person named in full keeps the bare surname
    full = [*bare, _Mention(5, 8, [known])]
    assert [m.choices[0]["id"] for m in _namesakes(doc, full)] == ["x-jimmy-lai", "lai-ching-te", "lai-ching-te"]
    # a bare surname before the namesake is named is the known person
    doc = spacy.blank("en")("Lai said Jimmy Lai met him .")
    early = [_Mention(0, 1, [known]), _Mention(2, 4, [jimmy])]
    assert [m.choices[0]["id"] for m in _namesakes(doc, early)] == ["lai-ching-te", "x-jimmy-lai"]
    # an honorific keeps the known person: "Jimmy Lai said Mr Lai ..." (as "Mr Trump" after "Ivanka Trump")
    doc = spacy.blank("en")("Jimmy Lai said Mr Lai met him .")
    titled = [_Mention(0, 2, [jimmy]), _Mention(4, 5, [known])]
    assert [m.choices[0]["id"] for m in _namesakes(doc, titled, {"mr"})] == ["x-jimmy-lai", "lai-ching-te"]


def test_a_warning_to_turn_to_someone_is_no_agreement(matcher: RelationMatcher) -> None:
    # "Turkey warned it would turn to Russia."
    rows = [("Turkey", "Turkey", "PROPN", "nsubj", 1), ("warned", "warn", "VERB", "ROOT", 1),
            ("it", "it", "PRON", "nsubj", 4), ("would", "would", "AUX", "aux", 4), ("turn", "turn", "VERB", "ccomp", 1),
            ("to", "to", "ADP", "prep", 4), ("Russia", "Russia", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert ("TUR", "requests", "RUS", False) in triples(matcher, rows)
    assert all(relation != "agrees_with" for _, relation, _, _ in triples(matcher, rows))
    # a warning of a conflict deed is still a threat: "Turkey warned it would attack Russia."
    attack = [*rows[:4], ("attack", "attack", "VERB", "ccomp", 1), ("Russia", "Russia", "PROPN", "dobj", 4), rows[7]]
    assert ("TUR", "threatens", "RUS", False) in triples(matcher, attack)


def test_real_model_warning_to_turn_to_a_rival(extractor: Extractor) -> None:
    found_ = found(extractor, "Ankara warned that it could turn to Moscow for air defense systems.")
    assert not any(r == "agrees_with" for _, r, _, _ in found_)


def test_a_visit_is_made_by_those_who_act_for_a_side(matcher: RelationMatcher) -> None:
    # "Tourists visited Canada." (a people's civilians) / "Sheinbaum visited Canada."
    actors = {**ACTORS, "Tourists": ActorRef(id="MEX-CVL", label="Mexican civilians", type="SocialGroup",
                                             country="MEX", role="CVL")}
    rows = [("Tourists", "tourist", "NOUN", "nsubj", 1), ("visited", "visit", "VERB", "ROOT", 1),
            ("Canada", "Canada", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert keyed(hand_records(matcher, hand_doc(matcher, rows, actors), actors)) == set()
    leader = [("Sheinbaum", "Sheinbaum", "PROPN", "nsubj", 1), *rows[1:]]
    assert triples(matcher, leader) == {("claudia-sheinbaum", "consults_with", "CAN", False)}


def test_real_model_tourists_make_no_visit(extractor: Extractor) -> None:
    assert found(extractor, "Hundreds of thousands of Russian tourists visited Egypt last winter.") == set()
    minister = found(extractor, "The Russian foreign minister visited Egypt on Monday.")
    assert any(s.startswith("RUS") and r == "consults_with" and o == "EGY" for s, r, o, _ in minister)


def test_a_request_for_comment_is_no_political_request(extractor: Extractor) -> None:
    # news-agency boilerplate: the outlet asked for comment, no one rejected it in any political sense
    assert not found(extractor, "The two governments have ignored VOA requests for comment.")
    assert not found(extractor, "Beijing ignored Reuters' requests for comment.")
    # a state's requests are still rejected
    assert ("RUS", "rejects", "UKR", False) in found(extractor, "Russia ignored Ukraine's requests for talks.")
    assert ("IRN", "rejects", "iaea", False) in found(extractor, "Iran ignored the IAEA's requests for clarification.")

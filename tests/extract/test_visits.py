"""Diplomatic contact: visits, journeys, receptions, envoys, credentials and hosts (PLOVER CONSULT).

Each rule is checked on a hand-built parse (so it holds whatever the statistical parser does) and end to
end with the real model on sentences written for this file (none is from a gold, dev or VOA set). The
precision side matters as much: troops, refugees, migrants, journalists, goods and trips home make no
visit.
"""

from __future__ import annotations

import pytest

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.errors import LexiconError
from extract.lexicon import actor_in, load_lexicon
from extract.pipeline import Extractor
from extract.records import ActorRef, Document, RelationRecord
from extract.relations import RelationMatcher
from tests.extract.handbuilt import Row, hand_doc, hand_records

REFS = {
    "Modi": ActorRef(id="narendra-modi", label="Narendra Modi", type="Person", country="IND", role="GOV"),
    "Beijing": ActorRef(id="CHN", label="China", type="State", country="CHN", role="GOV"),
    "Delhi": ActorRef(id="IND", label="India", type="State", country="IND", role="GOV"),
    "Brussels": ActorRef(id="BEL", label="Belgium", type="State", country="BEL", role="GOV"),
    "Germany": ActorRef(id="DEU", label="Germany", type="State", country="DEU"),
    "Syria": ActorRef(id="SYR", label="Syria", type="State", country="SYR"),
    "France": ActorRef(id="FRA", label="France", type="State", country="FRA"),
    "Iran": ActorRef(id="IRN", label="Iran", type="State", country="IRN"),
    "Israel": ActorRef(id="ISR", label="Israel", type="State", country="ISR"),
    "Russia": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
    "Singapore": ActorRef(id="SGP", label="Singapore", type="State", country="SGP"),
    "America": ActorRef(id="USA", label="United States", type="State", country="USA"),
    "Korea": ActorRef(id="PRK", label="North Korea", type="State", country="PRK"),
    "US": ActorRef(id="USA", label="United States", type="State", country="USA"),
    "Ukraine": ActorRef(id="UKR", label="Ukraine", type="State", country="UKR"),
    "Sisi": ActorRef(id="abdel-fattah-el-sisi", label="Abdel Fattah el-Sisi", type="Person", country="EGY", role="GOV"),
    "Biden": ActorRef(id="joe-biden", label="Joe Biden", type="Person", country="USA", role="GOV"),
    "Lula": ActorRef(id="lula-da-silva", label="Lula", type="Person", country="BRA", role="GOV"),
    "Macron": ActorRef(id="emmanuel-macron", label="Emmanuel Macron", type="Person", country="FRA", role="GOV"),
    "emir": ActorRef(id="QAT-GOV", label="Qatar (government)", type="StateInstitution", country="QAT", role="GOV"),
    "president": ActorRef(id="KEN-GOV", label="Kenya (government)", type="StateInstitution", country="KEN", role="GOV"),
    "troops": ActorRef(id="RUS-MIL", label="Russia (military)", type="StateInstitution", country="RUS", role="MIL"),
    "refugees": ActorRef(id="SYR-REF", label="Syria (refugees)", type="SocialGroup", country="SYR", role="REF"),
    "delegation": ActorRef(id="hamas", label="Hamas", type="ArmedGroup", role="REB"),
    "fighters": ActorRef(id="hamas", label="Hamas", type="ArmedGroup", role="REB"),
    "ambassadors": ActorRef(id="FRA-GOV", label="France (government)", type="StateInstitution", country="FRA",
                            role="GOV"),
    "Putin": ActorRef(id="vladimir-putin", label="Vladimir Putin", type="Person", country="RUS", role="GOV"),
    "Calenardhon": ActorRef(id="CAL", label="Calenardhon", type="State", country="CAL"),
    "Bree": ActorRef(id="BRE", label="Bree", type="State", country="BRE"),
}


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[tuple[str, str, str, bool]]:
    """Records of a Doc built from rows of (word, lemma, pos, dep, head index); known words are mentions."""
    records = hand_records(matcher, hand_doc(matcher, rows, REFS), REFS)
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}


def journey(subject: str, verb: str, lemma: str, prep: str, place: str) -> list[Row]:
    """ "<subject> <verb> <prep> <place> ." with the subject and the place as single words."""
    return [(subject, subject, "PROPN" if subject[0].isupper() else "NOUN", "nsubj", 1),
            (verb, lemma, "VERB", "ROOT", 1), (prep, prep, "ADP", "prep", 1),
            (place, place, "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1)]


# -- hand-built parses: journeys ------------------------------------------------------------------


def test_a_leader_travelling_to_a_capital_visits_its_state(matcher: RelationMatcher) -> None:
    assert triples(matcher, journey("Modi", "flew", "fly", "to", "Beijing")) == {
        ("narendra-modi", "consults_with", "CHN", False)}
    assert triples(matcher, journey("Modi", "arrived", "arrive", "in", "Beijing")) == {
        ("narendra-modi", "consults_with", "CHN", False)}


def test_troops_and_refugees_make_no_visit(matcher: RelationMatcher) -> None:
    # "Russian troops arrived in Syria" is a deployment, "Syrian refugees arrived in Germany" a flight
    assert triples(matcher, journey("troops", "arrived", "arrive", "in", "Syria")) == set()
    assert triples(matcher, journey("refugees", "arrived", "arrive", "in", "Germany")) == set()


def test_a_groups_delegation_travels_but_not_its_fighters(matcher: RelationMatcher) -> None:
    # the mention's head word decides for a group: "a Hamas delegation", not "Hamas fighters"
    assert triples(matcher, journey("delegation", "arrived", "arrive", "in", "Beijing")) == {
        ("hamas", "consults_with", "CHN", False)}
    assert triples(matcher, journey("fighters", "arrived", "arrive", "in", "Beijing")) == set()


def test_a_trip_home_or_to_the_seat_of_international_bodies_is_no_visit(matcher: RelationMatcher) -> None:
    assert triples(matcher, journey("Modi", "flew", "fly", "to", "Delhi")) == set()
    # "flew to Brussels" is a trip to the EU or NATO, not to Belgium
    assert triples(matcher, journey("Modi", "flew", "fly", "to", "Brussels")) == set()


def test_what_a_traveller_owns_is_not_the_traveller(matcher: RelationMatcher) -> None:
    # "US weapons arrived in Ukraine": the state only modifies the thing that travels
    rows: list[Row] = [("US", "US", "PROPN", "compound", 1), ("weapons", "weapon", "NOUN", "nsubj", 2),
                       ("arrived", "arrive", "VERB", "ROOT", 2), ("in", "in", "ADP", "prep", 2),
                       ("Ukraine", "Ukraine", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == set()


def test_a_travel_verb_with_an_object_carries_it(matcher: RelationMatcher) -> None:
    # "Iran flew drones into Israel" is no visit
    rows: list[Row] = [("Iran", "Iran", "PROPN", "nsubj", 1), ("flew", "fly", "VERB", "ROOT", 1),
                       ("drones", "drone", "NOUN", "dobj", 1), ("into", "into", "ADP", "prep", 1),
                       ("Israel", "Israel", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == set()


def test_leaving_for_a_capital_is_a_journey_even_with_the_place_left(matcher: RelationMatcher) -> None:
    # "Modi left Delhi for Beijing"
    rows: list[Row] = [("Modi", "Modi", "PROPN", "nsubj", 1), ("left", "leave", "VERB", "ROOT", 1),
                       ("Delhi", "Delhi", "PROPN", "dobj", 1), ("for", "for", "ADP", "prep", 1),
                       ("Beijing", "Beijing", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("narendra-modi", "consults_with", "CHN", False)}


def test_a_trip_as_a_noun(matcher: RelationMatcher) -> None:
    # "Modi was on a trip to Beijing"
    rows: list[Row] = [("Modi", "Modi", "PROPN", "nsubj", 1), ("was", "be", "AUX", "ROOT", 1),
                       ("on", "on", "ADP", "prep", 1), ("a", "a", "DET", "det", 4),
                       ("trip", "trip", "NOUN", "pobj", 2), ("to", "to", "ADP", "prep", 4),
                       ("Beijing", "Beijing", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("narendra-modi", "consults_with", "CHN", False)}
    # "the troops' visit to Syria" is no visit
    troops: list[Row] = [("the", "the", "DET", "det", 1), ("troops", "troop", "NOUN", "poss", 3),
                         ("'", "'", "PART", "case", 1), ("visit", "visit", "NOUN", "ROOT", 3),
                         ("to", "to", "ADP", "prep", 3), ("Syria", "Syria", "PROPN", "pobj", 4)]
    assert triples(matcher, troops) == set()


# -- hand-built parses: receptions, envoys, credentials, hosts ------------------------------------


def test_a_visitor_received_or_welcomed_is_a_reception(matcher: RelationMatcher) -> None:
    received: list[Row] = [("Sisi", "Sisi", "PROPN", "nsubj", 1), ("received", "receive", "VERB", "ROOT", 1),
                           ("the", "the", "DET", "det", 3), ("emir", "emir", "NOUN", "dobj", 1),
                           (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, received) == {("abdel-fattah-el-sisi", "consults_with", "QAT-GOV", False)}
    # "Biden welcomed the president": a reception replaces the praise "welcomed" gives otherwise
    welcomed: list[Row] = [("Biden", "Biden", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
                           ("the", "the", "DET", "det", 3), ("president", "president", "NOUN", "dobj", 1),
                           (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, welcomed) == {("joe-biden", "consults_with", "KEN-GOV", False)}


def test_a_leader_received_in_the_passive(matcher: RelationMatcher) -> None:
    rows: list[Row] = [("Lula", "Lula", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
                       ("received", "receive", "VERB", "ROOT", 2), ("by", "by", "ADP", "agent", 2),
                       ("Macron", "Macron", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == {("emmanuel-macron", "consults_with", "lula-da-silva", False)}
    # a state received (into a club, by a body) is no leader's reception
    state = [("Ukraine", "Ukraine", "PROPN", "nsubjpass", 2), *rows[1:]]
    assert triples(matcher, state) == set()


def test_an_envoy_sent_is_a_visit_not_aid(matcher: RelationMatcher) -> None:
    rows: list[Row] = [("Russia", "Russia", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
                       ("an", "an", "DET", "det", 3), ("envoy", "envoy", "NOUN", "dobj", 1),
                       ("to", "to", "ADP", "prep", 1), ("Iran", "Iran", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("RUS", "consults_with", "IRN", False)}
    weapons = [row if row[0] != "envoy" else ("weapons", "weapon", "NOUN", "dobj", 1) for row in rows]
    assert triples(matcher, weapons) == {("RUS", "aids", "IRN", False)}


def test_credentials_presented_join_each_sending_state_with_the_host(matcher: RelationMatcher) -> None:
    # "the ambassadors presented credentials to Putin"
    rows: list[Row] = [("the", "the", "DET", "det", 1), ("ambassadors", "ambassador", "NOUN", "nsubj", 2),
                       ("presented", "present", "VERB", "ROOT", 2), ("credentials", "credential", "NOUN", "dobj", 2),
                       ("to", "to", "ADP", "prep", 2), ("Putin", "Putin", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == {("FRA-GOV", "consults_with", "vladimir-putin", False)}


def test_a_host_of_others_talks_consults_each_side(matcher: RelationMatcher) -> None:
    # "Singapore hosted the summit between America and Korea"
    rows: list[Row] = [("Singapore", "Singapore", "PROPN", "nsubj", 1), ("hosted", "host", "VERB", "ROOT", 1),
                       ("the", "the", "DET", "det", 3), ("summit", "summit", "NOUN", "dobj", 1),
                       ("between", "between", "ADP", "prep", 3), ("America", "America", "PROPN", "pobj", 4),
                       ("and", "and", "CCONJ", "cc", 5), ("Korea", "Korea", "PROPN", "conj", 5),
                       (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("USA", "consults_with", "PRK", False), ("SGP", "consults_with", "USA", False),
                                      ("SGP", "consults_with", "PRK", False)}


def test_a_host_takes_part_only_in_the_talks_it_hosts(matcher: RelationMatcher) -> None:
    # "Russia hosted talks with Iran"; "Syria hosted attacks against Israel" makes Syria no attacker
    talks: list[Row] = [("Russia", "Russia", "PROPN", "nsubj", 1), ("hosted", "host", "VERB", "ROOT", 1),
                        ("talks", "talk", "NOUN", "dobj", 1), ("with", "with", "ADP", "prep", 2),
                        ("Iran", "Iran", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert ("RUS", "consults_with", "IRN", False) in triples(matcher, talks)
    attacks: list[Row] = [("Syria", "Syria", "PROPN", "nsubj", 1), ("hosted", "host", "VERB", "ROOT", 1),
                          ("attacks", "attack", "NOUN", "dobj", 1), ("against", "against", "ADP", "prep", 2),
                          ("Israel", "Israel", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert not any(relation == "attacks" for _, relation, _, _ in triples(matcher, attacks))


def test_a_courtesy_call_paid_is_a_meeting_not_an_appeal(matcher: RelationMatcher) -> None:
    # "Modi paid a call on Putin"
    rows: list[Row] = [("Modi", "Modi", "PROPN", "nsubj", 1), ("paid", "pay", "VERB", "ROOT", 1),
                       ("a", "a", "DET", "det", 3), ("call", "call", "NOUN", "dobj", 1),
                       ("on", "on", "ADP", "prep", 3), ("Putin", "Putin", "PROPN", "pobj", 4),
                       (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("narendra-modi", "consults_with", "vladimir-putin", False)}


def test_a_proposal_welcomed_from_someone_backs_its_sender(matcher: RelationMatcher) -> None:
    # "Calenardhon welcomed memos from Bree" (the parser hangs "from" on the verb)
    rows: list[Row] = [("Calenardhon", "Calenardhon", "PROPN", "nsubj", 1), ("welcomed", "welcome", "VERB", "ROOT", 1),
                       ("memos", "memo", "NOUN", "dobj", 1), ("from", "from", "ADP", "prep", 1),
                       ("Bree", "Bree", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("CAL", "supports", "BRE", False)}
    refugees = [row if row[0] != "memos" else ("refugees", "refugee", "NOUN", "dobj", 1) for row in rows]
    assert ("CAL", "supports", "BRE", False) not in triples(matcher, refugees)


def test_attending_another_states_event(matcher: RelationMatcher) -> None:
    # "Modi attended France's celebrations"; not at home, and only a state's or its leaders' event
    rows: list[Row] = [("Modi", "Modi", "PROPN", "nsubj", 1), ("attended", "attend", "VERB", "ROOT", 1),
                       ("France", "France", "PROPN", "poss", 4), ("'s", "'s", "PART", "case", 2),
                       ("celebrations", "celebration", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("narendra-modi", "consults_with", "FRA", False)}
    home = [row if row[0] != "France" else ("Delhi", "Delhi", "PROPN", "poss", 4) for row in rows]
    assert triples(matcher, home) == set()
    hamas = [row if row[0] != "France" else ("fighters", "fighter", "NOUN", "poss", 4) for row in rows]
    assert triples(matcher, hamas) == set()


# -- the lexicon options ----------------------------------------------------------------------------


def test_actor_classes() -> None:
    assert actor_in("Person", "GOV", ["State", "Person:GOV"])
    assert actor_in("State", None, ["State"])
    assert actor_in("InternationalOrganization", "IGO", ["*:IGO"])
    assert not actor_in("StateInstitution", "MIL", ["State", "*:GOV"])
    assert not actor_in("Person", None, ["Person:GOV"])


def test_the_journey_cues_are_data() -> None:
    journeys = load_lexicon().cues.journeys
    assert "State" in journeys.destinations and "Person:GOV" in journeys.travellers
    assert "StateInstitution:MIL" not in journeys.travellers and "delegation" in journeys.traveller_heads


def test_an_unknown_actor_class_is_rejected(tmp_path) -> None:
    from extract.lexicon import default_lexicon_dir

    source = default_lexicon_dir()
    for name in ("frames.yaml", "light_verbs.yaml", "cues.yaml"):
        (tmp_path / name).write_text(source.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "visits.yaml").write_text(
        "entries:\n  - relation: consults_with\n    frame: verb_object\n    lemmas: [attend]\n"
        "    subjects: [Statesman]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="Statesman"):
        load_lexicon(directory=tmp_path)


# -- the real model ---------------------------------------------------------------------------------


def found(extractor: Extractor, text: str) -> set[tuple[str, str, str, bool]]:
    records: list[RelationRecord] = extractor.extract(Document(id="t", text=text, date="2024-06-01"))
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Japanese prime minister travelled to Canberra on Tuesday.", ("JPN-GOV", "consults_with", "AUS", False)),
        ("Antony Blinken flew to Cairo for talks on the war.", ("antony-blinken", "consults_with", "EGY", False)),
        ("The Turkish foreign minister arrived in Tehran on Sunday.", ("TUR-GOV", "consults_with", "IRN", False)),
        ("The Saudi foreign minister left for Damascus on Monday.", ("SAU-GOV", "consults_with", "SYR", False)),
        ("Putin landed in Hanoi early on Thursday.", ("vladimir-putin", "consults_with", "VNM", False)),
        ("A Taliban delegation arrived in Beijing on Monday.", ("taliban", "consults_with", "CHN", False)),
        ("Guterres flew to Nairobi on Friday.", ("antonio-guterres", "consults_with", "KEN", False)),
        ("Erdogan paid a state visit to Hungary.", ("recep-tayyip-erdogan", "consults_with", "HUN", False)),
        ("During a state visit to Japan, Macron praised the alliance.",
         ("emmanuel-macron", "consults_with", "JPN", False)),
        ("Blinken was on his third trip to Israel since October.", ("antony-blinken", "consults_with", "ISR", False)),
        ("Xi embarked on a tour of Serbia and Hungary.", ("xi-jinping", "consults_with", "SRB", False)),
        ("The Omani sultan received the Iranian foreign minister in Muscat.",
         ("OMN-GOV", "consults_with", "IRN-GOV", False)),
        ("Qatar received a delegation from Egypt.", ("QAT", "consults_with", "EGY", False)),
        ("Macron welcomed Zelensky to the Elysee Palace.", ("emmanuel-macron", "consults_with", "volodymyr-zelensky", False)),
        ("Japan sent an envoy to Seoul.", ("JPN", "consults_with", "KOR", False)),
        ("The new German ambassador presented his credentials to Putin.",
         ("DEU-GOV", "consults_with", "vladimir-putin", False)),
        ("Oman hosted talks between Iran and the United States.", ("OMN", "consults_with", "IRN", False)),
        ("Egypt brokered a truce between Israel and Hamas.", ("EGY", "consults_with", "hamas", False)),
        ("Kenya welcomed proposals from Ethiopia.", ("KEN", "supports", "ETH", False)),
        ("Qatar hosted talks with Ukrainian negotiators.", ("QAT", "consults_with", "UKR-GOV", False)),
        ("The Jordanian foreign minister paid a courtesy call on the Emir of Qatar.",
         ("JOR-GOV", "consults_with", "QAT-GOV", False)),
        ("Putin did not travel to South Africa.", ("vladimir-putin", "consults_with", "ZAF", True)),
        ("Beijing rolled out the red carpet for the Brazilian president on Friday.",
         ("CHN", "consults_with", "BRA-GOV", False)),
        ("Blinken travelled to Israel, Jordan and Egypt this week.", ("antony-blinken", "consults_with", "JOR", False)),
        ("Lavrov met Wang Yi after arriving in Beijing.", ("sergei-lavrov", "consults_with", "CHN", False)),
        ("Modi attended the inauguration of Indonesia's new president.",
         ("narendra-modi", "consults_with", "IDN-GOV", False)),
    ],
)
def test_visits_in_news_sentences(extractor: Extractor, text: str, expected: tuple[str, str, str, bool]) -> None:
    assert expected in found(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops arrived in Libya last month.",
        "Hundreds of Afghan refugees arrived in Iran.",
        "Migrants from Tunisia travelled to Italy by boat.",
        "A Ukrainian journalist flew to Warsaw.",
        "Chinese warships arrived in Cambodia for a port call.",
        "US weapons arrived in Israel on Monday.",
        "The Russian foreign minister flew back to Moscow.",
        "Former President Obama travelled to Kenya.",
        "The Hungarian prime minister flew to Brussels for the summit.",
        "Iran flew drones into Israel.",
        "Thousands of Russians attended the funeral of a dissident.",
    ],
)
def test_no_visit_without_a_traveller_and_a_destination(extractor: Extractor, text: str) -> None:
    assert not any(relation == "consults_with" for _, relation, _, _ in found(extractor, text))


def test_a_welcomed_visitor_is_not_praised(extractor: Extractor) -> None:
    records = found(extractor, "Biden welcomed the Kenyan president to the White House.")
    assert ("joe-biden", "consults_with", "KEN-GOV", False) in records
    assert not any(relation == "supports" for _, relation, _, _ in records)


def test_a_summoned_ambassador_stays_an_accusation(extractor: Extractor) -> None:
    records = found(extractor, "Poland summoned the Russian ambassador.")
    assert ("POL", "accuses", "RUS-GOV", False) in records
    assert not any(relation == "consults_with" for _, relation, _, _ in records)


def test_aid_received_stays_aid(extractor: Extractor) -> None:
    assert ("USA", "aids", "UKR", False) in found(extractor, "Ukraine received air defence systems from the United States.")

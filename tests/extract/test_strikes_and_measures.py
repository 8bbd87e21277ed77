"""Material conflict and aid as real news words them: strikes that killed someone, leaders eliminated,
weapons used, terrorist designations, frozen assets, export controls, agreements left, aid packages,
goods transferred, and forces withdrawn.

Real-model sentences are written for this file (none is from a gold or benchmark set); the hand-built
parses check the same rules without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.records import ActorRef, Document
from extract.relations import RelationMatcher
from tests.extract.handbuilt import AssertedKey, Row, asserted_keys, hand_doc, hand_records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one killed or wounded in someone's strike is attacked by the strike's owner
        ("Five Palestinians were killed in an Israeli airstrike in Gaza.",
         {("ISR-MIL", "attacks", "PSE-CVL", "asserted")}),
        ("A senior Islamic State commander was killed in a U.S. strike in Syria.",
         {("USA", "attacks", "islamic-state", "asserted")}),
        ("A Hezbollah commander was killed in an Israeli strike, the group said.",
         {("ISR", "attacks", "hezbollah", "reported")}),
        ("Two Russian soldiers were wounded in a Ukrainian drone attack.",
         {("UKR-MIL", "attacks", "RUS-MIL", "asserted")}),
        # a joint strike: both sides attack, and cooperate
        ("A senior Islamic State leader was killed in a joint U.S.-Iraqi raid.",
         {("USA", "attacks", "islamic-state", "asserted"), ("IRQ", "attacks", "islamic-state", "asserted"),
          ("USA", "cooperates_with", "IRQ", "asserted")}),
        ("A senior Islamic State leader was killed in a joint operation by U.S. and Iraqi forces.",
         {("USA-MIL", "attacks", "islamic-state", "asserted"), ("IRQ-MIL", "attacks", "islamic-state", "asserted"),
          ("USA-MIL", "cooperates_with", "IRQ-MIL", "asserted")}),
        # an armed group's leaders eliminated or neutralised
        ("Iraq's intelligence service eliminated a senior Islamic State leader.",
         {("IRQ-SPY", "attacks", "islamic-state", "asserted")}),
        ("The Israeli military said it neutralized a senior Hamas commander in Gaza.",
         {("ISR-MIL", "attacks", "hamas", "reported")}),
        # an offensive spearheaded, weapons used against someone
        ("Hayat Tahrir al-Sham spearheaded the offensive against Assad's forces.",
         {("hayat-tahrir-al-sham", "attacks", "SYR-MIL", "asserted")}),
        ("Russia used drones against Ukraine.", {("RUS", "attacks", "UKR", "asserted")}),
        # terrorist designations
        ("Washington designated the Houthis as a foreign terrorist organization.",
         {("USA", "sanctions", "houthis", "asserted")}),
        ("The United States designated the Houthis a terrorist organization.",
         {("USA", "sanctions", "houthis", "asserted")}),
        ("Canada listed Iran's Revolutionary Guard as a terrorist entity.",
         {("CAN", "sanctions", "islamic-revolutionary-guard-corps", "asserted")}),
        # assets frozen, export controls
        ("Britain froze the assets of Russian oligarchs.", {("GBR", "sanctions", "RUS", "asserted")}),
        ("The United States froze Afghan central bank assets.", {("USA", "sanctions", "AFG", "asserted")}),
        ("The United States imposed export controls on China.", {("USA", "sanctions", "CHN", "asserted")}),
        # an agreement left is a measure against the partner, and no longer an agreement
        ("The United States pulled out of the nuclear deal with Iran.", {("USA", "sanctions", "IRN", "asserted")}),
        ("Russia withdrew from the grain agreement with Ukraine.", {("RUS", "sanctions", "UKR", "asserted")}),
        # aid packages and goods transferred
        ("The United States approved a $1 billion military aid package for Ukraine.",
         {("USA", "aids", "UKR", "asserted")}),
        ("Diplomats discussed North Korea's transfer of arms and munitions to Russia.",
         {("PRK", "aids", "RUS", "asserted")}),
        # forces named in an "of" phrase withdraw
        ("The withdrawal of U.S. troops from Afghanistan ended in August.",
         {("USA-MIL", "retreats_from", "AFG", "asserted")}),
        # weapons used, in a relative clause
        ("Ukrainian officials listed the weapons Russia has used against Ukraine.",
         {("RUS", "attacks", "UKR", "asserted")}),
        # trade wars are measures, not fighting
        ("Trump launched a trade war with China.", {("donald-trump", "sanctions", "CHN", "asserted")}),
        ("The United States waged a tariff fight with Canada and Mexico.",
         {("USA", "sanctions", "CAN", "asserted"), ("USA", "sanctions", "MEX", "asserted")}),
        ("Russia waged war against Ukraine.", {("RUS", "fights_with", "UKR", "asserted")}),
        # measures aimed by a participle
        ("The U.S. announced new sanctions targeting Russian banks.", {("USA", "sanctions", "RUS", "asserted")}),
        ("The European Union approved tariffs targeting Chinese electric vehicles.",
         {("european-union", "sanctions", "CHN", "asserted")}),
        ("Israeli airstrikes targeting Hamas killed dozens.", {("ISR-MIL", "attacks", "hamas", "asserted")}),
        # money or aid received from a named giver
        ("Malaysia accepted Chinese funding for infrastructure projects.", {("CHN", "aids", "MYS", "asserted")}),
        ("Ukraine received EU assistance.", {("european-union", "aids", "UKR", "asserted")}),
        # killed by someone's fire or weapon
        ("A Palestinian journalist was killed by Israeli fire in Gaza.", {("ISR", "attacks", "PSE-MED", "asserted")}),
        # hit or targeted with a measure is sanctioned, not attacked; tariffs raised; imports banned
        ("Trump hit Canada with 25% tariffs.", {("donald-trump", "sanctions", "CAN", "asserted")}),
        ("Washington targeted Moscow with fresh sanctions.", {("USA", "sanctions", "RUS", "asserted")}),
        ("Russia hit Kyiv with missiles.", {("RUS", "attacks", "UKR", "asserted")}),
        ("The United States raised tariffs on Chinese goods to 145%.", {("USA", "sanctions", "CHN", "asserted")}),
        ("China banned imports of Japanese seafood.", {("CHN", "sanctions", "JPN", "asserted")}),
        # refugees hosted or taken in are aided, not met
        ("Turkey hosts 3.5 million Syrian refugees.", {("TUR", "aids", "SYR-REF", "asserted")}),
        ("Poland has taken in more than a million Ukrainian refugees.", {("POL", "aids", "UKR-REF", "asserted")}),
        ("Qatar hosted Taliban leaders.", {("QAT", "consults_with", "taliban", "asserted")}),
        # designated in the passive, the designator in a "by" phrase on the label
        ("Hamas was designated a terrorist organization by the United States.",
         {("USA", "sanctions", "hamas", "asserted")}),
        ("The Houthis were designated as a terrorist group by Washington.",
         {("USA", "sanctions", "houthis", "asserted")}),
        # arms sold
        ("The United States approved the sale of F-16 jets to Turkey.", {("USA", "aids", "TUR", "asserted")}),
        # a vessel acted upon is its flag or owner state's
        ("Iran seized a British-flagged oil tanker.", {("IRN", "coerces", "GBR", "asserted")}),
        ("A British-flagged tanker was seized by Iran.", {("IRN", "coerces", "GBR", "asserted")}),
        ("Houthi rebels attacked a Greek-owned cargo ship in the Red Sea.", {("houthis", "attacks", "GRC", "asserted")}),
        # strikes aimed by a participle, bans, forces leaving, gifts to an indirect object, supplies rushed
        ("The United States carried out airstrikes targeting Houthi positions in Yemen.",
         {("USA", "attacks", "houthis", "asserted")}),
        ("Canada banned Russian airlines from its airspace.", {("CAN", "sanctions", "RUS", "asserted")}),
        ("U.S. troops left Afghanistan in August 2021.", {("USA-MIL", "retreats_from", "AFG", "asserted")}),
        ("China has lent Pakistan $4 billion.", {("CHN", "aids", "PAK", "asserted")}),
        ("Iran gave Russia hundreds of drones.", {("IRN", "aids", "RUS", "asserted")}),
        ("India rushed relief supplies to Sri Lanka.", {("IND", "aids", "LKA", "asserted")}),
        # talks walked out of; packages unveiled; designated extremist
        ("Ukraine withdrew from talks with Russia.", {("UKR", "sanctions", "RUS", "asserted")}),
        ("The EU unveiled a 50 billion euro aid package for Ukraine.",
         {("european-union", "aids", "UKR", "asserted")}),
        # those killed in clashes fought in them
        ("Three Israeli soldiers were killed in clashes with Hamas militants.",
         {("ISR-MIL", "fights_with", "hamas", "asserted")}),
        ("A Taliban commander was killed in a gun battle with Pakistani police.",
         {("taliban", "fights_with", "PAK-COP", "asserted")}),
        # strikes inside or across a state; homes razed; put on a list; surtaxes
        ("Pakistan carried out retaliatory strikes inside Iran.", {("PAK", "attacks", "IRN", "asserted")}),
        ("Russia launched missile strikes across Ukraine.", {("RUS", "attacks", "UKR", "asserted")}),
        ("Israel demolished Palestinian homes in the West Bank.", {("ISR", "attacks", "PSE", "asserted")}),
        ("Washington added dozens of Chinese firms to its entity list.", {("USA", "sanctions", "CHN-BUS", "asserted")}),
        ("The United States put Iran's central bank on a terrorist list.", {("USA", "sanctions", "IRN", "asserted")}),
        ("Canada imposed a 100% surtax on Chinese electric vehicles.", {("CAN", "sanctions", "CHN", "asserted")}),
        # an ordered departure is the order, not yet a retreat
        ("Mali's military rulers ordered French troops to withdraw from Mali.",
         {("MLI-GOV", "coerces", "FRA-MIL", "asserted")}),
    ],
)
def test_strikes_measures_and_aid(extractor: Extractor, text: str, expected: set[AssertedKey]) -> None:
    assert asserted_keys(extractor.extract(Document(text=text, id="d"))) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a strike of no named side; a death with no strike
        "Ten people were killed in an attack on a market in Kharkiv.",
        "A Turkish journalist was killed in Syria.",
        # tariffs eliminated, sanctions packaged, power transferred, control taken: no party attacked or aided
        "The EU wants to eliminate tariffs on Chinese goods.",
        "The EU adopted a new sanctions package for Russia.",
        "The army completed the transfer of power to a civilian government in Sudan.",
        "Washington took control of the negotiations with Iran.",
        # tear gas is no weapon of war (its use is coercion, in tests/extract/test_generalisation.py)
        "Police used tear gas against protesters.",
        # missiles received are no gift (a trade war is no fighting: sanctions each way, in
        # tests/extract/test_threats_and_measures.py)
        "Ukraine received Russian missiles.",
        # trade is no aid, nor a label without its holder
        "Russia's food sales to Egypt rose.",
        "The United States designated a terrorist organization.",
        # an owned firm that speaks is not its owner state
        "A Russian-owned refinery said it had resumed exports to India.",
        # a leader leaving is a journey; a warning given is no gift; a ban on no one
        "The Indian prime minister left Japan on Friday.",
        "Putin gave the West a warning.",
        "The government banned protests in the capital.",
        # a list of partners is no blacklist
        "Japan added Vietnam to its list of trade partners.",
        # those killed in an attack on a base did not attack it
        "Three Americans were killed in a drone attack on a U.S. base in Jordan.",
        # no one killed, or not killed
        "No Ukrainian soldiers were killed in a Russian attack.",
        "Two Ukrainian soldiers were not killed in a Russian attack.",
    ],
)
def test_no_relation_from_these_rules(extractor: Extractor, text: str) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert not [r for r in records if not r.negated], records


def test_a_strike_without_a_victim_negation_is_negated(extractor: Extractor) -> None:
    records = extractor.extract(Document(text="No Ukrainian soldiers were killed in a Russian attack.", id="d"))
    assert [(r.subject.id, r.relation, r.object.id, r.negated) for r in records] == [
        ("RUS", "attacks", "UKR-MIL", True)
    ]


# -- the same rules on hand-built parses ----------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Chile": "CHL", "Peru": "PER", "Japan": "JPN", "Ghana": "GHA"}.items()
}
ACTORS["Chileans"] = ActorRef(id="CHL-CVL", label="Chileans", type="SocialGroup", country="CHL", role="CVL")
ACTORS["troops"] = ActorRef(id="JPN-MIL", label="Japanese troops", type="StateInstitution", country="JPN",
                            role="MIL")
ACTORS["Hamas"] = ActorRef(id="hamas", label="Hamas", type="ArmedGroup")


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[AssertedKey]:
    doc: Doc = hand_doc(matcher, rows, ACTORS)
    return asserted_keys(hand_records(matcher, doc, ACTORS))


def all_triples(matcher: RelationMatcher, rows: list[Row]) -> set[tuple[str, str, str, bool]]:
    doc: Doc = hand_doc(matcher, rows, ACTORS)
    return {(r.subject.id, r.relation, r.object.id, r.negated) for r in hand_records(matcher, doc, ACTORS)}


def _killed_in(modifier: str, *, negated: bool = False) -> list[Row]:
    # "Chileans were (not) killed in a <modifier> strike ."
    rows: list[Row] = [("Chileans", "Chilean", "PROPN", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
                       ("killed", "kill", "VERB", "ROOT", 2), ("in", "in", "ADP", "prep", 2),
                       ("a", "a", "DET", "det", 6), (modifier, modifier, "PROPN", "compound", 6),
                       ("strike", "strike", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 2)]
    if negated:
        rows = [(w, lemma, pos, dep, head + (head >= 2)) for w, lemma, pos, dep, head in rows]
        rows.insert(2, ("not", "not", "PART", "neg", 3))
    return rows


def test_killed_in_a_strike(matcher: RelationMatcher) -> None:
    assert triples(matcher, _killed_in("Peru")) == {("PER", "attacks", "CHL-CVL", "asserted")}
    # a strike of no actor names no attacker
    assert triples(matcher, _killed_in("night")) == set()
    assert all_triples(matcher, _killed_in("Peru", negated=True)) == {("PER", "attacks", "CHL-CVL", True)}


def test_killed_in_a_strike_needs_a_passive(matcher: RelationMatcher) -> None:
    # "Japan killed Chileans in a Peru strike": the verb's own subject is the doer, not the strike's owner
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("killed", "kill", "VERB", "ROOT", 1),
            ("Chileans", "Chilean", "PROPN", "dobj", 1), ("in", "in", "ADP", "prep", 1),
            ("a", "a", "DET", "det", 6), ("Peru", "Peru", "PROPN", "compound", 6),
            ("strike", "strike", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("JPN", "attacks", "CHL-CVL", "asserted")}


def test_eliminated_only_a_party(matcher: RelationMatcher) -> None:
    def rows(target: str) -> list[Row]:  # "Japan eliminated <target> ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("eliminated", "eliminate", "VERB", "ROOT", 1),
                (target, target, "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("Hamas")) == {("JPN", "attacks", "hamas", "asserted")}
    assert triples(matcher, rows("Ghana")) == set()  # a state "eliminated" is a match or a tariff, not a strike


def test_weapons_used_against(matcher: RelationMatcher) -> None:
    def rows(thing: str, lemma: str) -> list[Row]:  # "Japan used <thing> against Ghana ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("used", "use", "VERB", "ROOT", 1),
                (thing, lemma, "NOUN", "dobj", 1), ("against", "against", "ADP", "prep", 1),
                ("Ghana", "Ghana", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("drones", "drone")) == {("JPN", "attacks", "GHA", "asserted")}
    assert triples(matcher, rows("pressure", "pressure")) == {("JPN", "coerces", "GHA", "asserted")}


def test_spearheaded_offensive(matcher: RelationMatcher) -> None:
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("spearheaded", "spearhead", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3), ("offensive", "offensive", "NOUN", "dobj", 1),
            ("against", "against", "ADP", "prep", 1), ("Ghana", "Ghana", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("JPN", "attacks", "GHA", "asserted")}


def test_terrorist_designation(matcher: RelationMatcher) -> None:
    def rows(adjective: str, noun: str) -> list[Row]:  # "Japan designated Ghana as a <adjective> <noun> ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("designated", "designate", "VERB", "ROOT", 1),
                ("Ghana", "Ghana", "PROPN", "dobj", 1), ("as", "as", "ADP", "prep", 1),
                ("a", "a", "DET", "det", 6), (adjective, adjective, "ADJ", "amod", 6),
                (noun, noun, "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("terrorist", "organization")) == {("JPN", "sanctions", "GHA", "asserted")}
    assert triples(matcher, rows("tourist", "destination")) == set()
    assert triples(matcher, rows("terrorist", "destination")) == set()
    # "Japan designated Ghana a terrorist group" (the label read as the object's apposition)
    appos = [("Japan", "Japan", "PROPN", "nsubj", 1), ("designated", "designate", "VERB", "ROOT", 1),
             ("Ghana", "Ghana", "PROPN", "dative", 1), ("a", "a", "DET", "det", 5),
             ("terrorist", "terrorist", "ADJ", "amod", 5), ("group", "group", "NOUN", "appos", 2),
             (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, appos) == {("JPN", "sanctions", "GHA", "asserted")}


def test_assets_frozen_and_export_controls(matcher: RelationMatcher) -> None:
    frozen = [("Japan", "Japan", "PROPN", "nsubj", 1), ("froze", "freeze", "VERB", "ROOT", 1),
              ("the", "the", "DET", "det", 3), ("assets", "asset", "NOUN", "dobj", 1),
              ("of", "of", "ADP", "prep", 3), ("Ghana", "Ghana", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, frozen) == {("JPN", "sanctions", "GHA", "asserted")}
    controls = [("Japan", "Japan", "PROPN", "nsubj", 1), ("imposed", "impose", "VERB", "ROOT", 1),
                ("export", "export", "NOUN", "compound", 3), ("controls", "control", "NOUN", "dobj", 1),
                ("on", "on", "ADP", "prep", 3), ("Ghana", "Ghana", "PROPN", "pobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, controls) == {("JPN", "sanctions", "GHA", "asserted")}
    # "Japan took control of Ghana": holding, not a measure
    taken = [("Japan", "Japan", "PROPN", "nsubj", 1), ("took", "take", "VERB", "ROOT", 1),
             ("control", "control", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 2),
             ("Ghana", "Ghana", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert not {k for k in triples(matcher, taken) if k[1] == "sanctions"}


def test_agreement_left(matcher: RelationMatcher) -> None:
    # "Japan withdrew from the agreement with Ghana": a sanction, and the agreement's own record goes
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1), ("withdrew", "withdraw", "VERB", "ROOT", 1),
            ("from", "from", "ADP", "prep", 1), ("the", "the", "DET", "det", 4),
            ("agreement", "agreement", "NOUN", "pobj", 2), ("with", "with", "ADP", "prep", 4),
            ("Ghana", "Ghana", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, rows) == {("JPN", "sanctions", "GHA", "asserted")}
    # "Japan pulled out of the deal with Ghana" (the preposition on the verb)
    pulled = [("Japan", "Japan", "PROPN", "nsubj", 1), ("pulled", "pull", "VERB", "ROOT", 1),
              ("out", "out", "ADP", "prep", 1), ("of", "of", "ADP", "prep", 2), ("the", "the", "DET", "det", 5),
              ("deal", "deal", "NOUN", "pobj", 3), ("with", "with", "ADP", "prep", 1),
              ("Ghana", "Ghana", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, pulled) == {("JPN", "sanctions", "GHA", "asserted")}


def test_aid_package_and_goods_transferred(matcher: RelationMatcher) -> None:
    def package(kind: str, lemma: str) -> list[Row]:  # "Japan approved a <kind> package for Ghana ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("approved", "approve", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 4), (kind, lemma, "NOUN", "compound", 4),
                ("package", "package", "NOUN", "dobj", 1), ("for", "for", "ADP", "prep", 4),
                ("Ghana", "Ghana", "PROPN", "pobj", 5), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, package("aid", "aid")) == {("JPN", "aids", "GHA", "asserted")}
    assert triples(matcher, package("sanctions", "sanction")) == set()

    def transfer(goods: str, lemma: str) -> list[Row]:  # "Japan 's transfer of <goods> to Ghana continued ."
        return [("Japan", "Japan", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
                ("transfer", "transfer", "NOUN", "nsubj", 7), ("of", "of", "ADP", "prep", 2),
                (goods, lemma, "NOUN", "pobj", 3), ("to", "to", "ADP", "prep", 4),
                ("Ghana", "Ghana", "PROPN", "pobj", 5), ("continued", "continue", "VERB", "ROOT", 7),
                (".", ".", "PUNCT", "punct", 7)]

    assert triples(matcher, transfer("arms", "arm")) == {("JPN", "aids", "GHA", "asserted")}
    assert triples(matcher, transfer("power", "power")) == set()


def test_forces_in_an_of_phrase_withdraw(matcher: RelationMatcher) -> None:
    # "The withdrawal of troops from Ghana ended ." ("troops" a mention of Japanese troops)
    rows = [("The", "the", "DET", "det", 1), ("withdrawal", "withdrawal", "NOUN", "nsubj", 6),
            ("of", "of", "ADP", "prep", 1), ("troops", "troop", "NOUN", "pobj", 2),
            ("from", "from", "ADP", "prep", 1), ("Ghana", "Ghana", "PROPN", "pobj", 4),
            ("ended", "end", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)]
    assert triples(matcher, rows) == {("JPN-MIL", "retreats_from", "GHA", "asserted")}


def test_trade_war_is_a_measure(matcher: RelationMatcher) -> None:
    def rows(kind: str) -> list[Row]:  # "Japan launched a <kind> war with Ghana ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("launched", "launch", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 4), (kind, kind, "NOUN", "compound", 4), ("war", "war", "NOUN", "dobj", 1),
                ("with", "with", "ADP", "prep", 4), ("Ghana", "Ghana", "PROPN", "pobj", 5),
                (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("trade")) == {("JPN", "sanctions", "GHA", "asserted")}
    assert triples(matcher, rows("border")) == {("JPN", "fights_with", "GHA", "asserted")}
    # "Japan and Ghana are locked in a trade war": no fighting between them, economic measures each way
    locked = [("Japan", "Japan", "PROPN", "nsubjpass", 4), ("and", "and", "CCONJ", "cc", 0),
              ("Ghana", "Ghana", "PROPN", "conj", 0), ("are", "be", "AUX", "auxpass", 4),
              ("locked", "lock", "VERB", "ROOT", 4), ("in", "in", "ADP", "prep", 4), ("a", "a", "DET", "det", 8),
              ("trade", "trade", "NOUN", "compound", 8), ("war", "war", "NOUN", "pobj", 5),
              (".", ".", "PUNCT", "punct", 4)]
    assert triples(matcher, locked) == {("JPN", "sanctions", "GHA", "asserted"), ("GHA", "sanctions", "JPN", "asserted")}


def test_measure_aimed_by_a_participle(matcher: RelationMatcher) -> None:
    def rows(noun: str, lemma: str) -> list[Row]:  # "Japan passed <noun> targeting Ghana ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("passed", "pass", "VERB", "ROOT", 1),
                (noun, lemma, "NOUN", "dobj", 1), ("targeting", "target", "VERB", "acl", 2),
                ("Ghana", "Ghana", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("legislation", "legislation")) == {("JPN", "sanctions", "GHA", "asserted")}
    assert triples(matcher, rows("leaflets", "leaflet")) == set()


def test_aid_received_from_a_named_giver(matcher: RelationMatcher) -> None:
    def rows(noun: str, lemma: str) -> list[Row]:  # "Ghana accepted Japan <noun> ."
        return [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("accepted", "accept", "VERB", "ROOT", 1),
                ("Japan", "Japan", "PROPN", "compound", 3), (noun, lemma, "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("funding", "funding")) == {("JPN", "aids", "GHA", "asserted")}
    assert triples(matcher, rows("missiles", "missile")) == set()


def test_weapons_used_in_a_relative_clause(matcher: RelationMatcher) -> None:
    # "the drones Japan used against Ghana"
    rows = [("the", "the", "DET", "det", 1), ("drones", "drone", "NOUN", "ROOT", 1),
            ("Japan", "Japan", "PROPN", "nsubj", 3), ("used", "use", "VERB", "relcl", 1),
            ("against", "against", "ADP", "prep", 3), ("Ghana", "Ghana", "PROPN", "pobj", 4)]
    assert triples(matcher, rows) == {("JPN", "attacks", "GHA", "asserted")}


def test_hit_with_a_measure(matcher: RelationMatcher) -> None:
    def rows(thing: str, lemma: str) -> list[Row]:  # "Japan hit Ghana with <thing> ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1),
                ("Ghana", "Ghana", "PROPN", "dobj", 1), ("with", "with", "ADP", "prep", 1),
                (thing, lemma, "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("tariffs", "tariff")) == {("JPN", "sanctions", "GHA", "asserted")}
    assert triples(matcher, rows("missiles", "missile")) == {("JPN", "attacks", "GHA", "asserted")}


def test_refugees_hosted(matcher: RelationMatcher) -> None:
    actors = {**ACTORS, "Chileans": ActorRef(id="CHL-REF", label="Chilean refugees", type="SocialGroup",
                                            country="CHL", role="REF")}
    # "Peru hosts Chilean refugees" (the mention is the demonym; the noun says who they are)
    rows = [("Peru", "Peru", "PROPN", "nsubj", 1), ("hosts", "host", "VERB", "ROOT", 1),
            ("Chileans", "Chilean", "PROPN", "amod", 3), ("refugees", "refugee", "NOUN", "dobj", 1),
            (".", ".", "PUNCT", "punct", 1)]
    doc: Doc = hand_doc(matcher, rows, actors)
    assert asserted_keys(hand_records(matcher, doc, actors)) == {("PER", "aids", "CHL-REF", "asserted")}


def test_passive_designation_by_on_the_label(matcher: RelationMatcher) -> None:
    # "Ghana was designated a terrorist organization by Japan"
    rows = [("Ghana", "Ghana", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
            ("designated", "designate", "VERB", "ROOT", 2), ("a", "a", "DET", "det", 5),
            ("terrorist", "terrorist", "ADJ", "amod", 5), ("organization", "organization", "NOUN", "dobj", 2),
            ("by", "by", "ADP", "prep", 5), ("Japan", "Japan", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 2)]
    assert triples(matcher, rows) == {("JPN", "sanctions", "GHA", "asserted")}


def test_arms_sold_with_the_preposition_on_the_verb(matcher: RelationMatcher) -> None:
    def rows(goods: str, lemma: str) -> list[Row]:  # "Japan approved the sale of <goods> to Ghana ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("approved", "approve", "VERB", "ROOT", 1),
                ("the", "the", "DET", "det", 3), ("sale", "sale", "NOUN", "dobj", 1), ("of", "of", "ADP", "prep", 3),
                (goods, lemma, "NOUN", "pobj", 4), ("to", "to", "ADP", "prep", 1), ("Ghana", "Ghana", "PROPN", "pobj", 6),
                (".", ".", "PUNCT", "punct", 1)]

    assert ("JPN", "aids", "GHA", "asserted") in triples(matcher, rows("jets", "jet"))
    assert ("JPN", "aids", "GHA", "asserted") not in triples(matcher, rows("shares", "share"))


def test_flagged_vessel_is_its_state(matcher: RelationMatcher) -> None:
    def rows(participle: str) -> list[Row]:  # "Japan seized a Ghana-<participle> tanker ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("seized", "seize", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 6), ("Ghana", "Ghana", "PROPN", "npadvmod", 5), ("-", "-", "PUNCT", "punct", 5),
                (participle, participle, "ADJ", "amod", 6), ("tanker", "tanker", "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("flagged")) == {("JPN", "coerces", "GHA", "asserted")}
    assert triples(matcher, rows("built")) == set()


def test_given_to_an_indirect_object(matcher: RelationMatcher) -> None:
    def rows(thing: str, lemma: str) -> list[Row]:  # "Japan gave Ghana <thing> ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("gave", "give", "VERB", "ROOT", 1),
                ("Ghana", "Ghana", "PROPN", "dative", 1), (thing, lemma, "NOUN", "dobj", 1),
                (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("loans", "loan")) == {("JPN", "aids", "GHA", "asserted")}
    assert triples(matcher, rows("warnings", "warning")) == set()


def test_forces_leave_but_leaders_travel(matcher: RelationMatcher) -> None:
    def rows(who: str) -> list[Row]:  # "<who> left Ghana ."
        return [(who, who.lower(), "NOUN", "nsubj", 1), ("left", "leave", "VERB", "ROOT", 1),
                ("Ghana", "Ghana", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("troops")) == {("JPN-MIL", "retreats_from", "GHA", "asserted")}
    assert triples(matcher, rows("Japan")) == set()


def test_ordered_withdrawal_is_no_retreat_yet(matcher: RelationMatcher) -> None:
    # "Ghana ordered troops to leave Ghana" ("troops" Japanese): the order, not a retreat
    rows = [("Ghana", "Ghana", "PROPN", "nsubj", 1), ("ordered", "order", "VERB", "ROOT", 1),
            ("troops", "troop", "NOUN", "dobj", 1), ("to", "to", "PART", "aux", 4), ("leave", "leave", "VERB", "xcomp", 1),
            ("Ghana", "Ghana", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 1)]
    assert not {k for k in triples(matcher, rows) if k[1] == "retreats_from"}


def test_the_killed_did_not_make_the_attack(matcher: RelationMatcher) -> None:
    def rows(noun: str, prep: str) -> list[Row]:  # "Chileans were killed in an <noun> <prep> Ghana ."
        return [("Chileans", "Chilean", "PROPN", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
                ("killed", "kill", "VERB", "ROOT", 2), ("in", "in", "ADP", "prep", 2), ("an", "an", "DET", "det", 5),
                (noun, noun, "NOUN", "pobj", 3), (prep, prep, "ADP", "prep", 5),
                ("Ghana", "Ghana", "PROPN", "pobj", 6), (".", ".", "PUNCT", "punct", 2)]

    assert triples(matcher, rows("attack", "on")) == set()
    assert triples(matcher, rows("clash", "with")) == {("CHL-CVL", "fights_with", "GHA", "asserted")}


def test_put_on_a_list(matcher: RelationMatcher) -> None:
    def rows(kind: str) -> list[Row]:  # "Japan added Ghana to its <kind> list ."
        return [("Japan", "Japan", "PROPN", "nsubj", 1), ("added", "add", "VERB", "ROOT", 1),
                ("Ghana", "Ghana", "PROPN", "dobj", 1), ("to", "to", "ADP", "prep", 1), ("its", "its", "PRON", "poss", 6),
                (kind, kind, "NOUN", "compound", 6), ("list", "list", "NOUN", "pobj", 3), (".", ".", "PUNCT", "punct", 1)]

    assert triples(matcher, rows("entity")) == {("JPN", "sanctions", "GHA", "asserted")}
    assert triples(matcher, rows("guest")) == set()

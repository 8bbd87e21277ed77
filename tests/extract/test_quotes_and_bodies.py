"""First-person pronouns in quotations, joint bodies, honours and nominal transfers.

Real-model sentences are written for this file (none is from a gold or benchmark set); the hand-built
parses check the quotation rule without depending on what the statistical parser does.
"""

from __future__ import annotations

import pytest

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
        # "we" and "our" inside a quotation are its speaker
        ('Norway\'s foreign minister said, "We will keep supporting Ukraine."',
         {("NOR-GOV", "supports", "UKR", False)}),
        ('"Our navy will defend Lithuania," Sweden\'s defence minister told reporters.',
         {("SWE-GOV", "supports", "LTU", False)}),
        ('"We will not attack Qatar," the Saudi foreign minister said.',
         {("SAU-GOV", "attacks", "QAT", True)}),
        # joint bodies set up by both sides, or with the other side
        ("Paris and Berlin set up a joint commission on energy.", {("FRA", "cooperates_with", "DEU", False)}),
        ("Vietnam set up a working group with Laos.", {("VNM", "cooperates_with", "LAO", False)}),
        # honours bestowed
        ("Ghana conferred its highest honour on the Indian prime minister.", {("GHA", "supports", "IND-GOV", False)}),
        # transfers and deliveries as nouns, their owner the giver
        ("Iran's transfer of drones to Russia worried Kyiv.", {("IRN", "aids", "RUS", False)}),
        # a titled role's forces are its side's: "his forces" after "the Malian army chief said"
        ("The Malian army chief said his forces had killed 40 JNIM fighters.", {("MLI-MIL", "attacks", "jnim", False)}),
    ],
)
def test_quotes_bodies_and_transfers(extractor: Extractor, text: str, expected: set[Key]) -> None:
    assert keyed(extractor.extract(Document(text=text, id="d"))) == expected


@pytest.mark.parametrize(
    ("text", "other"),
    [
        # "we" outside any quotation stays unresolved
        ("Officials in Oslo said we should support Ukraine.", "UKR"),
        # a quotation with several possible speakers is nobody's
        ('Chile and Peru said, "We will support Bolivia," while Argentina told reporters it disagreed.', "BOL"),
    ],
)
def test_unresolved_first_person(extractor: Extractor, text: str, other: str) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert not [r for r in records if r.object.id == other], records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim's content is reported, its owner the speaker; denied or rejected, it is negated
        ("Rwanda rejected Congolese claims that it armed the M23 rebels.", ("RWA", "aids", "m23", True, "reported")),
        ("Qatar rejected allegations that it funded Hamas.", ("QAT", "aids", "hamas", True, "reported")),
        ("Algeria denied reports that it supplied drones to Mali.", ("DZA", "aids", "MLI", True, "reported")),
        ("Moroccan reports that Algeria supplied drones to the Polisario Front circulated widely.",
         ("DZA", "aids", "polisario-front", False, "reported")),
    ],
)
def test_claimed_content_is_reported(extractor: Extractor, text: str, expected: tuple) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert expected in {(r.subject.id, r.relation, r.object.id, r.negated, r.modality) for r in records}
    assert not [r for r in records if r.modality == "asserted" and r.relation == expected[1]], records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an allegation rejected is the rejecter's rejection of its author (no accusation record: the
        # sentence reports the rejection)
        ("Beijing dismissed American accusations of espionage.", ("CHN", "rejects", "USA", False)),
        # opposition faced from someone is that someone's rejection
        ("Malaysia's claim faced strong objections from Beijing.", ("CHN", "rejects", "MYS", False)),
        # the one told what to do in a subjunctive clause
        ("The Security Council demanded that Armenia withdraw its forces.", ("un-security-council", "requests", "ARM", False)),
        ("Serbia demanded that the Kosovars remove the barricades.", ("SRB", "requests", "XKX", False)),
        # a demand with a penalty attached is a threat as well as a request
        ("The EU urged Serbia to recognise Kosovo or face new sanctions.",
         ("european-union", "threatens", "SRB", False)),
        # blame laid in a report is an accusation
        ("Kabul said Pakistan was behind the border attack.", ("AFG", "accuses", "PAK", False)),
        ("Moscow claimed Kyiv was responsible for the explosion.", ("RUS", "accuses", "UKR", False)),
        # duties are tariffs
        ("China slapped duties on Australian barley.", ("CHN", "sanctions", "AUS", False)),
    ],
)
def test_rejections_objections_and_duties(extractor: Extractor, text: str, expected: tuple) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    keys = {(r.subject.id, r.relation, r.object.id, r.negated) for r in records}
    assert expected in keys
    if expected[1] == "threatens":  # the threat stands beside the request of the same verb
        assert (expected[0], "requests", expected[2], False) in keys


# -- the quotation rule on hand-built parses ------------------------------------------------------

ACTORS = {
    name: ActorRef(id=code, label=name, type="State", country=code)
    for name, code in {"Norway": "NOR", "Ukraine": "UKR", "Chile": "CHL"}.items()
}


def triples(matcher: RelationMatcher, rows: list[Row]) -> set[Key]:
    return keyed(hand_records(matcher, hand_doc(matcher, rows, ACTORS), ACTORS))


def test_we_in_a_quotation_is_its_speaker(matcher: RelationMatcher) -> None:
    # Norway said, "We support Ukraine."
    rows = [("Norway", "Norway", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            (",", ",", "PUNCT", "punct", 1), ('"', '"', "PUNCT", "punct", 5), ("We", "we", "PRON", "nsubj", 5),
            ("support", "support", "VERB", "ccomp", 1), ("Ukraine", "Ukraine", "PROPN", "dobj", 5),
            (".", ".", "PUNCT", "punct", 1), ('"', '"', "PUNCT", "punct", 1)]
    assert {(s, r, o) for s, r, o, _ in triples(matcher, rows)} == {("NOR", "supports", "UKR")}
    # the same words without quotation marks: "Norway said we support Ukraine" (no speaker for "we")
    bare = [("Norway", "Norway", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1),
            ("we", "we", "PRON", "nsubj", 3), ("support", "support", "VERB", "ccomp", 1),
            ("Ukraine", "Ukraine", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1)]
    assert triples(matcher, bare) == set()

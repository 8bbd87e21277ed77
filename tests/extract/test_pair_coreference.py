"""Conservative coreference of "both sides", "both countries", "the two sides", and pairs that act on each other.

"both <noun>" and "the two <noun>" name the exactly two persons, states or parties (a state, or any other
actor such as an armed group) named before them in their sentence or the one before; with three to choose
from they name no one. A pair "accusing each other" gives a record each way. Sentences written for this file.
"""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from extract.records import Document

Key = tuple[str, str, str]


def found(extractor: Extractor, text: str) -> set[Key]:
    records = extractor.extract(Document(text=text, id="d"))
    return {(r.subject.id, r.relation, r.object.id) for r in records if not r.negated}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state and an armed group are the two sides
        ("Israel and Hamas agreed to a truce in January. Both sides have since accused each other of violations.",
         {("ISR", "agrees_with", "hamas"), ("ISR", "accuses", "hamas"), ("hamas", "accuses", "ISR")}),
        ("India and Pakistan traded fire. Both countries blamed each other.",
         {("IND", "fights_with", "PAK"), ("IND", "accuses", "PAK"), ("PAK", "accuses", "IND")}),
        # "the two leaders" acting on each other: both ways
        ("Putin met Erdogan. The two leaders praised each other.",
         {("vladimir-putin", "consults_with", "recep-tayyip-erdogan"),
          ("vladimir-putin", "supports", "recep-tayyip-erdogan"),
          ("recep-tayyip-erdogan", "supports", "vladimir-putin")}),
        ("China and the Philippines traded accusations. Both sides said they would talk.",
         {("CHN", "accuses", "PHL"), ("PHL", "accuses", "CHN"), ("CHN", "consults_with", "PHL")}),
    ],
)
def test_both_sides_are_the_two_named_before(extractor: Extractor, text: str, expected: set[Key]) -> None:
    assert found(extractor, text) == expected


def test_three_parties_leave_both_sides_unresolved(extractor: Extractor) -> None:
    text = "Egypt, Qatar and Hamas met in Cairo. Both sides accused each other of delays."
    assert not {k for k in found(extractor, text) if k[1] == "accuses"}


def test_both_sides_of_a_border_are_a_place(extractor: Extractor) -> None:
    text = "Armenia and Azerbaijan agreed to talks. Troops dug in on both sides of the border."
    doc = extractor.nlp(text)
    assert not [s for s in doc.spans["geokg_actors"] if s.text.lower().startswith("both")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the bloc", "the alliance", "the agency" name the one body named before that the noun refers to
        ("The European Union agreed a new package on Monday. The bloc imposed sanctions on Russian banks.",
         {("european-union", "sanctions", "RUS")}),
        ("NATO leaders met in Vilnius. The alliance pledged more weapons to Ukraine.", {("nato", "aids", "UKR")}),
        ("The EU and NATO met. The bloc criticized Russia.",
         {("european-union", "consults_with", "nato"), ("european-union", "accuses", "RUS")}),
        ("Iran is defying the U.N. Security Council and ignoring the concerns of the council.",
         {("IRN", "opposes", "un-security-council"), ("IRN", "rejects", "un-security-council")}),
    ],
)
def test_the_bloc_is_the_body_named_before(extractor: Extractor, text: str, expected: set[Key]) -> None:
    assert found(extractor, text) == expected


def test_a_body_noun_with_two_candidates_names_no_one(extractor: Extractor) -> None:
    # the African Union and ECOWAS are both blocs
    text = "The African Union and ECOWAS met in Abuja. The bloc criticized Mali."
    assert not {k for k in found(extractor, text) if k[1] == "accuses"}

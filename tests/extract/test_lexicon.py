"""The relation lexicon as data: validated, tied to the ontology, covering every PLOVER category."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.matcher import DependencyMatcher

from extract.dates import parse_date_phrase
from extract.errors import LexiconError
from extract.lexicon import covered_relations, default_lexicon_dir, load_lexicon
from ontology import relation_type, relation_types

PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def test_every_entry_names_an_ontology_relation_type() -> None:
    lexicon = load_lexicon()
    for entry in lexicon.entries:
        assert relation_type(entry.relation).snake == entry.relation


def test_every_relation_type_and_plover_category_is_covered() -> None:
    covered = covered_relations(load_lexicon())
    assert {r.snake for r in relation_types()} <= covered
    assert {relation_type(name).plover for name in covered} == PLOVER_CATEGORIES


def test_no_trigger_is_claimed_by_two_relation_types_in_one_frame() -> None:
    owner: dict[tuple[str, str, str], str] = {}
    for entry in load_lexicon().entries:
        for lemma in entry.lemmas:
            for prep in entry.preps or [""]:
                for verb in entry.verbs or [""]:
                    for particle in entry.particles or [""]:
                        key = (entry.frame, lemma, prep, verb, particle)
                        assert owner.setdefault(key, entry.relation) == entry.relation, key


def test_compiled_patterns_map_back_to_every_entry() -> None:
    lexicon = load_lexicon()
    patterns, index = lexicon.compile()
    assert set(patterns) == {entry.frame for entry in lexicon.entries}
    assert {id(entry) for entry in index.values()} == {id(entry) for entry in lexicon.entries}
    matcher = DependencyMatcher(spacy.blank("en").vocab, validate=True)
    for name, frame_patterns in patterns.items():
        matcher.add(name, frame_patterns)
    assert len(matcher) == len(patterns)


def test_patterns_are_valid_dependency_matcher_patterns() -> None:
    lexicon = load_lexicon()
    matcher = DependencyMatcher(spacy.blank("en").vocab, validate=True)
    for index in range(len(lexicon.entries)):
        for number, pattern in enumerate(lexicon.patterns(index)):
            matcher.add(f"{index}_{number}", [pattern])
            assert "$" not in repr(pattern)
    assert len(matcher) > len(lexicon.entries)


def _copy_lexicon(tmp_path: Path) -> Path:
    target = tmp_path / "lexicon"
    target.mkdir()
    for item in default_lexicon_dir().iterdir():
        if item.name.endswith(".yaml"):
            (target / item.name).write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_unknown_relation_type_is_a_lexicon_error(tmp_path: Path) -> None:
    directory = _copy_lexicon(tmp_path)
    (directory / "extra.yaml").write_text(
        "entries:\n  - {relation: befriends, frame: verb_object, lemmas: [befriend]}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="befriends"):
        load_lexicon(directory=directory)


def test_symmetric_frame_on_a_directed_type_is_rejected(tmp_path: Path) -> None:
    directory = _copy_lexicon(tmp_path)
    (directory / "extra.yaml").write_text(
        "entries:\n  - {relation: attacks, frame: verb_symmetric, lemmas: [brawl]}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="not symmetric"):
        load_lexicon(directory=directory)


def test_missing_preps_and_missing_files_are_lexicon_errors(tmp_path: Path) -> None:
    directory = _copy_lexicon(tmp_path)
    (directory / "extra.yaml").write_text(
        "entries:\n  - {relation: aids, frame: noun_prep, lemmas: [largesse]}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="preps"):
        load_lexicon(directory=directory)
    shutil.rmtree(directory)
    directory = _copy_lexicon(tmp_path)
    (directory / "cues.yaml").unlink()
    with pytest.raises(LexiconError, match="cues.yaml"):
        load_lexicon(directory=directory)


def test_a_yaml_boolean_is_not_accepted_as_a_word(tmp_path: Path) -> None:
    directory = _copy_lexicon(tmp_path)
    (directory / "extra.yaml").write_text(
        "entries:\n  - {relation: attacks, frame: verb_prep, lemmas: [pounce], preps: [on]}\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError):
        load_lexicon(directory=directory)


@pytest.mark.parametrize(
    ("phrase", "reference", "expected"),
    [
        ("3 March 2016", None, dt.date(2016, 3, 3)),
        ("March 3, 2016", None, dt.date(2016, 3, 3)),
        ("November 2015", None, dt.date(2015, 11, 1)),
        ("last July", dt.date(2016, 12, 20), dt.date(2016, 7, 1)),
        ("last December", dt.date(2016, 12, 20), dt.date(2015, 12, 1)),
        ("yesterday", dt.date(2016, 3, 1), dt.date(2016, 2, 29)),
        ("Monday", dt.date(2016, 12, 21), dt.date(2016, 12, 19)),
        ("2016", dt.date(2016, 12, 21), None),
        ("last July", None, None),
        ("31 February 2016", None, None),
    ],
)
def test_date_phrases(phrase: str, reference: dt.date | None, expected: dt.date | None) -> None:
    assert parse_date_phrase(phrase, reference=reference) == expected

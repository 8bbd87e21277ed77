"""PETRARCH2 unit-test records and the CAMEO→PLOVER table, read as a gold set.

PETRARCH2's validation suite (``PETR.UnitTest.records.xml``) codes stylised sentences about
mostly fictional countries (Arnor ``ARN``, Gondor ``GON`` ...) with CAMEO event codes and
CAMEO actor codes. geokg compares against it at the country level:

- an actor code whose first three letters are a country (``ARNGOV``, ``USAMIL``) scores as
  those three letters (``ARN``, ``USA``);
- a code of an actor of no single country scores, at the same grain, as its sector: the first
  three letters lower-cased (``IGOUNO`` and ``IGOAFR`` → ``igo``, ``NGOARN`` → ``ngo``,
  ``IMGMOSALQ`` → ``img``); a predicted actor of no country scores as its role (``IGO``, ``NGO``
  ...) or, without one, by its type (an international organisation → ``igo``);
- unknown actors (``---``, ``###``) and literal-text actors (``"INJURY TOLL"``) cannot be
  compared: events naming one are left out of the gold set (and counted in the notes).

An event code maps to PLOVER through ``CAMEO2PLOVER-2021.txt``, trying the code and then its
shorter prefixes; CAMEO's root 02 (appeal), absent from that table, is taken as REQUEST,
and root 01 (public statement) as no dyadic event. Codes that still do not map (the suite's
private test codes such as ``903``) leave their event out of the gold set.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError
from extract.evaluation import GoldRelation, GoldSentence, plover_polarities, scoring_key
from extract.records import ActorRef

RECORDS_FILE = Path("petrarch2") / "PETR.UnitTest.records.xml"
"""Unit-test records, relative to the shared data directory."""
CAMEO_PLOVER_FILE = Path("CAMEO2PLOVER-2021.txt")
"""CAMEO → PLOVER table, relative to the shared data directory."""
DICTIONARY_FILES = (Path("petrarch2") / "PETR.Validate.actors.txt", Path("petrarch2") / "PETR.Validate.agents.txt")
"""The actor and agent dictionaries the unit records are coded with."""

INTERNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT"})
"""First three letters of CAMEO codes for actors of no single country (their scoring sector)."""

SUPPLEMENT: dict[str, str | None] = {"02": "REQUEST", "01": None}
"""geokg's own choice for CAMEO roots the 2021 table leaves out (see the module docstring)."""


class PetrarchDataError(InputError):
    """A PETRARCH or CAMEO→PLOVER file that is missing or cannot be read."""


@dataclass(frozen=True, slots=True)
class PetrarchEvent:
    """One ``<EventCoding>`` of a unit record."""

    source: str
    target: str
    code: str


@dataclass(slots=True)
class PetrarchRecord:
    """One ``<Sentence>`` of the unit-test file."""

    id: str
    date: dt.date | None
    category: str
    text: str
    enabled: bool
    """False for records the suite marks ``sentence="false"`` (switched off)."""
    events: list[PetrarchEvent] = field(default_factory=list)
    noevents: bool = False
    """The record says it should yield no event."""
    error: str | None = None
    """The error kind the record tests (``dateline``, ``storydiscard`` ...), if any."""


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def read_unit_records(path: str | Path) -> list[PetrarchRecord]:
    """Read PETRARCH2's unit-test records.

    Parameters
    ----------
    path
        ``PETR.UnitTest.records.xml``.

    Returns
    -------
    list of PetrarchRecord
        Every ``<Sentence>``, in file order, with its text whitespace-normalised.

    Raises
    ------
    PetrarchDataError
        The file is missing or is not well-formed XML.
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise PetrarchDataError(f"cannot read PETRARCH records {path}: {exc}") from None
    records: list[PetrarchRecord] = []
    for node in root.iter("Sentence"):
        record = PetrarchRecord(
            id=(node.get("id") or "").strip(),
            date=_parse_date(node.get("date")),
            category=(node.get("category") or "").strip(),
            text=" ".join((node.findtext("Text") or "").split()),
            enabled=(node.get("sentence") or "true").strip().lower() != "false",
        )
        for coding in node.findall("EventCoding"):
            if coding.get("error"):
                record.error = coding.get("error", "").strip()
            elif (coding.get("noevents") or "").strip().lower() == "true":
                record.noevents = True
            else:
                record.events.append(
                    PetrarchEvent(
                        source=(coding.get("sourcecode") or "").strip(),
                        target=(coding.get("targetcode") or "").strip(),
                        code=(coding.get("eventcode") or "").strip(),
                    )
                )
        records.append(record)
    return records


_TABLE_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)")


def read_cameo_to_plover(path: str | Path) -> dict[str, str]:
    """Read the CAMEO → PLOVER table (``CAMEO2PLOVER-2021.txt``).

    Lines look like ``0311: AGREE,  ,   economic # comment``; comments and blank lines are
    skipped; where a code is listed twice the first line wins.

    Raises
    ------
    PetrarchDataError
        The file is missing, or no line could be read as a mapping.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PetrarchDataError(f"cannot read CAMEO→PLOVER table {path}: {exc}") from None
    categories = plover_polarities()
    table: dict[str, str] = {}
    for line in text.splitlines():
        match = _TABLE_LINE.match(line.split("#", 1)[0])
        if match and match.group(2) in categories:
            table.setdefault(match.group(1), match.group(2))
    if not table:
        raise PetrarchDataError(f"{path} holds no CAMEO→PLOVER line")
    return table


def plover_for_cameo(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER category of a CAMEO event code: the code, else its longest mapped prefix.

    >>> plover_for_cameo("0311", {"031": "AGREE"})
    'AGREE'
    >>> plover_for_cameo("023", {"031": "AGREE"})
    'REQUEST'
    >>> plover_for_cameo("903", {"031": "AGREE"}) is None
    True
    """
    code = code.strip()
    for end in range(len(code), 1, -1):
        prefix = code[:end]
        if prefix in table:
            return table[prefix]
        if prefix in SUPPLEMENT:
            return SUPPLEMENT[prefix]
    return None


def cameo_actor_key(code: str) -> str | None:
    """The country-level key of a CAMEO actor code, or None when it cannot be compared.

    >>> cameo_actor_key("ARNGOV"), cameo_actor_key("IGOUNO"), cameo_actor_key("---GOV")
    ('ARN', 'igo', None)
    """
    code = code.strip().upper()
    if len(code) < 3 or not code[:3].isalpha() or code.startswith('"'):
        return None
    head = code[:3]
    if head in INTERNATIONAL_PREFIXES:
        return head.lower()
    return head


def predicted_key(actor: ActorRef) -> str | None:
    """Country-level key of a predicted actor, comparable with :func:`cameo_actor_key`.

    An actor with a country scores as that country's code (the CAMEO importer puts the CAMEO
    code there, ``ARN``; real countries' CAMEO codes are mostly their ISO3); an actor of no
    country whose id is a CAMEO code goes through :func:`cameo_actor_key`; an actor of no
    country scores as its international sector (role ``IGO``/``NGO``/``IMG`` ..., or ``igo`` for
    an international organisation without one); any other actor scores as in the gold set
    (:func:`extract.evaluation.scoring_key`).

    >>> predicted_key(ActorRef(id="nato", label="NATO", type="InternationalOrganization"))
    'igo'
    """
    if actor.country:
        key = cameo_actor_key(actor.country)
        if key is not None:
            return key
    if re.fullmatch(r"[A-Z]{3}[A-Z0-9]*", actor.id):
        key = cameo_actor_key(actor.id)
        if key is not None:
            return key
    if actor.role and actor.role.upper() in INTERNATIONAL_PREFIXES:
        return actor.role.lower()
    if actor.type == "InternationalOrganization":
        return "igo"
    return scoring_key(actor)


def petrarch_dictionaries(shared_dir: str | Path) -> list[Path]:
    """The actor and agent dictionaries to build the comparison's extractor with."""
    paths = [Path(shared_dir) / name for name in DICTIONARY_FILES]
    for path in paths:
        if not path.is_file():
            raise PetrarchDataError(f"PETRARCH dictionary not found: {path}")
    return paths


def petrarch_gold(shared_dir: str | Path) -> tuple[list[GoldSentence], dict[str, int]]:
    """The unit records as gold sentences, with counts of what was left out and why.

    Records switched off (``sentence="false"``) and records that test an error path are left
    out; ``noevents`` records stay, with no relation (they measure precision); events whose
    actor or event code cannot be compared are dropped, and a record left with none of its
    events is dropped too. Polarity follows the PLOVER category.

    Raises
    ------
    PetrarchDataError
        A file is missing or unreadable.
    """
    shared_dir = Path(shared_dir)
    records = read_unit_records(shared_dir / RECORDS_FILE)
    table = read_cameo_to_plover(shared_dir / CAMEO_PLOVER_FILE)
    polarities = plover_polarities()
    notes: Counter[str] = Counter()
    notes["records"] = len(records)
    gold: list[GoldSentence] = []
    for record in records:
        if not record.enabled:
            notes["skipped: switched off (sentence=false)"] += 1
            continue
        if record.error:
            notes[f"skipped: error record ({record.error})"] += 1
            continue
        if not record.text:
            notes["skipped: no text"] += 1
            continue
        relations: list[GoldRelation] = []
        for event in record.events:
            source, target = cameo_actor_key(event.source), cameo_actor_key(event.target)
            plover = plover_for_cameo(event.code, table)
            if source is None or target is None:
                notes["events dropped: actor not comparable"] += 1
            elif plover is None:
                notes["events dropped: event code without PLOVER category"] += 1
            elif source == target:
                notes["events dropped: within one country"] += 1
            else:
                relations.append(
                    GoldRelation(subject=source, object=target, polarity=polarities[plover], plover=plover)
                )
        if record.events and not relations:
            notes["skipped: no comparable event"] += 1
            continue
        notes["events scored"] += len(relations)
        gold.append(
            GoldSentence(
                id=record.id or f"record-{len(gold)}",
                text=record.text,
                date=record.date,
                relations=relations,
                tags=[record.category.lower() or "uncategorised"] + (["noevents"] if record.noevents else []),
            )
        )
    notes["records scored"] = len(gold)
    return gold, dict(notes)


__all__ = [
    "CAMEO_PLOVER_FILE",
    "DICTIONARY_FILES",
    "INTERNATIONAL_PREFIXES",
    "PetrarchDataError",
    "PetrarchEvent",
    "PetrarchRecord",
    "RECORDS_FILE",
    "cameo_actor_key",
    "petrarch_dictionaries",
    "petrarch_gold",
    "plover_for_cameo",
    "predicted_key",
    "read_cameo_to_plover",
    "read_unit_records",
]

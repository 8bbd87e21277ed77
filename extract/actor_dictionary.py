"""geokg's own actor dictionary format: validated YAML records.

One YAML file is a mapping with any of these keys (all optional):

``states``
    Additions to what pycountry knows about a state: ``iso3``, ``label``, ``aliases``,
    ``demonyms``, ``capitals`` and ``seats`` (seat of government → role).
``actors``
    People and organisations: ``id``, ``label``, ``type``, ``country``, ``role``,
    ``aliases``, ``exact`` (aliases matched case-sensitively) and dated ``offices``.
``places``
    Names of places that are never actors (cities that are not seats of government).
``sectors``
    Sector nouns that compose with a state ("Turkish *authorities*"): ``role``, ``type``, ``nouns``.
``titles``
    Office titles that compose with a state and a name ("Turkish *President* X"): ``role``, ``words``.
``former``
    Words that mark a former office holder ("former", "ex-").
``modifiers``
    Words joined by a hyphen to a name that make it describe rather than act: ``before``
    ("pro-Russian", "anti-Assad") and ``after`` ("Turkish-backed"); such names are no mentions.

See docs/actors.md for the full format. Every entry is validated with pydantic; a bad entry raises
:class:`ActorDictionaryError` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extract.records import ActorType

ROLE_PATTERN = r"^[A-Z]{3}$"
ISO3_PATTERN = r"^[A-Z0-9]{3}$"
"""A country code: ISO alpha-3, or a CAMEO code (PETRARCH's fictional ``ARN``, ``G77``)."""
ID_PATTERN = r"^(?:[A-Z0-9]{3}(?:-[A-Z]{3})?|[a-z0-9]+(?:-[a-z0-9]+)*)$"


class ActorDictionaryError(ValueError):
    """A dictionary file that cannot be read, or one of its entries is invalid."""

    def __init__(self, source: str, message: str, *, entry: str | None = None) -> None:
        self.source = source
        self.entry = entry
        where = f"{source}: entry {entry}" if entry is not None else source
        super().__init__(f"{where}: {message}")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _non_empty(names: list[str]) -> list[str]:
    cleaned = [name.strip() for name in names]
    if any(not name for name in cleaned):
        raise ValueError("names must not be empty")
    return cleaned


class Office(_Record):
    """A dated role: the actor holds ``role`` (for ``country``) from ``start`` to ``end`` inclusive."""

    role: str | None = Field(default=None, pattern=ROLE_PATTERN)
    """None: the actor belongs to ``country`` in no particular role."""
    country: str | None = Field(default=None, pattern=ISO3_PATTERN)
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Office:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"office ends ({self.end}) before it starts ({self.start})")
        return self

    def covers(self, date: dt.date) -> bool:
        """Whether ``date`` falls inside the office's dates (open ends are unbounded)."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


class StateEntry(_Record):
    """What a dictionary adds to a state: names, demonyms, capitals and seats of government."""

    iso3: str = Field(pattern=ISO3_PATTERN)
    label: str | None = None
    aliases: list[str] = []
    exact: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []
    seats: dict[str, str] = {}
    """Seat of government → role ("Pentagon": MIL, "Kremlin": GOV)."""

    _names = field_validator("aliases", "exact", "demonyms", "capitals")(_non_empty)

    @field_validator("seats")
    @classmethod
    def _roles(cls, seats: dict[str, str]) -> dict[str, str]:
        for name, role in seats.items():
            if not name.strip() or not re.fullmatch(ROLE_PATTERN, role):
                raise ValueError(f"seat {name!r} needs a three-letter role code, got {role!r}")
        return seats


class ActorEntry(_Record):
    """A person or an organisation, with its aliases and dated offices."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)
    type: ActorType
    country: str | None = Field(default=None, pattern=ISO3_PATTERN)
    role: str | None = Field(default=None, pattern=ROLE_PATTERN)
    aliases: list[str] = []
    exact: list[str] = []
    """Aliases matched case-sensitively (acronyms such as ``IS``)."""
    offices: list[Office] = []
    members: list[str] = []
    """Ids of the actors this one name stands for together (a PETRARCH multi-code entry such as
    ``THE_SHIRE [FRO/BIL/SAM]``): a mention of the name is a mention of each of them."""
    seats: list[str] = []
    """Cities that stand for the actor where they act, and are places otherwise, as a capital does for
    its state: "Brussels" for the European Union ("EU members broke with Brussels", "talks in Brussels")."""

    group: str | None = Field(default=None, pattern=ID_PATTERN)
    """The id of the organisation a person leads or speaks for: named bare and holding no state office at
    the document's date, the person stands for it, as "Hezbollah chief Hassan Nasrallah" does ("Nasrallah
    said" is Hezbollah; Hibatullah Akhundzada is the Taliban before he heads Afghanistan's government)."""
    referred_as: list[str] = []
    """One-word common nouns that, after "the", refer back to the actor named before them: "the bloc" for
    the European Union, "the alliance" for NATO, "the court" for the ICJ (conservative: where two actors
    named before share the noun, it names no one)."""

    @field_validator("referred_as")
    @classmethod
    def _one_word(cls, nouns: list[str]) -> list[str]:
        for noun in nouns:
            if len(noun.split()) != 1:
                raise ValueError(f"referred_as takes one-word nouns, not {noun!r}")
        return nouns

    _names = field_validator("aliases", "exact", "seats", "referred_as")(_non_empty)


class SectorEntry(_Record):
    """Sector nouns of one role ("troops", "army" → MIL)."""

    role: str = Field(pattern=ROLE_PATTERN)
    type: ActorType = "StateInstitution"
    nouns: list[str] = Field(min_length=1)
    located: list[str] = []
    """Nouns of ``nouns`` that take the state they are in ("officials in Kabul", "the regime in Damascus");
    troops and diplomats are not here (they are often somewhere else)."""

    _names = field_validator("nouns")(_non_empty)


class TitleEntry(_Record):
    """Office titles of one role ("president", "foreign minister" → GOV)."""

    role: str = Field(pattern=ROLE_PATTERN)
    words: list[str] = Field(min_length=1)

    _names = field_validator("words")(_non_empty)


class Modifiers(_Record):
    """Hyphenated words that turn a name into a description ("pro-Russian", "Turkish-backed")."""

    before: list[str] = []
    after: list[str] = []
    honorifics: list[str] = []
    """Words before a surname that do not make a new name ("Mr Trump" is Trump, "Ivanka Trump" is not)."""

    _names = field_validator("before", "after", "honorifics")(_non_empty)


class ActorDictionary(_Record):
    """The validated content of one dictionary file (or several, merged)."""

    states: list[StateEntry] = []
    actors: list[ActorEntry] = []
    places: list[str] = []
    sectors: list[SectorEntry] = []
    titles: list[TitleEntry] = []
    former: list[str] = []
    modifiers: Modifiers = Modifiers()

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary followed by ``other`` (later entries win on conflicts)."""
        return ActorDictionary(
            states=[*self.states, *other.states],
            actors=[*self.actors, *other.actors],
            places=[*self.places, *other.places],
            sectors=[*self.sectors, *other.sectors],
            titles=[*self.titles, *other.titles],
            former=[*self.former, *other.former],
            modifiers=Modifiers(
                before=[*self.modifiers.before, *other.modifiers.before],
                after=[*self.modifiers.after, *other.modifiers.after],
                honorifics=[*self.modifiers.honorifics, *other.modifiers.honorifics],
            ),
        )


_SECTIONS: dict[str, type[BaseModel] | None] = {
    "states": StateEntry,
    "actors": ActorEntry,
    "places": None,
    "sectors": SectorEntry,
    "titles": TitleEntry,
    "former": None,
    "modifiers": Modifiers,
}


def _entry_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "iso3", "role", "label"):
            if key in item:
                return f"#{index} ({key}={item[key]!r})"
    return f"#{index}"


def parse_actor_dictionary(data: Any, *, source: str = "<data>") -> ActorDictionary:
    """Validate already-parsed YAML data as an actor dictionary.

    Parameters
    ----------
    data
        The parsed YAML document: a mapping of section name to a list of entries.
    source
        The name used in error messages (usually the file path).

    Returns
    -------
    ActorDictionary
        The validated entries.

    Raises
    ------
    ActorDictionaryError
        When the document or one of its entries is invalid; the message names the source and entry.

    Examples
    --------
    >>> d = parse_actor_dictionary({"actors": [{"id": "jane-doe", "label": "Jane Doe", "type": "Person"}]})
    >>> d.actors[0].id
    'jane-doe'
    """
    if data is None:
        return ActorDictionary()
    if not isinstance(data, dict):
        raise ActorDictionaryError(source, "expected a mapping with sections " + ", ".join(_SECTIONS))
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise ActorDictionaryError(
            source, f"unknown section(s) {', '.join(map(str, unknown))}; known: {', '.join(_SECTIONS)}"
        )
    sections: dict[str, Any] = {}
    for section, model in _SECTIONS.items():
        if section == "modifiers":
            try:
                sections[section] = Modifiers.model_validate(data.get(section) or {})
            except ValidationError as error:
                problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'entry'}: {e['msg']}" for e in error.errors())
                raise ActorDictionaryError(source, problems, entry="modifiers") from None
            continue
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ActorDictionaryError(source, f"section {section!r} must be a list")
        parsed: list[Any] = []
        for index, item in enumerate(items):
            entry = f"{section} {_entry_name(item, index)}"
            if model is None:
                if not isinstance(item, str) or not item.strip():
                    raise ActorDictionaryError(source, "expected a non-empty name", entry=entry)
                parsed.append(item.strip())
                continue
            try:
                parsed.append(model.model_validate(item))
            except ValidationError as error:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc']) or 'entry'}: {e['msg']}" for e in error.errors()
                )
                raise ActorDictionaryError(source, problems, entry=entry) from None
        sections[section] = parsed
    return ActorDictionary(**sections)


def load_actor_dictionary(path: str | Path) -> ActorDictionary:
    """Read and validate one YAML actor dictionary file.

    Parameters
    ----------
    path
        The YAML file.

    Returns
    -------
    ActorDictionary
        The validated entries.

    Raises
    ------
    ActorDictionaryError
        When the file is missing, not YAML, or holds an invalid entry.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ActorDictionaryError(str(path), f"cannot read: {error}") from None
    return parse_actor_dictionary_text(text, source=str(path))


def parse_actor_dictionary_text(text: str, *, source: str = "<text>") -> ActorDictionary:
    """Parse and validate the YAML text of an actor dictionary (see :func:`parse_actor_dictionary`)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ActorDictionaryError(source, f"not valid YAML: {error}") from None
    return parse_actor_dictionary(data, source=source)

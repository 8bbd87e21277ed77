"""The actor gazetteer: states from pycountry plus geokg's YAML dictionaries, as match phrases.

The gazetteer is plain data (no spaCy): :func:`build_gazetteer` merges pycountry, the bundled
``geokg_data/actors/*.yaml`` files, imported CAMEO dictionaries and user YAML files into

* ``phrases`` — ``(kind, text, key, exact)`` tuples that :mod:`extract.actors` turns into
  ``SpanRuler`` patterns of spaCy's ``{label, pattern, id}`` shape, and
* ``actors`` — ``key → choices``: the actor descriptions (plain dicts, serialisable with a Doc) a
  phrase resolves to.

Kinds: ``ACTOR`` (a name of a state, person or organisation), ``NAT`` (a demonym: composes with
sector nouns), ``SEAT`` (a capital or seat of government: an actor that is also a place),
``PLACE`` (a place that is never an actor), ``SECTOR`` and ``TITLE`` (compose with a state),
``FORMER`` ("former", "ex-").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from extract.actor_dictionary import (
    ActorDictionary,
    ActorEntry,
    load_actor_dictionary,
    parse_actor_dictionary_text,
)

KINDS = ("ACTOR", "NAT", "SEAT", "PLACE", "SECTOR", "TITLE", "FORMER")
"""The labels of gazetteer phrases."""

ROLE_LABELS: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "OPP": "opposition",
    "REB": "rebels",
    "CVL": "civilians",
    "REF": "refugees",
    "ELI": "former officials",
    "JUD": "judiciary",
    "LEG": "legislature",
    "MED": "media",
    "BUS": "business",
    "SPY": "intelligence services",
    "PTY": "political parties",
    "IGO": "international organisations",
}
"""Readable names of role codes, used in the labels of composed sector actors."""

ActorInfo = dict[str, Any]
"""An actor description as stored on a span: id, label, type, country, role, offices."""

_MAX_AUTO_EXACT = 4


def slugify(name: str) -> str:
    """A stable ASCII slug of a name.

    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def sector_id(country: str, role: str) -> str:
    """The id of a state's sector (``TUR``, ``GOV`` → ``TUR-GOV``)."""
    return f"{country}-{role}"


@dataclass
class Gazetteer:
    """Match phrases and the actors they resolve to."""

    phrases: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """``(kind, text, key, exact)``: text as written (the tokenizer splits "U.S." and "u.s." differently);
    ``exact`` phrases match case-sensitively, the others on lower-case tokens."""
    actors: dict[str, list[ActorInfo]] = field(default_factory=dict)
    """Phrase key → the actor(s) it may name (several when a name is shared, chosen by date)."""
    state_labels: dict[str, str] = field(default_factory=dict)
    """Country code → display label."""
    modifiers_before: frozenset[str] = frozenset()
    """Lower-case words that, hyphenated before a name, make it no mention ("pro", "anti")."""
    modifiers_after: frozenset[str] = frozenset()
    """Lower-case words that, hyphenated after a name, make it no mention ("aligned")."""
    honorifics: frozenset[str] = frozenset()
    """Lower-case words that may precede a surname without changing the person ("mr", "dr")."""
    located: frozenset[str] = frozenset()
    """Lower-case sector nouns that take the state they are in ("officials in Kabul")."""
    referred: dict[str, frozenset[str]] = field(default_factory=dict)
    """Lower-case noun ("bloc") → ids of the actors it refers back to after "the" (``referred_as``)."""

    def resolve(self, key: str) -> list[ActorInfo]:
        """The actor choices of a phrase key (empty for sector, title and place keys)."""
        return self.actors.get(key, [])


def _info(
    *,
    id: str,
    label: str,
    type: str,
    country: str | None,
    role: str | None,
    offices: Iterable[Any] = (),
    members: Iterable[ActorInfo] = (),
) -> ActorInfo:
    info: ActorInfo = {
        "id": id,
        "label": label,
        "type": type,
        "country": country,
        "role": role,
        "offices": [
            [o.role, o.country, o.start.isoformat() if o.start else None, o.end.isoformat() if o.end else None]
            for o in offices
        ],
    }
    members = list(members)
    if members:
        info["members"] = members
    return info


def _is_auto_exact(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= _MAX_AUTO_EXACT and "." not in name


class _Builder:
    def __init__(self) -> None:
        self.by_phrase: dict[tuple[str, str], tuple[str, bool, int, str]] = {}
        """(kind, normalised text) → (key, exact, layer, text as written: the tokenizer needs its case)."""
        self.actors: dict[str, list[ActorInfo]] = {}
        self.state_labels: dict[str, str] = {}
        self.modifiers_before: set[str] = set()
        self.modifiers_after: set[str] = set()
        self.honorifics: set[str] = set()
        self.located: set[str] = set()
        self.referred: dict[str, set[str]] = {}
        """Noun ("bloc") → ids of the actors it refers back to (``ActorEntry.referred_as``)."""
        self.layer = 0

    def phrase(self, kind: str, text: str, key: str, *, exact: bool = False) -> None:
        text = text.strip()
        if not text:
            return
        exact = exact or (kind in ("ACTOR", "SEAT") and _is_auto_exact(text))
        norm = text if exact else text.lower()
        self.by_phrase[(kind, norm)] = (key, exact, self.layer, text)

    def alias_actor(self, text: str, info: ActorInfo, *, exact: bool = False) -> None:
        """A name of an actor; a name shared by several actors of one layer keeps them all."""
        exact = exact or _is_auto_exact(text.strip())
        norm = text.strip() if exact else text.strip().lower()
        key = f"actor:{info['id']}"
        self.actors[key] = [info]
        previous = self.by_phrase.get(("ACTOR", norm))
        if previous is not None and previous[2] == self.layer and previous[0] != key:
            choices = [c for c in self.actors.get(previous[0], []) if c["id"] != info["id"]] + [info]
            group_key = "group:" + "|".join(c["id"] for c in choices)
            self.actors[group_key] = choices
            self.by_phrase[("ACTOR", norm)] = (group_key, exact, self.layer, previous[3])
            return
        self.phrase("ACTOR", text, key, exact=exact)

    def states_from_pycountry(self) -> None:
        for country in pycountry.countries:
            code = country.alpha_3
            label = getattr(country, "common_name", None) or country.name
            self.state_labels[code] = label
            info = _info(id=code, label=label, type="State", country=code, role=None)
            for name in {country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)}:
                if name and "," not in name:
                    self.alias_actor(name, info)

    def reuse_id(self, entry: ActorEntry, info: ActorInfo) -> ActorInfo:
        """Give an imported person or organisation the id of a known actor sharing one of its names."""
        if entry.type == "State" or "-" in entry.id and entry.id[:3].isupper():
            return info
        for name in [entry.label, *entry.aliases]:
            previous = self.by_phrase.get(("ACTOR", name.strip().lower())) or self.by_phrase.get(("ACTOR", name.strip()))
            if previous is None or previous[2] >= self.layer:
                continue
            known = self.actors.get(previous[0], [])
            if len(known) == 1 and known[0]["type"] not in ("State", "StateInstitution"):
                return {**info, "id": known[0]["id"], "label": known[0]["label"], "type": known[0]["type"]}
        return info

    def dictionary(self, dictionary: ActorDictionary, *, reuse_ids: bool = False) -> None:
        for state in dictionary.states:
            code = state.iso3
            label = state.label or self.state_labels.get(code) or code
            self.state_labels[code] = label
            info = _info(id=code, label=label, type="State", country=code, role=None)
            self.actors[f"actor:{code}"] = [info]
            for name in [label, *state.aliases]:
                self.alias_actor(name, info)
            for name in state.exact:
                self.alias_actor(name, info, exact=True)
            for name in state.demonyms:
                self.phrase("NAT", name, f"actor:{code}")
            for name in state.capitals:
                key = f"seat:{code}:GOV"
                self.actors[key] = [_info(id=code, label=label, type="State", country=code, role="GOV")]
                self.phrase("SEAT", name, key)
            for name, role in state.seats.items():
                key = f"seat:{code}:{role}"
                if role == "GOV":
                    info_seat = _info(id=code, label=label, type="State", country=code, role="GOV")
                else:
                    info_seat = _info(
                        id=sector_id(code, role),
                        label=f"{label} ({ROLE_LABELS.get(role, role)})",
                        type="StateInstitution",
                        country=code,
                        role=role,
                    )
                self.actors[key] = [info_seat]
                self.phrase("SEAT", name, key)
        grouped: list[tuple[ActorInfo, str]] = []
        for entry in dictionary.actors:
            info = self.actor_info(entry)
            if reuse_ids:
                info = self.reuse_id(entry, info)
            if entry.group:
                grouped.append((info, entry.group))
            for name in [entry.label, *entry.aliases]:
                self.alias_actor(name, info)
            for name in entry.exact:
                self.alias_actor(name, info, exact=True)
            for name in entry.seats:
                self.actors[f"seat:{entry.id}"] = [info]
                self.phrase("SEAT", name, f"seat:{entry.id}")
            for noun in entry.referred_as:
                self.referred.setdefault(noun.strip().lower(), set()).add(info["id"])
        for info, group in grouped:
            # (after the loop: the group may come later in the dictionary)
            info["group"] = self.member_info(group)
        for name in dictionary.places:
            self.phrase("PLACE", name, "place")
        for sector in dictionary.sectors:
            for noun in sector.nouns:
                self.phrase("SECTOR", noun, f"sector:{sector.role}:{sector.type}")
            self.located.update(noun.lower() for noun in sector.located)
        for title in dictionary.titles:
            for word in title.words:
                self.phrase("TITLE", word, f"title:{title.role}")
        for word in dictionary.former:
            self.phrase("FORMER", word, "former")
        self.modifiers_before.update(w.lower() for w in dictionary.modifiers.before)
        self.modifiers_after.update(w.lower() for w in dictionary.modifiers.after)
        self.honorifics.update(w.lower() for w in dictionary.modifiers.honorifics)

    def actor_info(self, entry: ActorEntry) -> ActorInfo:
        if entry.type == "State" and entry.country:
            self.state_labels.setdefault(entry.country, entry.label)
        return _info(
            id=entry.id,
            label=entry.label,
            type=entry.type,
            country=entry.country,
            role=entry.role,
            offices=entry.offices,
            members=[self.member_info(member) for member in entry.members],
        )

    def member_info(self, member: str) -> ActorInfo:
        """The description of one member of a multi-actor entry: a state (``FRO``), a state's sector
        (``USA-GOV``), else an actor known by that id (or an organisation of that id)."""
        if re.fullmatch(r"[A-Z0-9]{3}", member):
            return _info(id=member, label=self.state_labels.get(member, member), type="State", country=member,
                         role=None)
        sector = re.fullmatch(r"([A-Z0-9]{3})-([A-Z]{3})", member)
        if sector:
            country, role = sector.groups()
            return _info(id=member, label=f"{self.state_labels.get(country, country)} ({ROLE_LABELS.get(role, role)})",
                         type="StateInstitution", country=country, role=role)
        known = self.actors.get(f"actor:{member}")
        if known:
            return {k: v for k, v in known[0].items() if k != "members"}
        return _info(id=member, label=member, type="Organization", country=None, role=None)

    def build(self) -> Gazetteer:
        phrases = [(kind, text, key, exact) for (kind, _), (key, exact, _, text) in self.by_phrase.items()]
        return Gazetteer(
            phrases=phrases,
            actors=self.actors,
            state_labels=self.state_labels,
            modifiers_before=frozenset(self.modifiers_before),
            modifiers_after=frozenset(self.modifiers_after),
            honorifics=frozenset(self.honorifics),
            located=frozenset(self.located),
            referred={noun: frozenset(ids) for noun, ids in self.referred.items()},
        )


@cache
def bundled_dictionary() -> ActorDictionary:
    """The dictionaries shipped in ``geokg_data/actors/*.yaml``, merged in file-name order."""
    merged = ActorDictionary()
    folder = resources.files("geokg_data").joinpath("actors")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            text = item.read_text(encoding="utf-8")
            merged = merged.merged(parse_actor_dictionary_text(text, source=f"geokg_data/actors/{item.name}"))
    return merged


def build_gazetteer(
    *, actor_files: Sequence[str | Path] = (), cameo_files: Sequence[str | Path] = ()
) -> Gazetteer:
    """Build the gazetteer from pycountry, the bundled YAML, CAMEO dictionaries and user YAML files.

    Later sources win over earlier ones for the same phrase: pycountry, then the bundled files, then
    ``cameo_files`` (in order), then ``actor_files`` (in order).

    Parameters
    ----------
    actor_files
        YAML dictionaries in geokg's format (see docs/actors.md).
    cameo_files
        CAMEO/PETRARCH ``*.actors.txt`` or agents dictionaries.

    Returns
    -------
    Gazetteer
        Phrases and actors. Cached per argument tuple: building is done once per pipeline.

    Examples
    --------
    >>> gaz = build_gazetteer()
    >>> ("NAT", "Turkish", "actor:TUR", False) in gaz.phrases
    True
    """
    return _build_cached(tuple(str(p) for p in actor_files), tuple(str(p) for p in cameo_files))


@lru_cache(maxsize=8)
def _build_cached(actor_files: tuple[str, ...], cameo_files: tuple[str, ...]) -> Gazetteer:
    builder = _Builder()
    builder.states_from_pycountry()
    builder.layer = 1
    builder.dictionary(bundled_dictionary())
    for path in cameo_files:
        from extract.cameo import load_cameo_dictionary  # imported only when needed

        builder.layer += 1
        builder.dictionary(load_cameo_dictionary(path), reuse_ids=True)
    for path in actor_files:
        builder.layer += 1
        builder.dictionary(load_actor_dictionary(path))
    return builder.build()

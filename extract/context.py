"""The context of a relation trigger: negation, modality (intended, reported, hypothetical) and speaker.

:class:`ContextReader` is a mixin of :class:`extract.relations.RelationMatcher` (it reads the cue-word
sets ``RelationMatcher.__init__`` builds from ``cues.yaml``): it walks from a trigger's clause up the
parse and records the negations, intention, request, refusal, report and condition words it meets.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.records import Modality
from extract.arguments import _controllers

_NOT_DONE = frozenset({"against", "from"})
"""... and of these, the deed is not done (hypothetical)."""

_AIMED_AT = frozenset({"at", "toward", "towards"})
"""Prepositions of an aim: "aimed **at** boosting ties", "geared **towards** closer cooperation"."""

_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "conj", "relcl", "acl", "parataxis", "prep", "pobj", "dobj"})


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


class ContextReader:
    """Negation, modality and speaker of a trigger, for :class:`extract.relations.RelationMatcher` (a mixin).

    It reads the cue-word sets below, which ``RelationMatcher.__init__`` builds from the lexicon's
    ``cues.yaml``, and calls on clause subjects (:class:`extract.arguments.ArgumentFinder`).
    """

    _attribution: frozenset[str]
    _claim_nouns: frozenset[str]
    _hypo_aux: frozenset[str]
    _hypo_marks: frozenset[str]
    _intent_aux: frozenset[str]
    _intent_events: frozenset[str]
    _intent_nouns: frozenset[str]
    _intent_verbs: frozenset[str]
    _neg_dets: frozenset[str]
    _neg_nouns: frozenset[str]
    _neg_verbs: frozenset[str]
    _neg_words: frozenset[str]
    _prospects: frozenset[str]
    _refusals: frozenset[str]
    _report_adverbs: frozenset[str]
    _report_sources: frozenset[str]
    _report_verbs: frozenset[str]
    _request_verbs: frozenset[str]

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
        weighed = False  # passed "the possibility of": the deed is weighed, not done
        for _ in range(8):
            dep = cursor.dep_
            head = cursor.head
            if head == cursor or dep not in _CHAIN_DEPS:
                break
            if dep == "prep" and cursor.lower_ == "of" and head.lemma_.lower() in self._prospects:
                intended = weighed = True  # "talks about the possibility of restoring cooperation with Russia"
            elif weighed and dep == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in self._neg_verbs:
                context.negated = not context.negated  # "ruled out the possibility of restoring ties with"
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
                    elif lemma in self._intent_verbs and dep == "prep" and cursor.lower_ in _AIMED_AT:
                        intended = True  # "the visit is aimed at boosting cooperation with India": not yet done
                    if dep == "xcomp" and any(c.dep_ == "aux" and c.lower_ in self._intent_aux for c in head.children):
                        intended = True  # "Suga's travels will include meeting Modi": to come
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

    def _victim_negated(self, verb: Token) -> bool:
        """Whether the verb of harm of frame ``noun_victim`` is negated ("was not killed", "never
        wounded") or its victim is no one ("no soldiers were killed")."""
        for child in verb.children:
            if child.dep_ == "neg" or child.lower_ in self._neg_words:
                return True
            if child.dep_ == "nsubjpass" and any(
                c.dep_ == "det" and c.lower_ in self._neg_dets for c in child.children
            ):
                return True
        return False

    def _subject_span(self, verb: Token, at: dict[int, Span]) -> list[Span]:
        return [a.span for a in self._clause_subjects(verb, at) if not a.pronoun]


def _first_span(spans: list[Span]) -> Span | None:
    return spans[0] if len(spans) == 1 else None


def _presupposed(context: _Context) -> _Context:
    """What of a clause's context holds for a relation its noun phrase presupposes: only a report
    ("X said ...", with its speaker); negation, intent, refusal and condition are the clause's own."""
    kept = _Context()
    if context.reported:
        kept.modality, kept.speaker, kept.reported = "reported", context.speaker, True
    return kept

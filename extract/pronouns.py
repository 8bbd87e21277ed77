"""Conservative pronoun resolution: a pronoun names an actor only where one reading is possible.

:class:`PronounResolver` is a mixin of :class:`extract.relations.RelationMatcher`: a subject pronoun
takes the actor subject of a governing clause of its sentence; a first-person pronoun inside a
quotation takes the quotation's speaker; "its"/"their" take an owner named in a list or an attribution.
"""

from __future__ import annotations


from spacy.tokens import Span, Token

from extract.arguments import _PRONOUNS, _SUBJECT_DEPS

_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


class PronounResolver:
    """Pronoun resolution of :class:`extract.relations.RelationMatcher` (a mixin).

    It reads the cue-word sets below, which ``RelationMatcher.__init__`` builds from the lexicon's
    ``cues.yaml``, and calls on the mentions of a noun phrase (:class:`extract.arguments.ArgumentFinder`).
    """

    _attribution: frozenset[str]
    _menace_verbs: frozenset[str]
    _report_verbs: frozenset[str]
    _told_of: frozenset[str]

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

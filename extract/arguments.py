"""Who the arguments of a relation trigger are: actor mentions in the parse around it.

:class:`ArgumentFinder` holds the argument-finding half of :class:`extract.relations.RelationMatcher`
(a mixin: it reads the cue-word sets that ``RelationMatcher.__init__`` builds from the lexicon). It finds

* the actors a noun phrase denotes (:meth:`ArgumentFinder._mentions`): the mention itself, its
  conjuncts and appositions, the owner or demonym of a phrase that stands for it ("Turkish troops",
  "the Foreign Ministries of Russia, Iran and Turkey"), pronouns (:mod:`extract.pronouns`);
* the subjects of a clause, through control, coordination and relative clauses;
* the subject and object of verbal and nominal triggers, by frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.lexicon import Frame
from extract.modifiers import PAIR_DEPS, leader_of
from ontology import relation_type

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})

_GROUP_NOUNS = frozenset({"militia", "group", "movement", "organisation", "organization", "faction", "party",
                          "alliance", "coalition", "bloc", "force", "forces", "insurgency", "network", "wing"})
"""Generic group nouns whose appositive names the actor ("the Syrian Kurdish militia, the YPG")."""

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

_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})

_PRONOUNS = {"it": "one", "its": "one", "he": "person", "she": "person", "his": "person", "her": "person",
             "they": "many", "them": "many", "their": "many"}

# verbs that stop someone else's deed: the noun's own modifier stays its doer ("vetoed EU sanctions")
_OBSTRUCTION_VERBS = frozenset({"veto", "block", "thwart", "scuttle", "torpedo"})

# first-person pronouns, resolved to the speaker of the quotation they stand in
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})

_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")


@dataclass(frozen=True, slots=True)
class _Arg:
    """An actor mention found as a relation's argument."""

    span: Span
    pronoun: bool = False
    named: bool = True
    """The phrase names the actor itself (or a pronoun stands for it), not through an owner, a modifier
    or an "of"/"by" phrase ("US weapons", "its warships", "the aid of Syria" are not the actor)."""


class ArgumentFinder:
    """The argument finders of :class:`extract.relations.RelationMatcher` (a mixin).

    It reads the cue-word sets below, which ``RelationMatcher.__init__`` builds from the lexicon's
    ``cues.yaml``, and calls on pronoun resolution (:class:`extract.pronouns.PronounResolver`).
    """

    _approach: frozenset[str]
    _attribution: frozenset[str]
    _borders: frozenset[str]
    _collectives: frozenset[str]
    _event_preps: frozenset[str]
    _flag_participles: frozenset[str]
    _force_nouns: frozenset[str]
    _hosting_verbs: frozenset[str]
    _intent_nouns: frozenset[str]
    _itinerary_nouns: frozenset[str]
    _itinerary_verbs: frozenset[str]
    _light: frozenset[str]
    _neg_verbs: frozenset[str]
    _nominal_control: frozenset[str]
    _order_verbs: frozenset[str]
    _owned_forces: frozenset[str]
    _positions: frozenset[str]
    _prospects: frozenset[str]
    _quantities: frozenset[str]
    _report_verbs: frozenset[str]
    _request_verbs: frozenset[str]
    _responsible: frozenset[str]
    _target_preps: frozenset[str]
    _traffic: frozenset[str]

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
        if patient or not _is_subject(head):
            flagged = self._flag_state(head, at)
            if flagged:
                return flagged  # "seized a British-flagged tanker"
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
                # "flights to and from Qatar": the object hangs on the coordinated preposition
                for pobj in (g for p in (child, *child.conjuncts) for g in p.children):
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

    def _clause_subjects(self, verb: Token, at: dict[int, Span], *, depth: int = 0) -> list[_Arg]:
        """The actors doing what ``verb`` says, following control, coordination and relative clauses."""
        if depth > 4:
            return []
        found: list[_Arg] = []
        subject_seen = False
        if verb.lemma_.lower() in self._itinerary_verbs:
            owners = self._itinerary_owners(verb, at)
            if owners:
                return owners  # "Suga's travels will include meeting Modi": Suga meets him
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
        purpose = verb.head
        if (verb.dep_ == "acl" and purpose.pos_ == "NOUN" and purpose.lemma_.lower() in self._intent_nouns
                and purpose.i not in at and purpose.dep_ == "pobj" and purpose.head.lower_ in ("in", "as")
                and purpose.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "poss" for c in purpose.children)
                and not any(c.dep_ == "mark" for c in verb.children)
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            # "Japan sent its foreign minister to Manila in a move to strengthen ties with the Philippines", "in
            # a bid to", "in an effort to": the clause's doer (an infinitive only: "in a move seen as ...")
            return self._clause_subjects(purpose.head.head, at, depth=depth + 1)
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
        prospect = _prospect_clause(verb, self._prospects)
        if prospect is not None:
            # "talks about the possibility of restoring cooperation with Russia": the one who weighs it
            return self._clause_subjects(prospect, at, depth=depth + 1)
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

    def _itinerary_owners(self, verb: Token, at: dict[int, Span]) -> list[_Arg]:
        """The owner of a journey or agenda that is the subject of ``verb`` (``cues.yaml`` ``itineraries``):
        "**Suga's** travels will include meeting Modi", "**Kenya's** visit is aimed at strengthening ties".

        Parameters
        ----------
        verb
            A verb of ``itineraries.verbs`` ("include", "aim").
        at
            Actor mentions by token position.

        Returns
        -------
        list[_Arg]
            The actors owning the subject noun (its possessor or actor modifier); empty when the subject
            is no journey noun or has no actor owner ("the visit is aimed at ..." names no one).
        """
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lemma_.lower() in self._itinerary_nouns or child.lower_ in self._itinerary_nouns
            ):
                return _unique(a for c in child.children if c.dep_ in ("poss", "compound", "amod") and c.i in at
                               for a in self._mentions(c, at) if not a.pronoun)
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
            if child.dep_ == "conj" and child.pos_ == "ADP":
                return self._prep_objects(child, at)  # "flights to and from Qatar"
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

    def _victim_arguments(self, verb: Token, strike: Token, at: dict[int, Span]) -> tuple[list[_Arg], list[_Arg]]:
        """The sides of "X was killed in a U.S. strike" (frame ``noun_victim``).

        The strike's owner, actor modifier, "by" phrase or leader ("a U.S.-led raid") attacks the
        passive subject of the verb of harm. Only a passive verb without an agent of its own counts:
        "Israel killed a Hamas commander in an operation" is the verb frames' to read.
        """
        passive = self._passive(verb)
        if passive is None or any(c.dep_ == "agent" and c != strike.head for c in verb.children):
            return [], []
        doers: list[_Arg] = []
        for child in strike.children:
            if child.dep_ in _MODIFIER_DEPS and child.i in at:
                doers.extend(self._mentions(child, at))
                for grand in child.children:  # "a joint U.S.-Iraqi raid", "a U.S. and Iraqi strike"
                    if (grand.dep_ in PAIR_DEPS or grand.dep_ == "conj") and grand.i in at:
                        doers.extend(self._mentions(grand, at))
            elif child.dep_ == "prep" and child.lower_ == "by":
                doers.extend(self._prep_objects(child, at))
        leader = leader_of(strike, at)
        if leader is not None:
            doers.append(_Arg(at[leader.i]))
        if not doers:
            return [], []
        return _unique(doers), self._mentions(passive, at, patient=True)

    def _measure_arguments(
        self, participle: Token, measure: Token, frame: Frame, at: dict[int, Span]
    ) -> tuple[list[_Arg], list[_Arg]]:
        """The sides of "passed legislation targeting Turkey" (frame ``verb_measure_participle``): the
        measure's owner, actor modifier or light verb's subject imposes it on the participle's object."""
        light = self._governing_light_verb(measure)
        subjects, _ = self._noun_arguments(measure, None, light, frame, at, False)
        objects = [a for c in participle.children if c.dep_ == "dobj" for a in self._mentions(c, at)]
        return subjects, objects

    def _flag_state(self, head: Token, at: dict[int, Span]) -> list[_Arg]:
        """The state behind "a **British-flagged** tanker", "a **Greek-owned** ship": the actor modifying a
        flag or owner participle (cues.yaml ``flag_participles``) that modifies ``head``."""
        for child in head.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in self._flag_participles:
                for grand in child.children:
                    if grand.dep_ in ("amod", "npadvmod", "compound", "nmod") and grand.i in at:
                        return [_Arg(at[grand.i], named=False)]
        return []

    def _forces_of(self, noun: Token, at: dict[int, Span]) -> list[_Arg]:
        """The forces an event noun's "of" phrase names as its doers: "the withdrawal **of U.S. troops**
        from Afghanistan", "the deployment of Russian forces near Ukraine" (only force nouns:
        "the bombing of the French base" names the target)."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self._force_nouns and pobj.i in at:
                        return self._mentions(pobj, at)
        return []

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
                        and not any(c.dep_ == "agent" for c in governor.children)
                        and (symmetric or governor.lemma_.lower() not in _VICTIM_PARTICIPLES)):
                    # (those killed in an attack did not make it; those killed in clashes fought in them)
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
                and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "ccomp"
                and noun.head.head.lemma_.lower() in self._report_verbs):
            # "Pakistan said talks with the IMF were going well", "talks with Iran are aimed at ..., the French
            # foreign minister said": the one who reports its own talks
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


def _unnamed(args: Iterable[_Arg]) -> list[_Arg]:
    """The actors of a phrase reached through an owner, an agent or an "of"/"from"/"by" phrase."""
    return [_Arg(a.span, pronoun=a.pronoun, named=False) for a in args]


def _unique(args: Iterable[_Arg]) -> list[_Arg]:
    seen: set[tuple[int, int]] = set()
    out: list[_Arg] = []
    for arg in args:
        key = (arg.span.start, arg.span.end)
        if key not in seen:
            seen.add(key)
            out.append(arg)
    return out


def _controllers(verb: Token) -> list[Token]:
    """Who is asked or made to do an xcomp: "urged **Iran** to", "called on **Moscow** to"."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not found:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def _prospect_clause(verb: Token, prospects: frozenset[str]) -> Token | None:
    """The verb weighing the prospect whose "of" gerund ``verb`` is: "discussed the possibility **of restoring**
    ties" gives "discussed", "talks about the prospect of resuming" gives "talks" (only a prospect noun of
    ``cues.yaml`` ``prospect_nouns``, as the verb's object or its preposition's object; an owned prospect,
    "Russia's idea of ...", is its owner's and gives None).

    Parameters
    ----------
    verb
        A gerund, possibly the ``pcomp`` of "of".
    prospects
        The prospect nouns.

    Returns
    -------
    Token | None
        The governing verb, or None.
    """
    of = verb.head
    if verb.dep_ != "pcomp" or of.lower_ != "of" or of.dep_ != "prep":
        return None
    noun = of.head
    if noun.lemma_.lower() not in prospects or any(c.dep_ == "poss" for c in noun.children):
        return None
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def _is_subject(token: Token) -> bool:
    """Whether a noun phrase head is a clause's subject (itself or as a conjunct of one)."""
    cursor = token
    while cursor.dep_ == "conj" and cursor.head != cursor:
        cursor = cursor.head
    return cursor.dep_ in ("nsubj", "nsubjpass", "csubj") or (cursor.dep_ == "pobj" and cursor.head.dep_ == "agent")


def _victim(noun: Token, participle: Token) -> bool:
    """Whether ``noun`` is what the participle's agent harmed or holds ("hostages seized by X")."""
    lemma = participle.lemma_.lower()
    return lemma in _VICTIM_PARTICIPLES or (lemma in _CAPTIVE_PARTICIPLES and noun.lemma_.lower() in _CAPTIVES)


def _mismatched_conjunct(verb: Token, head: Token) -> bool:
    """Whether a bare base-form verb is coordinated with a finite or perfect verb it cannot share a
    subject with: in "Chagossians argue Mauritius has never had a claim ... and object to Britain's deal"
    the parser hangs "object" on "had", but "Mauritius has ... and object" is no English clause; the
    coordination is the parser's, so the subject is not inherited."""
    return (verb.tag_ == "VB" and head.tag_ in ("VBN", "VBD", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))

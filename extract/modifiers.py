"""Compound actor modifiers: hyphenated pairs and backers named inside a noun phrase.

News packs relations into modifiers: "**U.S.-Ukraine** talks", "a joint **Kenya-U.S.** base",
"the **U.S.-backed** Syrian Democratic Forces", "Somali soldiers **backed by** African Union troops".
This module holds what those need beyond the relation lexicon:

* :func:`split_abbreviation_hyphens` makes spaCy's tokenizer split a hyphen that follows an
  abbreviation ("U.S.-Ukraine", "U.S.-backed", "U.N.-brokered"), as it already splits one between
  two words ("China-Russia", "Iranian-backed"); each half can then be an actor mention, and a
  relation noun's hyphenated pair is found by the noun frames like "Russia-Turkey co-operation";
* :func:`modifier_sides` finds the two sides of a *modifier* frame (``frames.yaml``:
  ``modifier_hyphen``, ``modifier_participle``): the backer named in the modifier and the actor the
  modified noun phrase stands for.

Which participles make which relation ("backed" SUPPORT, "armed" AID, "allied" COOPERATE) is data:
the entries of ``data/lexicon/modifiers.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Span, Token
from spacy.util import compile_infix_regex

ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Za-z])"
"""A hyphen or dash after an abbreviation's last capital and full stop, before a letter
("U.S.-Ukraine", "U.K.-based"); "Jan.-March" (a lower-case letter before the stop) is left whole."""

PAIR_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
"""Dependencies by which the parser hangs the first half of a hyphenated pair on the second
("China-Russia": compound, "Russian-Turkish": amod, "Kenya-U.S. military base": nmod,
"U.S.-Indian exercises": npadvmod)."""

HYPHENS = frozenset({"-", "\u2013"})
"""The tokens that join a backer to its participle ("Iranian-backed"); an em dash sets off a phrase."""


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Let ``nlp``'s tokenizer split a hyphen that follows an abbreviation.

    spaCy's English infixes split "China-Russia" and "Iranian-backed" (a letter on both sides of the
    hyphen) but not "U.S.-Ukraine" or "U.S.-backed", where a full stop precedes it; so "U.S." never
    became an actor mention there. Calling this twice adds the rule once.

    Parameters
    ----------
    nlp
        A loaded pipeline; its tokenizer is changed in place.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> split_abbreviation_hyphens(nlp)
    >>> [t.text for t in nlp("U.S.-Ukraine talks")]
    ['U.S.', '-', 'Ukraine', 'talks']
    """
    current = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and ABBREVIATION_HYPHEN in pattern:
        return
    if isinstance(pattern, str) and pattern:
        # keep the pipeline's own infixes (a model may have changed spaCy's defaults)
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{ABBREVIATION_HYPHEN}").finditer
    else:
        infixes = list(nlp.Defaults.infixes or [])
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, ABBREVIATION_HYPHEN]).finditer


def modifier_sides(nodes: Mapping[str, Token], at: Mapping[int, Span]) -> tuple[list[Token], Token | None]:
    """The two sides of a modifier-frame match: the backer's head tokens and the backed noun.

    Parameters
    ----------
    nodes
        The match's nodes by frame name: ``trigger`` (the participle) and ``hyphen``
        (``modifier_hyphen``) or ``agent`` (``modifier_participle``).
    at
        Actor mentions by token position.

    Returns
    -------
    tuple[list[Token], Token | None]
        For a hyphen, the last token of the mention that ends right before it ("**U.S.**-backed"),
        written without spaces around the hyphen; for a participle, the objects of its "by" phrase
        (their mentions and conjuncts are the backers). The backed token is the noun the participle
        modifies ("backed **rebels**"), or for a participle opening a clause ("Backed by Russia,
        Syrian **troops** retook ...") that clause's subject; None when there is none.
    """
    trigger = nodes["trigger"]
    doc = trigger.doc
    backers: list[Token] = []
    backed: Token | None = None
    hyphen = nodes.get("hyphen")
    if hyphen is not None:
        if hyphen.i == 0 or hyphen.text not in HYPHENS:
            return [], None
        before = doc[hyphen.i - 1]
        span = at.get(before.i)
        # "Russia-backed", not "Russia - backed" nor a dash between two phrases
        if span is None or span.end != hyphen.i or before.whitespace_ or hyphen.whitespace_:
            return [], None
        if span.start <= trigger.head.i < span.end:
            return [], None
        backers.append(before)
        if trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.i > trigger.i:
            backed = _named(trigger.head, trigger, at)
        return backers, backed
    agent = nodes.get("agent")
    if agent is None:
        return [], None
    backers.extend(c for c in agent.children if c.dep_ == "pobj")
    head = trigger.head
    if trigger.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        backed = _named(head, trigger, at)
    elif trigger.dep_ == "advcl" and head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children
    ):
        backed = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return backers, backed


LEADING = frozenset({"lead", "led", "spearhead", "spearheaded"})
"""Participles whose hyphenated modifier is the doer of the event noun they modify ("the **Saudi-led**
offensive against the Houthis", "**Russian-led** talks with the Taliban"). A group the actor stage reads
as its leader ("the Saudi-led coalition") is one mention already."""


def leader_of(noun: Token, at: Mapping[int, Span]) -> Token | None:
    """The last token of the mention that leads an event noun through a hyphenated "-led" modifier
    ("the **U.S.**-led campaign against the Islamic State"), or None."""
    for child in noun.children:
        if child.dep_ != "amod" or child.lemma_.lower() not in LEADING or child.i >= noun.i or child.i < 2:
            continue
        hyphen = noun.doc[child.i - 1]
        before = noun.doc[child.i - 2]
        span = at.get(before.i)
        if (hyphen.text in HYPHENS and span is not None and span.end == hyphen.i
                and not before.whitespace_ and not hyphen.whitespace_ and not span.start <= noun.i < span.end):
            return before
    return None


def _named(noun: Token, trigger: Token, at: Mapping[int, Span]) -> Token:
    """The token whose mention names the backed: the noun itself, or for a noun that is no mention
    the name compounded with it ("the Iranian-backed **Houthi** movement"); a demonym is not enough
    ("Iranian-backed Iraqi militias" are not Iraq)."""
    if noun.i in at:
        return noun
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i in at and child.i != trigger.i:
            span = at[child.i]
            if span.root.pos_ == "PROPN" and span.root.ent_type_ not in ("NORP", "GPE"):
                return child
    return noun


def governing_clause(token: Token) -> Token | None:
    """The nearest verb above ``token`` (the clause its noun phrase sits in), or None."""
    cursor = token
    for _ in range(8):
        if cursor.head == cursor:
            return None
        cursor = cursor.head
        if cursor.pos_ in ("VERB", "AUX"):
            return cursor
    return None


def is_military(span: Span, roles: Sequence[str | None], force_nouns: frozenset[str]) -> bool:
    """Whether a backer is an armed force: an actor of role MIL, or a phrase headed by a force noun
    ("African Union **troops**", "Russian **jets**")."""
    return "MIL" in roles or span.root.lemma_.lower() in force_nouns or span.root.lower_ in force_nouns


def names_own_pair(noun: Token, at: Mapping[int, Span]) -> bool:
    """Whether a noun's own modifiers name two actors or more ("**U.S.-South Korean** drills",
    "the **Russia-Ukraine** war", "**French and German** talks"): the noun then says who its parties
    are, as "talks **between** X **and** Y" does, and no clause around it adds a party."""
    found: set[tuple[int, int]] = set()
    for child in noun.children:
        if child.dep_ in PAIR_DEPS or child.dep_ == "npadvmod":
            for token in (child, *child.conjuncts, *(g for g in child.children if g.dep_ in PAIR_DEPS)):
                span = at.get(token.i)
                if span is not None and not span.start <= noun.i < span.end:
                    found.add((span.start, span.end))
    return len(found) >= 2

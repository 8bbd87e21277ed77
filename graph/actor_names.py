"""More names for actors than the documents give: the bundled actor dictionary, and near misses.

The projection knows an actor by its id, label and the words naming it in the evidence.
A user asks for "Daesh", "Ankara" or "Erdogan" even when no stored sentence says so: the
actor dictionary shipped with geokg (``geokg_data/actors/*.yaml``: labels, aliases,
capitals and demonyms of states; labels and aliases of people and organisations) fills in.
Small misspellings ("Erdgoan", "Isreal") are forgiven through :mod:`difflib` similarity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import cache

from graph.projection import normalize_name

FUZZY_CUTOFF = 0.8
"""Least similarity (difflib ratio, 0..1) for a misspelt name to match."""


@cache
def dictionary_names() -> dict[str, frozenset[str]]:
    """Normalised name → actor ids, from the bundled actor dictionary (empty when unavailable).

    >>> "islamic-state" in dictionary_names()["daesh"]
    True
    >>> "TUR" in dictionary_names()["ankara"]
    True
    """
    try:
        from extract.gazetteer import bundled_dictionary  # pure data: no spaCy

        bundle = bundled_dictionary()
    except (ImportError, OSError, ValueError):
        return {}
    index: dict[str, set[str]] = defaultdict(set)
    for state in bundle.states:
        for name in [state.label or "", *state.aliases, *state.exact, *state.capitals, *state.demonyms]:
            if name.strip():
                index[normalize_name(name)].add(state.iso3)
    for actor in bundle.actors:
        for name in [actor.label, *actor.aliases, *actor.exact]:
            if name.strip():
                index[normalize_name(name)].add(actor.id)
    return {key: frozenset(ids) for key, ids in index.items()}


@cache
def names_by_actor() -> dict[str, frozenset[str]]:
    """Actor id → normalised names from the bundled dictionary."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, ids in dictionary_names().items():
        for actor in ids:
            out[actor].add(key)
    return {actor: frozenset(keys) for actor, keys in out.items()}


def similarity(query: str, name: str) -> float:
    """How close a normalised query is to a normalised name, or to one of its words (0..1).

    >>> round(similarity("erdgoan", "recep tayyip erdogan"), 2)
    0.86
    >>> similarity("ankara", "ankara")
    1.0
    """
    best = 0.0
    candidates = [name, *name.split()] if " " in name and " " not in query else [name]
    for candidate in candidates:
        matcher = SequenceMatcher(None, query, candidate)
        if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
            continue
        best = max(best, matcher.ratio())
    return best


def best_similarity(query: str, names: Iterable[str]) -> float:
    """The highest :func:`similarity` of a query to any of some names."""
    return max((similarity(query, name) for name in names), default=0.0)


__all__ = ["FUZZY_CUTOFF", "best_similarity", "dictionary_names", "names_by_actor", "similarity"]

"""Finding actors in the projection: by id, label or alias, forgiving case, accents and small
misspellings, and knowing the names of the bundled actor dictionary (see :mod:`graph.actor_names`)."""

from __future__ import annotations

import threading
import weakref

import networkx as nx
import numpy as np

from graph.actor_names import FUZZY_CUTOFF, best_similarity, dictionary_names, names_by_actor
from graph.errors import ActorNotFound, InvalidQuery
from graph.models import ActorSummary, Page
from graph.projection import NAMES_KEY, NameIndex, normalize_name


def actor_summary(G: nx.DiGraph, actor_id: str) -> ActorSummary:
    """The summary of an actor node (id must be a node of ``G``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("TUR", label="Turkey", type="State", country="TUR", role=None, aliases=["Ankara"],
    ...            relations=3)
    >>> actor_summary(G, "TUR").aliases
    ['Ankara']
    """
    if actor_id not in G:
        raise ActorNotFound(actor_id)
    data = G.nodes[actor_id]
    return ActorSummary(
        id=actor_id,
        label=data.get("label", actor_id),
        type=data.get("type", "Actor"),
        country=data.get("country"),
        role=data.get("role"),
        aliases=list(data.get("aliases", [])),
        relations=int(data.get("relations", 0)),
    )


def _names(G: nx.DiGraph, actor_id: str) -> tuple[str, list[str]]:
    data = G.nodes[actor_id]
    return str(data.get("label", actor_id)), list(data.get("aliases", []))


def resolve_actor(G: nx.DiGraph, name_or_id: str) -> str:
    """The id of the actor named by an id, a label or an alias.

    An exact id wins; then, ignoring case, accents and spacing, an id or label; then an
    alias; then a name the bundled actor dictionary gives an actor of the graph ("Daesh",
    a capital, a demonym); then the closest name within a small misspelling. Among several
    actors sharing a name, the one in most relation records wins (then the smallest id),
    so the answer is stable.

    Raises
    ------
    ActorNotFound
        When no actor has that id, label or alias.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("TUR", label="Turkey", aliases=["Ankara", "Türkiye"], relations=5)
    >>> G.add_node("TUR-GOV", label="Turkish government", aliases=["Ankara"], relations=1)
    >>> resolve_actor(G, "turkiye"), resolve_actor(G, "ANKARA"), resolve_actor(G, "tur-gov")
    ('TUR', 'TUR', 'TUR-GOV')
    """
    text = name_or_id.strip() if isinstance(name_or_id, str) else ""
    if not text:
        raise ActorNotFound(str(name_or_id))
    if text in G:
        return text
    key = normalize_name(text)
    index = G.graph.get(NAMES_KEY)
    if isinstance(index, NameIndex):
        candidates = sorted(index.lookup(text))
    else:
        candidates = [
            n for n in G.nodes
            if key in {normalize_name(str(n)), normalize_name(_names(G, n)[0])}
            or key in {normalize_name(a) for a in _names(G, n)[1]}
        ]
    if not candidates:
        candidates = sorted(n for n in dictionary_names().get(key, ()) if n in G)
    if not candidates:
        candidates = _closest(G, key)
    if not candidates:
        raise ActorNotFound(text)

    def rank(actor_id: str) -> tuple[int, int, str]:
        label, _ = _names(G, actor_id)
        primary = key in {normalize_name(actor_id), normalize_name(label)}
        return (0 if primary else 1, -int(G.nodes[actor_id].get("relations", 0)), actor_id)

    return min(candidates, key=rank)


def _all_names(G: nx.DiGraph, actor_id: str) -> list[str]:
    label, aliases = _names(G, actor_id)
    names = [normalize_name(str(actor_id)), normalize_name(label), *(normalize_name(a) for a in aliases)]
    return names + sorted(names_by_actor().get(str(actor_id), frozenset()) - set(names))


class _FuzzyIndex:
    """The character counts of every name an actor may be matched on, for a quick first cut.

    difflib's ratio is at most its ``quick_ratio`` (twice the characters two strings share,
    over their total length). That bound is computed here for every name at once (numpy),
    so that the exact, slow :func:`graph.actor_names.similarity` runs only for the few
    actors with a name that can reach :data:`FUZZY_CUTOFF`: the answer is the same as
    scoring every actor, at a fraction of the cost.
    """

    def __init__(self, G: nx.DiGraph, signature: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        self.signature = signature
        self.closest: dict[str, tuple[str, ...]] = {}
        """Answers of :func:`_closest` for these names, by key."""
        strings: list[str] = []
        owners: list[str] = []
        words: list[bool] = []
        for node in G.nodes:
            for name in _all_names(G, node):
                strings.append(name)
                owners.append(node)
                words.append(False)
                if " " in name:  # similarity() also compares a one-word query with each word
                    for word in name.split():
                        strings.append(word)
                        owners.append(node)
                        words.append(True)
        self.owners = owners
        self.words = np.array(words, dtype=bool)
        self.lengths = np.array([len(s) for s in strings], dtype=np.float64)
        self.columns: dict[str, int] = {}
        for text in strings:
            for ch in text:
                self.columns.setdefault(ch, len(self.columns))
        self.counts = np.zeros((len(strings), max(1, len(self.columns))), dtype=np.int32)
        for row, text in enumerate(strings):
            for ch in text:
                self.counts[row, self.columns[ch]] += 1

    def candidates(self, key: str) -> set[str]:
        """Actors with a name whose quick ratio to ``key`` reaches the cutoff (a superset of the matches)."""
        if not self.owners:
            return set()
        wanted: dict[int, int] = {}
        for ch in key:
            if ch in self.columns:
                wanted[self.columns[ch]] = wanted.get(self.columns[ch], 0) + 1
        if wanted:
            cols = list(wanted)
            shared = np.minimum(self.counts[:, cols], np.array([wanted[c] for c in cols])).sum(axis=1)
        else:
            shared = np.zeros(len(self.owners))
        total = self.lengths + len(key)
        bound = np.where(total > 0, 2.0 * shared / np.maximum(total, 1), 1.0)
        reach = np.minimum(bound, 2.0 * np.minimum(self.lengths, len(key)) / np.maximum(total, 1))
        keep = reach >= FUZZY_CUTOFF - 1e-9
        if " " in key:
            keep &= ~self.words
        return {self.owners[i] for i in np.flatnonzero(keep)}


_FUZZY: weakref.WeakKeyDictionary[nx.DiGraph, _FuzzyIndex] = weakref.WeakKeyDictionary()
_FUZZY_LOCK = threading.Lock()
_CLOSEST_KEPT = 10_000


def _fuzzy_candidates(G: nx.DiGraph, key: str) -> set[str]:
    """The actors that may be within a small misspelling of ``key``."""
    return _fuzzy_index(G).candidates(key)


def _fuzzy_index(G: nx.DiGraph) -> _FuzzyIndex:
    """The :class:`_FuzzyIndex` of a graph's current names (rebuilt when an actor's names change)."""
    signature = {n: (str(d.get("label", n)), tuple(d.get("aliases", ()))) for n, d in G.nodes(data=True)}
    with _FUZZY_LOCK:
        index = _FUZZY.get(G)
    if index is None or index.signature != signature:
        index = _FuzzyIndex(G, signature)
        with _FUZZY_LOCK:
            _FUZZY[G] = index
    return index


def _closest(G: nx.DiGraph, key: str) -> list[str]:
    """The actors whose best name is nearest to a misspelt ``key`` (ties all returned)."""
    if len(key) < 4:
        return []
    index = _fuzzy_index(G)
    known = index.closest.get(key)
    if known is not None:
        return list(known)
    scored = [(best_similarity(key, _all_names(G, n)), n) for n in sorted(index.candidates(key))]
    best = max((score for score, _ in scored), default=0.0)
    found = [] if best < FUZZY_CUTOFF else sorted(n for score, n in scored if score == best)
    if len(index.closest) >= _CLOSEST_KEPT:
        index.closest.clear()
    index.closest[key] = tuple(found)
    return found


def search_actors(
    G: nx.DiGraph, q: str | None = None, *, limit: int = 50, offset: int = 0
) -> Page[ActorSummary]:
    """Actors whose id, label or an alias contains ``q`` (case- and accent-insensitive), or
    is within a small misspelling of it; the bundled dictionary's names count too.

    Order: actors whose id or label starts with ``q`` first, then other containing matches,
    then near misses (closest first); within each, by number of relation records
    (descending), then by id. ``q`` None or blank lists every actor.

    Raises
    ------
    InvalidQuery
        When ``limit`` is not in 1..1000 or ``offset`` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("TUR", label="Turkey", aliases=["Ankara"], relations=5)
    >>> G.add_node("RUS", label="Russia", aliases=["Moscow"], relations=7)
    >>> [a.id for a in search_actors(G, "ankar").items], [a.id for a in search_actors(G, "Moskow").items]
    (['TUR'], ['RUS'])
    >>> search_actors(G).total
    2
    """
    if not 1 <= limit <= 1000:
        raise InvalidQuery(f"limit must be between 1 and 1000, got {limit}")
    if offset < 0:
        raise InvalidQuery(f"offset must not be negative, got {offset}")
    key = normalize_name(q) if q else ""
    near = _fuzzy_candidates(G, key) if len(key) >= 4 else set()
    hits: list[tuple[int, float, int, str]] = []
    for actor_id in G.nodes:
        label, _ = _names(G, actor_id)
        primary = [normalize_name(str(actor_id)), normalize_name(label)]
        names = _all_names(G, actor_id)
        relations = -int(G.nodes[actor_id].get("relations", 0))
        if not key:
            hits.append((1, 0.0, relations, str(actor_id)))
        elif any(name.startswith(key) for name in primary):
            hits.append((0, 0.0, relations, str(actor_id)))
        elif any(key in name for name in names):
            hits.append((1, 0.0, relations, str(actor_id)))
        elif actor_id in near:
            score = best_similarity(key, names)
            if score >= FUZZY_CUTOFF:
                hits.append((2, -score, relations, str(actor_id)))
    hits.sort()
    items = [actor_summary(G, actor_id) for *_, actor_id in hits[offset: offset + limit]]
    return Page[ActorSummary](items=items, total=len(hits), limit=limit, offset=offset)

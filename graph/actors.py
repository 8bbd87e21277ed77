"""Finding actors in the projection: by id, label or alias, forgiving case, accents and small
misspellings, and knowing the names of the bundled actor dictionary (see :mod:`graph.actor_names`)."""

from __future__ import annotations

import networkx as nx

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


def _closest(G: nx.DiGraph, key: str) -> list[str]:
    """The actors whose best name is nearest to a misspelt ``key`` (ties all returned)."""
    if len(key) < 4:
        return []
    scored = [(best_similarity(key, _all_names(G, n)), n) for n in G.nodes]
    best = max((score for score, _ in scored), default=0.0)
    if best < FUZZY_CUTOFF:
        return []
    return sorted(n for score, n in scored if score == best)


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
        elif len(key) >= 4:
            score = best_similarity(key, names)
            if score >= FUZZY_CUTOFF:
                hits.append((2, -score, relations, str(actor_id)))
    hits.sort()
    items = [actor_summary(G, actor_id) for *_, actor_id in hits[offset: offset + limit]]
    return Page[ActorSummary](items=items, total=len(hits), limit=limit, offset=offset)

"""One filter for every query and export: which relation records count, and how they weigh.

A :class:`RelationFilter` selects the projection's :class:`~graph.projection.Mention`
records (one per relation record and edge) by date, relation type (through the ontology's
hierarchy), modality, confidence and the actors' types and countries; :func:`filtered_graph`
aggregates what passes into a fresh ``DiGraph`` with the same node attributes and these
edge attributes:

``relations``
    ``{snake_type: stats}`` for each type with at least ``min_weight``.
``weight`` / ``mentions`` / ``documents`` / ``sources`` / ``evidence`` / ``first_seen`` / ``last_seen``
    The same over every type kept on the edge (distinct documents and sources counted once).
``cooperation_weight`` / ``conflict_weight``
    Weight of the kept types of each polarity.

where ``stats`` holds ``weight`` (per :attr:`RelationFilter.weight_by`, default distinct
documents: a story syndicated fifty times is one event), ``mentions`` (records),
``documents``, ``sources`` (distinct publishers; a document of unknown publisher is its own
source), ``evidence`` (= mentions), ``confidence`` (the highest), ``first_seen`` and
``last_seen``. ``_mentions`` keeps the passing records (for evidence). Negated records
never count. Nodes keep their public attributes; only actors with a kept edge remain
(and the ego actor).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import cache
from threading import Lock
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from graph.errors import InvalidQuery
from graph.projection import NAMES_KEY, Mention, Projection
from ontology import UnknownRelationType, descendants, relation_type

Modality = Literal["asserted", "reported", "intended", "hypothetical"]
WeightBy = Literal["documents", "sources", "mentions"]
DEFAULT_MODALITIES: tuple[Modality, ...] = ("asserted", "reported")
MAX_EGO_HOPS = 4
"""Largest ``hops`` of an ego restriction."""


def _split(value: Any) -> Any:
    """Accept ``"a,b"`` as well as ``["a", "b"]`` (query strings, CLI options)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for item in value:
        out.extend(part.strip() for part in str(item).split(",") if part.strip())
    return tuple(out)


class RelationFilter(BaseModel):
    """Which relation records a query or export counts (every field optional).

    Examples
    --------
    >>> f = RelationFilter(types=["opposes"], since="2017-01-01")
    >>> "attacks" in f.relation_names()
    True
    >>> RelationFilter().modalities
    ('asserted', 'reported')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    since: dt.date | None = None
    """Earliest date (inclusive) of a record: its event date, else its document's date."""
    until: dt.date | None = None
    """Latest date (inclusive). With ``since`` or ``until`` set, undated records do not count."""
    types: tuple[str, ...] = ()
    """Relation types, camelCase or snake_case; each covers its sub-types. Empty: all."""
    min_weight: int = Field(default=1, ge=1)
    """Least weight for a (pair, relation type) to be kept."""
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    """Least extractor confidence of a record."""
    actor_types: tuple[str, ...] = ()
    """Only relations between actors of these types (``State``, ``ArmedGroup`` ...). Empty: all."""
    countries: tuple[str, ...] = ()
    """Only relations between actors of these countries (ISO alpha-3). Empty: all."""
    modalities: tuple[Modality, ...] = DEFAULT_MODALITIES
    """Modalities that count; negated records never count."""
    actor: str | None = None
    """Ego restriction: only actors within ``hops`` of this one (id, label or alias)."""
    hops: int = Field(default=1, ge=1, le=MAX_EGO_HOPS)
    """Radius of the ego restriction (ignoring direction)."""
    weight_by: WeightBy = "documents"
    """What a weight counts: distinct documents (default), distinct sources or mentions."""

    @field_validator("types", "actor_types", "countries", "modalities", mode="before")
    @classmethod
    def _listish(cls, value: Any) -> Any:
        return _split(value)

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        names = []
        for name in value:
            try:
                names.append(relation_type(name).snake)
            except UnknownRelationType as exc:
                raise ValueError(str(exc)) from None
        return tuple(sorted(set(names)))

    @field_validator("actor_types")
    @classmethod
    def _known_actor_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from extract.records import ACTOR_TYPES

        by_fold = {t.casefold(): t for t in ACTOR_TYPES}
        out = []
        for name in value:
            if name.casefold() not in by_fold:
                raise ValueError(f"unknown actor type {name!r}; known: {', '.join(ACTOR_TYPES)}")
            out.append(by_fold[name.casefold()])
        return tuple(sorted(set(out)))

    @field_validator("countries")
    @classmethod
    def _upper(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({c.upper() for c in value}))

    @field_validator("modalities")
    @classmethod
    def _some_modality(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            return DEFAULT_MODALITIES
        return tuple(sorted(set(value)))

    @model_validator(mode="after")
    def _ordered_dates(self) -> RelationFilter:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def relation_names(self) -> frozenset[str] | None:
        """snake_case names of the counted types (sub-types included); None for all."""
        return _expand(self.types) if self.types else None

    def with_(self, **changes: Any) -> RelationFilter:
        """A copy with some fields changed (validated)."""
        return make_filter(**{**self.model_dump(), **changes})


def make_filter(**fields: Any) -> RelationFilter:
    """Build a :class:`RelationFilter`, turning validation errors into one clear ``InvalidQuery``.

    >>> make_filter(types="opposes,aids").types
    ('aids', 'opposes')
    >>> make_filter(types="attaks")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidQuery: types: ...
    """
    try:
        return RelationFilter(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "filter"
            message = str(err["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {message}")
        raise InvalidQuery("; ".join(parts)) from None


@cache
def _expand(types: tuple[str, ...]) -> frozenset[str]:
    return frozenset(rt.snake for name in types for rt in descendants(relation_type(name).name))


@cache
def _polarity(relation: str) -> str:
    return relation_type(relation).polarity


def mention_passes(mention: Mention, flt: RelationFilter, names: frozenset[str] | None = None) -> bool:
    """Whether one record counts under the filter (its actors' types and countries aside)."""
    if mention.negated or mention.modality not in flt.modalities:
        return False
    if names is not None and mention.relation not in names:
        return False
    if mention.confidence < flt.min_confidence:
        return False
    if flt.since is not None or flt.until is not None:
        if mention.date is None:
            return False
        if flt.since is not None and mention.date < flt.since:
            return False
        if flt.until is not None and mention.date > flt.until:
            return False
    return True


def filter_mentions(
    per_document: dict[str, Sequence[Mention]], flt: RelationFilter
) -> list[Mention]:
    """The records of one edge's per-document contributions that pass the filter, in a stable order."""
    names = flt.relation_names()
    return [
        m for doc in sorted(per_document) for m in per_document[doc] if mention_passes(m, flt, names)
    ]


def _actor_ok(data: dict[str, Any], flt: RelationFilter) -> bool:
    if flt.actor_types and data.get("type") not in flt.actor_types:
        return False
    if flt.countries and (data.get("country") or "") not in flt.countries:
        return False
    return True


def _source_key(m: Mention) -> str:
    return m.source if m.source else f"document:{m.doc}"


def relation_stats(mentions: Iterable[Mention], weight_by: WeightBy = "documents") -> dict[str, Any]:
    """Counts, weight, best confidence and date span of some records (see module docstring)."""
    items = list(mentions)
    if len(items) == 1:  # the common case, kept cheap
        m = items[0]
        return {"weight": 1, "mentions": 1, "documents": 1, "sources": 1, "evidence": 1,
                "confidence": m.confidence, "first_seen": m.date, "last_seen": m.date}
    docs = {m.doc for m in items}
    sources = {_source_key(m) for m in items}
    keyed = {(m.doc, m.index) for m in items}
    dates = [m.date for m in items if m.date is not None]
    counts = {"documents": len(docs), "sources": len(sources), "mentions": len(keyed)}
    return {
        "weight": counts[weight_by],
        "mentions": counts["mentions"],
        "documents": counts["documents"],
        "sources": counts["sources"],
        "evidence": counts["mentions"],
        "confidence": max((m.confidence for m in items), default=0.0),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
    }


def _ego_nodes(G: nx.DiGraph, centre: str, hops: int) -> set[str]:
    undirected = G.to_undirected(as_view=True)
    return set(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))


def view_edge(G: nx.DiGraph, source: str, target: str, data: dict[str, Any], flt: RelationFilter,
              names: frozenset[str] | None, *, by_actor: bool | None = None) -> dict[str, Any] | None:
    """The attributes the filtered view gives the projection edge ``source`` → ``target``
    (whose data is ``data``), or None when no record of it passes the filter."""
    if by_actor is None:
        by_actor = bool(flt.actor_types or flt.countries)
    if by_actor and not (_actor_ok(G.nodes[source], flt) and _actor_ok(G.nodes[target], flt)):
        return None
    passing = [
        m for doc in sorted(data["_docs"]) for m in data["_docs"][doc] if mention_passes(m, flt, names)
    ]
    if not passing:
        return None
    by_type: dict[str, list[Mention]] = {}
    for m in passing:
        by_type.setdefault(m.relation, []).append(m)
    relations = {}
    for name in sorted(by_type):
        stats = relation_stats(by_type[name], flt.weight_by)
        if stats["weight"] >= flt.min_weight:
            relations[name] = stats
    if not relations:
        return None
    kept = [m for m in passing if m.relation in relations]
    total = dict(relations[kept[0].relation]) if len(by_type) == 1 and relations else \
        relation_stats(kept, flt.weight_by)
    polarity_weight = {"cooperation": 0, "conflict": 0}
    for name in relations:
        polarity_weight[_polarity(name)] += relations[name]["weight"]
    return {"relations": relations, "_mentions": tuple(kept), "cooperation_weight": polarity_weight["cooperation"],
            "conflict_weight": polarity_weight["conflict"], **total}


def filtered_graph(G: nx.DiGraph, flt: RelationFilter | None = None) -> nx.DiGraph:
    """The projection seen through a filter: a new ``DiGraph`` (see the module docstring).

    Parameters
    ----------
    G
        The projection graph (:attr:`graph.projection.Projection.graph`).
    flt
        The filter; None for the default one (asserted and reported records, all types).

    Raises
    ------
    ActorNotFound
        When the ego actor is unknown.

    Examples
    --------
    >>> from graph.examples import example_graph
    >>> H = filtered_graph(example_graph(), make_filter(types="opposes"))
    >>> sorted(H.edges), H.edges["TUR", "SYR"]["relations"]["attacks"]["documents"]
    ([('TUR', 'SYR')], 1)
    """
    from graph.actors import resolve_actor

    flt = flt or RelationFilter()
    names = flt.relation_names()
    out = nx.DiGraph()
    out.graph[NAMES_KEY] = G.graph.get(NAMES_KEY)
    centre = resolve_actor(G, flt.actor) if flt.actor is not None else None
    by_actor = bool(flt.actor_types or flt.countries)
    for source, target, data in G.edges(data=True):
        edge = view_edge(G, source, target, data, flt, names, by_actor=by_actor)
        if edge is not None:
            out.add_edge(source, target, **edge)
    if centre is not None:
        out.add_node(centre)
        out.remove_nodes_from([n for n in list(out) if n not in _ego_nodes(out, centre, flt.hops)])
    for node in out:
        out.nodes[node].update({k: v for k, v in G.nodes[node].items() if not k.startswith("_")})
    return out


class FilteredViews:
    """A small cache of filtered views of one projection, kept current after writes.

    The knowledge graph tells it about each document it writes (:meth:`note`, under the
    graph's lock): the actor pairs that document's records name, before and after the
    write. The next :meth:`get` then updates the cached views of plain filters (no ego or
    actor restriction) pair by pair (:func:`graph.view_update.updated_view`) instead of
    rebuilding them; views of other filters, or after a write it was not told about, or
    after very many writes, are rebuilt on demand.
    """

    def __init__(self, projection: Projection, *, size: int = 32) -> None:
        self._projection = projection
        self._size = size
        self._version = -1
        self._views: OrderedDict[RelationFilter, nx.DiGraph] = OrderedDict()
        self._lock = Lock()
        self._doc_pairs: dict[str, frozenset[tuple[str, str]]] | None = None
        self._pending: set[tuple[str, str]] = set()
        self._noted_version = -1

    @property
    def projection(self) -> Projection:
        """The projection the views are of."""
        return self._projection

    def _index_documents(self) -> None:
        """Which directed actor pairs each document has records on (from the projection)."""
        pairs: dict[str, set[tuple[str, str]]] = {}
        for source, target, data in self._projection.graph.edges(data=True):
            for doc in data["_docs"]:
                pairs.setdefault(doc, set()).add((source, target))
        self._doc_pairs = {doc: frozenset(p) for doc, p in pairs.items()}

    def note(self, doc_id: str, records: Sequence[Any] | None) -> None:
        """A document was just written (``records``: its relation records) or deleted (None).

        Call it under the graph's lock, right after the projection changed.
        """
        with self._lock:
            # a write moves the projection on by one version (two when it replaces a document);
            # more means a change went unnoted: forget the index, the next get rebuilds
            if self._doc_pairs is None or not 1 <= self._projection.version - self._noted_version <= 2:
                self._doc_pairs = None
                return
            new: set[tuple[str, str]] = set()
            for record in records or ():
                subject, obj = record.subject.id, record.object.id
                if subject == obj:
                    continue
                new.add((subject, obj))
                if relation_type(record.relation).symmetric:
                    new.add((obj, subject))
            self._pending |= self._doc_pairs.get(doc_id, frozenset()) | new
            if records is None:
                self._doc_pairs.pop(doc_id, None)
            else:
                self._doc_pairs[doc_id] = frozenset(new)
            self._noted_version = self._projection.version

    def get(self, flt: RelationFilter | None = None) -> nx.DiGraph:
        """The filtered view (shared: read it, do not modify it). Call under the graph's lock."""
        flt = flt or RelationFilter()
        with self._lock:
            if self._version != self._projection.version:
                self._catch_up()
            view = self._views.get(flt)
            if view is not None:
                self._views.move_to_end(flt)
                return view
            if self._doc_pairs is None:
                self._index_documents()
                self._noted_version = self._projection.version
        view = filtered_graph(self._projection.graph, flt)
        with self._lock:
            if self._version == self._projection.version:
                self._views[flt] = view
                while len(self._views) > self._size:
                    self._views.popitem(last=False)
        return view

    def _catch_up(self) -> None:
        """Bring the cached views to the projection's version (updated, or dropped to be rebuilt)."""
        from graph.view_update import updated_view

        G = self._projection.graph
        noted = self._doc_pairs is not None and self._noted_version == self._projection.version
        small = len(self._pending) <= max(1_000, G.number_of_edges() // 5)
        views: OrderedDict[RelationFilter, nx.DiGraph] = OrderedDict()
        if noted and small:
            for flt, view in self._views.items():
                if flt.actor is None and not flt.actor_types and not flt.countries:
                    views[flt] = updated_view(G, view, flt, self._pending)
        if not noted:
            self._doc_pairs = None
        self._views = views
        self._pending = set()
        self._version = self._projection.version


__all__ = [
    "DEFAULT_MODALITIES",
    "FilteredViews",
    "RelationFilter",
    "filter_mentions",
    "filtered_graph",
    "view_edge",
    "make_filter",
    "mention_passes",
    "relation_stats",
]

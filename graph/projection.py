"""The networkx view of the store: one node per actor, one edge per directed actor pair.

Edge data (all public keys are plain values):

``relations``
    ``{snake_type: {"weight", "evidence", "first_seen", "last_seen"}}`` per relation type.
``weight``
    Supporting records over all types (not negated; asserted or reported).
``evidence``
    All records, supporting or not.
``first_seen`` / ``last_seen``
    Earliest / latest date of a record (its event date, else its document's date).
``documents``
    Number of documents with a record on the edge.

A record of a symmetric type (``cooperates_with``, ``fights_with`` ...) counts on both
directions. Each edge and node also keeps its per-document contributions under ``_docs``,
so that adding or deleting a document updates the view in place, touching only that
document's nodes and edges. An edge's ``_docs[doc_id]`` is the tuple of that document's
:class:`Mention` records on the edge: enough (type, modality, negation, confidence, date,
publisher, record index) for :mod:`graph.filters` to answer any filtered query without
going back to the store.
"""

from __future__ import annotations

import datetime as dt
import pickle
import unicodedata
from sys import intern
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import networkx as nx

from extract.records import ActorRef, RelationRecord
from graph.rdf import supports
from ontology import relation_type

NAMES_KEY = "geokg_names"
"""Key of ``G.graph`` holding the :class:`NameIndex` of a projection."""


def normalize_name(text: str) -> str:
    """Fold case, accents and spacing so names compare loosely.

    >>> normalize_name("  Erdoğan ")
    'erdogan'
    >>> normalize_name("CÔTE  d'Ivoire")
    "cote d'ivoire"
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("ı", "i").split())


class NameIndex:
    """Normalised id, label and alias → actor ids; kept in step with the projection."""

    def __init__(self) -> None:
        self._ids: dict[str, set[str]] = defaultdict(set)
        self._names_of: dict[str, set[str]] = {}

    def set(self, actor: str, names: Iterable[str]) -> None:
        self.discard(actor)
        keys = {normalize_name(n) for n in names if n and n.strip()}
        self._names_of[actor] = keys
        for key in keys:
            self._ids[key].add(actor)

    def discard(self, actor: str) -> None:
        for key in self._names_of.pop(actor, set()):
            ids = self._ids.get(key)
            if ids is not None:
                ids.discard(actor)
                if not ids:
                    del self._ids[key]

    def lookup(self, name: str) -> set[str]:
        """Ids of the actors one of whose names equals ``name`` (loosely)."""
        return set(self._ids.get(normalize_name(name), ()))

    def names(self, actor: str) -> set[str]:
        return set(self._names_of.get(actor, ()))


class _NodeShare(NamedTuple):
    """What one document says about one actor (a tuple: a snapshot restores it cheaply)."""

    rank: tuple[str, str]
    """(document date or "", document id): the highest-ranked description wins."""
    description: tuple[str, str, str | None, str | None]
    aliases: frozenset[str]
    records: int


@dataclass(frozen=True, slots=True)
class ActorFact:
    """What one document says about an actor."""

    id: str
    label: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: frozenset[str] = frozenset()
    """The words naming the actor in the document's evidence sentences."""


@dataclass(frozen=True, slots=True)
class RelationFact:
    """The part of a relation record the projection needs."""

    subject: str
    object: str
    relation: str
    """snake_case relation type."""
    supported: bool
    """Not negated, and asserted or reported."""
    date: dt.date | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 1.0
    index: int = -1
    """Position of the record in its document (its relation IRI); -1 when unknown."""


class Mention(NamedTuple):
    """One relation record as an edge of the projection keeps it (per document).

    A named tuple rather than a dataclass: a large projection holds one per record and
    edge, and a snapshot (:mod:`graph.snapshot`) restores tuples several times faster.
    Read it by attribute name; its strings and dates are interned (shared) by the projection.
    """

    doc: str
    index: int
    """Position of the record in its document (see :func:`graph.iris.relation_iri`)."""
    subject: str
    object: str
    relation: str
    """snake_case relation type."""
    negated: bool
    modality: str
    confidence: float
    date: dt.date | None
    """The record's event date, else its document's date."""
    source: str | None
    """The document's publisher, when known."""

    @property
    def supported(self) -> bool:
        """Not negated, and asserted or reported."""
        return not self.negated and self.modality in ("asserted", "reported")


def facts_from_records(records: Iterable[RelationRecord]) -> tuple[list[ActorFact], list[RelationFact]]:
    """The actor and relation facts of a document's records (first description of an actor wins)."""
    first: dict[str, ActorRef] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    relations: list[RelationFact] = []
    for index, record in enumerate(records):
        for actor in (record.subject, record.object, record.speaker):
            if actor is None:
                continue
            first.setdefault(actor.id, actor)
            if actor.text:
                aliases[actor.id].add(actor.text)
        relations.append(
            RelationFact(
                subject=record.subject.id,
                object=record.object.id,
                relation=relation_type(record.relation).snake,
                supported=supports(record),
                date=record.date,
                negated=record.negated,
                modality=record.modality,
                confidence=record.confidence,
                index=index,
            )
        )
    actors = [
        ActorFact(id=a.id, label=a.label, type=a.type, country=a.country, role=a.role,
                  aliases=frozenset(aliases[a.id] - {a.label}))
        for a in first.values()
    ]
    return actors, relations


def _per_type(mentions: Iterable[Mention]) -> dict[str, list[Any]]:
    """``{type: [supporting records, records, first date, last date]}`` of some mentions."""
    out: dict[str, list[Any]] = {}
    for m in mentions:
        stat = out.setdefault(m.relation, [0, 0, None, None])
        stat[0] += 1 if m.supported else 0
        stat[1] += 1
        stat[2] = _min_date(stat[2], m.date)
        stat[3] = _max_date(stat[3], m.date)
    return out


_DATES: dict[dt.date, dt.date] = {}
_NO_ALIASES: frozenset[str] = frozenset()
"""The one empty alias set every share without aliases holds (most do)."""


def _shared_date(day: dt.date | None) -> dt.date | None:
    """One date object per calendar day, so records share it (in memory and in a snapshot)."""
    if day is None:
        return None
    return _DATES.setdefault(day, day)


_DESCRIPTIONS: dict[tuple[str, str, str | None, str | None], tuple[str, str, str | None, str | None]] = {}


def _shared_description(
    description: tuple[str, str, str | None, str | None],
) -> tuple[str, str, str | None, str | None]:
    """One tuple per distinct actor description (most documents describe an actor alike)."""
    shared = _DESCRIPTIONS.get(description)
    if shared is None:
        shared = tuple(intern(part) if part else part for part in description)  # type: ignore[assignment]
        _DESCRIPTIONS[shared] = shared
    return shared


@cache
def _symmetric(relation: str) -> bool:
    return relation_type(relation).symmetric


def _min_date(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


def _max_date(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


class Projection:
    """A networkx ``DiGraph`` of actors, updated in place document by document.

    Examples
    --------
    >>> from extract.records import ActorRef
    >>> tur = ActorRef(id="TUR", label="Turkey", type="State", country="TUR")
    >>> syr = ActorRef(id="SYR", label="Syria", type="State", country="SYR")
    >>> rec = RelationRecord(doc="d1", sentence="Turkey shelled Syria.", start=0, end=21,
    ...                      subject=tur, object=syr, relation="attacks", plover="ASSAULT",
    ...                      polarity="conflict", confidence=0.9)
    >>> view = Projection()
    >>> view.add_document("d1", [rec])
    >>> view.graph["TUR"]["SYR"]["relations"]["attacks"]["weight"]
    1
    >>> view.remove_document("d1")
    True
    >>> view.graph.number_of_nodes()
    0
    """

    def __init__(self) -> None:
        self.graph: nx.DiGraph = nx.DiGraph()
        self.names = NameIndex()
        self.graph.graph[NAMES_KEY] = self.names
        self._doc_edges: dict[str, set[tuple[str, str]]] = {}
        self._doc_nodes: dict[str, set[str]] = {}
        self._doc_records: dict[str, int] = {}
        self.records = 0
        """Relation records held, supporting or not."""
        self.version = 0
        """Bumped on every change (filtered views cached per version)."""
        self._deferred: bytes | None = None
        """What only writes need, still pickled, when restored from a snapshot (see ``__getstate__``)."""

    # ------------------------------------------------------------------ pickling (graph.snapshot)
    def __getstate__(self) -> dict[str, Any]:
        """The pickled state: the graph without the nodes' private bookkeeping, plus that
        bookkeeping and the per-document indexes as one opaque pickle.

        Queries read the public node attributes and the edges' per-document records, but
        only writes read each node's per-document shares and the per-document indexes: a
        restored projection unpickles those on its first write (:meth:`_ready`), so opening
        a large store builds far fewer objects.
        """
        state = dict(self.__dict__)
        for key in ("_doc_edges", "_doc_nodes", "_doc_records"):
            state.pop(key, None)
        if self._deferred is None:
            private = {node: (data["_docs"], data["_aliases"], data["_winner"])
                       for node, data in self.graph.nodes(data=True)}
            state["_deferred"] = pickle.dumps(
                (private, self._doc_edges, self._doc_nodes, self._doc_records), protocol=5)
        public = self.graph.__class__()
        public.graph = self.graph.graph
        public.add_nodes_from((node, {k: v for k, v in data.items() if not k.startswith("_")})
                              for node, data in self.graph.nodes(data=True))
        public.add_edges_from(self.graph.edges(data=True))  # new edge dicts holding the same values
        state["graph"] = public
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self._deferred is None:  # pickled by hand without the deferred part: nothing to restore
            self._doc_edges, self._doc_nodes, self._doc_records = {}, {}, {}

    def _ready(self) -> None:
        """Unpickle the write bookkeeping of a restored projection (once, before its first write)."""
        blob = self._deferred
        if blob is None:
            return
        from graph.snapshot import restricted_loads  # the snapshot's unpickler: only whitelisted classes

        private, self._doc_edges, self._doc_nodes, self._doc_records = restricted_loads(blob)
        for node, (docs, aliases, winner) in private.items():
            self.graph.nodes[node].update(_docs=docs, _aliases=aliases, _winner=winner)
        self._deferred = None

    # ------------------------------------------------------------------ documents
    @property
    def documents(self) -> set[str]:
        self._ready()
        return set(self._doc_edges)

    def add_document(
        self,
        doc_id: str,
        records: Sequence[RelationRecord],
        *,
        date: dt.date | None = None,
        source: str | None = None,
    ) -> None:
        """Add a document's records (replacing what the view holds for the same id)."""
        actors, relations = facts_from_records(records)
        self.add_facts(doc_id, actors, relations, date=date, source=source)

    def add_facts(
        self,
        doc_id: str,
        actors: Sequence[ActorFact],
        relations: Sequence[RelationFact],
        *,
        date: dt.date | None = None,
        source: str | None = None,
    ) -> None:
        """Add what one document says (replacing what the view holds for the same id).

        ``actors`` describes every actor the relations name (later entries for an id are ignored);
        ``date`` and ``source`` are the document's date and publisher.
        """
        self._ready()
        if doc_id in self._doc_edges:
            self.remove_document(doc_id)
        rank = (date.isoformat() if date else "", doc_id)
        record_counts: dict[str, int] = defaultdict(int)
        shares: dict[tuple[str, str], dict[str, list[Any]]] = defaultdict(dict)
        mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for position, fact in enumerate(relations):
            record_counts[fact.subject] += 1
            if fact.object == fact.subject:
                continue
            record_counts[fact.object] += 1
            when = fact.date or date
            pairs = [(fact.subject, fact.object)]
            if _symmetric(fact.relation):
                pairs.append((fact.object, fact.subject))
            mention = Mention(
                doc=doc_id, index=fact.index if fact.index >= 0 else position, subject=intern(fact.subject),
                object=intern(fact.object), relation=intern(fact.relation),
                negated=fact.negated or (not fact.supported and fact.modality in ("asserted", "reported")),
                modality=intern(fact.modality), confidence=fact.confidence, date=_shared_date(when),
                source=intern(source) if source else None,
            )
            for pair in pairs:
                mentions[pair].append(mention)
                stat = shares[pair].setdefault(fact.relation, [0, 0, None, None])
                stat[0] += 1 if fact.supported else 0
                stat[1] += 1
                stat[2] = _min_date(stat[2], when)
                stat[3] = _max_date(stat[3], when)
        described: dict[str, ActorFact] = {}
        for actor in actors:
            described.setdefault(actor.id, actor)
        for actor_key in record_counts:  # an actor named without a description: its id stands in
            described.setdefault(actor_key, ActorFact(id=actor_key, label=actor_key, type="Actor"))
        for actor_key, actor in described.items():
            share = _NodeShare(
                rank=rank,
                description=_shared_description((actor.label, actor.type, actor.country, actor.role)),
                aliases=actor.aliases or _NO_ALIASES,
                records=record_counts.get(actor_key, 0),
            )
            self._node_add(actor_key, doc_id, share)
        for (source, target), per_type in shares.items():
            if not self.graph.has_edge(source, target):
                self.graph.add_edge(source, target, _docs={}, relations={}, weight=0, evidence=0,
                                    first_seen=None, last_seen=None, documents=0)
            data = self.graph.edges[source, target]
            data["_docs"][doc_id] = tuple(mentions[(source, target)])
            for name, (weight, evidence, first, last) in per_type.items():
                agg = data["relations"].setdefault(
                    name, {"weight": 0, "evidence": 0, "first_seen": None, "last_seen": None}
                )
                agg["weight"] += weight
                agg["evidence"] += evidence
                agg["first_seen"] = _min_date(agg["first_seen"], first)
                agg["last_seen"] = _max_date(agg["last_seen"], last)
            self._refresh_edge_totals(data)
        self._doc_edges[doc_id] = set(shares)
        self._doc_nodes[doc_id] = set(described)
        self._doc_records[doc_id] = len(relations)
        self.records += len(relations)
        self.version += 1

    def remove_document(self, doc_id: str) -> bool:
        """Subtract a document's contributions; False when the view does not hold it."""
        self._ready()
        if doc_id not in self._doc_edges:
            return False
        for source, target in self._doc_edges.pop(doc_id):
            data = self.graph.edges[source, target]
            per_type = _per_type(data["_docs"].pop(doc_id))
            if not data["_docs"]:
                self.graph.remove_edge(source, target)
                continue
            for name, (weight, evidence, first, last) in per_type.items():
                agg = data["relations"][name]
                agg["weight"] -= weight
                agg["evidence"] -= evidence
                if agg["evidence"] <= 0:
                    del data["relations"][name]
                elif first == agg["first_seen"] or last == agg["last_seen"]:
                    self._recompute_dates(data, name)
            self._refresh_edge_totals(data)
        self.records -= self._doc_records.pop(doc_id)
        self.version += 1
        for actor_key in self._doc_nodes.pop(doc_id):
            self._node_remove(actor_key, doc_id)
        return True

    # ------------------------------------------------------------------ aggregates
    @staticmethod
    def _recompute_dates(data: dict[str, Any], name: str) -> None:
        first: dt.date | None = None
        last: dt.date | None = None
        for mentions in data["_docs"].values():
            stat = _per_type(mentions).get(name)
            if stat is not None:
                first = _min_date(first, stat[2])
                last = _max_date(last, stat[3])
        data["relations"][name]["first_seen"] = first
        data["relations"][name]["last_seen"] = last

    @staticmethod
    def _refresh_edge_totals(data: dict[str, Any]) -> None:
        stats = data["relations"].values()
        data["weight"] = sum(s["weight"] for s in stats)
        data["evidence"] = sum(s["evidence"] for s in stats)
        firsts = [s["first_seen"] for s in stats if s["first_seen"] is not None]
        lasts = [s["last_seen"] for s in stats if s["last_seen"] is not None]
        data["first_seen"] = min(firsts) if firsts else None
        data["last_seen"] = max(lasts) if lasts else None
        data["documents"] = len(data["_docs"])

    def _node_add(self, actor_key: str, doc_id: str, share: _NodeShare) -> None:
        if actor_key not in self.graph:
            self.graph.add_node(actor_key, _docs={}, _aliases=Counter(), _winner=None, relations=0)
        node = self.graph.nodes[actor_key]
        node["_docs"][doc_id] = share
        node["_aliases"].update(share.aliases)
        node["relations"] += share.records
        winner = node["_winner"]
        if winner is None or share.rank > node["_docs"][winner].rank:
            node["_winner"] = doc_id
        self._describe(actor_key)

    def _node_remove(self, actor_key: str, doc_id: str) -> None:
        node = self.graph.nodes[actor_key]
        share: _NodeShare = node["_docs"].pop(doc_id)
        if not node["_docs"]:
            self.graph.remove_node(actor_key)
            self.names.discard(actor_key)
            return
        node["_aliases"].subtract(share.aliases)
        for alias in share.aliases:
            if node["_aliases"][alias] <= 0:
                del node["_aliases"][alias]
        node["relations"] -= share.records
        if node["_winner"] == doc_id:
            node["_winner"] = max(node["_docs"], key=lambda key: node["_docs"][key].rank)
        self._describe(actor_key)

    def _describe(self, actor_key: str) -> None:
        """Set the public description of a node from its winning share and alias counts."""
        node = self.graph.nodes[actor_key]
        label, kind, country, role = node["_docs"][node["_winner"]].description
        aliases = sorted(alias for alias in node["_aliases"] if alias != label)
        changed_names = node.get("label") != label or node.get("aliases") != aliases
        node.update(label=label, type=kind, country=country, role=role, aliases=aliases,
                    documents=len(node["_docs"]))
        if changed_names:
            self.names.set(actor_key, [actor_key, label, *aliases])

    # ------------------------------------------------------------------ comparison
    def snapshot(self) -> dict[str, Any]:
        """The view's public content as plain data (private bookkeeping left out), for comparisons."""
        nodes = {
            key: {k: v for k, v in data.items() if not k.startswith("_")}
            for key, data in sorted(self.graph.nodes(data=True))
        }
        edges = {
            (u, v): {k: v_ for k, v_ in data.items() if not k.startswith("_")}
            for u, v, data in sorted(self.graph.edges(data=True), key=lambda e: (e[0], e[1]))
        }
        return {"nodes": nodes, "edges": edges, "records": self.records}


def supporting_documents(G: nx.DiGraph, source: str, target: str) -> list[str]:
    """Ids of the documents with a record on the edge ``source`` → ``target`` (sorted; [] if no edge).

    >>> from graph.examples import example_graph
    >>> supporting_documents(example_graph(), "TUR", "SYR")
    ['d1']
    """
    if not G.has_edge(source, target):
        return []
    return sorted(G.edges[source, target].get("_docs", {}))

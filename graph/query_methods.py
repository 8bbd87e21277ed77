"""The query face of :class:`graph.knowledge_graph.KnowledgeGraph` (mixed into it).

Every method takes the same :class:`graph.filters.RelationFilter` (``flt``) and works on
the filtered view of the projection cached for that filter; ``evidence=True`` expands the
records behind each answer into sentences, documents, offsets and dates, read from the
store. Lists come as :class:`graph.models.Page` (``limit``, ``offset``, ``total``) in a
stable order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import networkx as nx

from extract.records import RelationRecord
from graph import analytics, queries
from graph import timeline as timelines
from graph.actors import resolve_actor
from graph.errors import DocumentNotFound, InvalidQuery
from graph.evidence import RelationNode, RelationNodeCache
from graph.filters import FilteredViews, RelationFilter
from graph.iris import relation_iri
from graph.models import (
    Balance,
    Centrality,
    Communities,
    DocumentSummary,
    EgoNetwork,
    Evidence,
    Neighbour,
    Page,
    PathPage,
    RelationPair,
    Timeline,
)
from graph.projection import Mention, Projection

if TYPE_CHECKING:
    from graph.store import GraphStore

T = TypeVar("T")
MAX_LIMIT = 1000


def _evidence(doc_id: str, m: Mention, record: RelationNode | RelationRecord,
              summary: DocumentSummary | None) -> Evidence:
    if isinstance(record, RelationNode):
        subject, obj, subject_text, object_text = record.subject, record.object, record.subject_text, record.object_text
    else:
        subject, obj = record.subject.id, record.object.id
        subject_text, object_text = record.subject.text, record.object.text
    return Evidence(
        relation_iri=str(relation_iri(doc_id, m.index)), doc=doc_id, index=m.index,
        sentence=record.sentence, start=record.start, end=record.end,
        subject=subject, object=obj, relation=m.relation,
        subject_text=subject_text, object_text=object_text,
        trigger=record.trigger, modality=record.modality, confidence=record.confidence,
        date=m.date, document_date=summary.date if summary else None,
        source=summary.source if summary else None,
    )


def page_of(items: Sequence[T], *, limit: int, offset: int, most: int = MAX_LIMIT) -> Page[T]:
    """One page of an ordered list.

    Raises
    ------
    InvalidQuery
        When ``limit`` is not in 1..most or ``offset`` is negative.

    >>> page_of([1, 2, 3], limit=2, offset=1).items
    [2, 3]
    """
    if isinstance(limit, bool) or not 1 <= limit <= most:
        raise InvalidQuery(f"limit must be between 1 and {most}, got {limit}")
    if offset < 0:
        raise InvalidQuery(f"offset must not be negative, got {offset}")
    return Page[T](items=list(items[offset: offset + limit]), total=len(items), limit=limit, offset=offset)


class QueryMethods:
    """Relation queries, paths, analytics and timelines over a knowledge graph's projection."""

    _projection: Projection
    _documents: dict[str, DocumentSummary]
    _lock: threading.RLock
    _store: GraphStore

    def document_relations(self, doc_id: str) -> list[RelationRecord]:  # pragma: no cover - KnowledgeGraph's
        raise NotImplementedError

    # ------------------------------------------------------------------ plumbing
    def filtered_view(self, flt: RelationFilter | None = None) -> nx.DiGraph:
        """The projection seen through a filter (cached until the next write; read it only).

        Call it under no lock: it takes the graph's lock itself. See :mod:`graph.filters`.
        """
        with self._lock:
            views = self.__dict__.get("_filtered_views")
            if views is None or views.projection is not self._projection:
                views = FilteredViews(self._projection)
                self.__dict__["_filtered_views"] = views
            return views.get(flt)

    def _views_changed(self, doc_id: str, records: Sequence[RelationRecord] | None) -> None:
        """Tell the cached views a document was just written (``records``) or deleted (None).

        Call it under the graph's lock, right after the projection changed: the views are then
        brought up to date pair by pair on the next read, not rebuilt (see :class:`FilteredViews`).
        """
        views = self.__dict__.get("_filtered_views")
        if views is not None and views.projection is self._projection:
            views.note(doc_id, records)

    def _relation_nodes(self) -> RelationNodeCache:
        cache = self.__dict__.get("_relation_node_cache")
        if cache is None:
            cache = self.__dict__.setdefault("_relation_node_cache", RelationNodeCache())
        return cache

    def evidence_for(self, mentions: Sequence[Mention]) -> list[Evidence]:
        """The evidence of some records: sentence, offsets, dates and publisher, read from the store.

        On an embedded store only the records' own relation nodes are read
        (:mod:`graph.evidence`), and kept for the next answers while their document stays
        the same; on a remote store, their documents. Records the store no longer holds are
        left out.
        """
        by_doc: dict[str, list[Mention]] = {}
        for m in mentions:
            by_doc.setdefault(m.doc, []).append(m)
        inner = getattr(self._store, "inner", None) if not self._store.closed else None
        out: list[Evidence] = []
        for doc_id in sorted(by_doc):
            summary = self._documents.get(doc_id)
            if inner is not None:
                found = self._relation_nodes().read(inner, [(doc_id, m.index) for m in by_doc[doc_id]],
                                                    {doc_id: summary})
                records: dict[int, RelationNode | RelationRecord] = {i: n for (_, i), n in found.items()}
            else:
                try:
                    records = dict(enumerate(self.document_relations(doc_id)))
                except DocumentNotFound:
                    continue
            for m in sorted(by_doc[doc_id], key=lambda x: x.index):
                record = records.get(m.index)
                if record is None:
                    continue
                out.append(_evidence(doc_id, m, record, summary))
        return out

    def _expand(self, evidence: bool) -> queries.Expand | None:
        return self.evidence_for if evidence else None

    # ------------------------------------------------------------------ relations
    def relation_pairs(
        self, *, type: str = "opposes", actor: str | None = None, flt: RelationFilter | None = None,
        evidence: bool = False, limit: int = 100, offset: int = 0,
    ) -> Page[RelationPair]:
        """Actor pairs under a relation family or type, strongest first (see :func:`graph.queries.relation_pairs`)."""
        page_of([], limit=limit, offset=offset)
        with self._lock:
            view = self.filtered_view(flt)
            pairs = queries.relation_pairs(self._projection.graph, type, actor=actor, flt=flt, view=view)
            page = page_of(pairs, limit=limit, offset=offset)
            if evidence:
                items = [queries.relation_detail(self._projection.graph, p.id, flt=flt, view=view,
                                                 expand=self.evidence_for) for p in page.items]
                page = page.model_copy(update={"items": items})
            return page

    def relation(self, relation_id: str, *, flt: RelationFilter | None = None) -> RelationPair:
        """One relation (``source:relation:target``) with its evidence. Raises ``RelationNotFound``."""
        with self._lock:
            return queries.relation_detail(self._projection.graph, relation_id, flt=flt,
                                           view=self.filtered_view(flt), expand=self.evidence_for)

    def _read(self, flt: RelationFilter | None, run: Callable[[nx.DiGraph], T], *, reads_store: bool) -> T:
        """``run(view)`` on the filtered view, outside the graph's lock.

        A view never changes once built, so only fetching it takes the lock: a long read
        does not hold up the others. An answer that also read the store (evidence) is
        checked against the writes made meanwhile (writers hold the lock from their store
        write to their projection update) and computed again, under the lock, when one
        came in between.
        """
        with self._lock:
            view = self.filtered_view(flt)
            version = self._projection.version
        result = run(view)
        if not reads_store:
            return result
        with self._lock:
            if self._projection.version == version:
                return result
            return run(self.filtered_view(flt))

    def _related(self, family: str, actor: str, flt: RelationFilter | None, evidence: bool,
                 limit: int, offset: int) -> Page[Neighbour]:
        page_of([], limit=limit, offset=offset)
        with self._lock:
            node, names, polarity = queries.check_related(self._projection.graph, actor, family, flt=flt)
        weight_by = flt.weight_by if flt is not None else "documents"
        expand = self._expand(evidence)

        def run(view: nx.DiGraph) -> Page[Neighbour]:
            rows = queries.neighbour_rows(view, node, names, weight_by=weight_by)
            items = [queries.neighbour(view, row, polarity, expand) for row in rows[offset: offset + limit]]
            return Page[Neighbour](items=items, total=len(rows), limit=limit, offset=offset)

        return self._read(flt, run, reads_store=evidence)

    def opponents(self, actor: str, *, flt: RelationFilter | None = None, evidence: bool = False,
                  limit: int = 100, offset: int = 0) -> Page[Neighbour]:
        """Actors in the ``opposes`` family with this one, either direction. Raises ``ActorNotFound``."""
        return self._related("opposes", actor, flt, evidence, limit, offset)

    def allies(self, actor: str, *, flt: RelationFilter | None = None, evidence: bool = False,
               limit: int = 100, offset: int = 0) -> Page[Neighbour]:
        """Actors in the ``cooperatesWith`` family with this one, either direction. Raises ``ActorNotFound``."""
        return self._related("cooperatesWith", actor, flt, evidence, limit, offset)

    def paths(
        self, source: str, target: str, *, max_hops: int = 4, mode: queries.PathMode = "shortest",
        signed: queries.SignWanted = "any", limit: int = 10, offset: int = 0, flt: RelationFilter | None = None,
        evidence: bool = False, evidence_limit: int = queries.EVIDENCE_PER_HOP,
    ) -> PathPage:
        """One page of the paths between two actors (see :func:`graph.queries.paths`: ``total`` counts
        the paths of the wanted sign among the first ``PATH_SEARCH_CAP`` found, ``total_capped`` says
        whether there were more); hops carry evidence when asked (at most ``evidence_limit`` records
        each; ``evidence_count`` counts them all). Raises ``ActorNotFound``, ``InvalidQuery``."""
        queries.check_path_options(max_hops=max_hops, limit=limit, offset=offset, mode=mode, signed=signed,
                                   evidence_limit=evidence_limit)
        with self._lock:
            G = self._projection.graph
            start, goal = resolve_actor(G, source), resolve_actor(G, target)
        if start == goal:
            raise InvalidQuery(f"source and target are the same actor: {start!r}")
        expand = self._expand(evidence)

        def run(view: nx.DiGraph) -> PathPage:
            if start not in view or goal not in view:
                return queries.empty_path_page(limit=limit, offset=offset)
            return queries.paths(view, start, goal, max_hops=max_hops, mode=mode, signed=signed, limit=limit,
                                 offset=offset, flt=flt, view=view, expand=expand, evidence_limit=evidence_limit)

        return self._read(flt, run, reads_store=evidence)

    # ------------------------------------------------------------------ analytics
    def ego_network(self, actor: str, *, hops: int = 1, flt: RelationFilter | None = None,
                    limit: int = queries.EGO_NODE_LIMIT, edge_limit: int = queries.EGO_EDGE_LIMIT) -> EgoNetwork:
        """An actor's neighbourhood, cut at ``limit`` actors and ``edge_limit`` edges
        (see :func:`graph.queries.ego_network`)."""
        queries.check_ego_options(hops=hops, limit=limit, edge_limit=edge_limit)
        with self._lock:
            G = self._projection.graph
            node = resolve_actor(G, actor)
            view = self.filtered_view(flt)
            if node not in view:
                return queries.ego_network(G, node, hops=hops, flt=flt, view=view, limit=limit,
                                           edge_limit=edge_limit)
        return queries.ego_network(view, node, hops=hops, flt=flt, view=view, limit=limit, edge_limit=edge_limit)

    def _whole_view(self, actor: str | None, flt: RelationFilter | None) -> tuple[str | None, nx.DiGraph, bool]:
        """The resolved actor, the view, and whether the view alone can answer (outside the lock)."""
        with self._lock:
            node = resolve_actor(self._projection.graph, actor) if actor is not None else None
            view = self.filtered_view(flt)
        return node, view, node is None or node in view

    def balance(self, *, actor: str | None = None, flt: RelationFilter | None = None) -> Balance:
        """Structural balance of the signed network (see :func:`graph.analytics.balance`)."""
        node, view, alone = self._whole_view(actor, flt)
        if alone:  # the view holds every actor the answer names
            return analytics.balance(view, actor=node, flt=flt, view=view)
        with self._lock:
            return analytics.balance(self._projection.graph, actor=node, flt=flt, view=self.filtered_view(flt))

    def centrality(self, *, flt: RelationFilter | None = None, sort: str = "pagerank",
                   limit: int = 100, offset: int = 0) -> Page[Centrality]:
        """Degree and PageRank per actor (see :func:`graph.analytics.centrality`)."""
        page_of([], limit=limit, offset=offset)
        _, view, _ = self._whole_view(None, flt)
        rows = analytics.centrality(view, flt=flt, view=view, sort=sort)
        return page_of(rows, limit=limit, offset=offset)

    def communities(self, *, flt: RelationFilter | None = None, seed: int = analytics.DEFAULT_SEED,
                    resolution: float = 1.0) -> Communities:
        """Louvain communities of the cooperation network (see :func:`graph.analytics.communities`)."""
        _, view, _ = self._whole_view(None, flt)
        return analytics.communities(view, flt=flt, view=view, seed=seed, resolution=resolution)

    def timeline(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                 by: timelines.By = "month", flt: RelationFilter | None = None) -> Timeline:
        """Relations by month or year (see :func:`graph.timeline.timeline`)."""
        with self._lock:
            return timelines.timeline(self._projection.graph, actor=actor, source=source, target=target, by=by,
                                      flt=flt, view=self.filtered_view(flt))


__all__ = ["QueryMethods", "page_of"]

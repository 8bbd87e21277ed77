"""The query face of :class:`graph.knowledge_graph.KnowledgeGraph` (mixed into it).

Every method takes the same :class:`graph.filters.RelationFilter` (``flt``) and works on
the filtered view of the projection cached for that filter; ``evidence=True`` expands the
records behind each answer into sentences, documents, offsets and dates, read from the
store. Lists come as :class:`graph.models.Page` (``limit``, ``offset``, ``total``) in a
stable order.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import networkx as nx

from graph import analytics, queries
from graph import timeline as timelines
from graph.errors import InvalidQuery
from graph.filters import FilteredViews, RelationFilter
from graph.iris import relation_iri
from graph.models import (
    ActorPath,
    Balance,
    Centrality,
    Communities,
    DocumentSummary,
    EgoNetwork,
    Evidence,
    Neighbour,
    Page,
    RelationPair,
    Timeline,
)
from graph.projection import Mention, Projection

if TYPE_CHECKING:
    from extract.records import RelationRecord

T = TypeVar("T")
MAX_LIMIT = 1000


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

    def evidence_for(self, mentions: Sequence[Mention]) -> list[Evidence]:
        """The evidence of some records: sentence, offsets, dates and publisher, read from the store."""
        out: list[Evidence] = []
        by_doc: dict[str, list[Mention]] = {}
        for m in mentions:
            by_doc.setdefault(m.doc, []).append(m)
        for doc_id in sorted(by_doc):
            records = self.document_relations(doc_id)
            summary = self._documents.get(doc_id)
            for m in sorted(by_doc[doc_id], key=lambda x: x.index):
                if not 0 <= m.index < len(records):
                    continue
                record = records[m.index]
                out.append(Evidence(
                    relation_iri=str(relation_iri(doc_id, m.index)), doc=doc_id, index=m.index,
                    sentence=record.sentence, start=record.start, end=record.end,
                    subject=record.subject.id, object=record.object.id, relation=m.relation,
                    subject_text=record.subject.text, object_text=record.object.text,
                    trigger=record.trigger, modality=record.modality, confidence=record.confidence,
                    date=m.date, document_date=summary.date if summary else None,
                    source=summary.source if summary else None,
                ))
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

    def _related(self, family: str, actor: str, flt: RelationFilter | None, evidence: bool,
                 limit: int, offset: int) -> Page[Neighbour]:
        page_of([], limit=limit, offset=offset)
        with self._lock:
            found = queries.related(self._projection.graph, actor, family, flt=flt,
                                    view=self.filtered_view(flt), expand=self._expand(evidence))
        return page_of(found, limit=limit, offset=offset)

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
        signed: queries.SignWanted = "any", limit: int = 10, flt: RelationFilter | None = None,
        evidence: bool = False,
    ) -> list[ActorPath]:
        """Paths between two actors (see :func:`graph.queries.paths`); hops carry evidence when asked."""
        with self._lock:
            return queries.paths(self._projection.graph, source, target, max_hops=max_hops, mode=mode,
                                 signed=signed, limit=limit, flt=flt, view=self.filtered_view(flt),
                                 expand=self._expand(evidence))

    # ------------------------------------------------------------------ analytics
    def ego_network(self, actor: str, *, hops: int = 1, flt: RelationFilter | None = None) -> EgoNetwork:
        """An actor's neighbourhood (see :func:`graph.queries.ego_network`)."""
        with self._lock:
            return queries.ego_network(self._projection.graph, actor, hops=hops, flt=flt,
                                       view=self.filtered_view(flt))

    def balance(self, *, actor: str | None = None, flt: RelationFilter | None = None) -> Balance:
        """Structural balance of the signed network (see :func:`graph.analytics.balance`)."""
        with self._lock:
            return analytics.balance(self._projection.graph, actor=actor, flt=flt, view=self.filtered_view(flt))

    def centrality(self, *, flt: RelationFilter | None = None, sort: str = "pagerank",
                   limit: int = 100, offset: int = 0) -> Page[Centrality]:
        """Degree and PageRank per actor (see :func:`graph.analytics.centrality`)."""
        page_of([], limit=limit, offset=offset)
        with self._lock:
            rows = analytics.centrality(self._projection.graph, flt=flt, view=self.filtered_view(flt), sort=sort)
        return page_of(rows, limit=limit, offset=offset)

    def communities(self, *, flt: RelationFilter | None = None, seed: int = analytics.DEFAULT_SEED,
                    resolution: float = 1.0) -> Communities:
        """Louvain communities of the cooperation network (see :func:`graph.analytics.communities`)."""
        with self._lock:
            return analytics.communities(self._projection.graph, flt=flt, view=self.filtered_view(flt),
                                         seed=seed, resolution=resolution)

    def timeline(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
                 by: timelines.By = "month", flt: RelationFilter | None = None) -> Timeline:
        """Relations by month or year (see :func:`graph.timeline.timeline`)."""
        with self._lock:
            return timelines.timeline(self._projection.graph, actor=actor, source=source, target=target, by=by,
                                      flt=flt, view=self.filtered_view(flt))


__all__ = ["QueryMethods", "page_of"]

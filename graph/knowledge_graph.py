"""``KnowledgeGraph``: the service object the HTTP API and the CLI both call.

It owns one open store (an rdflib ``Dataset`` on Oxigraph, a named graph per document)
and the networkx projection of it, built from the store once when opened and then kept
in step document by document.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

import networkx as nx

from extract.records import Document, RelationRecord
from graph import actors as actor_queries
from graph.errors import DocumentNotFound, InvalidQuery, StoreError
from graph.export import NETWORK_FORMATS, export_format, export_rdf, network_for_export, write_network
from graph.filters import RelationFilter
from graph.iris import document_iri
from graph.load import load_documents
from graph.models import ActorSummary, DocumentSummary, Page, Stats
from graph.projection import Projection
from graph.query_methods import QueryMethods
from graph.rdf import StoredDocument, document_nquads, read_document, text_hash
from graph.snapshot import load_snapshot, save_snapshot
from graph.sparql import SparqlResult, run_query
from graph.store import MEMORY, GraphStore, open_store


def _check_page(limit: int, offset: int, *, most: int = 1000) -> None:
    if not 1 <= limit <= most:
        raise InvalidQuery(f"limit must be between 1 and {most}, got {limit}")
    if offset < 0:
        raise InvalidQuery(f"offset must not be negative, got {offset}")


def _summary(stored: StoredDocument) -> DocumentSummary:
    actor_ids: set[str] = set()
    for record in stored.records:
        actor_ids.update((record.subject.id, record.object.id))
        if record.speaker is not None:
            actor_ids.add(record.speaker.id)
    return DocumentSummary(
        id=stored.id,
        date=stored.date,
        source=stored.source or None,
        relations=len(stored.records),
        actors=len(actor_ids),
        text_hash=stored.text_hash,
    )


class KnowledgeGraph(QueryMethods):
    """A knowledge graph of geopolitical actors over one store.

    Open it with :meth:`open`; close it (or use ``with``) to release the store.

    Examples
    --------
    >>> from extract.records import ActorRef
    >>> tur = ActorRef(id="TUR", label="Turkey", type="State", country="TUR", text="Ankara")
    >>> syr = ActorRef(id="SYR", label="Syria", type="State", country="SYR", text="Syria")
    >>> rec = RelationRecord(doc="d1", sentence="Ankara shelled Syria.", start=0, end=21, subject=tur,
    ...                      object=syr, relation="attacks", plover="ASSAULT", polarity="conflict",
    ...                      confidence=0.9)
    >>> with KnowledgeGraph.open("memory") as kg:
    ...     _ = kg.add_document(Document(id="d1", text="Ankara shelled Syria."), [rec],
    ...                         extractor_version="doc")
    ...     [n.actor.label for n in kg.opponents("ankara").items]
    ['Syria']
    """

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._projection = Projection()
        self._documents: dict[str, DocumentSummary] = {}
        self._lock = threading.RLock()
        restored = load_snapshot(store)  # an on-disk store's projection, when provably current
        self._snapshot_current = restored is not None
        self._snapshot_trusted = True
        if restored is not None:
            self._projection, self._documents = restored
        else:
            for doc_id, loaded in load_documents(store).items():
                self._projection.add_facts(doc_id, loaded.actors, loaded.relations, date=loaded.summary.date,
                                           source=loaded.summary.source)
                self._documents[doc_id] = loaded.summary

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, store: str | Path = MEMORY) -> KnowledgeGraph:
        """Open the knowledge graph in ``store`` (``"memory"`` or a directory, created if missing).

        Raises
        ------
        StoreError
            When the store cannot be opened (not a directory, no permission, already open).
        """
        opened = open_store(store)
        try:
            return cls(opened)
        except BaseException:
            opened.close()
            raise

    def close(self) -> None:
        """Release the store (idempotent); a directory store can then be reopened.

        A directory store changed since it opened gets a fresh projection snapshot first
        (:mod:`graph.snapshot`), so the next open need not read every triple back.
        """
        with self._lock:
            if not self._store.closed and not self._snapshot_current and self._snapshot_trusted:
                try:
                    save_snapshot(self._store, self._projection, self._documents)
                except StoreError:
                    pass  # no snapshot: the next open rebuilds the projection from the store
            self._store.close()

    def _changing(self) -> None:
        """Mark the saved snapshot out of date before a write (the store bumps its generation too)."""
        self._snapshot_current = False

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph(store={self._store.spec!r}, documents={len(self._documents)})"

    @property
    def graph(self) -> nx.DiGraph:
        """The networkx projection (read it; do not modify it)."""
        return self._projection.graph

    @property
    def projection(self) -> Projection:
        """The projection object (its ``graph``, name index and per-document bookkeeping)."""
        return self._projection

    @property
    def store(self) -> GraphStore:
        """The open store (its ``dataset`` is the rdflib ``Dataset``)."""
        return self._store

    # ------------------------------------------------------------------ documents
    def add_document(
        self, document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
    ) -> DocumentSummary:
        """Store a document's relations, replacing a stored document of the same id.

        The document's graph is written in one transaction: a failure leaves the previous
        version (or nothing) in place. Re-adding the same document with the same relations
        and extractor version changes nothing.

        Raises
        ------
        InvalidQuery
            When a record belongs to another document or disagrees with the ontology.
        StoreError
            When the store cannot be written.
        """
        document = document.ensure_id()
        assert document.id is not None
        quads = document_nquads(document, relations, extractor_version=extractor_version)
        name = document_iri(document.id)
        summary = _summary(
            StoredDocument(id=document.id, date=document.date, source=document.source,
                           text_hash=text_hash(document.text), records=list(relations))
        )
        with self._lock:
            self._changing()
            written = self._store.write_graphs([(name, quads)])[0]
            return self._project(document, relations, summary, written=written)

    def _project(
        self, document: Document, relations: Sequence[RelationRecord], summary: DocumentSummary, *, written: bool
    ) -> DocumentSummary:
        assert document.id is not None
        if not written and document.id in self._documents:
            return self._documents[document.id]
        try:
            self._projection.add_document(document.id, relations, date=document.date, source=document.source)
        except BaseException:
            self._snapshot_trusted = False  # store and projection may now disagree: never snapshot them
            raise
        self._views_changed(document.id, relations)
        self._documents[document.id] = summary
        return summary

    def add_documents(
        self, items: Iterable[tuple[Document, Sequence[RelationRecord]]], *, extractor_version: str,
        bulk: bool = False,
    ) -> list[DocumentSummary]:
        """Store many documents at once, each as :meth:`add_document` would (the bulk-ingest path).

        The new documents of the batch are written in one store transaction, which is much
        cheaper than one each; every document is still all or nothing. When the batch cannot
        be written in one go, the documents are written one by one, so an error names the
        document at fault and the documents before it are stored. ``bulk`` writes the new
        documents of an on-disk store with Oxigraph's bulk loader (faster; each batch still
        added atomically, see :meth:`graph.store.EmbeddedStore.write_graphs`).

        Raises
        ------
        InvalidQuery
            For a document whose records disagree with the ontology (those before it are stored).
        StoreError
            When the store cannot be written.
        """
        prepared: list[tuple[Document, Sequence[RelationRecord], list, DocumentSummary]] = []
        failure: InvalidQuery | StoreError | None = None
        for document, relations in items:
            document = document.ensure_id()
            assert document.id is not None
            try:
                quads = document_nquads(document, relations, extractor_version=extractor_version)
            except (InvalidQuery, StoreError) as exc:
                failure = exc
                break
            summary = _summary(StoredDocument(id=document.id, date=document.date, source=document.source,
                                              text_hash=text_hash(document.text), records=list(relations)))
            prepared.append((document, relations, quads, summary))
        done: list[DocumentSummary] = []
        with self._lock:
            self._changing()
            try:
                flags = self._store.write_graphs(
                    [(document_iri(document.id or ""), quads) for document, _, quads, _ in prepared], bulk=bulk
                )
            except StoreError:
                flags = None
            if flags is None:  # write them one at a time: the failing one raises, naming itself
                for document, relations, _, _ in prepared:
                    done.append(self.add_document(document, relations, extractor_version=extractor_version))
            else:
                for (document, relations, _, summary), written in zip(prepared, flags):
                    done.append(self._project(document, relations, summary, written=written))
        if failure is not None:
            raise failure
        return done

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and exactly its relations.

        Raises
        ------
        DocumentNotFound
        """
        with self._lock:
            if doc_id not in self._documents:
                raise DocumentNotFound(doc_id)
            self._changing()
            self._store.drop_graph(document_iri(doc_id))
            self._projection.remove_document(doc_id)
            self._views_changed(doc_id, None)
            del self._documents[doc_id]

    def get_document(self, doc_id: str) -> DocumentSummary:
        """The summary of a stored document. Raises ``DocumentNotFound``."""
        with self._lock:
            try:
                return self._documents[doc_id]
            except KeyError:
                raise DocumentNotFound(doc_id) from None

    def list_documents(self, *, limit: int = 100, offset: int = 0) -> Page[DocumentSummary]:
        """Stored documents ordered by id."""
        _check_page(limit, offset)
        with self._lock:
            ids = sorted(self._documents)
            items = [self._documents[i] for i in ids[offset: offset + limit]]
        return Page[DocumentSummary](items=items, total=len(ids), limit=limit, offset=offset)

    def document_relations(self, doc_id: str) -> list[RelationRecord]:
        """The relation records of a stored document, rebuilt from the store, in their order.

        Raises
        ------
        DocumentNotFound
        """
        with self._lock:
            if doc_id not in self._documents:
                raise DocumentNotFound(doc_id)
            name = document_iri(doc_id)
            return read_document(name, self._store.graph_triples(name)).records

    # ------------------------------------------------------------------ actors
    def resolve_actor(self, name_or_id: str) -> ActorSummary:
        """The actor with this id, label or alias (case- and accent-insensitive). Raises ``ActorNotFound``."""
        with self._lock:
            return actor_queries.actor_summary(self.graph, actor_queries.resolve_actor(self.graph, name_or_id))

    def search_actors(self, q: str | None = None, *, limit: int = 50, offset: int = 0) -> Page[ActorSummary]:
        """Actors whose id, label or alias contains ``q``; every actor when ``q`` is None."""
        with self._lock:
            return actor_queries.search_actors(self.graph, q, limit=limit, offset=offset)

    # ------------------------------------------------------------------ totals and exports
    def stats(self) -> Stats:
        """Counts of documents, actors, relation records, projection edges and stored triples."""
        with self._lock:
            edges = sum(len(data["relations"]) for _, _, data in self.graph.edges(data=True))
            return Stats(
                documents=len(self._documents),
                actors=self.graph.number_of_nodes(),
                relations=self._projection.records,
                edges=edges,
                triples=len(self._store),
            )

    def sparql(
        self,
        query: str,
        *,
        timeout: float = 10.0,
        limit: int = 10_000,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
    ) -> SparqlResult:
        """Answer a read-only SPARQL 1.1 query (see :func:`graph.sparql.run_query`).

        The default graph is the union of all document graphs. Updates are refused
        (``UpdateRefused``) and never reach the store; ``QueryTimeout`` after ``timeout``
        seconds; at most ``limit`` rows or triples (the result says when it was cut).
        """
        if getattr(self._store, "inner", None) is None:  # no local: frames must not hold the store
            raise StoreError(f"SPARQL queries need an embedded store; query the endpoint behind "
                             f"{self._store.spec!r} directly")
        return run_query(self._store.inner, query, timeout=timeout, limit=limit,
                         default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris)

    def export(self, fmt: str, *, filter: RelationFilter | None = None) -> bytes:
        """The graph as turtle, trig, nquads, jsonld (the whole store), or graphml, gexf,
        edges-csv, nodes-csv (the projection seen through ``filter``).

        Raises
        ------
        InvalidQuery
            For an unknown format.
        ActorNotFound
            When the filter's ego actor is unknown.
        """
        key = export_format(fmt)
        if key not in NETWORK_FORMATS and filter is not None and filter != RelationFilter():
            raise InvalidQuery(f"filters apply to the network formats ({', '.join(NETWORK_FORMATS)}); "
                               f"{key} holds the whole store")
        if key in NETWORK_FORMATS:
            with self._lock:  # build the rows under the lock, write them outside
                network = network_for_export(self.graph, filter)
            return write_network(network, key)
        return export_rdf(self._store, key)  # store reads need no projection lock (Oxigraph is thread-safe)

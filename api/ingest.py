"""The paths from documents to the store: ``POST /documents`` and ``geokg ingest`` (bulk, batched)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from pydantic import BaseModel

from extract.records import Document, RelationRecord
from graph.models import DocumentSummary

if TYPE_CHECKING:
    from extract.pipeline import Extractor
    from extract.readers import RecordGroup
    from graph.knowledge_graph import KnowledgeGraph


class IngestedDocument(BaseModel):
    """What ingesting one document gave: its summary as stored and the relations extracted."""

    document: DocumentSummary
    relations: list[RelationRecord]


def ingest_documents(
    extractor: Extractor,
    graph: KnowledgeGraph,
    documents: Iterable[Document],
    *,
    lock: AbstractContextManager[object] | None = None,
    n_process: int = 1,
) -> Iterator[IngestedDocument]:
    """Extract relations from documents and store each document with them.

    Extraction runs outside ``lock``; each write to the graph runs inside it, so
    the HTTP service (which runs sync routes in a thread pool) never writes
    concurrently. A document whose id is already stored is replaced.

    Parameters
    ----------
    extractor
        The extractor to run.
    graph
        The knowledge graph to add the documents to.
    documents
        Documents to ingest; those without an id get a content-hash id.
    lock
        Held around every graph write; no locking when None.
    n_process
        Passed to :meth:`Extractor.extract_many`.

    Yields
    ------
    IngestedDocument
        One per document, as soon as it is stored.

    Examples
    --------
    >>> for done in ingest_documents(extractor, graph, [Document(text="Turkey cooperates with Russia.")]):
    ...     print(done.document.relations)  # doctest: +SKIP
    1
    """
    guard = lock if lock is not None else nullcontext()
    prepared = (document.ensure_id() for document in documents)
    for document, relations in extractor.extract_many(prepared, n_process=n_process):
        with guard:
            summary = graph.add_document(document, relations, extractor_version=extractor.version)
        yield IngestedDocument(document=summary, relations=list(relations))


RECORDS_VERSION = "relation-records"
"""The extractor version stored with documents loaded from relation-record JSONL (not extracted here)."""


def ingest_items(
    graph: KnowledgeGraph,
    items: Iterable[Document | RecordGroup],
    *,
    extractor: Callable[[], Extractor],
    lock: AbstractContextManager[object] | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    bulk: bool = True,
) -> Iterator[IngestedDocument]:
    """Store documents (extracting their relations) and ready record groups, in batches.

    The bulk path of ``geokg ingest``: items are consumed as they come (bounded memory
    whatever the input size), documents run through the extractor in runs, record
    groups (relation-record JSONL) are stored as they are, and every ``batch_size``
    documents are written with :meth:`KnowledgeGraph.add_documents` (one store
    transaction for the new ones; each document still all or nothing).

    Parameters
    ----------
    graph
        The knowledge graph to add to.
    items
        What :func:`extract.readers.read_ingest_items` yields.
    extractor
        Called the first time a document needs extraction (loading spaCy only then).
    lock
        Held around every graph write; no locking when None.
    n_process
        spaCy worker processes for extraction.
    batch_size
        Documents per graph write.
    bulk
        Write the new documents of an on-disk store with Oxigraph's bulk loader (several
        times faster; each batch is still added in one atomic step, so a crash leaves whole
        batches of whole documents).

    Yields
    ------
    IngestedDocument
        One per document, once its batch is stored.

    Raises
    ------
    ValueError
        When ``batch_size`` or ``n_process`` is not positive.
    """
    from extract.readers import RecordGroup

    if batch_size < 1 or n_process < 1:
        raise ValueError("batch_size and n_process must be positive")
    guard = lock if lock is not None else nullcontext()
    batch: list[tuple[Document, list[RelationRecord]]] = []
    version = RECORDS_VERSION

    def flush() -> Iterator[IngestedDocument]:
        with guard:
            summaries = graph.add_documents(batch, extractor_version=version, bulk=bulk)
        for summary, (_, relations) in zip(summaries, batch):
            yield IngestedDocument(document=summary, relations=relations)
        batch.clear()

    stream = iter(items)
    pending = next(stream, None)
    while pending is not None:
        if isinstance(pending, RecordGroup):
            if version != RECORDS_VERSION and batch:
                yield from flush()
            version = RECORDS_VERSION
            batch.append((pending.document, pending.records))
            if len(batch) >= batch_size:
                yield from flush()
            pending = next(stream, None)
            continue
        if batch:
            yield from flush()
        engine = extractor()
        version = engine.version

        def run() -> Iterator[Document]:
            nonlocal pending
            while pending is not None and not isinstance(pending, RecordGroup):
                yield pending.ensure_id()
                pending = next(stream, None)

        for document, relations in engine.extract_many(run(), n_process=n_process):
            batch.append((document, list(relations)))
            if len(batch) >= batch_size:
                yield from flush()
        if batch:
            yield from flush()
    if batch:
        yield from flush()

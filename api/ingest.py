"""The one path from documents to the store, shared by ``geokg ingest`` and ``POST /documents``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from pydantic import BaseModel

from extract.records import Document, RelationRecord
from graph.models import DocumentSummary

if TYPE_CHECKING:
    from extract.pipeline import Extractor
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

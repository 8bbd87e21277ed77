"""``/documents``: add a document (extract and store), list, read and delete documents."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ExtractorDep, GraphDep, LockDep, SettingsDep, WriteAccess
from api.errors import ERROR_RESPONSES, ErrorResponse, not_found_responses
from api.ingest import IngestedDocument, ingest_documents
from extract.errors import DocumentTooLarge
from extract.readers import check_text
from extract.records import Document, RelationRecord
from graph.models import DocumentSummary, Page

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)

DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}$"
"""Document ids become part of an IRI: letters, digits and ``. _ ~ : -`` only."""

DocIdParam = Annotated[str, Path(pattern=DOC_ID_PATTERN, description="Document id")]

AUTH_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorResponse, "description": "Token required (when GEOKG_API_TOKEN is set)"},
    403: {"model": ErrorResponse, "description": "Wrong token"},
}


class DocumentIn(BaseModel):
    """A document to extract relations from and store."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "note-1", "text": "Turkey cooperates with Russia against the Islamic State.",
        "date": "2016-12-20", "source": "example"}]})

    id: str | None = Field(default=None, pattern=DOC_ID_PATTERN,
                           description="Document id; a content hash when absent. An existing id is replaced.")
    text: str = Field(description="The document's text (UTF-8, at most GEOKG_MAX_DOCUMENT_BYTES bytes)")
    date: dt.date | None = Field(default=None, description="Publication date; relations inherit it")
    source: str | None = Field(default=None, max_length=2000, description="Where the text comes from")


class DocumentDetail(BaseModel):
    """A stored document with the relation records extracted from it."""

    document: DocumentSummary
    relations: list[RelationRecord]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=IngestedDocument,
    responses={**AUTH_RESPONSES, 413: {"model": ErrorResponse, "description": "Document too large"}},
    dependencies=[WriteAccess],
    summary="Add a document",
)
def add_document(
    body: DocumentIn,
    response: Response,
    settings: SettingsDep,
    graph: GraphDep,
    lock: LockDep,
    extractor: ExtractorDep,
) -> IngestedDocument:
    """Extract relations from the text and store the document with them (replacing one of the same id)."""
    size = len(body.text.encode("utf-8"))
    if size > settings.max_document_bytes:
        raise DocumentTooLarge(size, settings.max_document_bytes)
    check_text(body.text, where="text")
    document = Document(id=body.id, text=body.text, date=body.date, source=body.source)
    (done,) = list(ingest_documents(extractor, graph, [document], lock=lock))
    response.headers["Location"] = f"/documents/{done.document.id}"
    return done


@router.get("", response_model=Page[DocumentSummary], summary="List documents")
def list_documents(
    graph: GraphDep,
    lock: LockDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[DocumentSummary]:
    """Stored documents, one page at a time."""
    with lock:
        return graph.list_documents(limit=limit, offset=offset)


@router.get("/{doc_id}", response_model=DocumentDetail, responses=not_found_responses(),
            summary="One document with its relations")
def get_document(doc_id: DocIdParam, graph: GraphDep, lock: LockDep) -> DocumentDetail:
    """The document's summary and the relation records stored for it."""
    with lock:
        summary = graph.get_document(doc_id)
        relations = graph.document_relations(doc_id)
    return DocumentDetail(document=summary, relations=relations)


@router.delete("/{doc_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               responses={**not_found_responses(), **AUTH_RESPONSES}, dependencies=[WriteAccess],
               summary="Delete a document")
def delete_document(doc_id: DocIdParam, graph: GraphDep, lock: LockDep) -> Response:
    """Remove the document and exactly its relations."""
    with lock:
        graph.delete_document(doc_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

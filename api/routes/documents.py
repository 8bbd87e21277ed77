"""``/documents``: add a document (extract and store), list, read and delete documents."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.deps import GraphDep, LockDep, SettingsDep, WriteAccess, get_extractor
from api.errors import ERROR_RESPONSES, ErrorResponse, not_found_responses
from api.ingest import IngestedDocument, ingest_documents
from extract.errors import DocumentTooLarge, InputError
from extract.readers import DOC_ID_PATTERN, plain_text
from extract.records import Document, RelationRecord
from graph.models import DocumentSummary, Page

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)


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


BODY_ENVELOPE_BYTES = 64 * 1024
"""Room in a POST body for the JSON around the text (id, date, source, quoting)."""


async def read_capped_body(request: Request, *, limit: int) -> bytes:
    """The raw request body, refused as soon as it is longer than ``limit`` bytes.

    Raises
    ------
    DocumentTooLarge
        When Content-Length or the bytes received exceed the limit.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise DocumentTooLarge(int(declared), limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise DocumentTooLarge(size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_document(raw: bytes, *, max_text_bytes: int) -> Document:
    """Validate a POST body into a Document.

    Raises
    ------
    InputError
        Body not UTF-8; text empty, whitespace only or binary; an HTML page without text.
    DocumentTooLarge
        Text longer than ``max_text_bytes`` in UTF-8.
    RequestValidationError
        Body not JSON, or not a :class:`DocumentIn`.
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"request body is not valid UTF-8 (invalid byte at offset {exc.start})") from None
    try:
        body = DocumentIn.model_validate_json(raw)
    except ValidationError as exc:
        errors = [{**error, "loc": ("body", *error["loc"])} for error in exc.errors(include_url=False)]
        raise RequestValidationError(errors, body=raw) from None
    size = len(body.text.encode("utf-8"))
    if size > max_text_bytes:
        raise DocumentTooLarge(size, max_text_bytes)
    text = plain_text(body.text, where="text")  # an HTML page is reduced to its text
    return Document(id=body.id, text=text, date=body.date, source=body.source)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=IngestedDocument,
    responses={**AUTH_RESPONSES, 413: {"model": ErrorResponse, "description": "Document too large"}},
    dependencies=[WriteAccess],
    summary="Add a document",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": DocumentIn.model_json_schema()}}}},
)
async def add_document(
    request: Request,
    response: Response,
    settings: SettingsDep,
    graph: GraphDep,
    lock: LockDep,
) -> IngestedDocument:
    """Extract relations from the text and store the document with them (replacing one of the same id).

    The body is a JSON :class:`DocumentIn`; its text may be at most ``GEOKG_MAX_DOCUMENT_BYTES``
    UTF-8 bytes (413 beyond), and the body is refused while it streams in once it passes that
    limit plus 64 KiB.
    """
    limit = settings.max_document_bytes
    raw = await read_capped_body(request, limit=limit + BODY_ENVELOPE_BYTES)
    document = parse_document(raw, max_text_bytes=limit)

    def ingest_one() -> IngestedDocument:
        extractor = get_extractor(request)  # loads spaCy on first use, off the event loop
        with request.app.state.extract_lock:  # one extraction at a time; reads go on meanwhile
            (done,) = list(ingest_documents(extractor, graph, [document], lock=lock))
        return done

    done = await run_in_threadpool(ingest_one)
    response.headers["Location"] = f"/documents/{done.document.id}"
    return done


@router.get("", response_model=Page[DocumentSummary], summary="List documents")
def list_documents(
    graph: GraphDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[DocumentSummary]:
    """Stored documents, one page at a time."""
    return graph.list_documents(limit=limit, offset=offset)


@router.get("/{doc_id}", response_model=DocumentDetail, responses=not_found_responses(),
            summary="One document with its relations")
def get_document(doc_id: DocIdParam, graph: GraphDep, lock: LockDep) -> DocumentDetail:
    """The document's summary and the relation records stored for it."""
    with lock:  # both reads see the same version of the document
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

"""Read CLI inputs into :class:`~extract.records.Document` objects.

Inputs are plain-text files (one document each), ``.jsonl`` files of
``{"id", "text", "date"?, "source"?}`` objects (one document a line; without ``date`` an
ISO ``published`` value gives the date, without ``source`` a ``url``), directories
(their ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files, recursively, in name order) and
``-`` for standard input (plain text, one document). An HTML page is reduced to its text.
Documents are yielded as they are
read: a JSONL file is streamed line by line. Every problem is an
:class:`~extract.errors.InputError` with a one-line message naming the input.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO, NamedTuple

from pydantic import ValidationError

from extract.errors import InputError
from extract.records import Document, RelationRecord

STDIN = "-"
"""The path that stands for standard input."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")

DOC_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}$"
"""What a document id may be (it becomes part of an IRI): letters, digits and ``. _ ~ : -``."""
_DOC_ID = re.compile(DOC_ID_PATTERN)

TEXT_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)


_HTML_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]"
    r"|<(?:p|div|article|section|main|span|h[1-6]|ul|ol|table|blockquote)(?:\s[^<>]*)?>)",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "header", "footer", "blockquote", "title", "td", "th", "ul", "ol"})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """Whether the text is HTML: it starts with a doctype, ``<html>``, ``<head>``, ``<body>``, or a
    block tag such as ``<p>`` or ``<div>`` (a scraped fragment).

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><p>Ankara said</p>"), looks_like_html("a <b> tag in prose")
    (True, False)
    >>> looks_like_html('<p class="lead">Iran condemned Israel.</p>')
    True
    """
    return bool(_HTML_START.match(text[:1000]))


def html_to_text(html: str) -> str:
    r"""The readable text of an HTML page: tags dropped, scripts and styles skipped, one line a block.

    Examples
    --------
    >>> html_to_text("<html><head><title>x</title></head><body><p>Turkey &amp; Russia met.</p>"
    ...              "<script>var a;</script><p>Iran objected.</p></body></html>")
    'Turkey & Russia met.\nIran objected.'
    """
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def plain_text(text: str, *, where: str) -> str:
    """Check a document's text, reducing an HTML page to its text first.

    Raises
    ------
    InputError
        When the text (or the HTML page's text) is empty, whitespace only or binary.

    Examples
    --------
    >>> plain_text("<html><body><p>Iran condemned Israel.</p></body></html>", where="page")
    'Iran condemned Israel.'
    """
    check_text(text, where=where)
    if looks_like_html(text):
        reduced = html_to_text(text)
        if not reduced.strip():
            raise InputError(f"{where}: HTML page without text")
        return reduced
    return text


def check_text(text: str, *, where: str) -> str:
    """Refuse text that cannot be a document: empty, whitespace only, or binary.

    Parameters
    ----------
    text
        The decoded text.
    where
        What to name in the error message (a path, ``<stdin>``, ``line 3``).

    Returns
    -------
    str
        The text, unchanged.

    Raises
    ------
    InputError
        When the text is empty, whitespace only or without a letter or digit, holds NUL
        characters or lone surrogates, or is more than a tenth control characters.

    Examples
    --------
    >>> check_text("Turkey cooperates with Russia.", where="<stdin>")
    'Turkey cooperates with Russia.'
    """
    if "\x00" in text:
        raise InputError(f"{where}: looks like binary data (NUL bytes), not text")
    if not text.strip():
        raise InputError(f"{where}: empty text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from a JSON "\\ud800" escape
        raise InputError(f"{where}: not valid Unicode (lone surrogate at offset {exc.start})") from None
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\n\r\f\v") or "\x7f" <= ch < "\xa0")
    if controls * 10 > len(text):
        raise InputError(f"{where}: looks like binary data (control characters), not text")
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{where}: empty text (no letters or digits)")
    return text


def decode_bytes(data: bytes, *, where: str) -> str:
    """Decode UTF-8 bytes (a leading BOM is dropped), refusing binary or undecodable data.

    Raises
    ------
    InputError
        When the bytes are not valid UTF-8 or hold NUL bytes.

    Examples
    --------
    >>> decode_bytes("Ankara said".encode(), where="a.txt")
    'Ankara said'
    """
    if b"\x00" in data:
        raise InputError(f"{where}: looks like binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: cannot decode as UTF-8 (invalid byte at offset {exc.start})"
        ) from None


def _expand(path: Path) -> list[Path]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise InputError(f"{path}: directory holds no .txt, .html or .jsonl files")
        return found
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    return [path]


def _read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = plain_text(decode_bytes(data, where=str(path)), where=str(path))
    return Document(id=file_document_id(path), text=text, source=str(path))


def file_document_id(path: Path) -> str:
    """The id of a text file's document: its stem, with characters unfit for an IRI replaced by ``-``.

    Examples
    --------
    >>> file_document_id(Path("news/Syria talks (draft).txt"))
    'Syria-talks-draft'
    """
    slug = re.sub(r"[^A-Za-z0-9._~-]+", "-", path.stem).strip("-.")
    return slug or "document"


def _document_of_line(line: bytes, *, where: str) -> Document:
    raw = decode_bytes(line, where=where)
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: invalid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a \"text\" field")
    if not isinstance(obj.get("text"), str):
        raise InputError(f"{where}: missing or non-string \"text\" field")
    if obj.get("id") is not None and not isinstance(obj["id"], str):
        obj["id"] = str(obj["id"])
    if obj.get("id") is not None and not _DOC_ID.match(obj["id"]):
        raise InputError(f"{where}: id {obj['id'][:80]!r} is not a document id "
                         "(letters, digits and . _ ~ : - only, at most 200)")
    # news dumps often say "published" (an ISO date or timestamp) and "url"
    published = obj.get("published")
    if obj.get("date") is None and isinstance(published, str) and _ISO_DATE.match(published):
        obj["date"] = published[:10]
    if obj.get("source") is None and isinstance(obj.get("url"), str):
        obj["source"] = obj["url"]
    try:
        document = Document.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{where}: field {field!r}: {first['msg']}") from None
    text = plain_text(document.text, where=where)
    return document if text == document.text else document.model_copy(update={"text": text})


def _read_jsonl(stream: Iterable[bytes], *, name: str) -> Iterator[Document]:
    count = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        document = _document_of_line(line, where=f"{name}: line {number}")
        if document.source is None:
            document = document.model_copy(update={"source": name})
        count += 1
        yield document
    if count == 0:
        raise InputError(f"{name}: no documents (empty JSONL)")


def _read_jsonl_file(path: Path) -> Iterator[Document]:
    try:
        with path.open("rb") as handle:
            yield from _read_jsonl(handle, name=str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_documents(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None
) -> Iterator[Document]:
    """Stream the documents of the given inputs, in order.

    Parameters
    ----------
    paths
        Files, directories, or ``"-"`` for standard input. A ``.jsonl`` file gives
        one document a line; any other file one document whose id is the file's
        stem. A directory gives its ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files
        (recursively, sorted; hidden entries skipped).
    stdin
        The binary stream ``"-"`` reads; ``sys.stdin.buffer`` when None.

    Yields
    ------
    Document
        One per text file, stdin, or non-blank JSONL line.

    Raises
    ------
    InputError
        Missing path, directory without inputs, unreadable or undecodable file,
        binary data, empty text, a JSONL line that is not a document (the message
        names the line), or no paths at all.

    Examples
    --------
    >>> import io
    >>> docs = read_documents(["-"], stdin=io.BytesIO(b"Turkey cooperates with Russia."))
    >>> next(docs).text
    'Turkey cooperates with Russia.'
    """
    given = [str(p) for p in paths]
    if not given:
        raise InputError("no input given (pass files, directories, or - for stdin)")
    for item in given:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            text = plain_text(decode_bytes(stream.read(), where="<stdin>"), where="<stdin>")
            yield Document(text=text, source="<stdin>").ensure_id()
            continue
        for path in _expand(Path(item)):
            if path.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl_file(path)
            else:
                yield _read_text_file(path)


# -- relation-record JSONL (what ``geokg extract`` prints), for ``geokg ingest`` ----------------

_RECORD_KEYS = frozenset({"doc", "subject", "relation", "object"})


class RecordGroup(NamedTuple):
    """The relation records of one document, read from relation-record JSONL (no text to extract)."""

    document: Document
    """The document they belong to: its id, the input as source, its evidence sentences as text."""
    records: list[RelationRecord]


def is_record_object(obj: object) -> bool:
    """Whether a parsed JSON line is a relation record (``doc``, ``subject``, ``relation``, ``object``).

    Examples
    --------
    >>> is_record_object({"doc": "d", "subject": {}, "relation": "attacks", "object": {}})
    True
    >>> is_record_object({"id": "d", "text": "Turkey shelled Syria."})
    False
    """
    return isinstance(obj, dict) and _RECORD_KEYS <= obj.keys() and "text" not in obj


def _first_object(lines: Iterable[bytes]) -> object:
    for line in lines:
        if line.strip():
            try:
                return json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                return None
    return None


def holds_records(path: Path) -> bool:
    """Whether a ``.jsonl`` file holds relation records (judged by its first non-blank line)."""
    try:
        with path.open("rb") as handle:
            return is_record_object(_first_object(handle))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _group(records: list[RelationRecord], *, source: str) -> RecordGroup:
    sentences = list(dict.fromkeys(record.sentence for record in records))
    document = Document(id=records[0].doc, text="\n".join(sentences) or records[0].doc, source=source)
    return RecordGroup(document=document, records=records)


def _read_record_lines(stream: Iterable[bytes], *, name: str) -> Iterator[RecordGroup]:
    seen: set[str] = set()
    current: list[RelationRecord] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name}: line {number}"
        try:
            obj = json.loads(decode_bytes(line, where=where))
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise InputError(f"{where}: invalid JSON (nested too deeply)") from None
        if not is_record_object(obj):
            raise InputError(f"{where}: not a relation record (the file's first line is one; "
                             "do not mix documents and records in one file)")
        try:
            record = RelationRecord.model_validate(obj)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{where}: relation record field {field!r}: {first['msg']}") from None
        if current and record.doc != current[0].doc:
            seen.add(current[0].doc)
            yield _group(current, source=name)
            current = []
        if not current and record.doc in seen:
            raise InputError(f"{where}: the records of document {record.doc!r} are not together "
                             "(keep each document's records on consecutive lines, as geokg extract prints them)")
        current.append(record)
    if current:
        yield _group(current, source=name)
    elif not seen:
        raise InputError(f"{name}: no relation records")


def read_ingest_items(
    paths: Iterable[str | Path], *, stdin: BinaryIO | None = None
) -> Iterator[Document | RecordGroup]:
    """Stream what ``geokg ingest`` stores: documents to extract and groups of ready records.

    Like :func:`read_documents`, except that a ``.jsonl`` file (or standard input) whose
    first non-blank line is a relation record is read as relation records, grouped by
    document (each document's records on consecutive lines), and yields
    :class:`RecordGroup` items that need no extraction.

    Raises
    ------
    InputError
        As :func:`read_documents`; also for an invalid record line (the message names it)
        or a document whose records are split over the file.

    Examples
    --------
    >>> import io
    >>> line = ('{"doc": "d1", "sentence": "Turkey shelled Syria.", "start": 0, "end": 21, '
    ...         '"subject": {"id": "TUR", "label": "Turkey", "type": "State"}, "relation": "attacks", '
    ...         '"plover": "ASSAULT", "polarity": "conflict", '
    ...         '"object": {"id": "SYR", "label": "Syria", "type": "State"}, "confidence": 0.9}')
    >>> [type(item).__name__ for item in read_ingest_items(["-"], stdin=io.BytesIO(line.encode()))]
    ['RecordGroup']
    """
    given = [str(p) for p in paths]
    if not given:
        raise InputError("no input given (pass files, directories, or - for stdin)")
    for item in given:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            first = stream.readline()
            while first and not first.strip():
                first = stream.readline()
            if is_record_object(_first_object([first])):
                yield from _read_record_lines(itertools.chain([first], stream), name="<stdin>")
            else:
                yield from read_documents([STDIN], stdin=io.BytesIO(first + stream.read()))
            continue
        for path in _expand(Path(item)):
            if path.suffix.lower() in JSONL_SUFFIXES and holds_records(path):
                try:
                    with path.open("rb") as handle:
                        yield from _read_record_lines(handle, name=str(path))
                except OSError as exc:
                    raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
            elif path.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl_file(path)
            else:
                yield _read_text_file(path)

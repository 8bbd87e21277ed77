"""Typed errors of the graph layer; each names what it could not find or accept."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error graph/ raises on purpose."""


class ActorNotFound(GraphError, LookupError):
    """No actor with that id, name or alias is in the graph."""

    def __init__(self, actor: str) -> None:
        self.actor = actor
        super().__init__(f"unknown actor: {actor!r}")


class DocumentNotFound(GraphError, LookupError):
    """No document with that id is in the store."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__(f"unknown document: {doc_id!r}")


class InvalidQuery(GraphError, ValueError):
    """A query parameter out of range or of the wrong kind."""


class StoreError(GraphError):
    """The store cannot be opened, read or written."""


class RelationNotFound(GraphError, LookupError):
    """No relation with that id (``source:relation:target``) passes the query's filter."""

    def __init__(self, relation_id: str) -> None:
        self.relation_id = relation_id
        super().__init__(f"unknown relation: {relation_id!r}")

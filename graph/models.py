"""What graph/ queries answer: plain pydantic models the API returns as they are."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list, in a stable order."""

    items: list[T]
    total: int
    limit: int
    offset: int = 0


class ActorSummary(BaseModel):
    id: str
    label: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    relations: int = 0
    """Number of relation records the actor takes part in."""


class Neighbour(BaseModel):
    """An actor related to the one asked about, with the relation types between them."""

    actor: ActorSummary
    relations: list[str]
    """snake_case relation types seen between the two."""
    polarity: str
    weight: int
    """Number of supporting relation records (asserted or reported, not negated)."""
    evidence_count: int


class RelationPair(BaseModel):
    """A directed actor pair under one relation type, aggregated over the store."""

    source: ActorSummary
    target: ActorSummary
    relation: str
    polarity: str
    plover: str
    weight: int
    evidence_count: int
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class PathHop(BaseModel):
    source: ActorSummary
    target: ActorSummary
    relation: str
    polarity: str
    weight: int


class ActorPath(BaseModel):
    hops: list[PathHop]
    length: int


class DocumentSummary(BaseModel):
    id: str
    date: dt.date | None = None
    source: str | None = None
    relations: int
    actors: int
    text_hash: str | None = None


class Stats(BaseModel):
    documents: int
    actors: int
    relations: int
    """Relation records (each with its evidence)."""
    edges: int
    """Edges of the networkx projection (actor pairs per relation type)."""
    triples: int

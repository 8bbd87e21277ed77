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


class Evidence(BaseModel):
    """One relation record behind an answer: its sentence, document, offsets and dates."""

    relation_iri: str
    doc: str
    index: int
    """Position of the record in its document."""
    sentence: str
    start: int
    end: int
    subject: str
    object: str
    relation: str
    subject_text: str = ""
    object_text: str = ""
    trigger: str | None = None
    modality: str
    confidence: float
    date: dt.date | None = None
    """The record's event date, else its document's date."""
    document_date: dt.date | None = None
    source: str | None = None
    """The document's publisher."""


class Counts(BaseModel):
    """How much supports a relation (records passing the query's filter)."""

    weight: int
    """Distinct documents by default (or sources or mentions: ``weight_by``)."""
    mentions: int
    documents: int
    sources: int
    evidence_count: int
    """Records behind the answer (= mentions)."""
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class Neighbour(Counts):
    """An actor related to the one asked about, with the relation types between them."""

    actor: ActorSummary
    relations: list[str]
    """snake_case relation types seen between the two."""
    polarity: str
    evidence: list[Evidence] | None = None


class RelationPair(Counts):
    """A directed actor pair under one relation type, aggregated over the store."""

    id: str
    """``source:relation:target``, for ``GET /relations/{id}``."""
    source: ActorSummary
    target: ActorSummary
    relation: str
    polarity: str
    plover: str
    confidence: float = 0.0
    """Highest extractor confidence among the records."""
    evidence: list[Evidence] | None = None


class PathHop(BaseModel):
    """One step of a path, as recorded: ``source`` acts on ``target``."""

    source: ActorSummary
    target: ActorSummary
    relation: str
    """The relation type with most weight between the two (of the pair's net polarity)."""
    relation_id: str
    polarity: str
    """The pair's net polarity: the polarity with more weight over both directions."""
    sign: int
    """+1 for cooperation, -1 for conflict."""
    weight: int
    evidence: list[Evidence] = Field(default_factory=list)
    """The first records behind the hop, in (document, index) order (at most the query's ``evidence_limit``)."""
    evidence_count: int = 0
    """Every record behind the hop (both directions, every type)."""


class ActorPath(BaseModel):
    hops: list[PathHop]
    length: int
    sign: int = 1
    """Product of the hops' signs: +1 the ends are aligned, -1 opposed ("the enemy of my enemy")."""


class PathPage(Page[ActorPath]):
    """One page of the paths between two actors (``GET /paths``), in the order length, then actor ids.

    Paths are counted, not only listed: ``total`` is the number of paths of the wanted sign
    among the paths the search enumerates, which are at most ``total_cap`` (the first by
    length, then actor ids, before the sign filter). ``total_capped`` says the search
    stopped at that cap: more paths exist, ``total`` is a lower bound and ``offset`` cannot
    page beyond them.
    """

    total_capped: bool = False
    """Whether the search stopped after ``total_cap`` paths (``total`` is then a lower bound)."""
    total_cap: int = 0
    """Paths the search enumerates at most, before the sign filter."""


class NetworkEdge(BaseModel):
    """A directed edge of a network answer."""

    source: str
    target: str
    relation: str
    """The type with most weight on the edge."""
    polarity: str
    weight: int
    cooperation_weight: int
    conflict_weight: int
    relations: dict[str, int]
    """Weight per relation type."""
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


class EgoNetwork(BaseModel):
    """An actor's neighbourhood: the actors within ``hops`` and every edge between them."""

    actor: ActorSummary
    hops: int
    nodes: list[ActorSummary]
    edges: list[NetworkEdge]
    total_nodes: int = 0
    """Actors within ``hops``, listed or not (``nodes`` is cut at the query's ``limit``)."""
    total_edges: int = 0
    """Edges between those actors, listed or not (``edges`` is cut at the query's ``edge_limit``)."""
    truncated: bool = False
    """Whether some actors or edges of the neighbourhood were left out."""


class Triad(BaseModel):
    """Three actors all related to one another, with the sign of each side."""

    actors: list[str]
    signs: list[int]
    """Signs of the sides a–b, a–c, b–c."""
    balanced: bool


class ActorBalance(BaseModel):
    actor: str
    label: str
    triads: int
    balanced: int
    unbalanced: int


class Balance(BaseModel):
    """Structural balance (Heider): a triad is balanced when the product of its signs is +1."""

    actor: ActorSummary | None = None
    triads: int
    balanced: int
    unbalanced: int
    balance_ratio: float | None
    """balanced / triads (None without triads)."""
    per_actor: list[ActorBalance]
    unbalanced_triads: list[Triad]
    balanced_triads: list[Triad]


class Centrality(BaseModel):
    actor: ActorSummary
    degree: int
    """Distinct neighbours (either direction)."""
    in_degree: int
    out_degree: int
    cooperation_degree: int
    conflict_degree: int
    weighted_degree: int
    pagerank: float
    cooperation_pagerank: float
    conflict_pagerank: float


class Community(BaseModel):
    id: int
    size: int
    members: list[ActorSummary]
    internal_cooperation: int
    """Weight of cooperation inside the community."""
    internal_conflict: int


class Communities(BaseModel):
    """Louvain communities of the cooperation network (seeded: stable between runs)."""

    seed: int
    resolution: float
    modularity: float | None
    communities: list[Community]
    conflict_between: int
    """Weight of conflict between actors of different communities."""
    conflict_within: int


class TimelineBucket(BaseModel):
    period: str
    """``2017`` or ``2017-03``."""
    weight: int
    mentions: int
    documents: int
    cooperation: int
    """Cooperation mentions in the period."""
    conflict: int
    relations: dict[str, int]
    """Mentions per relation type."""


class Timeline(BaseModel):
    actor: ActorSummary | None = None
    source: ActorSummary | None = None
    target: ActorSummary | None = None
    by: str
    buckets: list[TimelineBucket]
    undated: int
    """Records without a date (not in any bucket)."""


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

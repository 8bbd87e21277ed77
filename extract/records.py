"""The relation record: the contract every stage, test and benchmark relies on.

Pure data (pydantic models); importing this module loads no spaCy, so graph/
and api/ can use it freely.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Polarity = Literal["cooperation", "conflict"]
Modality = Literal["asserted", "reported", "intended", "hypothetical"]
ActorType = Literal[
    "State",
    "StateInstitution",
    "Person",
    "Organization",
    "InternationalOrganization",
    "ArmedGroup",
    "PoliticalParty",
    "SocialGroup",
    "Actor",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]

ActorId = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class ActorRef(BaseModel):
    """An actor as it appears in one relation record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: ActorId
    """Stable id: ISO alpha-3 for a state (``TUR``), ``TUR-GOV`` for a state's sector,
    a slug for people and organisations (``recep-tayyip-erdogan``, ``islamic-state``)."""
    label: str
    """Canonical display name (``Turkey``, ``Recep Tayyip Erdogan``)."""
    type: ActorType
    """The actor's ontology class."""
    country: str | None = None
    """ISO 3166-1 alpha-3 code of the state the actor is or belongs to; None for actors of no state."""
    role: str | None = None
    """Sector after the CAMEO/PLOVER convention (GOV, MIL, OPP, REB, COP, CVL, IGO, ELI ...)."""
    text: str = ""
    """The words in the sentence that name the actor."""


class RelationRecord(BaseModel):
    """One actor–relation–actor record with its evidence."""

    model_config = ConfigDict(extra="forbid")

    doc: str
    """Id of the document the relation was found in."""
    sentence: str
    """The evidence sentence, verbatim."""
    start: int = Field(ge=0)
    """Character offset of the sentence's start in its document."""
    end: int = Field(ge=0)
    """Character offset of the sentence's end in its document."""
    subject: ActorRef
    relation: str
    """snake_case relation type of the ontology (``cooperates_with``, ``attacks``)."""
    plover: str
    """The relation type's PLOVER category (``COOPERATE``, ``ASSAULT`` ...)."""
    polarity: Polarity
    object: ActorRef
    negated: bool = False
    modality: Modality = "asserted"
    date: dt.date | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    trigger: str | None = None
    """The words that express the relation (``cooperates with``, ``carried out strikes on``)."""
    speaker: ActorRef | None = None
    """Who reported the relation, when modality is ``reported`` and the source is an actor."""
    location: str | None = None
    """Where the event took place, when the sentence says so (``Aleppo``)."""


class Document(BaseModel):
    """A document to extract from: what the CLI reads and ``POST /documents`` takes."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    text: str
    date: dt.date | None = None
    source: str | None = None

    def ensure_id(self) -> Document:
        """This document with an id: its own, or ``doc-`` + the first 16 hex digits of its text's SHA-256."""
        if self.id:
            return self
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return self.model_copy(update={"id": f"doc-{digest}"})

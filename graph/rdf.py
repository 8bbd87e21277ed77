"""Relation records ⇄ RDF triples under the geokg ontology.

One document is one named graph holding everything about it, so that replacing or
deleting a document is a single graph operation and never touches another document:

* the document (``gkg:Document``: identifier, date, source, text hash) and the
  extraction run that read it (``gkg:Extraction`` with ``gkg:extractorVersion``);
* each relation record as a ``gkg:Relation`` node with its evidence and provenance;
* the direct ``actor <relation property> actor`` triple for records that are asserted or
  reported and not negated;
* a description of every actor the document mentions (class, label, country, role,
  aliases), so an actor is described as long as any document mentions it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from extract.records import ACTOR_TYPES, ActorRef, Document, RelationRecord
from graph.errors import InvalidQuery, StoreError
from graph.iris import (
    ACTOR_PREFIX,
    actor_id,
    actor_iri,
    document_id,
    document_iri,
    extraction_iri,
    relation_index,
    relation_iri,
)
from ontology import GKG, UnknownRelationType, relation_type

Triple = tuple[Node, Node, Node]

SUPPORTING_MODALITIES = frozenset({"asserted", "reported"})
"""Modalities whose (non-negated) records support a relation: they get the direct triple and weight."""

_CLASS_OF_TYPE: dict[str, URIRef] = {name: GKG[name] for name in ACTOR_TYPES}
ACTOR_TYPE_OF_CLASS: dict[URIRef, str] = {iri: name for name, iri in _CLASS_OF_TYPE.items()}
"""Actor type name (``State`` ...) of each ontology actor class IRI."""


def supports(record: RelationRecord) -> bool:
    """Whether a record supports its relation (not negated; asserted or reported).

    >>> from extract.records import ActorRef
    >>> a = ActorRef(id="TUR", label="Turkey", type="State")
    >>> b = ActorRef(id="RUS", label="Russia", type="State")
    >>> r = RelationRecord(doc="d", sentence="s", start=0, end=1, subject=a, object=b,
    ...                    relation="attacks", plover="ASSAULT", polarity="conflict", confidence=1)
    >>> supports(r), supports(r.model_copy(update={"modality": "intended"}))
    (True, False)
    """
    return not record.negated and record.modality in SUPPORTING_MODALITIES


def text_hash(text: str) -> str:
    """SHA-256 (hex) of a document's text, stored as ``gkg:textHash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class StoredDocument:
    """A document as read back from its named graph."""

    id: str
    date: dt.date | None = None
    source: str | None = None
    text_hash: str | None = None
    extractor_version: str | None = None
    records: list[RelationRecord] = field(default_factory=list)


def _decimal(value: float) -> Literal:
    # canonical xsd:decimal form (as Oxigraph stores it), so re-ingest comparisons are exact
    return Literal(format(Decimal(repr(float(value))).normalize(), "f"), datatype=XSD.decimal)


def _validate(document_id_: str, index: int, record: RelationRecord) -> URIRef:
    if record.doc != document_id_:
        raise InvalidQuery(
            f"relation {index} belongs to document {record.doc!r}, not to {document_id_!r}"
        )
    try:
        rtype = relation_type(record.relation)
    except UnknownRelationType as exc:
        raise InvalidQuery(f"relation {index}: {exc}") from exc
    if record.plover != rtype.plover or record.polarity != rtype.polarity:
        raise InvalidQuery(
            f"relation {index}: {record.relation} is PLOVER {rtype.plover} / {rtype.polarity} in the "
            f"ontology, the record says {record.plover} / {record.polarity}"
        )
    return rtype.iri


def _actor_triples(actor: ActorRef, aliases: Iterable[str]) -> list[Triple]:
    node = actor_iri(actor.id)
    out: list[Triple] = [
        (node, RDF.type, _CLASS_OF_TYPE[actor.type]),
        (node, RDFS.label, Literal(actor.label)),
        (node, DCTERMS.identifier, Literal(actor.id)),
    ]
    if actor.country:
        out.append((node, GKG.countryCode, Literal(actor.country)))
    if actor.role:
        out.append((node, GKG.actorRole, Literal(actor.role)))
    out.extend((node, GKG.alias, Literal(alias)) for alias in sorted(set(aliases)) if alias != actor.label)
    return out


def document_triples(
    document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
) -> list[Triple]:
    """Every triple of a document's named graph.

    Parameters
    ----------
    document
        The document (with an id).
    relations
        Its relation records, each with ``doc`` equal to the document's id.
    extractor_version
        Version of the extractor that produced the records (provenance).

    Returns
    -------
    list of triples
        Deterministic: the same input gives the same triples.

    Raises
    ------
    InvalidQuery
        When the document has no id, a record belongs to another document, or a record's
        relation type, PLOVER category or polarity disagrees with the ontology.

    Examples
    --------
    >>> from extract.records import ActorRef
    >>> tur = ActorRef(id="TUR", label="Turkey", type="State", country="TUR", text="Ankara")
    >>> rus = ActorRef(id="RUS", label="Russia", type="State", country="RUS", text="Russia")
    >>> rec = RelationRecord(doc="d1", sentence="Ankara backs Moscow.", start=0, end=20, subject=tur,
    ...                      object=rus, relation="supports", plover="SUPPORT", polarity="cooperation",
    ...                      confidence=0.8)
    >>> triples = document_triples(Document(id="d1", text="Ankara backs Moscow."), [rec],
    ...                            extractor_version="test")
    >>> (actor_iri("TUR"), GKG.supports, actor_iri("RUS")) in triples
    True
    """
    if not document.id:
        raise InvalidQuery("a document needs an id before it is stored (Document.ensure_id())")
    doc_id = document.id
    doc = document_iri(doc_id)
    run = extraction_iri(doc_id)
    out: list[Triple] = [
        (doc, RDF.type, GKG.Document),
        (doc, DCTERMS.identifier, Literal(doc_id)),
        (doc, GKG.textHash, Literal(text_hash(document.text))),
        (run, RDF.type, GKG.Extraction),
        (run, PROV.used, doc),
        (run, GKG.extractorVersion, Literal(extractor_version)),
    ]
    if document.date is not None:
        out.append((doc, DCTERMS.date, Literal(document.date, datatype=XSD.date)))
    if document.source:
        out.append((doc, GKG.documentSource, Literal(document.source)))

    actors: dict[str, ActorRef] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for index, record in enumerate(relations):
        prop = _validate(doc_id, index, record)
        node = relation_iri(doc_id, index)
        subj, obj = actor_iri(record.subject.id), actor_iri(record.object.id)
        out += [
            (node, RDF.type, GKG.Relation),
            (node, GKG.subject, subj),
            (node, GKG.object, obj),
            (node, GKG.relationType, prop),
            (node, GKG.evidence, Literal(record.sentence)),
            (node, GKG.startOffset, Literal(record.start, datatype=XSD.integer)),
            (node, GKG.endOffset, Literal(record.end, datatype=XSD.integer)),
            (node, GKG.confidence, _decimal(record.confidence)),
            (node, GKG.negated, Literal(record.negated, datatype=XSD.boolean)),
            (node, GKG.modality, Literal(record.modality)),
            (node, PROV.wasDerivedFrom, doc),
            (node, PROV.wasGeneratedBy, run),
            (node, GKG.subjectText, Literal(record.subject.text)),
            (node, GKG.objectText, Literal(record.object.text)),
        ]
        # the role can differ between mentions of one actor ("India" vs "New Delhi" acting: GOV)
        if record.subject.role:
            out.append((node, GKG.subjectRole, Literal(record.subject.role)))
        if record.object.role:
            out.append((node, GKG.objectRole, Literal(record.object.role)))
        if record.date is not None:
            out.append((node, GKG.eventDate, Literal(record.date, datatype=XSD.date)))
        if record.trigger is not None:
            out.append((node, GKG.trigger, Literal(record.trigger)))
        if record.location is not None:
            out.append((node, GKG.location, Literal(record.location)))
        mentioned = [record.subject, record.object]
        if record.speaker is not None:
            out.append((node, GKG.speaker, actor_iri(record.speaker.id)))
            out.append((node, GKG.speakerText, Literal(record.speaker.text)))
            if record.speaker.role:
                out.append((node, GKG.speakerRole, Literal(record.speaker.role)))
            mentioned.append(record.speaker)
        if supports(record):
            out.append((subj, prop, obj))
        for actor in mentioned:
            actors.setdefault(actor.id, actor)
            if actor.text:
                aliases[actor.id].add(actor.text)
    for key in sorted(actors):
        out.extend(_actor_triples(actors[key], aliases[key]))
    return list(dict.fromkeys(out))


def _py(value: Node | None) -> object:
    return value.toPython() if isinstance(value, Literal) else value


def read_document(graph_name: URIRef, triples: Iterable[Triple]) -> StoredDocument:
    """Rebuild a document's metadata and relation records from the triples of its graph.

    The inverse of :func:`document_triples` (records come back in their original order).

    Raises
    ------
    StoreError
        When the graph is not a geokg document graph or a relation node is incomplete.
    """
    doc_id = document_id(graph_name)
    if doc_id is None:
        raise StoreError(f"not a document graph: {graph_name}")
    by_subject: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        by_subject[s][p].append(o)

    def one(props: dict[Node, list[Node]], prop: URIRef) -> Node | None:
        values = props.get(prop)
        return values[0] if values else None

    doc_props = by_subject.get(document_iri(doc_id), {})
    stored = StoredDocument(id=doc_id)
    if doc_props:
        date = _py(one(doc_props, DCTERMS.date))
        stored.date = date if isinstance(date, dt.date) else None
        source = one(doc_props, GKG.documentSource)
        stored.source = str(source) if source is not None else None
        digest = one(doc_props, GKG.textHash)
        stored.text_hash = str(digest) if digest is not None else None
    run_props = by_subject.get(extraction_iri(doc_id), {})
    version = one(run_props, GKG.extractorVersion) if run_props else None
    stored.extractor_version = str(version) if version is not None else None

    def actor_ref(node: Node, text: Node | None, role: Node | None) -> ActorRef:
        props = by_subject.get(node, {})
        cls = next((ACTOR_TYPE_OF_CLASS[c] for c in props.get(RDF.type, []) if c in ACTOR_TYPE_OF_CLASS), "Actor")
        label = one(props, RDFS.label)
        country = one(props, GKG.countryCode)
        ident = actor_id(node) if str(node).startswith(ACTOR_PREFIX) else str(node)
        return ActorRef(
            id=ident,
            label=str(label) if label is not None else ident,
            type=cls,  # type: ignore[arg-type]
            country=str(country) if country is not None else None,
            role=str(role) if role is not None else None,
            text=str(text) if text is not None else "",
        )

    numbered: list[tuple[int, RelationRecord]] = []
    for node, props in by_subject.items():
        if GKG.Relation not in props.get(RDF.type, []):
            continue
        try:
            rtype = relation_type(str(one(props, GKG.relationType)).rsplit("#", 1)[-1])
            speaker_node = one(props, GKG.speaker)
            trigger = one(props, GKG.trigger)
            location = one(props, GKG.location)
            date = _py(one(props, GKG.eventDate))
            record = RelationRecord(
                doc=doc_id,
                sentence=str(one(props, GKG.evidence)),
                start=int(_py(one(props, GKG.startOffset))),  # type: ignore[arg-type]
                end=int(_py(one(props, GKG.endOffset))),  # type: ignore[arg-type]
                subject=actor_ref(one(props, GKG.subject), one(props, GKG.subjectText), one(props, GKG.subjectRole)),  # type: ignore[arg-type]
                relation=rtype.snake,
                plover=rtype.plover,
                polarity=rtype.polarity,  # type: ignore[arg-type]
                object=actor_ref(one(props, GKG.object), one(props, GKG.objectText), one(props, GKG.objectRole)),  # type: ignore[arg-type]
                negated=bool(_py(one(props, GKG.negated))),
                modality=str(one(props, GKG.modality)),  # type: ignore[arg-type]
                date=date if isinstance(date, dt.date) else None,
                confidence=float(_py(one(props, GKG.confidence))),  # type: ignore[arg-type]
                trigger=str(trigger) if trigger is not None else None,
                speaker=(
                    actor_ref(speaker_node, one(props, GKG.speakerText), one(props, GKG.speakerRole))
                    if speaker_node is not None
                    else None
                ),
                location=str(location) if location is not None else None,
            )
        except (TypeError, ValueError, UnknownRelationType) as exc:
            raise StoreError(f"incomplete relation node {node} in {graph_name}: {exc}") from exc
        numbered.append((relation_index(node), record))
    stored.records = [record for _, record in sorted(numbered, key=lambda item: item[0])]
    return stored

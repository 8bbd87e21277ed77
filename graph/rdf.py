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
from functools import lru_cache

import pyoxigraph as ox
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
)
from graph.store import rdflib_term
from ontology import GKG, RelationType, UnknownRelationType, relation_type

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


# -- building a document's graph ---------------------------------------------------------------
# The write path builds pyoxigraph quads directly (the store's own terms): no rdflib term is made
# and converted per triple. Terms that repeat (predicates, classes, actors, labels, dates, small
# integers, confidences) are made once and cached.

_CACHE_SIZE = 1 << 16


def _iri(term: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_A = _iri(RDF.type)
_LABEL = _iri(RDFS.label)
_IDENTIFIER = _iri(DCTERMS.identifier)
_DATE = _iri(DCTERMS.date)
_USED = _iri(PROV.used)
_DERIVED_FROM = _iri(PROV.wasDerivedFrom)
_GENERATED_BY = _iri(PROV.wasGeneratedBy)
_XSD_DATE = _iri(XSD.date)
_XSD_INTEGER = _iri(XSD.integer)
_XSD_DECIMAL = _iri(XSD.decimal)
_XSD_BOOLEAN = _iri(XSD.boolean)
_BOOLEAN = {True: ox.Literal("true", datatype=_XSD_BOOLEAN), False: ox.Literal("false", datatype=_XSD_BOOLEAN)}
_G = {name: _iri(GKG[name]) for name in (
    "Document", "Extraction", "Relation", "textHash", "extractorVersion", "documentSource", "subject",
    "object", "relationType", "evidence", "startOffset", "endOffset", "confidence", "negated", "modality",
    "subjectText", "objectText", "subjectRole", "objectRole", "eventDate", "trigger", "location", "speaker",
    "speakerText", "speakerRole", "countryCode", "actorRole", "alias")}
_OX_CLASS_OF_TYPE: dict[str, ox.NamedNode] = {name: _iri(iri) for name, iri in _CLASS_OF_TYPE.items()}


@lru_cache(maxsize=_CACHE_SIZE)
def _text(value: str) -> ox.Literal:
    """A plain (xsd:string) literal; cached because labels, ids, roles and mention texts repeat."""
    return ox.Literal(value)


@lru_cache(maxsize=_CACHE_SIZE)
def _date_literal(value: dt.date) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=_XSD_DATE)


@lru_cache(maxsize=_CACHE_SIZE)
def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


@lru_cache(maxsize=_CACHE_SIZE)
def _decimal(value: float) -> ox.Literal:
    # canonical xsd:decimal form (as Oxigraph stores it), so re-ingest comparisons are exact
    return ox.Literal(format(Decimal(repr(float(value))).normalize(), "f"), datatype=_XSD_DECIMAL)


@lru_cache(maxsize=_CACHE_SIZE)
def _actor_node(actor: str) -> ox.NamedNode:
    return _iri(actor_iri(actor))


@lru_cache(maxsize=256)
def _relation_property(relation: str) -> tuple[RelationType, ox.NamedNode]:
    rtype = relation_type(relation)
    return rtype, _iri(rtype.iri)


@lru_cache(maxsize=_CACHE_SIZE)
def _actor_description(
    ident: str, kind: str, label: str, country: str | None, role: str | None
) -> tuple[tuple[ox.NamedNode, ox.NamedNode | ox.Literal], ...]:
    pairs: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (_A, _OX_CLASS_OF_TYPE[kind]), (_LABEL, _text(label)), (_IDENTIFIER, _text(ident)),
    ]
    if country:
        pairs.append((_G["countryCode"], _text(country)))
    if role:
        pairs.append((_G["actorRole"], _text(role)))
    return tuple(pairs)


def _validate(document_id_: str, index: int, record: RelationRecord) -> ox.NamedNode:
    if record.doc != document_id_:
        raise InvalidQuery(
            f"relation {index} belongs to document {record.doc!r}, not to {document_id_!r}"
        )
    try:
        rtype, prop = _relation_property(record.relation)
    except UnknownRelationType as exc:
        raise InvalidQuery(f"relation {index}: {exc}") from exc
    if record.plover != rtype.plover or record.polarity != rtype.polarity:
        raise InvalidQuery(
            f"relation {index}: {record.relation} is PLOVER {rtype.plover} / {rtype.polarity} in the "
            f"ontology, the record says {record.plover} / {record.polarity}"
        )
    return prop


def _relation_quads(
    out: list[ox.Quad], graph: ox.NamedNode, run: ox.NamedNode, node: ox.NamedNode, prop: ox.NamedNode,
    record: RelationRecord,
) -> None:
    Q, G = ox.Quad, _G
    subject, obj = record.subject, record.object
    subj, objn = _actor_node(subject.id), _actor_node(obj.id)
    out += (
        Q(node, _A, G["Relation"], graph),
        Q(node, G["subject"], subj, graph),
        Q(node, G["object"], objn, graph),
        Q(node, G["relationType"], prop, graph),
        Q(node, G["evidence"], ox.Literal(record.sentence), graph),
        Q(node, G["startOffset"], _integer(record.start), graph),
        Q(node, G["endOffset"], _integer(record.end), graph),
        Q(node, G["confidence"], _decimal(record.confidence), graph),
        Q(node, G["negated"], _BOOLEAN[bool(record.negated)], graph),
        Q(node, G["modality"], _text(record.modality), graph),
        Q(node, _DERIVED_FROM, graph, graph),
        Q(node, _GENERATED_BY, run, graph),
        Q(node, G["subjectText"], _text(subject.text), graph),
        Q(node, G["objectText"], _text(obj.text), graph),
    )
    # the role can differ between mentions of one actor ("India" vs "New Delhi" acting: GOV)
    if subject.role:
        out.append(Q(node, G["subjectRole"], _text(subject.role), graph))
    if obj.role:
        out.append(Q(node, G["objectRole"], _text(obj.role), graph))
    if record.date is not None:
        out.append(Q(node, G["eventDate"], _date_literal(record.date), graph))
    if record.trigger is not None:
        out.append(Q(node, G["trigger"], _text(record.trigger), graph))
    if record.location is not None:
        out.append(Q(node, G["location"], _text(record.location), graph))
    speaker = record.speaker
    if speaker is not None:
        out.append(Q(node, G["speaker"], _actor_node(speaker.id), graph))
        out.append(Q(node, G["speakerText"], _text(speaker.text), graph))
        if speaker.role:
            out.append(Q(node, G["speakerRole"], _text(speaker.role), graph))
    if supports(record):
        out.append(Q(subj, prop, objn, graph))


def document_quads(
    document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
) -> list[ox.Quad]:
    """Every quad of a document's named graph, as the store writes them.

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
    list of pyoxigraph.Quad
        Deterministic and free of duplicates; every quad is in the graph named by
        :func:`graph.iris.document_iri` of the document's id.

    Raises
    ------
    InvalidQuery
        When the document has no id, a record belongs to another document, or a record's
        relation type, PLOVER category or polarity disagrees with the ontology.
    StoreError
        When a value cannot be an RDF term (nothing is written then).

    Examples
    --------
    >>> from extract.records import ActorRef
    >>> tur = ActorRef(id="TUR", label="Turkey", type="State", country="TUR", text="Ankara")
    >>> rus = ActorRef(id="RUS", label="Russia", type="State", country="RUS", text="Russia")
    >>> rec = RelationRecord(doc="d1", sentence="Ankara backs Moscow.", start=0, end=20, subject=tur,
    ...                      object=rus, relation="supports", plover="SUPPORT", polarity="cooperation",
    ...                      confidence=0.8)
    >>> quads = document_quads(Document(id="d1", text="Ankara backs Moscow."), [rec], extractor_version="t")
    >>> len(quads), str(quads[0].graph_name)
    (30, '<https://w3id.org/geokg/doc/d1>')
    """
    if not document.id:
        raise InvalidQuery("a document needs an id before it is stored (Document.ensure_id())")
    doc_id = document.id
    doc_iri = document_iri(doc_id)
    try:
        return _document_quads(doc_iri, document, relations, extractor_version)
    except InvalidQuery:
        raise
    except (TypeError, ValueError) as exc:  # a value Oxigraph refuses (a lone surrogate ...)
        raise StoreError(f"cannot write graph {doc_iri}: invalid RDF term ({exc}); nothing was written") from exc


def _document_quads(
    doc_iri: URIRef, document: Document, relations: Sequence[RelationRecord], extractor_version: str
) -> list[ox.Quad]:
    doc_id = str(document.id)
    Q, G = ox.Quad, _G
    graph = _iri(doc_iri)
    run = _iri(extraction_iri(doc_id))
    out: list[ox.Quad] = [
        Q(graph, _A, G["Document"], graph),
        Q(graph, _IDENTIFIER, ox.Literal(doc_id), graph),
        Q(graph, G["textHash"], ox.Literal(text_hash(document.text)), graph),
        Q(run, _A, G["Extraction"], graph),
        Q(run, _USED, graph, graph),
        Q(run, G["extractorVersion"], _text(extractor_version), graph),
    ]
    if document.date is not None:
        out.append(Q(graph, _DATE, _date_literal(document.date), graph))
    if document.source:
        out.append(Q(graph, G["documentSource"], _text(document.source), graph))

    actors: dict[str, ActorRef] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    relation_prefix = f"{doc_iri}/relation/"
    for index, record in enumerate(relations):
        prop = _validate(doc_id, index, record)
        _relation_quads(out, graph, run, ox.NamedNode(f"{relation_prefix}{index}"), prop, record)
        mentioned = (record.subject, record.object) if record.speaker is None else (
            record.subject, record.object, record.speaker)
        for actor in mentioned:
            if actor.id not in actors:
                actors[actor.id] = actor
            if actor.text:
                aliases[actor.id].add(actor.text)
    for key in sorted(actors):
        actor = actors[key]
        node = _actor_node(key)
        out += (Q(node, p, o, graph) for p, o in
                _actor_description(actor.id, actor.type, actor.label, actor.country, actor.role))
        out += (Q(node, G["alias"], _text(alias), graph) for alias in sorted(aliases[key]) if alias != actor.label)
    return list(dict.fromkeys(out))


def document_triples(
    document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
) -> list[Triple]:
    """Every triple of a document's named graph, as rdflib terms (:func:`document_quads` read back).

    Raises
    ------
    InvalidQuery
        As :func:`document_quads`.
    StoreError
        As :func:`document_quads`.

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
    return [
        (rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object))
        for q in document_quads(document, relations, extractor_version=extractor_version)
    ]


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

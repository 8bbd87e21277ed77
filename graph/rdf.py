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
# The write path builds the graph as N-Quads text, which Oxigraph parses and loads natively: no
# rdflib term, no pyoxigraph term object per triple (each costs microseconds to build). Terms that
# repeat (predicates, classes, actors, labels, dates, small integers, confidences) are spelled
# once and cached. N-Triples spelling: IRIs in <>, literals quoted with \\ \" \n \r escaped.

_CACHE_SIZE = 1 << 16
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _ref(term: str) -> str:
    return f"<{term}>"


_A = _ref(RDF.type)
_LABEL = _ref(RDFS.label)
_IDENTIFIER = _ref(DCTERMS.identifier)
_DATE = _ref(DCTERMS.date)
_USED = _ref(PROV.used)
_DERIVED_FROM = _ref(PROV.wasDerivedFrom)
_GENERATED_BY = _ref(PROV.wasGeneratedBy)
_BOOLEAN = {flag: f'"{str(flag).lower()}"^^{_ref(XSD.boolean)}' for flag in (True, False)}
_G = {name: _ref(GKG[name]) for name in (
    "Document", "Extraction", "Relation", "textHash", "extractorVersion", "documentSource", "subject",
    "object", "relationType", "evidence", "startOffset", "endOffset", "confidence", "negated", "modality",
    "subjectText", "objectText", "subjectRole", "objectRole", "eventDate", "trigger", "location", "speaker",
    "speakerText", "speakerRole", "countryCode", "actorRole", "alias")}
_CLASS_REF: dict[str, str] = {name: _ref(iri) for name, iri in _CLASS_OF_TYPE.items()}


def _string(value: str) -> str:
    """A plain (xsd:string) literal in N-Triples spelling."""
    return f'"{value.translate(_ESCAPES)}"'


_text = lru_cache(maxsize=_CACHE_SIZE)(_string)
""":func:`_string`, cached: labels, ids, roles and mention texts repeat."""


@lru_cache(maxsize=_CACHE_SIZE)
def _date_literal(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^{_ref(XSD.date)}'


@lru_cache(maxsize=_CACHE_SIZE)
def _integer(value: int) -> str:
    return f'"{int(value)}"^^{_ref(XSD.integer)}'


@lru_cache(maxsize=_CACHE_SIZE)
def _decimal(value: float) -> str:
    # canonical xsd:decimal form (as Oxigraph stores it), so re-ingest comparisons are exact
    return f'"{format(Decimal(repr(float(value))).normalize(), "f")}"^^{_ref(XSD.decimal)}'


@lru_cache(maxsize=_CACHE_SIZE)
def _actor_ref(actor: str) -> str:
    return _ref(actor_iri(actor))


@lru_cache(maxsize=256)
def _relation_property(relation: str) -> tuple[RelationType, str]:
    rtype = relation_type(relation)
    return rtype, _ref(rtype.iri)


@lru_cache(maxsize=_CACHE_SIZE)
def _actor_description(ident: str, kind: str, label: str, country: str | None, role: str | None) -> tuple[str, ...]:
    """The ``predicate object`` parts of an actor's description statements."""
    pairs = [(_A, _CLASS_REF[kind]), (_LABEL, _text(label)), (_IDENTIFIER, _text(ident))]
    if country:
        pairs.append((_G["countryCode"], _text(country)))
    if role:
        pairs.append((_G["actorRole"], _text(role)))
    return tuple(f"{p} {o}" for p, o in pairs)


def _validate(document_id_: str, index: int, record: RelationRecord) -> str:
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


def _relation_statements(out: list[str], doc: str, run: str, node: str, prop: str, record: RelationRecord) -> None:
    """Append the ``subject predicate object`` statements of one relation record (no graph, no dot)."""
    G = _G
    subject, obj = record.subject, record.object
    subj, objn = _actor_ref(subject.id), _actor_ref(obj.id)
    out += (
        f"{node} {_A} {G['Relation']}",
        f"{node} {G['subject']} {subj}",
        f"{node} {G['object']} {objn}",
        f"{node} {G['relationType']} {prop}",
        f"{node} {G['evidence']} {_string(record.sentence)}",
        f"{node} {G['startOffset']} {_integer(record.start)}",
        f"{node} {G['endOffset']} {_integer(record.end)}",
        f"{node} {G['confidence']} {_decimal(record.confidence)}",
        f"{node} {G['negated']} {_BOOLEAN[bool(record.negated)]}",
        f"{node} {G['modality']} {_text(record.modality)}",
        f"{node} {_DERIVED_FROM} {doc}",
        f"{node} {_GENERATED_BY} {run}",
        f"{node} {G['subjectText']} {_text(subject.text)}",
        f"{node} {G['objectText']} {_text(obj.text)}",
    )
    # the role can differ between mentions of one actor ("India" vs "New Delhi" acting: GOV)
    if subject.role:
        out.append(f"{node} {G['subjectRole']} {_text(subject.role)}")
    if obj.role:
        out.append(f"{node} {G['objectRole']} {_text(obj.role)}")
    if record.date is not None:
        out.append(f"{node} {G['eventDate']} {_date_literal(record.date)}")
    if record.trigger is not None:
        out.append(f"{node} {G['trigger']} {_text(record.trigger)}")
    if record.location is not None:
        out.append(f"{node} {G['location']} {_text(record.location)}")
    speaker = record.speaker
    if speaker is not None:
        out.append(f"{node} {G['speaker']} {_actor_ref(speaker.id)}")
        out.append(f"{node} {G['speakerText']} {_text(speaker.text)}")
        if speaker.role:
            out.append(f"{node} {G['speakerRole']} {_text(speaker.role)}")
    if supports(record):
        out.append(f"{subj} {prop} {objn}")


def document_nquads(
    document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
) -> bytes:
    """Every quad of a document's named graph, as the N-Quads (UTF-8) the store loads.

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
    bytes
        One quad a line, deterministic and free of duplicates; every quad is in the graph
        named by :func:`graph.iris.document_iri` of the document's id.

    Raises
    ------
    InvalidQuery
        When the document has no id, a record belongs to another document, or a record's
        relation type, PLOVER category or polarity disagrees with the ontology.
    StoreError
        When a value cannot be stored (a lone surrogate ...; nothing is written then).

    Examples
    --------
    >>> from extract.records import ActorRef
    >>> tur = ActorRef(id="TUR", label="Turkey", type="State", country="TUR", text="Ankara")
    >>> rus = ActorRef(id="RUS", label="Russia", type="State", country="RUS", text="Russia")
    >>> rec = RelationRecord(doc="d1", sentence='Ankara "backs" Moscow.', start=0, end=22, subject=tur,
    ...                      object=rus, relation="supports", plover="SUPPORT", polarity="cooperation",
    ...                      confidence=0.8)
    >>> text = document_nquads(Document(id="d1", text="..."), [rec], extractor_version="t").decode()
    >>> [line for line in text.splitlines() if "evidence" in line]  # doctest: +NORMALIZE_WHITESPACE
    ['<https://w3id.org/geokg/doc/d1/relation/0> <https://w3id.org/geokg/ontology#evidence>
      "Ankara \\\\"backs\\\\" Moscow." <https://w3id.org/geokg/doc/d1> .']
    """
    if not document.id:
        raise InvalidQuery("a document needs an id before it is stored (Document.ensure_id())")
    doc_iri = document_iri(document.id)
    try:
        statements = _document_statements(doc_iri, document, relations, extractor_version)
        return "".join(f"{line} <{doc_iri}> .\n" for line in dict.fromkeys(statements)).encode("utf-8")
    except UnicodeError as exc:  # a lone surrogate has no UTF-8 spelling
        raise StoreError(f"cannot write graph {doc_iri}: invalid RDF term ({exc}); nothing was written") from exc


def _document_statements(
    doc_iri: URIRef, document: Document, relations: Sequence[RelationRecord], extractor_version: str
) -> list[str]:
    doc_id = str(document.id)
    G = _G
    doc = _ref(doc_iri)
    run = _ref(extraction_iri(doc_id))
    out: list[str] = [
        f"{doc} {_A} {G['Document']}",
        f"{doc} {_IDENTIFIER} {_string(doc_id)}",
        f"{doc} {G['textHash']} {_string(text_hash(document.text))}",
        f"{run} {_A} {G['Extraction']}",
        f"{run} {_USED} {doc}",
        f"{run} {G['extractorVersion']} {_text(extractor_version)}",
    ]
    if document.date is not None:
        out.append(f"{doc} {_DATE} {_date_literal(document.date)}")
    if document.source:
        out.append(f"{doc} {G['documentSource']} {_text(document.source)}")

    actors: dict[str, ActorRef] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    relation_prefix = f"<{doc_iri}/relation/"
    for index, record in enumerate(relations):
        prop = _validate(doc_id, index, record)
        _relation_statements(out, doc, run, f"{relation_prefix}{index}>", prop, record)
        mentioned = (record.subject, record.object) if record.speaker is None else (
            record.subject, record.object, record.speaker)
        for actor in mentioned:
            if actor.id not in actors:
                actors[actor.id] = actor
            if actor.text:
                aliases[actor.id].add(actor.text)
    for key in sorted(actors):
        actor = actors[key]
        node = _actor_ref(key)
        description = _actor_description(actor.id, actor.type, actor.label, actor.country, actor.role)
        out += (f"{node} {po}" for po in description)
        out += (f"{node} {G['alias']} {_text(alias)}" for alias in sorted(aliases[key]) if alias != actor.label)
    return out


def document_quads(
    document: Document, relations: Sequence[RelationRecord], *, extractor_version: str
) -> list[ox.Quad]:
    """Every quad of a document's named graph as pyoxigraph quads (:func:`document_nquads` parsed).

    Raises
    ------
    InvalidQuery
        As :func:`document_nquads`.
    StoreError
        As :func:`document_nquads`.
    """
    text = document_nquads(document, relations, extractor_version=extractor_version)
    return list(ox.parse(text, format=ox.RdfFormat.N_QUADS))


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

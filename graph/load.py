"""Reading the whole store back when a knowledge graph opens.

Four SPARQL SELECTs over every document graph (documents, relations, actors, aliases)
give what the projection and the document index need, without rebuilding full
relation records triple by triple.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import DCTERMS

from graph.errors import StoreError
from graph.iris import ACTOR_PREFIX, actor_id, document_id, relation_index
from graph.models import DocumentSummary
from graph.projection import ActorFact, RelationFact
from graph.rdf import ACTOR_TYPE_OF_CLASS, SUPPORTING_MODALITIES
from graph.store import GraphStore
from ontology import GKG, relation_type


@dataclass(slots=True)
class LoadedDocument:
    """One stored document: its summary and what the projection needs of it."""

    summary: DocumentSummary
    actors: list[ActorFact] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)


def _iri(term: object) -> str:
    return f"<{term}>"


_DOCUMENTS = f"""
SELECT ?g ?id ?date ?source ?hash WHERE {{ GRAPH ?g {{
  ?g a {_iri(GKG.Document)} ; {_iri(DCTERMS.identifier)} ?id .
  OPTIONAL {{ ?g {_iri(DCTERMS.date)} ?date }}
  OPTIONAL {{ ?g {_iri(GKG.documentSource)} ?source }}
  OPTIONAL {{ ?g {_iri(GKG.textHash)} ?hash }}
}} }}"""

_RELATIONS = f"""
SELECT ?g ?r ?s ?o ?type ?negated ?modality ?confidence ?date ?speaker WHERE {{ GRAPH ?g {{
  ?r a {_iri(GKG.Relation)} ; {_iri(GKG.subject)} ?s ; {_iri(GKG.object)} ?o ;
     {_iri(GKG.relationType)} ?type ; {_iri(GKG.negated)} ?negated ; {_iri(GKG.modality)} ?modality .
  OPTIONAL {{ ?r {_iri(GKG.eventDate)} ?date }}
  OPTIONAL {{ ?r {_iri(GKG.speaker)} ?speaker }}
  OPTIONAL {{ ?r {_iri(GKG.confidence)} ?confidence }}
}} }}"""

_ACTORS = f"""
SELECT ?g ?a ?class ?label ?country ?role WHERE {{ GRAPH ?g {{
  ?a {_iri(RDFS.label)} ?label ; {_iri(RDF.type)} ?class .
  FILTER(STRSTARTS(STR(?a), "{ACTOR_PREFIX}"))
  OPTIONAL {{ ?a {_iri(GKG.countryCode)} ?country }}
  OPTIONAL {{ ?a {_iri(GKG.actorRole)} ?role }}
}} }}"""

_ALIASES = f"""
SELECT ?g ?a ?alias WHERE {{ GRAPH ?g {{ ?a {_iri(GKG.alias)} ?alias }} }}"""


def _value(solution: ox.QuerySolution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def load_documents(store: GraphStore) -> dict[str, LoadedDocument]:
    """Every document of the store, keyed by document id.

    Raises
    ------
    StoreError
        When the store cannot be queried.
    """
    try:
        documents = store.inner.query(_DOCUMENTS)
        loaded: dict[str, LoadedDocument] = {}
        graph_doc: dict[str, str] = {}
        for row in documents:
            graph = _value(row, "g") or ""
            doc_id = document_id(graph)
            if doc_id is None:
                continue
            graph_doc[graph] = doc_id
            loaded[doc_id] = LoadedDocument(
                summary=DocumentSummary(
                    id=doc_id,
                    date=_date(_value(row, "date")),
                    source=_value(row, "source"),
                    text_hash=_value(row, "hash"),
                    relations=0,
                    actors=0,
                )
            )
        mentioned: dict[str, set[str]] = defaultdict(set)
        for row in store.inner.query(_RELATIONS):
            doc_id = graph_doc.get(_value(row, "g") or "")
            if doc_id is None:
                continue
            subject, obj = actor_id(_value(row, "s") or ""), actor_id(_value(row, "o") or "")
            speaker = _value(row, "speaker")
            mentioned[doc_id].update((subject, obj))
            if speaker is not None:
                mentioned[doc_id].add(actor_id(speaker))
            type_iri = _value(row, "type") or ""
            loaded[doc_id].relations.append(
                RelationFact(
                    subject=subject,
                    object=obj,
                    relation=relation_type(type_iri.rsplit("#", 1)[-1]).snake,
                    supported=_value(row, "negated") == "false"
                    and _value(row, "modality") in SUPPORTING_MODALITIES,
                    date=_date(_value(row, "date")),
                    negated=_value(row, "negated") != "false",
                    modality=_value(row, "modality") or "asserted",
                    confidence=float(_value(row, "confidence") or 1.0),
                    index=relation_index(_value(row, "r") or "/-1"),
                )
            )
        aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in store.inner.query(_ALIASES):
            doc_id = graph_doc.get(_value(row, "g") or "")
            if doc_id is not None:
                aliases[(doc_id, _value(row, "a") or "")].add(_value(row, "alias") or "")
        for row in store.inner.query(_ACTORS):
            doc_id = graph_doc.get(_value(row, "g") or "")
            kind = ACTOR_TYPE_OF_CLASS.get(URIRef(_value(row, "class") or ""))
            if doc_id is None or kind is None:
                continue
            node = _value(row, "a") or ""
            label = _value(row, "label") or ""
            loaded[doc_id].actors.append(
                ActorFact(
                    id=actor_id(node),
                    label=label,
                    type=kind,
                    country=_value(row, "country"),
                    role=_value(row, "role"),
                    aliases=frozenset(aliases.get((doc_id, node), set())),
                )
            )
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot read store {store.spec!r}: {exc}") from exc
    for doc_id, item in loaded.items():
        item.summary = item.summary.model_copy(
            update={"relations": len(item.relations), "actors": len(mentioned[doc_id])}
        )
    return loaded


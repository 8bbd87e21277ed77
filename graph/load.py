"""Reading the whole store back when a knowledge graph opens.

Four SPARQL SELECTs over every document graph (documents, relations, actors, aliases)
give what the projection and the document index need, without rebuilding full
relation records triple by triple. They go through :meth:`GraphStore.select`, so the
same reading works on every backend (embedded Oxigraph or a remote SPARQL endpoint).
An on-disk store usually skips this: :mod:`graph.snapshot` restores the projection.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

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
        loaded: dict[str, LoadedDocument] = {}
        graph_doc: dict[str, str] = {}
        for graph, _, date, source, hash_ in store.select(_DOCUMENTS):
            doc_id = document_id(graph or "")
            if doc_id is None:
                continue
            graph_doc[graph or ""] = doc_id
            loaded[doc_id] = LoadedDocument(
                summary=DocumentSummary(
                    id=doc_id, date=_date(date), source=source, text_hash=hash_, relations=0, actors=0
                )
            )
        mentioned: dict[str, set[str]] = defaultdict(set)
        for graph, node, s, o, type_iri, negated, modality, confidence, date, speaker in store.select(_RELATIONS):
            doc_id = graph_doc.get(graph or "")
            if doc_id is None:
                continue
            subject, obj = actor_id(s or ""), actor_id(o or "")
            mentioned[doc_id].update((subject, obj))
            if speaker is not None:
                mentioned[doc_id].add(actor_id(speaker))
            loaded[doc_id].relations.append(
                RelationFact(
                    subject=subject,
                    object=obj,
                    relation=relation_type((type_iri or "").rsplit("#", 1)[-1]).snake,
                    supported=negated == "false" and modality in SUPPORTING_MODALITIES,
                    date=_date(date),
                    negated=negated != "false",
                    modality=modality or "asserted",
                    confidence=float(confidence or 1.0),
                    index=relation_index(node or "/-1"),
                )
            )
        aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        for graph, node, alias in store.select(_ALIASES):
            doc_id = graph_doc.get(graph or "")
            if doc_id is not None:
                aliases[(doc_id, node or "")].add(alias or "")
        for graph, node, class_iri, label, country, role in store.select(_ACTORS):
            doc_id = graph_doc.get(graph or "")
            kind = ACTOR_TYPE_OF_CLASS.get(URIRef(class_iri or ""))
            if doc_id is None or kind is None:
                continue
            loaded[doc_id].actors.append(
                ActorFact(
                    id=actor_id(node or ""),
                    label=label or "",
                    type=kind,
                    country=country,
                    role=role,
                    aliases=frozenset(aliases.get((doc_id, node or ""), set())),
                )
            )
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot read store {store.spec!r}: {exc}") from exc
    for doc_id, item in loaded.items():
        item.summary = item.summary.model_copy(
            update={"relations": len(item.relations), "actors": len(mentioned[doc_id])}
        )
    return loaded


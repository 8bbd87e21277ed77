"""IRIs the store mints for documents, relations and actors (ids percent-quoted, reversible)."""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import URIRef

BASE = "https://w3id.org/geokg/"
DOC_PREFIX = BASE + "doc/"
ACTOR_PREFIX = BASE + "actor/"


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, which is also the name of its graph.

    >>> document_iri("news/2016 12")
    rdflib.term.URIRef('https://w3id.org/geokg/doc/news%2F2016%2012')
    """
    return URIRef(DOC_PREFIX + quote(doc_id, safe=""))


def document_id(iri: str) -> str | None:
    """The document id of a document IRI, or None for any other IRI."""
    text = str(iri)
    if not text.startswith(DOC_PREFIX):
        return None
    rest = text[len(DOC_PREFIX):]
    if not rest or "/" in rest:
        return None
    return unquote(rest)


def relation_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of the ``index``-th relation record of a document (stable while the document is)."""
    return URIRef(f"{document_iri(doc_id)}/relation/{index}")


def relation_index(iri: str) -> int:
    """The record index encoded in a relation IRI minted by :func:`relation_iri`."""
    return int(str(iri).rsplit("/", 1)[1])


def extraction_iri(doc_id: str) -> URIRef:
    """The IRI of the extraction run (a ``gkg:Extraction``) that produced a document's relations."""
    return URIRef(f"{document_iri(doc_id)}/extraction")


def actor_iri(actor_id: str) -> URIRef:
    """The IRI of an actor.

    >>> actor_iri("TUR-GOV")
    rdflib.term.URIRef('https://w3id.org/geokg/actor/TUR-GOV')
    """
    return URIRef(ACTOR_PREFIX + quote(actor_id, safe=""))


def actor_id(iri: str) -> str:
    """The actor id of an actor IRI.

    >>> actor_id(actor_iri("x-jane doe"))
    'x-jane doe'
    """
    text = str(iri)
    if not text.startswith(ACTOR_PREFIX):
        raise ValueError(f"not an actor IRI: {text}")
    return unquote(text[len(ACTOR_PREFIX):])

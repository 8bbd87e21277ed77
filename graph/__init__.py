"""geokg's storage and queries: an rdflib Dataset on Oxigraph (a named graph per document)
and its incremental networkx projection. Never imports spaCy or api/."""

from graph.errors import ActorNotFound, DocumentNotFound, GraphError, InvalidQuery, StoreError
from graph.knowledge_graph import KnowledgeGraph
from graph.models import (
    ActorPath,
    ActorSummary,
    DocumentSummary,
    Neighbour,
    Page,
    PathHop,
    RelationPair,
    Stats,
)

__all__ = [
    "ActorNotFound",
    "ActorPath",
    "ActorSummary",
    "DocumentNotFound",
    "DocumentSummary",
    "GraphError",
    "InvalidQuery",
    "KnowledgeGraph",
    "Neighbour",
    "Page",
    "PathHop",
    "RelationPair",
    "Stats",
    "StoreError",
]

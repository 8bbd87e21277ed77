"""Python names for the terms of ``geokg.ttl``, derived from the file itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ClosedNamespace

NAMESPACE = "https://w3id.org/geokg/ontology#"
"""The ontology's namespace IRI."""

RELATION_FAMILIES = ("cooperatesWith", "opposes")
"""The two top relation types: every other relation type is a sub-property of one of them."""

_POLARITY_OF_FAMILY = {"cooperatesWith": "cooperation", "opposes": "conflict"}


class UnknownRelationType(ValueError):
    """A relation type that the ontology does not define."""

    def __init__(self, name: str) -> None:
        self.name = name
        known = ", ".join(sorted(camel_to_snake(n) for n in _relation_index()))
        super().__init__(f"unknown relation type {name!r}; known types: {known}")


def ontology_path() -> Path:
    """Path of the installed ontology Turtle file."""
    return Path(str(resources.files("ontology").joinpath("geokg.ttl")))


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once (an rdflib Graph; treat it as read-only)."""
    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    graph.bind("gkg", NAMESPACE)
    return graph


def _local_terms(graph: Graph) -> list[str]:
    names = set()
    for subject in graph.subjects():
        if isinstance(subject, URIRef) and str(subject).startswith(NAMESPACE):
            local = str(subject)[len(NAMESPACE):]
            if local:
                names.add(local)
    return sorted(names)


GKG = ClosedNamespace(NAMESPACE, _local_terms(ontology_graph()))
"""Closed namespace of every term the ontology defines: ``GKG.attacks``, ``GKG.State`` ..."""


def camel_to_snake(name: str) -> str:
    """The JSON/CLI spelling of an ontology local name.

    >>> camel_to_snake("cooperatesWith")
    'cooperates_with'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def snake_to_camel(name: str) -> str:
    """The ontology local name of a snake_case spelling.

    >>> snake_to_camel("protests_against")
    'protestsAgainst'
    """
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type of the ontology, with its annotations."""

    name: str
    """The ontology local name, e.g. ``cooperatesWith``."""
    iri: URIRef
    family: str
    """``cooperatesWith`` or ``opposes``."""
    parent: str | None
    """The direct super-property's local name (None for the two families)."""
    plover: str
    polarity: str
    symmetric: bool
    label: str

    @property
    def snake(self) -> str:
        """The snake_case JSON/CLI spelling, e.g. ``cooperates_with``."""
        return camel_to_snake(self.name)


@cache
def _relation_index() -> dict[str, RelationType]:
    graph = ontology_graph()
    index: dict[str, RelationType] = {}
    plover_prop = URIRef(NAMESPACE + "ploverCategory")
    polarity_prop = URIRef(NAMESPACE + "polarity")
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        plover = graph.value(prop, plover_prop)
        if plover is None:
            continue  # a structural property (subject, object ...), not a relation type
        name = str(prop)[len(NAMESPACE):]
        parent_iri = graph.value(prop, RDFS.subPropertyOf)
        parent = str(parent_iri)[len(NAMESPACE):] if parent_iri is not None else None
        family = name
        cursor = parent_iri
        while cursor is not None:
            family = str(cursor)[len(NAMESPACE):]
            cursor = graph.value(cursor, RDFS.subPropertyOf)
        if family not in RELATION_FAMILIES:
            raise ValueError(f"relation type {name} is under neither cooperatesWith nor opposes")
        polarity = str(graph.value(prop, polarity_prop) or _POLARITY_OF_FAMILY[family])
        if polarity != _POLARITY_OF_FAMILY[family]:
            raise ValueError(f"relation type {name} has polarity {polarity} but belongs to {family}")
        label = graph.value(prop, RDFS.label)
        index[name] = RelationType(
            name=name,
            iri=URIRef(prop),
            family=family,
            parent=parent,
            plover=str(plover),
            polarity=polarity,
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            label=str(label) if isinstance(label, Literal) else name,
        )
    return index


def relation_types() -> list[RelationType]:
    """Every relation type of the ontology, in a stable order (families first)."""
    index = _relation_index()
    return sorted(index.values(), key=lambda r: (r.parent is not None, r.family, r.name))


def relation_type(name: str) -> RelationType:
    """Look up a relation type by its local name or snake_case spelling.

    >>> relation_type("cooperates_with").name
    'cooperatesWith'
    >>> relation_type("attacks").plover
    'ASSAULT'
    """
    index = _relation_index()
    key = name.strip()
    if key in index:
        return index[key]
    camel = snake_to_camel(key)
    if camel in index:
        return index[camel]
    raise UnknownRelationType(name)


def descendants(name: str) -> list[RelationType]:
    """A relation type and every relation type below it in the hierarchy.

    >>> sorted(r.name for r in descendants("opposes"))[:3]
    ['accuses', 'attacks', 'coerces']
    """
    root = relation_type(name)
    found = [root]
    for candidate in relation_types():
        cursor = candidate.parent
        while cursor is not None:
            if cursor == root.name:
                found.append(candidate)
                break
            cursor = _relation_index()[cursor].parent
    return found

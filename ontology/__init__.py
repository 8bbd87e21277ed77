"""The geokg ontology: its Turtle file and the Python names derived from it.

The Turtle file ``geokg.ttl`` beside this module is the source of truth. Nothing
here mirrors it by hand: :data:`GKG` is a closed namespace whose terms are read
from the file (so ``GKG.attaks`` fails loudly), and :func:`relation_types`
reads each relation type's PLOVER category, polarity, parent and symmetry from
the file's annotations.
"""

from ontology.terms import (
    GKG,
    NAMESPACE,
    RELATION_FAMILIES,
    RelationType,
    UnknownRelationType,
    camel_to_snake,
    descendants,
    ontology_graph,
    ontology_path,
    relation_type,
    relation_types,
    snake_to_camel,
)

__all__ = [
    "GKG",
    "NAMESPACE",
    "RELATION_FAMILIES",
    "RelationType",
    "UnknownRelationType",
    "camel_to_snake",
    "descendants",
    "ontology_graph",
    "ontology_path",
    "relation_type",
    "relation_types",
    "snake_to_camel",
]

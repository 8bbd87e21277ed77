"""Reading the evidence behind an answer: one relation node at a time, not whole documents.

A query answer holds :class:`~graph.projection.Mention` records (document id and record
index). Their evidence (sentence, offsets, actors as written, trigger ...) lives on the
relation node ``relation_iri(doc, index)`` in the document's named graph. On an embedded
Oxigraph store :func:`read_relation_nodes` looks up exactly those nodes (one pattern
lookup each, a fraction of a millisecond), instead of rebuilding every record of every
document involved as :func:`graph.rdf.read_document` does.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from graph.iris import ACTOR_PREFIX, actor_id, document_iri, relation_iri
from ontology import GKG

_FIELDS = {
    str(GKG.evidence): "sentence",
    str(GKG.startOffset): "start",
    str(GKG.endOffset): "end",
    str(GKG.subject): "subject",
    str(GKG.object): "object",
    str(GKG.subjectText): "subject_text",
    str(GKG.objectText): "object_text",
    str(GKG.trigger): "trigger",
    str(GKG.modality): "modality",
    str(GKG.confidence): "confidence",
}
_NEEDED = ("sentence", "start", "end", "subject", "object", "modality", "confidence")


@dataclass(frozen=True, slots=True)
class RelationNode:
    """The evidence fields of one stored relation record."""

    sentence: str
    start: int
    end: int
    subject: str
    object: str
    subject_text: str
    object_text: str
    trigger: str | None
    modality: str
    confidence: float


def _actor(iri: str) -> str:
    return actor_id(iri) if iri.startswith(ACTOR_PREFIX) else iri


def read_relation_node(store: ox.Store, doc_id: str, index: int) -> RelationNode | None:
    """The evidence fields of record ``index`` of document ``doc_id``; None when the node is absent or incomplete.

    Parameters
    ----------
    store
        The pyoxigraph store (:attr:`graph.store.EmbeddedStore.inner`).
    doc_id, index
        The record, as a :class:`~graph.projection.Mention` names it.
    """
    graph = ox.NamedNode(str(document_iri(doc_id)))
    node = ox.NamedNode(str(relation_iri(doc_id, index)))
    values: dict[str, ox.NamedNode | ox.Literal | ox.BlankNode] = {}
    for quad in store.quads_for_pattern(node, None, None, graph):
        name = _FIELDS.get(quad.predicate.value)
        if name is not None and name not in values:
            values[name] = quad.object  # type: ignore[assignment]
    if any(name not in values for name in _NEEDED):
        return None
    trigger = values.get("trigger")
    try:
        return RelationNode(
            sentence=values["sentence"].value,
            start=int(values["start"].value),
            end=int(values["end"].value),
            subject=_actor(values["subject"].value),
            object=_actor(values["object"].value),
            subject_text=values["subject_text"].value if "subject_text" in values else "",
            object_text=values["object_text"].value if "object_text" in values else "",
            trigger=trigger.value if trigger is not None else None,
            modality=values["modality"].value,
            confidence=float(values["confidence"].value),
        )
    except ValueError:
        return None


def read_relation_nodes(store: ox.Store, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], RelationNode]:
    """:func:`read_relation_node` for many ``(doc_id, index)`` keys; absent ones are left out."""
    out: dict[tuple[str, int], RelationNode] = {}
    for doc_id, index in keys:
        found = read_relation_node(store, doc_id, index)
        if found is not None:
            out[(doc_id, index)] = found
    return out


class RelationNodeCache:
    """The relation nodes read lately (least recently used dropped first), each kept with a
    stamp of its document's version: a node read for another version of the document is
    read again. Safe to share between threads.

    Examples
    --------
    >>> cache = RelationNodeCache(size=2)
    >>> store = ox.Store()
    >>> cache.read(store, [("d", 0)], {"d": "v1"})
    {}
    """

    def __init__(self, size: int = 50_000) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, int], tuple[object, RelationNode]] = OrderedDict()
        self._lock = threading.Lock()

    def read(self, store: ox.Store, keys: Sequence[tuple[str, int]],
             stamps: Mapping[str, object]) -> dict[tuple[str, int], RelationNode]:
        """The nodes of some ``(doc_id, index)`` keys, from the cache when its stamp is the
        document's current one (``stamps[doc_id]``), else from the store."""
        out: dict[tuple[str, int], RelationNode] = {}
        missing: list[tuple[str, int]] = []
        with self._lock:
            for key in keys:
                item = self._items.get(key)
                if item is not None and item[0] is stamps.get(key[0]):
                    self._items.move_to_end(key)
                    out[key] = item[1]
                else:
                    missing.append(key)
        if not missing:
            return out
        found = read_relation_nodes(store, missing)
        out.update(found)
        with self._lock:
            for key, node in found.items():
                if stamps.get(key[0]) is None:
                    continue  # no known version of the document to tie it to
                self._items[key] = (stamps.get(key[0]), node)
                self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return out


__all__ = ["RelationNode", "RelationNodeCache", "read_relation_node", "read_relation_nodes"]

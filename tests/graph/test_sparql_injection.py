"""Values that would break a SPARQL string stay data through every write and read path.

The store's writes (a first write, a replace by DROP + INSERT DATA) and the actor lookups are
fed sentences, mention texts, triggers, locations and actor ids made of SPARQL syntax; the
records must read back exactly, and the other documents must be untouched.
"""

from __future__ import annotations

import pytest

from extract.records import ActorRef
from graph import ActorNotFound, KnowledgeGraph
from graph.iris import document_iri
from tests.graph.builders import doc, rec

PAYLOADS = [
    'x" } ; DROP ALL ; #',
    "x' } } ; CLEAR ALL ; #",
    '"""} ; DELETE WHERE { GRAPH ?g { ?s ?p ?o } } #',
    "> } ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "\\\" ; DROP ALL",
    "line\n} DROP ALL ;\r\n#",
]


def _other_graphs(kg: KnowledgeGraph, doc_id: str) -> dict[str, set[str]]:
    return {str(name): {str(q) for q in kg.store.graph_triples(name)}
            for name in kg.store.named_graphs() if name != document_iri(doc_id)}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sparql_syntax_in_records_is_stored_as_data(loaded: KnowledgeGraph, payload: str) -> None:
    others = _other_graphs(loaded, "evil")
    weird = ActorRef(id=f"x-{payload}", label=payload, type="Person", text=payload)
    record = rec("evil", "TUR", "attacks", "SYR", subject_text=payload, trigger=payload, location=payload)
    record = record.model_copy(update={"sentence": payload, "end": len(payload), "object": weird})
    loaded.add_document(doc("evil", payload), [record], extractor_version="test-1")
    assert loaded.document_relations("evil") == [record]
    # a replace goes through DROP GRAPH + INSERT DATA: the same values again, changed a little
    second = record.model_copy(update={"confidence": 0.5})
    loaded.add_document(doc("evil", payload + " again"), [second], extractor_version="test-1")
    assert loaded.document_relations("evil") == [second]
    assert _other_graphs(loaded, "evil") == others
    assert loaded.resolve_actor(f"x-{payload}").label == payload
    loaded.delete_document("evil")
    assert _other_graphs(loaded, "evil") == others
    with pytest.raises(ActorNotFound):
        loaded.resolve_actor(f"x-{payload}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sparql_syntax_in_names_finds_nothing_and_changes_nothing(loaded: KnowledgeGraph, payload: str) -> None:
    before = {str(q) for q in loaded.store.inner}
    with pytest.raises(ActorNotFound):
        loaded.resolve_actor(payload)
    assert loaded.search_actors(payload).total == 0
    assert {str(q) for q in loaded.store.inner} == before

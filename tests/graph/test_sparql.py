"""The store answers SPARQL through rdflib's Dataset (the query in docs/storage.md)."""

from __future__ import annotations

from pathlib import Path

from graph import KnowledgeGraph
from graph.iris import actor_iri
from ontology import GKG, descendants

REPO = Path(__file__).resolve().parents[2]


def _documented_query() -> str:
    text = (REPO / "docs" / "storage.md").read_text(encoding="utf-8")
    return text.split("```sparql\n", 1)[1].split("```", 1)[0]


def test_documented_opposes_query_answers_from_the_store(loaded: KnowledgeGraph) -> None:
    rows = {(r.s, r.type, r.o): int(r.evidence) for r in loaded.store.dataset.query(_documented_query())}
    assert rows == {
        (actor_iri("TUR"), GKG.attacks, actor_iri("islamic-state")): 1,
        (actor_iri("RUS"), GKG.attacks, actor_iri("islamic-state")): 1,
        (actor_iri("recep-tayyip-erdogan"), GKG.accuses, actor_iri("USA")): 1,
        (actor_iri("TUR-GOV"), GKG.rejects, actor_iri("USA")): 1,
    }
    # the documented VALUES list is the ontology's opposes family
    listed = set(_documented_query().split("VALUES ?type {", 1)[1].split("}", 1)[0].split())
    assert listed == {f"gkg:{rt.name}" for rt in descendants("opposes")}


def test_direct_triples_answer_a_plain_pattern(loaded: KnowledgeGraph) -> None:
    query = "SELECT ?o WHERE { GRAPH ?g { ?s <%s> ?o } }" % GKG.supports
    assert [r.o for r in loaded.store.dataset.query(query)] == [actor_iri("SYR")]

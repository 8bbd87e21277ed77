"""Every query in docs/sparql.md runs on the test corpus and answers what the text says."""

from __future__ import annotations

from pathlib import Path

from graph import KnowledgeGraph
from ontology import descendants

DOC = Path(__file__).resolve().parents[2] / "docs" / "sparql.md"


def _queries() -> list[str]:
    return [block.split("```", 1)[0] for block in DOC.read_text(encoding="utf-8").split("```sparql\n")[1:]]


def test_every_documented_query_runs(loaded: KnowledgeGraph) -> None:
    queries = _queries()
    assert len(queries) >= 6
    results = [loaded.sparql(q) for q in queries]
    who, evidence, by_name, per_year, ask, construct, documents = results
    assert [(r[0].value, r[1].value, r[2].value) for r in who.rows] == [
        ("Recep Tayyip Erdoğan", "accuses", "United States"),
        ("Russia", "attacks", "Islamic State"),
        ("Turkey", "attacks", "Islamic State"),
        ("Turkish government", "rejects", "United States"),
    ]
    assert [r[1].value for r in evidence.rows] == ["2016-12-20"]
    assert [r[0].value.rsplit("/", 1)[1] for r in by_name.rows] == ["TUR"]
    assert [(r[0].value, r[1].value, r[2].value) for r in per_year.rows] == [("2016", "1", "1"), ("2017", "2", "1")]
    assert ask.boolean is True
    assert len(construct.triples) == 4
    assert [(r[1].value, r[2].value) for r in documents.rows] == [("d1", "4"), ("d2", "4"), ("d3", "2")]


def test_documented_values_list_is_the_opposes_family() -> None:
    family = {f"gkg:{rt.name}" for rt in descendants("opposes")}
    for query in _queries():
        if "VALUES ?type" in query:
            listed = set(query.split("VALUES ?type {", 1)[1].split("}", 1)[0].split())
            assert listed == family

"""The benchmark's synthetic relation records: valid, varied, skewed, and loadable by ``geokg ingest``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from benchmarks.synthetic import FIRST_DAY, actor_ids, synthetic_records, write_records
from extract.records import RelationRecord
from graph import KnowledgeGraph
from ontology import relation_types


def test_records_are_valid_cover_every_type_and_ten_years() -> None:
    records = [RelationRecord.model_validate(r) for r in synthetic_records(3000)]
    assert len(records) == 3000
    assert {r.relation for r in records} == {t.snake for t in relation_types()}
    dates = [r.date for r in records if r.date is not None]
    assert min(dates) >= FIRST_DAY and max(dates) < FIRST_DAY + dt.timedelta(days=3653)
    assert max(dates) - min(dates) > dt.timedelta(days=3000)
    documents = [r.doc for r in records]
    assert len(set(documents)) == sum(1 for a, b in zip(documents, documents[1:] + [""]) if a != b)  # contiguous


def test_actor_frequencies_are_skewed_like_news() -> None:
    counts = Counter(r["subject"]["id"] for r in synthetic_records(5000))
    counts.update(r["object"]["id"] for r in synthetic_records(5000))
    ids = actor_ids(5000)
    assert counts.most_common(1)[0][0] == ids[0]
    assert counts[ids[0]] > 20 * max(1, counts[ids[len(ids) // 2]])


def test_the_generated_file_ingests_through_the_cli(tmp_path: Path) -> None:
    path = write_records(tmp_path / "records.jsonl", 500)
    store = tmp_path / "store"
    result = CliRunner().invoke(app, ["ingest", "--store", str(store), "--batch", "50", str(path)])
    assert result.exit_code == 0, result.output
    documents = {json.loads(line)["doc"] for line in path.read_text().splitlines()}
    with KnowledgeGraph.open(store) as kg:
        stats = kg.stats()
        assert stats.relations == 500 and stats.documents == len(documents)

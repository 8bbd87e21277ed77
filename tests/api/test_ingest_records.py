"""``geokg ingest`` of relation-record JSONL (what ``geokg extract`` prints), batches and --workers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.ingest import RECORDS_VERSION, ingest_items
from extract.errors import InputError
from extract.readers import RecordGroup, read_ingest_items
from graph import KnowledgeGraph
from tests.api.conftest import CORPUS


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(doc) + "\n" for doc in CORPUS), encoding="utf-8")
    return path


@pytest.fixture
def records_file(runner: CliRunner, corpus_file: Path, tmp_path: Path, extractor) -> Path:
    result = runner.invoke(app, ["extract", str(corpus_file)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "records.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def _projection(store: str) -> dict:
    with KnowledgeGraph.open(store) as kg:
        return kg.projection.snapshot()


def test_records_load_without_extraction_into_the_same_graph(
    runner: CliRunner, corpus_file: Path, records_file: Path, tmp_path: Path
) -> None:
    extracted, loaded = str(tmp_path / "extracted"), str(tmp_path / "loaded")
    assert runner.invoke(app, ["ingest", "--store", extracted, str(corpus_file)]).exit_code == 0
    result = runner.invoke(app, ["ingest", "--store", loaded, str(records_file)])
    assert result.exit_code == 0, result.output
    lines = records_file.read_text().splitlines()
    assert f"({len(lines)} relations)" in result.stdout
    a, b = _projection(extracted), _projection(loaded)
    assert a["edges"] == b["edges"] and a["records"] == b["records"] == len(lines)
    with KnowledgeGraph.open(loaded) as kg:
        documents = {d.id for d in kg.list_documents().items}
        assert documents == {json.loads(line)["doc"] for line in lines}
        stored = [r.model_dump(mode="json") for d in sorted(documents) for r in kg.document_relations(d)]
    assert sorted(map(json.dumps, stored)) == sorted(json.dumps(json.loads(x)) for x in lines)


def test_records_on_stdin_and_documents_in_one_ingest(
    runner: CliRunner, corpus_file: Path, records_file: Path, tmp_path: Path
) -> None:
    text = tmp_path / "extra.txt"
    text.write_text("Iran condemned Israel.", encoding="utf-8")
    store = str(tmp_path / "s")
    result = runner.invoke(app, ["ingest", "--store", store, "-", str(text)], input=records_file.read_text())
    assert result.exit_code == 0, result.output
    assert f"ingested {len(CORPUS) + 1} documents" in result.stdout


def test_workers_option_extracts_with_spacy_processes(runner: CliRunner, corpus_file: Path,
                                                       tmp_path: Path, extractor) -> None:
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    assert runner.invoke(app, ["ingest", "--store", one, str(corpus_file)]).exit_code == 0
    result = runner.invoke(app, ["ingest", "--store", two, "--workers", "2", "--batch", "1", str(corpus_file)])
    assert result.exit_code == 0, result.output
    assert _projection(one) == _projection(two)


def _record_line(doc: str, **changes: object) -> str:
    record = {"doc": doc, "sentence": "Turkey shelled Syria.", "start": 0, "end": 21,
              "subject": {"id": "TUR", "label": "Turkey", "type": "State"}, "relation": "attacks",
              "plover": "ASSAULT", "polarity": "conflict",
              "object": {"id": "SYR", "label": "Syria", "type": "State"}, "confidence": 0.9}
    record.update(changes)
    return json.dumps(record)


@pytest.mark.parametrize(("lines", "message"), [
    ([_record_line("a"), _record_line("b"), _record_line("a")], "line 3: the records of document 'a' are not together"),
    ([_record_line("a"), json.dumps({"id": "x", "text": "Some text."})], "line 2: not a relation record"),
    ([_record_line("a", confidence=7)], "line 1: relation record field 'confidence'"),
    ([_record_line("a"), "{oops"], "line 2: invalid JSON"),
])
def test_bad_record_files_name_the_line(lines: list[str], message: str, runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(read_ingest_items([path]))
    result = runner.invoke(app, ["ingest", "--store", str(tmp_path / "s"), str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert message.split(": ", 1)[1].split(" '")[0] in result.stderr


def test_ingest_items_batches_record_groups_without_an_extractor(tmp_path: Path) -> None:
    lines = [_record_line(f"d{i}", start=i) for i in range(10) for _ in range(2)]
    items = list(read_ingest_items(["-"], stdin=io.BytesIO("\n".join(lines).encode())))
    assert all(isinstance(item, RecordGroup) for item in items) and len(items) == 10

    def no_extractor():  # record groups must never need one
        raise AssertionError("extractor requested")

    with KnowledgeGraph.open(tmp_path / "s") as kg:
        done = list(ingest_items(kg, items, extractor=no_extractor, batch_size=3))
        assert [d.document.id for d in done] == [f"d{i}" for i in range(10)]
        assert kg.stats().relations == 20
        assert RECORDS_VERSION.encode() in kg.export("nquads")

"""The snapshot's layout: header checked first, compact records, summaries built on first access."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from graph import KnowledgeGraph
from graph.document_index import DocumentIndex
from graph.models import DocumentSummary
from graph.projection import Mention
from graph.snapshot import _MAGIC, SNAPSHOT_NAME, code_fingerprint, load_snapshot
from graph.store import open_store
from tests.graph.builders import corpus, doc, rec


def _fill(path: Path) -> tuple[dict, list[DocumentSummary]]:
    with KnowledgeGraph.open(path) as kg:
        for document, records in corpus():
            kg.add_document(document, records, extractor_version="v")
        kg.add_document(doc("dated", date=dt.date(2019, 5, 1), source="VOA"),
                        [rec("dated", "IRN", "attacks", "USA", date=dt.date(2019, 5, 2)),
                         rec("dated", "IRN", "threatens", "USA", date=dt.date(2019, 5, 2))],
                        extractor_version="v")
        return kg.projection.snapshot(), sorted(kg.list_documents().items, key=lambda d: d.id)


def _header(path: Path) -> dict:
    data = (path / SNAPSHOT_NAME).read_bytes()
    assert data.startswith(_MAGIC)
    return pickle.loads(data[len(_MAGIC):])  # the first pickle of the file: the header alone


def test_the_header_comes_first_and_names_the_store_state(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected, documents = _fill(path)
    header = _header(path)
    assert header["fingerprint"] == code_fingerprint()
    assert header["documents"] == len(documents)
    assert header["records"] == expected["records"]
    with open_store(path) as store:
        assert header["generation"] == store.generation()


def _rewrite(path: Path, header: dict, payload: bytes) -> None:
    (path / SNAPSHOT_NAME).write_bytes(_MAGIC + pickle.dumps(header, protocol=5) + payload)


def test_a_stale_header_is_refused_before_the_payload_is_read(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected, _ = _fill(path)
    header = _header(path)
    # A payload that would fail if it were ever unpickled: only the header may be read.
    _rewrite(path, {**header, "generation": "another"}, b"\x80\x05junk that is no pickle")
    with open_store(path) as store:
        assert load_snapshot(store) is None
    with KnowledgeGraph.open(path) as kg:  # rebuilt from the store
        assert kg.projection.snapshot() == expected


def test_a_current_header_with_a_broken_or_inconsistent_payload_means_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected, _ = _fill(path)
    header = _header(path)
    _rewrite(path, header, b"\x80\x05junk that is no pickle")
    with open_store(path) as store:
        assert load_snapshot(store) is None
    _fill(path)  # a fresh snapshot again
    data = (path / SNAPSHOT_NAME).read_bytes()
    header = _header(path)
    payload = data[len(_MAGIC) + len(pickle.dumps(header, protocol=5)):]
    _rewrite(path, {**header, "records": header["records"] + 1}, payload)  # counts disagree
    with open_store(path) as store:
        assert load_snapshot(store) is None
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected


def test_restored_records_are_named_tuples_sharing_strings_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected, documents = _fill(path)
    with open_store(path) as store:
        restored = load_snapshot(store)
    assert restored is not None
    projection, index = restored
    assert projection.snapshot() == expected
    mentions = [m for _, _, data in projection.graph.edges(data=True)
                for per_doc in data["_docs"].values() for m in per_doc]
    assert mentions and all(isinstance(m, Mention) for m in mentions)
    dated = [m for m in mentions if m.doc == "dated"]
    assert {(m.subject, m.relation, m.object, m.date, m.source, m.supported) for m in dated} == {
        ("IRN", "attacks", "USA", dt.date(2019, 5, 2), "VOA", True),
        ("IRN", "threatens", "USA", dt.date(2019, 5, 2), "VOA", True),
    }
    first, second = dated
    assert first.subject is second.subject and first.date is second.date and first.source is second.source
    assert isinstance(index, DocumentIndex)
    assert sorted(index.values(), key=lambda d: d.id) == documents


def test_document_index_builds_summaries_on_first_access_and_keeps_rows() -> None:
    rows = [("b", dt.date(2020, 1, 2), "AFP", 3, 2, "h"), ("a", None, None, 1, 2, None)]
    index = DocumentIndex(rows)
    assert len(index) == 2 and "a" in index and "c" not in index
    assert index.rows() == rows  # nothing built yet: the rows as they came
    assert index["b"] == DocumentSummary(id="b", date=dt.date(2020, 1, 2), source="AFP", relations=3,
                                         actors=2, text_hash="h")
    assert index["b"] is index["b"]  # built once
    index["c"] = DocumentSummary(id="c", relations=0, actors=0)
    del index["a"]
    assert sorted(index) == ["b", "c"]
    assert index.rows() == [rows[0], ("c", None, None, 0, 0, None)]
    assert index.get("a") is None


def test_reopened_graph_answers_like_the_one_that_wrote_the_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "s"
    _fill(path)
    with KnowledgeGraph.open(path) as kg:
        before = (kg.opponents("IRN").model_dump(), kg.list_documents().model_dump(), kg.export("graphml"))
        kg.delete_document("dated")  # a write after a restore: the restored bookkeeping must hold
        after_delete = kg.projection.snapshot()
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == after_delete
    (path / SNAPSHOT_NAME).unlink()
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == after_delete
        kg.add_document(doc("dated", date=dt.date(2019, 5, 1), source="VOA"),
                        [rec("dated", "IRN", "attacks", "USA", date=dt.date(2019, 5, 2)),
                         rec("dated", "IRN", "threatens", "USA", date=dt.date(2019, 5, 2))],
                        extractor_version="v")
    with KnowledgeGraph.open(path) as kg:
        again = (kg.opponents("IRN").model_dump(), kg.list_documents().model_dump(), kg.export("graphml"))
    assert again == before

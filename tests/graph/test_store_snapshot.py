"""The projection snapshot of an on-disk store: used only when provably current."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from graph import KnowledgeGraph
from graph.snapshot import SNAPSHOT_NAME, load_snapshot
from graph.store import open_store
from tests.graph.builders import corpus, doc, rec


def _fill(path: Path) -> dict:
    with KnowledgeGraph.open(path) as kg:
        for document, records in corpus():
            kg.add_document(document, records, extractor_version="v")
        return kg.projection.snapshot()


def _rebuilt(path: Path) -> dict:
    """The projection read back from the store itself (snapshot removed first)."""
    (path / SNAPSHOT_NAME).unlink(missing_ok=True)
    with KnowledgeGraph.open(path) as kg:
        return kg.projection.snapshot()


def test_close_writes_a_snapshot_that_the_next_open_uses(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected = _fill(path)
    assert (path / SNAPSHOT_NAME).is_file()
    with open_store(path) as store:
        restored = load_snapshot(store)
    assert restored is not None
    projection, documents = restored
    assert projection.snapshot() == expected
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected
        assert sorted(kg.list_documents().items, key=lambda d: d.id) == sorted(documents.values(), key=lambda d: d.id)
    assert _rebuilt(path) == expected


def test_writes_after_reopening_are_in_the_next_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "s"
    _fill(path)
    with KnowledgeGraph.open(path) as kg:
        kg.add_document(doc("late"), [rec("late", "IRN", "attacks", "USA")], extractor_version="v")
        kg.delete_document("d1")
        expected = kg.projection.snapshot()
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected
        assert "d1" not in {d.id for d in kg.list_documents().items}
    assert _rebuilt(path) == expected


def test_a_stale_snapshot_is_never_used(tmp_path: Path) -> None:
    path = tmp_path / "s"
    _fill(path)
    old = (path / SNAPSHOT_NAME).read_bytes()
    with KnowledgeGraph.open(path) as kg:  # a session that changes the store ...
        kg.delete_document("d2")
        expected = kg.projection.snapshot()
    (path / SNAPSHOT_NAME).write_bytes(old)  # ... whose snapshot is lost (a crash before close)
    with open_store(path) as store:
        assert load_snapshot(store) is None
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected
        assert "d2" not in {d.id for d in kg.list_documents().items}


def test_a_crash_after_a_write_leaves_the_old_snapshot_unused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    _fill(path)
    kg = KnowledgeGraph.open(path)
    kg.delete_document("d3")
    expected = kg.projection.snapshot()
    kg._snapshot_trusted = False  # as after a failure: close releases the store without saving
    kg.close()
    with KnowledgeGraph.open(path) as again:
        assert again.projection.snapshot() == expected


@pytest.mark.parametrize("content", [b"", b"not a snapshot", b"geokg-projection-snapshot/1\n\x80\x04junk"])
def test_an_unreadable_snapshot_means_a_rebuild(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "s"
    expected = _fill(path)
    (path / SNAPSHOT_NAME).write_bytes(content)
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected


def test_a_snapshot_naming_other_callables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    expected = _fill(path)

    class Boom:
        def __reduce__(self) -> tuple:
            return (print, ("a snapshot ran code",))

    (path / SNAPSHOT_NAME).write_bytes(b"geokg-projection-snapshot/1\n" + pickle.dumps(Boom()))
    with open_store(path) as store:
        assert load_snapshot(store) is None
    with KnowledgeGraph.open(path) as kg:
        assert kg.projection.snapshot() == expected


def test_memory_store_keeps_no_snapshot(tmp_path: Path) -> None:
    with KnowledgeGraph.open("memory") as kg:
        kg.add_document(doc("a"), [rec("a", "TUR", "attacks", "SYR")], extractor_version="v")
        assert load_snapshot(kg.store) is None

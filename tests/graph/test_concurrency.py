"""Writers and readers in threads (as FastAPI runs sync routes) see a consistent graph."""

from __future__ import annotations

import threading

from graph import KnowledgeGraph
from tests.graph.builders import doc, load, rec


def test_concurrent_writes_and_reads_keep_the_projection_consistent() -> None:
    errors: list[BaseException] = []
    with KnowledgeGraph.open("memory") as kg:
        load(kg)

        def writer(prefix: str) -> None:
            try:
                for i in range(30):
                    doc_id = f"{prefix}{i % 5}"
                    kg.add_document(doc(doc_id), [rec(doc_id, "USA", "sanctions", "IRN"),
                                                  rec(doc_id, "IRN", "aids", "SYR", start=30 + i)],
                                    extractor_version="v")
                    if i % 3 == 0:
                        kg.delete_document(doc_id)
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

        def reader() -> None:
            try:
                for _ in range(30):
                    kg.opponents("USA")
                    kg.allies("SYR")
                    kg.relation_pairs(type="opposes")
                    kg.search_actors("i")
                    kg.paths("USA", "SYR")
                    kg.export("graphml")
                    kg.list_documents()
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(p,)) for p in ("a", "b")]
        threads += [threading.Thread(target=reader) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert kg.projection.snapshot() == KnowledgeGraph(kg.store).projection.snapshot()
        assert kg.stats().documents == len(kg.store.named_graphs())

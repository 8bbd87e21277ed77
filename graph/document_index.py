"""The document index of a knowledge graph: document id → :class:`~graph.models.DocumentSummary`.

A store of a million relations holds about a hundred thousand documents. Building a
pydantic summary for each when a snapshot is restored costs seconds that the first query
never needs, so :class:`DocumentIndex` keeps the restored summaries as plain rows and
builds each one on first access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, MutableMapping
from sys import intern

from graph.models import DocumentSummary

SummaryRow = tuple[str, "dt.date | None", "str | None", int, int, "str | None"]
"""(id, date, source, relations, actors, text hash): a summary as plain values."""


def summary_row(summary: DocumentSummary) -> SummaryRow:
    """A summary as a plain row (its publisher interned, so a snapshot writes each name once).

    >>> summary_row(DocumentSummary(id="d1", relations=2, actors=3))
    ('d1', None, None, 2, 3, None)
    """
    source = intern(summary.source) if summary.source else summary.source
    return (summary.id, summary.date, source, summary.relations, summary.actors, summary.text_hash)


def summary_of_row(row: SummaryRow) -> DocumentSummary:
    """The summary a row holds (built without validation: rows come from valid summaries)."""
    doc_id, date, source, relations, actors, hash_ = row
    return DocumentSummary.model_construct(id=doc_id, date=date, source=source, relations=relations,
                                           actors=actors, text_hash=hash_)


class DocumentIndex(MutableMapping[str, DocumentSummary]):
    """Document summaries by id, each built from its row on first access.

    Examples
    --------
    >>> index = DocumentIndex([("d1", None, "VOA", 2, 3, None)])
    >>> index["d1"].source, len(index), "d2" in index
    ('VOA', 1, False)
    >>> index["d2"] = DocumentSummary(id="d2", relations=1, actors=2)
    >>> [row[0] for row in index.rows()]
    ['d1', 'd2']
    """

    __slots__ = ("_items",)

    def __init__(self, rows: Iterable[SummaryRow] = ()) -> None:
        self._items: dict[str, DocumentSummary | SummaryRow] = {row[0]: row for row in rows}

    def __getitem__(self, doc_id: str) -> DocumentSummary:
        item = self._items[doc_id]
        if isinstance(item, tuple):
            item = summary_of_row(item)
            self._items[doc_id] = item
        return item

    def __setitem__(self, doc_id: str, summary: DocumentSummary) -> None:
        self._items[doc_id] = summary

    def __delitem__(self, doc_id: str) -> None:
        del self._items[doc_id]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def rows(self) -> list[SummaryRow]:
        """Every summary as a row, without building the ones not yet read."""
        return [item if isinstance(item, tuple) else summary_row(item) for item in self._items.values()]

    def __repr__(self) -> str:
        return f"DocumentIndex({len(self)} documents)"

"""A projection snapshot beside an on-disk store, so a large graph opens in seconds.

Reading every document back with SPARQL takes minutes at a million relations. Instead,
when a knowledge graph on a directory store closes after changes, its projection and
document index are written to ``<store>/geokg-projection.snapshot`` (atomically: a
temporary file renamed over the old one). Opening the store uses the snapshot only when
it is provably current:

- its *generation* token equals the store's (the store writes a fresh token, in the
  store itself, before the first write of every session; a snapshot saved for an older
  token, or a session that ended without saving, leaves them different);
- its *code fingerprint* equals the running geokg's (a hash of the sources of the graph
  modules that shape the projection, and the Python and networkx versions), so a snapshot
  written by other code is never read;
- it unpickles with a restricted unpickler that only builds plain containers, dates,
  counters, the projection's own classes and networkx's graph classes: a tampered file
  cannot name any other callable (no functions, no ``getattr``, no ``os``).

The file is the magic line, then two pickle streams (protocol 5): a small header
(generation, fingerprint, counts), checked before anything else is read, so a stale
snapshot costs next to nothing; then the projection and the document summaries as
plain rows. The projection's records are named tuples with interned strings and shared
dates, so the pickle writes each actor id, type, publisher and day once and restores
records without calling Python code per field; the cyclic garbage collector is paused
while it loads (it would otherwise walk the growing heap again and again), and document
summaries are built on first access (:class:`graph.document_index.DocumentIndex`).

Anything else (missing, stale, foreign, unreadable) means the projection is rebuilt from
the store, and a fresh snapshot is saved at close. Nothing writing to the store outside
geokg bumps the token: delete the snapshot file after such a write (or let geokg write to
the store once).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.document_index import DocumentIndex, summary_row
from graph.errors import StoreError
from graph.models import DocumentSummary
from graph.projection import Projection
from graph.store import GraphStore

SNAPSHOT_NAME = "geokg-projection.snapshot"
"""File name of the snapshot inside an on-disk store's directory."""

_MAGIC = b"geokg-projection-snapshot/2\n"

_ALLOWED_BUILTINS = frozenset({
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "dict"), ("builtins", "list"),
    ("builtins", "tuple"), ("collections", "Counter"), ("collections", "defaultdict"),
    ("collections", "OrderedDict"), ("datetime", "date"), ("datetime", "datetime"),
})
_ALLOWED_MODULES = ("graph.projection", "graph.filters", "graph.models")
_ALLOWED_PACKAGES = ("networkx.classes.",)


class _RestrictedUnpickler(pickle.Unpickler):
    """Builds only whitelisted classes (pickle's documented way to restrict globals)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_BUILTINS:
            return super().find_class(module, name)
        allowed = module in _ALLOWED_MODULES or module.startswith(_ALLOWED_PACKAGES)
        public = not name.startswith("_") or (module, name) == ("graph.projection", "_NodeShare")
        if allowed and public and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"snapshot names {module}.{name}, which it may not")


def restricted_loads(data: bytes) -> Any:
    """Unpickle ``data`` building only the classes a snapshot may hold (else ``UnpicklingError``)."""
    return _RestrictedUnpickler(io.BytesIO(data)).load()


_LAYOUT_MODULES = ("projection.py", "filters.py", "models.py", "load.py", "rdf.py", "iris.py", "store.py",
                   "snapshot.py", "document_index.py")
"""The graph modules that decide what a snapshot holds and how it is laid out."""


@cache
def code_fingerprint() -> str:
    """Hash of what decides the projection's layout: those modules' sources and the versions.

    Examples
    --------
    >>> len(code_fingerprint())
    64
    """
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]} networkx {nx.__version__}".encode())
    package = Path(__file__).parent
    for name in _LAYOUT_MODULES:
        path = package / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def snapshot_path(store: GraphStore) -> Path | None:
    """Where the snapshot of ``store`` lives (None for a store that keeps none: memory, remote)."""
    return Path(store.spec) / SNAPSHOT_NAME if store.persistent else None


def save_snapshot(
    store: GraphStore, projection: Projection, documents: Mapping[str, DocumentSummary]
) -> Path | None:
    """Write the snapshot of an on-disk store's projection, atomically.

    The store's generation token is read (a fresh one is written when the store has
    none yet) and recorded in the snapshot.

    Returns
    -------
    Path or None
        The snapshot file; None for a store that keeps no snapshot.

    Raises
    ------
    StoreError
        When the file cannot be written (the old snapshot, if any, is left as it was).
    """
    path = snapshot_path(store)
    if path is None:
        return None
    generation = store.generation() or store.new_generation()  # type: ignore[attr-defined]
    header = {"generation": generation, "fingerprint": code_fingerprint(), "documents": len(documents),
              "records": projection.records, "saved": dt.datetime.now(dt.timezone.utc).isoformat()}
    if isinstance(documents, DocumentIndex):
        rows = documents.rows()
    else:
        rows = [summary_row(s) for s in documents.values()]
    payload = (projection, rows)
    try:
        store.flush()  # the token must be on disk before a snapshot refers to it
        handle, temporary = tempfile.mkstemp(prefix=".snapshot-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC)
                pickle.dump(header, out, protocol=5)
                pickle.dump(payload, out, protocol=5)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError) as exc:
        raise StoreError(f"cannot write the projection snapshot {path}: {exc}") from exc
    return path


def load_snapshot(store: GraphStore) -> tuple[Projection, DocumentIndex] | None:
    """The projection and document index saved for this very store state, or None.

    None when the store keeps no snapshot, the file is missing, unreadable or foreign,
    or it was saved for another generation of the store or by other code. Never raises
    for a bad snapshot: the caller then rebuilds from the store.
    """
    path = snapshot_path(store)
    if path is None or not path.is_file():
        return None
    generation = store.generation()
    if generation is None:
        return None
    try:
        with path.open("rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC:
                return None
            data = handle.read()
        stream = io.BytesIO(data)
        header = _RestrictedUnpickler(stream).load()
        if not isinstance(header, dict) or header.get("generation") != generation:
            return None
        if header.get("fingerprint") != code_fingerprint():
            return None
        collecting = gc.isenabled()
        gc.disable()  # millions of new containers: the collector would rescan them over and over
        try:
            projection, rows = _RestrictedUnpickler(stream).load()  # a second pickle: its own memo
        finally:
            if collecting:
                gc.enable()
        if not isinstance(projection, Projection) or projection.records != header.get("records"):
            return None
        documents = DocumentIndex(rows)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError,
            pickle.UnpicklingError):
        return None
    if len(documents) != header.get("documents"):
        return None
    return projection, documents


def discard_snapshot(store: GraphStore) -> None:
    """Remove the store's snapshot file, if any (the next open rebuilds from the store)."""
    path = snapshot_path(store)
    if path is not None:
        path.unlink(missing_ok=True)

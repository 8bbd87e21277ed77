"""Open the RDF store behind a knowledge graph: an rdflib ``Dataset`` on Oxigraph.

A store spec is either ``"memory"`` (Oxigraph in memory, gone when closed) or a
directory path (Oxigraph on disk, created when missing). Both go through
oxrdflib's ``OxigraphStore`` so the in-memory and on-disk graphs share one
engine, one SPARQL implementation and the same transactional writes; rdflib's
pure-Python ``Memory`` store would behave differently exactly where tests should
catch problems (atomic replace, SPARQL).

Writes that must be all-or-nothing go straight to the pyoxigraph store, whose
``extend`` and ``update`` each run in one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from graph.errors import StoreError

MEMORY = "memory"
"""The store spec of a throwaway in-memory graph."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]


def _to_ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store RDF term {term!r}")


def _from_ox_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # RDF 1.1 simple literal: rdflib spells it without a datatype
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"cannot read RDF term {term!r}")


class GraphStore:
    """An open store: the rdflib ``Dataset`` plus the transactional writes the graph needs.

    Build one with :func:`open_store`; call :meth:`close` (or use ``with``) to release it.
    """

    def __init__(self, spec: str, inner: ox.Store) -> None:
        self.spec = spec
        self._inner: ox.Store | None = inner
        self._dataset: Dataset | None = Dataset(store=OxigraphStore(store=inner))
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ access
    @property
    def dataset(self) -> Dataset:
        """The rdflib ``Dataset`` over the store (named graph per document)."""
        if self._dataset is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._dataset

    @property
    def inner(self) -> ox.Store:
        if self._inner is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._inner

    @property
    def closed(self) -> bool:
        return self._inner is None

    # ------------------------------------------------------------------ reads
    def named_graphs(self) -> list[URIRef]:
        """IRIs of every non-empty named graph, sorted."""
        try:
            names = [g.value for g in self.inner.named_graphs() if isinstance(g, ox.NamedNode)]
        except OSError as exc:
            raise StoreError(f"cannot read store {self.spec!r}: {exc}") from exc
        return sorted(URIRef(n) for n in names)

    def graph_triples(self, graph: URIRef) -> list[Triple]:
        """Every triple of one named graph (empty when it does not exist)."""
        try:
            quads = self.inner.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
            return [
                (_from_ox_term(q.subject), _from_ox_term(q.predicate), _from_ox_term(q.object))
                for q in quads
            ]
        except OSError as exc:
            raise StoreError(f"cannot read store {self.spec!r}: {exc}") from exc

    def iter_graphs(self) -> Iterator[tuple[URIRef, list[Triple]]]:
        """Each named graph with its triples, one graph at a time (bounded memory)."""
        for name in self.named_graphs():
            yield name, self.graph_triples(name)

    def __len__(self) -> int:
        """Number of quads in the store (all graphs)."""
        return len(self.inner)

    def dump(self, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
        """Serialise the store with Oxigraph's own writers.

        ``turtle``: the union of all named graphs (duplicates merged); ``trig`` and
        ``nquads``: every graph kept.

        Raises
        ------
        StoreError
            For another format or when the store cannot be read.
        """
        try:
            if fmt == "turtle":
                union = self.inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
                return ox.serialize(union, format=ox.RdfFormat.TURTLE, prefixes=prefixes or {})
            if fmt == "trig":
                return self.inner.dump(format=ox.RdfFormat.TRIG, prefixes=prefixes or {})
            if fmt == "nquads":
                return self.inner.dump(format=ox.RdfFormat.N_QUADS)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot serialise store {self.spec!r} as {fmt}: {exc}") from exc
        raise StoreError(f"the store cannot write {fmt!r} itself")

    # ------------------------------------------------------------------ writes
    def replace_graph(self, graph: URIRef, triples: Sequence[Triple]) -> bool:
        """Make ``graph`` hold exactly ``triples``, in one transaction.

        A graph that does not exist yet is written with one transactional ``extend``;
        an existing one is dropped and rewritten by a single SPARQL update, which
        Oxigraph applies atomically: either the new graph is there or the old one is.
        A graph that already holds exactly these triples is left alone.

        Returns
        -------
        bool
            False when the graph already held exactly these triples (nothing written).

        Raises
        ------
        StoreError
            For a term Oxigraph rejects (nothing is written) or a failed write.
        """
        try:
            name = ox.NamedNode(str(graph))
            quads = [
                ox.Quad(_to_ox_term(s), _to_ox_term(p), _to_ox_term(o), name) for s, p, o in triples
            ]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph}: invalid RDF term ({exc}); nothing was written") from exc
        with self._lock:
            try:
                if not self.inner.contains_named_graph(name):
                    self.inner.extend(quads)
                    return True
                if set(self.inner.quads_for_pattern(None, None, None, name)) == set(quads):
                    return False
                body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
                self.inner.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
                return True
            except (OSError, SyntaxError, ValueError) as exc:
                raise StoreError(f"cannot write graph {graph} to store {self.spec!r}: {exc}") from exc

    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph and all its triples, in one transaction."""
        with self._lock:
            try:
                self.inner.update(f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}")
            except (OSError, SyntaxError) as exc:
                raise StoreError(f"cannot delete graph {graph} from store {self.spec!r}: {exc}") from exc

    # ------------------------------------------------------------------ lifecycle
    def flush(self) -> None:
        """Write pending data of an on-disk store to disk (a no-op in memory)."""
        if self._inner is not None and self.spec != MEMORY:
            try:
                self._inner.flush()
            except OSError as exc:
                raise StoreError(f"cannot flush store {self.spec!r}: {exc}") from exc

    def close(self) -> None:
        """Release the store; an on-disk store can then be opened again. Idempotent."""
        if self._inner is None:
            return
        self.flush()
        if self._dataset is not None:
            self._dataset.close()
        self._dataset = None
        self._inner = None  # dropping the last reference releases the on-disk lock

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(spec: str | Path = MEMORY) -> GraphStore:
    """Open (creating if needed) the store named by ``spec``.

    Parameters
    ----------
    spec
        ``"memory"`` for a throwaway in-memory Oxigraph store, or the path of a
        directory holding an on-disk Oxigraph store (created when missing).

    Returns
    -------
    GraphStore
        The open store; close it to release the directory.

    Raises
    ------
    StoreError
        When the path is not a directory, cannot be created, or is held by another
        open store.

    Examples
    --------
    >>> with open_store("memory") as store:
    ...     len(store)
    0
    """
    text = str(spec).strip()
    if not text:
        raise StoreError("empty store spec: give 'memory' or a directory path")
    if text == MEMORY:
        return GraphStore(MEMORY, ox.Store())
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise StoreError(f"cannot open store at {str(path)!r}: it is a file, not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
        inner = ox.Store(str(path))
    except OSError as exc:
        reason = str(exc)
        if "lock" in reason.lower():
            reason = "it is already open (another process or KnowledgeGraph holds its lock)"
        raise StoreError(f"cannot open store at {str(path)!r}: {reason}") from exc
    return GraphStore(str(path), inner)


"""Open the RDF store behind a knowledge graph, through one interface for every backend.

A store spec names one of three backends:

``"memory"``
    Oxigraph in memory, gone when closed.
a directory path
    Oxigraph on disk (the default), created when missing.
``sparql+http://host:port/path`` (or ``sparql+https://...``)
    A remote SPARQL 1.1 endpoint (Oxigraph server, Apache Jena Fuseki, QLever ...)
    reached through rdflib's ``SPARQLUpdateStore``; see :mod:`graph.remote`.

The two embedded backends go through oxrdflib's ``OxigraphStore`` so the in-memory and
on-disk graphs share one engine, one SPARQL implementation and the same transactional
writes. Writes that must be all-or-nothing go straight to the pyoxigraph store, whose
``extend`` and ``update`` each run in one transaction.

An embedded store also keeps a *generation* token, one triple in the default graph
(documents live only in named graphs, so the default graph is free for bookkeeping; it
is left out of ``len`` and the exports): a fresh token is written before the first write
of every session, so a projection snapshot saved for an older token is known to be stale
(:mod:`graph.snapshot`).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from graph.errors import StoreError

MEMORY = "memory"
"""The store spec of a throwaway in-memory graph."""

REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
"""Prefixes of a store spec naming a remote SPARQL 1.1 endpoint."""

STORE_NODE = URIRef("urn:geokg:store")
"""Subject of the store's bookkeeping triples (in the default graph)."""

GENERATION = URIRef("urn:geokg:generation")
"""Predicate of the generation token."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]

_NAMED_CACHE: dict[str, ox.NamedNode] = {}

FLUSH_EVERY_QUADS = 100_000
"""An on-disk store flushes after this many written quads: RocksDB's in-memory tables otherwise
keep growing during a bulk ingest (measured: 611 MB instead of 324 MB resident after 20k relations)."""


BULK_MAX_QUADS = 500_000
"""Most quads one bulk-load step writes. Oxigraph's bulk loader adds the index files it builds in one
atomic RocksDB ingestion per call (checked by killing loads: only whole calls are ever found); a step
stays well under its one-million-quad work unit and always holds whole graphs."""


def _named(iri: str) -> ox.NamedNode:
    cached = _NAMED_CACHE.get(iri)
    if cached is None:
        if len(_NAMED_CACHE) > 200_000:
            _NAMED_CACHE.clear()
        cached = _NAMED_CACHE[iri] = ox.NamedNode(str(iri))
    return cached


def _to_ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = type(term)
    if kind is URIRef:  # the common cases first: IRIs repeat a lot, keep their Oxigraph twins
        return _named(term)
    if kind is Literal:
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = term.datatype
        return ox.Literal(str(term)) if datatype is None else ox.Literal(str(term), datatype=_named(datatype))
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


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """The rdflib twin of a pyoxigraph term (an ``xsd:string`` literal becomes a plain literal).

    Raises
    ------
    StoreError
        For anything else than an IRI, a blank node or a literal.

    Examples
    --------
    >>> rdflib_term(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
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


def lexical_rows(rows: Iterable[Sequence[object]], width: int) -> Iterator[tuple[str | None, ...]]:
    """The rows of a SPARQL SELECT result as the lexical values of their first ``width`` terms,
    in query order; None where a variable is unbound.

    The one reading of SELECT rows both backends' ``select`` use: ``rows`` are pyoxigraph
    ``QuerySolution`` s (embedded stores) or rdflib ``ResultRow`` s (:mod:`graph.remote`), both
    indexed by position. An IRI gives the IRI, a literal its lexical form (without language or
    datatype), a blank node its label.

    Raises
    ------
    StoreError
        For a value that is not an IRI, a literal or a blank node.

    Examples
    --------
    >>> list(lexical_rows([(ox.NamedNode("https://example.org/a"), None, ox.Literal("3", language="en"))], 3))
    [('https://example.org/a', None, '3')]
    >>> list(lexical_rows([(URIRef("https://example.org/a"), None, Literal(3), BNode("b0"))], 4))
    [('https://example.org/a', None, '3', 'b0')]
    """
    columns = range(width)
    for row in rows:  # pyoxigraph terms inline: this reads every row of the projection when a store opens
        yield tuple([None if (term := row[i]) is None else term.value if type(term) in _OX_TERMS  # type: ignore[attr-defined]
                     else _lexical(term) for i in columns])


_OX_TERMS = frozenset({ox.NamedNode, ox.BlankNode, ox.Literal})


def _lexical(term: object) -> str:
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value  # str() would give the N-Triples spelling
    if isinstance(term, (URIRef, BNode, Literal)):
        return str(term)  # rdflib's str() is the lexical form
    raise StoreError(f"cannot read RDF term {term!r}")


def ntriples_term(term: Node) -> str:
    """The N-Triples spelling of an rdflib term (for SPARQL updates).

    Raises
    ------
    StoreError
        For a term that is not a valid IRI, blank node or literal.

    Examples
    --------
    >>> ntriples_term(Literal("no", lang="en")), ntriples_term(URIRef("https://example.org/a"))
    ('"no"@en', '<https://example.org/a>')
    """
    try:
        return str(_to_ox_term(term))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"invalid RDF term {term!r} ({exc})") from exc


class GraphStore:
    """What every backend offers the knowledge graph: named graphs read and written whole.

    Build one with :func:`open_store`; call :meth:`close` (or use ``with``) to release it.
    Subclasses: :class:`EmbeddedStore` (Oxigraph in memory or on disk) and
    :class:`graph.remote.RemoteStore` (a SPARQL 1.1 endpoint).
    """

    spec: str
    persistent: bool = False
    """Whether a projection snapshot may be kept beside the store (an on-disk store)."""

    @property
    def dataset(self) -> Dataset:  # pragma: no cover - interface
        """The rdflib ``Dataset`` over the store (named graph per document)."""
        raise NotImplementedError

    @property
    def closed(self) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def select(self, query: str) -> Iterator[tuple[str | None, ...]]:  # pragma: no cover - interface
        """Rows of a SPARQL SELECT, each the lexical values of its variables in query order."""
        raise NotImplementedError

    def named_graphs(self) -> list[URIRef]:  # pragma: no cover - interface
        """IRIs of every non-empty document graph, sorted."""
        raise NotImplementedError

    def graph_triples(self, graph: URIRef) -> list[Triple]:  # pragma: no cover - interface
        """Every triple of one named graph (empty when it does not exist)."""
        raise NotImplementedError

    def iter_graphs(self) -> Iterator[tuple[URIRef, list[Triple]]]:
        """Each named graph with its triples, one graph at a time (bounded memory)."""
        for name in self.named_graphs():
            yield name, self.graph_triples(name)

    def __len__(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def dump(self, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:  # pragma: no cover
        """Serialise the store (``turtle``: union of the graphs; ``trig``, ``nquads``: every graph)."""
        raise NotImplementedError

    def replace_graph(self, graph: URIRef, triples: Sequence[Triple]) -> bool:  # pragma: no cover
        """Make ``graph`` hold exactly ``triples``, all or nothing; False when it already did."""
        raise NotImplementedError

    def replace_graphs(self, items: Sequence[tuple[URIRef, Sequence[Triple]]]) -> list[bool]:
        """:meth:`replace_graph` for several graphs; each graph is still written all or nothing.

        Backends may write many graphs in one transaction. When a write fails, the graphs
        before the failing one are stored and the error is raised.
        """
        return [self.replace_graph(graph, triples) for graph, triples in items]

    def write_graphs(self, items: Sequence[tuple[URIRef, bytes]], *, bulk: bool = False) -> list[bool]:
        """:meth:`replace_graphs` for graphs already spelled as N-Quads (the fast write path).

        Each item is a graph IRI and the N-Quads (UTF-8) of every quad it must hold, all in
        that graph (:func:`graph.rdf.document_nquads`). ``bulk`` lets a backend write many new
        graphs its fastest way, each graph still all or nothing.

        Returns
        -------
        list[bool]
            For each graph, whether it was written (False: it already held these quads).

        Raises
        ------
        StoreError
            For text that is not N-Quads (nothing of that graph is written) or a failed write.
        """
        return [self.replace_graph(graph, [(rdflib_term(q.subject), rdflib_term(q.predicate),
                                            rdflib_term(q.object)) for q in _parse(graph, text)])
                for graph, text in items]

    def drop_graph(self, graph: URIRef) -> None:  # pragma: no cover - interface
        """Remove a named graph and all its triples, in one transaction."""
        raise NotImplementedError

    def generation(self) -> str | None:
        """The store's generation token (None where geokg keeps none: never written, or remote)."""
        return None

    def flush(self) -> None:
        """Write pending data to disk (a no-op where there is nothing to flush)."""

    def close(self) -> None:  # pragma: no cover - interface
        """Release the store. Idempotent."""
        raise NotImplementedError

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _nquads(quads: Sequence[ox.Quad]) -> bytes:
    return "".join(f"{quad} .\n" for quad in quads).encode("utf-8")


def _parse(graph: URIRef, text: bytes) -> list[ox.Quad]:
    """The quads of one graph's N-Quads; a StoreError when it is not N-Quads of that graph only."""
    try:
        quads = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot write graph {graph}: invalid N-Quads ({exc}); nothing was written") from exc
    name = _named(str(graph))
    if any(quad.graph_name != name for quad in quads):
        raise StoreError(f"cannot write graph {graph}: a quad belongs to another graph; nothing was written")
    return quads


def _generation_update(token: str) -> str:
    return (f"DELETE WHERE {{ <{STORE_NODE}> <{GENERATION}> ?t }} ;\n"
            f"INSERT DATA {{ <{STORE_NODE}> <{GENERATION}> \"{token}\" }}")


def _dump_quads(quads: Iterator[ox.Quad], fmt: ox.RdfFormat, prefixes: dict[str, str] | None) -> bytes:
    if fmt == ox.RdfFormat.N_QUADS:
        return ox.serialize(quads, format=fmt)
    return ox.serialize(quads, format=fmt, prefixes=prefixes or {})


class EmbeddedStore(GraphStore):
    """Oxigraph in this process, in memory or on disk: the rdflib ``Dataset`` plus transactional writes."""

    def __init__(self, spec: str, inner: ox.Store) -> None:
        self.spec = spec
        self.persistent = spec != MEMORY
        self._inner: ox.Store | None = inner
        self._dataset: Dataset | None = Dataset(store=OxigraphStore(store=inner))
        self._lock = threading.RLock()
        self._default = ox.DefaultGraph()
        self._fresh = False
        self._unflushed = 0

    # ------------------------------------------------------------------ access
    @property
    def dataset(self) -> Dataset:
        """The rdflib ``Dataset`` over the store (named graph per document)."""
        if self._dataset is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._dataset

    @property
    def inner(self) -> ox.Store:
        """The pyoxigraph store itself."""
        if self._inner is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._inner

    @property
    def closed(self) -> bool:
        return self._inner is None

    # ------------------------------------------------------------------ reads
    def select(self, query: str) -> Iterator[tuple[str | None, ...]]:
        """Rows of a SPARQL SELECT, each the lexical values of its variables in query order.

        Raises
        ------
        StoreError
            When the query fails.
        """
        try:
            solutions = self.inner.query(query)
            yield from lexical_rows(solutions, len(solutions.variables))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot query store {self.spec!r}: {exc}") from exc

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
                (rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object))
                for q in quads
            ]
        except OSError as exc:
            raise StoreError(f"cannot read store {self.spec!r}: {exc}") from exc

    def __len__(self) -> int:
        """Number of quads in the store (all named graphs; the bookkeeping triple left out)."""
        meta = sum(1 for _ in self.inner.quads_for_pattern(None, None, None, self._default))
        return len(self.inner) - meta

    def dump(self, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
        """Serialise the store with Oxigraph's own writers.

        ``turtle``: the union of all named graphs (duplicates merged); ``trig`` and
        ``nquads``: every named graph kept (the default graph's bookkeeping left out).

        Raises
        ------
        StoreError
            For another format or when the store cannot be read.
        """
        try:
            if fmt == "turtle":
                union = self.inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
                return ox.serialize(union, format=ox.RdfFormat.TURTLE, prefixes=prefixes or {})
            formats = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
            if fmt in formats:
                quads = (q for q in self.inner if q.graph_name != self._default)
                return _dump_quads(quads, formats[fmt], prefixes)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot serialise store {self.spec!r} as {fmt}: {exc}") from exc
        raise StoreError(f"the store cannot write {fmt!r} itself")

    # ------------------------------------------------------------------ writes
    def _quads(self, graph: URIRef, triples: Sequence[Triple]) -> tuple[ox.NamedNode, list[ox.Quad]]:
        try:
            name = ox.NamedNode(str(graph))
            return name, [ox.Quad(_to_ox_term(s), _to_ox_term(p), _to_ox_term(o), name) for s, p, o in triples]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph}: invalid RDF term ({exc}); nothing was written") from exc

    def _first_write(self) -> None:
        if not self._fresh:
            self.new_generation()

    def generation(self) -> str | None:
        """The store's generation token (None in a store geokg has never written)."""
        for quad in self.inner.quads_for_pattern(
            ox.NamedNode(str(STORE_NODE)), ox.NamedNode(str(GENERATION)), None, self._default
        ):
            return quad.object.value
        return None

    def new_generation(self) -> str:
        """Write and return a fresh generation token (done before the first write of a session)."""
        token = uuid.uuid4().hex
        with self._lock:
            try:
                self.inner.update(_generation_update(token))
            except (OSError, SyntaxError, ValueError) as exc:
                raise StoreError(f"cannot write store {self.spec!r}: {exc}") from exc
            self._fresh = True
        return token

    def _written(self, quads: int) -> None:
        self._unflushed += quads
        if self._unflushed >= FLUSH_EVERY_QUADS:
            self._unflushed = 0
            self.flush()

    def _write(self, graph: URIRef, name: ox.NamedNode, quads: list[ox.Quad]) -> bool:
        self._written(len(quads))
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
        _, quads = self._quads(graph, triples)
        return self.write_graphs([(graph, _nquads(quads))])[0]

    def replace_graphs(self, items: Sequence[tuple[URIRef, Sequence[Triple]]]) -> list[bool]:
        """Several graphs at once: the new ones in one transaction, the others one by one.

        Every graph is still all or nothing: when the shared transaction fails, nothing of
        it was written and the graphs are retried one at a time, so the error names the
        graph at fault and the graphs before it are stored.

        Returns
        -------
        list[bool]
            For each graph, whether it was written (False: it already held these triples).

        Raises
        ------
        StoreError
            For an invalid term or a failed write (the graphs before it are stored).
        """
        converted: list[tuple[URIRef, bytes]] = []
        for graph, triples in items:
            try:
                converted.append((graph, _nquads(self._quads(graph, triples)[1])))
            except StoreError:
                break  # write what comes before it, then report it below
        done = self.write_graphs(converted)
        if len(converted) < len(items):
            graph, triples = items[len(converted)]
            self._quads(graph, triples)  # raises the StoreError naming it
        return done

    def write_graphs(self, items: Sequence[tuple[URIRef, bytes]], *, bulk: bool = False) -> list[bool]:
        """Make each graph hold exactly its quads: new graphs together, the others one by one.

        The graphs that do not exist yet are written together: with one transactional
        load, or, with ``bulk`` on an on-disk store, with Oxigraph's bulk loader, which builds
        the index files aside and adds them to the store in one atomic step (at most
        :data:`BULK_MAX_QUADS` quads a step, whole graphs each), several times faster.
        Either way a graph is all or nothing, after a failure or a crash alike. When that
        write fails, the graphs are written one at a time, so an error names the graph at
        fault and the graphs before it are stored. A graph that already exists is replaced
        by one atomic SPARQL update, or left alone when it already holds exactly its quads.

        Parameters
        ----------
        items
            Each graph's IRI and the N-Quads (UTF-8) of every quad it must hold, all in that
            graph, with valid IRIs (as :func:`graph.rdf.document_nquads` spells them: the bulk
            path does not check them again).
        bulk
            Use the bulk loader for the new graphs of an on-disk store.

        Returns
        -------
        list[bool]
            For each graph, whether it was written (False: it already held these quads).

        Raises
        ------
        StoreError
            For text that is not N-Quads or a failed write (the graphs before it are stored).
        """
        with self._lock:
            self._first_write()
            names = [_named(str(graph)) for graph, _ in items]
            fresh = len(set(names)) == len(names) and not any(self.inner.contains_named_graph(n) for n in names)
            done: list[bool] = []
            if fresh and items:
                try:
                    if bulk and self.persistent:
                        self._bulk([text for _, text in items])
                    else:
                        batch = b"".join(text for _, text in items)
                        self.inner.load(batch, format=ox.RdfFormat.N_QUADS)
                        self._written(batch.count(b"\n"))
                    done = [True] * len(items)
                except (OSError, SyntaxError, ValueError):
                    done = []  # the failed step wrote nothing: retry graph by graph below
            if not done:
                done = [self._write(graph, name, _parse(graph, text)) for (graph, text), name in zip(items, names)]
        return done

    def _bulk(self, graphs: Sequence[bytes]) -> None:
        """Bulk-load whole graphs, in steps of at most :data:`BULK_MAX_QUADS` quads (each atomic).

        The loader runs lenient (IRIs not re-validated: a fifth less CPU): the text comes from
        :func:`graph.rdf.document_nquads`, whose IRIs are percent-quoted ids under fixed prefixes,
        or from pyoxigraph's own quads, validated when they were made.
        """
        step: list[bytes] = []
        size = 0
        for text in graphs:
            lines = text.count(b"\n")
            if step and size + lines > BULK_MAX_QUADS:
                self.inner.bulk_load(b"".join(step), format=ox.RdfFormat.N_QUADS, lenient=True)
                step, size = [], 0
            step.append(text)
            size += lines
        if step:
            self.inner.bulk_load(b"".join(step), format=ox.RdfFormat.N_QUADS, lenient=True)

    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph and all its triples, in one transaction."""
        with self._lock:
            self._first_write()
            try:
                self.inner.update(f"DROP SILENT GRAPH {ox.NamedNode(str(graph))}")
            except (OSError, SyntaxError) as exc:
                raise StoreError(f"cannot delete graph {graph} from store {self.spec!r}: {exc}") from exc

    # ------------------------------------------------------------------ lifecycle
    def flush(self) -> None:
        """Write pending data of an on-disk store to disk (a no-op in memory)."""
        if self._inner is not None and self.persistent:
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


def open_store(spec: str | Path = MEMORY) -> GraphStore:
    """Open (creating if needed) the store named by ``spec``.

    Parameters
    ----------
    spec
        ``"memory"`` for a throwaway in-memory Oxigraph store, the path of a directory
        holding an on-disk Oxigraph store (created when missing), or
        ``sparql+http://host:port/path`` for a remote SPARQL 1.1 endpoint
        (see :func:`graph.remote.open_remote`).

    Returns
    -------
    GraphStore
        The open store; close it to release the directory.

    Raises
    ------
    StoreError
        When the path is not a directory, cannot be created, or is held by another
        open store; when the remote endpoint cannot be reached.

    Examples
    --------
    >>> with open_store("memory") as store:
    ...     len(store)
    0
    """
    text = str(spec).strip()
    if not text:
        raise StoreError("empty store spec: give 'memory', a directory path or sparql+http://host:port/path")
    if text == MEMORY:
        return EmbeddedStore(MEMORY, ox.Store())
    if text.startswith(REMOTE_SCHEMES):
        from graph.remote import open_remote

        return open_remote(text)
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
    return EmbeddedStore(str(path), inner)

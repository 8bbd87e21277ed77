"""A remote SPARQL 1.1 endpoint as a geokg store, through rdflib's ``SPARQLUpdateStore``.

For when one machine is not enough: point geokg at an Oxigraph server, Apache Jena
Fuseki, QLever (with its update support) or any SPARQL 1.1 Query + Update service.

Store spec::

    sparql+http://HOST:PORT/PATH[#update=URL]

The query endpoint is ``http://HOST:PORT/PATH`` (``sparql+https`` gives ``https``). The
update endpoint is ``URL`` when given after ``#update=``; otherwise the same URL with a
final ``/query`` replaced by ``/update`` (Oxigraph: ``/query`` and ``/update``; Fuseki:
``/ds/query`` and ``/ds/update``), or the very same URL when the path does not end in
``/query`` (Fuseki also answers both at ``/ds``).

Every document graph is written by one SPARQL update request (``DROP SILENT GRAPH``
followed by ``INSERT DATA``); a SPARQL 1.1 server applies one request atomically, so a
document is still all or nothing. There is no projection snapshot for a remote store:
its projection is read back with four SELECTs when it opens.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from http.client import HTTPException
from urllib.error import URLError
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.plugins.stores.sparqlconnector import SPARQLConnectorException
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import ResultException

from graph.errors import StoreError
from graph.store import REMOTE_SCHEMES, GraphStore, Triple, _to_ox_term, lexical_rows, ntriples_term

_ERRORS = (URLError, OSError, ValueError, HTTPException, SPARQLConnectorException, ResultException)


def endpoints(spec: str) -> tuple[str, str]:
    """The query and update endpoint URLs a ``sparql+http(s)://`` store spec names.

    Raises
    ------
    StoreError
        When the spec is not a ``sparql+http(s)://host/path`` URL.

    Examples
    --------
    >>> endpoints("sparql+http://127.0.0.1:7878/query")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> endpoints("sparql+https://kg.example.org/ds#update=https://kg.example.org/ds/update")
    ('https://kg.example.org/ds', 'https://kg.example.org/ds/update')
    """
    if not spec.startswith(REMOTE_SCHEMES):
        raise StoreError(f"not a remote store spec: {spec!r} (expected sparql+http://host:port/path)")
    url, _, fragment = spec[len("sparql+"):].partition("#")
    parts = urlsplit(url)
    if not parts.hostname:
        raise StoreError(f"remote store spec {spec!r} names no host")
    update = ""
    if fragment:
        key, _, value = fragment.partition("=")
        if key != "update" or not value.startswith(("http://", "https://")):
            raise StoreError(f"remote store spec {spec!r}: after '#' give update=http(s)://... or nothing")
        update = value
    if not update:
        update = url[: -len("/query")] + "/update" if parts.path.endswith("/query") else url
    return url, update


class RemoteStore(GraphStore):
    """A SPARQL 1.1 endpoint behind the :class:`~graph.store.GraphStore` interface."""

    def __init__(self, spec: str, query_url: str, update_url: str) -> None:
        self.spec = spec
        self.persistent = False
        self.query_url = query_url
        self.update_url = update_url
        self._sparql: SPARQLUpdateStore | None = SPARQLUpdateStore(
            query_endpoint=query_url, update_endpoint=update_url, autocommit=True, context_aware=True
        )
        self._dataset: Dataset | None = Dataset(store=self._sparql)
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ access
    @property
    def sparql(self) -> SPARQLUpdateStore:
        if self._sparql is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._sparql

    @property
    def dataset(self) -> Dataset:
        """The rdflib ``Dataset`` over the endpoint."""
        if self._dataset is None:
            raise StoreError(f"store {self.spec!r} is closed")
        return self._dataset

    @property
    def closed(self) -> bool:
        return self._sparql is None

    def _failed(self, action: str, exc: BaseException) -> StoreError:
        reason = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        return StoreError(f"cannot {action} remote store {self.spec!r}: {reason}")

    # ------------------------------------------------------------------ reads
    def select(self, query: str) -> Iterator[tuple[str | None, ...]]:
        """Rows of a SPARQL SELECT sent to the endpoint, as lexical values in query order.

        Raises
        ------
        StoreError
            When the endpoint cannot be reached or refuses the query.
        """
        try:
            result = self.sparql.query(query)
            rows = list(lexical_rows(result, len(result.vars or [])))  # type: ignore[arg-type]
        except _ERRORS as exc:
            raise self._failed("query", exc) from exc
        yield from rows

    def ask_alive(self) -> None:
        """Check that the endpoint answers a trivial query.

        Raises
        ------
        StoreError
            When it does not.
        """
        list(self.select("SELECT ?x WHERE { VALUES ?x { 1 } }"))

    def named_graphs(self) -> list[URIRef]:
        """IRIs of every non-empty named graph, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(URIRef(g) for (g,) in rows if g)

    def graph_triples(self, graph: URIRef) -> list[Triple]:
        """Every triple of one named graph (empty when it does not exist)."""
        try:
            result = self.sparql.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {ntriples_term(graph)} {{ ?s ?p ?o }} }}")
            return [(row[0], row[1], row[2]) for row in result]  # type: ignore[index,misc]
        except StoreError:
            raise
        except _ERRORS as exc:
            raise self._failed("read", exc) from exc

    def __len__(self) -> int:
        """Number of quads in the named graphs."""
        rows = list(self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0][0] or 0) if rows else 0

    def dump(self, fmt: str, *, prefixes: dict[str, str] | None = None) -> bytes:
        """Serialise the endpoint's named graphs (``turtle``: their union; ``trig``, ``nquads``).

        Raises
        ------
        StoreError
            For another format or a failed read.
        """
        formats = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
        if fmt not in formats:
            raise StoreError(f"the store cannot write {fmt!r} itself")
        try:
            result = self.sparql.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
            rows = [(row[0], row[1], row[2], row[3]) for row in result]  # type: ignore[index,misc]
            if fmt == "turtle":
                items: object = list({ox.Triple(_to_ox_term(s), _to_ox_term(p), _to_ox_term(o))
                                      for _, s, p, o in rows})
            else:
                items = [ox.Quad(_to_ox_term(s), _to_ox_term(p), _to_ox_term(o), _to_ox_term(g))
                         for g, s, p, o in rows]
            if fmt == "nquads":
                return ox.serialize(items, format=formats[fmt])
            return ox.serialize(items, format=formats[fmt], prefixes=prefixes or {})
        except StoreError:
            raise
        except _ERRORS as exc:
            raise self._failed("read", exc) from exc

    # ------------------------------------------------------------------ writes
    def _update(self, request: str, *, action: str) -> None:
        try:
            self.sparql.update(request)
        except _ERRORS as exc:
            raise self._failed(action, exc) from exc

    def replace_graph(self, graph: URIRef, triples: Sequence[Triple]) -> bool:
        """Make ``graph`` hold exactly ``triples`` with one update request (atomic on the server).

        Returns
        -------
        bool
            False when the graph already held exactly these triples (nothing written).

        Raises
        ------
        StoreError
            For an invalid term (nothing is sent) or a failed request.
        """
        try:
            lines = [f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} ." for s, p, o in triples]
            name = ntriples_term(graph)
        except StoreError as exc:
            raise StoreError(f"cannot write graph {graph}: {exc}; nothing was written") from exc
        with self._lock:
            current = self.graph_triples(graph)
            if current and {_key(t) for t in current} == {_key(t) for t in triples}:
                return False
            body = "\n".join(lines)
            self._update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}",
                         action=f"write graph {graph} to")
            return True

    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph and all its triples (one update request)."""
        with self._lock:
            self._update(f"DROP SILENT GRAPH {ntriples_term(graph)}", action=f"delete graph {graph} from")

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Forget the endpoint (the server keeps the data). Idempotent."""
        if self._sparql is None:
            return
        self._sparql.close()
        self._sparql = None
        self._dataset = None


def _key(triple: Triple) -> tuple[str, str, str]:
    return tuple(ntriples_term(term) for term in triple)  # type: ignore[return-value]


def open_remote(spec: str) -> RemoteStore:
    """Connect to the SPARQL 1.1 endpoint a ``sparql+http(s)://`` spec names and check it answers.

    Raises
    ------
    StoreError
        For a malformed spec or an endpoint that does not answer a query.
    """
    query_url, update_url = endpoints(spec)
    store = RemoteStore(spec, query_url, update_url)
    try:
        store.ask_alive()
    except StoreError:
        store.close()
        raise
    return store

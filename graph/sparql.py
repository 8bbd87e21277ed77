"""Read-only SPARQL 1.1 queries over the store, with a time limit and a result-size limit.

A request is evaluated only through Oxigraph's ``Store.query``, which accepts the SPARQL
query grammar alone: an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``,
``CREATE``, ``ADD``, ``MOVE``, ``COPY``) cannot run through it. When Oxigraph refuses the
text, rdflib's SPARQL Update parser decides whether it was an update (refused:
:class:`UpdateRefused`) or not SPARQL at all (:class:`MalformedQuery`).

Default graph: the union of every named graph (each document's graph), so that a query
without ``GRAPH`` sees the whole knowledge graph; ``GRAPH ?g`` still reaches each document.
Protocol ``default-graph-uri`` / ``named-graph-uri`` values, when given, replace that.

Time limit: the query runs in a worker thread; the caller gets :class:`QueryTimeout` when
the limit passes. The worker stops at its next solution; one step Oxigraph cannot interrupt
(a large aggregate) runs to its end in the background, so at most :data:`MAX_RUNNING`
queries run at once in a process and further ones are refused as busy after a second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral

import pyoxigraph as ox

from graph.errors import GraphError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

MAX_RUNNING = 4
"""Queries evaluated at the same time in one process (timed-out ones count until they stop)."""


class SparqlError(GraphError):
    """Base class of the errors a SPARQL request can meet."""


class MalformedQuery(SparqlError, ValueError):
    """The text is neither a SPARQL query nor a SPARQL update."""


class UpdateRefused(SparqlError, PermissionError):
    """The text is a SPARQL update (or LOAD, CLEAR, DROP ...): the endpoint is query-only."""


class ServiceRefused(SparqlError, PermissionError):
    """The query calls another endpoint (``SERVICE``): the endpoint makes no outside requests."""


class QueryTimeout(SparqlError, TimeoutError):
    """The query did not finish within its time limit (or too many queries are running)."""


@dataclass(slots=True)
class SparqlResult:
    """The answer of one query.

    ``kind`` is ``"solutions"`` (SELECT: ``variables`` and ``rows``), ``"boolean"`` (ASK:
    ``boolean``) or ``"graph"`` (CONSTRUCT / DESCRIBE: ``triples``). ``truncated`` is True
    when the result had more than the limit of rows or triples and was cut there.
    """

    kind: TypingLiteral["solutions", "boolean", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False


_running = threading.BoundedSemaphore(MAX_RUNNING)


def is_update(text: str) -> bool:
    """Whether ``text`` parses as a SPARQL 1.1 Update request (rdflib's parser; nothing runs).

    Examples
    --------
    >>> is_update("DROP ALL")
    True
    >>> is_update("SELECT * WHERE { ?s ?p ?o }")
    False
    """
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # pyparsing's ParseException and friends: not an update
        return False
    return True


def _walk_for(node: object, name: str, depth: int = 0) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 200:
        return True  # absurdly deep: treat as suspect
    if isinstance(node, CompValue):
        if node.name == name:
            return True
        return any(_walk_for(value, name, depth + 1) for value in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_walk_for(value, name, depth + 1) for value in node)  # type: ignore[union-attr]
    return False


def uses_service(text: str) -> bool:
    """Whether a query calls another endpoint (``SERVICE``), decided on rdflib's parse tree.

    Oxigraph would send such a query to any URL it names, so the endpoint refuses it. When
    rdflib cannot parse a query Oxigraph accepts, any ``SERVICE`` word counts.

    Examples
    --------
    >>> uses_service("SELECT * WHERE { SERVICE <http://127.0.0.1:8080/> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" }')
    False
    """
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:  # not parseable by rdflib: be conservative
        return "service" in text.lower()
    return _walk_for(tree, "ServiceGraphPattern")


def _isolated(check: Callable[[str], bool], text: str) -> bool:
    """Run a check built on rdflib's parser in a thread of its own.

    pyparsing leaves reference cycles that hold the calling frames until the garbage
    collector runs; a frame holding the store would keep an on-disk store locked after
    ``close()``. A fresh thread's frames hold nothing but the text.
    """
    answer: list[bool] = []
    helper = threading.Thread(target=lambda: answer.append(check(text)), name="geokg-sparql-parse", daemon=True)
    helper.start()
    helper.join()
    return bool(answer and answer[0])


def _graph_names(iris: Sequence[str], what: str) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as exc:
        raise MalformedQuery(f"invalid {what}: {exc}") from None


def _evaluate(
    store: ox.Store,
    query: str,
    *,
    limit: int,
    deadline: float,
    stop: threading.Event,
    default_graphs: list[ox.NamedNode],
    named_graphs: list[ox.NamedNode] | None,
) -> SparqlResult:
    if _isolated(uses_service, query):
        raise ServiceRefused("federated queries (SERVICE) are refused: this endpoint makes no requests "
                             "to other endpoints")
    options: dict[str, object] = {}
    if default_graphs:
        options["default_graph"] = default_graphs
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs is not None:
        options["named_graphs"] = named_graphs
    answer = store.query(query, **options)  # type: ignore[arg-type]  # SyntaxError for updates
    try:
        return _collect(answer, limit=limit, deadline=deadline, stop=stop)
    finally:
        del answer  # dropped in the worker thread that made it


def _collect(
    answer: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples, *, limit: int, deadline: float,
    stop: threading.Event,
) -> SparqlResult:
    if isinstance(answer, ox.QueryBoolean):
        return SparqlResult(kind="boolean", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        result = SparqlResult(kind="solutions", variables=names)
        for solution in answer:
            if stop.is_set() or time.monotonic() > deadline:
                raise QueryTimeout("expired")
            if len(result.rows) == limit:
                result.truncated = True
                break
            result.rows.append(tuple(solution[name] for name in names))
        return result
    result = SparqlResult(kind="graph")
    for triple in answer:
        if stop.is_set() or time.monotonic() > deadline:
            raise QueryTimeout("expired")
        if len(result.triples) == limit:
            result.truncated = True
            break
        result.triples.append(triple)
    return result


def run_query(
    store: ox.Store,
    query: str,
    *,
    timeout: float,
    limit: int,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
) -> SparqlResult:
    """Evaluate a read-only SPARQL query on ``store``.

    Parameters
    ----------
    store
        The Oxigraph store (only ``Store.query`` is called on it).
    query
        The SPARQL 1.1 query text.
    timeout
        Seconds the query may take.
    limit
        Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) returned; more are cut off and
        the result marked ``truncated``.
    default_graph_uris, named_graph_uris
        The protocol's dataset: graphs forming the default graph (the union of all named
        graphs when empty) and the graphs ``GRAPH`` may reach (all when empty).

    Returns
    -------
    SparqlResult

    Raises
    ------
    UpdateRefused
        For an update request: nothing is run.
    MalformedQuery
        For text that is not SPARQL (the message is the parser's).
    QueryTimeout
        When the limit passes, or when :data:`MAX_RUNNING` queries are already running.

    Examples
    --------
    >>> store = ox.Store()
    >>> g = ox.NamedNode("https://example.org/g")
    >>> store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
    ...                   ox.Literal("x"), g))
    >>> run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", timeout=5, limit=10).rows
    [(<Literal value=x datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>,)]
    """
    if not isinstance(query, str) or not query.strip():
        raise MalformedQuery("empty query: give a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    if timeout <= 0 or limit < 1:
        raise MalformedQuery("the time limit and the result limit must be positive")
    default_graphs = _graph_names(default_graph_uris, "default-graph-uri")
    named = _graph_names(named_graph_uris, "named-graph-uri") if named_graph_uris else None

    # only the worker holds the store, and only while it runs: an error travelling up with its
    # traceback (frames and their locals) must not keep an on-disk store locked after close()
    holder = [store]
    del store
    slot = _running
    if not slot.acquire(timeout=min(timeout, 1.0)):
        raise QueryTimeout("too many SPARQL queries are running; try again shortly")
    deadline = time.monotonic() + timeout
    stop = threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = _evaluate(holder[0], query, limit=limit, deadline=deadline, stop=stop,
                                          default_graphs=default_graphs, named_graphs=named)
        except BaseException as exc:  # handed to the caller below
            # without its traceback: the frames hold Oxigraph's result iterator, which must be
            # dropped in this thread (pyoxigraph's iterators are not sendable between threads)
            outcome["error"] = exc.with_traceback(None)
        finally:
            holder.clear()
            slot.release()

    worker = threading.Thread(target=work, name="geokg-sparql", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive() or isinstance(outcome.get("error"), QueryTimeout):
        stop.set()
        raise QueryTimeout(f"the query took longer than its time limit of {timeout:g} s")
    error = outcome.get("error")
    if isinstance(error, SparqlError):
        raise error
    if isinstance(error, SyntaxError):
        if _isolated(is_update, query):
            raise UpdateRefused("SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, "
                                "COPY) are refused: the graph answers read-only queries")
        raise MalformedQuery(f"malformed SPARQL query: {error}") from None
    if isinstance(error, OSError):
        from graph.errors import StoreError

        raise StoreError(f"cannot read the store: {error}") from None
    if error is not None:
        raise error  # type: ignore[misc]
    result = outcome["result"]
    assert isinstance(result, SparqlResult)
    return result


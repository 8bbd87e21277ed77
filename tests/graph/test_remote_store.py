"""The remote backend against a real Oxigraph server (``oxigraph serve`` from the ``oxigraph`` package).

The server runs on 127.0.0.1 on a free port with its data in a temporary directory;
the tests skip with the reason when the ``oxigraph`` executable is not installed or the
server does not start.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef

from graph import KnowledgeGraph
from graph.errors import StoreError
from graph.remote import RemoteStore, endpoints
from graph.store import open_store
from tests.graph.builders import doc, rec

G1 = URIRef("https://w3id.org/geokg/doc/g1")
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def _oxigraph_executable() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a fresh Oxigraph server (module scope: started once)."""
    executable = _oxigraph_executable()
    if executable is None:
        pytest.skip("the 'oxigraph' server executable is not installed (pip install oxigraph; dev extra)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            if process.poll() is not None:
                reason = process.stderr.read().decode(errors="replace")[:300] if process.stderr else ""
                pytest.skip(f"oxigraph serve did not start: {reason}")
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.skip("oxigraph serve did not answer within 30 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture()
def spec(server: str) -> Iterator[str]:
    """The store spec of the server, emptied before each test."""
    request = urllib.request.Request(f"{server}/update", data=b"update=DROP%20ALL", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    urllib.request.urlopen(request, timeout=10).close()
    yield f"sparql+{server}/query"


def test_spec_names_the_query_and_update_endpoints() -> None:
    assert endpoints("sparql+http://h:1/ds/query") == ("http://h:1/ds/query", "http://h:1/ds/update")
    assert endpoints("sparql+http://h:1/ds") == ("http://h:1/ds", "http://h:1/ds")
    with pytest.raises(StoreError, match="after '#'"):
        endpoints("sparql+http://h:1/ds#query=x")
    with pytest.raises(StoreError, match="no host"):
        endpoints("sparql+http:///ds")


def test_unreachable_endpoint_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot query remote store"):
        open_store(f"sparql+http://127.0.0.1:{_free_port()}/query")


def test_remote_store_writes_replaces_and_drops_graphs(spec: str) -> None:
    with open_store(spec) as store:
        assert isinstance(store, RemoteStore)
        assert len(store) == 0
        assert store.replace_graph(G1, [(S, P, Literal("old")), (S, P, Literal(2))]) is True
        assert store.replace_graph(G1, [(S, P, Literal(2)), (S, P, Literal("old"))]) is False
        assert store.replace_graph(G1, [(S, P, Literal('new "quoted"\nline', lang="en"))]) is True
        assert store.graph_triples(G1) == [(S, P, Literal('new "quoted"\nline', lang="en"))]
        assert store.named_graphs() == [G1] and len(store) == 1
        store.drop_graph(G1)
        assert store.named_graphs() == []


def test_invalid_term_sends_nothing(spec: str) -> None:
    with open_store(spec) as store:
        store.replace_graph(G1, [(S, P, Literal("kept"))])
        with pytest.raises(StoreError, match="nothing was written"):
            store.replace_graph(G1, [(S, P, Literal("new")), (URIRef("not an iri"), P, Literal("x"))])
        assert store.graph_triples(G1) == [(S, P, Literal("kept"))]


def test_knowledge_graph_on_a_remote_store_matches_the_embedded_one(spec: str) -> None:
    documents = {
        "d1": [rec("d1", "TUR", "attacks", "SYR"), rec("d1", "RUS", "cooperates_with", "SYR")],
        "d2": [rec("d2", "USA", "attacks", "IRN", speaker="TUR", modality="reported")],
    }
    with KnowledgeGraph.open(spec) as remote, KnowledgeGraph.open("memory") as local:
        for doc_id, records in documents.items():
            for kg in (remote, local):
                kg.add_document(doc(doc_id), records, extractor_version="v")
        assert remote.opponents("TUR") == local.opponents("TUR")
        assert "SYR" in remote.graph["TUR"]
        assert remote.projection.snapshot() == local.projection.snapshot()
        assert remote.document_relations("d2") == local.document_relations("d2")
        remote.delete_document("d1")
        local.delete_document("d1")
        assert remote.stats().triples == local.stats().triples
    # a second client opening the same endpoint reads the projection back from the server
    with KnowledgeGraph.open(spec) as again, KnowledgeGraph.open("memory") as local:
        local.add_document(doc("d2"), documents["d2"], extractor_version="v")
        assert again.projection.snapshot() == local.projection.snapshot()
        assert sorted(d.id for d in again.list_documents().items) == ["d2"]
        exported = again.export("nquads")
        assert exported.count(b"\n") == again.stats().triples


def test_select_rows_read_alike_on_both_backends(spec: str) -> None:
    """Both backends read SELECT rows through graph.store.lexical_rows: the same lexical values,
    None for an unbound variable, in the query's variable order."""
    triples = [(S, P, Literal("plain")), (S, P, Literal("oui", lang="fr")), (S, P, Literal(3)),
               (S, URIRef("https://example.org/q"), URIRef("https://example.org/o")),
               (S, URIRef("https://example.org/b"), BNode("b0"))]
    query = ("SELECT ?o ?p ?unbound WHERE { GRAPH ?g { ?s ?p ?o } "
             "OPTIONAL { ?s <https://example.org/none> ?unbound } } ORDER BY ?p ?o")
    with open_store(spec) as remote, open_store("memory") as local:
        for store in (remote, local):
            store.replace_graph(G1, triples)
        rows, remote_rows = list(local.select(query)), list(remote.select(query))
    blank = "https://example.org/b"
    assert [r for r in remote_rows if r[1] != blank] == [r for r in rows if r[1] != blank] == [
        ("3", str(P), None), ("oui", str(P), None), ("plain", str(P), None),
        ("https://example.org/o", "https://example.org/q", None)]
    for found in (rows, remote_rows):  # a blank node's label is each store's own, never spelled _:label
        [(label, _, unbound)] = [r for r in found if r[1] == blank]
        assert label and not label.startswith("_:") and unbound is None

"""Benchmark ``query``: the real HTTP server (uvicorn, sockets) under concurrent clients.

Each question is asked by ``clients`` threads at once, each with its own keep-alive
connection, ``requests`` times in all (fewer when a phase exceeds its time budget; the
table gives the sample count); actors are drawn with the corpus's own skew (half
from the 20 most mentioned actors, half from all). Fields (milliseconds):
``opponents_p50_ms``, ``opponents_p99_ms``, ``path_p50_ms``, ``path_p99_ms``, ``ego_p99_ms``
(``/actors/{id}/network``) and ``sparql_opponents_p50_ms``: the same opponents question as
one SPARQL query sent to the server's ``/sparql`` endpoint, which runs it on the store.

Before the timed phases, the first request of each kind is timed alone on the fresh
server (the cold cost: the first query after start-up or after a write builds the
filtered view and what derives from it); those figures go to ``run.json`` (``cold_*_ms``).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import load_average, percentile, print_table, served, write_result
from benchmarks.synthetic import actor_ids
from graph.iris import actor_iri
from graph.sparql import MAX_RUNNING
from ontology import descendants

SPARQL_RESULTS_JSON = "application/sparql-results+json"
TIMEOUT_S = 120.0


def opponents_sparql(actor: str) -> str:
    """The opponents question in SPARQL: actors in a supported ``opposes`` relation with ``actor``.

    Weight = number of documents, as the projection counts it.
    """
    properties = " ".join(f"<{t.iri}>" for t in descendants("opposes"))
    me = f"<{actor_iri(actor)}>"
    return (
        f"SELECT ?other (COUNT(DISTINCT ?g) AS ?weight) WHERE {{ VALUES ?p {{ {properties} }} "
        f"GRAPH ?g {{ {{ {me} ?p ?other }} UNION {{ ?other ?p {me} }} }} FILTER(?other != {me}) }} "
        f"GROUP BY ?other ORDER BY DESC(?weight)"
    )


def _timed_phase(base: str, make_request: Callable[[random.Random], tuple[str, str, dict[str, Any]]],
                 *, clients: int, requests: int, seed: int, budget_s: float = 90.0) -> list[float]:
    latencies: list[float] = []
    deadline = time.perf_counter() + budget_s
    failures: list[str] = []
    timeouts: list[str] = []
    guard = threading.Lock()
    per_client = max(1, requests // clients)

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        with httpx.Client(base_url=base, timeout=TIMEOUT_S) as http:
            for _ in range(per_client):
                if time.perf_counter() > deadline:
                    break  # a slow question gets fewer samples, not an unbounded run
                method, path, options = make_request(rng)
                started = time.perf_counter()
                try:
                    response = http.request(method, path, **options)
                except httpx.TimeoutException:
                    with guard:  # counted at the timeout: the latency is at least that
                        latencies.append((time.perf_counter() - started) * 1000)
                        timeouts.append(path)
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with guard:
                    latencies.append(elapsed)
                    if response.status_code not in (200, 404):
                        failures.append(f"{path}: {response.status_code} {response.text[:200]}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{len(failures)} failed requests, first: {failures[0]}")
    if timeouts:
        print(f"  {len(timeouts)} requests timed out after {TIMEOUT_S} s (counted at {TIMEOUT_S} s), "
              f"e.g. {timeouts[0]}")
    return latencies


def _cold_costs(base: str, top: list[str], ids: list[str]) -> dict[str, float]:
    """Time the first request of each kind on a fresh server, one at a time (the warm-up).

    The first query after start-up, like the first after a write, builds the filtered view
    of the projection and the structures derived from it; the first unknown name loads the
    bundled actor dictionary. Each is timed here, before the timed phases, and reported in
    ``run.json`` (``cold_*_ms``), not in ``query.json``.
    """
    requests = {
        "opponents": ("GET", f"/actors/{top[0]}/opponents", {}),
        "path": ("GET", "/paths", {"params": {"source": top[0], "target": top[1]}}),
        "ego": ("GET", f"/actors/{top[0]}/network", {}),
        "unknown_actor": ("GET", "/actors/no-such-actor-zz/opponents", {}),
        "opponents_tail": ("GET", f"/actors/{ids[-1]}/opponents", {}),
    }
    out: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=900) as http:
        for name, (method, path, options) in requests.items():
            started = time.perf_counter()
            response = http.request(method, path, **options)
            out[name] = round((time.perf_counter() - started) * 1000, 1)
            if response.status_code not in (200, 404):
                raise RuntimeError(f"warm-up {path}: {response.status_code} {response.text[:200]}")
    return out


def run_query(store: Path, *, relations: int, clients: int = 8, requests: int = 400) -> dict[str, Any]:
    """Serve ``store``, time the four questions, write ``results/query.json``."""
    ids = actor_ids(relations)
    top = ids[:20]

    def pick(rng: random.Random) -> str:
        return rng.choice(top) if rng.random() < 0.5 else rng.choice(ids)

    def opponents(rng: random.Random) -> tuple[str, str, dict[str, Any]]:
        return "GET", f"/actors/{pick(rng)}/opponents", {}

    def path(rng: random.Random) -> tuple[str, str, dict[str, Any]]:
        source = pick(rng)
        target = pick(rng)
        while target == source:
            target = pick(rng)
        return "GET", "/paths", {"params": {"source": source, "target": target}}

    def ego(rng: random.Random) -> tuple[str, str, dict[str, Any]]:
        return "GET", f"/actors/{pick(rng)}/network", {}

    def sparql(rng: random.Random) -> tuple[str, str, dict[str, Any]]:
        return "POST", "/sparql", {"data": {"query": opponents_sparql(pick(rng))},
                                   "headers": {"Accept": SPARQL_RESULTS_JSON}}

    load = load_average()
    with served(store, first_path="/stats") as (base, _):
        cold = _cold_costs(base, top, ids)
        timings = {
            "opponents": _timed_phase(base, opponents, clients=clients, requests=requests, seed=1),
            "path": _timed_phase(base, path, clients=clients, requests=max(clients, requests // 4), seed=2),
            "ego": _timed_phase(base, ego, clients=clients, requests=requests, seed=3),
            # the server runs at most MAX_RUNNING SPARQL queries at once and answers 503 beyond
            # that (back-pressure, graph/sparql.py): the comparison uses that many clients
            "sparql_opponents": _timed_phase(base, sparql, clients=min(clients, MAX_RUNNING),
                                             requests=max(clients, requests // 4), seed=4),
        }
    fields = {
        "opponents_p50_ms": round(percentile(timings["opponents"], 50), 2),
        "opponents_p99_ms": round(percentile(timings["opponents"], 99), 2),
        "path_p50_ms": round(percentile(timings["path"], 50), 2),
        "path_p99_ms": round(percentile(timings["path"], 99), 2),
        "ego_p99_ms": round(percentile(timings["ego"], 99), 2),
        "sparql_opponents_p50_ms": round(percentile(timings["sparql_opponents"], 50), 2),
    }
    write_result("query", fields)
    rows: list[tuple[str, object]] = []
    for name, values in timings.items():
        rows.append((f"{name} p50 / p99 ms (n={len(values)})",
                     f"{percentile(values, 50):.1f} / {percentile(values, 99):.1f}"))
    rows.append(("clients (SPARQL: at most the server's concurrent queries)", f"{clients} ({min(clients, MAX_RUNNING)})"))
    for name, ms in cold.items():
        rows.append((f"cold: first {name} ms", f"{ms:.1f}"))
    rows.append(("load average before", str(load)))
    rows.append(("load average after", str(load_average())))
    print_table(f"query: HTTP server, {clients} concurrent clients ({relations:,} relations)", rows)
    return {**fields, **{f"cold_{name}_ms": ms for name, ms in cold.items()},
            "clients": clients, "sparql_clients": min(clients, MAX_RUNNING), "load_before": load, "load_after": load_average(),
            "ego_p50_ms": round(percentile(timings["ego"], 50), 2),
            "sparql_opponents_p99_ms": round(percentile(timings["sparql_opponents"], 99), 2)}

"""Benchmark ``startup``: seconds from ``geokg serve`` to the first answered query (``startup_s``).

The query is a real relation query, ``GET /actors/{actor}/opponents`` for the store's most
frequent synthetic actor (the heaviest opponents question), not only ``/stats``: it needs
the projection and builds the default filtered view, so the figure covers everything a
user waits for. Each start is also split into ``listening`` (``/health`` answers: imports,
store opened, projection restored) and the first query itself.

Measured ``repeats`` times on the same store as it is (the projection snapshot written
when the ingest closed the store); the median is ``startup_s``. For context, and only up
to ``rebuild_limit`` relations, once more after deleting the snapshot (the projection read
back from the store with SPARQL; the clean shutdown writes the snapshot again).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from benchmarks.common import load_average, print_table, served, write_result
from benchmarks.synthetic import actor_ids
from graph.snapshot import SNAPSHOT_NAME


def time_startup(store: Path, actor: str, *, timeout: float = 900.0) -> dict[str, float]:
    """Start ``geokg serve`` and time it until ``/health`` answers, then until the opponents of ``actor`` do.

    Returns
    -------
    dict
        ``listening_s`` (``/health`` answered), ``startup_s`` (the opponents answered, 200),
        ``first_query_s`` (the difference) and ``second_query_s`` (the same query again).

    Raises
    ------
    RuntimeError
        When the server stops, does not answer within ``timeout`` seconds, or the query fails
        (an actor the store does not hold answers 404).
    """
    with served(store, first_path="/health", timeout=timeout) as (base, listening), \
            httpx.Client(base_url=base, timeout=timeout) as client:
        path = f"/actors/{quote(actor, safe='')}/opponents"
        began = time.perf_counter()
        answer = client.get(path)
        answered = listening + time.perf_counter() - began
        if answer.status_code != 200:
            raise RuntimeError(f"GET {path} answered {answer.status_code}: {answer.text[:300]}")
        again = time.perf_counter()
        client.get(path).raise_for_status()
        second = time.perf_counter() - again
    return {"listening_s": round(listening, 3), "startup_s": round(answered, 3),
            "first_query_s": round(answered - listening, 3), "second_query_s": round(second, 3)}


def run_startup(store: Path, *, relations: int, rebuild_limit: int = 200_000, repeats: int = 3,
                actor: str | None = None) -> dict[str, Any]:
    """Time ``geokg serve`` until a relation query answers; write ``results/startup.json``.

    ``actor`` defaults to the most frequent actor of the synthetic records
    (:func:`benchmarks.synthetic.actor_ids`).
    """
    actor = actor or actor_ids(relations)[0]
    load = load_average()
    runs = [time_startup(store, actor) for _ in range(repeats)]
    startup = statistics.median(run["startup_s"] for run in runs)
    median = {key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]}
    context: dict[str, Any] = {"startup_s": startup, "actor": actor, "runs": runs, "load": load,
                               "load_after": load_average()}
    rows: list[tuple[str, object]] = [
        (f"startup_s (snapshot; median of {repeats})", startup),
        ("  listening (/health answers)", median["listening_s"]),
        (f"  first GET /actors/{actor}/opponents", median["first_query_s"]),
        ("  the same query again", median["second_query_s"]),
        ("load average before / after", f"{load} / {context['load_after']}"),
    ]
    if relations <= rebuild_limit:
        (store / SNAPSHOT_NAME).unlink(missing_ok=True)
        rebuild = time_startup(store, actor)
        context["rebuild"] = rebuild
        rows.append(("startup_s without snapshot (SPARQL rebuild)", rebuild["startup_s"]))
    write_result("startup", {"startup_s": startup})
    print_table(f"startup: geokg serve -> first answered relation query ({relations:,} relations)", rows)
    return context

"""Benchmark ``startup``: seconds from ``geokg serve`` to the first answered query (``startup_s``).

Measured twice on the same store: as it is (the projection snapshot written when the
ingest closed the store) and, for context, after deleting the snapshot (the projection
read back from the store with SPARQL; skipped above ``rebuild_limit`` relations).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import load_average, print_table, served, write_result
from graph.snapshot import SNAPSHOT_NAME


def top_actor(base: str) -> str:
    """The id of the actor with the most relations (the server's actor list is ordered by it)."""
    page = httpx.get(f"{base}/actors", params={"limit": 1}, timeout=60).json()
    return page["items"][0]["id"]


def run_startup(store: Path, *, relations: int, rebuild_limit: int = 200_000) -> dict[str, Any]:
    """Time ``geokg serve`` until ``/stats`` answers; write ``results/startup.json``."""
    load = load_average()
    with served(store, first_path="/stats") as (_, seconds):
        startup = seconds
    context: dict[str, Any] = {"startup_s": round(startup, 3), "load": load}
    rows: list[tuple[str, object]] = [("startup_s (snapshot)", round(startup, 3)), ("load average", str(load))]
    if relations <= rebuild_limit:
        (store / SNAPSHOT_NAME).unlink(missing_ok=True)
        with served(store, first_path="/stats") as (_, seconds):
            rebuild = seconds
        context["startup_rebuild_s"] = round(rebuild, 3)
        rows.append(("startup_s without snapshot (SPARQL rebuild)", round(rebuild, 3)))
    write_result("startup", {"startup_s": round(startup, 3)})
    print_table(f"startup: geokg serve -> first answered query ({relations:,} relations)", rows)
    return context

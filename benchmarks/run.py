"""Run the benchmarks: ``python -m benchmarks.run`` (what ``make bench`` does).

``BENCH_SCALE=small`` (or ``--scale small``) is the quick run (a few minutes on two
cores); the default full scale ingests a million relations. Each benchmark prints a
table and writes ``benchmarks/results/NAME.json``; ``benchmarks/results/run.json`` keeps
the machine, the load averages and the context figures of the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import RESULTS, load_average, machine

SCALES: dict[str, dict[str, Any]] = {
    "small": {"words": 5_000, "workers": [1], "relations": 5_000, "requests": 96},
    "full": {"words": 100_000, "workers": [1, 2], "relations": 1_000_000, "requests": 800},
}
BENCHMARKS = ("extract", "ingest", "query", "startup", "export")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default=os.environ.get("BENCH_SCALE", "full"))
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS),
                        help="Run only these benchmarks")
    parser.add_argument("--relations", type=int, help="Relations to ingest (overrides the scale)")
    parser.add_argument("--words", type=int, help="Words to extract (overrides the scale)")
    parser.add_argument("--workers", type=int, nargs="+", help="spaCy worker counts for extract, e.g. 1 2")
    parser.add_argument("--corpus", type=Path, help="JSONL corpus for extract "
                                                    "(default ../shared/data/news-benchmark.jsonl)")
    parser.add_argument("--store", type=Path, help="Store directory for ingest/query/startup/export "
                                                   "(default: a temporary one, removed at the end; "
                                                   "an existing store is reused when ingest is not run)")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent HTTP clients for query")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: geokg's)")
    arguments = parser.parse_args(argv)
    if arguments.scale not in SCALES:
        parser.error(f"unknown BENCH_SCALE {arguments.scale!r}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; 0 on success."""
    arguments = _arguments(argv)
    scale = SCALES[arguments.scale]
    relations = arguments.relations or scale["relations"]
    workdir = Path(tempfile.mkdtemp(prefix="geokg-bench-"))
    store = arguments.store or workdir / "store"
    context: dict[str, Any] = {"scale": arguments.scale, "started": dt.datetime.now(dt.timezone.utc).isoformat(),
                               "machine": machine(), "load_at_start": load_average(), "relations": relations}
    started = time.perf_counter()
    try:
        if "extract" in arguments.only:
            from api.settings import Settings
            from benchmarks.extract_speed import run_extract

            context["extract"] = run_extract(words=arguments.words or scale["words"],
                                             workers=arguments.workers or scale["workers"],
                                             corpus=arguments.corpus, model=arguments.model or Settings().spacy_model)
        if "ingest" in arguments.only:
            from benchmarks.ingest_speed import run_ingest

            if store.exists() and arguments.store is not None:
                print(f"ingest: {store} exists; ingesting into it (documents of the same id are replaced)")
            context["ingest"] = run_ingest(store, relations, workdir=workdir)
        needs_store = {"query", "startup", "export"} & set(arguments.only)
        if needs_store and not store.exists():
            print(f"no store at {store}: run ingest too, or give --store", file=sys.stderr)
            return 2
        if "startup" in arguments.only:
            from benchmarks.startup_time import run_startup

            context["startup"] = run_startup(store, relations=relations)
        if "query" in arguments.only:
            from benchmarks.query_speed import run_query

            context["query"] = run_query(store, relations=relations, clients=arguments.clients,
                                         requests=scale["requests"])
        if "export" in arguments.only:
            from benchmarks.export_time import run_export

            context["export"] = run_export(store, workdir=workdir)
    finally:
        if arguments.store is None:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            shutil.rmtree(workdir / "graph.graphml", ignore_errors=True)
    context["seconds"] = round(time.perf_counter() - started, 1)
    context["load_at_end"] = load_average()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "run.json").write_text(json.dumps(context, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nbenchmarks ({arguments.scale}) done in {context['seconds']} s; results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

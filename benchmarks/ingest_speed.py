"""Benchmark ``ingest``: synthetic relation records loaded into the default (on-disk Oxigraph) store.

The records (:mod:`benchmarks.synthetic`) are written to a JSONL file first; the timed part
is the real command, ``geokg ingest --store DIR records.jsonl``, in a child process whose
own peak resident memory the kernel reports (``wait4``). Fields: ``relations``,
``relations_per_s``, ``peak_rss_mb``, ``store_mb``.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks.common import GEOKG, directory_mb, load_average, print_table, write_result
from benchmarks.synthetic import write_records


def run_ingest(store: Path, relations: int, *, workdir: Path, batch: int = 256) -> dict[str, Any]:
    """Generate ``relations`` records, ingest them into ``store`` and write ``results/ingest.json``."""
    records = write_records(workdir / f"records-{relations}.jsonl", relations)
    load_before = load_average()
    started = time.perf_counter()
    process = subprocess.Popen([GEOKG, "ingest", "--store", str(store), "--batch", str(batch), str(records)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    output = process.stdout.read().decode() if process.stdout else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"geokg ingest failed ({process.returncode}): {output[-500:]}")
    fields = {
        "relations": relations,
        "relations_per_s": round(relations / elapsed, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "store_mb": round(directory_mb(store), 1),
    }
    cpu = round(usage.ru_utime + usage.ru_stime, 2)  # the child's own CPU time: less load-dependent than wall
    write_result("ingest", fields)
    print_table(f"ingest: {relations:,} synthetic relations -> {store}", [
        ("relations", relations), ("seconds", round(elapsed, 2)), ("cpu seconds (user+sys)", cpu),
        ("relations_per_s", fields["relations_per_s"]), ("peak_rss_mb", fields["peak_rss_mb"]),
        ("store_mb", fields["store_mb"]), ("load average before", str(load_before)),
        ("load average after", str(load_average())),
    ])
    return {**fields, "seconds": round(elapsed, 2), "cpu_s": cpu, "load_before": load_before, "load_after": load_average()}

"""Extraction benchmark: scores on the hand-written gold set and on PETRARCH2's unit records.

Run from a source checkout::

    python -m benchmarks.eval_extraction [--shared-data DIR] [--errors N] [--model NAME] [--voa]

It prints the score tables (and the first N per-sentence error listings of each set), lists the
relations found in ../shared/data/seed-article.txt, and writes ``benchmarks/results/eval.json``
(scores, every sentence with an error, the seed relations). The PETRARCH2 comparison needs ../shared/data beside the
checkout (or ``--shared-data``); without it that part is skipped with a note. ``--voa`` also scores
the hand-coded real news sentences of ``tests/extract/voa_gold.jsonl``, whose text is read from
``voa_stories.jsonl`` of the shared data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from extract.errors import ExtractError
from extract.evaluation import (
    REPO_GOLD_PATH,
    VOA_STORIES,
    EvalReport,
    error_listing,
    evaluate_gold,
    evaluate_petrarch,
    evaluate_voa,
    format_report,
)

if TYPE_CHECKING:
    from extract.pipeline import Extractor

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
RESULTS = REPO / "benchmarks" / "results" / "eval.json"


def _section(report: EvalReport, errors: int) -> str:
    text = format_report(report)
    if errors:
        text += "\n-- first errors --\n" + error_listing(report, limit=errors)
    return text


def _errors(report: EvalReport) -> list[dict[str, object]]:
    return [
        {"id": r.id, "text": r.text, "false_positives": r.false_positives, "misses": r.misses,
         "wrong_polarity": r.wrong_polarity, "wrong_plover": r.wrong_plover, "negation_missed": r.negation_missed}
        for r in report.results
        if r.has_errors
    ]


def _seed_relations(extractor: Extractor, path: Path) -> list[str]:
    from extract.records import Document

    document = Document(id="seed-article", text=path.read_text(encoding="utf-8"), date=dt.date(2016, 12, 20))
    lines = []
    for r in extractor.extract(document):
        flags = ("NOT " if r.negated else "") + ("" if r.modality == "asserted" else f"[{r.modality}] ")
        lines.append(f"{r.subject.id} {flags}{r.relation} {r.object.id}  ({r.plover}; \"{r.trigger}\")")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_extraction", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=REPO_GOLD_PATH, help="gold JSONL file")
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED, help="directory with petrarch2/")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the Extractor's)")
    parser.add_argument("--errors", type=int, default=0, help="print this many error listings per set")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    parser.add_argument("--voa", action="store_true", help="also score the real news sentences (tests/extract/voa_gold.jsonl)")
    args = parser.parse_args(argv)

    from extract.pipeline import Extractor

    options = {"model": args.model} if args.model else {}
    results: dict[str, object] = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    try:
        extractor = Extractor(**options)
        results["extractor_version"] = getattr(extractor, "version", None)
        gold = evaluate_gold(extractor, args.gold)
        print(_section(gold, args.errors))
        results["gold"] = gold.summary()
        results["gold"]["errors"] = _errors(gold)
        if args.voa:
            if (args.shared_data / VOA_STORIES).is_file():
                voa = evaluate_voa(extractor, args.shared_data)
                print()
                print(_section(voa, args.errors))
                results["voa"] = voa.summary()
                results["voa"]["errors"] = _errors(voa)
            else:
                note = f"VOA scoring skipped: {args.shared_data / VOA_STORIES} not found"
                print(note)
                results["voa"] = {"skipped": note}
        if (args.shared_data / "petrarch2").is_dir():
            from extract.petrarch import petrarch_dictionaries

            petrarch_extractor = Extractor(cameo_files=petrarch_dictionaries(args.shared_data), **options)
            petrarch = evaluate_petrarch(petrarch_extractor, args.shared_data)
            print()
            print(_section(petrarch, args.errors))
            results["petrarch2"] = petrarch.summary()
            results["petrarch2"]["errors"] = _errors(petrarch)
        else:
            note = f"PETRARCH2 comparison skipped: {args.shared_data / 'petrarch2'} not found"
            print(note)
            results["petrarch2"] = {"skipped": note}
        seed = args.shared_data / "seed-article.txt"
        if seed.is_file():
            found = _seed_relations(extractor, seed)
            print(f"\n== relations in {seed.name} ({len(found)}) ==")
            print("\n".join(f"  {line}" for line in found))
            results["seed_article"] = found
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The geokg CLI through typer's CliRunner (in process, sharing the session's extractor) and as the real
console script in a subprocess."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from api.cli import app
from tests.api.conftest import CORPUS

SENTENCE = "Turkey cooperates with Russia against the Islamic State."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "tr-ru.txt").write_text(CORPUS[0]["text"], encoding="utf-8")
    (folder / "more.jsonl").write_text(
        "".join(json.dumps(doc) + "\n" for doc in CORPUS[1:]), encoding="utf-8")
    return folder


@pytest.fixture
def ingested(runner: CliRunner, corpus_dir: Path, tmp_path: Path, extractor) -> str:
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", "--store", store, str(corpus_dir)])
    assert result.exit_code == 0, result.output
    return store


def records_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_stdin_prints_jsonl_records(runner: CliRunner, extractor) -> None:
    result = runner.invoke(app, ["extract", "-"], input=SENTENCE)
    assert result.exit_code == 0, result.output
    records = records_of(result.stdout)
    hit = [r for r in records if r["subject"]["country"] == "TUR" and r["object"]["country"] == "RUS"]
    assert hit and hit[0]["polarity"] == "cooperation"
    assert set(hit[0]) >= {"doc", "sentence", "start", "end", "subject", "relation", "plover", "polarity",
                           "object", "negated", "modality", "date", "confidence"}


def test_extract_defaults_to_stdin_and_reads_jsonl_with_dates(runner: CliRunner, corpus_dir: Path,
                                                              extractor) -> None:
    assert records_of(runner.invoke(app, ["extract"], input=SENTENCE).stdout)
    result = runner.invoke(app, ["extract", str(corpus_dir / "more.jsonl")])
    assert result.exit_code == 0, result.output
    records = records_of(result.stdout)
    assert {r["doc"] for r in records} == {"ru-ua", "us-ua"}
    assert {r["date"] for r in records if r["doc"] == "ru-ua"} == {"2022-02-24"}


def test_extract_table(runner: CliRunner, corpus_dir: Path, extractor) -> None:
    result = runner.invoke(app, ["extract", "--format", "table", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["doc", "subject", "relation", "object"]
    rows = [line.split("\t") for line in lines[1:]]
    assert any(row[0] == "tr-ru" and row[1].startswith("TUR") and row[3].startswith("RUS")
               and row[4] == "cooperation" for row in rows)


def test_ingest_summary_and_queries(runner: CliRunner, ingested: str) -> None:
    store = ingested
    stats = runner.invoke(app, ["query", "opponents", "Ukraine", "--store", store])
    assert stats.exit_code == 0, stats.output
    assert any(line.split("\t")[0] == "RUS" for line in stats.stdout.splitlines())

    allies = runner.invoke(app, ["query", "allies", "UKR", "--store", store, "--json"])
    assert allies.exit_code == 0, allies.output
    page = json.loads(allies.stdout)  # the same page as GET /actors/UKR/allies
    assert set(page) >= {"items", "total", "limit", "offset"}
    assert "USA" in {n["actor"]["id"] for n in page["items"]}

    path = runner.invoke(app, ["query", "path", "USA", "RUS", "--max-hops", "3", "--store", store])
    assert path.exit_code == 0, path.output
    first = path.stdout.splitlines()[0]
    assert first.startswith("USA -[") and first.endswith("]-> RUS")


def test_ingest_prints_summary_and_reingest_changes_nothing(runner: CliRunner, corpus_dir: Path,
                                                            tmp_path: Path, extractor) -> None:
    store = str(tmp_path / "store")
    summary = re.compile(r"^ingested (\d+) documents \((\d+) relations\); store .*: (\d+) documents, "
                         r"(\d+) actors, (\d+) relations$")
    first = runner.invoke(app, ["ingest", "--store", store, str(corpus_dir)])
    assert first.exit_code == 0, first.output
    counts = summary.match(first.stdout.strip())
    assert counts, first.stdout
    ingested, relations, documents, actors, stored = map(int, counts.groups())
    assert (ingested, documents) == (3, 3)
    assert relations == stored >= 3 and actors >= 4
    again = runner.invoke(app, ["ingest", "--store", store, str(corpus_dir)])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout


def test_export_to_file_and_stdout(runner: CliRunner, ingested: str, tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    result = runner.invoke(app, ["export", "--format", "turtle", "-o", str(target), "--store", ingested])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(target, format="turtle")) > 0

    graphml = runner.invoke(app, ["export", "--format", "graphml", "--store", ingested])
    assert graphml.exit_code == 0, graphml.output
    graph = nx.read_graphml(io.BytesIO(graphml.stdout_bytes))
    assert {"Turkey", "Russia"} <= {attrs.get("label") for _, attrs in graph.nodes(data=True)}


def _bad_cli_cases(tmp_path: Path, store: str) -> dict[str, tuple[list[str], bytes | None, str]]:
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 in Ankara".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "Iran condemned Israel."}\n{"text": \n', encoding="utf-8")
    return {
        "missing file": (["extract", str(tmp_path / "nope.txt")], None, "no such file"),
        "empty directory": (["ingest", "--store", store, str(tmp_path / "empty-dir")], None,
                            "no .txt, .html or .jsonl"),
        "undecodable bytes": (["extract", str(tmp_path / "latin1.txt")], None, "cannot decode as UTF-8"),
        "empty file": (["extract", str(tmp_path / "empty.txt")], None, "empty text"),
        "empty stdin": (["extract", "-"], b"  \n", "<stdin>: empty text"),
        "bad jsonl line": (["extract", str(tmp_path / "bad.jsonl")], None, "line 2: invalid JSON"),
        "unknown actor": (["query", "opponents", "Atlantis", "--store", store], None, "unknown actor"),
        "unknown path actor": (["query", "path", "Atlantis", "TUR", "--store", store], None, "unknown actor"),
        "unknown export format": (["export", "--format", "pdf", "--store", store], None,
                                  "unknown export format"),
        "unknown output format": (["extract", "--format", "xml", "-"], SENTENCE.encode(),
                                  "unknown output format"),
        "unknown model": (["extract", "--model", "no_such_model", "-"], SENTENCE.encode(), "no_such_model"),
    }


BAD_CLI = ["missing file", "empty directory", "undecodable bytes", "empty file", "empty stdin",
           "bad jsonl line", "unknown actor", "unknown path actor", "unknown export format",
           "unknown output format", "unknown model"]


@pytest.mark.parametrize("kind", BAD_CLI)
def test_bad_input_is_one_line_on_stderr_and_exit_1(runner: CliRunner, ingested: str, tmp_path: Path,
                                                    kind: str) -> None:
    args, stdin, words = _bad_cli_cases(tmp_path, ingested)[kind]
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("geokg: error: ")
    assert words in lines[0]


def test_usage_error_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "path", "TUR"])
    assert result.exit_code == 2


def _console_script() -> str:
    script = Path(sys.executable).parent / "geokg"
    return str(script) if script.exists() else shutil.which("geokg") or "geokg"


def test_console_script_extract_from_stdin() -> None:
    proc = subprocess.run(
        [_console_script(), "extract", "-"], input=SENTENCE + "\n", capture_output=True, text=True,
        timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    records = records_of(proc.stdout)
    hit = [r for r in records if r["subject"]["country"] == "TUR" and r["object"]["country"] == "RUS"]
    assert hit, proc.stdout
    assert hit[0]["polarity"] == "cooperation"


def test_console_script_bad_input_has_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([_console_script(), "extract", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"geokg: error: {tmp_path / 'missing.txt'}: no such file or directory"
    assert proc.stdout == ""


def test_serve_warns_on_non_loopback_address_without_token(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is never assigned to this machine: the warning prints, then binding fails.
    env = {k: v for k, v in os.environ.items() if k != "GEOKG_API_TOKEN"}
    proc = subprocess.run(
        [_console_script(), "serve", "--host", "192.0.2.1", "--port", "8", "--store", "memory"],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )
    assert "WARNING" in proc.stderr and "GEOKG_API_TOKEN" in proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr


def test_eval_scores_the_gold_set(runner: CliRunner, extractor) -> None:
    from extract.evaluation import REPO_GOLD_PATH

    if not REPO_GOLD_PATH.is_file():
        pytest.skip(f"no gold set at {REPO_GOLD_PATH} yet")
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 0, result.output
    assert "dyad precision" in result.stdout and "dyad F1" in result.stdout


def test_eval_missing_gold_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"geokg: error: {tmp_path / 'nope.jsonl'}: no such file"

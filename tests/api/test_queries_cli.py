"""``geokg query ...`` over the demo corpus: the same answers as the HTTP endpoints, exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from api.cli import app

if TYPE_CHECKING:
    from extract.pipeline import Extractor

DEMO = Path(__file__).resolve().parents[2] / "data" / "samples" / "demo-corpus.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> str:
    """The demo corpus ingested through the CLI (the CLI reuses the session's extractor)."""
    path = tmp_path_factory.mktemp("cli-demo") / "store"
    result = CliRunner().invoke(app, ["ingest", "--store", str(path), str(DEMO)])
    assert result.exit_code == 0, result.output
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["query", *args])
    return result.exit_code, result.stdout if result.exit_code == 0 else result.output


def test_relations_with_a_date_filter(store: str) -> None:
    code, out = run("relations", "--type", "opposes", "--since", "2017-01-01", "--until", "2017-12-31",
                    "--store", store, "--json")
    assert code == 0, out
    page = json.loads(out)
    assert "USA:sanctions:IRN" in {p["id"] for p in page["items"]}
    assert all(p["first_seen"].startswith("2017") for p in page["items"])


def test_opponents_by_alias_with_evidence(store: str) -> None:
    code, out = run("opponents", "Daesh", "--store", store, "--evidence")
    assert code == 0, out
    rows = [line.split("\t") for line in out.splitlines() if not line.startswith(" ")]
    assert {"IRQ", "USA"} <= {row[0] for row in rows}
    assert any(line.startswith("    demo-012 ") for line in out.splitlines())


def test_signed_paths_balance_communities_timeline(store: str) -> None:
    code, out = run("path", "SAU", "USA", "--mode", "all", "--max-hops", "2", "--signed", "positive",
                    "--store", store)
    assert code == 0, out
    assert "SAU -[accuses]-> IRN <-[sanctions]- USA\tsign +" in out.splitlines()
    code, out = run("balance", "--actor", "Riyadh", "--store", store, "--json")
    assert code == 0 and ["IRN", "SAU", "USA"] in [t["actors"] for t in json.loads(out)["balanced_triads"]]
    code, out = run("communities", "--store", store)
    blocs = [line.split("\t")[1].split() for line in out.splitlines() if "\t" in line]
    assert code == 0 and any({"POL", "UKR"} <= set(bloc) for bloc in blocs)
    code, out = run("timeline", "--source", "Israel", "--target", "Hamas", "--store", store)
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()[1:]] == ["2018-05", "2023-10"]
    code, out = run("centrality", "--sort", "degree", "--limit", "3", "--store", store)
    assert code == 0 and len(out.splitlines()) == 4


def test_path_pages_like_the_other_lists(store: str) -> None:
    query = ["path", "SAU", "USA", "--mode", "all", "--max-hops", "4", "--store", store]
    code, out = run(*query, "--json")
    assert code == 0, out
    whole = json.loads(out)
    assert {"items", "total", "limit", "offset"} <= set(whole) and whole["total"] == len(whole["items"]) == 3
    code, out = run(*query, "--limit", "2")
    assert code == 0, out
    assert out.splitlines()[-1] == "(3 in all; --offset 2 for more)" and len(out.splitlines()) == 3
    code, last = run(*query, "--limit", "2", "--offset", "2")
    lines = last.splitlines()
    assert code == 0 and len(lines) == 2 and lines[1] == "(3 in all)"
    assert lines[0].startswith("SAU ") and lines[0] not in out.splitlines()  # the third path, not one of the first two
    code, past = run(*query, "--offset", "3")
    assert code == 0 and past.splitlines() == ["(3 in all; none from --offset 3)"]
    for command in (query, ["opponents", "Iran", "--store", store]):
        code, out = run(*command, "--offset", "-1")
        assert code == 2 and "--offset" in out  # a usage error, as for every list command


def _filter_options(command: str, *, group: str | None = "query") -> dict[str, tuple[object, ...]]:
    """The filter options of ``geokg query COMMAND`` (``geokg COMMAND`` with ``group=None``) as the parser
    sees them: flags, type, range, default, help."""
    import typer.main

    from api.cli_filters import FILTER_OPTIONS

    root = typer.main.get_command(app)
    group = root.commands[group] if group else root  # type: ignore[attr-defined,assignment]
    names = {o.name for o in FILTER_OPTIONS}
    return {p.name: (tuple(p.opts), p.type_descriptor.annotation, p.min, p.max, p.default, p.help)  # type: ignore[attr-defined]
            for p in group.commands[command].params if p.name in names}


def test_query_commands_share_one_set_of_filter_options() -> None:
    from api.cli_filters import EGO_OPTIONS, FILTER_OPTIONS

    every = _filter_options("opponents")
    assert list(every) == [o.name for o in FILTER_OPTIONS]  # all of them, in the declared order
    assert every["since"][0] == ("--since",) and every["min_weight"][1:5] == (int, 1, None, 1)
    for command in ("allies", "relations", "path", "balance", "centrality", "communities"):
        assert _filter_options(command) == every, command
    for command in ("network", "timeline"):  # about one actor's neighbourhood already: no --ego
        assert _filter_options(command) == {k: v for k, v in every.items() if k not in EGO_OPTIONS}, command
    assert _filter_options("actors") == {} and _filter_options("relation") == {}
    assert _filter_options("export", group=None) == every  # the network export filters the same way


def test_filter_options_filter(store: str) -> None:
    # the 2017 filter leaves Saudi Arabia's 2019 accusation of Iran out, as on /actors/Iran/opponents
    code, out = run("opponents", "Iran", "--until", "2017-12-31", "--store", store)
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["USA"]
    code, out = run("opponents", "Iran", "--store", store)
    assert code == 0 and "SAU" in [line.split("\t")[0] for line in out.splitlines()]
    code, out = run("network", "Iran", "--types", "sanctions", "--store", store, "--json")
    assert code == 0 and {e["relation"] for e in json.loads(out)["edges"]} == {"sanctions"}


@pytest.mark.parametrize(("args", "message"), [
    (["path", "SAU", "USA", "--mode", "all", "--max-hops", "6"], "max_hops"),
    (["relations", "--types", "befriends"], "befriends"),
    (["timeline", "--actor", "USA", "--since", "2020-01-01", "--until", "2019-01-01"], "after"),
    (["opponents", "Atlantis"], "unknown actor"),
    (["timeline"], "needs actor"),
    (["relation", "USA:sanctions:FRA"], "unknown relation"),
])
def test_bad_queries_exit_1_with_a_message(store: str, args: list[str], message: str) -> None:
    code, out = run(*args, "--store", store)
    assert code == 1 and message in out and "Traceback" not in out

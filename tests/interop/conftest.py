"""Independent readers of the exports: graphology (node) for GraphML/GEXF, igraph, pyoxigraph.

graphology's parsers come from tests/interop/package.json: `make install` runs `npm ci` here;
when node_modules is missing this fixture runs `npm ci` once itself, and the tests skip with
the reason when node or npm is absent or the install fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "read_graph.js"


def _installed() -> bool:
    return all((HERE / "node_modules" / name / "package.json").is_file()
               for name in ("graphology", "graphology-graphml", "graphology-gexf"))


@pytest.fixture(scope="session")
def graphology(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, bytes], dict[str, Any]]:
    """A function reading GraphML or GEXF bytes with graphology; returns what it parsed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the graphology readers cannot run")
    if not _installed():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed and tests/interop/node_modules is missing (run `make install`)")
        try:
            done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, capture_output=True,
                                  text=True, timeout=300)
        except subprocess.TimeoutExpired:
            pytest.skip("npm ci in tests/interop timed out")
        if done.returncode != 0 or not _installed():
            pytest.skip(f"npm ci in tests/interop failed: {done.stderr.strip()[-300:]}")
    folder = tmp_path_factory.mktemp("graphology")

    def read(fmt: str, data: bytes) -> dict[str, Any]:
        path = folder / f"export.{fmt}"
        path.write_bytes(data)
        done = subprocess.run([node, str(SCRIPT), fmt, str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"graphology could not read the {fmt} export: {done.stderr}"
        return json.loads(done.stdout)

    return read

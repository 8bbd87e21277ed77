"""Ship what you load: a non-editable install carries the ontology and data/ files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("geokg-*.whl")
    return built


def test_wheel_contains_ontology_and_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ontology/geokg.ttl" in names
    assert "geokg_data/samples/demo-corpus.jsonl" in names
    repo_yaml = {
        f"geokg_data/{p.relative_to(REPO / 'data').as_posix()}" for p in (REPO / "data").rglob("*.yaml")
    }
    assert repo_yaml, "data/ should hold YAML gazetteer and lexicon files"
    assert repo_yaml <= names, f"not packaged: {sorted(repo_yaml - names)}"


def test_installed_copy_loads_its_files_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import ontology, geokg_data, importlib.resources as r;"
        "assert ontology.__file__.startswith(%r), ontology.__file__;"
        "print(len(ontology.relation_types()));"
        "print(sum(1 for _ in r.files('geokg_data').joinpath('samples').iterdir()))"
    ) % str(target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    relation_count, sample_count = result.stdout.split()
    assert int(relation_count) >= 16
    assert int(sample_count) >= 1

"""Fixtures for the API and CLI tests: one real Extractor per session, apps on temporary on-disk stores.

Imports of api.app and the core happen inside the fixtures, so the reader tests run on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import MODEL

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from api.settings import Settings
    from extract.pipeline import Extractor

CORPUS = [
    {"id": "tr-ru", "text": "Turkey cooperates with Russia against the Islamic State.", "date": "2016-12-20"},
    {"id": "ru-ua", "text": "Russia attacked Ukraine. Ukraine condemned Russia.", "date": "2022-02-24"},
    {"id": "us-ua", "text": "The United States supports Ukraine.", "date": "2022-03-01"},
]
"""Short documents the API and CLI tests ingest."""


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extractor on the pinned spaCy model, built once per session.

    It comes from the CLI's own per-process cache, so CliRunner invocations in
    this process reuse it instead of loading spaCy again.
    """
    from api.cli import load_extractor

    return load_extractor(model=MODEL)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A fresh directory for a real Oxigraph store on disk."""
    return tmp_path / "store"


@pytest.fixture
def settings(store_dir: Path) -> Settings:
    from api.settings import Settings

    return Settings(store=str(store_dir))


def make_client(settings: Settings, extractor: Extractor, **client_options: object) -> TestClient:
    """A TestClient over a fresh app (use it as a context manager: that runs the lifespan)."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    return TestClient(create_app(settings, extractor=extractor), **client_options)


@pytest.fixture
def client(settings: Settings, extractor: Extractor) -> Iterator[TestClient]:
    """A client of an app over an empty store on disk."""
    with make_client(settings, extractor) as test_client:
        yield test_client


@pytest.fixture
def loaded_client(client: TestClient) -> TestClient:
    """A client whose store holds :data:`CORPUS`."""
    for document in CORPUS:
        response = client.post("/documents", json=document)
        assert response.status_code == 201, response.text
    return client

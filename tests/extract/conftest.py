"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default extractor (the pinned real pipeline), built once for all extraction tests."""
    return Extractor()

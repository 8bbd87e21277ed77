"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest
import spacy

import extract.actors  # noqa: F401  (registers the span extensions the matcher reads)
from extract.pipeline import Extractor
from extract.relations import RelationMatcher


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default extractor (the pinned real pipeline), built once for all extraction tests."""
    return Extractor()


@pytest.fixture(scope="session")
def matcher() -> RelationMatcher:
    """A relation matcher on a blank English vocabulary, for rule tests on hand-built parses."""
    return RelationMatcher(spacy.blank("en").vocab)

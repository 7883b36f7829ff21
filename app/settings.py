"""Configuration, read once from the environment and `.env` (pydantic-settings)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.errors import VlkgError


class SettingsError(VlkgError, ValueError):
    """A setting (environment variable or `.env` line) that cannot be used; names it."""

    title = "Configuration error"
    public = "the server is not configured correctly"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    store: Literal["embedded", "neo4j"] = Field(default="embedded", alias="VLKG_STORE")
    data_dir: Path = Field(default=Path("data"), alias="VLKG_DATA_DIR")
    base_uri: str = Field(default="http://localhost:8000", alias="VLKG_BASE_URI")
    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field(default="neo4j", alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")
    #: Articles a Neo4j load writes in its one transaction, which readers see only once it
    #: commits (issue 11); a larger load commits in parts of this many, which readers see
    #: one by one (`vlkg ingest` says so). The transaction's state is held in the Neo4j
    #: heap until it commits: 10,000 synthetic articles took 518 MB (Neo4j allows 717 MB on
    #: a 1 GB heap), 50,000 took 2.3 GB (docs/benchmarks.md).
    neo4j_whole_load_articles: int = Field(default=10_000, ge=1, alias="VLKG_NEO4J_WHOLE_LOAD_ARTICLES")
    #: Articles per load transaction. Each batch reads and rewrites the provenance lists of
    #: the facts it touches (a partnership's sources grow with every article citing it), so
    #: larger batches write each once where smaller ones wrote it many times: 5,000 took
    #: half the CPU time of 500 for 10,000 articles on the embedded store (issue #12).
    batch_size: int = Field(default=5000, ge=1, le=100_000, alias="VLKG_BATCH_SIZE")
    #: Embedded store: the largest batch of a load. A load's batches grow from
    #: `batch_size` to as many articles as it has loaded so far (5,000, 5,000, 10,000,
    #: 20,000 ...), up to this: each batch rewrites the provenance of the stored facts it
    #: cites, which grows with the store, so fixed batches made a load's rewriting grow with
    #: its square (issue #12). The memory of planning one batch grows with it. Equal to
    #: (or below) `batch_size`: fixed batches. Neo4j loads keep fixed batches.
    batch_max: int = Field(default=20_000, ge=1, le=1_000_000, alias="VLKG_BATCH_MAX")
    #: Requests per second per client address (app/api/ratelimit.py); 0 turns it off.
    rate_limit: float = Field(default=0.0, ge=0, le=100_000, alias="VLKG_RATE_LIMIT")
    #: Requests a client may send at once before the rate applies; 0: one second's worth.
    rate_burst: float = Field(default=0.0, ge=0, le=1_000_000, alias="VLKG_RATE_BURST")
    #: Megabytes of LadybugDB's page cache (buffer pool) for the server's read-only handles.
    #: Without a bound the engine may take ~80 % of the machine's memory, and one whole
    #: `/export.ttl` pages the whole store into it: `vlkg serve` held 718 MB at 50,000
    #: articles (issue #12). One query needs its working pages inside the pool at once: at
    #: 50,000 articles the search index's reads needed 96 MB (80 failed) and a whole
    #: `/export.ttl` more than 128 MB, so 256 is the default; a read that still needs more
    #: fails with `ReadBufferFull`, naming this setting (a 503, or a cut dump stream).
    read_buffer_mb: int = Field(default=256, ge=64, le=1 << 20, alias="VLKG_READ_BUFFER_MB")


@functools.cache
def get_settings() -> Settings:
    """The settings; a value that cannot be used is a `SettingsError` naming its variable."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{_name(e['loc'])}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"settings: {problems}") from None


def _name(loc: tuple[int | str, ...]) -> str:
    return ".".join(map(str, loc))

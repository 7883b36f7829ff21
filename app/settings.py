"""Configuration, read once from the environment and `.env` (pydantic-settings)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    store: Literal["embedded", "neo4j"] = Field(default="embedded", alias="VLKG_STORE")
    data_dir: Path = Field(default=Path("data"), alias="VLKG_DATA_DIR")
    base_uri: str = Field(default="http://localhost:8000", alias="VLKG_BASE_URI")
    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field(default="neo4j", alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")
    batch_size: int = Field(default=500, ge=1, le=100_000, alias="VLKG_BATCH_SIZE")


@functools.cache
def get_settings() -> Settings:
    return Settings()

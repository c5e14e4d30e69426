"""Settings shared by every wellplaced program, read from the environment and an optional .env."""

from __future__ import annotations

from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from directory.languages import SUPPORTED_LANGUAGES

DEFAULT_DATABASE_URL = "sqlite:///wellplaced.db"


class DirectorySettings(BaseSettings):
    """What the directory needs: where the data lives, and local conventions."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    DATABASE_URL: str = DEFAULT_DATABASE_URL
    DEFAULT_LANGUAGE: str = "en"
    TIMEZONE: str = "Europe/London"
    # Keys the pseudonyms of users. Unset: a random key is kept in the database instead, which
    # still hides Telegram ids from reports but not from someone holding a copy of the database.
    PSEUDONYM_KEY: SecretStr | None = None

    @field_validator("DATABASE_URL")
    @classmethod
    def _database_url(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("DEFAULT_LANGUAGE")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LANGUAGES)}")
        return value

    @field_validator("TIMEZONE")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("must be an IANA time zone such as Europe/London") from None
        return value


def normalise_database_url(value: str) -> str:
    """Accept the URL forms hosting platforms hand out, and pick the driver wellplaced ships."""
    value = value.strip()
    if value.startswith("postgres://"):
        value = "postgresql://" + value.removeprefix("postgres://")
    if value.startswith("postgresql://"):
        value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError("is not a database URL such as sqlite:///wellplaced.db") from None
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise ValueError("must be a SQLite or PostgreSQL URL")
    return value


SettingsT = TypeVar("SettingsT", bound=BaseSettings)


def load_settings(settings_class: type[SettingsT]) -> SettingsT:
    """Build settings, or stop the program with one line naming the setting that is wrong."""
    try:
        return settings_class()
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"]) or "settings"
        message = first["msg"].removeprefix("Value error, ")
        raise SystemExit(f"wellplaced: setting {name} {message}") from None

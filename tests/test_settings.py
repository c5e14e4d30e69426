"""Settings: sensible defaults, and one clear line for anything missing or malformed."""

from __future__ import annotations

import pytest

from bot.settings import BotSettings, MissingToken
from directory.settings import DEFAULT_DATABASE_URL, load_settings


def build(monkeypatch: pytest.MonkeyPatch, **env: str) -> BotSettings:
    for name in (
        "DATABASE_URL",
        "BOT_TOKEN",
        "SUPERADMIN_IDS",
        "BOT_API_BASE_URL",
        "TIMEZONE",
        "DEFAULT_LANGUAGE",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir("/")  # no .env file
    return load_settings(BotSettings)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = build(monkeypatch)
    assert settings.DATABASE_URL == DEFAULT_DATABASE_URL
    assert settings.DEFAULT_LANGUAGE == "en"
    assert settings.TIMEZONE == "Europe/London"
    assert settings.bot_api_url == "https://api.telegram.org/bot"
    assert settings.bot_file_url == "https://api.telegram.org/file/bot"


def test_self_hosted_bot_api_derives_the_file_url(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = build(monkeypatch, BOT_API_BASE_URL="http://127.0.0.1:8081/")
    assert settings.bot_api_url == "http://127.0.0.1:8081/bot"
    assert settings.bot_file_url == "http://127.0.0.1:8081/file/bot"


def test_superadmins_are_comma_separated_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    assert {12, 34} == build(monkeypatch, SUPERADMIN_IDS="12, 34").SUPERADMIN_IDS


def test_hosting_platform_postgres_urls_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = build(monkeypatch, DATABASE_URL="postgres://u:p@db.example:5432/app")
    assert settings.DATABASE_URL == "postgresql+psycopg://u:p@db.example:5432/app"


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        (
            "SUPERADMIN_IDS",
            "12,bob",
            "wellplaced: setting SUPERADMIN_IDS must be Telegram user ids",
        ),
        ("TIMEZONE", "Mars/Olympus", "wellplaced: setting TIMEZONE must be an IANA time zone"),
        ("DEFAULT_LANGUAGE", "xx", "wellplaced: setting DEFAULT_LANGUAGE must be one of"),
        ("BOT_TOKEN", "not-a-token", "wellplaced: setting BOT_TOKEN does not look like a token"),
        ("DATABASE_URL", "::::", "wellplaced: setting DATABASE_URL is not a database URL"),
        ("BOT_API_BASE_URL", "ftp://x", "wellplaced: setting BOT_API_BASE_URL must be an http"),
    ],
)
def test_malformed_setting_stops_with_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, line: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        build(monkeypatch, **{name: value})
    message = str(stopped.value.code)
    assert message.startswith(line)
    assert "\n" not in message


def test_missing_token_is_reported_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = build(monkeypatch)
    with pytest.raises(MissingToken) as stopped:
        settings.token()
    assert "BOT_TOKEN is not set" in str(stopped.value.code)

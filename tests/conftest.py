"""Shared fixtures: settings, migrated databases (SQLite always, PostgreSQL when one answers)."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import BotSettings
from directory.catalogue import Catalogue
from directory.db import ensure_schema, make_engine, make_sessionmaker, transaction
from directory.seed import seed_sample_directory

# PostgreSQL tests run when this server answers; WELLPLACED_REQUIRE_POSTGRES=1 makes its
# absence a failure instead of a skip (CI sets it where a server is known to run).
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded SQLite file, made once and copied for each test that needs one."""
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    engine = make_engine(sqlite_url(path))
    ensure_schema(engine)
    with transaction(make_sessionmaker(engine)) as session:
        seed_sample_directory(session)
    engine.dispose()
    return path


@pytest.fixture
def database_url(tmp_path: Path, seeded_template: Path) -> str:
    path = tmp_path / "wellplaced.db"
    shutil.copyfile(seeded_template, path)
    return sqlite_url(path)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with transaction(sessions) as session:
        yield session


@pytest.fixture(scope="session")
def shared_catalogue() -> Catalogue:
    """The lexicon is read once; tests get a fresh offer index through `catalogue`."""
    return Catalogue()


@pytest.fixture
def catalogue(shared_catalogue: Catalogue) -> Catalogue:
    return Catalogue(shared_catalogue.detector)


@pytest.fixture
def settings(database_url: str) -> BotSettings:
    return BotSettings(
        _env_file=None,
        DATABASE_URL=database_url,
        BOT_TOKEN="123456:TEST-token-for-offline-tests-only",
        DEFAULT_LANGUAGE="en",
    )


def _postgres_available() -> bool:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except OperationalError:
        return False


@pytest.fixture(scope="session")
def postgres_server() -> str:
    if not _postgres_available():
        if os.environ.get("WELLPLACED_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required but does not answer at {POSTGRES_ADMIN_URL}")
        pytest.skip("no PostgreSQL server answers; set TEST_POSTGRES_URL to run these tests")
    return POSTGRES_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"wellplaced_test_{secrets.token_hex(4)}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

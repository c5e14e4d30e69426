"""The schema comes only from Alembic, upgrades fresh SQLite and PostgreSQL, matches the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from directory.db import current_revision, ensure_schema, head_revision, make_engine, upgrade
from directory.errors import SchemaNotReady
from directory.models import Base
from tests.cli import run


def assert_no_drift(url: str) -> None:
    engine = make_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_fresh_sqlite_upgrades_to_head_without_drift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    engine = make_engine(url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
    engine.dispose()
    assert_no_drift(url)


def test_embedded_sqlite_is_migrated_on_start(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    ensure_schema(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


@pytest.mark.postgres
def test_fresh_postgres_upgrades_to_head_without_drift(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert_no_drift(postgres_url)


@pytest.mark.postgres
def test_unmigrated_postgres_is_refused_not_changed(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    with pytest.raises(SchemaNotReady, match="python -m directory migrate"):
        ensure_schema(engine)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


@pytest.mark.postgres
def test_directory_cli_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    refused = run("directory", "seed", cwd=tmp_path, DATABASE_URL=postgres_url)
    assert refused.returncode == 1
    assert "python -m directory migrate" in refused.stderr
    for command in (["migrate"], ["seed"], ["seed"]):
        done = run("directory", *command, cwd=tmp_path, DATABASE_URL=postgres_url)
        assert done.returncode == 0, done.stderr
    done = run(
        "directory",
        "match",
        "--json",
        "my flat is freezing",
        cwd=tmp_path,
        DATABASE_URL=postgres_url,
    )
    contract = json.loads(done.stdout)
    assert contract["status"] == "matched" and contract["needs"][0]["id"] == "warmth"
    exported = tmp_path / "directory.json"
    assert (
        run(
            "directory", "export", str(exported), cwd=tmp_path, DATABASE_URL=postgres_url
        ).returncode
        == 0
    )
    again = run("directory", "import", str(exported), cwd=tmp_path, DATABASE_URL=postgres_url)
    assert "0 offers added, 0 updated" in again.stdout

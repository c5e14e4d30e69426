"""Alembic environment: migrates the engine handed over by directory.db, else DATABASE_URL."""

from __future__ import annotations

from sqlalchemy import Connection

from alembic import context
from directory.db import make_engine
from directory.models import Base
from directory.settings import DirectorySettings, load_settings

target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        engine = make_engine(load_settings(DirectorySettings).DATABASE_URL)
    with engine.connect() as connection:
        run(connection)
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("wellplaced: offline (--sql) migrations are not supported")
run_online()

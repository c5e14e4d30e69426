from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.context import Deps
from bot.i18n import Catalogs
from bot.settings import BotSettings
from directory.catalogue import Catalogue
from tests.fakes import BotHarness


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs()


@pytest.fixture
def deps(
    settings: BotSettings,
    sessions: sessionmaker[Session],
    catalogue: Catalogue,
    catalogs: Catalogs,
) -> Deps:
    return Deps(settings=settings, sessions=sessions, catalogue=catalogue, catalogs=catalogs)


@pytest.fixture
async def bot(deps: Deps) -> AsyncIterator[BotHarness]:
    async with BotHarness(deps) as harness:
        yield harness

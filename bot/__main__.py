"""python -m bot: run the bot against Telegram (polling), or `console` to chat in a terminal."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

from telegram import Update

from bot.app import build_application
from bot.console import ConsoleChat
from bot.context import Deps
from bot.i18n import Catalogs
from bot.offline_api import OfflineRequest
from bot.settings import BotSettings
from directory.catalogue import Catalogue
from directory.db import ensure_schema, make_engine, make_sessionmaker, transaction
from directory.errors import SchemaNotReady
from directory.languages import SUPPORTED_LANGUAGES
from directory.settings import load_settings

log = logging.getLogger("bot")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Run the wellplaced bot.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    console = commands.add_parser(
        "console", help="chat with the bot in this terminal: no token, no network"
    )
    console.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="your Telegram language (default: DEFAULT_LANGUAGE)",
    )
    return parser


def make_deps(settings: BotSettings) -> Deps:
    engine = make_engine(settings.DATABASE_URL, pool_pre_ping=True)
    try:
        ensure_schema(engine)
    except SchemaNotReady as error:
        raise SystemExit(f"wellplaced: {error}") from None
    return Deps(
        settings=settings,
        sessions=make_sessionmaker(engine),
        catalogue=Catalogue(timezone=settings.TIMEZONE),
        catalogs=Catalogs(default=settings.DEFAULT_LANGUAGE),
    )


def run_polling(settings: BotSettings) -> None:
    settings.token()  # fail on a missing token before touching the database
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    application = build_application(make_deps(settings))
    log.info("wellplaced bot starting (Bot API at %s)", settings.BOT_API_BASE_URL)
    application.run_polling(allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY])


async def run_console(settings: BotSettings, language: str | None) -> None:
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    deps = make_deps(settings)
    with transaction(deps.sessions) as session:
        empty = not deps.catalogue.index(session).offers
    if empty:
        print(
            "The directory is empty: run `python -m directory seed` to load the sample directory.\n"
        )
    request = OfflineRequest()
    application = build_application(deps, request=request)
    chat = ConsoleChat(application, request.api, language=language or settings.DEFAULT_LANGUAGE)
    async with application:
        await chat.run(sys.stdin, interactive=sys.stdin.isatty())


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings(BotSettings)
    if args.command == "console":
        asyncio.run(run_console(settings, args.lang))
    else:
        run_polling(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())

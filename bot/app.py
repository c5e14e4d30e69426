"""Builds the Application: defaults, the handler table, the error handler and command menus."""

from __future__ import annotations

from typing import Any

from telegram import BotCommand
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.context import DEPS_KEY, BotContext, Deps
from bot.handlers import BEFORE_ALL, HANDLER_TABLE
from bot.handlers.errors import on_error
from bot.i18n import Translator
from directory.languages import SUPPORTED_LANGUAGES

BotApplication = Application[Any, BotContext, Any, Any, Any, Any]


def build_application(deps: Deps, *, request: BaseRequest | None = None) -> BotApplication:
    """The bot, wired to its dependencies; `request` replaces the network (console, tests)."""
    settings = deps.settings
    builder = (
        ApplicationBuilder()
        .token(settings.token() if request is None else _offline_token(settings))
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .context_types(ContextTypes(context=BotContext))
        # One person's slow search must not hold up everyone else's answers.
        .concurrent_updates(True)
        .post_init(_register_commands)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    application.bot_data[DEPS_KEY] = deps
    group, first = BEFORE_ALL
    application.add_handlers(first, group=group)
    for handler in HANDLER_TABLE:
        application.add_handler(handler)
    application.add_error_handler(on_error)
    return application


def _offline_token(settings: Any) -> str:
    # A request object that never reaches Telegram still needs a well-formed token.
    return (
        settings.BOT_TOKEN.get_secret_value() if settings.BOT_TOKEN else "1:offline-console-token"
    )


def command_menu(t: Translator) -> list[BotCommand]:
    return [
        BotCommand("start", t("Start again and see the topics")),
        BotCommand("language", t("Choose your language")),
        BotCommand("area", t("Choose your area")),
        BotCommand("privacy", t("What I keep about you")),
        BotCommand("forget", t("Erase what I keep about you")),
        BotCommand("help", t("How to use this bot")),
    ]


async def _register_commands(application: BotApplication) -> None:
    """The command menu in each supported language, with the default for everyone else."""
    deps: Deps = application.bot_data[DEPS_KEY]
    await application.bot.set_my_commands(command_menu(deps.catalogs.get(None)))
    for language in SUPPORTED_LANGUAGES:
        await application.bot.set_my_commands(
            command_menu(deps.catalogs.get(language)), language_code=language
        )

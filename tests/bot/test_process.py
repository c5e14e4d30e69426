"""The real `python -m bot` process, polling a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.i18n import Catalogs, Html
from bot.offline_api import (
    ApiCall,
    button_update,
    location_update,
    private_user,
    text_update,
)
from directory.models import ProblemReport
from tests.cli import ROOT, program_env, run
from tests.fake_bot_api import FakeBotApiServer
from tests.fakes import button_data, buttons

TOKEN = "123456:TEST-token-for-the-fake-bot-api"
CHAT = 5551


def sent_to_chat(calls: list[ApiCall]) -> list[str]:
    return [
        str(call.params["text"])
        for call in calls
        if call.method == "sendMessage" and int(call.params["chat_id"]) == CHAT
    ]


@pytest.fixture
def server() -> Iterator[FakeBotApiServer]:
    with FakeBotApiServer(TOKEN) as server:
        yield server


@pytest.fixture
def bot_process(
    server: FakeBotApiServer, database_url: str, tmp_path: Path
) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=program_env(
            PYTHONPATH=str(ROOT),
            BOT_TOKEN=TOKEN,
            BOT_API_BASE_URL=server.url,
            DATABASE_URL=database_url,
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def test_bot_process_answers_start_and_a_need(
    server: FakeBotApiServer, bot_process: subprocess.Popen[str]
) -> None:
    user = private_user(CHAT, "en")
    server.push(text_update("/start", user))
    calls = server.wait_for(lambda calls: len(sent_to_chat(calls)) >= 1)
    assert "welcome" in sent_to_chat(calls)[0].lower()

    server.push(text_update("I feel so lonely", user))
    calls = server.wait_for(lambda calls: any("Where:" in text for text in sent_to_chat(calls)))
    answer = "\n".join(sent_to_chat(calls)[1:])
    assert "Loneliness" in answer and "116 123" in answer

    server.push(text_update("I want to kill myself", user))
    calls = server.wait_for(lambda calls: any("85258" in text for text in sent_to_chat(calls)))
    assert "999" in sent_to_chat(calls)[-1]

    menus = [c for c in calls if c.method == "setMyCommands"]
    assert {c.params.get("language_code") for c in menus} >= {None, "pl", "ar", "cy"}

    bot_process.send_signal(signal.SIGINT)
    output, _ = bot_process.communicate(timeout=20)
    assert bot_process.returncode == 0, output
    assert TOKEN not in output  # the token never reaches the logs
    assert "kill myself" not in output  # nor does what people write


def sent_with_buttons(calls: list[ApiCall]) -> list[ApiCall]:
    return [
        call
        for call in calls
        if call.method == "sendMessage" and int(call.params["chat_id"]) == CHAT and buttons(call)
    ]


def test_polish_journey_language_need_location_and_a_problem_report(
    server: FakeBotApiServer, bot_process: subprocess.Popen[str], sessions
) -> None:
    polish = Catalogs().get("pl")
    user = private_user(CHAT, "en")

    server.push(text_update("/start", user))
    server.wait_for(lambda calls: len(sent_to_chat(calls)) >= 1)

    server.push(text_update("/language", user))
    calls = server.wait_for(lambda calls: len(sent_with_buttons(calls)) >= 2)
    menu = sent_with_buttons(calls)[-1]
    server.push(button_update(button_data(menu, "Polski"), user, menu.result))
    chosen = polish("From now on I will write in English. What would you like help with?")
    server.wait_for(lambda calls: chosen in sent_to_chat(calls))

    server.push(text_update("nie mam co jeść", user))
    found = polish("Here is what I found for {needs}:", needs=Html(f"<b>{polish('Food')}</b>"))
    calls = server.wait_for(lambda calls: any(found in text for text in sent_to_chat(calls)))
    answer = next(text for text in sent_to_chat(calls) if found in text)
    assert polish("📍 <b>Where:</b> {where}", where="").strip() in answer

    server.push(location_update(53.9640, -1.0560, user))  # Tang Hall, York
    located = polish(
        "Thank you. For the next hour I will show the nearest places first. "
        "I do not store your location."
    )
    calls = server.wait_for(lambda calls: located in sent_to_chat(calls))
    calls = server.wait_for(lambda calls: sent_to_chat(calls)[-1] != located)
    nearest = sent_with_buttons(calls)[-1]
    text = str(nearest.params["text"])
    first_card = text.split("\n\n")[1]
    assert first_card.startswith("1. ") and "Tang Hall, York" in first_card  # nearest first
    assert polish("Food") in text

    report = polish("Report a problem")
    server.push(button_update(button_data(nearest, f"1. {report}"), user, nearest.result))
    closed = polish("It has closed")

    def asked_what_is_wrong(calls: list[ApiCall]) -> bool:
        return any(closed in b["text"] for c in sent_with_buttons(calls) for b in buttons(c))

    asked = sent_with_buttons(server.wait_for(asked_what_is_wrong))[-1]
    server.push(button_update(button_data(asked, closed), user, asked.result))
    server.wait_for(lambda calls: any(c.method == "editMessageText" for c in calls))

    with sessions() as session:
        [queued] = session.query(ProblemReport).all()
    assert queued.offer_id.startswith("tang-hall")

    bot_process.send_signal(signal.SIGINT)
    output, _ = bot_process.communicate(timeout=20)
    assert bot_process.returncode == 0, output
    assert "jeść" not in output


def test_missing_token_is_one_line_and_a_failure(tmp_path: Path) -> None:
    done = run("bot", cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "wellplaced: BOT_TOKEN is not set: get one from @BotFather and set it in the "
        "environment or .env (or try `python -m bot console`, which needs none)"
    ]
    assert not (tmp_path / "wellplaced.db").exists()  # it stopped before touching anything

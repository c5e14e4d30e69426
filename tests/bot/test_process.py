"""The real `python -m bot` process, polling a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.offline_api import ApiCall, private_user, text_update
from tests.cli import ROOT, program_env, run
from tests.fake_bot_api import FakeBotApiServer

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


def test_missing_token_is_one_line_and_a_failure(tmp_path: Path) -> None:
    done = run("bot", cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "wellplaced: BOT_TOKEN is not set: get one from @BotFather and set it in the "
        "environment or .env (or try `python -m bot console`, which needs none)"
    ]
    assert not (tmp_path / "wellplaced.db").exists()  # it stopped before touching anything

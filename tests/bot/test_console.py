"""`python -m bot console`: the same conversation in a terminal, scriptable with piped input."""

from __future__ import annotations

from pathlib import Path

from bot.console import terminal_text
from tests.cli import run


def console(tmp_path: Path, database_url: str, lines: str, *args: str) -> str:
    done = run("bot", "console", *args, cwd=tmp_path, input_text=lines, DATABASE_URL=database_url)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_piped_lonely_message_gets_loneliness_offers(tmp_path: Path, database_url: str) -> None:
    output = console(tmp_path, database_url, "I feel so lonely\n")
    assert "Loneliness and company" in output
    assert "Where:" in output
    assert "<b>" not in output  # HTML is rendered for the terminal


def test_crisis_lines_come_first(tmp_path: Path, database_url: str) -> None:
    output = console(tmp_path, database_url, "I want to kill myself\n")
    reply = output.split("> I want to kill myself", 1)[1]
    assert reply.index("999") < reply.index("116 123") < reply.index("85258")


def test_typing_a_number_presses_that_button(tmp_path: Path, database_url: str) -> None:
    output = console(tmp_path, database_url, "hello\n3\n")
    assert "[3] Food" in output
    assert "Here is what I found for Food" in output


def test_console_needs_no_token_and_says_when_the_directory_is_empty(tmp_path: Path) -> None:
    output = console(tmp_path, f"sqlite:///{tmp_path / 'empty.db'}", "hello\n")
    assert "python -m directory seed" in output


def test_links_show_their_address() -> None:
    assert (
        terminal_text('<a href="https://x.org">x.org</a> &amp; <b>y</b>')
        == "x.org <https://x.org> & y"
    )


def test_the_polish_journey_works_in_the_console(tmp_path: Path, database_url: str) -> None:
    # /language, press "Polski", a need in Polish, share a location, report a problem.
    script = "/language\n2\nnie mam co jeść\nlocation 53.964 -1.056\n1\n1\n"
    output = console(tmp_path, database_url, script)
    after_language = output.split("> 2", 1)[1]
    assert "Od teraz" in after_language  # answered in Polish from here on
    food = after_language.split("> nie mam co jeść", 1)[1].split("> location", 1)[0]
    assert "Jedzenie" in food and "1. " in food
    nearest = output.split("> location 53.964 -1.056", 1)[1].split("\n> 1", 1)[0]
    first_card = nearest.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert "Tang Hall, York" in first_card and "od Ciebie" in first_card
    assert "[link] 🗺 1." in nearest
    reported = output.rsplit("\n> 1", 1)[1]
    assert "Dziękuję" in reported or "Dzięki" in reported

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

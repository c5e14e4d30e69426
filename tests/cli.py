"""Running the project's programs as a person would: as separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def program_env(**overrides: str) -> dict[str, str]:
    """The environment of a fresh shell: none of this machine's wellplaced settings leak in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "BOT_TOKEN",
            "BOT_API_BASE_URL",
            "SUPERADMIN_IDS",
            "DEFAULT_LANGUAGE",
            "TIMEZONE",
            "PSEUDONYM_KEY",
        }
    }
    env.update(overrides)
    return env


def run(
    *args: str, cwd: Path, input_text: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=program_env(PYTHONPATH=str(ROOT), **env),
        input=input_text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

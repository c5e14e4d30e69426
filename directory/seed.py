"""The sample directory: real Big Local projects (marked as samples) and real national lines."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from directory.importer import ImportReport, import_file

SAMPLE_FILE = Path(__file__).resolve().parent / "sample" / "sample_directory.json"


def seed_sample_directory(session: Session) -> ImportReport:
    """Load the sample directory; running it again changes nothing that is already there."""
    return import_file(session, SAMPLE_FILE, actor="seed")

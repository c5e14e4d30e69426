"""Exports the directory as CSV (offers) or JSON (partnerships and offers), ready to re-import."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from directory.models import Offer, Partnership
from directory.records import CSV_COLUMNS, LIST_SEPARATOR, offer_record, partnership_record


def export_file(session: Session, path: Path) -> int:
    """Write the directory to a .csv or .json file; returns the number of offers written."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        raise ValueError("the file must end in .csv or .json")
    text, count = export_csv(session) if suffix == ".csv" else export_json(session)
    path.write_text(text, encoding="utf-8")
    return count


def _offers(session: Session) -> list[Offer]:
    return list(
        session.scalars(
            select(Offer)
            .options(selectinload(Offer.need_tags), selectinload(Offer.partnership))
            .order_by(Offer.id)
        )
    )


def export_json(session: Session) -> tuple[str, int]:
    offers = _offers(session)
    partnerships = session.scalars(select(Partnership).order_by(Partnership.slug))
    document = {
        "partnerships": [partnership_record(p).model_dump(mode="json") for p in partnerships],
        "offers": [offer_record(offer).model_dump(mode="json") for offer in offers],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", len(offers)


def export_csv(session: Session) -> tuple[str, int]:
    offers = _offers(session)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for offer in offers:
        writer.writerow(_csv_row(offer_record(offer).model_dump(mode="json")))
    return buffer.getvalue(), len(offers)


def _csv_row(values: dict[str, Any]) -> dict[str, str]:
    row = {}
    for name in CSV_COLUMNS:
        value = values[name]
        if isinstance(value, list):
            row[name] = LIST_SEPARATOR.join(value)
        elif isinstance(value, bool):
            row[name] = "true" if value else "false"
        else:
            row[name] = "" if value is None else str(value)
    return row

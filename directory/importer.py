"""Imports offers (CSV or JSON) and partnerships (JSON) all-or-nothing, with an audit trail."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from directory.catalogue import mark_directory_changed
from directory.errors import ImportRejected, RowProblem
from directory.models import AuditEntry, Offer, OfferNeed, Partnership
from directory.records import (
    CSV_COLUMNS,
    OfferRecord,
    PartnershipRecord,
    describe_error,
    offer_record,
    partnership_record,
)

RecordT = TypeVar("RecordT", bound=BaseModel)

# The first data row of a CSV file is row 2, as a spreadsheet numbers it.
_FIRST_CSV_ROW = 2


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    partnerships_created: list[str] = field(default_factory=list)
    partnerships_updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.created or self.updated or self.partnerships_created or self.partnerships_updated
        )


@dataclass(frozen=True)
class ParsedFile:
    """The valid records of a file, by row number, and the problems of the rows that were not."""

    partnerships: list[tuple[int, PartnershipRecord]]
    offers: list[tuple[int, OfferRecord]]
    problems: list[RowProblem] = field(default_factory=list)


def import_file(session: Session, path: Path, *, actor: str) -> ImportReport:
    """Import a .csv or .json file; on any bad row, raise ImportRejected and change nothing."""
    return import_text(session, path.read_text(encoding="utf-8-sig"), path.suffix, actor=actor)


def import_text(session: Session, text: str, suffix: str, *, actor: str) -> ImportReport:
    parsed = parse(text, suffix)
    return apply(session, parsed, actor=actor)


def parse(text: str, suffix: str) -> ParsedFile:
    suffix = suffix.lower().lstrip(".")
    if suffix == "csv":
        return _parse_csv(text)
    if suffix == "json":
        return _parse_json(text)
    raise ImportRejected([RowProblem(0, "the file must end in .csv or .json")])


def _parse_csv(text: str) -> ParsedFile:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [column for column in ("id", "name", "needs") if column not in header]
    unknown = [column for column in header if column not in CSV_COLUMNS]
    if missing or unknown:
        detail = "; ".join(
            part
            for part in (
                f"missing column(s): {', '.join(missing)}" if missing else "",
                f"unknown column(s): {', '.join(unknown)}" if unknown else "",
            )
            if part
        )
        raise ImportRejected([RowProblem(1, f"header: {detail}")])
    rows = [(number, dict(row)) for number, row in enumerate(reader, start=_FIRST_CSV_ROW)]
    for _, row in rows:
        if None in row:  # more cells than the header has columns
            row.pop(None)
            row["__extra_cells__"] = "present"
    offers, problems = _validate(OfferRecord, rows)
    return ParsedFile([], offers, problems)


def _parse_json(text: str) -> ParsedFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRejected([RowProblem(error.lineno, f"not valid JSON: {error.msg}")]) from None
    if isinstance(data, list):
        data = {"offers": data}
    if not isinstance(data, dict) or not isinstance(data.get("offers", []), list):
        raise ImportRejected(
            [RowProblem(0, 'expected {"partnerships": [...], "offers": [...]} or a list of offers')]
        )
    partnership_rows = list(enumerate(data.get("partnerships", []), start=1))
    offer_rows = list(enumerate(data.get("offers", []), start=1))
    partnerships, partnership_problems = _validate(
        PartnershipRecord, partnership_rows, "partnership "
    )
    offers, offer_problems = _validate(OfferRecord, offer_rows)
    return ParsedFile(partnerships, offers, partnership_problems + offer_problems)


def _validate(
    model: type[RecordT], rows: list[tuple[int, Any]], label: str = ""
) -> tuple[list[tuple[int, RecordT]], list[RowProblem]]:
    records: list[tuple[int, RecordT]] = []
    problems: list[RowProblem] = []
    for number, row in rows:
        if not isinstance(row, dict):
            problems.append(RowProblem(number, f"{label}row is not an object"))
            continue
        if row.pop("__extra_cells__", None):
            problems.append(RowProblem(number, "has more cells than the header has columns"))
            continue
        try:
            records.append((number, model.model_validate(row)))
        except ValidationError as error:
            problems.extend(
                RowProblem(number, label + describe_error(detail)) for detail in error.errors()
            )
    return records, problems


def apply(session: Session, parsed: ParsedFile, *, actor: str) -> ImportReport:
    """Check the whole file, references included, then write it. Does not commit."""
    known_slugs = set(session.scalars(select(Partnership.slug)))
    file_slugs = {record.slug for _, record in parsed.partnerships}
    problems = (
        parsed.problems
        + _duplicates(parsed.offers, "offer id")
        + [
            RowProblem(number, f"partnership {record.partnership!r} does not exist")
            for number, record in parsed.offers
            if record.partnership and record.partnership not in known_slugs | file_slugs
        ]
    )
    if problems:
        raise ImportRejected(sorted(problems, key=lambda p: p.row))

    report = ImportReport()
    partnerships = _apply_partnerships(session, parsed.partnerships, actor, report)
    existing = {
        offer.id: offer
        for offer in session.scalars(
            select(Offer)
            .where(Offer.id.in_([record.id for _, record in parsed.offers]))
            .options(selectinload(Offer.need_tags), selectinload(Offer.partnership))
        )
    }
    for _, record in parsed.offers:
        _apply_offer(session, record, existing.get(record.id), partnerships, actor, report)
    if report.changed:
        mark_directory_changed(session)
    session.flush()
    return report


def _duplicates(rows: list[tuple[int, OfferRecord]], what: str) -> list[RowProblem]:
    first_seen: dict[str, int] = {}
    problems = []
    for number, record in rows:
        if record.id in first_seen:
            problems.append(
                RowProblem(
                    number, f"{what} {record.id!r} already appears in row {first_seen[record.id]}"
                )
            )
        first_seen.setdefault(record.id, number)
    return problems


def _apply_partnerships(
    session: Session,
    records: list[tuple[int, PartnershipRecord]],
    actor: str,
    report: ImportReport,
) -> dict[str, Partnership]:
    by_slug = {p.slug: p for p in session.scalars(select(Partnership))}
    for _, record in records:
        current = by_slug.get(record.slug)
        if current is None:
            current = Partnership(**record.model_dump())
            session.add(current)
            by_slug[record.slug] = current
            report.partnerships_created.append(record.slug)
            _audit(session, actor, "create", "partnership", record.slug, _diff(None, record))
            continue
        changes = _diff(partnership_record(current), record)
        if changes:
            for name, value in record.model_dump().items():
                setattr(current, name, value)
            report.partnerships_updated.append(record.slug)
            _audit(session, actor, "update", "partnership", record.slug, changes)
    session.flush()
    return by_slug


def _apply_offer(
    session: Session,
    record: OfferRecord,
    current: Offer | None,
    partnerships: dict[str, Partnership],
    actor: str,
    report: ImportReport,
) -> None:
    before = offer_record(current) if current is not None else None
    changes = _diff(before, record)
    if not changes:
        report.unchanged.append(record.id)
        return
    offer = current or Offer(id=record.id)
    for name, value in record.row_values().items():
        setattr(offer, name, value)
    offer.partnership = partnerships[record.partnership] if record.partnership else None
    offer.need_tags = [OfferNeed(need=need.value) for need in record.needs]
    if current is None:
        session.add(offer)
        report.created.append(record.id)
    else:
        report.updated.append(record.id)
    _audit(session, actor, "update" if current else "create", "offer", record.id, changes)


def _diff(before: BaseModel | None, after: BaseModel) -> dict[str, Any]:
    """Changed fields as {field: [old, new]}, in JSON-friendly values."""
    new = after.model_dump(mode="json")
    old = before.model_dump(mode="json") if before is not None else {}
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


def _audit(
    session: Session, actor: str, action: str, entity: str, entity_id: str, changes: dict[str, Any]
) -> None:
    session.add(
        AuditEntry(actor=actor, action=action, entity=entity, entity_id=entity_id, changes=changes)
    )

"""Importing and exporting the directory: all or nothing, with every bad row named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from directory.errors import ImportRejected
from directory.exporter import export_csv, export_json
from directory.importer import import_file, import_text
from directory.models import AuditEntry, Offer, Partnership
from directory.records import CSV_COLUMNS
from directory.seed import seed_sample_directory

HEADER = ",".join(CSV_COLUMNS)
GOOD_ROW = (
    "tang-hall-soup,Soup Tuesday,Hot soup and a chat,Tang Hall Big Local,food;loneliness,"
    "tang-hall,Tang Hall,YO31,,,Tu 12:00-14:00,,,https://example.org,Free,en,Everyone,"
    "Drop in,2026-11-01,active,false,true"
)


def offer_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Offer)) or 0


def test_csv_import_adds_an_offer_with_its_needs(session: Session) -> None:
    report = import_text(session, f"{HEADER}\n{GOOD_ROW}\n", ".csv", actor="test")
    assert report.created == ["tang-hall-soup"]
    offer = session.get(Offer, "tang-hall-soup")
    assert offer is not None and offer.needs == ["food", "loneliness"]
    assert offer.partnership is not None and offer.partnership.slug == "tang-hall"


def test_bad_rows_are_each_reported_by_number_and_nothing_is_imported(session: Session) -> None:
    before = offer_count(session)
    rows = [
        GOOD_ROW,
        GOOD_ROW.replace("tang-hall-soup", "bad-hours").replace("Tu 12:00-14:00", "Tuesdays"),
        GOOD_ROW.replace("tang-hall-soup", "bad-need").replace("food;loneliness", "food;snacks"),
        GOOD_ROW.replace("tang-hall-soup", "bad-area").replace(",tang-hall,", ",atlantis,"),
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_text(session, "\n".join([HEADER, *rows]) + "\n", ".csv", actor="test")
    by_row = {problem.row: problem.message for problem in rejected.value.problems}
    assert set(by_row) == {3, 4, 5}
    assert "opening_hours" in by_row[3]
    assert "needs" in by_row[4]
    assert "atlantis" in by_row[5]
    assert offer_count(session) == before


def test_duplicate_ids_in_one_file_are_rejected(session: Session) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_text(session, f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\n", ".csv", actor="test")
    assert [problem.row for problem in rejected.value.problems] == [3]


def test_unknown_columns_are_rejected_before_any_row(session: Session) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_text(session, f"{HEADER},colour\n{GOOD_ROW},red\n", ".csv", actor="test")
    assert rejected.value.problems[0].row == 1
    assert "colour" in rejected.value.problems[0].message


def test_malformed_json_is_rejected_with_its_line(session: Session) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_text(session, '{"offers": [\n{"id": }\n]}', ".json", actor="test")
    assert rejected.value.problems[0].row == 2


def test_seeding_twice_does_not_duplicate(session: Session) -> None:
    count = offer_count(session)
    partnerships = session.scalar(select(func.count()).select_from(Partnership))
    report = seed_sample_directory(session)
    assert not report.changed
    assert offer_count(session) == count
    assert session.scalar(select(func.count()).select_from(Partnership)) == partnerships


def test_sample_directory_is_complete_and_marked(session: Session) -> None:
    offers = list(session.scalars(select(Offer)))
    assert len(offers) >= 40
    for offer in offers:
        assert offer.needs and offer.opening_hours and offer.verified_on
        if offer.partnership is not None:
            assert offer.is_sample
            assert offer.phone is None and offer.email is None  # no invented contacts
    national = {offer.id: offer for offer in offers if offer.partnership is None}
    assert national["national-samaritans"].phone == "116 123"
    assert national["national-childline"].phone == "0800 1111"


def test_changes_are_audited_with_before_and_after(session: Session) -> None:
    import_text(session, f"{HEADER}\n{GOOD_ROW}\n", ".csv", actor="alice")
    import_text(session, f"{HEADER}\n{GOOD_ROW.replace(',Free,', ',£1,')}\n", ".csv", actor="bob")
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.entity_id == "tang-hall-soup").order_by(AuditEntry.id)
    ).all()
    assert [(e.actor, e.action) for e in entries] == [("alice", "create"), ("bob", "update")]
    assert entries[1].changes == {"cost": ["Free", "£1"]}


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_then_import_changes_nothing(session: Session, suffix: str, tmp_path: Path) -> None:
    text, count = export_csv(session) if suffix == ".csv" else export_json(session)
    assert count == offer_count(session)
    path = tmp_path / f"directory{suffix}"
    path.write_text(text, encoding="utf-8")
    report = import_file(session, path, actor="test")
    assert not report.changed
    assert len(report.unchanged) == count


def test_json_export_lists_partnerships_and_offers(session: Session) -> None:
    document = json.loads(export_json(session)[0])
    assert {p["slug"] for p in document["partnerships"]} >= {"ewanrigg", "par-bay"}
    assert document["offers"] == sorted(document["offers"], key=lambda offer: offer["id"])

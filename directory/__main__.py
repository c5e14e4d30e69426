"""python -m directory: migrate, seed, import, export, match, and the queue of residents'
problem reports, from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from directory.catalogue import Catalogue
from directory.db import ensure_schema, make_engine, make_sessionmaker, transaction, upgrade
from directory.errors import DirectoryError, ImportRejected
from directory.exporter import export_file
from directory.importer import ImportReport, import_file
from directory.languages import SUPPORTED_LANGUAGES
from directory.matching import MatchResult
from directory.reports import open_reports, resolve_report
from directory.search import DEFAULT_LIMIT, find_help
from directory.seed import seed_sample_directory
from directory.settings import DirectorySettings, load_settings

CLI_ACTOR = "cli"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m directory",
        description="Manage the wellplaced directory. The database is DATABASE_URL.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("seed", help="load the sample directory (safe to run again)")
    importing = commands.add_parser("import", help="import offers from a .csv or .json file")
    importing.add_argument("file", type=Path)
    exporting = commands.add_parser("export", help="export the directory to a .csv or .json file")
    exporting.add_argument("file", type=Path)
    matching = commands.add_parser(
        "match", help="show what a message is understood as and the offers it would get"
    )
    matching.add_argument("text", nargs="?", help="the message, as a resident would type it")
    matching.add_argument("--json", action="store_true", help="print the JSON contract")
    matching.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        help="reply language when the message does not show one",
    )
    matching.add_argument("--area", help="partnership slug of the person's area")
    matching.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="offers to return")
    matching.add_argument(
        "--explain", action="store_true", help="also list the lexicon terms the message matched"
    )
    matching.add_argument(
        "--batch",
        type=argparse.FileType("r", encoding="utf-8"),
        metavar="FILE",
        help="match every line of FILE ('-' for stdin); prints one JSON object per line",
    )
    reports = commands.add_parser(
        "reports", help="list residents' open problem reports, or resolve one"
    )
    reports.add_argument("--area", help="only reports about this partnership's offers")
    reports.add_argument("--resolve", type=int, metavar="ID", help="mark report ID as dealt with")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "match" and (args.text is None) == (args.batch is None):
        parser.error("match takes either TEXT or --batch FILE")
    settings = load_settings(DirectorySettings)
    engine = make_engine(settings.DATABASE_URL)
    try:
        if args.command == "migrate":
            upgrade(engine)
            print("database is up to date")
            return 0
        ensure_schema(engine)
        return _run(args, engine, settings)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        print(f"{args.file}: {rejected}", file=sys.stderr)
        return 1
    except DirectoryError as error:
        print(f"wellplaced: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine: Engine, settings: DirectorySettings) -> int:
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        if args.command == "seed":
            _print_report(seed_sample_directory(session), "sample directory")
        elif args.command == "import":
            _print_report(import_file(session, args.file, actor=CLI_ACTOR), str(args.file))
        elif args.command == "export":
            try:
                count = export_file(session, args.file)
            except ValueError as error:
                print(f"{args.file}: {error}", file=sys.stderr)
                return 1
            print(f"exported {count} offers to {args.file}")
        elif args.command == "reports":
            _reports(session, args.area, args.resolve)
        elif args.command == "match":
            language = args.lang or settings.DEFAULT_LANGUAGE
            catalogue = Catalogue(timezone=settings.TIMEZONE)
            if args.batch is not None:
                for line in _batch_lines(args.batch, language, args.area):
                    result = find_help(
                        session,
                        catalogue,
                        line[0],
                        area=line[2],
                        language=line[1],
                        limit=args.limit,
                        record_unmet=False,
                    )
                    print(json.dumps(result.to_contract(), ensure_ascii=False))
            else:
                result = find_help(
                    session,
                    catalogue,
                    args.text,
                    area=args.area,
                    language=language,
                    limit=args.limit,
                    record_unmet=False,
                )
                _print_match(result, as_json=args.json, out=sys.stdout)
                if args.explain:
                    for line in catalogue.detector.explain(args.text):
                        print(f"  matched {line}")
    return 0


def _batch_lines(
    source: TextIO, language: str, area: str | None
) -> Iterator[tuple[str, str, str | None]]:
    """Each line is a message, or a JSON object {"text": ..., "lang": ..., "area": ...}."""
    for raw in source:
        line = raw.rstrip("\n")
        if line.startswith("{"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                item = None
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                yield item["text"], item.get("lang") or language, item.get("area") or area
                continue
        yield line, language, area


def _print_match(result: MatchResult, *, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(result.to_contract(), ensure_ascii=False, indent=2), file=out)
        return
    needs = ", ".join(f"{s.need.value} {s.confidence:.2f}" for s in result.needs) or "none"
    print(f"status: {result.status.value}   language: {result.language}   needs: {needs}", file=out)
    for ranked in result.offers:
        where = ranked.offer.partnership_name or "national"
        print(f"  {ranked.score:.2f}  {ranked.offer.name}  ({where}; {ranked.offer.id})", file=out)


def _reports(session: Session, area: str | None, resolve: int | None) -> None:
    if resolve is not None:
        resolve_report(session, resolve)
        print(f"report {resolve} resolved")
        return
    queue = open_reports(session, area=area)
    for report in queue:
        print(
            f"{report.id}\t{report.reported_at:%Y-%m-%d %H:00}\t{report.kind.value}\t"
            f"{report.partnership or 'national'}\t{report.offer_id}\t{report.offer_name}"
        )
    print(f"{len(queue)} open {'report' if len(queue) == 1 else 'reports'}", file=sys.stderr)


def _print_report(report: ImportReport, source: str) -> None:
    print(
        f"{source}: {len(report.created)} offers added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged; {len(report.partnerships_created)} partnerships "
        f"added, {len(report.partnerships_updated)} updated"
    )


if __name__ == "__main__":
    sys.exit(main())

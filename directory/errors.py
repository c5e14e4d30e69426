"""Expected domain errors: each carries what a caller needs to explain it to a person."""

from __future__ import annotations

from dataclasses import dataclass


class DirectoryError(Exception):
    """Base class for errors the directory expects and explains."""


@dataclass(frozen=True)
class RowProblem:
    """One bad row of an import: its number in the file and what is wrong with it."""

    row: int
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


class ImportRejected(DirectoryError):
    """An import had bad rows; nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} bad row(s); nothing was imported")


class UnknownPartnership(DirectoryError):
    """A partnership slug that the directory does not hold."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        super().__init__(f"unknown partnership area: {slug}")


class UnknownOffer(DirectoryError):
    """An offer id that the directory does not hold (or no longer holds)."""

    def __init__(self, offer_id: str) -> None:
        self.offer_id = offer_id
        super().__init__(f"unknown offer: {offer_id}")


class UnknownReport(DirectoryError):
    """A problem report id that does not exist or is already resolved."""

    def __init__(self, report_id: int) -> None:
        self.report_id = report_id
        super().__init__(f"no open problem report {report_id}")


class SchemaNotReady(DirectoryError):
    """The database is not at the schema revision this code needs."""

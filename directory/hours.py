"""Opening hours in OpenStreetMap syntax, evaluated in local time with England's bank holidays.

Holidays are England's (`directory.bank_holidays`): opening-hours-py's "GB" calendar lacks New
Year's Day, Easter Monday and the Summer bank holiday and takes no custom calendar, so on days
the two disagree the text is evaluated with "PH" rewritten to match every day (or no day).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum, StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours, ParserError, State

from directory.bank_holidays import england_bank_holidays

COUNTRY = "GB"
# How far ahead to look for the next opening (a seasonal offer may be closed for months);
# an open spell lasting longer than this counts as always open.
LOOK_AHEAD = timedelta(days=366)
# A selector matching every day, and one the library never matches (it has no school holidays).
EVERY_DAY = "Mo-Su"
NO_DAY = "SH"
# "PH" as a holiday selector, not inside a word.
_PUBLIC_HOLIDAY = re.compile(r"(?<![A-Za-z])PH(?![A-Za-z])")
_DAY = timedelta(days=1)

Interval = tuple[datetime, datetime, State, str]


class HoursState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ALWAYS = "always"  # open, and not closing within the look-ahead
    UNKNOWN = "unknown"  # unreadable text, or the text itself says "unknown"


@dataclass(frozen=True, slots=True)
class OpeningStatus:
    """The state at a moment and when it next changes, in the place's local time.

    `change` is the closing time when OPEN and the next opening when CLOSED (None if it does not
    open within LOOK_AHEAD); always None for ALWAYS and UNKNOWN. `comment` is the rule's comment
    at that moment, if it has one ("by appointment").
    """

    state: HoursState
    change: datetime | None = None
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """Opening to closing wall-clock time. `end` before `start` runs past midnight (22:00–02:00);
    `end` of 00:00 means midnight at the end of the day."""

    start: time
    end: time


@dataclass(frozen=True, slots=True)
class ScheduleLine:
    """Weekdays (0 = Monday … 6 = Sunday) sharing the same spans."""

    weekdays: tuple[int, ...]
    spans: tuple[Span, ...]


class _Holidays(Enum):
    """How "PH" is read: by the library's calendar, or forced on or off for a corrected day."""

    LIBRARY = "library"
    EVERY_DAY = "every day"
    NO_DAY = "no day"


@lru_cache(maxsize=4096)
def parsed_hours(hours: str, timezone: str) -> OpeningHours | None:
    """Parsed once per distinct text: directories repeat the same few patterns many times."""
    return _parsed(hours, timezone, _Holidays.LIBRARY)


@lru_cache(maxsize=4096)
def _parsed(hours: str, timezone: str | None, reading: _Holidays) -> OpeningHours | None:
    """Parsed as written, or with "PH" rewritten. Without a timezone, times are naive wall-clock
    times: a weekly schedule should say what the sign says, whatever the clocks do that week."""
    if reading is not _Holidays.LIBRARY:
        hours = _rewrite_holidays(hours, EVERY_DAY if reading is _Holidays.EVERY_DAY else NO_DAY)
    zone = ZoneInfo(timezone) if timezone else None
    try:
        return OpeningHours(hours, timezone=zone, country=COUNTRY)
    except (ParserError, ValueError):
        return None


def _rewrite_holidays(hours: str, selector: str) -> str:
    # Comments are in double quotes: every other piece of the split text.
    pieces = hours.split('"')
    for i in range(0, len(pieces), 2):
        pieces[i] = _PUBLIC_HOLIDAY.sub(selector, pieces[i])
    return '"'.join(pieces)


@lru_cache(maxsize=1024)
def _mentions_holidays(hours: str) -> bool:
    return _rewrite_holidays(hours, "") != hours


@lru_cache(maxsize=16)
def _library_holidays(year: int) -> frozenset[date]:
    calendar = OpeningHours("PH", country=COUNTRY)
    days: set[date] = set()
    for start, end, state, _ in calendar.intervals(datetime(year, 1, 1), datetime(year + 1, 1, 1)):
        if state is State.OPEN:
            day = start.date()
            while day < end.date() or (day == end.date() and end.time() != time(0)):
                days.add(day)
                day += _DAY
    return frozenset(days)


@lru_cache(maxsize=16)
def _calendar_fixes(year: int) -> tuple[tuple[date, bool], ...]:
    """Days where the library's calendar is wrong for England, with whether they are holidays."""
    # Directories serve England; Scotland and Northern Ireland have other bank holidays.
    england = england_bank_holidays(year)
    library = _library_holidays(year)
    fixes = [(day, True) for day in england - library] + [(day, False) for day in library - england]
    return tuple(sorted(fixes))


def _fixes_between(first: date, last: date) -> Iterator[tuple[date, bool]]:
    for year in range(first.year, last.year + 1):
        for day, holiday in _calendar_fixes(year):
            if first <= day <= last:
                yield day, holiday


def _reading(*, holiday: bool) -> _Holidays:
    return _Holidays.EVERY_DAY if holiday else _Holidays.NO_DAY


def _midnight(day: date, zone: ZoneInfo | None) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def _intervals(
    hours: str, start: datetime, end: datetime, timezone: str | None
) -> Iterator[Interval]:
    """The library's intervals from start to end, with England's holidays spliced in by day.

    Aware local times with a timezone, naive wall-clock times without. Caller checks the text
    parses."""
    as_written = _parsed(hours, timezone, _Holidays.LIBRARY)
    assert as_written is not None
    fixes = _fixes_between(start.date(), end.date()) if _mentions_holidays(hours) else ()
    zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else None
    cursor = start
    for day, holiday in fixes:
        day_start, day_end = _midnight(day, zone), _midnight(day + _DAY, zone)
        if day_end <= cursor:
            continue
        if day_start >= end:
            break
        if cursor < day_start:
            yield from as_written.intervals(cursor, day_start)
            cursor = day_start
        # A rewrite the parser refuses (e.g. "PH +1 day") falls back to the library's calendar.
        corrected = _parsed(hours, timezone, _reading(holiday=holiday)) or as_written
        stop = min(day_end, end)
        yield from corrected.intervals(cursor, stop)
        cursor = stop
    if cursor < end:
        yield from as_written.intervals(cursor, end)


def _runs(hours: str, start: datetime, end: datetime, timezone: str | None) -> Iterator[Interval]:
    """Intervals merged while the state stays the same: "10:00-12:00,12:00-14:00" is one run,
    and so are neighbours differing only by comment. Keeps the first comment."""
    current: Interval | None = None
    for interval in _intervals(hours, start, end, timezone):
        if current is not None and current[2] == interval[2]:
            current = (current[0], interval[1], current[2], current[3])
            continue
        if current is not None:
            yield current
        current = interval
    if current is not None:
        yield current


def is_open(hours: str, moment: datetime, timezone: str) -> bool | None:
    """Whether the place is open at `moment`; None when its hours cannot be read."""
    parsed = parsed_hours(hours, timezone)
    if parsed is None:
        return None
    local = moment.astimezone(ZoneInfo(timezone))
    if _mentions_holidays(hours):
        fix = next(_fixes_between(local.date(), local.date()), None)
        if fix is not None:
            parsed = _parsed(hours, timezone, _reading(holiday=fix[1])) or parsed
    return bool(parsed.is_open(local))


def opening_status(hours: str, moment: datetime, timezone: str) -> OpeningStatus:
    """Open or closed at `moment` (aware, any timezone), and until when, in `timezone`."""
    if parsed_hours(hours, timezone) is None:
        return OpeningStatus(HoursState.UNKNOWN)
    local = moment.astimezone(ZoneInfo(timezone))
    horizon = local + LOOK_AHEAD
    runs = _runs(hours, local, horizon, timezone)
    first = next(runs, None)
    if first is None:
        return OpeningStatus(HoursState.UNKNOWN)
    _, end, state, comment = first
    note = comment or None
    if state is State.OPEN:
        if end >= horizon:
            return OpeningStatus(HoursState.ALWAYS, None, note)
        return OpeningStatus(HoursState.OPEN, end, note)
    if state is not State.CLOSED:
        return OpeningStatus(HoursState.UNKNOWN, None, note)
    # Closed: the next opening, passing over any spell marked "unknown" on the way.
    opening = next((start for start, _, later, _ in runs if later is State.OPEN), None)
    return OpeningStatus(HoursState.CLOSED, opening, note)


def weekly_schedule(hours: str, moment: datetime, timezone: str) -> tuple[ScheduleLine, ...] | None:
    """The hours of the seven days from `moment`'s local date, as a card shows them.

    Holidays and seasons apply as they fall that week. Days with the same spans share a line;
    lines come in weekday order of their first day (Monday first); days closed all week are left
    out. A span past midnight is listed once, on the day it starts. Open round the clock is
    00:00–00:00 on each day (24/7 is one line of all seven days). None when unreadable.
    """
    if parsed_hours(hours, timezone) is None:
        return None
    first_day = moment.astimezone(ZoneInfo(timezone)).date()
    days: dict[date, list[Span]] = {first_day + k * _DAY: [] for k in range(7)}
    # Naive wall-clock evaluation, from a day early (to see where a run really starts) to a day
    # late (to see where the last day's overnight span ends).
    start = _midnight(first_day - _DAY, None)
    end = _midnight(first_day + 8 * _DAY, None)
    for run_start, run_end, state, _ in _runs(hours, start, end, None):
        if state is not State.OPEN:
            continue
        for piece_start, piece_end in _day_pieces(run_start, run_end):
            spans = days.get(piece_start.date())
            if spans is not None:
                spans.append(Span(piece_start.time(), piece_end.time()))
    weekdays_by_spans: dict[tuple[Span, ...], list[int]] = {}
    for day, spans in days.items():
        if spans:
            weekdays_by_spans.setdefault(tuple(spans), []).append(day.weekday())
    lines = (
        ScheduleLine(tuple(sorted(weekdays)), spans)
        for spans, weekdays in weekdays_by_spans.items()
    )
    return tuple(sorted(lines, key=lambda line: line.weekdays[0]))


def _day_pieces(start: datetime, end: datetime) -> Iterator[tuple[datetime, datetime]]:
    """An open run of up to a day stays whole (22:00–02:00 belongs to the day it starts); a
    longer one (24/7, or Sa 10:00 to Su 18:00) is cut at each midnight so every day shows it."""
    if end - start <= _DAY:
        yield start, end
        return
    while start < end:
        cut = min(_midnight(start.date() + _DAY, None), end)
        yield start, cut
        start = cut

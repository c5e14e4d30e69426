"""England's bank holidays, by rule: small and fast enough to hold for every year asked.

The rules are those of the Banking and Financial Dealings Act 1971 and the royal proclamations
since; tests check them against the `holidays` package for every year from 1995 to 2050.
A one-off holiday proclaimed in future is added to ONE_OFF_CHANGES.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

_SATURDAY, _SUNDAY = 5, 6
_MONDAY = 0

# Proclaimed changes: a usual holiday moved (old date -> new date), or an extra day (None -> date).
ONE_OFF_CHANGES: tuple[tuple[date | None, date | None], ...] = (
    (None, date(1999, 12, 31)),  # the millennium
    (date(2002, 5, 27), date(2002, 6, 4)),  # spring holiday moved for the Golden Jubilee
    (None, date(2002, 6, 3)),  # Golden Jubilee
    (None, date(2011, 4, 29)),  # royal wedding
    (date(2012, 5, 28), date(2012, 6, 4)),  # spring holiday moved for the Diamond Jubilee
    (None, date(2012, 6, 5)),  # Diamond Jubilee
    (date(1995, 5, 1), date(1995, 5, 8)),  # early May moved for VE Day's 50th anniversary
    (date(2020, 5, 4), date(2020, 5, 8)),  # early May moved for VE Day's 75th anniversary
    (date(2022, 5, 30), date(2022, 6, 2)),  # spring holiday moved for the Platinum Jubilee
    (None, date(2022, 6, 3)),  # Platinum Jubilee
    (None, date(2022, 9, 19)),  # the state funeral of Queen Elizabeth II
    (None, date(2023, 5, 8)),  # the coronation of King Charles III
)


def easter_sunday(year: int) -> date:
    """The Gregorian Easter Sunday (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month = (h + weekday_shift - 7 * m + 114) // 31
    day = (h + weekday_shift - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(_MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - _MONDAY) % 7)


@cache
def england_bank_holidays(year: int) -> frozenset[date]:
    """Every bank holiday in England in `year`. New Year's Day, Christmas and Boxing Day count
    on the day itself, and on the weekday that stands in for it when it falls at a weekend."""
    easter = easter_sunday(year)
    days = {
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _first_monday(year, 5),  # early May
        _last_monday(year, 5),  # spring
        _last_monday(year, 8),  # summer
    }
    days |= _with_substitutes([date(year, 1, 1)])
    days |= _with_substitutes([date(year, 12, 25), date(year, 12, 26)])
    for moved_from, moved_to in ONE_OFF_CHANGES:
        if moved_from is not None and moved_from.year == year:
            days.discard(moved_from)
        if moved_to is not None and moved_to.year == year:
            days.add(moved_to)
    return frozenset(days)


def _with_substitutes(fixed: list[date]) -> set[date]:
    """Fixed-date holidays and, for each at a weekend, the next free weekday."""
    days = set(fixed)
    for day in fixed:
        if day.weekday() < _SATURDAY:
            continue
        substitute = day
        while substitute.weekday() >= _SATURDAY or substitute in days:
            substitute += timedelta(days=1)
        days.add(substitute)
    return days


def is_bank_holiday(day: date) -> bool:
    return day in england_bank_holidays(day.year)

"""Opening hours: open or closed now and until when, the week's schedule, England's bank
holidays, nights past midnight and clock changes, all in London time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from directory.hours import (
    HoursState,
    OpeningStatus,
    ScheduleLine,
    Span,
    is_open,
    opening_status,
    weekly_schedule,
)

TZ = "Europe/London"
LONDON = ZoneInfo(TZ)
WEEKDAYS = "Mo-Fr 09:00-17:00; PH off"
TUESDAY_THURSDAY = "Tu,Th 10:00-14:00"
FRIDAY_NIGHT = "Fr 22:00-02:00"
WINTER_WEEKDAYS = "Nov-Mar Mo-Fr 10:00-16:00; PH off"
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def span(start: str, end: str) -> Span:
    return Span(time.fromisoformat(start), time.fromisoformat(end))


def test_open_now_until_it_closes() -> None:
    status = opening_status(TUESDAY_THURSDAY, local(2026, 11, 24, 11, 0), TZ)
    assert status == OpeningStatus(HoursState.OPEN, local(2026, 11, 24, 14, 0))
    assert status.change is not None
    assert status.change.tzinfo == LONDON


def test_closed_in_the_morning_opens_later_the_same_day() -> None:
    status = opening_status(TUESDAY_THURSDAY, local(2026, 11, 24, 8, 0), TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 11, 24, 10, 0))


def test_closed_after_hours_opens_on_the_next_open_weekday() -> None:
    status = opening_status(TUESDAY_THURSDAY, local(2026, 11, 24, 15, 0), TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 11, 26, 10, 0))
    assert status.change is not None
    assert status.change.weekday() == 3  # Thursday


def test_closed_after_the_last_day_of_the_week_opens_next_week() -> None:
    status = opening_status(TUESDAY_THURSDAY, local(2026, 11, 26, 15, 0), TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 12, 1, 10, 0))


def test_chained_intervals_are_open_until_the_end_of_the_last() -> None:
    hours = "Mo 10:00-12:00,12:00-14:00"
    status = opening_status(hours, local(2026, 11, 23, 11, 0), TZ)
    assert status == OpeningStatus(HoursState.OPEN, local(2026, 11, 23, 14, 0))
    assert weekly_schedule(hours, local(2026, 11, 23, 11, 0), TZ) == (
        ScheduleLine((0,), (span("10:00", "14:00"),)),
    )


def test_a_comment_comes_with_the_state() -> None:
    status = opening_status('Mo 10:00-12:00 "by appointment"', local(2026, 11, 23, 11, 0), TZ)
    assert status == OpeningStatus(HoursState.OPEN, local(2026, 11, 23, 12, 0), "by appointment")


@pytest.mark.parametrize(
    ("moment", "closes"),
    [
        (local(2026, 11, 27, 23, 0), local(2026, 11, 28, 2, 0)),  # Friday night
        (local(2026, 11, 28, 1, 0), local(2026, 11, 28, 2, 0)),  # small hours of Saturday
    ],
)
def test_a_night_past_midnight_closes_the_next_morning(moment: datetime, closes: datetime) -> None:
    assert opening_status(FRIDAY_NIGHT, moment, TZ) == OpeningStatus(HoursState.OPEN, closes)


def test_a_night_past_midnight_is_closed_after_it_ends() -> None:
    status = opening_status(FRIDAY_NIGHT, local(2026, 11, 28, 3, 0), TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 12, 4, 22, 0))


@pytest.mark.parametrize(
    "moment",
    [local(2026, 11, 28, 1, 0), local(2026, 11, 25, 12, 0), local(2026, 11, 27, 12, 0)],
)
def test_a_night_past_midnight_is_shown_once_on_the_day_it_starts(moment: datetime) -> None:
    assert weekly_schedule(FRIDAY_NIGHT, moment, TZ) == (
        ScheduleLine((4,), (span("22:00", "02:00"),)),
    )


def test_the_schedule_groups_days_with_the_same_hours_monday_first() -> None:
    hours = "Mo 10:00-12:00; We 10:00-12:00,14:00-16:00; Fr 10:00-12:00"
    thursday = local(2026, 11, 26, 12, 0)
    assert weekly_schedule(hours, thursday, TZ) == (
        ScheduleLine((0, 4), (span("10:00", "12:00"),)),
        ScheduleLine((2,), (span("10:00", "12:00"), span("14:00", "16:00"))),
    )
    assert weekly_schedule(TUESDAY_THURSDAY, thursday, TZ) == (
        ScheduleLine((1, 3), (span("10:00", "14:00"),)),
    )


# England & Wales bank holidays, 2026 and 2027, as gov.uk lists them.
ENGLAND_BANK_HOLIDAYS = [
    date(2026, 1, 1),
    date(2026, 4, 3),
    date(2026, 4, 6),
    date(2026, 5, 4),
    date(2026, 5, 25),
    date(2026, 8, 31),
    date(2026, 12, 25),
    date(2026, 12, 28),  # Boxing Day (substitute day)
    date(2027, 1, 1),
    date(2027, 3, 26),
    date(2027, 3, 29),
    date(2027, 5, 3),
    date(2027, 5, 31),
    date(2027, 8, 30),
    date(2027, 12, 27),  # Christmas Day (substitute day)
    date(2027, 12, 28),  # Boxing Day (substitute day)
]
# Christmas and Boxing Day on a weekend count as well as their substitute days.
CHRISTMAS_ON_A_WEEKEND = [date(2026, 12, 26), date(2027, 12, 25), date(2027, 12, 26)]
# Bank holidays in Scotland or Northern Ireland only.
NOT_IN_ENGLAND = [
    date(2026, 1, 2),
    date(2026, 3, 17),
    date(2026, 7, 13),
    date(2026, 8, 3),
    date(2026, 11, 30),
    date(2027, 1, 4),
    date(2027, 3, 17),
    date(2027, 7, 12),
    date(2027, 8, 2),
    date(2027, 11, 30),
]


@pytest.mark.parametrize("day", ENGLAND_BANK_HOLIDAYS + CHRISTMAS_ON_A_WEEKEND)
def test_england_bank_holidays_are_public_holidays(day: date) -> None:
    noon = local(day.year, day.month, day.day, 12, 0)
    assert is_open("PH", noon, TZ) is True
    assert opening_status("24/7; PH off", noon, TZ).state is HoursState.CLOSED


@pytest.mark.parametrize("day", NOT_IN_ENGLAND)
def test_scottish_and_northern_irish_bank_holidays_are_ordinary_days(day: date) -> None:
    noon = local(day.year, day.month, day.day, 12, 0)
    assert is_open("PH", noon, TZ) is False


@pytest.mark.parametrize("day", [date(2026, 8, 31), date(2026, 10, 28), date(2027, 2, 17)])
def test_school_holidays_never_match(day: date) -> None:
    # Days England does not observe are read with "PH" rewritten to "SH", which must match nothing.
    assert is_open("SH", local(day.year, day.month, day.day, 12, 0), TZ) is False


def test_closed_on_the_summer_bank_holiday_in_england() -> None:
    bank_holiday = local(2026, 8, 31, 12, 0)
    assert is_open(WEEKDAYS, bank_holiday, TZ) is False
    status = opening_status(WEEKDAYS, bank_holiday, TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 9, 1, 9, 0))
    friday_before = local(2026, 8, 28, 18, 0)
    assert opening_status(WEEKDAYS, friday_before, TZ).change == local(2026, 9, 1, 9, 0)
    assert weekly_schedule(WEEKDAYS, friday_before, TZ) == (
        ScheduleLine((1, 2, 3, 4), (span("09:00", "17:00"),)),
    )


def test_open_on_the_scottish_summer_bank_holiday() -> None:
    scottish_holiday = local(2026, 8, 3, 12, 0)
    assert is_open(WEEKDAYS, scottish_holiday, TZ) is True
    status = opening_status(WEEKDAYS, scottish_holiday, TZ)
    assert status == OpeningStatus(HoursState.OPEN, local(2026, 8, 3, 17, 0))


def test_closed_over_christmas_until_after_the_substitute_boxing_day() -> None:
    christmas_eve_evening = local(2026, 12, 24, 18, 0)
    reopens = local(2026, 12, 29, 9, 0)
    assert opening_status(WEEKDAYS, christmas_eve_evening, TZ).change == reopens
    for day in (25, 28):
        noon = local(2026, 12, day, 12, 0)
        assert opening_status(WEEKDAYS, noon, TZ) == OpeningStatus(HoursState.CLOSED, reopens)
    # Thursday 24th to Wednesday 30th: Friday 25th and Monday 28th are off.
    assert weekly_schedule(WEEKDAYS, christmas_eve_evening, TZ) == (
        ScheduleLine((1, 2, 3), (span("09:00", "17:00"),)),
    )


def test_a_holiday_rule_with_its_own_hours_applies_on_english_holidays() -> None:
    hours = "Mo-Fr 09:00-17:00; Sa,PH 10:00-12:00"
    status = opening_status(hours, local(2026, 8, 31, 11, 0), TZ)
    assert status == OpeningStatus(HoursState.OPEN, local(2026, 8, 31, 12, 0))


@pytest.mark.parametrize(
    ("moment", "opens", "offset"),
    [
        # Sunday 25 October 2026: BST ends, 02:00 BST becomes 01:00 GMT.
        (local(2026, 10, 25, 8, 0), local(2026, 10, 25, 10, 0), timedelta(0)),
        (datetime(2026, 10, 25, 0, 59, tzinfo=UTC), local(2026, 10, 25, 10, 0), timedelta(0)),
        (datetime(2026, 10, 25, 1, 1, tzinfo=UTC), local(2026, 10, 25, 10, 0), timedelta(0)),
        # Sunday 28 March 2027: 01:00 GMT becomes 02:00 BST.
        (local(2027, 3, 28, 8, 0), local(2027, 3, 28, 10, 0), timedelta(hours=1)),
        (datetime(2027, 3, 28, 0, 59, tzinfo=UTC), local(2027, 3, 28, 10, 0), timedelta(hours=1)),
        (datetime(2027, 3, 28, 1, 1, tzinfo=UTC), local(2027, 3, 28, 10, 0), timedelta(hours=1)),
    ],
)
def test_opening_on_a_clock_change_day_is_in_local_time(
    moment: datetime, opens: datetime, offset: timedelta
) -> None:
    status = opening_status("Su 10:00-12:00", moment, TZ)
    assert status == OpeningStatus(HoursState.CLOSED, opens)
    assert status.change is not None
    assert status.change.utcoffset() == offset
    assert status.change.astimezone(UTC) == (opens - offset).replace(tzinfo=UTC)


def test_a_night_across_the_autumn_clock_change_closes_at_local_time() -> None:
    status = opening_status("Sa 20:00-03:00", local(2026, 10, 24, 23, 0), TZ)
    assert status == OpeningStatus(HoursState.OPEN, datetime(2026, 10, 25, 3, 0, tzinfo=UTC))
    assert status.change is not None
    assert (status.change.hour, status.change.utcoffset()) == (3, timedelta(0))


@pytest.mark.parametrize("week", [local(2026, 10, 22, 12, 0), local(2027, 3, 25, 12, 0)])
@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ("Su 10:00-12:00", (ScheduleLine((6,), (span("10:00", "12:00"),)),)),
        ("Mo-Su 00:30-01:30", (ScheduleLine(EVERY_DAY, (span("00:30", "01:30"),)),)),
        ("Mo-Su 22:00-02:00", (ScheduleLine(EVERY_DAY, (span("22:00", "02:00"),)),)),
        ("Mo-Su 00:00-24:00", (ScheduleLine(EVERY_DAY, (span("00:00", "00:00"),)),)),
    ],
)
def test_a_clock_change_week_shows_the_usual_hours(
    week: datetime, hours: str, expected: tuple[ScheduleLine, ...]
) -> None:
    assert weekly_schedule(hours, week, TZ) == expected


def test_open_round_the_clock() -> None:
    moment = local(2026, 11, 24, 3, 0)
    assert opening_status("24/7", moment, TZ) == OpeningStatus(HoursState.ALWAYS)
    assert weekly_schedule("24/7", moment, TZ) == (
        ScheduleLine(EVERY_DAY, (span("00:00", "00:00"),)),
    )


def test_a_weekend_open_throughout_is_cut_at_midnight() -> None:
    hours = "Sa 10:00-24:00; Su 00:00-18:00"
    assert weekly_schedule(hours, local(2026, 11, 24, 12, 0), TZ) == (
        ScheduleLine((5,), (span("10:00", "00:00"),)),
        ScheduleLine((6,), (span("00:00", "18:00"),)),
    )


@pytest.mark.parametrize("hours", ["Tuesdays, mornings", "", "Mo 25:00-26:00x"])
def test_unreadable_hours_are_unknown(hours: str) -> None:
    moment = local(2026, 11, 24, 12, 0)
    assert opening_status(hours, moment, TZ) == OpeningStatus(HoursState.UNKNOWN)
    assert weekly_schedule(hours, moment, TZ) is None
    assert is_open(hours, moment, TZ) is None


def test_hours_marked_unknown_are_unknown() -> None:
    status = opening_status("Mo 10:00-12:00 unknown", local(2026, 11, 23, 11, 0), TZ)
    assert status == OpeningStatus(HoursState.UNKNOWN)


def test_out_of_season_opens_in_november() -> None:
    july = local(2026, 7, 15, 12, 0)
    status = opening_status(WINTER_WEEKDAYS, july, TZ)
    assert status == OpeningStatus(HoursState.CLOSED, local(2026, 11, 2, 10, 0))
    assert weekly_schedule(WINTER_WEEKDAYS, july, TZ) == ()


def test_in_season_the_week_is_monday_to_friday() -> None:
    november = local(2026, 11, 11, 12, 0)
    assert weekly_schedule(WINTER_WEEKDAYS, november, TZ) == (
        ScheduleLine((0, 1, 2, 3, 4), (span("10:00", "16:00"),)),
    )


def test_hours_that_have_ended_never_open_again() -> None:
    status = opening_status("2025 Mo 10:00-12:00", local(2026, 7, 15, 12, 0), TZ)
    assert status == OpeningStatus(HoursState.CLOSED)


@pytest.mark.parametrize(
    "hours", [TUESDAY_THURSDAY, FRIDAY_NIGHT, WEEKDAYS, WINTER_WEEKDAYS, "24/7", "Su 10:00-12:00"]
)
@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 7, 14, 9, 30, tzinfo=UTC),  # 10:30 BST
        datetime(2026, 8, 31, 7, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
        datetime(2026, 11, 27, 23, 59, tzinfo=UTC),
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),
    ],
)
def test_utc_and_local_moments_give_the_same_answer(hours: str, moment: datetime) -> None:
    in_london = moment.astimezone(LONDON)
    assert opening_status(hours, moment, TZ) == opening_status(hours, in_london, TZ)
    assert weekly_schedule(hours, moment, TZ) == weekly_schedule(hours, in_london, TZ)
    assert is_open(hours, moment, TZ) == is_open(hours, in_london, TZ)


def test_englands_bank_holidays_agree_with_the_holidays_package_for_every_year() -> None:
    import holidays

    from directory.bank_holidays import england_bank_holidays

    for year in range(1995, 2051):
        expected = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))
        assert england_bank_holidays(year) == expected, year

"""Opening hours and distances as a person reads them, in their language: "open now until
16:00 · Tue, Thu 10:00–14:00", "opens Thursday at 10:00", "0.8 mi away, about 15 minutes'
walk". Times, day names and numbers are formatted by Babel for the reader's locale."""

from __future__ import annotations

from datetime import datetime, time

from babel.dates import format_skeleton, format_time

from bot.i18n import Html, Translator, isolate
from bot.render import field
from directory.hours import HoursState, ScheduleLine, opening_status, weekly_schedule
from directory.needs import N_

# "opens <day> at <time>": one message per weekday, so each language can inflect the day
# ("w środę", "ddydd Mercher") instead of pasting a bare day name into a sentence.
OPENS_ON_DAY = (
    N_("opens Monday at {time}"),
    N_("opens Tuesday at {time}"),
    N_("opens Wednesday at {time}"),
    N_("opens Thursday at {time}"),
    N_("opens Friday at {time}"),
    N_("opens Saturday at {time}"),
    N_("opens Sunday at {time}"),
)
# A run of at least this many days reads as a range: "Mon–Fri".
DAY_RANGE_MINIMUM = 3
KM_PER_MILE = 1.609344
# Walking time is worth giving only for places within a walk.
WALKING_KM = 3.0
WALKING_KMH = 4.8


def when_open(t: Translator, hours: str, now: datetime, timezone: str) -> Html:
    """The state now and the week's hours, or the directory's own text if it cannot be read."""
    status = opening_status(hours, now, timezone)
    if status.state is HoursState.UNKNOWN:
        return field(t, hours)
    if status.state is HoursState.ALWAYS:
        return t("open 24 hours, every day")
    state = _state(t, status.state, status.change, now)
    schedule = weekly_schedule(hours, now, timezone)
    if not schedule:
        return state
    return Html(f"{state} · {_schedule(t, schedule)}")


def _state(t: Translator, state: HoursState, change: datetime | None, now: datetime) -> Html:
    if state is HoursState.OPEN:
        if change is None:
            return t("open now")
        return t("<b>open now</b> until {time}", time=_time(t, change.time()))
    if change is None:
        return t("closed for now")
    today = now.astimezone(change.tzinfo).date()
    at = _time(t, change.time())
    days = (change.date() - today).days
    if days == 0:
        return t("opens today at {time}", time=at)
    if days == 1:
        return t("opens tomorrow at {time}", time=at)
    if days < 7:
        return t(OPENS_ON_DAY[change.weekday()], time=at)
    return t(
        "opens {date} at {time}",
        date=format_skeleton("MMMMd", change.date(), locale=t.locale),
        time=at,
    )


def _schedule(t: Translator, lines: tuple[ScheduleLine, ...]) -> Html:
    separator = t.context("list separator", ", ")
    parts = []
    for line in lines:
        days = _days(t, line.weekdays)
        spans = separator.join(
            f"{_time(t, span.start)}–{_time(t, span.end)}" for span in line.spans
        )
        parts.append(t("{days} {hours}", days=days, hours=Html(spans)))
    return Html(" · ".join(parts))


def _days(t: Translator, weekdays: tuple[int, ...]) -> str:
    names = t.locale.days["stand-alone"]["abbreviated"]
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    pieces = []
    for run in runs:
        if len(run) >= DAY_RANGE_MINIMUM:
            pieces.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            pieces.extend(names[day] for day in run)
    if len(weekdays) == 7:
        return t("every day")
    return str(t.context("list separator", ", ")).join(pieces)


def _time(t: Translator, moment: time) -> Html:
    text = format_time(moment, "short", locale=t.locale)
    return Html(isolate(text) if t.right_to_left else text)


def distance(t: Translator, km: float) -> Html:
    """How far, in miles as British signs and maps give it, and on foot when walkable. Whole
    miles only (or "under a mile"), so every language's plural forms read correctly."""
    miles = km / KM_PER_MILE
    if miles < 1:
        away = t("under a mile away")
    else:
        away = t.plural("{n} mile away", "{n} miles away", round(miles))
    if km > WALKING_KM:
        return away
    minutes = max(1, round(km / WALKING_KMH * 60))
    if minutes > 10:  # nobody walks to the minute: "about 25 minutes", not 23
        minutes = round(minutes / 5) * 5
    walk = t.plural("about {n} minute on foot", "about {n} minutes on foot", minutes)
    return Html(f"{away}{t.context('list separator', ', ')}{walk}")

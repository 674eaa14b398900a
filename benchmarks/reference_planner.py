"""A hand-written planner in plain stdlib datetime/zoneinfo: the yardstick.

It does the date work of `plan_followups(interview)` with the default rules,
for an interview with no history planned as of its start:

* the close of the call, its last 5 minutes (from its start if shorter);
* the thank-you, from the end of the call to 24 hours later, due at once;
* the follow-up, from the start of the 2nd to the end of the 3rd business
  day after the interview;
* the call, from the start of the 7th to the end of the 14th calendar day,
  and no earlier than the 2nd business day after the follow-up's;

the last two narrowed to working time, 09:00-17:00 on the recipient's
calendar, on the working week of the interviewer's country (its weekend on
each date as the ``holidays`` package has it, and the weekend days it works
to make up for a holiday; Monday to Friday without a country), skipping its
public holidays, and due as soon as it opens.  No validation,
no reasons, no rule set: only the arithmetic a careful programmer would
write by hand.  It shares no code with the library, so that each checks
the other.

Instants are held in the form that `tzinfo.fromutc` takes: the reading of
a UTC clock, tagged with the recipient's zone.  Datetimes that share a
tzinfo compare and subtract by their readings, which are UTC's, so these
compare and subtract as instants; `tz.fromutc` turns one into the local
time, fold included.  A wall time becomes an instant by subtracting its
`tz.utcoffset`, as `astimezone` does: one in a daylight-saving gap lands
just after the gap, one in an overlap takes its earlier reading, and a
midnight that a gap swallows starts the day at its first wall time.  The
zone's own methods, called directly, cost a fraction of the datetime
methods that call them (`astimezone`, `utcoffset`).
"""

from __future__ import annotations

import datetime as dt
import warnings
import zoneinfo

ONE_DAY, ONE_WEEK, TWO_WEEKS = (dt.timedelta(days=days) for days in (1, 7, 14))
ONE_MICROSECOND = dt.timedelta(microseconds=1)
CLOSING = dt.timedelta(minutes=5)
THANKS_WITHIN = dt.timedelta(hours=24)
MIDNIGHT, OPENS, CLOSES = dt.time(0), dt.time(9), dt.time(17)
MONDAY_TO_FRIDAY = frozenset(range(5))
NO_HOLIDAYS: frozenset[dt.date] = frozenset()
# One name to look up instead of three, eight times a plan; the instant of
# a wall time is written out where it is needed, for the same reason.
combine = dt.datetime.combine

Step = tuple[str, dt.datetime, dt.datetime, dt.datetime]

# Looked up, not built: ZoneInfo() has a cache of its own but a dict costs
# less, and building a timedelta costs as much as a zone conversion.
ZONES: dict[str, zoneinfo.ZoneInfo] = {}
LENGTHS: dict[int, dt.timedelta] = {}
# A country's days off in a year; its weekend is among them, date by date.
DAYS_OFF: dict[tuple[str, str | None, int], frozenset[dt.date]] = {}
# Those of a year and the next, by the first year.
DAYS_OFF_FROM: dict[tuple[str, str | None, int], frozenset[dt.date]] = {}
EVERY_DAY = frozenset(range(7))


def _zone(name: str) -> zoneinfo.ZoneInfo:
    tz = ZONES.get(name)
    if tz is None:
        tz = ZONES[name] = zoneinfo.ZoneInfo(name)
    return tz


def _length(minutes: int) -> dt.timedelta:
    length = LENGTHS.get(minutes)
    if length is None:
        length = LENGTHS[minutes] = dt.timedelta(minutes=minutes)
    return length


def _days_off(country: str, subdivision: str | None, year: int) -> frozenset[dt.date]:
    """The days of `year` no one works in the country: holidays and its weekend.

    The weekend of each date, less the weekend days the country works to
    make up for a holiday it bridges.
    """
    key = (country, subdivision, year)
    days = DAYS_OFF.get(key)
    if days is None:
        import holidays  # noqa: PLC0415 - slow to import; only countries need it

        # Years the package has no data for hold no holidays: it only warns.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            found = holidays.country_holidays(country, subdiv=subdivision, years=year)
            day = dt.date(year, 1, 1)
            weekend = set()
            while day.year == year:
                if found.is_weekend(day) and day not in found.weekend_workdays:
                    weekend.add(day)
                day += ONE_DAY
            # Frozen: a look-up in the package's calendar would add the year
            # of the day looked up.
            days = DAYS_OFF[key] = frozenset(found) | weekend
    return days


def _days_off_from(
    country: str, subdivision: str | None, year: int
) -> frozenset[dt.date]:
    """The days off of `year` and the next: a plan looks weeks past its interview."""
    key = (country, subdivision, year)
    days = DAYS_OFF_FROM.get(key)
    if days is None:
        # A year's calendar holds that year's days only.  Joined once: two
        # years of weekends are too many to join for every plan.
        days = DAYS_OFF_FROM[key] = _days_off(country, subdivision, year) | _days_off(
            country, subdivision, year + 1
        )
    return days


def _business_days_after(
    day: dt.date, count: int, off: frozenset[dt.date], week: frozenset[int]
) -> dt.date:
    while count:
        day += ONE_DAY
        if day.weekday() in week and day not in off:
            count -= 1
    return day


def _next_working(
    at: dt.datetime,
    tz: zoneinfo.ZoneInfo,
    off: frozenset[dt.date],
    week: frozenset[int],
) -> dt.datetime:
    """The first working instant at or after `at`."""
    day = tz.fromutc(at).date()
    while True:
        if day.weekday() in week and day not in off:
            # Opening time first: most searches start before it and end there.
            wall = combine(day, OPENS, tz)
            opens = wall - tz.utcoffset(wall)
            if at <= opens:
                return opens
            wall = combine(day, CLOSES, tz)
            if at <= wall - tz.utcoffset(wall):
                return at
        day += ONE_DAY


def _last_working(
    at: dt.datetime,
    tz: zoneinfo.ZoneInfo,
    off: frozenset[dt.date],
    week: frozenset[int],
) -> dt.datetime:
    """The last working instant at or before `at`."""
    day = tz.fromutc(at).date()
    while True:
        if day.weekday() in week and day not in off:
            wall = combine(day, CLOSES, tz)
            closes = wall - tz.utcoffset(wall)
            if at >= closes:
                return closes
            wall = combine(day, OPENS, tz)
            if at >= wall - tz.utcoffset(wall):
                return at
        day -= ONE_DAY


def _midnight(day: dt.date, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """The first instant of `day` on the recipient's calendar."""
    wall = combine(day, MIDNIGHT, tz)
    return wall - tz.utcoffset(wall)


def _working_window(
    start: dt.datetime,
    end: dt.datetime,
    tz: zoneinfo.ZoneInfo,
    off: frozenset[dt.date],
    week: frozenset[int],
) -> tuple[dt.datetime, dt.datetime]:
    """The working time from `start` to `end`.

    A window that holds no working time (a week of holidays) rolls forward
    to the next working time, keeping its length.
    """
    opens = _next_working(start, tz, off, week)
    if opens > end:
        end = opens + (end - start)
    return opens, _last_working(end, tz, off, week)


def _days_window(
    first: dt.date, last: dt.date, tz: zoneinfo.ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """From the start of `first` to the end of `last`."""
    # The day's last microsecond, counted in elapsed time: on the wall clock
    # a microsecond before a gap would land in it.
    return _midnight(first, tz), _midnight(last + ONE_DAY, tz) - ONE_MICROSECOND


def plan_by_hand(
    at: dt.datetime,
    minutes: int,
    zone: str,
    country: str | None = None,
    subdivision: str | None = None,
) -> list[Step]:
    """The steps as (kind, window start, window end, due), in the plan's order.

    `zone` is the recipient's: the interviewer's when known, else the
    interview's; the days are counted on its calendar and the times come
    back in it.  `country` (and `subdivision`) are the interviewer's, for
    public holidays.
    """
    tz = _zone(zone)
    local = at.astimezone(tz)
    begins = local - tz.utcoffset(local)
    ends = begins + _length(minutes)
    closing = ends - CLOSING
    if closing < begins:  # noqa: PLR1730 - max() costs a call; this is the hot path
        closing = begins
    day = tz.fromutc(begins).date()
    off = NO_HOLIDAYS
    week = MONDAY_TO_FRIDAY
    if country is not None:
        week = EVERY_DAY
        off = _days_off_from(country, subdivision, day.year)
    first = _business_days_after(day, 2, off, week)
    last = _business_days_after(first, 1, off, week)
    letter_opens, letter_closes = _working_window(
        *_days_window(first, last, tz), tz, off, week
    )
    call_opens, call_closes = _days_window(day + ONE_WEEK, day + TWO_WEEKS, tz)
    # The call waits two business days after the day of the follow-up, which
    # holidays may have pushed towards it (FU012): a window cut there, or
    # moved whole, keeping its length, when it is over by then.
    apart = _midnight(_business_days_after(first, 2, off, week), tz)
    if call_opens < apart:
        if call_closes < apart:
            call_closes = apart + (call_closes - call_opens)
        call_opens = apart
    call_opens, call_closes = _working_window(call_opens, call_closes, tz, off, week)
    # Steps go by due time, then in the advice's order: holidays can push
    # the follow-up past the call.
    call_first = call_opens < letter_opens
    here = tz.fromutc
    closing, thanks_end = here(closing), here(ends + THANKS_WITHIN)
    ends, letter_opens, call_opens = here(ends), here(letter_opens), here(call_opens)
    letter = ("follow-up", letter_opens, here(letter_closes), letter_opens)
    call = ("call", call_opens, here(call_closes), call_opens)
    return [
        ("close-call", closing, ends, closing),
        ("thank-you", ends, thanks_end, ends),
        *((call, letter) if call_first else (letter, call)),
    ]

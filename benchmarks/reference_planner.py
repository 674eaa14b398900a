"""A hand-written planner in plain stdlib datetime/zoneinfo: the yardstick.

It does the same date work as `plan_followups` with the default rules for an
interview with no history: the close of the call, the thank-you window, the
follow-up 2 to 3 business days on and the call 7 to 14 days on, both narrowed
to working hours (Monday to Friday, 09:00-17:00) on the recipient's
calendar, weekends skipped.  No validation, no reasons, no rule set: only
the arithmetic a careful programmer would write by hand.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

UTC = dt.timezone.utc
OPENS, CLOSES = dt.time(9), dt.time(17)


def _at(day: dt.date, time: dt.time, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=tz).astimezone(UTC)


def _business_days_after(day: dt.date, count: int) -> dt.date:
    while count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _next_working(moment: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    day = moment.astimezone(tz).date()
    while True:
        if day.weekday() < 5:
            opens, closes = _at(day, OPENS, tz), _at(day, CLOSES, tz)
            if moment <= closes:
                return max(moment, opens)
        day += dt.timedelta(days=1)


def _last_working(moment: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    day = moment.astimezone(tz).date()
    while True:
        if day.weekday() < 5:
            opens, closes = _at(day, OPENS, tz), _at(day, CLOSES, tz)
            if moment >= opens:
                return min(moment, closes)
        day -= dt.timedelta(days=1)


def _working_window(
    first: dt.date, last: dt.date, tz: zoneinfo.ZoneInfo
) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    start = _next_working(_at(first, dt.time(0), tz), tz)
    end_of_last = _at(last + dt.timedelta(days=1), dt.time(0), tz) - dt.timedelta(
        microseconds=1
    )
    end = _last_working(end_of_last, tz)
    return start, end, start


def plan_by_hand(
    at: dt.datetime, minutes: int, zone: str
) -> list[tuple[str, dt.datetime, dt.datetime, dt.datetime]]:
    """The steps as (kind, window start, window end, due), times in `zone`."""
    tz = zoneinfo.ZoneInfo(zone)
    start = at.astimezone(UTC)
    ends = start + dt.timedelta(minutes=minutes)
    day = at.astimezone(tz).date()
    steps = [
        (
            "close-call",
            ends - dt.timedelta(minutes=5),
            ends,
            ends - dt.timedelta(minutes=5),
        ),
        ("thank-you", ends, ends + dt.timedelta(hours=24), ends),
        (
            "follow-up",
            *_working_window(
                _business_days_after(day, 2), _business_days_after(day, 3), tz
            ),
        ),
        (
            "call",
            *_working_window(
                day + dt.timedelta(days=7), day + dt.timedelta(days=14), tz
            ),
        ),
    ]
    return [
        (kind, first.astimezone(tz), last.astimezone(tz), due.astimezone(tz))
        for kind, first, last, due in steps
    ]

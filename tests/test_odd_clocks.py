"""Planning on the odd clocks of the world, around their changes of 2024-2028.

The property tests elsewhere draw from every zone, so a zone whose clock is
odd (a two-hour or half-hour step, a day that starts at 01:00, DST suspended
for Ramadan, UTC+14 and UTC-11 a day apart, quarter-hour offsets, a negative
DST) comes up once in a few hundred examples.  Here the interviewer is always
in one of those zones, and the call starts near one of its changes, or near
one of its midnights where it has no change left.  The expected follow-up
and call days and the working hours are worked out with the standard
library (and the `holidays` package for a country's days off, as the
library takes them), so that the library's calendar arithmetic is checked,
not repeated.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
import zoneinfo

import attrs
import holidays
import icalendar
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    FollowUpPlan,
    Interview,
    Outcome,
    RuleSet,
    Severity,
    StepKind,
    check_plan,
    plan_followups,
)
from followup.ics import step_uid, to_ics
from followup.json import from_json, to_json
from strategies import histories, transitions

UTC = dt.timezone.utc
#: The interviewer's country and subdivision, or None for none.
Place = tuple[str, str | None] | None
# Each zone with the country (and subdivision) whose calendar is kept there.
ODD_ZONES = {
    "Antarctica/Troll": ("NO", None),  # +00 to +02: a two-hour step
    "Australia/Lord_Howe": ("AU", "NSW"),  # a 30-minute step
    "America/Havana": ("CU", None),  # changes at midnight: a day from 01:00
    "America/Santiago": ("CL", None),  # changes at midnight
    "America/Asuncion": ("PY", None),  # changes at midnight
    "Africa/Casablanca": ("MA", None),  # DST suspended in Ramadan
    "Asia/Gaza": ("PS", None),  # rules of its own, changed often
    "Africa/Cairo": ("EG", None),  # DST back since 2023
    "America/Nuuk": ("GL", None),  # new rules in 2023
    "Pacific/Kiritimati": ("KI", None),  # UTC+14: a day ahead of most
    "Pacific/Niue": ("NU", None),  # UTC-11: a day behind
    "Asia/Kathmandu": ("NP", None),  # +05:45
    "America/St_Johns": ("CA", "NL"),  # -03:30, with DST
    "Europe/Dublin": ("IE", None),  # negative DST: winter is the "saving" time
    "Asia/Tehran": ("IR", None),  # DST abolished in 2022; Friday off
}
YEARS = range(2024, 2029)

# Every change of offset of these zones in those years; a zone that has none
# left (Tehran, Kathmandu, the Pacific) is planned around its midnights
# instead, where a calendar written in UTC would be a day off.
CHANGES = tuple(
    (zone, change)
    for zone in ODD_ZONES
    for year in YEARS
    for change in transitions(zone, year)
)
CHANGELESS = tuple(
    zone for zone in ODD_ZONES if not any(name == zone for name, _ in CHANGES)
)

OPENS, CLOSES = dt.time(9), dt.time(17)
#: The steps kept in working time unless agreed (docs/time.md).
WORKING_KINDS = frozenset({StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK})
ONE_DAY = dt.timedelta(days=1)


def instant(day: dt.date, wall: dt.time, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """The instant of a wall time, read as zoneinfo reads it (fold 0).

    A wall time in a gap takes the offset before the change, so a midnight
    that the gap swallows names the first instant of the day (docs/time.md).
    """
    return dt.datetime.combine(day, wall, tz).astimezone(UTC)


@functools.lru_cache(maxsize=64)
def _days_off(country: str, subdivision: str | None, year: int) -> frozenset[dt.date]:
    """A country's public holidays and weekend days in `year`, from `holidays`.

    A weekend day worked to make up for a bridged holiday is a working day
    (docs/time.md).
    """
    with warnings.catch_warnings():
        # A year the package has no data for holds no holidays: it only warns.
        warnings.simplefilter("ignore", UserWarning)
        found = holidays.country_holidays(country, subdiv=subdivision, years=year)
        weekend = {
            day
            for day in (dt.date(year, 1, 1) + n * ONE_DAY for n in range(366))
            if day.year == year
            and found.is_weekend(day)
            and day not in found.weekend_workdays
        }
        return frozenset(found) | weekend


def is_business(day: dt.date, place: Place) -> bool:
    if place is None:
        # No country: Monday to Friday, with no holidays.
        return day.weekday() < 5
    return day not in _days_off(*place, day.year)


def business_day_after(day: dt.date, count: int, place: Place) -> dt.date:
    while count:
        day += ONE_DAY
        if is_business(day, place):
            count -= 1
    return day


@st.composite
def odd_starts(draw: st.DrawFn) -> tuple[str, dt.datetime]:
    """(zone, start of the call in UTC): near a change, or near a midnight."""
    if CHANGELESS and draw(st.integers(0, 3)) == 0:
        zone = draw(st.sampled_from(CHANGELESS))
        day = draw(st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)))
        around = instant(day, dt.time(0), zoneinfo.ZoneInfo(zone))
    else:
        zone, around = draw(st.sampled_from(CHANGES))
    # Mostly within hours of it, where a call spans the change; sometimes
    # days away, where the follow-up's days do.
    minutes = draw(
        st.one_of(st.integers(-6 * 60, 6 * 60), st.integers(-4 * 24 * 60, 4 * 24 * 60))
    )
    return zone, around + dt.timedelta(minutes=minutes)


def written_in(start: dt.datetime, writing: str) -> dt.datetime:
    return start.astimezone(UTC if writing == "UTC" else zoneinfo.ZoneInfo(writing))


def next_working(at: dt.datetime, tz: zoneinfo.ZoneInfo, place: Place) -> dt.datetime:
    """The first instant of working time at or after `at`: 09:00-17:00 there."""
    day = at.astimezone(tz).date()
    while True:
        if is_business(day, place):
            opens, closes = instant(day, OPENS, tz), instant(day, CLOSES, tz)
            if at <= closes:
                return max(at, opens)
        day += ONE_DAY


def expected_follow_up(
    plan: FollowUpPlan,
    tz: zoneinfo.ZoneInfo,
    start: dt.datetime,
    place: Place,
    history: list[Event],
) -> tuple[dt.datetime, dt.datetime]:
    """(due, window end) of the follow-up as docs/time.md and FU004/FU012 say.

    From the start of the 2nd to the end of the 3rd business day after the
    interview's day, counted on the recipient's calendar, narrowed to
    working time, due as soon as it opens, or at once when planned late
    (FU010); and no earlier than the start of the business day after the
    thank-you (FU012): the one sent, else the one planned.
    """
    interview_day = start.astimezone(tz).date()
    first = business_day_after(interview_day, 2, place)
    last = business_day_after(first, 1, place)
    if history:
        thanked = history[0].at
    else:
        (thanks,) = [s for s in plan.steps if s.kind is StepKind.THANK_YOU]
        thanked = thanks.due
    after_thanks = business_day_after(thanked.astimezone(tz).date(), 1, place)
    earliest = max(
        instant(first, dt.time(0), tz),
        instant(after_thanks, dt.time(0), tz),
        utc(plan.as_of),
    )
    return next_working(earliest, tz, place), instant(last, CLOSES, tz)


def _by_vtimezone(wall: dt.datetime, zone: icalendar.Component) -> dt.datetime:
    """The instant a reader of the VTIMEZONE alone takes a wall time for.

    Each observance starts at its DTSTART read with its TZOFFSETFROM; the
    wall time is the first instant whose observance in force gives it.
    """
    onsets: list[tuple[dt.datetime, dt.timedelta]] = sorted(
        (
            obs.decoded("dtstart").replace(tzinfo=UTC) - obs.decoded("tzoffsetfrom"),
            obs.decoded("tzoffsetto"),
        )
        for obs in zone.walk()
        if obs.name in {"STANDARD", "DAYLIGHT"}
    )
    naive = wall.replace(tzinfo=UTC)
    readings: list[dt.datetime] = []
    for _, offset in onsets:
        at = naive - offset
        in_force = [o for onset, o in onsets if onset <= at]
        if in_force and in_force[-1] == offset:
            readings.append(at)
    assert readings, (wall, onsets)
    return min(readings)


def ics_dues(plan: FollowUpPlan) -> dict[str, dt.datetime]:
    """Each item's UID and the instant it starts at (a to-do without a start: DUE).

    A time with a TZID is read with the file's own VTIMEZONE, not the zone
    database: the file must hold the two-hour and half-hour steps itself.
    """
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    found = {}
    for item in calendar.walk():
        if item.name in {"VEVENT", "VTODO"}:
            name = "dtstart" if "dtstart" in item else "due"
            tzid = item[name].params.get("TZID")
            moment = item.decoded(name)
            if tzid is not None:
                moment = _by_vtimezone(moment.replace(tzinfo=None), zones[tzid])
            found[str(item["uid"])] = moment.astimezone(UTC)
    return found


def utc(moment: dt.datetime) -> dt.datetime:
    # Two datetimes of one zone compare by wall clock (PEP 495), and one in a
    # repeated hour equals none of another zone: compare instants, in UTC.
    return moment.astimezone(UTC)


def check_any_plan(
    plan: FollowUpPlan,
    zone: str,
    history: list[Event],
    place: Place = None,
    rules: RuleSet = DEFAULT_RULES,
) -> None:
    """What holds of every plan, whatever its history.

    With `rules` other than the default ones, no step is expected in working
    hours: those of this file keep none there.
    """
    tz = zoneinfo.ZoneInfo(zone)
    # Plan order: by due as an instant, then the advice's order.
    keys = [(utc(step.due), step.kind.stage) for step in plan.steps]
    assert keys == sorted(keys), keys
    for step in plan.steps:
        assert utc(step.window.start) <= utc(step.due) <= utc(step.window.end), step
        if step.kind in WORKING_KINDS and not step.agreed and rules is DEFAULT_RULES:
            day = step.due.astimezone(tz).date()
            assert is_business(day, place), step
            opens, closes = instant(day, OPENS, tz), instant(day, CLOSES, tz)
            assert opens <= utc(step.due) <= closes, step
    findings = check_plan(plan, plan.interview, history, rules=rules)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert from_json(to_json(plan), FollowUpPlan) == plan
    assert ics_dues(plan) == {
        step_uid(plan.interview, step): utc(step.due).replace(microsecond=0)
        for step in plan.steps
    }


def check(
    plan: FollowUpPlan,
    zone: str,
    start: dt.datetime,
    place: Place,
    history: list[Event],
) -> None:
    """A plan with no history but a thank-you sent: the follow-up's and call's days."""
    tz = zoneinfo.ZoneInfo(zone)
    check_any_plan(plan, zone, history, place)
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    due, end = expected_follow_up(plan, tz, start, place, history)
    assert utc(follow_up.due) == due, (follow_up, due)
    if due <= end:
        assert utc(follow_up.window.end) == end, (follow_up, end)
    # The first call: from the 7th calendar day after the interview's day, and
    # no earlier than the 2nd business day after the follow-up's (FU012),
    # due when that day's working hours open.
    (call,) = [s for s in plan.steps if s.kind is StepKind.CALL]
    interview_day = start.astimezone(tz).date()
    earliest = max(
        interview_day + 7 * ONE_DAY,
        business_day_after(due.astimezone(tz).date(), 2, place),
    )
    while not is_business(earliest, place):
        earliest += ONE_DAY
    assert utc(call.due) == instant(earliest, OPENS, tz), (call, earliest)


@given(
    odd_starts(),
    st.integers(1, 240),
    st.sampled_from(("zone", "UTC", "Pacific/Kiritimati", "Pacific/Niue")),
    st.one_of(st.none(), st.integers(0, 4 * 24 * 60)),
    st.booleans(),
    st.integers(0, 60),
)
def test_planning_on_odd_clocks_keeps_the_recipients_calendar(
    where: tuple[str, dt.datetime],
    minutes: int,
    writing: str,
    late: int | None,
    with_country: bool,
    thanked_after: int,
) -> None:
    zone, start = where
    place = ODD_ZONES[zone] if with_country else None
    country, subdivision = place or (None, None)
    at = written_in(start, zone if writing == "zone" else writing)
    interview = Interview(
        "Ada",
        "Acme",
        at,
        interviewer=Contact(
            "Grace", timezone=zone, country=country, subdivision=subdivision
        ),
        duration=minutes,
    )
    # Without `now`, planned as of the start of the call; with it, some time
    # after the call ended (up to four days, so that steps fall overdue).
    # Planned late, the thank-you was sent within the hour after the call,
    # or not: a follow-up overdue at `now` is then due at once, in working
    # time (FU010, FU011).
    now = None
    history: list[Event] = []
    if late is not None:
        now = start + dt.timedelta(minutes=minutes + late)
        if thanked_after <= late:
            ended = start + dt.timedelta(minutes=minutes)
            thanked = ended + dt.timedelta(minutes=thanked_after)
            history = [Event(EventKind.THANK_YOU_SENT, utc(thanked))]
    plan = plan_followups(interview, history, now=now)
    check(plan, zone, start, place, history)
    # The zone the interview is written in does not matter (docs/time.md):
    # the same steps, at the same wall times of the recipient's zone.
    at_home = attrs.evolve(interview, at=start.astimezone(zoneinfo.ZoneInfo(zone)))
    again = plan_followups(at_home, history, now=now)
    assert [s.due.isoformat() for s in again.steps] == [
        s.due.isoformat() for s in plan.steps
    ]
    assert again.steps == plan.steps


@given(odd_starts(), st.integers(1, 240), st.booleans(), st.data())
def test_odd_clocks_with_a_history(
    where: tuple[str, dt.datetime], minutes: int, named: bool, data: st.DataObject
) -> None:
    # The interview written in the odd zone itself; the interviewer names it
    # too, or only a phone number, so that the interview's zone is the
    # recipient's.  The history comes from the project's strategy.
    zone, start = where
    tz = zoneinfo.ZoneInfo(zone)
    interviewer = (
        Contact("Grace", timezone=zone)
        if named
        else Contact("Grace", phone="+1 212 555 0123")
    )
    interview = Interview(
        "Ada", "Acme", start.astimezone(tz), interviewer=interviewer, duration=minutes
    )
    events, now = data.draw(histories(interview))
    plan = plan_followups(interview, events, now=now)
    check_any_plan(plan, zone, events)


@given(odd_starts(), st.integers(1, 240), st.integers(-180, 180), st.data())
def test_a_call_back_agreed_at_a_change_is_kept_to_the_instant(
    where: tuple[str, dt.datetime],
    minutes: int,
    around: int,
    data: st.DataObject,
) -> None:
    # The company, undecided on a call, agrees a time that falls within three
    # hours of a later change of the zone: in the repeated hour of a change
    # back, or just after a gap.  It is kept as agreed, outside working time
    # or not, and survives JSON and the calendar file as that instant.
    zone, start = where
    tz = zoneinfo.ZoneInfo(zone)
    later = [c for name, c in CHANGES if name == zone and c > start + ONE_DAY]
    called = start + dt.timedelta(minutes=minutes + 60)
    if later:
        agreed = data.draw(st.sampled_from(later[:3])) + dt.timedelta(minutes=around)
    else:
        agreed = called + dt.timedelta(days=2, minutes=around)
    interview = Interview(
        "Ada",
        "Acme",
        start.astimezone(tz),
        interviewer=Contact("Grace", timezone=zone),
        duration=minutes,
    )
    # Written in the zone, in the fold it has at that instant: the repeated
    # hour's second reading must stay the second.
    call = Event(
        EventKind.CALLED,
        called.astimezone(tz),
        outcome=Outcome.UNDECIDED,
        call_back_at=agreed.astimezone(tz),
    )
    plan = plan_followups(interview, [call], now=called)
    (back,) = [s for s in plan.steps if s.kind is StepKind.CALL_BACK]
    assert back.agreed, back
    assert utc(back.due) == utc(agreed), (back, agreed)
    # Written in the zone, the repeated hour's second reading stays second.
    assert back.due.astimezone(tz).fold == agreed.astimezone(tz).fold, back
    check_any_plan(plan, zone, [call])


#: Days counted on the calendar, every day a working day, and no step kept
#: in working hours: the windows are whole days, as FU004 and FU006 give them.
WHOLE_DAYS = (
    DEFAULT_RULES.configure("FU004", days="calendar")
    .configure("FU006", days="calendar")
    .configure(
        "working-time",
        kinds=(),
        weekdays=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    )
)


@given(
    st.sampled_from(CHANGES),
    st.sampled_from((1, 2, 3, 4, 6, 7, 8, 14, 15)),
    st.integers(-12 * 60, 12 * 60),
    st.integers(1, 240),
)
def test_a_window_of_days_runs_from_the_first_to_the_last_instant_of_its_days(
    change: tuple[str, dt.datetime], days_before: int, minutes: int, length: int
) -> None:
    # The call comes a few days before a change, so that a window's first or
    # last day is the day of the change: where the change swallows midnight
    # (Havana, Santiago, Asuncion), that day starts at 01:00 (docs/time.md).
    zone, when = change
    tz = zoneinfo.ZoneInfo(zone)
    start = when - days_before * ONE_DAY + dt.timedelta(minutes=minutes)
    interview = Interview(
        "Ada",
        "Acme",
        start.astimezone(UTC),
        interviewer=Contact("Grace", timezone=zone),
        duration=length,
    )
    plan = plan_followups(interview, rules=WHOLE_DAYS)
    day = start.astimezone(tz).date()

    def first_instant(of: dt.date) -> dt.datetime:
        return instant(of, dt.time(0), tz)

    expected = {
        StepKind.FOLLOW_UP: (day + 2 * ONE_DAY, day + 3 * ONE_DAY),
        StepKind.CALL: (day + 7 * ONE_DAY, day + 14 * ONE_DAY),
    }
    for step in plan.steps:
        if step.kind in expected:
            first, last = expected[step.kind]
            window = (utc(step.window.start), utc(step.window.end), utc(step.due))
            assert window == (
                first_instant(first),
                first_instant(last + ONE_DAY) - dt.timedelta(microseconds=1),
                first_instant(first),
            ), step
            # The first instant is on its day, not the day before.
            assert step.window.start.astimezone(tz).date() == first, step
    assert {s.kind for s in plan.steps} >= set(expected)
    check_any_plan(plan, zone, [], rules=WHOLE_DAYS)


@given(
    st.sampled_from(
        ("Pacific/Niue", "Pacific/Kiritimati", "Asia/Kathmandu", "America/St_Johns")
    ),
    st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)),
    # Mostly 13:00 to 17:00, when Niue's day is tomorrow in UTC.
    st.one_of(st.integers(8 * 60, 18 * 60), st.integers(13 * 60, 17 * 60 - 1)),
    st.integers(2, 4),
)
def test_a_late_follow_up_is_due_at_once_in_the_recipients_working_hours(
    zone: str, day: dt.date, minute: int, days_late: int
) -> None:
    # Planned days late, in the recipient's afternoon: where it is already
    # tomorrow in UTC (Niue) or still yesterday (Kiritimati), the working
    # time left today is the recipient's, found from their date, not UTC's.
    tz = zoneinfo.ZoneInfo(zone)
    # On a Monday: the follow-up's window opens on Wednesday, and `now` is on
    # Wednesday to Friday, a working day with the window open or closed.
    day -= day.weekday() * ONE_DAY
    start = instant(day, dt.time(10), tz)
    interview = Interview(
        "Ada",
        "Acme",
        start.astimezone(tz),
        interviewer=Contact("Grace", timezone=zone),
        duration=30,
    )
    thanked = [Event(EventKind.THANK_YOU_SENT, start + dt.timedelta(hours=1))]
    now = instant(day + days_late * ONE_DAY, dt.time(minute // 60, minute % 60), tz)
    plan = plan_followups(interview, thanked, now=now)
    check(plan, zone, start, None, thanked)

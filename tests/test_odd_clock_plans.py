"""Planning on the odd clocks of the world, around every change from 2024 to 2028.

The property tests elsewhere draw zones uniformly from the ~600 IANA names
and years from 2000 to 2035, so a zone whose clock is odd (a two-hour or a
half-hour step, a change at midnight, Ramadan twice a year, an offset of
+14 or -11, a quarter-hour offset, a negative daylight saving) turns up in
a few examples a run, and its changes of the coming years almost never.
Here every example is such a zone near one of its changes: mostly the
interviewer's, with the call written in another zone, else the
interview's own.  Days and hours are checked against counts made here
from `zoneinfo` and the `holidays` package, not against the library's own
calendar, and working hours may open or close where the clock jumps, on
any day of the week (the default week never works the Sunday most zones
change on).
"""

from __future__ import annotations

import datetime as dt
import warnings
import zoneinfo
from typing import TYPE_CHECKING

import attrs
import icalendar
from hypothesis import assume, example, given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    FollowUpPlan,
    Interview,
    Performance,
    RuleSet,
    Severity,
    Step,
    StepKind,
    check_letter,
    check_plan,
    draft_follow_up,
    draft_thank_you,
    plan_followups,
)
from followup._facts import Facts
from followup.ics import to_ics, to_ics_many
from followup.json import from_json, to_json
from followup.rules import WorkingTime
from strategies import ZONE_NAMES, histories, people, transitions

if TYPE_CHECKING:
    from collections.abc import Iterable

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)


def _instant(moment: dt.datetime) -> dt.datetime:
    """The instant of `moment` as a stdlib datetime in UTC.

    By the stdlib's subtraction, which takes aware datetimes of two zones
    as instants: pendulum's own would give one of its spans.
    """
    return EPOCH + dt.datetime.__sub__(moment, EPOCH)


#: Zones whose clocks are odd, each with its country for public holidays.
ODD_ZONES: dict[str, str | None] = {
    "Antarctica/Troll": None,  # +00 and +02: a two-hour step
    "Australia/Lord_Howe": "AU",  # a 30-minute step
    "America/Havana": "CU",  # changes at midnight: a day that starts at 01:00
    "America/Santiago": "CL",
    "America/Asuncion": "PY",  # kept -03 all year from October 2024
    "Africa/Casablanca": "MA",  # daylight saving suspended for Ramadan
    "Africa/El_Aaiun": None,
    "Asia/Gaza": "PS",  # two changes around Ramadan as well
    "Asia/Hebron": "PS",
    "Africa/Cairo": "EG",  # daylight saving back since 2023
    "America/Nuuk": "GL",  # new rules in 2023
    "America/Scoresbysund": "GL",  # moved from -01 to -02 in 2024
    "Asia/Almaty": None,  # moved from +06 to +05 in 2024
    "Pacific/Apia": "WS",
    "Pacific/Kiritimati": "KI",  # +14
    "Pacific/Niue": "NU",  # -11
    "Pacific/Chatham": None,  # +12:45 and +13:45
    "Asia/Kathmandu": "NP",  # +05:45
    "Australia/Eucla": None,  # +08:45
    "America/St_Johns": "CA",  # -03:30 with daylight saving
    "Europe/Dublin": "IE",  # negative daylight saving in tzdata
    "Asia/Tehran": "IR",  # daylight saving abolished in 2022
}
YEARS = (2024, 2028)


def _working_time(rules: RuleSet) -> WorkingTime:
    working = rules["working-time"]
    assert isinstance(working, WorkingTime)
    return working


WORKING = _working_time(DEFAULT_RULES)


@st.composite
def odd_instants(draw: st.DrawFn, zone: str) -> dt.datetime:
    """An instant (to the minute) within two days of a change of `zone`.

    A zone with no change from 2024 to 2028 gives any instant in those years.
    """
    changes = [
        t for year in range(YEARS[0], YEARS[1] + 1) for t in transitions(zone, year)
    ]
    tz = zoneinfo.ZoneInfo(zone)
    if not changes:
        minutes = draw(st.integers(0, (365 * 5) * 24 * 60))
        start = dt.datetime(YEARS[0], 1, 1, tzinfo=UTC)
        return (start + dt.timedelta(minutes=minutes)).astimezone(tz)
    change = draw(st.sampled_from(changes))
    # Around the change itself most of the time: the minutes either side of
    # it are where a wall time repeats or is skipped.
    minutes = draw(
        st.one_of(
            st.integers(-180, 180),
            st.integers(-2 * 24 * 60, 2 * 24 * 60),
        )
    )
    return (change + dt.timedelta(minutes=minutes)).astimezone(tz)


@st.composite
def odd_interviews(draw: st.DrawFn, zone: str | None = None) -> Interview:
    """An interview on an odd clock: the interviewer's, or the interview's own.

    The odd zone is `zone` when given, else any of `ODD_ZONES`.  Mostly the
    interviewer is there and the call is written elsewhere (another odd
    zone, any zone, UTC); else her zone is unknown and the call is written
    in the odd zone, whose calendar is then the recipient's.
    """
    if zone is None:
        zone = draw(st.sampled_from(sorted(ODD_ZONES)))
    country = draw(st.sampled_from([None, ODD_ZONES[zone]]))
    at = draw(odd_instants(zone))
    hers: str | None = zone
    if draw(st.integers(0, 3)) == 0:
        hers, written = None, zone
    else:
        written = draw(st.sampled_from([*sorted(ODD_ZONES), *ZONE_NAMES[::7], "UTC"]))
    return Interview(
        draw(people),
        "Acme",
        at.astimezone(zoneinfo.ZoneInfo(written)),
        interviewer=Contact(
            "Grace", email="grace@example.com", timezone=hers, country=country
        ),
        duration=draw(st.integers(1, 240)),
        performance=draw(st.sampled_from([Performance.STRONG, Performance.UNKNOWN])),
    )


@st.composite
def odd_situations(
    draw: st.DrawFn,
) -> tuple[Interview, list[Event], dt.datetime | None]:
    """An odd-zone interview, maybe a history, and `now`: none, on time, or late.

    A late `now` is drawn from the history strategy or near a change of the
    interviewer's zone after the call.
    """
    interview = draw(odd_interviews())
    how = draw(st.sampled_from(["none", "history", "late"]))
    if how == "none":
        return interview, [], None
    if how == "history":
        events, now = draw(histories(interview))
        return interview, events, now
    zone = _zone_of(interview)
    later = draw(odd_instants(zone))
    ends = _instant(interview.ends_at)
    if _instant(later) < ends:
        later = (
            ends + dt.timedelta(minutes=draw(st.integers(0, 30 * 24 * 60)))
        ).astimezone(zoneinfo.ZoneInfo(zone))
    return interview, [], later


def _in_casablanca(at: str) -> Interview:
    return Interview(
        "Ada Lovelace",
        "Acme",
        f"{at}[Africa/Casablanca]",
        interviewer=Contact("Grace", timezone="Africa/Casablanca", country="MA"),
    )


def _zone_of(interview: Interview) -> str:
    """The recipient's zone: the interviewer's, else the interview's."""
    assert interview.interviewer is not None
    if interview.interviewer.timezone is not None:
        return interview.interviewer.timezone
    name = interview.at.timezone_name
    assert name is not None
    return name


def _plan(situation: tuple[Interview, list[Event], dt.datetime | None]) -> FollowUpPlan:
    interview, history, now = situation
    return plan_followups(interview, history, now=now)


# -- the plan keeps its own promises -------------------------------------------


@given(odd_situations())
def test_every_due_lies_in_its_window_in_working_time_and_passes_the_check(
    situation: tuple[Interview, list[Event], dt.datetime | None],
) -> None:
    interview, history, now = situation
    plan = _plan(situation)
    as_of = interview.at if now is None else now
    facts = Facts.gather(interview, history, as_of)
    errors = [
        finding
        for finding in check_plan(plan, interview, history)
        if finding.severity is Severity.ERROR
    ]
    assert errors == []
    for step in plan.steps:
        assert _instant(step.window.start) <= _instant(step.due)
        assert _instant(step.due) <= _instant(step.window.end)
        assert step.window.contains(step.due)
        assert _instant(step.due) >= _instant(plan.as_of)
        assert step.due.timezone_name == _zone_of(interview)
        if step.kind in WORKING.params.kinds and not step.agreed:
            local = step.due.astimezone(zoneinfo.ZoneInfo(_zone_of(interview)))
            assert WORKING.is_working(facts, local), (step, local)
            assert facts.is_business_day(local.date()), (step, local)
            assert dt.time(9) <= local.time().replace(fold=0) <= dt.time(17), step
    dues = [_instant(step.due) for step in plan.steps]
    assert dues == sorted(dues)


# -- business days, counted by hand --------------------------------------------


def _days_off(
    country: str | None, years: Iterable[int], *, weekend: bool = True
) -> tuple[set[dt.date], set[int] | None]:
    """The public holidays of `country` in `years` and, if `weekend`, its weekend.

    Returns the days off and None, the week being in them date by date (less
    the weekend days the country works); without a country, no days off and
    Monday to Friday as the week.  A week one configures replaces the
    country's weekend: then only the holidays are wanted.
    """
    if country is None:
        return set(), {0, 1, 2, 3, 4}
    import holidays  # noqa: PLC0415 - slow to import; only countries need it

    off: set[dt.date] = set()
    with warnings.catch_warnings():
        # Years the package has no data for only warn.
        warnings.simplefilter("ignore", UserWarning)
        for year in years:
            found = holidays.country_holidays(country, years=year)
            off |= set(found)
            day = dt.date(year, 1, 1)
            while weekend and day.year == year:
                if found.is_weekend(day) and day not in found.weekend_workdays:
                    off.add(day)
                day += dt.timedelta(days=1)
    return off, None


def _business_days_after(
    day: dt.date, count: int, off: set[dt.date], week: set[int] | None
) -> dt.date:
    while count:
        day += dt.timedelta(days=1)
        if (week is None or day.weekday() in week) and day not in off:
            count -= 1
    return day


@given(odd_interviews())
def test_the_follow_up_counts_business_days_on_the_interviewers_calendar(
    interview: Interview,
) -> None:
    plan = plan_followups(interview)
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    day = _instant(interview.at).astimezone(tz).date()
    assert interview.interviewer is not None
    off, week = _days_off(interview.interviewer.country, (day.year, day.year + 1))
    first = _business_days_after(day, 2, off, week)
    last = _business_days_after(first, 1, off, week)
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    opens = _instant(follow_up.window.start).astimezone(tz)
    closes = _instant(follow_up.window.end).astimezone(tz)
    # Working hours on those days: 09:00 on the first to 17:00 on the last.
    assert (opens.date(), opens.time()) == (first, dt.time(9)), follow_up
    assert (closes.date(), closes.time()) == (last, dt.time(17)), follow_up
    assert _instant(follow_up.due) == _instant(follow_up.window.start)


# -- the edges keep every instant and the zone ----------------------------------


@given(odd_situations())
def test_json_round_trip_is_exact_and_keeps_the_order(
    situation: tuple[Interview, list[Event], dt.datetime | None],
) -> None:
    plan = _plan(situation)
    back = from_json(to_json(plan), FollowUpPlan)
    assert back == plan
    assert [s.kind for s in back.steps] == [s.kind for s in plan.steps]
    assert [s.due.isoformat() for s in back.steps] == [
        s.due.isoformat() for s in plan.steps
    ]
    assert [s.due.timezone_name for s in back.steps] == [
        s.due.timezone_name for s in plan.steps
    ]
    # The same inputs, planned again, give the same steps in the same order.
    assert _plan(situation).steps == plan.steps


_Zones = dict[str, icalendar.Component]


def _onsets(timezone: icalendar.Component) -> list[tuple[dt.datetime, dt.timedelta]]:
    """A VTIMEZONE's observances: (the UTC instant each starts, its offset), in order.

    RFC 5545 reads an observance's DTSTART with its TZOFFSETFROM.
    """
    onsets = []
    for observance in timezone.walk():
        if observance.name in {"STANDARD", "DAYLIGHT"}:
            wall = observance.decoded("dtstart").replace(tzinfo=UTC)
            before: dt.timedelta = observance.decoded("tzoffsetfrom")
            after: dt.timedelta = observance.decoded("tzoffsetto")
            onsets.append((wall - before, after))
    return sorted(onsets)


def _offset_at(timezone: icalendar.Component, at: dt.datetime) -> dt.timedelta:
    """The UTC offset a VTIMEZONE gives the instant `at`."""
    passed = [offset for onset, offset in _onsets(timezone) if onset <= at]
    assert passed, (at, _onsets(timezone))
    return passed[-1]


def _read_back(item: icalendar.Component, name: str, zones: _Zones) -> dt.datetime:
    """The instant a reader takes from `item`'s `name` by the calendar's own VTIMEZONE.

    Not by icalendar's decoding, which looks the TZID up in its own zone
    data: the VTIMEZONE written is what other readers have.
    """
    value = item.decoded(name)
    assert isinstance(value, dt.datetime)
    tzid = item[name].params.get("TZID")
    if tzid is None:
        assert value.utcoffset() == dt.timedelta(), (name, value)
        return value.astimezone(UTC)
    wall = value.replace(tzinfo=UTC)
    timezone = zones[tzid]
    # The wall time read with each offset the zone has; a reading is one
    # whose offset the VTIMEZONE gives that instant.
    readings = {
        wall - offset
        for _, offset in _onsets(timezone)
        if _offset_at(timezone, wall - offset) == offset
    }
    assert readings, (name, value, tzid)
    # RFC 5545 takes the first of two readings of a repeated wall time.
    return min(readings)


def _written_instants(step: Step, item: icalendar.Component) -> dict[str, dt.datetime]:
    """What `item` must say of `step`: its due time, and a to-do the window's end."""
    due = _instant(step.due).replace(microsecond=0)
    if item.name == "VEVENT":
        return {"dtstart": due}
    end = _instant(step.window.end).replace(microsecond=0)
    # A to-do due at the very end of its window has no DTSTART.
    return {"due": end} if due == end else {"dtstart": due, "due": end}


@given(odd_situations())
def test_ics_keeps_every_instant_and_the_zone(
    situation: tuple[Interview, list[Event], dt.datetime | None],
) -> None:
    interview, _, _ = situation
    plan = _plan(situation)
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    zones: _Zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    items = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    assert len(items) == len(plan.steps)
    for item, step in zip(items, plan.steps, strict=True):
        expected = _written_instants(step, item)
        assert {name: _read_back(item, name, zones) for name in expected} == expected
        for name, moment in expected.items():
            tzid = item[name].params.get("TZID")
            if tzid is None:
                # UTC only for the second reading of a wall time repeated.
                assert moment.astimezone(tz).fold == 1, (name, moment)
            else:
                assert tzid == _zone_of(interview)
                assert (
                    _offset_at(zones[tzid], moment) == moment.astimezone(tz).utcoffset()
                )


# -- working hours of one's own, on the days the clocks change --------------------

#: Wall times where these zones' clocks change, or just around them.
ODD_TIMES = [dt.time(h, m) for h in (0, 1, 2, 3, 22, 23) for m in (0, 30)] + [
    dt.time(23, 59),
    dt.time(9),
    dt.time(17),
]


def _changing_wall_times(zone: str) -> list[dt.time]:
    """The wall times at which `zone`'s clocks change, before and after, 2024-2028."""
    tz = zoneinfo.ZoneInfo(zone)
    times = set()
    for year in range(YEARS[0], YEARS[1] + 1):
        for change in transitions(zone, year):
            for moment in (change - dt.timedelta(microseconds=1), change):
                wall = moment.astimezone(tz) + dt.timedelta(microseconds=1)
                times.add(wall.time().replace(microsecond=0, fold=0))
    return sorted(times)


@st.composite
def odd_hours(
    draw: st.DrawFn, zone: str | None = None
) -> tuple[RuleSet, dt.time, dt.time, tuple[int, ...]]:
    """Rules whose working hours start or end where a clock changes.

    The hours open or close at the wall times `zone`'s clocks change at
    (hours that open in a gap and close just after it hold no time), or
    around midnight.  Every day of the week may be a working day, so that
    the Saturday or Sunday most zones change on is one: the default week
    never places a step on such a day.
    """
    near = _changing_wall_times(zone) if zone is not None else []
    times = sorted({*ODD_TIMES, *near})
    start, end = sorted(
        draw(
            st.lists(
                st.one_of(st.sampled_from(near or times), st.sampled_from(times)),
                min_size=2,
                max_size=2,
                unique=True,
            )
        )
    )
    week = draw(
        st.one_of(
            st.just(tuple(range(7))),
            st.sets(st.integers(0, 6), min_size=1).map(
                lambda days: tuple(sorted(days))
            ),
        )
    )
    days = draw(st.sampled_from(["business", "calendar"]))
    rules = DEFAULT_RULES.configure(
        "working-time", start=start, end=end, weekdays=week
    ).configure("FU004", days=days)
    return rules, start, end, week


@st.composite
def odd_situations_in_odd_hours(
    draw: st.DrawFn,
) -> tuple[
    tuple[Interview, list[Event], dt.datetime | None],
    tuple[RuleSet, dt.time, dt.time, tuple[int, ...]],
]:
    """An odd-zone situation, and working hours around its zone's changes."""
    situation = draw(odd_situations())
    return situation, draw(odd_hours(_zone_of(situation[0])))


def _opens_and_closes(
    day: dt.date, start: dt.time, end: dt.time, tz: zoneinfo.ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    # A wall time in a gap is read with the offset before it, as zoneinfo
    # reads it and docs/time.md says the library does.
    return (
        dt.datetime.combine(day, start, tz).astimezone(UTC),
        dt.datetime.combine(day, end, tz).astimezone(UTC),
    )


def _every_day(
    start: str, end: str
) -> tuple[RuleSet, dt.time, dt.time, tuple[int, ...]]:
    week = tuple(range(7))
    rules = DEFAULT_RULES.configure("working-time", start=start, end=end, weekdays=week)
    return rules, dt.time.fromisoformat(start), dt.time.fromisoformat(end), week


@given(odd_situations_in_odd_hours())
# Morocco's clocks go from 02:00 to 03:00 on Sunday 14 April 2024, after
# Ramadan: hours of 02:30 to 03:00 hold no time that day.
@example(((_in_casablanca("2024-04-13T02:00"), [], None), _every_day("02:30", "03:00")))
def test_steps_land_in_configured_hours_on_days_the_clocks_change(
    drawn: tuple[
        tuple[Interview, list[Event], dt.datetime | None],
        tuple[RuleSet, dt.time, dt.time, tuple[int, ...]],
    ],
) -> None:
    situation, hours = drawn
    interview, history, now = situation
    rules, start, end, week = hours
    plan = plan_followups(interview, history, now=now, rules=rules)
    errors = [
        finding
        for finding in check_plan(plan, interview, history, rules=rules)
        if finding.severity is Severity.ERROR
    ]
    assert errors == []
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    assert interview.interviewer is not None
    off, _ = _days_off(interview.interviewer.country, range(2023, 2031), weekend=False)
    working = _working_time(rules)
    for step in plan.steps:
        assert (
            _instant(step.window.start)
            <= _instant(step.due)
            <= _instant(step.window.end)
        )
        if step.kind not in working.params.kinds or step.agreed:
            continue
        due = _instant(step.due)
        day = due.astimezone(tz).date()
        assert day.weekday() in week, step
        assert day not in off, step
        opens, closes = _opens_and_closes(day, start, end, tz)
        assert opens <= due <= closes, (step, opens, closes)
    dues = [_instant(step.due) for step in plan.steps]
    assert dues == sorted(dues)
    assert from_json(to_json(plan), FollowUpPlan) == plan


# -- what a person reads: letters, explanations --------------------------------


@given(odd_situations(), st.sampled_from([*sorted(ODD_ZONES), "UTC"]))
def test_letters_and_explanations_of_odd_clocks_pass_and_read(
    situation: tuple[Interview, list[Event], dt.datetime | None], reader: str
) -> None:
    interview, _, _ = situation
    plan = _plan(situation)
    for kind, text in (
        (StepKind.THANK_YOU, draft_thank_you(interview)),
        (StepKind.FOLLOW_UP, draft_follow_up(interview, fit="I have run such teams.")),
    ):
        findings = check_letter(text, interview, kind)
        assert [f for f in findings if f.severity is Severity.ERROR] == [], text
    for step in plan.steps:
        # Every step is named in the explanation, in the reader's zone too.
        assert step.label in plan.explain()
        assert step.label in plan.explain(zone=reader)
    # Exact text: offsets and zone names, not just instants, read back.
    assert to_json(from_json(to_json(plan), FollowUpPlan)) == to_json(plan)


@st.composite
def interviews_years_apart(draw: st.DrawFn) -> tuple[Interview, Interview]:
    """Two interviews with interviewers in one zone, or in two, months or years apart."""
    zone = draw(st.sampled_from(sorted(ODD_ZONES)))
    other = draw(st.sampled_from([zone, *sorted(ODD_ZONES)]))
    return draw(odd_interviews(zone)), draw(odd_interviews(other))


@given(interviews_years_apart())
# Morocco's clocks stand at +00 from 15 February to 22 March 2026, for
# Ramadan: one VTIMEZONE from November to March must hold both changes.
@example((_in_casablanca("2025-11-03T10:00"), _in_casablanca("2026-03-02T10:00")))
def test_one_calendar_of_plans_years_apart_reads_back_every_instant(
    interviews: tuple[Interview, Interview],
) -> None:
    first, second = interviews
    # One VTIMEZONE a zone serves both plans: it must hold the changes of
    # the whole span between them, Ramadan's included.
    plans = [
        plan_followups(attrs.evolve(first, id="first")),
        plan_followups(attrs.evolve(second, id="second")),
    ]
    calendar = icalendar.Calendar.from_ical(to_ics_many(plans))
    zones: _Zones = {str(tz["tzid"]): tz for tz in calendar.walk("VTIMEZONE")}
    items = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    steps = [step for plan in plans for step in plan.steps]
    assert len(items) == len(steps)
    for item, step in zip(items, steps, strict=True):
        expected = _written_instants(step, item)
        assert {name: _read_back(item, name, zones) for name in expected} == expected


@given(odd_interviews())
def test_the_call_and_the_thank_you_count_elapsed_time_across_any_step(
    interview: Interview,
) -> None:
    # docs/time.md: a call that spans the change lasts its real duration, and
    # the thank-you window is 24 real hours, however far the clocks jump.
    plan = plan_followups(interview)
    begins = _instant(interview.at)
    ends = begins + interview.duration
    closing, thanks = plan.steps[0], plan.steps[1]
    assert (closing.kind, thanks.kind) == (StepKind.CLOSE_CALL, StepKind.THANK_YOU)
    assert _instant(closing.window.start) == max(begins, ends - dt.timedelta(minutes=5))
    assert _instant(closing.window.end) == ends
    assert _instant(thanks.window.start) == _instant(thanks.due) == ends
    assert _instant(thanks.window.end) == ends + dt.timedelta(hours=24)


# -- waiting for a day that starts late -------------------------------------------


@st.composite
def waits_for_a_changing_day(
    draw: st.DrawFn,
) -> tuple[Interview, Event, dt.datetime, RuleSet]:
    """An interview, then an absence, a pause or a reply lasting to a day the clocks change.

    The day is the interviewer's, in an odd zone: on the day the clocks
    change at midnight (Havana, Santiago, Asuncion) it starts at 01:00.
    """
    zone = draw(st.sampled_from(sorted(ODD_ZONES)))
    changes = [
        t for year in range(YEARS[0], YEARS[1] + 1) for t in transitions(zone, year)
    ]
    tz = zoneinfo.ZoneInfo(zone)
    if changes:
        change = draw(st.sampled_from(changes)).astimezone(tz)
    else:
        change = draw(odd_instants(zone))
    until = change.date() + dt.timedelta(days=draw(st.integers(-1, 1)))
    before = dt.timedelta(minutes=draw(st.integers(30, 10 * 24 * 60)))
    at = (change - before).astimezone(tz)
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        at,
        interviewer=Contact("Grace", timezone=zone, country=ODD_ZONES[zone]),
        duration=draw(st.integers(1, 240)),
    )
    ends = _instant(interview.ends_at)
    said = ends + dt.timedelta(minutes=draw(st.integers(0, 24 * 60)))
    if said.astimezone(tz).date() > until:
        said = ends
    assume(said.astimezone(tz).date() <= until)
    kind = draw(st.sampled_from([EventKind.AWAY, EventKind.PAUSED, EventKind.REPLIED]))
    # Written in the interviewer's zone: an event reads `until` against the
    # day of `at` as written (it does not know the recipient).
    event = Event(kind, said.astimezone(tz), until=until)
    now = said + dt.timedelta(minutes=draw(st.integers(0, 24 * 60)))
    rules = draw(
        st.one_of(st.just(DEFAULT_RULES), odd_hours(zone).map(lambda hours: hours[0]))
    )
    return interview, event, now, rules


def _first_instant(day: dt.date, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    # Where a gap swallows midnight, the day starts at the first wall time
    # that exists: zoneinfo reads midnight with the offset before the gap.
    return dt.datetime.combine(day, dt.time(), tz).astimezone(UTC)


@given(waits_for_a_changing_day())
def test_nothing_waiting_for_a_day_comes_before_that_day_starts(
    waiting: tuple[Interview, Event, dt.datetime, RuleSet],
) -> None:
    interview, event, now, rules = waiting
    plan = plan_followups(interview, [event], now=now, rules=rules)
    assert [
        f
        for f in check_plan(plan, interview, [event], rules=rules)
        if f.severity is Severity.ERROR
    ] == []
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    assert event.until is not None
    starts = _first_instant(event.until, tz)
    held = {
        EventKind.AWAY: {StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK},
        EventKind.PAUSED: set(StepKind) - {StepKind.CLOSE_CALL},
        EventKind.REPLIED: {StepKind.CALL},
    }[event.kind]
    if event.kind is EventKind.REPLIED:
        # The call waits until the next business day after the decision's.
        facts = Facts.gather(interview, [event], now, rules.calendar)
        day = event.until + dt.timedelta(days=1)
        while not facts.is_business_day(day):
            day += dt.timedelta(days=1)
        starts = _first_instant(day, tz)
    for step in plan.steps:
        if step.kind in held and not step.agreed:
            assert _instant(step.due) >= starts, (step, starts.astimezone(tz))


# -- late plans keep the advice's order and spacing ------------------------------


@given(odd_situations_in_odd_hours(), st.booleans())
def test_late_steps_keep_their_order_and_business_days_apart(
    drawn: tuple[
        tuple[Interview, list[Event], dt.datetime | None],
        tuple[RuleSet, dt.time, dt.time, tuple[int, ...]],
    ],
    own_hours: bool,
) -> None:
    # docs/time.md, late plans: the follow-up no earlier than the start of
    # the next business day after the thank-you, the call no earlier than the
    # start of the second business day after the follow-up.
    (interview, _, now), (rules, _, _, week) = drawn
    if not own_hours:
        rules, week = DEFAULT_RULES, (0, 1, 2, 3, 4)
    plan = plan_followups(interview, now=now, rules=rules)
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    assert interview.interviewer is not None
    country = interview.interviewer.country
    # The country's week unless one's own is configured.
    off, days = _days_off(country, range(2023, 2031), weekend=not own_hours)
    if own_hours or country is None:
        days = set(week)
    by_kind = {step.kind: step for step in plan.steps}
    thanks = by_kind[StepKind.THANK_YOU]
    letter = by_kind.get(StepKind.FOLLOW_UP)
    call = by_kind.get(StepKind.CALL)

    def local_day(step: Step) -> dt.date:
        return _instant(step.due).astimezone(tz).date()

    before = thanks
    if letter is not None:
        day = _business_days_after(local_day(thanks), 1, off, days)
        assert _instant(letter.due) >= _first_instant(day, tz), (letter, day)
        before = letter
    if call is not None:
        day = _business_days_after(local_day(before), 2, off, days)
        assert _instant(call.due) >= _first_instant(day, tz), (call, day)


@given(odd_situations())
def test_calls_are_a_week_of_the_interviewers_days_apart(
    situation: tuple[Interview, list[Event], dt.datetime | None],
) -> None:
    # FU008: a call no sooner than the start of the 7th calendar day after
    # the last, on the recipient's calendar, unless a time was agreed.
    interview, history, _ = situation
    plan = _plan(situation)
    tz = zoneinfo.ZoneInfo(_zone_of(interview))
    agreed = any(event.call_back_at is not None for event in history)
    calls = sorted(
        _instant(event.at) for event in history if event.kind is EventKind.CALLED
    )
    for step in plan.steps:
        if step.kind not in {StepKind.CALL, StepKind.CALL_BACK}:
            continue
        exempt = step.agreed or (step.kind is StepKind.CALL_BACK and agreed)
        due = _instant(step.due)
        if calls and not exempt:
            day = calls[-1].astimezone(tz).date() + dt.timedelta(days=7)
            assert due >= _first_instant(day, tz), (step, calls[-1])
        calls.append(due)


@given(odd_interviews(), st.floats(0, 1.5))
def test_the_close_of_the_call_lasts_while_the_call_does(
    interview: Interview, share: float
) -> None:
    # A call that spans a change ends after its real duration: the close of
    # the call is planned while it runs, in its last minutes, and not after.
    begins = _instant(interview.at)
    now = begins + interview.duration * share
    plan = plan_followups(interview, now=now)
    closing = [step for step in plan.steps if step.kind is StepKind.CLOSE_CALL]
    ends = begins + interview.duration
    if now >= ends:
        assert closing == []
        return
    (step,) = closing
    assert _instant(step.window.end) == ends
    assert now <= _instant(step.due) <= ends

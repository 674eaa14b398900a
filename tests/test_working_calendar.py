"""One working calendar per recipient: the week, public holidays, closures."""

from __future__ import annotations

import datetime as dt

import hypothesis.strategies as st
import pytest
from hypothesis import given

from followup import (
    DEFAULT_RULES,
    Closure,
    Contact,
    Event,
    EventKind,
    Facts,
    FollowUpError,
    Interview,
    RuleSet,
    StepKind,
    WorkingCalendar,
    check_plan,
    plan_followups,
)
from followup.json import InvalidDocumentError, from_json, to_json
from strategies import situations

SUNDAY_TO_THURSDAY = ("sun", "mon", "tue", "wed", "thu")


def _step(plan, kind):
    (found,) = (step for step in plan.steps if step.kind is kind)
    return found


def _israeli(country=None):
    return Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-17T10:00:00+02:00[Asia/Jerusalem]",  # a Tuesday
        interviewer=Contact("Dana", timezone="Asia/Jerusalem", country=country),
    )


def _follow_up_sent(at):
    return [
        Event(EventKind.THANK_YOU_SENT, "2026-11-17T11:00:00+02:00"),
        Event(EventKind.FOLLOW_UP_SENT, at),
    ]


def _fu004(findings):
    return [finding for finding in findings if finding.code == "FU004"]


def test_a_sunday_to_thursday_week_counts_business_days_on_that_week():
    # Tuesday's interview: Wednesday, Thursday and Sunday are the 1st to 3rd
    # business days, so a follow-up sent on Sunday is on time; on a Monday
    # to Friday week it was flagged as later than Friday 20 November.
    rules = DEFAULT_RULES.configure("working-time", weekdays=SUNDAY_TO_THURSDAY)
    sent = _follow_up_sent("2026-11-22T10:00:00+02:00")
    assert _fu004(check_plan([], _israeli(), sent, rules=rules)) == []
    late = _fu004(check_plan([], _israeli(), sent))
    assert [finding.expected for finding in late] == ["by Fri 20 Nov 2026 23:59 IST"]


def test_the_plan_lands_on_the_configured_week():
    rules = DEFAULT_RULES.configure("working-time", weekdays=SUNDAY_TO_THURSDAY)
    interview = _israeli()
    wednesday = interview.at.add(days=1)
    plan = plan_followups(
        Interview(
            interview.candidate, interview.company, wednesday, interview.interviewer
        ),
        rules=rules,
    )
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    # Thursday 19th is the first business day, Sunday 22nd the second.
    assert follow_up.window.start.format("ddd D MMM") == "Sun 22 Nov"
    assert follow_up.window.end.format("ddd D MMM") == "Mon 23 Nov"


@pytest.mark.parametrize(
    ("country", "weekend"),
    [("IL", {4, 5}), ("SA", {4, 5}), ("IR", {4}), ("US", {5, 6}), ("AE", {5, 6})],
)
def test_the_country_gives_the_week_when_none_is_configured(country, weekend):
    interview = _israeli(country)
    facts = Facts.gather(interview, calendar=DEFAULT_RULES.calendar)
    assert facts.weekdays == frozenset(range(7)) - weekend
    monday = dt.date(2026, 11, 16)
    for offset in range(7):
        day = monday + dt.timedelta(days=offset)
        if day.weekday() in weekend:
            assert not facts.is_business_day(day)


def test_israel_is_followed_up_on_its_own_week():
    # No week configured: the country's weekend, Friday and Saturday.
    sent = _follow_up_sent("2026-11-22T10:00:00+02:00")
    assert _fu004(check_plan([], _israeli("IL"), sent)) == []
    plan = plan_followups(_israeli("IL"))
    # Tuesday 17th: Wednesday and Thursday are the 1st and 2nd business days.
    assert _step(plan, StepKind.FOLLOW_UP).due.format("ddd D MMM HH:mm") == (
        "Thu 19 Nov 09:00"
    )


def test_a_configured_week_wins_over_the_countrys():
    rules = DEFAULT_RULES.configure("working-time", weekdays=[0, 1, 2, 3, 4])
    facts = Facts.gather(_israeli("IL"), calendar=rules.calendar)
    assert facts.weekdays == frozenset(range(5))


def test_without_a_country_or_a_week_the_week_is_monday_to_friday():
    facts = Facts.gather(_israeli(), calendar=DEFAULT_RULES.calendar)
    assert facts.weekdays == frozenset(range(5))
    assert Facts.gather(_israeli()).weekdays == frozenset(range(5))


def _thanksgiving_week(rules=DEFAULT_RULES):
    interview = Interview(
        "Ada",
        "Acme",
        "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace", timezone="America/New_York", country="US"),
    )
    return _step(plan_followups(interview, rules=rules), StepKind.FOLLOW_UP)


def test_business_days_and_working_time_share_the_holidays_switch():
    # Thanksgiving is skipped when holidays count, and counted when FU011
    # is told to ignore them: the follow-up's days follow the same switch.
    assert _thanksgiving_week().window.end.format("ddd D") == "Fri 27"
    off = DEFAULT_RULES.configure("working-time", holidays=False)
    follow_up = _thanksgiving_week(off)
    assert follow_up.window.end.format("ddd D") == "Thu 26"
    assert "Thanksgiving" not in follow_up.reason


def test_a_closure_is_skipped_and_named():
    rules = DEFAULT_RULES.configure(
        "working-time", closed={"2026-11-24/2026-11-25": "the team's offsite"}
    )
    follow_up = _thanksgiving_week(rules)
    # Tuesday and Wednesday closed, Thursday a holiday: Friday is the first
    # business day, Monday the second and Tuesday the third.
    assert follow_up.window.start.format("ddd D MMM") == "Mon 30 Nov"
    assert follow_up.window.end.format("ddd D MMM") == "Tue 1 Dec"
    assert (
        "(the team's offsite from Tue 24 Nov to Wed 25 Nov and Thanksgiving Day on "
        "Thu 26 Nov are no business days there)" in follow_up.reason
    )


def test_a_closure_moves_a_call_and_the_reason_says_so():
    interview = Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]")
    rules = DEFAULT_RULES.configure("working-time", closed=["2026-11-30"])
    call = _step(plan_followups(interview, rules=rules), StepKind.CALL)
    assert call.due.format("ddd D MMM HH:mm") == "Tue 1 Dec 09:00"
    assert "Moved past a closure on Mon 30 Nov: no working day there." in call.reason


def test_a_closure_over_a_weekend_reads_as_one_span():
    interview = Interview("Ada", "Acme", "2026-11-25T10:00:00-05:00[America/New_York]")
    rules = DEFAULT_RULES.configure(
        "working-time", closed={"2026-11-26/2026-12-01": "the shutdown"}
    )
    follow_up = _step(plan_followups(interview, rules=rules), StepKind.FOLLOW_UP)
    assert follow_up.due.format("ddd D MMM") == "Thu 3 Dec"
    assert (
        "(the shutdown from Thu 26 Nov to Tue 1 Dec are no business days there)"
        in follow_up.reason
    )


@pytest.mark.parametrize(
    ("closed", "expected"),
    [
        ("2026-12-24", (Closure(dt.date(2026, 12, 24), dt.date(2026, 12, 24)),)),
        (
            ["2026-12-28/2027-01-01", dt.date(2026, 12, 24)],
            (
                Closure(dt.date(2026, 12, 24), dt.date(2026, 12, 24)),
                Closure(dt.date(2026, 12, 28), dt.date(2027, 1, 1)),
            ),
        ),
        (
            [("2026-12-28", "2027-01-01")],
            (Closure(dt.date(2026, 12, 28), dt.date(2027, 1, 1)),),
        ),
        (
            {"2026-12-28/2027-01-01": "  the  shutdown "},
            (Closure(dt.date(2026, 12, 28), dt.date(2027, 1, 1), "the shutdown"),),
        ),
    ],
)
def test_closures_take_dates_spans_and_names(closed, expected):
    assert WorkingCalendar(closed=closed).closed == expected
    rules = DEFAULT_RULES.configure("working-time", closed=closed)
    assert rules["FU011"].params.closed == expected
    assert rules.calendar.closed == expected
    assert RuleSet.from_mapping(rules.to_mapping()) == rules


@pytest.mark.parametrize(
    ("closed", "message"),
    [
        ("2026-02-30", "WorkingHoursParams.closed: '2026-02-30' is not a date"),
        ("2027-01-01/2026-12-28", "ends before it begins"),
        ("2026-01-01/2027-01-02", "is longer than a year"),
        ("1899-12-31", "is outside 1900-2199"),
        (
            dt.datetime(2026, 12, 24, tzinfo=dt.timezone.utc),
            "a date (YYYY-MM-DD), not a datetime",
        ),
        (5, "a list of dates or spans"),
        ([5], "expected a date (YYYY-MM-DD)"),
        ({"2026-12-24": ""}, "is not a one-line name"),
        ({"2026-12-24": "a\nb"}, "is not a one-line name"),
        (["2026-12-24"] * 101, "holds more than 100 closures"),
    ],
)
def test_bad_closures_are_refused_naming_the_parameter(closed, message):
    with pytest.raises(FollowUpError, match=r"WorkingHoursParams\.closed") as raised:
        DEFAULT_RULES.configure("working-time", closed=closed)
    assert message in str(raised.value)


def test_a_rule_file_configures_the_calendar(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(
        '[rules.working-time]\nweekdays = ["sun", "mon", "tue", "wed", "thu"]\n'
        '[rules.working-time.closed]\n"2026-12-24/2027-01-01" = "the shutdown"\n'
    )
    calendar = RuleSet.from_toml(path).calendar
    assert calendar.weekdays == (0, 1, 2, 3, 6)
    assert calendar.closure(dt.date(2026, 12, 31)) == "the shutdown"
    assert calendar.closure(dt.date(2027, 1, 2)) is None


def test_without_working_time_the_set_keeps_the_countrys_calendar():
    assert DEFAULT_RULES.ignore("FU011").calendar == WorkingCalendar()
    configured = DEFAULT_RULES.configure("working-time", holidays=False)
    assert configured.calendar == WorkingCalendar(holidays=False)


def test_facts_refuse_a_calendar_of_the_wrong_type():
    with pytest.raises(FollowUpError, match="calendar"):
        Facts.gather(_israeli(), calendar={"weekdays": [0]})


_WEEKS = st.sets(st.integers(0, 6), min_size=1).map(sorted)
_CLOSURES = st.lists(
    st.tuples(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 1)), st.integers(0, 20)),
    max_size=4,
).map(lambda spans: [(day, day + dt.timedelta(days=n)) for day, n in spans])


@given(situations(), st.one_of(st.none(), _WEEKS), st.booleans(), _CLOSURES)
def test_every_placed_step_lands_on_a_working_day_of_the_calendar(
    situation, week, holidays, closed
):
    interview, history, now = situation
    rules = DEFAULT_RULES.configure(
        "working-time", weekdays=week, holidays=holidays, closed=closed
    )
    plan = plan_followups(interview, history, now=now, rules=rules)
    facts = Facts.gather(interview, history, now, rules.calendar)
    kinds = rules["FU011"].params.kinds
    for step in plan.steps:
        if step.kind in kinds and not step.agreed:
            day = facts.local(step.due).date()
            assert facts.is_business_day(day), (step, day)
    follow_ups = [step for step in plan.steps if step.kind is StepKind.FOLLOW_UP]
    for follow_up in follow_ups:
        # At least two business days after the interview (FU004's earliest).
        day = facts.interview_day
        counted = 0
        while counted < 2:  # FU004's earliest_days
            day += dt.timedelta(days=1)
            counted += facts.is_business_day(day)
        assert facts.local(follow_up.window.start).date() >= day


@pytest.mark.parametrize(
    ("first", "last", "name", "problem"),
    [
        (
            "2026-12-24",
            "2026-12-01",
            "shutdown",
            "Closure.last: '2026-12-24/2026-12-01' ends before it begins",
        ),
        (
            "2026-01-01",
            "2027-01-02",
            "shutdown",
            "Closure.last: '2026-01-01/2027-01-02' is longer than a year",
        ),
        (
            "24/12/2026",
            "2027-01-01",
            "shutdown",
            "Closure.first: '24/12/2026' is not a date (YYYY-MM-DD)",
        ),
        (
            20261224,
            "2027-01-01",
            "shutdown",
            "Closure.first: expected a date (YYYY-MM-DD), got int 20261224",
        ),
        (
            "2026-12-24",
            "2027-01-01",
            "",
            "Closure.name: '' is not a one-line name for a closure",
        ),
    ],
)
def test_a_closure_made_by_hand_is_checked_as_a_setting_s_is(
    first, last, name, problem
):
    with pytest.raises(FollowUpError) as raised:
        Closure(first, last, name)
    assert str(raised.value) == problem


def test_a_closure_takes_its_days_as_text_and_reads_back_from_json():
    # It was kept as text, and to_json failed on it with an AttributeError.
    closure = Closure("2026-12-24", "2027-01-01", "  year-end   shutdown ")
    assert closure == Closure(
        dt.date(2026, 12, 24), dt.date(2027, 1, 1), "year-end shutdown"
    )
    assert from_json(to_json(closure), Closure) == closure
    with pytest.raises(
        InvalidDocumentError, match=r"\$\.last: .* ends before it begins"
    ):
        from_json('{"first": "2026-12-24", "last": "2026-01-01"}', Closure)

"""Plans for the cases people actually hit, pinned to the minute."""

from __future__ import annotations

import datetime as dt

import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    DayCount,
    Event,
    EventKind,
    FollowUpError,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Outcome,
    Performance,
    Severity,
    StepKind,
    check_plan,
    plan_followups,
)

NY = "America/New_York"
# Monday 23 November 2026, 10:00 in New York.
MONDAY = "2026-11-23T10:00:00-05:00[America/New_York]"
GRACE = Contact(
    "Grace Hopper", email="grace@example.com", phone="+1 212 555 0123", timezone=NY
)


def interview(at=MONDAY, **kwargs):
    kwargs.setdefault("interviewer", GRACE)
    return Interview("Ada Lovelace", "Acme", at, **kwargs)


def by_kind(plan):
    return {step.kind: step for step in plan.steps}


def hm(moment):
    return moment.format("ddd D MMM HH:mm")


def codes(findings, severity=None):
    return [f.code for f in findings if severity is None or f.severity is severity]


def test_a_typical_plan_made_before_the_call():
    plan = plan_followups(interview())
    assert [s.kind for s in plan.steps] == [
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
        StepKind.CALL,
    ]
    steps = by_kind(plan)
    close = steps[StepKind.CLOSE_CALL]
    assert (hm(close.window.start), hm(close.window.end)) == (
        "Mon 23 Nov 10:25",
        "Mon 23 Nov 10:30",
    )
    thanks = steps[StepKind.THANK_YOU]
    assert hm(thanks.due) == "Mon 23 Nov 10:30"
    assert hm(thanks.window.end) == "Tue 24 Nov 10:30"
    assert thanks.channel is Channel.EMAIL
    follow = steps[StepKind.FOLLOW_UP]
    assert (hm(follow.due), hm(follow.window.end)) == (
        "Wed 25 Nov 09:00",
        "Thu 26 Nov 17:00",
    )
    assert follow.requirements.max_lines == 9
    assert follow.requirements.must_mention == (
        "Ada Lovelace",
        "23 November 2026",
        "10:00",
        "Acme",
    )
    call = steps[StepKind.CALL]
    assert (hm(call.due), hm(call.window.end)) == (
        "Mon 30 Nov 09:00",
        "Mon 7 Dec 17:00",
    )
    assert call.requirements.call_minutes == (3, 4)
    assert call.channel is Channel.PHONE
    assert plan.findings == ()
    assert plan.rules == DEFAULT_RULES.codes
    assert plan.as_of == plan.interview.at


def test_every_step_cites_its_rule_and_advice():
    plan = plan_followups(interview())
    cited = {s.kind: (s.rule, s.advice) for s in plan.steps}
    assert cited == {
        StepKind.CLOSE_CALL: ("FU001", ("A1", "A2")),
        StepKind.THANK_YOU: ("FU003", ("A3", "A4")),
        StepKind.FOLLOW_UP: ("FU004", ("A5", "A7", "A8", "A9")),
        StepKind.CALL: ("FU006", ("A10", "A12", "A13")),
    }
    for step in plan.steps:
        for advice in step.advice:
            assert f"({advice})" in step.reason or advice in step.reason


def test_the_close_of_the_call_appears_only_while_the_call_lasts():
    during = plan_followups(interview(), now="2026-11-23T10:27:00-05:00")
    close = by_kind(during)[StepKind.CLOSE_CALL]
    assert (hm(close.due), hm(close.window.end)) == (
        "Mon 23 Nov 10:27",
        "Mon 23 Nov 10:30",
    )
    after = plan_followups(interview(), now="2026-11-23T10:30:00-05:00")
    assert StepKind.CLOSE_CALL not in by_kind(after)


def test_the_close_of_the_call_asks_only_for_what_is_missing():
    partial = Contact("Grace Hopper", email="grace@example.com")
    plan = plan_followups(interview(interviewer=partial))
    points = by_kind(plan)[StepKind.CLOSE_CALL].requirements.talking_points
    assert "ask for the interviewer's phone number (A2)" in points


def test_missing_contact_details_are_a_warning_and_never_stop_planning():
    plan = plan_followups(interview(interviewer=None))
    assert {s.kind for s in plan.steps} >= {StepKind.THANK_YOU, StepKind.FOLLOW_UP}
    (finding,) = plan.findings
    assert (finding.code, finding.severity) == ("FU002", Severity.WARNING)
    assert "name, email address and phone number are missing" in finding.message
    only_name = plan_followups(interview(interviewer=Contact("Grace Hopper")))
    assert only_name.findings[0].actual == "no email address or phone number"


def test_a_thursday_interview_is_followed_up_on_monday_in_business_days():
    plan = plan_followups(interview("2026-11-19T10:00:00-05:00[America/New_York]"))
    follow = by_kind(plan)[StepKind.FOLLOW_UP]
    assert (hm(follow.due), hm(follow.window.end)) == (
        "Mon 23 Nov 09:00",
        "Tue 24 Nov 17:00",
    )


def test_counting_calendar_days_rolls_a_weekend_window_forward_and_says_so():
    rules = DEFAULT_RULES.configure("FU004", days=DayCount.CALENDAR)
    plan = plan_followups(
        interview("2026-11-19T10:00:00-05:00[America/New_York]"), rules=rules
    )
    follow = by_kind(plan)[StepKind.FOLLOW_UP]
    assert hm(follow.due) == "Mon 23 Nov 09:00"
    assert "held no working time" in follow.reason
    assert "Sat 21 Nov 2026 00:00" in follow.reason
    assert follow.adjusted_by == ("FU011",)
    # The window keeps its length (Saturday and Sunday: two days less a
    # microsecond) from Monday 09:00, then narrows to working time.
    assert hm(follow.window.end) == "Tue 24 Nov 17:00"


def test_public_holidays_of_the_interviewers_country_are_skipped():
    # Tuesday 24 November 2026; Thursday 26 is Thanksgiving in the US.
    at = "2026-11-24T10:00:00-05:00[America/New_York]"
    plain = by_kind(plan_followups(interview(at)))[StepKind.FOLLOW_UP]
    assert (hm(plain.due), hm(plain.window.end)) == (
        "Thu 26 Nov 09:00",
        "Fri 27 Nov 17:00",
    )
    american = Contact("Grace Hopper", timezone=NY, country="US")
    follow = by_kind(plan_followups(interview(at, interviewer=american)))[
        StepKind.FOLLOW_UP
    ]
    assert (hm(follow.due), hm(follow.window.end)) == (
        "Fri 27 Nov 09:00",
        "Mon 30 Nov 17:00",
    )


def test_working_time_skips_a_holiday_inside_a_window():
    # Interview Wed 16 Dec 2026 in London; the call window opens on Wed 23 Dec
    # and Christmas Day and Boxing Day (observed Mon 28) are holidays.
    london = Contact("Sam Smith", timezone="Europe/London", country="GB")
    at = "2026-12-18T10:00:00+00:00[Europe/London]"
    call = by_kind(plan_followups(interview(at, interviewer=london)))[StepKind.CALL]
    assert hm(call.due) == "Tue 29 Dec 09:00"


def test_steps_are_written_in_the_interviewers_zone():
    london = Contact("Sam Smith", timezone="Europe/London")
    plan = plan_followups(interview(interviewer=london))
    for step in plan.steps:
        assert step.due.timezone_name == "Europe/London"
    thanks = by_kind(plan)[StepKind.THANK_YOU]
    assert hm(thanks.due) == "Mon 23 Nov 15:30"
    assert hm(by_kind(plan)[StepKind.FOLLOW_UP].due) == "Wed 25 Nov 09:00"


def test_without_an_interviewer_zone_the_interviews_zone_is_the_calendar():
    plan = plan_followups(interview(interviewer=Contact("Grace Hopper")))
    assert {s.due.timezone_name for s in plan.steps} == {NY}


def test_a_fixed_offset_interview_plans_in_that_offset():
    plan = plan_followups(interview("2026-11-23T10:00:00-05:00", interviewer=None))
    follow = by_kind(plan)[StepKind.FOLLOW_UP]
    assert follow.due.isoformat() == "2026-11-25T09:00:00-05:00"


def test_daylight_saving_ends_between_interview_and_call():
    # Friday 30 October 2026, 16:45 EDT; clocks go back on Sunday 1 November.
    plan = plan_followups(interview("2026-10-30T16:45:00-04:00[America/New_York]"))
    steps = by_kind(plan)
    assert steps[StepKind.THANK_YOU].window.length == dt.timedelta(hours=24)
    follow = steps[StepKind.FOLLOW_UP]
    assert follow.due.isoformat() == "2026-11-03T09:00:00-05:00"
    call = steps[StepKind.CALL]
    assert call.due.isoformat() == "2026-11-06T09:00:00-05:00"


def test_a_call_that_spans_the_change_lasts_its_elapsed_duration():
    # 01:30 EDT on 1 November 2026, the first of two 01:30s.
    at = "2026-11-01T01:30:00-04:00[America/New_York]"
    plan = plan_followups(interview(at, duration=60))
    thanks = by_kind(plan)[StepKind.THANK_YOU]
    assert thanks.due.isoformat() == "2026-11-01T01:30:00-05:00"


def test_a_weak_interview_gets_the_thank_you_alone_and_the_plan_says_why():
    plan = plan_followups(interview(performance=Performance.WEAK))
    assert [s.kind for s in plan.steps] == [StepKind.CLOSE_CALL, StepKind.THANK_YOU]
    (finding,) = plan.findings
    assert (finding.code, finding.severity) == ("FU005", Severity.INFO)
    assert "weak" in finding.message


def test_the_performance_threshold_is_a_parameter():
    everyone = DEFAULT_RULES.configure("follow-up-on-performance", threshold="weak")
    plan = plan_followups(interview(performance="weak"), rules=everyone)
    assert StepKind.FOLLOW_UP in by_kind(plan)
    strong_only = DEFAULT_RULES.configure("FU005", threshold=Performance.STRONG)
    assert StepKind.FOLLOW_UP not in by_kind(
        plan_followups(interview(), rules=strong_only)
    )
    unknown = plan_followups(interview(performance=Performance.UNKNOWN))
    assert StepKind.FOLLOW_UP in by_kind(unknown)


def test_a_sent_thank_you_is_not_planned_again():
    sent = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:40:00-05:00")
    plan = plan_followups(interview(), [sent], now="2026-11-23T11:00:00-05:00")
    assert [s.kind for s in plan.steps] == [StepKind.FOLLOW_UP, StepKind.CALL]


def test_a_call_covers_every_earlier_stage():
    called = Event(
        EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome=Outcome.NO_ANSWER
    )
    plan = plan_followups(interview(), [called], now="2026-12-01T11:05:00-05:00")
    (back,) = plan.steps
    assert back.kind is StepKind.CALL_BACK
    assert back.number == 1
    assert (hm(back.due), hm(back.window.end)) == (
        "Tue 8 Dec 09:00",
        "Tue 15 Dec 17:00",
    )
    assert "nobody answered" in back.reason


def test_an_agreed_call_back_is_kept_as_agreed_even_after_hours():
    called = Event(
        EventKind.CALLED,
        "2026-12-01T11:00:00-05:00",
        outcome=Outcome.UNDECIDED,
        call_back_at="2026-12-03T18:30:00-05:00",
    )
    plan = plan_followups(interview(), [called], now="2026-12-01T11:05:00-05:00")
    (back,) = plan.steps
    assert back.agreed
    assert hm(back.due) == "Thu 3 Dec 18:30"
    assert back.window.length == dt.timedelta(minutes=15)
    assert check_plan(plan, history=[called]) == ()


def test_an_agreed_call_back_that_has_passed_goes_to_the_next_working_time():
    called = Event(
        EventKind.CALLED,
        "2026-12-01T11:00:00-05:00",
        call_back_at="2026-12-03T15:00:00-05:00",
    )
    now = "2026-12-04T18:00:00-05:00"  # Friday evening
    plan = plan_followups(interview(), [called], now=now)
    (back,) = plan.steps
    assert not back.agreed
    assert hm(back.due) == "Mon 7 Dec 09:00"
    assert codes(plan.findings) == ["FU007"]
    assert plan.findings[0].severity is Severity.WARNING


def test_at_most_three_calls_in_all():
    calls = [
        Event(
            EventKind.CALLED, f"2026-12-{day:02d}T11:00:00-05:00", outcome="no-answer"
        )
        for day in (1, 8, 15)
    ]
    plan = plan_followups(interview(), calls, now="2026-12-15T12:00:00-05:00")
    assert plan.steps == ()
    assert codes(plan.findings, Severity.INFO) == ["FU008"]
    more = DEFAULT_RULES.configure("do-not-call-frequently", max_calls=4)
    assert (
        len(
            plan_followups(
                interview(), calls, now="2026-12-15T12:00:00-05:00", rules=more
            ).steps
        )
        == 1
    )


def test_call_backs_wait_the_minimum_spacing_even_if_configured_sooner():
    rules = DEFAULT_RULES.configure("FU007", earliest_days=2, latest_days=3)
    called = Event(EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome="undecided")
    plan = plan_followups(
        interview(), [called], now="2026-12-01T12:00:00-05:00", rules=rules
    )
    (back,) = plan.steps
    assert hm(back.due) == "Tue 8 Dec 09:00"
    assert "FU008" in back.adjusted_by
    assert "7 days apart (A14)" in back.reason


def test_a_decision_ends_the_follow_up():
    decided = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="offer"
    )
    plan = plan_followups(interview(), [decided], now="2026-11-24T10:00:00-05:00")
    assert plan.steps == ()
    assert codes(plan.findings) == ["FU009"]
    assert "offer" in plan.findings[0].message


def test_a_decision_heard_on_a_call_ends_it_too():
    called = Event(
        EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome=Outcome.REJECTED
    )
    plan = plan_followups(interview(), [called], now="2026-12-01T12:00:00-05:00")
    assert plan.steps == ()


def test_late_steps_are_still_planned_from_now_with_a_warning():
    now = "2026-11-28T12:00:00-05:00"  # Saturday, five days on, nothing sent
    plan = plan_followups(interview(), now=now)
    steps = by_kind(plan)
    thanks = steps[StepKind.THANK_YOU]
    assert hm(thanks.due) == "Sat 28 Nov 12:00"
    assert thanks.window.length == dt.timedelta(hours=24)
    assert "Late" in thanks.reason
    follow = steps[StepKind.FOLLOW_UP]
    assert hm(follow.due) == "Mon 30 Nov 09:00"
    late = [f for f in plan.findings if f.code == "FU010"]
    assert [f.step.kind for f in late] == [StepKind.THANK_YOU, StepKind.FOLLOW_UP]
    assert all(f.severity is Severity.WARNING for f in late)
    assert StepKind.CALL in steps


def test_a_step_whose_window_is_open_starts_now():
    now = "2026-11-25T13:00:00-05:00"
    sent = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:31:00-05:00")
    follow = by_kind(plan_followups(interview(), [sent], now=now))[StepKind.FOLLOW_UP]
    assert hm(follow.due) == "Wed 25 Nov 13:00"
    assert hm(follow.window.end) == "Thu 26 Nov 17:00"


def test_next_step_and_explain():
    plan = plan_followups(interview())
    assert plan.next_step("2026-11-23T10:31:00-05:00").kind is StepKind.THANK_YOU
    assert plan.next_step("2026-11-24T10:31:00-05:00").kind is StepKind.FOLLOW_UP
    assert plan.next_step("2026-12-08T00:00:00-05:00") is None
    text = plan.explain()
    assert "Ada Lovelace's phone interview with Acme" in text
    assert "follow-up by email, due Wed 25 Nov 2026 09:00 EST" in text
    assert "rules: FU004, FU011; advice: A5, A7, A8, A9" in text
    assert "keep the call to 3-4 minutes" in text


def test_explain_lists_findings_and_an_empty_plan():
    decided = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    text = plan_followups(
        interview(), [decided], now="2026-11-24T09:00:00-05:00"
    ).explain()
    assert "No steps to take." in text
    assert "FU009 info: the company decided (rejected)" in text


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(InvalidTypeError, match="interview: expected an Interview"):
        plan_followups("not an interview")
    with pytest.raises(InvalidTypeError, match=r"history\[0\]: expected an Event"):
        plan_followups(interview(), ["thank-you"])
    with pytest.raises(InvalidTypeError, match="rules: expected a RuleSet"):
        plan_followups(interview(), rules=[])
    late_event = Event(EventKind.THANK_YOU_SENT, "2026-11-24T10:00:00-05:00")
    with pytest.raises(InvalidValueError, match=r"history\[0\]\.at: .* is after now"):
        plan_followups(interview(), [late_event], now="2026-11-23T11:00:00-05:00")
    early_event = Event(EventKind.THANK_YOU_SENT, "2026-11-22T10:00:00-05:00")
    with pytest.raises(InvalidValueError, match="is before the interview"):
        plan_followups(interview(), [early_event], now="2026-11-23T11:00:00-05:00")
    with pytest.raises(FollowUpError, match=r"now: .* has no time zone"):
        plan_followups(interview(), now=dt.datetime(2026, 11, 23, 11))


def errors(findings):
    return [f for f in findings if f.severity is Severity.ERROR]


def test_holidays_are_looked_up_on_the_recipients_date():
    # Thanksgiving, 21:00 in Los Angeles, is already Friday in UTC. Counted on
    # the Thursday (a holiday), two business days land on Monday; counted on
    # the UTC date they would land on Tuesday.
    la = Contact("Sam", timezone="America/Los_Angeles", country="US")
    at = "2026-11-26T21:00:00-08:00[America/Los_Angeles]"
    follow = by_kind(plan_followups(interview(at, interviewer=la)))[StepKind.FOLLOW_UP]
    assert hm(follow.due) == "Mon 30 Nov 09:00"


def test_the_plan_does_not_depend_on_the_order_of_the_history():
    # Two calls logged at the same instant: one reached nobody, one agreed a
    # time to call back.  Either order gives the same plan.
    at = "2026-12-01T11:00:00-05:00"
    events = [
        Event(
            "called", at, outcome="undecided", call_back_at="2026-12-03T16:00:00-05:00"
        ),
        Event("called", at, outcome="no-answer"),
    ]
    interview = Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]")
    now = "2026-12-01T12:00:00-05:00"
    plans = [
        plan_followups(interview, order, now=now) for order in (events, events[::-1])
    ]
    assert plans[0] == plans[1]
    assert [step.kind.value for step in plans[0].steps] == ["call-back"]
    assert check_plan(plans[0], interview, events[::-1]) == check_plan(
        plans[1], interview, events
    )


def test_the_plan_names_the_holidays_that_moved_a_step():
    us = Contact("Grace", timezone="America/New_York", country="US")
    # A week after Thursday 19 November is Thanksgiving: the call moves on.
    plan = plan_followups(
        Interview("Ada", "Acme", "2026-11-19T10:00:00-05:00[America/New_York]", us)
    )
    (call,) = [step for step in plan.steps if step.kind.value == "call"]
    assert call.due.format("ddd D MMM") == "Fri 27 Nov"
    assert call.reason.endswith(
        "Moved past Thanksgiving Day on Thu 26 Nov: a public holiday there."
    )
    # Business days skip Christmas and Boxing Day in Scotland: both are named.
    scotland = Contact(
        "Grace", timezone="Europe/London", country="GB", subdivision="SCT"
    )
    plan = plan_followups(
        Interview("Ada", "Acme", "2026-12-23T10:00:00+00:00[Europe/London]", scotland)
    )
    (follow_up,) = [step for step in plan.steps if step.kind.value == "follow-up"]
    assert (
        "(Christmas Day on Fri 25 Dec and Boxing Day (observed) on Mon 28 Dec are "
        "no business days there)" in follow_up.reason
    )
    # Without a country, no holiday is named.
    plain = plan_followups(Interview("Ada", "Acme", "2026-11-19T10:00:00-05:00"))
    assert not [s for s in plain.steps if "holiday" in s.reason]


def test_working_hours_a_clock_change_cuts_to_nothing_are_skipped():
    # Night hours, 02:30 to 03:00, every day: on Sun 8 Mar 2026 New York's
    # clocks jump from 02:00 to 03:00, so 02:30 reads as 03:30, after the
    # close.  FU011 put the follow-up there, outside its own hours, and
    # check_plan flagged the plan that plan_followups made.
    rules = DEFAULT_RULES.configure(
        "FU011", weekdays=list(range(7)), start="02:30", end="03:00", holidays=False
    )
    interview = Interview(
        "Ada",
        "Acme",
        "2026-03-06T12:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace", timezone=NY),
    )
    plan = plan_followups(interview, rules=rules)
    follow_up = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.isoformat() == "2026-03-09T02:30:00-04:00"
    assert [f for f in check_plan(plan, rules=rules) if f.code == "FU011"] == []

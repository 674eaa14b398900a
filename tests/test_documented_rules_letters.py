"""What docs/rules.md, docs/letters.md and the rule and letter docstrings promise.

Each test names the document and the claim it pins; every one was seen to
fail on a concrete mutant of the code (see the audit report of branch h54).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    Interview,
    RuleConfigurationError,
    Severity,
    StepKind,
    check_letter,
    check_plan,
    draft_follow_up,
    plan_followups,
)

NEW_YORK = "America/New_York"


def _interview(
    at: str = "2026-11-23T10:00:00-05:00[America/New_York]",
    *,
    zone: str = NEW_YORK,
    country: str | None = "US",
) -> Interview:
    return Interview(
        "Ada Lovelace",
        "Acme",
        at,
        interviewer=Contact(
            "Grace Hopper",
            email="grace@example.com",
            phone="+1 212 555 0123",
            timezone=zone,
            country=country,
        ),
        position="data engineer",
    )


def _step(plan, kind):  # type: ignore[no-untyped-def]
    (step,) = [step for step in plan.steps if step.kind is kind]
    return step


def _instant(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc)


# --- docs/rules.md -----------------------------------------------------------


@given(hours=st.integers(min_value=1, max_value=168))
def test_the_thank_you_window_counts_elapsed_hours_across_a_clock_change(hours):
    """docs/rules.md, FU003: "Its window closes `within_hours` (24) hours of
    elapsed time after the call".  The call ends at 10:30 EDT on Saturday
    31 October 2026, the night before New York's clocks go back: the window
    ends `within_hours` real hours later, not at the same wall-clock time.
    """
    interview = _interview("2026-10-31T10:00:00-04:00[America/New_York]")
    rules = DEFAULT_RULES.configure("FU003", within_hours=hours)
    plan = plan_followups(interview, now="2026-10-31T10:30:00-04:00", rules=rules)
    thank_you = _step(plan, StepKind.THANK_YOU)
    ends = dt.datetime(2026, 10, 31, 14, 30, tzinfo=dt.timezone.utc)
    assert _instant(thank_you.window.start) == ends
    assert _instant(thank_you.window.end) == ends + dt.timedelta(hours=hours)


def test_a_thursday_interview_is_followed_up_on_monday_or_tuesday():
    """src/followup/rules/follow_up.py, FollowUpParams: business days by
    default, "so that an interview on a Thursday is followed up on Monday or
    Tuesday rather than over the weekend".
    """
    interview = _interview("2026-11-12T10:00:00-05:00[America/New_York]")
    # Working time is kept off the follow-up: the day count alone places it.
    rules = DEFAULT_RULES.configure("FU011", kinds=["call"])
    plan = plan_followups(interview, now="2026-11-12T10:31:00-05:00", rules=rules)
    window = _step(plan, StepKind.FOLLOW_UP).window
    assert window.start.date() == dt.date(2026, 11, 16)  # Monday
    assert window.end.date() == dt.date(2026, 11, 17)  # Tuesday


@given(days_late=st.integers(min_value=2, max_value=60), minute=st.integers(0, 59))
def test_a_late_thank_you_moves_to_now_with_its_original_length(days_late, minute):
    """docs/rules.md, FU010: "A step whose window closed before ``now`` is
    still planned (a late thank-you beats none): its window moves to start
    at ``now`` with its original length, and a WARNING says it is late."
    The thank-you's window is 24 hours long; working time leaves it alone.
    """
    interview = _interview()
    now = dt.datetime(2026, 11, 23, 11, minute, tzinfo=dt.timezone.utc) + dt.timedelta(
        days=days_late
    )
    plan = plan_followups(interview, now=now.isoformat())
    thank_you = _step(plan, StepKind.THANK_YOU)
    assert _instant(thank_you.window.start) == now
    assert _instant(thank_you.window.end) == now + dt.timedelta(hours=24)
    assert "FU010" in thank_you.adjusted_by
    late = [
        finding
        for finding in plan.findings
        if finding.code == "FU010" and finding.step == thank_you
    ]
    assert [finding.severity for finding in late] == [Severity.WARNING]
    assert "late" in late[0].message


def test_an_open_window_trimmed_to_now_is_not_recorded_as_a_move():
    """docs/rules.md, FU010: "A step whose window is open at ``now`` keeps its
    end and starts at ``now`` ... that trim is not recorded in
    ``adjusted_by``".
    """
    plan = plan_followups(_interview(), now="2026-11-23T10:31:00-05:00")
    thank_you = _step(plan, StepKind.THANK_YOU)
    assert _instant(thank_you.window.start) == dt.datetime(
        2026, 11, 23, 15, 31, tzinfo=dt.timezone.utc
    )
    assert _instant(thank_you.window.end) == dt.datetime(
        2026, 11, 24, 15, 30, tzinfo=dt.timezone.utc
    )
    assert thank_you.adjusted_by == ()


def test_away_holds_until_the_day_starts_on_the_recipients_calendar():
    """docs/rules.md, FU013: the interviewer **away** until a day: "no
    follow-up or call is planned before that day starts"; "Days are the
    recipient's."  The interviewer is in Berlin, the candidate in New York;
    working time is kept off the follow-up so that the hold alone places it.
    """
    interview = _interview(zone="Europe/Berlin", country="DE")
    rules = DEFAULT_RULES.configure("FU011", kinds=["other"])
    history = [
        Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),
        Event("away", "2026-11-24T08:00:00-05:00", until="2026-12-02"),
    ]
    plan = plan_followups(
        interview, history, now="2026-11-24T09:00:00-05:00", rules=rules
    )
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    # Midnight in Berlin on 2 December is 18:00 in New York the day before.
    assert _instant(follow_up.due) == dt.datetime(
        2026, 12, 1, 23, 0, tzinfo=dt.timezone.utc
    )
    assert "FU013" in follow_up.adjusted_by


def test_after_a_reply_the_call_waits_for_the_next_business_day():
    """docs/rules.md, FU013: the interviewer **replied** and named the day
    they will decide by: "the call waits until the next business day after
    it ... the letter is moot after a reply".  Friday 4 December 2026: the
    call waits for Monday 7 December.
    """
    history = [
        Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),
        Event("replied", "2026-11-24T08:00:00-05:00", until="2026-12-04"),
    ]
    plan = plan_followups(_interview(), history, now="2026-11-24T09:00:00-05:00")
    assert [step.kind for step in plan.steps] == [StepKind.CALL]
    call = plan.steps[0]
    assert call.due.date() == dt.date(2026, 12, 7)
    assert "FU013" in call.adjusted_by


def test_a_paused_plan_keeps_the_close_of_the_call():
    """docs/rules.md, FU013: you **pause** until a day: "nothing at all is
    planned before it (the close of the call excepted)".
    """
    history = [Event("paused", "2026-11-23T10:05:00-05:00", until="2026-12-02")]
    plan = plan_followups(_interview(), history, now="2026-11-23T10:10:00-05:00")
    close = _step(plan, StepKind.CLOSE_CALL)
    assert close.due.date() == dt.date(2026, 11, 23)
    resumes = dt.datetime(2026, 12, 2, 5, 0, tzinfo=dt.timezone.utc)
    later = [step for step in plan.steps if step.kind is not StepKind.CLOSE_CALL]
    assert {step.kind for step in later} == {
        StepKind.THANK_YOU,
        StepKind.FOLLOW_UP,
        StepKind.CALL,
    }
    assert all(_instant(step.due) >= resumes for step in later)


@given(after=st.integers(min_value=0, max_value=4))
def test_the_follow_up_waits_business_days_after_the_thank_you(after):
    """docs/rules.md, FU012: it moves "the follow-up to no earlier than
    `follow_up_after` business days after the thank-you ... whether those
    were sent already or are still planned".  The thank-you went on Tuesday
    24 November 2026; Thanksgiving (26th) and the weekend are no business
    days in the US.
    """
    business = [
        dt.date(2026, 11, 24),
        dt.date(2026, 11, 25),
        dt.date(2026, 11, 27),
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 1),
    ]
    rules = DEFAULT_RULES.configure("FU012", follow_up_after=after)
    plan = plan_followups(
        _interview(),
        [Event("thank-you-sent", "2026-11-24T11:00:00-05:00")],
        now="2026-11-24T11:10:00-05:00",
        rules=rules,
    )
    follow_up = _step(plan, StepKind.FOLLOW_UP)
    # FU004's own window opens on the 25th: FU012 moves it only later.
    assert follow_up.due.date() == max(business[after], dt.date(2026, 11, 25))


# --- docs/letters.md ---------------------------------------------------------


def _date_and_time_findings(text: str, interview: Interview, language: str):  # type: ignore[no-untyped-def]
    return [
        finding.message
        for finding in check_letter(text, interview, "thank-you", language=language)
        if "date" in finding.message or "time" in finding.message
    ]


def _english(date: str, time: str) -> str:
    return (
        f"Dear Grace Hopper, thank you for the call on {date} at {time}. "
        "I am very interested in Acme. Best, Ada Lovelace"
    )


@given(month=st.integers(min_value=1, max_value=12), day=st.integers(1, 12))
def test_a_swappable_numeric_date_counts_only_when_both_readings_agree(month, day):
    """docs/letters.md, Dates: "slashes and dashes are written both ways, so a
    date whose day and month could be swapped (`03/04`) is ambiguous and is
    not guessed, unless both readings are the same day (`11/11`)".
    The interview is on `month`/`day` and the letter writes just that, in
    the US order: one reading is right, but only a date that reads the same
    both ways counts.
    """
    interview = _interview(f"2026-{month:02d}-{day:02d}T10:00:00-05:00")
    written = f"{month:02d}/{day:02d}"
    missing = _date_and_time_findings(_english(written, "10:00"), interview, "en")
    if month == day:
        assert missing == []
    else:
        assert missing == ["the thank-you does not name the date of the interview (A4)"]


@given(offset=st.integers(min_value=-11, max_value=14))
def test_a_time_with_a_utc_offset_names_an_instant(offset):
    """docs/letters.md, Times: "A time with a zone names an instant ...
    `UTC+1`, `GMT-05:00` and the common abbreviations are read."  The call
    is at 15:00 UTC; written at any whole-hour offset it counts, and one hour
    off it does not.
    """
    interview = _interview()
    sign = "+" if offset >= 0 else "-"
    label = f"GMT{sign}{abs(offset):02d}:00"
    right = (15 + offset) % 24
    wrong = (right + 1) % 24
    good = _english("November 23", f"{right:02d}:00 {label}")
    bad = _english("November 23", f"{wrong:02d}:00 {label}")
    assert _date_and_time_findings(good, interview, "en") == []
    assert _date_and_time_findings(bad, interview, "en") == [
        "the thank-you does not name the time of the interview (A4)"
    ]


@pytest.mark.parametrize(
    ("at", "counts"),
    [("2026-11-23T10:30:00-05:00", True), ("2026-11-23T10:00:00-05:00", False)],
)
def test_a_las_diez_y_media_is_half_past_ten(at, counts):
    """docs/letters.md, Times: "`a las diez y media`" is read: half past ten."""
    interview = _interview(at)
    text = (
        "Estimada Sra. Hopper, gracias por la entrevista del 23 de noviembre "
        "a las diez y media. Estoy muy interesada en Acme. Saludos, Ada Lovelace"
    )
    missing = _date_and_time_findings(text, interview, "es")
    expected = (
        [] if counts else ["the thank-you does not name the time of the interview (A4)"]
    )
    assert missing == expected


def test_under_a_tighter_line_limit_the_compact_draft_comes_back_and_is_flagged():
    """src/followup/_writing.py, draft_follow_up: "under much tighter limits
    the most compact variant is returned, and `check_letter` says what is
    over."
    """
    interview = _interview()
    tight = DEFAULT_RULES.configure("FU004", max_lines=3)
    letter = draft_follow_up(interview, rules=tight)
    assert letter == draft_follow_up(interview, rules=tight)
    roomy = draft_follow_up(interview)
    assert len(letter.splitlines()) < len(roomy.splitlines())
    over = [
        (finding.code, finding.severity, finding.actual)
        for finding in check_letter(letter, interview, rules=tight)
    ]
    assert over == [("FU004", Severity.ERROR, "5 lines at 80 columns")]


def test_a_call_back_at_an_agreed_time_is_kept_after_the_last_allowed_call():
    """docs/rules.md, FU008: "Keep calls at least a week apart and at most
    three in all, unless a time to call back was agreed" and "A call-back at
    a time the company agreed to is kept (A11)."  The third call left the
    company undecided with a call-back agreed for the next day: it is
    planned at that time, and the plan passes its own check (FU007 flags an
    agreed call-back that is not planned, FU008 too many calls).
    """
    history = [
        Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),
        Event("follow-up-sent", "2026-11-25T11:00:00-05:00"),
        Event("called", "2026-12-01T11:00:00-05:00", outcome="undecided"),
        Event("called", "2026-12-09T11:00:00-05:00", outcome="undecided"),
        Event(
            "called",
            "2026-12-17T11:00:00-05:00",
            outcome="undecided",
            call_back_at="2026-12-18T11:00:00-05:00",
        ),
    ]
    plan = plan_followups(_interview(), history, now="2026-12-17T11:10:00-05:00")
    back = _step(plan, StepKind.CALL_BACK)
    assert back.agreed
    assert _instant(back.due) == dt.datetime(2026, 12, 18, 16, tzinfo=dt.timezone.utc)
    assert [finding.code for finding in plan.findings] == []
    assert check_plan(plan, history=history) == ()
    # Without the agreement the third call is the last one.
    history[-1] = Event("called", "2026-12-17T11:00:00-05:00", outcome="undecided")
    plan = plan_followups(_interview(), history, now="2026-12-17T11:10:00-05:00")
    assert plan.steps == ()
    assert [finding.code for finding in plan.findings] == ["FU008"]


@pytest.mark.parametrize(
    ("zone", "counted", "not_counted"),
    [
        ("Europe/Berlin", "November 24", "November 23"),
        (None, "November 23", "November 24"),
    ],
)
def test_a_written_date_counts_on_the_recipients_calendar(zone, counted, not_counted):
    """docs/letters.md, Dates: "Dates count on the recipient's calendar (the
    interviewer's zone when the contact names one, else the interview's)".
    The call is at 20:00 on Monday 23 November in New York: 02:00 on
    Tuesday 24 November in Berlin.
    """
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T20:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace Hopper", timezone=zone),
    )
    date_missing = ["the thank-you does not name the date of the interview (A4)"]
    right = _english(counted, "20:00")
    wrong = _english(not_counted, "20:00")
    assert _date_and_time_findings(right, interview, "en") == []
    assert _date_and_time_findings(wrong, interview, "en") == date_missing


@pytest.mark.parametrize(
    ("code", "change", "message"),
    [
        (
            "FU003",
            {"channel": "phone"},
            "rule FU003: channel: 'phone' is not written: use email or a letter (A7)",
        ),
        (
            "FU004",
            {"channel": "phone"},
            "rule FU004: channel: 'phone' is not written: use email or a letter (A7)",
        ),
        (
            "FU006",
            {"call_minutes": (5, 3)},
            "rule FU006: call_minutes: (5, 3) has its low bound above its high",
        ),
        (
            "FU007",
            {"earliest_days": 0},
            "rule FU007: CallBackParams.earliest_days: 0 is outside 1..90",
        ),
    ],
)
def test_a_refused_parameter_names_the_rule_before_the_field(code, change, message):
    """src/followup/rules/_params.py: the validators name the parameter as
    ``ParamsClass.field`` with its bounds; the shared converters name the
    field alone, and "the rule's code ... comes before it and says whose".
    """
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure(code, **change)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("earliest", "latest", "passed"),
    [
        (1, 1, "1 business day has passed"),
        (1, 2, "1 to 2 business days have passed"),
        (1, 10, "1 to 10 business days have passed"),
        (2, 3, "2 to 3 business days have passed"),
    ],
)
def test_a_too_early_follow_up_finding_agrees_with_its_days(earliest, latest, passed):
    """FU004's finding for a follow-up sent too early: "the follow-up goes out
    before 2 to 3 business days have passed (A5)" (docs/model.md shows it);
    a span starting at one day is plural too.
    """
    rules = DEFAULT_RULES.configure(
        "FU004", earliest_days=earliest, latest_days=latest
    ).select("FU004")
    sent = [Event("follow-up-sent", "2026-11-23T11:00:00-05:00")]
    (finding,) = check_plan([], _interview(), sent, rules=rules)
    assert finding.message == f"the follow-up goes out before {passed} (A5)"

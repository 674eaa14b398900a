"""Built-in rules' exact words: letter findings and parameter bounds.

Each finding is pinned whole (code, severity, message, expected, actual)
so a user reading it gets the facts to fix, in the form the advice gives.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    EventKind,
    Finding,
    Interview,
    Outcome,
    Requirements,
    RuleConfigurationError,
    RuleSet,
    Step,
    StepKind,
    Window,
    check_letter,
    check_plan,
    plan_followups,
)
from followup._facts import Facts
from followup._vocabulary import Severity
from followup.rules.follow_up import FollowUpParams

ERROR, WARNING = Severity.ERROR, Severity.WARNING
INTEREST = "interest in the company or the role ('I am excited to join')"
FIT = "a reason you fit: experience, skills or a result of yours"
MONDAY_23 = "23 November 2026 (or Nov. 23, 11/23, 2026-11-23, Monday)"


def interview_at(clock: str) -> Interview:
    return Interview("Ada Lovelace", "Acme", f"2026-11-23T{clock}:00-05:00")


def test_a_bare_thank_you_gets_every_fact_and_phrase_it_misses() -> None:
    assert check_letter("Hi!", interview_at("14:05"), "thank-you") == (
        Finding(
            "FU003",
            ERROR,
            "the thank-you does not name the candidate (A4)",
            expected="Ada Lovelace",
            actual="not found",
        ),
        Finding(
            "FU003",
            ERROR,
            "the thank-you does not name the company (A4)",
            expected="Acme",
            actual="not found",
        ),
        Finding(
            "FU003",
            ERROR,
            "the thank-you does not name the date of the interview (A4)",
            expected=MONDAY_23,
            actual="none found",
        ),
        Finding(
            "FU003",
            ERROR,
            "the thank-you does not name the time of the interview (A4)",
            expected="14:05 or 2:05 pm",
            actual="none found",
        ),
        Finding(
            "FU003",
            WARNING,
            "the letter does not seem to thank the interviewer (A4)",
            expected="thanks for the interview or their time",
            actual="none found",
        ),
        Finding(
            "FU003",
            WARNING,
            "the letter does not seem to show interest in the company (A4)",
            expected=INTEREST,
            actual="none found",
        ),
    )


def test_a_follow_up_naming_only_yesterday_is_told_it_needs_the_send_time() -> None:
    letter = "Hello, thanks for the call yesterday."
    assert check_letter(letter, interview_at("14:05"), "follow-up") == (
        Finding(
            "FU004",
            ERROR,
            "the follow-up does not name the candidate (A8)",
            expected="Ada Lovelace",
            actual="not found",
        ),
        Finding(
            "FU004",
            ERROR,
            "the follow-up does not name the company (A8)",
            expected="Acme",
            actual="not found",
        ),
        Finding(
            "FU004",
            ERROR,
            "the follow-up does not name the date of the interview (A8)",
            expected=MONDAY_23,
            actual=("yesterday (a relative day names a day only with the send time)"),
        ),
        Finding(
            "FU004",
            ERROR,
            "the follow-up does not name the time of the interview (A8)",
            expected="14:05 or 2:05 pm",
            actual="none found",
        ),
        Finding(
            "FU004",
            WARNING,
            "the letter does not seem to show interest in the company (A8)",
            expected=INTEREST,
            actual="none found",
        ),
        Finding(
            "FU004",
            WARNING,
            "the letter does not seem to say why you fit the job (A8)",
            expected=FIT,
            actual="none found",
        ),
    )


def test_yesterday_names_the_day_once_the_send_time_is_known() -> None:
    findings = check_letter(
        "Hello, thanks for the call yesterday.",
        interview_at("14:05"),
        "follow-up",
        sent="2026-11-24T09:00:00-05:00",
    )
    assert "the follow-up does not name the date of the interview (A8)" not in {
        finding.message for finding in findings
    }


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("09:30", "09:30 or 9:30 am"),
        ("12:00", "12:00 or 12 pm"),
        ("00:00", "00:00 or 12 am"),
        ("23:45", "23:45 or 11:45 pm"),
    ],
)
def test_a_missing_time_is_expected_on_both_clocks(clock: str, expected: str) -> None:
    (time,) = (
        finding.expected
        for finding in check_letter("Hi!", interview_at(clock), "thank-you")
        if finding.message
        == "the thank-you does not name the time of the interview (A4)"
    )
    assert time == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"earliest_days": True},
            "earliest_days: expected a whole number, got bool True",
        ),
        ({"earliest_days": "2"}, "earliest_days: expected a whole number, got str '2'"),
        ({"earliest_days": -1}, "earliest_days: -1 is outside 0..60"),
        ({"latest_days": 61}, "latest_days: 61 is outside 0..60"),
    ],
)
def test_a_day_count_outside_its_bounds_is_refused_by_name(
    params: dict[str, object], message: str
) -> None:
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU004", **params)
    assert str(caught.value) == f"rule FU004: FollowUpParams.{message}"


def test_a_day_count_may_sit_on_either_bound() -> None:
    rules = DEFAULT_RULES.configure("FU004", earliest_days=0, latest_days=60)
    params = rules["FU004"].params
    assert isinstance(params, FollowUpParams)
    assert (params.earliest_days, params.latest_days) == (0, 60)


NY = "America/New_York"
GRACE = Contact(
    "Grace Hopper", email="grace@example.com", phone="+1 212 555 0123", timezone=NY
)
MONDAY = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=GRACE,
)
CALL_BACK_ASKS = Requirements(
    must_mention=("Ada Lovelace",),
    call_minutes=(3, 4),
    talking_points=(
        "say you are still interested in Acme (A10)",
        "ask whether they have decided (A10)",
        "if they have not, agree the next time to call (A11)",
    ),
)


def undecided_call(call_back_at: str | None = None) -> Event:
    return Event(
        EventKind.CALLED,
        "2026-12-01T11:00:00-05:00",
        outcome=Outcome.UNDECIDED,
        call_back_at=call_back_at,
    )


def shown(step: Step) -> tuple[str, str, str, str, bool, tuple[str, ...]]:
    """What a reader of the step sees: when, why, and who moved it."""
    return (
        describe(step.window.start),
        describe(step.window.end),
        describe(step.due),
        step.reason,
        step.agreed,
        step.adjusted_by,
    )


def describe(moment: object) -> str:
    assert isinstance(moment, dt.datetime)
    return moment.strftime("%a %d %b %H:%M")


def test_an_undecided_call_with_no_time_agreed_waits_a_week_or_two() -> None:
    plan = plan_followups(MONDAY, [undecided_call()], now="2026-12-01T11:05:00-05:00")
    (back,) = plan.steps
    assert shown(back) == (
        "Tue 08 Dec 09:00",
        "Tue 15 Dec 17:00",
        "Tue 08 Dec 09:00",
        (
            "On the last call the company had not decided and no time was agreed: "
            "call back 7 to 14 days later (A11); 3 to 4 minutes (A13)."
        ),
        False,
        ("FU011",),
    )
    assert (back.requirements, back.advice, back.number) == (
        CALL_BACK_ASKS,
        ("A10", "A11", "A13"),
        1,
    )


def test_a_call_back_agreed_for_right_now_is_kept_as_agreed() -> None:
    agreed = "2026-12-03T15:00:00-05:00"
    plan = plan_followups(MONDAY, [undecided_call(agreed)], now=agreed)
    (back,) = plan.steps
    assert shown(back) == (
        "Thu 03 Dec 15:00",
        "Thu 03 Dec 15:15",
        "Thu 03 Dec 15:00",
        (
            "The company had not decided and you agreed to call back at "
            "Thu 3 Dec 2026 15:00 EST (A11): keep the time as agreed; 3 to 4 "
            "minutes (A13)."
        ),
        True,
        (),
    )
    assert plan.findings == ()


def test_a_passed_call_back_moves_a_days_window_to_monday_with_a_warning() -> None:
    called = undecided_call("2026-12-03T15:00:00-05:00")
    plan = plan_followups(MONDAY, [called], now="2026-12-04T18:00:00-05:00")
    (back,) = plan.steps
    assert shown(back) == (
        "Mon 07 Dec 09:00",
        "Tue 08 Dec 09:00",
        "Mon 07 Dec 09:00",
        (
            "The call-back agreed for Thu 3 Dec 2026 15:00 EST has passed (A11): call "
            "at the next working time; 3 to 4 minutes (A13). Moved to Mon 7 Dec 2026 "
            "09:00 EST: its window (Fri 4 Dec 2026 18:00 EST to Sat 5 Dec 2026 18:00 "
            "EST) held no working time."
        ),
        False,
        ("FU011",),
    )
    assert back.requirements == CALL_BACK_ASKS
    assert plan.findings == (
        Finding(
            "FU007",
            WARNING,
            "the agreed call-back time has passed: call at the next working time (A11)",
            step=back,
            expected="a call at Thu 3 Dec 2026 15:00 EST",
            actual="no call yet",
        ),
    )


def test_the_second_unanswered_call_plans_call_back_number_two() -> None:
    calls = [
        Event(EventKind.CALLED, at, outcome=Outcome.NO_ANSWER)
        for at in ("2026-12-01T11:00:00-05:00", "2026-12-08T11:00:00-05:00")
    ]
    plan = plan_followups(MONDAY, calls, now="2026-12-08T11:05:00-05:00")
    (back,) = plan.steps
    assert back.number == 2
    assert back.reason.startswith("On the last call nobody answered: call back")


def test_a_call_that_led_to_a_next_round_plans_no_call_back() -> None:
    called = Event(
        EventKind.CALLED, "2026-12-01T11:00:00-05:00", outcome=Outcome.NEXT_ROUND
    )
    rules = DEFAULT_RULES.select("FU007")
    assert plan_followups(MONDAY, [called], now=called.at, rules=rules).steps == ()


FOLLOW_UP_OPENING = (
    "Dear Grace,\n"
    "I am Ada Lovelace; we spoke on 23 November 2026 at 14:05.\n"
    "I am excited to join Acme.\n"
    "My experience with engines fits the role.\n"
)
THANK_YOU_SIX = (
    "Dear Grace, thank you for the call. I am Ada Lovelace. We spoke on "
    "23 November 2026 at 14:05. I am excited to join Acme. One. Two."
)


def test_a_follow_up_of_nine_lines_is_short_enough() -> None:
    letter = FOLLOW_UP_OPENING + "More.\n" * 5
    assert check_letter(letter, interview_at("14:05"), "follow-up") == ()


def test_a_follow_up_of_ten_lines_is_too_long() -> None:
    letter = FOLLOW_UP_OPENING + "More.\n" * 6
    assert check_letter(letter, interview_at("14:05"), "follow-up") == (
        Finding(
            "FU004",
            ERROR,
            "the follow-up letter runs to 10 lines: keep it under 10 (A9)",
            expected="at most 9 lines",
            actual="10 lines at 80 columns",
        ),
    )


def test_a_thank_you_of_six_sentences_is_short_enough() -> None:
    assert check_letter(THANK_YOU_SIX, interview_at("14:05"), "thank-you") == ()


def test_a_thank_you_of_seven_sentences_runs_long() -> None:
    letter = THANK_YOU_SIX + " Three."
    assert check_letter(letter, interview_at("14:05"), "thank-you") == (
        Finding(
            "FU003",
            WARNING,
            "the thank-you runs long: a few sentences are enough (A4)",
            expected="at most 6 sentences",
            actual="7 sentences",
        ),
    )


US = Contact("Grace Hopper", email="g@example.com", timezone=NY, country="US")
BERLIN = Contact(
    "Grace Hopper", email="g@example.com", timezone="Europe/Berlin", country="DE"
)
FOLLOW_UP_ASKS = (
    "naming you and the date and time of the call, your interest in the company "
    "and why you fit (A8), in under 10 lines (A9)."
)


def follow_up_of(interview: Interview, rules: RuleSet = DEFAULT_RULES) -> Step:
    plan = plan_followups(interview, [], now=interview.at, rules=rules)
    (step,) = (step for step in plan.steps if step.kind is StepKind.FOLLOW_UP)
    return step


@pytest.mark.parametrize(
    ("contact", "at", "days_off"),
    [
        (US, "2026-12-07T10:00:00-05:00[America/New_York]", ""),
        (US, "2026-11-26T10:00:00-05:00[America/New_York]", ""),
        (
            US,
            "2026-11-25T10:00:00-05:00[America/New_York]",
            " (Thanksgiving Day on Thu 26 Nov is no business day there)",
        ),
        (
            BERLIN,
            "2025-12-23T10:00:00+01:00[Europe/Berlin]",
            (
                " (Christmas Day on Thu 25 Dec and Second Day of Christmas on Fri 26 Dec"
                " are no business days there)"
            ),
        ),
    ],
)
def test_the_follow_up_names_the_holidays_after_the_interview_day(
    contact: Contact, at: str, days_off: str
) -> None:
    step = follow_up_of(Interview("Ada Lovelace", "Acme", at, interviewer=contact))
    assert step.reason == (
        f"The follow-up comes 2 to 3 business days after the interview{days_off} "
        f"(A5), by email (A7), {FOLLOW_UP_ASKS}"
    )


def test_a_follow_up_by_printed_letter_says_so_in_words() -> None:
    rules = DEFAULT_RULES.configure("FU004", channel="printed-letter")
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-12-07T10:00:00-05:00[America/New_York]",
        interviewer=US,
    )
    assert ", by printed letter (A7), " in follow_up_of(interview, rules).reason


@pytest.mark.parametrize(
    ("position", "fit"),
    [
        ("analyst", "say why you fit the analyst job (A8)"),
        (None, "say why you fit the job (A8)"),
    ],
)
def test_the_follow_up_asks_why_you_fit_the_position_named(
    position: str | None, fit: str
) -> None:
    interview = Interview(
        "Ada Lovelace", "Acme", MONDAY.at, interviewer=GRACE, position=position
    )
    assert follow_up_of(interview).requirements == Requirements(
        max_lines=9,
        must_mention=("Ada Lovelace", "23 November 2026", "10:00", "Acme"),
        talking_points=("show your interest in Acme (A8)", fit),
    )


def planned(kind: StepKind) -> Step:
    (step,) = (
        step
        for step in plan_followups(MONDAY, [], now=MONDAY.at).steps
        if step.kind is kind
    )
    return step


def call_at(
    start: str,
    end: str,
    channel: Channel = Channel.PHONE,
    call_minutes: tuple[int, int] = (3, 4),
) -> Step:
    call = planned(StepKind.CALL)
    window = Window(start, end)
    requirements = attrs.evolve(call.requirements, call_minutes=call_minutes)
    return attrs.evolve(
        call,
        window=window,
        due=window.start,
        channel=channel,
        requirements=requirements,
    )


def test_an_emailed_long_call_the_next_day_gets_three_warnings() -> None:
    call = call_at(
        "2026-11-24T10:00:00-05:00",
        "2026-11-24T11:00:00-05:00",
        channel=Channel.EMAIL,
        call_minutes=(3, 10),
    )
    findings = check_plan(
        [call], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU006")
    )
    assert findings == (
        Finding(
            "FU006",
            WARNING,
            "the call comes before a week has passed: give the company time to decide (A10)",
            step=call,
            expected="on or after Mon 30 Nov 2026 00:00 EST",
            actual="Tue 24 Nov 2026 10:00 EST",
        ),
        Finding(
            "FU006",
            WARNING,
            "a phone call reaches a busy recruiter better than a message (A12)",
            step=call,
            expected="phone",
            actual="email",
        ),
        Finding(
            "FU006",
            WARNING,
            "the call is planned to run long (A13)",
            step=call,
            expected="3-4 minutes",
            actual="3-10 minutes",
        ),
    )


def test_a_call_at_midnight_a_week_later_is_not_too_soon() -> None:
    call = call_at("2026-11-30T00:00:00-05:00", "2026-11-30T01:00:00-05:00")
    assert (
        check_plan([call], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU006"))
        == ()
    )


def test_a_plan_without_a_thank_you_is_an_error() -> None:
    assert check_plan(
        [], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU003")
    ) == (
        Finding(
            "FU003",
            ERROR,
            "no thank-you is planned: it is the first follow-up (A3)",
            expected="a thank-you email right after the call",
            actual="none",
        ),
    )


def test_a_phoned_thank_you_is_a_warning() -> None:
    phoned = attrs.evolve(planned(StepKind.THANK_YOU), channel=Channel.PHONE)
    findings = check_plan(
        [phoned], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU003")
    )
    assert findings == (
        Finding(
            "FU003",
            WARNING,
            "the thank-you is written, not phoned (A3)",
            step=phoned,
            expected="email",
            actual="phone",
        ),
    )


@pytest.mark.parametrize(
    "channel", [Channel.PRINTED_LETTER, Channel.HANDWRITTEN_LETTER]
)
def test_a_thank_you_by_post_is_a_warning(channel: Channel) -> None:
    # A3: the thank-you is an email, sent right after the call.
    posted = attrs.evolve(planned(StepKind.THANK_YOU), channel=channel)
    findings = check_plan(
        [posted], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU003")
    )
    assert findings == (
        Finding(
            "FU003",
            WARNING,
            "the thank-you is an email, sent right after the call: a letter by "
            "post arrives days later (A3)",
            step=posted,
            expected="email",
            actual=channel.value,
        ),
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"start": "09:00", "end": "09:00"},
            "WorkingHoursParams.end: '09:00:00' equals start",
        ),
        (
            {"kinds": ["close-call"]},
            (
                "WorkingHoursParams.kinds: 'close-call' happens during the call, "
                "whenever it is: working time cannot move it"
            ),
        ),
    ],
)
def test_working_hours_that_cannot_hold_a_step_are_refused(
    params: dict[str, object], message: str
) -> None:
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.configure("FU011", **params)
    assert str(caught.value) == f"rule FU011: {message}"


THANK_YOU_REASON = (
    "The thank-you is the first follow-up and goes out right after the call (A3), "
    "within 24 hours: a few sentences of thanks and interest, naming you and the "
    "date and time of the interview (A4)."
)


def test_a_plan_made_on_friday_after_a_monday_call_catches_up_with_warnings() -> None:
    plan = plan_followups(MONDAY, [], now="2026-11-27T12:00:00-05:00")
    assert [shown(step) for step in plan.steps] == [
        (
            "Fri 27 Nov 12:00",
            "Sat 28 Nov 12:00",
            "Fri 27 Nov 12:00",
            (
                f"{THANK_YOU_REASON} Late: its window closed at Tue 24 Nov 2026 10:30 EST,"
                " so it is planned from now on."
            ),
            False,
            ("FU010",),
        ),
        (
            "Mon 30 Nov 09:00",
            "Tue 01 Dec 17:00",
            "Mon 30 Nov 09:00",
            (
                "The follow-up comes 2 to 3 business days after the interview (A5), by "
                f"email (A7), {FOLLOW_UP_ASKS} Late: its window closed at the end of Thu 26 "
                "Nov 2026, so it is planned from now on. Moved to a business day after "
                "the thank-you, so that the two letters do not arrive together (A5)."
            ),
            False,
            ("FU010", "FU012", "FU011"),
        ),
        (
            "Wed 02 Dec 09:00",
            "Mon 07 Dec 17:00",
            "Wed 02 Dec 09:00",
            (
                "With no word one to two weeks after the interview, phone the interviewer"
                " about your interest and their decision (A10); a call reaches a busy "
                "recruiter better than another email (A12); 3 to 4 minutes are enough "
                "(A13). Moved to 2 business days after the follow-up, so that the letter"
                " can be answered before the phone rings (A10)."
            ),
            False,
            ("FU012", "FU011"),
        ),
    ]
    thanks, follow_up, _ = plan.steps
    assert plan.findings == (
        Finding(
            "FU010",
            WARNING,
            "the thank-you is late: better late than never",
            step=thanks,
            expected="by Tue 24 Nov 2026 10:30 EST",
            actual="still to do at Fri 27 Nov 2026 12:00 EST",
        ),
        Finding(
            "FU010",
            WARNING,
            "the follow-up is late: better late than never",
            step=follow_up,
            expected="by the end of Thu 26 Nov 2026",
            actual="still to do at Fri 27 Nov 2026 12:00 EST",
        ),
    )


def test_late_steps_are_told_in_the_recipients_zone_whatever_zone_now_is_in() -> None:
    # The interview is written in New York, the interviewer works in Paris,
    # and now is given in UTC: the warning speaks the interviewer's time.
    interview = attrs.evolve(
        MONDAY,
        interviewer=Contact(
            "Grace Hopper",
            email="grace@example.com",
            phone="+33 1 23 45 67 89",
            timezone="Europe/Paris",
        ),
    )
    plan = plan_followups(interview, [], now="2026-11-27T17:00:00+00:00")
    assert [(f.code, f.expected, f.actual) for f in plan.findings] == [
        (
            "FU010",
            "by Tue 24 Nov 2026 16:30 CET",
            "still to do at Fri 27 Nov 2026 18:00 CET",
        ),
        (
            "FU010",
            "by the end of Thu 26 Nov 2026",
            "still to do at Fri 27 Nov 2026 18:00 CET",
        ),
    ]


def test_a_thank_you_whose_window_closes_right_now_is_not_late() -> None:
    plan = plan_followups(MONDAY, [], now="2026-11-24T10:30:00-05:00")
    assert shown(plan.steps[0]) == (
        "Tue 24 Nov 10:30",
        "Tue 24 Nov 10:30",
        "Tue 24 Nov 10:30",
        THANK_YOU_REASON,
        False,
        (),
    )
    assert plan.findings == ()


def test_a_plan_missing_the_follow_up_and_call_is_warned_of_both() -> None:
    findings = check_plan(
        [], MONDAY, now=MONDAY.at, rules=DEFAULT_RULES.select("FU005")
    )
    assert findings == tuple(
        Finding(
            "FU005",
            WARNING,
            f"no {kind} is planned, though the interview's performance (unknown) "
            "calls for one (A6)",
            expected=f"a {kind}",
            actual="none",
        )
        for kind in ("follow-up", "call")
    )


def test_following_up_a_weak_interview_is_a_warning() -> None:
    weak = attrs.evolve(MONDAY, performance="weak")
    steps = plan_followups(MONDAY, [], now=MONDAY.at).steps
    findings = check_plan(
        steps, weak, now=MONDAY.at, rules=DEFAULT_RULES.select("FU005")
    )
    assert findings == (
        Finding(
            "FU005",
            WARNING,
            "the interview went weak: following up depends on how it went (A6)",
            expected="the thank-you alone",
            actual="call, follow-up",
        ),
    )


AGREED = "2026-12-03T15:00:00-05:00"


def agreed_call_back_at(due: str) -> Step:
    (back,) = plan_followups(MONDAY, [undecided_call(AGREED)], now=AGREED).steps
    window = Window(AGREED, "2026-12-03T18:00:00-05:00")
    return attrs.evolve(back, window=window, due=due)


def call_back_findings(*dues: str) -> tuple[Finding, ...]:
    steps = [agreed_call_back_at(due) for due in dues]
    rules = DEFAULT_RULES.select("FU007")
    return check_plan(steps, MONDAY, [undecided_call(AGREED)], now=AGREED, rules=rules)


def test_call_backs_planned_after_the_agreed_time_are_a_warning() -> None:
    assert call_back_findings(
        "2026-12-03T16:00:00-05:00", "2026-12-03T17:00:00-05:00"
    ) == (
        Finding(
            "FU007",
            WARNING,
            "the call-back is not planned at the time agreed with the company (A11)",
            expected="a call-back at Thu 3 Dec 2026 15:00 EST",
            actual="Thu 3 Dec 2026 16:00 EST, Thu 3 Dec 2026 17:00 EST",
        ),
    )


def test_an_agreed_call_back_due_now_and_unplanned_is_a_warning() -> None:
    (finding,) = call_back_findings()
    assert finding.actual == "none"


def test_a_call_back_at_the_end_of_the_agreed_quarter_hour_is_on_time() -> None:
    assert call_back_findings("2026-12-03T15:15:00-05:00") == ()


def test_a_follow_up_in_calendar_days_names_no_holiday() -> None:
    rules = DEFAULT_RULES.configure("FU004", days="calendar")
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-25T10:00:00-05:00[America/New_York]",
        interviewer=US,
    )
    reason = follow_up_of(interview, rules).reason
    assert reason.startswith(
        "The follow-up comes 2 to 3 days after the interview (A5), "
    )


@pytest.mark.parametrize(
    ("contact", "at", "moved"),
    [
        (
            US,
            "2026-11-24T10:00:00-05:00[America/New_York]",
            " Moved past Thanksgiving Day on Thu 26 Nov: a public holiday there.",
        ),
        (
            BERLIN,
            "2025-12-23T10:00:00+01:00[Europe/Berlin]",
            (
                " Moved to Mon 29 Dec 2025 09:00 CET: its window (Thu 25 Dec 2025 00:00 CET"
                " to Fri 26 Dec 2025 23:59 CET) held no working time. Moved past Christmas"
                " Day on Thu 25 Dec and Second Day of Christmas on Fri 26 Dec: public"
                " holidays there."
            ),
        ),
    ],
)
def test_a_follow_up_in_calendar_days_says_which_holidays_moved_it(
    contact: Contact, at: str, moved: str
) -> None:
    rules = DEFAULT_RULES.configure("FU004", days="calendar")
    step = follow_up_of(
        Interview("Ada Lovelace", "Acme", at, interviewer=contact), rules
    )
    assert step.reason == (
        f"The follow-up comes 2 to 3 days after the interview (A5), by email (A7), "
        f"{FOLLOW_UP_ASKS}{moved}"
    )


def test_the_thank_you_window_lasts_its_hours_in_the_recipients_zone() -> None:
    # The call ends at 10:30 in New York; the interviewer works in Paris.
    paris = attrs.evolve(
        MONDAY, interviewer=attrs.evolve(GRACE, timezone="Europe/Paris")
    )
    rules = DEFAULT_RULES.configure("FU003", within_hours=4)
    (thanks,) = [
        step
        for step in plan_followups(paris, rules=rules).steps
        if step.kind is StepKind.THANK_YOU
    ]
    assert (thanks.window.start.isoformat(), thanks.window.end.isoformat()) == (
        "2026-11-23T16:30:00+01:00",
        "2026-11-23T20:30:00+01:00",
    )
    facts = Facts.gather(paris, (), None, rules.calendar)
    start, end = rules["FU003"].window(facts)
    assert (start.isoformat(), end.isoformat()) == (
        "2026-11-23T16:30:00+01:00",
        "2026-11-23T20:30:00+01:00",
    )

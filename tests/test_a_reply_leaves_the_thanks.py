"""A reply from the interviewer makes the follow-up letter moot, not the thanks.

The advice (A3) sends the thank-you right after the call; a reply that came
first (the interviewer writing within the hour that they decide by a date)
leaves it to send, and answers nothing the thank-you says.  The plan made
it disappear, and `check_plan` called a planned thank-you "no longer
needed", citing A3 for the opposite of what A3 says.
"""

from __future__ import annotations

from followup import (
    Event,
    EventKind,
    StepKind,
    check_plan,
    plan_followups,
)
from friday_afternoon import INTERVIEW

NOW = "2026-11-20T17:00:00-05:00"
REPLY = Event(EventKind.REPLIED, NOW, until="2026-12-04")


def test_a_reply_before_the_thank_you_leaves_it_planned_and_the_letter_out() -> None:
    plan = plan_followups(INTERVIEW, [REPLY], now=NOW)
    assert [
        (s.kind, s.due.isoformat(), s.window.end.isoformat()) for s in plan.steps
    ] == [
        # Still within its 24 hours of the call's end: not late.
        (StepKind.THANK_YOU, "2026-11-20T17:00:00-05:00", "2026-11-21T17:00:00-05:00"),
        # The call waits for the business day after the promised decision.
        (StepKind.CALL, "2026-12-07T09:00:00-05:00", "2026-12-14T17:00:00-05:00"),
    ]
    assert plan.findings == ()
    assert check_plan(plan, INTERVIEW, [REPLY], now=NOW) == ()


def test_the_check_calls_the_letter_moot_after_a_reply_and_the_thanks_not() -> None:
    before = plan_followups(INTERVIEW, now=NOW)
    findings = check_plan(before, INTERVIEW, [REPLY], now=NOW)
    assert [
        (f.code, f.severity.value, f.message)
        for f in findings
        if f.step is not None and f.step.kind is not StepKind.CALL
    ] == [
        (
            "FU004",
            "warning",
            (
                "the follow-up is no longer needed: the interviewer replied on "
                "Fri 20 Nov 2026 17:00 EST (A5)"
            ),
        )
    ]


def test_a_thank_you_sent_after_the_reply_is_done_and_not_planned_again() -> None:
    thanked = Event(EventKind.THANK_YOU_SENT, "2026-11-20T17:10:00-05:00")
    later = "2026-11-20T18:00:00-05:00"
    plan = plan_followups(INTERVIEW, [REPLY, thanked], now=later)
    assert [s.kind for s in plan.steps] == [StepKind.CALL]
    before = plan_followups(INTERVIEW, now=NOW)
    (again,) = [
        f
        for f in check_plan(before, INTERVIEW, [REPLY, thanked], now=later)
        if f.code == "FU003"
    ]
    assert again.severity.value == "error"
    assert again.message.startswith(
        "the thank-you is planned again, but the thank-you was sent"
    )

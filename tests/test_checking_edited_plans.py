"""`check_plan` on plans a user edited: the history says what was agreed and done.

An app lets its users drag a reminder, pin it, add or delete steps, and
checks the result against the advice.  A step's own `agreed` flag is one
more field a user can set; what the company agreed is in the history.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs
import pendulum
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    NoParams,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    new_step,
    plan_followups,
)
from new_york import INTERVIEW

SENT = [
    Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00"),
    Event(EventKind.FOLLOW_UP_SENT, "2026-11-25T09:30:00-05:00"),
]
NOW = "2026-11-30T11:05:00-05:00"


def _agreeing(at: str) -> Event:
    return Event(
        EventKind.CALLED, "2026-11-30T11:00:00-05:00", outcome="undecided",
        call_back_at=at,
    )  # fmt: skip


def _moved(step: Step, when: str, **changes: object) -> Step:
    at = pendulum.parse(when)
    return attrs.evolve(step, due=at, window=Window(at, at.add(minutes=15)), **changes)


def _codes(findings) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in findings]


def test_calls_marked_agreed_with_no_agreement_are_counted_and_spaced():
    (call,) = [
        s
        for s in plan_followups(INTERVIEW, SENT, now="2026-11-26T10:00:00-05:00").steps
        if s.kind is StepKind.CALL
    ]
    calls = [
        _moved(call, f"2026-12-06T0{2 + n}:00:00-05:00", number=n + 1, agreed=True)
        for n in range(5)
    ]
    findings = check_plan(calls, INTERVIEW, SENT, now="2026-11-26T10:00:00-05:00")
    assert _codes(findings).count(("FU008", Severity.ERROR)) == 5
    assert _codes(findings).count(("FU011", Severity.WARNING)) == 5


def test_only_the_call_back_the_history_agreed_is_exempt():
    history = [*SENT, _agreeing("2026-12-03T16:00:00-05:00")]
    (agreed,) = plan_followups(INTERVIEW, history, now=NOW).steps
    extra = [
        _moved(agreed, when, number=number, agreed=False)
        for number, when in enumerate(
            ["2026-12-04T10:00:00-05:00", "2026-12-04T11:00:00-05:00"], start=2
        )
    ]
    assert check_plan([agreed], INTERVIEW, history, now=NOW) == ()
    findings = check_plan([agreed, *extra], INTERVIEW, history, now=NOW)
    # Each a week after the call before it: the agreed one on Thursday.
    assert [(f.code, f.expected, f.actual) for f in findings] == [
        (
            "FU008",
            "on or after Thu 10 Dec 2026 00:00 EST",
            "Fri 4 Dec 2026 10:00 EST",
        ),
        (
            "FU008",
            "on or after Fri 11 Dec 2026 00:00 EST",
            "Fri 4 Dec 2026 11:00 EST",
        ),
    ]


@pytest.mark.parametrize("flag", [True, False])
def test_a_call_back_at_the_agreed_time_outside_hours_is_kept_whatever_its_flag(flag):
    history = [*SENT, _agreeing("2026-12-03T18:00:00-05:00")]
    mine = Step(
        StepKind.CALL_BACK, Channel.PHONE,
        Window("2026-12-03T18:00:00-05:00", "2026-12-03T18:15:00-05:00"),
        "2026-12-03T18:00:00-05:00", rule="ME", reason="The time we agreed.",
        agreed=flag,
    )  # fmt: skip
    assert check_plan([mine], INTERVIEW, history, now=NOW) == ()
    # Another time outside hours is no agreement's.
    elsewhere = _moved(mine, "2026-12-03T19:00:00-05:00")
    assert ("FU011", Severity.WARNING) in _codes(
        check_plan([elsewhere], INTERVIEW, history, now=NOW)
    )


# -- steps the history has done with ---------------------------------------------


def test_a_plan_kept_after_the_letters_went_out_says_to_remove_them():
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00")
    findings = check_plan(plan, history=SENT, now="2026-11-26T10:00:00-05:00")
    assert [(f.code, f.severity, f.message) for f in findings] == [
        (
            "FU003",
            Severity.ERROR,
            (
                "the thank-you is planned again, but the thank-you was sent on Mon 23 "
                "Nov 2026 10:45 EST: remove it (A3)"
            ),
        ),
        (
            "FU004",
            Severity.ERROR,
            (
                "the follow-up is planned again, but the follow-up was sent on Wed 25 "
                "Nov 2026 09:30 EST: remove it (A5)"
            ),
        ),
    ]


def test_a_letter_sent_after_an_event_that_made_it_moot_is_still_sent_twice():
    # Replied on Tuesday, the follow-up sent all the same on Wednesday: the
    # letter went out, and a plan holding it would send it again.
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00")
    history = [
        SENT[0],
        Event(EventKind.REPLIED, "2026-11-24T09:00:00-05:00"),
        SENT[1],
    ]
    findings = check_plan(plan, history=history, now="2026-11-26T10:00:00-05:00")
    (follow_up,) = [f for f in findings if f.code == "FU004"]
    assert (follow_up.severity, follow_up.message) == (
        Severity.ERROR,
        (
            "the follow-up is planned again, but the follow-up was sent on Wed 25 "
            "Nov 2026 09:30 EST: remove it (A5)"
        ),
    )


def test_a_follow_up_kept_after_a_reply_is_no_longer_needed():
    plan = plan_followups(INTERVIEW, SENT[:1], now="2026-11-23T11:00:00-05:00")
    replied = [*SENT[:1], Event(EventKind.REPLIED, "2026-11-24T10:00:00-05:00")]
    findings = check_plan(plan, history=replied, now="2026-11-24T11:00:00-05:00")
    assert [(f.code, f.severity, f.message) for f in findings if f.code == "FU004"] == [
        (
            "FU004",
            Severity.WARNING,
            (
                "the follow-up is no longer needed: the interviewer replied on Tue 24 "
                "Nov 2026 10:00 EST (A5)"
            ),
        )
    ]


@attrs.frozen
class ThanksAgain:
    """A rule of one's own that proposes a thank-you whatever happened."""

    code: ClassVar[str] = "TA001"
    name: ClassVar[str] = "thanks-again"
    summary: ClassVar[str] = "Thank the interviewer, always."
    advice: ClassVar[tuple[str, ...]] = ("A3",)
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        ends = facts.call_ends
        return draft.proposing(
            new_step(
                facts, StepKind.THANK_YOU, Channel.EMAIL,
                (ends, ends + dt.timedelta(hours=24)), rule=self.code,
                reason="Thanks (A3).", advice=self.advice,
            )
        )  # fmt: skip

    def check(self, facts, steps):
        return ()


def test_a_letter_sent_is_not_planned_again_whoever_proposes_it():
    rules = DEFAULT_RULES.extend(ThanksAgain())
    plan = plan_followups(
        INTERVIEW, SENT[:1], now="2026-11-23T11:00:00-05:00", rules=rules
    )
    assert StepKind.THANK_YOU not in {step.kind for step in plan.steps}
    assert [str(f) for f in plan.findings if f.code == "FU009"] == [
        (
            "FU009 info: the thank-you TA001 proposed is not planned: the thank-you "
            "was sent on Mon 23 Nov 2026 10:45 EST"
        )
    ]
    assert [f for f in check_plan(plan, rules=rules, history=SENT[:1])
            if f.severity is Severity.ERROR] == []  # fmt: skip


# -- channels, a late first call, the close of the call, a later history ----------


@pytest.mark.parametrize("kind", [StepKind.THANK_YOU, StepKind.FOLLOW_UP])
def test_a_letter_by_another_channel_is_flagged(kind):
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00")
    (letter,) = [s for s in plan.steps if s.kind is kind]
    linkedin = attrs.evolve(letter, channel=Channel.OTHER, channel_name="linkedin")
    steps = [linkedin if s is letter else s for s in plan.steps]
    code = "FU003" if kind is StepKind.THANK_YOU else "FU004"
    (finding,) = [f for f in check_plan(attrs.evolve(plan, steps=tuple(steps)))
                  if f.code == code]  # fmt: skip
    assert (finding.severity, finding.actual) == (Severity.WARNING, "linkedin")


def test_a_first_call_three_weeks_on_is_late():
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00")
    call = plan.steps[-1]
    late = _moved(call, "2026-12-14T10:00:00-05:00")
    edited = attrs.evolve(plan, steps=(*plan.steps[:-1], late))
    (finding,) = [f for f in check_plan(edited) if f.code == "FU006"]
    assert str(finding) == (
        "FU006 warning: the call comes later than 2 weeks after the interview "
        "(A10) (expected by Mon 7 Dec 2026 23:59 EST, got Mon 14 Dec 2026 "
        "10:00 EST)"
    )


def test_a_plan_made_during_the_call_without_its_close_is_flagged():
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:10:00-05:00")
    assert plan.steps[0].kind is StepKind.CLOSE_CALL
    edited = attrs.evolve(plan, steps=plan.steps[1:])
    assert _codes(check_plan(plan)) == []
    assert _codes(check_plan(edited)) == [("FU001", Severity.WARNING)]
    # Checked as of the start of the call, a schedule may leave it out.
    assert _codes(check_plan(edited, now=INTERVIEW.at)) == []


def test_a_plan_kept_while_events_come_in_is_checked_as_of_the_last():
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:30:00-05:00")
    findings = check_plan(plan, history=SENT[:1])
    assert [f.code for f in findings] == ["FU003"]


@pytest.mark.parametrize("kind", ["away", "paused"])
def test_a_call_the_history_holds_past_its_window_is_not_late(kind):
    # The interviewer away (or the candidate pausing) until 14 December:
    # the call waits for that, as FU013 plans it, and is no lateness.
    held = [*SENT, Event(kind, "2026-11-25T10:00:00-05:00", until="2026-12-14")]
    plan = plan_followups(INTERVIEW, held, now="2026-11-25T10:05:00-05:00")
    assert [s.kind for s in plan.steps] == [StepKind.CALL]
    assert plan.steps[0].due.date().isoformat() == "2026-12-14"
    assert [f for f in check_plan(plan, history=held) if f.code == "FU006"] == []
    # The same call without the hold is late.
    (late,) = [f for f in check_plan(plan, history=SENT) if f.code == "FU006"]
    assert late.message.startswith("the call comes later than 2 weeks")


def test_a_follow_up_the_history_holds_past_its_window_is_not_late():
    held = [SENT[0], Event("away", "2026-11-24T10:00:00-05:00", until="2026-12-07")]
    plan = plan_followups(INTERVIEW, held, now="2026-11-24T10:05:00-05:00")
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.due.date().isoformat() == "2026-12-07"
    assert [f for f in check_plan(plan, history=held) if f.code == "FU004"] == []
    assert [f.code for f in check_plan(plan, history=SENT[:1])].count("FU004") == 1


def _late(findings, code: str) -> list[str]:
    # A late step's or letter's finding expects it "by" the window's end.
    return [
        f.message
        for f in findings
        if f.code == code and f.expected is not None and f.expected.startswith("by ")
    ]


def test_a_held_follow_up_moved_weeks_past_the_hold_is_late():
    # Away until Tuesday 1 December: the plan sends the follow-up then; a
    # user's edit to 22 December is late all the same.
    held = [SENT[0], Event("away", "2026-11-24T09:00:00-05:00", until="2026-12-01")]
    plan = plan_followups(INTERVIEW, held, now="2026-11-24T10:00:00-05:00")
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.due.date().isoformat() == "2026-12-01"
    assert _late(check_plan(plan, history=held), "FU004") == []
    edited = [
        _moved(s, "2026-12-22T10:00:00-05:00") if s is follow_up else s
        for s in plan.steps
    ]
    findings = check_plan(edited, INTERVIEW, held, now="2026-11-24T10:00:00-05:00")
    assert len(_late(findings, "FU004")) == 1
    # Two days past the hold, within the moved window, is where it belongs.
    within = [
        _moved(s, "2026-12-03T10:00:00-05:00") if s is follow_up else s
        for s in plan.steps
    ]
    findings = check_plan(within, INTERVIEW, held, now="2026-11-24T10:00:00-05:00")
    assert _late(findings, "FU004") == []


def test_an_absence_holds_no_thank_you():
    # The thank-you goes out on the day of the call, away or not: moved a
    # week on, it is late, though the interviewer is away until 1 December.
    held = [Event("away", "2026-11-23T10:40:00-05:00", until="2026-12-01")]
    plan = plan_followups(INTERVIEW, held, now="2026-11-23T10:45:00-05:00")
    thanks = plan.steps[0]
    assert thanks.kind is StepKind.THANK_YOU
    edited = [_moved(thanks, "2026-11-30T10:00:00-05:00"), *plan.steps[1:]]
    findings = check_plan(edited, INTERVIEW, held, now="2026-11-23T10:45:00-05:00")
    assert len(_late(findings, "FU003")) == 1
    # Paused, the thank-you waits too.
    paused = [Event("paused", "2026-11-23T10:40:00-05:00", until="2026-12-01")]
    findings = check_plan(edited, INTERVIEW, paused, now="2026-11-23T10:45:00-05:00")
    assert _late(findings, "FU003") == []


def test_a_follow_up_sent_when_the_held_plan_said_is_not_late():
    held = [SENT[0], Event("away", "2026-11-24T09:00:00-05:00", until="2026-12-01")]
    sent = [*held, Event("follow-up-sent", "2026-12-01T09:00:00-05:00")]
    plan = plan_followups(INTERVIEW, sent, now="2026-12-01T09:05:00-05:00")
    assert _late(check_plan(plan, history=sent), "FU004") == []
    # Without the absence, the same letter is late.
    alone = [SENT[0], sent[-1]]
    assert len(_late(check_plan(plan, history=alone), "FU004")) == 1

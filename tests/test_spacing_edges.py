"""FU012: which step a gap counts from, and the edges of its check."""

from __future__ import annotations

from followup import (
    Channel,
    Event,
    EventKind,
    Interview,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)
from own_steps import AT

INTERVIEW = Interview("Ada Lovelace", "Acme", AT)


def _step(kind, channel, at):
    return Step(kind, channel, Window(at, at), at, rule="ME", reason="Mine.")


def test_a_call_a_business_day_after_the_thank_you_is_too_soon() -> None:
    # Thank-you Monday at 10:30, call Tuesday at 10:00, no follow-up: the
    # call comes sooner than 2 business days after the thank-you.  (Mutant:
    # FU012's gaps are kept by (label, day) without the step's kind, so the
    # follow-up's gap of one business day, asked first, answers for the
    # call too, and nothing is flagged.)
    steps = [
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-23T10:30:00-05:00"),
        _step(StepKind.CALL, Channel.PHONE, "2026-11-24T10:00:00-05:00"),
    ]
    found = [f for f in check_plan(steps, INTERVIEW) if f.code == "FU012"]
    assert [f.message for f in found] == [
        "the call comes sooner than 2 business days after the thank-you"
    ]
    assert found[0].expected == "on or after Wed 25 Nov 2026 00:00 EST"


def test_the_follow_up_counts_from_the_last_thank_you() -> None:
    # Two thank-yous, Monday and Tuesday; a follow-up on Tuesday afternoon
    # comes too soon after the second.  (Mutant: `due < thanked` in `_lasts`
    # counts from the first thank-you.)
    steps = [
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-23T10:30:00-05:00"),
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-24T10:00:00-05:00"),
        _step(StepKind.FOLLOW_UP, Channel.EMAIL, "2026-11-24T15:00:00-05:00"),
    ]
    found = [f for f in check_plan(steps, INTERVIEW) if f.code == "FU012"]
    assert [f.message for f in found] == [
        "the follow-up comes sooner than a business day after the thank-you"
    ]


def test_the_call_counts_from_the_last_follow_up() -> None:
    # Follow-ups on Wednesday and Thursday; a call on Friday comes sooner
    # than 2 business days after the second.  (Mutant: `due < written` in
    # `_lasts` counts from Wednesday's, and Friday is fine.)
    steps = [
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-23T10:30:00-05:00"),
        _step(StepKind.FOLLOW_UP, Channel.EMAIL, "2026-11-25T09:00:00-05:00"),
        _step(StepKind.FOLLOW_UP, Channel.EMAIL, "2026-11-26T09:00:00-05:00"),
        _step(StepKind.CALL, Channel.PHONE, "2026-11-27T09:00:00-05:00"),
    ]
    found = [f for f in check_plan(steps, INTERVIEW) if f.code == "FU012"]
    assert [f.message for f in found] == [
        "the call comes sooner than 2 business days after the follow-up"
    ]


def test_the_follow_up_waits_a_business_day_after_the_last_thank_you_sent() -> None:
    # Thank-yous sent on Monday and again on Wednesday morning: planned at
    # noon on Wednesday, the follow-up waits until Thursday.  (Mutant: `min`
    # in `_last_sent` counts from Monday's, and the follow-up goes at noon.)
    history = [
        Event(EventKind.THANK_YOU_SENT, "2026-11-23T11:00:00-05:00"),
        Event(EventKind.THANK_YOU_SENT, "2026-11-25T10:00:00-05:00"),
    ]
    plan = plan_followups(INTERVIEW, history, now="2026-11-25T12:00:00-05:00")
    follow_up = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.isoformat() == "2026-11-26T09:00:00-05:00"
    assert "FU012" in follow_up.adjusted_by


def test_a_follow_up_due_the_moment_its_gap_ends_is_on_time() -> None:
    # A business day after Monday's thank-you starts on Tuesday at 00:00: a
    # follow-up due then is not too soon.  (Mutant: `due <= earliest` in
    # FU012's check flags it.)
    steps = [
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-23T10:30:00-05:00"),
        _step(StepKind.FOLLOW_UP, Channel.EMAIL, "2026-11-24T00:00:00-05:00"),
    ]
    assert [f for f in check_plan(steps, INTERVIEW) if f.code == "FU012"] == []


def test_a_step_marked_agreed_is_flagged_as_any_other() -> None:
    # Only the history says what was agreed (a call-back's time, FU007): a
    # call marked `agreed` in a plan edited by hand is spaced as any call.
    at = "2026-11-24T10:00:00-05:00"
    steps = [
        _step(StepKind.THANK_YOU, Channel.EMAIL, "2026-11-23T10:30:00-05:00"),
        Step(
            StepKind.CALL, Channel.PHONE, Window(at, at), at, rule="ME",
            reason="Agreed.", agreed=True,
        ),
    ]  # fmt: skip
    assert [f.message for f in check_plan(steps, INTERVIEW) if f.code == "FU012"] == [
        "the call comes sooner than 2 business days after the thank-you"
    ]

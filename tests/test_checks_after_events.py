"""`check_plan` and `plan_changes` once events came in: exact findings and changes.

Each case pins what a surviving mutant of the code would change (a review
ran one hundred): the late call-back after a call, the one voice after a
decision, the first event that made a step moot, a hold of a reply, and
what `plan_changes` counts as a move, a step done and a change at all.
"""

from __future__ import annotations

import attrs

from followup import (
    Event,
    EventKind,
    Facts,
    PlanChanges,
    StepKind,
    Window,
    check_plan,
    plan_changes,
    plan_followups,
)
from new_york import INTERVIEW

AGAIN = (
    "the follow-up is planned again, but the follow-up was sent on "
    "Wed 25 Nov 2026 09:30 EST: remove it (A5)"
)
THANKED = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00")
FOLLOWED = Event(EventKind.FOLLOW_UP_SENT, "2026-11-25T09:30:00-05:00")


def _said(findings) -> list[tuple[str, str, str, str | None, str | None]]:
    return [
        (f.code, f.severity.value, f.message, f.expected, f.actual) for f in findings
    ]


def test_a_kept_plan_s_call_back_is_late_once_its_window_closed():
    # Only the letters are dropped from the check once a call was made: the
    # call-back after it is still checked, and late a month on.
    history = [
        THANKED, FOLLOWED,
        Event(EventKind.CALLED, "2026-11-30T11:00:00-05:00", outcome="no-answer"),
    ]  # fmt: skip
    plan = plan_followups(INTERVIEW, history, now="2026-11-30T12:00:00-05:00")
    assert [s.kind for s in plan.steps] == [StepKind.CALL_BACK]
    findings = check_plan(plan, history=history, now="2026-12-31T10:00:00-05:00")
    assert _said(findings) == [
        (
            "FU010", "warning", "the call-back's window closed before now: move it",
            "a window still open at Thu 31 Dec 2026 10:00 EST",
            "closed at Mon 14 Dec 2026 17:00 EST",
        ),
    ]  # fmt: skip


def test_after_a_decision_fu009_speaks_for_the_letters_sent():
    # No "planned again" error beside FU009's: the decision ends it all.
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:05:00-05:00")
    offer = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="offer"
    )
    findings = check_plan(
        plan, history=[THANKED, offer], now="2026-11-24T10:00:00-05:00"
    )
    assert [(f.code, f.severity.value) for f in findings] == [
        ("FU009", "error"),
        ("FU010", "warning"),
    ]


def test_a_follow_up_sent_is_planned_again_and_nothing_more():
    # Neither FU010's "move it" nor FU004's lateness beside the error: the
    # step is to be removed, wherever it is.
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:05:00-05:00")
    sent = [THANKED, FOLLOWED]
    findings = check_plan(plan, history=sent, now="2026-12-01T10:00:00-05:00")
    about = [
        f for f in findings if f.step is not None and f.step.kind is StepKind.FOLLOW_UP
    ]
    assert _said(about) == [
        (
            "FU004", "error",
            AGAIN,
            "no follow-up", "Wed 25 Nov 2026 09:00 EST",
        ),
    ]  # fmt: skip
    week_on = [
        attrs.evolve(
            s, window=Window(s.window.start.add(days=7), s.window.end.add(days=7)),
            due=s.due.add(days=7),
        ) if s.kind is StepKind.FOLLOW_UP else s
        for s in plan.steps
    ]  # fmt: skip
    findings = check_plan(week_on, INTERVIEW, sent, now="2026-11-26T10:00:00-05:00")
    assert [f.message for f in findings if f.code == "FU004"] == [AGAIN]


def test_the_first_event_that_made_a_step_moot_is_named():
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:05:00-05:00")
    history = [
        FOLLOWED,
        Event(EventKind.CALLED, "2026-11-30T11:00:00-05:00", outcome="undecided"),
    ]
    now = "2026-11-30T12:00:00-05:00"
    facts = Facts.gather(INTERVIEW, history, now=now)
    assert facts.covered_by("thank-you").kind is EventKind.FOLLOW_UP_SENT
    (moot,) = [
        f for f in check_plan(plan, history=history, now=now) if f.code == "FU003"
    ]
    assert moot.message == (
        "the thank-you is no longer needed: the follow-up was sent on "
        "Wed 25 Nov 2026 09:30 EST (A3)"
    )


def test_a_call_held_for_the_day_a_reply_named_is_not_late():
    # Thanked: a reply leaves a thank-you not sent to be planned (late here).
    reply = [
        THANKED,
        Event(EventKind.REPLIED, "2026-11-25T11:00:00-05:00", until="2026-12-15"),
    ]
    plan = plan_followups(INTERVIEW, reply, now="2026-11-25T12:00:00-05:00")
    assert [(s.kind, s.due.isoformat()) for s in plan.steps] == [
        (StepKind.CALL, "2026-12-16T09:00:00-05:00")
    ]
    assert check_plan(plan, history=reply) == ()
    # Away until the window's last day holds nothing past it: late.
    away = [
        THANKED,
        Event(EventKind.AWAY, "2026-11-24T09:00:00-05:00", until="2026-11-27"),
    ]
    kept = plan_followups(INTERVIEW, [THANKED], now="2026-11-24T10:00:00-05:00")
    moved = [
        attrs.evolve(s, window=Window("2026-11-30T09:00:00-05:00", "2026-11-30T10:00:00-05:00"),
                     due="2026-11-30T09:00:00-05:00")
        if s.kind is StepKind.FOLLOW_UP else s
        for s in kept.steps
    ]  # fmt: skip
    findings = check_plan(moved, INTERVIEW, away, now="2026-11-24T10:00:00-05:00")
    assert [f.expected for f in findings if f.code == "FU004"] == [
        "by Fri 27 Nov 2026 23:59 EST"
    ]


# -- plan_changes ------------------------------------------------------------


def test_a_call_recorded_twice_leaves_the_call_back_cancelled_after_an_offer():
    call = Event(EventKind.CALLED, "2026-11-30T11:00:00-05:00", outcome="undecided")
    before = plan_followups(INTERVIEW, [call], now="2026-11-30T12:00:00-05:00")
    assert [(s.kind, s.number) for s in before.steps] == [(StepKind.CALL_BACK, 1)]
    offer = Event(
        EventKind.DECISION_RECEIVED, "2026-12-01T11:00:00-05:00", outcome="offer"
    )
    history = [call, call, offer]  # the tracker exported the call twice
    after = plan_followups(INTERVIEW, history, now="2026-12-01T12:00:00-05:00")
    changes = plan_changes(before, after, history)
    assert [(s.kind, s.number) for s in changes.cancelled] == [(StepKind.CALL_BACK, 1)]
    assert changes.done == ()


def test_a_step_done_is_a_change():
    before = plan_followups(INTERVIEW, now="2026-11-23T10:05:00-05:00")
    after = plan_followups(INTERVIEW, [THANKED], now="2026-11-23T10:50:00-05:00")
    changes = plan_changes(before, after, [THANKED])
    assert [s.kind for s in changes.done] == [StepKind.THANK_YOU]
    assert changes
    (thanks,) = changes.done
    assert PlanChanges(done=(thanks,))
    assert not PlanChanges()


def test_a_renamed_company_moves_every_step_that_names_it():
    # With an `id`, the identity stays; the steps' text changed, not their time.
    first = attrs.evolve(INTERVIEW, id="job-17")
    renamed = attrs.evolve(first, company="Acme Corp")
    now = "2026-11-23T10:05:00-05:00"
    changes = plan_changes(
        plan_followups(first, now=now), plan_followups(renamed, now=now)
    )
    assert [new.kind for _, new in changes.moved] == [
        StepKind.THANK_YOU, StepKind.FOLLOW_UP, StepKind.CALL,
    ]  # fmt: skip
    assert [old.window for old, _ in changes.moved] == [
        new.window for _, new in changes.moved
    ]
    assert [s.kind for s in changes.unchanged] == [StepKind.CLOSE_CALL]
    assert changes

"""What a rule gets wrong comes back naming the field and the value, word for word.

A plugin's author reads these messages when a rule misbehaves; each case
pins the whole message, so that the field, the value shown and the words
around them all stay right.  The draft's methods are held to the same.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from followup import (
    Channel,
    Finding,
    FollowUpError,
    Phase,
    Severity,
    StepKind,
    moved_step,
    new_step,
)
from followup._draft import Draft, draft_step, public_step
from followup._trusted import replaced
from test_toolkit import FACTS, MONDAY, call

NAIVE = dt.datetime(2026, 12, 1, 9)
NO_ZONE = (
    "'2026-12-01T09:00:00' has no time zone; give an offset (+01:00) or a zone "
    "([Europe/Paris]), or pass an aware datetime"
)
MONDAY_UTC = "2026-11-30T14:00:00+00:00 to 2026-11-30T22:00:00+00:00"


def refused(message: str) -> object:
    return pytest.raises(FollowUpError, match=f"^{re.escape(message)}$")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rule": 5}, "rule: expected the code of the rule (str), got int 5"),
        ({"reason": 3}, "reason: expected a reason in words (str), got int 3"),
        (
            {"advice": ["A10"]},
            "advice: expected a tuple of advice ids, got list ['A10']",
        ),
        ({"agreed": "yes"}, "agreed: expected true or false, got str 'yes'"),
        (
            {"requirements": "short"},
            "requirements: expected a Requirements, got str 'short'",
        ),
        (
            {"due": "2026-12-01T09:00:00-05:00"},
            f"due: '2026-12-01T14:00:00+00:00' is outside its window ({MONDAY_UTC})",
        ),
        ({"due": NAIVE}, f"due: {NO_ZONE}"),
        (
            {"kind_name": "Linked In"},
            "kind_name: 'Linked In' is not a kebab-case name such as 'linkedin'",
        ),
        (
            {"rule": "ME\x1b001"},
            "rule: 'ME\\x1b001' holds a control character (U+001B)",
        ),
        (
            {"advice": ("A1", "A\x002")},
            "advice[1]: 'A\\x002' holds a control character (U+0000)",
        ),
    ],
)
def test_a_new_step_says_which_part_is_wrong_and_how(changes, message):
    with refused(message):
        call(**changes)


@pytest.mark.parametrize(
    ("kind", "channel", "window", "message"),
    [
        (
            "call",
            "phone",
            MONDAY[:1],
            (
                "window: expected a (start, end) pair, got tuple "
                "('2026-11-30T09:00:00-05:00',)"
            ),
        ),
        (
            "call",
            "phone",
            MONDAY[::-1],
            (
                "window: ('2026-11-30T22:00:00+00:00', '2026-11-30T14:00:00+00:00') "
                "ends before it starts (ME001)"
            ),
        ),
        ("call", "phone", (NAIVE, MONDAY[1]), f"window[0]: {NO_ZONE}"),
        ("call", "phone", (MONDAY[0], NAIVE), f"window[1]: {NO_ZONE}"),
        (
            "call",
            "fax",
            MONDAY,
            (
                "channel: 'fax' is not a Channel (one of 'email', 'printed-letter', "
                "'handwritten-letter', 'phone', 'other')"
            ),
        ),
        (
            "postcard",
            "phone",
            MONDAY,
            (
                "kind: 'postcard' is not a StepKind (one of 'close-call', "
                "'thank-you', 'follow-up', 'call', 'call-back', 'other')"
            ),
        ),
    ],
)
def test_a_new_step_names_the_window_kind_and_channel(kind, channel, window, message):
    with refused(message):
        new_step(FACTS, kind, channel, window, rule="ME001", reason="x")


def test_a_step_of_ones_own_kind_is_named_as_such():
    step = new_step(
        FACTS,
        "other",
        "other",
        MONDAY,
        rule="ME001",
        reason="Connect on LinkedIn.",
        kind_name="linkedin",
        channel_name="linkedin-message",
    )
    assert (step.kind, step.kind_name, step.channel_name) == (
        StepKind.OTHER,
        "linkedin",
        "linkedin-message",
    )
    with refused("kind_name: 'Linked In' is not a kebab-case name such as 'linkedin'"):
        new_step(
            FACTS,
            "other",
            "phone",
            MONDAY,
            rule="ME001",
            reason="x",
            kind_name="Linked In",
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"at": MONDAY[0], "due": MONDAY[0]},
            (
                "at: '2026-11-30T09:00:00-05:00' moves the whole window: give start, "
                "end or due instead"
            ),
        ),
        (
            {"at": MONDAY[0], "start": MONDAY[0]},
            (
                "at: '2026-11-30T09:00:00-05:00' moves the whole window: give start, "
                "end or due instead"
            ),
        ),
        (
            {"at": MONDAY[0], "end": MONDAY[1]},
            (
                "at: '2026-11-30T09:00:00-05:00' moves the whole window: give start, "
                "end or due instead"
            ),
        ),
        ({"at": NAIVE}, f"at: {NO_ZONE}"),
        ({"start": NAIVE}, f"start: {NO_ZONE}"),
        ({"end": NAIVE}, f"end: {NO_ZONE}"),
        ({"due": NAIVE}, f"due: {NO_ZONE}"),
        ({"why": 7}, "why: expected a reason in words (str), got int 7"),
        ({"why": "a\x1bb"}, "why: 'a\\x1bb' holds a control character (U+001B)"),
        ({"by": 7}, "by: expected the code of the rule (str) or None, got int 7"),
        ({"by": ""}, "by: '' is empty"),
        ({"by": "ME\x07"}, "by: 'ME\\x07' holds a control character (U+0007)"),
        (
            {"due": "2026-12-05T09:00:00-05:00"},
            f"due: '2026-12-05T14:00:00+00:00' is outside its window ({MONDAY_UTC})",
        ),
        (
            {"start": "2026-12-05T09:00:00-05:00"},
            (
                "window: ('2026-12-05T14:00:00+00:00', '2026-11-30T22:00:00+00:00') "
                "ends before it starts (ME002)"
            ),
        ),
    ],
)
def test_a_move_says_which_part_is_wrong_and_how(changes, message):
    with refused(message):
        moved_step(call(), FACTS, **{"by": "ME002", **changes})


def test_a_move_of_something_else_than_a_step_shows_it():
    with refused("step: expected a DraftStep or a Step, got str 'a call'"):
        moved_step("a call", FACTS, by="ME002")


def test_a_public_step_moves_like_a_draft_step():
    drafted = call(due="2026-11-30T12:00:00-05:00")
    public = public_step(drafted, FACTS.zone)
    for step in (drafted, public):
        moved = moved_step(step, FACTS, start="2026-11-30T13:00:00-05:00", by=None)
        assert moved.due == moved.window.start
        assert moved.window.end == drafted.window.end
        assert (moved.rule, moved.reason, moved.adjusted_by) == (
            "ME001",
            "Call on Monday.",
            (),
        )


def test_a_due_time_on_an_edge_of_the_new_window_stays():
    step = call(due="2026-11-30T12:00:00-05:00")
    kept = moved_step(step, FACTS, start="2026-11-30T12:00:00-05:00", by="ME002")
    assert kept.due == step.due
    kept = moved_step(step, FACTS, end="2026-11-30T12:00:00-05:00", by="ME002")
    assert kept.due == step.due


def _draft(*steps, phase=Phase.PROPOSE):
    return replaced(Draft(FACTS, steps), phase=phase)


def test_replacing_takes_a_public_step_as_the_draft_step_it_shows():
    step = call()
    moved = moved_step(step, FACTS, at="2026-12-01T09:00:00-05:00", by="ME002")
    shown = public_step(moved, FACTS.zone)
    draft = _draft(step).replacing(step, shown)
    assert draft.steps == (draft_step(shown),)
    assert draft.steps == (moved,)


def test_replacing_names_what_it_refuses():
    step = call()
    with refused("replacing[0]: expected a DraftStep or Step, got str 'a call'"):
        _draft(step).replacing(step, "a call")
    with refused("replacing[0]: expected a step of the draft, got str 'a call'"):
        _draft(step).replacing("a call", step)
    other = call(reason="Another call.")
    with refused("replacing: 'call' is not a step of this draft"):
        _draft(step).replacing(other, step)


def test_replacing_moves_the_findings_about_the_step_and_only_those():
    step, other = call(), call(reason="Another call.")
    about_step = Finding("ME001", Severity.INFO, "about the step", step=step)
    about_other = Finding("ME001", Severity.INFO, "about the other", step=other)
    about_nothing = Finding("ME001", Severity.INFO, "about nothing")
    draft = _draft(step, other).noting(about_step, about_other, about_nothing)
    moved = moved_step(step, FACTS, at="2026-12-01T09:00:00-05:00", by="ME002")
    after = draft.replacing(step, moved)
    assert after.steps == (moved, other)
    assert [f.step for f in after.findings] == [moved, other, None]
    assert after.findings[1] is about_other
    assert after.findings[2] is about_nothing


def test_dropping_a_step_keeps_the_findings_about_nothing_and_the_rest():
    step, other = call(), call(reason="Another call.")
    about_step = Finding("ME001", Severity.INFO, "about the step", step=step)
    about_nothing = Finding("ME001", Severity.INFO, "about nothing")
    draft = _draft(step, other).noting(about_step, about_nothing)
    after = draft.dropping(step)
    assert after.steps == (other,)
    assert after.findings == (about_nothing,)


def test_proposing_after_the_propose_phase_names_the_steps_and_the_phase():
    step = call()
    with refused(
        "proposing: 'call, call' comes in the place phase; steps are proposed in "
        "the propose phase, so that every later rule governs them"
    ):
        _draft(phase=Phase.PLACE).proposing(step, call(reason="Again."))


def test_noting_names_what_is_no_finding():
    with refused("noting[1]: expected a Finding, got str 'late'"):
        _draft().noting(Finding("ME001", Severity.INFO, "fine"), "late")


def test_a_finding_about_a_public_step_speaks_of_the_draft_step_it_shows():
    step = call()
    shown = public_step(step, FACTS.zone)
    noted = _draft(step).noting(Finding("ME001", Severity.INFO, "x", step=shown))
    assert noted.findings[0].step is step
    # A public step the draft does not hold stays as it is.
    stranger = public_step(call(reason="Elsewhere."), FACTS.zone)
    kept = _draft(step).noting(Finding("ME001", Severity.INFO, "y", step=stranger))
    assert kept.findings[0].step is stranger


def test_a_public_step_keeps_every_part_of_the_draft_step():
    step = call(
        due="2026-11-30T12:00:00-05:00",
        number=2,
        agreed=True,
        advice=("A10",),
    )
    shown = public_step(step, FACTS.zone)
    assert (shown.number, shown.agreed, shown.advice) == (2, True, ("A10",))
    assert shown.due.format("ddd D MMM HH:mm zz") == "Mon 30 Nov 12:00 EST"
    assert shown.window.start.format("HH:mm") == "09:00"
    assert draft_step(shown) == step
    assert Channel.PHONE is shown.channel

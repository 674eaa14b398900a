"""Calendars that stay in sync: stable identity, cancelled items, the diff."""

from __future__ import annotations

from typing import ClassVar

import attrs
import icalendar
import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    FollowUpError,
    Interview,
    NoParams,
    PlanChanges,
    StepKind,
    new_step,
    plan_changes,
    plan_followups,
)
from followup.ics import step_uid, to_ics

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
LATER = "2026-11-25T15:00:00-05:00[America/New_York]"


def _interview(at=AT, **kwargs):
    return Interview(
        "Ada",
        "Acme",
        at,
        interviewer=Contact("Grace", timezone="America/New_York", country="US"),
        position="data engineer",
        **kwargs,
    )


def _items(text):
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]


def test_a_rescheduled_interview_keeps_the_uids_of_its_steps():
    before = plan_followups(_interview())
    after = plan_followups(_interview(LATER))
    assert [step_uid(before.interview, s) for s in before.steps] == [
        step_uid(after.interview, s) for s in after.steps
    ]


def test_an_id_is_the_identity_when_given():
    first = plan_followups(_interview(id="acme-1"))
    second = plan_followups(_interview(id="acme-2"))
    same = plan_followups(_interview(LATER, id="acme-1"))
    uids = [step_uid(first.interview, s) for s in first.steps]
    assert uids == [step_uid(same.interview, s) for s in same.steps]
    assert not set(uids) & {step_uid(second.interview, s) for s in second.steps}
    # Without an id, the position tells two interviews at one company apart.
    other = Interview("Ada", "Acme", AT, position="analyst")
    assert step_uid(other, first.steps[0]) != step_uid(first.interview, first.steps[0])


@pytest.mark.parametrize("bad", ["", "a\nb", "x" * 201, 5])
def test_a_bad_id_is_refused_naming_the_field(bad):
    with pytest.raises(FollowUpError, match=r"Interview\.id"):
        _interview(id=bad)


def test_after_a_rejection_the_calendar_cancels_every_item():
    before = plan_followups(_interview(), now="2026-11-23T10:35:00-05:00")
    no = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    after = plan_followups(_interview(), [no], now="2026-11-24T09:05:00-05:00")
    assert after.steps == ()
    items = _items(to_ics(after, previous=before))
    assert [str(item["uid"]) for item in items] == [
        step_uid(before.interview, s) for s in before.steps
    ]
    old = {str(i["uid"]): int(i["sequence"]) for i in _items(to_ics(before))}
    for item in items:
        assert str(item["status"]) == "CANCELLED"
        assert int(item["sequence"]) > old[str(item["uid"])]
        assert not [sub for sub in item.subcomponents if sub.name == "VALARM"]
    # Without the previous plan, nothing is said about the old items.
    assert _items(to_ics(after)) == []


def test_after_a_reschedule_the_items_move_and_the_dropped_are_cancelled():
    # Planned during the call (with its close), replanned after a move.
    before = plan_followups(_interview(), now="2026-11-23T10:20:00-05:00")
    after = plan_followups(_interview(LATER), now="2026-11-25T15:45:00-05:00")
    assert StepKind.CLOSE_CALL in {s.kind for s in before.steps}
    assert StepKind.CLOSE_CALL not in {s.kind for s in after.steps}
    items = {str(i["uid"]): i for i in _items(to_ics(after, previous=before))}
    for step in after.steps:
        item = items.pop(step_uid(after.interview, step))
        assert "status" not in item
    ((uid, cancelled),) = items.items()
    assert uid.endswith("-close-call-1@followup")
    assert str(cancelled["status"]) == "CANCELLED"


def test_the_diff_sorts_steps_into_added_moved_cancelled_unchanged():
    before = plan_followups(_interview(), now="2026-11-23T10:20:00-05:00")
    sent = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00")
    later = plan_followups(_interview(), [sent], now="2026-11-23T10:50:00-05:00")
    changes = plan_changes(before, later)
    assert [s.kind for s in changes.cancelled] == [
        StepKind.CLOSE_CALL,
        StepKind.THANK_YOU,
    ]
    assert [s.kind for s in changes.unchanged] == [StepKind.FOLLOW_UP, StepKind.CALL]
    assert changes.added == ()
    assert changes.moved == ()
    assert changes
    assert not plan_changes(later, later)
    assert plan_changes(later, later) == PlanChanges(unchanged=later.steps)


def test_the_diff_pairs_moved_steps_and_lists_new_ones():
    before = plan_followups(_interview())
    after = plan_followups(_interview(LATER))
    changes = plan_changes(before, after)
    assert [(a.kind, b.kind) for a, b in changes.moved] == [
        (s.kind, s.kind) for s in after.steps
    ]
    assert all(a.due < b.due for a, b in changes.moved)
    called = Event(
        EventKind.CALLED,
        "2026-12-07T10:00:00-05:00",
        outcome="undecided",
        call_back_at="2026-12-10T10:00:00-05:00",
    )
    then = plan_followups(_interview(), [called], now="2026-12-07T10:05:00-05:00")
    changes = plan_changes(before, then)
    assert [s.kind for s in changes.added] == [StepKind.CALL_BACK]


def test_the_diff_refuses_what_is_not_a_plan():
    plan = plan_followups(_interview())
    with pytest.raises(FollowUpError, match="previous"):
        plan_changes(plan.steps, plan)
    with pytest.raises(FollowUpError, match="current"):
        plan_changes(plan, None)


def test_the_plans_warnings_travel_into_the_calendar():
    # No phone number (FU002, about the whole plan: on the first item), and
    # late steps (FU010, each on its own item).
    plan = plan_followups(_interview(), now="2026-11-30T12:00:00-05:00")
    warnings = [f for f in plan.findings if f.severity.value == "warning"]
    assert {f.code for f in warnings} == {"FU002", "FU010"}
    items = {str(i["uid"]): str(i["description"]) for i in _items(to_ics(plan))}
    first = step_uid(plan.interview, plan.steps[0])
    for finding in warnings:
        where = (
            first if finding.step is None else step_uid(plan.interview, finding.step)
        )
        note = f"Warning ({finding.code}): {finding.message}"
        assert [uid for uid, text in items.items() if note in text] == [where]


@attrs.frozen
class _Extras:
    """Two steps of kinds of their own, each the first of its kind."""

    code: ClassVar[str] = "XTR001"
    name: ClassVar[str] = "extras"
    summary: ClassVar[str] = "A LinkedIn note and a thank-you card."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        note, card = (
            new_step(
                facts,
                "other",
                "other",
                (f"2026-11-{day}T10:00:00-05:00", f"2026-11-{day}T12:00:00-05:00"),
                rule=self.code,
                reason=f"A {name}.",
                kind_name=name,
                channel_name="post",
            )
            for day, name in ((24, "linkedin-note"), (26, "thank-you-card"))
        )
        return draft.proposing(note, card)

    def check(self, facts, steps):
        return ()


def test_steps_of_kinds_of_ones_own_are_told_apart_by_their_names():
    plan = plan_followups(_interview(), rules=DEFAULT_RULES.extend(_Extras()))
    uids = [step_uid(plan.interview, step) for step in plan.steps]
    assert len(set(uids)) == len(uids) == 6
    assert sorted(uid.split("-", 1)[1] for uid in uids if "-other-" in uid) == [
        "other-linkedin-note-1@followup",
        "other-thank-you-card-1@followup",
    ]
    assert not plan_changes(plan, plan)
    assert len(_items(to_ics(plan))) == 6

"""What a replan changed: the identity of steps across plans, and the diff.

A step keeps its identity from one plan of an interview to the next when
the interview keeps its identity (its `id`, else its candidate, company and
position: never its time) and the step its kind and number among the steps
of that kind.  Calendar UIDs are built on it (`followup.ics.step_uid`), and
so is `plan_changes`, for tools that keep reminders of their own in sync.

>>> from followup import Interview, plan_followups
>>> before = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
>>> moved = Interview("Ada", "Acme", "2026-11-24T10:00:00Z")
>>> changes = plan_changes(before, plan_followups(moved))
>>> [step.kind.value for _, step in changes.moved]
['close-call', 'thank-you', 'follow-up', 'call']
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, final

import attrs

from followup._plan import FollowUpPlan, Step
from followup.errors import InvalidTypeError

if TYPE_CHECKING:
    from followup._interview import Interview

__all__ = ["PlanChanges", "interview_key", "plan_changes", "step_key"]


def interview_key(interview: Interview) -> str:
    """A short, stable hash of the interview's identity: the root of every UID.

    The identity is the interview's `id` when it has one, else its
    candidate, company and position: never its time, so that a rescheduled
    interview keeps its calendar items.
    """
    # Unambiguous: names refuse control characters, the separator among them,
    # so no two interviews join into the same text; the prefix keeps an id
    # apart from a name.
    if interview.id is not None:
        text = f"id\x1f{interview.id}"
    else:
        position = interview.position or ""
        text = f"who\x1f{interview.candidate}\x1f{interview.company}\x1f{position}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def step_key(interview: Interview, step: Step) -> str:
    """A step's identity across plans: ``<interview key>-<kind>-<number>``.

    A step of a kind of one's own (`StepKind.OTHER`) is told by its
    `kind_name` too, ``<interview key>-other-linkedin-note-1``: a rule's
    LinkedIn note and its thank-you card are two steps, each number 1.
    """
    kind = step.kind.value
    if step.kind_name is not None:
        kind = f"{kind}-{step.kind_name}"
    return f"{interview_key(interview)}-{kind}-{step.number}"


@final
@attrs.frozen
class PlanChanges:
    """What a replan changed, step by step.

    * `added`: steps of the new plan the previous one did not have;
    * `moved`: ``(before, after)`` pairs of a step both plans hold whose
      time, window or content changed;
    * `cancelled`: steps of the previous plan the new one dropped (after a
      decision, say);
    * `unchanged`: steps of the new plan exactly as they were.

    Each in the order of its plan.
    """

    added: tuple[Step, ...] = ()
    moved: tuple[tuple[Step, Step], ...] = ()
    cancelled: tuple[Step, ...] = ()
    unchanged: tuple[Step, ...] = ()

    def __bool__(self) -> bool:
        """Whether anything changed."""
        return bool(self.added or self.moved or self.cancelled)


def plan_changes(previous: FollowUpPlan, current: FollowUpPlan) -> PlanChanges:
    """Compare two plans of an interview, step by step (see `PlanChanges`).

    Steps match when their keys do (`step_key`): an interview whose
    identity changed shares no step with its previous plan.

    Raises:
        InvalidTypeError: either argument is not a FollowUpPlan.
    """
    for name, value in (("previous", previous), ("current", current)):
        if not isinstance(value, FollowUpPlan):
            raise InvalidTypeError(name, value, "a FollowUpPlan")
    before = {step_key(previous.interview, step): step for step in previous.steps}
    added: list[Step] = []
    moved: list[tuple[Step, Step]] = []
    unchanged: list[Step] = []
    for step in current.steps:
        old = before.pop(step_key(current.interview, step), None)
        if old is None:
            added.append(step)
        elif old == step:
            unchanged.append(step)
        else:
            moved.append((old, step))
    return PlanChanges(
        added=tuple(added),
        moved=tuple(moved),
        cancelled=tuple(before.values()),
        unchanged=tuple(unchanged),
    )

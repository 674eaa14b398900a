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
from typing import TYPE_CHECKING, cast, final

import attrs

from followup._facts import DONE_BY, checked_history, in_order
from followup._fields import sequence_of, typed_tuple
from followup._plan import FollowUpPlan, Step
from followup._time import utc
from followup._vocabulary import StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pendulum

    from followup._history import Event
    from followup._interview import Interview

__all__ = ["PlanChanges", "done_at", "interview_key", "plan_changes", "step_key"]


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


def _steps(values: object, field: str) -> tuple[Step, ...]:
    return typed_tuple(
        values, f"PlanChanges.{field}", Step, "a Step", whole="a sequence of Step"
    )


def _added(values: object) -> tuple[Step, ...]:
    return _steps(values, "added")


def _cancelled(values: object) -> tuple[Step, ...]:
    return _steps(values, "cancelled")


def _unchanged(values: object) -> tuple[Step, ...]:
    return _steps(values, "unchanged")


def _done(values: object) -> tuple[Step, ...]:
    return _steps(values, "done")


def _pairs(values: object) -> tuple[tuple[Step, Step], ...]:
    pairs = sequence_of(values, "PlanChanges.moved", "a sequence of (Step, Step)")
    made = []
    for index, pair in enumerate(pairs):
        if (
            not isinstance(pair, (tuple, list))
            or len(pair) != 2
            or not all(isinstance(step, Step) for step in pair)
        ):
            raise InvalidTypeError(
                f"PlanChanges.moved[{index}]", pair, "a (Step, Step) pair"
            )
        made.append(tuple(pair))
    return cast("tuple[tuple[Step, Step], ...]", tuple(made))


@final
@attrs.frozen
class PlanChanges:
    """What a replan changed, step by step.

    * `added`: steps of the new plan the previous one did not have;
    * `moved`: ``(before, after)`` pairs of a step both plans hold whose
      time, window or content changed;
    * `cancelled`: steps of the previous plan the new one dropped (after a
      decision, say);
    * `done`: steps of the previous plan the new one dropped because the
      history says they were done (see `plan_changes`);
    * `unchanged`: steps of the new plan exactly as they were.

    Each in the order of its plan.
    """

    added: tuple[Step, ...] = attrs.field(default=(), converter=_added)
    moved: tuple[tuple[Step, Step], ...] = attrs.field(default=(), converter=_pairs)
    cancelled: tuple[Step, ...] = attrs.field(default=(), converter=_cancelled)
    unchanged: tuple[Step, ...] = attrs.field(default=(), converter=_unchanged)
    done: tuple[Step, ...] = attrs.field(default=(), converter=_done)

    def __bool__(self) -> bool:
        """Whether anything changed."""
        return bool(self.added or self.moved or self.cancelled or self.done)


def plan_changes(
    previous: FollowUpPlan, current: FollowUpPlan, history: Iterable[Event] = ()
) -> PlanChanges:
    """Compare two plans of an interview, step by step (see `PlanChanges`).

    Steps match when their keys do (`step_key`): an interview whose
    identity changed shares no step with its previous plan.  A step the
    current plan dropped is `done` when `history` (the current plan's) says
    it was done, else `cancelled`: a thank-you or a follow-up once one was
    sent, the call once a call was made, call-back number *k* once *k* calls
    followed the first (whenever each was recorded: a call made before the
    previous plan but recorded after it is done all the same).  A step
    skipped (a thank-you never sent before the call that covers it) is
    cancelled, and so is the close of the call once the call
    is over: no event says how it went.

    Raises:
        InvalidTypeError: either plan is not a FollowUpPlan, or `history`
            holds something other than events.
        InvalidValueError: an event lies before the current plan's
            interview, which `plan_followups` refuses too.
    """
    for name, value in (("previous", previous), ("current", current)):
        if not isinstance(value, FollowUpPlan):
            raise InvalidTypeError(name, value, "a FollowUpPlan")
    given = checked_history(history)
    start = utc(current.interview.at)
    for index, event in enumerate(given):
        if utc(event.at) < start:
            raise InvalidValueError(
                f"history[{index}].at",
                event.at.isoformat(),
                f"is before the interview ({current.interview.at.isoformat()})",
            )
    events = in_order(given)
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
    cancelled: list[Step] = []
    done: list[Step] = []
    for step in before.values():
        finished = done_at(step.kind, step.number, events)
        (cancelled if finished is None else done).append(step)
    return PlanChanges(
        added=tuple(added),
        moved=tuple(moved),
        cancelled=tuple(cancelled),
        unchanged=tuple(unchanged),
        done=tuple(done),
    )


#: The event that says a step of each kind was done.


def done_at(
    kind: StepKind, number: int, history: tuple[Event, ...]
) -> pendulum.DateTime | None:
    """When step `number` of `kind`, which a plan dropped, was done; None: it was not.

    `history` is the current plan's, checked and in order (`in_order`).
    """
    event_kind = DONE_BY.get(kind)
    if event_kind is None:
        # The close of the call, whose reminder has no use once the call is
        # over, and a step of a rule's own: no event says either was done.
        return None
    done = [event.at for event in history if event.kind is event_kind]
    # One thank-you and one follow-up: sent, whenever that was recorded.
    # Calls are counted, not dated: the call is the first call made, and
    # call-back k (planned after k calls, FU007) the one after the k-th,
    # whenever it was recorded.  A date would not do: a call made at 10:00
    # and recorded after a replan at 18:00 would be taken for cancelled.
    if kind is StepKind.CALL and number != 1:
        # A plugin's second call is its own rule's: the calls made count
        # toward the advice's call and its call-backs only.
        return None
    made = number if kind is StepKind.CALL_BACK else 0
    return done[made] if len(done) > made else None

"""Steps while a plan is being made: plain stdlib times, cheap to compare and move.

Rules read and return `DraftStep`s.  Their times are stdlib datetimes in UTC,
which compare and subtract as instants at C speed; a `pendulum.DateTime` is a
datetime subclass, which sends C zoneinfo down its slow path on every
comparison.  The public `Step`, with pendulum times on the recipient's
calendar, is built once per step when the engine freezes the plan
(`followup._draft.public_step`).

A draft step carries no checks of its own: `new_step` and `moved_step`
check what they are given, the engine builds the rest from checked parts,
and a step a rule built itself is checked when the rule returns it
(`followup._steps.check_own_step`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, final

import attrs

from followup._time import coerce_planned, utc
from followup._vocabulary import Channel, StepKind

if TYPE_CHECKING:
    # Only a name here: `followup._plan` imports this module.
    from followup._plan import Requirements  # noqa: TC004
    from followup._time import InstantLike

__all__ = ["DraftStep", "DraftWindow", "StepNames"]


class StepNames:
    """What a step is called, for public and draft steps alike."""

    __slots__ = ()

    kind: StepKind
    channel: Channel
    number: int
    kind_name: str | None
    channel_name: str | None

    @property
    def what(self) -> str:
        """What the step is, in words: ``call-back``, or a kind of one's own."""
        return self.kind_name or self.kind._value_

    @property
    def how(self) -> str:
        """How the step is taken, in words: ``email``, or a channel of one's own."""
        return self.channel_name or self.channel._value_

    @property
    def label(self) -> str:
        """A short name for people: ``call-back #2``."""
        return self.what if self.number == 1 else f"{self.what} #{self.number}"


@final
@attrs.frozen
class DraftWindow:
    """A closed span of time while planning: `start` and `end` in UTC."""

    start: dt.datetime
    end: dt.datetime

    @property
    def length(self) -> dt.timedelta:
        """Elapsed time from start to end."""
        return self.end - self.start

    def contains(self, moment: InstantLike) -> bool:
        """Whether `moment` (any instant the library accepts) lies in the window.

        As `Window.contains`: a naive datetime is refused, since the instant
        it stands for depends on the machine's zone.
        """
        return self.start <= utc(coerce_planned(moment, "moment")) <= self.end


@final
@attrs.frozen
class DraftStep(StepNames):
    """A step of a plan in the making: the fields of `Step`, times in UTC.

    `due`, ``window.start`` and ``window.end`` are stdlib datetimes in UTC;
    `facts.local` gives any of them on the recipient's calendar.  Make and
    move draft steps with `new_step` and `moved_step`.
    """

    kind: StepKind
    channel: Channel
    window: DraftWindow
    due: dt.datetime
    rule: str
    reason: str
    requirements: Requirements
    advice: tuple[str, ...] = ()
    number: int = 1
    agreed: bool = False
    adjusted_by: tuple[str, ...] = ()
    kind_name: str | None = None
    channel_name: str | None = None

"""What has happened since the interview: the events a replan starts from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias, final

import attrs
import pendulum

from followup._fields import enum_member
from followup._time import (
    calendar_date,
    coerce_instant,
    instant_key,
    pack_instant,
    unpack_instant,
)
from followup._trusted import rebuilder
from followup._vocabulary import Channel, EventKind, Outcome
from followup.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable

    from followup._time import InstantLike, Packed

__all__ = ["Event"]


def _optional_outcome(value: Outcome | str | None) -> Outcome | None:
    return None if value is None else _outcome(value)


def _outcome(value: Outcome | str) -> Outcome:
    return enum_member(Outcome, value, "Event.outcome")


def _optional_instant(value: InstantLike | None) -> pendulum.DateTime | None:
    return None if value is None else coerce_instant(value, "Event.call_back_at")


def _optional_key(value: pendulum.DateTime | None) -> object:
    return None if value is None else instant_key(value)


def _channel(value: Channel | str) -> Channel:
    return enum_member(Channel, value, "Event.channel")


def _optional_channel(value: Channel | str | None) -> Channel | None:
    return None if value is None else _channel(value)


def _event_kind(value: EventKind | str) -> EventKind:
    return enum_member(EventKind, value, "Event.kind")


def _event_at(value: InstantLike) -> pendulum.DateTime:
    return coerce_instant(value, "Event.at")


def _until(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else calendar_date(value, "Event.until")


@final
@attrs.frozen
class Event:
    """One thing that happened: a message sent, a call made, a decision heard.

    * `THANK_YOU_SENT` and `FOLLOW_UP_SENT` may name the `channel` used.
    * `CALLED` may carry an `outcome` (``None`` reads as `UNDECIDED`) and,
      when the company has not decided, the `call_back_at` agreed (A11).
    * `DECISION_RECEIVED` must carry the decision as its `outcome`.
    * `REPLIED`: the interviewer wrote back without a decision, by any
      `channel`; `until` is the day they said they would decide by, if they
      did.  The plan calls once after that day, not before.
    * `AWAY`: the interviewer is away until `until`, the day they are back
      (required); no follow-up or call is planned before it.
    * `PAUSED`: the candidate pauses the follow-up until `until`, the day it
      resumes (required); nothing is planned before it.

    `until` is a date on the recipient's calendar, on or after the day of
    the event: the date of `at` as written, in its own offset or zone, for
    an event does not know the recipient.  An event covers its own step and
    every earlier one: after a call, a thank-you that was never sent is no
    longer planned; after a reply, neither is the follow-up letter.

    >>> call = Event("called", "2026-12-01T15:00:00+00:00[Europe/London]",
    ...              outcome="undecided",
    ...              call_back_at="2026-12-08T15:00:00+00:00[Europe/London]")
    >>> call.call_back_at.timezone_name
    'Europe/London'
    """

    kind: EventKind = attrs.field(converter=_event_kind)
    at: pendulum.DateTime = attrs.field(converter=_event_at, eq=instant_key)
    outcome: Outcome | None = attrs.field(default=None, converter=_optional_outcome)
    call_back_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=_optional_instant, eq=_optional_key
    )
    channel: Channel | None = attrs.field(default=None, converter=_optional_channel)
    until: dt.date | None = attrs.field(default=None, converter=_until)

    def __attrs_post_init__(self) -> None:
        kind, outcome = self.kind, self.outcome
        if kind is EventKind.DECISION_RECEIVED and (
            outcome is None or not outcome.is_decision
        ):
            raise InvalidValueError(
                "Event.outcome",
                None if outcome is None else outcome._value_,
                "given, but a decision-received event needs the decision ('offer', "
                "'rejected' or 'next-round')",
            )
        if outcome is not None and kind not in _WITH_OUTCOME:
            raise InvalidValueError(
                "Event.outcome",
                outcome.value,
                f"belongs to a call or a decision, not to {kind.value}",
            )
        self._check_until()
        if self.call_back_at is not None:
            if kind is not EventKind.CALLED or (
                outcome is not None and outcome is not Outcome.UNDECIDED
            ):
                raise InvalidValueError(
                    "Event.call_back_at",
                    self.call_back_at.isoformat(),
                    "is agreed only on a call where the company has not decided",
                )
            if instant_key(self.call_back_at) <= instant_key(self.at):
                raise InvalidValueError(
                    "Event.call_back_at",
                    self.call_back_at.isoformat(),
                    f"is not after the call it was agreed on ({self.at.isoformat()})",
                )
        if self.channel is not None:
            self._check_channel()

    def _check_until(self) -> None:
        kind, until = self.kind, self.until
        if until is None:
            if kind in _UNTIL_REQUIRED:
                raise InvalidValueError(
                    "Event.until",
                    None,
                    f"given, but an event of kind {kind.value} needs the day it ends",
                )
            return
        if kind not in _WITH_UNTIL:
            raise InvalidValueError(
                "Event.until",
                until.isoformat(),
                f"belongs to a reply, an absence or a pause, not to {kind.value}",
            )
        if until < self.at.date():
            raise InvalidValueError(
                "Event.until",
                until.isoformat(),
                f"is before the day of the event ({self.at.date().isoformat()})",
            )

    def _check_channel(self) -> None:
        expected_phone = self.kind is EventKind.CALLED
        if self.kind in _ANY_CHANNEL:
            return
        if self.kind in _UNTIL_REQUIRED:
            raise InvalidValueError(
                "Event.channel",
                self.channel.value if self.channel else None,
                f"does not fit {_a(self.kind)} event",
            )
        if (self.channel is Channel.PHONE) != expected_phone:
            raise InvalidValueError(
                "Event.channel",
                self.channel.value if self.channel else None,
                f"does not fit {_a(self.kind)} event",
            )

    @property
    def call_outcome(self) -> Outcome:
        """The outcome of a call, where ``None`` reads as `UNDECIDED`."""
        return Outcome.UNDECIDED if self.outcome is None else self.outcome

    def __reduce__(self) -> tuple[Callable[..., Event], tuple[EventValues]]:
        return event_from, (event_values(self),)


#: An event as plain values, in field order, for pickling: instants packed
#: (`pack_instant`) and members by value.
EventValues: TypeAlias = (
    "tuple[str, Packed, str | None, Packed | None, str | None, int | None]"
)

_KINDS = {kind.value: kind for kind in EventKind}
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}
_CHANNELS = {channel.value: channel for channel in Channel}


def event_values(event: Event) -> EventValues:
    """The fields of `event` as plain values: `event_from` rebuilds it."""
    outcome, call_back_at, channel = event.outcome, event.call_back_at, event.channel
    until = event.until
    return (
        event.kind._value_,
        pack_instant(event.at),
        None if outcome is None else outcome._value_,
        None if call_back_at is None else pack_instant(call_back_at),
        None if channel is None else channel._value_,
        None if until is None else until.toordinal(),
    )


_new_event = rebuilder(Event)


def event_from(values: EventValues) -> Event:
    """Rebuild a pickled event, validated when it was first made."""
    kind, at, outcome, call_back_at, channel, until = values
    return _new_event(
        _KINDS[kind],
        unpack_instant(at),
        None if outcome is None else _OUTCOMES[outcome],
        None if call_back_at is None else unpack_instant(call_back_at),
        None if channel is None else _CHANNELS[channel],
        None if until is None else dt.date.fromordinal(until),
    )


def _a(kind: EventKind) -> str:
    """``a called``, ``an away``."""
    return f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"


_WITH_OUTCOME = frozenset({EventKind.CALLED, EventKind.DECISION_RECEIVED})
_WITH_UNTIL = frozenset({EventKind.REPLIED, EventKind.AWAY, EventKind.PAUSED})
_UNTIL_REQUIRED = frozenset({EventKind.AWAY, EventKind.PAUSED})
# A decision or a reply may come by any means; a message sent is written,
# and a call is a call.
_ANY_CHANNEL = frozenset({EventKind.DECISION_RECEIVED, EventKind.REPLIED})

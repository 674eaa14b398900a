"""Shared pieces of rule parameters: validators and the way days are counted.

The validators (`whole`, `boolean`, `check_order`) name the parameter as
``ParamsClass.field`` and state the bounds, so a bad configuration reads
like ``FollowUpParams.earliest_days: -1 is outside 0..60``.  The converters
several classes share (`letter_channel`, `call_minutes`, `kinds`) name the
field alone (``channel: 'phone' is not written...``); the rule's code, or
the path in the configuration file, comes before it and says whose.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from followup._fields import enum_member, minutes_pair
from followup._vocabulary import Channel, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "DayCount",
    "boolean",
    "call_minutes",
    "check_order",
    "clock_time",
    "kinds",
    "letter_channel",
    "whole",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class DayCount(enum.Enum):
    """How "days after" are counted on the recipient's calendar.

    `BUSINESS` counts the recipient's working days only: the days of their
    working week (the country's, or FU011's `weekdays`), less public holidays
    and closures (see `followup.WorkingCalendar`).
    """

    CALENDAR = "calendar"
    BUSINESS = "business"


def name_of(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``ParamsClass.field``: how errors name a parameter."""
    return f"{type(instance).__name__}.{attribute.name}"


def whole(low: int, high: int) -> Validator:
    """Validate a whole number in ``low..high``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidTypeError(
                name_of(instance, attribute), value, "a whole number"
            )
        if not low <= value <= high:
            raise InvalidValueError(
                name_of(instance, attribute), value, f"is outside {low}..{high}"
            )

    return check


def boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a true-or-false parameter (no truthy strings from a file)."""
    if not isinstance(value, bool):
        raise InvalidTypeError(name_of(instance, attribute), value, "true or false")


def check_order(instance: object, low: str, high: str) -> None:
    """Refuse parameters whose `low` field exceeds their `high` field."""
    low_value, high_value = getattr(instance, low), getattr(instance, high)
    if low_value > high_value:
        raise InvalidValueError(
            f"{type(instance).__name__}.{low}",
            low_value.isoformat() if isinstance(low_value, dt.time) else low_value,
            f"is after {high} ({high_value}); {low} <= {high} is required",
        )


def call_minutes(value: object) -> tuple[int, int]:
    """Convert the (low, high) length of a call in minutes, both in 1..60."""
    return minutes_pair(value, "call_minutes")


def clock_time(value: object, field: str = "time") -> dt.time:
    """Convert ``"09:00"`` or a `datetime.time` into a wall-clock time.

    A time with an offset is refused: working hours are read on the
    recipient's own clock, whatever zone that is.
    """
    parsed: dt.time | None = None
    if isinstance(value, dt.time):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = dt.time.fromisoformat(value.strip())
        except ValueError:
            parsed = None
    if parsed is None:
        raise InvalidValueError(
            field, value, "is not a wall-clock time such as '09:00'"
        )
    if parsed.tzinfo is not None:
        raise InvalidValueError(
            field,
            value,
            "has an offset; give the wall-clock time in the recipient's zone",
        )
    return parsed


def _channel(value: object) -> Channel:
    return enum_member(Channel, value, "channel")


def letter_channel(value: object) -> Channel:
    """Convert to a written channel: email, printed or handwritten letter (A7)."""
    channel = _channel(value)
    if channel in {Channel.PHONE, Channel.OTHER}:
        raise InvalidValueError(
            "channel", channel.value, "is not written: use email or a letter (A7)"
        )
    return channel


def _kind(value: object) -> StepKind:
    return enum_member(StepKind, value, "kinds")


def kinds(values: Iterable[object]) -> frozenset[StepKind]:
    """Convert to a set of step kinds."""
    if isinstance(values, (str, StepKind)):
        values = (values,)
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise InvalidTypeError("kinds", values, "a list of step kinds")
    return frozenset(_kind(value) for value in values)

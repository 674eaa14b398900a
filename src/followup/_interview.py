"""The phone interview: the fact every plan starts from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, final

import attrs
import pendulum

from followup._contact import Contact
from followup._fields import (
    NAME_LENGTH,
    enum_member,
    optional_instance_of,
    optional_single_line,
    single_line,
)
from followup._time import (
    coerce_duration,
    coerce_instant,
    instant_key,
    local,
    to_pendulum,
    utc,
    zone_of,
)
from followup._vocabulary import Performance

if TYPE_CHECKING:
    from followup._time import DurationLike, InstantLike

__all__ = ["Interview"]


def _interviewer(value: Contact | None) -> Contact | None:
    return optional_instance_of(
        value, Contact, "Interview.interviewer", "a Contact or None"
    )


def _duration(value: DurationLike) -> dt.timedelta:
    return coerce_duration(value, "Interview.duration")


def _interview_candidate(value: str) -> str:
    return single_line(value, "Interview.candidate", most=NAME_LENGTH)


def _interview_company(value: str) -> str:
    return single_line(value, "Interview.company", most=NAME_LENGTH)


def _interview_at(value: InstantLike) -> pendulum.DateTime:
    return coerce_instant(value, "Interview.at")


def _interview_position(value: str | None) -> str | None:
    return optional_single_line(value, "Interview.position", most=NAME_LENGTH)


def _interview_performance(value: Performance | str) -> Performance:
    return enum_member(Performance, value, "Interview.performance")


@final
@attrs.frozen
class Interview:
    """One phone interview; `at` is when the call starts.

    `duration` accepts a `timedelta`, minutes as an int, or an ISO 8601
    duration (``"PT45M"``).  Two interviews at the same instant written in
    different zones compare equal.

    >>> interview = Interview(
    ...     "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
    ... )
    >>> interview.ends_at.isoformat()
    '2026-11-23T10:30:00-05:00'
    >>> interview == Interview("Ada Lovelace", "Acme", "2026-11-23T15:00:00Z")
    True
    """

    candidate: str = attrs.field(converter=_interview_candidate)
    company: str = attrs.field(converter=_interview_company)
    at: pendulum.DateTime = attrs.field(converter=_interview_at, eq=instant_key)
    interviewer: Contact | None = attrs.field(default=None, converter=_interviewer)
    position: str | None = attrs.field(default=None, converter=_interview_position)
    duration: dt.timedelta = attrs.field(
        default=dt.timedelta(minutes=30), converter=_duration
    )
    performance: Performance = attrs.field(
        default=Performance.UNKNOWN,
        converter=_interview_performance,
    )

    @property
    def ends_at(self) -> pendulum.DateTime:
        """When the call ends: `at` plus `duration`, in the zone of `at`."""
        # Elapsed time, not wall clock: a call that spans a DST change still
        # lasts `duration`.
        return to_pendulum(local(utc(self.at) + self.duration, zone_of(self.at)))

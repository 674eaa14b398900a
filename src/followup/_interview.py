"""The phone interview: the fact every plan starts from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias, final

import attrs
import pendulum

from followup._contact import Contact, contact_from, contact_values
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
    pack_instant,
    to_pendulum,
    unpack_instant,
    utc,
    zone,
    zone_of,
)
from followup._trusted import rebuilder
from followup._vocabulary import Performance

if TYPE_CHECKING:
    from collections.abc import Callable

    from followup._contact import ContactValues
    from followup._time import DurationLike, InstantLike, Packed, Zone

__all__ = ["Interview", "interview_there", "recipient_zone"]


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


def _interview_id(value: str | None) -> str | None:
    return optional_single_line(value, "Interview.id", most=NAME_LENGTH)


def _interview_performance(value: Performance | str) -> Performance:
    return enum_member(Performance, value, "Interview.performance")


@final
@attrs.frozen
class Interview:
    """One phone interview; `at` is when the call starts.

    `duration` accepts a `timedelta`, minutes as an int, or an ISO 8601
    duration (``"PT45M"``).  Two interviews at the same instant written in
    different zones compare equal (and hash alike), as the same call.  They
    may still plan differently: an interviewer with no `timezone` is planned
    on the zone of `at` (their working hours, holidays, and the words of a
    letter).  A cache of plans keyed by interviews wants the zone in its key
    too, ``(interview, interview.at.timezone_name)``.

    `id` is the interview's identity for calendars (your job tracker's id
    for the application, say): the UIDs of its calendar items derive from
    it, so a replan after a reschedule updates the items instead of adding
    copies.  Without one, the candidate, the company and the position are
    the identity (never the time): give an `id` to tell apart two
    interviews for the same position, such as two rounds.

    Names (the candidate, company and position) are one line of at most 100
    characters.  They hold no control character: nor any of the
    bidirectional embeddings, overrides and isolates (U+202A to U+202E,
    U+2066 to U+2069), which would turn round the words a terminal or a
    calendar shows after the name.  Names in right-to-left scripts, and the
    marks U+200E and U+200F, pass.

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
    id: str | None = attrs.field(default=None, converter=_interview_id)

    @property
    def ends_at(self) -> pendulum.DateTime:
        """When the call ends: `at` plus `duration`, in the zone of `at`."""
        # Elapsed time, not wall clock: a call that spans a DST change still
        # lasts `duration`.
        return to_pendulum(local(utc(self.at) + self.duration, zone_of(self.at)))

    def __reduce__(self) -> tuple[Callable[..., Interview], tuple[InterviewValues]]:
        return interview_from, (interview_values(self),)


#: An interview as plain values, in field order, for pickling: the instant
#: packed (`pack_instant`), the contact as `ContactValues`, the duration in
#: microseconds and the performance by its value.
InterviewValues: TypeAlias = (
    "tuple[str, str, Packed, ContactValues | None, str | None, int, str, str | None]"
)

_MICROSECOND = dt.timedelta(microseconds=1)
_PERFORMANCES = {performance.value: performance for performance in Performance}


def interview_values(interview: Interview) -> InterviewValues:
    """The fields of `interview` as plain values: `interview_from` rebuilds it."""
    interviewer = interview.interviewer
    return (
        interview.candidate,
        interview.company,
        pack_instant(interview.at),
        None if interviewer is None else contact_values(interviewer),
        interview.position,
        interview.duration // _MICROSECOND,
        interview.performance._value_,
        interview.id,
    )


_new_interview = rebuilder(Interview)


def interview_from(values: InterviewValues) -> Interview:
    """Rebuild a pickled interview, validated when it was first made."""
    candidate, company, at, interviewer, position, duration, performance, key = values
    return _new_interview(
        candidate,
        company,
        unpack_instant(at),
        None if interviewer is None else contact_from(interviewer),
        position,
        dt.timedelta(microseconds=duration),
        _PERFORMANCES[performance],
        key,
    )


def recipient_zone(interview: Interview) -> Zone:
    """The interviewer's zone when known, else the zone of the interview."""
    contact = interview.interviewer
    if contact is not None and contact.timezone is not None:
        return zone(contact.timezone)
    return zone_of(interview.at)


def interview_there(interview: Interview) -> dt.datetime:
    """The start of `interview` on the recipient's clock, as the steps are.

    A tracker may store the interview in UTC or the candidate's zone; the
    plan is told in the interviewer's, and a letter names that time.
    """
    return local(interview.at, recipient_zone(interview))

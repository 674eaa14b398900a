"""The words of the domain: how a step is taken, what it is, what happened.

Every enum the public types use lives here, below the input types (an
`Event` names a `Channel`) and the output types (a `Step` does too), so that
neither side imports the other.
"""

from __future__ import annotations

import enum

__all__ = [
    "Channel",
    "EventKind",
    "Outcome",
    "Performance",
    "Severity",
    "StepKind",
]


class _Term(enum.Enum):
    """A word of the domain: members hash by identity, as they compare.

    `enum.Enum` hashes a member by its name, in Python; a member is a
    singleton and equal only to itself, so the identity hash, in C, agrees
    with equality, and the rules' sets and dictionaries of kinds and
    channels look members up in half the time.
    """

    __hash__ = object.__hash__


class Channel(_Term):
    """How a step reaches the interviewer (A7, A12).

    `OTHER` is for a channel the advice does not name (a LinkedIn message, a
    video call): the step then names it in ``channel_name``.
    """

    EMAIL = "email"
    PRINTED_LETTER = "printed-letter"
    HANDWRITTEN_LETTER = "handwritten-letter"
    PHONE = "phone"
    OTHER = "other"


class StepKind(_Term):
    """What a step is, in the order the advice takes them.

    `OTHER` is for a step the advice does not name, proposed by a rule of
    one's own: the step then names it in ``kind_name``.  It comes after the
    advice's steps, and no event of the history covers it.
    """

    CLOSE_CALL = "close-call"
    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"
    CALL = "call"
    CALL_BACK = "call-back"
    OTHER = "other"

    @property
    def stage(self) -> int:
        """Position in the advice's sequence; later stages cover earlier ones."""
        return _STAGES[self]


_STAGES = {kind: index for index, kind in enumerate(StepKind)}


class Severity(_Term):
    """How much a finding matters: a plan passes when no finding is an ERROR."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class EventKind(_Term):
    """What the candidate did, or what the company said.

    The last three shift a plan without ending it, each until a date (the
    event's `until`): a reply with no decision, perhaps naming the day the
    decision is due by; the interviewer away (an out-of-office) until the
    day they are back; the candidate pausing until the day they resume.
    """

    THANK_YOU_SENT = "thank-you-sent"
    FOLLOW_UP_SENT = "follow-up-sent"
    CALLED = "called"
    DECISION_RECEIVED = "decision-received"
    REPLIED = "replied"
    AWAY = "away"
    PAUSED = "paused"


class Outcome(_Term):
    """What a call or a message from the company brought."""

    UNDECIDED = "undecided"
    NO_ANSWER = "no-answer"
    OFFER = "offer"
    REJECTED = "rejected"
    NEXT_ROUND = "next-round"

    @property
    def is_decision(self) -> bool:
        """An offer, a rejection or a next round: the follow-up is over."""
        return self in _DECISIONS


_DECISIONS = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.NEXT_ROUND})


class Performance(_Term):
    """How the candidate did in the interview; it decides the follow-up (A6).

    `UNKNOWN` is followed up like `ADEQUATE`.
    """

    STRONG = "strong"
    ADEQUATE = "adequate"
    WEAK = "weak"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        """Order for thresholds: weak < adequate = unknown < strong."""
        return _RANK[self]


_RANK = {
    Performance.WEAK: 0,
    Performance.ADEQUATE: 1,
    Performance.UNKNOWN: 1,
    Performance.STRONG: 2,
}

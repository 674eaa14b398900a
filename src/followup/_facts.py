"""The facts a rule reads: the interview, the history and the moment of planning.

`Facts` is built once per plan or check, so that every rule sees the same
derived values (the recipient's zone, what the history already covers) and
none has to work them out again.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Final, TypeVar, final

import attrs

from followup._calendar import WorkingCalendar
from followup._days import Days, days_of
from followup._fields import enum_member, typed_tuple
from followup._history import Event
from followup._interview import Interview, recipient_zone
from followup._time import (
    Zone,
    coerce_instant,
    coerce_utc,
    instant_key,
    local,
    utc,
)
from followup._trusted import rebuilder
from followup._vocabulary import EventKind, Outcome, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

T = TypeVar("T")

__all__ = ["DONE_BY", "Facts", "checked_history", "in_order", "recipient_zone"]

#: The event that does a step of each kind; others may make it moot.
DONE_BY: Final = {
    StepKind.THANK_YOU: EventKind.THANK_YOU_SENT,
    StepKind.FOLLOW_UP: EventKind.FOLLOW_UP_SENT,
    StepKind.CALL: EventKind.CALLED,
    StepKind.CALL_BACK: EventKind.CALLED,
}

#: What the candidate did covers that stage and every earlier one: once a
#: call is made, a thank-you never sent is not planned.
_COVERS = {
    EventKind.THANK_YOU_SENT: StepKind.THANK_YOU.stage,
    EventKind.FOLLOW_UP_SENT: StepKind.FOLLOW_UP.stage,
    EventKind.CALLED: StepKind.CALL.stage,
}

#: What the interviewer did makes one step moot, and no earlier one: after a
#: reply without a decision the follow-up letter is moot (the conversation
#: is under way), while a thank-you not yet sent still answers it (A3).
_MAKES_MOOT = {EventKind.REPLIED: StepKind.FOLLOW_UP}


@final
@attrs.frozen
class Facts:
    """What is known when a plan is made or checked.

    Times are stdlib datetimes in the recipient's zone: the interviewer's when
    known, else the interview's.  Build one with `Facts.gather`.
    """

    interview: Interview
    #: What happened, oldest first; an event recorded twice counts once.
    history: tuple[Event, ...]
    now: dt.datetime
    zone: Zone
    #: The start of the call, in the recipient's zone, and its date there.
    start: dt.datetime
    interview_day: dt.date
    #: The end of the call, in the recipient's zone.
    call_ends: dt.datetime
    #: The highest stage what the candidate did covers (-1 when nothing
    #: happened yet): a thank-you or follow-up sent, a call made.
    covered: int
    #: The kinds what the interviewer did made moot, whatever their stage:
    #: the follow-up letter after a reply.
    moot: frozenset[StepKind]
    #: The event that brought a decision, if any.
    decision: Event | None
    #: The calls made so far, oldest first.
    calls: tuple[Event, ...]
    #: The recipient's working calendar, and the weekdays its week works in
    #: the week of the interview (the configured week, else the country's,
    #: else Monday to Friday).  A country's week can differ on another date
    #: (`is_business_day` knows).
    calendar: WorkingCalendar
    weekdays: frozenset[int]
    #: The recipient's days, shared with every plan on the same calendar.
    days: Days = attrs.field(eq=False, repr=False, hash=False)
    #: `now` and `call_ends` in UTC, where instants compare fastest.
    now_utc: dt.datetime = attrs.field(init=False, eq=False, repr=False, hash=False)
    call_ends_utc: dt.datetime = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _derived: dict[Hashable, Any] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "now_utc", self.now.astimezone(_UTC))
        object.__setattr__(self, "call_ends_utc", self.call_ends.astimezone(_UTC))

    @classmethod
    def gather(
        cls,
        interview: Interview,
        history: Iterable[Event] = (),
        now: object = None,
        calendar: WorkingCalendar | None = None,
    ) -> Facts:
        """Check the inputs and derive what the rules need from them.

        `calendar` is the recipient's working calendar (the rule set's, see
        `RuleSet.calendar`); by default the country's week and holidays.

        Raises:
            InvalidTypeError: `interview` is not an Interview, an event is
                not an Event, or `calendar` not a WorkingCalendar.
            InvalidValueError: an event lies after `now` or before the
                interview started.
        """
        if not isinstance(interview, Interview):
            raise InvalidTypeError("interview", interview, "an Interview")
        if calendar is None:
            calendar = _DEFAULT_CALENDAR
        elif not isinstance(calendar, WorkingCalendar):
            raise InvalidTypeError("calendar", calendar, "a WorkingCalendar")
        tz = recipient_zone(interview)
        contact = interview.interviewer
        days = (
            days_of(tz, calendar, None, None)
            if contact is None
            else days_of(tz, calendar, contact.country, contact.subdivision)
        )
        events = checked_history(history)
        instants = [utc(event.at) for event in events]
        start_key = utc(interview.at)
        # Only the instant: a batch passes the same `now` for every plan, and
        # its pendulum value would be made again for each.
        now_key = start_key if now is None else coerce_utc(now, "now")
        # In the caller's order, before sorting: a message names the event
        # where the caller put it.
        for index, (event, at) in enumerate(zip(events, instants, strict=True)):
            if at > now_key:
                raise InvalidValueError(
                    f"history[{index}].at",
                    event.at.isoformat(),
                    f"is after now ({_written(interview, now).isoformat()})",
                )
            if at < start_key:
                raise InvalidValueError(
                    f"history[{index}].at",
                    event.at.isoformat(),
                    f"is before the interview ({interview.at.isoformat()})",
                )
        events = in_order(events, instants)
        # The latest: a next round, then an offer, ends in the offer.
        decision = next(
            (
                e
                for e in reversed(events)
                if e.outcome is not None and e.outcome.is_decision
            ),
            None,
        )
        start = start_key.astimezone(tz)
        ends = start_key + interview.duration
        # Every field in order, `now_utc` and `call_ends_utc` included: what
        # `__attrs_post_init__` would work out is at hand.
        made: Facts = _facts(
            interview,
            events,
            now_key.astimezone(tz),
            tz,
            start,
            start.date(),
            ends.astimezone(tz),
            max((_COVERS.get(e.kind, -1) for e in events), default=-1),
            frozenset(_MAKES_MOOT[e.kind] for e in events if e.kind in _MAKES_MOOT),
            decision,
            tuple(e for e in events if e.kind is EventKind.CALLED),
            calendar,
            days.week(start.date()),
            days,
            now_key,
            ends,
            {},
        )
        return made

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value derived from these facts, computed once per plan or check.

        A rule that needs the same thing in several phases (its window, say)
        asks here with a key of its own, such as ``id(self)`` (the rule set
        keeps its rules alive, so no other rule shares it while a plan is made):
        the facts do not change while a plan is made, so neither does it.
        """
        try:
            found: T = self._derived[key]
        except KeyError:
            found = self._derived[key] = compute()
        return found

    def needs(self, kind: StepKind | str) -> bool:
        """Whether a step of `kind` is still to do: no decision, not covered.

        A kind may be named by its value (``"call"``), as for `new_step`.

        Raises:
            InvalidValueError: a name that is no kind.
        """
        if type(kind) is not StepKind:
            kind = enum_member(StepKind, kind, "kind")
        return (
            self.decision is None
            and kind.stage > self.covered
            and kind not in self.moot
        )

    def covered_by(self, kind: StepKind | str) -> Event | None:
        """The event that covers a step of `kind`, if any.

        The first that did it (a thank-you sent), else the first that made it
        moot (a call made, after which a thank-you is not planned; a reply,
        after which the follow-up letter is not).  A decision is no such
        event: it ends the follow-up, which `decision` says.

        Raises:
            InvalidValueError: a name that is no kind.
        """
        if type(kind) is not StepKind:
            kind = enum_member(StepKind, kind, "kind")
        does = DONE_BY.get(kind)
        stage = kind.stage
        covering = None
        for event in self.history:
            if event.kind is does:
                return event
            if covering is None and (
                _COVERS.get(event.kind, -1) >= stage
                or _MAKES_MOOT.get(event.kind) is kind
            ):
                covering = event
        return covering

    def local(self, moment: dt.datetime) -> dt.datetime:
        """The same instant in the recipient's zone.

        `moment` is any instant the library accepts; a naive datetime is
        refused, since the instant it stands for depends on the machine.
        """
        if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
            moment = coerce_utc(moment, "moment")
        return local(moment, self.zone)

    @property
    def last_call(self) -> Event | None:
        """The most recent call, if any."""
        return self.calls[-1] if self.calls else None

    @property
    def agreed_call_back(self) -> dt.datetime | None:
        """The call-back time agreed on the last call, if it is still to come."""
        last = self.last_call
        if last is None or last.call_back_at is None:
            return None
        return self.local(last.call_back_at)

    def until(self, kind: EventKind | str) -> dt.date | None:
        """The `until` of the latest event of `kind`, if any.

        For `EventKind.AWAY`, the day the interviewer is back; for
        `EventKind.PAUSED`, the day the candidate resumes; for
        `EventKind.REPLIED`, the day the company said it would decide by (a
        later reply that names no day leaves none).  A kind may be named by
        its value (``"away"``).

        Raises:
            InvalidValueError: a name that is no kind of event.
        """
        if type(kind) is not EventKind:
            kind = enum_member(EventKind, kind, "kind")
        for event in reversed(self.history):
            if event.kind is kind:
                return event.until
        return None

    @property
    def waiting_on_company(self) -> bool:
        """Whether the last call left the company undecided or unreached."""
        last = self.last_call
        return (
            self.decision is None
            and last is not None
            and last.call_outcome in {Outcome.UNDECIDED, Outcome.NO_ANSWER}
        )

    def is_public_holiday(self, day: dt.date) -> bool:
        """Whether `day` is a public holiday where the interviewer is (if known)."""
        return self.days.holiday(_day(day)) is not None

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day` where the interviewer is, if any."""
        return self.days.holiday(_day(day))

    def is_business_day(self, day: dt.date) -> bool:
        """Whether the recipient works on `day`: a working weekday, no day off.

        The working week is the calendar's (the country's weekend by
        default); public holidays count when the calendar says so, closures
        always.
        """
        return self.days.is_business(_day(day))

    def day_off(self, day: dt.date) -> str | None:
        """What keeps the recipient from work on `day`, beyond the weekend.

        The public holiday's name (when the calendar skips holidays) or the
        closure's, for a reason to say what moved a step; `None` on a
        working day and on a plain weekend day.
        """
        return self.days.day_off(_day(day))

    def days_after(self, day: dt.date, count: int, *, business: bool) -> dt.date:
        """The day `count` calendar or business days after `day`."""
        day = _day(day)
        given: object = count
        if type(given) is bool or not isinstance(given, int):
            raise InvalidTypeError("count", given, "a whole number of days (int)")
        if not business:
            return day + dt.timedelta(days=count)
        return self.days.after(day, count)

    def start_of(self, day: dt.date) -> dt.datetime:
        """The first instant of `day` on the recipient's calendar."""
        return self.days.start(_day(day))

    def end_of(self, day: dt.date) -> dt.datetime:
        """The last microsecond of `day` on the recipient's calendar."""
        return self.days.end(_day(day))


def _day(day: dt.date) -> dt.date:
    """`day`, refused by name unless it is a date (a datetime is one too).

    A rule's mistake (ISO text, None) failed deep in the calendar with an
    AttributeError or a TypeError naming nothing or, with no country to look
    holidays up in, was answered as a plain working day.
    """
    given: object = day
    if isinstance(given, dt.date):
        return given
    raise InvalidTypeError("day", given, "a date (datetime.date)")


_DEFAULT_CALENDAR = WorkingCalendar()
_UTC = dt.timezone.utc
_facts = rebuilder(Facts)


def _written(interview: Interview, now: object) -> dt.datetime:
    # `now` as the user gave it, for a message.
    return interview.at if now is None else coerce_instant(now, "now")


def checked_history(history: object) -> tuple[Event, ...]:
    """The events of `history` as a tuple, as planning takes them.

    Raises:
        InvalidTypeError: `history` is no sequence of events; the message
            names the index of an item that is no `Event`.
    """
    if type(history) is tuple and not history:
        # No history (the default, and most interviews of a batch).
        return history
    return typed_tuple(
        history, "history", Event, "an Event", whole="a sequence of Event"
    )


def in_order(
    events: tuple[Event, ...], instants: list[dt.datetime] | None = None
) -> tuple[Event, ...]:
    """Checked `events` oldest first, an event recorded twice counted once.

    `instants` are the events' instants in UTC, if they are at hand.  Two
    equal events (equal in every field) are one thing that happened, which
    a tracker's export repeated: counted twice, a call would renumber the
    call-backs and use up the calls FU008 allows.
    """
    if len(events) < 2:
        return events
    if instants is None:
        instants = [utc(event.at) for event in events]
    if all(earlier < later for earlier, later in itertools.pairwise(instants)):
        return events
    # Out of order, or two at one instant: the full order decides, and puts
    # equal events side by side.
    ordered = sorted(events, key=event_order)
    return tuple(
        event
        for index, event in enumerate(ordered)
        if not index or event != ordered[index - 1]
    )


def event_order(event: Event) -> tuple[object, ...]:
    # Oldest first; events at the same instant in an order fixed by what
    # they say, not by where the caller put them, so that the plan does not
    # depend on the order of the history.
    back = event.call_back_at
    return (
        instant_key(event.at),
        event.kind._value_,
        "" if event.outcome is None else event.outcome._value_,
        (0, dt.timedelta(0)) if back is None else (1, instant_key(back)),
        "" if event.channel is None else event.channel._value_,
        dt.date.min if event.until is None else event.until,
    )

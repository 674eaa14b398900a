"""What is due, overdue or gone quiet across many interviews, on a given day.

The command's ``followup due`` lists, across a job tracker's interviews,
what to do now.  It plans each interview as of `planning_moment` — the
start of the day where the recipient is, or the last event when the
history goes further — and sorts the plan's steps, with `reminders`:

* **overdue**: a step whose window closed before that moment, or a
  call-back whose agreed time has passed.  The plan still holds it, moved
  to now by FU010, which lists itself in the step's `adjusted_by` (a step
  that another rule set left in the past counts too; FU007 plans a missed
  call-back again itself); it is listed however late the rules after FU010
  put it, past the horizon too: FU012 keeps a late follow-up after a late
  thank-you, and FU013 moves every step of a paused interview to the end
  of the pause;
* **due**: a step whose window is open on the day, or opens within the
  horizon of `within_days` days after it;
* **quiet**: an interview with no decision and nothing left to plan (every
  step done, or the calls used up), and no word for `quiet_days` days: the
  company has gone quiet, and only the candidate can decide what next.

Everything here is a function of its arguments: the command reads the
clock, when it must, and the files.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, Final, final

import attrs
import pendulum

from followup._engine import plan_followups
from followup._facts import checked_history, event_order
from followup._fields import enum_member, instance_of, optional_instance_of
from followup._history import Event
from followup._interview import Interview, recipient_zone
from followup._plan import FollowUpPlan, Step
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._time import (
    EARLIEST,
    LATEST,
    coerce_instant,
    coerce_planned,
    describe_instant,
    format_instant,
    instant_key,
    local,
    start_of_day,
    to_pendulum,
    utc,
)
from followup._trusted import assemble
from followup._vocabulary import EventKind, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup._time import Zone

__all__ = [
    "MOST_DAYS",
    "QUIET_DAYS",
    "Reminder",
    "ReminderStatus",
    "day_of",
    "planning_moment",
    "reminders",
    "reminders_on",
]

#: Days without word after which an interview with nothing left to plan is
#: reported as gone quiet: three weeks, a week past the last call the advice
#: plans (one to two weeks after the interview, A10).
QUIET_DAYS: Final = 21

#: The most days `reminders_on` takes for `within_days` and `quiet_days`,
#: as the command's ``--within`` and ``--quiet-after``: ten years, past any
#: follow-up; more is a slip.
MOST_DAYS: Final = 3660

#: The rule that moves a step whose window has closed, and says so.
_LATE: Final = "FU010"


class ReminderStatus(enum.Enum):
    """How a reminder stands on its day; the order is the order of urgency."""

    OVERDUE = "overdue"
    DUE = "due"
    QUIET = "quiet"


_URGENCY: Final = {status: rank for rank, status in enumerate(ReminderStatus)}


def day_of(interview: Interview, on: dt.date | dt.datetime) -> dt.date:
    """The day asked about: `on`, or the date of instant `on` where the recipient is.

    "Today" is the recipient's today: the command passes the clock's instant.
    """
    if isinstance(on, dt.datetime):
        return local(on, recipient_zone(interview)).date()
    return on


def planning_moment(
    interview: Interview, history: Iterable[Event], day: dt.date
) -> dt.datetime:
    """The start of `day` where the recipient is, or the last event if later.

    A history may already hold the day's own events (this morning's call),
    and a plan cannot be made as of a moment before what it knows.

    Raises:
        InvalidValueError: an event lies after the day after `day`: a date
            mistyped a year on would plan every step after it, and nothing
            would be listed, without a word.  The day after is the margin
            of a candidate whose evening is the recipient's next morning.
    """
    tz = recipient_zone(interview)
    start = start_of_day(day, tz)
    events = tuple(history)
    instants = [utc(event.at) for event in events]
    last = max(instants, default=None)
    if last is None:
        return start
    ends = utc(start_of_day(day + dt.timedelta(days=2), tz))
    if last >= ends:
        # The first such event where the caller put it.
        index = next(i for i, at in enumerate(instants) if at >= ends)
        event = events[index]
        after = day + dt.timedelta(days=1)
        raise InvalidValueError(
            f"history[{index}].at",
            format_instant(event.at),
            f"is after the day asked ({day.isoformat()}) and the day after it "
            f"({after.isoformat()}), days where the recipient is ({tz.name})",
        )
    return last if last > utc(start) else start


# A reminder made here is made of checked parts (`assemble`); these check
# one made by hand, or read from JSON, as every public value's fields are.


def _reminder_status(value: object) -> ReminderStatus:
    return enum_member(ReminderStatus, value, "Reminder.status")


def _reminder_at(value: object) -> pendulum.DateTime:
    # A step's due time, which may run past 2199 as a plan's may.
    return coerce_planned(value, "Reminder.at")


def _reminder_interview(value: object) -> Interview:
    return instance_of(value, Interview, "Reminder.interview", "an Interview")


def _reminder_step(value: object) -> Step | None:
    return optional_instance_of(value, Step, "Reminder.step", "a Step or None")


def _reminder_last(value: object) -> Event | None:
    return optional_instance_of(value, Event, "Reminder.last", "an Event or None")


def _silent_days(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError("Reminder.silent_days", value, "a whole number or None")
    if value < 0:
        raise InvalidValueError("Reminder.silent_days", value, "is below 0")
    return value


@final
@attrs.frozen
class Reminder:
    """One line of the list: a step due or overdue, or an interview gone quiet.

    `at` is when, in the recipient's zone: the step's due time (for an
    overdue step, the time it has been moved to), or for a quiet interview
    the last word — its last event (`last`), or the end of the interview.
    `silent_days` counts the days since then.
    """

    status: ReminderStatus = attrs.field(converter=_reminder_status)
    at: pendulum.DateTime = attrs.field(converter=_reminder_at, eq=instant_key)
    interview: Interview = attrs.field(converter=_reminder_interview)
    step: Step | None = attrs.field(default=None, converter=_reminder_step)
    last: Event | None = attrs.field(default=None, converter=_reminder_last)
    silent_days: int | None = attrs.field(default=None, converter=_silent_days)

    @property
    def what(self) -> str:
        """The step and how (``call-back #2 (phone)``), or how long it is quiet."""
        if self.step is not None:
            return f"{self.step.label} ({self.step.how})"
        last = "the interview" if self.last is None else self.last.kind.value
        days = "day" if self.silent_days == 1 else "days"
        return f"no word for {self.silent_days} {days} (last: {last})"

    def order(self) -> tuple[dt.timedelta, int]:
        """Sort key: soonest first, then the more urgent status."""
        return instant_key(self.at), _URGENCY[self.status]

    def cells(self, tracker_id: str | None = None) -> tuple[str, str, str, str]:
        """When, status, what and who, as text for a table."""
        return (
            describe_instant(self.at),
            self.status.value,
            self.what,
            self.who(tracker_id),
        )

    def who(self, tracker_id: str | None = None) -> str:
        """The candidate and the company, and the tracker's id when there is one."""
        about = f"{self.interview.candidate}, {self.interview.company}"
        return about if tracker_id is None else f"{about} ({tracker_id})"

    def record(self, tracker_id: str | None = None) -> dict[str, Any]:
        """The reminder as plain data, for one JSON line."""
        step = self.step
        return {
            "status": self.status.value,
            "at": format_instant(self.at),
            "id": tracker_id,
            "candidate": self.interview.candidate,
            "company": self.interview.company,
            "step": None if step is None else step.label,
            "kind": None if step is None else step.what,
            "how": None if step is None else step.how,
            "last": None if step is not None else _last_word(self.last),
            "silent_days": self.silent_days,
        }


def _missed_call_back(events: tuple[Event, ...], as_of: dt.timedelta) -> bool:
    """Whether the time agreed on the last call for calling back has passed.

    The call-back is then late as a step whose window closed is, but the
    rule that agreed it (FU007) plans it again at the next working time
    itself, so FU010 never marks it: over a weekend it would not be listed
    at all.  A call-back still at its agreed time is an `agreed` step.
    """
    calls = [event for event in events if event.kind is EventKind.CALLED]
    if not calls:
        return False
    # The last as planning orders them, events at one instant included.
    last = max(calls, key=event_order)
    agreed = last.call_back_at
    return agreed is not None and instant_key(agreed) < as_of


#: The events that say why no word comes until their `until`, and the days
#: after it the wait runs: the interviewer back that day, you resuming it,
#: the company deciding by the end of it.
_WAITS: Final = {EventKind.AWAY: 0, EventKind.PAUSED: 0, EventKind.REPLIED: 1}


def _quiet_from(events: tuple[Event, ...], heard: dt.datetime, tz: Zone) -> dt.datetime:
    """When silence starts to count: the last word, or the end of a wait named.

    A reply that the company decides by the 30th is word until that day is
    over; an interviewer away, or you pausing, until a day, until then.
    """
    start = heard
    for kind, wait in _WAITS.items():
        latest = max(
            (event for event in events if event.kind is kind),
            key=event_order,
            default=None,
        )
        if latest is not None and latest.until is not None:
            ends = start_of_day(latest.until + dt.timedelta(days=wait), tz)
            start = max(start, ends)
    return start


def _last_word(event: Event | None) -> str:
    return "interview" if event is None else event.kind.value


def reminders(
    plan: FollowUpPlan,
    history: Iterable[Event],
    day: dt.date,
    *,
    within_days: int = 0,
    quiet_days: int = QUIET_DAYS,
) -> tuple[Reminder, ...]:
    """Sort the steps of `plan`, made as of `planning_moment`, into reminders.

    `history` is the one the plan was made from; steps not yet due within
    the horizon are left out, and so are interviews the company has decided.
    """
    interview = plan.interview
    tz = recipient_zone(interview)
    as_of = instant_key(plan.as_of)
    # The horizon in calendar days where the recipient is, so that a day of
    # 23 or 25 hours still ends at midnight.
    horizon = instant_key(start_of_day(day + dt.timedelta(days=1 + within_days), tz))
    events = tuple(history)
    missed = _missed_call_back(events, as_of)
    found: list[Reminder] = []
    for step in plan.steps:
        if (
            _LATE in step.adjusted_by
            or instant_key(step.window.end) < as_of
            or (missed and step.kind is StepKind.CALL_BACK and not step.agreed)
        ):
            status = ReminderStatus.OVERDUE
        elif instant_key(step.window.start) < horizon:
            status = ReminderStatus.DUE
        else:
            continue
        found.append(
            assemble(
                Reminder,
                status=status,
                at=to_pendulum(local(step.due, tz)),
                interview=interview,
                step=step,
            )
        )
    if plan.steps:
        return tuple(found)
    if any(e.outcome is not None and e.outcome.is_decision for e in events):
        return tuple(found)
    last = max(events, key=lambda event: instant_key(event.at), default=None)
    heard = local(interview.ends_at if last is None else last.at, tz)
    silent = (day - heard.date()).days
    if (day - _quiet_from(events, heard, tz).date()).days >= quiet_days:
        found.append(
            assemble(
                Reminder,
                status=ReminderStatus.QUIET,
                at=to_pendulum(heard),
                interview=interview,
                last=last,
                silent_days=silent,
            )
        )
    return tuple(found)


def reminders_on(  # noqa: PLR0913 - the interview, the day, and how far to look
    interview: Interview,
    history: Iterable[Event] = (),
    *,
    on: dt.date | dt.datetime,
    within_days: int = 0,
    quiet_days: int = QUIET_DAYS,
    rules: RuleSet = DEFAULT_RULES,
) -> tuple[Reminder, ...]:
    """What is due, overdue or gone quiet for `interview` on the day `on`.

    What ``followup due`` lists for one interview, soonest first: the plan
    made as of the start of that day where the recipient is (or as of the
    last event, when the history goes further), its steps overdue or due
    within `within_days` days after the day, or the interview itself when
    it has gone quiet for `quiet_days` days.  `on` is a date, the
    recipient's, or an aware datetime: today is the date it has where the
    recipient is.  The library reads no clock: pass today yourself.

    >>> import datetime as dt
    >>> from followup import Event, Interview, reminders_on
    >>> interview = Interview("Ada Lovelace", "Acme",
    ...                       "2026-11-23T10:00:00-05:00[America/New_York]")
    >>> sent = Event("thank-you-sent", "2026-11-23T11:00:00-05:00")
    >>> for reminder in reminders_on(interview, [sent], on=dt.date(2026, 11, 25)):
    ...     print(reminder.status.value, reminder.what, reminder.at.isoformat())
    due follow-up (email) 2026-11-25T09:00:00-05:00

    Raises:
        InvalidTypeError: an argument of the wrong type (`on` is neither a
            date nor a datetime, a count is no whole number).
        InvalidValueError: `on` is a naive datetime or out of range, a count
            is negative or more than `MOST_DAYS` (ten years); an event lies
            after the day `on`; or the history contradicts itself, as for
            `plan_followups`.
        RuleError: a rule failed; the message names it.
    """
    if not isinstance(interview, Interview):
        raise InvalidTypeError("interview", interview, "an Interview")
    events = checked_history(history)
    day = _day_asked(interview, on)
    within = _days(within_days, "within_days")
    quiet = _days(quiet_days, "quiet_days")
    moment = planning_moment(interview, events, day)
    plan = plan_followups(interview, events, now=moment, rules=rules)
    return tuple(
        sorted(
            reminders(plan, events, day, within_days=within, quiet_days=quiet),
            key=Reminder.order,
        )
    )


def _day_asked(interview: Interview, on: object) -> dt.date:
    # A datetime is a date too: asked first.
    if isinstance(on, dt.datetime):
        return day_of(interview, coerce_instant(on, "on"))
    if not isinstance(on, dt.date):
        raise InvalidTypeError("on", on, "a date or an aware datetime")
    # Every start of a day, in any zone, lies within the instants planned.
    first, last = (
        EARLIEST.date() + dt.timedelta(days=1),
        LATEST.date() - dt.timedelta(days=1),
    )
    if not first <= on <= last:
        raise InvalidValueError(
            "on", on.isoformat(), f"is not between {first} and {last}"
        )
    return on


def _days(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number of days")
    if not 0 <= value <= MOST_DAYS:
        raise InvalidValueError(
            field, value, f"is not between 0 and {MOST_DAYS} days (ten years)"
        )
    return value

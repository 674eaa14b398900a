"""A plan as an RFC 5545 calendar, written with the icalendar package.

Every step becomes one calendar item: an event for the calls (and the close
of the call), a to-do for the messages (``todos=False`` makes them events
too, for calendars that ignore to-dos).  Each item has:

* a UID that depends only on the interview and the step's kind and number,
  so importing an updated plan updates the items instead of adding copies;
* a SEQUENCE that grows with the plan's `as_of` (minutes since the interview
  started), so clients that compare sequences take the newer plan;
* DTSTAMP set to the plan's `as_of` — never the clock;
* its times in their real zone, with a VTIMEZONE for each zone (fixed UTC
  offsets, which no reader can resolve as a TZID, are written in UTC);
* an alarm with an action and a trigger, and the reason and requirements in
  the description.

>>> from followup import Interview, plan_followups
>>> at = "2026-11-23T10:00:00-05:00[America/New_York]"
>>> plan = plan_followups(Interview("Ada", "Acme", at))
>>> text = to_ics(plan).decode()
>>> text.count("BEGIN:VEVENT"), text.count("BEGIN:VTODO"), text.count("BEGIN:VALARM")
(2, 2, 4)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from importlib import metadata
from typing import TYPE_CHECKING

import icalendar
import pendulum

from followup._plan import provenance
from followup._time import instant_key, utc
from followup._vocabulary import Channel, StepKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup._interview import Interview
    from followup._plan import FollowUpPlan, Step

__all__ = ["CalendarOfPlans", "step_uid", "to_ics", "to_ics_many"]

_CALLS = frozenset({StepKind.CLOSE_CALL, StepKind.CALL, StepKind.CALL_BACK})
_TITLES = {
    StepKind.CLOSE_CALL: "Close the call",
    StepKind.THANK_YOU: "Send the thank-you",
    StepKind.FOLLOW_UP: "Send the follow-up",
    StepKind.CALL: "Call",
    StepKind.CALL_BACK: "Call back",
}
# How long a message is blocked out when written as an event.
_WRITING_TIME = dt.timedelta(minutes=15)


def interview_key(interview: Interview) -> str:
    """A short, stable hash of who, where and when: the root of every UID."""
    start = utc(interview.at).isoformat()
    text = f"{interview.candidate}\x1f{interview.company}\x1f{start}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def step_uid(interview: Interview, step: Step) -> str:
    """The UID of a step's calendar item: interview, kind and number only.

    >>> from followup import Interview, plan_followups
    >>> plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    >>> step_uid(plan.interview, plan.steps[1])
    '...-thank-you-1@followup'
    """
    return f"{interview_key(interview)}-{step.kind.value}-{step.number}@followup"


def to_ics(plan: FollowUpPlan, *, todos: bool = True, alarm_minutes: int = 15) -> bytes:
    """Write `plan` as an iCalendar file (UTF-8 bytes).

    `alarm_minutes` is how long before each item its alarm rings.
    """
    calendar = _calendar(f"Follow-up: {plan.interview.company}")
    for item in _items(plan, todos=todos, alarm_minutes=alarm_minutes):
        calendar.add_component(item)
    if plan.steps:
        days = [s.due.date() for s in plan.steps] + [
            s.window.end.date() for s in plan.steps
        ]
        calendar.add_missing_timezones(
            first_date=min(days) - dt.timedelta(days=1),
            last_date=max(days) + dt.timedelta(days=2),
        )
    return bytes(calendar.to_ical())


def to_ics_many(
    plans: Iterable[FollowUpPlan], *, todos: bool = True, alarm_minutes: int = 15
) -> bytes:
    """Write several plans as one iCalendar file, every plan's items in it.

    Each item is the one `to_ics` writes for its plan, with the same UID, so
    a calendar fed one plan at a time and one fed them all agree.

    >>> from followup import Interview, plan_followups
    >>> plans = [plan_followups(Interview(name, "Acme", "2026-11-23T10:00:00Z"))
    ...          for name in ("Ada", "Grace")]
    >>> to_ics_many(plans).decode().count("UID:")
    8
    """
    calendar = CalendarOfPlans(todos=todos, alarm_minutes=alarm_minutes)
    body = b"".join(calendar.items(plan) for plan in plans)
    return calendar.head() + body + calendar.tail()


class CalendarOfPlans:
    """One calendar for many plans, written a plan at a time.

    `items` returns a plan's calendar items as iCalendar text and notes the
    zones and days they use; once every plan is in, `head` opens the
    calendar with a VTIMEZONE for each zone noted, and `tail` closes it.
    ``head() + items... + tail()`` is the calendar, so a program can write
    the items as it plans (to a spool file) and keep only the zones: the
    time zones come first, as strict readers want them before their use.
    """

    def __init__(self, *, todos: bool = True, alarm_minutes: int = 15) -> None:
        self._todos = todos
        self._alarm_minutes = alarm_minutes
        self._days: dict[str, tuple[dt.date, dt.date]] = {}

    def items(self, plan: FollowUpPlan) -> bytes:
        """The plan's items (events and to-dos) as iCalendar text."""
        for step in plan.steps:
            for moment in (step.due, step.window.end):
                tz = _calendar_time(moment).tzinfo
                if isinstance(tz, zoneinfo.ZoneInfo):
                    self._note(tz.key, moment.date())
        return b"".join(
            item.to_ical()
            for item in _items(
                plan, todos=self._todos, alarm_minutes=self._alarm_minutes
            )
        )

    def _note(self, name: str, day: dt.date) -> None:
        first, last = self._days.get(name, (day, day))
        self._days[name] = (min(first, day), max(last, day))

    def head(self) -> bytes:
        """The calendar's opening: its properties and a VTIMEZONE a zone."""
        calendar = _calendar("Follow-ups")
        for name, (first, last) in sorted(self._days.items()):
            # The span that to_ics gives its zones, per zone here.
            try:
                timezone = icalendar.Timezone.from_tzid(
                    name,
                    first_date=first - dt.timedelta(days=1),
                    last_date=last + dt.timedelta(days=2),
                )
            except ValueError:  # pragma: no cover - every key here is a ZoneInfo's
                continue
            calendar.add_component(timezone)
        return bytes(calendar.to_ical()).removesuffix(_END)

    @staticmethod
    def tail() -> bytes:
        """The calendar's closing line."""
        return _END


_END = b"END:VCALENDAR\r\n"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//followup//followup {_version()}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _items(
    plan: FollowUpPlan, *, todos: bool, alarm_minutes: int
) -> list[icalendar.Component]:
    stamp = utc(plan.as_of)
    elapsed = instant_key(plan.as_of) - instant_key(plan.interview.at)
    sequence = max(0, int(elapsed.total_seconds() // 60))
    items: list[icalendar.Component] = []
    for step in plan.steps:
        as_event = step.kind in _CALLS or not todos
        item = icalendar.Event() if as_event else icalendar.Todo()
        item.add("uid", step_uid(plan.interview, step))
        item.add("dtstamp", stamp)
        item.add("sequence", sequence)
        item.add("summary", _summary(plan.interview, step))
        item.add("description", _description(step))
        item.add("categories", ["Job search", step.kind.value])
        start = _calendar_time(step.due)
        item.add("dtstart", start)
        if as_event:
            item.add("dtend", _calendar_time(_end(step)))
        else:
            item.add("due", _calendar_time(step.window.end))
        phone = plan.interview.interviewer.phone if plan.interview.interviewer else None
        if step.channel is Channel.PHONE and phone:
            item.add("location", phone)
        item.add_component(_alarm(step, plan.interview, alarm_minutes))
        items.append(item)
    return items


def _alarm(step: Step, interview: Interview, minutes: int) -> icalendar.Alarm:
    # Alarm.new() sets neither ACTION nor TRIGGER, and readers do not notice
    # a missing TRIGGER: both are set here by hand.
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-minutes))
    alarm.add("description", _summary(interview, step))
    return alarm


def _calendar_time(moment: dt.datetime) -> dt.datetime:
    tz = moment.tzinfo
    exact = utc(moment).replace(microsecond=0)
    if isinstance(tz, pendulum.Timezone) and tz.name != "UTC":
        # A plain zoneinfo zone: icalendar writes its TZID and its VTIMEZONE.
        return exact.astimezone(zoneinfo.ZoneInfo(tz.name))
    # UTC, or a fixed offset that no reader could resolve as a TZID.
    return exact


def _end(step: Step) -> dt.datetime:
    if step.kind is StepKind.CLOSE_CALL:
        return step.window.end
    if step.requirements.call_minutes is not None:
        return step.due + dt.timedelta(minutes=step.requirements.call_minutes[1])
    return step.due + _WRITING_TIME


def _summary(interview: Interview, step: Step) -> str:
    who = interview.interviewer.name if interview.interviewer else None
    title = _TITLES.get(step.kind) or step.what.replace("-", " ").capitalize()
    if step.number > 1:
        title = f"{title} (#{step.number})"
    if step.kind in {StepKind.CALL, StepKind.CALL_BACK} and who:
        title = f"{title} {who}"
    elif step.kind in {StepKind.THANK_YOU, StepKind.FOLLOW_UP} and who:
        title = f"{title} to {who}"
    channel = step.how.replace("-", " ")
    return f"{title} at {interview.company} ({channel})"


def _description(step: Step) -> str:
    lines = [step.reason, ""]
    lines.extend(f"- {line}" for line in step.requirements.describe())
    window, rules = provenance(step)
    lines.extend(("", f"Window: {window}", f"Rules: {rules}"))
    return "\n".join(lines)


def _version() -> str:
    try:
        return metadata.version("followup")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "0"

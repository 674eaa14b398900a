"""A plan as an RFC 5545 calendar, written with the icalendar package.

Every step becomes one calendar item: an event for the calls (and the close
of the call), a to-do for the messages (``todos=False`` makes them events
too, for calendars that ignore to-dos).  Each item has:

* a UID that depends only on the interview's identity (its `id`, else the
  candidate, company and position; never its time) and the step's kind and
  number, so importing an updated plan, even after a reschedule, updates
  the items instead of adding copies;
* a SEQUENCE that grows with the plan's `as_of` (minutes from 1900, so a
  rescheduled interview's items still grow), so clients that compare
  sequences take the newer plan;
* DTSTAMP set to the plan's `as_of` — never the clock;
* its times in their real zone, with a VTIMEZONE for each zone (fixed UTC
  offsets, which no reader can resolve as a TZID, are written in UTC, and so
  is the second reading of a wall time that a zone repeats when its clocks
  go back: RFC 5545 reads a repeated wall time with a TZID as the first);
* an alarm with an action and a trigger, and the reason and requirements in
  the description.

A to-do runs from DTSTART (the step's `due`, when to do it) to DUE (the end
of its window, the deadline), and RFC 5545 wants DUE later than DTSTART.  A
step due at the very end of its window has nothing between the two, so its
to-do has no DTSTART: it is simply due then, and its alarm rings before its
DUE (``RELATED=END``) instead of before its start.  An event likewise keeps
its DTSTART and loses a DTEND that would not be later: RFC 5545 reads an
event without DTEND as ending when it starts.  No time of the plan moves.

Each VTIMEZONE is written from the `zoneinfo` data itself, not by
`icalendar.Timezone.from_tzid`: that one steps through the span in jumps of
up to 64 days and misses any change that is undone within a jump (Morocco's
month of +00 for Ramadan), and it dates a change that puts the clocks forward
by the wall time after it, where RFC 5545 wants the wall time before it.
Here the span runs from the local midnight a day before the earliest time
written to a day after the latest; it opens with the offset in force then
and has one STANDARD or DAYLIGHT observance for every change of UTC offset
in it.

>>> from followup import Interview, plan_followups
>>> at = "2026-11-23T10:00:00-05:00[America/New_York]"
>>> plan = plan_followups(Interview("Ada", "Acme", at))
>>> text = to_ics(plan).decode()
>>> text.count("BEGIN:VEVENT"), text.count("BEGIN:VTODO"), text.count("BEGIN:VALARM")
(2, 2, 4)
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from importlib import metadata
from typing import TYPE_CHECKING

import attrs
import icalendar
import pendulum

from followup._changes import done_at, interview_key, plan_changes, step_key
from followup._facts import checked_history, in_order
from followup._fields import instance_of
from followup._interview import Interview
from followup._plan import Finding, FollowUpPlan, Step, details, provenance
from followup._time import instant_key, utc
from followup._vocabulary import Channel, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from followup._history import Event


__all__ = [
    "CalendarOfPlans",
    "calendar_objects",
    "interview_uid_prefix",
    "sequence_of",
    "step_uid",
    "to_ics",
    "to_ics_many",
]

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
_UTC = dt.timezone.utc
_SECOND = dt.timedelta(seconds=1)
# A VTIMEZONE holds from a day before the earliest time written to a day
# after the latest: a reader sees the offset in force around every time.
_MARGIN = dt.timedelta(days=1)
# How far apart the offsets are compared when looking for a change.  Two
# changes of one zone between two looks could go unseen: since 1900 the
# closest two in the zone data are almost four days apart (Freetown, 1939),
# and twelve hours costs only some sixty look-ups for a month of plan.
_PROBE = dt.timedelta(hours=12)
#: The property names of the times an item holds.
_TIMES = ("dtstart", "dtend", "due")
#: Per zone name, the earliest and the latest time written in it (in UTC).
_Spans = dict[str, tuple[dt.datetime, dt.datetime]]


def step_uid(interview: Interview, step: Step) -> str:
    """The UID of a step's calendar item: the interview's identity, kind and number.

    The identity is the interview's `id`, else its candidate, company and
    position; never its time (see `followup.plan_changes`).

    >>> from followup import Interview, plan_followups
    >>> plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    >>> step_uid(plan.interview, plan.steps[1])
    '...-thank-you-1@followup'
    """
    instance_of(interview, Interview, "interview", "an Interview")
    instance_of(step, Step, "step", "a Step")
    return f"{step_key(interview, step)}@followup"


def interview_uid_prefix(interview: Interview) -> str:
    """What every UID of the interview's items starts with (see `step_uid`)."""
    instance_of(interview, Interview, "interview", "an Interview")
    return f"{interview_key(interview)}-"


def calendar_objects(
    plan: FollowUpPlan, *, todos: bool = True, alarm_minutes: int = 15
) -> list[tuple[str, bytes]]:
    """Each step as ``(uid, calendar)``: one item with its VTIMEZONEs.

    What a CalDAV server stores, one resource per UID (RFC 4791): the same
    items `to_ics` writes, without the calendar's METHOD or name.

    >>> from followup import Interview, plan_followups
    >>> plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    >>> [uid.split("-", 1)[1] for uid, _ in calendar_objects(plan)]
    ['close-call-1@followup', 'thank-you-1@followup', 'follow-up-1@followup', \
'call-1@followup']
    """
    found = []
    _check_options(todos, alarm_minutes)
    plan = _plan(plan, "plan")
    for item in _items(plan, todos=todos, alarm_minutes=alarm_minutes):
        calendar = _calendar(None)
        spans: _Spans = {}
        _widen(spans, [item])
        for timezone in _timezones(spans):
            calendar.add_component(timezone)
        calendar.add_component(item)
        found.append((str(item["uid"]), bytes(calendar.to_ical())))
    return found


def to_ics(
    plan: FollowUpPlan,
    *,
    todos: bool = True,
    alarm_minutes: int = 15,
    previous: FollowUpPlan | None = None,
    history: Iterable[Event] = (),
) -> bytes:
    """Write `plan` as an iCalendar file (UTF-8 bytes).

    `alarm_minutes` is how long before each item its alarm rings.  Given the
    `previous` plan of the interview (the one imported before), the steps
    this plan dropped are written too, as cancelled (``STATUS:CANCELLED``,
    with a higher SEQUENCE), so that a calendar that imports the file
    removes them, alarm and all: after a rejection, say, whose plan has no
    step left.  A dropped step that `history` (the plan's) says was done
    (`plan_changes`) is written as done instead: a to-do ``COMPLETED`` when
    it was done, an event kept where it was, without its alarm.

    >>> from followup import Event, Interview, plan_followups
    >>> interview = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")
    >>> before = plan_followups(interview, now="2026-11-23T10:30:00Z")
    >>> no = Event("decision-received", "2026-11-24T09:00:00Z", outcome="rejected")
    >>> after = plan_followups(interview, [no], now="2026-11-24T09:00:00Z")
    >>> to_ics(after, previous=before).decode().count("STATUS:CANCELLED")
    3

    Raises:
        InvalidTypeError: `plan` or `previous` is not a FollowUpPlan,
            `todos` is not true or false, or `history` holds something other
            than events (checked with or without `previous`).
        InvalidValueError: `alarm_minutes` is not a whole number of minutes
            from 0 to a week.
    """
    _check_options(todos, alarm_minutes)
    plan = _plan(plan, "plan")
    # Checked whether or not `previous` asks for it: a caller who passes a
    # history and forgets the previous plan learns of a bad one all the same.
    history = checked_history(history)
    calendar = _calendar(f"Follow-up: {plan.interview.company}")
    items = _items(plan, todos=todos, alarm_minutes=alarm_minutes)
    if previous is not None:
        items.extend(_dropped(previous, plan, history, todos, alarm_minutes))
    spans: _Spans = {}
    _widen(spans, items)
    # The time zones come first, as strict readers want them before their use.
    for timezone in _timezones(spans):
        calendar.add_component(timezone)
    for item in items:
        calendar.add_component(item)
    return bytes(calendar.to_ical())


def to_ics_many(
    plans: Iterable[FollowUpPlan], *, todos: bool = True, alarm_minutes: int = 15
) -> bytes:
    """Write several plans as one iCalendar file, every plan's items in it.

    Each item is the one `to_ics` writes for its plan, with the same UID, so
    a calendar fed one plan at a time and one fed them all agree.  So two
    plans of one interview's identity (`step_uid`) cannot share a calendar.

    >>> from followup import Interview, plan_followups
    >>> plans = [plan_followups(Interview(name, "Acme", "2026-11-23T10:00:00Z"))
    ...          for name in ("Ada", "Grace")]
    >>> to_ics_many(plans).decode().count("UID:")
    8

    Raises:
        InvalidTypeError: `plans` is no iterable, an item of it is not a
            FollowUpPlan, or an option is of the wrong type (see `to_ics`).
        InvalidValueError: two plans are of one interview's identity, or
            `alarm_minutes` is out of range.
    """
    calendar = CalendarOfPlans(todos=todos, alarm_minutes=alarm_minutes)
    # Where each interview's identity came first: a second plan of it would
    # give its items the same UIDs, and a calendar keeps one item per UID.
    first: dict[str, int] = {}
    body = []
    try:
        each = iter(plans)
    except TypeError:
        raise InvalidTypeError("plans", plans, "an iterable of FollowUpPlan") from None
    for index, plan in enumerate(each):
        field = f"plans[{index}]"
        identity = interview_uid_prefix(_plan(plan, field).interview)
        if first.setdefault(identity, index) != index:
            raise InvalidValueError(
                field,
                plan.interview.candidate,
                f"is an interview of the identity of plans[{first[identity]}] "
                "(its id, or its candidate, company and position): their items "
                "would share UIDs; give each interview an id of its own",
            )
        body.append(calendar.items(plan))
    return calendar.head() + b"".join(body) + calendar.tail()


class CalendarOfPlans:
    """One calendar for many plans, written a plan at a time.

    `items` returns a plan's calendar items as iCalendar text and notes the
    zones and times they use; once every plan is in, `head` opens the
    calendar with a VTIMEZONE for each zone noted, and `tail` closes it.
    ``head() + items... + tail()`` is the calendar, so a program can write
    the items as it plans (to a spool file) and keep only the zones: the
    time zones come first, as strict readers want them before their use.
    """

    def __init__(self, *, todos: bool = True, alarm_minutes: int = 15) -> None:
        _check_options(todos, alarm_minutes)
        self._todos = todos
        self._alarm_minutes = alarm_minutes
        self._spans: _Spans = {}

    def items(self, plan: FollowUpPlan) -> bytes:
        """The plan's items (events and to-dos) as iCalendar text."""
        plan = _plan(plan, "plan")
        items = _items(plan, todos=self._todos, alarm_minutes=self._alarm_minutes)
        _widen(self._spans, items)
        return b"".join(item.to_ical() for item in items)

    def take_zones(self, other: CalendarOfPlans) -> None:
        """Note the zones and times `other` noted, as if its plans' items were ours.

        For items made elsewhere (in another process, say): this calendar's
        `head` then defines their time zones too.

        Raises:
            InvalidTypeError: `other` is not a CalendarOfPlans.
        """
        # Anything else has no zones to give: said so, not an AttributeError.
        if not isinstance(other, CalendarOfPlans):
            raise InvalidTypeError("other", other, "a CalendarOfPlans")
        for tzid, (first, last) in other._spans.items():
            known = self._spans.get(tzid)
            self._spans[tzid] = (
                (first, last)
                if known is None
                else (min(first, known[0]), max(last, known[1]))
            )

    def head(self) -> bytes:
        """The calendar's opening: its properties and a VTIMEZONE a zone."""
        calendar = _calendar("Follow-ups")
        # The VTIMEZONE that to_ics would write for the times of all the plans.
        for timezone in _timezones(self._spans):
            calendar.add_component(timezone)
        return bytes(calendar.to_ical()).removesuffix(_END)

    @staticmethod
    def tail() -> bytes:
        """The calendar's closing line."""
        return _END


_END = b"END:VCALENDAR\r\n"


class _Text(icalendar.vText):
    r"""TEXT escaped as RFC 5545 (3.3.11) writes it, and nothing more.

    icalendar's own escaping takes a backslash before "N" for an escaped
    line break already: "R\N Labs" came back from a calendar on two lines.
    """

    def to_ical(self) -> bytes:
        text = str(self)
        for char, escaped in _ESCAPED:
            text = text.replace(char, escaped)
        return text.encode("utf-8")


# The backslash first, so that no escape is escaped again; line ends of
# every kind as one.
_ESCAPED = (
    ("\\", "\\\\"),
    (";", "\\;"),
    (",", "\\,"),
    ("\r\n", "\\n"),
    ("\n", "\\n"),
    ("\r", "\\n"),
)


def _calendar(name: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//followup//followup {_version()}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # A file to import publishes; a CalDAV resource (no name) must not carry
    # a METHOD (RFC 4791, 4.1).
    if name is not None:
        calendar.add("method", "PUBLISH")
        # TEXT, as clients read it (RFC 7986's NAME is the same): escaped as
        # SUMMARY is, or a ";" or "," in a company's name would cut it there.
        calendar.add("x-wr-calname", _Text(name))
    return calendar


def sequence_of(plan: FollowUpPlan) -> int:
    """The SEQUENCE of the plan's items: minutes from 1900 to its `as_of`."""
    # Minutes from a fixed origin to the plan's `as_of`: a later plan has a
    # higher SEQUENCE even when the interview moved (a count from the
    # interview's start would not), and DTSTAMP and SEQUENCE agree.
    elapsed = utc(_plan(plan, "plan").as_of) - _ORIGIN
    return max(0, int(elapsed.total_seconds() // 60))


_ORIGIN = dt.datetime(1900, 1, 1, tzinfo=dt.timezone.utc)


def _dropped(
    previous: FollowUpPlan,
    plan: FollowUpPlan,
    history: Iterable[Event],
    todos: bool,
    alarm_minutes: int,
) -> list[icalendar.Component]:
    """The previous plan's items that `plan` dropped: cancelled, or done."""
    events = in_order(checked_history(history))
    changes = plan_changes(previous, plan, events)
    dropped = (*changes.cancelled, *changes.done)
    if not dropped:
        return []
    # When each done step was done; a cancelled one, never.  By UID: the
    # plan made of the dropped steps puts them in its own order (by due
    # time), not in that of the two lists.
    finished: dict[str, dt.datetime | None] = {
        step_uid(previous.interview, step): None for step in changes.cancelled
    }
    for step in changes.done:
        finished[step_uid(previous.interview, step)] = done_at(
            step.kind, step.number, events
        )
    gone = attrs.evolve(previous, steps=dropped, findings=())
    items = _items(gone, todos=todos, alarm_minutes=alarm_minutes)
    sequence = max(sequence_of(plan), sequence_of(previous) + 1)
    for item in items:
        mark_dropped(
            item,
            finished[str(item["uid"])],
            sequence=sequence,
            stamp=utc(plan.as_of),
        )
    return items


def dropped_status(item: icalendar.Component, finished: dt.datetime | None) -> str:
    """The STATUS of an item whose step a plan dropped, done at `finished` or not.

    A done to-do is completed; a done event stays where it was, confirmed.
    """
    if finished is None:
        return "CANCELLED"
    return "COMPLETED" if item.name == "VTODO" else "CONFIRMED"


def mark_dropped(
    item: icalendar.Component,
    finished: dt.datetime | None,
    *,
    sequence: int,
    stamp: dt.datetime,
) -> None:
    """Mark an item whose step a plan dropped: cancelled, or done at `finished`.

    `to_ics` and `followup.sync` mark them alike; neither rings any more.
    """
    status = dropped_status(item, finished)
    for name in ("status", "sequence", "dtstamp", "completed", "percent-complete"):
        item.pop(name, None)
    item.add("status", status)
    if finished is not None and status == "COMPLETED":
        item.add("completed", utc(finished))
        item.add("percent-complete", 100)
    item.add("sequence", sequence)
    item.add("dtstamp", stamp)
    item.subcomponents = [sub for sub in item.subcomponents if sub.name != "VALARM"]


#: The earliest an alarm rings before its item: a week.
LONGEST_ALARM = 7 * 24 * 60


def _check_options(todos: object, alarm_minutes: object) -> None:
    instance_of(todos, bool, "todos", "true or false")
    if not isinstance(alarm_minutes, int) or isinstance(alarm_minutes, bool):
        raise InvalidTypeError(
            "alarm_minutes", alarm_minutes, "a whole number of minutes (int)"
        )
    if not 0 <= alarm_minutes <= LONGEST_ALARM:
        # A negative one would ring after the item starts.
        raise InvalidValueError(
            "alarm_minutes",
            alarm_minutes,
            f"is not from 0 to {LONGEST_ALARM} (a week) minutes before the item",
        )


def _plan(plan: object, field: str) -> FollowUpPlan:
    return instance_of(plan, FollowUpPlan, field, "a FollowUpPlan")


def _items(
    plan: FollowUpPlan, *, todos: bool, alarm_minutes: int
) -> list[icalendar.Component]:
    stamp = utc(plan.as_of)
    sequence = sequence_of(plan)
    unplaced = [
        f for f in plan.findings if f.step is None and f.severity.value != "info"
    ]
    # The findings about each step, gathered in one pass: looking for them
    # step by step compared every step with every finding, and a plan of a
    # few thousand of each took minutes.  Equal steps hash alike, so a step
    # finds the findings about any step equal to it, in the plan's order.
    by_step: dict[Step, list[Finding]] = {}
    for finding in plan.findings:
        if finding.step is not None:
            by_step.setdefault(finding.step, []).append(finding)
    items: list[icalendar.Component] = []
    for step in plan.steps:
        about = by_step.get(step, [])
        if not items:
            # What concerns the whole plan goes with its first item, the next
            # thing to do, where it is read.
            about = [*unplaced, *about]
        as_event = step.kind in _CALLS or not todos
        item = icalendar.Event() if as_event else icalendar.Todo()
        item.add("uid", step_uid(plan.interview, step))
        item.add("dtstamp", stamp)
        item.add("sequence", sequence)
        item.add("summary", _Text(_summary(plan.interview, step)))
        item.add("description", _Text(_description(step, about)))
        item.add("categories", ["Job search", step.kind.value])
        start = _calendar_time(step.due)
        # RFC 5545 wants DTEND and DUE later than DTSTART: the event keeps its
        # start, the to-do its deadline (see the module's docstring).
        if as_event:
            end = _calendar_time(_end(step))
            item.add("dtstart", start)
            if instant_key(start) < instant_key(end):
                item.add("dtend", end)
        else:
            due = _calendar_time(step.window.end)
            if instant_key(start) < instant_key(due):
                item.add("dtstart", start)
            item.add("due", due)
        phone = plan.interview.interviewer.phone if plan.interview.interviewer else None
        if step.channel is Channel.PHONE and phone:
            item.add("location", phone)
        alarm = _alarm(
            step, plan.interview, alarm_minutes, at_end="dtstart" not in item
        )
        item.add_component(alarm)
        items.append(item)
    return items


def _alarm(
    step: Step, interview: Interview, minutes: int, *, at_end: bool
) -> icalendar.Alarm:
    # Alarm.new() sets neither ACTION nor TRIGGER, and readers do not notice
    # a missing TRIGGER: both are set here by hand.
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    # A trigger counts from DTSTART unless it says otherwise, and RFC 5545
    # wants the DTSTART there then: a to-do without one counts from its DUE.
    trigger = dt.timedelta(minutes=-minutes)
    if at_end:
        alarm.add("trigger", trigger, parameters={"RELATED": "END"})
    else:
        alarm.add("trigger", trigger)
    alarm.add("description", _Text(_summary(interview, step)))
    return alarm


def _calendar_time(moment: dt.datetime) -> dt.datetime:
    tz = moment.tzinfo
    exact = utc(moment).replace(microsecond=0)
    if isinstance(tz, pendulum.Timezone) and tz.name != "UTC":
        # A plain zoneinfo zone: written with its TZID, and a VTIMEZONE.
        local = exact.astimezone(zoneinfo.ZoneInfo(tz.name))
        if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
            # The second time the clocks show this wall time: a reader would
            # take the first (RFC 5545, 3.3.5), an hour off: UTC says it.
            return exact
        if icalendar.vDDDTypes(local).to_ical().endswith(b"Z"):
            # icalendar writes a zone it holds for UTC (Africa/Abidjan,
            # Atlantic/Reykjavik) as the wall time and a Z: an hour off in
            # Reykjavik before 1968.  The UTC time is the same text when right.
            return exact
        return local
    # UTC, or a fixed offset that no reader could resolve as a TZID.
    return exact


def _widen(spans: _Spans, items: Iterable[icalendar.Component]) -> None:
    """Widen the span of each TZID in `spans` to hold the times of `items`."""
    for item in items:
        for name in _TIMES:
            if name not in item:
                continue
            # The TZID written, which a VTIMEZONE must define: none for UTC.
            tzid = item[name].params.get("TZID")
            if tzid is None:
                continue
            # In UTC: two times of one zone compare as wall times, folds ignored.
            at = item.decoded(name).astimezone(_UTC)
            first, last = spans.get(tzid, (at, at))
            spans[tzid] = (min(first, at), max(last, at))


def _timezones(
    spans: Mapping[str, tuple[dt.datetime, dt.datetime]],
) -> list[icalendar.Timezone]:
    """A VTIMEZONE for each zone of `spans`, by name, each for its span."""
    return [_timezone(name, *spans[name]) for name in sorted(spans)]


def _timezone(name: str, first: dt.datetime, last: dt.datetime) -> icalendar.Timezone:
    """The VTIMEZONE of zone `name` around the times from `first` to `last`.

    It opens at the local midnight a day before `first`, with the offset in
    force then, and has one observance for every change of UTC offset until
    a day after `last` (see the module's docstring for why not icalendar's).
    """
    zone = zoneinfo.ZoneInfo(name)
    day = first.astimezone(zone).date() - _MARGIN
    opening = dt.datetime.combine(day, dt.time(), zone).astimezone(_UTC)
    closing = last + _MARGIN
    timezone = icalendar.Timezone()
    timezone.add("tzid", name)
    shown = closing.astimezone(zone).date()
    offset = _offset(opening, zone)
    first_observance = _observance(opening, zone, offset)
    # On the first observance: RFC 5545 allows COMMENT in STANDARD and
    # DAYLIGHT, not in the VTIMEZONE itself.
    first_observance.add(
        "comment", f"The offsets of {name} from {day} to {shown} only."
    )
    timezone.add_component(first_observance)
    for change in _changes(zone, opening, closing):
        timezone.add_component(_observance(change, zone, offset))
        offset = _offset(change, zone)
    return timezone


def _offset(at: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.timedelta:
    """The UTC offset of `zone` at the instant `at`."""
    offset = at.astimezone(zone).utcoffset()
    if offset is None:  # pragma: no cover - a ZoneInfo gives every instant one
        raise AssertionError
    return offset


def _changes(
    zone: zoneinfo.ZoneInfo, start: dt.datetime, end: dt.datetime
) -> Iterator[dt.datetime]:
    """The instants after `start`, up to `end`, at which `zone` changes offset.

    Each is the first second of the new offset.  `start` and `end` are UTC
    instants in whole seconds, as the offsets and their changes are.
    """
    moment, offset = start, _offset(start, zone)
    while moment < end:
        later = min(moment + _PROBE, end)
        if _offset(later, zone) == offset:
            moment = later
            continue
        # The offset at `low` is the old one, at `high` a new one: halve the
        # gap, in whole seconds, until they are one second apart.
        low, high = moment, later
        while high - low > _SECOND:
            half = int((high - low).total_seconds()) // 2
            middle = low + dt.timedelta(seconds=half)
            if _offset(middle, zone) == offset:
                low = middle
            else:
                high = middle
        yield high
        # On from the change, not from `later`: a second change within the
        # same look is found too.
        moment, offset = high, _offset(high, zone)


def _observance(
    at: dt.datetime, zone: zoneinfo.ZoneInfo, before: dt.timedelta
) -> icalendar.TimezoneStandard | icalendar.TimezoneDaylight:
    """The observance that starts at the instant `at`, after offset `before`.

    Its DTSTART is the wall time before the change, as RFC 5545 wants: the
    onset is that time read with TZOFFSETFROM.
    """
    local = at.astimezone(zone)
    # DAYLIGHT only for clocks ahead of the zone's standard time: a negative
    # daylight saving (Dublin's winter, Morocco's Ramadan) reads as standard
    # time to readers that take DAYLIGHT for summer.
    saving = local.dst()
    observance: icalendar.TimezoneStandard | icalendar.TimezoneDaylight = (
        icalendar.TimezoneDaylight()
        if saving is not None and saving > dt.timedelta()
        else icalendar.TimezoneStandard()
    )
    observance.add("dtstart", (at + before).replace(tzinfo=None))
    observance.add("tzoffsetfrom", before)
    after = _offset(at, zone)
    observance.add("tzoffsetto", after)
    # A ZoneInfo always names its offsets; the offset itself stands in else.
    observance.add("tzname", local.tzname() or icalendar.vUTCOffset(after).to_ical())
    return observance


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


def _description(step: Step, findings: Iterable[Finding] = ()) -> str:
    lines = [step.reason, ""]
    lines.extend(f"- {line}" for line in step.requirements.describe())
    notes = [_note(finding) for finding in findings]
    if notes:
        lines.extend(("", *notes))
    window, rules = provenance(step)
    lines.extend(("", f"Window: {window}", f"Rules: {rules}"))
    return "\n".join(lines)


def _note(finding: Finding) -> str:
    """``Warning (FU002): ... (expected ..., got ...)``: a finding for people.

    Either detail may come alone (a plugin's finding), as `Finding` writes it.
    """
    severity = finding.severity.value.capitalize()
    return f"{severity} ({finding.code}): {finding.message}{details(finding)}"


def _version() -> str:
    try:
        return metadata.version("followup")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "0"

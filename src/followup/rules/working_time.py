"""FU011: messages and calls land in the recipient's working time."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import TYPE_CHECKING, ClassVar, NoReturn, final

import attrs
from pendulum import FixedTimezone

from followup._calendar import (
    Closure,
    WorkingCalendar,
    closures,
    day_names,
    weekday_keys,
    weekdays,
)
from followup._plan import Finding, Step, own_finding
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import utc
from followup._vocabulary import Severity, StepKind
from followup.errors import FollowUpError, InvalidValueError
from followup.rules._params import boolean, check_order, clock_time, kinds
from followup.rules._shared import (
    days_off,
    days_off_in_words,
    keeps_agreed_time,
    when,
    window_closed,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup._days import Days
    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Entry, Sheet

__all__ = ["WorkingHoursParams", "WorkingTime"]

# A year and some: no sensible working week goes longer without a working day.
_SEARCH_DAYS = 400
_ONE_DAY = dt.timedelta(days=1)
#: Zone names that are a fixed offset and no place: docs/time.md says
#: EST, MST and HST are one offset all year.
_NO_PLACE = frozenset(
    {"UTC", "UCT", "GMT", "GMT0", "Greenwich", "Universal", "Zulu", "EST", "MST", "HST"}
)


#: How far past the interview a country's zones must keep the interview
#: zone's hours: the plan's steps fall within it, clock changes included.
_SPAN = dt.timedelta(days=21)


def _elsewhere(country: str, name: str, at: dt.datetime) -> tuple[str, ...]:
    """`country`'s zones when none keeps the hours of zone `name`; else ().

    An interviewer with a country and no zone is planned in the interview's
    zone.  One in New Zealand, interviewed on London's clock, would be
    phoned at 22:00 their time.  A zone of the country, or one with its
    offsets at `at` (UTC) and over the plan's span (Rome's for the Vatican),
    keeps its hours.
    """
    zones = _zones_of(country)
    if not zones or _canonical(name) in zones:
        return ()
    try:
        here = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ()
    moments = (at, at + _SPAN)
    hours = [moment.astimezone(here).utcoffset() for moment in moments]
    for other in zones:
        try:
            there = zoneinfo.ZoneInfo(other)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            # A zone the machine's database lacks: no word against it.
            return ()
        if [moment.astimezone(there).utcoffset() for moment in moments] == hours:
            return ()
    return zones


@functools.cache
def _zones_of(country: str) -> tuple[str, ...]:
    """The IANA zones of `country` (ISO 3166-1 alpha-2), as CLDR lists them."""
    # Here: babel's data, read once, only for an interviewer with a country
    # and no zone.
    from babel.core import get_global  # noqa: PLC0415

    listed = get_global("territory_zones").get(country, ())
    return tuple(_canonical(zone) for zone in listed)


@functools.cache  # a few hundred names at most: asked once a plan
def _canonical(name: str) -> str:
    """The zone `name` stands for (``US/Eastern``: ``America/New_York``)."""
    from babel.core import get_global  # noqa: PLC0415

    aliases = get_global("zone_aliases")
    for _ in range(3):  # an alias of an alias, at most
        name = aliases.get(name, name)
    return name


def _start(value: object) -> dt.time:
    return clock_time(value, "WorkingHoursParams.start")


def _end(value: object) -> dt.time:
    return clock_time(value, "WorkingHoursParams.end")


def _weekdays(values: object) -> tuple[int, ...] | None:
    return None if values is None else weekdays(values, "WorkingHoursParams.weekdays")


def _closed(values: object) -> tuple[Closure, ...]:
    return closures(values, "WorkingHoursParams.closed")


def _moves_on(code: str, own: str) -> bool:
    # A built-in rule other than this one, which moves windows of days
    # whole (FU010 to now, FU012 after another step, FU013 to a hold's end).
    # Asked of the built-in rules' steps alone: a window a plugin's rule
    # proposed (a half-hour slot) is the rule's, kept as long as it is.
    return code != own and code.startswith("FU")


@final
@attrs.frozen
class WorkingHoursParams:
    """The recipient's working week, and the days off in it.

    * `weekdays`: 0 = Monday .. 6 = Sunday, or ``"mon"`` .. ``"sun"``; by
      default (`None`) the week of the interviewer's country, whose weekend
      the ``holidays`` package knows (Friday and Saturday in Israel), and
      Monday to Friday when no country is known;
    * `start`, `end`: wall-clock times in the recipient's zone (09:00, 17:00);
    * `holidays`: skip the public holidays of the interviewer's country when
      the contact names one;
    * `closed`: days off beyond the week and the holidays, such as a company
      shutdown: dates, spans (``"2026-12-24/2027-01-01"``), or a mapping
      from either to a name the reasons use (``{"2026-12-24/2027-01-01":
      "the winter shutdown"}``); a span given twice under two names is
      refused;
    * `kinds`: the steps kept in working time: the follow-up, the call, the
      call-back and steps of a kind of one's own (the close of the call and
      the thank-you are tied to the interview itself, and an agreed
      call-back keeps its time).  The close of the call cannot be among
      them: it happens during the call, whenever that is.

    The week, the holidays and the closures are the recipient's working
    calendar for every rule of the set: the follow-up's business days
    (FU004) are counted on them too.
    """

    weekdays: tuple[int, ...] | None = attrs.field(
        default=None,
        converter=_weekdays,
        metadata={
            "default": "the country's week, else "
            '`["mon", "tue", "wed", "thu", "fri"]`',
            "written": weekday_keys,
        },
    )
    start: dt.time = attrs.field(default=dt.time(9), converter=_start)
    end: dt.time = attrs.field(default=dt.time(17), converter=_end)
    holidays: bool = attrs.field(default=True, validator=boolean)
    kinds: frozenset[StepKind] = attrs.field(
        default=frozenset(
            {StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK, StepKind.OTHER}
        ),
        converter=kinds,
    )
    closed: tuple[Closure, ...] = attrs.field(
        default=(), converter=_closed, metadata={"default": "`[]`"}
    )

    def __attrs_post_init__(self) -> None:
        check_order(self, "start", "end")
        if self.start == self.end:
            raise InvalidValueError(
                "WorkingHoursParams.end", self.end.isoformat(), "equals start"
            )
        if StepKind.CLOSE_CALL in self.kinds:
            # FU001 keeps it in the call's last minutes whenever the call is;
            # both rules would move it back and forth until planning gave up.
            raise InvalidValueError(
                "WorkingHoursParams.kinds",
                StepKind.CLOSE_CALL.value,
                "happens during the call, whenever it is: working time cannot move it",
            )

    def describe(self, week: Iterable[int] | None = None) -> str:
        """``Mon-Fri 09:00-17:00``, on `week` when the week is the country's."""
        days = week if self.weekdays is None else self.weekdays
        hours = f"{_clock(self.start)}-{_clock(self.end)}"
        if days is None:
            return f"{hours} on the recipient's working days"
        return f"{day_names(days)} {hours}"


def _clock(time: dt.time) -> str:
    # 09:00, as hours are written; the seconds only when there are some, so
    # that a finding never says 09:00 of hours that open at 09:00:30.
    if time.second or time.microsecond:
        return time.isoformat()
    return f"{time:%H:%M}"


@final
@works_on_sheet
@attrs.frozen
class WorkingTime:
    """Move follow-ups and calls into the recipient's working time.

    A window is narrowed to the working time it holds; a window that holds
    none rolls forward to the next working time, keeping its length and
    reaching at least the close of that working day, and the step's reason
    says so, naming any public holiday or closure that moved it.  Working
    days are the recipient's working calendar
    (`followup.WorkingCalendar`): the configured week, else the country's
    (Friday and Saturday off in Israel), less public holidays from the
    ``holidays`` package and the closures given.  Not from the advice
    itself: a refinement that any recruiter would expect.  It acts in the
    place phase, on every step of its `kinds` whoever proposed it.
    """

    code: ClassVar[str] = "FU011"
    name: ClassVar[str] = "working-time"
    summary: ClassVar[str] = (
        "Keep follow-ups and calls in the recipient's working hours, skipping "
        "weekends and public holidays."
    )
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: WorkingHoursParams = attrs.field(factory=WorkingHoursParams)

    @property
    def calendar(self) -> WorkingCalendar:
        """The recipient's working calendar these parameters describe.

        A rule set takes it for every rule (`RuleSet.calendar`), so that the
        follow-up's business days fall on this week too.
        """
        params = self.params
        return WorkingCalendar(params.weekdays, params.holidays, params.closed)

    def plan(self, draft: Draft) -> Draft:
        """Narrow or roll each step's window into working time."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        kinds = self.params.kinds
        for entry in sheet.steps:
            if not entry.agreed and entry.kind in kinds:
                self._into_working_time(sheet, entry)
        contact = sheet.facts.interview.interviewer
        # Most plans stop here: an interviewer with no country, or a zone.
        if (
            contact is not None
            and contact.country is not None
            and contact.timezone is None
        ):
            unplaced = self._unplaced(sheet.facts)
            if unplaced is not None and all(
                found != unplaced for found, _ in sheet.findings
            ):
                sheet.note(unplaced)

    def _unplaced(self, facts: Facts) -> Finding | None:
        """A warning when working time is counted at no place's zone.

        An interviewer with a country but no zone has the interview's zone
        as theirs; a timestamp a program wrote ("…Z", "+00:00") makes that
        UTC, and every step lands at 09:00 UTC, 04:00 in New York, with no
        daylight-saving change followed.  Only with a country: an offset
        with no one named to be elsewhere is taken as the user gave it.
        """
        contact = facts.interview.interviewer
        if contact is None or contact.country is None or contact.timezone is not None:
            return None
        # Once the company has decided nothing is left to place, as FU002
        # then asks for no details.
        if facts.decision is not None:
            return None
        name = getattr(facts.zone, "name", "")
        country = contact.country
        if (
            type(facts.zone) is FixedTimezone
            or name in _NO_PLACE
            or name.startswith("Etc/")
        ):
            kept = "a fixed offset that follows no daylight-saving change"
            example = "America/New_York say"
        else:
            zones = _elsewhere(country, name, utc(facts.interview.at))
            if not zones:
                return None
            if len(zones) <= 3:
                theirs = f"{country}'s ({', '.join(zones)})"
                example = f"{zones[0]} say"
            else:
                theirs = f"any of {country}'s {len(zones)} zones"
                example = f"one of those {len(zones)}"
            kept = f"which keeps other hours than {theirs}"
        return facts.derived(
            (self.code, "unplaced"),
            lambda: Finding(
                self.code,
                Severity.WARNING,
                f"the interviewer (in {country}) has no time zone: working time "
                f"is counted in the interview's, {name}, {kept}",
                expected=f"the interviewer's IANA time zone, {example}",
                actual=name,
            ),
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a step due outside working time, and working time at no place's zone."""
        unplaced = self._unplaced(facts)
        if unplaced is not None:
            yield unplaced
        for step in steps:
            # The history says what was agreed, not the step's flag.
            if step.kind not in self.params.kinds or keeps_agreed_time(facts, step):
                continue
            due = facts.local(step.due)
            if not self.is_working(facts, due):
                day = due.date()
                # The week of that day: a country's may differ from the
                # interview's (the Emirates' before and after 2022).
                expected = self.params.describe(facts.days.week(day))
                off = days_off(facts, day, day)
                if off:
                    # Thursday 10:00 fits "Mon-Fri 09:00-17:00": the day off
                    # is what is wrong, and it is said.
                    expected = f"{expected}, but not {days_off_in_words(off)}"
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    f"the {step.label} is due outside the recipient's working time",
                    step=step,
                    expected=expected,
                    actual=when(due),
                )

    def is_working_day(self, facts: Facts, day: dt.date) -> bool:
        """A day of the recipient's working calendar: see `Facts.is_business_day`."""
        return facts.is_business_day(day)

    def is_working(self, facts: Facts, moment: dt.datetime) -> bool:
        """Whether `moment` lies in the recipient's working time."""
        day = facts.local(moment).date()
        if not self.is_working_day(facts, day):
            return False
        params = self.params
        opens, closes = facts.days.hours(day, params.start, params.end)
        return opens <= utc(moment) <= closes

    # The searches work on UTC datetimes, which compare as instants (a
    # shared zone would compare wall clocks), and ask the shared days
    # directly: placing a step runs them three times, for every step of
    # every plan.

    def _next(self, days: Days, at: dt.datetime) -> dt.datetime | None:
        # `at` in UTC; None: no working time within `_SEARCH_DAYS` days.
        opening, closing = self.params.start, self.params.end
        day = at.astimezone(days.zone).date()
        for _ in range(_SEARCH_DAYS):
            if days.is_business(day):
                opens, closes = days.hours(day, opening, closing)
                # Hours that a clock change cuts to nothing (the opening in
                # a gap, read after it, past the close) are no working time.
                if at <= closes and opens <= closes:
                    return max(at, opens)
            day += _ONE_DAY
        return None

    def _last(self, days: Days, at: dt.datetime) -> dt.datetime | None:
        opening, closing = self.params.start, self.params.end
        day = at.astimezone(days.zone).date()
        for _ in range(_SEARCH_DAYS):
            if days.is_business(day):
                opens, closes = days.hours(day, opening, closing)
                if at >= opens and opens <= closes:
                    return min(at, closes)
            day -= _ONE_DAY
        return None

    def _moved_whole(self, entry: Entry) -> bool:
        # A built-in rule's step whose window another built-in rule moved
        # whole (`_moves_on`).  Most windows: moved by none but this rule, or
        # by none at all.
        movers = entry.adjusted_by
        return (
            bool(movers)
            and movers != (self.code,)
            and entry.rule.startswith("FU")
            and any(_moves_on(code, self.code) for code in movers)
        )

    def _closing(self, days: Days, start: dt.datetime) -> dt.datetime:
        # The close of working hours on the day `start` (UTC) falls on.
        params = self.params
        day = start.astimezone(days.zone).date()
        return days.hours(day, params.start, params.end)[1]

    def _into_working_time(self, sheet: Sheet, entry: Entry) -> None:
        # An entry's times are in UTC already: the searches take them as
        # they are.
        facts = sheet.facts
        days = facts.days
        first, last = entry.start, entry.end
        start = self._next(days, first) or self._none(facts, first)
        why = None
        if start > last:
            # No working time in the window: roll it forward, keeping its
            # length, and to the close of the day it lands on at least.  A
            # late plan leaves slivers (a window open for the last minutes
            # of a day when the plan is made, moved whole by FU012): rolled
            # as they are, a follow-up could be sent from 09:00 to 09:28.
            rolled = start + (last - first)
            end = self._last(days, rolled) or self._none(facts, rolled)
            end = max(end, self._closing(days, start))
            if self._moved_whole(entry):
                # Run to the close of the day it ends on, as below: rolled
                # to a minute short of it (a window of days ends a moment
                # before midnight), a second look would stretch it there.
                end = max(end, self._closing(days, end))
            if any(code != self.code for code in entry.adjusted_by):
                # Another rule moved the window here and said why; the hours
                # it landed on are that move's, not the step's own.
                why = f"Moved to {when(facts.local(start))}, the next working time."
            else:
                before = f"{when(facts.local(first))} to {when(facts.local(last))}"
                why = (
                    f"Moved to {when(facts.local(start))}: its window ({before}) "
                    "held no working time."
                )
            if (
                first == facts.now_utc
                and not entry.agreed
                and not sheet.noted_about(entry)
            ):
                # What was left of the window at now (FU010 cut off the rest,
                # or a hold now over put it there) is after hours: the step
                # goes out after its window closes, late as surely as one
                # FU010 moves.  A step a rule has spoken of already (FU010's
                # late one, a call-back whose agreed time passed) has its
                # warning.
                sheet.note(
                    own_finding(
                        self.code,
                        Severity.WARNING,
                        f"the {entry.label} is late: no working time was left "
                        "in its window; better late than never",
                        expected=f"by {window_closed(facts, first, last)}",
                        actual=f"from {when(facts.local(start))}",
                    ),
                    about=entry,
                )
        else:
            end = self._last(days, last) or self._none(facts, last)
            if self._moved_whole(entry):
                if start > first and end < self._closing(days, start):
                    # Another rule moved the window whole to where it opens
                    # before the working day and closes within it: a late
                    # plan's sliver again, which would leave 09:00 to 09:54
                    # where a sliver over by the opening gets the day (above).
                    why = f"Moved to {when(facts.local(start))}, the next working time."
                # A window another rule moved whole keeps its length, and
                # ends at whatever time of day the move left it: from `now`,
                # for a late step (09:59 planned at 10:00, 15:41 at 15:42).
                # That is no deadline of the advice's: as a window of days
                # does, it runs to the close of the working day it ends on,
                # and a late plan is the same whenever on its day it is made.
                end = max(end, self._closing(days, end))
        wanted = entry.due
        # Most steps are due when their window opens: the search from there
        # is the one made for the start.
        due = (
            start
            if wanted == first
            else self._next(days, wanted) or self._none(facts, wanted)
        )
        if due > end:
            due = start
        if why is None and start == first and end == last and due == wanted:
            return
        zone = days.zone
        # Only a calendar with days off (holidays, closures) can pass one:
        # `days_off` says none, and the days need not be worked out.
        passed = (
            days_off(
                facts,
                wanted.astimezone(zone).date(),
                due.astimezone(zone).date() - _ONE_DAY,
            )
            if days.off
            else []
        )
        if passed:
            # A holiday or a closure is no weekend: say which one moved the step.
            note = f"Moved past {days_off_in_words(passed)}."
            why = note if why is None else f"{why} {note}"
        sheet.move(entry, start=start, end=end, due=due, by=self.code, why=why)

    def _none(self, facts: Facts, moment: dt.datetime) -> NoReturn:
        # A search that found no working time (a calendar closed for weeks).
        calendar = facts.calendar
        raise FollowUpError(
            f"{self.code} {self.name}: no working time within {_SEARCH_DAYS} days "
            f"of {moment.isoformat()} "
            f"({self.params.describe(facts.days.week(facts.local(moment).date()))}, "
            f"holidays {'on' if calendar.holidays else 'off'}, "
            f"{len(calendar.closed)} closures)"
        )

"""The recipient's days, worked out once and shared by every plan on the same calendar.

Planning asks the same questions about days over and over: where a day
starts and ends, whether the recipient works on it, which day comes so
many business days later, when its working hours open and close.  The
answers depend only on the recipient's zone, the working calendar and the
interviewer's country, so one `Days` per such calendar keeps them for
every plan that shares it, in plain dictionaries: a tracker's interviews
sit in a few zones and weeks, and most answers are found, not worked out.

Each dictionary holds at most `MOST_DAYS` answers and starts afresh when
full; at most `MOST_CALENDARS` calendars are kept.  So memory stays flat
whatever is planned.
"""

from __future__ import annotations

import datetime as dt
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar, final

import pendulum

from followup._time import (
    Zone,
    at_wall_time,
    describe_instant,
    end_of_day,
    start_of_day,
    to_pendulum,
    utc,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Mapping

    from followup._calendar import WorkingCalendar

__all__ = [
    "HOLIDAY_LANGUAGE",
    "MOST_CALENDARS",
    "MOST_DAYS",
    "Days",
    "country_week",
    "days_of",
    "public_holidays",
]

#: The language holidays are named in: that of the reasons they appear in.  A
#: country whose holidays the package cannot name in it keeps their own names.
HOLIDAY_LANGUAGE: Final = "en_US"

#: Answers of one kind a calendar keeps (nearly three years of days).
MOST_DAYS: Final = 1024
#: Calendars kept: zones, working calendars and countries in one process.
MOST_CALENDARS: Final = 64

K = TypeVar("K")
V = TypeVar("V")
_ONE_DAY = dt.timedelta(days=1)


@functools.lru_cache(maxsize=1024)
def public_holidays(
    country: str, subdivision: str | None, year: int
) -> Mapping[dt.date, str]:
    """Return the public holidays of a country (and subdivision) in one year, named.

    Cached per year: the first country costs 30-60 ms (importing the package),
    each other one or each other year a few ms (its module alone, see
    `followup._country_calendars`), and a look-up after that is a set
    membership test.  Years the ``holidays`` package has
    no data for hold no holidays (it would only warn).
    """
    return _country_year(country, subdivision, year)[0]


def country_week(
    country: str, subdivision: str | None, year: int
) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """The days of `year` the country's weekend takes, and the weekend days it works.

    Both as the ``holidays`` package has them: the weekend of each date (the
    United Arab Emirates moved theirs in 2022, Saudi Arabia in 2013), and
    the weekend days a country works to make up for a holiday it bridges
    (China works Saturday 10 October 2026 after its National Day week).
    """
    _, weekend, workdays = _country_year(country, subdivision, year)
    return weekend, workdays


@functools.lru_cache(maxsize=1024)
def _country_year(
    country: str, subdivision: str | None, year: int
) -> tuple[Mapping[dt.date, str], frozenset[dt.date], frozenset[dt.date]]:
    # Looked up when called, so that a test can stand in for the package.
    from followup import _country_calendars  # noqa: PLC0415

    first = dt.date(year, 1, 1)
    dates = [
        first + dt.timedelta(days=n)
        for n in range((dt.date(year + 1, 1, 1) - first).days)
    ]
    with _country_calendars.without_range_warnings():
        # In English, whatever the machine's locale: left to itself the
        # package names holidays in the language LANG or LANGUAGE asks for,
        # and a plan's reasons would read differently from machine to machine.
        calendar = _country_calendars.country_holidays(
            country, subdiv=subdivision, years=year, language=HOLIDAY_LANGUAGE
        )
        # Read-only: the cache hands the same mapping to every caller.
        named = MappingProxyType(dict(calendar.items()))
        weekend = frozenset(day for day in dates if calendar.is_weekend(day))
        # The package keeps every year's in one set.
        workdays = frozenset(
            day for day in calendar.weekend_workdays if day.year == year
        )
    if len(weekend) == len(dates):
        # A weekend that leaves no working day is not believed, as in
        # `country_weekend`: Saturday and Sunday instead.
        weekend = frozenset(day for day in dates if day.weekday() >= 5)
    return named, weekend, workdays


_NOT_YET: Final = object()


def _kept(answers: dict[K, V], key: K, value: V) -> V:
    if len(answers) >= MOST_DAYS:
        answers.clear()
    answers[key] = value
    return value


@final
class Days:
    """The days of one recipient's calendar: their starts, working days and hours.

    Build one with `days_of`, which shares it.  Days are dates on the
    recipient's calendar; instants are stdlib datetimes (`start` and `end`
    in `zone`, `hours` in UTC).
    """

    __slots__ = (
        "_after",
        "_business",
        "_dated",
        "_described",
        "_ends",
        "_hours",
        "_remembered",
        "_shown",
        "_starts",
        "_weeks",
        "_works",
        "calendar",
        "country",
        "off",
        "subdivision",
        "weekdays",
        "zone",
    )

    def __init__(
        self,
        zone: Zone,
        calendar: WorkingCalendar,
        country: str | None,
        subdivision: str | None,
    ) -> None:
        self.zone = zone
        self.calendar = calendar
        self.country = country
        self.subdivision = subdivision
        #: The weekdays the week works: the calendar's, else the country's.
        self.weekdays = calendar.week(country, subdivision)
        #: Whether any day can be off beyond the weekend: without closures,
        #: and with no holidays to skip, a business day is a working weekday.
        self.off = bool(calendar.closed) or (calendar.holidays and country is not None)
        # The country whose week is read date by date (`country_week`), if
        # the week is a country's: a week of one's own is the same every week.
        self._dated = country if calendar.weekdays is None else None
        self._starts: dict[dt.date, dt.datetime] = {}
        self._ends: dict[dt.date, dt.datetime] = {}
        self._business: dict[dt.date, bool] = {}
        self._works: dict[dt.date, bool] = {}
        self._weeks: dict[dt.date, frozenset[int]] = {}
        self._after: dict[tuple[dt.date, int], dt.date] = {}
        self._hours: dict[
            tuple[dt.date, dt.time, dt.time], tuple[dt.datetime, dt.datetime]
        ] = {}
        self._shown: dict[dt.datetime, pendulum.DateTime] = {}
        self._described: dict[dt.datetime, str] = {}
        self._remembered: dict[Hashable, object] = {}

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day` in the country, if any."""
        if self.country is None:
            return None
        return public_holidays(self.country, self.subdivision, day.year).get(day)

    def day_off(self, day: dt.date) -> str | None:
        """What keeps the recipient from work on `day`, beyond the weekend.

        The public holiday's name (when the calendar skips holidays) or the
        closure's; `None` on a working day and on a plain weekend day.
        """
        if self.calendar.holidays:
            name = self.holiday(day)
            if name is not None:
                return name
        return self.calendar.closure(day)

    def works(self, day: dt.date) -> bool:
        """Whether `day` is a working day of the recipient's week, days off aside.

        A week of one's own (`WorkingCalendar.weekdays`) is the same every
        week.  The country's is its weekend on that date; and a weekend day
        the country works to make up for a bridged holiday is a working day
        when the calendar skips holidays, as the two come together.
        """
        country = self._dated
        if country is None:
            return day.weekday() in self.weekdays
        found = self._works.get(day)
        if found is None:
            weekend, workdays = country_week(country, self.subdivision, day.year)
            found = _kept(
                self._works,
                day,
                day not in weekend or (self.calendar.holidays and day in workdays),
            )
        return found

    def week(self, day: dt.date) -> frozenset[int]:
        """The weekdays the recipient's week works in the week of `day`.

        `weekdays`, but for a country's week: the days its weekend leaves in
        the week (Monday to Sunday) of `day`, as a subdivision of its own
        (Kedah, in Malaysia) or that year (the Emirates before 2022) has
        it.  What a message names as the week; the weekend days a country
        works to make up for a holiday do not change it.
        """
        country = self._dated
        if country is None:
            return self.weekdays
        monday = day - dt.timedelta(days=day.weekday())
        found = self._weeks.get(monday)
        if found is None:
            week = [monday + dt.timedelta(days=n) for n in range(7)]
            found = _kept(
                self._weeks,
                monday,
                frozenset(
                    each.weekday()
                    for each in week
                    if each not in country_week(country, self.subdivision, each.year)[0]
                ),
            )
        return found

    def is_business(self, day: dt.date) -> bool:
        """Whether the recipient works on `day`: a working day, no day off."""
        if not self.off and self._dated is None:
            return day.weekday() in self.weekdays
        found = self._business.get(day)
        if found is None:
            found = _kept(
                self._business,
                day,
                self.works(day) and self.day_off(day) is None,
            )
        return found

    def after(self, day: dt.date, count: int) -> dt.date:
        """The day `count` business days after `day`."""
        key = (day, count)
        found = self._after.get(key)
        if found is None:
            found = day
            remaining = count
            while remaining > 0:
                found += _ONE_DAY
                if self.is_business(found):
                    remaining -= 1
            _kept(self._after, key, found)
        return found

    def remembered(self, key: Hashable, make: Callable[[], V]) -> V:
        """What `make` gives for `key`, worked out once for these days.

        For what a rule words from the days alone ("Thanksgiving Day on Thu 26
        Nov is no business day there"), which many plans of one recipient's
        calendar ask again: `key` names the question and its days.
        """
        found = self._remembered.get(key, _NOT_YET)
        if found is _NOT_YET:
            found = _kept(self._remembered, key, make())
        return found  # type: ignore[return-value]

    def start(self, day: dt.date) -> dt.datetime:
        """The first instant of `day`, in the recipient's zone."""
        found = self._starts.get(day)
        if found is None:
            found = _kept(self._starts, day, start_of_day(day, self.zone))
        return found

    def end(self, day: dt.date) -> dt.datetime:
        """The last microsecond of `day`, in the recipient's zone."""
        found = self._ends.get(day)
        if found is None:
            found = _kept(self._ends, day, end_of_day(day, self.zone))
        return found

    def hours(
        self, day: dt.date, opens: dt.time, closes: dt.time
    ) -> tuple[dt.datetime, dt.datetime]:
        """When hours from `opens` to `closes` begin and end on `day`, in UTC."""
        key = (day, opens, closes)
        found = self._hours.get(key)
        if found is None:
            found = _kept(
                self._hours,
                key,
                (
                    utc(at_wall_time(day, opens, self.zone)),
                    utc(at_wall_time(day, closes, self.zone)),
                ),
            )
        return found

    def shown(self, moment: dt.datetime) -> pendulum.DateTime:
        """The public value of `moment` (a stdlib datetime in UTC) in the zone.

        Steps of many plans open and close on the same working hours: the
        value is made once and shared, as any immutable value may be.
        """
        found = self._shown.get(moment)
        if found is None:
            found = _kept(
                self._shown, moment, to_pendulum(moment.astimezone(self.zone))
            )
        return found

    def described(self, moment: dt.datetime) -> str:
        """`moment` (a stdlib datetime in UTC) in words, in the zone.

        As `describe_instant` writes it.  A late step's window closes at the
        end of a day, and every plan late on that day says so.
        """
        found = self._described.get(moment)
        if found is None:
            found = _kept(
                self._described, moment, describe_instant(moment.astimezone(self.zone))
            )
        return found


_CALENDARS: dict[Hashable, Days] = {}


def days_of(
    zone: Zone, calendar: WorkingCalendar, country: str | None, subdivision: str | None
) -> Days:
    """The shared `Days` of a recipient in `zone` on `calendar` in `country`."""
    # A named zone by its name: a string hashes in C, a pendulum zone in
    # Python.  A fixed offset by the offset and its name: offsets compare
    # equal whatever they are called, and the plan's steps show the name.
    where = zone.key if isinstance(zone, pendulum.Timezone) else (zone, zone.name)
    key = (where, calendar, country, subdivision)
    found = _CALENDARS.get(key)
    if found is None:
        if len(_CALENDARS) >= MOST_CALENDARS:
            _CALENDARS.clear()
        found = _CALENDARS[key] = Days(zone, calendar, country, subdivision)
    return found

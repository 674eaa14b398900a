"""The recipient's working calendar: a working week, public holidays, closures.

One calendar serves every rule of a plan: the business days the follow-up
is counted in (FU004) and the working time calls and letters land in
(FU011) come from the same week, the same holidays and the same closures.
The working week is the one configured (FU011's ``weekdays``), else the
country's own weekend from the ``holidays`` package (Friday and Saturday in
Israel), else Monday to Friday.

>>> calendar = WorkingCalendar(weekdays=("sun", "mon", "tue", "wed", "thu"),
...                            closed={"2026-12-24/2027-01-01": "winter shutdown"})
>>> calendar.weekdays
(0, 1, 2, 3, 6)
>>> calendar.closure(dt.date(2026, 12, 28))
'winter shutdown'
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Mapping
from typing import Any, final

import attrs

from followup._fields import without_controls
from followup._time import WEEKDAY_NAMES, calendar_date
from followup.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "UNNAMED",
    "Closure",
    "WorkingCalendar",
    "closures",
    "country_weekend",
    "day_names",
    "weekday_keys",
    "weekdays",
]

_DAY_NAMES = tuple(name[:3] for name in WEEKDAY_NAMES)
# A closure is a shutdown, not a sabbatical: a year at most, so that a slip
# of the pen ("2026-12-24/2062-01-01") is caught, not planned around.
#: What the reasons call a closure given without a name.
UNNAMED = "a closure"
_LONGEST_CLOSURE = dt.timedelta(days=366)
_MOST_CLOSURES = 100


def day_names(days: Iterable[int]) -> str:
    """``Mon-Fri``, ``Sun-Thu`` or ``Mon,Wed,Fri``: a working week in words."""
    order = _week_order(days)
    if len(order) == 7:
        return "Mon-Sun"
    if len(order) > 1 and all((b - a) % 7 == 1 for a, b in itertools.pairwise(order)):
        return f"{_DAY_NAMES[order[0]]}-{_DAY_NAMES[order[-1]]}"
    return ",".join(_DAY_NAMES[day] for day in order)


def weekday_keys(days: Iterable[int] | None) -> list[str] | None:
    """A working week as a rule file writes it: ``["sun", "mon", "tue"]``.

    In the order of `day_names`, which `weekdays` reads back as the same days.
    """
    return (
        None if days is None else [_DAY_NAMES[day].lower() for day in _week_order(days)]
    )


def _week_order(days: Iterable[int]) -> list[int]:
    # A week that wraps past Sunday (Sunday to Thursday) reads from its
    # first day after a day off; any other, from Monday.
    ordered = sorted(set(days))
    if len(ordered) == 7:
        return ordered
    start = next(day for day in ordered if (day - 1) % 7 not in ordered)
    run = [(start + offset) % 7 for offset in range(len(ordered))]
    return run if sorted(run) == ordered else ordered


def weekdays(values: object, field: str) -> tuple[int, ...]:
    """Convert ``["sun", "mon"]`` or ``[6, 0]`` into sorted weekday numbers."""
    if isinstance(values, (int, str)):
        values = (values,)
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise InvalidTypeError(field, values, "a list of weekdays")
    days: set[int] = set()
    for value in values:
        if isinstance(value, str) and (named := _weekday_named(value)) is not None:
            days.add(named)
        elif isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
            days.add(value)
        else:
            raise InvalidValueError(
                field,
                value,
                "is not a weekday (0 = Monday .. 6 = Sunday, or 'mon' .. 'sun')",
            )
    if not days:
        raise InvalidValueError(field, (), "holds no day: nothing could be planned")
    return tuple(sorted(days))


def _weekday_named(text: str) -> int | None:
    # "mon", "Tues", "thursday": the start of a day's English name, three
    # letters at least.  "Mon-Fri" (as `day_names` writes a week) or
    # "monkey" names no day: read by its first three letters, it would
    # silently be Monday alone.
    word = text.casefold()
    if len(word) < 3:
        return None
    return next(
        (
            day
            for day, name in enumerate(WEEKDAY_NAMES)
            if name.casefold().startswith(word)
        ),
        None,
    )


def _calendar_weekdays(values: object) -> tuple[int, ...] | None:
    return None if values is None else weekdays(values, "WorkingCalendar.weekdays")


def _first_day(value: object) -> dt.date:
    return calendar_date(value, "Closure.first")


def _last_day(value: object) -> dt.date:
    return calendar_date(value, "Closure.last")


def _closure_name(value: object, field: str = "Closure.name") -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise InvalidValueError(field, value, "is not a one-line name for a closure")
    # The name goes into the reasons of the steps it moves, which refuse a
    # control character: refused here, it is the setting's mistake, not a
    # failure of the rule that writes the reason.
    return without_controls(" ".join(value.split()), field)


@final
@attrs.frozen
class Closure:
    """Days the recipient does not work though the week says they do.

    A company shutdown between Christmas and New Year, say: from `first` to
    `last`, both included, named in the reason of a step it moves.
    """

    first: dt.date = attrs.field(converter=_first_day)
    last: dt.date = attrs.field(converter=_last_day)
    name: str = attrs.field(default=UNNAMED, converter=_closure_name)

    def __attrs_post_init__(self) -> None:
        # Checked as a setting's closures are (`_checked`), so that one made
        # by hand or read from JSON is whole before a calendar holds it.
        if self.last < self.first:
            raise InvalidValueError("Closure.last", str(self), "ends before it begins")
        if self.last - self.first >= _LONGEST_CLOSURE:
            raise InvalidValueError("Closure.last", str(self), "is longer than a year")

    def __str__(self) -> str:
        """``2026-12-24/2027-01-01``, or one date for one day."""
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


def _closure(value: object, name: object, field: str) -> Closure:
    if isinstance(value, Closure):
        # One made by hand meets the checks its text would meet.
        first_day = calendar_date(value.first, field)
        last_day = calendar_date(value.last, field)
        shown = str(Closure(first_day, last_day))
        return _checked(first_day, last_day, value.name, shown, field)
    if isinstance(value, str) and "/" in value:
        first, _, last = value.partition("/")
        if not first.strip() or not last.strip():
            # Either day alone would be reported as '', not as what was given.
            raise InvalidValueError(
                field, value, "is not a span of days (YYYY-MM-DD/YYYY-MM-DD)"
            )
        span: tuple[object, object] = (first, last)
    elif isinstance(value, (list, tuple)) and len(value) == 2:
        span = (value[0], value[1])
    else:
        span = (value, value)
    first_day = calendar_date(span[0], field)
    last_day = calendar_date(span[1], field)
    return _checked(first_day, last_day, name, str(value), field)


def _checked(
    first_day: dt.date, last_day: dt.date, name: object, shown: str, field: str
) -> Closure:
    if last_day < first_day:
        raise InvalidValueError(field, shown, "ends before it begins")
    if last_day - first_day >= _LONGEST_CLOSURE:
        raise InvalidValueError(field, shown, "is longer than a year")
    return Closure(first_day, last_day, _closure_name(name, field))


def closures(values: object, field: str) -> tuple[Closure, ...]:
    """Convert dates, spans or a mapping of them to names into closures."""
    if isinstance(values, Mapping):
        pairs: list[tuple[object, object]] = list(values.items())
    elif isinstance(values, (str, dt.date, Closure)):
        pairs = [(values, UNNAMED)]
    elif isinstance(values, (list, tuple, set, frozenset)):
        pairs = [(value, UNNAMED) for value in values]
    else:
        raise InvalidTypeError(
            field, values, "a list of dates or spans ('2026-12-24/2027-01-01')"
        )
    if len(pairs) > _MOST_CLOSURES:
        raise InvalidValueError(
            field, len(pairs), f"holds more than {_MOST_CLOSURES} closures"
        )
    found = sorted(
        (_closure(value, name, field) for value, name in pairs),
        key=lambda closure: (closure.first, closure.last, closure.name),
    )
    # One span under two names ("2026-12-24" and "2026-12-24/2026-12-24")
    # leaves the reasons to pick one, and no rule file could hold both.
    names: dict[tuple[dt.date, dt.date], str] = {}
    for closure in found:
        named = names.setdefault((closure.first, closure.last), closure.name)
        if named != closure.name:
            raise InvalidValueError(
                field,
                str(closure),
                f"is closed twice, as {named!r} and as {closure.name!r}: give "
                "it one name",
            )
    # The same closure given twice is one closure.
    return tuple(dict.fromkeys(found))


def _calendar_closed(values: object) -> tuple[Closure, ...]:
    return closures(values, "WorkingCalendar.closed")


def _closed_days(closures: tuple[Closure, ...]) -> Mapping[dt.date, str]:
    days: dict[dt.date, str] = {}
    for closure in closures:
        day = closure.first
        while day <= closure.last:
            # Where closures overlap, the first named wins: it reads best.
            days.setdefault(day, closure.name)
            day += dt.timedelta(days=1)
    return days


@final
@attrs.frozen
class WorkingCalendar:
    """When the recipient works: a week, public holidays and closures.

    * `weekdays`: the working days of the week, 0 = Monday .. 6 = Sunday
      (or ``"mon"`` .. ``"sun"``); `None`, the default, takes the week of
      the interviewer's country (its weekend from the ``holidays`` package),
      or Monday to Friday when no country is known;
    * `holidays`: skip the public holidays of the interviewer's country;
    * `closed`: days off beyond the week and the holidays (a company
      shutdown): dates, spans such as ``"2026-12-24/2027-01-01"``, or a
      mapping from either to a name for the reasons.
    """

    weekdays: tuple[int, ...] | None = attrs.field(
        default=None, converter=_calendar_weekdays
    )
    holidays: bool = attrs.field(default=True)
    closed: tuple[Closure, ...] = attrs.field(default=(), converter=_calendar_closed)
    _closed_days: Mapping[dt.date, str] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.holidays, bool):
            raise InvalidTypeError(
                "WorkingCalendar.holidays", self.holidays, "true or false"
            )
        object.__setattr__(self, "_closed_days", _closed_days(self.closed))

    def closure(self, day: dt.date) -> str | None:
        """The name of the closure `day` falls in, if any."""
        return self._closed_days.get(day)

    def week(self, country: str | None, subdivision: str | None) -> frozenset[int]:
        """The working weekdays: as configured, else the country's, else Mon-Fri."""
        if self.weekdays is not None:
            return frozenset(self.weekdays)
        if country is None:
            return _MONDAY_TO_FRIDAY
        return frozenset(range(7)) - country_weekend(country, subdivision)


_MONDAY_TO_FRIDAY = frozenset(range(5))


@functools.lru_cache(maxsize=256)
def country_weekend(country: str, subdivision: str | None) -> frozenset[int]:
    """The weekend of a country (and subdivision), as the ``holidays`` package has it.

    A weekend that would leave no working day is not believed: Monday to
    Friday is used instead.
    """
    # Looked up when called, so that a test can stand in for the package.
    from followup import _country_calendars  # noqa: PLC0415

    with _country_calendars.without_range_warnings():
        calendar: Any = _country_calendars.country_holidays(country, subdiv=subdivision)
    weekend = frozenset(int(day) for day in calendar.weekend)
    if len(weekend) >= 7 or not weekend <= frozenset(range(7)):
        return frozenset(range(5, 7))
    return weekend

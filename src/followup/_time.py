"""Instants, zones and durations: coercion at the boundary, arithmetic inside.

The public types hold `pendulum.DateTime`, but pendulum's own arithmetic costs
about ten times the standard library's. So the engine works on stdlib
`datetime` values whose ``tzinfo`` is a cached pendulum zone (pendulum's
`Timezone` *is* a `zoneinfo.ZoneInfo`, so stdlib arithmetic on it is native),
and turns them into `pendulum.DateTime` only when it builds a step.

Three traps decide the shape of this module:

* A wall time in a daylight-saving gap or overlap is ambiguous; pendulum and
  the stdlib resolve it differently.  Every conversion here goes through the
  instant (UTC), never through a wall time, so no instant ever moves.
* Two datetimes that share a ``tzinfo`` compare by wall clock (PEP 495).
  `instant_key` gives the exact elapsed time since the epoch, which compares
  and hashes as an instant.
* A naive value silently becomes UTC in pendulum: it is refused here first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, TypeAlias

import pendulum

from followup.errors import (
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    UnknownTimeZoneError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "EPOCH",
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "DurationLike",
    "InstantLike",
    "Packed",
    "Where",
    "Zone",
    "at_wall_time",
    "coerce_duration",
    "coerce_instant",
    "coerce_zone_name",
    "describe_instant",
    "end_of_day",
    "format_instant",
    "instant_key",
    "local",
    "long_date",
    "pack_instant",
    "start_of_day",
    "to_pendulum",
    "unpack_instant",
    "utc",
    "zone",
    "zone_of",
]

# Real unions, not strings: a user's annotation holding one must still
# evaluate (typing.get_type_hints, cattrs, pydantic) in a module that never
# imported datetime as ``dt``.

#: What the library accepts for a moment: an aware datetime (pendulum's
#: included) or ISO 8601 text with an offset and an optional ``[Zone/Name]``.
InstantLike: TypeAlias = str | dt.datetime

#: What the library accepts for a duration: minutes, a timedelta, or ISO 8601
#: text (``PT30M``).
DurationLike: TypeAlias = int | dt.timedelta | str

#: A pendulum zone: a named IANA zone or a fixed UTC offset.
Zone = pendulum.Timezone | pendulum.FixedTimezone

_UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)

_SUFFIXED = re.compile(r"(?P<base>[^\[\]]+?)(?:\[!?(?P<zone>[^\[\]=]+)\])?")


@functools.lru_cache(maxsize=1024)
def zone(name: str, field: str = "timezone") -> pendulum.Timezone:
    """Return the cached pendulum zone for an IANA name.

    Looking a zone up costs about 100 µs each time; plans look the same few
    zones up over and over.

    Raises:
        UnknownTimeZoneError: the IANA database has no zone of that name.
    """
    if not isinstance(name, str):
        raise InvalidTypeError(field, name, "an IANA time zone name (str)")
    try:
        return pendulum.timezone(name)
    except (pendulum.tz.exceptions.InvalidTimezone, ValueError, OSError) as error:
        raise UnknownTimeZoneError(
            field, name, "is not an IANA time zone name (e.g. 'Europe/Paris')"
        ) from error


@functools.lru_cache(maxsize=256)
def _fixed(offset_seconds: int) -> pendulum.FixedTimezone:
    return pendulum.FixedTimezone(offset_seconds)


def coerce_zone_name(value: object, field: str) -> str:
    """Check that `value` names an IANA zone and return the name."""
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "an IANA time zone name (str)")
    zone(value, field)
    return value


def instant_key(moment: dt.datetime) -> dt.timedelta:
    """Return the exact time since the epoch: compares and hashes as an instant."""
    return dt.datetime.__sub__(moment, EPOCH)


# The stdlib's own pickle state (protocol 4 keeps the fold), asked of the
# stdlib method: pendulum's __reduce_ex__ drops the fold.  Bound once, as are
# the classes below: building and packing instants is the engine's hot path.
_reduce: Callable[[dt.datetime, int], tuple[object, tuple[bytes, dt.tzinfo]]]
_reduce = dt.datetime.__reduce_ex__  # type: ignore[assignment]
_Timezone = pendulum.Timezone
_DateTime = pendulum.DateTime


def _state(moment: dt.datetime) -> tuple[bytes, dt.tzinfo]:
    return _reduce(moment, 4)[1]


def _copy(moment: dt.datetime, kind: type[dt.datetime]) -> dt.datetime:
    # The same wall time, zone and fold, at C speed, as another class.
    return kind(*_state(moment))  # type: ignore[arg-type, call-arg]


#: Where a packed instant is: an IANA name, a UTC offset in seconds, or (for a
#: fixed zone with a name of its own) the zone itself.
Where: TypeAlias = str | int | dt.tzinfo

#: An instant as plain values: the stdlib state bytes, which keep the fold,
#: and where it is.
Packed: TypeAlias = tuple[bytes, Where]


def pack_instant(moment: dt.datetime) -> Packed:
    """Return an aware datetime as plain values for pickling: see `unpack_instant`.

    pendulum pickles a `DateTime` without its fold, so a time in the repeated
    hour of a daylight-saving change would come back an hour off; the stdlib
    state keeps it, and a zone's name is shorter than the zone.
    """
    state, tz = _reduce(moment, 4)[1]
    if type(tz) is _Timezone:
        return state, tz.key
    if type(tz) is pendulum.FixedTimezone and tz.name == _fixed(tz.offset).name:
        return state, tz.offset
    return state, tz


def unpack_instant(packed: Packed) -> pendulum.DateTime:
    """Rebuild the `pendulum.DateTime` that `pack_instant` packed, fold included."""
    state, where = packed
    if type(where) is str:
        tz: dt.tzinfo = zone(where)
    elif type(where) is int:
        tz = _fixed(where)
    else:
        tz = where  # type: ignore[assignment]
    return _DateTime(state, tz)  # type: ignore[arg-type, call-arg]


def utc(moment: dt.datetime) -> dt.datetime:
    """Return the same instant as a stdlib datetime in UTC.

    Datetimes in UTC compare and subtract as instants, and fast.
    """
    if type(moment) is not dt.datetime:
        # A subclass (pendulum) would come back as one, with its slow methods.
        moment = _copy(moment, dt.datetime)
    return moment.astimezone(_UTC)


def local(moment: dt.datetime, tz: Zone) -> dt.datetime:
    """Return the same instant as a stdlib datetime in `tz`."""
    if type(moment) is not dt.datetime:
        # A subclass (pendulum) would come back as one, with its slow arithmetic.
        moment = _copy(moment, dt.datetime)
    # The C conversion goes through UTC itself.
    return moment.astimezone(tz)


def to_pendulum(moment: dt.datetime) -> pendulum.DateTime:
    """Wrap a stdlib datetime whose tzinfo is a pendulum zone, keeping the instant.

    `moment` must come from `local` (or another conversion through UTC), so its
    fold is the one that names its instant.
    """
    return _copy(moment, pendulum.DateTime)  # type: ignore[return-value]


def zone_of(moment: dt.datetime) -> Zone:
    """Return the pendulum zone of an aware datetime (IANA name kept if known)."""
    tzinfo = moment.tzinfo
    if isinstance(tzinfo, (pendulum.Timezone, pendulum.FixedTimezone)):
        return tzinfo
    key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
    if isinstance(key, str):
        try:
            return zone(key)
        except UnknownTimeZoneError:
            pass
    if tzinfo is dt.timezone.utc:
        return pendulum.UTC
    offset = moment.utcoffset()
    if offset is None:  # pragma: no cover - callers refuse naive values first
        raise AssertionError
    return _fixed(int(offset.total_seconds()))


def _refuse_naive(moment: dt.datetime, field: str, original: object) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveDatetimeError(
            field,
            # As the user wrote it: a TOML local datetime arrives as a datetime.
            original.isoformat() if isinstance(original, dt.datetime) else original,
            "has no time zone; give an offset (+01:00) or a zone "
            "([Europe/Paris]), or pass an aware datetime",
        )


def _parse(text: str, field: str) -> pendulum.DateTime:
    match = _SUFFIXED.fullmatch(text.strip())
    if match is None:
        raise InvalidValueError(field, text, "is not an ISO 8601 date and time")
    base, zone_name = match["base"], match["zone"]
    if base[-1:] in {"Z", "z"}:
        base = base[:-1] + "+00:00"
        if zone_name is None:
            zone_name = "UTC"
    try:
        parsed = dt.datetime.fromisoformat(base)
    except ValueError:
        raise InvalidValueError(
            field,
            text,
            "is not an ISO 8601 date and time (e.g. 2026-11-23T10:00:00-05:00)",
        ) from None
    if zone_name is None:
        _refuse_naive(parsed, field, text)
        return coerce_instant(parsed, field)
    tz = zone(zone_name, field)
    if parsed.tzinfo is None:
        # A wall time in the zone: fold=0 takes the earlier of two readings in
        # an overlap and the later wall time in a gap, as RFC 9557 readers do.
        return to_pendulum(local(parsed.replace(tzinfo=tz), tz))
    moment = local(parsed, tz)
    if moment.utcoffset() != parsed.utcoffset():
        raise InvalidValueError(
            field,
            text,
            f"has an offset that {zone_name} does not use at that time "
            f"(it uses {moment.strftime('%z')})",
        )
    return to_pendulum(moment)


def coerce_instant(value: object, field: str) -> pendulum.DateTime:
    """Turn what a user may pass for a moment into an aware `pendulum.DateTime`.

    Accepts a `pendulum.DateTime`, an aware `datetime.datetime`, or an ISO 8601
    string with an offset, optionally followed by an RFC 9557 zone suffix
    (``2026-11-23T10:00:00-05:00[America/New_York]``).  The IANA zone name is
    kept wherever one is given.  The result is the same instant as the input.

    Raises:
        NaiveDatetimeError: the value has no zone or offset.
        UnknownTimeZoneError: the zone suffix names no IANA zone.
        InvalidValueError: the text is not ISO 8601, or its offset contradicts
            its zone.
        InvalidTypeError: the value is neither a datetime nor a string.
    """
    if isinstance(value, pendulum.DateTime):
        if isinstance(value.tzinfo, (pendulum.Timezone, pendulum.FixedTimezone)):
            return value
        _refuse_naive(value, field, value)
        return to_pendulum(local(value, zone_of(value)))
    if isinstance(value, dt.datetime):
        _refuse_naive(value, field, value)
        return to_pendulum(local(value, zone_of(value)))
    if isinstance(value, str):
        return _parse(value, field)
    raise InvalidTypeError(
        field, value, "an aware datetime or an ISO 8601 string with an offset"
    )


def coerce_duration(value: object, field: str) -> dt.timedelta:
    """Turn minutes (an int), a timedelta or an ISO 8601 duration into a timedelta.

    Raises:
        InvalidValueError: the duration is not positive, or names months or
            years (whose length depends on the calendar).
        InvalidTypeError: the value is of another type.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(field, value, "minutes (int) or an ISO 8601 duration")
    if isinstance(value, int):
        result = dt.timedelta(minutes=value)
    elif isinstance(value, dt.timedelta):
        result = dt.timedelta(seconds=value.total_seconds())
    elif isinstance(value, str):
        result = _parse_duration(value, field)
    else:
        raise InvalidTypeError(field, value, "minutes (int) or an ISO 8601 duration")
    if result <= dt.timedelta(0):
        raise InvalidValueError(field, value, "is not a positive duration")
    return result


def _parse_duration(text: str, field: str) -> dt.timedelta:
    try:
        parsed = pendulum.parse(text.strip())
    except (pendulum.parsing.exceptions.ParserError, ValueError):
        parsed = None
    if not isinstance(parsed, pendulum.Duration):
        raise InvalidValueError(
            field, text, "is not an ISO 8601 duration (e.g. PT30M) or minutes"
        )
    if parsed.years or parsed.months:
        raise InvalidValueError(
            field, text, "names years or months, which have no fixed length"
        )
    return dt.timedelta(seconds=parsed.total_seconds())


def start_of_day(day: dt.date, tz: Zone) -> dt.datetime:
    """Return the first instant of `day` on the calendar of `tz`.

    Where a daylight-saving gap swallows midnight (as in America/Santiago),
    the day starts at the first wall time that exists.
    """
    return at_wall_time(day, dt.time(0), tz)


@functools.lru_cache(maxsize=4096)
def end_of_day(day: dt.date, tz: Zone) -> dt.datetime:
    """Return the last microsecond of `day` on the calendar of `tz`."""
    # Elapsed arithmetic, in UTC: on a local datetime a microsecond before a
    # gap would land inside it.
    next_day = start_of_day(day + dt.timedelta(days=1), tz)
    return local(utc(next_day) - dt.timedelta(microseconds=1), tz)


@functools.lru_cache(maxsize=4096)
def at_wall_time(day: dt.date, time: dt.time, tz: Zone) -> dt.datetime:
    """Return the instant that a clock in `tz` reads as `day` `time`.

    In an overlap the earlier reading wins; a wall time in a gap becomes the
    instant just after the gap (09:00 never falls in a gap; 02:30 may).
    Cached: working time asks for the same opening hours again and again.
    """
    # Through UTC explicitly: astimezone() to the datetime's own zone returns
    # it unchanged, and a wall time in a gap would stay imaginary.
    return dt.datetime.combine(day, time, tzinfo=tz).astimezone(_UTC).astimezone(tz)


def format_instant(moment: dt.datetime) -> str:
    """Write an instant as ISO 8601 with its RFC 9557 zone suffix when named.

    >>> text = "2026-11-23T10:00:00-05:00[America/New_York]"
    >>> format_instant(coerce_instant(text, "at")) == text
    True
    """
    tz = zone_of(moment)
    text = moment.isoformat()
    if isinstance(tz, pendulum.Timezone):
        return f"{text}[{tz.name}]"
    return text


#: Names of days and months in English, whatever the process's locale.
WEEKDAY_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def describe_instant(moment: dt.datetime) -> str:
    """Write an instant for people, in its own zone, whatever the locale.

    >>> text = "2026-11-23T10:00:00-05:00[America/New_York]"
    >>> describe_instant(coerce_instant(text, "at"))
    'Mon 23 Nov 2026 10:00 EST'
    """
    return (
        f"{WEEKDAY_NAMES[moment.weekday()][:3]} {moment.day} "
        f"{MONTH_NAMES[moment.month - 1][:3]} "
        f"{moment.year} {moment.hour:02d}:{moment.minute:02d} {moment.tzname()}"
    )


def long_date(day: dt.date) -> str:
    """A date as people write it in a letter, whatever the locale.

    >>> long_date(dt.date(2026, 11, 23))
    '23 November 2026'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"

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
import importlib.util
import math
import pathlib
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
    "calendar_date",
    "check_planned",
    "coerce_duration",
    "coerce_instant",
    "coerce_planned",
    "coerce_utc",
    "coerce_zone_name",
    "describe_for",
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

# The base takes all it can: it holds no bracket, so nothing is given back,
# and matching takes a quarter of the time that a lazy base took.
_SUFFIXED = re.compile(r"(?P<base>[^\[\]]+)(?:\[!?(?P<zone>[^\[\]=]+)\])?")


#: Names the zone database answers that mean something else on every machine:
#: the machine's own zone, a placeholder, and the copies with leap seconds or
#: POSIX rules.  A plan must come out the same wherever it is made.
_MACHINE_ZONES = frozenset({"localtime", "Factory", "posixrules"})
_MACHINE_PREFIXES = ("posix/", "right/")
#: The most slashes a zone name is looked up with ("America/Argentina/Salta"
#: has two; a machine's "posix/..." three).
_MOST_ZONE_PARTS = 8


@functools.cache
def _spellings() -> dict[str, str]:
    """Each IANA zone name the `tzdata` package lists, by its lower-case form.

    pendulum needs tzdata, so it is there; as a folder, not zipped, the
    list is one small file.
    """
    spec = importlib.util.find_spec("tzdata")
    folders = [] if spec is None else list(spec.submodule_search_locations or ())
    try:
        listed = (pathlib.Path(folders[0]) / "zones").read_text(encoding="utf-8")
    # No tzdata as a folder (zipped, or gone): names are then taken as
    # pendulum finds them, as before.
    except (IndexError, OSError):
        return {}
    return {name.lower(): name for name in listed.split()}


def _misspelled(name: str) -> str | None:
    """The IANA spelling of `name`, if that differs from it in case alone.

    The zone files of a case-insensitive file system (macOS, Windows)
    answer 'europe/paris' as well as 'Europe/Paris'.  A plan made with the
    first would not be read on Linux, and calendar programs would not know
    its zone: only the IANA spelling is taken, here as everywhere.
    """
    meant = _spellings().get(name.lower())
    return None if meant == name else meant


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
    if name in _MACHINE_ZONES or name.startswith(_MACHINE_PREFIXES):
        raise UnknownTimeZoneError(
            field,
            name,
            "depends on the machine it is read on; give an IANA zone name "
            "(e.g. 'Europe/Paris')",
        )
    if name.count("/") > _MOST_ZONE_PARTS:
        # zoneinfo imports the tzdata package's folders part by part, one
        # import inside the next: a name of a few hundred parts ends in a
        # RecursionError.  IANA names have three parts at most.
        raise UnknownTimeZoneError(
            field, name, "is not an IANA time zone name (e.g. 'Europe/Paris')"
        )
    meant = _misspelled(name)
    if meant is not None:
        raise UnknownTimeZoneError(
            field, name, f"is not an IANA time zone name: did you mean {meant!r}?"
        )
    try:
        return pendulum.timezone(name)
    except (pendulum.tz.exceptions.InvalidTimezone, ValueError, OSError) as error:
        meant = _closest_zone(name)
        raise UnknownTimeZoneError(
            field,
            name,
            "is not an IANA time zone name (e.g. 'Europe/Paris')"
            if meant is None
            else f"is not an IANA time zone name: did you mean {meant!r}?",
        ) from error


@functools.cache
def _zone_names() -> dict[str, str]:
    """The zone names a misspelt one is compared with, by lower-case form."""
    listed = _spellings()
    if listed:
        return listed
    # Without tzdata as a folder, the zones this machine has: the walk
    # through its zone files takes milliseconds, so only for a mistake.
    import zoneinfo  # noqa: PLC0415

    return {
        name.lower(): name
        for name in zoneinfo.available_timezones()
        if name not in _MACHINE_ZONES and not name.startswith(_MACHINE_PREFIXES)
    }


#: How alike a name must be to a zone's to be offered in its place: a
#: letter or two off ('America/New_Yrok'), not any name that shares a
#: continent ('Atlantis' is not 'Atlantic/Azores').
_CLOSE_ZONE = 0.8


def _closest_zone(name: str) -> str | None:
    """The IANA name `name` was most likely meant to be, if one is close.

    Compared in lower case, so that a slip of case and of a letter at once
    ('america/new_yrok') is still found.
    """
    # Here: difflib takes milliseconds to import, for a mistake's message.
    import difflib  # noqa: PLC0415

    names = _zone_names()
    close = difflib.get_close_matches(name.lower(), names, n=1, cutoff=_CLOSE_ZONE)
    return names[close[0]] if close else None


@functools.lru_cache(maxsize=256)
def _fixed(offset_seconds: int) -> pendulum.FixedTimezone:
    return pendulum.FixedTimezone(offset_seconds)


def coerce_zone_name(value: object, field: str) -> str:
    """Check that `value` names an IANA zone and return the name.

    Spaces around it are no part of it, as they are none of an instant's or
    a name's: a zone copied out of a spreadsheet cell often ends in one.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "an IANA time zone name (str)")
    name = value.strip()
    zone(name, field)
    return name


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


def plain(moment: dt.datetime) -> dt.datetime:
    """The same wall time, zone and fold as a stdlib datetime.

    Stdlib datetimes pickle with their fold; pendulum's do not.
    """
    return moment if type(moment) is dt.datetime else _copy(moment, dt.datetime)


def to_pendulum(moment: dt.datetime) -> pendulum.DateTime:
    """Wrap a stdlib datetime whose tzinfo is a pendulum zone, keeping the instant.

    `moment` must come from `local` (or another conversion through UTC), so its
    fold is the one that names its instant.
    """
    return _copy(moment, pendulum.DateTime)  # type: ignore[return-value]


def zone_of(moment: dt.datetime) -> Zone:
    """Return the pendulum zone of an aware datetime (IANA name kept if known)."""
    tzinfo = moment.tzinfo
    if isinstance(tzinfo, pendulum.FixedTimezone):
        return tzinfo
    # A pendulum zone too: one read from a file has no name, and one named
    # after the machine's own files ('posix/...', 'Factory') is refused by
    # name; either would not travel to another process or a document.
    # Without an IANA name, a zone is kept as its offset at that instant.
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


#: Why an instant without a zone is refused, and what it needs.
NO_ZONE = "has no time zone; give an offset (+01:00) or a zone ([Europe/Paris])"
#: The same where the instant is text a user wrote, in a document or on the
#: command line: they cannot "pass an aware datetime".
NO_ZONE_IN_TEXT = f"{NO_ZONE} after the time"


def _refuse_naive(moment: dt.datetime, field: str, original: object) -> None:
    try:
        offset = moment.utcoffset()
    # A tzinfo of the caller's own may raise, or give what datetime refuses
    # (a number, a day or more).
    except Exception as error:
        raise InvalidValueError(
            field,
            original,
            f"has a time zone whose UTC offset cannot be read "
            f"({type(error).__name__}: {error})",
        ) from error
    if offset is None:
        raise NaiveDatetimeError(
            field,
            # As the user wrote it: a TOML local datetime arrives as a datetime.
            original.isoformat() if isinstance(original, dt.datetime) else original,
            f"{NO_ZONE}, or pass an aware datetime",
        )


def _parse(text: str, field: str, latest: dt.datetime) -> pendulum.DateTime:
    match = _SUFFIXED.fullmatch(text.strip())
    if match is None:
        raise InvalidValueError(field, text, "is not an ISO 8601 date and time")
    base, zone_name = match["base"], match["zone"]
    # "Z" says the instant in UTC and no local offset (RFC 9557): with a zone
    # after it, the instant is shown in that zone, whatever its offset.
    zulu = base[-1:] in {"Z", "z"}
    if zulu:
        base = base[:-1] + "+00:00"
        if zone_name is None:
            zone_name = "UTC"
    try:
        parsed = dt.datetime.fromisoformat(base)
    except ValueError:
        raise InvalidValueError(
            field,
            text,
            _nonexistent(base)
            or "is not an ISO 8601 date and time (e.g. 2026-11-23T10:00:00-05:00)",
        ) from None
    if zone_name is None:
        _refuse_naive(parsed, field, text)
        if parsed.tzinfo is _UTC:
            # fromisoformat() reads "+00:00" as the stdlib's UTC, which
            # `zone_of` takes for the named zone (as "Z" is): it is an offset
            # like any other, and is written back as one.
            parsed = parsed.replace(tzinfo=_fixed(0))
        return coerce_instant(parsed, field, latest=latest)
    tz = zone(zone_name, field)
    if parsed.tzinfo is None:
        # A wall time in the zone: fold=0 takes the earlier of two readings in
        # an overlap and the later wall time in a gap, as RFC 9557 readers do.
        return _exact(parsed.replace(tzinfo=tz), tz, field, text, latest)
    # The offset compared on the stdlib value: a pendulum value's offset
    # goes through zoneinfo's slower path for subclasses.
    moment = _zoned(parsed, tz, field, text, latest)
    if not zulu and moment.utcoffset() != parsed.utcoffset():
        raise InvalidValueError(field, text, _offsets_of_wall_time(parsed, tz))
    return to_pendulum(moment)


def _offsets_of_wall_time(parsed: dt.datetime, tz: dt.tzinfo) -> str:
    """Why `parsed`'s offset is refused, with the offsets its wall time has.

    Told from the wall time as written, not from the instant the wrong
    offset makes of it: for a time the clocks skip, that instant's offset is
    the other side's, and each message would send the user to the other.
    """
    wall = parsed.replace(tzinfo=None)
    name = getattr(tz, "key", str(tz))
    local = wall.replace(tzinfo=tz)
    read = local.astimezone(_UTC).astimezone(tz)
    if read.replace(tzinfo=None) != wall:
        gap = _duration_in_words(read.replace(tzinfo=None) - wall)
        return (
            f"names a wall time that {name} skips, as its clocks go forward "
            f"{gap} that day: give a time that exists, or leave out the offset "
            f"and it reads as {read.isoformat()}"
        )
    first = _offset_written(local)
    second = _offset_written(wall.replace(tzinfo=tz, fold=1))
    uses = (
        first
        if first == second
        else f"{first}, or {second} when the hour repeats at a daylight-saving change"
    )
    return f"has an offset that {name} does not use at that time (it uses {uses})"


def _offset_written(moment: dt.datetime) -> str:
    # As the library writes offsets, and as they are to be given: "+02:00"
    # ("+00:19:32" for a local mean time of seconds), not strftime's "+0200".
    text = moment.strftime("%z")
    return ":".join([text[:3], text[3:5], *([text[5:7]] if len(text) > 5 else [])])


def _duration_in_words(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds()) // 60
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{count} {unit}{'' if count == 1 else 's'}"
        for count, unit in ((hours, "hour"), (minutes, "minute"))
        if count
    ]
    return " ".join(parts) or "less than a minute"


# A date and time of the right form, whatever its numbers: the form that
# `fromisoformat` refuses for a day or an hour that does not exist, which is
# then no mistake of form.  Only looked at once a value has been refused.
_DATE_AND_TIME = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?:[Tt ](?P<hour>[0-9]{2})(?::(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?)?)?"
    r"(?:[+-][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2}(?:\.[0-9]+)?)?)?)?"
)


def _nonexistent(base: str) -> str | None:
    """Why a date and time of the right form does not exist, if that is why.

    "2026-11-31" is written as ISO 8601 says; it is November that has no
    31st, and a message saying the form is wrong sends the user looking for
    a mistake that is not there.
    """
    import calendar  # noqa: PLC0415

    match = _DATE_AND_TIME.fullmatch(base)
    if match is None:
        return None
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return "names a month that does not exist (months run from 01 to 12)"
    last = calendar.monthrange(year or 2000, month)[1]
    if not 1 <= day <= last:
        return (
            f"names a day that does not exist ({MONTH_NAMES[month - 1]} {year} "
            f"has {last} days)"
            if day
            else "names a day that does not exist (days run from 01)"
        )
    for unit, most in (("hour", 23), ("minute", 59), ("second", 59)):
        if match[unit] is not None and int(match[unit]) > most:
            return f"names a time that does not exist ({unit}s run from 00 to {most})"
    return None


#: The instants the library plans from: wide enough for any interview, narrow
#: enough that no arithmetic on them leaves the years `datetime` can hold.
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=_UTC)
LATEST = dt.datetime(2200, 1, 1, tzinfo=_UTC)
#: The end of the instants a plan may hold: its windows run weeks past the
#: interview and `now` (a year or two with long closures), so a plan made
#: late in 2199 is read back whole.
LATEST_PLANNED = dt.datetime(2205, 1, 1, tzinfo=_UTC)


def _exact(
    moment: dt.datetime,
    tz: Zone,
    field: str,
    original: object,
    latest: dt.datetime,
) -> pendulum.DateTime:
    """`moment` in `tz`, by way of UTC, checked to lie in the supported range.

    Going through UTC normalises a wall time that a daylight-saving gap
    skips (02:30 on the day New York springs forward) to the time it names
    (03:30 EDT), as zoneinfo reads it, instead of keeping an impossible
    time.
    """
    return to_pendulum(_zoned(moment, tz, field, original, latest))


def _zoned(
    moment: dt.datetime,
    tz: Zone,
    field: str,
    original: object,
    latest: dt.datetime,
) -> dt.datetime:
    """`_exact`'s instant as a stdlib datetime, before it is made pendulum's."""
    return _in_range(moment, field, original, latest).astimezone(tz)


def _in_range(
    moment: dt.datetime, field: str, original: object, latest: dt.datetime
) -> dt.datetime:
    """`moment` as a stdlib datetime in UTC, checked to lie in the supported range."""
    if type(moment) is not dt.datetime:
        moment = _copy(moment, dt.datetime)
    try:
        at = moment.astimezone(_UTC)
    except OverflowError:
        at = None
    if at is None or not EARLIEST <= at < latest:
        shown = original.isoformat() if isinstance(original, dt.datetime) else original
        raise InvalidValueError(
            field,
            shown,
            f"is outside the supported range ({EARLIEST:%Y-%m-%d} to "
            f"{latest - dt.timedelta(days=1):%Y-%m-%d}, UTC)",
        )
    return at


def coerce_utc(value: object, field: str) -> dt.datetime:
    """The instant `coerce_instant` reads from `value`, as a stdlib datetime in UTC.

    For a caller that needs only the instant: an aware datetime is checked
    and converted without a pendulum value being built.  Raises as
    `coerce_instant` does.
    """
    if isinstance(value, dt.datetime):
        _refuse_naive(value, field, value)
        return _in_range(value, field, value, LATEST)
    return utc(coerce_instant(value, field))


def coerce_instant(
    value: object, field: str, *, latest: dt.datetime = LATEST
) -> pendulum.DateTime:
    """Turn what a user may pass for a moment into an aware `pendulum.DateTime`.

    Accepts a `pendulum.DateTime`, an aware `datetime.datetime`, or an ISO 8601
    string with an offset, optionally followed by an RFC 9557 zone suffix
    (``2026-11-23T10:00:00-05:00[America/New_York]``).  The IANA zone name is
    kept wherever one is given.  The result is the same instant as the input.

    Raises:
        NaiveDatetimeError: the value has no zone or offset.
        UnknownTimeZoneError: the zone suffix names no IANA zone.
        InvalidValueError: the text is not ISO 8601, its offset contradicts
            its zone, or the instant lies outside 1900-2199 (`EARLIEST`,
            `LATEST`; `latest` moves the end, as `coerce_planned` does).
        InvalidTypeError: the value is neither a datetime nor a string.

    A wall time that a daylight-saving gap skips is read as zoneinfo reads
    it, with the offset before the change: ``02:30[America/New_York]`` on
    the day clocks spring forward is 03:30 EDT.
    """
    if isinstance(value, dt.datetime):
        _refuse_naive(value, field, value)
        tz = zone_of(value)
        if type(tz) is pendulum.FixedTimezone and not isinstance(
            value.tzinfo, (dt.timezone, pendulum.FixedTimezone)
        ):
            _refuse_changing_offset(value, field)
        made = _exact(value, tz, field, value, latest)
        # A value that was exact already comes back as itself.
        if type(value) is _DateTime and _reduce(made, 4)[1] == _reduce(value, 4)[1]:
            return value
        return made
    if isinstance(value, str):
        return _parse(value, field, latest)
    raise InvalidTypeError(
        field, value, "an aware datetime or an ISO 8601 string with an offset"
    )


def _refuse_changing_offset(value: dt.datetime, field: str) -> None:
    """Refuse a zone without an IANA name whose offset changes over the year.

    Such a zone (dateutil's ``tz.gettz("America/New_York")`` or
    ``tz.tzlocal()``, a ``ZoneInfo`` read from a file) is kept as its offset
    at that instant: every step after a daylight-saving change would be an
    hour off, on a clock no one reads.
    """
    tzinfo = value.tzinfo
    if tzinfo is None:  # pragma: no cover - refused as naive before
        return
    try:
        offsets = {
            tzinfo.utcoffset(dt.datetime(value.year, month, 1, tzinfo=tzinfo))
            for month in range(1, 13)
        }
    # A zone of one's own that cannot answer for other days is kept as the
    # offset it gave for this one, as before.
    except Exception:  # noqa: BLE001
        return
    if len(offsets) > 1:
        raise InvalidValueError(
            field,
            value,
            "has a time zone with no IANA name whose offset changes in the "
            "year (daylight saving): give the zone by its name (a "
            "zoneinfo.ZoneInfo, or [America/New_York] after the time)",
        )


def check_planned(moment: dt.datetime, field: str) -> None:
    """Refuse an aware datetime that a plan may not hold, as `coerce_planned` does.

    For the instants rules work out themselves: a window a plugin proposes
    in 2300, or one that follows a step already at the end of the range.
    A plan holding one could not be read back.
    """
    _in_range(moment, field, moment, LATEST_PLANNED)


def coerce_planned(value: object, field: str) -> pendulum.DateTime:
    """`coerce_instant` for what a plan holds: a window's ends, a due time.

    They may lie up to `LATEST_PLANNED`: a plan made late in 2199 runs into
    2200, and is read back (and compared with) as it was written.
    """
    return coerce_instant(value, field, latest=LATEST_PLANNED)


#: The longest call the library plans after: a phone interview lasts
#: minutes to hours; anything longer is a typing slip (minutes for seconds),
#: and would put the follow-up before the thank-you.
LONGEST_CALL = dt.timedelta(hours=12)

# ISO 8601 durations.  Written out rather than left to pendulum, whose
# parser wraps large numbers ("PT4294967297M" came back as one minute).
# Digits are ISO 8601's 0-9: `\d` and `float` would take any script's
# ("PT\u0664\u0665M", 45 in Arabic-Indic digits), which the JSON Schema
# and every other reader refuse.
_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_DURATION = re.compile(
    rf"P(?:(?P<years>{_NUMBER})Y)?(?:(?P<months>{_NUMBER})M)?"
    rf"(?:(?P<weeks>{_NUMBER})W)?(?:(?P<days>{_NUMBER})D)?"
    rf"(?:T(?=[0-9])(?:(?P<hours>{_NUMBER})H)?(?:(?P<minutes>{_NUMBER})M)?"
    rf"(?:(?P<seconds>{_NUMBER})S)?)?",
    re.IGNORECASE,
)
_UNITS = (("weeks", 604800), ("days", 86400), ("hours", 3600), ("minutes", 60))


def coerce_duration(value: object, field: str) -> dt.timedelta:
    """Turn minutes (an int), a timedelta or an ISO 8601 duration into a timedelta.

    The duration must be positive and at most `LONGEST_CALL` (12 hours).

    Raises:
        InvalidValueError: the duration is not positive, is longer than
            `LONGEST_CALL`, or names months or years (whose length depends
            on the calendar).
        InvalidTypeError: the value is of another type.
    """
    if isinstance(value, bool):
        raise InvalidTypeError(field, value, "minutes (int) or an ISO 8601 duration")
    if isinstance(value, int):
        # Compared before it becomes a timedelta, which overflows past
        # 10**9 days.
        if abs(value) < 10**12:
            seconds = 60.0 * value
        else:  # too long either way; no float of a huge int
            seconds = math.inf if value > 0 else -math.inf
    elif isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, str):
        seconds = _duration_seconds(value, field)
    else:
        raise InvalidTypeError(field, value, "minutes (int) or an ISO 8601 duration")
    if seconds <= 0:
        raise InvalidValueError(field, value, "is not a positive duration")
    if seconds > LONGEST_CALL.total_seconds():
        raise InvalidValueError(
            field, value, f"is longer than a phone interview ({LONGEST_CALL})"
        )
    duration = dt.timedelta(seconds=seconds)
    if not duration:
        # Under half a microsecond ("PT0.0000001S") rounds to nothing: a call
        # of no length, which would be written as PT0S and not read back.
        raise InvalidValueError(field, value, "is not a positive duration")
    return duration


def _duration_seconds(text: str, field: str) -> float:
    stripped = text.strip()
    match = _DURATION.fullmatch(stripped)
    if match is None or not any(match.groups()):
        raise InvalidValueError(
            field, text, "is not an ISO 8601 duration (e.g. PT30M) or minutes"
        )
    if match["years"] or match["months"]:
        raise InvalidValueError(
            field, text, "names years or months, which have no fixed length"
        )
    parts = [(match[name], unit) for name, unit in _UNITS]
    parts.append((match["seconds"], 1))
    seconds = 0.0
    for part, unit in parts:
        if part is not None:
            number = part.replace(",", ".")
            # A number of more digits than any call needs is too long as it
            # is: no float of 5,000 digits.  Leading zeros are no digits of
            # it: "PT000000000000030M" is thirty minutes, as the schema reads it.
            if len(number.split(".")[0].lstrip("0")) > 12:
                return float("inf")
            seconds += float(number) * unit
    return seconds


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

    In an overlap the earlier reading wins; a wall time in a gap is read with
    the offset in force before it, and so moves on by the gap's length:
    02:30 on New York's spring-forward morning is 03:30 EDT.  09:00 falls
    in a gap only on a day a zone skipped whole (Friday 30 December 2011 in
    Pacific/Apia, read as Saturday 31 December): no instant has that date,
    so searches that go by the local date of an instant never reach it.
    Cached: working time asks for the same opening hours again and again.
    """
    # Through UTC explicitly: astimezone() to the datetime's own zone returns
    # it unchanged, and a wall time in a gap would stay imaginary.
    return dt.datetime.combine(day, time, tzinfo=tz).astimezone(_UTC).astimezone(tz)


#: Instants written that `format_instant` keeps, by wall time, fold and zone.
MOST_FORMATTED = 4096
_FORMATTED: dict[tuple[bytes, str], str] = {}


def format_instant(moment: dt.datetime) -> str:
    """Write an instant as ISO 8601 with its RFC 9557 zone suffix when named.

    >>> text = "2026-11-23T10:00:00-05:00[America/New_York]"
    >>> format_instant(coerce_instant(text, "at")) == text
    True
    """
    # A batch writes the same instants again and again (the due times of a
    # day, the `as_of` of every plan), and writing a pendulum value costs a
    # microsecond: its offset goes through zoneinfo's path for subclasses.
    # The stdlib's state (wall time and fold) and the zone's name make the
    # text.  By the name, not the zone: a pendulum zone hashes in Python.
    wall, tz = _state(moment)
    if type(tz) is not _Timezone:
        # A fixed offset is rare in a plan, and another tzinfo may not hash.
        return _formatted(moment)
    key = (wall, tz.key)
    found = _FORMATTED.get(key)
    if found is None:
        if len(_FORMATTED) >= MOST_FORMATTED:
            _FORMATTED.clear()
        # Written from a stdlib value, wall time and fold kept: zoneinfo
        # gives a subclass's offset by a slower path (0.7 against 1.1 µs).
        text = _copy(moment, dt.datetime).isoformat()
        found = _FORMATTED[key] = f"{text}[{tz.name}]"
    return found


def _formatted(moment: dt.datetime) -> str:
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


def describe_day(day: dt.date, *, year: bool = False) -> str:
    """Write a day for people, whatever the locale (``%a`` and ``%b`` follow it).

    >>> describe_day(dt.date(2026, 11, 26))
    'Thu 26 Nov'
    >>> describe_day(dt.date(2026, 12, 10), year=True)
    'Thu 10 Dec 2026'
    """
    weekday, month = WEEKDAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1]
    text = f"{weekday[:3]} {day.day} {month[:3]}"
    return f"{text} {day.year}" if year else text


def describe_instant(moment: dt.datetime) -> str:
    """Write an instant for people, in its own zone, whatever the locale.

    >>> text = "2026-11-23T10:00:00-05:00[America/New_York]"
    >>> describe_instant(coerce_instant(text, "at"))
    'Mon 23 Nov 2026 10:00 EST'
    """
    return (
        f"{describe_day(moment, year=True)} "
        f"{moment.hour:02d}:{moment.minute:02d} {moment.tzname()}"
    )


def calendar_date(value: object, field: str) -> dt.date:
    """Convert a date or ``"YYYY-MM-DD"`` into a plain date in 1900-2199.

    A datetime is refused rather than cut to its date: whose date it is
    depends on a zone it may not name.

    Raises:
        InvalidTypeError: `value` is neither a date nor text, or a datetime.
        InvalidValueError: the text is no date, or the date lies outside
            1900-2199.
    """
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(field, value, "a date (YYYY-MM-DD), not a datetime")
    if isinstance(value, dt.date):
        # A plain date, whatever date class it came as (pendulum's, say).
        day = dt.date(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidValueError(
                field, value, "is not a date (YYYY-MM-DD)"
            ) from None
    else:
        raise InvalidTypeError(field, value, "a date (YYYY-MM-DD)")
    if not EARLIEST.date() <= day < LATEST.date():
        raise InvalidValueError(field, day.isoformat(), "is outside 1900-2199")
    return day


def describe_for(moment: dt.datetime, reader: Zone | None) -> str:
    """Write an instant in the reader's zone, the recipient's time beside it.

    `moment` is in the recipient's zone; `reader` is the zone of the person
    reading, or None to write `moment` as it is.

    >>> at = coerce_instant("2026-11-23T10:00:00-05:00[America/New_York]", "at")
    >>> describe_for(at, zone("Europe/Paris"))
    'Mon 23 Nov 2026 16:00 CET (10:00 EST there)'
    >>> describe_for(at, zone("Asia/Tokyo"))
    'Tue 24 Nov 2026 00:00 JST (Mon 23 Nov 10:00 EST there)'
    """
    if reader is None:
        return describe_instant(moment)
    mine = local(moment, reader)
    if mine.utcoffset() == moment.utcoffset() and mine.tzname() == moment.tzname():
        return describe_instant(moment)
    there = f"{moment.hour:02d}:{moment.minute:02d} {moment.tzname()}"
    if mine.date() != moment.date():
        there = f"{describe_day(moment)} {there}"
    return f"{describe_instant(mine)} ({there} there)"


def long_date(day: dt.date) -> str:
    """A date as people write it in a letter, whatever the locale.

    >>> long_date(dt.date(2026, 11, 23))
    '23 November 2026'
    """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"

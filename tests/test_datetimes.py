"""Coercing moments: the traps of pendulum, the stdlib and ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    FollowUpError,
    Interview,
    NaiveDatetimeError,
    UnknownTimeZoneError,
    _time,
    plan_followups,
)
from followup._time import (
    _SUFFIXED,
    MOST_FORMATTED,
    at_wall_time,
    coerce_duration,
    coerce_instant,
    coerce_utc,
    end_of_day,
    format_instant,
    instant_key,
    start_of_day,
    utc,
    zone,
)
from followup.errors import InvalidTypeError, InvalidValueError
from strategies import instants

NY = zoneinfo.ZoneInfo("America/New_York")


def test_a_zone_suffixed_string_keeps_its_zone_name():
    moment = coerce_instant("2026-11-23T10:00:00-05:00[America/New_York]", "at")
    assert moment.timezone_name == "America/New_York"
    assert format_instant(moment) == "2026-11-23T10:00:00-05:00[America/New_York]"


def test_an_offset_string_keeps_a_fixed_offset_and_z_means_utc():
    moment = coerce_instant("2026-11-23T10:00:00+01:00", "at")
    assert isinstance(moment.tzinfo, pendulum.FixedTimezone)
    assert format_instant(moment) == "2026-11-23T10:00:00+01:00"
    assert coerce_instant("2026-11-23T09:00:00Z", "at").timezone_name == "UTC"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # RFC 9557: "Z" gives the instant in UTC and leaves the local offset
        # to the zone after it, whatever that offset is.
        (
            "2026-11-23T15:00:00Z[Europe/Paris]",
            "2026-11-23T16:00:00+01:00[Europe/Paris]",
        ),
        (
            "2026-07-01T15:00:00z[Europe/London]",
            "2026-07-01T16:00:00+01:00[Europe/London]",
        ),
        # The second 01:30 of New York's fall-back night: 06:30 UTC.
        (
            "2026-11-01T06:30:00Z[America/New_York]",
            "2026-11-01T01:30:00-05:00[America/New_York]",
        ),
    ],
)
def test_z_with_a_zone_is_the_utc_instant_shown_in_that_zone(text, written):
    moment = coerce_instant(text, "at")
    assert format_instant(moment) == written
    # As instants: in the repeated hour `==` across zones is always false
    # (PEP 495).
    utc = coerce_instant(text.partition("[")[0], "at")
    assert moment.timestamp() == utc.timestamp()


def test_an_offset_of_zero_with_a_zone_that_does_not_use_it_is_still_refused():
    # Unlike "Z", "+00:00" says the local offset, and Paris is not at it.
    with pytest.raises(InvalidValueError, match="has an offset that Europe/Paris"):
        coerce_instant("2026-11-23T15:00:00+00:00[Europe/Paris]", "at")


def test_a_wall_time_with_only_a_zone_suffix_is_read_in_that_zone():
    moment = coerce_instant("2026-07-01T10:00:00[Europe/Paris]", "at")
    assert moment.isoformat() == "2026-07-01T10:00:00+02:00"


def test_an_offset_that_contradicts_the_zone_is_refused():
    with pytest.raises(InvalidValueError, match="Europe/Paris does not use") as error:
        coerce_instant("2026-07-01T10:00:00+01:00[Europe/Paris]", "Interview.at")
    assert str(error.value).endswith(
        "has an offset that Europe/Paris does not use at that time (it uses +02:00)"
    )


@pytest.mark.parametrize(
    "text",
    ["1899-12-31T23:00:00+00:00[UTC]", "2200-01-01T01:00:00+01:00[CET]"],
)
def test_an_instant_with_an_offset_and_a_zone_outside_the_range_is_refused(text):
    with pytest.raises(InvalidValueError, match="outside the supported range"):
        coerce_instant(text, "Interview.at")


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-23T10:00:00",
        "2026-11-23",
        dt.datetime(2026, 11, 23, 10),
        pendulum.naive(2026, 11, 23, 10),
    ],
)
def test_naive_input_is_refused_naming_the_field(value):
    # pendulum.parse would silently make these UTC.
    with pytest.raises(
        NaiveDatetimeError, match=r"^Interview\.at: .* has no time zone"
    ):
        Interview("Ada", "Acme", value)


class _Offset(dt.tzinfo):
    """A zone of the caller's own, whose offset is whatever it was given."""

    def __init__(self, offset):
        self.offset = offset

    def utcoffset(self, moment):
        if isinstance(self.offset, Exception):
            raise self.offset
        return self.offset

    def dst(self, moment):
        return None


@pytest.mark.parametrize(
    ("offset", "problem"),
    [
        (
            dt.timedelta(hours=30),
            "ValueError: offset must be a timedelta strictly between",
        ),
        (5, "TypeError: tzinfo.utcoffset() must return None or timedelta"),
        (RuntimeError("no zone data"), "RuntimeError: no zone data"),
    ],
)
def test_a_zone_whose_offset_cannot_be_read_is_refused_naming_the_field(
    offset, problem
):
    moment = dt.datetime(2026, 11, 23, 10, tzinfo=_Offset(offset))
    checks = {
        "Interview.at": lambda: Interview("Ada", "Acme", moment),
        "now": lambda: plan_followups(
            Interview("Ada", "Acme", "2026-11-23T10:00:00Z"), now=moment
        ),
        "at": lambda: coerce_utc(moment, "at"),
    }
    for field, check in checks.items():
        with pytest.raises(InvalidValueError) as caught:
            check()
        error = caught.value
        assert (error.field, error.value) == (field, moment)
        assert error.problem.startswith(
            f"has a time zone whose UTC offset cannot be read ({problem}"
        )


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01T10:00:00Z", ""])
def test_text_that_is_not_iso_8601_is_refused(value):
    with pytest.raises(InvalidValueError, match=r"^Interview\.at: "):
        Interview("Ada", "Acme", value)


def test_an_unknown_zone_is_refused():
    with pytest.raises(UnknownTimeZoneError, match="Mars/Olympus_Mons"):
        coerce_instant("2026-11-23T10:00:00+00:00[Mars/Olympus_Mons]", "at")
    with pytest.raises(UnknownTimeZoneError):
        zone("Europe/Atlantis")
    with pytest.raises(InvalidTypeError):
        zone(3)


def test_other_types_are_refused():
    with pytest.raises(InvalidTypeError, match="at: expected an aware datetime"):
        coerce_instant(1_700_000_000, "at")


def test_a_stdlib_datetime_in_a_gap_keeps_its_instant():
    # 2000-03-26 03:00 does not exist in Asia/Nicosia; pendulum.instance would
    # resolve it differently from the stdlib and move the instant by an hour.
    imaginary = dt.datetime(2000, 3, 26, 3, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Nicosia"))
    moment = coerce_instant(imaginary, "at")
    assert instant_key(moment) == instant_key(imaginary)
    assert moment.timezone_name == "Asia/Nicosia"


@pytest.mark.parametrize("fold", [0, 1])
def test_both_readings_of_an_overlap_keep_their_instants(fold):
    ambiguous = dt.datetime(2026, 11, 1, 1, 30, fold=fold, tzinfo=NY)
    moment = coerce_instant(ambiguous, "at")
    assert moment.utcoffset() == ambiguous.utcoffset()
    assert instant_key(moment) == instant_key(ambiguous)


def test_pendulums_default_fold_is_respected():
    # pendulum.datetime() defaults to fold=1: the later of the two 01:30s.
    later = pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York")
    assert coerce_instant(later, "at").utcoffset() == dt.timedelta(hours=-5)


def test_instants_compare_as_instants_even_in_one_zone():
    # PEP 495: two datetimes sharing a tzinfo compare by wall clock, so the
    # two 01:30s of the night the clocks go back compare equal.
    first = coerce_instant(dt.datetime(2026, 11, 1, 1, 30, fold=0, tzinfo=NY), "a")
    second = coerce_instant(dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY), "b")
    assert first == second  # the trap
    assert instant_key(first) < instant_key(second)
    a = Interview("Ada", "Acme", first)
    b = Interview("Ada", "Acme", second)
    assert a != b


def test_other_tzinfo_implementations_are_read_by_name_or_offset():
    class Legacy(dt.tzinfo):
        zone = "Europe/Berlin"

        def utcoffset(self, _):
            return dt.timedelta(hours=1)

        def dst(self, _):
            return dt.timedelta(0)

    moment = coerce_instant(dt.datetime(2026, 1, 5, 10, tzinfo=Legacy()), "at")
    assert moment.timezone_name == "Europe/Berlin"
    assert (
        coerce_instant(
            dt.datetime(2026, 1, 5, 10, tzinfo=dt.timezone.utc), "at"
        ).timezone_name
        == "UTC"
    )
    fixed = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert coerce_instant(
        dt.datetime(2026, 1, 5, 10, tzinfo=fixed), "at"
    ).isoformat() == ("2026-01-05T10:00:00+05:30")


@given(instants())
def test_coercion_keeps_every_instant_and_zone(moment):
    coerced = coerce_instant(moment, "at")
    assert instant_key(coerced) == instant_key(moment)
    assert coerced.timezone_name == moment.tzinfo.key
    assert coerce_instant(coerced, "at") is coerced
    assert instant_key(coerce_instant(format_instant(coerced), "at")) == instant_key(
        moment
    )


def _written(moment: dt.datetime) -> str:
    # What `format_instant` writes, worked out here in full every time.
    text = dt.datetime.isoformat(moment)
    # A named zone, pendulum's (a ZoneInfo) or the stdlib's, is written out,
    # and the stdlib's UTC is pendulum's zone "UTC".
    if isinstance(moment.tzinfo, zoneinfo.ZoneInfo):
        return f"{text}[{moment.tzinfo.key}]"
    if moment.tzinfo is dt.timezone.utc:
        return f"{text}[UTC]"
    return text


def test_both_readings_of_an_overlap_are_written_apart():
    # The same wall time twice in New York's repeated hour: the kept texts
    # must not mix them up.
    first = coerce_instant("2026-11-01T01:30:00-04:00[America/New_York]", "at")
    second = coerce_instant("2026-11-01T01:30:00-05:00[America/New_York]", "at")
    assert (first.fold, second.fold) == (0, 1)
    for _ in range(2):
        assert format_instant(first) == "2026-11-01T01:30:00-04:00[America/New_York]"
        assert format_instant(second) == "2026-11-01T01:30:00-05:00[America/New_York]"


def test_one_wall_time_in_two_zones_is_written_with_each_zone():
    # Paris and Berlin share an offset: only the zone tells the texts apart.
    paris = coerce_instant("2026-11-23T10:00:00+01:00[Europe/Paris]", "at")
    berlin = coerce_instant("2026-11-23T10:00:00+01:00[Europe/Berlin]", "at")
    assert format_instant(paris) == "2026-11-23T10:00:00+01:00[Europe/Paris]"
    assert format_instant(berlin) == "2026-11-23T10:00:00+01:00[Europe/Berlin]"


class _Unhashable(dt.tzinfo):
    __hash__ = None  # type: ignore[assignment]

    def utcoffset(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=2)

    def dst(self, _moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)


def test_an_instant_in_a_zone_that_cannot_be_hashed_is_written_all_the_same():
    moment = pendulum.DateTime(2026, 11, 23, 10, tzinfo=_Unhashable())
    assert format_instant(moment) == "2026-11-23T10:00:00+02:00"


def test_the_texts_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    kept: dict[object, str] = {}
    monkeypatch.setattr(_time, "_FORMATTED", kept)
    first = coerce_instant("2026-01-01T00:00:00+00:00[UTC]", "at")
    moments = [first.add(minutes=index) for index in range(MOST_FORMATTED + 10)]
    written = [format_instant(moment) for moment in moments]
    assert written == [_written(moment) for moment in moments]
    # Started afresh when full: the last ten are kept, the first is not.
    assert len(kept) == 10
    assert format_instant(first) == "2026-01-01T00:00:00+00:00[UTC]"


@given(
    st.one_of(
        instants(),
        instants().map(pendulum.instance),
        instants().map(lambda moment: moment.astimezone(dt.timezone.utc)),
        instants().map(
            lambda moment: moment.astimezone(pendulum.timezone(moment.tzinfo.key))
        ),
    )
)
def test_an_instant_is_written_the_same_whether_kept_or_not(moment):
    assert format_instant(moment) == _written(moment)
    # The second time it may come from the kept texts.
    assert format_instant(moment) == _written(moment)


@given(
    st.one_of(
        instants(),
        instants().map(pendulum.instance),
        instants().map(dt.datetime.isoformat),
        st.datetimes(
            min_value=dt.datetime(1, 1, 2),
            max_value=dt.datetime(9999, 12, 30),
            timezones=st.sampled_from(
                [dt.timezone.utc, dt.timezone(dt.timedelta(hours=-12))]
            ),
        ),
        st.datetimes(),
        st.text(max_size=30),
    )
)
def test_the_instant_alone_is_read_as_a_whole_moment_is(value):
    # `coerce_utc` skips the pendulum value: the same instant, the same error.
    try:
        expected = utc(coerce_instant(value, "sent"))
    except FollowUpError as error:
        with pytest.raises(type(error), match=re.escape(str(error))):
            coerce_utc(value, "sent")
    else:
        got = coerce_utc(value, "sent")
        assert (got, got.tzinfo, type(got)) == (expected, dt.timezone.utc, dt.datetime)


def test_the_day_starts_at_the_first_wall_time_that_exists():
    # Santiago springs forward at midnight: 2026-09-06 starts at 01:00.
    santiago = zone("America/Santiago")
    assert (
        start_of_day(dt.date(2026, 9, 6), santiago).isoformat()
        == "2026-09-06T01:00:00-03:00"
    )
    assert (
        end_of_day(dt.date(2026, 9, 5), santiago).isoformat()
        == "2026-09-05T23:59:59.999999-04:00"
    )
    assert (
        at_wall_time(dt.date(2026, 3, 8), dt.time(2, 30), zone("America/New_York")).hour
        == 3
    )


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        (45, 45),
        ("PT45M", 45),
        ("PT1H30M", 90),
        (dt.timedelta(hours=1), 60),
        (pendulum.duration(minutes=20), 20),
    ],
)
def test_durations_accept_minutes_iso_8601_and_timedeltas(value, minutes):
    assert coerce_duration(value, "duration") == dt.timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0, InvalidValueError, "not a positive duration"),
        (-5, InvalidValueError, "not a positive duration"),
        ("P1M", InvalidValueError, "years or months"),
        ("half an hour", InvalidValueError, "not an ISO 8601 duration"),
        ("2026-11-23", InvalidValueError, "not an ISO 8601 duration"),
        (True, InvalidTypeError, "minutes"),
        (1.5, InvalidTypeError, "minutes"),
    ],
)
def test_bad_durations_are_refused(value, error, message):
    with pytest.raises(error, match=message):
        Interview("Ada", "Acme", "2026-11-23T10:00:00Z", duration=value)


# The zone suffix as RFC 9557 writes it, by the lazy pattern the reader
# used to match it with: the reader's own pattern must split every text the
# same way.
_LAZY_SUFFIXED = re.compile(r"(?P<base>[^\[\]]+?)(?:\[!?(?P<zone>[^\[\]=]+)\])?")


@given(st.text(alphabet="2026-11T10:00+Z[]!=/Ea", max_size=24))
def test_the_zone_suffix_is_split_as_the_lazy_pattern_splits_it(text):
    ours, lazy = _SUFFIXED.fullmatch(text), _LAZY_SUFFIXED.fullmatch(text)
    assert (ours is None) == (lazy is None)
    if ours is not None and lazy is not None:
        assert ours.groupdict() == lazy.groupdict()


def test_an_offset_of_seconds_is_written_as_it_is_to_be_given():
    # Amsterdam kept local mean time, +00:19:32, until 1937.
    with pytest.raises(InvalidValueError) as error:
        coerce_instant("1920-07-01T10:00:00+01:00[Europe/Amsterdam]", "at")
    assert str(error.value).endswith("(it uses +01:19:32)")
    accepted = coerce_instant("1920-07-01T10:00:00+01:19:32[Europe/Amsterdam]", "at")
    assert accepted.isoformat() == "1920-07-01T10:00:00+01:19:32"

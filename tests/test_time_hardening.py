"""Times at the edges: daylight-saving gaps, the supported range, durations, zones."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import zoneinfo
from typing import TYPE_CHECKING

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Contact,
    Event,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Severity,
    Step,
    UnknownTimeZoneError,
    Window,
    check_letter,
    check_plan,
    draft_thank_you,
    plan_followups,
)
from followup._time import LONGEST_CALL, coerce_duration, coerce_instant
from followup.json import from_json, to_json
from followup.testing import ZONE_NAMES, transitions

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Iterator

UTC = dt.timezone.utc


def gaps(name: str, year: int) -> list[tuple[dt.datetime, dt.timedelta]]:
    """The changes of `name` in `year` that skip wall times: (instant, jump)."""
    tz = zoneinfo.ZoneInfo(name)
    found = []
    for change in transitions(name, year):
        before = (change - dt.timedelta(minutes=1)).astimezone(tz).utcoffset()
        after = change.astimezone(tz).utcoffset()
        if before is not None and after is not None and after > before:
            found.append((change, after - before))
    return found


ZONES_WITH_GAPS = [name for name in ZONE_NAMES if gaps(name, 2026)]


@st.composite
def skipped_wall_times(draw):
    """A wall time that a daylight-saving gap of 2026 skips, and its zone."""
    name = draw(st.sampled_from(ZONES_WITH_GAPS))
    change, jump = draw(st.sampled_from(gaps(name, 2026)))
    into = draw(st.integers(1, int(jump.total_seconds() // 60) - 1))
    before = (change - dt.timedelta(minutes=1)).astimezone(zoneinfo.ZoneInfo(name))
    offset = before.utcoffset()
    assert offset is not None
    wall = (change + offset + dt.timedelta(minutes=into)).replace(tzinfo=None)
    return name, wall, change + dt.timedelta(minutes=into)


def test_a_skipped_wall_time_is_read_as_the_time_it_names():
    interview = Interview("Ada", "Acme", "2026-03-08T02:30:00[America/New_York]")
    assert interview.at.isoformat() == "2026-03-08T03:30:00-04:00"
    again = from_json(to_json(interview), Interview)
    assert again == interview
    # The plan, the draft and the letter check agree on 03:30.
    plan = plan_followups(interview)
    (thanks,) = [s for s in plan.steps if s.kind.value == "thank-you"]
    assert "03:30" in "; ".join(thanks.requirements.must_mention)
    letter = draft_thank_you(interview)
    assert "3:30" in letter
    assert not [
        f for f in check_letter(letter, interview, "thank-you") if "time" in f.message
    ]


@given(skipped_wall_times())
def test_every_skipped_wall_time_is_normalised_forward_and_survives_json(case):
    name, wall, instant = case
    text = f"{wall.isoformat()}[{name}]"
    moment = coerce_instant(text, "at")
    assert moment.astimezone(UTC) == instant
    # The wall time it now shows exists: it reads back as itself.
    assert moment.replace(tzinfo=None) != wall
    shown = moment.replace(tzinfo=None).replace(tzinfo=zoneinfo.ZoneInfo(name))
    assert shown.astimezone(UTC) == instant
    # A stdlib value in the gap, from a caller, comes out the same way.
    assert coerce_instant(wall.replace(tzinfo=zoneinfo.ZoneInfo(name)), "at") == moment
    interview = Interview("Ada", "Acme", text)
    assert from_json(to_json(interview), Interview) == interview


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+01:00",
        "1899-12-31T23:59:59+00:00",
        "2200-01-01T00:00:00+00:00",
    ],
)
def test_instants_outside_the_supported_range_are_refused_by_name(text):
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada", "Acme", text)
    assert str(caught.value) == (
        f"Interview.at: {text!r} is outside the supported range (1900-01-01 to "
        "2199-12-31, UTC)"
    )
    with pytest.raises(InvalidValueError, match=r"^now: .* supported range"):
        plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00+00:00"), now=text)


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59-12:00",
        "1899-12-31T23:59:59+00:00",
        "2205-01-01T00:00:00+00:00",
    ],
)
def test_what_a_plan_holds_may_run_five_years_past_the_range(text):
    # A plan made on the last day runs into 2200; its values are read back.
    last = "2204-12-31T23:59:59+00:00"
    assert Window(last, last).end.isoformat() == last
    for check in (
        lambda: Window(text, text),
        lambda: Step("call", "phone", Window(text, text), text, rule="FU006"),
    ):
        with pytest.raises(InvalidValueError) as caught:
            check()
        assert str(caught.value) == (
            f"Window.start: {text!r} is outside the supported range (1900-01-01 "
            "to 2204-12-31, UTC)"
        )


@pytest.mark.parametrize(
    "text",
    [
        "1900-01-01T00:00:00+00:00",
        "2199-12-31T23:59:59+00:00",
        "2199-12-31T18:00:00-05:00[America/New_York]",
    ],
)
def test_the_ends_of_the_range_are_planned_and_read_back(text):
    interview = Interview("Ada", "Acme", text)
    plan = plan_followups(interview)
    assert len(plan.steps) == 4
    again = from_json(to_json(plan), FollowUpPlan)
    assert again == plan
    last = again.steps[-1]
    assert again.next_step(last.due) == last
    assert last.window.contains(last.due)
    findings = check_plan(again, now=text)
    assert findings == check_plan(plan, now=text)
    assert all(finding.severity is not Severity.ERROR for finding in findings)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("PT4294967297M", "longer than a phone interview"),
        ("PT18446744073709551616S", "longer than a phone interview"),
        (10**20, "longer than a phone interview"),
        ("P1000000000D", "longer than a phone interview"),
        ("PT" + "9" * 5000 + "S", "longer than a phone interview"),
        (100_000, "longer than a phone interview"),
        (dt.timedelta(days=999_999_999), "longer than a phone interview"),
        ("P1M", "names years or months"),
        ("PT", "is not an ISO 8601 duration"),
        ("P", "is not an ISO 8601 duration"),
        ("PT0S", "is not a positive duration"),
        (0, "is not a positive duration"),
    ],
)
def test_durations_do_not_wrap_and_stay_a_phone_call(value, message):
    with pytest.raises(InvalidValueError, match=rf"^Interview.duration: .*{message}"):
        Interview("Ada", "Acme", "2026-11-23T10:00:00+00:00", duration=value)


@given(st.integers(1, 12 * 60))
def test_every_duration_up_to_the_longest_call_is_exact(minutes):
    expected = dt.timedelta(minutes=minutes)
    assert coerce_duration(minutes, "d") == expected
    assert coerce_duration(f"PT{minutes}M", "d") == expected
    assert coerce_duration(f"PT{minutes * 60}S", "d") == expected
    assert expected <= LONGEST_CALL


@given(st.integers(12 * 60 + 1, 10**30))
def test_every_longer_duration_is_refused(minutes):
    for value in (minutes, f"PT{minutes}M"):
        with pytest.raises(InvalidValueError, match="longer than a phone interview"):
            coerce_duration(value, "d")


@pytest.mark.parametrize(
    "name", ["localtime", "Factory", "posixrules", "right/UTC", "posix/Europe/Paris"]
)
def test_zones_that_depend_on_the_machine_are_refused(name):
    with pytest.raises(UnknownTimeZoneError, match=r"depends on the machine"):
        Interview("Ada", "Acme", f"2026-11-23T10:00:00[{name}]")
    with pytest.raises(UnknownTimeZoneError, match=r"depends on the machine"):
        Event("called", f"2026-11-23T10:00:00[{name}]")


@pytest.fixture
def zone_files(tmp_path: pathlib.Path) -> Iterator[pathlib.Path]:
    """A zone folder of the machine's, searched before tzdata, for one test."""
    zoneinfo.reset_tzpath([str(tmp_path)])
    try:
        yield tmp_path
    finally:
        zoneinfo.reset_tzpath()
        for kind in (zoneinfo.ZoneInfo, pendulum.Timezone):
            kind.clear_cache(only_keys=["europe/paris"])


def test_a_zone_in_another_case_is_refused_though_the_machine_has_it(zone_files):
    # The zone files of macOS answer 'europe/paris' as well: a file system
    # there ignores case.  Here a file so named stands for that answer.
    paris = importlib.resources.files("tzdata.zoneinfo.Europe") / "Paris"
    (zone_files / "europe").mkdir()
    (zone_files / "europe" / "paris").write_bytes(paris.read_bytes())
    assert zoneinfo.ZoneInfo("europe/paris").utcoffset(dt.datetime(2026, 7, 1))
    message = (
        r"'europe/paris' is not an IANA time zone name: did you mean 'Europe/Paris'\?"
    )
    with pytest.raises(UnknownTimeZoneError, match=rf"^Contact.timezone: {message}$"):
        Contact("Grace Hopper", timezone="europe/paris")
    with pytest.raises(UnknownTimeZoneError, match=rf"^Interview.at: {message}$"):
        Interview("Ada", "Acme", "2026-11-23T10:00:00+01:00[europe/paris]")


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("utc", "UTC"),
        ("america/new_york", "America/New_York"),
        ("US/EASTERN", "US/Eastern"),
    ],
)
def test_a_zone_named_in_another_case_is_refused_with_its_spelling(name, meant):
    with pytest.raises(
        UnknownTimeZoneError, match=rf"^Contact.timezone: '{name}' .* mean '{meant}'\?$"
    ):
        Contact("Grace Hopper", timezone=name)


@pytest.mark.parametrize("name", ["US/Eastern", "EST5EDT", "Etc/GMT+5", "UTC", "Zulu"])
def test_links_and_old_names_iana_lists_are_still_zones(name):
    assert Contact("Grace Hopper", timezone=name).timezone == name


def test_an_integer_too_long_to_write_out_is_still_a_duration_error():
    with pytest.raises(InvalidValueError, match=r"an integer of 16610 bits is longer"):
        Interview("Ada", "Acme", "2026-11-23T10:00:00+00:00", duration=10**5000)


def test_moving_a_window_checks_where_it_goes():
    window = Window("2026-11-23T10:00:00+00:00", "2026-11-23T11:00:00+00:00")
    with pytest.raises(InvalidTypeError, match=r"^start: expected an aware datetime"):
        window.moved_to(None)  # type: ignore[arg-type]
    moved = window.moved_to("2026-11-24T10:00:00+00:00")
    assert moved.length == window.length


def test_a_hugely_negative_duration_is_not_positive():
    with pytest.raises(InvalidValueError, match=r"is not a positive duration"):
        coerce_duration(-(10**5000), "d")

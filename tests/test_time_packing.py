"""Packed instants keep a fixed zone's own name; `local` keeps the fold."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import io
import pickle

import pendulum
import pytest

from followup import Interview, Step, StepKind, Window, check_plan, plan_many
from followup._engine import plan_parts_of
from followup._plan import plan_with
from followup._time import local, pack_instant, unpack_instant, zone
from followup.errors import InvalidValueError

CET = pendulum.FixedTimezone(3600, name="CET")


def test_a_fixed_zone_with_a_name_of_its_own_is_packed_with_it() -> None:
    # Mutant: `pack_instant` packs every fixed zone as its offset, and the
    # instant comes back in an unnamed "+01:00".
    moment = pendulum.DateTime(2026, 11, 23, 10, tzinfo=CET)
    back = unpack_instant(pickle.loads(pickle.dumps(pack_instant(moment))))
    assert back == moment
    assert back.tzinfo.name == "CET"


def test_a_plan_made_in_another_process_keeps_the_fixed_zones_name() -> None:
    # What `plan_many`'s other processes send back (see test_sheet.py).
    interview = Interview(
        "Ada Lovelace", "Acme", pendulum.DateTime(2026, 11, 23, 10, tzinfo=CET)
    )
    parts = pickle.loads(pickle.dumps(plan_parts_of(interview)))
    plan = plan_with(interview, parts)
    assert {step.due.tzinfo.name for step in plan.steps} == {"CET"}


NEW_YORK = zone("America/New_York")
# Sunday 1 November 2026, 06:30 UTC: 01:30 EST, the second 01:30 of the night.
SECOND_READING = dt.datetime(2026, 11, 1, 6, 30, tzinfo=dt.timezone.utc)


def test_local_keeps_the_second_reading_of_a_repeated_hour() -> None:
    # Mutant: `local` clears the fold, naming 01:30 EDT, an hour earlier.
    mine = local(SECOND_READING, NEW_YORK)
    assert (mine.fold, mine.tzname()) == (1, "EST")
    assert mine.astimezone(dt.timezone.utc) == SECOND_READING


def test_a_finding_names_a_due_time_in_the_repeated_hour_as_it_is() -> None:
    # A follow-up due at 01:30 EST (after the clocks went back) is outside
    # working time, and FU011 says when it is due, in EST.
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-10-29T10:00:00-04:00[America/New_York]"
    )
    due = pendulum.instance(SECOND_READING).in_timezone("America/New_York")
    step = Step(
        StepKind.FOLLOW_UP, "email", Window(due, due), due, rule="ME", reason="Mine."
    )
    found = [f for f in check_plan([step], interview) if f.code == "FU011"]
    assert [f.actual for f in found] == ["Sun 1 Nov 2026 01:30 EST"]


def _read(name: str, key: str | None) -> pendulum.Timezone:
    # An IANA zone read from its file under another name, or none: as a
    # zone read from a file, or named after the machine's own copies.
    data = importlib.resources.files("tzdata").joinpath("zoneinfo", *name.split("/"))
    return pendulum.Timezone.from_file(io.BytesIO(data.read_bytes()), key=key)


@pytest.mark.parametrize("key", [None, "posix/Asia/Kolkata", "Factory"])
def test_a_pendulum_zone_without_an_iana_name_is_kept_as_its_offset(
    key: str | None,
) -> None:
    # Refused by name, such a zone came through as it was, and did not
    # travel: no name to pickle, or one that is refused when read back.
    # Kolkata keeps one offset all year: the offset is the zone.
    at = pendulum.DateTime(2026, 11, 23, 10, tzinfo=_read("Asia/Kolkata", key))
    interview = Interview("Ada Lovelace", "Acme", at)
    assert interview.at.isoformat() == "2026-11-23T10:00:00+05:30"
    # (pendulum 3.0.0 compares fixed zones by identity.)
    assert type(interview.at.tzinfo) is pendulum.FixedTimezone
    assert interview.at.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert pickle.loads(pickle.dumps(interview)) == interview
    assert list(plan_many([interview] * 3, workers=2, chunk_size=1)) == list(
        plan_many([interview] * 3)
    )


@pytest.mark.parametrize("key", [None, "posix/Europe/Paris", "Factory"])
@pytest.mark.parametrize("month", [1, 7])
def test_a_zone_without_an_iana_name_that_changes_its_offset_is_refused(
    key: str | None, month: int
) -> None:
    # Kept as its offset, Paris in winter would put every step after the
    # change to summer time an hour off, on a clock no one reads.
    at = pendulum.DateTime(2026, month, 23, 10, tzinfo=_read("Europe/Paris", key))
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada Lovelace", "Acme", at)
    assert str(caught.value).startswith("Interview.at: ")
    assert str(caught.value).endswith(
        "has a time zone with no IANA name whose offset changes in the year "
        "(daylight saving): give the zone by its name (a zoneinfo.ZoneInfo, or "
        "[America/New_York] after the time)"
    )


def test_a_dateutil_zone_that_changes_its_offset_is_refused_by_its_field() -> None:
    # dateutil's zones carry no IANA name: kept as -04:00, the follow-up of
    # an interview on Friday 30 October fell on 08:00 EST, out of hours.
    from dateutil import tz  # noqa: PLC0415 - a dependency of holidays, used here only

    at = dt.datetime(2026, 10, 30, 10, tzinfo=tz.gettz("America/New_York"))
    with pytest.raises(InvalidValueError, match=r"^Interview\.at: .* no IANA name"):
        Interview("Ada Lovelace", "Acme", at)
    # Tokyo keeps one offset all year: kept as it, as before.
    tokyo = at.replace(tzinfo=tz.gettz("Asia/Tokyo"))
    assert Interview("Ada", "Acme", tokyo).at.isoformat() == "2026-10-30T10:00:00+09:00"


def test_a_pendulum_zone_with_an_iana_name_is_kept_as_it_is() -> None:
    # Mutant: every pendulum zone read again by its name, the value given
    # no longer comes back as itself.
    at = pendulum.DateTime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1)
    assert Interview("Ada Lovelace", "Acme", at).at is at

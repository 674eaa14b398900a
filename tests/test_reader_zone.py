"""Times shown in the reader's zone, the recipient's beside them."""

from __future__ import annotations

import subprocess
import sys
import zoneinfo

import pytest
from hypothesis import given

from followup import FollowUpError, plan_followups
from followup._time import describe_for, describe_instant, local, zone
from followup.example import example_interview
from strategies import instants, zone_names

NOW = "2026-11-23T10:30:00-05:00"


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "followup", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_table_shows_the_readers_time_and_the_recipients():
    result = run("plan", "--example", "--now", NOW, "--zone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("Mon 23 Nov 2026 16:00 CET (10:00 EST there)")
    assert lines[1] == "planned as of Mon 23 Nov 2026 16:30 CET (10:30 EST there)"
    assert any(
        line.startswith("Wed 25 Nov 2026 15:00 CET (09:00 EST there)  follow-up")
        for line in lines
    )


def test_explain_names_the_day_there_when_it_differs():
    text = plan_followups(example_interview(), now=NOW).explain("Asia/Tokyo")
    assert "Interview: Tue 24 Nov 2026 00:00 JST (Mon 23 Nov 10:00 EST there)" in text
    assert "due Wed 25 Nov 2026 23:00 JST (09:00 EST there)" in text
    # In the recipient's own zone nothing is added.
    same = plan_followups(example_interview(), now=NOW).explain("America/New_York")
    assert same == plan_followups(example_interview(), now=NOW).explain()
    assert "EST there)" not in same


@pytest.mark.parametrize("bad", ["Mars/Base", "localtime", "posix/Europe/Paris"])
def test_a_zone_that_is_no_portable_iana_name_is_refused(bad):
    with pytest.raises(FollowUpError, match="zone"):
        plan_followups(example_interview()).explain(bad)
    result = run("explain", "--example", "--zone", bad)
    assert result.returncode == 2
    assert result.stderr.startswith("followup: error: --zone: ")


def test_the_zone_goes_with_the_table_only():
    result = run("plan", "--example", "--format", "ics", "--zone", "Europe/Paris")
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: --zone goes with the text table (--format text)\n"
    )


@given(instants(), zone_names, zone_names)
def test_the_reader_sees_the_same_instant_in_their_zone(moment, recipient, reader):
    there = local(moment, zoneinfo.ZoneInfo(recipient))
    shown = describe_for(there, zone(reader))
    mine = local(moment, zoneinfo.ZoneInfo(reader))
    assert shown.startswith(describe_instant(mine))
    if shown != describe_instant(mine):
        assert shown.endswith(f"{there:%H:%M} {there.tzname()} there)")
    assert describe_for(there, None) == describe_instant(there)

"""Times shown in the reader's zone, the recipient's beside them."""

from __future__ import annotations

import subprocess
import sys
import zoneinfo

import pytest
import vobject
from hypothesis import given

from followup import FollowUpError, Interview, plan_followups
from followup._time import describe_for, describe_instant, local, zone
from followup.example import example_interview
from followup.ics import to_ics
from strategies import instants, interviews, zone_names

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


def test_explain_writes_each_window_in_the_readers_zone_across_a_dst_change():
    # Paris leaves summer time on Sun 25 Oct 2026, New York a week later: the
    # thank-you's window ends an hour earlier in Paris than it starts there,
    # and the call's opens after New York's change too.
    plan = plan_followups(
        Interview("Ada", "Acme", "2026-10-24T10:00:00-04:00[America/New_York]")
    )
    windows = [
        line
        for line in plan.explain("Europe/Paris").splitlines()
        if line.startswith("   window: ")
    ]
    assert windows == [
        f"   window: {start} to {end}"
        for start, end in [
            (
                "Sat 24 Oct 2026 16:25 CEST (10:25 EDT there)",
                "Sat 24 Oct 2026 16:30 CEST (10:30 EDT there)",
            ),
            (
                "Sat 24 Oct 2026 16:30 CEST (10:30 EDT there)",
                "Sun 25 Oct 2026 15:30 CET (10:30 EDT there)",
            ),
            (
                "Tue 27 Oct 2026 14:00 CET (09:00 EDT there)",
                "Wed 28 Oct 2026 22:00 CET (17:00 EDT there)",
            ),
            (
                "Mon 2 Nov 2026 15:00 CET (09:00 EST there)",
                "Fri 6 Nov 2026 23:00 CET (17:00 EST there)",
            ),
        ]
    ]
    # Without a reader's zone, and in a calendar, the window is the
    # recipient's alone.
    thank_you = "Sat 24 Oct 2026 10:30 EDT to Sun 25 Oct 2026 10:30 EDT"
    assert f"\n   window: {thank_you}\n" in plan.explain()
    calendar = vobject.readOne(to_ics(plan).decode())
    description = calendar.vtodo_list[0].description.value
    assert f"\nWindow: {thank_you}\n" in description


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


@given(interviews(), zone_names)
def test_explain_opens_every_window_at_the_readers_time(interview, reader):
    plan = plan_followups(interview)
    windows = [
        line
        for line in plan.explain(reader).splitlines()
        if line.startswith("   window: ")
    ]
    mine = zone(reader)
    for step, line in zip(plan.steps, windows, strict=True):
        start = describe_instant(local(step.window.start, mine))
        end = describe_instant(local(step.window.end, mine))
        assert line.startswith(f"   window: {start}")
        assert f" to {end}" in line

"""plan_followups against the hand-written stdlib planner of the benchmarks.

Two independent implementations of the same date work must agree on every
window and due time, in every zone, across daylight-saving changes, for
calls of any length and for interviewers with or without a zone and a
country of their own.  Times are compared as ISO text, offsets included, so
a time in the wrong fold or the wrong zone shows.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from followup import Contact, Interview, plan_followups
from strategies import COUNTRIES, ZONE_NAMES, instants

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "benchmarks"))

from reference_planner import plan_by_hand


def _as_text(steps):
    return [(kind, *(moment.isoformat() for moment in rest)) for kind, *rest in steps]


def _both(at, minutes, zone=None, country=None, subdivision=None):
    """The library's steps and the reference's, as text."""
    interviewer = None
    if zone is not None or country is not None:
        interviewer = Contact(
            "Grace", timezone=zone, country=country, subdivision=subdivision
        )
    plan = plan_followups(
        Interview("Ada", "Acme", at, interviewer=interviewer, duration=minutes)
    )
    ours = [(s.kind.value, s.window.start, s.window.end, s.due) for s in plan.steps]
    theirs = plan_by_hand(at, minutes, zone or at.tzinfo.key, country, subdivision)
    return _as_text(ours), _as_text(theirs)


@st.composite
def places(draw):
    """Where the interviewer is: (zone, country, subdivision), each maybe None."""
    zone = draw(st.one_of(st.none(), st.sampled_from(ZONE_NAMES)))
    country = draw(st.one_of(st.none(), st.sampled_from(COUNTRIES)))
    subdivision = None
    if country is not None:
        import holidays  # noqa: PLC0415 - slow to import; the examples need it

        # Contact takes codes in capitals only, so not the package's few
        # named ones such as "Zone A".
        codes = [
            code
            for code in holidays.list_supported_countries()[country]
            if code == code.upper()
        ]
        subdivision = draw(st.one_of(st.none(), st.sampled_from(codes or [None])))
    return zone, country, subdivision


@given(instants(), st.integers(1, 240), places())
def test_the_engine_and_the_hand_written_planner_agree(at, minutes, place):
    ours, theirs = _both(at, minutes, *place)
    assert ours == theirs


def _at(zone, *fields):
    return dt.datetime(*fields, tzinfo=zoneinfo.ZoneInfo(zone))


def test_a_call_shorter_than_its_closing_minutes_closes_from_its_start():
    ours, theirs = _both(_at("Europe/Paris", 2026, 11, 23, 10, 0), 3)
    assert ours == theirs
    assert ours[0] == (
        "close-call",
        "2026-11-23T10:00:00+01:00",
        "2026-11-23T10:03:00+01:00",
        "2026-11-23T10:00:00+01:00",
    )


def test_the_follow_up_skips_thanksgiving_in_the_us():
    # Tuesday 24 November 2026; Thursday 26 is Thanksgiving.
    at = _at("America/New_York", 2026, 11, 24, 10, 0)
    ours, theirs = _both(at, 30, country="US")
    assert ours == theirs
    assert ours[2] == (
        "follow-up",
        "2026-11-27T09:00:00-05:00",
        "2026-11-30T17:00:00-05:00",
        "2026-11-27T09:00:00-05:00",
    )
    # Without a country Thursday is a working day like any other.
    assert _both(at, 30)[1][2][1] == "2026-11-26T09:00:00-05:00"


def test_kathmandu_keeps_its_quarter_hour_offset():
    # An interviewer in Kathmandu: the recipient's calendar is hers, not UTC's.
    at = _at("UTC", 2026, 3, 5, 20, 0)
    ours, theirs = _both(at, 45, zone="Asia/Kathmandu")
    assert ours == theirs
    assert ours[0][1] == "2026-03-06T02:25:00+05:45"
    assert ours[2][1] == "2026-03-10T09:00:00+05:45"


def test_london_on_the_day_the_clocks_go_back():
    # 25 October 2026: the call starts at the first 01:30 (BST) and ends
    # after the clocks went back, at a wall time earlier than its start.
    ours, theirs = _both(_at("Europe/London", 2026, 10, 25, 1, 30), 40)
    assert ours == theirs
    assert ours[:2] == [
        (
            "close-call",
            "2026-10-25T01:05:00+00:00",
            "2026-10-25T01:10:00+00:00",
            "2026-10-25T01:05:00+00:00",
        ),
        (
            "thank-you",
            "2026-10-25T01:10:00+00:00",
            "2026-10-26T01:10:00+00:00",
            "2026-10-25T01:10:00+00:00",
        ),
    ]


def test_china_works_a_saturday_to_make_up_for_its_national_day_week():
    # Tue 29 Sep 2026: 1-7 October are off, Saturday 10 October is worked.
    ours, theirs = _both(_at("Asia/Shanghai", 2026, 9, 29, 10, 0), 30, country="CN")
    assert ours == theirs
    assert ours[3][1] == "2026-10-10T09:00:00+08:00"


def test_the_emirates_weekend_was_friday_and_saturday_before_2022():
    ours, theirs = _both(
        _at("Asia/Dubai", 2021, 6, 2, 10, 0), 30, zone="Asia/Dubai", country="AE"
    )
    assert ours == theirs
    assert ours[2][1] == "2021-06-06T09:00:00+04:00"

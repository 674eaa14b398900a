"""FU011's check names the holiday that makes a weekday no working day.

"expected Mon-Fri 09:00-17:00, got Thu 26 Nov 2026 10:00" contradicted
itself: Thursday 10:00 fits the week; Thanksgiving is what was wrong.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, Step, Window, check_plan

INTERVIEW = Interview(
    "Ada",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact(
        "Grace Hopper",
        email="grace@example.com",
        phone="+12125550123",
        country="US",
        timezone="America/New_York",
    ),
)


def _step(kind, channel, at):
    return Step(kind, channel, Window(at, at), at, rule="me", reason="mine")


def _fu011(follow_up_at):
    steps = [
        _step("thank-you", "email", "2026-11-23T11:00:00-05:00"),
        _step("follow-up", "email", follow_up_at),
        _step("call", "phone", "2026-11-30T10:00:00-05:00"),
    ]
    found = check_plan(steps, INTERVIEW, now="2026-11-23T10:31:00-05:00")
    return [f for f in found if f.code == "FU011"]


def test_a_step_on_a_holiday_is_told_the_holiday():
    (finding,) = _fu011("2026-11-26T10:00:00-05:00")
    assert finding.expected == (
        "Mon-Fri 09:00-17:00, but not Thanksgiving Day on Thu 26 Nov: "
        "a public holiday there"
    )
    assert finding.actual == "Thu 26 Nov 2026 10:00 EST"


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-28T10:00:00-05:00",  # a Saturday: the week says it
        "2026-11-25T18:00:00-05:00",  # a working day, after hours
    ],
)
def test_a_step_outside_the_week_or_the_hours_is_told_the_week(at):
    (finding,) = _fu011(at)
    assert finding.expected == "Mon-Fri 09:00-17:00"


def test_a_step_in_working_time_is_not_flagged():
    assert _fu011("2026-11-25T10:00:00-05:00") == []

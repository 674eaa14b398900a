"""docs/time.md: `EST` is taken, and is one offset all year, unlike New York."""

from __future__ import annotations

import datetime as dt

import pytest

from followup import Contact, Interview, StepKind, plan_followups

JULY = "2026-07-13T10:00:00-04:00[America/New_York]"


@pytest.mark.parametrize(
    ("zone", "offset"), [("EST", -5), ("America/New_York", -4), ("MST", -7)]
)
def test_a_summer_follow_up_is_on_the_zone_s_own_offset(zone: str, offset: int) -> None:
    interviewer = Contact(name="Grace Hopper", timezone=zone)
    plan = plan_followups(Interview("Ada", "Acme", JULY, interviewer=interviewer))
    (follow_up,) = (step for step in plan.steps if step.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.utcoffset() == dt.timedelta(hours=offset)
    # Nine o'clock on the zone's clock: for `EST`, ten on New York's.
    assert follow_up.due.hour == 9

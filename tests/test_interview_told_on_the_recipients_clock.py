"""The interview's time in `explain()` and the plan's table is the recipient's.

A tracker that stores the interview in UTC got "Interview: ... 15:00 UTC"
above steps, and a letter to mention, in New York's 10:00 EST; with a
reader's zone, "there" named UTC on one line and New York on the next.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, plan_followups
from followup._table import table as plan_table

NEW_YORK = Contact(
    "Bob",
    email="bob@acme.com",
    phone="+12125550123",
    timezone="America/New_York",
    country="US",
)


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-23T15:00:00Z",
        "2026-11-24T00:00:00+09:00[Asia/Tokyo]",
        "2026-11-23T10:00:00-05:00[America/New_York]",
    ],
)
def test_the_interview_is_told_on_the_interviewers_clock(at: str) -> None:
    plan = plan_followups(Interview("Ada", "Acme", at, interviewer=NEW_YORK))
    lines = plan.explain().splitlines()
    assert lines[1] == "Interview: Mon 23 Nov 2026 10:00 EST, 30 minutes, unknown"
    assert "- mention: Ada; 23 November 2026; 10:00" in plan.explain()
    paris = plan.explain(zone="Europe/Paris").splitlines()
    assert paris[1] == (
        "Interview: Mon 23 Nov 2026 16:00 CET (10:00 EST there), 30 minutes, unknown"
    )
    assert plan_table(plan).splitlines()[0] == (
        "Ada - phone interview with Acme, Mon 23 Nov 2026 10:00 EST"
    )


def test_with_no_zone_for_the_interviewer_the_interviews_own_is_kept() -> None:
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-24T00:00:00+09:00"))
    assert plan.explain().splitlines()[1].startswith("Interview: Tue 24 Nov 2026 00:00")

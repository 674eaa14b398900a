"""A window FU011 rolls past a weekend runs to the close of the day it ends on.

Hypothesis found a plan FU011 did not leave as it was on a second look: the
call, held by an absence to Sunday 4 February and planned on Saturday 10th
at 16:00, had no working time left in its window (to the end of Sunday
11th); rolled to Monday 09:00 with its length, it ended on Tuesday at
16:59:59.999999, a moment short of the close, and a second application of
FU011 stretched it to 17:00.  Placing rules must agree with themselves
(`tests/test_sheet.py`), and the plan should not end a window a microsecond
before the working day does.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from followup import DEFAULT_RULES, Event, Facts, Interview, StepKind, plan_followups
from followup._engine import fold

ABIDJAN = pendulum.timezone("Africa/Abidjan")
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    pendulum.datetime(2001, 1, 19, 12, tz=ABIDJAN),
    duration=dt.timedelta(minutes=5),
    performance="strong",
)
HISTORY = [
    Event("thank-you-sent", pendulum.datetime(2001, 1, 19, 12, 6, tz=ABIDJAN)),
    Event("follow-up-sent", pendulum.datetime(2001, 1, 19, 12, 7, tz=ABIDJAN)),
    Event(
        "away", pendulum.datetime(2001, 1, 26, tz=ABIDJAN), until=dt.date(2001, 2, 4)
    ),
]
NOW = pendulum.datetime(2001, 2, 10, 16, tz=ABIDJAN)


def test_the_rolled_call_runs_to_the_close_of_tuesday() -> None:
    plan = plan_followups(INTERVIEW, HISTORY, now=NOW)
    (call,) = plan.steps
    assert call.kind is StepKind.CALL
    assert (call.window.start.isoformat(), call.window.end.isoformat()) == (
        "2001-02-12T09:00:00+00:00",
        "2001-02-13T17:00:00+00:00",
    )
    assert call.adjusted_by == ("FU013", "FU011")
    assert [(f.code, f.expected) for f in plan.findings if f.code == "FU011"] == [
        ("FU011", "by the end of Sun 11 Feb 2001")
    ]


def test_working_time_leaves_the_settled_plan_as_it_is() -> None:
    draft = fold(DEFAULT_RULES, Facts.gather(INTERVIEW, HISTORY, NOW))
    assert DEFAULT_RULES["FU011"].plan(draft) is draft

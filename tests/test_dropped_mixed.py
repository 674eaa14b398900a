"""Dropped steps some done and some cancelled: each item gets its own status.

With a thank-you sent and then a rejection, `to_ics(previous=...,
history=...)` wrote the thank-you cancelled and the call confirmed: the
statuses were given in the order cancelled-then-done, to items in the
order of their due times.
"""

from __future__ import annotations

import pathlib

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from followup import Event, plan_changes, plan_followups
from followup.example import example_interview
from followup.ics import step_uid, to_ics
from followup.json import to_json
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
BEFORE = "2026-11-23T10:30:00-05:00"
SENT = Event("thank-you-sent", "2026-11-23T11:00:00-05:00[America/New_York]")
REJECTED = Event(
    "decision-received", "2026-11-24T10:00:00-05:00[America/New_York]",
    outcome="rejected",
)  # fmt: skip
AFTER = "2026-11-24T11:00:00-05:00"


def statuses(ics: bytes) -> dict[str, str]:
    calendar = icalendar.Calendar.from_ical(ics)
    return {
        str(item["uid"]).split("-", 1)[1]: str(item.get("status", "live"))
        for item in calendar.walk()
        if item.name in {"VEVENT", "VTODO"}
    }


def test_a_sent_thank_you_is_completed_and_the_rest_cancelled():
    interview = example_interview()
    previous = plan_followups(interview, now=BEFORE)
    history = [SENT, REJECTED]
    plan = plan_followups(interview, history, now=AFTER)
    assert plan.steps == ()
    assert statuses(to_ics(plan, previous=previous, history=history)) == {
        "thank-you-1@followup": "COMPLETED",
        "follow-up-1@followup": "CANCELLED",
        "call-1@followup": "CANCELLED",
    }


def test_the_command_writes_the_same(tmp_path):
    previous = tmp_path / "previous.json"
    previous.write_text(to_json(plan_followups(example_interview(), now=BEFORE)))
    history = tmp_path / "history.toml"
    history.write_text(
        '[[events]]\nkind = "thank-you-sent"\n'
        'at = "2026-11-23T11:00:00-05:00[America/New_York]"\n'
        '[[events]]\nkind = "decision-received"\noutcome = "rejected"\n'
        'at = "2026-11-24T10:00:00-05:00[America/New_York]"\n'
    )
    result = run(
        "plan", EXAMPLES / "interview.toml", "--history", history, "--now", AFTER,
        "--format", "ics", "--previous", previous,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert statuses(result.stdout.encode()) == {
        "thank-you-1@followup": "COMPLETED",
        "follow-up-1@followup": "CANCELLED",
        "call-1@followup": "CANCELLED",
    }


@given(
    st.sets(st.sampled_from(["thank-you-sent", "follow-up-sent"])),
    st.booleans(),
)
def test_each_item_is_done_exactly_when_plan_changes_says_so(sent, rejected):
    interview = example_interview()
    previous = plan_followups(interview, now=BEFORE)
    history = [
        Event(kind, at)
        for kind, at in (
            ("thank-you-sent", "2026-11-23T11:00:00-05:00"),
            ("follow-up-sent", "2026-11-24T09:30:00-05:00"),
        )
        if kind in sent
    ]
    if rejected:
        history.append(REJECTED)
    plan = plan_followups(interview, history, now=AFTER)
    changes = plan_changes(previous, plan, history)
    written = {f"{step_uid(interview, step).split('-', 1)[1]}" for step in changes.done}
    for name, status in statuses(
        to_ics(plan, previous=previous, history=history)
    ).items():
        if name in written:
            assert status in {"COMPLETED", "CONFIRMED"}, name
        elif status in {"COMPLETED", "CONFIRMED"}:
            raise AssertionError(f"{name} is written done, but was not done")

"""The machine's own time zone changes nothing.

A plan is the same on every machine: the library converts instants only to
zones it names, never to the local one.  These tests plan, explain and
export under a zone far from UTC (Kathmandu, +05:45, and Chatham, +13:45
in its summer) and compare with the same work under UTC.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from followup import Event, check_plan, plan_followups
from followup.example import example_interview
from followup.ics import to_ics
from followup.json import to_json

if TYPE_CHECKING:
    from collections.abc import Iterator

HISTORY = (
    Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),
    Event("called", "2026-12-04T15:00:00-05:00", outcome="no-answer"),
)
NOW = "2026-12-05T09:00:00-05:00"


def everything() -> tuple[str, ...]:
    plan = plan_followups(example_interview(), HISTORY, now=NOW)
    fresh = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    return (
        to_json(plan),
        to_json(fresh),
        plan.explain(),
        plan.explain(zone="Europe/Berlin"),
        to_ics(plan).decode(),
        repr(check_plan(plan)),
        repr(check_plan(plan.steps, example_interview(), history=HISTORY)),
    )


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put the machine's zone back, for the C library too, after the test."""
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    "zone", ["Asia/Kathmandu", "Pacific/Chatham", "America/Anchorage"]
)
@pytest.mark.usefixtures("machine_zone")
def test_the_machine_s_zone_changes_nothing(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    in_utc = everything()
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert time.localtime(0).tm_gmtoff != 0
    assert everything() == in_utc

"""What docs/scale.md and docs/api.md say of planning at scale, checked as a user would."""

from __future__ import annotations

import multiprocessing

import pytest

from followup import Interview, InvalidTypeError, plan_many
from followup.ics import CalendarOfPlans


def interviews(count):
    return [
        Interview("Ada", "Acme", f"2026-12-{1 + n % 28:02d}T10:00:00Z")
        for n in range(count)
    ]


def test_many_workers_for_a_short_input_start_a_process_a_chunk_at_most():
    # Three interviews are one chunk: one process to hand it to is all the
    # work needs, whatever `workers` asks for (a huge number once forked
    # until the system killed the program).
    batch = interviews(3)
    plans = plan_many(batch, workers=8)
    first = next(plans)
    assert len(multiprocessing.active_children()) <= 1
    assert [first, *plans] == list(plan_many(batch))
    assert multiprocessing.active_children() == []


def test_many_workers_start_no_more_processes_than_chunks():
    batch = interviews(10)
    plans = plan_many(batch, workers=20, chunk_size=4)
    first = next(plans)
    # Ten interviews in chunks of four are three chunks.
    assert len(multiprocessing.active_children()) <= 3
    assert [first, *plans] == list(plan_many(batch))


@pytest.mark.parametrize("other", [None, 5, "calendar", b""])
def test_a_calendar_takes_zones_only_from_a_calendar_of_plans(other):
    calendar = CalendarOfPlans()
    with pytest.raises(InvalidTypeError) as raised:
        calendar.take_zones(other)
    assert str(raised.value).startswith("other: ")
    assert repr(other) in str(raised.value)

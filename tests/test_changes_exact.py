"""Plan changes: any change at all counts, and a wrong argument is named.

`bool(changes)` is how a program decides whether to touch a calendar, so
added steps alone must count; the refusals name which argument was wrong.
"""

from __future__ import annotations

import pytest

from followup import Event, Interview, InvalidTypeError, plan_changes, plan_followups

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NOW = "2026-11-24T10:00:00-05:00"


def test_steps_added_alone_are_a_change():
    ada = Interview("Ada", "Acme", AT)
    rejected = Event(
        "decision-received", "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    empty = plan_followups(ada, [rejected], now=NOW)
    full = plan_followups(ada, now=NOW)
    changes = plan_changes(empty, full)
    assert (len(changes.added), changes.moved, changes.cancelled) == (3, (), ())
    assert bool(changes) is True
    assert bool(plan_changes(full, full)) is False


@pytest.mark.parametrize("wrong", ["previous", "current"])
def test_an_argument_that_is_not_a_plan_is_refused_by_name(wrong):
    plan = plan_followups(Interview("Ada", "Acme", AT), now=NOW)
    arguments = {"previous": plan, "current": plan, wrong: 5}
    with pytest.raises(InvalidTypeError) as caught:
        plan_changes(**arguments)
    assert (caught.value.field, caught.value.value) == (wrong, 5)
    assert str(caught.value) == f"{wrong}: expected a FollowUpPlan, got int 5"

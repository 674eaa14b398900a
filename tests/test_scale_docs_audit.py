"""What docs/scale.md and docs/api.md say of planning at scale, checked as a user would."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import subprocess
import sys
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    RuleError,
    plan_followups,
    plan_many,
)
from followup._due import ReminderStatus, planning_moment, reminders
from followup.ics import CalendarOfPlans
from followup.rules import NoParams


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


SPAWNED = """
import multiprocessing
from typing import ClassVar

import attrs

from followup import DEFAULT_RULES, FollowUpError, Interview, plan_many
from followup.rules import NoParams


def made():
    @attrs.frozen
    class Local:
        code: ClassVar[str] = "LOC001"
        name: ClassVar[str] = "local"
        summary: ClassVar[str] = "A rule of a notebook's."
        advice: ClassVar[tuple[str, ...]] = ("LOC:own",)
        params: NoParams = attrs.field(factory=NoParams)

        def plan(self, draft):
            return draft

        def check(self, facts, steps):
            return ()

    return Local()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    rules = DEFAULT_RULES.extend(made())
    batch = [Interview("Ada", "Acme", "2026-12-01T10:00:00Z")] * 3
    try:
        list(plan_many(batch, rules=rules, workers=2))
    except FollowUpError as error:
        print(type(error).__name__, error)
    print("children", len(multiprocessing.active_children()))
"""


def test_a_rule_set_that_cannot_reach_spawned_processes_is_refused_by_name(tmp_path):
    # macOS and Windows start processes afresh, and send them the rule set
    # pickled: a rule class defined in a function does not pickle.
    script = tmp_path / "spawned.py"
    script.write_text(SPAWNED)
    run = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert run.returncode == 0, run.stderr
    first, last = run.stdout.splitlines()
    assert first.startswith("InvalidValueError rules: ")
    assert "LOC001" in first
    assert "does not pickle" in first
    assert last == "children 0"


def test_an_overdue_step_is_listed_at_the_time_the_plan_moved_it_to():
    # _due's docstring: "moved to now by FU010" — and, when the order of a
    # late plan asks, later than now: the late follow-up comes after the late
    # thank-you, a business day on, past the day asked about.
    interview = Interview(
        "Ada", "Orbital", "2026-11-26T15:00:00+01:00[Europe/Paris]", id="orbital"
    )
    day = dt.date(2026, 12, 4)
    plan = plan_followups(interview, now=planning_moment(interview, (), day))
    listed = {
        reminder.step.label: reminder
        for reminder in reminders(plan, (), day)
        if reminder.step is not None
    }
    follow_up = listed["follow-up"]
    assert follow_up.status is ReminderStatus.OVERDUE
    assert follow_up.at == follow_up.step.due
    assert follow_up.at.date() > day
    assert "FU012" in follow_up.step.adjusted_by


def test_a_kept_generator_holds_its_processes_until_it_is_closed():
    # docs/scale.md: "you stop taking plans and its generator is closed".
    batch = interviews(200)
    for _ in plan_many(batch, workers=2, chunk_size=4):
        break
    assert multiprocessing.active_children() == []
    with contextlib.closing(plan_many(batch, workers=2, chunk_size=4)) as plans:
        next(plans)
        assert len(multiprocessing.active_children()) == 1
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("workers", [257, 10**6, 2**70])
def test_more_workers_than_the_command_takes_are_refused_by_name(workers):
    # A long input would start a process for each: the command's --workers
    # stops at 256, and so does plan_many.
    with pytest.raises(InvalidValueError) as raised:
        next(plan_many(interviews(3), workers=workers))
    assert str(raised.value).startswith(f"workers: {workers} ")
    assert multiprocessing.active_children() == []


def test_as_many_workers_as_the_command_takes_are_planned_with():
    batch = interviews(3)
    assert list(plan_many(batch, workers=256)) == list(plan_many(batch))


class TalliedError(Exception):
    """A plugin's own error, whose __init__ takes more than its message."""

    def __init__(self, what, count):
        super().__init__(f"{what} x{count}")
        self.what = what
        self.count = count


@attrs.frozen
class FailsOnBo:
    """A rule that fails on Bo's interview with an error that does not load back."""

    code: ClassVar[str] = "BO001"
    name: ClassVar[str] = "fails-on-bo"
    summary: ClassVar[str] = "Fails on Bo."
    advice: ClassVar[tuple[str, ...]] = ("BO:always",)
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        if draft.facts.interview.candidate == "Bo":
            raise TalliedError("no luck", 2)
        return draft

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rule_error_whose_cause_does_not_load_back_comes_back_a_rule_error(workers):
    # docs/scale.md: errors come back "as themselves, a RuleError with the
    # error that caused it (__cause__) where that pickles".  The first chunk
    # goes to the other process.
    batch = [
        Interview("Bo" if n == 0 else "Ada", "Acme", "2026-12-01T10:00:00Z")
        for n in range(20)
    ]
    rules = DEFAULT_RULES.extend(FailsOnBo())
    with pytest.raises(RuleError, match="BO001") as raised:
        list(plan_many(batch, rules=rules, workers=workers, chunk_size=10))
    assert raised.value.code == "BO001"
    assert multiprocessing.active_children() == []


def planned_in_a_pool(count):
    batch = interviews(count)
    try:
        return len(list(plan_many(batch, workers=2)))
    except InvalidValueError as error:
        return str(error)


def test_workers_in_a_pools_worker_are_refused_by_name():
    # A multiprocessing.Pool's workers are daemonic, and may start no
    # process: multiprocessing's own AssertionError came out.
    with multiprocessing.Pool(1) as pool:
        (said,) = pool.map(planned_in_a_pool, [5])
    assert isinstance(said, str)
    assert said.startswith("workers: 2 is more than 1 in a daemonic process")

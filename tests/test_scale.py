"""Planning at scale: streaming batches, pickling for process pools, and Dask."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import itertools
import pickle
import zoneinfo

import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    Interview,
    InvalidTypeError,
    Letter,
    Performance,
    StepKind,
    Window,
    plan_followups,
    plan_many,
)
from followup._draft import Draft
from followup._facts import Facts

ZONES = ("America/New_York", "Europe/Paris", "Asia/Tokyo", "Australia/Sydney")


def interviews(count=None):
    for index in itertools.count() if count is None else range(count):
        at = dt.datetime(
            2026,
            1 + index % 12,
            1 + index % 28,
            9 + index % 8,
            tzinfo=zoneinfo.ZoneInfo(ZONES[index % 4]),
        )
        yield Interview(
            f"Candidate {index}",
            "Acme",
            at,
            interviewer=Contact(
                "Grace",
                timezone=ZONES[(index + 1) % 4],
                country="FR" if index % 3 else None,
            ),
            performance=list(Performance)[index % 4],
        )


def test_plan_many_streams_an_endless_iterable():
    plans = plan_many(interviews())
    first = list(itertools.islice(plans, 25))
    assert [p.interview.candidate for p in first] == [
        f"Candidate {i}" for i in range(25)
    ]


def test_plan_many_plans_as_plan_followups_does():
    batch = list(interviews(40))
    assert list(plan_many(batch)) == [plan_followups(i) for i in batch]
    now = "2026-12-31T12:00:00Z"
    rules = DEFAULT_RULES.ignore("FU011")
    assert list(plan_many(batch, now=now, rules=rules)) == [
        plan_followups(i, (), now=now, rules=rules) for i in batch
    ]


def test_plan_many_takes_interviews_with_their_history():
    interview = next(interviews(1))
    sent = [Event(EventKind.THANK_YOU_SENT, interview.ends_at)]
    (plan,) = plan_many([(interview, sent)], now=interview.ends_at)
    assert StepKind.THANK_YOU not in {s.kind for s in plan.steps}


def test_plan_many_names_the_item_it_cannot_plan():
    plans = plan_many([next(interviews(1)), "Ada"])
    next(plans)
    with pytest.raises(
        InvalidTypeError,
        match=r"^interviews\[1\]: expected an Interview or \(Interview, history\)",
    ):
        next(plans)


def _public_values():
    interview = next(interviews(1))
    plan = plan_followups(interview)
    facts = Facts.gather(interview)
    return [
        interview,
        interview.interviewer,
        Event(
            EventKind.CALLED,
            interview.ends_at,
            outcome="undecided",
            call_back_at=interview.ends_at + dt.timedelta(days=2),
        ),
        plan,
        *plan.steps,
        plan.steps[0].window,
        plan.steps[0].requirements,
        *plan.findings,
        DEFAULT_RULES,
        DEFAULT_RULES.configure("FU008", max_calls=2),
        *DEFAULT_RULES,
        Letter("Thank you", interview, "thank-you"),
        facts,
        Draft(facts, plan.steps, plan.findings),
        StepKind.CALL,
    ]


@pytest.mark.parametrize("value", _public_values(), ids=lambda v: type(v).__name__)
def test_every_public_type_pickles_and_unpickles_equal(value):
    assert pickle.loads(pickle.dumps(value)) == value


def test_plans_come_back_equal_from_a_process_pool():
    batch = list(interviews(60))
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        pooled = list(pool.map(plan_followups, batch, chunksize=15))
    assert pooled == list(plan_many(batch))
    assert [p.steps[0].due.timezone_name for p in pooled] == [
        p.steps[0].due.timezone_name for p in plan_many(batch)
    ]


def test_a_dask_bag_plans_as_plan_many_does():
    bag = pytest.importorskip("dask.bag")
    batch = list(interviews(2000))
    planned = (
        bag.from_sequence(batch, npartitions=8)
        .map(plan_followups)
        .compute(scheduler="processes", num_workers=2)
    )
    assert planned == list(plan_many(batch))


def test_times_in_the_repeated_hour_survive_pickling():
    # pendulum pickles a DateTime without its fold: 01:30 EST would come back
    # as 01:30 EDT, an hour earlier.  followup registers a reduction that
    # keeps it, so plans sent to a process pool keep their instants.
    first = "2026-11-01T01:30:00-04:00[America/New_York]"
    second = "2026-11-01T01:30:00-05:00[America/New_York]"
    window = Window(first, second)
    assert window.end.fold == 1
    again = pickle.loads(pickle.dumps(window))
    assert again == window
    assert again.end.utcoffset() == dt.timedelta(hours=-5)
    interview = Interview("Ada", "Acme", second)
    assert pickle.loads(pickle.dumps(plan_followups(interview))) == plan_followups(
        interview
    )

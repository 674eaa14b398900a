"""Planning in several processes, and on a Dask bag, gives the serial plans."""

from __future__ import annotations

import itertools
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Event,
    EventKind,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    PluginError,
    RuleError,
    plan_many,
)
from strategies import situations

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def interviews(count):
    return [
        Interview(
            "Ada", "Acme", f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:15:00Z"
        )
        for n in range(count)
    ]


@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(situations(), min_size=1, max_size=40), st.integers(1, 9))
def test_processes_give_the_serial_plans_in_the_input_order(drawn, chunk_size):
    items = [(interview, history) for interview, history, _ in drawn]
    # One `now` for the batch: the latest, so that no event lies after it.
    now = max((now for _, _, now in drawn), key=lambda moment: moment.timestamp())
    serial = list(plan_many(items, now=now))
    assert list(plan_many(items, now=now, workers=2, chunk_size=chunk_size)) == serial


LATE = Event(EventKind.THANK_YOU_SENT, "2026-11-30T10:00:00-05:00")


def bad_items():
    """Items one process refuses, each in its own words.

    When taken: no pair, a history that is no sequence of events, holds
    something else or raises; when planned: an event after `now`, an interview that
    is no Interview.  (Made anew each time: one is an iterator.)
    """
    ada = Interview("Ada", "Acme", AT)
    return (
        "Grace",
        (ada, None),
        (ada, "thank-you-sent"),
        (ada, iter([LATE, "called"])),
        (ada, _stopping(1, KeyError("history lost"))),
        (ada, (LATE,)),
        ("Ada", ()),
    )


def _outcome(items, **options):
    # The plans made before the error, and the error's type and words.
    plans = []
    try:
        plans.extend(plan_many(items, now="2026-11-24T12:00:00Z", **options))
    except Exception as error:  # noqa: BLE001 - compared, whatever it is
        return plans, (type(error), str(error))
    return plans, None


def _stopping(count, error):
    # An iterator that raises after `count` items.
    for index in range(count):
        yield Interview("Ada", "Acme", f"2026-11-{1 + index:02d}T10:00:00Z")
    raise error


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 12),
    st.integers(0, len(bad_items()) - 1),
    st.integers(1, 4),
    st.booleans(),
)
def test_processes_stop_where_one_process_stops_with_the_same_error(
    place, bad, chunk_size, stopping
):
    good = [
        Interview("Ada", "Acme", f"2026-11-{1 + index:02d}T10:00:00Z")
        for index in range(place)
    ]
    one = _outcome(
        _stopping(place, KeyError("lost")) if stopping else [*good, bad_items()[bad]]
    )
    many = _outcome(
        _stopping(place, KeyError("lost")) if stopping else [*good, bad_items()[bad]],
        workers=2,
        chunk_size=chunk_size,
    )
    assert many == one
    # Every item before the bad one is planned, then its error is raised.
    assert len(one[0]) == place
    assert one[1] is not None


def test_an_input_that_is_no_iterable_is_refused_by_name():
    for workers in (1, 2):
        with pytest.raises(InvalidTypeError) as caught:
            next(plan_many(5, workers=workers))
        assert str(caught.value) == (
            "interviews: expected an iterable of Interview or (Interview, history), "
            "got int 5"
        )


def test_now_and_rules_reach_the_workers():
    batch = interviews(60)
    rules = DEFAULT_RULES.ignore("FU011")
    now = "2026-12-31T12:00:00Z"
    serial = list(plan_many(batch, now=now, rules=rules))
    parallel = list(plan_many(batch, now=now, rules=rules, workers=2, chunk_size=7))
    assert parallel == serial
    assert all(plan.rules == rules.codes for plan in parallel)


def test_a_consumer_may_stop_early_on_an_endless_input():
    endless = (
        Interview("Ada", "Acme", f"2026-11-{1 + n % 28:02d}T10:00:00Z")
        for n in itertools.count()
    )
    first = list(itertools.islice(plan_many(endless, workers=2, chunk_size=5), 12))
    assert [plan.interview.at.day for plan in first] == [1 + n % 28 for n in range(12)]


def test_an_error_in_a_worker_comes_back_as_itself():
    late = Event(EventKind.THANK_YOU_SENT, "2026-11-30T10:00:00-05:00")
    items = [Interview("Ada", "Acme", AT), (Interview("Ada", "Acme", AT), [late])]
    with pytest.raises(InvalidValueError, match=r"history\[0\].at: .* is after now"):
        list(plan_many(items, workers=2, chunk_size=1))


@pytest.mark.parametrize(
    ("workers", "chunk_size", "error", "message"),
    [
        (0, 10, InvalidValueError, "workers: 0 is not 1 or more"),
        (True, 10, InvalidTypeError, "workers: expected a whole number"),
        (2, 0, InvalidValueError, "chunk_size: 0 is not 1 or more"),
        (2, "10", InvalidTypeError, "chunk_size: expected a whole number"),
    ],
)
def test_workers_and_chunks_are_whole_numbers(workers, chunk_size, error, message):
    with pytest.raises(error, match=message):
        next(plan_many([], workers=workers, chunk_size=chunk_size))


def test_an_item_that_is_no_interview_is_named_by_its_place():
    with pytest.raises(
        InvalidTypeError, match=r"interviews\[1\]: expected an Interview"
    ):
        list(plan_many([Interview("Ada", "Acme", AT), "Grace"], workers=2))


@pytest.mark.parametrize(
    "error",
    [
        InvalidValueError("Interview.company", "", "is empty"),
        InvalidTypeError("Interview.at", 3, "an aware datetime"),
        RuleError("BAD001", "bad-plugin 1.0", "rule BAD001 failed"),
        PluginError("2 plugins cannot be loaded: a; b", ["a", "b"]),
    ],
)
def test_errors_travel_between_processes_whole(error):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)


def test_a_dask_bag_plans_as_plan_many_does():
    bag = pytest.importorskip("dask.bag")
    from followup.scale import plan_bag  # noqa: PLC0415 - only with the dask extra

    batch = interviews(50)
    late = Event(EventKind.THANK_YOU_SENT, "2026-11-23T11:00:00-05:00")
    items = [*batch, (Interview("Ada", "Acme", AT), [late])]
    now = "2026-12-31T12:00:00Z"
    plans = plan_bag(bag.from_sequence(items, npartitions=4), now=now)
    assert plans.compute(scheduler="sync") == list(plan_many(items, now=now))

"""Planning in several processes, and on a Dask bag, gives the serial plans."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import subprocess
import sys
import threading

import pendulum
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
from test_batch_workers import Failing

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
        # The interview is checked first, in any process: a history that is
        # no sequence, or raises, comes after.
        (None, "thank-you-sent"),
        ("Ada", _raising(KeyError("history lost"))),
    )


def _raising(error):
    raise error
    yield  # a generator, which raises when iterated


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


@pytest.mark.parametrize("bad", range(len(bad_items())))
def test_each_bad_item_raises_as_in_one_process(bad):
    # Every kind, every run: the property above draws a few of them.
    one = _outcome([*interviews(3), bad_items()[bad]])
    many = _outcome([*interviews(3), bad_items()[bad]], workers=2, chunk_size=2)
    assert many == one
    assert (len(one[0]), one[1] is not None) == (3, True)


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


def test_an_error_from_a_worker_ends_the_workers_before_it_reaches_you():
    items = [*interviews(6), (Interview("Ada", "Acme", AT), [LATE])]
    # Collected, the generator would be closed and the worker ended anyway;
    # a program that has made little garbage yet has not collected.
    gc.disable()
    try:
        with pytest.raises(InvalidValueError, match="is after now") as caught:
            list(plan_many(items, now="2026-11-24T12:00:00Z", workers=2, chunk_size=1))
        # Still held, with the traceback that holds what raised it.
        assert caught.value.__traceback__ is not None
        assert multiprocessing.active_children() == []
    finally:
        gc.enable()


def test_two_runs_taken_in_turns_each_end_their_own_worker():
    before = set(multiprocessing.active_children())
    first = plan_many(interviews(100), workers=2, chunk_size=4)
    next(first)
    mine = set(multiprocessing.active_children()) - before
    second = plan_many(interviews(100), workers=2, chunk_size=4)
    next(second)
    theirs = set(multiprocessing.active_children()) - before - mine
    assert (len(mine), len(theirs)) == (1, 1)
    # The first run's worker ends once its caller closes its socket (exit
    # code 0), not terminated after a wait because the second run's worker,
    # forked meanwhile, held that socket open too.
    assert len(list(first)) == 99
    assert [process.exitcode for process in mine] == [0]
    assert len(list(second)) == 99
    assert [process.exitcode for process in theirs] == [0]


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork here"
)
def test_a_process_forked_during_a_run_leaves_that_runs_workers_alone():
    run = plan_many(interviews(50), workers=2, chunk_size=2)
    next(run)
    # The forked process holds the run too; finishing it there must not
    # try to end workers that are not its children.
    child = multiprocessing.get_context("fork").Process(target=run.close)
    child.start()
    child.join()
    assert child.exitcode == 0
    assert len(list(run)) == 49


def test_now_travels_with_its_fold_to_processes_that_are_spawned(monkeypatch):
    # Spawned (macOS's default, and Python 3.14's forkserver), a process
    # gets `now` pickled; pendulum pickles a DateTime without its fold.
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda *_: spawn)
    now = pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York").replace(fold=1)
    items = [
        Interview("Ada", "Acme", "2026-10-30T10:00:00-04:00[America/New_York]")
    ] * 6
    serial = list(plan_many(items, now=now))
    assert {plan.as_of.isoformat() for plan in serial} == {"2026-11-01T01:30:00-05:00"}
    assert list(plan_many(items, now=now, workers=2, chunk_size=1)) == serial


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"now": lambda: None}, "now: expected an aware datetime"),
        ({"rules": "FU001"}, "rules: expected a RuleSet"),
    ],
)
def test_a_now_or_rules_planning_refuses_start_no_process(options, said):
    started = []
    # Every kind of process (fork, spawn) starts through the base class.
    original = multiprocessing.process.BaseProcess.start

    def start(process):
        started.append(process)
        original(process)

    def outcome(workers):
        try:
            list(plan_many(interviews(3), workers=workers, **options))
        except InvalidTypeError as error:
            return str(error)
        return None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(multiprocessing.process.BaseProcess, "start", start)
        one, many = outcome(1), outcome(2)
    assert one is not None
    assert one.startswith(said)
    assert many == one
    assert started == []
    # And it is this that sees them: a good `now` and rules start one.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(multiprocessing.process.BaseProcess, "start", start)
        assert len(list(plan_many(interviews(3), workers=2))) == 3
    assert len(started) == 1


class _BoomError(Exception):
    pass


def test_a_rule_error_from_a_worker_keeps_its_cause():
    rules = DEFAULT_RULES.extend(Failing())
    causes = []
    for workers in (1, 2):
        with pytest.raises(RuleError) as caught:
            list(plan_many(interviews(5), rules=rules, workers=workers, chunk_size=1))
        causes.append((type(caught.value.__cause__), caught.value.__cause__.args))
    assert causes == [(ValueError, ("no luck",))] * 2


def test_a_rule_error_pickles_with_its_cause_where_that_pickles():
    caused = RuleError("XPL001", None, "rule XPL001 failed")
    caused.__cause__ = _BoomError("kaboom")
    again = pickle.loads(pickle.dumps(caused))
    assert (type(again.__cause__), again.__cause__.args) == (_BoomError, ("kaboom",))
    # A cause that does not pickle stays behind; the error still travels.
    caused.__cause__ = _BoomError(threading.Lock())
    again = pickle.loads(pickle.dumps(caused))
    assert (again.__cause__, str(again)) == (None, "rule XPL001 failed")


# A program that forks while a run is under way, and whose child ends as a
# program does (atexit, where multiprocessing ends its daemonic children).
FORKS_AND_EXITS = """
import os, sys
from followup import Interview, plan_many

interviews = [Interview("Ada", f"Acme {n}", "2026-11-23T10:00:00Z") for n in range(300)]
run = plan_many(interviews, workers=3, chunk_size=4)
taken = [next(run) for _ in range(20)]
child = os.fork()
if child == 0:
    sys.exit(0)
os.waitpid(child, 0)
taken.extend(run)
print(len(taken))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_program_that_forks_during_a_run_and_exits_leaves_the_run_alone():
    # The child held the run's processes as its own children, and ended them
    # as it exited: the run failed with BrokenProcessPool.
    result = subprocess.run(
        [sys.executable, "-c", FORKS_AND_EXITS],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "300\n", "")


# Races between threads: a run's socket or process registered, or let go
# of, a moment before or after another thread forked.  Each script widens
# that moment with a sleep, in the thread whose run is there.

# A program's own fork while a thread's run has started its worker and not
# yet taken note of it: the child took that worker for its own, and ended
# it as it exited.
FORKS_WHILE_A_RUN_STARTS = """
import os, sys, threading, time, weakref
import followup._workers
from followup import Interview, plan_many

started = threading.Event()

class SlowToNote(weakref.WeakSet):
    def add(self, process):
        if threading.current_thread().name == "run":
            started.set()
            time.sleep(0.5)
        super().add(process)

followup._workers._OTHERS = SlowToNote()
interviews = [Interview("Ada", f"Acme {n}", "2026-11-23T10:00:00Z") for n in range(200)]
planned = []
run = threading.Thread(
    target=lambda: planned.extend(plan_many(interviews, workers=2, chunk_size=4)),
    name="run",
)
run.start()
started.wait()
child = os.fork()
if child == 0:
    sys.exit(0)
os.waitpid(child, 0)
run.join()
print(len(planned))
"""

# Two threads' runs, the first one's processes noted to see how they end.
IN_TWO_THREADS = """
import multiprocessing.process, socket, threading, time
from followup import Interview, plan_many

mine = []
start = multiprocessing.process.BaseProcess.start

def noted_start(process):
    if threading.current_thread().name == "first":
        mine.append(process)
    start(process)

multiprocessing.process.BaseProcess.start = noted_start
{body}
threads = [threading.Thread(target=first, name="first"), threading.Thread(target=second)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
# How the first run's processes ended, read once both threads are done: a
# process started in another thread polls every child as it starts, and a
# child it reaps a moment before this thread reads the exit code reads None.
print([process.exitcode for process in mine])
"""

# A worker of one run forked while another thread's run has opened its
# socket and not yet taken note of it: the worker held the socket open,
# so the first run's worker never saw its caller close it, and was ended
# after a wait instead of ending on its own.
FORKS_WHILE_A_SOCKET_OPENS = IN_TWO_THREADS.format(
    body="""
pair = socket.socketpair

def slow_pair(*args):
    made = pair(*args)
    if threading.current_thread().name == "first":
        time.sleep(0.5)
    return made

socket.socketpair = slow_pair
interviews = [Interview("Ada", f"Acme {n}", "2026-11-23T10:00:00Z") for n in range(400)]

def second():
    run = plan_many(interviews, workers=2, chunk_size=4)
    time.sleep(0.2)
    next(run)
    time.sleep(6)
    run.close()

def first():
    print(len(list(plan_many(interviews[:40], workers=2, chunk_size=2))))
"""
)

# The same, as a run lets go of its socket: a worker of another run forked
# after the socket was struck off the run's list and before it was closed.
FORKS_WHILE_A_SOCKET_CLOSES = IN_TWO_THREADS.format(
    body="""
closing = threading.Event()
close = socket.socket.close

def slow_close(self):
    if threading.current_thread().name == "first" and len(planned) == 40:
        closing.set()
        time.sleep(0.5)
    close(self)

socket.socket.close = slow_close
interviews = [Interview("Ada", f"Acme {n}", "2026-11-23T10:00:00Z") for n in range(40)]
planned = []

def second():
    closing.wait()
    run = plan_many(interviews, workers=2, chunk_size=4)
    next(run)
    time.sleep(6)
    run.close()

def first():
    planned.extend(plan_many(interviews, workers=2, chunk_size=2))
    print(len(planned))
"""
)

# A process forked by a thread that was starting a run's worker: another of
# its threads must be able to start runs too.
RUNS_IN_A_FORKED_PROCESS = """
import os, threading, time
import followup._workers
from followup import Interview, plan_many

interviews = [Interview("Ada", f"Acme {n}", "2026-11-23T10:00:00Z") for n in range(20)]
# Forked while this thread holds what a run holds as it starts a worker.
with followup._workers._RUNS:
    child = os.fork()
if child == 0:
    planned = []
    run = threading.Thread(target=lambda: planned.extend(plan_many(interviews, workers=2)))
    run.start()
    run.join(60)
    print(len(planned), flush=True)
    os._exit(0)
os.waitpid(child, 0)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
@pytest.mark.parametrize(
    ("script", "said"),
    [
        (FORKS_WHILE_A_RUN_STARTS, "200\n"),
        (FORKS_WHILE_A_SOCKET_OPENS, "40\n[0]\n"),
        (FORKS_WHILE_A_SOCKET_CLOSES, "40\n[0]\n"),
        (RUNS_IN_A_FORKED_PROCESS, "20\n"),
    ],
    ids=[
        "a program's fork as a run starts",
        "another run's worker as a socket opens",
        "another run's worker as a socket closes",
        "a run in the forked process",
    ],
)
def test_a_fork_in_another_thread_leaves_every_run_alone(script, said):
    result = subprocess.run(
        # Python 3.12 and later warn of any fork in a process with threads.
        [sys.executable, "-W", "ignore::DeprecationWarning", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, said, "")

"""Planning many interviews: a stream in, a stream out, flat memory.

A job board that replans every open interview each night passes an iterable
of any length; `plan_many` yields one plan at a time and keeps nothing, so
memory stays flat.  Planning is a pure function of its inputs, so the same
work splits over processes (``workers=``) or machines (`followup.scale`;
see ``docs/scale.md``).
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import multiprocessing
import pickle
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from followup._engine import plan_followups, plan_parts_of
from followup._facts import checked_history
from followup._interview import Interview
from followup._plan import PlanParts, plan_with
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._time import coerce_instant, plain
from followup._workers import in_order
from followup.errors import FollowUpError, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from followup._history import Event
    from followup._plan import FollowUpPlan
    from followup._time import InstantLike

__all__ = ["CHUNK", "MOST_WORKERS", "in_chunks", "one_by_one", "plan_many"]

T = TypeVar("T")


def _item(index: int, item: object, called: str) -> tuple[Interview, Iterable[Event]]:
    if isinstance(item, Interview):
        return item, ()
    if isinstance(item, tuple) and len(item) == 2:
        # As `plan_followups` checks them, the interview before the history:
        # an item wrong in both raises the same error in any process.
        if not isinstance(item[0], Interview):
            raise InvalidTypeError(f"{called}[{index}][0]", item[0], "an Interview")
        return item
    raise InvalidTypeError(
        f"{called}[{index}]", item, "an Interview or (Interview, history)"
    )


def _count(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number")
    if value < 1:
        raise InvalidValueError(field, value, "is not 1 or more")
    return value


#: The most processes `plan_many` plans in, as for the command's
#: ``--workers``: more than any machine this runs on has cores is a slip,
#: and a long input would start a process for each of them.
MOST_WORKERS = 256


def _workers(value: object) -> int:
    workers = _count(value, "workers")
    if workers > MOST_WORKERS:
        raise InvalidValueError(
            "workers", workers, f"is more than {MOST_WORKERS} processes"
        )
    return workers


#: Items a chunk of `plan_many` holds by default: enough that a chunk's trip
#: between the processes costs little beside planning it, and few enough
#: that the plans another process sends back (about 90 kB) fit in a
#: socket's buffer, so that it goes on to its next chunk while the caller
#: is busy planning (on two cores, chunks of 50-100 gave 1.55 times one
#: process, 200 gave 1.46 and 400, 1.31).
CHUNK = 64


def plan_many(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
    workers: int = 1,
    chunk_size: int = CHUNK,
) -> Iterator[FollowUpPlan]:
    """Plan each interview in turn, lazily, in the order given.

    Each item is an `Interview`, or a pair ``(interview, history)``.  `now`
    applies to every interview; ``None`` plans each as of its own start.
    With ``workers=1`` (the default) one plan is made per item taken.  With
    more, that many processes plan, this one among them: the items go out
    in chunks of `chunk_size` to the ``workers - 1`` processes started for
    it (started as chunks come, so never more than there are chunks), two
    chunks each at a time, and this process plans the next chunk itself
    whenever they all have two.  At most four chunks a process are
    held, so memory stays flat however long the input, and the plans come
    back in the order of the input, each holding the interview object it
    was given, as in one process.

    >>> from followup import Interview, plan_many
    >>> interviews = (Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")
    ...               for day in range(23, 26))
    >>> [len(plan.steps) for plan in plan_many(interviews)]
    [4, 4, 4]

    Whatever the number of workers, an item that cannot be planned raises
    its error in its turn, after the plans of the items before it, with a
    note naming the item ("while planning interviews[3]: Ada, Acme"), which
    Python 3.11 and later show under the message.

    Raises:
        InvalidTypeError: `interviews` is no iterable, or an item is neither
            an interview nor a pair; the message gives its position.
        InvalidValueError: `workers` or `chunk_size` is below 1, `workers`
            is above `MOST_WORKERS` (256) or above 1 in a daemonic process,
            or, with more than one worker, `rules` does not pickle and
            processes are not forked (macOS and Windows start them afresh).
        BrokenProcessPool: a process it started ended before its work was
            done (killed, say).
    """
    workers = _workers(workers)
    chunk_size = _count(chunk_size, "chunk_size")
    if not isinstance(interviews, Iterable):
        raise InvalidTypeError(
            "interviews", interviews, "an iterable of Interview or (Interview, history)"
        )
    shared = _shared(now, rules) if workers > 1 else None
    if shared is not None:
        # A daemonic process (a multiprocessing.Pool's worker) may start no
        # process: multiprocessing would fail an assertion at the first one.
        if multiprocessing.current_process().daemon:
            raise InvalidValueError(
                "workers",
                workers,
                "is more than 1 in a daemonic process (a multiprocessing.Pool's "
                "worker, say), which may start no processes: plan with workers=1",
            )
        _check_travels(shared[1])
    if shared is None:
        yield from one_by_one(interviews, now, rules, "interviews")
        return
    yield from _in_processes(interviews, shared, workers, chunk_size)


def one_by_one(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    now: InstantLike | None,
    rules: RuleSet,
    called: str,
) -> Iterator[FollowUpPlan]:
    """Plan each item in this process; an error says which item, as `called[i]`."""
    for index, item in enumerate(interviews):
        interview, history = _item(index, item, called)
        try:
            plan = plan_followups(interview, history, now=now, rules=rules)
        except FollowUpError as error:
            _name_the_item(error, f"{called}[{index}]", interview)
            raise
        yield plan


def _name_the_item(error: BaseException, where: str, interview: Interview) -> None:
    """Add a note to `error` naming the item whose planning raised it.

    The message names the field ("history[0].at: ... is after now"), but
    not which of a thousand items holds it.  A note (Python 3.11 and later
    show it under the message) rather than a message of its own, so that
    the error is the one `plan_followups` raises for that item.
    """
    add_note = getattr(error, "add_note", None)
    if add_note is not None:
        add_note(f"while planning {where}: {interview.candidate}, {interview.company}")


def _shared(now: InstantLike | None, rules: RuleSet) -> Shared | None:
    """`now` and `rules` as they travel to other processes; None: they cannot.

    `now` goes as a stdlib datetime on its own zone, which pickles with its
    fold (a `pendulum.DateTime` pickles without it) and reads back as the
    moment it was given.  A `now` or a rule set that planning would refuse
    makes no process: this one plans, and raises what one process raises,
    when one process raises it.
    """
    try:
        moment = None if now is None else plain(coerce_instant(now, "now"))
    except FollowUpError:
        return None
    given: object = rules
    if not isinstance(given, RuleSet):
        return None
    return moment, given


def _check_travels(rules: RuleSet) -> None:
    """Refuse, before any process starts, a rule set the others cannot be given.

    A forked process inherits it; one started afresh ("spawn", the default
    on macOS and Windows, or "forkserver") is sent it pickled, and a rule
    whose class is defined in a function does not pickle: starting the
    process would fail with pickle's own error, naming no rule.
    """
    if multiprocessing.get_start_method() == "fork":
        return
    try:
        pickle.dumps(rules, pickle.HIGHEST_PROTOCOL)
    except Exception as error:
        # The rule at fault, if one is: the message names it by its code.
        culprit = next((rule for rule in rules.rules if not _pickles(rule)), None)
        what = (
            "does not pickle"
            if culprit is None
            else f"is rule {culprit.code}, which does not pickle"
        )
        raise InvalidValueError(
            "rules",
            rules if culprit is None else culprit,
            f"{what} ({type(error).__name__}: {error}), and the other "
            f"processes (started by {multiprocessing.get_start_method()!r}) need "
            "it: define each rule's class at module level, or plan with workers=1",
        ) from error


def _pickles(value: object) -> bool:
    try:
        pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - whatever pickling a stranger raises
        return False
    return True


#: A plan as another process sends it back (what it holds beside its
#: interview: `plan_parts`), or as this process made it; or what planning
#: an item raised, which ends its chunk.
Made: TypeAlias = "PlanParts | FollowUpPlan | Exception"
#: Items as they are handed out: each interview with its history as a tuple.
Items: TypeAlias = "list[tuple[Interview, tuple[Event, ...]]]"
Shared: TypeAlias = "tuple[InstantLike | None, RuleSet]"


def _plan_chunk(shared: Shared, chunk: Items) -> list[Made]:
    # In another process: each plan goes back as what it holds beside its
    # interview (the caller has the interview): see `_in_processes`.  The
    # parts are packed from the engine's own values, not taken apart from a
    # public plan made only for that (89 against 102-103 µs a plan).
    return _planned(plan_parts_of, shared, chunk)


def _plan_chunk_here(shared: Shared, chunk: Items) -> list[Made]:
    # In the caller's process, where the plans stay.
    return _planned(plan_followups, shared, chunk)


def _planned(
    plan: Callable[..., PlanParts | FollowUpPlan], shared: Shared, chunk: Items
) -> list[Made]:
    now, rules = shared
    made: list[Made] = []
    try:
        for interview, history in chunk:
            made.append(plan(interview, history, now=now, rules=rules))
    # Raised in its turn, after the plans before it, as in one process;
    # nothing after it is planned.
    except Exception as error:  # noqa: BLE001
        made.append(error)
    return made


def _taken(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    refused: list[Exception],
) -> Iterator[tuple[Interview, tuple[Event, ...]]]:
    """Each item as it travels to another process: a history made a tuple.

    An item refused as it is taken (or an iterator that raises) ends the
    items: its error goes to `refused`, to be raised once the plans of the
    items before it are out.
    """
    iterator = iter(interviews)
    for index in itertools.count():
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001 - raised in its turn
            refused.append(error)
            return
        try:
            interview, history = _item(index, item, "interviews")
        except FollowUpError as error:
            refused.append(error)
            return
        try:
            # A history may be a generator: made a tuple, it travels.
            events = checked_history(history)
        # Refused, or a history's own iterator raised.
        except Exception as error:  # noqa: BLE001 - raised in its turn
            if isinstance(error, FollowUpError):
                # As in one process, where planning checks the history.
                _name_the_item(error, f"interviews[{index}]", interview)
            refused.append(error)
            return
        yield interview, events


def _in_processes(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    shared: Shared,
    workers: int,
    chunk_size: int,
) -> Iterator[FollowUpPlan]:
    # The chunks in flight, in the order they were taken: the results come
    # back in that order too, and each plan is made with the interview its
    # caller gave, the same object as in one process.
    sent: collections.deque[Items] = collections.deque()
    refused: list[Exception] = []

    def chunks() -> Iterator[Items]:
        for chunk in in_chunks(_taken(interviews, refused), chunk_size):
            sent.append(chunk)
            yield chunk

    done = in_order(
        _plan_chunk, chunks(), workers, shared=shared, here=_plan_chunk_here
    )
    # Closed however this ends, an error raised here included: the other
    # processes end then, not when the garbage collector finds the error's
    # traceback holding this frame.
    with contextlib.closing(done):
        yield from _plans(done, sent)
    if refused:
        raise refused[0]


def _plans(
    done: Iterable[list[Made]], sent: collections.deque[Items]
) -> Iterator[FollowUpPlan]:
    # The position of each item in the input, for the note on an error.
    index = itertools.count()
    for made in done:
        # A plan from another process is made when it is taken, not a chunk
        # at once: a chunk's plans alive together were walked by the cyclic
        # garbage collector again and again, and that cost as much as making
        # them (1.07 times one process against 1.26, over 20,000 interviews).
        # Their parts, tuples and text, come in a chunk at once: one pickle
        # a chunk, not one a plan (1.58 against 1.55).
        # Fewer plans than items only when planning one raised: its error,
        # the last of them, is raised before zip() would miss the rest.
        for (interview, _), plan in zip(sent.popleft(), made, strict=True):
            if isinstance(plan, Exception):
                if isinstance(plan, FollowUpError):
                    _name_the_item(plan, f"interviews[{next(index)}]", interview)
                raise plan
            next(index)
            if isinstance(plan, tuple):
                yield plan_with(interview, plan)
            else:
                yield plan


def in_chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), taken as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk

"""Planning many interviews: a stream in, a stream out, flat memory.

A job board that replans every open interview each night passes an iterable
of any length; `plan_many` yields one plan at a time and keeps nothing, so
memory stays flat.  Planning is a pure function of its inputs, so the same
work splits over processes (``workers=``) or machines (`followup.scale`;
see ``docs/scale.md``).
"""

from __future__ import annotations

import collections
import itertools
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from followup._engine import plan_followups
from followup._interview import Interview
from followup._plan import plan_parts, plan_with
from followup._ruleset import DEFAULT_RULES
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from followup._history import Event
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["CHUNK", "in_chunks", "in_order", "plan_many"]

T = TypeVar("T")
#: A chunk of work, what a worker makes of it, and what every chunk needs.
C = TypeVar("C")
S = TypeVar("S")
R = TypeVar("R")


def _item(index: int, item: object) -> tuple[Interview, Iterable[Event]]:
    if isinstance(item, Interview):
        return item, ()
    if isinstance(item, tuple) and len(item) == 2:
        return item
    raise InvalidTypeError(
        f"interviews[{index}]", item, "an Interview or (Interview, history)"
    )


def _count(value: object, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number")
    if value < 1:
        raise InvalidValueError(field, value, "is not 1 or more")
    return value


#: Items a chunk holds by default (`plan_many`, and the commands'
#: ``--workers``): enough that a chunk's trip between the processes costs
#: little beside planning it, few enough that the first results come back
#: soon, a progress bar moves, and the parent takes plans in as they come
#: (on two cores, chunks of 100-200 gave 1.12 times one process where 500
#: gave 1.04).
CHUNK = 200


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
    more, the items go to that many processes in chunks of `chunk_size`; at
    most two chunks a worker are in flight, so memory stays flat however
    long the input, and the plans come back in the order of the input,
    each holding the interview object it was given, as in one process.

    >>> from followup import Interview, plan_many
    >>> interviews = (Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")
    ...               for day in range(23, 26))
    >>> [len(plan.steps) for plan in plan_many(interviews)]
    [4, 4, 4]

    Raises:
        InvalidTypeError: an item is neither an interview nor a pair; the
            message gives its position.
        InvalidValueError: `workers` or `chunk_size` is below 1.
    """
    workers = _count(workers, "workers")
    chunk_size = _count(chunk_size, "chunk_size")
    items = (_item(index, item) for index, item in enumerate(interviews))
    if workers == 1:
        for interview, history in items:
            yield plan_followups(interview, history, now=now, rules=rules)
        return
    yield from _in_processes(items, now, rules, workers, chunk_size)


def _plan_chunk(
    shared: tuple[InstantLike | None, RuleSet],
    chunk: Sequence[tuple[Interview, Iterable[Event]]],
) -> list[bytes]:
    # Each plan goes back as the pickle of what it holds beside its
    # interview (the parent has the interview), one pickle a plan: see
    # `_in_processes`.
    now, rules = shared
    return [
        pickle.dumps(
            plan_parts(plan_followups(interview, history, now=now, rules=rules)),
            pickle.HIGHEST_PROTOCOL,
        )
        for interview, history in chunk
    ]


def _in_processes(
    items: Iterator[tuple[Interview, Iterable[Event]]],
    now: InstantLike | None,
    rules: RuleSet,
    workers: int,
    chunk_size: int,
) -> Iterator[FollowUpPlan]:
    # The chunks in flight, in the order they were sent: the results come
    # back in that order too, and each plan is made with the interview its
    # caller gave, the same object as in one process.
    sent: collections.deque[list[tuple[Interview, tuple[Event, ...]]]]
    sent = collections.deque()

    def chunks() -> Iterator[list[tuple[Interview, tuple[Event, ...]]]]:
        for chunk in in_chunks(items, chunk_size):
            # A history may be a generator: made a tuple, it travels to the
            # worker.
            made = [(interview, tuple(history)) for interview, history in chunk]
            sent.append(made)
            yield made

    loads = pickle.loads
    for pickled in in_order(_plan_chunk, chunks(), workers, shared=(now, rules)):
        # Each plan is unpickled only when it is taken, not a chunk at once:
        # a chunk's plans alive together were walked by the cyclic garbage
        # collector again and again, and that cost as much as loading them
        # (1.07 times one process against 1.26, over 20,000 interviews).
        for (interview, _), plan in zip(sent.popleft(), pickled, strict=True):
            yield plan_with(interview, loads(plan))


def in_chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), taken as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# What every chunk of a worker process needs (a rule set, say), set once
# when the process starts: it travels to each process once, not per chunk.
_SHARED: list[Any] = []


def _share(shared: object) -> None:
    _SHARED[:] = [shared]


def _work_on(work: Callable[[Any, C], R], chunk: C) -> R:
    return work(_SHARED[0], chunk)


def in_order(
    work: Callable[[S, C], R],
    chunks: Iterable[C],
    workers: int,
    *,
    shared: S,
) -> Iterator[R]:
    """``work(shared, chunk)`` of each chunk, in `workers` processes, in order.

    `shared` goes to each process once, when it starts; `work` is a
    module-level function, which travels with each chunk by name.  At most
    two chunks a worker are in flight, so memory stays flat however long the
    input; a consumer that stops early (or an error) drops the chunks still
    in flight.
    """
    pool = ProcessPoolExecutor(workers, initializer=_share, initargs=(shared,))
    pending: collections.deque[Future[R]] = collections.deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_work_on, work, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

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
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from followup._engine import plan_followups
from followup._interview import Interview
from followup._ruleset import DEFAULT_RULES
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from followup._history import Event
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["plan_many"]


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


def plan_many(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
    workers: int = 1,
    chunk_size: int = 500,
) -> Iterator[FollowUpPlan]:
    """Plan each interview in turn, lazily, in the order given.

    Each item is an `Interview`, or a pair ``(interview, history)``.  `now`
    applies to every interview; ``None`` plans each as of its own start.
    With ``workers=1`` (the default) one plan is made per item taken.  With
    more, the items go to that many processes in chunks of `chunk_size`; at
    most two chunks a worker are in flight, so memory stays flat however
    long the input, and the plans come back in the order of the input.

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


# What each worker process plans with, set once when it starts: the rule set
# and `now` travel to a worker once, not with every chunk.
_WORKER: dict[str, Any] = {}


def _start_worker(now: InstantLike | None, rules: RuleSet) -> None:
    _WORKER["now"], _WORKER["rules"] = now, rules


def _plan_chunk(
    chunk: Sequence[tuple[Interview, Iterable[Event]]],
) -> list[FollowUpPlan]:
    now, rules = _WORKER["now"], _WORKER["rules"]
    return [
        plan_followups(interview, history, now=now, rules=rules)
        for interview, history in chunk
    ]


def _in_processes(
    items: Iterator[tuple[Interview, Iterable[Event]]],
    now: InstantLike | None,
    rules: RuleSet,
    workers: int,
    chunk_size: int,
) -> Iterator[FollowUpPlan]:
    pool = ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(now, rules)
    )
    pending: collections.deque[Future[list[FollowUpPlan]]] = collections.deque()
    try:
        while chunk := [
            (interview, tuple(history))
            for interview, history in itertools.islice(items, chunk_size)
        ]:
            pending.append(pool.submit(_plan_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # A consumer that stops early leaves chunks in flight: drop them.
        pool.shutdown(wait=True, cancel_futures=True)

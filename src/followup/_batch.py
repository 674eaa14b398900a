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
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from followup._engine import plan_followups, plan_parts_of
from followup._interview import Interview
from followup._plan import PlanParts, plan_with
from followup._ruleset import DEFAULT_RULES
from followup._workers import in_order
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup._history import Event
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["CHUNK", "in_chunks", "plan_many"]

T = TypeVar("T")


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
    it, two chunks each at a time, and this process plans the next chunk
    itself whenever they all have two.  At most four chunks a process are
    held, so memory stays flat however long the input, and the plans come
    back in the order of the input, each holding the interview object it
    was given, as in one process.

    >>> from followup import Interview, plan_many
    >>> interviews = (Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")
    ...               for day in range(23, 26))
    >>> [len(plan.steps) for plan in plan_many(interviews)]
    [4, 4, 4]

    Raises:
        InvalidTypeError: an item is neither an interview nor a pair; the
            message gives its position.
        InvalidValueError: `workers` or `chunk_size` is below 1.
        BrokenProcessPool: a process it started ended before its work was
            done (killed, say).
    """
    workers = _count(workers, "workers")
    chunk_size = _count(chunk_size, "chunk_size")
    items = (_item(index, item) for index, item in enumerate(interviews))
    if workers == 1:
        for interview, history in items:
            yield plan_followups(interview, history, now=now, rules=rules)
        return
    yield from _in_processes(items, now, rules, workers, chunk_size)


#: A plan as another process sends it back (what it holds beside its
#: interview: `plan_parts`), or as this process made it.
Made: TypeAlias = "PlanParts | FollowUpPlan"
#: Items as they are handed out: each interview with its history as a tuple.
Items: TypeAlias = "list[tuple[Interview, tuple[Event, ...]]]"


def _plan_chunk(shared: tuple[InstantLike | None, RuleSet], chunk: Items) -> list[Made]:
    # In another process: each plan goes back as what it holds beside its
    # interview (the caller has the interview): see `_in_processes`.  The
    # parts are packed from the engine's own values, not taken apart from a
    # public plan made only for that (89 against 102-103 µs a plan).
    now, rules = shared
    return [
        plan_parts_of(interview, history, now=now, rules=rules)
        for interview, history in chunk
    ]


def _plan_chunk_here(
    shared: tuple[InstantLike | None, RuleSet], chunk: Items
) -> list[Made]:
    # In the caller's process, where the plans stay.
    now, rules = shared
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
    # The chunks in flight, in the order they were taken: the results come
    # back in that order too, and each plan is made with the interview its
    # caller gave, the same object as in one process.
    sent: collections.deque[Items] = collections.deque()

    def chunks() -> Iterator[Items]:
        for chunk in in_chunks(items, chunk_size):
            # A history may be a generator: made a tuple, it travels to the
            # worker.
            made = [(interview, tuple(history)) for interview, history in chunk]
            sent.append(made)
            yield made

    done = in_order(
        _plan_chunk, chunks(), workers, shared=(now, rules), here=_plan_chunk_here
    )
    for made in done:
        # A plan from another process is made when it is taken, not a chunk
        # at once: a chunk's plans alive together were walked by the cyclic
        # garbage collector again and again, and that cost as much as making
        # them (1.07 times one process against 1.26, over 20,000 interviews).
        # Their parts, tuples and text, come in a chunk at once: one pickle
        # a chunk, not one a plan (1.58 against 1.55).
        for (interview, _), plan in zip(sent.popleft(), made, strict=True):
            if isinstance(plan, tuple):
                yield plan_with(interview, plan)
            else:
                yield plan


def in_chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), taken as they are needed."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk

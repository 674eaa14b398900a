"""Planning on a Dask bag: the cores of one machine, or a cluster.

Install the extra (``pip install "followup[dask]"``).  `plan_bag` plans every
partition of a bag with `plan_many`, so a partition costs one rule set and
one `now` however many interviews it holds; the result is a bag of plans in
the order of the input.

>>> import dask.bag as db
>>> from followup import Interview
>>> interviews = [Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")
...               for day in range(23, 27)]
>>> plans = plan_bag(db.from_sequence(interviews, npartitions=2))
>>> [len(plan.steps) for plan in plans.compute(scheduler="sync")]
[4, 4, 4, 4]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followup._batch import one_by_one
from followup._ruleset import DEFAULT_RULES
from followup.errors import InvalidTypeError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import dask.bag

    from followup._history import Event
    from followup._interview import Interview
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["plan_bag"]


def _plan_partition(
    items: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    now: InstantLike | None,
    rules: RuleSet,
) -> list[FollowUpPlan]:
    # An error names the item by its place in the partition.
    return list(one_by_one(items, now, rules, "the partition's items"))


def plan_bag(
    bag: dask.bag.Bag,
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> dask.bag.Bag:
    """A bag of plans, one per interview (or ``(interview, history)`` pair).

    Nothing is planned until the bag is computed, with whichever scheduler
    the caller picks: ``"sync"`` to debug, ``"processes"`` for the cores of
    one machine, a ``dask.distributed`` client for a cluster.

    Raises:
        InvalidTypeError: `bag` is not a Dask bag (a list is for
            `plan_many`), or Dask is not installed to make one.
    """
    try:
        from dask.bag import Bag  # noqa: PLC0415 - the extra, needed here only
    except ImportError:
        # Without Dask there is no bag: whatever was given is not one.
        raise InvalidTypeError(
            "bag",
            bag,
            'a Dask bag (Dask is not installed: pip install "followup[dask]")',
        ) from None
    # A list, plan_many's input, would fail inside as an AttributeError.
    if not isinstance(bag, Bag):
        raise InvalidTypeError("bag", bag, "a Dask bag (dask.bag.Bag)")
    # dask leaves map_partitions unannotated.
    map_partitions: Any = bag.map_partitions
    planned: dask.bag.Bag = map_partitions(_plan_partition, now, rules)
    return planned

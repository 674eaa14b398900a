"""Planning many interviews: a stream in, a stream out, flat memory.

A job board that replans every open interview each night passes an iterable
of any length; `plan_many` yields one plan at a time and keeps nothing, so
memory stays flat.  Planning is a pure function of its inputs, so the same
work splits over processes or machines (see ``docs/scale.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup._engine import plan_followups
from followup._interview import Interview
from followup._ruleset import DEFAULT_RULES
from followup.errors import InvalidTypeError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup._history import Event
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["plan_many"]


def plan_many(
    interviews: Iterable[Interview | tuple[Interview, Iterable[Event]]],
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> Iterator[FollowUpPlan]:
    """Plan each interview in turn, lazily: one plan is made per item taken.

    Each item is an `Interview`, or a pair ``(interview, history)``.  `now`
    applies to every interview; ``None`` plans each as of its own start.

    >>> from followup import Interview, plan_many
    >>> interviews = (Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")
    ...               for day in range(23, 26))
    >>> [len(plan.steps) for plan in plan_many(interviews)]
    [4, 4, 4]

    Raises:
        InvalidTypeError: an item is neither an interview nor a pair; the
            message gives its position.
    """
    for index, item in enumerate(interviews):
        if isinstance(item, Interview):
            yield plan_followups(item, now=now, rules=rules)
        elif isinstance(item, tuple) and len(item) == 2:
            interview, history = item
            yield plan_followups(interview, history, now=now, rules=rules)
        else:
            raise InvalidTypeError(
                f"interviews[{index}]", item, "an Interview or (Interview, history)"
            )

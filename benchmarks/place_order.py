"""What the place phase spends on agreeing, and what another order would save.

The place phase applies the placing rules in the rule set's order until a
whole round moves nothing (`followup._engine._settle`).  With the default
rules, working time (FU011) comes last and moves the follow-up and the
call of nearly every plan, so every other placing rule runs a second time
only to find nothing to do.  This script counts the rule applications of a
plan, times the default order against the same rules with FU011 first in
the phase, and counts the plans whose steps differ between the two orders:
in their times, and in anything (the record of which rules moved a step,
and the reasons that name them).

    python benchmarks/place_order.py [--interviews 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import timeit
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).parent))

from plan_speed import cases, with_history

import followup._engine as engine
from followup import DEFAULT_RULES, RuleSet, plan_followups

if TYPE_CHECKING:
    from collections.abc import Callable


def drawn_situations(count: int) -> list[tuple[object, ...]]:
    """`count` situations of `followup.testing`, the same on every run.

    Histories of every kind, agreed call-backs, late plans: what the test
    suite plans, where the rules move the same step in turn.
    """
    from hypothesis import given, settings  # noqa: PLC0415

    from followup.testing import situations  # noqa: PLC0415

    drawn: list[tuple[object, ...]] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None)
    @given(situations())
    def keep(situation: tuple[object, ...]) -> None:
        drawn.append(situation)

    keep()
    return drawn


def applications(
    planned: list[tuple[object, ...]], rules: RuleSet
) -> collections.Counter[str]:
    """Rule applications over `planned`, by phase, under `rules`."""
    counted: collections.Counter[str] = collections.Counter()
    work = engine._sheet_work  # noqa: SLF001 - counted, then put back

    def counting(rule_set: Any, sheet: Any) -> Callable[[Any], bool]:
        changes = work(rule_set, sheet)

        def counted_changes(rule: Any) -> bool:
            counted[sheet.phase.name] += 1
            return changes(rule)

        return counted_changes

    engine._sheet_work = counting  # noqa: SLF001
    try:
        for interview, events, now in planned:
            plan_followups(interview, events, now=now, rules=rules)
    finally:
        engine._sheet_work = work  # noqa: SLF001
    return counted


def differing(planned: list[tuple[object, ...]], other: RuleSet) -> tuple[int, int]:
    """Plans whose steps differ in their times, and in anything at all."""
    in_times = in_anything = 0
    for interview, events, now in planned:
        first = plan_followups(interview, events, now=now).steps
        second = plan_followups(interview, events, now=now, rules=other).steps
        if first != second:
            in_anything += 1
            if [(s.label, s.window, s.due) for s in first] != [
                (s.label, s.window, s.due) for s in second
            ]:
                in_times += 1
    return in_times, in_anything


def timed(planned: list[tuple[object, ...]], rules: RuleSet, rounds: int) -> float:
    """Median microseconds a plan."""

    def planning() -> None:
        for interview, events, now in planned:
            plan_followups(interview, events, now=now, rules=rules)

    times = [timeit.timeit(planning, number=1) for _ in range(rounds)]
    return statistics.median(times) / len(planned) * 1e6


def report(
    name: str, planned: list[tuple[object, ...]], other: RuleSet, rounds: int
) -> None:
    """Print the applications, the times and the differences for `planned`."""

    def phases(rules: RuleSet) -> str:
        count = applications(planned, rules)
        return ", ".join(
            f"{phase.lower()} {times / len(planned):.1f}"
            for phase, times in count.items()
        )

    in_times, in_anything = differing(planned, other)
    # Taking turns, so that a machine that drifts slows both alike.
    default = first = 0.0
    for _ in range(2):
        default = timed(planned, DEFAULT_RULES, rounds)
        first = timed(planned, other, rounds)
    print(f"{name}: {len(planned)} plans")
    print(f"  rule applications a plan, default order: {phases(DEFAULT_RULES)}")
    print(f"  rule applications a plan, FU011 first:   {phases(other)}")
    print(
        f"  default order {default:6.1f} us/plan, FU011 first "
        f"{first:6.1f} us/plan ({first / default - 1:+.0%})"
    )
    print(f"  plans that differ: {in_times} in their times, {in_anything} in anything")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    first = DEFAULT_RULES.reordered("FU011")
    for country in (None, "US"):
        drawn = cases(options.interviews, country)
        fresh = [(case[0], [], case[0].at) for case in drawn]
        report(f"country {country or '-'}, no history", fresh, first, options.rounds)
        report(
            f"country {country or '-'}, a history of three events",
            with_history(drawn),
            first,
            options.rounds,
        )
    report(
        "the test suite's situations (followup.testing)",
        drawn_situations(options.interviews),
        first,
        options.rounds,
    )


if __name__ == "__main__":
    main()

"""How fast is plan_followups, against a hand-written stdlib planner?

Both plan the same interviews, spread over a year, every hour of the day
and eight zones (quarter-hour offsets, half-hour daylight saving, a
midnight swallowed by a gap), with calls of 1 to 240 minutes; once with an
interviewer who names no country and once with one in the US, whose public
holidays both planners then skip.  Before timing, the script checks that
both planners agree on every window and due time, so the comparison is of
equal work.  Each round times each planner over the whole set; the figures
are medians over the rounds.

Then, for the interviews without a country: planning with a history of
three events (thank-you sent, follow-up sent, a call that brought no
decision), against the reference's time without one (the performance
issue's "with a history of three events, at most 6 times"), and
`check_plan` of each fresh plan against planning it.

Last, planning in its three stages, for the interviews without a country:
gathering the facts, the rules' work on them, and making the public plan.
The first and the last are the part of a plan no rule can make cheaper;
against the reference they bound the ratio from below.

    python benchmarks/plan_speed.py [--rounds 7] [--interviews 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import timeit
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reference_planner import plan_by_hand

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    Interview,
    check_plan,
    plan_followups,
)
from followup._engine import work
from followup._facts import Facts

ZONES = (
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Europe/London",
    "America/New_York",
    "Asia/Tokyo",
    "Pacific/Chatham",
    "UTC",
)
COUNTRIES = (None, "US")

# (interview, its start, minutes, the recipient's zone, country)
Case = tuple[Interview, dt.datetime, int, str, str | None]


def cases(count: int, country: str | None) -> list[Case]:
    """Interviews spread over 2026, the hours of the day, the zones and lengths."""
    # A step through UTC never lands on a wall time that does not exist, and
    # 263 minutes walks every hour of the day while 2,000 steps cover a year.
    first = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    made = []
    for index in range(count):
        name = ZONES[index % len(ZONES)]
        at = (first + dt.timedelta(minutes=263 * index)).astimezone(
            zoneinfo.ZoneInfo(name)
        )
        minutes = 1 + (index * 37) % 240
        contact = Contact(
            "Grace Hopper",
            email="grace@example.com",
            phone="+1 212 555 0123",
            timezone=name,
            country=country,
        )
        interview = Interview(
            "Ada Lovelace", "Acme", at, interviewer=contact, duration=minutes
        )
        made.append((interview, at, minutes, name, country))
    return made


def agree(drawn: list[Case]) -> None:
    for interview, at, minutes, name, country in drawn:
        ours = [
            (s.kind.value, s.window.start, s.window.end, s.due)
            for s in plan_followups(interview).steps
        ]
        theirs = plan_by_hand(at, minutes, name, country)
        if [(k, *map(dt.datetime.isoformat, v)) for k, *v in ours] != [
            (k, *map(dt.datetime.isoformat, v)) for k, *v in theirs
        ]:
            sys.exit(f"the planners disagree on {interview}:\n{ours}\n{theirs}")


def timed(drawn: list[Case], rounds: int) -> tuple[float, float]:
    """Median seconds a plan: plan_followups, then the reference."""
    interviews = [case[0] for case in drawn]
    arguments = [case[1:] for case in drawn]

    def library() -> None:
        for interview in interviews:
            plan_followups(interview)

    def reference() -> None:
        for at, minutes, name, country in arguments:
            plan_by_hand(at, minutes, name, country)

    ours, theirs = [], []
    # Interleaved, so that a noisy neighbour slows both alike.
    for _ in range(rounds):
        ours.append(timeit.timeit(library, number=1) / len(drawn))
        theirs.append(timeit.timeit(reference, number=1) / len(drawn))
    return statistics.median(ours), statistics.median(theirs)


# An interview, what happened after it, and when the plan is made.
Replan = tuple[Interview, list[Event], dt.datetime]


def with_history(drawn: list[Case]) -> list[Replan]:
    """Each interview with three events after it, planned the day after the last."""
    made: list[Replan] = []
    for interview, *_ in drawn:
        start = interview.at
        events = [
            Event("thank-you-sent", start.add(hours=2)),
            Event("follow-up-sent", start.add(days=2)),
            Event("called", start.add(days=9), outcome="undecided"),
        ]
        made.append((interview, events, start.add(days=10)))
    return made


def timed_history(planned: list[Replan], rounds: int) -> float:
    """Median seconds a plan with its history."""

    def library() -> None:
        for interview, events, now in planned:
            plan_followups(interview, events, now=now)

    return statistics.median(
        timeit.timeit(library, number=1) / len(planned) for _ in range(rounds)
    )


def timed_check(drawn: list[Case], rounds: int) -> tuple[float, float]:
    """Median seconds to check a fresh plan, and to make it."""
    plans = [plan_followups(case[0]) for case in drawn]

    def checking() -> None:
        for plan in plans:
            check_plan(plan)

    def planning() -> None:
        for case in drawn:
            plan_followups(case[0])

    checks, makes = [], []
    for _ in range(rounds):
        checks.append(timeit.timeit(checking, number=1) / len(plans))
        makes.append(timeit.timeit(planning, number=1) / len(plans))
    return statistics.median(checks), statistics.median(makes)


def timed_stages(drawn: list[Case], rounds: int) -> tuple[float, float, float]:
    """Median seconds a plan in each stage: the facts, the rules, the public plan.

    Three loops over the interviews, taking turns: gathering the facts; the
    facts and the rules' work on them (`followup._engine`); and the whole of
    `plan_followups`.  Each stage is the difference between a loop and the
    one before it, so that each plan's stages run one after the other, as
    they do when it is planned.
    """
    interviews = [case[0] for case in drawn]
    calendar = DEFAULT_RULES.calendar

    def facts() -> None:
        for interview in interviews:
            Facts.gather(interview, (), None, calendar)

    def facts_and_rules() -> None:
        for interview in interviews:
            work(DEFAULT_RULES, Facts.gather(interview, (), None, calendar))

    def whole() -> None:
        for interview in interviews:
            plan_followups(interview)

    loops: tuple[list[float], list[float], list[float]] = ([], [], [])
    for _ in range(rounds):
        for times, loop in zip(loops, (facts, facts_and_rules, whole), strict=True):
            times.append(timeit.timeit(loop, number=1) / len(interviews))
    gathered, worked, planned = (statistics.median(times) for times in loops)
    return gathered, worked - gathered, planned - worked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--interviews", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}"
    )
    print(
        f"interviews: {args.interviews} across {len(ZONES)} zones, calls of "
        f"1-240 minutes, rounds: {args.rounds}"
    )
    for country in COUNTRIES:
        drawn = cases(args.interviews, country)
        agree(drawn)
        mine, hand = timed(drawn, args.rounds)
        print(f"interviewer's country: {country or 'none'}")
        print(
            f"  plan_followups:  {mine * 1e6:8.1f} us/plan  {1 / mine:10,.0f} plans/s"
        )
        print(
            f"  stdlib by hand:  {hand * 1e6:8.2f} us/plan  {1 / hand:10,.0f} plans/s"
        )
        print(f"  ratio:           {mine / hand:8.1f}")
        if country is None:
            reference = hand
    drawn = cases(args.interviews, None)
    history = timed_history(with_history(drawn), args.rounds)
    print("with a history of three events (no country):")
    print(
        f"  plan_followups:  {history * 1e6:8.1f} us/plan  {1 / history:10,.0f} plans/s"
    )
    print(f"  ratio to the reference without history: {history / reference:6.1f}")
    check, make = timed_check(drawn, args.rounds)
    print("check_plan of a fresh plan (no country):")
    print(f"  check_plan:      {check * 1e6:8.1f} us/plan")
    print(f"  plan_followups:  {make * 1e6:8.1f} us/plan")
    print(f"  ratio:           {check / make:8.2f}")
    gather, rules, public = timed_stages(drawn, args.rounds)
    print("planning in stages (no country):")
    print(f"  the facts:       {gather * 1e6:8.1f} us/plan")
    print(f"  the rules:       {rules * 1e6:8.1f} us/plan")
    print(f"  the public plan: {public * 1e6:8.1f} us/plan")
    print(
        "  facts and public plan against the reference: "
        f"{(gather + public) / reference:5.1f}"
    )


if __name__ == "__main__":
    main()

"""How fast is plan_followups, against a hand-written stdlib planner?

Both plan the same few hundred interviews, drawn across zones, in the same
process; each round times both; the figures are medians over the rounds.
Before timing, the script checks that both planners agree on every window
and due time, so the comparison is of equal work.

    python benchmarks/plan_speed.py [--rounds 7] [--interviews 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reference_planner import plan_by_hand

from followup import Contact, Interview, plan_followups

ZONES = (
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Africa/Johannesburg",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def cases(count: int) -> list[tuple[Interview, dt.datetime, str]]:
    """Interviews spread over a year, the hours of a working day and the zones."""
    made = []
    for index in range(count):
        name = ZONES[index % len(ZONES)]
        at = dt.datetime(
            2026,
            1 + index % 12,
            1 + (index * 7) % 28,
            8 + index % 9,
            (index * 15) % 60,
            tzinfo=zoneinfo.ZoneInfo(name),
        )
        contact = Contact(
            "Grace Hopper",
            email="grace@example.com",
            phone="+1 212 555 0123",
            timezone=name,
        )
        made.append(
            (Interview("Ada Lovelace", "Acme", at, interviewer=contact), at, name)
        )
    return made


def agree(drawn: list[tuple[Interview, dt.datetime, str]]) -> None:
    for interview, at, name in drawn:
        ours = [
            (s.kind.value, s.window.start, s.window.end, s.due)
            for s in plan_followups(interview).steps
        ]
        theirs = plan_by_hand(at, 30, name)
        if [(k, *map(dt.datetime.isoformat, v)) for k, *v in ours] != [
            (k, *map(dt.datetime.isoformat, v)) for k, *v in theirs
        ]:
            sys.exit(f"the planners disagree on {interview}:\n{ours}\n{theirs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--interviews", type=int, default=300)
    args = parser.parse_args()
    drawn = cases(args.interviews)
    agree(drawn)
    ours, theirs = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for interview, _at, _name in drawn:
            plan_followups(interview)
        ours.append((time.perf_counter() - start) / len(drawn))
        start = time.perf_counter()
        for _interview, at, name in drawn:
            plan_by_hand(at, 30, name)
        theirs.append((time.perf_counter() - start) / len(drawn))
    mine, hand = statistics.median(ours), statistics.median(theirs)
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}"
    )
    print(f"interviews: {len(drawn)} across {len(ZONES)} zones, rounds: {args.rounds}")
    print(f"plan_followups:      {mine * 1e6:8.1f} us/plan  {1 / mine:9,.0f} plans/s")
    print(f"stdlib by hand:      {hand * 1e6:8.1f} us/plan  {1 / hand:9,.0f} plans/s")
    print(f"ratio:               {mine / hand:8.2f}  (target <= 5, aim 3)")


if __name__ == "__main__":
    main()

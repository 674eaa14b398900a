"""Plan a million interviews through plan_many and report the peak memory.

The interviews are generated on the fly and each plan is dropped once
counted, as a nightly job would write it out: memory must stay flat however
many pass through, in this process and, with ``--workers``, in the others.

    python benchmarks/batch_memory.py [--count 1000000] [--workers 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
import zoneinfo
from collections.abc import Iterator

from followup import Contact, Interview, plan_many

ZONES = [
    zoneinfo.ZoneInfo(name)
    for name in ("America/New_York", "Europe/Paris", "Asia/Tokyo")
]


def interviews(count: int) -> Iterator[Interview]:
    contact = Contact(
        "Grace Hopper", email="grace@example.com", phone="+1 212 555 0123"
    )
    base = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)
    for index in range(count):
        at = (base + dt.timedelta(minutes=37 * index)).astimezone(ZONES[index % 3])
        yield Interview("Ada Lovelace", "Acme", at, interviewer=contact)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    # Linux reports kibibytes, macOS bytes.
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    steps = 0
    marks = {args.count // 10 * k for k in (1, 5, 10)}
    plans = plan_many(interviews(args.count), workers=args.workers)
    for index, plan in enumerate(plans, start=1):
        steps += len(plan.steps)
        if index in marks:
            elapsed = time.perf_counter() - start
            print(f"{index:>9,} plans  peak {peak_mb():6.1f} MB  {elapsed:7.1f} s")
    elapsed = time.perf_counter() - start
    print(
        f"plans: {args.count:,}, steps: {steps:,}, {args.count / elapsed:,.0f} plans/s "
        "(interview construction included)"
    )
    print(f"peak memory: {peak_mb():.1f} MB  (target < 200 MB)")
    if args.workers > 1:
        # Known once they have ended: the largest of the other processes.
        others = peak_mb(resource.RUSAGE_CHILDREN)
        print(f"peak memory of another process: {others:.1f} MB")


if __name__ == "__main__":
    main()

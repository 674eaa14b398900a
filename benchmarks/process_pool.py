"""plan_many in one process and in two: plans/s, the speed-up, and pickling costs.

Run from the repository root: ``python benchmarks/process_pool.py [COUNT]
[ROUNDS]``. The figures need two free cores; on a busy machine the speed-up
shrinks. One process and two take turns, ROUNDS times (3 by default), and
the best rate of each is kept: this machine's speed drifts within minutes,
and a single pair of runs can show a speed-up anywhere from 1.2 to 1.5.
"""

from __future__ import annotations

import pickle
import sys
import time
import timeit

from followup import Contact, Interview, plan_followups, plan_many

ZONES = (
    "America/New_York",
    "Europe/London",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Asia/Tokyo",
    "America/Santiago",
    "Pacific/Chatham",
    "UTC",
)


def interviews(count: int) -> list[Interview]:
    return [
        Interview(
            "Ada Lovelace",
            "Acme",
            f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z",
            interviewer=Contact("Grace Hopper", timezone=ZONES[n % len(ZONES)]),
            duration=3 + n % 88,
        )
        for n in range(count)
    ]


def rate(batch: list[Interview], workers: int) -> float:
    started = time.perf_counter()
    for _ in plan_many(batch, workers=workers):
        pass
    return len(batch) / (time.perf_counter() - started)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    batch = interviews(count)
    list(plan_many(batch[:100]))  # warm the caches
    serial = parallel = 0.0
    for _ in range(rounds):
        serial = max(serial, rate(batch, 1))
        parallel = max(parallel, rate(batch, 2))
    plan = plan_followups(batch[0])
    blob = pickle.dumps(plan)
    dump = min(timeit.repeat(lambda: pickle.dumps(plan), number=2000, repeat=5)) / 2000
    # Our own pickles, made a line above.
    loads = pickle.loads
    load = min(timeit.repeat(lambda: loads(blob), number=2000, repeat=5)) / 2000
    print(f"interviews:           {count}, best of {rounds} rounds")
    print(f"serial:               {serial:,.0f} plans/s")
    print(f"two processes:        {parallel:,.0f} plans/s")
    print(f"speed-up:             {parallel / serial:.2f}")
    print(f"pickle a plan:        {dump * 1e6:.1f} us dump, {load * 1e6:.1f} us load")
    print(f"a pickled plan:       {len(blob)} bytes")


if __name__ == "__main__":
    main()

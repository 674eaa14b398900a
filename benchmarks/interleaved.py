"""Time plan_followups at two commits, taking turns, so that drift hits both.

This machine's speed drifts by a fifth within minutes, so two runs an hour
apart say little about a change.  This script plans the same interviews
(those of ``plan_speed.py``) in a fresh process for each commit in turn,
``--rounds`` times, and prints the best and the median of each.

Check the older commit out beside this one first, then give both ``src``
folders::

    git worktree add /tmp/before ed1c7b9
    python benchmarks/interleaved.py /tmp/before/src src --rounds 6
    python benchmarks/interleaved.py /tmp/before/src src --country US
    python benchmarks/interleaved.py /tmp/before/src src --history
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Run in each child process, with the commit's src first on its path.
CHILD = """
import sys, timeit
sys.path.insert(0, {benchmarks!r})
from plan_speed import cases, with_history
from followup import plan_followups
drawn = cases({count}, {country!r})
if {history!r}:
    work = [(interview, events, now) for interview, events, now in with_history(drawn)]
else:
    work = [(case[0], (), None) for case in drawn]
def run():
    for interview, events, now in work:
        plan_followups(interview, events, now=now)
run()
print(min(timeit.repeat(run, number=1, repeat=5)) / len(work) * 1e6)
"""


def once(src: Path, code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the older commit's src folder")
    parser.add_argument("after", type=Path, help="the newer commit's src folder")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--country", default=None, help="the interviewer's, e.g. US")
    parser.add_argument("--history", action="store_true", help="three events each")
    args = parser.parse_args()
    code = CHILD.format(
        benchmarks=str(HERE),
        count=args.interviews,
        country=args.country,
        history=args.history,
    )
    times: dict[Path, list[float]] = {args.before: [], args.after: []}
    for turn in range(args.rounds):
        order = (
            (args.before, args.after) if turn % 2 == 0 else (args.after, args.before)
        )
        for src in order:
            times[src].append(once(src, code))
    for label, src in (("before", args.before), ("after", args.after)):
        runs = times[src]
        print(
            f"{label:6} {src}: best {min(runs):.1f} µs a plan, "
            f"median {statistics.median(runs):.1f}"
        )
    print(
        f"after / before, best: {min(times[args.after]) / min(times[args.before]):.3f}"
    )


if __name__ == "__main__":
    main()

"""Time the command over a JSON Lines file of 100,000 interviews, end to end.

Generates the interviews (eight zones, an interviewer elsewhere for some, a
country's holidays for some, a history for about half) into a temporary
file, then runs, as a user would:

    followup plan FILE --format jsonl --output OUT --now NOW [--workers N]
    followup due FILE --on DAY [--workers N]

and prints the wall time, plans a second and the peak RSS of each run: in
one process, then with ``--workers N`` (two by default; 1 skips them).
``--repeat K`` runs each command K times in turn and prints the median and
the range as well: on a shared machine one run's time depends on the
minute.  ``--profile N`` then profiles ``plan`` over the first N lines in
this process and splits the time between reading, planning and writing.

    python benchmarks/batch_jsonl.py [--count 100000] [--workers 2] [--repeat 1]
                                     [--profile 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

from followup._json_lines import json_line, json_line_of_stdlib
from followup.cli import main as followup

NOW = "2026-12-01T12:00:00+00:00"
DAY = "2026-12-01"
ZONES = (
    ("America/New_York", "US"),
    ("America/Los_Angeles", "US"),
    ("Europe/Paris", "FR"),
    ("Europe/London", "GB"),
    ("Europe/Berlin", "DE"),
    ("Asia/Kolkata", "IN"),
    ("Asia/Tokyo", "JP"),
    ("Australia/Sydney", "AU"),
)


def _at(moment: dt.datetime, zone: str) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local.isoformat()}[{zone}]"


def line(index: int, pick: random.Random) -> str:
    """One interview of a tracker, as the batch-line schema has it."""
    zone, _ = ZONES[index % len(ZONES)]
    start = dt.datetime(2026, 10, 1, 13, tzinfo=dt.timezone.utc) + dt.timedelta(
        minutes=pick.randrange(60 * 24 * 60)
    )
    interview: dict[str, object] = {
        "candidate": f"Candidate {index}",
        "company": f"Company {index % 997}",
        "at": _at(start, zone),
    }
    if index % 2:
        there, there_country = ZONES[(index // 2) % len(ZONES)]
        contact: dict[str, object] = {"name": "Grace Hopper", "timezone": there}
        if index % 4 == 1:
            contact["email"] = "grace@example.com"
            contact["country"] = there_country
        interview["interviewer"] = contact
    history: list[dict[str, object]] = []
    moment = start + dt.timedelta(hours=1)
    for kind in ("thank-you-sent", "follow-up-sent", "called"):
        if pick.random() < 0.45 or moment >= dt.datetime.fromisoformat(NOW):
            break
        event: dict[str, object] = {"kind": kind, "at": _at(moment, zone)}
        if kind == "called":
            event["outcome"] = pick.choice(["undecided", "no-answer", "rejected"])
        history.append(event)
        moment += dt.timedelta(days=pick.randrange(1, 8))
    record: dict[str, object] = {"id": f"app-{index}", "interview": interview}
    if history:
        record["history"] = history
    return json.dumps(record)


def generate(path: Path, count: int) -> None:
    pick = random.Random(20261201)  # noqa: S311 - test data, not secrets
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(line(index, pick) + "\n")


def timed(args: list[str]) -> tuple[float, float, int]:
    """Run the command; return its wall seconds, peak RSS in MB, exit status."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "followup", *args], stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports kibibytes, macOS bytes.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return elapsed, peak, child.returncode


def profile(source: Path, count: int, out: Path) -> None:
    head = out.with_name("head.jsonl")
    with source.open(encoding="utf-8") as lines, head.open("w") as target:
        for _ in range(count):
            target.write(lines.readline())
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(
        followup,
        ["plan", str(head), "--format", "jsonl", "--output", str(out), "--now", NOW],
    )
    elapsed = time.perf_counter() - start
    stats = pstats.Stats(profiler, stream=io.StringIO())
    cumulative = {
        (Path(file).name, name): entry[3]
        for (file, _, name), entry in stats.stats.items()  # type: ignore[attr-defined]
    }

    def spent(file: str, name: str) -> float:
        return cumulative.get((file, name), 0.0)

    # Reading is each line's, planning is plan_followups', and writing is
    # turning the plan into its line of JSON.
    read = spent("_inputs.py", "_line")
    plan = spent("_engine.py", "plan_followups")
    write = spent("_batch_work.py", "piece")
    parts = {
        "read: JSON, interviews and histories checked": read,
        "  of which the JSON text": spent("_parsing.py", "read_json"),
        "  of which the interviews and interviewers": spent("_inputs.py", "_interview"),
        "  of which the histories": spent("_inputs.py", "_events"),
        "plan: plan_followups": plan,
        "write: unstructure and JSON text": write,
        "  of which unstructure": spent("json.py", "unstructure"),
    }
    print(f"\nprofile of plan over {count:,} lines: {elapsed:.2f} s under cProfile")
    for label, seconds in parts.items():
        print(f"  {label:<48} {seconds:6.2f} s  {seconds / elapsed:6.1%}")
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("tottime").print_stats(12)
    print(report.getvalue())


def _writer() -> str:
    """Which encoder writes the lines: orjson with the ``fast`` extra."""
    if json_line is json_line_of_stdlib:
        return "the standard library's json (without the fast extra)"
    return f"orjson {version('orjson')} (the fast extra)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2, metavar="N")
    parser.add_argument("--repeat", type=int, default=1, metavar="K")
    parser.add_argument("--profile", type=int, default=10_000, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "interviews.jsonl"
        out = Path(folder) / "plans.jsonl"
        start = time.perf_counter()
        generate(source, args.count)
        size = source.stat().st_size / 1e6
        print(
            f"generated {args.count:,} lines ({size:.1f} MB) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        print(f"JSON Lines written by {_writer()}")
        plan = ["plan", str(source), "--format", "jsonl", "--output", str(out)]
        runs = {
            "plan --format jsonl": [*plan, "--now", NOW],
            "due": ["due", str(source), "--on", DAY],
        }
        if args.workers > 1:
            workers = ["--workers", str(args.workers)]
            runs[f"plan, {args.workers} workers"] = [*plan, "--now", NOW, *workers]
            runs[f"due, {args.workers} workers"] = [
                "due",
                str(source),
                "--on",
                DAY,
                *workers,
            ]
        times: dict[str, list[float]] = {label: [] for label in runs}
        # In turns, not each command K times over: a slow minute then slows
        # one run of every command, not every run of one.
        for _ in range(max(1, args.repeat)):
            for label, command in runs.items():
                elapsed, peak, status = timed(command)
                times[label].append(elapsed)
                print(
                    f"{label:<22} {elapsed:6.1f} s  "
                    f"{args.count / elapsed:8,.0f} plans/s  "
                    f"peak RSS {peak:6.1f} MB  exit {status}"
                )
        if args.repeat > 1:
            print(f"over {args.repeat} runs each:")
            for label, seconds in times.items():
                print(
                    f"  {label:<22} median {statistics.median(seconds):6.1f} s  "
                    f"range {min(seconds):.1f}-{max(seconds):.1f} s"
                )
        with out.open(encoding="utf-8") as plans:
            written = sum(1 for _ in plans)
        print(f"plans written: {written:,}  (target: {args.count:,} in < 10 s)")
        if args.profile:
            with contextlib.redirect_stderr(io.StringIO()):
                profile(source, min(args.profile, args.count), out)


if __name__ == "__main__":
    main()

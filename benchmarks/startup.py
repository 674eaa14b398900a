"""What a fresh process pays before followup does anything, and for a first plan.

Every figure is the median over several fresh processes:

* the import cost: what `-X importtime` reports for `followup` once `attrs`
  and `pendulum` are already imported (the two it cannot do without);
* the first `Contact` with a country, and the first with a country and a
  subdivision, each timed in-process with `time.perf_counter` right after
  `import followup` in a fresh process (they check the codes against the
  public-holiday calendars: a country alone reads the holidays package's
  table of countries, a subdivision imports the package's countries);
* the wall time of `python -m followup --help`, of
  `python -m followup plan --example`, and of the README's
  `python -m followup plan examples/interview.toml --now ...`, interpreter
  start-up included.  The file's interviewer has an email address and a
  phone number, which load the packages that check them; the built-in
  example's interviewer is built already checked.

    python benchmarks/startup.py [--runs 15]

The processes run with bytecode, as an installed package does (one warm-up
run writes it where it is missing).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# As a user's installation runs: with the bytecode that pip compiles.  This
# workplace sets PYTHONDONTWRITEBYTECODE, which would make every run compile
# every module from source.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

DOCUMENTED = str(Path(__file__).resolve().parent.parent / "examples" / "interview.toml")
PLAN_FILE = ("-m", "followup", "plan", DOCUMENTED, "--now", "2026-11-23T10:30:00-05:00")

FIRST_CONTACT = """
import sys
import time
import followup

start = time.perf_counter()
followup.Contact("Grace", country="US", subdivision=sys.argv[1] or None)
print(time.perf_counter() - start)
"""


def import_cost() -> float:
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import attrs, pendulum; import followup",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    for line in result.stderr.splitlines():
        fields = [part.strip() for part in line.split("|")]
        if len(fields) == 3 and fields[2] == "followup":
            return int(fields[1]) / 1e6
    raise SystemExit("no import time for followup")


def first_contact(subdivision: str = "") -> float:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_CONTACT, subdivision],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    return float(result.stdout)


def wall_time(*command: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *command], capture_output=True, check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = range(args.runs)
    # One run first, to write the bytecode where it is still missing.
    wall_time("-m", "followup", "plan", "--example")
    # Interleaved, so that a burst of load elsewhere spreads over every figure.
    figures: dict[str, list[float]] = {
        "import": [],
        "contact": [],
        "subdivision": [],
        "help": [],
        "plan": [],
        "file": [],
        "bare": [],
    }
    for _ in runs:
        figures["import"].append(import_cost())
        figures["contact"].append(first_contact())
        figures["subdivision"].append(first_contact("NY"))
        figures["help"].append(wall_time("-m", "followup", "--help"))
        figures["plan"].append(wall_time("-m", "followup", "plan", "--example"))
        figures["file"].append(wall_time(*PLAN_FILE))
        figures["bare"].append(wall_time("-c", "pass"))
    ms = {name: statistics.median(values) * 1e3 for name, values in figures.items()}
    print(f"runs: {args.runs} (medians)")
    for name, label, target in (
        ("import", "import followup after attrs, pendulum", "(<= +20 ms)"),
        ("contact", "first Contact with a country", "(<= 5 ms)"),
        ("subdivision", "first Contact with country, subdivision", ""),
        ("help", "followup --help, wall time", "(< 300 ms)"),
        ("plan", "followup plan --example, wall time", "(<= 150 ms)"),
        ("file", "followup plan examples/interview.toml", ""),
        ("bare", "python -c pass, for scale", ""),
    ):
        print(f"{label + ':':41} {ms[name]:6.1f} ms  {target}".rstrip())


if __name__ == "__main__":
    main()

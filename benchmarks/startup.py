"""What `import followup` and `followup --help` cost, in fresh processes.

The import figure is the median, over several runs, of what `-X importtime`
reports for `followup` once `attrs` and `pendulum` are already imported (the
two it cannot do without).  The command figure is the median wall time of
`python -m followup --help`, interpreter start-up included.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


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
    )
    for line in result.stderr.splitlines():
        fields = [part.strip() for part in line.split("|")]
        if len(fields) == 3 and fields[2] == "followup":
            return int(fields[1]) / 1e6
    raise SystemExit("no import time for followup")


def help_time() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "followup", "--help"], capture_output=True, check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    imports = [import_cost() for _ in range(args.runs)]
    helps = [help_time() for _ in range(args.runs)]
    bare = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    print(f"runs: {args.runs}")
    imported, helped = statistics.median(imports), statistics.median(helps)
    print(
        f"import followup after attrs, pendulum: {imported * 1e3:6.1f} ms  (<= 30 ms)"
    )
    print(f"followup --help, wall time:           {helped * 1e3:6.1f} ms  (< 300 ms)")
    print(
        f"python -c pass, for scale:            {statistics.median(bare) * 1e3:6.1f} ms"
    )


if __name__ == "__main__":
    main()

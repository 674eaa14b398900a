"""How long does check_letter take on huge letters of hostile shapes?

The hardening issue's target: a 10 MB letter in under 5 s, and time linear
in the letter's length (10 MB about ten times 1 MB).  Each shape is read as
a thank-you and as a follow-up; the figures are single runs, since one
run of a 10 MB letter is long enough to measure.

    python benchmarks/letters.py [--sizes 1000000 10000000]
"""

from __future__ import annotations

import argparse
import platform
import random
import time

from followup import Interview, check_letter

INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)


def shapes(size: int) -> dict[str, str]:
    """Letters of `size` characters that once made a reader backtrack."""
    rnd = random.Random(size)  # noqa: S311 - the same letters every run, no secret
    alphabet = "ab .!?\n\t\u00a0…1:/-,'"
    return {
        "random marks and spaces": "".join(rnd.choice(alphabet) for _ in range(size)),
        "a run of dots": "." * (size - 1) + "x",
        "a run of no-break spaces": "a" + "\u00a0" * (size - 1),
        "digits before long spaces": ("1" + " " * 999) * (size // 1000),
        "words": ("Thank you for the call on 23 November at 10:00 am. " * size)[:size],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}"
    )
    for size in args.sizes:
        print(f"{size:,} characters:")
        for name, text in shapes(size).items():
            for kind in ("thank-you", "follow-up"):
                start = time.perf_counter()
                check_letter(text, INTERVIEW, kind)
                took = time.perf_counter() - start
                print(f"  {name:28} {kind:10} {took:7.2f} s")


if __name__ == "__main__":
    main()

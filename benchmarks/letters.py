"""How right and how fast is check_letter on letters people write, and on hostile ones?

Without arguments: the labelled corpus of tests/letters, per language — how
many labels, false positives (a finding for an element the letter has),
false negatives (no finding for one it lacks), and letters checked a second
(the best of `--rounds`; targets: 5,000 a second in English, 2,000 in the
other languages).  The rates are the ones tests/test_letter_corpus.py
asserts; the speed is only printed, since these machines are shared.

With `--sizes`: huge letters of hostile shapes, each read as a thank-you and
as a follow-up, single runs (the hardening issue's target: 10 MB in under
5 s, and time linear in length).

    python benchmarks/letters.py [--rounds 20]
    python benchmarks/letters.py --sizes 1000000 10000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import time
from pathlib import Path

from followup import Interview, check_letter

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from test_letter_corpus import LETTERS, elements_missing, interview_of

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


def hostile(sizes: list[int]) -> None:
    for size in sizes:
        print(f"{size:,} characters:")
        for name, text in shapes(size).items():
            for kind in ("thank-you", "follow-up"):
                start = time.perf_counter()
                check_letter(text, INTERVIEW, kind)
                took = time.perf_counter() - start
                print(f"  {name:28} {kind:10} {took:7.2f} s")


def corpus(rounds: int) -> None:
    print(
        f"{'language':8} {'letters':>7} {'labels':>6} {'false +':>7} {'false -':>7}"
        f" {'µs/letter':>9} {'letters/s':>9}"
    )
    for language in ("en", "de", "fr", "es"):
        letters = [letter for letter in LETTERS if letter["language"] == language]
        labels = positives = negatives = 0
        for letter in letters:
            lacking = {e for e, has in letter["expect"].items() if not has}
            found = elements_missing(letter)
            labels += len(letter["expect"])
            positives += len(found - lacking)
            negatives += len(lacking - found)
        # The inputs are built once, outside the timing, as a caller holds
        # them: the interview and the moment the letter was sent.
        calls = [
            (
                letter["text"],
                interview_of(letter),
                letter["kind"],
                dt.datetime.fromisoformat(letter["sent"]),
                tuple(letter.get("aliases", ())),
            )
            for letter in letters
        ]
        best = min(_timed(calls) for _ in range(rounds))
        per_letter = best / len(calls)
        print(
            f"{language:8} {len(letters):7} {labels:6} {positives:7} {negatives:7}"
            f" {per_letter * 1e6:9.1f} {1 / per_letter:9,.0f}"
        )


def _timed(
    calls: list[tuple[str, Interview, str, dt.datetime, tuple[str, ...]]],
) -> float:
    start = time.perf_counter()
    for text, interview, kind, sent, aliases in calls:
        check_letter(text, interview, kind, sent=sent, aliases=aliases)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}"
    )
    if args.sizes:
        hostile(args.sizes)
    else:
        corpus(args.rounds)


if __name__ == "__main__":
    main()

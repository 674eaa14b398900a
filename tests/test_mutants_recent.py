"""Tests for the mutants of the last session's changes that no test killed.

Each test names the mutant it kills: a small change to the code (a dropped
condition, the wrong day, a lost check) that every other test let pass,
though a user would have seen it.
"""

from __future__ import annotations

import pytest

from shell import run

# --- cli: a days option given a negative or malformed value -----------------


@pytest.mark.parametrize("option", ["--within", "--quiet-after"])
@pytest.mark.parametrize("value", ["-1d", "-2w", "-1", "-0d", "-1.5d", "-.5d", "3x"])
@pytest.mark.parametrize("joined", [False, True])
def test_a_bad_number_of_days_is_named_with_its_option(
    option: str, value: str, joined: bool
) -> None:
    # `due --within -1d` was read as an option of its own, "-1d", and
    # argparse said only "argument --within: expected one argument".
    given = [f"{option}={value}"] if joined else [option, value]
    result = run("due", *given, "--on", "2026-12-01", stdin="")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: argument {option}: give days (3d) or weeks (2w), "
        f"not {value!r} (see followup due --help)\n"
    )


def test_an_option_after_a_days_option_is_still_no_value_of_it() -> None:
    # Only what reads as a negative number is taken as the value: a days
    # option left without one still says so.
    result = run("due", "--within", "--on", "2026-12-01", stdin="")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "followup: error: argument --within: expected one argument "
        "(see followup due --help)\n"
    )

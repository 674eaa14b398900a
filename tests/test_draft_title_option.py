"""`followup draft --title` greets by it; a title no greeting uses is refused.

`--title Dr.` without `--greeting title` was dropped without a word: the
draft said "Dear Grace Hopper," and exited 0.
"""

from __future__ import annotations

import pathlib

import pytest

from shell import run

INTERVIEW = pathlib.Path(__file__).parent.parent / "examples" / "interview.toml"


@pytest.mark.parametrize(
    ("options", "greeting"),
    [
        (["--title", "Dr."], "Dear Dr. Hopper,"),
        (["--greeting", "title", "--title", "Dr."], "Dear Dr. Hopper,"),
        ([], "Dear Grace Hopper,"),
        (["--greeting", "first-name"], "Dear Grace,"),
    ],
)
def test_the_greeting_the_options_ask_for(options: list[str], greeting: str) -> None:
    result = run("draft", "thank-you", INTERVIEW, *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == greeting


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--greeting", "first-name", "--title", "Dr."],
            "--title goes with --greeting title, not first-name",
        ),
        (
            ["--greeting", "name", "--title", "Ms."],
            "--title goes with --greeting title, not name",
        ),
        (
            ["--greeting", "title"],
            "--greeting title needs --title (say 'Dr.' or 'Ms.')",
        ),
    ],
)
def test_a_title_and_a_greeting_that_disagree_are_refused(
    options: list[str], message: str
) -> None:
    result = run("draft", "thank-you", INTERVIEW, *options)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"followup: error: {message}\n"

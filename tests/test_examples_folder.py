"""The shipped examples are a folder of interviews, and a history is told apart.

`followup due examples` read ``examples/history.toml`` as an interview and
listed every key it lacks; the example history now follows the folder's
naming (``interview.history.toml`` beside ``interview.toml``), and a
history file read as an interview says what it is and where it goes.
"""

from __future__ import annotations

import json
import pathlib
import shutil

import pytest

from followup import plan_followups
from followup._inputs import InputError, read_history, read_interview
from shell import run as run_in_process

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
HISTORY = EXAMPLES / "interview.history.toml"
ADVICE = "holds a history ([[events]]), not an interview: give it with --history"


def test_the_examples_folder_is_planned_with_its_history() -> None:
    result = run_in_process(
        "due", EXAMPLES, "--on", "2026-12-01", "--within", "2w", "--format", "jsonl"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    assert {line["id"] for line in lines} == {"interview"}
    # What is due is what the interview and its history plan: the history
    # was read (a thank-you sent, a call with a call-back agreed).
    history = read_history(str(HISTORY))
    plan = plan_followups(
        read_interview(str(INTERVIEW)), history, now="2026-12-01T00:00:00-05:00"
    )
    assert history
    assert [line["step"] for line in lines] == [
        step.label for step in plan.steps if step.due.date().isoformat() <= "2026-12-15"
    ]


def test_a_history_read_as_an_interview_says_what_it_is() -> None:
    with pytest.raises(InputError, match=r"interview\.history\.toml: ") as caught:
        read_interview(str(HISTORY))
    assert ADVICE in str(caught.value)
    assert "NAME.history.toml beside the interview's NAME.toml" in str(caught.value)
    result = run_in_process("plan", HISTORY)
    assert result.returncode == 2
    assert ADVICE in result.stderr


def test_a_folder_with_a_history_under_another_name_says_where_it_goes(
    tmp_path: pathlib.Path,
) -> None:
    shutil.copy(INTERVIEW, tmp_path / "ada.toml")
    shutil.copy(HISTORY, tmp_path / "notes.toml")
    result = run_in_process("due", tmp_path, "--on", "2026-12-01", "--within", "2w")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"{tmp_path / 'notes.toml'}: {ADVICE}, or, in a folder of interviews, name it NAME.history.toml beside the interview's NAME.toml\n"
    )
    assert "(ada)" in result.stdout


def test_an_interview_that_only_lacks_keys_is_not_called_a_history(
    tmp_path: pathlib.Path,
) -> None:
    # An "events" key beside an interview's own is a mistake in an
    # interview, reported as one.
    path = tmp_path / "ada.toml"
    path.write_text(
        INTERVIEW.read_text(encoding="utf-8").replace(
            "[interviewer]", "events = []\n\n[interviewer]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_interview(str(path))
    assert "unknown key 'events'" in str(caught.value)
    assert "holds a history" not in str(caught.value)

"""What the command echoes unchecked (a file's name, a rules file's key) is escaped.

A service passes uploaded names through: a name holding ESC would clear
the terminal or retitle its window, an override turn round what follows.
Values were quoted with escapes already; names and keys were not.
"""

from __future__ import annotations

import json
import pathlib

import pytest

from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
ESCAPE = "\x1b[2J\x1b]0;owned\x07"
SHOWN = "\\x1b[2J\\x1b]0;owned\\x07"


def _no_controls(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\u202e" not in text


@pytest.fixture
def named(tmp_path):
    """The example letter, interview and tracker under hostile names."""
    letter = tmp_path / f"x{ESCAPE}.txt"
    letter.write_bytes((EXAMPLES / "follow-up.txt").read_bytes())
    tracker = tmp_path / f"t{ESCAPE}\u202e.jsonl"
    first = (EXAMPLES / "interviews.jsonl").read_text().splitlines()[0]
    record = json.loads(first)
    del record["id"]
    tracker.write_text(f"{json.dumps(record)}\n{{broken\n", encoding="utf-8")
    return letter, tracker


def test_a_letter_s_name_on_standard_output(named):
    letter, _ = named
    result = run("check-letter", letter, "--example")
    _no_controls(result.stdout)
    assert result.stdout.startswith(f"{letter.parent}/x{SHOWN}.txt: ")


def test_a_letter_s_name_in_the_notes_on_standard_error(tmp_path):
    # Both notes check-letter writes before its findings: a Date it cannot
    # read, and the kind its subject line chose.
    letter = tmp_path / f"x{ESCAPE}.eml"
    letter.write_text(
        "Subject: Thank you for the call\nDate: sometime last week\n\n"
        "Dear Grace, thank you for the phone interview.\n",
        encoding="utf-8",
    )
    result = run("check-letter", letter, "--example")
    _no_controls(result.stderr)
    shown = f"{tmp_path}/x{SHOWN}.eml"
    notes = result.stderr.splitlines()
    assert notes[0].startswith(f"{shown}: its Date 'sometime last week' is no date")
    assert notes[1].startswith(f"{shown}: checked as a thank-you, since its subject")


def test_a_missing_file_s_name_on_standard_error(tmp_path):
    missing = tmp_path / f"nope{ESCAPE}.toml"
    result = run("plan", missing)
    _no_controls(result.stderr)
    assert result.stderr == (
        f"followup: error: {tmp_path}/nope{SHOWN}.toml: no such file\n"
    )


def test_a_batch_s_name_in_its_bad_lines_and_headings(named):
    _, tracker = named
    result = run("plan", tracker, "--now", "2026-12-01T12:00:00Z")
    assert result.returncode == 2
    _no_controls(result.stdout)
    _no_controls(result.stderr)
    shown = f"{tracker.parent}/t{SHOWN}\\u202e.jsonl"
    assert result.stdout.startswith(f"== {shown}:1\n")
    assert result.stderr.startswith(f"{shown}:2: not valid JSON")


def test_a_rules_file_s_key_in_its_path(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[rules."\\u001b]0;owned\\u0007\\u001b[2J"]\nmax_calls = 2\n', encoding="utf-8"
    )
    result = run("rules", "--rules", rules)
    assert result.returncode == 2
    _no_controls(result.stderr)
    assert result.stderr.startswith(
        f"followup: error: {rules}: rules.\\x1b]0;owned\\x07\\x1b[2J: no rule "
    )

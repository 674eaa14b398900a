"""Files a tracker or an editor leaves: an empty history, a hidden lock file."""

from __future__ import annotations

import pathlib

import pytest

from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
NOW = "2026-11-23T10:30:00-05:00"


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing happened yet\n"])
def test_a_toml_history_of_no_event_is_read_as_none(tmp_path, text):
    # A tracker's first export, before anything has happened.
    history = tmp_path / "acme.history.toml"
    history.write_text(text, encoding="utf-8")
    given = run("plan", EXAMPLES / "interview.toml", "--history", history, "--now", NOW)
    alone = run("plan", EXAMPLES / "interview.toml", "--now", NOW)
    assert (given.returncode, given.stderr, given.stdout) == (0, "", alone.stdout)
    (tmp_path / "acme.toml").write_bytes((EXAMPLES / "interview.toml").read_bytes())
    folder = run("plan", tmp_path, "--now", NOW)
    assert (folder.returncode, folder.stderr) == (0, "")


def test_a_json_history_must_still_be_a_list(tmp_path):
    history = tmp_path / "history.json"
    history.write_text("{}", encoding="utf-8")
    result = run("plan", EXAMPLES / "interview.toml", "--history", history)
    assert result.returncode == 2
    assert "a history is a list of events" in result.stderr


def test_hidden_files_in_a_folder_are_passed_over(tmp_path):
    (tmp_path / "acme.toml").write_bytes((EXAMPLES / "interview.toml").read_bytes())
    # What Emacs leaves while acme.toml has unsaved changes: a link to nowhere.
    (tmp_path / ".#acme.toml").symlink_to("ada@laptop.4242:1732870000")
    (tmp_path / ".draft.toml").write_text("", encoding="utf-8")
    result = run("due", tmp_path, "--on", "2026-12-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert "Acme Analytics" in result.stdout

"""Standard output a shell opened on an input file, for every command that reads one.

``followup plan tracker.jsonl >> tracker.jsonl`` opens the tracker for
appending before the command starts: the plans would be written after the
lines being read (and read back as bad lines), ``1<>`` would write over
them.  Each command refuses, before it writes anything, and the file is as
it was.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
NOW = "2026-12-01T12:00:00Z"
REFUSED = (
    "followup: error: standard output is {}, an input file; it is never overwritten\n"
)


@pytest.fixture
def files(tmp_path):
    """Copies of the examples: a tracker, a folder, a letter, an interview, rules."""
    (tmp_path / "t.jsonl").write_bytes((EXAMPLES / "interviews.jsonl").read_bytes())
    (tmp_path / "i.toml").write_bytes((EXAMPLES / "interview.toml").read_bytes())
    (tmp_path / "l.txt").write_bytes((EXAMPLES / "follow-up.txt").read_bytes())
    (tmp_path / "r.toml").write_text('ignore = ["FU002"]\n', encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.toml").write_bytes((EXAMPLES / "interview.toml").read_bytes())
    (folder / "a.history.toml").write_bytes(
        (EXAMPLES / "interview.history.toml").read_bytes()
    )
    return tmp_path


def _followup(cwd, args, stdout, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "followup", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        check=False,
    )


CASES = [
    (["plan", "t.jsonl", "--format", "jsonl", "--now", NOW], "t.jsonl"),
    (["plan", "t.jsonl", "--format", "ics", "--now", NOW], "t.jsonl"),
    (["due", "t.jsonl", "--on", "2026-12-01"], "t.jsonl"),
    (["plan", "f", "--now", NOW], "f/a.toml"),
    (["due", "f", "--on", "2026-12-01"], "f/a.history.toml"),
    (["check-letter", "l.txt", "--interview", "i.toml"], "l.txt"),
    (["check-letter", "l.txt", "--interview", "i.toml"], "i.toml"),
    (["check-letter", "l.txt", "--example", "--rules", "r.toml"], "r.toml"),
    (["rules", "--rules", "r.toml"], "r.toml"),
]


@pytest.mark.parametrize("mode", ["ab", "r+b"], ids=[">>", "1<>"])
@pytest.mark.parametrize(("args", "onto"), CASES)
def test_an_input_file_as_standard_output_is_refused(files, args, onto, mode):
    target = files / onto
    before = target.read_bytes()
    with target.open(mode) as handle:
        result = _followup(files, args, handle)
    assert (result.returncode, result.stderr) == (2, REFUSED.format(onto))
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "-", "--format", "jsonl", "--now", NOW],
        ["due", "--on", "2026-12-01"],
        ["due", "-", "--on", "2026-12-01"],
        ["check-letter", "-", "--example"],
    ],
)
def test_the_file_standard_input_reads_as_standard_output_is_refused(files, args):
    # `followup plan - < t.jsonl 1<> t.jsonl`: the lines would be written
    # over as they are read.
    target = files / ("l.txt" if "check-letter" in args else "t.jsonl")
    before = target.read_bytes()
    with target.open("rb") as given, target.open("r+b") as handle:
        result = _followup(files, args, handle, stdin=given)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format("the file standard input reads")
    assert target.read_bytes() == before


@pytest.mark.parametrize("args", sorted({tuple(args) for args, _ in CASES}))
def test_standard_output_onto_another_file_is_written(files, args):
    target = files / "out.txt"
    with target.open("ab") as handle:
        result = _followup(files, args, handle)
    assert result.returncode in {0, 1}, result.stderr
    assert target.stat().st_size > 0


def test_a_device_both_standard_input_and_output_is_no_input_file(files):
    # A terminal (or /dev/null) read and written at once is no file to lose:
    # `followup check-letter -` typed at a terminal checks the letter.
    null = pathlib.Path(os.devnull)
    with null.open("rb") as given, null.open("wb") as shown:
        result = _followup(files, ["check-letter", "-", "--example"], shown, given)
    assert (result.returncode, result.stderr) == (1, "")


def test_a_log_beside_a_folder_s_interviews_is_no_input(files):
    # `followup plan f >> f/plans.log`: only a folder's TOML files are read.
    log = files / "f" / "plans.log"
    with log.open("ab") as handle:
        result = _followup(files, ["plan", "f", "--now", NOW], handle)
    assert (result.returncode, result.stderr) == (0, "")
    assert log.read_text(encoding="utf-8").startswith("== a\nAda Lovelace")


def test_a_hidden_toml_file_beside_a_folder_s_interviews_is_no_input(files):
    hidden = files / "f" / ".plans.toml"
    with hidden.open("ab") as handle:
        result = _followup(files, ["plan", "f", "--now", NOW], handle)
    assert (result.returncode, result.stderr) == (0, "")
    assert hidden.stat().st_size > 0

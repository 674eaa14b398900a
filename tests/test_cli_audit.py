"""The command audited as a careful user uses it (helper 56).

Each test here pins a case the other command tests did not: another name
(a hard link) of an input file given to ``--output``, an option that the
chosen output does not use, and a missing ``--title``.  Each failed before its fix.
"""

from __future__ import annotations

import hashlib
import pathlib
import shutil
import subprocess
import sys

import pytest

from shell import run

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
HISTORY = EXAMPLES / "interview.history.toml"
BATCH = EXAMPLES / "interviews.jsonl"
NOW = "2026-12-01T00:00:00+00:00"


def refused(output: pathlib.Path) -> str:
    """The line that refuses `output` as an input file."""
    return f"followup: error: --output {output} is an input file; it is never overwritten\n"


def digests(folder: pathlib.Path) -> dict[str, str]:
    """Every file under `folder` (links followed), by name, as its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("given", ["interview", "history", "rules", "previous"])
def test_a_hard_link_to_an_input_is_never_written_over(
    tmp_path: pathlib.Path, given: str
) -> None:
    # A hard link is the input file under another name: writing "it" broke
    # the link and left the other name holding what it held, where a
    # symbolic link to the same file was refused.
    interview = tmp_path / "interview.toml"
    history = tmp_path / "history.toml"
    rules = tmp_path / "rules.toml"
    previous = tmp_path / "previous.json"
    shutil.copy(INTERVIEW, interview)
    shutil.copy(HISTORY, history)
    rules.write_text('ignore = ["FU010"]\n', encoding="utf-8")
    previous.write_text(
        run("plan", interview, "--format", "json", "--now", NOW).stdout,
        encoding="utf-8",
    )
    linked = {
        "interview": interview,
        "history": history,
        "rules": rules,
        "previous": previous,
    }[given]
    other_name = tmp_path / "other-name"
    other_name.hardlink_to(linked)
    before = digests(tmp_path)
    result = run(
        "plan",
        interview,
        "--history",
        history,
        "--rules",
        rules,
        "--previous",
        previous,
        "--format",
        "ics",
        "--now",
        NOW,
        "--output",
        other_name,
    )
    assert (result.returncode, result.stderr) == (2, refused(other_name))
    assert digests(tmp_path) == before
    assert other_name.stat().st_ino == linked.stat().st_ino


def test_a_hard_link_to_a_draft_s_interview_is_never_written_over(
    tmp_path: pathlib.Path,
) -> None:
    interview = tmp_path / "interview.toml"
    shutil.copy(INTERVIEW, interview)
    other_name = tmp_path / "copy.toml"
    other_name.hardlink_to(interview)
    result = run("draft", "thank-you", interview, "--output", other_name)
    assert result.returncode == 2
    assert f"--output {other_name} is an input file" in result.stderr
    assert other_name.read_bytes() == INTERVIEW.read_bytes()


@pytest.mark.parametrize("command", ["plan", "due"])
def test_a_hard_link_to_a_batch_file_is_never_written_over(
    tmp_path: pathlib.Path, command: str
) -> None:
    batch = tmp_path / "interviews.jsonl"
    shutil.copy(BATCH, batch)
    other_name = tmp_path / "backup.jsonl"
    other_name.hardlink_to(batch)
    when = ("--now", NOW) if command == "plan" else ("--on", "2026-12-01")
    result = run(command, batch, *when, "--output", other_name)
    assert (result.returncode, result.stderr) == (2, refused(other_name))
    assert other_name.read_bytes() == BATCH.read_bytes()


def test_a_hard_link_into_a_folder_batch_is_never_written_over(
    tmp_path: pathlib.Path,
) -> None:
    folder = tmp_path / "interviews"
    folder.mkdir()
    shutil.copy(INTERVIEW, folder / "acme.toml")
    other_name = tmp_path / "acme-kept.toml"
    other_name.hardlink_to(folder / "acme.toml")
    result = run(
        "plan", folder, "--format", "jsonl", "--now", NOW, "--output", other_name
    )
    assert result.returncode == 2
    assert f"--output {other_name} is an input file" in result.stderr
    assert other_name.read_bytes() == INTERVIEW.read_bytes()


@pytest.mark.parametrize(
    ("source", "form"),
    [(INTERVIEW, "text"), (INTERVIEW, "json"), (BATCH, "text"), (BATCH, "jsonl")],
)
def test_events_only_without_a_calendar_is_refused(
    source: pathlib.Path, form: str
) -> None:
    # As --zone without the table and --previous without a calendar are:
    # an option that changes nothing would let a typo pass unseen.
    result = run("plan", source, "--format", form, "--events-only", "--now", NOW)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "followup: error: --events-only goes with --format ics\n",
    )


def test_greeting_by_title_without_a_title_names_the_option() -> None:
    # The library's field and value ("title: None") mean nothing on the
    # command line, where the title is --title.
    result = run("draft", "thank-you", "--example", "--greeting", "title")
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "followup: error: --greeting title needs --title (say 'Dr.' or 'Ms.')\n",
    )


def run_without_standard_error(
    tmp_path: pathlib.Path, *args: str | pathlib.Path, closed: bool
) -> subprocess.CompletedProcess[bytes]:
    """``python -m followup ARGS`` with standard error full, or closed (``2>&-``)."""
    command = [sys.executable, "-m", "followup", *map(str, args)]
    if closed:
        return subprocess.run(
            ["/bin/sh", "-c", '"$0" "$@" 2>&-', *command],
            stdout=subprocess.PIPE,
            cwd=tmp_path,
            check=False,
        )
    with pathlib.Path("/dev/full").open("wb") as full:
        return subprocess.run(
            command, stdout=subprocess.PIPE, stderr=full, cwd=tmp_path, check=False
        )


needs_dev_full = pytest.mark.skipif(
    not pathlib.Path("/dev/full").exists() or not pathlib.Path("/bin/sh").exists(),
    reason="needs /dev/full and a POSIX shell",
)


@needs_dev_full
@pytest.mark.parametrize("closed", [False, True], ids=["full", "closed"])
def test_a_batch_goes_on_when_its_bad_lines_cannot_be_reported(
    tmp_path: pathlib.Path, closed: bool
) -> None:
    # The report of a bad line is not worth the lines after it: with
    # standard error full (or closed) the batch stopped at its first bad
    # line, wrote nothing to --output and ended with a traceback's status 1.
    lines = BATCH.read_text(encoding="utf-8").splitlines()
    batch = tmp_path / "interviews.jsonl"
    batch.write_text(f"{lines[0]}\nnot json\n{lines[1]}\n", encoding="utf-8")
    output = tmp_path / "plans.jsonl"
    args = ("plan", batch, "--format", "jsonl", "--now", NOW, "--output", output)
    result = run_without_standard_error(tmp_path, *args, closed=closed)
    assert (result.returncode, result.stdout) == (2, b"")
    expected = run("plan", batch, "--format", "jsonl", "--now", NOW)
    assert expected.returncode == 2
    assert output.read_text(encoding="utf-8") == expected.stdout
    assert output.read_text(encoding="utf-8").count("\n") == 2


@needs_dev_full
@pytest.mark.parametrize("closed", [False, True], ids=["full", "closed"])
def test_bad_input_is_status_2_when_it_cannot_be_reported(
    tmp_path: pathlib.Path, closed: bool
) -> None:
    # A script tells bad input by its status alone, as with `ls 2>&-`.
    result = run_without_standard_error(
        tmp_path, "plan", tmp_path / "missing.toml", closed=closed
    )
    assert (result.returncode, result.stdout) == (2, b"")


@pytest.mark.skipif(
    not pathlib.Path("/dev/stdout").exists(), reason="needs /dev/stdout"
)
def test_a_reader_that_goes_away_from_a_named_output_ends_the_batch_quietly(
    tmp_path: pathlib.Path,
) -> None:
    # `--output /dev/stdout | head` (or a named pipe): the reader is the
    # one that `| head` on standard output is, where the command ends
    # quietly (tests/test_cli_output.py); named, it was an error line
    # ("Broken pipe") and status 2.
    line = BATCH.read_text(encoding="utf-8").splitlines()[0]
    batch = tmp_path / "interviews.jsonl"
    # Far more than a pipe holds (about 4 kB a plan).
    batch.write_text(f"{line}\n" * 200, encoding="utf-8")
    args = ["plan", str(batch), "--format", "jsonl", "--now", NOW]
    args += ["--output", "/dev/stdout"]
    with subprocess.Popen(
        [sys.executable, "-m", "followup", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(10) == b'{"id":"acm'
        process.stdout.close()
        error = process.stderr.read()
        status = process.wait()
    assert (status, error) == (0, b"")


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "--example", "--format", "json"),
        ("draft", "--example", "thank-you"),
        ("due", "-", "--on", "2026-11-25"),
    ],
    ids=["plan", "draft", "due"],
)
def test_output_dash_is_standard_output(tmp_path, command):
    # As "-" names standard input for the files the commands read; no file
    # named "-" appears where the command runs.
    lines = (
        '{"interview": {"candidate": "Ada Lovelace", "company": "Acme", '
        '"at": "2026-11-23T10:00:00-05:00[America/New_York]"}}\n'
    )
    stdin = lines if command[0] == "due" else None
    plain = run(*command, stdin=stdin, cwd=tmp_path)
    dashed = run(*command, "--output", "-", stdin=stdin, cwd=tmp_path)
    assert plain.returncode == dashed.returncode == 0, dashed.stderr
    assert dashed.stdout == plain.stdout
    assert plain.stdout.strip()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            ("--format", "eml", "--from", "x"),
            "--from: 'x' is not a valid email address: ",
        ),
        (("--locale", "zz_QQ"), "--locale: 'zz_QQ' is not a locale Babel knows"),
        (
            ("--greeting", "title", "--title", "Dr\nX"),
            "--title: 'Dr\\nX' holds a line break",
        ),
        (("--topic", ""), "--topic: '' is empty"),
    ],
    ids=["from", "locale", "title", "topic"],
)
def test_draft_names_the_option_it_was_given(options, expected):
    # The library checks `sender`, `locale`...: on the command line the
    # message names the option the user typed.
    result = run("draft", "--example", "thank-you", *options)
    assert (result.returncode, result.stdout) == (2, "")
    # The reason after the value is email-validator's, worded by its version.
    assert result.stderr.startswith(f"followup: error: {expected}")
    assert result.stderr.count("\n") == 1

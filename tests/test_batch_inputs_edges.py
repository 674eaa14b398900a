"""What a batch reads, found by fuzzing: links, pipes, odd names, a BOM.

A folder's interviews and histories may be symbolic links to files kept
elsewhere, a batch may come through a named pipe, a file's name may hold a
line break, and an editor may open a file with a byte order mark.  Each is
read as the same thing given on its own would be, and what the batch reads
is never written over.
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import socket
import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from followup import FollowUpPlan
from followup.json import from_json
from shell import plan_lines, plans_in, run

ROOT = pathlib.Path(__file__).parent.parent
INTERVIEW = ROOT / "examples" / "interview.toml"
HISTORY = ROOT / "examples" / "interview.history.toml"
BATCH = ROOT / "examples" / "interviews.jsonl"
NOW = "2026-12-01T09:00:00-05:00"

links = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")


def program(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """``python -m followup ARGS`` in a process of its own: for what only one shows.

    Standard input as `options` give it (a file, a pipe, none), and a
    minute at most: a command that waits on a pipe fails the test.
    """
    return subprocess.run(
        [sys.executable, "-m", "followup", *args],
        capture_output=True, text=True, timeout=60, check=False, **options,
    )  # fmt: skip


def _linked_folder(tmp_path: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    """A folder whose interview and history are links to files kept elsewhere."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "acme.toml").write_text(INTERVIEW.read_text())
    (elsewhere / "acme.history.toml").write_text(HISTORY.read_text())
    folder = tmp_path / "tracker"
    folder.mkdir()
    for name in ("acme.toml", "acme.history.toml"):
        (folder / name).symlink_to(pathlib.Path("..", "elsewhere", name))
    return folder, elsewhere


@links
@pytest.mark.parametrize("command", ["plan", "due"])
@pytest.mark.parametrize(
    "output",
    [
        "tracker/acme.toml",
        "tracker/acme.history.toml",
        "elsewhere/acme.toml",
        "elsewhere/acme.history.toml",
    ],
)
def test_a_folder_batch_never_writes_over_a_file_it_reads_through_a_link(
    tmp_path: pathlib.Path, command: str, output: str
) -> None:
    folder, elsewhere = _linked_folder(tmp_path)
    before = {path.name: path.read_bytes() for path in elsewhere.iterdir()}
    options = ["--now", NOW] if command == "plan" else ["--on", "2026-12-01"]
    result = run(command, "tracker", *options, "--output", output, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        (
            f"followup: error: --output {output} is an input file; it is never "
            "overwritten\n"
        ),
    )
    assert {path.name: path.read_bytes() for path in elsewhere.iterdir()} == before
    assert all(path.is_symlink() for path in folder.iterdir())


@links
def test_a_folder_batch_never_writes_where_a_link_it_reads_leads_to_nothing(
    tmp_path: pathlib.Path,
) -> None:
    # The batch tries to read the link (and says it cannot): written there,
    # the plans would be read as an interview next time.
    folder, elsewhere = _linked_folder(tmp_path)
    (folder / "beta.toml").symlink_to(pathlib.Path("..", "elsewhere", "beta.toml"))
    result = run(
        "plan", "tracker", "--now", NOW, "--output", "elsewhere/beta.toml",
        cwd=tmp_path,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        (
            "followup: error: --output elsewhere/beta.toml is an input file; it is "
            "never overwritten\n"
        ),
    )
    assert not (elsewhere / "beta.toml").exists()


@links
def test_a_link_in_the_folder_to_a_file_it_does_not_read_is_written_through(
    tmp_path: pathlib.Path,
) -> None:
    # Only what the batch reads is refused: a link named .jsonl is no input.
    folder, elsewhere = _linked_folder(tmp_path)
    (elsewhere / "plans.jsonl").write_text("old\n")
    (folder / "plans.jsonl").symlink_to(elsewhere / "plans.jsonl")
    result = run(
        "plan", folder, "--format", "jsonl", "--now", NOW,
        "--output", folder / "plans.jsonl",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    ((tracker_id, plan),) = plan_lines((elsewhere / "plans.jsonl").read_text())
    assert (tracker_id, plan.interview.company) == ("acme", "Acme Analytics")


def _reported_as_on_its_own(
    folder: pathlib.Path, history: pathlib.Path, starts: str
) -> None:
    """A folder of acme.toml and `history` reports what the pair given on its
    own reports, its message starting with `starts`."""
    alone = run("plan", folder / "acme.toml", "--history", history, "--now", NOW)
    assert alone.returncode == 2
    problem = alone.stderr.removeprefix("followup: error: ")
    assert problem.startswith(starts)
    result = run("plan", folder, "--format", "jsonl", "--now", NOW)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", problem)


@links
@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_history_link_that_leads_nowhere_is_reported_not_ignored(
    tmp_path: pathlib.Path, kind: str
) -> None:
    (tmp_path / "acme.toml").write_text(INTERVIEW.read_text())
    history = tmp_path / "acme.history.toml"
    if kind == "dangling":
        history.symlink_to(tmp_path / "gone.toml")
    else:
        history.symlink_to(history)
    _reported_as_on_its_own(tmp_path, history, f"{history}: ")


@links
@pytest.mark.parametrize("command", ["plan", "due"])
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("m.toml", "a named pipe"),
        ("a.history.toml", "a named pipe"),
        ("m.toml", "a device"),
        ("m.toml", "a socket"),
    ],
)
def test_a_folder_entry_that_is_no_file_is_reported_and_the_others_go_on(
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
    kind: str,
) -> None:
    # A named pipe left in the folder used to be read, waiting for a writer
    # that never came, and held up every interview after it.
    for each in ("a.toml", "z.toml"):
        (tmp_path / each).write_text(INTERVIEW.read_text())
    odd = tmp_path / name
    if kind == "a named pipe":
        os.mkfifo(odd)
    elif kind == "a socket":
        # Bound by a name relative to the folder: a socket's whole path may
        # be too long for it.
        monkeypatch.chdir(tmp_path)
        listening = socket.socket(socket.AF_UNIX)
        listening.bind(name)
        listening.close()
    else:
        odd.symlink_to(os.devnull)
    args = ["--format", "jsonl"] + (["--now", NOW] if command == "plan" else [])
    if command == "due":
        args += ["--on", "2026-11-23"]
    result = program(command, str(tmp_path), *args)
    assert result.returncode == 2
    assert result.stderr == (
        f"{odd}: is {kind}, not a file; a folder's interviews and histories are "
        "read from files\n"
    )
    # Both interviews of the folder, but the one whose history is no file.
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    read = 1 if name == "a.history.toml" else 2
    if command == "due":
        assert {line["id"] for line in lines} == ({"z"} if read == 1 else {"a", "z"})
    else:
        assert len(lines) == read


@pytest.mark.parametrize(
    "event",
    [
        'kind = "called"\nat = "2026-12-05T10:00:00-05:00"',  # after --now
        'kind = "called"\nat = "2026-11-20T10:00:00-05:00"',  # before the call
    ],
)
def test_a_folders_history_is_blamed_for_its_own_events(
    tmp_path: pathlib.Path, event: str
) -> None:
    (tmp_path / "acme.toml").write_text(INTERVIEW.read_text())
    history = tmp_path / "acme.history.toml"
    history.write_text(f"[[events]]\n{event}\n")
    # The history holds the mistake.
    _reported_as_on_its_own(tmp_path, history, f"{history}: history[0].at: ")


def test_a_file_name_with_a_line_break_is_refused_as_a_json_lines_id_is(
    tmp_path: pathlib.Path,
) -> None:
    if sys.platform == "win32":
        pytest.skip("no line break in a file name")
    (tmp_path / "acme\n42.toml").write_text(INTERVIEW.read_text())
    (tmp_path / "beta.toml").write_text(INTERVIEW.read_text())
    result = run("due", tmp_path, "--on", "2026-12-01")
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path}/acme\\n42.toml: the file's name is not one line without "
        "control characters\n"
    )
    # The other file's rows are whole: who, then the id.
    assert result.stdout
    assert all(line.endswith("Ada Lovelace, Acme Analytics (beta)") for line in
               result.stdout.splitlines())  # fmt: skip


def _fed(pipe: pathlib.Path) -> threading.Thread:
    """A named pipe made at `pipe`, and a thread that writes the batch into it.

    As soon as the command opens the pipe, the batch is written whole and
    the writer goes, as ``cat file > pipe`` does; a command that stops
    without reading leaves it to go too.
    """
    os.mkfifo(pipe)

    def write() -> None:
        while True:
            try:
                writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader yet
                time.sleep(0.01)
                continue
            break
        with contextlib.suppress(BrokenPipeError), os.fdopen(writer, "wb") as out:
            out.write(BATCH.read_bytes())

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_batch_through_a_named_pipe_is_read_once_whole(
    tmp_path: pathlib.Path,
) -> None:
    # A pipe gives its bytes to one opening.  Opened to be checked, closed,
    # then opened again to be read, the batch lost what a quick writer (as
    # `cat file > pipe`) wrote, and waited for ever for a second one.
    pipe = tmp_path / "tracker.jsonl"
    writer = _fed(pipe)
    try:
        result = program("plan", str(pipe), "--format", "jsonl", "--now", NOW)
    except subprocess.TimeoutExpired:
        pytest.fail("the command still waited for the pipe after a minute")
    finally:
        writer.join(timeout=5)
    assert (result.returncode, result.stderr) == (0, "")
    expected = run("plan", BATCH, "--format", "jsonl", "--now", NOW)
    assert result.stdout == expected.stdout
    assert len(result.stdout.splitlines()) == len(BATCH.read_text().splitlines())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("plan", "--now", "soon"), "--now: 'soon' is not an ISO 8601 date and time"),
        (("plan", "--output", "nowhere/plans.jsonl"), "cannot write there"),
        (("due", "--rules", "nowhere.toml"), "nowhere.toml: cannot be read"),
    ],
)
def test_a_named_pipe_batch_the_command_stops_before_reading_is_closed(
    tmp_path: pathlib.Path, options: tuple[str, ...], said: str
) -> None:
    # Opened to be read from its one opening, and then left to the garbage
    # collector (a ResourceWarning, under -X dev) when another mistake
    # stopped the command first.
    pipe = tmp_path / "tracker.jsonl"
    command, *rest = options
    writer = _fed(pipe)
    try:
        result = subprocess.run(
            [sys.executable, "-X", "dev", "-m", "followup", command, str(pipe), *rest],
            capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
        )  # fmt: skip
    finally:
        writer.join(timeout=5)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert said in result.stderr


BOM = "\ufeff"


def test_a_toml_interview_with_a_byte_order_mark_is_read(
    tmp_path: pathlib.Path,
) -> None:
    marked = tmp_path / "acme.toml"
    marked.write_text(BOM + INTERVIEW.read_text(), encoding="utf-8")
    (tmp_path / "acme.history.toml").write_text(BOM + HISTORY.read_text())
    plain = run(
        "plan", INTERVIEW, "--history", HISTORY, "--format", "json", "--now", NOW
    )
    expected = from_json(plain.stdout, FollowUpPlan)
    alone = run(
        "plan", marked, "--history", tmp_path / "acme.history.toml",
        "--format", "json", "--now", NOW,
    )  # fmt: skip
    assert (alone.returncode, alone.stderr) == (0, "")
    assert from_json(alone.stdout, FollowUpPlan) == expected
    many = run("plan", tmp_path, "--format", "jsonl", "--now", NOW)
    assert (many.returncode, many.stderr) == (0, "")
    assert plans_in(many.stdout) == [expected]


def test_a_rules_file_with_a_byte_order_mark_is_read(tmp_path: pathlib.Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(BOM + 'ignore = ["FU002"]\n', encoding="utf-8")
    result = run("plan", "--example", "--rules", rules, "--format", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert "FU002" not in from_json(result.stdout, FollowUpPlan).rules


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--on", "20261201"),
        ("--on", "2026-W48-2"),
        ("--on", "2026-12-01T00:00"),
        # Arabic-Indic digits.
        ("--on", "\u0662\u0660\u0662\u0666-\u0661\u0662-\u0660\u0661"),
        ("--within", "\u0663d"),
        ("--workers", "\u0662"),
    ],
)
def test_options_take_what_their_help_says_in_ascii_digits(
    option: str, value: str
) -> None:
    # date.fromisoformat() takes the basic and week forms from Python 3.11
    # on (not on 3.10), and int() any script's digits.
    result = run("due", BATCH, option, value)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"followup: error: argument {option}: ")


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "-", "--format", "jsonl", "--now", NOW),
        ("due", "--on", "2026-12-01"),  # standard input by default
    ],
)
def test_output_never_writes_over_the_file_given_as_standard_input(
    tmp_path: pathlib.Path, command: tuple[str, ...]
) -> None:
    # `followup plan - --output in.jsonl < in.jsonl`: the shell's file is
    # read as one named would be, and it was replaced by the plans.
    batch = tmp_path / "in.jsonl"
    batch.write_bytes(BATCH.read_bytes())
    with batch.open("rb") as given:
        result = program(*command, "--output", "in.jsonl", stdin=given, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        (
            "followup: error: --output in.jsonl is an input file; it is never "
            "overwritten\n"
        ),
    )
    assert batch.read_bytes() == BATCH.read_bytes()
    # Another file is written, whatever standard input is.
    with batch.open("rb") as given:
        other = program(*command, "--output", "out.txt", stdin=given, cwd=tmp_path)
    assert (other.returncode, other.stderr) == (0, "")
    assert (tmp_path / "out.txt").read_text()


@pytest.mark.skipif(not pathlib.Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_given_as_standard_input_may_be_the_output() -> None:
    # Only a file's contents can be lost: /dev/null in and out is no overwrite.
    with pathlib.Path("/dev/null").open("rb") as nothing:
        result = program(
            "plan", "-", "--format", "jsonl", "--now", NOW, "--output", "/dev/null",
            stdin=nothing,
        )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
@pytest.mark.parametrize(
    "command",
    [("plan", "-"), ("due",), ("check-letter", "-", "--example")],
)
def test_standard_input_closed_is_one_line_and_exit_2(command: tuple[str, ...]) -> None:
    # `followup due <&-`: Python gives no stream, and the command read None.
    result = program(*command, preexec_fn=lambda: os.close(0))
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "followup: error: standard input is closed: nothing can be read\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_output_never_writes_into_the_named_pipe_given_as_standard_input(
    tmp_path: pathlib.Path,
) -> None:
    # Written into its own input, the batch read its plans back as lines.
    pipe = tmp_path / "p.jsonl"
    os.mkfifo(pipe)
    given = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = program(
            "plan", "-", "--format", "jsonl", "--now", NOW, "--output", str(pipe),
            stdin=given,
        )  # fmt: skip
    finally:
        os.close(given)
    assert (result.returncode, result.stderr) == (
        2,
        (
            f"followup: error: --output {pipe} is an input file; it is never "
            "overwritten\n"
        ),
    )

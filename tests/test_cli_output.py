"""`followup --output`, and the error lines, when the file or the input is odd.

Run in-process through `followup.cli.main`, so that coverage sees the paths.
Most cases were found by fuzzing: a traceback, a file's mode changed, a link
replaced by a file, or a ten-megabyte value echoed whole on standard error.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import pathlib
import re
import stat
import subprocess
import sys
from typing import Any

import pytest

import followup._command_output as command_output
from distributions import BROKEN
from followup.cli import main

ROOT = pathlib.Path(__file__).parent.parent
INTERVIEW = ROOT / "examples" / "interview.toml"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, links, FIFOs")
ADA = {
    "candidate": "Ada Lovelace",
    "company": "Acme Analytics",
    "at": "2026-11-23T10:00:00-05:00[America/New_York]",
}


def run(
    capsys: pytest.CaptureFixture[str], *args: str | pathlib.Path
) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def listing(folder: pathlib.Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def refusal(output: str, code: int) -> str:
    return f"followup: error: --output {output}: cannot write there ({os.strerror(code)})\n"


@pytest.fixture
def here(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """`tmp_path`, made the current folder, for relative names such as ``.``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- where no file can be written --------------------------------------------------


@pytest.mark.parametrize(
    ("output", "shown", "code"),
    [
        pytest.param("folder", "folder", errno.EISDIR, id="a-folder"),
        pytest.param(".", ".", errno.EISDIR, id="dot"),
        pytest.param("", "''", errno.ENOENT, id="empty"),
        pytest.param("new/", "new/", errno.EISDIR, id="new-name-with-a-slash"),
        pytest.param("old.txt/", "old.txt/", errno.ENOTDIR, id="file-with-a-slash"),
    ],
)
def test_an_output_that_names_no_file_is_one_line_and_exit_2(
    here: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    output: str,
    shown: str,
    code: int,
) -> None:
    (here / "folder").mkdir()
    (here / "old.txt").write_text("old\n")
    status, out, err = run(capsys, "plan", "--example", "--output", output)
    assert (status, out, err) == (2, "", refusal(shown, code))
    assert listing(here) == ["folder", "old.txt"]
    assert listing(here / "folder") == []
    assert (here / "old.txt").read_text() == "old\n"


def test_an_output_problem_is_found_before_planning_many(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A bad line would be reported while planning: none is, the batch never
    # started.
    source = tmp_path / "t.jsonl"
    source.write_text('{"interview": {}}\n')
    status, _, err = run(
        capsys, "plan", source, "--format", "jsonl", "--output", tmp_path
    )
    assert (status, err) == (2, refusal(str(tmp_path), errno.EISDIR))


@pytest.mark.parametrize(
    ("function", "code"),
    [
        pytest.param("os.fsync", errno.EIO, id="fsync"),
        # Path.replace, not os.replace: Python 3.10's pathlib keeps its own
        # reference to os.replace, which a patch of the os module misses.
        pytest.param("pathlib.Path.replace", errno.EXDEV, id="replace"),
    ],
)
def test_an_oserror_finishing_the_output_is_one_line_and_leaves_the_old_file(
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    function: str,
    code: int,
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("old\n")

    def fail(*_: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(function, fail)
    status, out, err = run(capsys, "plan", "--example", "--output", target)
    monkeypatch.undo()
    assert (status, out, err) == (2, "", refusal(str(target), code))
    assert listing(tmp_path) == ["plan.txt"]
    assert target.read_text() == "old\n"


@pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_FSIZE")
def test_a_write_that_fails_midway_is_one_line_and_leaves_the_old_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import resource  # noqa: PLC0415 - POSIX only

    source = tmp_path / "many.jsonl"
    # About 4 kB of plan each, more than the output's buffer holds: the
    # writes pass the limit below mid-stream, not in the last flush.
    count = command_output._BUFFER // 4_000 + 20  # noqa: SLF001 - the buffer's size
    source.write_text(
        "".join(
            json.dumps({"id": f"a-{n}", "interview": ADA}) + "\n" for n in range(count)
        )
    )
    target = tmp_path / "plans.jsonl"
    target.write_text("old\n")
    # Python ignores SIGXFSZ: past the limit, a write fails with EFBIG.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, hard))
    try:
        status = main([
            "plan", str(source), "--format", "jsonl", "--output", str(target)
        ])  # fmt: skip
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    _, err = capsys.readouterr()
    assert (status, err) == (2, refusal(str(target), errno.EFBIG))
    assert listing(tmp_path) == ["many.jsonl", "plans.jsonl"]
    assert target.read_text() == "old\n"


def test_a_long_file_name_leaves_room_for_the_temporary_one(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 255 bytes: as long as a name may be on most file systems.
    target = tmp_path / ("p" * 251 + ".txt")
    status, out, err = run(capsys, "plan", "--example", "--output", target)
    assert (status, out, err) == (0, "", "")
    assert target.read_text().startswith("Ada Lovelace - phone interview")
    assert listing(tmp_path) == [target.name]


# -- modes -------------------------------------------------------------------------


@POSIX
@pytest.mark.parametrize("mode", [0o644, 0o666, 0o604, 0o600], ids=oct)
@pytest.mark.usefixtures("umask")
def test_writing_over_a_file_keeps_its_mode(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("old\n")
    target.chmod(mode)
    status, _, err = run(capsys, "plan", "--example", "--output", target)
    assert (status, err) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert target.read_text() != "old\n"


@POSIX
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002], ids=oct)
@pytest.mark.usefixtures("umask")
def test_a_new_file_gets_the_mode_open_would_give_it(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], mask: int
) -> None:
    os.umask(mask)
    target = tmp_path / "plan.txt"
    status, _, err = run(capsys, "plan", "--example", "--output", target)
    reference = tmp_path / "reference.txt"
    with reference.open("w"):
        pass
    assert (status, err) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert target.stat().st_mode == reference.stat().st_mode


# -- symbolic links, devices and pipes ---------------------------------------------


@POSIX
def test_a_link_is_written_through_and_stays_a_link(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    real = tmp_path / "real" / "plan.txt"
    real.write_text("old\n")
    real.chmod(0o644)
    link = tmp_path / "links" / "plan.txt"
    link.symlink_to(pathlib.Path("..", "real", "plan.txt"))
    status, _, err = run(capsys, "plan", "--example", "--output", link)
    assert (status, err) == (0, "")
    assert link.is_symlink()
    assert link.readlink() == pathlib.Path("..", "real", "plan.txt")
    assert real.read_text().startswith("Ada Lovelace - phone interview")
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    # The temporary file was beside the real one, and is gone.
    assert (listing(tmp_path / "real"), listing(tmp_path / "links")) == (
        ["plan.txt"],
        ["plan.txt"],
    )


@POSIX
def test_a_dangling_link_creates_the_file_it_names(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to("new.txt")
    status, _, err = run(capsys, "plan", "--example", "--output", link)
    assert (status, err) == (0, "")
    assert link.is_symlink()
    assert (tmp_path / "new.txt").read_text().startswith("Ada Lovelace")
    assert listing(tmp_path) == ["new.txt", "out.txt"]


@POSIX
def test_a_link_loop_is_one_line_and_stays_as_it_was(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.symlink_to("b")
    second.symlink_to("a")
    status, _, err = run(capsys, "plan", "--example", "--output", first)
    assert (status, err) == (2, refusal(str(first), errno.ELOOP))
    assert first.is_symlink()
    assert second.is_symlink()
    assert listing(tmp_path) == ["a", "b"]


@POSIX
def test_a_link_to_an_input_is_never_written_through(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = tmp_path / "interview.toml"
    interview.write_bytes(INTERVIEW.read_bytes())
    link = tmp_path / "out.txt"
    link.symlink_to("interview.toml")
    status, _, err = run(capsys, "plan", interview, "--output", link)
    assert status == 2
    assert "is an input file; it is never overwritten" in err
    assert interview.read_bytes() == INTERVIEW.read_bytes()
    assert link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_written_into_not_replaced(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # A reader that does not wait for the writer; the plan fits the pipe.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status, _, err = run(capsys, "plan", "--example", "--output", fifo)
        written = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert (status, err) == (0, "")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert written.startswith(b"Ada Lovelace - phone interview")
    assert listing(tmp_path) == ["pipe"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_batch_stopped_while_writing_into_a_pipe_closes_it(
    tmp_path: pathlib.Path, install: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    install("output-broken", "output_broken_rule", BROKEN, {"broken": "Broken"})
    source = tmp_path / "t.jsonl"
    source.write_text(json.dumps({"interview": ADA}) + "\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status, _, err = run(
            capsys, "plan", source, "--output", fifo, "--plugin", "broken"
        )
        # End of file, not "nothing yet": the writer has closed the pipe.
        written = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert status == 2
    assert err.splitlines()[-1].startswith("followup: error: rule BRK001 broken-rule")
    assert written == b""
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# -- long values in error lines ----------------------------------------------------

HUGE = 10_000_000


def test_a_huge_field_value_is_cut_short_in_the_error_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # followup.errors may cut this value before the command does: the line
    # promises a recognisable start and the length, not whose cut it is.
    text = INTERVIEW.read_text()
    source = tmp_path / "big.toml"
    source.write_text(text.replace('"Acme Analytics"', '"' + "A" * HUGE + '"'))
    status, out, err = run(capsys, "plan", source)
    assert (status, out) == (2, "")
    assert err.startswith(f"followup: error: {source}: $.company: '{'A' * 59}")
    assert re.search(r"…' \(10,?000,?000 characters\)", err)
    assert err.endswith(f" is {HUGE} characters long (at most 100)\n")
    assert len(err) < len(str(source)) + 250


def test_a_huge_key_in_a_batch_is_cut_short_and_the_rest_goes_on(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "t.jsonl"
    source.write_text(
        json.dumps({"interview": {**ADA, "k" * HUGE: 1}})
        + "\n"
        + json.dumps({"interview": ADA})
        + "\n"
    )
    status, out, err = run(capsys, "plan", source, "--format", "jsonl")
    assert status == 2
    assert len(out.splitlines()) == 1
    assert err.startswith(
        f"{source}:1: $.interview: unknown key '{'k' * 80}…' ({HUGE} characters)"
    )
    assert len(err.splitlines()) == 1
    assert len(err) < len(str(source)) + 250


def test_a_huge_value_that_is_not_text_loses_the_middle_of_the_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "t.jsonl"
    source.write_text(json.dumps({"id": list(range(300_000)), "interview": ADA}))
    status, _, err = run(capsys, "plan", source, "--format", "jsonl")
    assert status == 2
    assert err.startswith(
        f"{source}:1: $.id: expected one line of UTF-8 text without control "
        "characters, got [0, 1, 2, 3,"
    )
    assert re.search(r" … \(\d+ characters left out\) … ", err)
    assert err.endswith(", 299998, 299999]\n")
    assert len(err.splitlines()) == 1
    assert len(err) <= 1001


def test_a_value_of_a_hundred_characters_is_shown_whole(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = "k" * 100
    source = tmp_path / "i.json"
    source.write_text(json.dumps({**ADA, key: 1}))
    status, _, err = run(capsys, "plan", source)
    assert status == 2
    assert f"unknown key '{key}'" in err


def test_a_huge_argument_is_cut_short_in_the_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["due", "--within", "9" * 5000])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        f"followup: error: argument --within: '{'9' * 80}…' (5000 characters) "
        "is more than ten years (see followup due --help)\n"
    )


class _Full(io.RawIOBase):
    """Standard output on a full disk: every write fails with ENOSPC."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


FULL = f"followup: error: standard output: cannot write there ({os.strerror(errno.ENOSPC)})\n"


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--example"),
        ("plan", ROOT / "examples" / "interviews.jsonl", "--format", "jsonl"),
        ("due", ROOT / "examples" / "interviews.jsonl", "--on", "2026-12-01"),
        ("rules",),
        ("rules", "--format", "markdown"),
        ("--version",),
        ("check-letter", ROOT / "examples" / "follow-up.txt", "--example"),
        # argparse's own writing dropped the failure and exited 0.
        ("--help",),
        ("plan", "--help"),
    ],
)
def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(
    args: tuple[Any, ...],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Unbuffered: the write itself fails, as a large output's does.
    full = io.TextIOWrapper(io.BufferedWriter(_Full(), buffer_size=1))
    monkeypatch.setattr(sys, "stdout", full)
    status = main([str(arg) for arg in args])
    assert (status, capsys.readouterr().err) == (2, FULL)


def test_standard_output_closed_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # What Python gives for a descriptor 1 closed when it starts.
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["plan", "--example"]) == 2
    assert capsys.readouterr().err == (
        "followup: error: standard output is closed: nothing can be written\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--example"),
        ("plan", "--example", "--format", "ics"),
        ("rules",),
        ("--version",),
        ("--help",),
    ],
)
def test_standard_output_of_text_alone_is_given_the_text(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    # Code that runs the command into a string: no bytes underneath.
    def status() -> int | str | None:
        try:
            return main(list(args))
        except SystemExit as stopped:  # --help
            return stopped.code

    expected = (status(), capsys.readouterr().out)
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        assert (status(), text.getvalue()) == expected
    assert expected[0] == 0
    assert expected[1].strip()


# Python buffers standard output unless told not to; what the buffer holds
# when the program exits is written then, or fails then.
BUFFERING = {
    "buffered": {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
    "unbuffered": {**os.environ, "PYTHONUNBUFFERED": "1"},
}
PROGRAM_RUNS = [
    ("--help",),
    ("plan", "--help"),
    ("plan", "--example"),
    ("plan", str(ROOT / "examples" / "interviews.jsonl"), "--format", "jsonl"),
]


def _program(
    command: list[str], stdout: Any, buffering: str
) -> subprocess.CompletedProcess[str]:
    # The program in a process of its own, its standard output where given.
    return subprocess.run(
        [sys.executable, *command],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env=BUFFERING[buffering],
    )


@pytest.mark.skipif(not pathlib.Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("buffering", sorted(BUFFERING))
@pytest.mark.parametrize("args", PROGRAM_RUNS)
def test_the_program_on_a_full_disk_says_so_once(
    args: tuple[str, ...], buffering: str
) -> None:
    # Once: not again as "Exception ignored" with status 120 when Python
    # flushes the buffer at exit.
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        result = _program(["-m", "followup", *args], full, buffering)
    assert (result.returncode, result.stderr) == (2, FULL)


# The program, with text printed after the command's output by something
# else (a plugin's rule, say) and left in the buffer.
PRINTS_LATE = """
import followup.cli

def main():
    print("printed after the output")
    return 0

followup.cli.main = main
followup.cli.run()
"""


@pytest.mark.skipif(not pathlib.Path("/dev/full").exists(), reason="no /dev/full here")
def test_text_printed_after_the_output_on_a_full_disk_is_still_one_line() -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        result = _program(["-c", PRINTS_LATE], full, "buffered")
    assert (result.returncode, result.stderr) == (2, FULL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("buffering", sorted(BUFFERING))
@pytest.mark.parametrize("args", PROGRAM_RUNS)
def test_the_program_leaves_quietly_when_its_reader_has_gone(
    args: tuple[str, ...], buffering: str
) -> None:
    # `followup ... | head`: the reader has gone before the first byte.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = _program(["-m", "followup", *args], writer, buffering)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


def test_the_program_with_standard_output_closed_says_so() -> None:
    command = [sys.executable, "-m", "followup", "plan", "--example"]
    closed = subprocess.run(
        command,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert (closed.returncode, closed.stderr) == (
        2,
        "followup: error: standard output is closed: nothing can be written\n",
    )

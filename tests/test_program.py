"""The ``followup`` program (`followup.cli.run`) and Python's garbage collector.

`run` is the command in a process of its own: it turns the collector off
while the command starts up, back on when a batch begins, and freezes what
is left before exit.  `main`, which other code calls, leaves the collector
as it finds it.
"""

from __future__ import annotations

import gc
import pathlib
import signal
import subprocess
import sys

import pytest

from shell import run as run_in_process
from shell import run_process

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
NOW = "2026-12-01T12:00:00+00:00"

# What the collector is like when the program has done its work and exits.
AT_EXIT = """
import atexit, gc, sys
from followup.cli import run

def tell():
    sys.stderr.write(f"collecting={gc.isenabled()} frozen={gc.get_freeze_count() > 0}\\n")

atexit.register(tell)
sys.argv = ["followup", *sys.argv[1:]]
run()
"""


def program(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", AT_EXIT, *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_one_interview_runs_with_the_collector_off_and_exits_frozen():
    result = program("plan", "--example")
    assert result.returncode == 0, result.stderr
    assert "follow-up" in result.stdout
    assert result.stderr == "collecting=False frozen=True\n"


def test_a_batch_turns_the_collector_back_on():
    result = program("plan", str(EXAMPLES / "interviews.jsonl"), "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("collecting=True frozen=True\n")


def test_due_is_a_batch_too():
    result = program("due", str(EXAMPLES / "interviews.jsonl"), "--on", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("collecting=True frozen=True\n")


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("plan", "--example"), 0),
        (("plan", "no-such-file.toml"), 2),
        (("plan",), 2),
        (("--no-such-option",), 2),
    ],
)
def test_the_program_exits_with_the_commands_status(args, status):
    result = program(*args)
    assert result.returncode == status, result.stderr
    assert result.stderr.endswith("frozen=True\n")


def test_python_dash_m_runs_the_program():
    result = run_process("plan", "no-such-file.toml")
    assert result.returncode == 2
    assert result.stderr.startswith("followup: error: ")


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--example"),
        ("plan", str(EXAMPLES / "interviews.jsonl"), "--now", NOW),
        ("due", str(EXAMPLES / "interviews.jsonl"), "--on", "2026-12-01"),
    ],
)
@pytest.mark.parametrize("collecting", [True, False])
def test_main_leaves_the_callers_collector_as_it_was(args, collecting):
    frozen = gc.get_freeze_count()
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        result = run_in_process(*args)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
    assert result.returncode == 0, result.stderr
    assert gc.get_freeze_count() == frozen


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    # A batch read from a pipe that stays open: the command reports the bad
    # first line, then waits for the next one, where Ctrl-C finds it.
    target = tmp_path / "plans.jsonl"
    target.write_text("old\n")
    command = [sys.executable, "-m", "followup", "plan", "-", "--output", str(target)]
    process = subprocess.Popen(
        [*command, "--format", "jsonl", "--now", NOW],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
    )
    process.stdin.write("not json\n")
    process.stdin.flush()
    first = process.stderr.readline()
    assert first.startswith("<stdin>:1: ")
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=60)
    assert (process.returncode, rest) == (130, "followup: interrupted\n")
    # The --output file is left as it was.
    assert target.read_text() == "old\n"

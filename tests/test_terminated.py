"""SIGTERM and SIGHUP end the command as Ctrl-C does: one line, no file left behind.

Killed by `kill` or a service manager (SIGTERM), or by a terminal closed or
an ssh session dropped (SIGHUP), a batch left its hidden temporary file
(megabytes of plans) beside the --output file; the file itself was whole,
but the temporary one stayed.  Under `nohup`, SIGHUP stays ignored.
"""

from __future__ import annotations

import json
import pathlib
import signal
import subprocess
import sys
import time

import pytest

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
NOW = "2026-12-23T10:30:00-05:00"


def lines(count: int) -> str:
    first = json.loads((EXAMPLES / "interviews.jsonl").read_text().splitlines()[0])
    made = []
    for index in range(count):
        first["id"] = first["interview"]["id"] = f"line-{index}"
        made.append(json.dumps(first))
    return "\n".join(made) + "\n"


def _started(tmp_path, workers, ignored=()):
    """A batch under way, writing to plans.jsonl, its standard input open."""
    target = tmp_path / "plans.jsonl"
    target.write_text("old\n")
    command = [sys.executable, "-m", "followup", "plan", "-", "--output", str(target)]

    def ignore():
        for number in ignored:
            signal.signal(number, signal.SIG_IGN)

    process = subprocess.Popen(
        [*command, "--format", "jsonl", "--now", NOW, "--workers", workers],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ignore,  # noqa: PLW1509 - only sets signals, before exec
    )
    # Standard input stays open: the batch waits for more, its plans so far
    # in the temporary file beside the target.
    process.stdin.write(lines(500))
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(tmp_path.iterdir())) == 2, "the batch never began its output"
    return process, target


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize(
    ("number", "status", "said"),
    [
        pytest.param(signal.SIGTERM, 143, "terminated", id="SIGTERM"),
        pytest.param(signal.SIGHUP, 129, "hung up", id="SIGHUP"),
    ],
)
def test_a_signal_to_end_is_one_line_and_leaves_no_temporary_file(
    tmp_path, workers, number, status, said
):
    process, target = _started(tmp_path, workers)
    process.send_signal(number)
    _, rest = process.communicate(timeout=60)
    assert (process.returncode, rest) == (status, f"followup: {said}\n")
    assert target.read_text() == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plans.jsonl"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_under_nohup_a_hang_up_is_ignored_and_the_batch_finishes(tmp_path):
    process, target = _started(tmp_path, "1", ignored=(signal.SIGHUP,))
    process.send_signal(signal.SIGHUP)
    process.stdin.write(lines(2))
    _, rest = process.communicate(timeout=60)
    assert (process.returncode, rest) == (0, "")
    assert len(target.read_text().splitlines()) == 502

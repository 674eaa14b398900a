"""SIGTERM ends the command as Ctrl-C does: one line, status 143, no file left behind.

Killed by `kill` or a service manager, a batch left its hidden temporary
file (megabytes of plans) beside the --output file; the file itself was
whole, but the temporary one stayed.
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


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_is_one_line_and_exit_143_and_leaves_no_temporary_file(
    tmp_path, workers
):
    target = tmp_path / "plans.jsonl"
    target.write_text("old\n")
    command = [sys.executable, "-m", "followup", "plan", "-", "--output", str(target)]
    process = subprocess.Popen(
        [*command, "--format", "jsonl", "--now", NOW, "--workers", workers],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Standard input stays open: the batch waits for more, its plans so far
    # in the temporary file beside the target.
    process.stdin.write(lines(500))
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(tmp_path.iterdir())) == 2, "the batch never began its output"
    process.send_signal(signal.SIGTERM)
    _, rest = process.communicate(timeout=60)
    assert (process.returncode, rest) == (143, "followup: terminated\n")
    assert target.read_text() == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plans.jsonl"]

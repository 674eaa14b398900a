"""JSON read in a process of its own, where nothing was read or written before.

The converter builds the reader of each type once, on first use; the first
document a fresh process reads must come out as whole as any later one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathlib

INTERVIEW = {
    "candidate": "Ada Lovelace",
    "company": "Acme Analytics",
    "at": "2026-11-23T10:00:00-05:00[America/New_York]",
    "interviewer": {"name": "Grace Hopper", "timezone": "America/New_York"},
}


def test_a_fresh_process_reads_an_interview_with_its_interviewer(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(INTERVIEW))
    result = subprocess.run(
        [sys.executable, "-m", "followup", "plan", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    interviewer = json.loads(result.stdout)["interview"]["interviewer"]
    assert (interviewer["name"], interviewer["timezone"]) == (
        "Grace Hopper",
        "America/New_York",
    )

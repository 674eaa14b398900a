"""Input files are UTF-8 whatever the locale says.

A shell under ``LC_ALL=C`` (a cron job, a container) gives Python an ASCII
locale; a name with an accent must still be read, not refused.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathlib

TOML = (
    'candidate = "Zoë Núñez"\n'
    'company = "Café Analytics"\n'
    'at = "2026-11-23T10:00:00-05:00[America/New_York]"\n'
)
# No UTF-8 mode and no coercion of the C locale: Python's own defaults
# would otherwise turn LC_ALL=C into UTF-8.
ASCII_LOCALE = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def test_an_interview_is_read_as_utf8_under_an_ascii_locale(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "interview.toml"
    path.write_text(TOML, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "followup", "plan", str(path)],
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, **ASCII_LOCALE},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Zoë Núñez - phone interview with Café Analytics, ")

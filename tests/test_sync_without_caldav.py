"""`followup sync` without the caldav extra: one line naming the extra, not a traceback.

Run in a process where importing caldav fails, as it does where the extra
was never installed (``pip install .`` alone).
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"

# A process in which caldav cannot be imported: None in sys.modules makes
# `import caldav` raise ImportError, as a missing package does.
WITHOUT_CALDAV = """
import sys
sys.modules["caldav"] = None
from followup.cli import main
sys.exit(main())
"""


def test_sync_without_the_extra_names_it():
    result = subprocess.run(
        [
            sys.executable, "-c", WITHOUT_CALDAV, "sync", str(EXAMPLES / "interview.toml"),
            "--to", "https://dav.example.com/calendars/ada/jobs/", "--now",
            "2026-11-23T10:30:00-05:00",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"FOLLOWUP_CALDAV_USERNAME": "ada", "FOLLOWUP_CALDAV_PASSWORD": "pw",
             "PATH": "", "PYTHONPATH": ":".join(sys.path)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: pushing to a calendar server needs the caldav extra: "
        'python -m pip install "followup[caldav]"\n'
    )


def test_the_library_raises_a_sync_error_naming_the_extra():
    code = (
        "import sys; sys.modules['caldav'] = None\n"
        "from followup import plan_followups\n"
        "from followup.example import example_interview\n"
        "from followup.sync import SyncError, sync_plan\n"
        "try:\n"
        "    sync_plan(plan_followups(example_interview()), 'https://h/c/')\n"
        "except SyncError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout == (
        "pushing to a calendar server needs the caldav extra: "
        'python -m pip install "followup[caldav]"\n'
    ), result.stderr

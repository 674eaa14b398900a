"""What the library promises about itself: a light import, no clock, no I/O."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

SRC = pathlib.Path(__file__).parent.parent / "src" / "followup"
HEAVY = ("holidays", "email_validator", "phonenumbers", "cattrs", "icalendar", "dns")


def test_importing_followup_loads_no_heavy_dependency():
    code = (
        f"import sys, followup; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_planning_without_contact_details_or_a_country_loads_none_either():
    code = (
        "import sys, followup; "
        "followup.plan_followups(followup.Interview('Ada', 'Acme', "
        "'2026-11-23T10:00:00Z', interviewer=followup.Contact('Grace'))); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


_CLOCK = re.compile(
    # now()/today() on anything (datetime, date, pendulum), the time module's
    # clocks by name, and the same functions imported bare.
    r"\.(?:now|today|utcnow)\("
    r"|\btime\.(?:time|time_ns|monotonic|perf_counter|localtime|gmtime)\("
    r"|(?<![.\w])(?:time|time_ns|monotonic|perf_counter|localtime|gmtime)\(\)"
)


def test_no_module_reads_the_clock_but_the_command_when_asked():
    offenders = [
        f"{path.relative_to(SRC)}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for line in path.read_text().splitlines()
        if _CLOCK.search(line)
    ]
    # `followup plan --now now` is the user asking for the clock, at the edge.
    assert offenders == ["cli.py: return dt.datetime.now(dt.timezone.utc)"]


# The edges read and write by design: the command line reads files, the JSON
# module reads the schemas it ships, and rule configuration reads TOML files.
EDGES = {"__main__.py", "cli.py", "json.py", "_rule_config.py"}


def test_no_core_module_opens_files_or_prints():
    pattern = re.compile(r"\bopen\(|\bprint\(|\.write_text\(|\.read_text\(")
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
        and not line.strip().startswith((">>>", "..."))
        and path.name not in EDGES
    ]
    assert offenders == []

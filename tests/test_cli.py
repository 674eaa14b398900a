"""The followup command, run as a user runs it.

Most tests call the command's `main` in this process, with its standard
streams, working folder and exit status as a user's shell would see them:
coverage and mutation testing reach every line it runs.  A few run
``python -m followup`` or the console script in a process of their own, for
what only a real process shows: the installed script, the imports a fresh
interpreter pays, the text a pipe receives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pathlib
import re
import shlex
import subprocess
import sys

import icalendar
import pytest

from followup import FollowUpPlan
from followup.json import from_json
from shell import run, run_process

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
HISTORY = EXAMPLES / "interview.history.toml"


def digest(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def test_plan_example_prints_a_table():
    # The README's first command, in a process of its own as a user runs it.
    result = run_process("plan", "--example")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "Ada Lovelace - phone interview with Acme Analytics, Mon 23 Nov 2026 10:00 EST"
    )
    assert lines[3].split() == ["when", "what", "how", "why"]
    assert any(
        line.startswith("Wed 25 Nov 2026 09:00 EST  follow-up") for line in lines
    )
    assert result.stderr == ""


def test_the_console_script_is_installed():
    script = pathlib.Path(sys.executable).with_name("followup")
    assert script.exists()
    result = subprocess.run(
        [script, "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("followup ")


def test_plan_a_file_with_history_and_now():
    result = run(
        "plan", INTERVIEW, "--history", HISTORY, "--now", "2026-11-30T11:05:00-05:00"
    )
    assert result.returncode == 0, result.stderr
    assert "Thu 3 Dec 2026 16:00 EST  call-back" in result.stdout


def test_plan_as_json_reads_back():
    result = run("plan", "--example", "--format", "json")
    plan = from_json(result.stdout, FollowUpPlan)
    assert plan.interview.company == "Acme Analytics"
    assert plan.steps[0].due.timezone_name == "America/New_York"


def test_plan_as_ics_reads_back():
    result = subprocess.run(
        [sys.executable, "-m", "followup", "plan", "--example", "--format", "ics"],
        capture_output=True,
        check=True,
    )
    calendar = icalendar.Calendar.from_ical(result.stdout)
    assert len([c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]) == 4
    events_only = run("plan", "--example", "--format", "ics", "--events-only").stdout
    assert "VTODO" not in events_only


def test_plan_a_json_interview(tmp_path):
    path = tmp_path / "interview.json"
    path.write_text(
        '{"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z"}'
    )
    result = run("plan", path, "--format", "json")
    assert result.returncode == 0, result.stderr
    history = tmp_path / "history.json"
    history.write_text('[{"kind": "thank-you-sent", "at": "2026-11-23T10:40:00Z"}]')
    result = run("plan", path, "--history", history, "--now", "2026-11-23T11:00:00Z")
    assert "thank-you" not in result.stdout.split("why", 1)[1]


def test_output_is_written_whole_and_inputs_are_never_touched(tmp_path):
    before = digest(INTERVIEW), digest(HISTORY)
    target = tmp_path / "plan.ics"
    target.write_text("old")
    result = run(
        "plan",
        INTERVIEW,
        "--history",
        HISTORY,
        "--format",
        "ics",
        "--output",
        target,
        "--now",
        "2026-11-30T17:00:00Z",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]
    assert (digest(INTERVIEW), digest(HISTORY)) == before


def test_output_never_overwrites_an_input(tmp_path):
    copy = tmp_path / "interview.toml"
    copy.write_bytes(INTERVIEW.read_bytes())
    result = run("plan", copy, "--output", copy)
    assert result.returncode == 2
    assert "is an input file" in result.stderr
    assert copy.read_bytes() == INTERVIEW.read_bytes()


def test_explain_prints_the_reasons():
    result = run("explain", INTERVIEW)
    assert result.returncode == 0
    assert (
        "why: The follow-up comes 2 to 3 business days after the interview "
        "(Thanksgiving Day on Thu 26 Nov is no business day there) (A5)"
        in result.stdout
    )


def test_check_letter_passes_a_good_letter_and_fails_a_bad_one(tmp_path):
    good = run("check-letter", EXAMPLES / "follow-up.txt", "--interview", INTERVIEW)
    assert (good.returncode, good.stdout.strip()) == (
        0,
        f"{EXAMPLES / 'follow-up.txt'}: no findings",
    )
    bad = tmp_path / "thanks.txt"
    bad.write_text("Thanks! Ada Lovelace")
    result = run("check-letter", bad, "--interview", INTERVIEW, "--kind", "thank-you")
    assert result.returncode == 1
    assert (
        f"{bad}: FU003 error: the thank-you does not name the company (A4)"
        in result.stdout
    )


def test_check_letter_reads_standard_input():
    letter = (EXAMPLES / "follow-up.txt").read_text()
    result = run(
        "check-letter", "-", "--example", stdin=letter.replace("Acme Analytics", "you")
    )
    assert result.returncode == 1
    assert result.stdout.startswith(
        "standard input: FU004 error: the follow-up does not name the company"
    )


def test_rules_lists_every_rule_and_the_markdown_is_the_docs_page():
    result = run("rules")
    assert result.returncode == 0
    for code in ("FU001", "FU006", "FU011"):
        assert code in result.stdout
    markdown = run("rules", "--format", "markdown").stdout
    assert markdown == (ROOT / "docs" / "rules.md").read_text()


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


BAD_INPUTS = [
    pytest.param(
        lambda tmp: ["plan", tmp / "missing.toml"],
        "missing.toml: no such file",
        id="missing file",
    ),
    pytest.param(lambda tmp: ["plan", tmp], "is a directory", id="directory"),
    pytest.param(
        lambda tmp: ["plan", _write(tmp, "i.toml", "candidate = [")],
        "i.toml: not valid TOML",
        id="bad TOML",
    ),
    pytest.param(
        lambda tmp: ["plan", _write(tmp, "i.json", '{"candidate": ')],
        "i.json: not valid JSON: Expecting value at line 1 column 15",
        id="bad JSON",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            _write(
                tmp,
                "i.toml",
                'candidate = "Ada"\ncompany = "Acme"\nat = 2026-11-23T10:00:00\n',
            ),
        ],
        "i.toml: $.at: '2026-11-23T10:00:00' has no time zone",
        id="naive datetime",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            _write(
                tmp,
                "i.toml",
                'candidate = "Ada"\ncompany = "Acme"\nat = "2026-11-23T10:00:00+00:00[Mars/Base]"\n',
            ),
        ],
        "i.toml: $.at: 'Mars/Base' is not an IANA time zone name",
        id="unknown zone",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            _write(
                tmp,
                "i.toml",
                'candidate = "Ada"\ncompany = "Acme"\nat = "2026-11-23T10:00:00Z"\n[interviewer]\nname = "G"\nemail = "g@"\n',
            ),
        ],
        "i.toml: $.interviewer.email: 'g@' is not a valid email address",
        id="invalid email",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            _write(
                tmp,
                "i.toml",
                'candidate = "Ada"\ncompny = "Acme"\nat = "2026-11-23T10:00:00Z"\n',
            ),
        ],
        "i.toml: $.company: required key is missing; $: unknown key 'compny' (did you mean 'company'?)",
        id="misspelt key",
    ),
    pytest.param(
        lambda tmp: ["plan", _write(tmp, "i.yaml", "candidate: Ada")],
        "i.yaml: give a .toml or a .json file",
        id="unknown format",
    ),
    pytest.param(
        lambda tmp: ["plan", "--example", "--now", "tomorrow"],
        "--now: 'tomorrow' is not an ISO 8601",
        id="bad now",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            "--example",
            "--now",
            "2026-11-20T10:00:00Z",
            "--history",
            EXAMPLES / "interview.history.toml",
        ],
        "history.toml: history[0].at: ",
        id="history after now",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            "--example",
            "--history",
            _write(tmp, "h.toml", 'kind = "called"\n'),
        ],
        "h.toml: a history is a list of events",
        id="history not a list",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            "--example",
            "--history",
            _write(tmp, "h.json", '[{"kind": "called"}]'),
        ],
        "h.json: $[0].at: required key is missing",
        id="event without time",
    ),
    pytest.param(
        lambda tmp: [
            "plan",
            "--example",
            "--history",
            _write(
                tmp,
                "h.toml",
                '[[events]]\nkind = "away"\nat = "2026-11-24T10:00:00-05:00"\n',
            ),
        ],
        "h.toml: $[0].until: None given, but an event of kind away needs the day it ends",
        id="away without until",
    ),
    pytest.param(
        lambda tmp: ["plan"], "no interview: give FILE or --example", id="no interview"
    ),
    pytest.param(
        lambda tmp: ["plan", INTERVIEW, "--example"],
        "give either FILE or --example, not both",
        id="both",
    ),
    pytest.param(
        lambda tmp: ["plan", "--format", "pdf", "--example"],
        "argument --format: invalid choice: 'pdf'",
        id="bad format",
    ),
    pytest.param(
        lambda tmp: ["check-letter", tmp / "none.txt", "--example"],
        "none.txt: no such file",
        id="missing letter",
    ),
    pytest.param(
        lambda tmp: [
            "check-letter",
            _write(
                tmp,
                "l.txt",
                "\udcff".encode("utf-8", "surrogateescape").decode("latin-1"),
            ),
            "--example",
        ],
        "",
        id="odd letter",
    ),
]


@pytest.mark.parametrize(("arguments", "message"), BAD_INPUTS)
def test_bad_input_is_one_clear_line_and_exit_status_2(tmp_path, arguments, message):
    args = arguments(tmp_path)
    result = run(*args)
    if message == "":
        # Odd bytes decode as Latin-1 text: a letter with findings, not a crash.
        assert result.returncode == 1
        return
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("followup: error: ")
    assert message in result.stderr


def test_a_letter_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes(b"\xff\xfe bad")
    result = run("check-letter", path, "--example")
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"followup: error: {path}: is not UTF-8 text",
    )


def test_no_command_prints_help_on_standard_error_and_fails():
    # A usage error as any other: `followup $EMPTY > out.txt` in a script
    # wrote the help into its output.
    result = run()
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("usage: followup ")
    assert "plan" in result.stderr


def test_the_example_is_planned_as_of_the_start_of_its_call():
    # The same table every day, and the close of the call in it.
    first = run("plan", "--example", "--format", "json")
    assert first.stdout == run("plan", "--example", "--format", "json").stdout
    plan = from_json(first.stdout, FollowUpPlan)
    assert plan.as_of == plan.interview.at
    assert plan.steps[0].kind.value == "close-call"


def _planned_as_of(*args):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    result = run(*args, "--format", "json")
    after = dt.datetime.now(dt.timezone.utc)
    assert result.returncode == 0, result.stderr
    return before, from_json(result.stdout, FollowUpPlan).as_of, after


def test_a_file_without_now_is_planned_as_of_the_clock(tmp_path):
    # A person runs the command days after the call, with what happened
    # since, and means now.
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=9)
    interview = tmp_path / "interview.toml"
    interview.write_text(
        f'candidate = "Ada"\ncompany = "Acme"\nat = "{start.isoformat()}"\n'
    )
    history = tmp_path / "history.toml"
    sent = (start + dt.timedelta(hours=2)).isoformat()
    history.write_text(f'[[events]]\nkind = "thank-you-sent"\nat = "{sent}"\n')
    before, as_of, after = _planned_as_of("plan", interview, "--history", history)
    assert before <= as_of <= after
    assert as_of.microsecond == 0


def test_now_now_reads_the_clock():
    before, as_of, after = _planned_as_of("plan", "--example", "--now", "now")
    assert before <= as_of <= after


def test_help_imports_no_heavy_module():
    # What the command itself loads: pendulum 3.0.0 loads tempfile
    # (through importlib.resources) as it is imported.
    code = (
        "import sys, contextlib, io\n"
        "import attrs, pendulum\n"
        "before = set(sys.modules)\n"
        "from followup.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in ('cattrs', 'icalendar', 'holidays', 'jsonschema', "
        "'email_validator', 'phonenumbers', 'secrets', 'tempfile') "
        "if m in set(sys.modules) - before))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    assert result.stdout.strip() == "[]"


def _console_blocks():
    """Every ``console`` block of README.md and docs/: (where, command, shown)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return [
        pytest.param(command, shown, id=f"{page.name}:{command[:40]}")
        for page in pages
        for command, shown in re.findall(
            r"```console\n\$ followup (.*?)\n(.*?)```", page.read_text(), re.DOTALL
        )
    ]


@pytest.mark.parametrize(("command", "shown"), _console_blocks())
def test_every_console_block_shows_what_the_command_prints(command, shown):
    result = run(*shlex.split(command), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown


def test_the_docs_show_console_blocks():
    assert len(_console_blocks()) >= 2  # the plan and the due list


def test_every_command_the_readme_names_in_passing_runs(tmp_path):
    readme = (ROOT / "README.md").read_text()
    commands = [
        command
        for command in re.findall(r"`followup ([^`]+)`", readme)
        if "..." not in command
    ]
    assert len(commands) >= 3
    for command in commands:
        args = shlex.split(command)
        written = None
        if "--output" in args:
            # Written where the test may write, not into the checkout.
            at = args.index("--output") + 1
            written = args[at] = str(tmp_path / args[at])
        result = run(*args, cwd=ROOT)
        assert result.returncode == 0, (command, result.stderr)
        assert pathlib.Path(written).read_text() if written else result.stdout


def test_previous_cancels_what_the_replan_dropped(tmp_path):
    old = tmp_path / "old.json"
    made = run(
        "plan", INTERVIEW, "--now", "2026-11-23T10:20:00-05:00", "--format", "json",
        "--output", old,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    moved = tmp_path / "moved.toml"
    moved.write_text(
        INTERVIEW.read_text().replace("2026-11-23T10:00:00", "2026-11-24T10:00:00")
    )
    result = run(
        "plan", moved, "--now", "2026-11-24T10:45:00-05:00", "--format", "ics",
        "--previous", old,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout)
    items = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    cancelled = [str(i["uid"]) for i in items if i.get("status") == "CANCELLED"]
    assert len(cancelled) == 1
    assert cancelled[0].endswith("-close-call-1@followup")
    assert len(items) == 4


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "followup: error: --previous goes with --format ics\n"),
        (["--format", "ics"], "1 problem in the FollowUpPlan document"),
    ],
)
def test_previous_is_refused_when_it_cannot_apply(extra, message):
    result = run("plan", INTERVIEW, "--now", "now", "--previous", INTERVIEW, *extra)
    assert result.returncode == 2
    assert message in result.stderr


@pytest.mark.parametrize("missing", [True, False], ids=["no such file", "a folder"])
def test_previous_that_cannot_be_read_is_named_once(tmp_path, missing):
    # It was named twice: "old.json: old.json: no such file".
    previous = tmp_path / "old.json"
    if not missing:
        previous.mkdir()
    result = run(
        "plan", INTERVIEW, "--now", "now", "--format", "ics", "--previous", previous
    )
    problem = "no such file" if missing else "is a directory, not a file"
    assert (result.returncode, result.stderr) == (
        2,
        f"followup: error: {previous}: {problem}\n",
    )


@pytest.mark.parametrize("lines", [1, 2])
def test_previous_given_json_lines_of_plans_says_which_output_it_takes(tmp_path, lines):
    # It was a wall of "unknown key 'id'", "unknown key 'plan'" and every
    # key of a plan missing.
    old = tmp_path / "old.jsonl"
    made = run(
        "plan", INTERVIEW, "--now", "2026-11-23T10:20:00-05:00", "--format", "jsonl",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    old.write_text(made.stdout * lines, encoding="utf-8")
    result = run(
        "plan", INTERVIEW, "--now", "2026-11-24T10:45:00-05:00", "--format", "ics",
        "--previous", old,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {old}: holds plans as `plan --format jsonl` writes them "
        '({"id": ..., "plan": ...} a line); --previous takes one plan, as '
        "`plan --format json` writes it\n"
    )


@pytest.mark.parametrize("start", ["", "\ufeff", "\r\n"])
def test_previous_given_the_calendar_imported_says_which_file_it_takes(tmp_path, start):
    # README: keep the plan you imported (--format json) and pass it. The
    # .ics imported is the natural guess; it got "Expecting value".
    old = tmp_path / "follow-up.ics"
    made = run(
        "plan", INTERVIEW, "--now", "2026-11-23T10:20:00-05:00", "--format", "ics",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    old.write_bytes((start + made.stdout).encode())
    before = old.read_bytes()
    result = run(
        "plan", INTERVIEW, "--now", "2026-11-24T10:45:00-05:00", "--format", "ics",
        "--previous", old,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: {old}: is a calendar (iCalendar); --previous takes the "
        "plan as `plan --format json` wrote it: keep that file beside the .ics you "
        "import\n"
    )
    assert old.read_bytes() == before

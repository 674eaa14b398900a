"""Many interviews on the command line: JSON Lines, folders, bad lines, `due`."""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import pathlib
import random
import select
import struct
import subprocess
import sys
import textwrap
import zoneinfo

import icalendar
import jsonschema
import pytest
from referencing import Registry, Resource

from distributions import BROKEN
from followup import Event, Interview, InvalidValueError, plan_followups
from followup.ics import step_uid, to_ics, to_ics_many
from followup.json import schema, structure
from shell import plan_lines, plans_in, run_process
from shell import run as run_in_process

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
NOW = "2026-12-01T12:00:00+00:00"
DAY = dt.date(2026, 12, 1)
UTC = dt.timezone.utc
# No zone here changes its offset at midnight on the days these tests use,
# so the test may find the start of a day by hand.
ZONES = (
    "America/New_York",
    "Europe/Paris",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Europe/London",
)


def run(*args, stdin=None, env=None, cwd=None):
    # With an environment of its own (plugins installed elsewhere), in a
    # process of its own; else in this one, where coverage reaches it.
    if env is not None:
        return run_process(*args, stdin=stdin, env=env, cwd=cwd)
    return run_in_process(*args, stdin=stdin, cwd=cwd)


def at(moment, zone):
    return f"{moment.astimezone(zoneinfo.ZoneInfo(zone)).isoformat()}[{zone}]"


def story(kind, start, zone, cutoff):
    """One of six histories, cut at `cutoff`: every status shows up."""
    hour = dt.timedelta(hours=1)
    day = dt.timedelta(days=1)
    events = {
        0: [],
        1: [("thank-you-sent", start + hour, {})],
        2: [
            ("thank-you-sent", start + hour, {}),
            ("follow-up-sent", start + 2 * day, {}),
        ],
        3: [
            ("called", start + (8 + 7 * n) * day, {"outcome": "no-answer"})
            for n in range(3)
        ],
        4: [("decision-received", start + 5 * day, {"outcome": "rejected"})],
        5: [
            (
                "called",
                start + 8 * day,
                {"outcome": "undecided", "call_back_at": at(start + 11 * day, zone)},
            )
        ],
    }[kind]
    return [
        {"kind": name, "at": at(moment, zone), **extra}
        for name, moment, extra in events
        if moment < cutoff
    ]


def generated(count, seed=7, cutoff=dt.datetime(2026, 11, 30, tzinfo=UTC)):
    pick = random.Random(seed)  # noqa: S311 - test data, not secrets
    base = dt.datetime(2026, 10, 5, 7, tzinfo=UTC)
    for index in range(count):
        zone = ZONES[index % len(ZONES)]
        start = base + dt.timedelta(minutes=pick.randrange(60 * 24 * 60))
        interview = {
            "candidate": f"Candidate {index}",
            "company": f"Company {index % 101}",
            "at": at(start, zone),
        }
        if index % 3 == 0:
            there = ZONES[(index + 2) % len(ZONES)]
            interview["interviewer"] = {"name": "Grace Hopper", "timezone": there}
        record = {"id": f"app-{index}", "interview": interview}
        history = story(pick.randrange(6), start, zone, cutoff)
        if history:
            record["history"] = history
        yield record


def write_lines(path, records):
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def parsed(record):
    interview = structure(record["interview"], Interview)
    history = tuple(structure(record.get("history") or [], list[Event]))
    return interview, history


def planned(record, now=NOW):
    return plan_followups(*parsed(record), now=now)


# -- plan: JSON Lines and folders ---------------------------------------------


def test_json_lines_in_and_out_equal_planning_each_interview(tmp_path):
    records = list(generated(40, seed=1))
    source = write_lines(tmp_path / "interviews.jsonl", records)
    result = run("plan", source, "--format", "jsonl", "--now", NOW)
    assert (result.returncode, result.stderr) == (0, "")
    made = plan_lines(result.stdout)
    assert len(made) == len(records)
    for (tracker_id, plan), record in zip(made, records, strict=True):
        assert (tracker_id, plan) == (record["id"], planned(record))


def test_each_line_passes_the_batch_line_schema():
    registry = Registry().with_resources(
        (
            f"https://followup.invalid/schemas/{name}.schema.json",
            Resource.from_contents(schema(name)),
        )
        for name in ("interview", "event", "history", "batch-line")
    )
    validator = jsonschema.Draft202012Validator(schema("batch-line"), registry=registry)
    lines = (EXAMPLES / "interviews.jsonl").read_text().splitlines()
    for record in [*map(json.loads, lines), *generated(30)]:
        validator.validate(record)
    interview = json.loads(lines[0])["interview"]
    wrong = [
        {"interview": interview, "histori": []},
        {"id": 7, "interview": interview},
        {"id": "two\nlines", "interview": interview},
        {"id": "", "interview": interview},
        {"id": "acme\x1b[2J", "interview": interview},
        {"history": []},
    ]
    for record in wrong:
        assert not validator.is_valid(record)


def test_the_reader_refuses_what_the_schema_refuses(tmp_path):
    interview = json.loads((EXAMPLES / "interviews.jsonl").read_text().splitlines()[1])
    records = [
        {**interview, "id": "two\nlines"},
        {**interview, "id": ""},
        # A terminal would obey it: `due` prints the id.
        {**interview, "id": "acme\x1b[2J\x07"},
        {**interview, "history": {"events": "none"}},
        {**interview, "id": "fine", "history": None},
    ]
    source = write_lines(tmp_path / "t.jsonl", records)
    result = run("plan", source, "--format", "jsonl")
    assert result.returncode == 2
    said = "$.id: expected one line of UTF-8 text without control characters, got"
    assert [line.split(": ", 1)[1] for line in result.stderr.splitlines()] == [
        f"{said} 'two\\nlines'",
        f"{said} ''",
        f"{said} 'acme\\x1b[2J\\x07'",
        "$.history: expected a list of events",
    ]
    ((tracker_id, plan),) = plan_lines(result.stdout)
    assert (tracker_id, plan.interview.company) == ("fine", "Orbital")


def test_json_lines_from_standard_input():
    text = (EXAMPLES / "interviews.jsonl").read_text()
    result = run("plan", "-", "--format", "jsonl", "--now", NOW, stdin=text)
    assert (result.returncode, result.stderr) == (0, "")
    plans = plans_in(result.stdout)
    assert [p.interview.company for p in plans] == [
        "Acme Analytics",
        "Orbital",
        "Kernel Labs",
    ]


def test_one_interview_file_as_json_lines_is_one_line():
    result = run("plan", "--example", "--format", "jsonl")
    assert result.returncode == 0
    ((tracker_id, plan),) = plan_lines(result.stdout)
    assert (tracker_id, plan.interview.company) == (None, "Acme Analytics")


HISTORY_TOML = """
[[events]]
kind = "thank-you-sent"
at = "2026-11-23T10:45:00-05:00[America/New_York]"
"""


def toml_interview(candidate, company, when):
    return f'candidate = "{candidate}"\ncompany = "{company}"\nat = "{when}"\n'


def test_a_folder_of_toml_files(tmp_path):
    folder = tmp_path / "tracker"
    folder.mkdir()
    (folder / "acme.toml").write_text(
        toml_interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]")
    )
    (folder / "acme.history.toml").write_text(HISTORY_TOML)
    (folder / "beta.toml").write_text(
        toml_interview("Ada", "Beta", "2026-11-24T15:00:00+01:00[Europe/Paris]")
    )
    (folder / "notes.md").write_text("not an interview")
    (folder / "old").mkdir()
    (folder / "old" / "gamma.toml").write_text("not read = [")
    result = run("plan", folder, "--format", "jsonl", "--now", NOW)
    assert (result.returncode, result.stderr) == (0, "")
    history = (Event("thank-you-sent", "2026-11-23T10:45:00-05:00[America/New_York]"),)
    assert plan_lines(result.stdout) == [
        (
            "acme",
            plan_followups(
                Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"),
                history,
                now=NOW,
            ),
        ),
        (
            "beta",
            plan_followups(
                Interview("Ada", "Beta", "2026-11-24T15:00:00+01:00[Europe/Paris]"),
                now=NOW,
            ),
        ),
    ]
    text = run("plan", folder, "--now", NOW)
    assert text.returncode == 0
    headings = [line for line in text.stdout.splitlines() if line.startswith("==")]
    assert headings == ["== acme", "== beta"]


def test_a_folder_reports_its_bad_files_and_plans_the_rest(tmp_path):
    (tmp_path / "a.toml").write_text(
        toml_interview("Ada", "Acme", "2026-11-23T10:00:00Z")
    )
    (tmp_path / "b.toml").write_text("candidate = [")
    (tmp_path / "c.history.toml").write_text(HISTORY_TOML)
    (tmp_path / "d.toml").write_text(toml_interview("Ada", "Delta", "2026-11-23"))
    result = run("plan", tmp_path, "--format", "jsonl")
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1
    problems = result.stderr.splitlines()
    assert problems[0] == (
        f"{tmp_path / 'c.history.toml'}: a history without its interview (c.toml)"
    )
    assert problems[1].startswith(f"{tmp_path / 'b.toml'}: not valid TOML")
    assert problems[2].startswith(f"{tmp_path / 'd.toml'}: $.at: ")
    assert len(problems) == 3


def test_an_empty_folder_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("")
    result = run("plan", tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {tmp_path}: is a directory holding no interview "
        "(NAME.toml files)\n"
    )


# -- bad lines ------------------------------------------------------------------


def test_bad_lines_are_reported_by_number_and_the_others_planned(tmp_path):
    good = list(generated(2, seed=3))
    late = {
        "interview": {
            "candidate": "Ada",
            "company": "Acme",
            "at": "2026-11-23T10:00:00Z",
        },
        "history": [{"kind": "called", "at": "2026-12-24T10:00:00Z"}],
    }
    lines = [
        json.dumps(good[0]),
        "{not json",
        "[1, 2]",
        json.dumps({"interview": {"candidate": "", "company": "Acme"}, "id": 3}),
        json.dumps(late),
        "",
        json.dumps({"interview": good[1]["interview"], "histori": []}),
        json.dumps(good[1]),
    ]
    source = tmp_path / "tracker.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = run("plan", source, "--format", "jsonl", "--now", NOW)
    assert result.returncode == 2
    made = plan_lines(result.stdout)
    assert made == [("app-0", planned(good[0])), ("app-1", planned(good[1]))]
    assert result.stderr.splitlines() == [
        (
            f"{source}:2: not valid JSON: Expecting property name enclosed in "
            "double quotes at column 2"
        ),
        (
            f"{source}:3: $: expected an object with an 'interview' (and "
            "'history', 'id'), got list"
        ),
        (
            f"{source}:4: $.id: expected one line of UTF-8 text without control "
            "characters, got 3; "
            "$.interview.candidate: '' is empty; "
            "$.interview.at: required key is missing"
        ),
        (
            f"{source}:5: history[0].at: '2026-12-24T10:00:00+00:00' is after now "
            "(2026-12-01T12:00:00+00:00)"
        ),
        f"{source}:7: $: unknown key 'histori' (did you mean 'history'?)",
    ]


def test_without_now_the_batch_is_planned_as_of_the_clock(tmp_path):
    # Days after the call, with what has happened since: a person running
    # the command means now, not the start of the interview.
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    interview_at = before - dt.timedelta(days=3)
    record = {
        "interview": {
            "candidate": "Ada",
            "company": "Acme",
            "at": interview_at.isoformat(),
        },
        "history": [
            {
                "kind": "thank-you-sent",
                "at": (interview_at + dt.timedelta(hours=1)).isoformat(),
            }
        ],
    }
    source = write_lines(tmp_path / "t.jsonl", [record])
    result = run("plan", source, "--format", "jsonl")
    after = dt.datetime.now(dt.timezone.utc)
    assert result.returncode == 0, result.stderr
    (plan,) = plans_in(result.stdout)
    assert before <= plan.as_of <= after
    assert plan.as_of.microsecond == 0
    assert plan.steps[0].kind.value == "follow-up"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "json"], "--format json writes one plan; give --format jsonl"),
        (["--history", EXAMPLES / "interview.history.toml"], "holds many interviews"),
        (["--example"], "give either FILE or --example, not both"),
    ],
)
def test_options_for_one_interview_are_refused_for_many(extra, message):
    result = run("plan", EXAMPLES / "interviews.jsonl", *extra)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("followup: error: ")
    assert message in result.stderr


def test_explain_takes_one_interview():
    result = run("explain", EXAMPLES / "interviews.jsonl")
    assert result.returncode == 2
    assert "explain takes one interview" in result.stderr


# -- one calendar for many ------------------------------------------------------


def test_two_interviews_of_one_identity_share_no_calendar(tmp_path):
    # Applying again a year later, under another tracker id but with no
    # interview id: the second interview's items took the first one's UIDs,
    # and a calendar importing the file kept one item of each pair.
    first, later = (
        {"id": f"acme-{year}", "interview": {
            "candidate": "Ada", "company": "Acme", "at": f"{year}-11-23T10:00:00Z"}}
        for year in (2025, 2026)
    )  # fmt: skip
    third = {"id": "acme-again", "interview": {**later["interview"], "id": "acme-3"}}
    source = write_lines(tmp_path / "interviews.jsonl", [first, later, third])
    target = tmp_path / "all.ics"
    result = run("plan", source, "--format", "ics", "--now", NOW, "--output", target)
    assert result.returncode == 2
    assert result.stderr == (
        f"{source}:2: has the identity of {source}:1 (the "
        "interview's id, or its candidate, company and position): its items would "
        "take that one's UIDs; left out of the calendar (give each interview an id "
        "of its own, as the interview's own id: a line's id, or a file's name, is "
        "not part of it)\n"
    )
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    uids = [str(c["uid"]) for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    plans = [planned(record) for record in (first, third)]
    assert sorted(uids) == sorted(
        step_uid(plan.interview, step) for plan in plans for step in plan.steps
    )
    with pytest.raises(InvalidValueError, match=r"^plans\[1\]: 'Ada' is an interview"):
        to_ics_many([planned(first), planned(later)])


def test_one_calendar_holds_every_plan_with_distinct_uids(tmp_path):
    records = list(generated(25, seed=2))
    source = write_lines(tmp_path / "interviews.jsonl", records)
    target = tmp_path / "all.ics"
    result = run("plan", source, "--format", "ics", "--now", NOW, "--output", target)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    items = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    uids = [str(item["uid"]) for item in items]
    assert len(uids) == len(set(uids))
    plans = [planned(record) for record in records]
    assert set(uids) == {
        step_uid(plan.interview, step) for plan in plans for step in plan.steps
    }
    assert len(items) == sum(len(plan.steps) for plan in plans) > len(records)
    # Each item is the one that the plan's own calendar holds.
    by_uid = {str(item["uid"]): item.to_ical() for item in items}
    alone = icalendar.Calendar.from_ical(to_ics(plans[3]))
    own = [c for c in alone.walk() if c.name in {"VEVENT", "VTODO"}]
    assert own
    assert [by_uid[str(c["uid"])] for c in own] == [c.to_ical() for c in own]
    zones = {
        str(item["dtstart"].params["tzid"])
        for item in items
        if "tzid" in item["dtstart"].params
    }
    assert zones
    assert {tz.tz_name for tz in calendar.timezones} == zones
    # The zones come before the items that use them.
    names = [c.name for c in calendar.subcomponents]
    assert names.index("VTIMEZONE") < names.index("VEVENT")
    assert max(i for i, n in enumerate(names) if n == "VTIMEZONE") < min(
        i for i, n in enumerate(names) if n in {"VEVENT", "VTODO"}
    )


# -- output ---------------------------------------------------------------------


@pytest.fixture
def broken_env(tmp_path):
    """An environment where a plugin whose rule always fails is installed."""
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "broken_rule.py").write_text(textwrap.dedent(BROKEN))
    info = plugin / "broken_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[followup.rules]\nbroken = broken_rule:Broken\n"
    )
    path = [str(plugin), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


@pytest.mark.parametrize("output", ["jsonl", "ics", "text"])
def test_a_failing_rule_stops_the_batch_and_leaves_the_output_whole(
    tmp_path, broken_env, output
):
    source = write_lines(tmp_path / "t.jsonl", generated(3))
    target = tmp_path / "plans.out"
    target.write_text("yesterday's plans\n")
    result = run(
        "plan", source, "--format", output, "--now", NOW, "--output", target,
        "--plugin", "broken", env=broken_env,
    )  # fmt: skip
    assert result.returncode == 2
    first, second = result.stderr.splitlines()
    assert first == f"{source}:1: planning stopped here"
    assert second.startswith("followup: error: rule BRK001 broken-rule")
    assert target.read_text() == "yesterday's plans\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plans.out",
        "plugin",
        "t.jsonl",
    ]


def test_output_for_many_is_written_whole_beside_the_target(tmp_path):
    source = write_lines(tmp_path / "t.jsonl", generated(5))
    target = tmp_path / "plans.jsonl"
    target.write_text("old\n")
    result = run("plan", source, "--format", "jsonl", "--now", NOW, "--output", target)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert len(target.read_text().splitlines()) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plans.jsonl", "t.jsonl"]
    again = run("plan", target, "--format", "jsonl", "--output", target)
    assert again.returncode == 2
    assert "is an input file; it is never overwritten" in again.stderr


# -- the progress bar -------------------------------------------------------------


def test_no_progress_bar_and_no_tqdm_when_standard_error_is_not_a_terminal(
    tmp_path,
):
    source = write_lines(tmp_path / "t.jsonl", generated(3))
    code = (
        "import sys\n"
        "from followup.cli import main\n"
        f"status = main(['plan', {str(source)!r}, '--format', 'jsonl', "
        f"'--now', {NOW!r}, '--output', {str(tmp_path / 'out.jsonl')!r}])\n"
        "print(status, 'tqdm' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert (result.stdout, result.stderr) == ("0 False\n", "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_progress_bar_shows_on_a_terminal(tmp_path):
    # POSIX only.
    import fcntl  # noqa: PLC0415
    import pty  # noqa: PLC0415
    import termios  # noqa: PLC0415

    source = write_lines(tmp_path / "t.jsonl", generated(20))
    main, other = pty.openpty()
    # A terminal of 80 columns: tqdm draws nothing in one of none.
    size = struct.pack("HHHH", 24, 80, 0, 0)
    fcntl.ioctl(other, termios.TIOCSWINSZ, size)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "followup", "plan", source, "--format", "jsonl",
             "--now", NOW],
            stdout=subprocess.PIPE,
            stderr=other,
            check=False,
        )  # fmt: skip
        # Read while this end of the terminal is still open: once both ends
        # are closed, Linux drops what was not read.
        shown = b""
        while select.select([main], [], [], 0.5)[0]:
            shown += os.read(main, 65536)
    finally:
        os.close(other)
        os.close(main)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 20
    assert b"planning:" in shown
    assert b"%|" in shown


# -- due ----------------------------------------------------------------------


def recipient_zone(interview):
    if interview.interviewer is not None and interview.interviewer.timezone:
        return zoneinfo.ZoneInfo(interview.interviewer.timezone)
    return zoneinfo.ZoneInfo(interview.at.timezone_name)


def expected_reminders(record, day=DAY, within=0, quiet=21):
    """What `due` should list for one record, worked out step by step."""
    interview, history = parsed(record)
    tz = recipient_zone(interview)
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=tz)
    last = max((event.at for event in history), default=None)
    moment = max(midnight, last) if last is not None else midnight
    plan = plan_followups(interview, history, now=moment)
    horizon = dt.datetime.combine(
        day + dt.timedelta(days=1 + within), dt.time(0), tzinfo=tz
    )
    calls = sorted(
        (event for event in history if event.kind.value == "called"),
        key=lambda event: event.at,
    )
    agreed = calls[-1].call_back_at if calls else None
    # A call-back whose agreed time has passed is overdue: FU007 plans it
    # again itself, not FU010.
    missed = agreed is not None and agreed < moment
    found = []
    for step in plan.steps:
        if "FU010" in step.adjusted_by or (
            missed and step.kind.value == "call-back" and not step.agreed
        ):
            found.append(("overdue", record["id"], step.label, instant(step.due)))
        elif step.window.start < horizon:
            found.append(("due", record["id"], step.label, instant(step.due)))
    decided = any(e.outcome is not None and e.outcome.is_decision for e in history)
    if not plan.steps and not decided:
        heard = last if last is not None else interview.at + interview.duration
        silent = (day - heard.astimezone(tz).date()).days
        if silent >= quiet:
            found.append(("quiet", record["id"], None, instant(heard)))
    return found


def instant(moment):
    return moment.astimezone(UTC).isoformat()


def listed(stdout):
    rows = []
    for line in stdout.splitlines():
        record = json.loads(line)
        moment = dt.datetime.fromisoformat(record["at"].split("[")[0])
        rows.append((record["status"], record["id"], record["step"], instant(moment)))
    return rows


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory):
    records = list(generated(10_000, seed=11))
    source = write_lines(tmp_path_factory.mktemp("due") / "tracker.jsonl", records)
    result = run("due", source, "--on", str(DAY), "--format", "jsonl")
    return records, result


def test_due_over_ten_thousand_lines_agrees_with_a_direct_computation(ten_thousand):
    records, result = ten_thousand
    assert (result.returncode, result.stderr) == (0, "")
    rows = listed(result.stdout)
    expected = [row for record in records for row in expected_reminders(record)]
    counts = collections.Counter(status for status, *_ in rows)
    assert counts == collections.Counter(status for status, *_ in expected)
    # Every status shows up, many times: the data tests each of them.
    assert min(counts[s] for s in ("overdue", "due", "quiet")) > 100
    assert collections.Counter(rows) == collections.Counter(expected)
    sample = random.Random(0).sample(result.stdout.splitlines(), 50)  # noqa: S311
    by_id = {record["id"]: record for record in records}
    for line in sample:
        record = json.loads(line)
        assert record["on"] == str(DAY)
        source = by_id[record["id"]]
        assert (record["candidate"], record["company"]) == (
            source["interview"]["candidate"],
            source["interview"]["company"],
        )


def test_due_lists_the_soonest_first(ten_thousand):
    _, result = ten_thousand
    rows = listed(result.stdout)
    urgency = {"overdue": 0, "due": 1, "quiet": 2}
    keys = [
        (dt.datetime.fromisoformat(moment), urgency[status])
        for status, _, _, moment in rows
    ]
    assert keys == sorted(keys)
    assert len(set(keys)) > 100


INTERVIEW = {
    "id": "acme",
    "interview": {
        "candidate": "Ada Lovelace",
        "company": "Acme",
        "at": "2026-11-23T10:00:00-05:00[America/New_York]",
        "interviewer": {"name": "Grace Hopper", "timezone": "America/New_York"},
    },
}


def due_text(tmp_path, records, *args):
    source = write_lines(tmp_path / "t.jsonl", records)
    result = run("due", source, *args)
    assert (result.returncode, result.stderr) == (0, "")
    return [" ".join(line.split()) for line in result.stdout.splitlines()]


def test_two_applications_to_one_company_without_ids_are_told_apart(tmp_path):
    # Both rows read "Ada Lovelace, Acme": which application was the call for?
    first = {"interview": {**INTERVIEW["interview"], "position": "data engineer"}}
    second = {
        "interview": {
            **INTERVIEW["interview"],
            "position": "sre",
            "at": "2026-11-23T14:00:00-05:00[America/New_York]",
        }
    }
    source = tmp_path / "t.jsonl"
    rows = due_text(tmp_path, [first, second], "--on", "2026-11-23")
    assert rows == [
        f"Mon 23 Nov 2026 10:25 EST due close-call (phone) Ada Lovelace, Acme ({source}:1)",
        f"Mon 23 Nov 2026 10:30 EST due thank-you (email) Ada Lovelace, Acme ({source}:1)",
        f"Mon 23 Nov 2026 14:25 EST due close-call (phone) Ada Lovelace, Acme ({source}:2)",
        f"Mon 23 Nov 2026 14:30 EST due thank-you (email) Ada Lovelace, Acme ({source}:2)",
    ]


def test_due_within_looks_further_ahead(tmp_path):
    on_the_day = due_text(tmp_path, [INTERVIEW], "--on", "2026-11-23")
    assert on_the_day == [
        "Mon 23 Nov 2026 10:25 EST due close-call (phone) Ada Lovelace, Acme (acme)",
        "Mon 23 Nov 2026 10:30 EST due thank-you (email) Ada Lovelace, Acme (acme)",
    ]
    two_days = due_text(tmp_path, [INTERVIEW], "--on", "2026-11-23", "--within", "2d")
    assert two_days == [
        *on_the_day,
        "Wed 25 Nov 2026 09:00 EST due follow-up (email) Ada Lovelace, Acme (acme)",
    ]
    a_week = due_text(tmp_path, [INTERVIEW], "--on", "2026-11-23", "--within", "1w")
    assert a_week == [
        *two_days,
        "Mon 30 Nov 2026 09:00 EST due call (phone) Ada Lovelace, Acme (acme)",
    ]


def test_due_on_a_later_day_finds_steps_overdue(tmp_path):
    # The thank-you was never sent: it is overdue, and the follow-up waits a
    # business day after it (FU012) rather than landing on the same day.
    assert due_text(tmp_path, [INTERVIEW], "--on", "2026-11-25", "--within", "1d") == [
        "Wed 25 Nov 2026 00:00 EST overdue thank-you (email) Ada Lovelace, Acme (acme)",
        "Thu 26 Nov 2026 09:00 EST due follow-up (email) Ada Lovelace, Acme (acme)",
    ]
    assert due_text(tmp_path, [INTERVIEW], "--on", "2026-11-26") == [
        "Thu 26 Nov 2026 00:00 EST overdue thank-you (email) Ada Lovelace, Acme (acme)",
    ]
    thanked = {
        **INTERVIEW,
        "history": [{"kind": "thank-you-sent", "at": "2026-11-23T11:00:00-05:00"}],
    }
    assert due_text(tmp_path, [thanked], "--on", "2026-11-26") == [
        "Thu 26 Nov 2026 09:00 EST due follow-up (email) Ada Lovelace, Acme (acme)",
    ]
    assert due_text(tmp_path, [INTERVIEW], "--on", "2026-11-20") == [
        "Nothing is due, overdue or gone quiet."
    ]


CALLS = [
    {"kind": "called", "at": f"2026-11-{day}T10:00:00-05:00", "outcome": "no-answer"}
    for day in ("02", "09", "16")
]


def test_an_interview_with_nothing_left_goes_quiet(tmp_path):
    quiet = {**INTERVIEW, "history": CALLS}
    quiet["interview"] = {**INTERVIEW["interview"], "at": "2026-10-26T10:00:00-04:00"}
    decided = {
        "id": "decided",
        "interview": quiet["interview"],
        "history": [
            *CALLS,
            {"kind": "decision-received", "at": "2026-11-17T10:00:00-05:00",
             "outcome": "rejected"},
        ],
    }  # fmt: skip
    assert due_text(tmp_path, [quiet, decided], "--on", "2026-12-06") == [
        "Nothing is due, overdue or gone quiet."
    ]
    line = (
        "Mon 16 Nov 2026 10:00 EST quiet no word for 21 days (last: called) "
        "Ada Lovelace, Acme (acme)"
    )
    assert due_text(tmp_path, [quiet, decided], "--on", "2026-12-07") == [line]
    assert due_text(
        tmp_path, [quiet], "--on", "2026-12-07", "--quiet-after", "22d"
    ) == ["Nothing is due, overdue or gone quiet."]
    assert due_text(tmp_path, [quiet], "--on", "2026-12-07", "--quiet-after", "3w") == [
        line
    ]
    result = run("due", tmp_path / "t.jsonl", "--on", "2026-12-07", "--format", "jsonl")
    assert json.loads(result.stdout) == {
        "status": "quiet",
        "at": "2026-11-16T10:00:00-05:00[America/New_York]",
        "id": "acme",
        "candidate": "Ada Lovelace",
        "company": "Acme",
        "step": None,
        "kind": None,
        "how": None,
        "last": "called",
        "silent_days": 21,
        "on": "2026-12-07",
        "source": f"{tmp_path / 't.jsonl'}:1",
    }


def test_a_history_that_reaches_into_the_day_is_planned_from_its_last_event(
    tmp_path,
):
    called = {
        **INTERVIEW,
        "history": [
            {
                "kind": "called",
                "at": "2026-12-01T15:00:00-05:00",
                "outcome": "undecided",
            }
        ],
    }
    lines = due_text(tmp_path, [called], "--on", "2026-12-01", "--within", "2w")
    assert lines == [
        "Tue 8 Dec 2026 09:00 EST due call-back (phone) Ada Lovelace, Acme (acme)"
    ]


def test_due_reads_a_folder_and_standard_input(tmp_path):
    (tmp_path / "acme.toml").write_text(
        toml_interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]")
    )
    result = run("due", tmp_path, "--on", "2026-11-25", "--within", "1d")
    assert result.returncode == 0
    assert [line.split("  ")[-1] for line in result.stdout.splitlines()] == [
        "Ada, Acme (acme)",
        "Ada, Acme (acme)",
    ]
    piped = run("due", "--on", "2026-11-25", stdin=json.dumps(INTERVIEW) + "\n")
    assert piped.returncode == 0
    assert "thank-you (email)" in piped.stdout


def test_due_without_on_uses_today_where_the_recipient_is(tmp_path):
    # Long past, so that its steps are overdue whenever the test runs.
    old = {
        **INTERVIEW,
        "interview": {**INTERVIEW["interview"], "at": "2020-01-06T10:00:00-05:00"},
    }
    source = write_lines(tmp_path / "t.jsonl", [old])
    before = dt.datetime.now(UTC).astimezone(zoneinfo.ZoneInfo(ZONES[0])).date()
    result = run("due", source, "--format", "jsonl")
    after = dt.datetime.now(UTC).astimezone(zoneinfo.ZoneInfo(ZONES[0])).date()
    assert result.returncode == 0
    days = {json.loads(line)["on"] for line in result.stdout.splitlines()}
    assert days <= {str(before), str(after)}
    assert days


def test_due_reports_bad_lines_and_lists_the_rest(tmp_path):
    source = tmp_path / "t.jsonl"
    source.write_text(json.dumps(INTERVIEW) + "\n" + "oops\n")
    result = run("due", source, "--on", "2026-11-25", "--within", "1d")
    assert result.returncode == 2
    assert result.stderr == f"{source}:2: not valid JSON: Expecting value at column 1\n"
    assert len(result.stdout.splitlines()) == 2


def test_a_string_left_open_is_reported_once_at_its_column(tmp_path):
    source = tmp_path / "t.jsonl"
    source.write_text(json.dumps(INTERVIEW) + "\n" + '{"id": "x}\n')
    result = run("due", source, "--on", "2026-11-25", "--within", "1d")
    assert result.returncode == 2
    # json's "Unterminated string starting at", then " at column": no "at at".
    assert result.stderr == (
        f"{source}:2: not valid JSON: Unterminated string starting at column 8\n"
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_line_longer_than_16_mib_is_refused_and_the_rest_read(tmp_path, workers):
    # A file with no line breaks was read whole as one line: /dev/zero
    # filled memory and ended in a MemoryError traceback.
    source = tmp_path / "t.jsonl"
    with source.open("wb") as handle:
        handle.write(b"\0" * (16 * 1024 * 1024 + 5) + b"\n")
        handle.write(json.dumps(INTERVIEW).encode() + b"\n")
    result = run("plan", source, "--format", "jsonl", "--workers", workers)
    assert result.returncode == 2
    assert result.stderr == (
        f"{source}:1: is a line of more than 16 MiB, refused unread (an "
        "interview with its history runs to kilobytes; a file with no line "
        "breaks is no JSON Lines)\n"
    )
    assert len(result.stdout.splitlines()) == 1


def test_a_line_of_16_mib_with_a_windows_line_ending_is_read(tmp_path):
    # The limit is on the line, whatever ends it: "\r\n" counted two bytes
    # more than "\n", and the same line was refused from a Windows file.
    line = json.dumps(INTERVIEW).encode()
    padded = line[:-1] + b" " * (16 * 1024 * 1024 - len(line)) + b"}"
    for ending in (b"\n", b"\r\n"):
        source = tmp_path / "t.jsonl"
        source.write_bytes(padded + ending)
        result = run("due", source, "--on", "2026-11-25")
        assert (result.returncode, result.stderr) == (0, "")


def test_a_file_name_shown_for_a_line_without_an_id_is_made_safe(tmp_path):
    # Printed as the shell gave it, a name holding a line break forged a
    # row of its own, and an escape sequence reached the terminal.
    record = {key: value for key, value in INTERVIEW.items() if key != "id"}
    source = tmp_path / "a\nX  due  call\x1b[31m.jsonl"
    source.write_text(json.dumps(record) + "\n")
    result = run("due", source, "--on", "2026-11-23")
    assert result.returncode == 0
    rows = result.stdout.splitlines()
    assert len(rows) == 2
    assert all(row.endswith("X  due  call\\x1b[31m.jsonl:1)") for row in rows)


def test_due_over_lines_that_are_all_bad_says_nothing_was_checked(tmp_path):
    source = tmp_path / "t.jsonl"
    source.write_text('[1]\n{"id": "x"}\n')
    result = run("due", source, "--on", "2026-11-25")
    assert result.returncode == 2
    assert result.stdout == "No interview could be read: nothing was checked.\n"
    assert len(result.stderr.splitlines()) == 2
    # One read, one bad: what was read is all clear.
    source.write_text(json.dumps(INTERVIEW) + "\n[1]\n")
    result = run("due", source, "--on", "2026-11-01")
    assert (result.returncode, result.stdout) == (
        2,
        "Nothing is due, overdue or gone quiet.\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--within", "3x"], "argument --within: give days (3d) or weeks (2w)"),
        (["--quiet-after", "9999w"], "argument --quiet-after: '9999w' is more than"),
        (["--on", "2026-13-01"], "argument --on: give a date as YYYY-MM-DD"),
        (
            ["--on", "9999-12-31", "--within", "1w"],
            "is not between 1900-01-02 and 2199-12-31",
        ),
    ],
)
def test_due_refuses_bad_options_in_one_line(args, message):
    result = run("due", EXAMPLES / "interviews.jsonl", *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_the_help_shows_the_library_default_for_going_quiet():
    from followup import cli  # noqa: PLC0415
    from followup._due import QUIET_DAYS  # noqa: PLC0415

    assert cli.QUIET_DAYS == QUIET_DAYS
    shown = " ".join(run("due", "--help").stdout.split())
    assert shown.count(f"default: {QUIET_DAYS}d)") == 1


def test_due_takes_many_interviews_not_one_file():
    result = run("due", EXAMPLES / "interview.toml")
    assert result.returncode == 2
    assert "give a JSON Lines file (.jsonl) or a folder" in result.stderr

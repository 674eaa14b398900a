"""Mutants of the command, its readers, batches and `due`: the tests they asked for.

A hand-mutation campaign over ``followup/cli.py``, ``_inputs.py``,
``_batch.py``, ``_batch_work.py`` and ``_due.py`` left these mutants alive;
each test here kills one (named in its comment), with the expected output
worked out from docs/edges.md, not taken from a run.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import followup.cli
from followup import Interview
from followup._batch_work import _order
from followup._due import Reminder, ReminderStatus
from followup.cli import _workers
from shell import run

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
JSONL = EXAMPLES / "interviews.jsonl"
BOM = b"\xef\xbb\xbf"
# A New York interview whose thank-you (due the same day) and follow-up are
# overdue on 1 December: the first line of examples/interviews.jsonl.
ACME = JSONL.read_bytes().splitlines(keepends=True)[0]
ACME_OVERDUE = (
    "Tue 1 Dec 2026 09:00 EST  overdue  follow-up (email)  "
    "Ada Lovelace, Acme Analytics (acme-data-engineer)\n"
)


# A real bug: a file opening with a byte order mark and then a blank line
# (what an editor on Windows writes for a file that starts empty) reported
# its first line as "not valid JSON" and exited 2, where the same file
# without the mark skips the blank line.
def test_a_byte_order_mark_on_a_blank_first_line_is_a_blank_line(tmp_path):
    marked = tmp_path / "marked.jsonl"
    marked.write_bytes(BOM + b"\r\n" + ACME)
    result = run("due", marked, "--on", "2026-12-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ACME_OVERDUE


# The same bug through standard input, a mark alone and nothing after it.
def test_a_byte_order_mark_alone_on_standard_input_is_nothing_to_plan():
    result = run(
        "plan", "-", "--format", "jsonl", "--now", "2026-12-01T12:00Z", stdin="\ufeff"
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# cli._date: `day = _iso_day(text.strip())` -> `_iso_day(text)`.  A day
# pasted with a space around it is the day, as --within and --workers take
# theirs.
def test_due_takes_a_day_with_spaces_around_it():
    result = run("due", JSONL, "--on", " 2026-12-01 ")
    expected = run("due", JSONL, "--on", "2026-12-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected.stdout
    assert ACME_OVERDUE.split("  ", maxsplit=1)[0] in result.stdout


# _due.reminders: the last word is the latest event by instant, not the last
# one listed (`max(events, ...)` -> `events[-1]`).  A tracker may write the
# history in any order; the quiet interview of examples/interviews.jsonl,
# its history reversed, is still quiet since its call of 9 November.
def test_a_quiet_interview_counts_from_its_latest_event_in_any_order(tmp_path):
    kernel = json.loads(JSONL.read_text(encoding="utf-8").splitlines()[2])
    assert kernel["id"] == "kernel-sre"
    kernel["history"].reverse()
    batch = tmp_path / "reversed.jsonl"
    batch.write_text(json.dumps(kernel) + "\n", encoding="utf-8")
    result = run("due", batch, "--on", "2026-12-01", "--format", "jsonl")
    assert (result.returncode, result.stderr) == (0, "")
    record = json.loads(result.stdout)
    assert (record["status"], record["last"], record["silent_days"]) == (
        "quiet",
        "called",
        22,
    )
    assert record["at"].startswith("2026-11-09T10:00:00+00:00")


# cli._workers: `1 <= n <= 256` -> `1 <= n < 256`.  The most processes the
# option takes is 256, as its message says.
def test_workers_takes_up_to_256_and_no_more():
    assert _workers("256") == 256
    result = run("due", JSONL, "--on", "2026-12-01", "--workers", "257")
    assert result.returncode == 2
    assert "give a number of processes from 1 to 256, not '257'" in result.stderr


# An interview in London whose interviewer is in Tokyo: its recipient's day
# begins nine hours before London's.
TOKYO = {
    "id": "tokyo",
    "interview": {
        "candidate": "Ada",
        "company": "Acme",
        "at": "2026-11-30T15:00:00+00:00[Europe/London]",
        "interviewer": {"name": "Grace", "timezone": "Asia/Tokyo"},
    },
}


# cli._list_due: `args.on or _clock()` -> `args.on or _clock().date()`.
# Without --on the day is today where the recipient is (docs/edges.md), not
# today in UTC: at 16:00 UTC on 30 November it is 1 December in Tokyo.
def test_due_without_on_looks_at_today_where_the_recipient_is(tmp_path, monkeypatch):
    batch = tmp_path / "tokyo.jsonl"
    batch.write_text(json.dumps(TOKYO) + "\n", encoding="utf-8")
    clock = dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(followup.cli, "_clock", lambda: clock)
    today = run("due", batch, "--format", "jsonl")
    assert (today.returncode, today.stderr) == (0, "")
    assert {json.loads(line)["on"] for line in today.stdout.splitlines()} == {
        "2026-12-01"
    }
    assert (
        today.stdout
        == run("due", batch, "--on", "2026-12-01", "--format", "jsonl").stdout
    )


# _batch_work._order: `(microseconds) * 4 + urgency` -> `* 2 + urgency`.  The
# urgency (0 to 2) must never outweigh a microsecond: a quiet interview heard
# from at 10:00 comes before a step overdue at 10:00 and a microsecond.
def test_due_sorts_by_the_microsecond_before_the_urgency():
    interview = Interview("Ada", "Acme", "2026-11-02T10:00:00+00:00[Europe/London]")
    ten = dt.datetime(2026, 11, 9, 10, 0, tzinfo=dt.timezone.utc)
    later = ten + dt.timedelta(microseconds=1)
    quiet = _order(Reminder(ReminderStatus.QUIET, ten, interview))
    assert quiet < _order(Reminder(ReminderStatus.OVERDUE, later, interview))
    assert quiet < _order(Reminder(ReminderStatus.DUE, later, interview))
    at_ten = [_order(Reminder(status, ten, interview)) for status in ReminderStatus]
    assert at_ten == sorted(at_ten)
    assert len(set(at_ten)) == 3


def _interview_toml(company: str) -> str:
    return (
        f'candidate = "Ada"\ncompany = "{company}"\n'
        'at = "2026-11-23T10:00:00+00:00[Europe/London]"\n'
    )


# _inputs.open_batch: `if not interviews and not orphans` -> `if not
# interviews`.  A folder holding a history alone is not "no interview": the
# history is reported by name, as an orphan is beside other interviews.
def test_a_folder_of_a_lone_history_reports_the_history(tmp_path):
    (tmp_path / "acme.history.toml").write_text(
        '[[events]]\nkind = "called"\nat = "2026-11-24T10:00:00Z"\n', encoding="utf-8"
    )
    result = run("due", tmp_path, "--on", "2026-12-01")
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path / 'acme.history.toml'}: a history without its interview "
        "(acme.toml)\n"
    )
    assert result.stdout == "No interview could be read: nothing was checked.\n"


# _inputs._is_id: `len(tracker_id.splitlines()) == 1` -> `True`.  A line
# separator (U+2028) is no control character, but it breaks the line `due`
# prints the id on: the line's id is refused, the line reported by number.
def test_an_id_holding_a_line_separator_is_refused(tmp_path):
    line = json.loads(ACME)
    line["id"] = "acmé\u2028data"
    batch = tmp_path / "separated.jsonl"
    batch.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = run("due", batch, "--on", "2026-12-01")
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"{batch}:1: $.id: expected one line of UTF-8 text without control "
        "characters, got "
    )
    assert len(result.stderr.splitlines()) == 1


# _inputs._is_batch_file: `... and not path.is_dir()` dropped.  A folder
# named like a TOML file inside a batch folder is no interview: it is passed
# over, not reported as a file that is a directory.
def test_a_folder_named_like_toml_inside_a_batch_is_passed_over(tmp_path):
    (tmp_path / "acme.toml").write_text(_interview_toml("Acme"), encoding="utf-8")
    (tmp_path / "archive.toml").mkdir()
    result = run("plan", tmp_path, "--format", "jsonl", "--now", "2026-11-23T12:00Z")
    assert (result.returncode, result.stderr) == (0, "")
    assert [
        json.loads(line)["plan"]["interview"]["company"]
        for line in result.stdout.splitlines()
    ] == ["Acme"]


# _inputs.is_batch: `suffix.lower() == ".jsonl"` -> `suffix == ".jsonl"`.
# A JSON Lines file named in capitals (TRACKER.JSONL) holds many interviews,
# as .TOML and .JSON name one (the suffix's case is not looked at).
def test_a_jsonl_suffix_in_capitals_is_a_batch(tmp_path):
    capitals = tmp_path / "TRACKER.JSONL"
    capitals.write_bytes(ACME)
    result = run("due", capitals, "--on", "2026-12-01")
    assert (result.returncode, result.stderr, result.stdout) == (0, "", ACME_OVERDUE)

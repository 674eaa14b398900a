"""What `due`, batch planning, batch inputs, calendars and replans show a user.

Each test pins one thing a user sees that a small slip in the code (a
mutant: a comparison flipped, a branch dropped, two fields swapped) changed
while every other test still passed: the day-to-day list of `followup due`,
the notes naming a bad item of `plan_many`, the lines of a JSON Lines batch
and the files of a folder, the iCalendar text a calendar imports, and what
`plan_changes` reports after a replan.
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import sys
from typing import TYPE_CHECKING

import pytest

from followup import (
    Contact,
    Event,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Reminder,
    ReminderStatus,
    plan_followups,
    plan_many,
    reminders_on,
)
from followup._due import MOST_DAYS
from followup._inputs import open_batch, read_standard_input
from followup._json_lines import json_line, json_line_of_stdlib
from followup.ics import to_ics

if TYPE_CHECKING:
    from collections.abc import Iterable

# --- followup due (followup._due) -----------------------------------------

GRACE = Contact(
    "Grace Hopper", timezone="America/New_York", country="US", phone="+1 212 555 0123"
)
ADA = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-16T10:00:00-05:00[America/New_York]",
    interviewer=GRACE,
)
LETTERS = [
    Event("thank-you-sent", "2026-11-16T11:00:00-05:00[America/New_York]"),
    Event("follow-up-sent", "2026-11-18T10:00:00-05:00[America/New_York]"),
]
# A call that agreed a call-back on Friday 27 November at 16:00, and the
# call made on Monday 30 November, after the agreed time had passed.
AGREED_CALL = Event(
    "called",
    "2026-11-24T10:00:00-05:00",
    outcome="undecided",
    call_back_at="2026-11-27T16:00:00-05:00",
)
CALLED_SINCE = Event("called", "2026-11-30T10:00:00-05:00", outcome="undecided")


def test_due_names_the_first_event_given_that_lies_too_far_ahead() -> None:
    """The error points at the first mistyped date in the tracker's order.

    Two events a year ahead: the message names ``history[0]``, the first
    one the user gave, not whichever is the latest.
    """
    history = [
        Event("called", "2027-01-10T10:00:00-05:00"),
        Event("called", "2027-02-10T10:00:00-05:00"),
    ]
    with pytest.raises(InvalidValueError) as raised:
        reminders_on(ADA, history, on=dt.date(2026, 11, 17))
    assert str(raised.value).startswith(
        "history[0].at: '2027-01-10T10:00:00-05:00' is after the day asked"
    )


def test_a_reminder_may_count_no_day_of_silence() -> None:
    """`Reminder.silent_days` takes 0 (quiet since today); only below 0 is refused."""
    reminder = Reminder(
        ReminderStatus.QUIET, "2026-11-16T11:00:00-05:00", ADA, silent_days=0
    )
    assert reminder.silent_days == 0
    assert reminder.what == "no word for 0 days (last: the interview)"


def test_a_reminders_json_line_gives_the_steps_kind_apart_from_its_label() -> None:
    """``due --format jsonl``: ``step`` is the label (``call-back #2``), ``kind`` the kind.

    As docs/edges.md says: `step` (the label, as `call-back #2`), `kind` and
    `how` (for a step).
    """
    history = [*LETTERS, AGREED_CALL, CALLED_SINCE]
    found = reminders_on(ADA, history, on=dt.date(2026, 12, 1), within_days=30)
    assert [reminder.record("acme") for reminder in found] == [
        {
            "status": "due",
            "at": "2026-12-07T09:00:00-05:00[America/New_York]",
            "id": "acme",
            "candidate": "Ada Lovelace",
            "company": "Acme",
            "step": "call-back #2",
            "kind": "call-back",
            "how": "phone",
            "last": None,
            "silent_days": None,
        }
    ]


def test_a_call_made_since_the_missed_call_back_counts_in_any_order_given() -> None:
    """The last call is the latest one, wherever the tracker lists it.

    A call-back missed on Friday and made on Monday is no longer overdue on
    Tuesday, even when the tracker lists Monday's call before the one that
    agreed the call-back.
    """
    in_order = [*LETTERS, AGREED_CALL, CALLED_SINCE]
    out_of_order = [*LETTERS, CALLED_SINCE, AGREED_CALL]
    day = dt.date(2026, 12, 1)
    assert reminders_on(ADA, in_order, on=day) == ()
    assert reminders_on(ADA, out_of_order, on=day) == ()


def test_due_looks_as_far_ahead_as_the_most_days_it_takes() -> None:
    """``--within 3660`` (`MOST_DAYS`, ten years) is taken; only more is refused."""
    found = reminders_on(ADA, LETTERS, on=dt.date(2026, 11, 19), within_days=MOST_DAYS)
    assert [reminder.step.label for reminder in found if reminder.step] == ["call"]
    found = reminders_on(ADA, [], on=dt.date(2027, 1, 1), quiet_days=MOST_DAYS)
    assert found[0].status is ReminderStatus.OVERDUE
    with pytest.raises(InvalidValueError, match="within_days: 3661 is not between"):
        reminders_on(ADA, on=dt.date(2026, 11, 19), within_days=MOST_DAYS + 1)


# --- plan_many (followup._batch) ------------------------------------------

GRACE_AT_ACME = Interview("Grace", "Acme", "2026-11-23T10:00:00Z")
ADA_AT_ACME = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")


def _planned_before_the_error(
    items: Iterable[object], workers: int
) -> tuple[list[str], BaseException]:
    """The candidates planned before `plan_many` raised, and what it raised."""
    planned: list[str] = []
    plans = plan_many(items, workers=workers, chunk_size=1)  # type: ignore[arg-type]
    try:
        planned.extend(plan.interview.candidate for plan in plans)
    except Exception as error:  # noqa: BLE001 - any error: it is returned
        return planned, error
    pytest.fail(f"no error after {planned}")


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_of_three_parts_is_refused_by_its_place(workers: int) -> None:
    """``(interview, history, extra)`` is no item: told by its place, as a type error.

    Not Python's own "too many values to unpack", which names nothing.
    """
    planned, error = _planned_before_the_error(
        [ADA_AT_ACME, (GRACE_AT_ACME, [], "extra")], workers
    )
    assert planned == ["Ada"]
    assert isinstance(error, InvalidTypeError)
    assert str(error).startswith(
        "interviews[1]: expected an Interview or (Interview, history), got tuple"
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_no_plan_after_a_bad_item_comes_out_whatever_the_workers(workers: int) -> None:
    """An item that cannot be planned ends the plans, in one process or many.

    The docs: "an item that cannot be planned raises its error in its turn,
    after the plans of the items before it" - and none of the items after.
    """
    planned, error = _planned_before_the_error(
        [ADA_AT_ACME, "not an interview", GRACE_AT_ACME], workers
    )
    assert (planned, type(error)) == (["Ada"], InvalidTypeError)
    planned, error = _planned_before_the_error(
        [ADA_AT_ACME, (GRACE_AT_ACME, None), ADA_AT_ACME], workers
    )
    assert (planned, type(error)) == (["Ada"], InvalidTypeError)
    if sys.version_info >= (3, 11):  # exception notes came with 3.11
        assert getattr(error, "__notes__", None) == [
            "while planning interviews[1]: Grace, Acme"
        ]


# --- JSON Lines output (followup._json_lines) -----------------------------


@pytest.mark.parametrize("key", [1e-07, 1e-300, 2.5e-05])
def test_a_line_with_a_key_that_is_not_text_is_the_standard_librarys(
    key: float,
) -> None:
    """The bytes never depend on orjson: a float key is written as `json` writes it.

    orjson refuses a key that is not text; the standard library writes
    ``1e-07`` where orjson, made to take it, would write ``1e-7``.
    """
    value = {key: "x", "step": "thank-you"}
    assert json_line(value) == json_line_of_stdlib(value)


# --- batch inputs (followup._inputs) --------------------------------------


def _interview_toml(company: str) -> str:
    return (
        f'candidate = "Ada Lovelace"\ncompany = "{company}"\n'
        'at = "2026-11-23T10:00:00-05:00[America/New_York]"\n'
    )


THANKED = (
    '[[events]]\nkind = "thank-you-sent"\n'
    'at = "2026-11-23T11:00:00-05:00[America/New_York]"\n'
)


def _read(path: pathlib.Path) -> list[tuple[str, str | None, int, str | None]]:
    """Each entry of the batch at `path`: where, id, events, and the problem."""
    batch = open_batch(str(path))
    try:
        return [
            (
                pathlib.Path(entry.where).name,
                entry.tracker_id,
                len(entry.history),
                entry.problem and entry.problem.replace(str(path), "DIR"),
            )
            for entry in batch.entries
        ]
    finally:
        batch.close()


def test_a_history_spelt_in_another_case_is_read_for_its_interview(
    tmp_path: pathlib.Path,
) -> None:
    """``Acme.toml`` beside ``acme.history.toml`` alone: that history is Acme's.

    A folder copied from a Mac or Windows, where the two names are one file,
    keeps its histories: the spelling is compared as a person reads it.
    """
    (tmp_path / "Acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "acme.history.toml").write_text(THANKED)
    assert _read(tmp_path) == [("Acme.toml", "Acme", 1, None)]


def test_a_history_two_interviews_could_own_is_read_for_neither(
    tmp_path: pathlib.Path,
) -> None:
    """``ACME.toml`` and ``acme.toml`` beside ``Acme.history.toml``: no guess.

    Neither interview takes it (the wrong one would be told a thank-you was
    sent); it is reported, and both interviews are planned without it.
    """
    (tmp_path / "acme.toml").write_text(_interview_toml("Acme"))
    (tmp_path / "ACME.toml").write_text(_interview_toml("Acme Two"))
    (tmp_path / "Acme.history.toml").write_text(THANKED)
    assert _read(tmp_path) == [
        (
            "Acme.history.toml",
            None,
            0,
            (
                "DIR/Acme.history.toml: spelt as the history of more than one "
                "interview (acme.toml among them): it is read for none; name it "
                "after its interview exactly"
            ),
        ),
        ("ACME.toml", "ACME", 0, None),
        ("acme.toml", "acme", 0, None),
    ]


def test_a_utf16_json_lines_file_is_one_problem_not_one_a_line(
    tmp_path: pathlib.Path,
) -> None:
    """PowerShell 5's ``>`` writes UTF-16: said once, not "not UTF-8" on every line."""
    line = '{"interview": {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z"}}\n'
    path = tmp_path / "tracker.jsonl"
    path.write_bytes((line * 3).encode("utf-16"))
    assert _read(tmp_path / "tracker.jsonl") == [
        (
            "tracker.jsonl",
            None,
            0,
            (
                "DIR: is UTF-16 or UTF-32 text, not UTF-8 (save it as "
                "UTF-8: PowerShell's Out-File -Encoding utf8, say)"
            ),
        )
    ]


def test_a_file_whose_name_holds_a_terminal_escape_is_refused(
    tmp_path: pathlib.Path,
) -> None:
    """A folder's file named with ESC is reported, its name escaped, not read.

    Its name is its id, printed on each line of ``followup due``: a terminal
    would obey the escape, as a JSON Lines id with one is refused.
    """
    (tmp_path / "acme\x1b[2J.toml").write_text(_interview_toml("Acme"))
    [(where, tracker_id, _, problem)] = _read(tmp_path)
    assert (where, tracker_id) == ("acme\\x1b[2J.toml", None)
    assert problem == (
        "DIR/acme\\x1b[2J.toml: the file's name is not one line without "
        "control characters"
    )


def test_a_letter_from_a_text_stream_loses_its_byte_order_mark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Standard input set up by a program as text: its byte order mark is no part of it.

    As for a file named, or bytes piped in: the letter checked starts with
    its first word, not with U+FEFF.
    """
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeffDear Grace,\nThank you."))
    assert read_standard_input() == "Dear Grace,\nThank you."


# --- iCalendar (followup.ics) ---------------------------------------------


def test_dublins_winter_is_written_as_standard_time_not_daylight() -> None:
    """Dublin's winter time (GMT) is a negative saving in the zone data: STANDARD.

    The module's docs: DAYLIGHT only for clocks ahead of the zone's standard
    time; a reader that takes DAYLIGHT for summer would show Irish winter
    as summer time.
    """
    interview = Interview("Ada", "Acme", "2026-10-23T10:00:00+01:00[Europe/Dublin]")
    text = to_ics(plan_followups(interview)).decode()
    observances = [
        line
        for line in text.splitlines()
        if line in {"BEGIN:STANDARD", "BEGIN:DAYLIGHT"} or line.startswith("TZNAME:")
    ]
    assert observances == [
        "BEGIN:STANDARD",
        "TZNAME:IST",
        "BEGIN:STANDARD",
        "TZNAME:GMT",
    ]
    assert "BEGIN:DAYLIGHT" not in text


# --- replans (followup._changes) ------------------------------------------


def test_a_thank_you_sent_twice_is_completed_when_first_sent() -> None:
    """The calendar marks the thank-you done at its first sending, not a resend.

    `to_ics(previous=...)` writes a dropped to-do the history says was done
    as COMPLETED when it was done: a thank-you recorded twice (sent again,
    or exported twice) was done the first time.
    """
    interview = Interview("Ada", "Acme", "2026-11-16T10:00:00-05:00[America/New_York]")
    before = plan_followups(interview, now="2026-11-16T10:30:00-05:00")
    sent = [
        Event("thank-you-sent", "2026-11-16T11:00:00-05:00"),
        Event("thank-you-sent", "2026-11-16T15:00:00-05:00"),
    ]
    after = plan_followups(interview, sent, now="2026-11-16T16:00:00-05:00")
    text = to_ics(after, previous=before, history=sent).decode()
    assert [line for line in text.splitlines() if line.startswith("COMPLETED")] == [
        "COMPLETED:20261116T160000Z"
    ]

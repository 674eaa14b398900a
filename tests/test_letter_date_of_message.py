"""A whole message's Date is when it was sent, for "this morning" and "yesterday".

`check-letter` on an .eml read relative days against now (or `--sent`),
so a thank-you saying "this morning's interview" failed the date check once
the day was over, though the message says when it went out.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, check_letter
from followup._letter_parts import letter_parts
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
INTERVIEW_FILE = EXAMPLES / "interview.toml"
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme Analytics",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    position="data engineer",
)
BODY = (
    "Dear Grace Hopper,\n\n"
    "Thank you for this morning's phone interview at 10:00 for the data "
    "engineer position at Acme Analytics. I enjoyed our conversation and I am "
    "very interested in joining Acme Analytics.\n\nBest regards,\nAda Lovelace\n"
)


def message(date: str | None) -> str:
    head = "From: ada@example.com\nTo: grace@example.com\nSubject: Thank you\n"
    if date is not None:
        head += f"Date: {date}\n"
    return f"{head}Content-Type: text/plain; charset=utf-8\n\n{BODY}"


def date_findings(text: str, **options: object) -> list[str]:
    return [
        finding.message
        for finding in check_letter(text, INTERVIEW, "thank-you", **options)
        if "date" in finding.message
    ]


MISSING_DATE = "the thank-you does not name the date of the interview (A4)"


def test_the_date_of_the_message_reads_this_morning():
    assert date_findings(message("Mon, 23 Nov 2026 11:15:00 -0500")) == []


def test_a_message_sent_the_next_day_does_not_name_the_day_by_this_morning():
    assert date_findings(message("Tue, 24 Nov 2026 09:00:00 -0500")) == [MISSING_DATE]


def test_sent_given_overrules_the_date_of_the_message():
    text = message("Mon, 23 Nov 2026 11:15:00 -0500")
    assert date_findings(text, sent="2026-11-25T10:00:00-05:00") == [MISSING_DATE]


@pytest.mark.parametrize(
    "date", [None, "not a date", "Mon, 32 Nov 2026 11:15:00 -0500"]
)
def test_without_a_readable_date_relative_days_name_no_day(date):
    assert date_findings(message(date)) == [MISSING_DATE]


def test_a_date_in_minus_zero_is_utc():
    # 03:30 UTC on the 24th is 22:30 on the 23rd in New York: "this morning"
    # is read on the recipient's calendar, not the sender's.
    parts = letter_parts(message("Tue, 24 Nov 2026 03:30:00 -0000"))
    assert parts.date == dt.datetime(2026, 11, 24, 3, 30, tzinfo=dt.timezone.utc)
    assert date_findings(message("Tue, 24 Nov 2026 03:30:00 -0000")) == []


def test_a_pasted_letter_has_no_date():
    assert letter_parts(BODY).date is None


@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1))
)
def test_any_date_header_reads_back_as_its_instant(moment):
    from email.utils import format_datetime  # noqa: PLC0415

    aware = moment.replace(microsecond=0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    parts = letter_parts(message(format_datetime(aware)))
    assert parts.date == aware


def test_the_command_reads_the_date_of_the_message(tmp_path):
    letter = tmp_path / "thanks.eml"
    letter.write_text(message("Mon, 23 Nov 2026 11:15:00 -0500"))
    result = run(
        "check-letter", letter, "--interview", INTERVIEW_FILE, "--kind", "thank-you"
    )
    assert (result.returncode, result.stdout) == (0, f"{letter}: no findings\n")
    later = run(
        "check-letter", letter, "--interview", INTERVIEW_FILE, "--kind", "thank-you",
        "--sent", "2026-11-25T10:00:00-05:00",
    )  # fmt: skip
    assert later.returncode == 1
    assert MISSING_DATE in later.stdout

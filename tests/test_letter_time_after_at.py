"""A bare hour after "at" names the interview's time: "on Monday morning at 10"."""

from __future__ import annotations

import pytest

from followup import Contact, Interview, check_letter
from followup._written_times import times_written

_SENT = "2026-11-24T09:00:00-05:00"


def _interview(at: str) -> Interview:
    return Interview(
        "Ada Lovelace",
        "Acme Analytics",
        at,
        interviewer=Contact(name="Grace Hopper", timezone="America/New_York"),
    )


def _letter(when: str) -> str:
    return (
        "Dear Grace,\n\n"
        f"Thank you for speaking with me {when} about the data engineer role. "
        "I am very interested in joining Acme Analytics.\n\n"
        "Best,\nAda Lovelace\n"
    )


def _time_findings(when: str, at: str) -> list[str | None]:
    findings = check_letter(_letter(when), _interview(at), "thank-you", sent=_SENT)
    return [f.actual for f in findings if "time of the interview" in f.message]


_TEN = "2026-11-23T10:00:00-05:00[America/New_York]"
_THREE_PM = "2026-11-23T15:00:00-05:00[America/New_York]"


@pytest.mark.parametrize(
    "when",
    [
        "on Monday morning at 10",
        "on Monday at 10 in the morning",
        "at 10 on Monday",
        "on Monday at 10",
    ],
)
def test_an_hour_after_at_names_the_time(when: str) -> None:
    assert check_letter(_letter(when), _interview(_TEN), "thank-you", sent=_SENT) == ()


def test_in_the_afternoon_after_at_is_the_afternoon() -> None:
    assert _time_findings("on Monday at 3 in the afternoon", _THREE_PM) == []
    assert _time_findings("on Monday at 3 in the morning", _THREE_PM) == [
        "at 3 in the morning"
    ]


def test_another_hour_after_at_is_not_the_interview_time() -> None:
    assert _time_findings("on Monday at 11", _TEN) == ["at 11"]


@pytest.mark.parametrize(
    "text",
    [
        "growth at 10 percent",
        "growth at 10% a year",
        "the office at 10 Downing Street",
        "at 10 to 11",
        "at 2026, then",
        "at 3M",
    ],
)
def test_a_number_after_at_that_is_no_time(text: str) -> None:
    assert times_written(text.casefold(), "en") == ()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("at 10am", "10am"),
        ("at 10 o'clock", "10 o'clock"),
        ("at 10:30", "10:30"),
        ("at 10 pm", "10 pm"),
    ],
)
def test_a_marked_hour_after_at_is_read_as_before(text: str, read: str) -> None:
    assert [t.text for t in times_written(text, "en")] == [read]

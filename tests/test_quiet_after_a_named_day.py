"""An interview is not "quiet" while the company's own day has not come.

All three calls made, the recruiter wrote "we decide by 30 November": from
13 November, three weeks after that reply, `followup due` listed the
interview as gone quiet, and a user would chase the company before the day
it named (A14).  An interviewer away, or a pause of your own, until a day
is a wait of the same kind.
"""

from __future__ import annotations

import datetime as dt

import pytest

from followup import Contact, Event, Interview, ReminderStatus, reminders_on

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-10-01T10:00:00-04:00[America/New_York]",
    interviewer=Contact(
        "Bob",
        email="bob@acme.com",
        phone="+12125550123",
        timezone="America/New_York",
        country="US",
    ),
)
CALLED = [
    Event("thank-you-sent", "2026-10-01T11:00:00-04:00"),
    Event("follow-up-sent", "2026-10-05T10:00:00-04:00"),
    Event("called", "2026-10-08T10:00:00-04:00", outcome="no-answer"),
    Event("called", "2026-10-15T10:00:00-04:00", outcome="no-answer"),
    Event("called", "2026-10-22T10:00:00-04:00", outcome="undecided"),
]


def first_quiet_day(history: list[Event], start: dt.date) -> tuple[dt.date, int]:
    """The first day from `start` on which the interview is listed quiet."""
    day = start
    while day < start + dt.timedelta(days=120):
        found = reminders_on(INTERVIEW, history, on=day)
        assert [r.status for r in found] in ([], [ReminderStatus.QUIET])
        if found:
            assert found[0].at == history[-1].at  # the last word, as ever
            return day, found[0].silent_days  # type: ignore[return-value]
        day += dt.timedelta(days=1)
    raise AssertionError("never quiet")


@pytest.mark.parametrize(
    ("last", "quiet_on"),
    [
        # No day named: three weeks after the last word.
        (Event("replied", "2026-10-23T10:00:00-04:00"), dt.date(2026, 11, 13)),
        # By 30 November: the wait ends with that day, then three weeks.
        (
            Event("replied", "2026-10-23T10:00:00-04:00", until="2026-11-30"),
            dt.date(2026, 12, 22),
        ),
        # Away until 10 December, back that day: three weeks from it.
        (
            Event("away", "2026-10-23T10:00:00-04:00", until="2026-12-10"),
            dt.date(2026, 12, 31),
        ),
        (
            Event("paused", "2026-10-23T10:00:00-04:00", until="2026-12-10"),
            dt.date(2026, 12, 31),
        ),
        # A day named soon after: three weeks from its end, not the word's.
        (
            Event("replied", "2026-10-23T10:00:00-04:00", until="2026-10-26"),
            dt.date(2026, 11, 17),
        ),
    ],
)
def test_silence_counts_once_the_day_they_named_is_over(
    last: Event, quiet_on: dt.date
) -> None:
    day, silent = first_quiet_day([*CALLED, last], dt.date(2026, 11, 1))
    # Still counted from the last word: no word for that long, truly.
    assert (day, silent) == (quiet_on, (quiet_on - dt.date(2026, 10, 23)).days)

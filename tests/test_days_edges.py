"""What the shared days keep never exceeds `MOST_DAYS` answers, at any moment."""

from __future__ import annotations

import datetime as dt

from followup import WorkingCalendar
from followup._days import MOST_DAYS, Days
from followup._time import zone

WINTER = WorkingCalendar(closed={"2026-12-24/2027-01-01": "the winter shutdown"})


def test_a_calendar_never_keeps_more_than_most_days_answers() -> None:
    # The module says "at most MOST_DAYS answers"; the existing test looks
    # only after MOST_DAYS + 10 answers, when a fresh start has happened
    # either way.  (Mutant: `len(answers) > MOST_DAYS` in `_kept` holds
    # MOST_DAYS + 1.)
    days = Days(zone("America/New_York"), WINTER, "US", None)
    first = dt.date(2026, 1, 1)
    for offset in range(MOST_DAYS + 10):
        day = first + dt.timedelta(days=offset)
        days.start(day)
        days.is_business(day)
        assert len(days._starts) <= MOST_DAYS  # noqa: SLF001
        assert len(days._business) <= MOST_DAYS  # noqa: SLF001

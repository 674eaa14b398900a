"""What the shared days keep never exceeds `MOST_DAYS` answers, at any moment."""

from __future__ import annotations

import datetime as dt

from followup import (
    Contact,
    Interview,
    StepKind,
    WorkingCalendar,
    plan_followups,
)
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


def test_a_date_the_zone_skipped_counts_as_a_day_as_docs_time_says() -> None:
    # docs/time.md, "Days": Samoa went from 29 to 31 December 2011.  The
    # 30th counts as the second business day after the 28th, so the
    # follow-up's window ends on Monday 2 January, not Tuesday the 3rd; it
    # is due at 09:00 that Monday all the same.
    apia = Contact("Grace", timezone="Pacific/Apia")
    interview = Interview(
        "Ada", "Acme", "2011-12-28T10:00:00-10:00[Pacific/Apia]", interviewer=apia
    )
    (follow_up,) = (
        step
        for step in plan_followups(interview).steps
        if step.kind is StepKind.FOLLOW_UP
    )
    assert follow_up.due.isoformat() == "2012-01-02T09:00:00+14:00"
    assert follow_up.window.end.isoformat() == "2012-01-02T17:00:00+14:00"
    days = Days(zone("Pacific/Apia"), WorkingCalendar(), None, None)
    assert days.after(dt.date(2011, 12, 28), 2) == dt.date(2011, 12, 30)

"""What several rules share: windows counted in days, steps built from stdlib times.

Rules compute on stdlib datetimes in the recipient's zone (fast, exact) and
turn them into public `Step` values here, in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup.datetimes import (
    describe_instant,
    end_of_day,
    long_date,
    to_pendulum,
    utc,
)
from followup.plan import (
    Channel,
    Finding,
    Requirements,
    Severity,
    Step,
    StepKind,
    Window,
)
from followup.trusted import assemble

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from followup.facts import Facts

__all__ = [
    "day_window",
    "in_words",
    "interview_mentions",
    "later",
    "make_step",
    "timeliness",
    "when",
]


def later(first: dt.datetime, second: dt.datetime) -> dt.datetime:
    """The later of two instants (compared as instants, not wall clocks)."""
    return second if utc(second) > utc(first) else first


def day_window(
    facts: Facts, day: dt.date, earliest: int, latest: int, *, business: bool
) -> tuple[dt.datetime, dt.datetime]:
    """From the start of day `day + earliest` to the end of day `day + latest`.

    Days are counted on the recipient's calendar, so an interview at 23:30 in
    New York and the same instant written in UTC get the same window.
    """
    first = facts.days_after(day, earliest, business=business)
    last = facts.days_after(day, latest, business=business)
    return facts.start_of(first), end_of_day(last, facts.zone)


def make_step(  # noqa: PLR0913 - a step has this many parts
    facts: Facts,
    kind: StepKind,
    channel: Channel,
    window: tuple[dt.datetime, dt.datetime],
    *,
    due: dt.datetime | None = None,
    rule: str,
    reason: str,
    advice: tuple[str, ...],
    requirements: Requirements,
    number: int = 1,
    agreed: bool = False,
) -> Step:
    """Build a step in the recipient's zone; `due` defaults to the window start."""
    start, end = window
    # Built from validated facts by the rules themselves: no second check.
    return assemble(
        Step,
        kind=kind,
        channel=channel,
        window=assemble(
            Window,
            start=to_pendulum(facts.local(start)),
            end=to_pendulum(facts.local(end)),
        ),
        due=to_pendulum(facts.local(start if due is None else due)),
        rule=rule,
        reason=reason,
        requirements=requirements,
        advice=advice,
        number=number,
        agreed=agreed,
    )


def interview_mentions(facts: Facts, *, company: bool) -> tuple[str, ...]:
    """The facts a message must name: candidate, date and time [, company] (A4, A8)."""
    at = facts.start
    mentions = (
        facts.interview.candidate,
        long_date(at.date()),
        f"{at.hour:02d}:{at.minute:02d}",
    )
    return (*mentions, facts.interview.company) if company else mentions


def in_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def when(moment: dt.datetime) -> str:
    """An instant for a message, in its own zone."""
    return describe_instant(moment)


def timeliness(  # noqa: PLR0913 - what is judged, and the two verdicts
    code: str,
    facts: Facts,
    moment: dt.datetime,
    window: tuple[dt.datetime, dt.datetime],
    step: Step | None,
    *,
    too_early: str,
    too_late: str,
) -> Iterator[Finding]:
    """Findings for a message sent or planned before or after its window.

    Too early is an error for a planned `step` and a warning for a message
    already sent (`step` is None): what is done cannot be undone.  Too late
    is always a warning: late beats never.
    """
    start, end = window
    at = utc(moment)
    if at < utc(start):
        yield Finding(
            code,
            Severity.ERROR if step else Severity.WARNING,
            too_early,
            step=step,
            expected=f"on or after {when(start)}",
            actual=when(facts.local(moment)),
        )
    elif at > utc(end):
        yield Finding(
            code,
            Severity.WARNING,
            too_late,
            step=step,
            expected=f"by {when(end)}",
            actual=when(facts.local(moment)),
        )

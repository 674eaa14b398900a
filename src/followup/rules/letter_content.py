"""What both letters must name, shared by FU003 (thank-you) and FU004 (follow-up).

Both the thank-you (A4) and the follow-up (A8) name the candidate, the
company, and the date and time of the interview.  Missing facts are errors:
a check can be sure of them.  Missing phrases of thanks, interest or fit are
warnings: they may just be worded in a way no list of words foresees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup.datetimes import MONTH_NAMES, WEEKDAY_NAMES, long_date
from followup.letters import dates_in, says_any, times_in
from followup.plan import Finding, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup.letters import Letter

__all__ = ["missing_facts", "missing_phrase"]


def missing_facts(code: str, letter: Letter, advice: str) -> Iterator[Finding]:
    """Errors for the candidate, company, date and time the letter does not name."""
    interview = letter.interview
    what = "thank-you" if letter.kind.value == "thank-you" else "follow-up"
    for role, name in (
        ("the candidate", interview.candidate),
        ("the company", interview.company),
    ):
        if not letter.names(name):
            yield Finding(
                code,
                Severity.ERROR,
                f"the {what} does not name {role} ({advice})",
                expected=name,
                actual="not found",
            )
    start = letter.interview_start
    if not letter.names_date():
        day = start.date()
        month = MONTH_NAMES[day.month - 1][:3]
        weekday = WEEKDAY_NAMES[day.weekday()]
        forms = (
            f"{long_date(day)} (or {month}. {day.day}, {day.month}/{day.day}, "
            f"{day.isoformat()}, {weekday})"
        )
        yield Finding(
            code,
            Severity.ERROR,
            f"the {what} does not name the date of the interview ({advice})",
            expected=forms,
            actual=_found(mention.text for mention in dates_in(letter.text)),
        )
    if not letter.names_time():
        hour = start.hour % 12 or 12
        half = "am" if start.hour < 12 else "pm"
        minutes = f":{start.minute:02d}" if start.minute else ""
        yield Finding(
            code,
            Severity.ERROR,
            f"the {what} does not name the time of the interview ({advice})",
            expected=f"{start:%H:%M} or {hour}{minutes} {half}",
            actual=_found(mention.text for mention in times_in(letter.text)),
        )


def missing_phrase(
    code: str, letter: Letter, stems: Iterable[str], what: str, advice: str
) -> Iterator[Finding]:
    """A warning when the letter seems not to say `what` (no word from `stems`)."""
    stems = tuple(stems)
    if not says_any(letter.text, stems):
        yield Finding(
            code,
            Severity.WARNING,
            f"the letter does not seem to {what} ({advice})",
            expected=f"a word such as {', '.join(repr(s) for s in stems[:4])}",
            actual="none found",
        )


def _found(texts: Iterable[str]) -> str:
    seen = list(dict.fromkeys(texts))
    return "found " + ", ".join(seen) if seen else "none found"

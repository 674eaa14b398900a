"""Drafts of the thank-you (A3, A4) and the follow-up letter (A5, A7-A9).

A draft is short, plain text that passes `check_letter` with the same rules:
the drafter writes the fullest variant that passes and falls back to more
compact ones when long names would push the follow-up past its line limit.
The user's strings (names, company, position, fit) are inserted as written
and never interpreted: ``{0.__class__}``, ``%s`` and ``${x}`` come out as
they went in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup._engine import check_letter
from followup._fields import single_line
from followup._letters import Letter
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._time import WEEKDAY_NAMES, long_date
from followup._vocabulary import Severity, StepKind
from followup.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup._interview import Interview

__all__ = ["FIT_LENGTH", "draft_follow_up", "draft_thank_you"]

#: The longest reason to fit a draft takes: one sentence.
FIT_LENGTH = 160

_STOPS = (".", "!", "?", "…")


def draft_thank_you(interview: Interview) -> str:
    """Draft the thank-you email to send right after the call (A3, A4).

    >>> from followup import Contact, Interview
    >>> interview = Interview("Ada Lovelace", "Acme",
    ...                       "2026-11-23T10:00:00-05:00[America/New_York]",
    ...                       interviewer=Contact("Grace Hopper"))
    >>> draft = draft_thank_you(interview)
    >>> print(draft.splitlines()[0])
    Dear Grace Hopper,
    >>> "on Monday 23 November 2026 at 10:00 EST." in draft
    True
    """
    when = _when(interview)
    body = (
        f"Thank you for the phone interview on {when}. Our conversation "
        f"confirmed my interest in {interview.company}, and I would be glad to "
        "hear about the next steps."
    )
    # A thank-you has no line limit and its two sentences exclude the user's
    # strings, so one variant passes for every interview.
    return _letter(_greeting(interview), body, interview.candidate)


def draft_follow_up(
    interview: Interview,
    fit: str | None = None,
    *,
    rules: RuleSet = DEFAULT_RULES,
) -> str:
    """Draft the follow-up letter for 2 to 3 days after the call (A5, A7-A9).

    `fit` is one sentence on why the candidate fits the job (A8), written as
    it should appear ("I have built payment systems for ten years"); without
    it the draft says so in general words.  Without a `fit`, the draft stays
    under the line limit of the rules (FU004's ``max_lines``) for every
    valid interview with the default rules; under much tighter limits the
    most compact variant is returned, and `check_letter` says what is over.
    A `fit` that would push the letter over the limit (long names leave it
    little room) is refused rather than silently dropped.

    >>> from followup import Interview
    >>> interview = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00",
    ...                       position="data engineer")
    >>> draft = draft_follow_up(interview, fit="I have built pipelines for years")
    >>> draft.splitlines()[0], draft.splitlines()[-1]
    ('Dear hiring team,', 'Ada Lovelace')
    >>> "I believe I am a strong fit: I have built pipelines for years." in draft
    True

    Raises:
        InvalidValueError: `fit` is empty, holds a line break, is longer than
            `FIT_LENGTH` characters, or leaves the letter over its line limit
            where a draft without it would pass.
    """
    if fit is not None:
        fit = single_line(fit, "fit", most=FIT_LENGTH)
    drafts = _follow_ups(interview, fit)
    draft = _first_passing(interview, StepKind.FOLLOW_UP, rules, drafts)
    if draft is not None:
        return draft
    if fit is not None and _first_passing(
        interview, StepKind.FOLLOW_UP, rules, _follow_ups(interview, None)
    ):
        raise InvalidValueError(
            "fit",
            fit,
            "leaves no draft under the follow-up's line limit with these names; "
            "shorten it",
        )
    return drafts[-1]


def _follow_ups(interview: Interview, fit: str | None) -> list[str]:
    """The follow-up drafts, from the fullest to the most compact."""
    if fit is None:
        reason = "I believe my experience and skills fit the job well."
    else:
        reason = f"I believe I am a strong fit: {_sentence(fit)}"
    when = _when(interview)
    role = f" and in the {interview.position} role" if interview.position else ""
    company = interview.company
    full = (
        f"I am writing to follow up on our phone interview on {when}. I remain "
        f"very interested in {company}{role}. {reason} I would welcome the "
        "chance to discuss the next steps."
    )
    compact = (
        f"Following up on our phone interview on {when}: I remain very "
        f"interested in {company}. {reason}"
    )
    signed = f"Best regards, {interview.candidate}"
    return [
        _letter(_greeting(interview), full, interview.candidate),
        _letter(_greeting(interview), compact, interview.candidate),
        f"Dear hiring team,\n{compact}\n{signed}",
    ]


def _first_passing(
    interview: Interview, kind: StepKind, rules: RuleSet, drafts: Iterable[str]
) -> str | None:
    for draft in drafts:
        findings = check_letter(draft, interview, kind, rules=rules)
        if not any(finding.severity is Severity.ERROR for finding in findings):
            return draft
    return None


def _greeting(interview: Interview) -> str:
    contact = interview.interviewer
    if contact is None or contact.name is None:
        return "Dear hiring team,"
    return f"Dear {contact.name},"


def _letter(greeting: str, body: str, candidate: str) -> str:
    return f"{greeting}\n\n{body}\n\nBest regards,\n{candidate}"


def _when(interview: Interview) -> str:
    start = Letter("", interview, StepKind.THANK_YOU).interview_start
    zone = start.tzname() or ""
    if zone[:1] in {"+", "-"}:
        zone = f"UTC{zone}"
    return (
        f"{WEEKDAY_NAMES[start.weekday()]} {long_date(start.date())} "
        f"at {start:%H:%M} {zone}".rstrip()
    )


def _sentence(text: str) -> str:
    return text if text.endswith(_STOPS) else f"{text}."

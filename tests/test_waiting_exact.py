"""FU013's findings and the contact rule's wording, pinned whole.

A step planned inside a hold (the interviewer away, the candidate pausing,
a decision promised by a day) is flagged with the hold's own words, the
moment it ends and the step's due time; a step due the moment a hold ends
is not.  FU002 says "is ... it" for one missing detail and "are ... them"
for more.  A letter's times that do not match are listed as found.
"""

from __future__ import annotations

import attrs
import pytest

from followup import (
    Contact,
    Event,
    Finding,
    Interview,
    Severity,
    Step,
    Window,
    check_letter,
    check_plan,
)

NEW_YORK = Contact("Grace Hopper", email="g@example.com", timezone="America/New_York")
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=NEW_YORK,
)
NOW = "2026-11-24T10:00:00-05:00"
FRIDAY = "2026-11-27T10:00:00-05:00[America/New_York]"
SAID = "2026-11-24T09:00:00-05:00"


def step(kind: str, channel: str, at: str = FRIDAY) -> Step:
    return Step(kind, channel, Window(at, at), at, rule="me", reason="mine")


def held(planned: Step, event: Event) -> list[Finding]:
    findings = check_plan([planned], INTERVIEW, history=[event], now=NOW)
    return [finding for finding in findings if finding.code == "FU013"]


@pytest.mark.parametrize(
    ("event", "kind", "channel", "what", "until"),
    [
        (
            Event("paused", SAID, until="2026-11-30"),
            "follow-up",
            "email",
            "while you pause",
            "Mon 30 Nov 2026 00:00 EST",
        ),
        (
            Event("away", SAID, until="2026-11-30"),
            "call",
            "phone",
            "while the interviewer is away",
            "Mon 30 Nov 2026 00:00 EST",
        ),
        (
            Event("replied", SAID, until="2026-12-01"),
            "call",
            "phone",
            "before the decision they promised by Tue 1 Dec 2026",
            "Wed 2 Dec 2026 00:00 EST",
        ),
    ],
)
def test_a_step_inside_a_hold_is_flagged_in_the_hold_s_words(
    event: Event, kind: str, channel: str, what: str, until: str
) -> None:
    planned = step(kind, channel)
    assert held(planned, event) == [
        Finding(
            "FU013",
            Severity.WARNING,
            f"the {kind} is planned {what}",
            step=planned,
            expected=f"on or after {until}",
            actual="Fri 27 Nov 2026 10:00 EST",
        )
    ]


def test_a_step_due_as_the_hold_ends_is_not_flagged() -> None:
    planned = step("follow-up", "email", "2026-11-30T00:00:00-05:00[America/New_York]")
    assert held(planned, Event("paused", SAID, until="2026-11-30")) == []


@pytest.mark.parametrize(
    ("contact", "now", "message", "actual"),
    [
        (
            Contact("Grace Hopper", email="g@example.com"),
            "2026-11-23T10:29:00-05:00",
            (
                "the interviewer's phone number is missing: ask before the call "
                "ends, the follow-up needs it (A2)"
            ),
            "no phone number",
        ),
        (
            Contact("Grace Hopper"),
            "2026-11-23T10:29:00-05:00",
            (
                "the interviewer's email address and phone number are missing: ask "
                "before the call ends, the follow-up needs them (A2)"
            ),
            "no email address or phone number",
        ),
        # As the call ends, and a week on: no call to ask in any more.
        (
            Contact("Grace Hopper", email="g@example.com"),
            "2026-11-23T10:30:00-05:00",
            (
                "the interviewer's phone number is missing and the follow-up needs "
                "it: the call is over, so ask the company or look it up (A2)"
            ),
            "no phone number",
        ),
        (
            Contact("Grace Hopper"),
            "2026-11-30T10:00:00-05:00",
            (
                "the interviewer's email address and phone number are missing and "
                "the follow-up needs them: the call is over, so ask the company or "
                "look them up (A2)"
            ),
            "no email address or phone number",
        ),
    ],
)
def test_missing_contact_details_are_named_in_one_sentence(
    contact: Contact, now: str, message: str, actual: str
) -> None:
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00", interviewer=contact
    )
    findings = check_plan([], interview, now=now)
    assert [(f.message, f.actual) for f in findings if f.code == "FU002"] == [
        (message, actual)
    ]


def test_the_times_a_letter_names_instead_are_listed() -> None:
    letter = (
        "Dear Grace, thank you for Monday and Tuesday at 9:00 and 11:00. Ada Lovelace"
    )
    findings = check_letter(letter, INTERVIEW, "thank-you")
    assert [
        f.actual for f in findings if f.message.endswith("time of the interview (A4)")
    ] == ["9:00, 11:00"]


def test_calls_too_close_are_a_warning_when_made_and_an_error_when_planned() -> None:
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact(
            "Grace Hopper", phone="+1 212 555 0123", timezone="America/New_York"
        ),
    )
    made = [
        Event("called", "2026-12-07T10:00:00-05:00", outcome="no-answer"),
        Event("called", "2026-12-08T10:00:00-05:00", outcome="no-answer"),
    ]
    # A third call of one's own: the first call is one of those made.
    planned = attrs.evolve(
        step("call", "phone", "2026-12-09T10:00:00-05:00[America/New_York]"), number=3
    )
    findings = check_plan(
        [planned], interview, history=made, now="2026-12-08T12:00:00-05:00"
    )
    message = "two calls less than 7 days apart: do not call frequently (A14)"
    assert [f for f in findings if f.code == "FU008"] == [
        Finding(
            "FU008",
            Severity.WARNING,
            message,
            expected="on or after Mon 14 Dec 2026 00:00 EST",
            actual="Tue 8 Dec 2026 10:00 EST",
        ),
        Finding(
            "FU008",
            Severity.ERROR,
            message,
            step=planned,
            expected="on or after Tue 15 Dec 2026 00:00 EST",
            actual="Wed 9 Dec 2026 10:00 EST",
        ),
    ]

"""A step's reason tells each move once, as last counted.

Placing rules move a step again and again until none moves it; FU012
counts business days from wherever the step stands, and a count from
Saturday skips Easter Monday that a count from the Tuesday after does not.
The reason said both, the first naming a holiday the final count never
skipped.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from followup import Contact, Event, Interview, plan_followups
from followup._steps import recorded_move
from followup.testing import situations

_ASIDE = re.compile(r" \([^()]*\)")


def _bare_sentences(reason: str) -> list[str]:
    """The sentences of `reason`, every bracketed aside (nested too) left out."""
    bare = reason
    while (shorter := _ASIDE.sub("", bare)) != bare:
        bare = shorter
    return [sentence for sentence in re.split(r"(?<=[.!?]) ", bare) if sentence]


def test_a_move_counted_again_replaces_its_first_count():
    interview = Interview(
        "Ada",
        "Acme",
        "2026-03-26T19:00:00+01:00[Europe/Berlin]",
        interviewer=Contact(
            "Jonas", timezone="Europe/Berlin", country="DE", subdivision="BY"
        ),
    )
    thanks = Event("thank-you-sent", "2026-03-26T20:00:00+01:00[Europe/Berlin]")
    plan = plan_followups(
        interview, [thanks], now="2026-04-04T01:00:00+02:00[Europe/Berlin]"
    )
    follow_up, call = plan.steps
    assert follow_up.due.format("ddd D MMM HH:mm") == "Tue 7 Apr 09:00"
    assert call.due.format("ddd D MMM HH:mm") == "Thu 9 Apr 09:00"
    # Wed 8 and Thu 9 April: no holiday between them.
    assert call.reason.endswith(
        "(A13). Moved to 2 business days after the follow-up, so that the "
        "letter can be answered before the phone rings (A10)."
    )
    assert "Easter" not in call.reason


@pytest.mark.parametrize(
    ("reason", "told", "expected"),
    [
        pytest.param(
            "Call (A10). Moved after X (Day off (substituted) on Mon 1 Dec is "
            "no business day there), so that Y (A10).",
            "Moved after X, so that Y (A10).",
            "Call (A10). Moved after X, so that Y (A10).",
            id="nested brackets",
        ),
        pytest.param(
            "Call (A10). Moved after X, so that Y (A10). Kept in hours.",
            "Moved after X (Boxing Day on Fri 26 Dec is no business day there), "
            "so that Y (A10).",
            "Call (A10). Moved after X (Boxing Day on Fri 26 Dec is no business "
            "day there), so that Y (A10). Kept in hours.",
            id="in the middle",
        ),
        pytest.param(
            "Call (A10). Moved after X (a), so that Y (A10).",
            "Moved after Z (a), so that Y (A10).",
            "Call (A10). Moved after X (a), so that Y (A10). Moved after Z (a), "
            "so that Y (A10).",
            id="other words are another move",
        ),
        pytest.param(
            "Call (A10). Then moved after X (a), so that Y (A10).",
            "Moved after X (b), so that Y (A10).",
            "Call (A10). Then moved after X (a), so that Y (A10). Moved after X "
            "(b), so that Y (A10).",
            id="only a whole sentence",
        ),
        pytest.param(
            "Call (A10). Moved to Mon 7 Dec.",
            "Moved to Mon 7 Dec.",
            "Call (A10). Moved to Mon 7 Dec.",
            id="said already",
        ),
    ],
)
def test_a_sentence_differing_only_in_its_asides_takes_the_first_one_s_place(
    reason, told, expected
):
    assert recorded_move(reason, (), "FU012", told) == (expected, ("FU012",))


@settings(max_examples=300)
@given(situations())
def test_no_reason_says_one_sentence_twice_but_for_its_asides(situation):
    interview, history, now = situation
    for step in plan_followups(interview, history, now=now).steps:
        sentences = _bare_sentences(step.reason)
        assert len(sentences) == len(set(sentences)), step.reason


@pytest.mark.parametrize(
    ("at", "zone", "country", "last"),
    [
        # Christmas to New Year in Latvia: seven runs of days off.
        (
            "2024-12-20T10:00:00+02:00",
            "Europe/Riga",
            "LV",
            "New Year's Day on Wed 1 Jan are no business days there)",
        ),
        # Tihar, then Chhath, in Nepal: six.
        (
            "2025-10-16T10:00:00+05:45",
            "Asia/Kathmandu",
            "NP",
            "Chhath Parva on Mon 27 Oct are no business days there)",
        ),
    ],
)
def test_a_long_run_of_holidays_is_named_to_its_last_day(at, zone, country, last):
    interview = Interview(
        "Ada",
        "Acme",
        f"{at}[{zone}]",
        interviewer=Contact("Dana", timezone=zone, country=country),
    )
    (follow_up,) = [
        step
        for step in plan_followups(interview).steps
        if step.kind.value == "follow-up"
    ]
    assert follow_up.reason.split(" (A5)")[0].endswith(last)

"""A drop on the sheet is a change: drafts made after it do not hold the step."""

from __future__ import annotations

from followup import (
    DEFAULT_RULES,
    Channel,
    Draft,
    Facts,
    Interview,
    Phase,
    StepKind,
    new_step,
)
from own_steps import AT, ny

INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
AFTER_CALL = "2026-11-23T11:30:00-05:00[America/New_York]"


def _close(facts: Facts, code: str = "OWN002"):
    return new_step(
        facts,
        StepKind.CLOSE_CALL,
        Channel.PHONE,
        (ny("2026-11-23T10:25"), ny("2026-11-23T10:30")),
        rule=code,
        reason="Close the call.",
    )


def test_the_close_of_a_call_that_has_ended_is_dropped_from_the_draft() -> None:
    # FU001's `plan(draft)` in the place phase drops a close of the call
    # once the call is over.  (Mutant: Sheet.drop does not count the change,
    # so `worked` hands back the draft it was given, close and all.)
    facts = Facts.gather(INTERVIEW, now=AFTER_CALL)
    draft = Draft(facts, (_close(facts),), phase=Phase.PLACE)
    assert DEFAULT_RULES["FU001"].plan(draft).steps == ()

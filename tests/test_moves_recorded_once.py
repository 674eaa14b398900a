"""A step moved again and again for one reason says so once (`recorded_move`).

Placing rules agree step by step: FU012 spaces the call from the follow-up,
FU011 takes both into working time, and FU012 spaces the call again from
where the follow-up is now.  Each move used to add its rule to
``adjusted_by`` and its sentence to the reason, so a plan read "Moved to 2
business days after the follow-up ..." twice, and named the rules
FU012, FU011, FU012, FU011.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from hypothesis import given

from followup import (
    Channel,
    Contact,
    Event,
    EventKind,
    Facts,
    Interview,
    StepKind,
    moved_step,
    new_step,
    plan_followups,
)
from strategies import situations

if TYPE_CHECKING:
    from followup import DraftStep

NEW_YORK = Contact(
    name="Grace Hopper", timezone="America/New_York", country="US", subdivision="NY"
)
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme Analytics",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=NEW_YORK,
)
THANKED = Event(EventKind.THANK_YOU_SENT, "2026-11-23T10:45:00-05:00")
SPACED = (
    "Moved to 2 business days after the follow-up, so that the letter can be "
    "answered before the phone rings (A10)."
)


def _friday_call(reason: str) -> DraftStep:
    # A call of a rule of one's own, on Friday afternoon, for the moves below.
    return new_step(
        Facts.gather(INTERVIEW),
        StepKind.CALL,
        Channel.PHONE,
        ("2026-12-04T13:00:00-05:00", "2026-12-04T17:00:00-05:00"),
        rule="QF001",
        reason=reason,
    )


def _sentences(reason: str) -> list[str]:
    # A reason is sentences, each ending in a full stop before a space.
    return [part for part in re.split(r"(?<=\.) ", reason) if part]


def test_a_call_spaced_twice_from_a_follow_up_says_so_once() -> None:
    # Planned on Saturday 28 November: the follow-up is late, due from now,
    # so FU012 spaces the call from Saturday; FU011 then moves the
    # follow-up to Monday, and FU012 spaces the call from Monday.
    plan = plan_followups(INTERVIEW, [THANKED], now="2026-11-28T09:00:00-05:00")
    (call,) = (step for step in plan.steps if step.kind is StepKind.CALL)
    assert call.due.format("ddd D MMM HH:mm") == "Wed 2 Dec 09:00"
    assert call.reason.count(SPACED) == 1
    assert call.reason.endswith(SPACED)
    assert call.adjusted_by == ("FU012", "FU011")
    assert "FU006, FU012, FU011;" in plan.explain()


def test_the_rule_that_moved_a_step_last_is_named_last_and_once() -> None:
    facts = Facts.gather(INTERVIEW)
    call = _friday_call("Call on Friday afternoon.")
    hour = dt.timedelta(hours=1)
    first = moved_step(call, facts, at=call.due + hour, by="QA001", why="Off one.")
    second = moved_step(first, facts, at=first.due + hour, by="QB001", why="Off two.")
    third = moved_step(second, facts, at=second.due + hour, by="QA001", why="Off one.")
    assert first.adjusted_by == ("QA001",)
    assert second.adjusted_by == ("QA001", "QB001")
    assert third.adjusted_by == ("QB001", "QA001")
    assert third.reason == "Call on Friday afternoon. Off one. Off two."
    # A new reason of the same rule is said, after the others.
    fourth = moved_step(third, facts, at=third.due + hour, by="QA001", why="Off three.")
    assert fourth.reason == "Call on Friday afternoon. Off one. Off two. Off three."
    assert fourth.adjusted_by == ("QB001", "QA001")


def test_a_reason_that_only_contains_the_words_of_another_is_added() -> None:
    # Said once means the same sentence, not the same words inside another.
    facts = Facts.gather(INTERVIEW)
    call = _friday_call("Moved off Friday afternoon.")
    moved = moved_step(
        call, facts, at=call.due + dt.timedelta(hours=1), by="QF001", why="Friday"
    )
    assert moved.reason == "Moved off Friday afternoon. Friday"
    assert moved.adjusted_by == ("QF001",)


@given(situations())
def test_no_plan_names_a_rule_or_gives_a_reason_twice(
    situation: tuple[Interview, list[Event], dt.datetime],
) -> None:
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    for step in plan.steps:
        assert len(set(step.adjusted_by)) == len(step.adjusted_by), step
        twice = [
            sentence
            for sentence, count in Counter(_sentences(step.reason)).items()
            if count > 1
        ]
        assert twice == [], step


def test_a_sentence_said_first_or_after_another_is_not_said_again() -> None:
    facts = Facts.gather(INTERVIEW)
    call = _friday_call("Off Friday! Call then? Or not.")
    hour = dt.timedelta(hours=1)
    for why in ("Off Friday!", "Call then?", "Or not."):
        again = moved_step(call, facts, at=call.due + hour, by="QF001", why=why)
        assert again.reason == "Off Friday! Call then? Or not.", why
    # Words that begin a sentence but do not end it are no sentence of it.
    more = moved_step(call, facts, at=call.due + hour, by="QF001", why="Call")
    assert more.reason == "Off Friday! Call then? Or not. Call"

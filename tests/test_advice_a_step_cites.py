"""A step cites the advice by its ids, or a rule's own advice in its namespace.

A rule's `advice` is checked when the rule joins a set; the steps it writes
were not, so a step citing ``"a3"`` or ``"A15"`` went into plans, calendars
and JSON, and `explain()` showed advice that does not exist.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Channel,
    FollowUpPlan,
    Interview,
    InvalidValueError,
    Step,
    StepKind,
    Window,
    new_step,
    plan_followups,
)
from followup._advice import ADVICE
from followup._facts import Facts
from followup.json import InvalidDocumentError, from_json, to_json

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
MONDAY = Window("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00")
FACTS = Facts.gather(Interview("Ada", "Acme", AT))

MISQUOTED = ("a3", "A15", "A0", "A3 ", "A03", "BLK:", "blk:quiet", "BLK:Quiet")
CITED = ("A1", "A14", "BLK:blackout-days", "QF:quiet-friday", "FU:own-words")


def step(advice: tuple[str, ...]) -> Step:
    return Step(
        StepKind.CALL,
        Channel.PHONE,
        MONDAY,
        MONDAY.start,
        rule="ME001",
        reason="Call on Monday.",
        advice=advice,
    )


def drafted(advice: tuple[str, ...]) -> object:
    return new_step(
        FACTS,
        StepKind.CALL,
        Channel.PHONE,
        (MONDAY.start, MONDAY.end),
        rule="ME001",
        reason="Call on Monday.",
        advice=advice,
    )


@pytest.mark.parametrize("cited", CITED)
def test_a_step_keeps_advice_ids_and_a_rules_own(cited: str) -> None:
    assert step(("A10", cited)).advice == ("A10", cited)
    assert drafted(("A10", cited)).advice == ("A10", cited)  # type: ignore[attr-defined]


@pytest.mark.parametrize("misquoted", MISQUOTED)
def test_a_step_refuses_advice_that_is_not_an_id_naming_its_place(
    misquoted: str,
) -> None:
    said = f"{misquoted!r} is not an advice id: A1 to A14"
    with pytest.raises(
        InvalidValueError, match="^" + re.escape(f"Step.advice[1]: {said}")
    ):
        step(("A10", misquoted))
    with pytest.raises(InvalidValueError, match="^" + re.escape(f"advice[1]: {said}")):
        drafted(("A10", misquoted))


def test_an_empty_advice_id_is_refused_too() -> None:
    with pytest.raises(InvalidValueError, match=r"^Step\.advice\[0\]: '' "):
        step(("",))
    with pytest.raises(InvalidValueError, match=r"^advice\[0\]: '' "):
        drafted(("",))


@given(st.text(max_size=12))
def test_any_text_is_an_advice_id_only_in_the_two_forms(text: str) -> None:
    # The two forms: one of the fourteen ids, or upper-case letters, a colon
    # and lower-case kebab-case words.
    prefix, colon, name = text.partition(":")
    own = (
        colon == ":"
        and 1 <= len(prefix) <= 8
        and all("A" <= char <= "Z" for char in prefix)
        and name != ""
        and all(
            word and all("a" <= c <= "z" or "0" <= c <= "9" for c in word)
            for word in name.split("-")
        )
    )
    if text in ADVICE or own:
        assert drafted((text,)).advice == (text,)  # type: ignore[attr-defined]
    else:
        with pytest.raises(InvalidValueError, match=r"^advice\[0\]: "):
            drafted((text,))


def test_a_plan_read_from_json_with_advice_that_does_not_exist_is_refused() -> None:
    document = json.loads(to_json(plan_followups(Interview("Ada", "Acme", AT))))
    document["steps"][0]["advice"] = ["A3", "A15"]
    with pytest.raises(InvalidDocumentError) as raised:
        from_json(json.dumps(document), FollowUpPlan)
    assert raised.value.problems == [
        (
            "$.steps[0].advice[1]: 'A15' is not an advice id: A1 to A14, or a "
            "rule's own as 'PREFIX:name'"
        )
    ]


def test_every_plan_the_rules_make_cites_only_advice_ids() -> None:
    # What the built-in rules cite passes the same check, so that their plans
    # read back from JSON.
    plan = plan_followups(Interview("Ada", "Acme", AT))
    assert from_json(to_json(plan), FollowUpPlan) == plan
    assert {a for s in plan.steps for a in s.advice} <= set(ADVICE)

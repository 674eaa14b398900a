"""Calls the public API must refuse to a type checker; `mypy --strict` reads this.

Each call carries the ``type: ignore`` code of the error it must raise.
Strict mode warns about an ignore that silences nothing, so a call that
starts to type-check (a parameter loosened back to ``object``, a keyword-only
parameter made positional) fails CI (``.ci/run``), as does an error with
another code.  One wrong argument a call, where it can be, so that each line
proves one parameter's type.

Nothing here runs: the calls sit in functions no one calls, and the run-time
checks that refuse the same values are tested in ``tests/test_types.py``.
"""

from __future__ import annotations

import datetime as dt

import attrs

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    Finding,
    FollowUpPlan,
    Interview,
    Letter,
    Requirements,
    Step,
    Window,
    check_letter,
    check_plan,
    draft_thank_you,
    plan_followups,
    plan_many,
)

AT = "2026-11-23T10:00:00Z"


def interviews(iv: Interview) -> None:
    Interview(1, 2, 3)  # type: ignore[arg-type]
    Interview(1, "Acme", AT)  # type: ignore[arg-type]
    Interview("Ada", 2, AT)  # type: ignore[arg-type]
    Interview("Ada", "Acme", at=3)  # type: ignore[arg-type]
    Interview("Ada", "Acme", dt.date(2026, 11, 23))  # type: ignore[arg-type]
    Interview("Ada", "Acme", AT, interviewer="Grace")  # type: ignore[arg-type]
    Interview("Ada", "Acme", AT, position=3)  # type: ignore[arg-type]
    Interview("Ada", "Acme", AT, duration=[30])  # type: ignore[arg-type]
    Interview("Ada", "Acme", AT, performance=2)  # type: ignore[arg-type]
    attrs.evolve(iv, at=3)  # type: ignore[arg-type]


def contacts() -> None:
    Contact(name=3)  # type: ignore[arg-type]
    Contact("Grace", email=3)  # type: ignore[arg-type]
    Contact("Grace", phone=2125550123)  # type: ignore[arg-type]
    Contact("Grace", timezone=1)  # type: ignore[arg-type]
    Contact("Grace", country=840)  # type: ignore[arg-type]
    Contact("Grace", country="US", subdivision=36)  # type: ignore[arg-type]


def events() -> None:
    Event("called", at=object())  # type: ignore[arg-type]
    Event(1, AT)  # type: ignore[arg-type]
    Event("called", AT, outcome=5)  # type: ignore[arg-type]
    Event("called", AT, call_back_at=7)  # type: ignore[arg-type]
    Event("called", AT, channel=5)  # type: ignore[arg-type]


def plan_parts(iv: Interview, window: Window, step: Step) -> None:
    Window(1, 2)  # type: ignore[arg-type]
    Window(AT, end=None)  # type: ignore[arg-type]
    window.contains(3)  # type: ignore[arg-type]
    Requirements(max_lines="9")  # type: ignore[arg-type]
    Requirements(call_minutes=[10, 15])  # type: ignore[arg-type]
    Requirements(must_mention=None)  # type: ignore[arg-type]
    Requirements(talking_points=[1])  # type: ignore[list-item]
    Step(kind=3, channel="email", window=window, due=AT, rule="X", reason="r")  # type: ignore[arg-type]
    Step("call", 3, window, AT, "X001", "r")  # type: ignore[arg-type]
    Step("call", "phone", "tomorrow", AT, "X001", "r")  # type: ignore[arg-type]
    Step("call", "phone", window, None, "X001", "r")  # type: ignore[arg-type]
    Step("call", "phone", window, AT, 1, "r")  # type: ignore[arg-type]
    Step("call", "phone", window, AT, "X001", "r", requirements={})  # type: ignore[arg-type]
    Step("call", "phone", window, AT, "X001", "r", advice=[1])  # type: ignore[list-item]
    Step("other", "phone", window, AT, "X001", "r", kind_name=1)  # type: ignore[arg-type]
    Step("call", "other", window, AT, "X001", "r", channel_name=1)  # type: ignore[arg-type]
    Finding("FU001", 1, "x")  # type: ignore[arg-type]
    Finding("FU001", "info", "x", step="a step")  # type: ignore[arg-type]
    Finding("FU001", "info", "x", expected=3)  # type: ignore[arg-type]
    FollowUpPlan("iv", (), (), (), AT)  # type: ignore[arg-type]
    FollowUpPlan(iv, ["a step"], (), (), AT)  # type: ignore[list-item]
    FollowUpPlan(iv, (step,), [step], (), AT)  # type: ignore[list-item]
    FollowUpPlan(iv, (), (), (), as_of=None)  # type: ignore[arg-type]


def checks(iv: Interview, plan: FollowUpPlan) -> None:
    plan.next_step(None)  # type: ignore[arg-type]
    Letter(3, iv)  # type: ignore[arg-type]
    Letter("x", "iv")  # type: ignore[arg-type]
    Letter("x", iv, kind=1)  # type: ignore[arg-type]
    plan_followups(iv, now=object())  # type: ignore[arg-type]
    plan_followups(iv, (), "2026-11-23T10:00:00Z")  # type: ignore[call-arg]
    check_plan(plan, now=3)  # type: ignore[arg-type]
    check_letter("x", iv, "follow-up", DEFAULT_RULES)  # type: ignore[call-arg]
    check_letter("x", iv, aliases=3)  # type: ignore[arg-type]
    draft_thank_you(iv, greeting="formal")  # type: ignore[arg-type]
    draft_thank_you(iv, "fr")  # type: ignore[call-arg]
    plan_many([iv], now=3)  # type: ignore[arg-type]

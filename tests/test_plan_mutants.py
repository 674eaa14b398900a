"""The values of a plan where a slip would go unseen: names, pickles, batches.

A step of one's own kind or channel, a finding about one of the plan's own
steps, and the rules a Dask bag plans with all come back from pickling or
from another process; these tests pin that they come back whole.
"""

from __future__ import annotations

import pickle

import pytest

from followup import (
    DEFAULT_RULES,
    Finding,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Step,
    Window,
    plan_many,
)

NEW_YORK = "America/New_York"
WINDOW = Window(
    f"2026-11-25T09:00:00-05:00[{NEW_YORK}]", f"2026-11-26T17:00:00-05:00[{NEW_YORK}]"
)
INTERVIEW = Interview("Ada Lovelace", "Acme", f"2026-11-23T10:00:00-05:00[{NEW_YORK}]")


def _step(**changes: object) -> Step:
    fields: dict[str, object] = {
        "kind": "follow-up",
        "channel": "email",
        "window": WINDOW,
        "due": WINDOW.start,
        "rule": "FU004",
        "reason": "Follow up (A5).",
    }
    return Step(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_moment_that_is_no_instant_is_refused_naming_it() -> None:
    with pytest.raises(InvalidValueError) as caught:
        WINDOW.contains("nope")
    assert str(caught.value) == (
        "moment: 'nope' is not an ISO 8601 date and time (e.g. 2026-11-23T10:00:00-05:00)"
    )


def test_a_name_of_ones_own_may_have_forty_characters() -> None:
    name = "a" * 40
    assert _step(kind="other", kind_name=name).kind_name == name


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        (
            "a" * 41,
            InvalidValueError,
            f"Step.kind_name: '{'a' * 41}' is 41 characters long (at most 40)",
        ),
        (5, InvalidTypeError, "Step.kind_name: expected text (str), got int 5"),
    ],
)
def test_a_name_of_ones_own_that_is_too_long_or_no_text_is_refused(
    name: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        _step(kind="other", kind_name=name)
    assert str(caught.value) == message


def test_a_step_of_ones_own_kind_and_channel_pickles_with_its_names() -> None:
    step = _step(
        kind="other",
        kind_name="coffee-chat",
        channel="other",
        channel_name="linkedin-message",
    )
    again = pickle.loads(pickle.dumps(step))
    assert (again.kind_name, again.channel_name) == ("coffee-chat", "linkedin-message")
    assert again == step


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"code": ""}, InvalidValueError, "Finding.code: '' is empty"),
        (
            {"message": "a\nb"},
            InvalidValueError,
            "Finding.message: 'a\\nb' holds a line break",
        ),
        (
            {"severity": "fatal"},
            InvalidValueError,
            (
                "Finding.severity: 'fatal' is not a Severity (one of 'error', "
                "'warning', 'info')"
            ),
        ),
        (
            {"step": "x"},
            InvalidTypeError,
            "Finding.step: expected a Step or None, got str 'x'",
        ),
        (
            {"expected": 5},
            InvalidTypeError,
            "Finding.expected: expected text (str) or None, got int 5",
        ),
        (
            {"actual": 5},
            InvalidTypeError,
            "Finding.actual: expected text (str) or None, got int 5",
        ),
        (
            {"expected": ""},
            InvalidValueError,
            "Finding.expected: '' is empty; give None when there is nothing to say",
        ),
        (
            {"actual": " \t"},
            InvalidValueError,
            "Finding.actual: ' \\t' is empty; give None when there is nothing to say",
        ),
        (
            {"actual": "a\x00b"},
            InvalidValueError,
            "Finding.actual: 'a\\x00b' holds a control character (U+0000)",
        ),
    ],
)
def test_a_bad_field_of_a_finding_is_refused_naming_it(
    changes: dict[str, object], error: type[Exception], message: str
) -> None:
    fields: dict[str, object] = {
        "code": "FU004",
        "severity": "error",
        "message": "late",
    }
    with pytest.raises(error) as caught:
        Finding(**{**fields, **changes})  # type: ignore[arg-type]
    assert str(caught.value) == message


def _plan(finding_step: Step, *steps: Step) -> FollowUpPlan:
    late = Finding("FU010", "warning", "moved later", step=finding_step)
    return FollowUpPlan(INTERVIEW, steps, (late,), ("FU010",), INTERVIEW.at)


def test_a_finding_about_a_step_of_the_plan_comes_back_as_that_step() -> None:
    step = _step()
    again = pickle.loads(pickle.dumps(_plan(step, step)))
    assert again.findings[0].step is again.steps[0]


def test_a_finding_about_a_step_outside_the_plan_pickles_equal() -> None:
    plan = _plan(_step(), _step())
    assert pickle.loads(pickle.dumps(plan)) == plan


def test_a_step_due_as_its_window_opens_comes_back_so_and_one_due_later_too() -> None:
    # The engine makes one value of `due` and the window's start when they
    # are the same instant; a pickle packs it once and makes one value again.
    # A step due later, or due at an equal value of its own, comes back equal.
    opening = _step()
    later = _step(due=WINDOW.start.add(hours=2), number=2)
    equal = _step(due=WINDOW.start.add(seconds=0), number=3)
    assert equal.due is not equal.window.start
    plan = FollowUpPlan(
        INTERVIEW, (opening, later, equal), (), ("FU004",), INTERVIEW.at
    )
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan
    assert [step.due is step.window.start for step in again.steps] == [
        True,
        False,
        False,
    ]
    assert [step.due for step in again.steps] == [step.due for step in plan.steps]


def test_a_dask_bag_plans_with_the_rules_it_is_given() -> None:
    pytest.importorskip("dask.bag")
    from dask import bag  # noqa: PLC0415 - an optional extra

    from followup.scale import plan_bag  # noqa: PLC0415 - needs dask

    # Without the finding FU002 gives every interview that has no phone number.
    rules = DEFAULT_RULES.ignore("FU002")
    interviews = bag.from_sequence([INTERVIEW])  # type: ignore[no-untyped-call]
    planned = plan_bag(interviews, rules=rules).compute(scheduler="sync")  # type: ignore[no-untyped-call]
    assert planned == list(plan_many([INTERVIEW], rules=rules))


def test_explain_says_none_for_a_step_without_advice() -> None:
    plan = FollowUpPlan(INTERVIEW, (_step(),), (), ("FU004",), INTERVIEW.at)
    assert "   rules: FU004; advice: none" in plan.explain().splitlines()

"""The public values of a plan, as a user meets them: errors word for word, `explain`.

`Step`, `Window`, `Requirements`, `Finding` and `FollowUpPlan` are built by
hand in tools and tests of rules; a wrong field must come back naming the
field, the value and what is allowed.  `FollowUpPlan.explain` is what the
command prints: its text is pinned here whole.
"""

from __future__ import annotations

import pytest

from followup import (
    DEFAULT_RULES,
    Finding,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Severity,
    Step,
    UnknownTimeZoneError,
    Window,
    plan_followups,
)
from followup._plan import Requirements

NEW_YORK = "America/New_York"
WINDOW = Window(
    f"2026-11-25T09:00:00-05:00[{NEW_YORK}]", f"2026-11-26T17:00:00-05:00[{NEW_YORK}]"
)
STEP = {
    "kind": "follow-up",
    "channel": "email",
    "window": WINDOW,
    "due": WINDOW.start,
    "rule": "FU004",
    "reason": "Follow up (A5).",
}
INTERVIEW = Interview(
    "Ada Lovelace", "Acme", f"2026-11-23T10:00:00-05:00[{NEW_YORK}]", duration=45
)
PLAN = {
    "interview": INTERVIEW,
    "steps": (),
    "findings": (),
    "rules": (),
    "as_of": INTERVIEW.at,
}
STEP_KINDS = "'close-call', 'thank-you', 'follow-up', 'call', 'call-back', 'other'"
CHANNELS = "'email', 'printed-letter', 'handwritten-letter', 'phone', 'other'"


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"call_minutes": (1, 24 * 60 + 1)},
            InvalidValueError,
            "Requirements.call_minutes: (1, 1441) needs whole minutes in 1..1440",
        ),
        (
            {"max_lines": 0},
            InvalidValueError,
            "Requirements.max_lines: 0 is not a whole number of 1 or more",
        ),
        # A value of the wrong kind is a TypeError, as errors.py says.
        (
            {"max_lines": True},
            InvalidTypeError,
            "Requirements.max_lines: expected a whole number, got bool True",
        ),
        (
            {"max_lines": 2.0},
            InvalidTypeError,
            "Requirements.max_lines: expected a whole number, got float 2.0",
        ),
        (
            {"must_mention": 5},
            InvalidTypeError,
            "Requirements.must_mention: expected a sequence of strings, got int 5",
        ),
        (
            {"talking_points": [5]},
            InvalidTypeError,
            "Requirements.talking_points[0]: expected text (str), got int 5",
        ),
        (
            # A mapping is refused whole, not read as its keys.
            {"must_mention": {"Ada": 1}},
            InvalidTypeError,
            (
                "Requirements.must_mention: expected a sequence of strings, got "
                "dict {'Ada': 1}"
            ),
        ),
    ],
)
def test_bad_requirements_name_the_field_and_value(changes, error, message):
    with pytest.raises(error) as caught:
        Requirements(**changes)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"call_minutes": (1, 24 * 60)}, (1, 1440)),
        ({"max_lines": 1}, 1),
        ({"call_minutes": None}, None),
    ],
)
def test_requirements_take_values_up_to_their_bounds(changes, expected):
    ((name, _),) = changes.items()
    assert getattr(Requirements(**changes), name) == expected


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"window": ("a", "b")},
            InvalidTypeError,
            "Step.window: expected a Window, got tuple ('a', 'b')",
        ),
        (
            {"requirements": {}},
            InvalidTypeError,
            "Step.requirements: expected a Requirements, got dict {}",
        ),
        (
            {"kind": "nope"},
            InvalidValueError,
            f"Step.kind: 'nope' is not a StepKind (one of {STEP_KINDS})",
        ),
        (
            {"channel": "fax"},
            InvalidValueError,
            f"Step.channel: 'fax' is not a Channel (one of {CHANNELS})",
        ),
        (
            {"channel_name": "linkedin"},
            InvalidValueError,
            (
                "Step.channel_name: 'linkedin' names a channel of one's own; set "
                "Step.channel to other for it"
            ),
        ),
        (
            {"kind_name": "coffee"},
            InvalidValueError,
            (
                "Step.kind_name: 'coffee' names a kind of one's own; set Step.kind to "
                "other for it"
            ),
        ),
        (
            {"channel": "other", "channel_name": "Bad Name"},
            InvalidValueError,
            "Step.channel_name: 'Bad Name' is not a kebab-case name such as 'linkedin'",
        ),
        (
            {"channel": "other"},
            InvalidValueError,
            "Step.channel_name: None given, but a step whose channel is other needs a name of its own",
        ),
        (
            {"kind": "other"},
            InvalidValueError,
            "Step.kind_name: None given, but a step whose kind is other needs a name of its own",
        ),
        (
            {"number": True},
            InvalidTypeError,
            "Step.number: expected a whole number, got bool True",
        ),
        ({"number": 0}, InvalidValueError, "Step.number: 0 is not 1 or more"),
        ({"number": 1000}, InvalidValueError, "Step.number: 1000 is more than 999"),
        (
            {"number": "1"},
            InvalidTypeError,
            "Step.number: expected a whole number, got str '1'",
        ),
        (
            {"due": "2026-11-27T09:00:00-05:00"},
            InvalidValueError,
            (
                "Step.due: '2026-11-27T09:00:00-05:00' is outside its window "
                "(2026-11-25T09:00:00-05:00 to 2026-11-26T17:00:00-05:00)"
            ),
        ),
        (
            {"due": "x"},
            InvalidValueError,
            (
                "Step.due: 'x' is not an ISO 8601 date and time (e.g. "
                "2026-11-23T10:00:00-05:00)"
            ),
        ),
        ({"rule": ""}, InvalidValueError, "Step.rule: '' is empty"),
        ({"rule": "a\nb"}, InvalidValueError, "Step.rule: 'a\\nb' holds a line break"),
        (
            {"reason": 5},
            InvalidTypeError,
            "Step.reason: expected text (str), got int 5",
        ),
        (
            {"advice": ["A1", 5]},
            InvalidTypeError,
            "Step.advice[1]: expected text (str), got int 5",
        ),
        (
            {"agreed": "yes"},
            InvalidTypeError,
            "Step.agreed: expected true or false, got str 'yes'",
        ),
        (
            {"adjusted_by": [1]},
            InvalidTypeError,
            "Step.adjusted_by[0]: expected text (str), got int 1",
        ),
    ],
)
def test_bad_steps_name_the_field_and_value(changes, error, message):
    with pytest.raises(error) as caught:
        Step(**{**STEP, **changes})
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        (
            ("x", "2026-11-26T17:00:00-05:00"),
            (
                "Window.start: 'x' is not an ISO 8601 date and time (e.g. "
                "2026-11-23T10:00:00-05:00)"
            ),
        ),
        (
            ("2026-11-25T09:00:00-05:00", "y"),
            (
                "Window.end: 'y' is not an ISO 8601 date and time (e.g. "
                "2026-11-23T10:00:00-05:00)"
            ),
        ),
        (
            ("2026-11-26T09:00:00-05:00", "2026-11-25T17:00:00-05:00"),
            (
                "Window.end: '2026-11-25T17:00:00-05:00' is before Window.start "
                "(2026-11-26T09:00:00-05:00)"
            ),
        ),
    ],
)
def test_bad_windows_name_the_bound_and_value(bounds, message):
    with pytest.raises(InvalidValueError) as caught:
        Window(*bounds)
    assert str(caught.value) == message


def test_an_agreed_step_is_told_by_true_or_false():
    assert Step(**STEP, agreed=True).agreed is True
    assert Step(**STEP).agreed is False


def test_a_step_of_its_own_kind_and_channel_keeps_their_names():
    step = Step(
        **{**STEP, "kind": "other", "kind_name": "coffee", "channel": "other"},
        channel_name="linkedin-message",
    )
    assert (step.what, step.how, step.label) == ("coffee", "linkedin-message", "coffee")
    assert Step(**STEP, number=2).label == "follow-up #2"


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        (
            {"steps": 5},
            InvalidTypeError,
            "FollowUpPlan.steps: expected a sequence of Step, got int 5",
        ),
        (
            {"steps": [5]},
            InvalidTypeError,
            "FollowUpPlan.steps[0]: expected a Step, got int 5",
        ),
        (
            {"findings": 5},
            InvalidTypeError,
            "FollowUpPlan.findings: expected a sequence of Finding, got int 5",
        ),
        (
            {"findings": [5]},
            InvalidTypeError,
            "FollowUpPlan.findings[0]: expected a Finding, got int 5",
        ),
        (
            {"interview": 5},
            InvalidTypeError,
            "FollowUpPlan.interview: expected an Interview, got int 5",
        ),
        (
            {"rules": 5},
            InvalidTypeError,
            "FollowUpPlan.rules: expected a sequence of strings, got int 5",
        ),
        (
            {"as_of": "x"},
            InvalidValueError,
            (
                "FollowUpPlan.as_of: 'x' is not an ISO 8601 date and time (e.g. "
                "2026-11-23T10:00:00-05:00)"
            ),
        ),
    ],
)
def test_bad_plans_name_the_field_and_value(changes, error, message):
    with pytest.raises(error) as caught:
        FollowUpPlan(**{**PLAN, **changes})
    assert str(caught.value) == message


def test_next_step_refuses_a_now_that_is_no_instant_naming_now():
    with pytest.raises(InvalidValueError, match=r"^now: 'soon' is not an ISO 8601"):
        FollowUpPlan(**PLAN).next_step("soon")


def test_next_step_still_offers_a_step_at_the_last_moment_of_its_window():
    step = Step(**STEP)
    plan = FollowUpPlan(**{**PLAN, "steps": (step,)})
    assert plan.next_step(WINDOW.end) == step
    assert plan.next_step(WINDOW.end.add(seconds=1)) is None


def test_a_moved_window_stays_on_the_calendar_of_the_old_one():
    moved = WINDOW.moved_to("2026-12-01T14:00:00+00:00")
    assert moved.start.isoformat() == "2026-12-01T09:00:00-05:00"
    assert moved.end.isoformat() == "2026-12-02T17:00:00-05:00"
    assert moved.start.timezone_name == NEW_YORK
    assert moved.end.timezone_name == NEW_YORK


@pytest.mark.parametrize(
    ("expected", "actual", "text"),
    [
        (None, None, "FU009 error: too late"),
        ("4", None, "FU009 error: too late (expected 4)"),
        (None, "5", "FU009 error: too late (got 5)"),
        ("4", "5", "FU009 error: too late (expected 4, got 5)"),
    ],
)
def test_a_finding_reads_as_one_line_with_what_was_expected_and_got(
    expected, actual, text
):
    finding = Finding("FU009", Severity.ERROR, "too late", None, expected, actual)
    assert str(finding) == text


EXPLAINED = """\
Follow-up for Ada Lovelace's phone interview with Acme
Interview: Mon 23 Nov 2026 10:00 EST, 45 minutes, unknown
Planned as of Mon 23 Nov 2026 10:45 EST with FU002, FU003

1. thank-you by email, due Mon 23 Nov 2026 10:45 EST
   window: Mon 23 Nov 2026 10:45 EST to Tue 24 Nov 2026 10:45 EST
   why: The thank-you is the first follow-up and goes out right after the call \
(A3), within 24 hours: a few sentences of thanks and interest, naming you and \
the date and time of the interview (A4).
   rules: FU003; advice: A3, A4
   - mention: Ada Lovelace; 23 November 2026; 10:00
   - thank the interviewer for the phone interview (A4)
   - say you want to work at Acme (A4)
   - keep it to a few sentences (A4)

Findings:
  FU002 warning: the interviewer's name, email address and phone number are \
missing and the follow-up needs them: the call is over, so ask the company or \
look them up (A2) (expected name, email address and phone number, got no name, \
email address or phone number)"""


def test_explain_tells_the_interview_the_steps_and_the_findings():
    rules = DEFAULT_RULES.select("FU003", "FU002")
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:45:00-05:00", rules=rules)
    assert plan.explain() == EXPLAINED


def test_explain_in_the_readers_zone_shows_the_recipients_time_beside():
    rules = DEFAULT_RULES.select("FU003")
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:45:00-05:00", rules=rules)
    lines = plan.explain("Europe/Berlin").splitlines()
    assert lines[1] == (
        "Interview: Mon 23 Nov 2026 16:00 CET (10:00 EST there), 45 minutes, unknown"
    )
    assert (
        lines[2]
        == "Planned as of Mon 23 Nov 2026 16:45 CET (10:45 EST there) with FU003"
    )
    assert lines[4] == (
        "1. thank-you by email, due Mon 23 Nov 2026 16:45 CET (10:45 EST there)"
    )


def test_explain_says_when_there_is_nothing_to_do():
    interview = Interview(
        "Ada Lovelace", "Acme", f"2026-11-23T10:00:00-05:00[{NEW_YORK}]", duration=90
    )
    plan = FollowUpPlan(**{**PLAN, "interview": interview})
    assert plan.explain().split("\n") == [
        "Follow-up for Ada Lovelace's phone interview with Acme",
        "Interview: Mon 23 Nov 2026 10:00 EST, 90 minutes, unknown",
        "Planned as of Mon 23 Nov 2026 10:00 EST with no rules",
        "",
        "No steps to take.",
    ]


def test_explain_refuses_a_zone_that_is_no_iana_name_naming_zone():
    with pytest.raises(UnknownTimeZoneError) as caught:
        FollowUpPlan(**PLAN).explain("Mars/Olympus")
    assert caught.value.field == "zone"

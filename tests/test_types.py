"""The public types: validation at construction, immutability, equality, pickling."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

import followup
from followup import (
    Channel,
    Contact,
    Event,
    EventKind,
    Finding,
    FollowUpError,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Outcome,
    Performance,
    Requirements,
    Severity,
    Step,
    StepKind,
    Window,
    draft_thank_you,
    plan_followups,
)

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def _isort_order(name):
    # Constants, then classes, then functions, as ruff's RUF022 sorts them.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_the_public_api_is_sorted_and_complete():
    assert followup.__all__ == sorted(followup.__all__, key=_isort_order)
    for name in followup.__all__:
        assert hasattr(followup, name)


@pytest.mark.parametrize(
    "value",
    [
        Contact("Grace"),
        Interview("Ada", "Acme", AT),
        Event("thank-you-sent", AT),
        Window(AT, AT),
        Requirements(),
        Finding("FU001", "info", "hello"),
    ],
)
def test_every_value_type_is_frozen_slotted_and_pickles(value):
    field = attrs.fields(type(value))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, None)
    assert not hasattr(value, "__dict__")
    assert pickle.loads(pickle.dumps(value)) == value


def test_a_plan_is_frozen_and_pickles_equal():
    plan = plan_followups(Interview("Ada", "Acme", AT))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.steps = ()
    assert pickle.loads(pickle.dumps(plan)) == plan


@pytest.mark.parametrize(
    ("kwargs", "field", "problem"),
    [
        ({"candidate": ""}, "Interview.candidate", "is empty"),
        ({"candidate": "   "}, "Interview.candidate", "is empty"),
        ({"company": "Acme\nBcc: x@example.com"}, "Interview.company", "line break"),
        ({"candidate": 7}, "Interview.candidate", "expected text"),
        ({"performance": "brilliant"}, "Interview.performance", "not a Performance"),
        ({"interviewer": "Grace"}, "Interview.interviewer", "expected a Contact"),
        ({"position": ""}, "Interview.position", "is empty"),
    ],
)
def test_bad_interviews_name_the_field_and_value(kwargs, field, problem):
    values = {"candidate": "Ada", "company": "Acme", "at": AT, **kwargs}
    with pytest.raises(FollowUpError, match=problem) as raised:
        Interview(**values)
    assert str(raised.value).startswith(f"{field}: ")
    assert raised.value.field == field


def test_errors_are_also_the_builtins_callers_catch():
    with pytest.raises(ValueError, match="is empty"):
        Interview("", "Acme", AT)
    with pytest.raises(TypeError, match="expected text"):
        Interview(None, "Acme", AT)


def test_interview_text_is_kept_as_written():
    interview = Interview("  {0.__class__} %s ${x} ", "O'Reilly & Söhne", AT)
    assert interview.candidate == "{0.__class__} %s ${x}"
    assert interview.company == "O'Reilly & Söhne"


def test_the_same_interview_in_two_zones_compares_equal():
    a = Interview("Ada", "Acme", AT)
    b = Interview("Ada", "Acme", "2026-11-23T16:00:00+01:00[Europe/Paris]")
    assert a == b
    assert hash(a) == hash(b)
    assert attrs.evolve(a, performance="strong").performance is Performance.STRONG


def test_contacts_validate_and_normalise():
    grace = Contact(
        " Grace Hopper ",
        email="Grace.Hopper@Example.COM",
        phone="(212) 555-0123",
        timezone="America/New_York",
        country="us",
        subdivision="ny",
    )
    assert grace.name == "Grace Hopper"
    assert grace.email == "Grace.Hopper@example.com"
    assert grace.phone == "+12125550123"
    assert (grace.country, grace.subdivision) == ("US", "NY")
    assert attrs.evolve(grace) == grace


@pytest.mark.parametrize(
    ("country", "given", "kept"),
    [
        ("NZ", "south canterbury", "South Canterbury"),
        ("DE", "AUGSBURG", "Augsburg"),
        ("GB", "eng", "ENG"),
        ("US", " ny ", "NY"),
    ],
)
def test_subdivisions_match_whatever_their_case_and_keep_holidays_spelling(
    country, given, kept
):
    assert Contact("Grace", country=country, subdivision=given).subdivision == kept


@pytest.mark.parametrize(
    ("kwargs", "field", "problem"),
    [
        ({"name": ""}, "Contact.name", "is empty"),
        ({"email": "grace@"}, "Contact.email", "not a valid email address"),
        ({"email": "grace@example.test"}, "Contact.email", "not a valid email address"),
        ({"email": 12}, "Contact.email", "expected an email address"),
        ({"phone": "555 0123"}, "Contact.phone", "write it with \\+"),
        ({"phone": "+1 555 555 5555"}, "Contact.phone", "not a valid phone number"),
        ({"phone": "call me"}, "Contact.phone", "not a phone number"),
        ({"phone": 2125550123}, "Contact.phone", "expected a phone number"),
        ({"timezone": "Europe/Atlantis"}, "Contact.timezone", "not an IANA time zone"),
        ({"timezone": 5}, "Contact.timezone", "expected an IANA"),
        ({"country": "XX"}, "Contact.country", "ISO 3166-1"),
        ({"country": 1}, "Contact.country", "expected an ISO 3166"),
        ({"subdivision": "CA"}, "Contact.subdivision", "needs Contact.country"),
        (
            {"country": "US", "subdivision": "NYC"},
            "Contact.subdivision",
            "did you mean 'NY'",
        ),
    ],
)
def test_bad_contacts_name_the_field_and_value(kwargs, field, problem):
    values = {"name": "Grace", **kwargs}
    with pytest.raises(FollowUpError, match=problem) as raised:
        Contact(**values)
    assert str(raised.value).startswith(f"{field}: ")


def test_events_validate_what_belongs_together():
    assert Event("called", AT).call_outcome is Outcome.UNDECIDED
    with pytest.raises(InvalidValueError, match="needs the decision"):
        Event(EventKind.DECISION_RECEIVED, AT)
    with pytest.raises(InvalidValueError, match="needs the decision"):
        Event(EventKind.DECISION_RECEIVED, AT, outcome="undecided")
    with pytest.raises(InvalidValueError, match="belongs to a call"):
        Event(EventKind.THANK_YOU_SENT, AT, outcome="offer")
    with pytest.raises(InvalidValueError, match="agreed only on a call"):
        Event(
            EventKind.CALLED,
            AT,
            outcome="no-answer",
            call_back_at="2026-11-30T10:00:00Z",
        )
    with pytest.raises(InvalidValueError, match="is not after the call"):
        Event(EventKind.CALLED, AT, call_back_at="2026-11-22T10:00:00Z")
    with pytest.raises(InvalidValueError, match="does not fit a called event"):
        Event(EventKind.CALLED, AT, channel="email")
    with pytest.raises(InvalidValueError, match="does not fit a thank-you-sent"):
        Event(EventKind.THANK_YOU_SENT, AT, channel=Channel.PHONE)
    with pytest.raises(InvalidValueError, match=r"Event\.kind: 'emailed'"):
        Event("emailed", AT)
    letter = Event(EventKind.FOLLOW_UP_SENT, AT, channel="handwritten-letter")
    assert letter.channel is Channel.HANDWRITTEN_LETTER
    assert (
        Event(EventKind.DECISION_RECEIVED, AT, outcome="offer", channel="phone").channel
        is Channel.PHONE
    )


def test_windows_refuse_an_end_before_the_start_as_instants():
    with pytest.raises(
        InvalidValueError, match=r"^Window\.end: .* is before Window\.start"
    ):
        Window("2026-11-23T10:00:00Z", "2026-11-23T09:59:00Z")
    # 01:30 EDT then 01:10 EST: the second is later though its wall clock is not.
    window = Window(
        "2026-11-01T01:30:00-04:00[America/New_York]",
        "2026-11-01T01:10:00-05:00[America/New_York]",
    )
    assert window.length == dt.timedelta(minutes=40)


def test_steps_keep_due_inside_their_window():
    window = Window("2026-11-25T09:00:00Z", "2026-11-25T17:00:00Z")
    with pytest.raises(
        InvalidValueError, match=r"^Step\.due: .* is outside its window"
    ):
        Step(
            "follow-up",
            "email",
            window,
            "2026-11-25T18:00:00Z",
            rule="FU004",
            reason="x",
        )
    with pytest.raises(InvalidValueError, match=r"Step\.number"):
        Step(
            "follow-up",
            "email",
            window,
            window.start,
            rule="FU004",
            reason="x",
            number=0,
        )
    with pytest.raises(InvalidTypeError, match=r"Step\.window"):
        Step("follow-up", "email", "today", window.start, rule="FU004", reason="x")
    with pytest.raises(InvalidTypeError, match=r"Step\.requirements"):
        Step(
            "follow-up",
            "email",
            window,
            window.start,
            rule="x",
            reason="x",
            requirements={},
        )
    step = Step(
        StepKind.CALL_BACK,
        "phone",
        window,
        window.start,
        rule="FU007",
        reason="x",
        number=2,
    )
    assert step.label == "call-back #2"


def test_requirements_validate_their_bounds():
    assert Requirements(call_minutes=[3, 4]).call_minutes == (3, 4)
    with pytest.raises(InvalidValueError, match="low bound above its high"):
        Requirements(call_minutes=(4, 3))
    with pytest.raises(InvalidTypeError, match="pair of minutes"):
        Requirements(call_minutes=5)
    with pytest.raises(InvalidValueError, match="whole minutes"):
        Requirements(call_minutes=(0, 3))
    with pytest.raises(InvalidValueError, match=r"max_lines"):
        Requirements(max_lines=0)
    with pytest.raises(InvalidTypeError, match=r"must_mention"):
        Requirements(must_mention="Ada")
    with pytest.raises(InvalidTypeError, match=r"talking_points\[1\]"):
        Requirements(talking_points=["ok", 3])
    assert Requirements(max_lines=9, call_minutes=(3, 4)).describe() == (
        "at most 9 lines",
        "keep the call to 3-4 minutes",
    )


def test_findings_and_plans_refuse_wrong_parts():
    with pytest.raises(InvalidValueError, match=r"Finding\.severity"):
        Finding("FU001", "fatal", "x")
    with pytest.raises(InvalidTypeError, match=r"Finding\.step"):
        Finding("FU001", Severity.INFO, "x", step="a step")
    with pytest.raises(InvalidTypeError, match="Finding"):
        Finding("FU001", Severity.INFO, "x", expected=3)
    interview = Interview("Ada", "Acme", AT)
    with pytest.raises(InvalidTypeError, match=r"FollowUpPlan\.steps\[0\]"):
        FollowUpPlan(interview, ["x"], (), (), AT)
    with pytest.raises(InvalidTypeError, match=r"FollowUpPlan\.findings\[0\]"):
        FollowUpPlan(interview, (), ["x"], (), AT)
    with pytest.raises(InvalidTypeError, match=r"FollowUpPlan\.interview"):
        FollowUpPlan("Ada", (), (), (), AT)


def test_a_plan_sorts_its_steps_by_instant_and_knows_whether_it_passes():
    interview = Interview("Ada", "Acme", AT)
    late = Window(
        "2026-11-01T01:10:00-05:00[America/New_York]",
        "2026-11-01T01:10:00-05:00[America/New_York]",
    )
    early = Window(
        "2026-11-01T01:30:00-04:00[America/New_York]",
        "2026-11-01T01:30:00-04:00[America/New_York]",
    )
    steps = [
        Step("call", "phone", late, late.start, rule="x", reason="x"),
        Step("call-back", "phone", early, early.start, rule="x", reason="x"),
    ]
    plan = FollowUpPlan(interview, steps, (), (), AT)
    assert [s.kind for s in plan.steps] == [StepKind.CALL_BACK, StepKind.CALL]
    assert plan.passes
    failing = attrs.evolve(plan, findings=(Finding("X001", "error", "bad"),))
    assert not failing.passes


def test_an_interviewer_may_be_known_without_a_name():
    recruiter = Contact(email="Recruiter@ACME.example", timezone="Europe/Berlin")
    assert (recruiter.name, recruiter.email) == (None, "Recruiter@acme.example")
    interview = Interview("Ada", "Acme", "2026-11-23T10:00:00+01:00", recruiter)
    plan = plan_followups(interview)
    assert {s.due.timezone_name for s in plan.steps} == {"Europe/Berlin"}
    (asking,) = [f for f in plan.findings if f.code == "FU002"]
    assert "name and phone number are missing" in asking.message
    assert draft_thank_you(interview).startswith("Dear Hiring Team,")
    with pytest.raises(InvalidValueError, match=r"^Contact: '' holds nothing"):
        Contact()
    with pytest.raises(InvalidValueError, match=r"^Contact: '' holds nothing"):
        Contact(name=None, email=None)

"""What the public API reveals to a type checker; `mypy --strict` reads this file.

Nothing here runs in the test suite: CI type-checks it (``.ci/run``), so a
change that loosens a public type to ``Any`` or breaks an annotation fails.
Every call here must type-check; `rejected.py` holds the calls that must not.
"""

from __future__ import annotations

import datetime as dt
from typing import assert_type

import attrs
import pendulum

import followup
from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    DurationLike,
    Event,
    EventKind,
    Finding,
    FollowUpPlan,
    InstantLike,
    Interview,
    Letter,
    Outcome,
    Performance,
    Requirements,
    Rule,
    RuleSet,
    Severity,
    Step,
    StepKind,
    Window,
    check_letter,
    check_plan,
    draft_follow_up,
    draft_thank_you,
    mail,
    plan_followups,
    plan_many,
)
from followup.ics import to_ics
from followup.json import from_json, to_json
from followup.rules import ThankYouImmediately

interview = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")
plan = plan_followups(interview)
assert_type(plan, FollowUpPlan)
assert_type(plan.steps, tuple[Step, ...])
assert_type(plan.steps[0].due, pendulum.DateTime)
assert_type(plan.steps[0].window.length, dt.timedelta)
assert_type(plan.next_step(interview.at), Step | None)
assert_type(check_plan(plan), tuple[Finding, ...])
assert_type(check_letter("text", interview), tuple[Finding, ...])
assert_type(draft_follow_up(interview, fit="I fit"), str)
assert_type(
    check_letter(
        "text",
        interview,
        "thank-you",
        sent="2026-11-23T15:00:00-05:00",
        language="de",
        aliases=["AA"],
    ),
    tuple[Finding, ...],
)
assert_type(
    draft_thank_you(
        interview, language="fr", locale="fr_CA", greeting="title", title="Dr."
    ),
    str,
)
assert_type(draft_follow_up(interview, language="es", greeting="first-name"), str)
assert_type(mail.draft_text(interview, "thank-you", topic="x", language="de"), str)
assert_type(DEFAULT_RULES, RuleSet)
assert_type(DEFAULT_RULES["FU003"], Rule)
assert_type(DEFAULT_RULES.ignore("FU002"), RuleSet)
assert_type(from_json(to_json(plan), FollowUpPlan), FollowUpPlan)
assert_type(to_ics(plan), bytes)
assert_type(next(iter(plan_many([interview]))), FollowUpPlan)
assert_type(followup.Interview, type[Interview])

# Each public constructor takes what it accepts, not `object`: an instant is
# ISO 8601 text or an aware datetime (pendulum's included), a duration is
# minutes, a timedelta or ISO 8601 text, an enum is its member or its value.
at_text = "2026-11-23T10:00:00-05:00[America/New_York]"
at_stdlib = dt.datetime(2026, 11, 23, 15, tzinfo=dt.timezone.utc)
at_pendulum = pendulum.datetime(2026, 11, 23, 10, tz="America/New_York")
called = pendulum.datetime(2026, 11, 27, 11, tz="America/New_York")
later = pendulum.datetime(2026, 11, 30, 17, tz="America/New_York")
moments: list[InstantLike] = [at_text, at_stdlib, at_pendulum]
durations: list[DurationLike] = [45, dt.timedelta(minutes=45), "PT45M"]
week = dt.timedelta(days=7)

grace = Contact(
    "Grace Hopper",
    email="grace@example.com",
    phone="+1 212 555 0123",
    timezone="America/New_York",
    country="US",
    subdivision="NY",
)
assert_type(grace, Contact)
assert_type(grace.email, str | None)
assert_type(Contact(name="Grace", email=None, phone=None, timezone=None), Contact)

assert_type(Interview("Ada", "Acme", at_stdlib), Interview)
assert_type(Interview("Ada", "Acme", at_pendulum, duration=45), Interview)
full = Interview(
    candidate="Ada Lovelace",
    company="Acme",
    at=at_text,
    interviewer=grace,
    position="Engineer",
    duration=dt.timedelta(minutes=45),
    performance="strong",
)
assert_type(full, Interview)
assert_type(Interview("Ada", "Acme", at_text, None, None, "PT45M"), Interview)
assert_type(
    Interview("Ada", "Acme", at_text, performance=Performance.STRONG), Interview
)
assert_type(full.at, pendulum.DateTime)
assert_type(full.duration, dt.timedelta)
assert_type(full.performance, Performance)
assert_type(full.interviewer, Contact | None)
assert_type(attrs.evolve(full, duration=30, at=at_pendulum), Interview)

call = Event(
    "called",
    called.isoformat(),
    outcome="undecided",
    call_back_at=later,
    channel=Channel.PHONE,
)
assert_type(call, Event)
assert_type(call.kind, EventKind)
assert_type(call.outcome, Outcome | None)
assert_type(call.call_back_at, pendulum.DateTime | None)
offer = Event(EventKind.DECISION_RECEIVED, at_stdlib, Outcome.OFFER, None, None)
assert_type(offer, Event)
assert_type(Event("thank-you-sent", at_pendulum, channel="email"), Event)

window = Window(at_text, later)
assert_type(window, Window)
assert_type(Window(start=at_stdlib, end=later), Window)
assert_type(window.contains(at_text), bool)
assert_type(window.contains(at_stdlib), bool)
assert_type(window.contains(at_pendulum), bool)

requirements = Requirements(
    max_lines=9,
    must_mention=["Ada Lovelace", "Acme"],
    call_minutes=(10, 15),
    talking_points=("thanks",),
)
assert_type(requirements, Requirements)
assert_type(requirements.must_mention, tuple[str, ...])
assert_type(requirements.call_minutes, tuple[int, int] | None)
assert_type(Requirements(max_lines=None, call_minutes=None), Requirements)

thanks = Step(
    StepKind.THANK_YOU,
    "email",
    window,
    at_pendulum,
    "FU001",
    "say thanks the same day (A1)",
    requirements=requirements,
    advice=["A1"],
    adjusted_by=(),
)
assert_type(thanks, Step)
assert_type(thanks.kind, StepKind)
assert_type(thanks.channel, Channel)
assert_type(thanks.advice, tuple[str, ...])
own = Step(
    kind="other",
    channel=Channel.OTHER,
    window=window,
    due=at_stdlib,
    rule="X001",
    reason="a note on LinkedIn",
    kind_name="linkedin-message",
    channel_name="linkedin",
)
assert_type(own.kind_name, str | None)

finding = Finding("FU001", Severity.INFO, "hello", step=thanks, expected="x")
assert_type(finding, Finding)
assert_type(Finding("FU004", "warning", "late", None, None, "later"), Finding)
assert_type(finding.severity, Severity)

made = FollowUpPlan(full, [thanks, own], (finding,), ["FU001"], at_text)
assert_type(made, FollowUpPlan)
assert_type(FollowUpPlan(full, (), [], (), as_of=at_stdlib), FollowUpPlan)
assert_type(made.next_step(at_text), Step | None)
assert_type(made.next_step(at_stdlib), Step | None)
assert_type(made.next_step(at_pendulum), Step | None)

assert_type(Letter("Thank you", full, "thank-you"), Letter)
assert_type(Letter("Following up", full, StepKind.FOLLOW_UP).kind, StepKind)
assert_type(Letter(text="Following up", interview=full), Letter)

assert_type(plan_followups(full, (call,), now=called.isoformat()), FollowUpPlan)
assert_type(plan_followups(full, [call], now=later), FollowUpPlan)
assert_type(plan_followups(full, now=at_pendulum, rules=DEFAULT_RULES), FollowUpPlan)
assert_type(plan_followups(full, now=None), FollowUpPlan)
assert_type(check_plan(made, now=at_pendulum), tuple[Finding, ...])
assert_type(check_plan([thanks], full, (call,), now=called), tuple[Finding, ...])
assert_type(
    check_letter("text", full, "thank-you", rules=DEFAULT_RULES), tuple[Finding, ...]
)
assert_type(next(plan_many([(full, [call])], now=at_stdlib + week)), FollowUpPlan)

# The toolkit of rules: draft steps inside, public steps in the plan.
facts = followup.Facts.gather(full)
drafted = followup.new_step(
    facts, StepKind.CALL, "phone", (at_stdlib, at_pendulum), rule="ME1", reason="r"
)
assert_type(drafted, followup.DraftStep)
assert_type(drafted.due, dt.datetime)
assert_type(drafted.window, followup.DraftWindow)
assert_type(
    followup.moved_step(drafted, facts, by="ME1", at=at_stdlib), followup.DraftStep
)
assert_type(followup.moved_step(thanks, facts, by=None), followup.DraftStep)
assert_type(
    followup.Draft(facts).proposing(drafted, thanks).steps,
    tuple[followup.DraftStep, ...],
)
assert_type(Finding("ME1", "info", "noted", step=drafted).step, Step | None)

# What is due, for one interview, on a day.
listed = followup.reminders_on(full, [call], on=dt.date(2026, 12, 1), within_days=3)
assert_type(listed, tuple[followup.Reminder, ...])
assert_type(listed[0].status, followup.ReminderStatus)
assert_type(listed[0].step, Step | None)

# A rule's parameters, read through the rule's own class.
configured = followup.DEFAULT_RULES.configure("FU003", within_hours=4)
thank_you_rule = configured["FU003"]
assert isinstance(thank_you_rule, ThankYouImmediately)
assert_type(thank_you_rule.params.within_hours, int)

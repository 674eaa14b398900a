"""The rules of planning, stated as properties over interviews from every zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import assume, given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Event,
    EventKind,
    Finding,
    Interview,
    Severity,
    StepKind,
    check_plan,
    plan_followups,
)
from followup._facts import Facts
from followup._time import instant_key
from followup.rules import WorkingTime
from strategies import contacts, histories, instants, interviews

WORKING = DEFAULT_RULES["working-time"]
assert isinstance(WORKING, WorkingTime)


def errors(findings):
    return [f for f in findings if f.severity is Severity.ERROR]


@st.composite
def situations(draw):
    interview = draw(interviews())
    events, now = draw(histories(interview))
    return interview, events, now


@given(situations())
def test_every_plan_passes_its_own_check(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    assert errors(check_plan(plan, interview, history)) == []
    assert plan.passes


@given(situations())
def test_every_finding_of_a_plan_is_as_the_finding_constructor_makes_it(situation):
    # The built-in rules make their findings without the constructor's
    # checks (`own_finding`): their words must pass them unchanged.
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    for finding in plan.findings:
        rebuilt = Finding(
            finding.code,
            finding.severity,
            finding.message,
            finding.step,
            expected=finding.expected,
            actual=finding.actual,
        )
        assert rebuilt == finding
        assert type(finding.severity) is Severity


@given(situations())
def test_due_lies_in_window_and_working_time_and_not_in_the_past(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    facts = Facts.gather(interview, history, now)
    for step in plan.steps:
        assert step.window.contains(step.due)
        assert instant_key(step.due) >= instant_key(plan.as_of)
        if step.kind in WORKING.params.kinds and not step.agreed:
            assert WORKING.is_working(facts, facts.local(step.due)), step


@given(situations())
def test_steps_are_sorted_by_instant_and_written_in_the_recipients_zone(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    keys = [instant_key(step.due) for step in plan.steps]
    assert keys == sorted(keys)
    expected = Facts.gather(interview, history, now).zone
    for step in plan.steps:
        assert step.due.tzinfo == expected
        assert step.window.start.tzinfo == expected


@given(situations())
def test_planning_is_deterministic(situation):
    interview, history, now = situation
    first = plan_followups(interview, history, now=now)
    again = plan_followups(interview, list(reversed(history)), now=now)
    assert first == again
    assert first.explain() == again.explain()


@given(
    contacts(with_zone=True),
    instants(),
    st.sampled_from(sorted(zoneinfo.available_timezones())),
)
def test_the_zone_the_interview_is_written_in_does_not_matter(contact, at, other):
    here = Interview("Ada Lovelace", "Acme", at, interviewer=contact)
    there = Interview(
        "Ada Lovelace",
        "Acme",
        at.astimezone(zoneinfo.ZoneInfo(other)),
        interviewer=contact,
    )
    a, b = plan_followups(here), plan_followups(there)
    assert a.steps == b.steps
    assert [s.due.isoformat() for s in a.steps] == [s.due.isoformat() for s in b.steps]
    assert a.findings == b.findings


_DONE = {
    StepKind.THANK_YOU: EventKind.THANK_YOU_SENT,
    StepKind.FOLLOW_UP: EventKind.FOLLOW_UP_SENT,
}


@given(interviews(), st.integers(1, 3))
def test_following_the_plan_leaves_the_rest_of_the_same_plan(interview, done):
    plan = plan_followups(interview)
    steps = [s for s in plan.steps if s.kind is not StepKind.CLOSE_CALL]
    followed = [s for s in steps[:done] if s.kind in _DONE]
    assume(followed)
    history = [Event(_DONE[s.kind], s.due) for s in followed]
    now = followed[-1].due
    replanned = plan_followups(interview, history, now=now)
    rest = [
        s
        for s in steps[len(followed) :]
        if instant_key(s.window.end) >= instant_key(now)
    ]
    assert list(replanned.steps) == rest


@given(situations(), st.sampled_from([rule.code for rule in DEFAULT_RULES]))
def test_ignoring_a_rule_never_adds_findings(situation, code):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    every = check_plan(plan, interview, history)
    fewer = check_plan(plan, interview, history, rules=DEFAULT_RULES.ignore(code))
    assert set(fewer) <= set(every)
    assert all(f.code != code for f in fewer)


@given(
    st.lists(
        st.sampled_from([rule.code for rule in DEFAULT_RULES]), unique=True, min_size=1
    ),
    st.integers(1, 20),
)
def test_rule_set_operations_never_change_the_original(codes, max_calls):
    # A snapshot by value, not the rule objects themselves: comparing those
    # with themselves could not fail.
    before = (repr(DEFAULT_RULES), DEFAULT_RULES.to_mapping(), hash(DEFAULT_RULES))
    changed = [
        DEFAULT_RULES.ignore(*codes),
        DEFAULT_RULES.select(*codes),
        DEFAULT_RULES.configure("FU008", max_calls=max_calls),
        DEFAULT_RULES.replace(DEFAULT_RULES[codes[0]]),
        DEFAULT_RULES.extend(),
    ]
    assert (
        repr(DEFAULT_RULES),
        DEFAULT_RULES.to_mapping(),
        hash(DEFAULT_RULES),
    ) == before
    assert changed[2]["FU008"].params.max_calls == max_calls
    assert DEFAULT_RULES["FU008"].params.max_calls == 3


@given(situations())
def test_next_step_is_the_first_whose_window_is_open(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    step = plan.next_step(now)
    if plan.steps:
        assert step == plan.steps[0]
    later = plan.as_of + dt.timedelta(days=400)
    assert plan.next_step(later) is None


@given(situations())
def test_a_decision_ends_everything(situation):
    interview, history, now = situation
    plan = plan_followups(interview, history, now=now)
    decided = any(e.outcome is not None and e.outcome.is_decision for e in history)
    if decided:
        assert plan.steps == ()


@given(situations(), st.randoms(use_true_random=False))
def test_the_order_of_the_history_does_not_change_the_plan(situation, random):
    interview, history, now = situation
    shuffled = list(history)
    random.shuffle(shuffled)
    assert plan_followups(interview, shuffled, now=now) == plan_followups(
        interview, history, now=now
    )

"""Rules in phases: whatever a rule proposes or moves, the built-in rules govern it."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    Facts,
    Interview,
    NoParams,
    Phase,
    RuleConfigurationError,
    RuleError,
    RuleSet,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    moved_step,
    new_step,
    plan_followups,
)
from followup._time import instant_key
from followup.json import from_json, to_json
from strategies import histories, interviews

WORKING = DEFAULT_RULES["working-time"]
NEW_YORK = "America/New_York"
# Monday 23 November 2026, 10:00 in New York.
AT = "2026-11-23T10:00:00-05:00[America/New_York]"

_CHANNELS = {
    StepKind.CLOSE_CALL: [Channel.PHONE],
    StepKind.THANK_YOU: [Channel.EMAIL, Channel.PRINTED_LETTER],
    StepKind.FOLLOW_UP: [Channel.EMAIL, Channel.HANDWRITTEN_LETTER],
    StepKind.CALL: [Channel.PHONE],
    StepKind.CALL_BACK: [Channel.PHONE],
    StepKind.OTHER: [Channel.OTHER],
}


@attrs.frozen
class Generic:
    """A rule of someone else's: proposes or moves one step, at any time."""

    code: ClassVar[str] = "GEN001"
    name: ClassVar[str] = "generic"
    summary: ClassVar[str] = "Proposes or moves a step somewhere."
    advice: ClassVar[tuple[str, ...]] = ("GEN:anything",)
    params: NoParams = attrs.field(factory=NoParams)
    action: str = "propose"
    kind: StepKind = StepKind.CALL
    channel: Channel = Channel.PHONE
    offset: dt.timedelta = dt.timedelta(days=1)
    length: dt.timedelta = dt.timedelta(0)

    def plan(self, draft):
        facts = draft.facts
        start = facts.start + self.offset
        window = (start, start + self.length)
        if self.action == "propose":
            other = self.kind is StepKind.OTHER
            # The next of its kind: a step of one a plan holds already would
            # be the same step to a calendar, and the engine refuses it.
            numbers = [step.number for step in draft.of_kind(self.kind)]
            return draft.proposing(
                new_step(
                    facts,
                    self.kind,
                    self.channel,
                    window,
                    number=max(numbers, default=0) + 1,
                    rule=self.code,
                    reason="Someone else's step.",
                    kind_name="linkedin-message" if other else None,
                    channel_name="linkedin" if other else None,
                )
            )
        for step in draft.of_kind(self.kind):
            moved = moved_step(
                step, facts, start=window[0], end=window[1], due=window[0], by=self.code
            )
            return draft.replacing(step, moved)
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class Phased(Generic):
    phase: Phase = Phase.PROPOSE


@st.composite
def generic_rules(draw):
    action = draw(st.sampled_from(["propose", "move"]))
    kind = draw(st.sampled_from(list(StepKind)))
    fields: dict[str, Any] = {
        "action": action,
        "kind": kind,
        "channel": draw(st.sampled_from(_CHANNELS[kind])),
        "offset": dt.timedelta(minutes=draw(st.integers(-2 * 24 * 60, 60 * 24 * 60))),
        "length": dt.timedelta(minutes=draw(st.integers(0, 3 * 24 * 60))),
    }
    # Proposing belongs to the propose phase; a rule that declares no phase
    # proposes too, as every rule did before phases existed.
    phases = [None, Phase.PROPOSE] + ([Phase.ADJUST] if action == "move" else [])
    phase = draw(st.sampled_from(phases))
    return Generic(**fields) if phase is None else Phased(**fields, phase=phase)


@st.composite
def situations(draw):
    interview = draw(interviews())
    events, now = draw(histories(interview))
    return interview, events, now


def errors(findings):
    return [f for f in findings if f.severity is Severity.ERROR]


@given(situations(), generic_rules())
def test_whatever_an_added_rule_does_the_plan_keeps_the_advice(situation, rule):
    interview, history, now = situation
    rules = DEFAULT_RULES.extend(rule)
    plan = plan_followups(interview, history, now=now, rules=rules)
    assert errors(check_plan(plan, interview, history, rules=rules)) == []
    if any(e.outcome is not None and e.outcome.is_decision for e in history):
        assert plan.steps == ()
    facts = Facts.gather(interview, history, now)
    for step in plan.steps:
        assert step.window.contains(step.due)
        assert instant_key(step.due) >= instant_key(plan.as_of)
        if step.kind in WORKING.params.kinds and not step.agreed:
            assert WORKING.is_working(facts, facts.local(step.due)), step


def test_a_saturday_call_from_an_added_rule_lands_in_working_time():
    saturday = Generic(offset=dt.timedelta(days=5, hours=13))  # Sat 28 Nov 23:00
    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(saturday)
    )
    (theirs,) = [s for s in plan.steps if s.rule == "GEN001"]
    assert theirs.due.format("ddd D MMM HH:mm") == "Mon 30 Nov 09:00"
    assert theirs.adjusted_by[-1] == "FU011"
    assert "held no working time" in theirs.reason


def test_after_an_offer_nothing_is_planned_added_rules_included():
    offer = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T12:00:00-05:00", outcome="offer"
    )
    rules = DEFAULT_RULES.extend(Generic(offset=dt.timedelta(days=5)))
    plan = plan_followups(
        Interview("Ada", "Acme", AT),
        [offer],
        now="2026-11-24T12:00:00-05:00",
        rules=rules,
    )
    assert plan.steps == ()
    assert errors(check_plan(plan, history=[offer], rules=rules)) == []
    assert [f.code for f in plan.findings] == ["FU009"]


def test_a_fourth_call_from_an_added_rule_is_dropped_and_the_rest_spaced():
    calls = [
        Event(EventKind.CALLED, f"2026-12-0{day}T11:00:00-05:00", outcome="no-answer")
        for day in (1, 8)
    ]
    extra = Generic(kind=StepKind.CALL_BACK, offset=dt.timedelta(days=16))
    rules = DEFAULT_RULES.extend(extra)
    plan = plan_followups(
        Interview("Ada", "Acme", AT),
        calls,
        now="2026-12-08T12:00:00-05:00",
        rules=rules,
    )
    backs = [s for s in plan.steps if s.kind is StepKind.CALL_BACK]
    assert len(backs) == 1  # three calls in all: two made, one planned
    assert [f.code for f in plan.findings if f.severity is Severity.INFO] == ["FU008"]
    assert errors(check_plan(plan, history=calls, rules=rules)) == []


def no_sooner(step, facts, moment, code):
    """What a well-behaved placing rule does: move the step later, never back."""
    return moved_step(
        step,
        facts,
        start=max(step.window.start, moment, key=instant_key),
        end=max(step.window.end, moment, key=instant_key),
        due=moment,
        by=code,
    )


@attrs.frozen
class NoDay:
    """A placing rule: nothing on one weekday; moves to the next day's start."""

    code: ClassVar[str] = "DAY001"
    name: ClassVar[str] = "no-day"
    summary: ClassVar[str] = "Keeps steps off one weekday."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    weekday: int = 2

    def plan(self, draft):
        facts = draft.facts
        for step in draft.of_kind(
            StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK
        ):
            day = facts.local(step.due).date()
            if day.weekday() == self.weekday and not step.agreed:
                start = facts.start_of(day + dt.timedelta(days=1))
                draft = draft.replacing(step, no_sooner(step, facts, start, self.code))
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class NotEarly(NoDay):
    """Another placing rule: nothing before 11:00 on the recipient's clock."""

    code: ClassVar[str] = "DAY002"
    name: ClassVar[str] = "not-early"

    def plan(self, draft):
        facts = draft.facts
        for step in draft.of_kind(
            StepKind.FOLLOW_UP, StepKind.CALL, StepKind.CALL_BACK
        ):
            local = facts.local(step.due)
            if local.hour < 11 and not step.agreed:
                eleven = local.replace(hour=11, minute=0, second=0, microsecond=0)
                draft = draft.replacing(step, no_sooner(step, facts, eleven, self.code))
        return draft


@given(situations(), st.integers(0, 4))
def test_two_placing_rules_compose_the_same_in_either_order(situation, weekday):
    interview, history, now = situation
    first, second = NoDay(weekday=weekday), NotEarly()
    one = plan_followups(
        interview, history, now=now, rules=DEFAULT_RULES.extend(first, second)
    )
    other = plan_followups(
        interview, history, now=now, rules=DEFAULT_RULES.extend(second, first)
    )
    # Where every step lands agrees, and where its window opens. A window's
    # end may differ: one moved whole (late, held while the interviewer is
    # away, spaced after the follow-up) keeps its length, one narrowed keeps
    # its end, and which happens first depends on the order.
    assert [(s.kind, s.due, s.window.start) for s in one.steps] == [
        (s.kind, s.due, s.window.start) for s in other.steps
    ]


def test_the_example_follow_up_moves_off_wednesday_then_after_eleven():
    rules = DEFAULT_RULES.extend(NoDay(weekday=2), NotEarly())
    plan = plan_followups(Interview("Ada", "Acme", AT), rules=rules)
    follow_up = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow_up.due.format("ddd D MMM HH:mm") == "Thu 26 Nov 11:00"


@attrs.frozen
class Backwards(NoDay):
    """A placing rule that moves steps back: it can never agree with FU011."""

    code: ClassVar[str] = "BAK001"
    name: ClassVar[str] = "backwards"

    def plan(self, draft):
        facts = draft.facts
        for step in draft.of_kind(StepKind.FOLLOW_UP):
            night = facts.local(step.due).replace(hour=3, minute=0)
            draft = draft.replacing(
                step, moved_step(step, facts, at=night, by=self.code)
            )
        return draft


def test_placing_rules_that_never_agree_are_named():
    with pytest.raises(
        RuleError, match=r"move steps back and forth: .*FU011 working-time"
    ) as raised:
        plan_followups(
            Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(Backwards())
        )
    assert "BAK001 backwards" in str(raised.value)


def test_the_default_rules_act_in_these_phases():
    assert [
        (phase, [r.code for r in rules]) for phase, rules in DEFAULT_RULES.phases
    ] == [
        (Phase.PROPOSE, ["FU001", "FU002", "FU003", "FU004", "FU006", "FU007"]),
        (Phase.DROP, ["FU005", "FU009"]),
        (
            Phase.PLACE,
            ["FU001", "FU003", "FU004", "FU008", "FU010", "FU012", "FU013", "FU011"],
        ),
    ]
    assert DEFAULT_RULES.extend(Generic()).phases[0][1][-1].code == "GEN001"


def test_a_rule_in_a_later_phase_may_not_propose():
    late = Phased(phase=Phase.ADJUST)
    with pytest.raises(RuleError, match=r"GEN001 generic .* comes in the adjust phase"):
        plan_followups(Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(late))


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("place", r"declares phase 'place'; a phase is one of Phase.PROPOSE"),
        ((), "declares no phase at all"),
        ((Phase.DROP, 3), "declares phase 3"),
    ],
)
def test_a_phase_must_be_a_phase(phase, message):
    with pytest.raises(RuleConfigurationError, match=message):
        RuleSet([Phased(phase=phase)])


def test_a_rule_cites_advice_of_its_own_in_its_own_namespace():
    @attrs.frozen
    class Cites(Generic):
        advice: ClassVar[tuple[str, ...]] = ("GEN:own", "A12")

    assert RuleSet([Cites()]).codes == ("GEN001",)

    @attrs.frozen
    class Borrows(Generic):
        advice: ClassVar[tuple[str, ...]] = ("BLK:blackout-days",)

    with pytest.raises(
        RuleConfigurationError, match=r"cites 'BLK:blackout-days'.* 'GEN:name'"
    ):
        RuleSet([Borrows()])

    @attrs.frozen
    class Loose(Generic):
        advice: ClassVar[str] = "A12"

    with pytest.raises(RuleConfigurationError, match=r"advice is a tuple of ids"):
        RuleSet([Loose()])


def test_steps_of_a_kind_and_channel_of_ones_own_round_trip():
    linkedin = Generic(kind=StepKind.OTHER, channel=Channel.OTHER)
    plan = plan_followups(
        Interview("Ada", "Acme", AT), rules=DEFAULT_RULES.extend(linkedin)
    )
    (step,) = [s for s in plan.steps if s.kind is StepKind.OTHER]
    assert (step.label, step.how) == ("linkedin-message", "linkedin")
    assert (
        "linkedin-message by linkedin, due Tue 24 Nov 2026 10:00 EST" in plan.explain()
    )
    assert from_json(to_json(plan), type(plan)) == plan


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"kind": StepKind.OTHER},
            r"Step.kind_name: None given, but a step whose kind is other needs a name of its own",
        ),
        (
            {"kind_name": "linkedin"},
            r"Step.kind_name: 'linkedin' names a kind of one's own",
        ),
        (
            {"channel": "other"},
            r"Step.channel_name: None given, but a step whose channel",
        ),
        (
            {"kind": "other", "kind_name": "LinkedIn message"},
            r"Step.kind_name: 'LinkedIn message' is not a kebab-case name",
        ),
    ],
)
def test_names_of_ones_own_go_with_other(changes, message):
    at = "2026-11-25T10:00:00-05:00"
    fields = {"kind": "call", "channel": "phone", "kind_name": None}
    fields.update(changes)
    with pytest.raises(ValueError, match=message):
        Step(
            fields["kind"],
            fields["channel"],
            Window(at, at),
            at,
            rule="me",
            reason="mine",
            kind_name=fields["kind_name"],
        )


def test_facts_derive_a_value_once_per_plan():
    facts = Facts.gather(Interview("Ada", "Acme", AT))
    computed = []

    def window():
        computed.append(1)
        return (facts.start, facts.call_ends)

    first = facts.derived("mine", window)
    assert facts.derived("mine", window) is first
    assert computed == [1]
    assert Facts.gather(Interview("Ada", "Acme", AT)).derived("mine", window) == first
    assert computed == [1, 1]

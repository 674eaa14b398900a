"""`followup.testing`: the strategies plugins share, and the contract of a rule."""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import sys
import zoneinfo
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup.testing as testing_module
from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    Interview,
    NoParams,
    Phase,
    RuleError,
    StepKind,
    moved_step,
    new_step,
    plan_followups,
)
from followup.example import example_interview
from followup.json import from_json
from followup.rules import WorkingHoursParams, WorkingTime
from followup.testing import (
    assert_rule_keeps_the_contract,
    contacts,
    histories,
    instants_near_transitions,
    interviews,
    plain_instants,
    situations,
    transitions,
)

CALLS = (StepKind.CALL, StepKind.CALL_BACK)

# Planned on the Monday of the interview, before the call: every step ahead.
BEFORE_THE_CALL = (example_interview(), [], example_interview().at)


@attrs.frozen
class QuietMonday:
    """A well-behaved placing rule: calls due on a Monday wait for Tuesday."""

    code: ClassVar[str] = "QM001"
    name: ClassVar[str] = "quiet-monday"
    summary: ClassVar[str] = "Move calls off Mondays."
    advice: ClassVar[tuple[str, ...]] = ("QM:quiet-monday",)
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        for step in draft.of_kind(*CALLS):
            day = facts.local(step.due).date()
            if step.agreed or day.weekday() != 0:
                continue
            tuesday = facts.start_of(day + dt.timedelta(days=1))
            moved = moved_step(
                step, facts, at=tuesday, by=self.code, why="Not on a Monday (QM001)."
            )
            draft = draft.replacing(step, moved)
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class SaturdayNightCalls:
    """A broken placing rule: every call goes to the next Saturday, 23:00."""

    code: ClassVar[str] = "SAT001"
    name: ClassVar[str] = "saturday-night-calls"
    summary: ClassVar[str] = "Call on Saturday nights."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        for step in draft.of_kind(*CALLS):
            due = facts.local(step.due)
            if step.agreed or (due.weekday(), due.hour) == (5, 23):
                continue
            saturday = due.date() + dt.timedelta(days=(5 - due.weekday()) % 7)
            night = facts.start_of(saturday) + dt.timedelta(hours=23)
            if night <= due:
                night = facts.start_of(saturday + dt.timedelta(days=7)) + dt.timedelta(
                    hours=23
                )
            draft = draft.replacing(
                step, moved_step(step, facts, at=night, by=self.code)
            )
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class IdleWorkingTime:
    """FU011's name and notion of working time, without its placing."""

    code: ClassVar[str] = "FU011"
    name: ClassVar[str] = "working-time"
    summary: ClassVar[str] = "Tell working time, place nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: WorkingHoursParams = attrs.field(factory=WorkingHoursParams)

    def is_working(self, facts, moment):
        return WorkingTime(self.params).is_working(facts, moment)

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class PhonedFollowUp:
    """A broken proposing rule: a second follow-up, by phone (A7 says no)."""

    code: ClassVar[str] = "PH001"
    name: ClassVar[str] = "phoned-follow-up"
    summary: ClassVar[str] = "Phone to follow up."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        if not facts.needs(StepKind.FOLLOW_UP):
            return draft
        opens = facts.start_of(facts.days_after(facts.interview_day, 2, business=True))
        step = new_step(
            facts,
            StepKind.FOLLOW_UP,
            Channel.PHONE,
            (opens, opens + dt.timedelta(hours=8)),
            rule=self.code,
            reason="Phone instead of writing.",
            number=2,
        )
        return draft.proposing(step)

    def check(self, facts, steps):
        return ()


@attrs.frozen
class AfterTheDecision:
    """A broken placing rule: a step sneaked past the drop phase."""

    code: ClassVar[str] = "LATE001"
    name: ClassVar[str] = "after-the-decision"
    summary: ClassVar[str] = "Write once more after the decision."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        facts = draft.facts
        if facts.decision is None or draft.steps:
            return draft
        later = facts.now + dt.timedelta(days=1)
        step = new_step(
            facts,
            StepKind.FOLLOW_UP,
            Channel.EMAIL,
            (later, later),
            rule=self.code,
            reason="One more letter.",
        )
        # Draft.proposing refuses in the place phase; attrs.evolve does not.
        return attrs.evolve(draft, steps=(step,))

    def check(self, facts, steps):
        return ()


@attrs.frozen
class OutOfItsWindow:
    """A broken placing rule: the thank-you hacked to a time past its window."""

    code: ClassVar[str] = "HACK001"
    name: ClassVar[str] = "out-of-its-window"
    summary: ClassVar[str] = "Thank later than the window allows."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        for step in draft.of_kind(StepKind.THANK_YOU):
            if step.window.contains(step.due):
                # Past the validation a Step does on construction.
                hacked = copy.copy(step)
                object.__setattr__(
                    hacked, "due", step.window.end + dt.timedelta(hours=1)
                )
                draft = draft.replacing(step, hacked)
        return draft

    def check(self, facts, steps):
        return ()


# -- rules that keep the contract --------------------------------------------


def test_the_default_rules_keep_the_contract():
    assert_rule_keeps_the_contract(DEFAULT_RULES, max_examples=30)


def test_a_well_behaved_placing_rule_keeps_the_contract():
    assert_rule_keeps_the_contract(QuietMonday(), max_examples=30)


def test_the_well_behaved_rule_moves_calls_off_mondays():
    # The contract above means something only if the rule acts; given as a
    # list, it joins the default rules all the same.
    interview, history, now = BEFORE_THE_CALL
    rules = DEFAULT_RULES.extend(QuietMonday())
    plan = plan_followups(interview, history, now=now, rules=rules)
    (call,) = (step for step in plan.steps if step.kind is StepKind.CALL)
    assert call.due.format("ddd D MMM HH:mm") == "Tue 1 Dec 09:00"
    assert call.adjusted_by[-2:] == ("QM001", "FU011")
    assert_rule_keeps_the_contract([QuietMonday()], among=st.just(BEFORE_THE_CALL))


# -- rules that break it -----------------------------------------------------


def test_a_rule_that_fights_working_time_breaks_the_contract():
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(SaturdayNightCalls(), max_examples=30)
    message = str(raised.value)
    assert message.startswith("SAT001 saturday-night-calls breaks the contract")
    assert "a rule failed: " in message
    assert "these rules still move steps" in message
    assert isinstance(raised.value.__cause__, RuleError)
    # The situation comes as JSON that replays it: the same plan fails again.
    interview, history, now = _replayed(message)
    with pytest.raises(RuleError, match="these rules still move steps"):
        plan_followups(
            interview,
            history,
            now=now,
            rules=DEFAULT_RULES.extend(SaturdayNightCalls()),
        )


def _replayed(message: str) -> tuple[Interview, list[Event], str]:
    """The interview, history and now of a contract report, read back."""
    lines = {
        key: value
        for key, _, value in (line.partition(": ") for line in message.splitlines())
    }
    interview = from_json(lines["interview"], Interview)
    history = from_json(lines["history"], list[Event])
    return interview, history, lines["now"].partition(" (")[0]


def test_the_report_replays_a_situation_with_a_history():
    # Enums and pendulum values in a repr do not evaluate back; the report's
    # JSON reads back equal, history and all.
    interview = example_interview()
    history = [Event("thank-you-sent", interview.at.add(hours=2))]
    situation = (interview, history, interview.at.add(hours=3))
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(SaturdayNightCalls(), among=st.just(situation))
    message = str(raised.value)
    assert "<" not in message
    replayed = _replayed(message)
    assert replayed[:2] == (interview, history)
    # `now` is written as an instant that planning reads back as the same.
    assert plan_followups(*replayed[:2], now=replayed[2]).as_of == situation[2]
    assert "to replay: from_json(interview, Interview)" in message


def test_a_step_outside_working_time_breaks_the_contract():
    base = DEFAULT_RULES.replace(IdleWorkingTime())
    with pytest.raises(AssertionError) as raised:
        # A situation that holds a call for the rule to move: with thirty
        # drawn at random the test failed once in a full run (the draw was
        # not kept, and 60 seeded runs since did not fail).
        assert_rule_keeps_the_contract(
            SaturdayNightCalls(), base=base, among=st.just(BEFORE_THE_CALL)
        )
    message = str(raised.value)
    assert "outside working time (Mon-Fri 09:00-17:00)" in message
    assert ", moved by SAT001" in message
    assert "steps concerned:" in message


def test_an_error_in_check_plan_breaks_the_contract():
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(
            [PhonedFollowUp()], among=st.just(BEFORE_THE_CALL)
        )
    message = str(raised.value)
    assert (
        "check_plan reports an error: FU004 error: the follow-up is an email or "
        "a letter, not a call (A7)" in message
    )
    assert "follow-up #2 by phone, due Wed 25 Nov 2026 09:00 EST" in message
    assert "proposed by PH001" in message
    # With its zone, which planning again needs to replay it.
    assert (
        "now: 2026-11-23T10:00:00-05:00[America/New_York] (Mon 23 Nov 2026 10:00 EST)"
        in message
    )


def test_a_step_after_a_decision_breaks_the_contract():
    interview = example_interview()
    offer = Event("decision-received", "2026-11-27T11:00:00-05:00", outcome="offer")
    situation = (interview, [offer], offer.at)
    # Without FU009 no check objects: the contract itself must.
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(
            AfterTheDecision(),
            base=DEFAULT_RULES.ignore("decision-ends-follow-up"),
            among=st.just(situation),
        )
    message = str(raised.value)
    assert (
        "the follow-up is planned although the company decided (offer) on "
        "Fri 27 Nov 2026 11:00" in message
    )
    assert "check_plan" not in message


def test_a_step_in_the_past_breaks_the_contract():
    interview = example_interview()
    # A week after the call: the thank-you's window has closed.  Without
    # FU010 nothing moves it to now.
    situation = (interview, [], interview.at.add(days=7))
    rules = DEFAULT_RULES.ignore("late-steps-still-planned")
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(rules, among=st.just(situation))
    message = str(raised.value)
    assert message.startswith("the rule set FU001, FU002")
    assert (
        "the thank-you is due Mon 23 Nov 2026 10:30 EST, before the plan's as_of "
        "(Mon 30 Nov 2026 10:00 EST)" in message
    )


# -- the strategies ----------------------------------------------------------


@given(contacts(with_zone=True), contacts(with_zone=False))
def test_contacts_with_and_without_a_zone(zoned, unzoned):
    assert zoned.timezone is not None
    assert unzoned.timezone is None


@given(instants_near_transitions("Europe/Paris", years=(2026, 2026)))
def test_instants_near_a_transition_are_near_one(moment):
    changes = transitions("Europe/Paris", 2026)
    assert isinstance(moment.tzinfo, zoneinfo.ZoneInfo)
    assert min(abs(moment - change) for change in changes) <= dt.timedelta(days=4)


@given(instants_near_transitions("Asia/Tokyo", years=(2026, 2026)))
def test_a_zone_without_transitions_gives_any_instant(moment):
    assert transitions("Asia/Tokyo", 2026) == ()
    assert moment.year == 2026
    assert moment.utcoffset() == dt.timedelta(hours=9)


def test_without_hypothesis_the_module_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "followup.testing")
    with pytest.raises(ImportError, match=r"install followup\[testing\]"):
        importlib.import_module("followup.testing")


@given(interviews(years=(2030, 2030)))
def test_interviews_lie_in_the_years_asked_for(interview):
    assert isinstance(interview, Interview)
    # Four days either side of an offset change may cross New Year.
    assert abs(interview.at.year - 2030) <= 1
    assert 2030 in {interview.at.add(days=-4).year, interview.at.add(days=4).year}


def test_a_set_without_working_time_promises_none():
    # Saturday nights are fine once the set has no working-time rule.
    assert_rule_keeps_the_contract(
        SaturdayNightCalls(),
        base=DEFAULT_RULES.ignore("working-time"),
        among=st.just(BEFORE_THE_CALL),
    )


def test_a_step_due_outside_its_window_breaks_the_contract():
    with pytest.raises(AssertionError) as raised:
        assert_rule_keeps_the_contract(OutOfItsWindow(), among=st.just(BEFORE_THE_CALL))
    assert (
        "  - a rule failed: rule HACK001 out-of-its-window (test_testing."
        "OutOfItsWindow) failed in plan(): InvalidValueError: due: "
        "'2026-11-24T16:30:00+00:00' is outside its window "
        "(2026-11-23T15:30:00+00:00 to 2026-11-24T15:30:00+00:00)\n"
    ) in str(raised.value)


@settings(max_examples=100)
@given(st.data(), st.integers(0, 30 * 24 * 60))
def test_histories_of_an_interview_late_in_2199_are_ones_the_library_takes(
    data, minutes
):
    # Events, call-backs, days and `now` drawn after the interview ran past
    # 2199, which the library refuses: drawing itself raised.
    last = dt.datetime(2199, 12, 31, 23, 0, tzinfo=dt.timezone.utc)
    interview = Interview("Ada", "Acme", last - dt.timedelta(minutes=minutes))
    history, now = data.draw(histories(interview))
    plan = plan_followups(interview, history, now=now)
    assert _utc(plan.as_of) == _utc(now)
    assert all(event.at <= now for event in history)
    # And so do situations drawn in that year.
    interview, history, now = data.draw(situations(years=(2199, 2199)))
    assert _utc(plan_followups(interview, history, now=now).as_of) == _utc(now)


def test_a_plan_as_of_a_repeated_hour_is_as_of_that_instant():
    # The draw that showed `==` unfit: now is the second 01:00 in Halifax.
    now = dt.datetime(
        2199, 11, 3, 1, 0, fold=1, tzinfo=zoneinfo.ZoneInfo("America/Halifax")
    )
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        now,
        interviewer=Contact("Grace Hopper", timezone="Africa/Abidjan"),
        duration=5,
    )
    as_of = plan_followups(interview, now=now).as_of
    assert as_of.isoformat() == "2199-11-03T05:00:00+00:00"
    assert as_of != now
    assert _utc(as_of) == _utc(now)


def _utc(moment: dt.datetime) -> dt.datetime:
    # `as_of` is in the recipient's zone and `now` may be in another; a time
    # in the repeated hour of a daylight-saving change (01:00 in Halifax on 3
    # November 2199, fold 1) never equals one in another zone (PEP 495), so
    # the two are compared as instants.
    return moment.astimezone(dt.timezone.utc)


@pytest.mark.parametrize(
    ("zone_name", "years"),
    [
        # 1 January 1900 in Longyearbyen is still 1899 in UTC; 31 December
        # 2199 in Los Angeles is 2200 already.
        ("Arctic/Longyearbyen", (1900, 1900)),
        ("America/Los_Angeles", (2199, 2199)),
        ("Pacific/Kiritimati", (1900, 1900)),
    ],
)
def test_instants_of_the_first_and_last_years_are_ones_the_library_takes(
    zone_name, years
):
    # Drawn with the instant at each end of the years first.
    for strategy in (plain_instants, instants_near_transitions):

        @given(strategy(zone_name=zone_name, years=years))
        @settings(max_examples=30)
        def taken(at):
            assert Interview("Ada", "Acme", at).at.timestamp() == at.timestamp()

        taken()
    # The ends themselves, which a run of the strategy may not draw.
    first = dt.datetime(years[0], 1, 1, tzinfo=zoneinfo.ZoneInfo(zone_name))
    last = dt.datetime(years[1], 12, 31, 23, 59, tzinfo=zoneinfo.ZoneInfo(zone_name))
    for edge in (first, last):
        moved = testing_module._supported(edge)  # noqa: SLF001 - where the ends go
        assert Interview("Ada", "Acme", moved).at.timestamp() == moved.timestamp()
        assert moved.tzinfo is edge.tzinfo
        assert abs(moved - edge) <= dt.timedelta(days=1)

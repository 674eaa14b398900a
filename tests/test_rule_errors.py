"""A failing rule is named, with its package; so is every broken plugin."""

from __future__ import annotations

import datetime as dt
from importlib import metadata
from typing import ClassVar
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Finding,
    FollowUpError,
    Interview,
    NoParams,
    PluginError,
    RuleConfigurationError,
    RuleError,
    RuleSet,
    Severity,
    StepKind,
    check_letter,
    check_plan,
    moved_step,
    plan_followups,
)
from followup._engine import ROUNDS
from followup._rule import Phase
from followup.plugins import GROUP, _origin, _read_one_by_one

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview("Ada", "Acme", AT)


@attrs.frozen
class Faulty:
    """A rule that goes wrong in the way it is told to."""

    code: ClassVar[str] = "BAD001"
    name: ClassVar[str] = "faulty"
    summary: ClassVar[str] = "Goes wrong."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)
    fault: str = "raise"

    def plan(self, draft):
        if self.fault == "raise":
            raise ZeroDivisionError("boom in plan")
        if self.fault == "exit":
            raise SystemExit(3)
        if self.fault == "none":
            return None
        if self.fault == "number":
            return 5
        if self.fault == "not-a-step":
            return draft.proposing("not a step")
        if self.fault == "not-a-finding":
            return draft.noting("a finding, honest")
        if self.fault == "other-facts":
            return attrs.evolve(draft, facts=attrs.evolve(draft.facts, calls=()))
        return draft

    def check(self, facts, steps):
        if self.fault == "check":
            raise KeyError("boom in check")
        if self.fault == "check-gives-text":
            return ["a finding, honest"]
        return ()

    def check_letter(self, letter):
        if self.fault == "letter":
            raise ValueError("boom in letter")
        return [Finding(self.code, Severity.INFO, "read it")]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("raise", r"failed in plan\(\): ZeroDivisionError: boom in plan"),
        ("exit", r"failed in plan\(\): SystemExit: 3"),
        ("none", r"failed in plan\(\): it returned NoneType None, not a Draft"),
        ("number", r"failed in plan\(\): it returned int 5, not a Draft$"),
        (
            "not-a-step",
            r"failed in plan\(\): InvalidTypeError: proposing\[0\]: expected a DraftStep or Step, got str 'not a step'",
        ),
        (
            "not-a-finding",
            r"failed in plan\(\): InvalidTypeError: noting\[0\]: expected a Finding",
        ),
        (
            "other-facts",
            r"failed in plan\(\): it returned a draft of other facts or phase",
        ),
    ],
)
def test_a_rule_that_fails_to_plan_is_named(fault, message):
    rules = DEFAULT_RULES.extend(Faulty(fault=fault))
    with pytest.raises(
        RuleError, match=r"^rule BAD001 faulty \(test_rule_errors\.Faulty\) " + message
    ) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert raised.value.code == "BAD001"
    assert raised.value.origin is None
    if fault == "raise":
        assert isinstance(raised.value.__cause__, ZeroDivisionError)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("check", r"failed in check\(\): KeyError: 'boom in check'"),
        (
            "check-gives-text",
            r"failed in check\(\): it gave str 'a finding, honest', not a Finding",
        ),
    ],
)
def test_a_rule_that_fails_to_check_is_named(fault, message):
    plan = plan_followups(INTERVIEW)
    with pytest.raises(RuleError, match=message):
        check_plan(plan, rules=DEFAULT_RULES.extend(Faulty(fault=fault)))


def test_a_rule_that_fails_to_read_a_letter_is_named():
    assert [
        f.code
        for f in check_letter("Hi", INTERVIEW, rules=RuleSet([Faulty(fault="ok")]))
    ] == ["BAD001"]
    with pytest.raises(
        RuleError,
        match=r"BAD001 faulty .* failed in check_letter\(\): ValueError: boom in letter",
    ):
        check_letter("Hi", INTERVIEW, rules=RuleSet([Faulty(fault="letter")]))


def test_a_rule_error_is_a_followup_error_and_not_an_input_error():
    assert issubclass(RuleError, FollowUpError)
    assert issubclass(RuleError, RuntimeError)
    assert not issubclass(RuleError, ValueError)


@attrs.frozen
class RaisingCode(Faulty):
    @property
    def code(self):
        raise RuntimeError("no code today")


def test_a_rule_whose_metadata_raises_is_refused_with_its_class():
    with pytest.raises(
        RuleConfigurationError,
        match=r"rule \(test_rule_errors\.RaisingCode\) cannot be read: RuntimeError: no code today",
    ):
        RuleSet([RaisingCode()])


# -- plugins: every way to fail, each named; all of them at once ------------


RULE = """
import attrs
import datetime as dt
from typing import ClassVar
from followup import NoParams

@attrs.frozen
class Rule:
    code: ClassVar[str] = "XYZ001"
    name: ClassVar[str] = "xyz"
    summary: ClassVar[str] = "A test rule."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        if draft.facts.interview.company == "Explodes":
            raise RuntimeError("the plugin broke")
        return draft

    def check(self, facts, steps):
        return ()

class BadAdvice(Rule):
    advice = 7

class RaisingName(Rule):
    @property
    def name(self):
        raise LookupError("which name?")
"""


def test_an_exception_in_a_plugin_names_its_code_and_package(install):
    install("xyz-plugin", "xyz_plugin", RULE, {"xyz": "xyz_plugin:Rule"})
    rules = DEFAULT_RULES.with_plugins("xyz")
    assert str(rules.origin_of("XYZ001")) == "xyz-plugin 1.0"
    with pytest.raises(RuleError) as raised:
        plan_followups(Interview("Ada", "Explodes", AT), rules=rules)
    assert str(raised.value) == (
        "rule XYZ001 xyz (plugin xyz-plugin 1.0, xyz_plugin.Rule) failed in plan(): "
        "RuntimeError: the plugin broke"
    )
    assert raised.value.origin == "xyz-plugin 1.0"
    assert isinstance(raised.value.__cause__, RuntimeError)


def test_a_plugin_that_exits_on_import_is_reported_not_obeyed(install):
    install(
        "exit-plugin",
        "exit_plugin",
        "import sys\nsys.exit(3)\n",
        {"quits": "exit_plugin:Rule"},
    )
    with pytest.raises(
        PluginError,
        match=r"plugin 'quits' \(exit_plugin:Rule\) from exit-plugin 1.0 cannot be imported: SystemExit: 3",
    ):
        DEFAULT_RULES.with_plugins("quits")


def test_a_plugin_with_raising_or_malformed_metadata_is_named(install):
    install(
        "meta-plugin",
        "meta_plugin",
        RULE,
        {"advice": "meta_plugin:BadAdvice", "naming": "meta_plugin:RaisingName"},
    )
    with pytest.raises(
        PluginError,
        match=r"plugin 'advice' \(meta_plugin:BadAdvice\) from meta-plugin 1.0: rule XYZ001 has advice 7",
    ):
        DEFAULT_RULES.with_plugins("advice")
    with pytest.raises(
        PluginError,
        match=r"plugin 'naming' .* cannot be read: LookupError: which name\?",
    ):
        DEFAULT_RULES.with_plugins("naming")


def test_a_distribution_without_a_name_or_version_is_still_reported(install):
    install(
        "nameless",
        "nameless_plugin",
        "raise ImportError('nothing here')",
        {"nameless": "nameless_plugin:Rule"},
        metadata="Metadata-Version: 2.1\n",
    )
    with pytest.raises(
        PluginError,
        match=r"from an unknown distribution \(no version\) cannot be imported",
    ):
        DEFAULT_RULES.with_plugins("nameless")


def test_a_malformed_entry_point_value_is_reported(install):
    install("odd-value", "odd_value", RULE, {"oddvalue": "odd_value:Rule:extra"})
    with pytest.raises(
        PluginError,
        match=r"plugin 'oddvalue' \(odd_value:Rule:extra\) from odd-value 1.0 cannot be imported",
    ):
        DEFAULT_RULES.with_plugins("oddvalue")


def test_entry_points_read_one_by_one_are_those_the_standard_library_lists(install):
    # Python 3.10 with a recent importlib_metadata refuses to list any entry
    # point when one value is malformed; the plugins are then read from each
    # distribution's own file.  Read that way, here, they must be the same
    # names, values and distributions, the malformed one included.
    install("odd-value", "odd_value", RULE, {"oddvalue": "odd_value:Rule:extra"})
    points = {"first": "two_rules:Rule", "b": "x:y", "Upper": "two_rules:Rule"}
    install("two-rules", "two_rules", RULE, points)
    read = sorted(
        (point.name, point.value, str(origin)) for point, origin in _read_one_by_one()
    )
    try:
        points = metadata.entry_points(group=GROUP)
    except ValueError:
        # The installation this reader is for: the standard library cannot
        # list them, and the checks below say what must be read.
        pass
    else:
        assert read == sorted(
            (point.name, point.value, str(_origin(point))) for point in points
        )
    assert ("oddvalue", "odd_value:Rule:extra", "odd-value 1.0") in read
    assert {name for name, _, origin in read if origin == "two-rules 1.0"} == {
        "first",
        "b",
        "Upper",
    }
    assert all(origin.entry_point == point.name for point, origin in _read_one_by_one())


def test_every_broken_plugin_is_reported_at_once(install):
    install(
        "exit-plugin",
        "exit_plugin",
        "import sys\nsys.exit(3)\n",
        {"quits": "exit_plugin:Rule"},
    )
    install("meta-plugin", "meta_plugin", RULE, {"advice": "meta_plugin:BadAdvice"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("quits", "advice")
    assert str(raised.value).startswith("2 plugins cannot be loaded: ")
    assert [problem.split(" (")[0] for problem in raised.value.problems] == [
        "plugin 'advice'",
        "plugin 'quits'",
    ]


@attrs.frozen
class FaultyPlacer(Faulty):
    """The same faults, in the place phase, which repeats until nothing moves."""

    code: ClassVar[str] = "BAD002"
    name: ClassVar[str] = "faulty-placer"
    phase: ClassVar[Phase] = Phase.PLACE


def test_a_placing_rule_that_fails_is_named_like_any_other():
    rules = DEFAULT_RULES.extend(FaultyPlacer(fault="raise"))
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert str(raised.value) == (
        "rule BAD002 faulty-placer (test_rule_errors.FaultyPlacer) failed in "
        "plan(): ZeroDivisionError: boom in plan"
    )


@attrs.frozen
class Tug:
    """A placing rule that moves the thank-you by a minute, one way or back."""

    code: ClassVar[str] = "TUG001"
    name: ClassVar[str] = "tug-forward"
    summary: ClassVar[str] = "Moves the thank-you a minute on."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    minutes: ClassVar[int] = 1

    def plan(self, draft):
        for step in draft.of_kind(StepKind.THANK_YOU):
            moved = moved_step(
                step,
                draft.facts,
                at=step.due + dt.timedelta(minutes=self.minutes),
                by=self.code,
            )
            draft = draft.replacing(step, moved)
        return draft

    def check(self, facts, steps):
        return ()


@attrs.frozen
class TugBack(Tug):
    code: ClassVar[str] = "TUG002"
    name: ClassVar[str] = "tug-back"
    summary: ClassVar[str] = "Moves the thank-you a minute back."
    minutes: ClassVar[int] = -1


def test_placing_rules_that_never_agree_are_named_the_last_mover_first():
    rules = RuleSet((*DEFAULT_RULES.rules, Tug(), TugBack()))
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    # The movers of the last round, in the order they moved; stopped as
    # soon as a round ends where an earlier one did, not after every round.
    assert str(raised.value) == (
        "rule TUG002 tug-back (test_rule_errors.TugBack) failed in the place "
        "phase: these rules move steps back and forth: TUG001 tug-forward, "
        "TUG002 tug-back; one of them moves a step back, or their constraints "
        "cannot all be met"
    )
    assert raised.value.code == "TUG002"


@attrs.frozen
class TugOn(Tug):
    code: ClassVar[str] = "TUG003"
    name: ClassVar[str] = "tug-on"
    summary: ClassVar[str] = "Moves the thank-you a minute on, too."


def test_placing_rules_that_move_on_for_ever_are_stopped_after_the_last_round():
    # Each moves the thank-you on after the other: never twice at one time.
    rules = RuleSet((*DEFAULT_RULES.rules, Tug(), TugOn()))
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert str(raised.value) == (
        "rule TUG003 tug-on (test_rule_errors.TugOn) failed in the place "
        f"phase: these rules still move steps after {ROUNDS} rounds: TUG001 "
        "tug-forward, TUG003 tug-on; their constraints cannot all be met, or "
        f"they need more than {ROUNDS} rounds to agree"
    )


@attrs.frozen
class NightOwl(Tug):
    """Moves the follow-up to 20:00 of its day, out of FU011's working hours."""

    code: ClassVar[str] = "OWL001"
    name: ClassVar[str] = "night-owl"
    summary: ClassVar[str] = "Sends the follow-up at night."

    def plan(self, draft):
        for step in draft.of_kind(StepKind.FOLLOW_UP):
            local = step.due.astimezone(ZoneInfo("America/New_York"))
            if local.hour != 20:
                night = local.replace(hour=20, minute=0, second=0, microsecond=0)
                moved = moved_step(step, draft.facts, at=night, by=self.code)
                draft = draft.replacing(step, moved)
        return draft


@pytest.mark.parametrize("first", [False, True])
def test_a_plugin_rule_is_blamed_before_a_built_in_one_whatever_the_order(first):
    # The owl and FU011 move the follow-up on a day a round, each after the
    # other; the rule named is the plugin's, whichever of the two moves last.
    rules = DEFAULT_RULES.extend(NightOwl())
    if first:
        rules = rules.reordered("OWL001")
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert raised.value.code == "OWL001"
    assert "FU011 working-time" in str(raised.value)


@attrs.frozen
class PhoneDays(Tug):
    """Calls on Tuesdays and Thursdays only, from 09:00."""

    code: ClassVar[str] = "PD001"
    name: ClassVar[str] = "phone-days"
    summary: ClassVar[str] = "Calls on Tuesdays and Thursdays."

    def plan(self, draft):
        for step in draft.of_kind(StepKind.CALL):
            local = step.due.astimezone(ZoneInfo("America/New_York"))
            day = local.date()
            while day.weekday() not in {1, 3}:
                day += dt.timedelta(days=1)
            if day != local.date():
                at = dt.datetime.combine(day, dt.time(9), local.tzinfo)
                draft = draft.replacing(
                    step, moved_step(step, draft.facts, at=at, by=self.code)
                )
        return draft


@attrs.frozen
class Blackout(Tug):
    """No call on the days given: the next day at 09:00."""

    code: ClassVar[str] = "BO001"
    name: ClassVar[str] = "blackout"
    summary: ClassVar[str] = "No calls on blackout days."
    days: tuple[dt.date, ...] = ()

    def plan(self, draft):
        for step in draft.of_kind(StepKind.CALL):
            local = step.due.astimezone(ZoneInfo("America/New_York"))
            if local.date() in self.days:
                at = dt.datetime.combine(
                    local.date() + dt.timedelta(days=1), dt.time(9), local.tzinfo
                )
                draft = draft.replacing(
                    step, moved_step(step, draft.facts, at=at, by=self.code)
                )
        return draft


def test_placing_rules_that_agree_after_many_rounds_are_given_them():
    # Every Tuesday and Thursday of December blacked out: each round moves
    # the call past one, ten in all, to the first free Tuesday in January.
    december = [dt.date(2026, 12, day) for day in range(1, 32)]
    days = tuple(day for day in december if day.weekday() in {1, 3})
    rules = DEFAULT_RULES.extend(PhoneDays(), Blackout(days=days))
    plan = plan_followups(INTERVIEW, rules=rules)
    (call,) = [step for step in plan.steps if step.kind is StepKind.CALL]
    assert call.due.isoformat() == "2027-01-05T09:00:00-05:00"
    assert [
        f for f in check_plan(plan, rules=rules) if f.severity is Severity.ERROR
    ] == []


@attrs.frozen
class NewYearNote(Tug):
    """Notes, once, that the call falls in the new year: a note, no move."""

    code: ClassVar[str] = "NY001"
    name: ClassVar[str] = "new-year-note"
    summary: ClassVar[str] = "Notes a call in the new year."

    def plan(self, draft):
        note = Finding(self.code, Severity.INFO, "the call falls in the new year")
        calls = draft.of_kind(StepKind.CALL)
        in_2027 = any(c.due.astimezone(dt.timezone.utc).year == 2027 for c in calls)
        if in_2027 and note not in draft.findings:
            return draft.noting(note)
        return draft


@pytest.mark.parametrize("note_first", [True, False])
def test_a_note_after_the_last_move_of_a_long_settle_is_no_fight(note_first):
    # The note comes a round after the call's last move: that round ends
    # where the one before did, and was taken for rules moving a step back
    # and forth, blaming the rule that only noted.
    december = [dt.date(2026, 12, day) for day in range(1, 32)]
    days = tuple(day for day in december if day.weekday() in {1, 3})
    placing = (Blackout(days=days), PhoneDays())
    added = (NewYearNote(), *placing) if note_first else (*placing, NewYearNote())
    rules = DEFAULT_RULES.extend(*added)
    plan = plan_followups(INTERVIEW, rules=rules)
    (call,) = [step for step in plan.steps if step.kind is StepKind.CALL]
    assert call.due.isoformat() == "2027-01-05T09:00:00-05:00"
    assert "NY001" in [f.code for f in plan.findings]

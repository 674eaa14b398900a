"""What the guides for rule and plugin authors promise, checked through the public API.

Each test names the page (docs/writing-rules.md, docs/writing-plugins.md)
or the docstring whose claim it pins.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from distributions import rule_source
from followup import (
    DEFAULT_RULES,
    Draft,
    EventKind,
    Facts,
    Finding,
    Interview,
    Letter,
    NoParams,
    Outcome,
    Phase,
    PluginError,
    Rule,
    RuleError,
    RuleSet,
    Severity,
    Step,
    check_letter,
    moved_step,
    plan_followups,
)
from followup._engine import ROUNDS
from followup.testing import assert_rule_keeps_the_contract, histories, interviews

if TYPE_CHECKING:
    from collections.abc import Callable

# -- docs/writing-plugins.md: loading ----------------------------------------


def test_every_plugin_whose_rule_clashes_is_reported_at_once(install):
    """writing-plugins.md: "a code or a name is already taken — both owners are
    named", and "Every broken plugin is reported at once: the message lists
    them all, and `PluginError.problems` holds one line for each"."""
    install(
        "h55-clash-one",
        "h55_clash_one",
        rule_source("HCA001", "working-time"),
        {"h55-clash-one": "Rule"},
    )
    install(
        "h55-clash-two",
        "h55_clash_two",
        rule_source("HCB001", "h55-other-name"),
        {"h55-clash-two": "Rule"},
    )
    install(
        "h55-clash-three",
        "h55_clash_three",
        rule_source("HCA001", "h55-third-name"),
        {"h55-clash-three": "Rule"},
    )
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.extend().with_plugins(
            "h55-clash-one", "h55-clash-two", "h55-clash-three"
        )
    assert raised.value.problems == (
        (
            "'working-time' is taken twice: by FU011 working-time "
            "(followup.rules.working_time.WorkingTime) and by the plugin rule "
            "HCA001 working-time (plugin h55-clash-one 1.0, h55_clash_one.Rule)"
        ),
        (
            "'HCA001' is taken twice: by HCA001 working-time (plugin h55-clash-one "
            "1.0, h55_clash_one.Rule) and by the plugin rule HCA001 h55-third-name "
            "(plugin h55-clash-three 1.0, h55_clash_three.Rule)"
        ),
    )
    assert str(raised.value) == "2 plugins cannot be loaded: " + "; ".join(
        raised.value.problems
    )


def test_a_clashing_plugin_is_reported_beside_one_that_cannot_be_imported(install):
    """writing-plugins.md: "Every broken plugin is reported at once", whatever
    breaks it: one that cannot be imported and one whose rule takes a
    built-in rule's code are both in `problems`."""
    install(
        "h55-unimportable",
        "h55_unimportable",
        "raise ImportError('no such thing')\n",
        {"h55-unimportable": "Rule"},
    )
    install(
        "h55-taker",
        "h55_taker",
        rule_source("HTK001", "thank-you-immediately"),
        {"h55-taker": "Rule"},
    )
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("h55-unimportable", "h55-taker")
    (unimportable, taker) = raised.value.problems
    assert unimportable.startswith(
        "plugin 'h55-unimportable' (h55_unimportable:Rule) from h55-unimportable "
        "1.0 cannot be imported: ImportError: no such thing"
    )
    assert taker.startswith(
        "'thank-you-immediately' is taken twice: by FU003 thank-you-immediately"
    )
    assert "HTK001 thank-you-immediately (plugin h55-taker 1.0" in taker


# -- docs/writing-rules.md: a DraftStep a rule builds itself ------------------


def _rule(code: str, phase: Phase, plan: Callable[[Draft], Draft]) -> Rule:
    """A rule of one's own, written as writing-rules.md writes one."""

    @attrs.frozen
    class Own:
        name: ClassVar[str] = f"own-{code.lower()}"
        summary: ClassVar[str] = "A rule of the audit's own."
        advice: ClassVar[tuple[str, ...]] = ()
        params: NoParams = attrs.field(factory=NoParams)

        def plan(self, draft: Draft) -> Draft:
            return plan(draft)

        def check(self, facts: Facts, steps: tuple[Step, ...]) -> tuple[Finding, ...]:
            return ()

    Own.code = code  # type: ignore[attr-defined]
    Own.phase = phase  # type: ignore[attr-defined]
    return Own()


INTERVIEW = Interview("Ada", "Acme", "2026-11-20T10:00:00-05:00[America/New_York]")


@pytest.mark.parametrize("field", ["advice", "adjusted_by"])
@pytest.mark.parametrize(
    "made", [lambda: ["A1"], lambda: iter(["A1"])], ids=["list", "iterator"]
)
def test_a_draft_step_whose_tuples_are_other_sequences_is_the_rules_error(field, made):
    """writing-rules.md: a `DraftStep` a rule changes with `attrs.evolve` "is
    held to the same checks when the rule returns it, and to those of a
    public `Step`": a list where the step holds a tuple fails naming the
    rule, rather than reaching the plan as a step no `Step` could be."""

    def evolve_first(draft: Draft) -> Draft:
        step = draft.steps[0]
        return draft.replacing(step, attrs.evolve(step, **{field: made()}))

    rules = DEFAULT_RULES.extend(_rule("AUD001", Phase.ADJUST, evolve_first))
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert str(raised.value).startswith(
        f"rule AUD001 own-aud001 ({_rule.__module__}._rule.<locals>.Own) failed in "
        f"plan(): InvalidTypeError: {field}: expected a tuple of text, got "
    )
    assert raised.value.code == "AUD001"


# -- docs/writing-plugins.md: the order plugins load in ------------------------


def test_plugins_load_in_the_sorted_order_of_entry_point_names_not_packages(install):
    """writing-plugins.md: "Plugins load in the sorted order of their
    entry-point names ... and they are added after the rules already in the
    set".  Here the distributions sort the other way round."""
    install(
        "h55-aaa-package",
        "h55_aaa_package",
        rule_source("HZZ001", "h55-zulu"),
        {"h55-zulu": "Rule"},
    )
    install(
        "h55-zzz-package",
        "h55_zzz_package",
        rule_source("HAA001", "h55-alpha"),
        {"h55-alpha": "Rule"},
    )
    for names in [("h55-zulu", "h55-alpha"), ("h55-alpha", "h55-zulu")]:
        rules = DEFAULT_RULES.with_plugins(*names)
        assert rules.codes == (*DEFAULT_RULES.codes, "HAA001", "HZZ001")
        assert [str(rules.origin_of(code)) for code in ("HAA001", "HZZ001")] == [
            "h55-zzz-package 1.0",
            "h55-aaa-package 1.0",
        ]


# -- docs/writing-rules.md, Phase and RuleSet: the order rules apply in --------

_PHASE_CHOICES = [
    None,
    Phase.PROPOSE,
    Phase.DROP,
    Phase.ADJUST,
    Phase.PLACE,
    (Phase.PROPOSE, Phase.PLACE),
    (Phase.DROP, Phase.ADJUST),
    (Phase.PLACE, Phase.PROPOSE),
]


def _recorder(code: str, declared: object, seen: list[tuple[str, Phase]]) -> Rule:
    """A rule that changes nothing and records each time it plans, and in which phase."""

    def record(draft: Draft) -> Draft:
        seen.append((code, draft.phase))
        return draft

    rule = _rule(code, Phase.PROPOSE, record)
    if declared is None:
        # "A rule that declares no `phase` at all proposes."
        del type(rule).phase
    else:
        type(rule).phase = declared  # type: ignore[attr-defined]
    return rule


@given(
    st.lists(st.sampled_from(_PHASE_CHOICES), min_size=1, max_size=6),
    st.data(),
)
def test_rules_apply_phase_by_phase_in_the_order_of_the_set(declared, data):
    """writing-rules.md: "A plan is made in four phases, in this order", "A
    rule that declares no `phase` at all proposes", "Within a phase, rules
    apply in the order of the rule set, and a rule added with `extend` comes
    last"; a rule may act in several phases and "`draft.phase` tells the rule
    which part of its work is due"; writing-plugins.md: "Order counts only
    among the rules of one phase"."""
    seen: list[tuple[str, Phase]] = []
    rules = [
        _recorder(f"AUD{index:03}", phase, seen)
        for index, phase in enumerate(declared, 1)
    ]
    first = data.draw(st.integers(0, len(rules)), label="rules given to RuleSet")
    rule_set = RuleSet(rules[:first]).extend(*rules[first:])
    named = data.draw(st.permutations(rule_set.codes), label="reordered")
    named = named[: data.draw(st.integers(0, len(named)), label="named")]
    rule_set = rule_set.reordered(*named)
    plan_followups(INTERVIEW, rules=rule_set)

    def phases(phase: object) -> tuple[Phase, ...]:
        if phase is None:
            return (Phase.PROPOSE,)
        return phase if isinstance(phase, tuple) else (phase,)  # type: ignore[return-value]

    by_code = {
        rule.code: phases(phase) for rule, phase in zip(rules, declared, strict=True)
    }
    assert seen == [
        (code, phase)
        for phase in Phase
        for code in rule_set.codes
        if phase in by_code[code]
    ]
    # The set's order is the rules given, those extended after them, then
    # the named ones first.
    given_order = [rule.code for rule in rules]
    assert rule_set.codes == (
        *named,
        *(code for code in given_order if code not in named),
    )


# -- docs/writing-rules.md and Phase: the place phase repeats -----------------

_EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def utc(moment: dt.datetime) -> dt.datetime:
    """A public step's time (pendulum) as a stdlib datetime in UTC."""
    return dt.datetime.fromtimestamp(moment.timestamp(), dt.timezone.utc)


def _on_a_grid(code: str, minutes: int) -> Rule:
    """A placing rule that moves each step to the next time on its grid.

    Idempotent (a step on the grid stays) and monotonic (steps move later
    only), as writing-rules.md asks of a placing rule.
    """

    def plan(draft: Draft) -> Draft:
        for step in draft.steps:
            late = (step.due - _EPOCH) % dt.timedelta(minutes=minutes)
            if late:
                at = step.due - late + dt.timedelta(minutes=minutes)
                moved = moved_step(step, draft.facts, at=at, by=code)
                draft = draft.replacing(step, moved)
        return draft

    return _rule(code, Phase.PLACE, plan)


def test_placing_rules_that_keep_the_contract_compose_in_either_order():
    """writing-rules.md: "The place phase ... repeats until no rule moves
    anything, so placing rules compose in any order ... That works when
    every placing rule is idempotent [and] monotonic"."""
    thank_you = DEFAULT_RULES.select("FU003")
    (alone,) = plan_followups(INTERVIEW, rules=thank_you).steps
    sevens, elevens = _on_a_grid("GRD007", 7), _on_a_grid("GRD011", 11)
    dues = [
        plan_followups(INTERVIEW, rules=thank_you.extend(*pair)).steps[0]
        for pair in [(sevens, elevens), (elevens, sevens)]
    ]
    # The first time at or after the thank-you's own that is on both grids.
    since = (utc(alone.due) - _EPOCH) // dt.timedelta(minutes=1)
    expected = _EPOCH + dt.timedelta(minutes=-(-since // 77) * 77)
    assert [utc(step.due) for step in dues] == [expected, expected]
    assert expected != utc(alone.due)
    assert set(dues[0].adjusted_by) == {"GRD007", "GRD011"}


def test_placing_rules_that_need_more_than_the_rounds_are_stopped_by_name():
    """writing-rules.md: "rules that still move steps after the last round
    are stopped too, as are two that each move a step to the next time on a
    grid of their own (every 997 minutes, every 1009), which meet only
    hundreds of rounds on", even rules that keep the contract."""
    rules = DEFAULT_RULES.select("FU003").extend(
        _on_a_grid("GRD997", 997), _on_a_grid("GRE009", 1009)
    )
    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=rules)
    assert str(raised.value).startswith(
        f"rule GRE009 own-gre009 ({__name__}._rule.<locals>.Own) "
        f"failed in the place phase: these rules still move steps after {ROUNDS} "
        "rounds: GRD997 own-grd997, GRE009 own-gre009; "
    )
    assert str(raised.value).endswith(
        f"or they need more than {ROUNDS} rounds to agree"
    )


def test_placing_rules_on_grids_that_meet_within_the_rounds_agree():
    """writing-rules.md: "rules that keep the contract but need more to
    agree get them": grids of 97 and 101 minutes meet more than eight
    rounds on (the phase stopped after eight, once)."""
    thank_you = DEFAULT_RULES.select("FU003")
    (alone,) = plan_followups(INTERVIEW, rules=thank_you).steps
    rules = thank_you.extend(_on_a_grid("GRD097", 97), _on_a_grid("GRD101", 101))
    (step,) = plan_followups(INTERVIEW, rules=rules).steps
    # The first time at or after the thank-you's own that is on both grids.
    since = (utc(alone.due) - _EPOCH) // dt.timedelta(minutes=1)
    expected = _EPOCH + dt.timedelta(minutes=-(-since // 9797) * 9797)
    assert utc(step.due) == expected
    assert (expected - utc(alone.due)) > dt.timedelta(minutes=8 * 101)


# -- docs/writing-rules.md and followup.testing: the contract check ------------


def _counting(checked: list[int]) -> Rule:
    """A rule that changes nothing, and counts the plans `check_plan` reads."""
    rule = _rule("CNT001", Phase.PROPOSE, lambda draft: draft)

    def check(
        _rule: object, _facts: Facts, steps: tuple[Step, ...]
    ) -> tuple[Finding, ...]:
        checked.append(len(steps))
        return ()

    # Each rule `_rule` makes is of a class of its own.
    type(rule).check = check  # type: ignore[method-assign]
    return rule


def test_the_contract_check_runs_as_many_situations_as_it_is_told():
    """writing-rules.md: `assert_rule_keeps_the_contract` "uses the active
    Hypothesis settings profile (`max_examples` overrides its count)"."""
    told: list[int] = []
    assert_rule_keeps_the_contract(_counting(told), max_examples=3)
    assert 1 <= len(told) <= 3
    profiled: list[int] = []
    assert_rule_keeps_the_contract(_counting(profiled))
    assert 3 < len(profiled) <= settings.default.max_examples


# -- docs/writing-rules.md and RuleSet.letter_rules: rules that read letters ---


def _reader(code: str) -> Rule:
    """A rule that reads letters and says once that it did."""
    rule = _rule(code, Phase.PROPOSE, lambda draft: draft)

    def check_letter(_rule: object, letter: Letter) -> tuple[Finding, ...]:
        return (Finding(code, Severity.INFO, f"read a letter in {letter.read_as}"),)

    type(rule).check_letter = check_letter  # type: ignore[attr-defined]
    return rule


def test_check_letter_asks_every_rule_that_reads_letters_in_the_sets_order():
    """writing-rules.md: "`check_letter` asks every rule that has one"; the
    rule set's `letter_rules`: "The rules that read letters (those with
    ``check_letter``), in order"."""
    rules = (
        DEFAULT_RULES.extend(
            _reader("LTR001"), _rule("LTR002", Phase.PROPOSE, lambda d: d)
        )
        .extend(_reader("LTR003"))
        .reordered("LTR003", "FU004")
    )
    assert [rule.code for rule in rules.letter_rules] == [
        "LTR003",
        "FU004",
        "FU003",
        "LTR001",
    ]
    letter = (
        "Dear Ms Hopper,\n\nThank you for the call on 20 November. I am keen to "
        "join Acme.\n\nBest regards,\nAda"
    )
    found = check_letter(letter, INTERVIEW, "thank-you", rules=rules)
    assert [f.code for f in found if f.code.startswith("LTR")] == ["LTR003", "LTR001"]
    assert [str(f) for f in found if f.code == "LTR001"] == [
        "LTR001 info: read a letter in en"
    ]


# -- followup.testing.histories: what a drawn history holds -------------------


@given(st.data())
def test_a_drawn_history_holds_what_histories_promises(data):
    """followup.testing.histories: "Up to five events after `interview`,
    oldest first, then a `now` after them ... a call that left the company
    undecided may agree a time to call back ... a reply, an absence or a
    pause lasts up to three weeks"."""
    interview = data.draw(interviews(years=(2026, 2027)), label="interview")
    events, now = data.draw(histories(interview), label="history")
    assert len(events) <= 5
    moments = [interview.ends_at, *(event.at for event in events), now]
    assert all(
        a.timestamp() < b.timestamp() for a, b in itertools.pairwise(moments[:-1])
    )
    # After the events; with none, after the interview began.
    last = events[-1].at if events else interview.at
    assert now.timestamp() >= last.timestamp()
    for event in events:
        if event.call_back_at is not None:
            assert event.kind is EventKind.CALLED
            assert event.outcome in {None, Outcome.UNDECIDED}
        if event.until is not None:
            assert event.kind in {EventKind.REPLIED, EventKind.AWAY, EventKind.PAUSED}
            assert event.until - event.at.date() <= dt.timedelta(days=21)

"""RuleSet: an immutable, ordered value, with errors that say what was meant."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    DuplicateRuleError,
    Finding,
    Interview,
    InvalidTypeError,
    Rule,
    RuleConfigurationError,
    RuleSet,
    Severity,
    StepKind,
    check_plan,
    plan_followups,
)
from followup._reference import rule_reference
from followup.plugins import Origin, load_plugins
from followup.rules import (
    CallBackParams,
    FollowUpParams,
    ThankYouImmediately,
    ThankYouParams,
    WorkingHoursParams,
)

ADVICE = [f"A{n}" for n in range(1, 15)]
INTERVIEW = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"
)


@pytest.mark.parametrize("advice", ADVICE)
def test_every_advice_id_has_a_rule(advice):
    assert [rule.code for rule in DEFAULT_RULES if advice in rule.advice]


def test_every_default_rule_is_described_and_well_formed():
    for rule in DEFAULT_RULES:
        assert isinstance(rule, Rule)
        assert re.fullmatch(r"FU\d{3}", rule.code)
        assert re.fullmatch(r"[a-z0-9-]+", rule.name)
        assert rule.summary
        assert "\n" not in rule.summary
        assert type(rule).__doc__
        assert attrs.has(type(rule.params))
        assert set(rule.advice) <= set(ADVICE)
    assert len(set(DEFAULT_RULES.codes)) == len(DEFAULT_RULES)


def test_lookup_by_code_or_name_and_iteration_in_order():
    assert DEFAULT_RULES["FU003"] is DEFAULT_RULES["thank-you-immediately"]
    assert [rule.code for rule in DEFAULT_RULES] == list(DEFAULT_RULES.codes)
    assert "FU011" in DEFAULT_RULES
    assert "working-time" in DEFAULT_RULES
    assert "FU999" not in DEFAULT_RULES
    assert repr(DEFAULT_RULES).startswith("RuleSet(FU001 close-on-a-positive-note, ")


def test_unknown_codes_and_names_suggest_the_nearest():
    with pytest.raises(
        RuleConfigurationError,
        match=r"no rule 'thank-you-imediately' .*did you mean 'thank-you-immediately'",
    ):
        DEFAULT_RULES["thank-you-imediately"]
    with pytest.raises(RuleConfigurationError, match=r"did you mean 'FU003'"):
        DEFAULT_RULES.ignore("FU0003")
    with pytest.raises(RuleConfigurationError, match=r"no rule 'nothing-like-it'"):
        DEFAULT_RULES.select("nothing-like-it")


def test_select_and_ignore_take_codes_names_and_prefixes_and_keep_order():
    assert DEFAULT_RULES.select("FU003", "close-on-a-positive-note").codes == (
        "FU001",
        "FU003",
    )
    assert DEFAULT_RULES.select("FU01").codes == ("FU010", "FU012", "FU013", "FU011")
    assert "FU002" not in DEFAULT_RULES.ignore("ask-for-contact-details")
    assert DEFAULT_RULES.ignore("FU").codes == ()


def test_ignoring_a_rule_changes_the_plan_as_expected():
    plan = plan_followups(INTERVIEW, rules=DEFAULT_RULES.ignore("FU011"))
    follow = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow.due.format("ddd HH:mm") == "Wed 00:00"
    assert plan.rules == DEFAULT_RULES.ignore("FU011").codes


def test_configure_validates_parameters_and_suggests_names():
    rules = DEFAULT_RULES.configure("FU003", within_hours=4)
    assert rules["FU003"].params == ThankYouParams(within_hours=4)
    assert DEFAULT_RULES["FU003"].params == ThankYouParams()
    with pytest.raises(
        RuleConfigurationError,
        match=r"no parameter 'within_hour'.*did you mean 'within_hours'",
    ):
        DEFAULT_RULES.configure("FU003", within_hour=4)
    with pytest.raises(
        RuleConfigurationError,
        match=r"FU003: ThankYouParams\.within_hours: 0 is outside 1\.\.168",
    ):
        DEFAULT_RULES.configure("FU003", within_hours=0)
    with pytest.raises(RuleConfigurationError, match=r"expected a whole number"):
        DEFAULT_RULES.configure("FU003", within_hours="4")
    with pytest.raises(
        RuleConfigurationError,
        match=r"FollowUpParams\.earliest_days: 4 is after latest_days \(3\)",
    ):
        DEFAULT_RULES.configure("FU004", earliest_days=4)
    with pytest.raises(RuleConfigurationError, match="is not written"):
        DEFAULT_RULES.configure("FU004", channel="phone")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (lambda: FollowUpParams(earliest_days=5, latest_days=3), "earliest_days"),
        (lambda: CallBackParams(earliest_days=10, latest_days=5), "earliest_days"),
        (lambda: WorkingHoursParams(start="17:00", end="09:00"), "start"),
        (lambda: WorkingHoursParams(start="09:00", end="09:00"), "equals start"),
        (lambda: WorkingHoursParams(weekdays=()), "holds no day"),
        (lambda: WorkingHoursParams(weekdays=(7,)), "not a weekday"),
        (lambda: WorkingHoursParams(start="nine"), "wall-clock time"),
        (lambda: WorkingHoursParams(kinds=("lunch",)), "not a StepKind"),
        (lambda: FollowUpParams(days="fortnights"), "not a DayCount"),
    ],
)
def test_params_are_validated_on_construction(params, message):
    with pytest.raises(ValueError, match=message):
        params()


def test_working_hours_take_names_and_times():
    params = WorkingHoursParams(
        weekdays=("sun", "mon", "tue", "wed", "thu"), start=dt.time(8), end="16:30"
    )
    assert params.weekdays == (0, 1, 2, 3, 6)
    assert params.describe() == "Sun-Thu 08:00-16:30"
    assert (
        WorkingHoursParams().describe() == "09:00-17:00 on the recipient's working days"
    )
    assert WorkingHoursParams().describe(range(5)) == "Mon-Fri 09:00-17:00"
    assert params.describe(range(5)) == "Sun-Thu 08:00-16:30"
    assert WorkingHoursParams(kinds="call").kinds == frozenset({StepKind.CALL})


def test_a_different_working_week_moves_the_steps():
    rules = DEFAULT_RULES.configure(
        "working-time", weekdays=("sun", "mon", "tue", "wed", "thu")
    )
    friday = Interview("Ada", "Acme", "2026-11-20T10:00:00+02:00[Asia/Jerusalem]")
    plan = plan_followups(friday, rules=rules.configure("FU004", days="calendar"))
    follow = next(s for s in plan.steps if s.kind is StepKind.FOLLOW_UP)
    assert follow.due.format("ddd D MMM HH:mm") == "Sun 22 Nov 09:00"


@attrs.frozen
class BlackoutParams:
    day: dt.date = dt.date(2026, 11, 25)


@attrs.frozen
class NoMessagesOnBlackoutDay:
    """An example third-party rule: nothing due on the company's blackout day."""

    code: ClassVar[str] = "BLK001"
    name: ClassVar[str] = "no-blackout-day"
    summary: ClassVar[str] = "Flag steps due on the company's blackout day."
    advice: ClassVar[tuple[str, ...]] = ()
    params: BlackoutParams = attrs.field(factory=BlackoutParams)

    def plan(self, draft):
        return draft.noting(*self.check(draft.facts, draft.steps))

    def check(self, facts, steps):
        for step in steps:
            if facts.local(step.due).date() == self.params.day:
                yield Finding(
                    self.code, Severity.WARNING, "due on a blackout day", step=step
                )


def test_extend_adds_a_rule_at_the_end_and_it_plans_and_checks():
    rules = DEFAULT_RULES.extend(NoMessagesOnBlackoutDay())
    assert rules.codes[-1] == "BLK001"
    plan = plan_followups(INTERVIEW, rules=rules)
    assert [f.code for f in plan.findings if f.code == "BLK001"] == ["BLK001"]
    assert [f.code for f in check_plan(plan, rules=rules) if f.code == "BLK001"] == [
        "BLK001"
    ]
    moved = rules.configure("BLK001", day=dt.date(2026, 11, 26))
    assert [
        f.code
        for f in plan_followups(INTERVIEW, rules=moved).findings
        if f.code == "BLK001"
    ] == []


def test_replace_puts_a_rule_in_the_same_place():
    quicker = ThankYouImmediately(ThankYouParams(within_hours=2))
    rules = DEFAULT_RULES.replace(quicker)
    assert rules.codes == DEFAULT_RULES.codes
    assert rules["FU003"] is quicker
    with pytest.raises(RuleConfigurationError, match="no rule 'BLK001'"):
        DEFAULT_RULES.replace(NoMessagesOnBlackoutDay())


def test_two_rules_with_one_code_raise_naming_both():
    @attrs.frozen
    class Impostor:
        code: ClassVar[str] = "FU003"
        name: ClassVar[str] = "impostor"
        summary: ClassVar[str] = "x"
        advice: ClassVar[tuple[str, ...]] = ()
        params: BlackoutParams = attrs.field(factory=BlackoutParams)

        def plan(self, draft):
            return draft

        def check(self, facts, steps):
            return ()

    with pytest.raises(
        DuplicateRuleError,
        match=r"FU003 thank-you-immediately \(followup\.rules\.thank_you\."
        r"ThankYouImmediately\) and FU003 impostor",
    ):
        DEFAULT_RULES.extend(Impostor())

    @attrs.frozen
    class SameName(NoMessagesOnBlackoutDay):
        code: ClassVar[str] = "BLK002"

    with pytest.raises(DuplicateRuleError, match="share the name 'no-blackout-day'"):
        RuleSet([NoMessagesOnBlackoutDay(), SameName()])


def test_what_is_not_a_rule_is_refused_clearly():
    with pytest.raises(RuleConfigurationError, match="is not a rule"):
        RuleSet(["FU001"])

    @attrs.frozen
    class BadCode(NoMessagesOnBlackoutDay):
        code: ClassVar[str] = "blk-1"

    with pytest.raises(
        RuleConfigurationError, match="prefix of capital letters and three digits"
    ):
        RuleSet([BadCode()])

    @attrs.frozen
    class BadName(NoMessagesOnBlackoutDay):
        name: ClassVar[str] = "No Blackout"

    with pytest.raises(RuleConfigurationError, match="kebab-case"):
        RuleSet([BadName()])

    @attrs.frozen
    class BadAdvice(NoMessagesOnBlackoutDay):
        advice: ClassVar[tuple[str, ...]] = ("A15",)

    with pytest.raises(RuleConfigurationError, match="A1 to A14"):
        RuleSet([BadAdvice()])


def test_a_rule_that_is_not_attrs_cannot_be_configured_but_can_be_used():
    class Plain:
        code = "PLN001"
        name = "plain"
        summary = "A rule written without attrs."
        advice = ()
        params = BlackoutParams()

        def plan(self, draft):
            return draft

        def check(self, facts, steps):
            return ()

    rules = DEFAULT_RULES.extend(Plain())
    assert plan_followups(INTERVIEW, rules=rules).rules[-1] == "PLN001"
    with pytest.raises(RuleConfigurationError, match="cannot be configured"):
        rules.configure("PLN001", day=dt.date(2026, 1, 1))


def test_a_rule_class_is_refused_where_a_rule_is_meant():
    # The protocol is met by the class's attributes too: it failed only when
    # planning, calling plan() without a draft.
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.extend(NoMessagesOnBlackoutDay)
    assert str(caught.value) == (
        f"{__name__}.NoMessagesOnBlackoutDay is a rule class; give a rule made of "
        "it, such as NoMessagesOnBlackoutDay()"
    )


@pytest.mark.parametrize(
    "summary", ["first line\nsecond line", "red \x1b[31mtext", "", "   ", "tab\there"]
)
def test_a_summary_is_one_line_of_printable_text(summary):
    # Printed as one cell of `followup rules`, on a terminal.
    told = type("Told", (NoMessagesOnBlackoutDay,), {"summary": summary})
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.extend(told())
    assert str(caught.value) == (
        f"rule BLK001 has summary {summary!r}; a summary is one line of text"
    )


class Plain:
    """A rule whose parameters are no attrs instance: none can be configured."""

    code = "BLK001"
    name = "no-blackout-day"
    summary = "Flag steps due on the company's blackout day."
    advice = ()
    params = None

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


def test_the_reference_of_a_rule_without_attrs_parameters_lists_none():
    # `followup rules --format markdown` failed on it with a traceback.
    reference = rule_reference(DEFAULT_RULES.extend(Plain()))
    own = reference[reference.index("## BLK001") :]
    assert "| parameter |" not in own
    assert own.startswith("## BLK001 `no-blackout-day`\n\n*Flag steps due on")


def test_a_rule_put_in_a_plugins_place_is_your_own():
    origin = Origin("blackout", "followup-blackout", "2.0.0")
    rules = RuleSet((*DEFAULT_RULES, NoMessagesOnBlackoutDay()), origins=(
        *DEFAULT_RULES.origins, origin))  # fmt: skip
    # The plugin's rule with other parameters is still the plugin's.
    moved = rules.configure("BLK001", day=dt.date(2026, 11, 26))
    assert moved.origin_of("BLK001") == origin
    # A rule of yours in its place is yours: an error names no plugin.
    mine = rules.replace(Plain())
    assert mine.origin_of("BLK001") is None
    assert mine.origins[:-1] == rules.origins[:-1]


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda rules: rules[0], "key", 0),
        (lambda rules: rules.configure(2, max_calls=1), "key", 2),
        (lambda rules: rules.reordered("FU011", 1), "key", 1),
        (lambda rules: rules.ignore(3), "selector", 3),
        (lambda rules: rules.select("FU0", None), "selector", None),
    ],
)
def test_a_rule_named_by_other_than_a_string_is_refused_naming_it(call, field, value):
    # A set is no sequence: DEFAULT_RULES[0] raised a bare TypeError from
    # inside the suggestions of near names.
    with pytest.raises(InvalidTypeError) as raised:
        call(DEFAULT_RULES)
    assert (raised.value.field, raised.value.value) == (field, value)
    assert str(raised.value).startswith(
        f"{field}: expected a rule's code or name (str), got "
    )


def test_a_mapping_is_refused_where_a_sequence_of_rules_origins_or_names_goes():
    # Iterated, a mapping gives its keys: a dict of rules made a rule set of
    # its keys, and a dict of plugin names loaded the plugins named by them,
    # whatever the values said.
    rule = ThankYouImmediately()
    cases = [
        (lambda: RuleSet({rule: "on"}), "rules", {rule: "on"}),
        (
            lambda: RuleSet([rule], origins={None: "x"}),
            "RuleSet.origins",
            {None: "x"},
        ),
        (
            lambda: RuleSet(
                [rule], origins=Origin("blackout", "followup-blackout", "1.0")
            ),
            "RuleSet.origins",
            Origin("blackout", "followup-blackout", "1.0"),
        ),
        (lambda: load_plugins({"blackout": True}), "names", {"blackout": True}),
    ]
    for make, field, value in cases:
        with pytest.raises(InvalidTypeError) as raised:
            make()
        assert raised.value.field == field
        assert raised.value.value == value
    # A sequence of each is still taken.
    assert RuleSet([rule], origins=[None]).rules == (rule,)
    assert [r.code for r, _ in load_plugins(["blackout"])] == ["BLK001"]

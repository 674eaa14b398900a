"""What the pages on writing rules and plugins promise, held against the code.

Each test pins a promise of docs/writing-rules.md or docs/writing-plugins.md
(and the docstrings they rely on) that a user would meet: a wrong value is
refused with a `FollowUpError` naming the field and the value, never a raw
`TypeError` or `AttributeError` from deep inside.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import pytest
from hypothesis import find

from distributions import rule_source
from followup import (
    DEFAULT_RULES,
    Contact,
    Draft,
    DraftStep,
    Facts,
    Interview,
    NoParams,
    RuleConfigurationError,
    RuleError,
    RuleSet,
    new_step,
    plan_followups,
)
from followup.errors import InvalidTypeError, InvalidValueError
from followup.plugins import PluginError, load_plugins
from followup.rules import CallSparingly
from followup.testing import assert_rule_keeps_the_contract, situations

if TYPE_CHECKING:
    from collections.abc import Callable

INTERVIEW = Interview("Ada", "Acme", "2026-11-20T10:00:00-05:00[America/New_York]")


@attrs.frozen
class Quiet:
    """A rule that changes nothing, for sets built by hand."""

    code: ClassVar[str] = "QF001"
    name: ClassVar[str] = "quiet"
    summary: ClassVar[str] = "Changes nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: object, steps: object) -> tuple[()]:
        return ()


# -- Draft: "Every method checks what it is given" ----------------------------


@pytest.mark.parametrize("steps", [5, None, 2.5])
def test_a_draft_built_by_hand_refuses_steps_that_are_no_sequence_by_name(
    steps: Any,
) -> None:
    facts = Facts.gather(INTERVIEW)
    with pytest.raises(InvalidTypeError) as raised:
        Draft(facts, steps=steps)
    assert raised.value.field == "Draft.steps"
    assert raised.value.value is steps


def test_a_rule_that_returns_a_draft_with_steps_that_are_no_sequence_is_named() -> None:
    @attrs.frozen
    class Careless(Quiet):
        def plan(self, draft: Draft) -> Draft:
            return attrs.evolve(draft, steps=None)

    with pytest.raises(RuleError) as raised:
        plan_followups(INTERVIEW, rules=DEFAULT_RULES.extend(Careless()))
    assert raised.value.code == "QF001"
    assert isinstance(raised.value.__cause__, InvalidTypeError)
    assert "Draft.steps" in str(raised.value)


# -- RuleSet: how a set is built, and origin_of --------------------------------


@pytest.mark.parametrize("origins", [5, "followup-blackout 2.0.0"])
def test_a_rule_set_refuses_origins_that_are_no_sequence_by_name(
    origins: Any,
) -> None:
    with pytest.raises(InvalidTypeError) as raised:
        RuleSet([Quiet()], origins=origins)
    assert raised.value.field == "RuleSet.origins"
    assert raised.value.value == origins


def test_a_rule_set_refuses_an_origin_that_is_no_origin_by_name() -> None:
    # Taken, it was returned by origin_of and broke to_mapping later with
    # an AttributeError ('str' object has no attribute 'entry_point').
    last = len(DEFAULT_RULES) - 1
    with pytest.raises(InvalidTypeError) as raised:
        RuleSet([*DEFAULT_RULES], origins=[None] * last + ["followup-blackout"])
    assert raised.value.field == f"RuleSet.origins[{last}]"
    assert raised.value.value == "followup-blackout"


def test_a_rule_set_keeps_the_origins_it_is_given() -> None:
    loaded = DEFAULT_RULES.with_plugins("blackout")
    rebuilt = RuleSet(loaded.rules, origins=iter(loaded.origins))
    assert rebuilt == loaded
    assert rebuilt.origin_of("BLK001") == loaded.origins[-1] is not None
    assert rebuilt.origin_of("FU001") is None


# -- plugins: "Loading fails loudly with a PluginError naming the distribution"


def test_a_plugin_whose_code_cannot_be_read_is_a_plugin_error(
    install: Callable[..., None],
) -> None:
    # A callable entry point that is no rule class is called, unless it has
    # a code: reading that code raised past the loader, a bare ValueError.
    source = rule_source("CPR001", "code-property") + (
        "\nclass Factory:\n"
        "    def __call__(self):\n"
        "        return Rule()\n"
        "    @property\n"
        "    def code(self):\n"
        "        raise ValueError('no code yet')\n"
        "INSTANCE = Factory()\n"
    )
    install("code-property", "code_property", source, {"codeprop": "INSTANCE"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("codeprop")
    (problem,) = raised.value.problems
    assert problem.startswith(
        "plugin 'codeprop' (code_property:INSTANCE) from code-property 1.0: "
    )
    assert "ValueError: no code yet" in problem


# -- configure: "configure it like any other rule", bad values refused ---------


@attrs.frozen
class Levels:
    """Parameters checked by attrs' own validators, as a plugin may write them."""

    level: int = attrs.field(default=1, validator=attrs.validators.instance_of(int))
    mode: str = attrs.field(default="soft", validator=attrs.validators.in_(["soft"]))


@attrs.frozen
class Levelled(Quiet):
    code: ClassVar[str] = "LV001"
    name: ClassVar[str] = "levelled"
    params: Levels = attrs.field(factory=Levels)  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("param", "value"), [("level", "high"), ("mode", "loud")], ids=["type", "value"]
)
def test_configure_refuses_a_value_a_plain_validator_refuses(
    param: str, value: str
) -> None:
    rules = DEFAULT_RULES.extend(Levelled())
    with pytest.raises(RuleConfigurationError) as raised:
        rules.configure("LV001", **{param: value})
    message = str(raised.value)
    assert message.startswith("rule LV001: ")
    assert repr(param) in message
    assert repr(value) in message


def test_a_rules_file_reports_a_value_a_plain_validator_refuses() -> None:
    base = DEFAULT_RULES.extend(Levelled())
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {"LV001": {"level": "high"}}}, base=base, source="rules.toml"
        )
    assert str(raised.value).startswith("rules.toml: rules.LV001.level: TypeError: ")
    assert "'high'" in str(raised.value)


@attrs.frozen
class Fixed:
    """A rule whose parameters are a class attribute: nothing to configure."""

    code: ClassVar[str] = "FX001"
    name: ClassVar[str] = "fixed"
    summary: ClassVar[str] = "Changes nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    params: ClassVar[NoParams] = NoParams()

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: object, steps: object) -> tuple[()]:
        return ()


def test_configure_refuses_a_rule_whose_params_it_cannot_give() -> None:
    # attrs.evolve(rule, params=...) raised a bare TypeError: the rule's
    # __init__ takes no params.
    rules = DEFAULT_RULES.extend(Fixed())
    with pytest.raises(RuleConfigurationError, match=r"^rule FX001 .*replace\(\)"):
        rules.configure("FX001")
    with pytest.raises(
        RuleConfigurationError, match=r"^rules.toml: rules.fixed: rule FX001 "
    ):
        RuleSet.from_mapping({"rules": {"fixed": {}}}, base=rules, source="rules.toml")


# -- from_mapping and from_toml: what they are given ---------------------------


@pytest.mark.parametrize("base", [5, DEFAULT_RULES.rules, "FU001"])
def test_from_mapping_refuses_a_base_that_is_no_rule_set_by_name(base: Any) -> None:
    for build in (
        lambda: RuleSet.from_mapping({}, base=base),
        lambda: RuleSet.from_toml("rules.toml", base=base),
    ):
        with pytest.raises(InvalidTypeError) as raised:
            build()
        assert raised.value.field == "base"
        assert raised.value.value is base


@pytest.mark.parametrize("path", [None, 5, b"rules.toml"])
def test_from_toml_refuses_a_path_that_is_no_path_by_name(path: Any) -> None:
    # os.fspath raised a bare TypeError for None and 5, and Path() one for bytes.
    with pytest.raises(InvalidTypeError) as raised:
        RuleSet.from_toml(path)
    assert raised.value.field == "path"
    assert raised.value.value is path


def test_from_toml_takes_a_path_as_text_or_path_object(tmp_path: Any) -> None:
    written = tmp_path / "rules.toml"
    written.write_text('ignore = ["FU002"]\n', encoding="utf-8")
    expected = DEFAULT_RULES.ignore("FU002")
    assert RuleSet.from_toml(written) == RuleSet.from_toml(str(written)) == expected


# -- a DraftStep a rule builds itself: "held to the same checks" ---------------


def _proposing_one(change: Callable[[DraftStep], DraftStep]) -> Quiet:
    @attrs.frozen
    class Builder(Quiet):
        def plan(self, draft: Draft) -> Draft:
            made = new_step(
                draft.facts,
                "other",
                "email",
                ("2026-11-24T13:00:00-05:00", "2026-11-24T15:00:00-05:00"),
                rule=self.code,
                reason="A step of its own.",
                kind_name="own",
            )
            return draft.proposing(change(made))

    return Builder()


def test_a_draft_step_with_times_in_another_zone_is_taken() -> None:
    # Aware times in any zone are instants: what the checks refuse is only
    # a time that is none.
    east = dt.timezone(dt.timedelta(hours=5))

    def shifted(step: DraftStep) -> DraftStep:
        window = step.window
        return attrs.evolve(
            step,
            window=attrs.evolve(
                window, start=window.start.astimezone(east), end=window.end
            ),
            due=step.due.astimezone(east),
        )

    rules = DEFAULT_RULES.extend(_proposing_one(shifted))
    plan = plan_followups(INTERVIEW, now="2026-11-20T10:05:00-05:00", rules=rules)
    assert [step.kind_name for step in plan.steps if step.kind_name] == ["own"]


# -- to_mapping: which rules a configuration can rebuild -----------------------


def test_a_rule_put_in_with_replace_is_written_when_it_is_of_the_same_class() -> None:
    # docs/writing-plugins.md said that any rule put in with replace made
    # to_mapping raise; one of the same class is that rule with other
    # parameters, and is written as them.
    calls = DEFAULT_RULES["FU008"]
    fewer = DEFAULT_RULES.replace(
        attrs.evolve(calls, params=attrs.evolve(calls.params, max_calls=2))  # type: ignore[misc]
    )
    assert fewer.to_mapping()["rules"] == {"FU008": {"max_calls": 2}}
    assert RuleSet.from_mapping(fewer.to_mapping()) == fewer


def test_a_rule_of_another_class_put_in_with_replace_is_refused_by_to_mapping() -> None:
    @attrs.frozen
    class Stricter(CallSparingly):
        pass

    changed = DEFAULT_RULES.replace(Stricter())
    with pytest.raises(RuleConfigurationError, match=r"FU008 do-not-call-frequently"):
        changed.to_mapping()


# -- the toolkit's days: "start_of(day), ... holiday(day) and day_off(day)" ----

DAY_METHODS = [
    "start_of",
    "end_of",
    "is_business_day",
    "is_public_holiday",
    "holiday",
    "day_off",
]


def _facts(country: str | None) -> Facts:
    interviewer = None if country is None else Contact(name="Bo", country=country)
    return Facts.gather(
        Interview("Ada", "Acme", "2026-11-27T10:00:00-05:00", interviewer=interviewer)
    )


@pytest.mark.parametrize("country", [None, "US"], ids=["no country", "US"])
@pytest.mark.parametrize("method", DAY_METHODS)
@pytest.mark.parametrize("day", ["2026-12-25", None, 20261225])
def test_a_day_that_is_no_date_is_refused_by_name(
    country: str | None, method: str, day: object
) -> None:
    # Text was an AttributeError or a TypeError from deep in the calendar
    # or, with no country, a silent "no holiday": Christmas as "2026-12-25"
    # was a plain working day.
    with pytest.raises(InvalidTypeError) as raised:
        getattr(_facts(country), method)(day)
    assert raised.value.field == "day"
    assert raised.value.value == day


def test_days_after_refuses_a_day_or_count_of_the_wrong_type_by_name() -> None:
    facts = _facts("US")
    for business in (True, False):
        with pytest.raises(InvalidTypeError) as raised:
            facts.days_after("2026-12-01", 2, business=business)
        assert (raised.value.field, raised.value.value) == ("day", "2026-12-01")
        with pytest.raises(InvalidTypeError) as raised:
            facts.days_after(dt.date(2026, 12, 1), "2", business=business)
        assert (raised.value.field, raised.value.value) == ("count", "2")


def test_the_days_of_the_toolkit_answer_for_a_date() -> None:
    facts = _facts("US")
    christmas = dt.date(2026, 12, 25)
    assert facts.holiday(christmas) == facts.day_off(christmas) == "Christmas Day"
    assert facts.is_public_holiday(christmas)
    assert not facts.is_business_day(christmas)
    # Thursday 24 to Monday 28: Christmas and the weekend are no business days.
    assert facts.days_after(dt.date(2026, 12, 24), 1, business=True) == dt.date(
        2026, 12, 28
    )
    assert facts.local(facts.start_of(christmas)).isoformat() == (
        "2026-12-25T00:00:00-05:00"
    )


# -- load_plugins: "`names` picks entry points by name" ------------------------


@pytest.mark.parametrize("names", ["blackout", b"blackout", 5, None])
def test_load_plugins_refuses_names_that_are_no_sequence_of_names(
    names: Any,
) -> None:
    # "blackout" was read letter by letter ("no plugin 'b'"); 5 and None
    # raised the bare TypeError of list().
    with pytest.raises(InvalidTypeError) as raised:
        load_plugins(names)
    assert raised.value.field == "names"
    assert raised.value.value == names


def test_load_plugins_takes_names_in_any_iterable() -> None:
    listed = load_plugins(["blackout"])
    assert [rule.code for rule, _ in listed] == ["BLK001"]
    assert load_plugins(iter(["blackout"])) == load_plugins(("blackout",)) == listed


# -- followup.testing: "assert_rule_keeps_the_contract(QuietFriday(), ...)" ----


@pytest.mark.parametrize("given", [5, None, "QF001"])
def test_the_contract_check_refuses_what_is_no_rule_by_name(given: Any) -> None:
    # 5 and None raised the bare TypeError of tuple(); text was taken
    # letter by letter ("'Q' is not a rule").
    with pytest.raises(RuleConfigurationError) as raised:
        assert_rule_keeps_the_contract(given, max_examples=1)
    assert str(raised.value).startswith(f"{given!r} is not a rule")


def test_the_contract_check_refuses_a_base_that_is_no_rule_set_by_name() -> None:
    with pytest.raises(InvalidTypeError) as raised:
        assert_rule_keeps_the_contract(Quiet(), base=DEFAULT_RULES.rules)  # type: ignore[arg-type]
    assert raised.value.field == "base"
    assert raised.value.value == DEFAULT_RULES.rules


def test_a_rules_file_names_every_value_plain_validators_refuse_at_once() -> None:
    # "Every problem is reported at once, with the file, the key": attrs'
    # validators say which field they refuse, as the library's own do.
    base = DEFAULT_RULES.extend(Levelled())
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {"LV001": {"level": "high", "mode": "loud"}}},
            base=base,
            source="rules.toml",
        )
    problems = str(raised.value).split("; rules.toml: ")
    assert len(problems) == 2
    assert problems[0].startswith("rules.toml: rules.LV001.level: TypeError: ")
    assert problems[1].startswith("rules.LV001.mode: ValueError: ")
    assert "'loud'" in problems[1]


# -- followup.testing: "situations(years=(2026, 2026)) narrows the interviews"


@pytest.mark.parametrize(
    "years",
    [(2026,), "2026", (2026.0, 2026), (True, 2026), (2030, 2020), (1800, 1801)],
)
def test_situations_refuse_years_that_are_no_range_of_years_by_name(
    years: Any,
) -> None:
    # An IndexError, a TypeError or Hypothesis' own complaint about
    # datetimes; and years the library cannot plan in were drawn all as
    # 1 January 1900, the first instant it takes.
    with pytest.raises((InvalidTypeError, InvalidValueError)) as raised:
        find(situations(years=years), lambda _: True)
    assert raised.value.field == "years"
    assert raised.value.value == years


def test_situations_draw_interviews_in_the_years_asked_for() -> None:
    interview, _, _ = find(situations(years=(2026, 2026)), lambda _: True)
    assert interview.at.year == 2026
    late, _, _ = find(situations(years=(2199, 2199)), lambda _: True)
    assert late.at.year == 2199

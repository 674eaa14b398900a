"""Rule files read and written, word for word where a user reads the words.

`tests/test_rule_config.py` covers what configuration does; this file pins
the corners its messages and written forms turn on: a code prefix where a
code is needed, a rule an earlier step left out by prefix, a rule without
parameters, several plugins loaded, and the written form of times, sets and
closures.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from typing import ClassVar

import attrs
import pytest

from distributions import rule_source
from followup import (
    DEFAULT_RULES,
    PluginError,
    RuleConfigurationError,
    RuleSet,
    StepKind,
)
from followup._configuration import rule_set_to_mapping
from followup.plugins import Origin


def refused(mapping, base=DEFAULT_RULES):
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(mapping, base=base)
    return str(raised.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [("FU008", "do-not-call-frequently"), ("do-not-call-frequently", "FU008")],
)
def test_one_rule_configured_by_its_code_and_its_name_is_refused(first, second):
    # The later table won, and the earlier was lost without a word.
    assert refused({"rules": {first: {"max_calls": 2}, second: {"max_calls": 5}}}) == (
        f"rule configuration: rules.{second}: rule FU008 is configured by "
        f"rules.{first} already; give it one table"
    )


def test_a_code_prefix_is_no_key_of_the_rules_table():
    assert refused({"rules": {"FU00": {"max_calls": 2}}}) == (
        "rule configuration: rules.FU00: no rule 'FU00' in this set: give codes "
        "or names here, not code prefixes"
    )


def test_a_prefix_an_earlier_step_left_out_is_named_as_left_out():
    # "FU01" is a prefix of rules the set had before select kept only FU003.
    assert refused({"select": ["FU003"], "ignore": ["FU01"]}) == (
        "rule configuration: ignore: no rule 'FU01' in this set: select left it out"
    )


def test_a_prefix_no_step_left_out_is_not_said_to_be_left_out():
    assert refused({"select": ["FU003"], "ignore": ["XYZ"]}).startswith(
        "rule configuration: ignore: no rule 'XYZ' in this set;"
    )


@attrs.frozen
class Quiet:
    """A rule of a family of its own, with no parameters at all."""

    code: ClassVar[str] = "QX001"
    name: ClassVar[str] = "quiet"
    summary: ClassVar[str] = "Does nothing."
    advice: ClassVar[tuple[str, ...]] = ()
    params: ClassVar[None] = None

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


class Loose:
    """A rule whose parameters are no attrs class, so none can be set."""

    code = "QX002"
    name = "loose"
    summary = "Does nothing either."
    advice = ()
    params: ClassVar[dict[str, int]] = {"level": 1}

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


QUIET = RuleSet((Quiet(), Loose()))


def test_a_code_near_one_of_a_family_of_the_set_suggests_it():
    # The family is the code's letters: QX, whose last letter is an X.
    assert refused({"ignore": ["QX009"]}, QUIET) == (
        "rule configuration: ignore: no rule 'QX009' in this set (did you mean "
        "'QX002'?)"
    )


@pytest.mark.parametrize("key", ["quiet", "QX001", "loose"])
def test_a_rule_without_parameters_refuses_any(key):
    code = QUIET[key].code
    assert refused({"rules": {key: {"level": 2}}}, QUIET) == (
        f"rule configuration: rules.{key}: rule {code} is not an attrs class with "
        "attrs params, so it cannot be configured; use replace() with a new rule"
    )


def test_a_rule_without_parameters_is_written_as_it_is():
    assert rule_set_to_mapping(QUIET, QUIET) == {"select": ["QX001", "QX002"]}


def test_every_wrong_parameter_of_a_rule_is_named_at_once():
    message = refused(
        {"rules": {"working-time": {"strat": "08:00", "end": "25:00", "start": 7}}}
    )
    assert message == (
        "rule configuration: rules.working-time.strat: rule FU011 (working-time) "
        "has no parameter 'strat' (did you mean 'start'?); it has weekdays, start, "
        "end, holidays, kinds, closed; rule configuration: "
        "rules.working-time.start: 7 is not a wall-clock time such as '09:00'; "
        "rule configuration: rules.working-time.end: '25:00' is not a wall-clock "
        "time such as '09:00'"
    )


def test_a_file_that_is_no_utf8_text_is_refused(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_bytes('select = ["FU003"]\n# caf\xe9\n'.encode("latin-1"))
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_toml(path)
    assert str(raised.value) == f"{path}: is not UTF-8 text"


def test_a_file_in_utf8_is_read_whatever_the_locale(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('select = ["FU003"]\n# café ☕\n', encoding="utf-8")
    assert RuleSet.from_toml(path).codes == ("FU003",)


@pytest.mark.parametrize(
    ("changes", "written"),
    [
        ({"end": dt.time(17, 30, 15)}, {"end": "17:30:15"}),
        ({"end": dt.time(17, 30, 0, 250)}, {"end": "17:30:00.000250"}),
        ({"end": dt.time(17, 30)}, {"end": "17:30"}),
        ({"kinds": ["thank-you", "call"]}, {"kinds": ["call", "thank-you"]}),
        # Days of the week by name, from the week's first day after a day
        # off; however they were given.
        ({"weekdays": ["sun", "mon"]}, {"weekdays": ["sun", "mon"]}),
        ({"weekdays": [6, 0]}, {"weekdays": ["sun", "mon"]}),
        ({"weekdays": ["fri", 0, "wed"]}, {"weekdays": ["mon", "wed", "fri"]}),
    ],
)
def test_parameters_are_written_as_a_file_holds_them(changes, written):
    rules = DEFAULT_RULES.configure("working-time", **changes)
    mapping = rules.to_mapping()
    assert mapping["rules"] == {"FU011": written}
    assert RuleSet.from_mapping(mapping) == rules


def test_closures_are_written_as_spans_and_read_back():
    rules = DEFAULT_RULES.configure(
        "working-time", closed=["2026-12-24", "2026-12-28/2026-12-31"]
    )
    mapping = rules.to_mapping()
    assert mapping["rules"] == {
        "FU011": {"closed": ["2026-12-24", "2026-12-28/2026-12-31"]}
    }
    assert RuleSet.from_mapping(mapping) == rules


def test_named_closures_are_written_as_a_table_and_read_back():
    rules = DEFAULT_RULES.configure(
        "working-time", closed={"2026-12-24": "Christmas Eve", "2026-12-31": "Year end"}
    )
    mapping = rules.to_mapping()
    closed = mapping["rules"]["FU011"]["closed"]
    assert isinstance(closed, dict)
    assert closed == {"2026-12-24": "Christmas Eve", "2026-12-31": "Year end"}
    assert RuleSet.from_mapping(mapping) == rules


def test_kinds_of_steps_are_written_by_value():
    rules = DEFAULT_RULES.configure("working-time", kinds=[StepKind.CALL_BACK])
    assert rules.to_mapping()["rules"] == {"FU011": {"kinds": ["call-back"]}}


def test_every_rule_added_with_extend_is_named_not_only_the_first():
    rules = QUIET.extend(*DEFAULT_RULES.select("FU003", "FU009"))
    with pytest.raises(RuleConfigurationError) as raised:
        rule_set_to_mapping(rules, QUIET)
    assert str(raised.value) == (
        "cannot write the rule set as configuration, which only selects, "
        "configures and orders the rules of the base set and of plugins: "
        "FU003 thank-you-immediately (followup.rules.thank_you.ThankYouImmediately) "
        "came "
        "from neither the base set nor a plugin (added with extend?); "
        "FU009 decision-ends-follow-up (followup.rules.decision.DecisionEndsFollowUp) "
        "came from neither the base set nor a plugin (added with extend?)"
    )


@attrs.frozen
class OtherParams:
    volume: int = 2


def test_a_rule_given_parameters_of_another_class_cannot_be_written():
    rule = attrs.evolve(DEFAULT_RULES["FU008"], params=OtherParams())
    with pytest.raises(RuleConfigurationError, match=r": FU008 do-not-call-") as raised:
        DEFAULT_RULES.replace(rule).to_mapping()
    assert str(raised.value).endswith(
        "is not the rule the base set gives, nor that rule with other parameters "
        "(put in with replace?)"
    )


@pytest.fixture
def two_plugins(install_rule):
    install_rule("one-plugin", "ONE001", {"one": "Rule"})
    install_rule("two-plugin", "TWO001", {"two": "Rule"})


@pytest.mark.usefixtures("two_plugins")
def test_with_every_installed_plugin_loaded_the_message_lists_them_all():
    message = refused({"plugins": ["two", "one", "blackout"], "select": ["XYZ001"]})
    assert message == (
        "rule configuration: select: no rule 'XYZ001' in this set; none of the "
        "plugins loaded gives it (blackout, one, two), and no other plugin is "
        "installed"
    )


def test_a_replaced_plugin_rule_names_the_plugin_that_gives_it(install_rule):
    install_rule("one-plugin", "ONE001", {"one": "Rule"})
    loaded = DEFAULT_RULES.with_plugins("one")
    impostor = type("Impostor", (type(loaded["ONE001"]),), {"__slots__": ()})()
    rules = RuleSet(
        tuple(impostor if rule.code == "ONE001" else rule for rule in loaded),
        origins=loaded.origins,
    )
    with pytest.raises(RuleConfigurationError) as raised:
        rules.to_mapping()
    assert str(raised.value).endswith(
        "ONE001 one-plugin-rule (plugin one-plugin 1.0, test_rule_config_exact."
        "Impostor) is not "
        "the rule plugin one-plugin 1.0 gives, nor that rule with other parameters "
        "(put in with replace?)"
    )


def test_a_set_whose_plugin_is_gone_cannot_be_written():
    origin = Origin("vanished", "vanished-plugin", "1.0")
    rules = RuleSet((*DEFAULT_RULES, Quiet()), origins=(*DEFAULT_RULES.origins, origin))
    with pytest.raises(PluginError) as raised:
        rules.to_mapping()
    with pytest.raises(PluginError) as loading:
        DEFAULT_RULES.with_plugins("vanished")
    assert str(raised.value) == (
        f"cannot write the rule set as configuration: {loading.value}"
    )
    # Each plugin's own problem, as loading it says it.
    assert raised.value.problems == loading.value.problems


def test_configuration_that_is_no_table_is_refused():
    assert refused(5) == "rule configuration: expected a table of settings"


def test_every_unknown_key_and_rule_is_named_at_once():
    assert refused({"selct": [], "rules": {"XX1": {}, "YY2": {}}}).split("; rule ") == [
        (
            "rule configuration: unknown key 'selct' (did you mean 'select'?); the keys "
            "are plugins, select, ignore, order, rules"
        ),
        (
            "configuration: rules.XX1: no rule 'XX1' in this set; it may come from a "
            'plugin: add plugins = ["blackout"] (installed plugins: blackout)'
        ),
        (
            "configuration: rules.YY2: no rule 'YY2' in this set; it may come from a "
            'plugin: add plugins = ["blackout"] (installed plugins: blackout)'
        ),
    ]


@pytest.mark.parametrize("value", [5, "FU003", {"FU003": True}])
def test_a_step_that_is_no_list_is_refused(value):
    assert refused({"select": value}) == (
        "rule configuration: select: expected a list of codes or names"
    )


def test_a_rule_two_earlier_steps_may_have_left_out_names_both():
    assert refused({"select": ["FU"], "ignore": ["FU002"], "order": ["FU002"]}) == (
        "rule configuration: order: no rule 'FU002' in this set: select or ignore "
        "left it out"
    )


@pytest.fixture
def broken_plugins(install):
    """Two installed plugins, bad1 and bad2, whose modules fail on import."""
    for dist, point in (("bad-one", "bad1"), ("bad-two", "bad2")):
        install(
            dist,
            dist.replace("-", "_"),
            "raise RuntimeError('boom')\n",
            {point: "Rule"},
        )


@pytest.mark.usefixtures("broken_plugins")
def test_every_broken_plugin_is_named_with_the_file_and_key():
    with pytest.raises(PluginError) as raised:
        RuleSet.from_mapping({"plugins": ["bad1", "bad2"]}, source="rules.toml")
    problems = raised.value.problems
    assert len(problems) == 2
    assert all(problem.startswith("rules.toml: plugins: ") for problem in problems)
    assert "bad-one" in problems[0]
    assert "bad-two" in problems[1]
    assert str(raised.value).startswith(
        "rules.toml: plugins: 2 plugins cannot be loaded: "
    )


def test_a_plugin_not_installed_is_named_with_those_that_are():
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("nope")
    assert str(raised.value) == (
        "no plugin 'nope' in the entry-point group 'followup.rules'; installed: "
        "blackout"
    )


def test_a_plugin_asked_for_where_none_is_installed_says_none(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: [])
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("blackout")
    assert str(raised.value) == (
        "no plugin 'blackout' in the entry-point group 'followup.rules'; "
        "installed: none"
    )


@pytest.mark.usefixtures("broken_plugins")
def test_several_broken_plugins_are_listed_one_after_the_other():
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("bad1", "bad2")
    first, second = raised.value.problems
    assert str(raised.value) == f"2 plugins cannot be loaded: {first}; {second}"


def test_a_factory_that_fails_is_named_with_its_error(install):
    source = rule_source("FAC001", "factory-rule")
    source += "\ndef broken():\n    raise RuntimeError('no rules today')\n"
    install("factory-plugin", "factory_plugin", source, {"factory": "broken"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("factory")
    assert str(raised.value).endswith("calling it failed: RuntimeError: no rules today")


def test_a_plugin_of_a_distribution_without_name_or_version_still_loads(
    install_rule,
):
    install_rule(
        "anonymous",
        "ANO001",
        {"anonymous": "Rule"},
        metadata="Metadata-Version: 2.1\nName: \nVersion: \n",
    )
    rules = DEFAULT_RULES.with_plugins("anonymous")
    assert rules.origin_of("ANO001") == Origin(
        "anonymous", "an unknown distribution", "(no version)"
    )


def test_a_plugin_not_installed_is_named_with_every_one_that_is(install_rule):
    install_rule("one-plugin", "ONE001", {"one": "Rule"})
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("nope")
    assert str(raised.value).endswith("; installed: blackout, one")


def test_an_empty_select_keeps_no_rule_and_no_select_keeps_them_all():
    # As docs/writing-plugins.md says: `select = []` names nothing to keep.
    assert RuleSet.from_mapping({"select": []}, base=DEFAULT_RULES).codes == ()
    assert DEFAULT_RULES.select().codes == ()
    assert RuleSet.from_mapping({}, base=DEFAULT_RULES).codes == DEFAULT_RULES.codes

"""Plugins through entry points, and rule sets as configuration data."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    RuleConfigurationError,
    RuleSet,
    Severity,
    Step,
    StepKind,
    Window,
    check_plan,
    plan_followups,
)
from followup.example import example_interview
from followup.plugins import PluginError, load_plugins

# Wednesday 25 November 2026 is the interview's follow-up day (see the example).
BLACKOUT = {
    "plugins": ["blackout"],
    "rules": {"blackout-days": {"days": ["2026-11-25"]}},
}


def by_kind(plan):
    return {step.kind: step for step in plan.steps}


# -- the worked example, installed as its own distribution -------------------


def test_the_example_plugin_loads_as_a_plugin():
    rules = DEFAULT_RULES.with_plugins("blackout")
    assert rules.codes[-1] == "BLK001"
    assert rules["blackout-days"].summary.startswith("Move follow-ups")
    ((rule, dist),) = load_plugins(["blackout"])
    assert str(dist) == "followup-blackout 2.0.0"
    assert dist.entry_point == "blackout"
    assert rule.code == "BLK001"


def test_the_example_plugin_plans():
    rules = RuleSet.from_mapping(BLACKOUT)
    plan = plan_followups(example_interview(), rules=rules)
    follow_up = by_kind(plan)[StepKind.FOLLOW_UP]
    # Wednesday is blacked out and Thursday is Thanksgiving: Friday it is.
    assert follow_up.due.format("ddd D MMM HH:mm") == "Fri 27 Nov 09:00"
    assert "BLK001" in follow_up.adjusted_by
    assert "blackout day (BLK001)" in follow_up.reason
    assert [f.severity for f in check_plan(plan, rules=rules)] == [Severity.WARNING]
    unmoved = by_kind(plan_followups(example_interview()))[StepKind.FOLLOW_UP]
    assert unmoved.due.format("ddd D") == "Wed 25"


def test_the_example_plugin_checks():
    rules = RuleSet.from_mapping(BLACKOUT)
    at = "2026-11-25T10:00:00-05:00[America/New_York]"
    mine = Step(
        "follow-up", Channel.EMAIL, Window(at, at), at, rule="me", reason="mine"
    )
    findings = [
        f
        for f in check_plan([mine], example_interview(), rules=rules)
        if f.code == "BLK001"
    ]
    assert [(f.severity, f.actual) for f in findings] == [
        (Severity.WARNING, "2026-11-25")
    ]


def test_the_example_plugin_appears_in_followup_rules():
    listed = subprocess.run(
        [sys.executable, "-m", "followup", "rules", "--plugins"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "BLK001  blackout-days" in listed
    plain = subprocess.run(
        [sys.executable, "-m", "followup", "rules"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "BLK001" not in plain


def test_importing_followup_loads_no_plugin():
    code = (
        "import sys, followup; followup.plan_followups(followup.Interview('Ada', 'Acme', "
        "'2026-11-23T10:00:00Z')); print('followup_blackout' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- failure modes, with throw-away distributions ----------------------------


RULE = """
import attrs
from typing import ClassVar

@attrs.frozen
class Params:
    pass

@attrs.frozen
class Rule{n}:
    code: ClassVar[str] = "{code}"
    name: ClassVar[str] = "{name}"
    summary: ClassVar[str] = "A test rule."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Params = attrs.field(factory=Params)

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()
"""


def rule_source(n=1, code="ZZZ001", name="zzz-rule"):
    return RULE.replace("{n}", str(n)).replace("{code}", code).replace("{name}", name)


def test_a_plugin_that_cannot_be_imported_names_its_distribution(install):
    install(
        "broken-plugin",
        "broken_plugin",
        "raise ImportError('no numpy here')",
        {"broken": "Rule"},
    )
    with pytest.raises(
        PluginError,
        match=r"plugin 'broken' \(broken_plugin:Rule\) from broken-plugin 1.0 cannot be imported: ImportError: no numpy here",
    ):
        DEFAULT_RULES.with_plugins("broken")


def test_a_plugin_that_gives_no_rule_is_refused(install):
    install(
        "odd-plugin",
        "odd_plugin",
        "THING = 'a rule, honest'\nNOTHING = []",
        {"odd": "THING", "none": "NOTHING"},
    )
    with pytest.raises(
        PluginError,
        match=r"plugin 'odd' \(odd_plugin:THING\) from odd-plugin 1.0: 'a rule, honest' is not a rule",
    ):
        DEFAULT_RULES.with_plugins("odd")
    with pytest.raises(
        PluginError,
        match=r"plugin 'none' \(odd_plugin:NOTHING\) from odd-plugin 1.0 gives no rules",
    ):
        DEFAULT_RULES.with_plugins("none")


def test_a_plugin_may_not_use_the_fu_prefix(install):
    install(
        "sneaky-plugin",
        "sneaky_plugin",
        rule_source(code="FU099", name="sneaky"),
        {"sneaky": "Rule1"},
    )
    with pytest.raises(
        PluginError, match=r"gives rule FU099: the prefix 'FU' belongs to followup"
    ):
        DEFAULT_RULES.with_plugins("sneaky")


def test_two_plugins_with_one_code_name_both_owners(install):
    install("first-plugin", "first_plugin", rule_source(), {"first": "Rule1"})
    install(
        "second-plugin",
        "second_plugin",
        rule_source(2, name="other-name"),
        {"second": "Rule2"},
    )
    with pytest.raises(PluginError) as raised:
        DEFAULT_RULES.with_plugins("first", "second")
    message = str(raised.value)
    assert "'ZZZ001' is taken twice" in message
    assert "first-plugin 1.0" in message
    assert "second-plugin 1.0" in message


def test_a_plugin_may_not_take_a_builtin_rules_name(install):
    install(
        "copy-plugin",
        "copy_plugin",
        rule_source(code="CPY001", name="working-time"),
        {"copy": "Rule1"},
    )
    with pytest.raises(
        PluginError,
        match=r"'working-time' is taken twice: by FU011 working-time \(followup\.rules\.working_time\.WorkingTime",
    ):
        DEFAULT_RULES.with_plugins("copy")


def test_plugins_load_in_sorted_order_and_can_be_picked(install):
    install(
        "b-plugin",
        "b_plugin",
        rule_source(code="BBB001", name="bbb"),
        {"zeta": "Rule1"},
    )
    install(
        "a-plugin",
        "a_plugin",
        rule_source(code="AAA001", name="aaa"),
        {"alpha": "Rule1"},
    )
    codes = [r.code for r, _ in load_plugins() if r.code in {"AAA001", "BBB001"}]
    assert codes == ["AAA001", "BBB001"]
    assert DEFAULT_RULES.with_plugins("zeta").codes[-1] == "BBB001"
    with pytest.raises(
        PluginError,
        match=r"no plugin 'alpah' in the entry-point group 'followup.rules' \(did you mean 'alpha'\?\)",
    ):
        DEFAULT_RULES.with_plugins("alpah")


def test_a_plugin_may_give_a_sequence_or_a_factory(install):
    source = rule_source(code="SEQ001", name="seq-one") + rule_source(
        2, code="SEQ002", name="seq-two"
    )
    source += "\nRULES = (Rule1(), Rule2())\ndef factory():\n    return [Rule1()]\n"
    install("seq-plugin", "seq_plugin", source, {"seq": "RULES", "made": "factory"})
    assert DEFAULT_RULES.with_plugins("seq").codes[-2:] == ("SEQ001", "SEQ002")
    assert DEFAULT_RULES.with_plugins("made").codes[-1] == "SEQ001"


# -- configuration as data ---------------------------------------------------


def test_a_mapping_selects_ignores_and_configures():
    rules = RuleSet.from_mapping(
        {
            "select": ["FU00"],
            "ignore": ["FU002"],
            "rules": {"thank-you-immediately": {"within_hours": 4}},
        }
    )
    assert rules.codes == (
        "FU001",
        "FU003",
        "FU004",
        "FU006",
        "FU007",
        "FU005",
        "FU008",
        "FU009",
    )
    assert rules["FU003"].params.within_hours == 4


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            {"ignroe": ["FU002"]},
            "settings: unknown key 'ignroe' (did you mean 'ignore'?)",
        ),
        (
            {"ignore": ["FU0022"]},
            "settings: ignore: no rule 'FU0022' in this set (did you mean 'FU002'?)",
        ),
        ({"ignore": "FU002"}, "settings: ignore: expected a list of codes or names"),
        (
            {"rules": {"FU08": {}}},
            "settings: rules.FU08: no rule 'FU08' in this set (did you mean 'FU008'?)",
        ),
        (
            {"rules": {"FU008": {"max_call": 2}}},
            "settings: rules.FU008.max_call: rule FU008 (do-not-call-frequently) has no parameter 'max_call' (did you mean 'max_calls'?)",
        ),
        (
            {"rules": {"FU008": {"max_calls": 0}}},
            "settings: rules.FU008.max_calls: 0 is outside 1..20",
        ),
        (
            {"rules": {"FU008": {"max_calls": "3"}}},
            "settings: rules.FU008.max_calls: expected a whole number, got str '3'",
        ),
        (
            {"rules": {"FU011": {"holidays": "yes"}}},
            "settings: rules.FU011.holidays: expected true or false, got str 'yes'",
        ),
        (
            {"rules": {"FU011": {"start": "nine"}}},
            "settings: rules.FU011.start: 'nine' is not a wall-clock time",
        ),
        (
            {"rules": {"FU004": {"earliest_days": 5}}},
            "settings: rules.FU004.earliest_days: 5 is after latest_days (3); earliest_days <= latest_days is required",
        ),
        (
            {"rules": {"FU004": 3}},
            "settings: rules.FU004: expected a table of parameters",
        ),
        ({"rules": []}, "settings: rules: expected a table of rules"),
        (
            {"plugins": "yes"},
            "settings: plugins: expected true, false or a list of plugin names",
        ),
    ],
)
def test_bad_settings_say_where_and_what(mapping, message):
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(mapping, source="settings")
    assert message in str(raised.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"ignroe": [], "rules": {"FU008": {"max_calls": 0, "min_days_between": -1}}}
        )
    assert str(raised.value).count("rule configuration: ") == 3


def test_a_toml_file_names_the_file_and_the_key(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(
        'ignore = ["FU002"]\n[rules.do-not-call-frequently]\nmax_calls = 2\n'
    )
    rules = RuleSet.from_toml(path)
    assert "FU002" not in rules
    assert rules["FU008"].params.max_calls == 2
    path.write_text("[rules.FU008]\nmax_calls = 99\n")
    with pytest.raises(
        RuleConfigurationError,
        match=f"^{path}: rules.FU008.max_calls: 99 is outside 1..20$",
    ):
        RuleSet.from_toml(path)
    path.write_text("rules = [")
    with pytest.raises(RuleConfigurationError, match=f"^{path}: not valid TOML"):
        RuleSet.from_toml(path)
    with pytest.raises(RuleConfigurationError, match="cannot be read"):
        RuleSet.from_toml(tmp_path / "missing.toml")


def test_the_command_takes_a_rules_file(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('select = ["FU003"]\n')
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup",
            "plan",
            "--example",
            "--rules",
            path,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"rules": [\n    "FU003"\n  ]' in result.stdout
    path.write_text("[rules.FU003]\nwithin_hours = 0\n")
    bad = subprocess.run(
        [sys.executable, "-m", "followup", "plan", "--example", "--rules", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert (
        bad.stderr
        == f"followup: error: {path}: rules.FU003.within_hours: 0 is outside 1..168\n"
    )


def test_a_mapping_survives_toml(tmp_path):
    rules = DEFAULT_RULES.configure(
        "FU011", weekdays=("sun", "mon"), start="08:00"
    ).ignore("FU002")
    mapping = rules.to_mapping()
    # The week by name, in its own order (Sunday first), as people write it.
    assert mapping["rules"]["FU011"] == {"weekdays": ["sun", "mon"], "start": "08:00"}
    lines = [
        f"select = {mapping['select']!r}".replace("'", '"'),
        "[rules.FU011]",
        'weekdays = ["sun", "mon"]',
        'start = "08:00"',
    ]
    path = tmp_path / "rules.toml"
    path.write_text("\n".join(lines) + "\n")
    assert RuleSet.from_toml(path) == rules


def test_a_set_with_plugin_rules_writes_the_plugins_it_loaded():
    rules = RuleSet.from_mapping(BLACKOUT)
    mapping = rules.to_mapping()
    assert mapping["plugins"] == ["blackout"]
    assert mapping["rules"] == {"BLK001": {"days": ["2026-11-25"]}}
    assert RuleSet.from_mapping(mapping) == rules

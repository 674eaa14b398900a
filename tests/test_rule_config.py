"""Rule sets written as configuration and read back: the same set, every time."""

from __future__ import annotations

import functools
import importlib.metadata
import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Interview,
    PluginError,
    RuleConfigurationError,
    RuleSet,
    plan_followups,
)
from followup._configuration import rule_set_to_mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@functools.cache
def with_blackout():
    return DEFAULT_RULES.with_plugins("blackout")


def toml_text(mapping):
    """The mapping as a TOML document: JSON scalars and arrays are TOML too."""
    lines = [
        f"{key} = {json.dumps(value)}"
        for key, value in mapping.items()
        if key != "rules"
    ]
    for key, params in mapping.get("rules", {}).items():
        lines.append(f"[rules.{key}]")
        lines.extend(f"{name} = {json.dumps(value)}" for name, value in params.items())
    return "\n".join(lines) + "\n"


# Parameter values as a user writes them in a file.
PARAMS = {
    "FU002": {
        "required": st.lists(
            st.sampled_from(["name", "email", "phone"]), min_size=1, unique=True
        )
    },
    "FU003": {"within_hours": st.integers(1, 168), "max_sentences": st.integers(1, 50)},
    "FU004": {
        "days": st.sampled_from(["calendar", "business"]),
        "max_lines": st.integers(1, 100),
        "channel": st.sampled_from(["email", "printed-letter"]),
    },
    "FU005": {"threshold": st.sampled_from(["weak", "adequate", "strong"])},
    "FU008": {"max_calls": st.integers(1, 20), "min_days_between": st.integers(0, 60)},
    "FU011": {
        "start": st.sampled_from(["08:00", "09:30"]),
        "end": st.sampled_from(["16:00", "18:00"]),
        "weekdays": st.sampled_from(
            [["mon", "tue", "wed", "thu", "fri"], ["sun", "mon", "tue", "wed", "thu"]]
        ),
        "holidays": st.booleans(),
    },
    "BLK001": {
        "days": st.lists(
            st.sampled_from(
                ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-12-01"]
            ),
            max_size=3,
        ),
    },
}

INTERVIEWS = [
    Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]"),
    Interview("Ada", "Acme", "2026-11-20T16:00:00+00:00[Europe/London]"),
    Interview("Ada", "Acme", "2026-11-24T08:30:00+09:00[Asia/Tokyo]"),
]


@st.composite
def rule_sets(draw):
    """DEFAULT_RULES, perhaps with blackout, configured, narrowed and reordered."""
    rules = with_blackout() if draw(st.booleans()) else DEFAULT_RULES
    for code, params in PARAMS.items():
        if code not in rules:
            continue
        chosen = {
            name: draw(strategy)
            for name, strategy in params.items()
            if draw(st.booleans())
        }
        if chosen:
            rules = rules.configure(code, **chosen)
    if draw(st.booleans()):
        prefixes = ["FU", "FU00", "FU0", *(["BLK"] if "BLK001" in rules else [])]
        rules = rules.select(
            *draw(st.lists(st.sampled_from(prefixes), min_size=1, unique=True))
        )
    ignored = draw(
        st.lists(
            st.sampled_from(rules.codes),
            unique=True,
            max_size=min(4, len(rules) - 1),
        )
    )
    if ignored:
        rules = rules.ignore(*ignored)
    first = draw(st.lists(st.sampled_from(rules.rules), unique=True, max_size=6))
    keys = [rule.name if draw(st.booleans()) else rule.code for rule in first]
    return rules.reordered(*keys) if keys else rules


def assert_same(rebuilt, rules):
    assert rebuilt.codes == rules.codes
    assert [rule.params for rule in rebuilt] == [rule.params for rule in rules]
    assert rebuilt.origins == rules.origins
    assert rebuilt == rules


@given(rule_sets(), st.sampled_from(INTERVIEWS))
def test_a_rule_set_rebuilt_from_its_mapping_is_the_same_and_plans_the_same(
    rules, interview
):
    mapping = rules.to_mapping()
    rebuilt = RuleSet.from_mapping(mapping)
    assert_same(rebuilt, rules)
    assert rebuilt.to_mapping() == mapping
    assert plan_followups(interview, rules=rebuilt) == plan_followups(
        interview, rules=rules
    )


@given(rule_sets())
def test_a_rule_set_survives_being_written_as_toml(rules):
    text = toml_text(rules.to_mapping())
    assert_same(RuleSet.from_mapping(tomllib.loads(text)), rules)


def test_a_toml_file_written_from_a_set_reads_back(tmp_path):
    rules = (
        with_blackout()
        .configure("blackout-days", days=["2026-11-25"])
        .ignore("FU002")
        .reordered("BLK001", "working-time")
    )
    path = tmp_path / "rules.toml"
    path.write_text(toml_text(rules.to_mapping()))
    assert path.read_text().startswith('plugins = ["blackout"]\nselect = ["FU001", ')
    assert RuleSet.from_toml(path) == rules


def test_the_plugins_loaded_are_written_by_name_not_as_true():
    mapping = with_blackout().to_mapping()
    assert mapping["plugins"] == ["blackout"]
    assert "order" not in mapping
    assert "plugins" not in DEFAULT_RULES.to_mapping()


def test_plugins_true_still_loads_every_installed_plugin():
    rules = RuleSet.from_mapping({"plugins": True})
    assert rules == with_blackout()
    assert rules.origin_of("BLK001").entry_point == "blackout"


def test_no_plugins_means_none_not_all():
    assert RuleSet.from_mapping({"plugins": []}) == DEFAULT_RULES
    assert RuleSet.from_mapping({"plugins": False}) == DEFAULT_RULES


def test_a_plugin_the_base_holds_is_not_loaded_again():
    rules = RuleSet.from_mapping({"plugins": ["blackout"]}, base=with_blackout())
    assert rules == with_blackout()
    assert RuleSet.from_mapping({"plugins": True}, base=with_blackout()) == rules


def test_order_puts_the_named_rules_first_and_keeps_the_rest():
    rules = RuleSet.from_mapping({"order": ["working-time", "FU010"]})
    assert rules.codes == ("FU011", "FU010", *DEFAULT_RULES.codes[:9], "FU012", "FU013")


@pytest.mark.parametrize(
    ("make", "order"),
    [
        (lambda: DEFAULT_RULES, None),
        (lambda: DEFAULT_RULES.reordered("FU001"), None),
        (lambda: DEFAULT_RULES.reordered("FU011", "FU010"), ["FU011", "FU010"]),
        (
            lambda: DEFAULT_RULES.ignore("FU002").reordered("FU003", "FU001"),
            ["FU003"],
        ),
        (lambda: with_blackout().reordered("BLK001"), ["BLK001"]),
        (lambda: with_blackout().reordered("FU011", "BLK001"), ["FU011", "BLK001"]),
    ],
)
def test_order_is_written_only_when_select_would_give_another(make, order):
    rules = make()
    mapping = rules.to_mapping()
    assert mapping.get("order") == order
    assert mapping["select"] == [
        code for code in with_blackout().codes if code in rules
    ]
    assert RuleSet.from_mapping(mapping) == rules


def test_parameters_are_written_against_the_base_they_rebuild_from():
    base = DEFAULT_RULES.configure("FU008", max_calls=2)
    rules = base.configure("FU003", within_hours=4)
    mapping = rule_set_to_mapping(rules, base)
    assert mapping["rules"] == {"FU003": {"within_hours": 4}}
    assert RuleSet.from_mapping(mapping, base=base) == rules
    back = rule_set_to_mapping(DEFAULT_RULES, base)
    assert back["rules"] == {"FU008": {"max_calls": 3}}


# -- what cannot be written is refused, by name ------------------------------


def test_a_rule_added_with_extend_cannot_be_written():
    blackout = with_blackout()["BLK001"]
    rules = DEFAULT_RULES.extend(blackout).ignore("FU002")
    with pytest.raises(
        RuleConfigurationError,
        match=r"cannot write the rule set as configuration.*: BLK001 blackout-days "
        r"\(followup_blackout\.BlackoutDays\) came from neither the base set nor a "
        r"plugin \(added with extend\?\)$",
    ):
        rules.to_mapping()


def impostor(rule):
    """A rule of a class of its own that behaves as `rule` does."""
    return type("Impostor", (type(rule),), {"__slots__": ()})()


class PlainImpostor:
    """A rule that is no attrs class, so no parameters could configure it."""

    code = "FU009"
    name = "decision-ends-follow-up"
    summary = "Not the real one."
    advice = ()
    params = None

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()


@pytest.mark.parametrize(
    "make", [lambda: impostor(DEFAULT_RULES["FU009"]), PlainImpostor]
)
def test_a_rule_put_in_with_replace_cannot_be_written(make):
    rules = DEFAULT_RULES.replace(make())
    with pytest.raises(
        RuleConfigurationError,
        match=r": FU009 decision-ends-follow-up \(.*Impostor\) is not the rule the "
        r"base set gives, nor that rule with other parameters \(put in with "
        r"replace\?\)$",
    ):
        rules.to_mapping()


def test_a_rule_said_to_come_from_a_plugin_that_does_not_give_it_is_refused():
    plugin = with_blackout().origin_of("BLK001")
    rules = RuleSet(with_blackout(), origins=[plugin, *with_blackout().origins[1:]])
    with pytest.raises(
        RuleConfigurationError,
        match=r": FU001 close-on-a-positive-note \(plugin followup-blackout 2\.0\.0, "
        r"followup\.rules\..*\) is said to come from plugin 'blackout', which does "
        r"not give it$",
    ):
        rules.to_mapping()


def test_every_rule_that_cannot_be_written_is_named():
    blackout = with_blackout()["BLK001"]
    rules = DEFAULT_RULES.replace(impostor(DEFAULT_RULES["FU010"])).extend(blackout)
    with pytest.raises(RuleConfigurationError) as raised:
        rules.to_mapping()
    assert str(raised.value).count("; ") == 1
    assert ": FU010 late-steps-still-planned (" in str(raised.value)
    assert "; BLK001 blackout-days (" in str(raised.value)


# -- a rule the set lacks: say where it may come from ------------------------

NOT_LOADED = (
    "no rule 'BLK001' in this set; it may come from a plugin: add "
    'plugins = ["blackout"] (installed plugins: blackout)'
)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            {"rules": {"BLK001": {"days": ["2026-11-25"]}}},
            f"rules.BLK001: {NOT_LOADED}",
        ),
        (
            {"rules": {"blackout-days": {}}},
            NOT_LOADED.replace("'BLK001'", "'blackout-days'").join(
                ["rules.blackout-days: ", ""]
            ),
        ),
        ({"select": ["FU", "BLK001"]}, f"select: {NOT_LOADED}"),
        ({"ignore": ["BLK001"]}, f"ignore: {NOT_LOADED}"),
        ({"order": ["BLK001"]}, f"order: {NOT_LOADED}"),
        ({"ignore": ["BLK"]}, "ignore: " + NOT_LOADED.replace("'BLK001'", "'BLK'")),
    ],
)
def test_a_plugin_rule_named_without_its_plugin_says_which_to_load(mapping, message):
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(mapping, source="rules.toml")
    assert str(raised.value) == f"rules.toml: {message}"
    assert "FU001" not in str(raised.value)


def test_a_missing_built_in_code_still_suggests_the_nearest():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"order": ["FU0011"], "ignore": ["working-tme"]})
    assert str(raised.value) == (
        "rule configuration: ignore: no rule 'working-tme' in this set (did you "
        "mean 'working-time'?); rule configuration: order: no rule 'FU0011' in "
        "this set (did you mean 'FU011'?)"
    )


def test_with_no_plugin_installed_the_message_says_so(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: [])
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"rules": {"BLK001": {}}})
    assert str(raised.value) == (
        "rule configuration: rules.BLK001: no rule 'BLK001' in this set; no "
        "plugin is loaded or installed"
    )


def test_with_every_plugin_loaded_the_message_says_none_gives_it():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"plugins": ["blackout"], "select": ["XYZ001"]})
    assert str(raised.value) == (
        "rule configuration: select: no rule 'XYZ001' in this set; none of the "
        "plugins loaded gives it (blackout), and no other plugin is installed"
    )


def test_a_rule_an_earlier_step_left_out_is_named_as_such():
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"plugins": ["blackout"], "select": ["FU"], "order": ["BLK001", "FU"]}
        )
    assert str(raised.value) == (
        "rule configuration: order: no rule 'BLK001' in this set: select left it "
        "out; rule configuration: order: no rule 'FU' in this set: give codes or "
        "names here, not code prefixes"
    )


def test_order_refuses_a_rule_named_twice():
    with pytest.raises(
        RuleConfigurationError,
        match=r"^rule configuration: order: a rule is named twice in "
        r"\('FU003', 'thank-you-immediately'\)$",
    ):
        RuleSet.from_mapping({"order": ["FU003", "thank-you-immediately"]})


def test_a_plugin_that_cannot_be_loaded_names_the_file_and_key():
    with pytest.raises(
        PluginError,
        match=r"^rules.toml: plugins: no plugin 'blackot' .*did you mean 'blackout'",
    ) as raised:
        RuleSet.from_mapping({"plugins": ["blackot"]}, source="rules.toml")
    assert raised.value.problems == (str(raised.value),)


# -- several plugins, with throw-away distributions --------------------------


def test_plugins_loaded_one_by_one_keep_their_order(install_rule):
    install_rule("alpha-plugin", "AAA001", {"alpha": "Rule"})
    install_rule("zeta-plugin", "ZZZ001", {"zeta": "Rule"})
    rules = DEFAULT_RULES.with_plugins("zeta").with_plugins("alpha")
    mapping = rules.to_mapping()
    assert mapping["plugins"] == ["zeta", "alpha"]
    # The named rules go first, so every rule before the last out of place
    # is named.
    assert mapping["order"] == [*DEFAULT_RULES.codes, "ZZZ001"]
    assert RuleSet.from_mapping(mapping) == rules
    assert RuleSet.from_mapping({"plugins": ["zeta", "alpha"]}).codes[-2:] == (
        "AAA001",
        "ZZZ001",
    )


def test_a_plugin_rule_is_written_against_what_its_plugin_gives(install_rule):
    install_rule("made-plugin", "MAD001", {"made": "made"})
    given_rules = DEFAULT_RULES.with_plugins("made")
    assert given_rules["MAD001"].params.level == 5
    assert "rules" not in given_rules.to_mapping()
    rules = given_rules.configure("MAD001", level=1)
    mapping = rules.to_mapping()
    assert mapping["rules"] == {"MAD001": {"level": 1}}
    assert RuleSet.from_mapping(mapping) == rules


def test_with_several_plugins_not_loaded_the_message_lists_them(install_rule):
    install_rule("other-plugin", "OTH001", {"other": "Rule"})
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"rules": {"BLK001": {}}})
    assert str(raised.value) == (
        "rule configuration: rules.BLK001: no rule 'BLK001' in this set; it may "
        "come from a plugin: add its name to plugins, or set plugins = true for "
        "all of them (installed plugins: blackout, other)"
    )
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping({"plugins": ["other"], "rules": {"BLK001": {}}})
    assert 'add plugins = ["other", "blackout"] (installed plugins: blackout, ' in str(
        raised.value
    )


def test_the_installed_plugins_are_read_once_for_a_file_of_many_missing_rules(
    monkeypatch,
):
    # Each missing rule used to read every installed package's entry points
    # again, milliseconds a key: a file naming a few thousand took a minute.
    real = importlib.metadata.entry_points
    reads = []

    def counted(**kwargs):
        reads.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(importlib.metadata, "entry_points", counted)
    missing = [f"XYZ{number:03d}" for number in range(200)]
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet.from_mapping(
            {"rules": {key: {} for key in missing}, "ignore": missing, "order": missing}
        )
    assert str(raised.value).count("no rule 'XYZ") == 600
    assert len(reads) == 1

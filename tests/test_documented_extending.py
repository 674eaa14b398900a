"""What the guides for rule and plugin authors promise, checked through the public API.

Each test names the page (docs/writing-rules.md, docs/writing-plugins.md)
or the docstring whose claim it pins.
"""

from __future__ import annotations

import pytest

from distributions import rule_source
from followup import DEFAULT_RULES, PluginError

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

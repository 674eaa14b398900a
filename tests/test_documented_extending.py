"""What the guides for rule and plugin authors promise, checked through the public API.

Each test names the page (docs/writing-rules.md, docs/writing-plugins.md)
or the docstring whose claim it pins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import attrs
import pytest

from distributions import rule_source
from followup import (
    DEFAULT_RULES,
    Draft,
    Facts,
    Finding,
    Interview,
    NoParams,
    Phase,
    PluginError,
    Rule,
    RuleError,
    Step,
    plan_followups,
)

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

"""`followup rules --format markdown --rules FILE` shows the values configured.

A parameter whose default depends on the interview (FU011's `weekdays`:
the country's week) was shown in those words even when a rules file set
it, so the reference could not confirm a setting.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from followup import DEFAULT_RULES, Phase
from followup._reference import rule_reference
from shell import run

WORDS = 'the country\'s week, else `["mon", "tue", "wed", "thu", "fri"]`'


def _row(reference: str, name: str) -> str:
    (row,) = (
        line for line in reference.splitlines() if line.startswith(f"| `{name}` |")
    )
    return row


def test_a_default_in_words_gives_way_to_the_value_configured() -> None:
    assert (
        _row(rule_reference(DEFAULT_RULES), "weekdays") == f"| `weekdays` | {WORDS} |"
    )
    configured = DEFAULT_RULES.configure("FU011", weekdays=["mon", "tue"])
    assert _row(rule_reference(configured), "weekdays") == "| `weekdays` | `(0, 1)` |"
    # Configured to what the default is, it is the default: said in words.
    week = DEFAULT_RULES.configure("FU011", weekdays=None)
    assert _row(rule_reference(week), "weekdays") == f"| `weekdays` | {WORDS} |"


def test_the_command_shows_a_rules_file_s_values(tmp_path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[rules.FU011]\nweekdays = ["mon", "tue"]\n[rules.FU008]\nmax_calls = 2\n'
    )
    result = run("rules", "--format", "markdown", "--rules", rules)
    assert result.returncode == 0, result.stderr
    assert _row(result.stdout, "weekdays") == "| `weekdays` | `(0, 1)` |"
    assert _row(result.stdout, "max_calls") == "| `max_calls` | `2` |"
    assert "| parameter | value |" in result.stdout


@attrs.frozen
class _Params:
    seen: tuple[str, ...] = attrs.field(
        default=attrs.Factory(lambda self: (), takes_self=True),
        metadata={"default": "what the rule saw last"},
    )


@attrs.frozen
class _Watching:
    code: ClassVar[str] = "QW001"
    name: ClassVar[str] = "watching"
    summary: ClassVar[str] = "Watch."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: _Params = attrs.field(factory=_Params)

    def plan(self, draft):  # type: ignore[no-untyped-def]
        return draft

    def check(self, facts, steps):  # type: ignore[no-untyped-def]
        return ()


def test_a_default_made_from_the_parameters_is_shown_as_it_is() -> None:
    # A factory that takes the instance has no default to compare with.
    reference = rule_reference([_Watching()])
    assert _row(reference, "seen") == "| `seen` | `()` |"

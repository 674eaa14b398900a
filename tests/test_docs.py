"""The generated docs cannot drift from the rules they describe."""

from __future__ import annotations

import pathlib

from followup import DEFAULT_RULES, Channel, EventKind, Outcome
from followup._reference import ADVICE, advice_index, rule_reference, rule_table

DOCS = pathlib.Path(__file__).parent.parent / "docs"


def test_the_rule_reference_is_generated_from_the_rules():
    written = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert written == rule_reference(DEFAULT_RULES), (
        "docs/rules.md is stale: regenerate it with "
        "followup rules --format markdown > docs/rules.md"
    )


def test_the_reference_documents_every_rule_and_parameter():
    text = rule_reference(DEFAULT_RULES)
    for rule in DEFAULT_RULES:
        assert f"## {rule.code} `{rule.name}`" in text
        assert rule.summary in text
    assert "| `within_hours` | `24` |" in text
    assert "| `days` | `business` |" in text
    assert "| `kinds` | `['call', 'call-back', 'follow-up', 'other']` |" in text
    assert "Advice: A3, A4. Phases: propose, place." in text


def test_the_advice_index_covers_a1_to_a14():
    index = advice_index(DEFAULT_RULES)
    assert list(index) == [f"A{n}" for n in range(1, 15)] == list(ADVICE)
    assert all(index.values())
    assert advice_index(DEFAULT_RULES.ignore("FU008"))["A14"] == ()


def test_the_rule_table_lines_up():
    lines = rule_table(DEFAULT_RULES).splitlines()
    assert lines[0].split() == ["code", "name", "advice", "phases", "summary"]
    assert len(lines) == len(DEFAULT_RULES) + 1
    starts = {
        line.index(rule.summary)
        for line, rule in zip(lines[1:], DEFAULT_RULES, strict=True)
    }
    assert len(starts) == 1
    assert "FU009  decision-ends-follow-up " in lines[9]
    assert lines[4].split()[:4] == [
        "FU004",
        "follow-up-after-two-to-three-days",
        "A5,A7,A8,A9",
        "propose,place",
    ]


def test_the_event_table_lists_every_kind_outcome_and_channel():
    # The command-line page is where people look these up: it must not drift
    # from the enums.
    text = (DOCS / "edges.md").read_text(encoding="utf-8")
    table = text[text.index("| `kind` | also |") :]
    table = table[: table.index("\n\n")]
    for member in (*EventKind, *Outcome):
        assert f"`{member.value}`" in table, member
    for channel in Channel:
        if channel is not Channel.PHONE:
            assert f"`{channel.value}`" in table.splitlines()[2], channel
    assert "`phone`" in table

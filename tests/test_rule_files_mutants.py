"""Rule sets read from data and files, written back, and handed to planners."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import dask.bag as db
import pytest

from followup import (
    DEFAULT_RULES,
    Interview,
    RuleConfigurationError,
    plan_followups,
)
from followup._configuration import rule_set_from_mapping
from followup.scale import plan_bag

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable

AT = "2026-11-23T10:00:00-05:00[America/New_York]"


def test_settings_that_are_no_table_name_the_rule_configuration() -> None:
    with pytest.raises(RuleConfigurationError) as raised:
        rule_set_from_mapping(["FU002"], base=DEFAULT_RULES)  # type: ignore[arg-type]
    assert str(raised.value) == "rule configuration: expected a table of settings"


def test_a_rules_file_is_read_as_utf8_whatever_the_locale(
    tmp_path: pathlib.Path,
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('# Rückruf im Café\nselect = ["FU003"]\n', encoding="utf-8")
    # Without UTF-8 mode, the C locale makes ASCII the default encoding.
    ascii_locale = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "followup", "rules", "--rules", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **ascii_locale},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "code",
        "FU003",
    ]


def test_parameters_that_do_not_survive_as_data_are_not_written(
    install_rule: Callable[..., None],
) -> None:
    install_rule("pair-plugin", "PAR001", {"pair": "Rule"})
    # Written as data the tuple comes back a list: not the rule configured.
    rules = DEFAULT_RULES.with_plugins("pair").configure("PAR001", level=(1, 2))
    with pytest.raises(RuleConfigurationError) as raised:
        rules.to_mapping()
    assert str(raised.value) == (
        "cannot write the rule set as configuration, which only selects, "
        "configures and orders the rules of the base set and of plugins: "
        "PAR001 pair-plugin-rule (plugin pair-plugin 1.0, pair_plugin.Rule) is "
        "not the rule plugin pair-plugin 1.0 gives, nor that rule with other "
        "parameters (put in with replace?)"
    )


def test_a_bag_of_interviews_is_planned_with_the_rule_set_given() -> None:
    interview = Interview("Ada", "Acme", AT)
    rules = DEFAULT_RULES.select("FU003")
    # dask leaves its functions unannotated.
    from_sequence: Any = db.from_sequence
    plans: Any = plan_bag(from_sequence([interview]), rules=rules)
    assert plans.compute(scheduler="sync") == [plan_followups(interview, rules=rules)]

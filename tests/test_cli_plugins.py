"""The command with plugins: --plugins, --plugin and rules files that name them."""

from __future__ import annotations

import argparse
import os
import pathlib
import re

import pytest

from distributions import write_distribution
from followup.cli import _parser
from shell import run_process

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
LETTER = EXAMPLES / "follow-up.txt"

# The example interview's follow-up falls on Wednesday 25 November 2026.
BLACKOUT_FILE = "[rules.blackout-days]\ndays = [2026-11-25]\n"
MOVED = "Fri 27 Nov 2026 09:00 EST  follow-up"
UNMOVED = "Wed 25 Nov 2026 09:00 EST  follow-up"


def run(*args, env=None):
    # Plugins are found by entry point at start-up: a process of its own.
    return run_process(*args, env=env)


@pytest.fixture
def blackout_file(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(BLACKOUT_FILE)
    return path


@pytest.mark.parametrize(
    "plugins", [["--plugins"], ["--plugin", "blackout"]], ids=["all", "named"]
)
def test_plan_loads_plugins_for_the_rules_file(blackout_file, plugins):
    result = run("plan", "--example", *plugins, "--rules", blackout_file)
    assert result.returncode == 0, result.stderr
    assert MOVED in result.stdout
    assert result.stderr == ""
    assert UNMOVED in run("plan", "--example").stdout


def test_a_rules_file_may_name_the_plugins_the_command_loads(blackout_file):
    blackout_file.write_text('plugins = ["blackout"]\n' + BLACKOUT_FILE)
    for plugins in ([], ["--plugins"], ["--plugin", "blackout"]):
        result = run("plan", "--example", *plugins, "--rules", blackout_file)
        assert result.returncode == 0, result.stderr
        assert MOVED in result.stdout


@pytest.mark.usefixtures("no_other_plugins")
def test_a_plugin_rule_configured_without_its_plugin_says_which_to_load(
    blackout_file,
):
    result = run("plan", "--example", "--rules", blackout_file)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: {blackout_file}: rules.blackout-days: no rule "
        "'blackout-days' in this set; it may come from a plugin: add "
        'plugins = ["blackout"] (installed plugins: blackout)\n'
    )


def test_explain_takes_plugins(blackout_file):
    result = run("explain", "--example", "--plugins", "--rules", blackout_file)
    assert result.returncode == 0, result.stderr
    assert "BLK001" in result.stdout
    assert "BLK001" not in run("explain", "--example").stdout


def test_check_letter_takes_plugins(blackout_file):
    result = run(
        "check-letter",
        LETTER,
        "--example",
        "--plugin",
        "blackout",
        "--rules",
        blackout_file,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{LETTER}: no findings\n"


def test_rules_lists_the_plugins_asked_for():
    assert "BLK001  blackout-days" in run("rules", "--plugins").stdout
    assert "BLK001  blackout-days" in run("rules", "--plugin", "blackout").stdout
    assert "BLK001" not in run("rules").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["plan", "--example", "--plugin", "blackot"],
            (
                "followup: error: --plugin: no plugin 'blackot' in the entry-point "
                "group 'followup.rules' (did you mean 'blackout'?); installed: "
                "blackout"
            ),
        ),
        (
            ["plan", "--example", "--plugins", "--plugin", "blackout"],
            (
                "followup: error: argument --plugin: not allowed with argument "
                "--plugins (see followup plan --help)"
            ),
        ),
    ],
)
@pytest.mark.usefixtures("no_other_plugins")
def test_bad_plugin_options_are_one_line(args, message):
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == message + "\n"


# -- a plugin whose rule fails while planning ---------------------------------

BROKEN = """
import attrs
from typing import ClassVar

@attrs.frozen
class Params:
    pass

@attrs.frozen
class Broken:
    code: ClassVar[str] = "BRK001"
    name: ClassVar[str] = "broken-rule"
    summary: ClassVar[str] = "Fails whatever it is asked."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Params = attrs.field(factory=Params)

    def plan(self, draft):
        raise ValueError("no luck\\non two lines")

    def check(self, facts, steps):
        return ()

    def check_letter(self, letter):
        raise KeyError("letter")
"""


@pytest.fixture
def broken_env(tmp_path):
    """An environment where the distribution broken-plugin 1.0 is installed."""
    write_distribution(
        tmp_path, "broken-plugin", "broken_rule", BROKEN, {"broken": "Broken"}
    )
    path = [str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


FAILED = (
    "followup: error: rule BRK001 broken-rule (plugin broken-plugin 1.0, "
    "broken_rule.Broken) failed in "
)


@pytest.mark.parametrize(
    ("args", "during"),
    [
        (
            ["plan", "--example", "--plugins"],
            "plan(): ValueError: no luck on two lines",
        ),
        (
            ["explain", "--example", "--plugin", "broken"],
            "plan(): ValueError: no luck on two lines",
        ),
        (
            ["plan", EXAMPLES / "interview.toml", "--plugin", "broken"],
            "plan(): ValueError: no luck on two lines",
        ),
        (
            ["check-letter", LETTER, "--example", "--plugins"],
            "check_letter(): KeyError: 'letter'",
        ),
    ],
)
def test_a_failing_plugin_rule_is_one_line_naming_it(broken_env, args, during):
    result = run(*args, env=broken_env)
    assert (result.returncode, result.stdout) == (2, "")
    # Not blamed on the input file: the rule failed, not the interview.
    assert result.stderr == FAILED + during + "\n"


def test_the_broken_plugin_is_only_found_where_it_is_installed(broken_env):
    assert "BRK001" in run("rules", "--plugins", env=broken_env).stdout
    assert "BRK001" not in run("rules", "--plugins").stdout


# -- the options are documented ----------------------------------------------


def subcommands():
    """Each subcommand's parser; argparse has no public way to list them."""
    parser = _parser()
    (choices,) = (
        action.choices
        for action in parser._actions  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
    )
    return choices


def options(parser):
    return [
        action
        for action in parser._actions  # noqa: SLF001
        if "--help" not in action.option_strings
    ]


def test_every_option_has_help():
    missing = [
        f"{name} {action.option_strings or action.dest}"
        for name, sub in subcommands().items()
        for action in options(sub)
        if not action.help
    ]
    assert missing == []


def synopsis():
    """The synopsis in docs/edges.md, one entry a command, lines joined."""
    text = (ROOT / "docs" / "edges.md").read_text()
    (block,) = re.findall(r"## The command line\n\n```\n(.*?)```", text, re.DOTALL)
    entries = []
    for line in block.splitlines():
        if line.startswith("followup "):
            entries.append(line)
        else:
            entries[-1] += " " + line.strip()
    return entries


def test_the_synopsis_in_the_docs_lists_every_option():
    entries = synopsis()
    assert "followup --version" in entries
    for name, sub in subcommands().items():
        (entry,) = (e for e in entries if e.startswith(f"followup {name} "))
        written = set(re.findall(r"--[a-z-]+", entry))
        wanted = {
            action.option_strings[-1]
            for action in options(sub)
            if action.option_strings
        }
        assert written == wanted, name

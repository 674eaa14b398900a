"""What the library promises about itself: a light import, no clock, no I/O."""

from __future__ import annotations

import ast
import pathlib
import re
import subprocess
import sys

import pytest

SRC = pathlib.Path(__file__).parent.parent / "src" / "followup"
HEAVY = ("holidays", "email_validator", "phonenumbers", "cattrs", "icalendar", "dns")


def printed(code: str) -> str:
    """What `code` prints, run in a fresh Python process."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_importing_followup_loads_no_heavy_dependency():
    code = (
        f"import sys, followup; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = printed(code)
    assert out.strip() == "[]"


def test_planning_without_contact_details_or_a_country_loads_none_either():
    code = (
        "import sys, followup; "
        "followup.plan_followups(followup.Interview('Ada', 'Acme', "
        "'2026-11-23T10:00:00Z', interviewer=followup.Contact('Grace'))); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = printed(code)
    assert out.strip() == "[]"


def test_planning_loads_nothing_of_reading_letters():
    # A plan needs no letter's languages, words or patterns: `check_letter`
    # loads them when it is first called.
    code = (
        "import sys, followup; "
        "followup.plan_followups(followup.Interview('Ada', 'Acme', "
        "'2026-11-23T10:00:00Z')); "
        "print(sorted(m for m in sys.modules if m.startswith('followup._l'))); "
        "followup.check_letter('Thanks!', followup.Interview('Ada', 'Acme', "
        "'2026-11-23T10:00:00Z')); "
        "print('followup._letters' in sys.modules)"
    )
    out = printed(code)
    assert out.split("\n")[:2] == ["[]", "True"]


_CLOCK = re.compile(
    # now()/today() on anything (datetime, date, pendulum), the time module's
    # clocks by name, and the same functions imported bare.
    r"\.(?:now|today|utcnow)\("
    r"|\btime\.(?:time|time_ns|monotonic|perf_counter|localtime|gmtime)\("
    r"|(?<![.\w])(?:time|time_ns|monotonic|perf_counter|localtime|gmtime)\(\)"
)


@pytest.mark.source_text
def test_no_module_reads_the_clock_but_the_command_when_asked():
    offenders = [
        f"{path.relative_to(SRC)}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for line in path.read_text().splitlines()
        if _CLOCK.search(line)
    ]
    # The command plans as of now unless `--now` pins it: the clock is read
    # at the edge, in one place.
    assert offenders == [
        "cli.py: return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)"
    ]


# The edges read and write by design: the command line reads files and writes
# its output (`_command_output`), the JSON
# module reads the schemas it ships, rule configuration reads TOML files, and
# plugins read the entry points that installed distributions declare.
EDGES = {
    "__main__.py",
    "cli.py",
    "_command_output.py",
    "json.py",
    "_configuration.py",
    "_inputs.py",
    "plugins.py",
}


@pytest.mark.source_text
def test_no_core_module_opens_files_or_prints():
    pattern = re.compile(r"\bopen\(|\bprint\(|\.write_text\(|\.read_text\(")
    offenders = [
        f"{path.relative_to(SRC)}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for line in path.read_text().splitlines()
        if pattern.search(line)
        and not line.strip().startswith((">>>", "..."))
        and path.name not in EDGES
    ]
    # One read besides, as zoneinfo reads zone files: the list of zone names
    # that tzdata ships, which tells an IANA name in another case.
    assert offenders == [
        '_time.py: listed = (pathlib.Path(folders[0]) / "zones").read_text(encoding="utf-8")'
    ]


def _runtime_imports(path: pathlib.Path) -> set[str]:
    """The followup modules a module imports when it runs (not for type checkers).

    Imports inside functions count: they only postpone a dependency.
    """
    tree = ast.parse(path.read_text())
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {
        name for name in found if name == "followup" or name.startswith("followup.")
    }


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for target in _runtime_imports(path):
            # `from followup.rules import X` may name a submodule or a name.
            edges.add(target if target in modules else target.rpartition(".")[0])
        graph[name] = edges - {name}
    return graph


@pytest.mark.source_text
def test_no_module_imports_itself_through_others():
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_the_rule_protocol_and_phases_depend_on_nothing_else():
    assert _graph()["followup._rule"] == set()


def test_the_cycle_check_sees_function_level_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from followup._plan import Step\n"
        "def f():\n    from followup._engine import fold\n"
    )
    assert _runtime_imports(module) == {"followup._engine"}


def test_every_module_but_the_api_and_the_edges_is_private():
    public = {
        name
        for name in _graph()
        if not any(part.startswith("_") for part in name.split(".")[1:])
    }
    assert public == {
        "followup",
        "followup.cli",
        "followup.errors",
        "followup.example",
        "followup.ics",
        "followup.json",
        "followup.plugins",
        "followup.rules",
        "followup.rules.call_back",
        "followup.rules.call_frequency",
        "followup.rules.close_call",
        "followup.rules.contact_details",
        "followup.rules.decision",
        "followup.rules.follow_up",
        "followup.rules.late_steps",
        "followup.rules.performance",
        "followup.rules.phone_call",
        "followup.rules.spacing",
        "followup.rules.thank_you",
        "followup.rules.waiting",
        "followup.rules.working_time",
        "followup.mail",
        "followup.scale",
        "followup.sync",
        "followup.testing",
    }


def test_a_lazy_name_is_loaded_from_its_module_and_an_unknown_one_refused():
    import followup  # noqa: PLC0415
    from followup._ruleset import DEFAULT_RULES, RuleSet  # noqa: PLC0415

    # Called as Python calls it for a name not loaded yet; by now the name
    # may be loaded already, which only caches what the call returns.
    assert followup.__getattr__("RuleSet") is RuleSet
    assert followup.__getattr__("DEFAULT_RULES") is DEFAULT_RULES
    assert vars(followup)["RuleSet"] is RuleSet
    with pytest.raises(
        AttributeError, match=r"^module 'followup' has no attribute 'plan_follwups'$"
    ):
        followup.__getattr__("plan_follwups")
    assert dir(followup) == sorted(followup.__all__)

"""What every test and every example of the docs runs with.

Plugins installed beside the project's own example (a rule author's, say)
would show in every message that lists the installed plugins, and load with
``plugins = true``: the tests and the docs pin what a set holding only
followup-blackout says and plans.  Those other plugins are hidden for the
run; a plugin a test installs itself, in a folder of its own, is seen.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

import pytest

GROUP = "followup.rules"
OURS = frozenset({"followup-blackout"})


def _others() -> frozenset[str]:
    """The distributions installed now whose rules are not the project's own."""
    names = map(_distribution, importlib.metadata.entry_points(group=GROUP))
    return frozenset(name for name in names if name is not None and name not in OURS)


def _distribution(point: importlib.metadata.EntryPoint) -> str | None:
    return None if point.dist is None else _name(point.dist)


def _name(dist: importlib.metadata.Distribution) -> str | None:
    # A distribution may have no name in its metadata (the tests install
    # one): it is none of the others.
    try:
        return dist.name
    except KeyError:
        return None


OTHERS = _others()


def pytest_report_header() -> str | None:
    """Say which plugins the run hides, if any."""
    if not OTHERS:
        return None
    return f"followup plugins hidden from the tests: {', '.join(sorted(OTHERS))}"


@pytest.fixture(autouse=True)
def _only_our_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    if not OTHERS:
        return
    everything = importlib.metadata.entry_points

    def ours(**selection: Any) -> Any:
        found = everything(**selection)
        if selection.get("group") != GROUP:
            return found
        return importlib.metadata.EntryPoints(
            point for point in found if _distribution(point) not in OTHERS
        )

    def others_left_out(**selection: Any) -> Any:
        # How followup reads the plugins when a malformed one stops the
        # listing above (Python 3.10 with a recent importlib_metadata).
        for dist in every_distribution(**selection):
            if _name(dist) not in OTHERS:
                yield dist

    every_distribution = importlib.metadata.distributions
    monkeypatch.setattr(importlib.metadata, "entry_points", ours)
    monkeypatch.setattr(importlib.metadata, "distributions", others_left_out)


@pytest.fixture
def no_other_plugins() -> None:
    """Skip a test whose command, in a process of its own, lists the plugins.

    That process sees every plugin installed: the fixture above hides them
    in this one only.
    """
    if OTHERS:
        pytest.skip(
            f"other followup plugins are installed: {', '.join(sorted(OTHERS))}"
        )

"""Hypothesis profiles: ``ci`` (the default), ``dev`` and ``deep``.

These machines are shared and noisy, so no profile has a deadline.  Choose
one with ``HYPOTHESIS_PROFILE=deep python -m pytest``.
"""

import functools
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from distributions import rule_source, write_distribution

settings.register_profile(
    "ci",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", deadline=None, max_examples=20)
settings.register_profile(
    "deep",
    deadline=None,
    max_examples=2000,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Read by mypy in CI, not run: typing.assert_type is Python 3.11+.
collect_ignore = ["typing"]


@pytest.fixture
def install(tmp_path, monkeypatch):
    """Install throw-away plugin distributions for one test (see distributions.py)."""
    monkeypatch.syspath_prepend(str(tmp_path))
    return functools.partial(write_distribution, tmp_path)


@pytest.fixture
def install_rule(install):
    """Install a distribution `dist` with one rule, `code`, under entry points `points`."""

    def make(dist, code, points, **options):
        source = rule_source(code, f"{dist}-rule")
        install(dist, dist.replace("-", "_"), source, points, **options)

    return make


@pytest.fixture
def umask() -> Iterator[None]:
    """A umask of 0022 for the test, and the process's own back after it."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)

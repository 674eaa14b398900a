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


@pytest.fixture(scope="session")
def caldav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server with one user for the whole run; yields its base URL.

    Started once, when a test first needs it: each test writes to a
    calendar of its own (`calendar_url`), so they share the server.
    """
    # Here, not at the top: it imports caldav, which most tests never need.
    from radicale_server import radicale  # noqa: PLC0415

    with radicale(tmp_path_factory.mktemp("radicale")) as url:
        yield url


@pytest.fixture
def calendar_url(caldav_server: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty calendar of the user's, named after the test's module."""
    from radicale_server import new_calendar  # noqa: PLC0415

    return new_calendar(caldav_server, request.module.__name__.removeprefix("test_"))

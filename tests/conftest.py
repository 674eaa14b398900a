"""Hypothesis profiles: ``ci`` (the default), ``dev`` and ``deep``.

These machines are shared and noisy, so no profile has a deadline.  Choose
one with ``HYPOTHESIS_PROFILE=deep python -m pytest``.
"""

import os

from hypothesis import HealthCheck, settings

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

"""A service that plans from many threads, and sets a locale, plans as one thread does.

Each scenario runs in a fresh process: what breaks is a first import, or
the process's warning filters and locale, which a test process shares.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest


def _fresh(script: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *options, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


FIRST_PLANS = """
    from concurrent.futures import ThreadPoolExecutor
    from followup import Contact, Interview, plan_followups
    from followup._contact import country_codes

    countries = sorted(set(country_codes().values()) - {"AS"})
    # American Samoa's module imports the United States', and with it all.
    requests = countries[:4] + ["AS"] + countries[4:40]

    def handle(country):
        interview = Interview("Ada", "Acme", "2026-12-21T10:00:00Z",
            interviewer=Contact("Grace", email="g@example.com", country=country))
        try:
            plan_followups(interview)
        except Exception as error:
            return f"{country}: {type(error).__name__}: {error}"

    with ThreadPoolExecutor(16) as pool:
        print([failure for failure in pool.map(handle, requests) if failure])
"""


@pytest.mark.parametrize("_attempt", range(3))
def test_first_plans_from_many_threads_load_their_countries_safely(_attempt):
    # Half of such starts failed a request or more with `_DeadlockError`, or
    # `KeyError: 'holidays.countries'`, the package seen half made.
    result = _fresh(FIRST_PLANS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")


MANY_YEARS = """
    import warnings
    from concurrent.futures import ThreadPoolExecutor
    from followup import Contact, Interview, plan_followups

    def handle(index):
        # India's lunisolar holidays are known from 2001 to 2035 only: the
        # package warns of other years, and followup holds that back.
        country = ("IN", "US", "DE", "BR")[index % 4]
        year = 2036 + index // 4
        interview = Interview("Ada", "Acme", f"{year}-03-02T10:00:00Z",
            interviewer=Contact("Grace", email="g@example.com", country=country))
        plan_followups(interview)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(handle, range(200)))
    print([f[0] for f in warnings.filters if f[2] is UserWarning])
    warnings.warn("the service's own warning")
"""


def test_threads_leave_the_warning_filters_as_they_were():
    # `catch_warnings` from two threads at once left "ignore" behind: the
    # service's own UserWarnings were silenced for good.
    result = _fresh(MANY_YEARS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"
    assert "UserWarning: the service's own warning" in result.stderr
    assert "Requested Holidays" not in result.stderr


def test_threads_hold_back_the_holidays_warning_under_error_filters():
    # One thread restored the filters while another was inside: holidays'
    # warning escaped, and with -W error the plan failed.
    result = _fresh(MANY_YEARS, "-W", "error::UserWarning")
    assert "Requested Holidays" not in result.stderr
    assert "UserWarning: the service's own warning" in result.stderr


LOCALE_SET = """
    import locale
    from followup import Contact, Event, Interview, plan_followups

    interview = Interview(
        "Ada", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace", timezone="America/New_York", country="US"),
    )
    away = [Event("away", "2026-11-24T09:00:00-05:00", until="2026-12-10")]
    before = plan_followups(interview, away, now="2026-11-24T10:00:00-05:00")
    locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
    after = plan_followups(interview, away, now="2026-11-24T10:01:00-05:00")
    print(f"{before.steps[0].due:%a}")
    for step in after.steps:
        print(step.reason)
    print([s.reason for s in after.steps] == [s.reason for s in before.steps])
"""


def test_a_locale_set_by_the_host_changes_no_reason(tmp_path):
    # "%a" and "%b" follow the process's locale: a reason read "Held until
    # Do 10 Dez 2026" once any thread had set a German one.  A German locale
    # is made for the test where the machine can make one.
    localedef = shutil.which("localedef")
    made = tmp_path / "de_DE.UTF-8"
    if localedef is not None:
        subprocess.run(
            [localedef, "-i", "de_DE", "-f", "UTF-8", str(made)],
            capture_output=True,
            check=False,
        )
    if not made.exists():
        pytest.skip("no German locale can be made on this machine")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(LOCALE_SET)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LOCPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Di"  # the locale took: Tuesday 24 November
    assert "Held until Thu 10 Dec 2026" in result.stdout
    assert lines[-1] == "True"

"""A country's calendar loaded on its own gives the package's own dates.

`followup._country_calendars` runs one country's module of ``holidays``
without the package's ``countries/__init__``, which imports all of them.
These tests hold the calendars it makes equal to the package's for every
country, and show that nothing another library imports is changed.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
import textwrap
import warnings

import holidays
import pytest
from holidays import registry

from followup import _country_calendars
from followup._country_calendars import country_class, country_holidays

_alone = _country_calendars._alone  # noqa: SLF001 - the loader under test

#: Every country the package has: its module, class and alpha-2 code.
COUNTRIES = sorted(
    (module, names[0], names[1]) for module, names in registry.COUNTRIES.items()
)


def _calendar(cls: object, year: int, subdiv: str | None = None) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return cls(years=year, subdiv=subdiv, language="en_US")  # type: ignore[operator]


@pytest.mark.parametrize(("module", "name", "code"), COUNTRIES)
def test_every_country_alone_has_the_package_s_days(
    module: str, name: str, code: str
) -> None:
    alone = _alone(code)
    assert alone is not None
    own = holidays.country_holidays
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        expected = own(code, years=2026, language="en_US")
    found = _calendar(alone, 2026)
    assert dict(found.items()) == dict(expected.items())  # type: ignore[attr-defined]
    assert found.weekend == expected.weekend  # type: ignore[attr-defined]
    assert found.weekend_workdays == expected.weekend_workdays  # type: ignore[attr-defined]
    assert alone.subdivisions == expected.subdivisions
    # The package's class, run from the package's file under followup's name.
    assert alone.__name__ == name
    assert alone.__module__ == f"followup._country_calendars.{module}"


@pytest.mark.parametrize(
    ("code", "subdiv", "day", "name"),
    [
        # A state's own holiday: Texas Independence Day, Bavaria's Epiphany.
        ("US", "TX", dt.date(2026, 3, 2), "Texas Independence Day"),
        ("DE", "BY", dt.date(2026, 1, 6), "Epiphany"),
    ],
)
def test_a_subdivision_alone_has_its_own_days(
    code: str, subdiv: str, day: dt.date, name: str
) -> None:
    found = _calendar(_alone(code), 2026, subdiv)
    assert name in found.get(day, "")  # type: ignore[attr-defined]
    assert day not in _calendar(_alone(code), 2026)  # type: ignore[operator]


def test_a_code_the_package_lacks_is_not_loaded() -> None:
    assert _alone("ZZ") is None
    # The package's own error, as before.
    with pytest.raises(NotImplementedError):
        country_holidays("ZZ", years=2026)


def test_aliases_name_the_same_country() -> None:
    assert _alone("USA").__name__ == _alone("US").__name__ == "UnitedStates"


def test_once_the_package_loaded_every_country_its_classes_are_used() -> None:
    import holidays.countries  # noqa: PLC0415 - loads them all, as a user may

    calendar = country_holidays("US", years=2026)
    assert type(calendar).__module__ == "holidays.countries.united_states"
    assert (
        country_class("GB").subdivisions
        == holidays.countries.UnitedKingdom.subdivisions
    )


def test_a_package_not_laid_out_as_files_is_asked_its_own_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda _name: None)
    assert _alone.__wrapped__("US") is None


_FRESH = textwrap.dedent(
    """
    import json, sys
    from followup import Contact, Interview, plan_followups
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-25T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace Hopper", country="US"),
    )
    plan = plan_followups(interview)
    loaded = sorted(name for name in sys.modules if "countries" in name)
    import holidays.countries
    print(json.dumps({
        "follow-up": [s.due.isoformat() for s in plan.steps if s.kind.value == "follow-up"],
        "loaded": loaded,
        "after": hasattr(holidays.countries, "united_states"),
        "class": holidays.countries.UnitedStates.__module__,
    }))
    """
)


def test_a_fresh_process_plans_with_one_country_and_changes_no_import() -> None:
    # Thanksgiving (Thursday 26 November) and the Friday the business days
    # skip: the follow-up goes out two business days later, on Monday.
    done = subprocess.run(
        [sys.executable, "-c", _FRESH],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout)
    assert found["follow-up"] == ["2026-11-30T09:00:00-05:00"]
    # No country module of the package, and none of followup's own copies,
    # is left in sys.modules for others to trip over.
    assert found["loaded"] == []
    # Imported afterwards, the package is whole and its own.
    assert found["after"] is True
    assert found["class"] == "holidays.countries.united_states"

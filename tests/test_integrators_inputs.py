"""What a job-search app's developer passed in, and what came back.

A name of zero-width characters was
taken for a name ("Dear \u200b,").  `to_ics(history=...)` took any history
without a previous plan, `plan_changes` an event before the interview, and
the interview schema a subdivision without its country.
"""

from __future__ import annotations

import jsonschema
import pytest

from followup import (
    Contact,
    Event,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    plan_changes,
    plan_followups,
)
from followup.ics import to_ics
from followup.json import schema


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",
        "\ufeff",
        "\u00ad",
        "\u2060",
        " \u200b\u200c ",
        "\u3164",
        "\u2800",
        "\u034f",
        "\ufe0f",
        "\u0301",
    ],
)
def test_a_name_of_characters_that_show_nothing_is_refused(name: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        Contact(name)
    assert str(raised.value).endswith(
        "holds only characters that show nothing (zero-width)"
    )
    with pytest.raises(InvalidValueError, match=r"^Interview\.company: "):
        Interview("Ada", name, "2026-11-23T10:00:00Z")


def test_a_name_with_a_zero_width_character_in_it_is_a_name() -> None:
    assert Contact("Gr\u200bace").name == "Gr\u200bace"
    assert Contact("Rene\u0301e").name == "Rene\u0301e"


def test_to_ics_checks_the_history_without_a_previous_plan() -> None:
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    for history in ("abc", None, [1]):
        with pytest.raises(InvalidTypeError, match=r"^history"):
            to_ics(plan, history=history)  # type: ignore[arg-type]
    assert to_ics(plan, history=[]) == to_ics(plan)


def test_plan_changes_refuses_an_event_before_the_interview() -> None:
    plan = plan_followups(Interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    early = Event("called", "2020-01-01T00:00:00Z")
    with pytest.raises(InvalidValueError) as raised:
        plan_changes(plan, plan, [Event("called", "2026-11-24T10:00:00Z"), early])
    assert str(raised.value) == (
        "history[1].at: '2020-01-01T00:00:00+00:00' is before the interview "
        "(2026-11-23T10:00:00+00:00)"
    )
    # At the interview's own instant: taken.
    assert not plan_changes(plan, plan, [Event("called", "2026-11-23T10:00:00Z")])


def test_the_schema_wants_the_country_of_a_subdivision() -> None:
    document = {
        "candidate": "Ada",
        "company": "Acme",
        "at": "2026-11-23T10:00:00Z",
        "interviewer": {"name": "Grace", "subdivision": "NY"},
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema("interview"))
    document["interviewer"] = {"name": "Grace", "subdivision": "NY", "country": "US"}
    jsonschema.validate(document, schema("interview"))
    document["interviewer"] = {"name": "Grace", "subdivision": None}
    jsonschema.validate(document, schema("interview"))

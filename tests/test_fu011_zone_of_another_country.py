"""FU011 warns when the interview's zone keeps other hours than the interviewer's country.

An interviewer in New Zealand, with no zone given, interviewed on London's
clock: the plan counted working time in London, and the call rang in
Auckland at 22:00.  Only an offset or UTC was warned of.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, Severity, check_plan, plan_followups


def _fu011(at, country, timezone=None):
    interview = Interview(
        "Ada",
        "Kiwi Analytics",
        at,
        interviewer=Contact(
            "Aroha Ngata", email="aroha@example.com", country=country, timezone=timezone
        ),
    )
    plan = plan_followups(interview, now=at)
    found = [f for f in plan.findings if f.code == "FU011"]
    # check_plan says the same of the plan, as of its making.
    assert [f for f in check_plan(plan) if f.code == "FU011"] == [
        f.__class__(f.code, f.severity, f.message, expected=f.expected, actual=f.actual)
        for f in found
    ]
    return found


def test_london_s_clock_for_an_interviewer_in_new_zealand_is_warned_of():
    (finding,) = _fu011("2026-11-19T21:00:00+00:00[Europe/London]", "NZ")
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "the interviewer (in NZ) has no time zone: working time is counted in the "
        "interview's, Europe/London, which keeps other hours than NZ's "
        "(Pacific/Auckland, Pacific/Chatham)"
    )
    assert finding.expected == "the interviewer's IANA time zone, Pacific/Auckland say"
    assert finding.actual == "Europe/London"


def test_a_country_of_many_zones_is_counted_not_listed():
    (finding,) = _fu011("2026-11-19T10:00:00+00:00[Europe/London]", "US")
    assert finding.message.endswith("which keeps other hours than any of US's 29 zones")
    assert finding.expected == "the interviewer's IANA time zone, one of those 29"


@pytest.mark.parametrize(
    ("at", "country"),
    [
        ("2026-11-19T10:00:00+13:00[Pacific/Auckland]", "NZ"),
        # A link of one of the country's zones.
        ("2026-11-19T10:00:00-05:00[US/Eastern]", "US"),
        ("2026-11-19T10:00:00+05:30[Asia/Calcutta]", "IN"),
        ("2026-11-19T10:00:00+02:00[Europe/Kiev]", "UA"),
        # Another country's zone with the same hours, then and after.
        ("2026-11-19T10:00:00+01:00[Europe/Rome]", "VA"),
        ("2026-11-19T10:00:00+01:00[Europe/Berlin]", "FR"),
    ],
)
def test_a_zone_that_keeps_the_country_s_hours_is_not_warned_of(at, country):
    assert _fu011(at, country) == []


def test_a_zone_given_for_the_interviewer_ends_the_question():
    assert (
        _fu011("2026-11-19T21:00:00+00:00[Europe/London]", "NZ", "Pacific/Auckland")
        == []
    )


def test_hours_that_part_after_a_clock_change_are_warned_of():
    # Accra and London keep one hour in winter; from 29 March London is an
    # hour ahead, within the three weeks a plan spans.
    (finding,) = _fu011("2026-03-20T10:00:00+00:00[Europe/London]", "GH")
    assert "keeps other hours than GH's (Africa/Accra)" in finding.message
    # In November the next change is months away: the same hours.
    assert _fu011("2026-11-19T10:00:00+00:00[Europe/London]", "GH") == []

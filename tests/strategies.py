"""Every Hypothesis strategy the tests use, in one place.

They live in `followup.testing`, where plugins' tests find them too; the
tests import them from here so that a strategy of the tests' own can join
them without touching the library.
"""

from __future__ import annotations

from followup.testing import (
    COUNTRIES,
    YEARS,
    ZONE_NAMES,
    companies,
    contacts,
    emails,
    histories,
    instants,
    instants_near_transitions,
    interviews,
    long_text,
    people,
    phones,
    plain_instants,
    positions,
    single_line_text,
    situations,
    transitions,
    zone_names,
)

__all__ = [
    "COUNTRIES",
    "YEARS",
    "ZONE_NAMES",
    "companies",
    "contacts",
    "emails",
    "histories",
    "instants",
    "instants_near_transitions",
    "interviews",
    "long_text",
    "people",
    "phones",
    "plain_instants",
    "positions",
    "single_line_text",
    "situations",
    "transitions",
    "zone_names",
]

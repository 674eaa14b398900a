"""Every Hypothesis strategy the tests use, in one place.

They live in `followup.testing`, where plugins' tests find them too; the
tests import them from here so that a strategy of the tests' own can join
them without touching the library.
"""

from __future__ import annotations

from hypothesis import strategies as st

from followup import Channel, EventKind, Outcome
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
    "event_documents",
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


def event_documents() -> st.SearchStrategy[dict[str, str]]:
    """An event as a document might hold it, its fields in any combination.

    One instant, 24 November 2026, with an `until` and a `call_back_at`
    before, on and after it: most such events break a rule across fields
    (an away event without `until`, a channel that does not fit the kind).
    """
    return st.fixed_dictionaries(
        {
            "kind": st.sampled_from([kind.value for kind in EventKind]),
            "at": st.just("2026-11-24T10:00:00Z"),
        },
        optional={
            "outcome": st.sampled_from([outcome.value for outcome in Outcome]),
            "channel": st.sampled_from([channel.value for channel in Channel]),
            "until": st.sampled_from(["2026-11-23", "2026-11-24", "2026-12-01"]),
            "call_back_at": st.sampled_from(
                ["2026-11-24T09:00:00Z", "2026-11-26T15:00:00Z"]
            ),
        },
    )

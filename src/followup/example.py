"""A built-in example interview, so the command and the docs run with no file."""

from __future__ import annotations

from followup._contact import Contact
from followup._interview import Interview
from followup._trusted import assemble
from followup._vocabulary import Performance

__all__ = ["example_interview"]


def example_interview() -> Interview:
    """Ada Lovelace's phone interview with Acme Analytics, Monday 23 November 2026.

    The interviewer works in New York; her phone number is not known yet, so
    the plan warns about it (A2).

    >>> example_interview().interviewer.timezone
    'America/New_York'
    """
    return Interview(
        candidate="Ada Lovelace",
        company="Acme Analytics",
        at="2026-11-23T10:00:00-05:00[America/New_York]",
        # Written as `Contact` keeps it, and built without checking it again:
        # checking an email address loads email-validator, a seventh of the
        # time `followup plan --example` takes, for an address that never
        # changes.  A test holds it equal to the `Contact` these values make.
        interviewer=assemble(
            Contact,
            name="Grace Hopper",
            email="grace.hopper@example.com",
            timezone="America/New_York",
            country="US",
            subdivision="NY",
        ),
        position="data engineer",
        duration=30,
        performance=Performance.STRONG,
    )

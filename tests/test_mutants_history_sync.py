"""Pins what hand mutants of events, document reading, errors and sync showed untested.

Each test names the mutant it kills: an empty outcome refused rather than
read as none, the instant named when a call back comes before its call, a
pickled event keeping its zone, a TOML number too long to read reported as
unreadable, a long document key cut at 80 characters, and a URL the HTTP
client refuses as a value reported as a `SyncError` naming the URL.
"""

from __future__ import annotations

import pickle

import pytest

from followup import Event, InvalidValueError, plan_followups
from followup._parsing import Unreadable, read_json, read_toml
from followup.errors import _shown_key
from followup.example import example_interview
from followup.sync import SyncError, sync_plan

AT = "2026-11-24T10:00:00-05:00[America/New_York]"


def test_an_empty_outcome_is_refused_not_read_as_none() -> None:
    # Kills h01: `None if not value else _outcome(value)` (an empty outcome
    # would be taken for no outcome at all instead of a wrong one).
    with pytest.raises(InvalidValueError) as caught:
        Event("called", AT, outcome="")
    assert (caught.value.field, caught.value.value) == ("Event.outcome", "")
    assert str(caught.value).startswith("Event.outcome: '' is not an Outcome (")


def test_a_call_back_before_the_call_names_the_call_instant() -> None:
    # Kills h41: the message naming the call back's instant instead of the
    # call's (the existing test has the two equal).
    with pytest.raises(InvalidValueError) as caught:
        Event("called", AT, call_back_at="2026-11-23T10:00:00-05:00")
    assert str(caught.value) == (
        "Event.call_back_at: '2026-11-23T10:00:00-05:00' is not after the call "
        "it was agreed on (2026-11-24T10:00:00-05:00)"
    )


def test_a_pickled_event_keeps_the_zone_of_its_instant() -> None:
    # Kills h47: `pack_instant(event.at.in_timezone('UTC'))` (the same
    # instant comes back, equal, but in another zone).
    event = Event("replied", AT, until="2026-12-01")
    again = pickle.loads(pickle.dumps(event))
    assert again == event
    assert again.at.timezone_name == "America/New_York"
    assert again.at.isoformat() == "2026-11-24T10:00:00-05:00"
    assert again.until == event.until


def test_a_toml_number_too_long_to_read_is_unreadable() -> None:
    # Kills p15: `except RecursionError` alone in read_toml (tomllib lets
    # int()'s ValueError for more than 4300 digits escape as it is).
    with pytest.raises(Unreadable) as caught:
        read_toml("x = 1" + "0" * 5000)
    assert caught.value.reason == "holds a number of more digits than can be read"


def test_a_long_key_keeps_its_first_80_characters() -> None:
    # Kills e02: `value[:whole]` (a key of more than 100 characters would
    # keep 100, where `_shown` says 80).
    key = "k" * 101
    assert _shown_key(key) == repr("k" * 80 + "…") + " (101 characters)"
    with pytest.raises(Unreadable) as caught:
        read_json(f'{{"{key}": 1, "{key}": 2}}')
    assert caught.value.reason == (
        f"the key {'k' * 80 + '…'!r} (101 characters) is given twice in one "
        "object, which readers take differently"
    )


def test_a_url_the_http_client_refuses_is_a_sync_error_naming_it() -> None:
    # Kills s04: `except (dav.DAVError, OSError)` (the client's ValueError
    # for a malformed URL would escape instead of a one-line SyncError).
    url = "http://[::1/cal/"
    with pytest.raises(SyncError) as caught:
        sync_plan(plan_followups(example_interview()), url)
    message = str(caught.value)
    assert message.startswith(f"{url}: ")
    assert "\n" not in message
    assert isinstance(caught.value.__cause__, ValueError)

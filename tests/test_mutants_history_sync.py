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

from followup import DEFAULT_RULES, Contact, Event, InvalidValueError, plan_followups
from followup._parsing import Unreadable, read_json, read_toml
from followup.errors import (
    DuplicateRuleError,
    InvalidTypeError,
    NaiveDatetimeError,
    PluginError,
    RuleConfigurationError,
    UnknownTimeZoneError,
    _shown_key,
    did_you_mean,
)
from followup.example import example_interview
from followup.sync import Synced, _why, sync_plan

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
    # Kills e11: `_KEY = 80` (a key of up to 100 characters, the most a name
    # may have, is quoted whole).
    assert _shown_key("k" * 100) == repr("k" * 100)
    assert _shown_key(key) == repr("k" * 80 + "…") + " (101 characters)"
    with pytest.raises(Unreadable) as caught:
        read_json(f'{{"{key}": 1, "{key}": 2}}')
    assert caught.value.reason == (
        f"the key {'k' * 80 + '…'!r} (101 characters) is given twice in one "
        "object, which readers take differently"
    )


def test_a_url_the_http_client_could_not_read_is_refused_naming_it() -> None:
    # A malformed URL is a bad argument, refused before any request: the
    # client's ValueError, whose text quotes the "port", never escapes.
    url = "http://[::1/cal/"
    with pytest.raises(InvalidValueError) as caught:
        sync_plan(plan_followups(example_interview()), url)
    message = str(caught.value)
    assert message.startswith(f"url: {url!r} is no URL: ")
    assert "\n" not in message


def test_an_unknown_zone_is_no_naive_datetime() -> None:
    # Kills e19: `class UnknownTimeZoneError(NaiveDatetimeError)` (a caller
    # catching naive datetimes would catch a misspelt zone name too).
    with pytest.raises(UnknownTimeZoneError) as caught:
        Contact(name="Grace", email="grace@example.com", timezone="Mars/Olympus")
    assert not isinstance(caught.value, NaiveDatetimeError)
    assert isinstance(caught.value, InvalidValueError)


def test_a_rule_added_twice_is_a_rule_configuration_error() -> None:
    # Kills e20: `class DuplicateRuleError(FollowUpError, ValueError)` (a
    # caller catching a bad rule configuration would miss a duplicate).
    rule = next(iter(DEFAULT_RULES))
    with pytest.raises(RuleConfigurationError) as caught:
        DEFAULT_RULES.extend(rule)
    assert isinstance(caught.value, DuplicateRuleError)


def test_a_value_of_the_wrong_kind_is_a_type_error() -> None:
    # Kills e29: `class InvalidTypeError(FollowUpError, ValueError)` (the
    # builtin a caller would catch for a wrong kind of value is TypeError).
    with pytest.raises(TypeError) as caught:
        sync_plan(None, "http://127.0.0.1:1/cal/")  # type: ignore[arg-type]
    assert isinstance(caught.value, InvalidTypeError)
    assert not isinstance(caught.value, ValueError)


def test_a_broken_plugin_is_a_rule_configuration_error() -> None:
    # Kills e30: `class PluginError(FollowUpError)` (a plugin that cannot be
    # loaded is a bad rule configuration, and a ValueError).
    error = PluginError("plugin 'acme' could not be loaded")
    assert isinstance(error, RuleConfigurationError)
    assert isinstance(error, ValueError)
    assert error.problems == ("plugin 'acme' could not be loaded",)


def test_a_suggestion_must_be_at_least_half_alike() -> None:
    # Kills e32: `cutoff=0.4`: "abxyz" shares 2 of "abcde"'s 5 letters
    # (a ratio of 2*2/10 = 0.4), "abcxyz" 3 of "abcdef"'s 6 (0.5).
    assert did_you_mean("abcde", ["abxyz"]) == ""
    assert did_you_mean("abcdef", ["abcxyz"]) == " (did you mean 'abcxyz'?)"


def test_a_refusal_is_one_short_line() -> None:
    # Kills s28 (`_LONGEST = 60`), s29 (cut at 160 then "..." added, 163
    # characters) and s30 (the message's own line breaks kept).
    assert _why(ValueError("y" * 200)) == "y" * 157 + "..."
    assert _why(ValueError("y" * 160)) == "y" * 160
    assert _why(ValueError("bad  URL\n  here")) == "bad URL here"
    assert _why(ValueError("")) == "ValueError"


def test_a_connection_failure_names_its_kind_only() -> None:
    # Kills s27: the HTTP client's own message (a paragraph of pool details)
    # instead of the kind of failure.
    error = ConnectionRefusedError(111, "Connection refused by 127.0.0.1:1")
    assert _why(error) == "cannot reach the server (ConnectionRefusedError)"


def test_what_a_push_did_reads_in_the_order_of_its_fields() -> None:
    # Kills s31: updated and cancelled counted the other way round.
    synced = Synced(("a",), ("b", "c"), ("d", "e", "f"), ())
    assert str(synced) == "1 created, 2 updated, 3 cancelled, 0 unchanged"

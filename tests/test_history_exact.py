"""Events: what a channel error names, what equality weighs, what pickling keeps.

A refused channel is explained only by the message, which must name the
field and the channel given; two events that differ only in the agreed call
back are different events; and a pickled event comes back with its channel.
"""

from __future__ import annotations

import pickle

import pytest

from followup import Channel, Event, InvalidValueError

AT = "2026-11-24T10:00:00-05:00[America/New_York]"


def refusal(**fields):
    with pytest.raises(InvalidValueError) as caught:
        Event(at=AT, **fields)
    return caught.value.field, caught.value.value, str(caught.value)


def test_an_unknown_channel_is_refused_naming_the_field_and_the_choices():
    assert refusal(kind="called", channel="fax") == (
        "Event.channel",
        "fax",
        (
            "Event.channel: 'fax' is not a Channel (one of 'email', "
            "'printed-letter', 'handwritten-letter', 'phone', 'other')"
        ),
    )


def test_a_call_by_email_is_refused_naming_the_channel():
    assert refusal(kind="called", channel="email") == (
        "Event.channel",
        "email",
        "Event.channel: 'email' does not fit a called event",
    )


def test_an_absence_with_a_channel_is_refused_naming_the_channel():
    assert refusal(kind="away", channel="phone", until="2026-11-30") == (
        "Event.channel",
        "phone",
        "Event.channel: 'phone' does not fit an away event",
    )


def test_events_differing_only_in_the_call_back_time_differ():
    first = Event("called", AT, call_back_at="2026-11-26T10:00:00-05:00")
    second = Event("called", AT, call_back_at="2026-11-27T10:00:00-05:00")
    assert first != second
    assert first == Event("called", AT, call_back_at="2026-11-26T15:00:00+00:00")


@pytest.mark.parametrize("channel", [None, Channel.PHONE])
def test_a_pickled_event_keeps_its_channel(channel):
    event = Event("called", AT, channel=channel)
    again = pickle.loads(pickle.dumps(event))
    assert again == event
    assert again.channel is channel

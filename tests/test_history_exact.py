"""Events: what a channel error names, what equality weighs, what pickling keeps.

A refused channel is explained only by the message, which must name the
field and the channel given; two events that differ only in the agreed call
back are different events; and a pickled event comes back with its channel.
"""

from __future__ import annotations

import datetime as dt
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


LATER = "2026-11-30T10:00:00-05:00[America/New_York]"


@pytest.mark.parametrize(
    ("fields", "field", "value", "message"),
    [
        (
            {"kind": "decision-received"},
            "Event.outcome",
            None,
            (
                "None given, but a decision-received event needs the decision "
                "('offer', 'rejected' or 'next-round')"
            ),
        ),
        (
            {"kind": "decision-received", "outcome": "undecided"},
            "Event.outcome",
            "undecided",
            (
                "'undecided' given, but a decision-received event needs the "
                "decision ('offer', 'rejected' or 'next-round')"
            ),
        ),
        (
            {"kind": "thank-you-sent", "outcome": "offer"},
            "Event.outcome",
            "offer",
            "'offer' belongs to a call or a decision, not to thank-you-sent",
        ),
        (
            {"kind": "away"},
            "Event.until",
            None,
            "None given, but an event of kind away needs the day it ends",
        ),
        (
            {"kind": "paused"},
            "Event.until",
            None,
            "None given, but an event of kind paused needs the day it ends",
        ),
        (
            {"kind": "called", "until": "2026-11-30"},
            "Event.until",
            "2026-11-30",
            "'2026-11-30' belongs to a reply, an absence or a pause, not to called",
        ),
        (
            {"kind": "replied", "until": "2026-11-23"},
            "Event.until",
            "2026-11-23",
            "'2026-11-23' is before the day of the event (2026-11-24)",
        ),
        (
            {"kind": "called", "outcome": "no-answer", "call_back_at": LATER},
            "Event.call_back_at",
            "2026-11-30T10:00:00-05:00",
            (
                "'2026-11-30T10:00:00-05:00' is agreed only on a call where the "
                "company has not decided"
            ),
        ),
        (
            {"kind": "replied", "call_back_at": LATER},
            "Event.call_back_at",
            "2026-11-30T10:00:00-05:00",
            (
                "'2026-11-30T10:00:00-05:00' is agreed only on a call where the "
                "company has not decided"
            ),
        ),
        (
            {"kind": "called", "call_back_at": AT},
            "Event.call_back_at",
            "2026-11-24T10:00:00-05:00",
            (
                "'2026-11-24T10:00:00-05:00' is not after the call it was agreed on "
                "(2026-11-24T10:00:00-05:00)"
            ),
        ),
        (
            {"kind": "thank-you-sent", "channel": "phone"},
            "Event.channel",
            "phone",
            "'phone' does not fit a thank-you-sent event",
        ),
        (
            {"kind": "follow-up-sent", "channel": "phone"},
            "Event.channel",
            "phone",
            "'phone' does not fit a follow-up-sent event",
        ),
        (
            {"kind": "paused", "until": "2026-11-30", "channel": "email"},
            "Event.channel",
            "email",
            "'email' does not fit a paused event",
        ),
    ],
)
def test_an_event_that_cannot_be_is_refused_naming_the_field_and_value(
    fields, field, value, message
):
    assert refusal(**fields) == (field, value, f"{field}: {message}")


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "replied", "until": "2026-11-24"},
        {"kind": "away", "until": "2026-11-24"},
        {"kind": "paused", "until": "2026-11-24"},
        {"kind": "called", "call_back_at": LATER},
        {"kind": "called", "outcome": "undecided", "call_back_at": LATER},
        {"kind": "decision-received", "outcome": "next-round"},
        {"kind": "called", "channel": "phone"},
        {"kind": "thank-you-sent", "channel": "handwritten-letter"},
        {"kind": "replied", "channel": "phone"},
    ],
)
def test_an_event_at_the_edge_of_what_is_allowed_is_kept(fields):
    event = Event(at=AT, **fields)

    def written(value):
        return value.isoformat() if hasattr(value, "isoformat") else value.value

    # Each field reads back as given (a zone in brackets names the offset).
    assert {name: written(getattr(event, name)) for name in fields} == {
        name: value.split("[")[0] for name, value in fields.items()
    }


@pytest.mark.parametrize(
    ("fields", "field", "value", "message"),
    [
        (
            {"kind": "called", "at": "tomorrow"},
            "Event.at",
            "tomorrow",
            (
                "'tomorrow' is not an ISO 8601 date and time "
                "(e.g. 2026-11-23T10:00:00-05:00)"
            ),
        ),
        (
            {"kind": "called", "at": AT, "call_back_at": "later"},
            "Event.call_back_at",
            "later",
            "'later' is not an ISO 8601 date and time (e.g. 2026-11-23T10:00:00-05:00)",
        ),
        (
            {"kind": "called", "at": AT, "outcome": "maybe"},
            "Event.outcome",
            "maybe",
            (
                "'maybe' is not an Outcome (one of 'undecided', 'no-answer', 'offer', "
                "'rejected', 'next-round')"
            ),
        ),
        (
            {"kind": "replied", "at": AT, "until": "someday"},
            "Event.until",
            "someday",
            "'someday' is not a date (YYYY-MM-DD)",
        ),
    ],
)
def test_a_field_that_cannot_be_read_is_named_in_the_refusal(
    fields, field, value, message
):
    with pytest.raises(InvalidValueError) as caught:
        Event(**fields)
    error = caught.value
    assert (error.field, error.value, str(error)) == (
        field,
        value,
        f"{field}: {message}",
    )


def test_until_is_checked_against_the_date_of_at_as_it_is_written():
    # One instant: 24 November in Tokyo, 23 November in New York.  An event
    # knows no recipient, so the day of the event is the date `at` shows.
    tokyo = "2026-11-24T01:00:00+09:00[Asia/Tokyo]"
    new_york = "2026-11-23T11:00:00-05:00[America/New_York]"
    assert Event("replied", new_york, until="2026-11-23").until == dt.date(2026, 11, 23)
    with pytest.raises(InvalidValueError) as caught:
        Event("replied", tokyo, until="2026-11-23")
    assert str(caught.value) == (
        "Event.until: '2026-11-23' is before the day of the event (2026-11-24)"
    )

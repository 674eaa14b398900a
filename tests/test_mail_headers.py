"""What a drafted message's head says, read back as a mail program reads it.

The stdlib parser (``policy.default``) is the reader: a header the library
writes must come back as the value it was given, whatever the name, the
address, the subject or the moment of sending.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import urllib.parse

import pytest
from hypothesis import given

from followup import InvalidTypeError
from followup._time import coerce_instant
from followup.example import example_interview
from followup.mail import draft_message, draft_text, mailto_link, subject
from strategies import instants

SENT = "2026-11-25T09:00:00-05:00"


@pytest.mark.parametrize(
    "call",
    [
        lambda value: draft_text(value, "thank-you"),
        lambda value: mailto_link(value, "thank-you"),
        lambda value: draft_message(value, "thank-you", sent=SENT),
        lambda value: subject(value, "follow-up"),
    ],
)
@pytest.mark.parametrize("value", [None, "Ada at Acme", 5])
def test_what_is_no_interview_is_refused_naming_it(call, value):
    with pytest.raises(InvalidTypeError) as caught:
        call(value)
    assert caught.value.field == "interview"
    assert caught.value.value == value
    assert str(caught.value).startswith("interview: expected an Interview, got ")


@pytest.mark.parametrize(
    "call",
    [
        lambda locale: draft_text(example_interview(), "thank-you", locale=locale),
        lambda locale: mailto_link(example_interview(), "follow-up", locale=locale),
        lambda locale: draft_message(
            example_interview(), "thank-you", sent=SENT, locale=locale
        ),
        lambda locale: subject(example_interview(), "thank-you", locale=locale),
    ],
)
@pytest.mark.parametrize("locale", [5, b"en_US", ["en_US"]])
def test_a_locale_that_is_no_text_is_refused_naming_it(call, locale):
    with pytest.raises(InvalidTypeError) as caught:
        call(locale)
    assert caught.value.field == "locale"
    assert caught.value.value == locale


def test_a_link_writes_the_body_s_line_breaks_as_crlf():
    # RFC 6068, section 5: a line break in the body MUST be %0D%0A.
    link = mailto_link(example_interview(), "thank-you")
    body = link.split("&body=", 1)[1]
    assert "%0D%0A%0D%0A" in body
    assert body.count("%0A") == body.count("%0D%0A")
    assert body.count("%0D") == body.count("%0D%0A")
    text = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["body"][0]
    assert text.replace("\r\n", "\n") == draft_text(example_interview(), "thank-you")


def _parsed(message):
    return email.message_from_bytes(message.as_bytes(), policy=email.policy.default)


@pytest.mark.parametrize(
    ("sent", "written"),
    [
        # Local mean time, whose offsets have seconds: no RFC 5322 zone can
        # say them, so the moment is written in UTC.
        (
            "1930-01-01T12:00:00+00:19:32[Europe/Amsterdam]",
            "Wed, 01 Jan 1930 11:40:28 +0000",
        ),
        (
            "1950-06-01T12:00:00-00:44:30[Africa/Monrovia]",
            "Thu, 01 Jun 1950 12:44:30 +0000",
        ),
        # Whole minutes keep the sender's offset.
        ("2026-11-25T09:00:00-05:00", "Wed, 25 Nov 2026 09:00:00 -0500"),
        (
            "2026-11-25T09:00:00+05:45[Asia/Kathmandu]",
            "Wed, 25 Nov 2026 09:00:00 +0545",
        ),
    ],
)
def test_the_date_is_written_in_a_zone_rfc_5322_can_say(sent, written):
    message = draft_message(example_interview(), "thank-you", sent=sent)
    head = message.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert f"Date: {written}".encode() in head
    read = _parsed(message)["Date"]
    assert read.defects == ()
    assert read.datetime == coerce_instant(sent, "sent")


# A year inside the supported range at either end, in any zone.
@given(sent=instants(years=(1901, 2198)))
def test_the_date_reads_back_as_the_moment_sent_to_the_second(sent):
    message = draft_message(example_interview(), "thank-you", sent=sent)
    read = _parsed(message)["Date"]
    assert read.defects == ()
    # Compared in UTC: a wall time of a fold (fold=1) never equals one in
    # another zone, even at the same instant.
    utc = dt.timezone.utc
    assert read.datetime.astimezone(utc) == sent.replace(microsecond=0).astimezone(utc)

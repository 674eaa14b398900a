"""What a drafted message's head says, read back as a mail program reads it.

The stdlib parser (``policy.default``) is the reader: a header the library
writes must come back as the value it was given, whatever the name, the
address, the subject or the moment of sending.
"""

from __future__ import annotations

import urllib.parse

import pytest

from followup import InvalidTypeError
from followup.example import example_interview
from followup.mail import draft_message, draft_text, mailto_link, subject

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

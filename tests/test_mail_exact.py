"""The exact envelope of a drafted message and link, byte for byte.

Other tests read a message back with the parser, which does not care how a
header is spelled or which line ending it has; a mail program shows what is
written.  These pin the written head (header names as RFC 5322 writes them,
CRLF line ends, UTF-8), an interviewer known by address alone, the style's
language and locale in the subject, and a link to no address.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, InvalidTypeError
from followup.mail import draft_message, draft_text, mailto_link, subject

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
SENT = "2026-11-25T09:00:00-05:00"
# Known only by the address the invitation came from; no position given.
RECRUITER = Interview(
    "Ada Lovelace",
    "Acme",
    AT,
    interviewer=Contact(email="hr@acme.example", timezone="America/New_York"),
)


def test_the_message_head_is_written_as_rfc_5322_writes_it():
    message = draft_message(RECRUITER, "follow-up", sent=SENT, sender="ada@example.com")
    head = message.as_bytes().split(b"\r\n\r\n", 1)[0]
    assert head.split(b"\r\n") == [
        b"To: hr@acme.example",
        b"From: Ada Lovelace <ada@example.com>",
        b"Subject: Following up: phone interview on November 23, 2026",
        b"Date: Wed, 25 Nov 2026 09:00:00 -0500",
        b'Content-Type: text/plain; charset="utf-8"',
        b"Content-Transfer-Encoding: quoted-printable",
        b"MIME-Version: 1.0",
    ]


def test_a_follow_up_without_a_position_names_no_role():
    assert subject(RECRUITER, "follow-up") == (
        "Following up: phone interview on November 23, 2026"
    )


def test_the_subject_of_a_message_is_in_the_style_s_language():
    message = draft_message(RECRUITER, "thank-you", sent=SENT, language="de")
    assert message["Subject"] == "Vielen Dank: Telefoninterview am 23. November 2026"


def test_the_subject_of_a_message_writes_the_day_as_the_locale_does():
    message = draft_message(RECRUITER, "thank-you", sent=SENT, locale="en_GB")
    assert message["Subject"] == "Thank you: phone interview on 23 November 2026"


def test_a_link_with_no_interviewer_has_no_address_and_spaces_as_percent_20():
    link = mailto_link(Interview("Ada Lovelace", "Acme", AT), "thank-you")
    assert link.startswith(
        "mailto:?subject=Thank%20you%3A%20phone%20interview%20on%20November%2023"
        "%2C%202026&body=Dear%20Hiring%20Team%2C%0D%0A%0D%0A"
    )
    assert "+" not in link


def test_a_link_to_an_interviewer_without_an_address_has_no_address():
    no_address = Interview("Ada Lovelace", "Acme", AT, interviewer=Contact("Grace"))
    assert mailto_link(no_address, "thank-you").startswith("mailto:?subject=Thank")


@pytest.mark.parametrize("kind", ["thank-you", "follow-up"])
@pytest.mark.parametrize(
    "make",
    [
        lambda kind, rules: draft_text(RECRUITER, kind, rules=rules),
        lambda kind, rules: mailto_link(RECRUITER, kind, rules=rules),
        lambda kind, rules: draft_message(
            RECRUITER, kind, sent="2026-11-23T12:00:00-05:00", rules=rules
        ),
    ],
    ids=["draft_text", "mailto_link", "draft_message"],
)
def test_rules_that_are_no_rule_set_are_refused_for_either_letter(make, kind):
    # A thank-you reads no rule, and took rules=42 without a word.
    with pytest.raises(InvalidTypeError) as caught:
        make(kind, 42)
    assert str(caught.value) == "rules: expected a RuleSet, got int 42"

"""What a drafted message's head says, read back as a mail program reads it.

The stdlib parser (``policy.default``) is the reader: a header the library
writes must come back as the value it was given, whatever the name, the
address, the subject or the moment of sending.
"""

from __future__ import annotations

import datetime as dt
import email
import email.header
import email.policy
import re
import urllib.parse

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Contact,
    FollowUpError,
    Interview,
    InvalidTypeError,
    draft_follow_up,
    draft_thank_you,
)
from followup._languages import LANGUAGES
from followup._time import coerce_instant
from followup.example import example_interview
from followup.mail import draft_message, draft_text, mailto_link, subject
from shell import run as run_in_process
from strategies import instants, interviews, people

SENT = "2026-11-25T09:00:00-05:00"
AT = "2026-11-23T10:00:00-05:00[America/New_York]"
#: A call over before any moment `instants(years=(1901, 2198))` gives: a
#: letter is never dated before the call it is about.
EARLY = attrs.evolve(example_interview(), at="1900-01-01T12:00:00+00:00")


@pytest.mark.parametrize(
    "call",
    [
        lambda value: draft_text(value, "thank-you"),
        lambda value: mailto_link(value, "thank-you"),
        lambda value: draft_message(value, "thank-you", sent=SENT),
        lambda value: subject(value, "follow-up"),
        draft_thank_you,
        draft_follow_up,
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
    message = draft_message(EARLY, "thank-you", sent=sent)
    head = message.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert f"Date: {written}".encode() in head
    read = _parsed(message)["Date"]
    assert read.defects == ()
    assert read.datetime == coerce_instant(sent, "sent")


# A year inside the supported range at either end, in any zone.
@given(sent=instants(years=(1901, 2198)))
def test_the_date_reads_back_as_the_moment_sent_to_the_second(sent):
    message = draft_message(EARLY, "thank-you", sent=sent)
    read = _parsed(message)["Date"]
    assert read.defects == ()
    # Compared in UTC: a wall time of a fold (fold=1) never equals one in
    # another zone, even at the same instant.
    utc = dt.timezone.utc
    assert read.datetime.astimezone(utc) == sent.replace(microsecond=0).astimezone(utc)


def _head(message) -> list[bytes]:
    """The header lines as written, each folded header unfolded into one."""
    head = message.as_bytes().split(b"\r\n\r\n", 1)[0]
    return head.replace(b"\r\n ", b" ").split(b"\r\n")


def _field(message, name: str) -> bytes:
    [line] = [line for line in _head(message) if line.startswith(name.encode() + b":")]
    return line


def _to(name: str | None, address: str = "grace@example.com") -> Interview:
    return Interview(
        "Ada Lovelace", "Acme", AT, interviewer=Contact(name, email=address)
    )


def _rfc_2047_name(message) -> str:
    """The To name as RFC 2047 reads it: space between encoded words is not text.

    The stdlib's address parser keeps that space (it reads a long name split
    into several encoded words with spaces added); a mail program does not.
    """
    value = _field(message, "To").decode().removeprefix("To: ")
    phrase = value.rsplit(" <", 1)[0]
    return str(email.header.make_header(email.header.decode_header(phrase)))


def test_an_internationalized_address_is_written_with_its_idna_domain():
    message = draft_message(
        _to("Grace Hopper", "grace@xn--bcher-kva.example"),
        "thank-you",
        sent=SENT,
        sender="ada@bücher.example",
    )
    assert _field(message, "To") == b"To: Grace Hopper <grace@xn--bcher-kva.example>"
    assert _field(message, "From") == b"From: Ada Lovelace <ada@xn--bcher-kva.example>"
    parsed = _parsed(message)
    assert parsed["To"].addresses[0].addr_spec == "grace@xn--bcher-kva.example"
    assert parsed["From"].addresses[0].addr_spec == "ada@xn--bcher-kva.example"
    assert parsed["To"].defects == parsed["From"].defects == ()


def test_an_address_with_a_local_part_not_in_ascii_makes_utf8_headers():
    # No ASCII form exists: RFC 6532 puts UTF-8 in the head, and IDNA still
    # writes the domain.
    message = draft_message(
        _to("Zoë Ångström", "zoë@bücher.example"),
        "thank-you",
        sent=SENT,
        sender="jürgen@example.com",
    )
    assert _field(message, "From") == "From: Ada Lovelace <jürgen@example.com>".encode()
    # The stdlib reads bytes beyond ASCII in a head as undecodable: read it as
    # UTF-8 text, as RFC 6532 says.
    parsed = email.message_from_string(
        message.as_bytes().decode("utf-8"), policy=email.policy.default
    )
    [to] = parsed["To"].addresses
    assert (to.display_name, to.addr_spec) == (
        "Zoë Ångström",
        "zoë@xn--bcher-kva.example",
    )
    assert parsed["From"].addresses[0].addr_spec == "jürgen@example.com"
    assert str(parsed["Subject"]) == subject(
        _to(None, "zoë@bücher.example"), "thank-you"
    )


def test_the_command_writes_a_message_to_an_internationalized_address(tmp_path):
    path = tmp_path / "interview.toml"
    path.write_text(
        'candidate = "Ada"\ncompany = "Acme"\n'
        'at = "2026-11-23T10:00:00-05:00[America/New_York]"\n'
        '[interviewer]\nname = "Grace Hopper"\nemail = "grace@xn--bcher-kva.example"\n',
        encoding="utf-8",
    )
    result = run_in_process(
        "draft", "thank-you", path, "--format", "eml", "--sent", SENT, binary=True
    )
    assert result.returncode == 0, result.stderr
    parsed = email.message_from_bytes(result.stdout, policy=email.policy.default)
    assert parsed["To"] == "Grace Hopper <grace@xn--bcher-kva.example>"


@pytest.mark.parametrize(
    "name",
    [
        "O'Brien, Seán",
        'Zoë "Z" O\'Neill',
        "A. Müller (HR)",
        "Ng\\ Thị",
        "Grace Hopper",
        "Hopper, Grace",
        'Grace "Amazing" Hopper',
        "Grace  Hopper (Navy)",
        "=?utf-8?q?Grace?=",
        "Nguyễn Thị Minh Khai",
    ],
)
def test_the_name_in_to_reads_back_as_one_recipient_with_that_name(name):
    message = draft_message(_to(name), "thank-you", sent=SENT)
    [to] = _parsed(message)["To"].addresses
    assert (to.display_name, to.addr_spec) == (name, "grace@example.com")


def _valid_name(text: str) -> str | None:
    try:
        return Contact(text).name
    except FollowUpError:
        return None


names = st.one_of(people, st.text(min_size=1, max_size=100)).map(_valid_name)


@given(name=names.filter(bool))
def test_any_name_in_to_reads_back_as_one_recipient_with_that_name(name):
    message = draft_message(_to(name), "thank-you", sent=SENT)
    [to] = _parsed(message)["To"].addresses
    assert to.addr_spec == "grace@example.com"
    if name.isascii():
        assert to.display_name == name
    else:
        assert _rfc_2047_name(message) == name
    _assert_rfc_5322_lines(message)


def _assert_rfc_5322_lines(message) -> None:
    # RFC 5322 2.1.1: a line MUST hold at most 998 characters, SHOULD 78;
    # only a word too long to break (a long address, a long name in ASCII)
    # makes a longer line.  RFC 2047: an encoded word holds 75 at most.
    for line in message.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert len(line) <= 998, line
        assert line.strip(), "a folded line of white space only"
        words = re.findall(rb"=\?[^ ]*\?=", line)
        assert all(len(word) <= 75 for word in words), line
        assert not words or len(line) <= 78, line


@pytest.mark.parametrize(
    "position",
    [
        "Leiter Qualitätsmanagement für Lösungen im Bereich Energieübertragung",
        "Softwareentwickler für eingebettete Systeme in der Fahrzeugtechnik München Süd",
        "=?utf-8?q?data_engineer?=",
        "data  engineer, platform team (remote) with a long title to fold it x",
    ],
)
def test_a_long_subject_reads_back_as_written(position):
    interview = Interview("Ada Lovelace", "Acme", AT, position=position)
    message = draft_message(interview, "follow-up", sent=SENT, language="de")
    assert str(_parsed(message)["Subject"]) == subject(
        interview, "follow-up", language="de"
    )
    _assert_rfc_5322_lines(message)


@given(
    interview=interviews(),
    kind=st.sampled_from(["thank-you", "follow-up"]),
    language=st.sampled_from(LANGUAGES),
)
def test_any_subject_reads_back_as_written(interview, kind, language):
    # Sent as the call ends, the earliest a letter about it may be dated.
    message = draft_message(interview, kind, sent=interview.ends_at, language=language)
    parsed = _parsed(message)
    assert str(parsed["Subject"]) == subject(interview, kind, language=language)
    assert parsed["Subject"].defects == ()

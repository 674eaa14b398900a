"""A drafted email's sender and date: From with a name, no Date before the call.

Every message here is read back by the stdlib parser (``policy.default``),
and none may carry a defect: what a mail program opens is a well-formed
message, or a draft that says it is one (``X-Unsent: 1``, no From).
"""

from __future__ import annotations

import datetime as dt
import email
import email.header
import email.message
import email.policy
import re

import email_validator
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup.cli
from followup import Interview, InvalidValueError
from followup._fields import NAME_LENGTH, shows_anything
from followup.example import example_interview
from followup.mail import draft_message
from shell import run

EXAMPLE = "examples/interview.toml"
#: The example call: 10:00 to 10:30 on 23 November 2026, New York time.
ENDS = "2026-11-23T10:30:00-05:00"
SENT = "2026-11-25T09:00:00-05:00"
BEFORE_THE_CALL_ENDS = (
    "is before the call ends (2026-11-23T10:30:00-05:00); "
    "a letter about the call is sent after it"
)


def _parsed(raw: bytes) -> email.message.EmailMessage:
    """`raw` as a mail program reads it, with no defect in it or its head."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert message.defects == []
    for name in message:
        assert message[name].defects == (), name
    return message


def _message(**options: object) -> email.message.EmailMessage:
    drafted = draft_message(example_interview(), "thank-you", **options)  # type: ignore[arg-type]
    return _parsed(drafted.as_bytes())


def _from_name(raw: bytes) -> str:
    """The From display name as RFC 2047 reads it.

    Between two encoded words white space is no text (RFC 2047, section
    6.2); the stdlib's address parser keeps it, so a long name written as
    several words reads back with spaces added.  A name with no encoded word
    is read by the stdlib parser itself.
    """
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    [field] = [
        line
        for line in head.replace("\r\n ", " ").split("\r\n")
        if line.startswith("From: ")
    ]
    phrase = field.removeprefix("From: ").rsplit(" <", 1)[0]
    if "=?" in phrase:
        return str(email.header.make_header(email.header.decode_header(phrase)))
    [mailbox] = _parsed(raw)["From"].addresses
    return str(mailbox.display_name)


# --- 1. no letter dated before the call ends ---------------------------------


@pytest.mark.parametrize("kind", ["thank-you", "follow-up"])
@pytest.mark.parametrize(
    "sent",
    [
        "2026-11-01T11:00:00-05:00",  # three weeks early
        "2026-11-20T09:00:00-05:00",  # the Friday before
        "2026-11-23T10:29:59-05:00",  # during the call
        "2026-11-23T15:29:59+00:00",  # the same second, in UTC
    ],
)
def test_a_letter_sent_before_the_call_ends_is_refused(sent, kind):
    with pytest.raises(InvalidValueError) as caught:
        draft_message(example_interview(), kind, sent=sent)
    assert caught.value.field == "sent"
    assert str(caught.value) == f"sent: {sent!r} {BEFORE_THE_CALL_ENDS}"


def test_a_datetime_before_the_call_is_refused_and_shown_as_iso_8601():
    sent = dt.datetime(2026, 11, 1, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    with pytest.raises(InvalidValueError) as caught:
        draft_message(example_interview(), "thank-you", sent=sent)
    assert str(caught.value) == (
        f"sent: '2026-11-01T11:00:00-05:00' {BEFORE_THE_CALL_ENDS}"
    )


def test_a_letter_may_be_dated_the_moment_the_call_ends():
    message = _message(sent=ENDS)
    assert message["Date"] == "Mon, 23 Nov 2026 10:30:00 -0500"


def test_the_call_s_end_counts_its_duration():
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00", duration=90
    )
    with pytest.raises(InvalidValueError, match=r"\(2026-11-23T11:30:00-05:00\)"):
        draft_message(interview, "thank-you", sent="2026-11-23T11:00:00-05:00")
    draft_message(interview, "thank-you", sent="2026-11-23T11:30:00-05:00")


def test_the_command_refuses_a_sent_before_the_call_as_an_option_error():
    result = run(
        "draft", "thank-you", EXAMPLE, "--format", "eml",
        "--sent", "2026-11-20T09:00:00-05:00",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"followup: error: --sent: '2026-11-20T09:00:00-05:00' {BEFORE_THE_CALL_ENDS}\n"
    )


def _clock_at(monkeypatch: pytest.MonkeyPatch, now: str) -> None:
    moment = dt.datetime.fromisoformat(now)
    monkeypatch.setattr(followup.cli, "_clock", lambda: moment)


@pytest.mark.parametrize(
    ("options", "said"), [((), "not given, so now"), (("--sent", "now"), "now")]
)
def test_a_draft_made_before_the_call_says_to_give_sent(monkeypatch, options, said):
    # Drafting the thank-you ahead of the call: the clock is no Date for it.
    _clock_at(monkeypatch, "2026-11-22T18:00:00+00:00")
    result = run("draft", "thank-you", EXAMPLE, "--format", "eml", *options)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"followup: error: --sent: {said} (2026-11-22T18:00:00+00:00) is before "
        f"the call ends ({ENDS}); give --sent the time the letter will go out\n"
    )


def test_after_the_call_the_draft_is_dated_by_the_clock(monkeypatch):
    _clock_at(monkeypatch, "2026-11-23T16:00:00+00:00")
    result = run("draft", "thank-you", EXAMPLE, "--format", "eml", binary=True)
    assert result.returncode == 0, result.stderr
    assert _parsed(result.stdout)["Date"] == "Mon, 23 Nov 2026 16:00:00 +0000"


def test_a_plain_text_draft_has_no_date_and_needs_no_sent(monkeypatch):
    _clock_at(monkeypatch, "2026-11-22T18:00:00+00:00")
    result = run("draft", "thank-you", EXAMPLE)
    assert result.returncode == 0, result.stderr


# --- 2. without From, a draft that says so ------------------------------------


def test_without_a_sender_the_message_is_marked_unsent():
    drafted = draft_message(example_interview(), "thank-you", sent=SENT)
    message = _parsed(drafted.as_bytes())
    assert "From" not in message
    assert message["X-Unsent"] == "1"
    assert b"\r\nX-Unsent: 1\r\n" in drafted.as_bytes()


def test_with_a_sender_the_message_is_whole_and_not_marked():
    message = _message(sent=SENT, sender="ada@example.com")
    assert message["From"] == "Ada Lovelace <ada@example.com>"
    assert "X-Unsent" not in message


def test_the_command_without_from_writes_an_unsent_draft():
    result = run(
        "draft", "follow-up", EXAMPLE, "--format", "eml", "--sent", SENT, binary=True
    )
    assert result.returncode == 0, result.stderr
    message = _parsed(result.stdout)
    assert "From" not in message
    assert message["X-Unsent"] == "1"


def test_the_help_says_what_eml_is_without_from():
    result = run("draft", "--help")
    help_text = " ".join(result.stdout.split())
    assert "an RFC 5322 message with --from, else a draft without From" in help_text
    assert "marked X-Unsent" in help_text


# --- 3. From with a display name ------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "name", "address"),
    [
        (
            "Zoë Ångström-Müller <zoe@example.org>",
            "Zoë Ångström-Müller",
            "zoe@example.org",
        ),
        (
            '"Zoë Ångström-Müller" <zoe@example.org>',
            "Zoë Ångström-Müller",
            "zoe@example.org",
        ),
        ('"O\'Brien, Seán" <sean@example.org>', "O'Brien, Seán", "sean@example.org"),
        ("King, Ada <ada@example.org>", "King, Ada", "ada@example.org"),
        ('"Ada \\"AK\\" King" <ada@example.org>', 'Ada "AK" King', "ada@example.org"),
        ("  Ada King   <ada@example.org>  ", "Ada King", "ada@example.org"),
        # No name: the candidate's, who signs the letter.
        ("ada@example.org", "Ada Lovelace", "ada@example.org"),
        ("<ada@example.org>", "Ada Lovelace", "ada@example.org"),
        ('"" <ada@example.org>', "Ada Lovelace", "ada@example.org"),
        ("Ada <ada@Bücher.Example>", "Ada", "ada@xn--bcher-kva.example"),
    ],
)
def test_from_carries_a_display_name(sender, name, address):
    drafted = draft_message(example_interview(), "thank-you", sent=SENT, sender=sender)
    raw = drafted.as_bytes()
    # ASCII head: a name beyond ASCII is written as RFC 2047 encoded words.
    assert raw.isascii()
    [mailbox] = _parsed(raw)["From"].addresses
    assert mailbox.addr_spec == address
    assert _from_name(raw) == name


def test_a_name_beyond_ascii_is_written_as_encoded_words():
    drafted = draft_message(
        example_interview(),
        "thank-you",
        sent=SENT,
        sender="Zoë Ångström-Müller <zoe@example.org>",
    )
    head = drafted.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert (
        b"From: =?utf-8?b?Wm/DqyDDhW5nc3Ryw7ZtLU3DvGxsZXI=?= <zoe@example.org>" in head
    )


def test_the_command_takes_a_display_name_in_from():
    result = run(
        "draft", "thank-you", EXAMPLE, "--format", "eml", "--sent", SENT,
        "--from", "Zoë Ångström-Müller <zoe@example.org>", binary=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert _from_name(result.stdout) == "Zoë Ångström-Müller"
    [mailbox] = _parsed(result.stdout)["From"].addresses
    assert mailbox.addr_spec == "zoe@example.org"


@pytest.mark.parametrize(
    ("sender", "error"),
    [
        (
            "Ann <x@example.org",
            "sender: 'Ann <x@example.org' is not an address, nor a name and <address>",
        ),
        ("Ann <nope>", "sender: 'nope' is not a valid email address: "),
        (
            "Ann\x07 <ann@example.org>",
            (
                "sender: 'Ann\\x07 <ann@example.org>' has a name that holds a "
                "control character (U+0007)"
            ),
        ),
        (
            "Ann\u2028Lee <ann@example.org>",
            (
                "sender: 'Ann\\u2028Lee <ann@example.org>' has a name that holds "
                "a line break"
            ),
        ),
    ],
)
def test_a_sender_that_is_no_mailbox_is_refused(sender, error):
    with pytest.raises(InvalidValueError) as caught:
        draft_message(example_interview(), "thank-you", sent=SENT, sender=sender)
    assert caught.value.field == "sender"
    assert str(caught.value).startswith(error)


def test_a_name_longer_than_an_interviewer_s_is_refused():
    sender = "A" * 101 + " <ann@example.org>"
    with pytest.raises(InvalidValueError) as caught:
        draft_message(example_interview(), "thank-you", sent=SENT, sender=sender)
    assert caught.value.problem == (
        "has a name that is 101 characters long (at most 100)"
    )
    # A hundred is enough, and written on one line of the head.
    message = _message(sent=SENT, sender="A" * 100 + " <ann@example.org>")
    assert message["From"].addresses[0].display_name == "A" * 100


def test_the_command_no_longer_advises_against_a_display_name():
    result = run(
        "draft", "thank-you", EXAMPLE, "--format", "eml", "--sent", SENT,
        "--from", "Ann <nope>",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(
        "followup: error: --from: 'nope' is not a valid email address: "
    )
    assert "display name" not in result.stderr


def _valid(address: str) -> bool:
    # What the pattern allows but email-validator refuses is no address.
    try:
        email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


# A display name: any text on one line, control characters left out.
names = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=NAME_LENGTH,
).filter(
    # A name holding an address is refused (the message would show one
    # address and be sent from another), and so is one that shows nothing.
    lambda name: (
        re.search(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+", name) is None
        and (not name.strip() or shows_anything(name.strip()))
    )
)
addresses = st.builds(
    "{}@{}.{}".format,
    st.from_regex(
        r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}(\.[A-Za-z0-9_-]{1,8})?", fullmatch=True
    ),
    st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True),
    st.sampled_from(["com", "org", "example", "co", "de"]),
).filter(_valid)


@given(name=names, address=addresses)
def test_any_display_name_and_address_read_back_from_from(name, address):
    checked = email_validator.validate_email(address, check_deliverability=False)
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    drafted = draft_message(
        example_interview(), "thank-you", sent=SENT, sender=f'"{quoted}" <{address}>'
    )
    raw = drafted.as_bytes()
    assert raw.isascii()
    [mailbox] = _parsed(raw)["From"].addresses
    assert mailbox.addr_spec == f"{checked.local_part}@{checked.ascii_domain}"
    assert _from_name(raw) == (name.strip() or "Ada Lovelace")

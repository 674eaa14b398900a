"""A whole email message checked as a letter: its Subject and its decoded body.

``followup draft --format eml`` writes an RFC 5322 message; `check-letter`
given that file reads it as a mail program shows it.  The head's To, Date
and MIME lines are no lines of the letter, the Subject is its subject line,
and a quoted-printable or base64 body is read decoded.  A letter that only
starts with a "Subject:" line, or with a greeting holding a colon, is read
as before.
"""

from __future__ import annotations

import email.policy
from email.message import EmailMessage

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Severity, check_letter
from followup._letter_parts import LetterParts, letter_parts
from followup.example import example_interview
from followup.mail import draft_message, draft_text, subject
from shell import run

SENT = "2026-11-25T09:00:00-05:00"
LETTER = (
    "Dear Grace Hopper,\n"
    "\n"
    "Thank you for the phone interview on Monday, November 23 at 10:00 am. "
    "I enjoyed hearing about Acme Analytics and the data engineer role.\n"
    "\n"
    "Best regards,\n"
    "Ada Lovelace\n"
)


def _errors(text: str, kind: str) -> list[str]:
    findings = check_letter(text, example_interview(), kind, sent=SENT)
    return [str(f) for f in findings if f.severity is Severity.ERROR]


def _message(body: str, encoding: str) -> str:
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = "Grace Hopper <grace.hopper@example.com>"
    message["Subject"] = "Thank you: phone interview"
    message["Date"] = "Wed, 25 Nov 2026 09:00:00 -0500"
    message.set_content(body, charset="utf-8", cte=encoding)
    # As a file is read: its bytes as UTF-8 (as_string would re-encode 8bit).
    return message.as_bytes().decode("utf-8")


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("kind", ["thank-you", "follow-up"])
def test_the_drafted_message_passes_check_letter(tmp_path, kind, language):
    sent = "2026-11-23T11:00:00-05:00" if kind == "thank-you" else SENT
    message = draft_message(example_interview(), kind, sent=sent, language=language)
    path = tmp_path / "letter.eml"
    path.write_bytes(message.as_bytes())
    result = run("check-letter", path, "--example", "--kind", kind, "--sent", sent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{path}: no findings\n"
    parts = letter_parts(message.as_bytes().decode("utf-8"))
    assert parts.subject == subject(example_interview(), kind, language=language)
    draft = draft_text(example_interview(), kind, language=language)
    # Lines are read as lines: CRLF or LF, and the last one's end, are alike.
    assert parts.own == draft.rstrip("\n")


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_an_encoded_body_is_read_decoded(encoding):
    body = LETTER.replace("Dear", "Chère").replace("role.", "role, très intéressé.")
    text = _message(body, encoding)
    assert "très" not in text
    parts = letter_parts(text)
    assert parts.subject == "Thank you: phone interview"
    assert parts.own == body.rstrip("\n")
    assert "To:" not in parts.written
    assert _errors(text, "thank-you") == []


def test_an_eight_bit_body_is_read_as_written():
    text = _message(LETTER.replace("Dear", "Chère"), "8bit")
    assert "Chère Grace Hopper" in text
    assert letter_parts(text).own == LETTER.replace("Dear", "Chère").rstrip("\n")


def test_a_multipart_alternative_message_uses_its_text_plain_part():
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = "Ada Lovelace <ada@example.com>"
    message["To"] = "Grace Hopper <grace.hopper@example.com>"
    message["Subject"] = "Thank you"
    message.set_content(LETTER, cte="quoted-printable")
    message.add_alternative("<p>Hi <b>Grace</b></p>", subtype="html")
    text = message.as_string()
    assert "multipart/alternative" in text
    parts = letter_parts(text)
    assert parts.subject == "Thank you"
    assert parts.own == LETTER.rstrip("\n")
    assert _errors(text, "thank-you") == []


def test_a_letter_that_starts_with_a_subject_line_is_read_as_before():
    text = "Subject: Thanks\n\nDear Grace,\nThank you!\n"
    assert letter_parts(text) == LetterParts(
        "\nDear Grace,\nThank you!", subject="Thanks"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Dear Grace: thank you for the call on Monday.\n\nAda",
        "Grace: thanks for Monday.\n\nAda",
        "To: Grace Hopper\nThank you for Monday.\n\nAda",
    ],
)
def test_a_letter_with_a_colon_on_its_first_line_is_no_message(text):
    assert letter_parts(text) == LetterParts(text)


def test_a_message_of_html_alone_is_read_as_a_mail_program_shows_it():
    # It was read as an empty letter: six findings of what it did not name.
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = "grace.hopper@example.com"
    message["Subject"] = "Thank you"
    message.set_content(
        "<html><head><style>p {}</style></head><body><p>Dear Grace,</p>"
        "<p>Thank you for the <b>phone   interview</b>.<br>Ada</p>"
        '<blockquote type="cite"><p>On Mon, Grace wrote:</p><p>Hi</p></blockquote>'
        "</body></html>",
        subtype="html",
    )
    assert letter_parts(message.as_string()) == LetterParts(
        "Dear Grace,\nThank you for the phone interview.\nAda\n",
        subject="Thank you",
        quoted="> On Mon, Grace wrote:\n> Hi",
    )


def test_a_message_without_a_text_part_has_no_letter():
    message = EmailMessage(policy=email.policy.SMTP)
    message["To"] = "grace.hopper@example.com"
    message["Subject"] = "Thank you"
    message.set_content(b"%PDF-1.4", maintype="application", subtype="pdf")
    assert letter_parts(message.as_string()) == LetterParts("", subject="Thank you")


# Characters that end a line to `str.splitlines` end a field's value too.
_HEAD_VALUES = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    ),
    max_size=40,
)


@given(
    content_type=_HEAD_VALUES,
    encoding=_HEAD_VALUES,
    body=st.text(max_size=300),
    more=st.lists(
        st.tuples(st.sampled_from(["To", "Date", "X-A", "Subject"]), _HEAD_VALUES),
        max_size=4,
    ),
)
def test_any_message_head_and_body_are_read_without_failing(
    content_type: str, encoding: str, body: str, more: list[tuple[str, str]]
) -> None:
    # Whatever a head says (a charset no codec knows, an encoding that is no
    # encoding, base64 that is not), the letter is read: findings, no error.
    head = [
        "From: ada@example.com",
        f"Content-Type: {content_type}",
        f"Content-Transfer-Encoding: {encoding}",
        *(f"{name}: {value}" for name, value in more),
    ]
    text = "\n".join(head) + "\n\n" + body
    parts = letter_parts(text)
    assert isinstance(parts, LetterParts)
    assert "Content-Type:" not in parts.own
    findings = check_letter(text, example_interview(), "thank-you", sent=SENT)
    assert all(finding.code == "FU003" for finding in findings)

"""Email messages that broke the letter check: a value or one clear error, in linear time.

A fuzz campaign found a `Date` holding a number past what a C int holds
(`OverflowError` from the email package, a traceback from the command), a
part in a codec that is no charset (idna, punycode, undefined: UnicodeError
with "replace"), a body holding half a UTF-16 character, and two inputs the
check read in time growing with the square of their size: a format=flowed
paragraph of many lines, and a header field folded over many lines (the
email package's own parser; a Subject of 224 kB took 1.8 GB).
"""

from __future__ import annotations

import base64

import pytest

from followup import InvalidValueError, check_letter
from followup._letter_parts import LONGEST_FIELD
from followup._letter_parts import _subject_body_and_date as read_message
from followup.example import example_interview
from shell import run

BODY = (
    "Dear Grace,\n\nThank you for our call on 23 November 2026 at 10:00 about "
    "the analyst role at Acme Analytics. I enjoyed it and am excited to join.\n\n"
    "Best,\nAda Lovelace\n"
)


def _message(head: str, body: str = BODY) -> str:
    return f"MIME-Version: 1.0\n{head}\n\n{body}"


@pytest.mark.parametrize(
    "date",
    [
        "Mon, 23 Nov 99999999999999 11:15 -0500",
        "Mon, 99999999999 Nov 2026 11:15:00 -0500",
        "Mon, 23 Nov 2026 11:15:00 +99999999999999999",
    ],
)
def test_a_date_past_what_a_machine_integer_holds_is_no_date(tmp_path, date):
    text = _message(f"Date: {date}\nContent-Type: text/plain; charset=utf-8")
    assert read_message(text)[2] is None
    assert check_letter(text, example_interview(), "thank-you") == ()
    letter = tmp_path / "date.eml"
    letter.write_text(text, encoding="utf-8")
    result = run("check-letter", letter, "--example", "--kind", "thank-you")
    assert (result.returncode, result.stdout) == (0, f"{letter}: no findings\n")
    assert result.stderr == (
        f"{letter}: its Date '{date}' is no date: checked as sent now "
        "(--sent ISO says when it was)\n"
    )


@pytest.mark.parametrize("charset", ["idna", "punycode", "undefined", "x-unknown"])
@pytest.mark.parametrize("encoding", ["base64", "quoted-printable"])
def test_a_codec_that_is_no_charset_is_read_as_utf_8(charset, encoding):
    raw = BODY.encode()
    payload = (
        base64.b64encode(raw).decode()
        if encoding == "base64"
        else raw.decode().replace("=", "=3D")
    )
    text = _message(
        f"Content-Type: text/plain; charset={charset}\n"
        f"Content-Transfer-Encoding: {encoding}",
        payload,
    )
    assert read_message(text)[1].strip() == BODY.strip()
    assert check_letter(text, example_interview(), "thank-you") == ()


def test_half_a_character_in_a_message_is_one_it_cannot_read():
    # An emoji cut in two (as JSON may carry it), in an HTML part and a
    # plain one; and a whole one written as its two halves.
    for kind in ("plain", "html"):
        text = _message(f"Content-Type: text/{kind}; charset=utf-8", f"Zo\ud83d {BODY}")
        assert read_message(text)[1].startswith("Zo\ufffd")
    paired = _message("Content-Type: text/plain", f"Hi \ud83d\ude00 {BODY}")
    assert read_message(paired)[1].startswith("Hi \U0001f600")


def test_a_flowed_paragraph_of_many_lines_is_one_paragraph():
    words = [f"w{index}" for index in range(20_000)]
    flowed = "".join(f"{word} \n" for word in words) + "end\n\n-- \nAda\n"
    text = _message("Content-Type: text/plain; charset=utf-8; format=flowed", flowed)
    body = read_message(text)[1]
    assert body.split("\n") == [" ".join(words) + " end", "", "-- ", "Ada"]


def test_a_header_field_longer_than_the_email_package_reads_quickly_is_refused():
    folded = "Subject: a\n" + " b\n" * (LONGEST_FIELD // 2)
    with pytest.raises(InvalidValueError) as raised:
        check_letter(_message(folded.rstrip("\n")), example_interview())
    assert raised.value.field == "text"
    assert str(raised.value).endswith(
        f"is an email message with a header field of {LONGEST_FIELD + 10} "
        f"characters, more than the {LONGEST_FIELD} read; no mail program writes one"
    )
    # A field of the longest length is read, in a part's head as in the
    # message's.
    longest = "Subject: " + "x" * (LONGEST_FIELD - len("Subject: "))
    assert read_message(_message(longest))[0] == "x" * (LONGEST_FIELD - 9)
    part = (
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
        "Content-Type: text/plain;\n" + " x=y;\n" * (LONGEST_FIELD // 5) + "\n"
    )
    with pytest.raises(InvalidValueError):
        check_letter(f"MIME-Version: 1.0\n{part}{BODY}--b--\n", example_interview())


def test_a_comment_s_end_or_a_signature_is_no_part_s_head():
    # "-->" closing an HTML comment, and a signature's "-- ", start no
    # part: the long line or the indented lines after them are the letter.
    long_body = "<p>" + "Thank you for the call, Acme Analytics. " * 1000 + "</p>"
    html = _message(
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit",
        f"<html><head><style><!--\np {{margin:0}}\n-->\n</style></head><body>"
        f"{long_body}</body></html>\n",
    )
    assert len(long_body) > LONGEST_FIELD
    assert "Thank you for the call" in read_message(html)[1]
    rows = "".join(
        f"    row {index:05d} of my portfolio, in detail\n" for index in range(900)
    )
    signed = _message("Content-Type: text/plain", f"{BODY}-- \nAda\n{rows}")
    assert len(rows) > LONGEST_FIELD
    assert (
        read_message(signed)[1]
        .rstrip()
        .endswith("row 00899 of my portfolio, in detail")
    )


def test_a_head_the_email_package_cannot_read_is_the_letter_s_mistake(tmp_path):
    text = _message('Content-Type: text/plain; charset*="utf-8\'"')
    with pytest.raises(InvalidValueError) as raised:
        check_letter(text, example_interview(), "thank-you")
    assert str(raised.value).endswith(
        "is an email message whose head the email package cannot read (IndexError)"
    )
    letter = tmp_path / "bad.eml"
    letter.write_text(text, encoding="utf-8")
    result = run("check-letter", letter, "--example", "--kind", "thank-you")
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr


def test_only_a_declared_boundary_starts_a_part_s_head():
    # A quoted "-----Original Message-----" and the indented lines under it
    # are the letter; a part under a boundary of any characters (here "*b")
    # has its head read as any other.
    quoted = "".join(
        f"    {index:04d} a line of the earlier message, quoted\n"
        for index in range(900)
    )
    reply = _message(
        "Content-Type: text/plain; charset=utf-8",
        f"{BODY}\n-----Original Message-----\nFrom: Grace\nSent: Monday\n{quoted}",
    )
    assert len(quoted) > LONGEST_FIELD
    assert (
        read_message(reply)[1]
        .rstrip()
        .endswith("0899 a line of the earlier message, quoted")
    )
    folded = "X-Junk: a\n" + " b\n" * (LONGEST_FIELD // 2)
    part = (
        'Content-Type: multipart/mixed; boundary="*b"\n\n--*b\n'
        f"Content-Type: text/plain\n{folded}\n{BODY}--*b--\n"
    )
    with pytest.raises(InvalidValueError):
        check_letter(f"MIME-Version: 1.0\n{part}", example_interview())

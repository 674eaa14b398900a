"""Drafts as email: an RFC 5322 message the stdlib parser reads back, a mailto: link."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import urllib.parse

import pytest

from followup import DEFAULT_RULES, FollowUpError, Interview, Severity, check_letter
from followup.example import example_interview
from followup.mail import draft_message, draft_text, mailto_link, subject
from shell import run as run_in_process

SENT = "2026-11-25T09:00:00-05:00"


def run(*args):
    return run_in_process(*args, binary=True)


def _parsed(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def _link_body(link: str) -> str:
    """The body of a mailto: link, its CRLF line breaks (RFC 6068) made ``\\n``."""
    [body] = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["body"]
    return body.replace("\r\n", "\n")


def test_the_command_writes_a_message_the_parser_reads_back():
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    result = run("draft", "follow-up", "--example", "--format", "eml")
    after = dt.datetime.now(dt.timezone.utc)
    assert result.returncode == 0, result.stderr
    message = _parsed(result.stdout)
    assert message["To"] == "Grace Hopper <grace.hopper@example.com>"
    assert message["Subject"] == (
        "Following up: phone interview on November 23, 2026 (data engineer)"
    )
    assert before <= email.utils.parsedate_to_datetime(message["Date"]) <= after
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    # Lines end in CRLF on the wire (RFC 5322); the text is the draft's.
    body = message.get_content().replace("\r\n", "\n")
    assert body == draft_text(example_interview(), "follow-up")
    errors = [
        f
        for f in check_letter(body, example_interview(), "follow-up")
        if f.severity is Severity.ERROR
    ]
    assert errors == []


def test_sent_and_from_set_the_date_and_the_sender():
    message = draft_message(
        example_interview(), "thank-you", sent=SENT, sender="Ada@Example.com"
    )
    parsed = _parsed(message.as_bytes())
    # A bare address is signed with the candidate's name, as the letter is.
    assert parsed["From"] == "Ada Lovelace <Ada@example.com>"
    assert "X-Unsent" not in parsed
    assert parsed["Date"] == "Wed, 25 Nov 2026 09:00:00 -0500"
    assert parsed["Subject"] == "Thank you: phone interview on November 23, 2026"
    assert "Message-ID" not in parsed
    # The same inputs, the same bytes.
    again = draft_message(
        example_interview(), "thank-you", sent=SENT, sender="Ada@Example.com"
    )
    assert again.as_bytes() == message.as_bytes()


def test_without_an_address_there_is_no_to_and_names_survive_utf8():
    interview = Interview("Zoë Ångström", "Société Générale", "2026-11-23T10:00:00Z")
    parsed = _parsed(draft_message(interview, "thank-you", sent=SENT).as_bytes())
    assert "To" not in parsed
    assert "Zoë Ångström" in parsed.get_content()
    assert "Dear Hiring Team," in parsed.get_content()
    assert "Société Générale" in parsed.get_content()


def test_the_subject_day_is_the_recipients():
    # 23:30 in New York is already the 24th in UTC: the subject says the 23rd.
    late = Interview("Ada", "Acme", "2026-11-23T23:30:00-05:00[America/New_York]")
    assert subject(late, "thank-you").endswith("November 23, 2026")
    assert subject(late, "thank-you", locale="en_GB").endswith(" 23 November 2026")
    assert subject(late, "thank-you", language="de").endswith(" 23. November 2026")


def test_a_mailto_link_holds_the_address_subject_and_body():
    link = mailto_link(example_interview(), "thank-you")
    parts = urllib.parse.urlsplit(link)
    assert parts.scheme == "mailto"
    assert parts.path == "grace.hopper@example.com"
    query = urllib.parse.parse_qs(parts.query)
    assert query["subject"] == [subject(example_interview(), "thank-you")]
    assert _link_body(link) == draft_text(example_interview(), "thank-you")
    assert " " not in link


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: draft_text(example_interview(), "call"), "is not a letter"),
        (lambda: draft_text(example_interview(), "letter"), "kind"),
        (
            lambda: draft_message(example_interview(), "thank-you", sent="soon"),
            "sent",
        ),
        (
            lambda: draft_message(
                example_interview(), "thank-you", sent=SENT, sender="not an address"
            ),
            "sender: 'not an address' is not a valid email address",
        ),
    ],
)
def test_bad_arguments_are_refused_naming_them(call, message):
    with pytest.raises(FollowUpError, match=message):
        call()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["thank-you", "--example", "--sent", SENT], b"--sent and --from go with"),
        (
            ["thank-you", "--example", "--fit", "I fit"],
            b"--fit goes with the follow-up",
        ),
        (
            ["follow-up", "--example", "--format", "eml", "--from", "nope"],
            b"--from: 'nope' is not a valid email address",
        ),
    ],
)
def test_the_command_refuses_what_does_not_apply(args, message):
    result = run("draft", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_fit_goes_into_the_follow_up():
    result = run("draft", "follow-up", "--example", "--fit", "I build data pipelines")
    assert result.returncode == 0, result.stderr
    assert b"I believe I am a strong fit: I build data pipelines." in result.stdout


def test_mail_refuses_content_of_the_other_letter_word_for_word():
    interview = example_interview()
    with pytest.raises(FollowUpError, match=r"^fit: 'I fit' goes with the follow-up$"):
        draft_text(interview, "thank-you", fit="I fit")
    with pytest.raises(
        FollowUpError, match=r"^topic: 'pipelines' goes with the thank-you$"
    ):
        draft_message(interview, "follow-up", sent=SENT, topic="pipelines")
    with pytest.raises(FollowUpError, match=r"^sent: 'soon' is not an ISO 8601"):
        draft_message(interview, "thank-you", sent="soon")


def test_every_form_of_a_draft_holds_the_same_letter_and_ends_its_line():
    interview = example_interview()
    fit = "I build data pipelines"
    text = draft_text(interview, "follow-up", fit=fit)
    assert text.endswith("Ada Lovelace\n")
    assert not text.endswith("\n\n")
    assert f"I believe I am a strong fit: {fit}." in text
    message = draft_message(interview, "follow-up", sent=SENT, fit=fit)
    assert message.get_content() == text
    assert message.get_content_charset() == "utf-8"
    assert message["To"] == "Grace Hopper <grace.hopper@example.com>"
    assert _link_body(mailto_link(interview, "follow-up", fit=fit)) == text
    thanks = draft_text(interview, "thank-you", topic="data pipelines")
    assert "data pipelines" in thanks
    assert thanks.endswith("Ada Lovelace\n")
    assert (
        draft_message(
            interview, "thank-you", sent=SENT, topic="data pipelines"
        ).get_content()
        == thanks
    )


def test_the_rules_given_shape_the_follow_up():
    interview = example_interview()
    fit = "I build data pipelines"
    rules = DEFAULT_RULES.configure("follow-up-after-two-to-three-days", max_lines=4)
    short = draft_text(interview, "follow-up", fit=fit, rules=rules)
    assert short != draft_text(interview, "follow-up", fit=fit)
    assert (
        draft_message(
            interview, "follow-up", sent=SENT, fit=fit, rules=rules
        ).get_content()
        == short
    )
    link = mailto_link(interview, "follow-up", fit=fit, rules=rules)
    assert _link_body(link) == short

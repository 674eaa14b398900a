"""A drafted letter as an email: an RFC 5322 message, or a ``mailto:`` link.

Built with the standard library's `email` package: To from the interviewer
(name and address, when known), From when you give it, a Subject, Date the
moment you send it, and the draft as UTF-8 text.  No Message-ID: your mail
program gives one when it sends, so the same inputs write the same file.

>>> from followup.example import example_interview
>>> message = draft_message(example_interview(), "thank-you",
...                         sent="2026-11-23T10:45:00-05:00")
>>> message["To"]
'Grace Hopper <grace.hopper@example.com>'
>>> message["Subject"]
'Thank you: phone interview on 23 November 2026'
"""

from __future__ import annotations

import email.policy
import email.utils
import urllib.parse
from email.message import EmailMessage
from typing import TYPE_CHECKING

from followup._contact import _email_address
from followup._facts import recipient_zone
from followup._letters import letter_kind
from followup._ruleset import DEFAULT_RULES
from followup._time import coerce_instant, local, long_date, utc
from followup._vocabulary import StepKind
from followup._writing import draft_follow_up, draft_thank_you

if TYPE_CHECKING:
    from followup._interview import Interview
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["draft_message", "draft_text", "mailto_link", "subject"]


def subject(interview: Interview, kind: StepKind | str) -> str:
    """The subject line: what the letter is, and the day of the call."""
    letter = letter_kind(kind)
    day = long_date(local(utc(interview.at), recipient_zone(interview)).date())
    if letter is StepKind.THANK_YOU:
        return f"Thank you: phone interview on {day}"
    role = f" ({interview.position})" if interview.position else ""
    return f"Following up: phone interview on {day}{role}"


def draft_message(  # noqa: PLR0913 - the letter, and the envelope's parts
    interview: Interview,
    kind: StepKind | str,
    *,
    sent: InstantLike,
    sender: str | None = None,
    fit: str | None = None,
    rules: RuleSet | None = None,
) -> EmailMessage:
    """The drafted letter of `kind` as an email sent at `sent`.

    Raises:
        FollowUpError: `kind` is no letter, `sent` no instant, `sender` no
            email address, or `fit` unfit (see `draft_follow_up`).
    """
    letter = letter_kind(kind)
    at = coerce_instant(sent, "sent")
    sender = _email_address(sender, "sender")
    message = EmailMessage(policy=email.policy.SMTP)
    contact = interview.interviewer
    if contact is not None and contact.email is not None:
        message["To"] = email.utils.formataddr((contact.name or "", contact.email))
    if sender is not None:
        message["From"] = sender
    message["Subject"] = subject(interview, letter)
    message["Date"] = email.utils.format_datetime(at)
    message.set_content(_text(interview, letter, fit, rules), charset="utf-8")
    return message


def mailto_link(
    interview: Interview,
    kind: StepKind | str,
    *,
    fit: str | None = None,
    rules: RuleSet | None = None,
) -> str:
    """A ``mailto:`` link (RFC 6068) that opens the draft in a mail program."""
    letter = letter_kind(kind)
    contact = interview.interviewer
    to = contact.email if contact is not None and contact.email else ""
    query = urllib.parse.urlencode(
        {
            "subject": subject(interview, letter),
            "body": _text(interview, letter, fit, rules),
        },
        quote_via=urllib.parse.quote,
    )
    return f"mailto:{urllib.parse.quote(to, safe='@')}?{query}"


def draft_text(
    interview: Interview,
    kind: StepKind | str,
    *,
    fit: str | None = None,
    rules: RuleSet | None = None,
) -> str:
    """The drafted letter of `kind`, a line break at its end."""
    return _text(interview, letter_kind(kind), fit, rules)


def _text(
    interview: Interview, letter: StepKind, fit: str | None, rules: RuleSet | None
) -> str:
    if letter is StepKind.THANK_YOU:
        return draft_thank_you(interview) + "\n"
    return draft_follow_up(interview, fit, rules=rules or DEFAULT_RULES) + "\n"

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
'Thank you: phone interview on November 23, 2026'
"""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import sys  # noqa: TC003 - read at run time by the type-checking block
import urllib.parse
from email.message import EmailMessage
from typing import TYPE_CHECKING, Final

from followup._contact import _email_address
from followup._interview import Interview
from followup._letters import letter_kind
from followup._ruleset import DEFAULT_RULES
from followup._time import coerce_instant
from followup._vocabulary import StepKind
from followup._writing import (
    Style,
    draft_follow_up,
    draft_thank_you,
    letter_style,
    written_day,
)
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:  # pragma: no cover - Python 3.10
        from typing_extensions import Unpack
    from followup._ruleset import RuleSet
    from followup._time import InstantLike

__all__ = ["Style", "draft_message", "draft_text", "mailto_link", "subject"]


_SUBJECTS: Final = {
    "en": (
        "Thank you: phone interview on {date}",
        "Following up: phone interview on {date}{role}",
    ),
    "de": (
        "Vielen Dank: Telefoninterview am {date}",
        "Nachfrage: Telefoninterview am {date}{role}",
    ),
    "fr": (
        "Merci : entretien téléphonique du {date}",
        "Suivi : entretien téléphonique du {date}{role}",
    ),
    "es": (
        "Gracias: entrevista telefónica del {date}",
        "Seguimiento: entrevista telefónica del {date}{role}",
    ),
}


def subject(
    interview: Interview,
    kind: StepKind | str,
    *,
    language: str = "en",
    locale: str | None = None,
) -> str:
    """The subject line: what the letter is, and the day of the call.

    In `language`, the day written as `locale` writes it (by default as for
    `followup.draft_thank_you`), on the recipient's calendar.
    """
    interview = _interview(interview)
    letter = letter_kind(kind)
    style = letter_style(interview, language, locale)
    day = written_day(interview, style.locale)
    thanks, follow_up = _SUBJECTS[style.language]
    if letter is StepKind.THANK_YOU:
        return thanks.format(date=day)
    role = f" ({interview.position})" if interview.position else ""
    return follow_up.format(date=day, role=role)


def draft_message(  # noqa: PLR0913 - the letter, and the envelope's parts
    interview: Interview,
    kind: StepKind | str,
    *,
    sent: InstantLike,
    sender: str | None = None,
    fit: str | None = None,
    topic: str | None = None,
    rules: RuleSet | None = None,
    **style: Unpack[Style],
) -> EmailMessage:
    """The drafted letter of `kind` as an email sent at `sent`.

    `style` takes the keywords of `followup.draft_thank_you`: `language`,
    `locale`, `greeting`, `title`; `topic` goes with a thank-you, `fit`
    with a follow-up.

    Date is `sent` in its own offset, or in UTC when that offset has
    seconds (local mean time, before zones were standard), which RFC 5322
    cannot write.

    Raises:
        InvalidTypeError: `interview` is not an Interview, or `locale` not
            text (so in `subject`, `mailto_link` and `draft_text`).
        FollowUpError: `kind` is no letter, `sent` no instant, `sender` no
            email address, `fit` unfit (see `draft_follow_up`), or a style
            refused.
    """
    interview = _interview(interview)
    letter = letter_kind(kind)
    at = coerce_instant(sent, "sent")
    sender = _email_address(sender, "sender")
    message = EmailMessage(policy=email.policy.SMTP)
    contact = interview.interviewer
    if contact is not None and contact.email is not None:
        message["To"] = email.utils.formataddr((contact.name or "", contact.email))
    if sender is not None:
        message["From"] = sender
    message["Subject"] = _subject(interview, letter, style)
    message["Date"] = _date(at)
    message.set_content(
        _text(interview, letter, (fit, topic), rules, style), charset="utf-8"
    )
    return message


def mailto_link(
    interview: Interview,
    kind: StepKind | str,
    *,
    fit: str | None = None,
    topic: str | None = None,
    rules: RuleSet | None = None,
    **style: Unpack[Style],
) -> str:
    """A ``mailto:`` link (RFC 6068) that opens the draft in a mail program.

    The body's line breaks are written ``%0D%0A``, as RFC 6068 (section 5)
    requires, where `draft_text` ends its lines in a plain line feed.
    `style` is as for `draft_message`.
    """
    interview = _interview(interview)
    letter = letter_kind(kind)
    contact = interview.interviewer
    to = contact.email if contact is not None and contact.email else ""
    query = urllib.parse.urlencode(
        {
            "subject": _subject(interview, letter, style),
            # RFC 6068 wants CRLF in a body, whatever the platform's lines.
            "body": _text(interview, letter, (fit, topic), rules, style).replace(
                "\n", "\r\n"
            ),
        },
        quote_via=urllib.parse.quote,
    )
    return f"mailto:{urllib.parse.quote(to, safe='@')}?{query}"


def draft_text(
    interview: Interview,
    kind: StepKind | str,
    *,
    fit: str | None = None,
    topic: str | None = None,
    rules: RuleSet | None = None,
    **style: Unpack[Style],
) -> str:
    """The drafted letter of `kind`, a line break at its end.

    `style` is as for `draft_message`.
    """
    interview = _interview(interview)
    return _text(interview, letter_kind(kind), (fit, topic), rules, style)


def _interview(value: object) -> Interview:
    # Each function here reads the interview's fields at once: without this,
    # a None passed by mistake fails as an AttributeError deep inside.
    if not isinstance(value, Interview):
        raise InvalidTypeError("interview", value, "an Interview")
    return value


def _date(at: dt.datetime) -> str:
    """`at` as an RFC 5322 date, in its own offset when RFC 5322 can write it.

    A zone is written as hours and minutes (``-0500``).  Before time zones
    were standard, local mean time had offsets with seconds (Amsterdam's
    +00:19:32 until 1937); `format_datetime` writes those as ``+001932``,
    which reads back as another moment, or nothing.  Such a moment is
    written in UTC (``+0000``), the same instant.  The header holds whole
    seconds: a fraction is left out, as ever.
    """
    offset = at.utcoffset()
    if offset is None or offset % dt.timedelta(minutes=1):
        at = at.astimezone(dt.timezone.utc)
    return email.utils.format_datetime(at)


def _subject(interview: Interview, letter: StepKind, style: Style) -> str:
    return subject(
        interview,
        letter,
        language=style.get("language", "en"),
        locale=style.get("locale"),
    )


def _text(
    interview: Interview,
    letter: StepKind,
    content: tuple[str | None, str | None],
    rules: RuleSet | None,
    style: Style,
) -> str:
    fit, topic = content
    if letter is StepKind.THANK_YOU:
        if fit is not None:
            raise InvalidValueError("fit", fit, "goes with the follow-up")
        return draft_thank_you(interview, topic=topic, **style) + "\n"
    if topic is not None:
        raise InvalidValueError("topic", topic, "goes with the thank-you")
    rules = rules or DEFAULT_RULES
    return draft_follow_up(interview, fit, rules=rules, **style) + "\n"

"""A drafted letter as an email: an RFC 5322 message, or a ``mailto:`` link.

Built with the standard library's `email` package: To from the interviewer
(name and address, when known), From when you give it, a Subject, Date the
moment you send it, and the draft as UTF-8 text.  To, From and Subject are
written here rather than by the stdlib, whose folding loses or adds spaces
(see `draft_message` for what a mail program is given).  No Message-ID: your mail
program gives one when it sends, so the same inputs write the same file.
Without a sender the message is a draft, not yet a whole RFC 5322 message
(which needs From): ``X-Unsent: 1`` marks it unsent, and your mail program
puts in From when you send it.

>>> from followup.example import example_interview
>>> message = draft_message(example_interview(), "thank-you",
...                         sent="2026-11-23T10:45:00-05:00")
>>> message["To"]
'Grace Hopper <grace.hopper@example.com>'
>>> message["Subject"]
'Thank you: phone interview on November 23, 2026'
"""

from __future__ import annotations

import base64
import datetime as dt
import email.policy
import email.utils
import functools
import re
import sys  # noqa: TC003 - read at run time by the type-checking block
import urllib.parse
from email.headerregistry import (
    Address,
    AddressHeader,
    BaseHeader,
    HeaderRegistry,
    UnstructuredHeader,
)
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any, Final

from followup._contact import _email_address
from followup._fields import NAME_LENGTH, single_line
from followup._interview import Interview
from followup._letters import letter_kind
from followup._ruleset import DEFAULT_RULES, RuleSet
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
    from email.policy import EmailPolicy, Policy

    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:  # pragma: no cover - Python 3.10
        from typing_extensions import Unpack
    from followup._time import InstantLike

__all__ = ["Style", "draft_message", "draft_text", "mailto_link", "subject"]


# How the head is written.  The stdlib folds a long header into lines of 78
# characters, but loses a space where non-ASCII words meet a fold (a subject
# of "für Lösungen" reads back "fürLösungen"), and writes a name holding
# both non-ASCII letters and a comma or a quote unquoted: "O'Brien, Seán"
# reads back as two recipients.  So To, From and Subject write themselves.

#: A display name of these words, one space apart, needs no quotes (RFC 5322
#: atext).
_ATOMS: Final = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~-]+(?: [\w!#$%&'*+/=?^`{|}~-]+)*", re.ASCII
)
#: The line a header is folded to (RFC 5322, section 2.1.1).
_WIDTH: Final = 78
#: UTF-8 bytes in one encoded word: 56 base64 characters, 68 in all, so a
#: word fits the 75 of RFC 2047 and a line after ``Subject: ``.
_ENCODED_BYTES: Final = 42
_CHECKED_ADDRESSES: Final = 4096


def _encoded_words(text: str) -> list[str]:
    """`text` as RFC 2047 encoded words, each of whole characters.

    Every character, spaces too, is inside a word: a reader drops the space
    between two encoded words, so none is left there to be lost.
    """
    words: list[str] = []
    chunk = b""
    for character in text:
        octets = character.encode("utf-8")
        if len(chunk) + len(octets) > _ENCODED_BYTES:
            words.append(_encoded_word(chunk))
            chunk = b""
        chunk += octets
    words.append(_encoded_word(chunk))
    return words


def _encoded_word(octets: bytes) -> str:
    return f"=?utf-8?b?{base64.b64encode(octets).decode('ascii')}?="


def _plain(text: str) -> bool:
    # ASCII that a reader would not take for an encoded word.
    return text.isascii() and "=?" not in text


def _folded(name: str, units: list[str], linesep: str) -> str:
    """A header: its `name`, and `units` a space apart, folded at `_WIDTH`.

    A line is broken before a unit that would pass `_WIDTH`.  Unfolding
    takes out the line break and keeps the space, so the value reads back
    as written.  An empty unit (between two spaces) never starts a line:
    a line of white space only is not allowed.
    """
    lines: list[str] = []
    line = f"{name}:"
    for unit in units:
        if unit and line.strip() != f"{name}:" and len(line) + 1 + len(unit) > _WIDTH:
            lines.append(line)
            line = ""
        line += f" {unit}"
    lines.append(line)
    return linesep.join(lines) + linesep


class _Subject(UnstructuredHeader, BaseHeader):
    """Subject: plain ASCII folded at its spaces, else encoded words."""

    @classmethod
    def parse(cls, value: str, kwds: dict[str, Any]) -> None:
        super().parse(value, kwds)
        # The stdlib would decode text that looks like an encoded word (a
        # position of "=?utf-8?q?CTO?="); the subject is what it says.
        kwds["decoded"] = value

    def fold(self, *, policy: Policy) -> str:
        text = str(self)
        units = text.split(" ") if _plain(text) else _encoded_words(text)
        return _folded(self.name, units, policy.linesep)


# typeshed gives AddressHeader.init other keywords than BaseHeader.init; at
# run time AddressHeader.init takes its groups and hands the rest on, and
# HeaderRegistry itself mixes BaseHeader into every header class.
class _Mailboxes(AddressHeader, BaseHeader):  # type: ignore[misc]
    """To and From: each name as a word, quoted or encoded as it needs."""

    def fold(self, *, policy: Policy) -> str:
        units: list[str] = []
        for address in self.addresses:
            if units:
                units[-1] += ","
            name = address.display_name
            if not name:
                units.append(address.addr_spec)
                continue
            if not _plain(name):
                units.extend(_encoded_words(name))
            elif _ATOMS.fullmatch(name):
                units.append(name)
            else:
                escaped = name.replace("\\", "\\\\").replace('"', '\\"')
                units.append(f'"{escaped}"')
            units.append(f"<{address.addr_spec}>")
        return _folded(self.name, units, policy.linesep)


def _head_policy() -> EmailPolicy[EmailMessage]:
    headers = HeaderRegistry()
    headers.map_to_type("subject", _Subject)
    for name in ("to", "from"):
        headers.map_to_type(name, _Mailboxes)
    return email.policy.SMTP.clone(header_factory=headers)


_ASCII_HEADERS: Final = _head_policy()
_UTF8_HEADERS: Final = _ASCII_HEADERS.clone(utf8=True)


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

    The head is ASCII, as every mail program reads it: a name or a subject
    beyond ASCII is written as RFC 2047 encoded words (base64, whole
    characters, at most 75 characters a word, so no space is lost or added
    where a long one is folded), and an internationalized domain in its
    IDNA form (``grace@bücher.example`` as ``grace@xn--bcher-kva.example``),
    which any mail server delivers.  An address whose local part is beyond
    ASCII (``zoë@example.com``) has no ASCII form: the head of that message
    is UTF-8 (RFC 6532, as with `email.policy.SMTPUTF8`), which current mail
    programs open, but only servers offering SMTPUTF8 deliver.

    Date is `sent` in its own offset, or in UTC when that offset has
    seconds (local mean time, before zones were standard), which RFC 5322
    cannot write.  Both letters are about the call, so `sent` is at its end
    (`Interview.ends_at`) or later.

    `sender` is an address (``ada@example.com``), written with the
    candidate's name (``Ada Lovelace <ada@example.com>``), or a name and an
    address in angle brackets (``Ada King <ada@example.com>``), the name
    quoted or not (``"King, Ada" <ada@example.com>``).  Without a sender the
    message has no From: a draft for a mail program to complete, marked
    ``X-Unsent: 1`` (where Microsoft's MIME converter for Outlook keeps that
    a message is not sent yet; other programs pass over the header).

    Raises:
        InvalidTypeError: `interview` is not an Interview, or `locale` not
            text (so in `subject`, `mailto_link` and `draft_text`).
        FollowUpError: `kind` is no letter, `sent` no instant or before the
            call ends, `sender` no email address (or its name not one line),
            `fit` unfit (see `draft_follow_up`), or a style refused.
    """
    interview = _interview(interview)
    letter = letter_kind(kind)
    at = coerce_instant(sent, "sent")
    ends = interview.ends_at
    if at < ends:
        # A thank-you dated before the call it thanks for reads as a mistake
        # (or as written in advance): the recipient sees the Date.
        raise InvalidValueError(
            "sent",
            at.isoformat(),
            f"is before the call ends ({ends.isoformat()}); "
            "a letter about the call is sent after it",
        )
    sender_box = None if sender is None else _sender(sender, interview.candidate)
    contact = interview.interviewer
    to = None
    if contact is not None and contact.email is not None:
        to = _mailbox(contact.email, contact.name)
    mailboxes = [mailbox for mailbox in (to, sender_box) if mailbox]
    # Only a local part outside ASCII has no ASCII form (RFC 6530).
    utf8 = any(not mailbox.username.isascii() for mailbox in mailboxes)
    message = EmailMessage(policy=_UTF8_HEADERS if utf8 else _ASCII_HEADERS)
    if to is not None:
        message["To"] = to
    if sender_box is not None:
        message["From"] = sender_box
    message["Subject"] = _subject(interview, letter, style)
    message["Date"] = _date(at)
    if sender_box is None:
        # RFC 5322 requires From; a file without it is a draft, and says so.
        message["X-Unsent"] = "1"
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


def _sender(value: object, candidate: str) -> Address:
    r"""The From mailbox: `value` is an address, or ``Name <address>``.

    Split here rather than by `email.utils.parseaddr`, which reads
    ``O'Brien, Seán <s@example.org>`` as the address ``O'Brien`` and keeps
    the first of two addresses without a word: what is inside the last
    angle brackets is the address, checked as `Contact.email` is, and what
    comes before them the name (one line of at most `NAME_LENGTH`
    characters), quoted (``"King, Ada"``, with ``\"`` and ``\\`` inside)
    or not.  No name, and the candidate's is used: the letter is signed
    with it.
    """
    if not isinstance(value, str):
        raise InvalidTypeError("sender", value, "an email address (str)")
    text = value.strip()
    name = ""
    if text.endswith(">") and "<" in text:
        start = text.rindex("<")
        name, text = text[:start].strip(), text[start + 1 : -1].strip()
        if len(name) > 1 and name[0] == name[-1] == '"':
            # An RFC 5322 quoted string: a backslash keeps the next character.
            name = _QUOTED_PAIR.sub(r"\1", name[1:-1]).strip()
    elif "<" in text or ">" in text:
        raise InvalidValueError(
            "sender", value, "is not an address, nor a name and <address>"
        )
    address = _email_address(text, "sender")
    if address is None:  # pragma: no cover - `text` is a str
        raise InvalidTypeError("sender", value, "an email address (str)")
    if name:
        try:
            # As long as an interviewer's name may be: a longer word could
            # not be folded under RFC 5322's 998 characters a line.
            name = single_line(name, "sender", most=NAME_LENGTH)
        except InvalidValueError as error:
            raise InvalidValueError(
                "sender", value, f"has a name that {error.problem}"
            ) from None
        if _ADDRESS_IN_NAME.search(name):
            # "ada@example.com" <bob@example.com>: the message would show one
            # address and be sent from another.
            raise InvalidValueError(
                "sender", value, "has a name that holds an address: give one"
            )
    return _mailbox(address, name or candidate)


#: An address in what stands for the sender's name.
_ADDRESS_IN_NAME: Final = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+")


#: A backslash and the character it quotes, in a quoted string.
_QUOTED_PAIR: Final = re.compile(r"\\(.)", re.DOTALL)


def _mailbox(address: str, name: str | None = None) -> Address:
    """`address` (checked already) as a header writes it: IDNA for the domain.

    email-validator gives the domain's ASCII form by IDNA 2008, as it checked
    it; Python's ``idna`` codec is IDNA 2003, which would write
    ``straße.example`` as another domain, ``strasse.example``.
    """
    local_part, domain = _address_parts(address)
    return Address(display_name=name or "", username=local_part, domain=domain)


@functools.lru_cache(maxsize=_CHECKED_ADDRESSES)
def _address_parts(address: str) -> tuple[str, str]:
    import email_validator  # noqa: PLC0415 - see `followup._contact`

    checked = email_validator.validate_email(address, check_deliverability=False)
    return checked.local_part, checked.ascii_domain


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
    # Checked for a thank-you too, which reads no rule: a mistake shows on
    # the first letter, not the first follow-up.
    if rules is None:
        rules = DEFAULT_RULES
    elif not isinstance(rules, RuleSet):
        raise InvalidTypeError("rules", rules, "a RuleSet")
    if letter is StepKind.THANK_YOU:
        if fit is not None:
            raise InvalidValueError("fit", fit, "goes with the follow-up")
        return draft_thank_you(interview, topic=topic, **style) + "\n"
    if topic is not None:
        raise InvalidValueError("topic", topic, "goes with the thank-you")
    return draft_follow_up(interview, fit, rules=rules, **style) + "\n"

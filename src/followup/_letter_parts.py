"""The parts of a letter as it is pasted from a mail program.

A letter people paste holds more than the letter: a subject line on top, an
email signature block below a ``-- `` line, and the message it replies to,
quoted below.  Only the letter's own text says anything about the letter:
a date that is only in the quoted message, or only in the subject, was not
written in the letter.  Length counts the letter's own text without the
signature block (contact details are not part of "a few sentences"); names
count in the signature too, since that is where a name is signed.

The markers are those of the four languages the checks read (English,
German, French, Spanish) and of the common mail programs.

A whole email message (an ``.eml`` file, as ``followup draft --format eml``
writes) is read as a mail program shows it: its Subject is the subject
line and its text/plain body, decoded, the letter; the head's To, Date and
MIME lines are no lines of the letter.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import TYPE_CHECKING, final

import attrs

from followup._languages import INVISIBLE
from followup.errors import InvalidValueError

if TYPE_CHECKING:
    from email.message import EmailMessage

__all__ = ["LetterParts", "is_blank", "letter_parts", "thanks_in_subject"]

# "Subject:", "Betreff:", "Objet :", "Asunto:"; "Re:"/"AW:" may follow.
_SUBJECT = re.compile(r"(?:subject|subj|betreff|objet|asunto)\s?:", re.IGNORECASE)
# How the subject of a thank-you begins, in the four languages: as those
# `followup.mail.subject` writes ("Thank you:", "Vielen Dank:", "Merci :",
# "Gracias:"), and the usual others.  The whole word: "Thanksgiving" is not.
_THANKS = re.compile(
    r"\s*(thank\s+you|thanks|many\s+thanks|vielen\s+dank|herzlichen\s+dank|"
    r"danke|merci|muchas\s+gracias|gracias)(?!\w)",
    re.IGNORECASE,
)
# The header a mail program writes above a quoted message.  "On ... wrote:"
# is often wrapped over two lines, so the verb may end the next line.
# An accent may come as a letter and a combining mark (a Mac's text).
_QUOTE_VERB = re.compile(
    r"(?:wrote|writes|schrieb|a\s+(?:[ée]|e\u0301)crit|escribi(?:[óo]|o\u0301))\b"
    r".*:\s*$",
    re.IGNORECASE,
)
_QUOTE_OPENER = re.compile(r"(?:on|am|le|el)\s", re.IGNORECASE)
# A mail program names who wrote; "you wrote:" is the letter's own sentence
# ("On your team blog, you wrote:").  The German and French second-person
# forms ("Sie schrieben", "vous avez écrit") fail `_QUOTE_VERB` already.
_YOU_WROTE = re.compile(
    r"\b(?:you|usted|ud\.|vd\.)\s+(?:wrote|writes|escribi[óo])\b", re.IGNORECASE
)
# What an attribution line names and a sentence seldom does: a date or a
# time (digits) or an address.
_DATE_OR_ADDRESS = re.compile(r"[\d@]")
# Matched at the start of a line only: searched inside a long run of dashes,
# each start would backtrack over the rest of the run (quadratic).
_FORWARD_RULE = re.compile(
    r"-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|"
    r"mensaje original|forwarded message|weitergeleitete nachricht)\s*-{2,}",
    re.IGNORECASE,
)
# Outlook's block: "From: ..." followed within two lines by "Sent:"/"Date:".
_HEADER_FROM = re.compile(r"(?:from|von|de)\s?:", re.IGNORECASE)
_HEADER_SENT = re.compile(
    r"(?:sent|date|gesendet|datum|envoyé|fecha|enviado)\s?:", re.IGNORECASE
)
# A header field of a message's head (RFC 5322, section 2.2): a name of
# printable ASCII, no space and no colon, then a colon.  "Dear Grace: thank
# you" is no field (a space in the name); "Grace: thanks" is one, but of no
# name a message's head holds, so it is not taken for a head either.
_FIELD = re.compile(r"([!-9;-~]+)[ \t]*:")
# The line an mbox file puts before each message: "From", the sender, and
# the date as asctime writes it ("From ada@example.com Wed Nov 25 14:00:00
# 2026"); a letter's "From Ada Lovelace" is none.
_MBOX_FROM = re.compile(
    r"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d"
)
# The fields a message's head holds and a letter never starts with; one of
# them besides the subject tells a head from a letter that starts with a
# "Subject:" line, which is read as before.
_HEAD_FIELDS = frozenset(
    {
        "from",
        "to",
        "cc",
        "bcc",
        "reply-to",
        "sender",
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "return-path",
        "received",
    }
)


# `INVISIBLE`: web mail pastes lines of them, which a reader sees as blank.
# What `str.isspace` holds true of (a test keeps the two equal), and those.
BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    + INVISIBLE
)


def is_blank(line: str) -> bool:
    r"""Whether `line` shows nothing: white space (a form feed too) or invisible marks.

    >>> is_blank(" \f\t"), is_blank("\u200b"), is_blank(" \u200b A\u200b")
    (True, True, False)
    """
    # One strip in C, whatever the line: a written line stops at once.
    return not line.strip(BLANK)


@final
@attrs.frozen
class LetterParts:
    """A letter cut into its parts; each is text, maybe empty.

    `own` is what the author wrote (greeting, body, sign-off) without the
    signature block; `signature` the block below a ``-- `` line; `subject`
    the subject line's text; `quoted` the message replied to.
    """

    own: str
    subject: str = ""
    signature: str = ""
    quoted: str = ""
    #: The Date of a whole message, aware; None for a pasted letter, or a
    #: Date that cannot be read.
    date: dt.datetime | None = None
    #: A message's Date header as written, when it cannot be read as a date:
    #: the command says it took the current time instead.
    unread_date: str | None = None

    @property
    def written(self) -> str:
        """The author's text with the signature block: where names are read."""
        return f"{self.own}\n{self.signature}" if self.signature else self.own


def letter_parts(text: str) -> LetterParts:
    r"""Cut `text` into subject line, own text, signature block and quoted reply.

    >>> parts = letter_parts("Subject: Thanks\n\nDear Grace,\nThank you!\n"
    ...                      "-- \nAda, +1 555 0100\n\nOn Mon, Grace wrote:\n> Hi")
    >>> parts.subject, parts.own, parts.signature
    ('Thanks', '\nDear Grace,\nThank you!', 'Ada, +1 555 0100\n')
    >>> parts.quoted
    'On Mon, Grace wrote:\n> Hi'
    """
    # A byte order mark (Notepad's UTF-8) is no part of the first line.
    lines = text.removeprefix("\ufeff").splitlines()
    subject = ""
    date = None
    unread = None
    head = _head_start(lines)
    if _is_message(lines[head:]):
        subject, body, date, unread = _subject_body_and_date("\n".join(lines[head:]))
        lines = body.splitlines()
    else:
        first = _first_written(lines)
        if first is not None and (match := _SUBJECT.match(lines[first].strip())):
            subject = lines[first].strip()[match.end() :].strip()
            del lines[: first + 1]
    end = _quote_start(lines)
    quoted = "\n".join(lines[end:])
    own_lines = lines[:end]
    signature = ""
    # Most letters hold no "--" at all: a glance at the text spares the lines.
    delimiter = _signature_delimiter(own_lines) if "--" in text else None
    if delimiter is not None:
        signature = "\n".join(own_lines[delimiter + 1 :])
        own_lines = own_lines[:delimiter]
    return LetterParts("\n".join(own_lines), subject, signature, quoted, date, unread)


def _head_start(lines: list[str]) -> int:
    """Where a message's head would start: past blank lines and an mbox line.

    An mbox export, or a message split from one, begins with "From " and
    the sender (no colon), which is no field of the head; a message saved
    by hand may begin with a blank line.
    """
    start = _first_written(lines) or 0
    if lines and _MBOX_FROM.match(lines[start]):
        start += 1
    return start


def _is_message(lines: list[str]) -> bool:
    """Whether `lines` start with a message's head: fields up to a blank line.

    The first line is a field, every line up to the first blank one a field
    or a field's folded continuation (it starts with white space), and some
    field is one only a head holds (From, To, Date, MIME-Version, ...).
    """
    if not lines or not _FIELD.match(lines[0]):
        return False
    head = False
    for line in lines:
        # The head ends at an empty line; one of white space continues a
        # field, as the email package reads it.
        if not line:
            return head
        if line[0] in " \t":
            continue
        field = _FIELD.match(line)
        if field is None:
            return False
        head = head or field[1].lower() in _HEAD_FIELDS
    # No empty line: a message of a head alone, with no letter in it.
    return head


def _subject_body_and_date(
    text: str,
) -> tuple[str, str, dt.datetime | None, str | None]:
    """The Subject of the message `text`, its text/plain body, decoded, and its Date.

    The body is a multipart message's first text/plain part; a message
    without one has no letter to read.  The Date is when it was sent, which
    "this morning" in it is read against; one written in "-0000" (UTC, the
    sender's zone unknown, RFC 5322) is taken in UTC.
    """
    longest = _longest_field(text)
    if longest > LONGEST_FIELD:
        # The email package reads a field in time and memory growing with
        # the square of its length (a Subject of 224 kB took 1.8 GB).
        raise InvalidValueError(
            "text",
            text,
            f"is an email message with a header field of {longest} characters, "
            f"more than the {LONGEST_FIELD} read; no mail program writes one",
        )
    if _SURROGATE.search(text) is not None:
        # Half a character (an emoji cut in two, or a byte escaped while
        # reading a file): the email package fails on it when asked for the
        # body.  Each half is a character it cannot read, as a mail program
        # shows one.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    # Only here: a pasted letter is seldom a whole message, and checking
    # one need not load the email package.
    import email  # noqa: PLC0415
    import email.policy  # noqa: PLC0415

    try:
        message = email.message_from_string(text, policy=email.policy.default)
        subject = message["Subject"]
        parts = [part for part in message.walk() if not part.is_attachment()]
        plain = _first_of(parts, "text/plain")
        # A message of HTML alone (web mail, some clients) is read as a
        # mail program shows it: its text, a paragraph or a break a line.
        html = _first_of(parts, "text/html") if plain is None else None
        if plain is not None:
            body = _flowed(plain, _decoded(plain))
        elif html is not None:
            # Only here: most messages hold text, and need no HTML reader.
            from followup._html_text import shown_text  # noqa: PLC0415

            body = shown_text(_decoded(html))
        else:
            body = ""
    except RecursionError:
        # The email package reads parts within parts by recursion: a
        # thousand levels (68 kB) exhaust it.  Bad input, as JSON nested
        # too deeply is.
        raise InvalidValueError(
            "text",
            text,
            "is an email message of parts nested too deeply to read",
        ) from None
    except (IndexError, KeyError, AttributeError) as error:
        # The email package's own failure on a field it cannot read (an
        # RFC 2231 parameter cut short: charset*="utf-8'").
        raise InvalidValueError(
            "text",
            text,
            f"is an email message whose head the email package cannot read "
            f"({type(error).__name__})",
        ) from None
    date = _date(message)
    unread = None
    if date is None:
        # As written: read as a date again, it would fail again.
        written = next(
            (value for name, value in message.raw_items() if name.lower() == "date"),
            None,
        )
        unread = " ".join(str(written).split()) if written else None
    return ("" if subject is None else str(subject).strip()), body, date, unread


#: The most characters a message's header field may hold, folded lines and
#: all (`_subject_body_and_date`); RFC 5322 keeps a line under 1000.
LONGEST_FIELD = 32_768

#: A boundary a Content-Type declares (RFC 2046, 5.1.1), quoted or not.
_DECLARED_BOUNDARY = re.compile(r'boundary\s*=\s*("[^"\r\n]*"|[^;\s]+)', re.IGNORECASE)

#: Half a UTF-16 character, which no text read as UTF-8 holds.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _longest_field(text: str) -> int:
    """The length of the longest header field in `text`, its folded lines joined.

    Fields of the message's head and of each part's (after a line of "--"
    and a boundary the message declares, up to the next blank line): a line
    and the lines of white space after it that continue it.  A signature's
    "-- ", an HTML comment's "-->" or a quoted "-----Original Message-----"
    starts no part.  Linear in the text, as the email package is not.
    """
    declared = {
        match[1].strip('"').rstrip() for match in _DECLARED_BOUNDARY.finditer(text)
    }
    longest = length = 0
    in_head = True
    for line in text.splitlines():
        if not in_head:
            # The closing boundary ("--b--") is followed by no part's head.
            in_head = line[:2] == "--" and line[2:].rstrip() in declared
            length = 0
        elif not line:
            in_head = False
        elif line[0] in " \t":
            length += len(line)
        else:
            length = len(line)
        longest = max(longest, length)
    return longest


def _first_of(parts: list[EmailMessage], kind: str) -> EmailMessage | None:
    return next((part for part in parts if part.get_content_type() == kind), None)


def _flowed(part: EmailMessage, text: str) -> str:
    """`text` as a mail program shows a ``format=flowed`` part (RFC 3676).

    Thunderbird breaks long lines at 72 columns with a space before each
    soft break; the lines are paragraphs again here, or a letter of nine
    lines would be counted as ten.  A line that starts with a space had one
    put in front of it; the signature's "-- " ends no paragraph.
    """
    if str(part.get_param("format", "")).lower() != "flowed":
        return text
    cut = str(part.get_param("delsp", "")).lower() == "yes"
    joined: list[str] = []
    # The lines of the paragraph going on, joined once it ends: added to a
    # string line by line, a paragraph of thousands of lines took time
    # growing with the square of its length.
    going_on: list[str] = []
    carried: int | None = None  # the quote depth of a paragraph going on
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip(">"))
        unstuffed = line[depth:].removeprefix(" ")
        # The signature's separator is never part of a paragraph.
        separator = unstuffed == "-- "
        soft = unstuffed.endswith(" ") and not separator
        if soft and cut:
            unstuffed = unstuffed[:-1]
        if carried == depth and not separator:
            going_on.append(unstuffed)
        else:
            if going_on:
                joined.append("".join(going_on))
            last = joined[-1].rstrip() if joined else ""
            if depth and last and last[0] != ">" and not last.endswith(":"):
                # A quote begins, after no attribution ("... wrote:"): a
                # mail program shows it apart, as a blank line sets it apart
                # in text (a paragraph's end a space before it swallowed).
                joined.append("")
            going_on = [f"{'>' * depth} {unstuffed}" if depth else unstuffed]
        carried = depth if soft else None
    if going_on:
        joined.append("".join(going_on))
    return "\n".join(joined)


def _date(message: EmailMessage) -> dt.datetime | None:
    try:
        header = message["Date"]
        moment = None if header is None else getattr(header, "datetime", None)
    # A Date the email package cannot read raises only when asked for; a
    # year or a day past what a C int holds raises OverflowError.
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if not isinstance(moment, dt.datetime):
        return None
    return (
        moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
    )


def _decoded(part: EmailMessage) -> str:
    """The text of `part`: its quoted-printable or base64 decoded by its charset.

    A body in 7bit or 8bit is text already, as it was read (UTF-8): decoded
    again by the charset it names, it would be read twice.
    """
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in {"quoted-printable", "base64"}:
        payload = part.get_payload()
        return payload if isinstance(payload, str) else ""
    octets = part.get_payload(decode=True)
    if not isinstance(octets, bytes):
        return ""
    # A charset Python does not know is read as UTF-8, ASCII included; so
    # is one of Python's codecs that no mail program writes in (punycode
    # reads ASCII as other letters; idna and undefined raise UnicodeError).
    charset = part.get_content_charset() or "utf-8"
    try:
        if codecs.lookup(charset).name in _NO_CHARSETS:
            charset = "utf-8"
        return octets.decode(charset, "replace")
    except (LookupError, UnicodeError):
        return octets.decode("utf-8", "replace")


#: Python's codecs of text that are no charset of mail (by `codecs.lookup`).
_NO_CHARSETS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}
)


def _signature_delimiter(lines: list[str]) -> int | None:
    """The index of the line above the signature block, if there is one."""
    for index, line in enumerate(lines):
        # RFC 3676's delimiter is "-- "; many programs strip the space.  With
        # nothing below it, it is no delimiter (a name, maybe).
        if line.rstrip() == "--" and not all(map(is_blank, lines[index + 1 :])):
            return index
    return None


def _first_written(lines: list[str]) -> int | None:
    return next((index for index, line in enumerate(lines) if not is_blank(line)), None)


def _quote_start(lines: list[str]) -> int:
    """The index of the first line of the quoted message (len(lines) if none)."""
    for index, line in enumerate(lines):
        # Every marker holds one of these: most lines are the letter's own,
        # and are passed over at a glance.
        if ">" not in line and ":" not in line and "-" not in line:
            continue
        stripped = line.strip()
        # Cheap tests first: most lines are the letter's own and fail them all.
        # A quoted block starts after a blank line (or a header, below); a
        # ">" inside a paragraph is the letter's own.
        if (stripped.startswith(">") and (not index or is_blank(lines[index - 1]))) or (
            stripped.startswith("--") and _FORWARD_RULE.match(stripped)
        ):
            return index
        if (
            stripped.endswith(":")
            and _QUOTE_VERB.search(stripped)
            and (opener := _opener(lines, index)) is not None
            and _attribution(lines, opener, index)
        ):
            return opener
        if (
            ":" in stripped[:6]
            and _HEADER_FROM.match(stripped)
            and any(
                _HEADER_SENT.match(other.strip())
                for other in lines[index + 1 : index + 3]
            )
        ):
            return index
    return len(lines)


def _opener(lines: list[str], index: int) -> int | None:
    """Where the "On ... wrote:" header ending on line `index` starts, if it does."""
    if _QUOTE_OPENER.match(lines[index].strip()):
        return index
    # Wrapped over two lines; not when the line above is a sentence of the
    # letter that happens to begin with "On".
    above = lines[index - 1].strip() if index else ""
    if _QUOTE_OPENER.match(above) and not above.endswith((".", "!", "?")):
        return index - 1
    return None


def _attribution(lines: list[str], opener: int, index: int) -> bool:
    """Whether the header on lines `opener`..`index` is a mail program's.

    A sentence of the letter can read like one ("On the call, you wrote:"):
    everything after it would be taken for the quoted message.  A mail
    program names the sender, not "you", and a date, a time or an address,
    or puts the quoted (``>``) lines right below.
    """
    header = " ".join(lines[opener : index + 1])
    if _YOU_WROTE.search(header):
        return False
    if _DATE_OR_ADDRESS.search(header):
        return True
    # Only the blank lines up to the next written one are passed over, with
    # no copy of the rest: a letter of many such lines is read in linear time.
    below = index + 1
    while below < len(lines) and is_blank(lines[below]):
        below += 1
    return below < len(lines) and lines[below].lstrip().startswith(">")


def thanks_in_subject(subject: str) -> str | None:
    """The words of thanks `subject` begins with, or None.

    A subject that begins by thanking names a thank-you; what
    ``followup check-letter`` reads a letter as when ``--kind`` is not given.

    >>> thanks_in_subject("Thank you: phone interview on November 23, 2026")
    'Thank you'
    >>> thanks_in_subject("Following up: phone interview") is None
    True
    """
    found = _THANKS.match(subject)
    return None if found is None else " ".join(found[1].split())

"""Reading a letter the way the advice asks it to be read (A4, A8, A9).

A `Letter` is the text of a thank-you or follow-up with the interview it is
about, maybe the moment it was sent, its language and other names of the
company.  It finds what a reader would look for: the letter's own text (no
subject line, signature block or quoted reply: `followup._letter_parts`),
how many lines it runs to at a given width, how many sentences it holds,
whether it names the candidate, the company (`followup._written_names`),
the date (`followup._written_dates`) and the time (`followup._written_times`)
of the interview, and whether it thanks, shows interest and gives a reason
to fit (`followup._lexicon`).  The rules (FU003 for the thank-you, FU004 for
the follow-up) turn what is found into findings.

Letters are read in English, German, French and Spanish; the language is
told from the text unless the caller names it.  The checks are honest about
what text matching can know: a missing name, date or time is certain, so it
is an error; a missing phrase of thanks, interest or fit may just be worded
otherwise, so it is a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, final

import attrs

from followup._fields import enum_member, instance_of, text_tuple
from followup._interview import Interview, interview_there, recipient_zone
from followup._languages import (
    LANGUAGES,
    anchored,
    detect_language,
    has_frequent_words,
    language_hint,
    plain,
    vocabulary,
    words_in,
)
from followup._letter_parts import LetterParts, is_blank, letter_parts
from followup._lexicon import ELEMENTS, Element, expresses
from followup._time import coerce_utc, local, utc, zone_of
from followup._vocabulary import StepKind
from followup._written_dates import WrittenDate, date_anchors, dates_read, dates_written
from followup._written_names import (
    company_forms,
    mask_addresses,
    names_in,
    spaced,
)
from followup._written_times import WrittenTime, time_anchors, times_read, times_written
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from followup._time import InstantLike, Zone

__all__ = [
    "READ_LIMIT",
    "Letter",
    "count_lines",
    "count_sentences",
    "dates_in",
    "letter_kind",
    "says_any",
    "times_in",
]

LETTER_KINDS = frozenset({StepKind.THANK_YOU, StepKind.FOLLOW_UP})
#: How much of a letter is searched for names, dates, times and phrases:
#: some fifty times the longest letter of the corpus.
READ_LIMIT = 50_000

# A run of marks followed by a space, a closing quote or the end.  The
# pattern starts with the mark itself, so the engine skips to marks in C; the
# look-behind after it keeps a match to the start of a run (tried inside a
# run, it would backtrack over the rest: quadratic on a long run of dots).
_SENTENCE_END = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*(?=[\s\"')\]]|$)")
# Abbreviations whose stop is no sentence end, in the four languages, read
# just before a stop.  "a.m." at the very end of a sentence hides that end
# too: the count errs short, never long.
# Those of two parts, a stop after each, written with a space or without.
_TWO_PARTS = r"e\.g|i\.e|a\.\s?m|p\.\s?m|z\.\s?b|d\.\s?h|u\.\s?a|p\.\s?ej"
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:mrs?|ms|mx|dr|dra|prof|st|jr|sr|sra|srta|mme|mlle|m|hr|fr|"
    r"dipl|ing|mag|vs|etc|approx|dept|inc|ltd|co|corp|no|nr|tel|bzw|usw|ca|"
    rf"vgl|ud|uds|{_TWO_PARTS})$",
    re.IGNORECASE,
)
# The first stop of a two-part one ("z. B.", "a. m."), read from the letter
# before it: the whole abbreviation, second stop included, follows.
_SPACED_ABBREVIATION = re.compile(rf"(?<![\w.])(?:{_TWO_PARTS})\.", re.IGNORECASE)
# A month's short name before a number ("Nov. 23", "23 nov. 2026", "am 23.
# Okt. 2026"), in the four languages, is no sentence's end.
_MONTH_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:jan|janv|feb|febr|f[eé]v|f[eé]vr|m[aä]r|apr|avr|abr|jun|juin|"
    r"jul|juil|aug|ago|sep|sept|oct|okt|nov|dec|d[eé]c|dez|dic|ene)$",
    re.IGNORECASE,
)
_NUMBER_NEXT = re.compile(r"\s+(?:de\s+)?\d")
# A date's stops end no sentence: "am 23. November", "am 23.11. um 10 Uhr".
_DAY_NUMBER = re.compile(r"(?<![\d:.,])\d\d?(?:\.\d\d?)?$")
_MONTH_AFTER = re.compile(
    r"\s+(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[zc]|ene|abr|"
    r"ago|dic|f[eé]v|avr|ao[uû]|d[eé]c)",
    re.IGNORECASE,
)
_MARKS = frozenset(".!?…")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Fold case, compatibility forms, apostrophes and runs of white space."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(folded.split())


def count_lines(text: str, width: int) -> int:
    r"""Count non-blank lines once each line is wrapped at `width` columns.

    A line of white space only, a form feed included, or of invisible marks
    (a zero-width space) is blank.  A line wraps at white space, as
    `textwrap` wraps words of at most `width` characters; a longer word (a
    link) starts a line of its own and takes as many as it needs.  Runs of
    white space count as one space.
    The count takes time linear in the text, whatever it holds.

    >>> letter = ["Dear Grace,", "", "word " * 40, "", "Ada"]
    >>> count_lines("\n".join(letter), width=80)
    5
    """
    return sum(
        # A line no wider than the width is one line, if it shows anything:
        # white space (a form feed too) and invisible marks are blank.
        0 if is_blank(line) else 1 if len(line) <= width else _wrapped(line, width)
        for line in text.splitlines()
    )


def _wrapped(line: str, width: int) -> int:
    # textwrap itself is quadratic on some input (a long run of no-break
    # spaces strips the same chunk once per line), so the greedy fill is
    # written out; tests check it equal to textwrap on ordinary text, and to
    # a word-by-word fill on any text.  It jumps a line at a time: the last
    # space a line can hold is found in C, not word after word.
    text = " ".join(line.split())
    size = len(text)
    lines = 0
    start = 0  # where the line being filled starts
    while size - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut > start:
            lines += 1
            start = cut + 1
            continue
        # A word longer than the width fills whole lines; what is left of
        # it starts the next line, which may take more words.
        end = text.find(" ", start)
        word = (size if end < 0 else end) - start
        full = (word - 1) // width
        lines += full
        start += full * width
    return lines + 1 if size > start else lines


def count_sentences(text: str, names: Iterable[str] = ()) -> int:
    """Count sentences; `names` are taken out first, so ``J. R. Smith`` is no end.

    Titles and common abbreviations (``Mr.``, ``Dr.``, ``Sra.``, ``M.``,
    ``e.g.``, ``a.m.``, ``z. B.``) end no sentence either: "Dear Ms. Smith,"
    is one line of greeting; nor do the stops of a date ("am 23. November",
    "23.11.").

    >>> count_sentences("Thank you, Mr. X. It was a pleasure!", names=["Mr. X"])
    2
    >>> count_sentences("Dear Dr. Hopper, thank you for the call at 10 a.m. today.")
    1
    """
    # Only a name with a mark in it can hide a stop ("J. R. Smith").
    for name in sorted(names, key=len, reverse=True):
        if not _MARKS.isdisjoint(name):
            text = text.replace(name, "name")
    return sum(not _no_end(text, match) for match in _SENTENCE_END.finditer(text))


def _no_end(text: str, match: re.Match[str]) -> bool:
    """Whether a single stop belongs to an abbreviation or a date, not a sentence."""
    start = match.start()
    if match[0] != "." or not start:
        return False
    before = text[start - 1]
    if before.isalpha():
        return (
            _ABBREVIATION.search(text, max(0, start - 8), start) is not None
            or _SPACED_ABBREVIATION.match(text, start - 1) is not None
            or (
                _MONTH_ABBREVIATION.search(text, max(0, start - 6), start) is not None
                and _NUMBER_NEXT.match(text, start + 1) is not None
            )
        )
    if not before.isdigit():
        return False
    day = _DAY_NUMBER.search(text, max(0, start - 6), start)
    return day is not None and (
        "." in day[0] or bool(_MONTH_AFTER.match(text, start + 1))
    )


# The closing lines of the four languages, in plain form ("Best regards,",
# "Mit freundlichen Grüßen", "Cordialement,", "Saludos cordiales,").
_SIGN_OFF = re.compile(
    r"(?:(?:with |my )?(?:best|kind|kindest|warm|warmest|many)? ?(?:regards|wishes)|"
    r"all the best|best|sincerely(?: yours)?|yours(?: sincerely| truly| faithfully)?|"
    r"cheers|thanks(?: again)?|thank you(?: again)?|respectfully|warmly|"
    r"(?:mit )?(?:freundlichen|freundliche|besten|beste|herzlichen|herzliche|"
    r"viele|liebe|sonnige) gruss(?:e|en)?|gruss|"
    r"cordialement|bien (?:a vous|cordialement)|"
    r"(?:sinceres |meilleures |mes )?salutations(?: distinguees)?|amities|"
    r"respectueusement|(?:un )?(?:cordial )?saludos?(?: cordiales)?|atentamente|"
    r"cordialmente|un abrazo)[,.!]?",
)
# No closing line is longer.
_SIGN_OFF_LENGTH = 40


def _sign_off_line(lines: list[str]) -> int | None:
    """The index of the last closing line ("best regards,") of plain `lines`."""
    # From the end: the closing is near it, and each line is read once.
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if len(line) <= _SIGN_OFF_LENGTH and _SIGN_OFF.fullmatch(line):
            return index
    return None


def _fold(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).casefold().split())


def says_any(text: str, stems: Iterable[str]) -> bool:
    """Whether any word of `text` starts with one of `stems`."""
    return _says_any(normalise(text), stems)


def _says_any(folded: str, stems: Iterable[str]) -> bool:
    pattern = r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + ")"
    return re.search(pattern, folded) is not None


def dates_in(
    text: str, language: str = "en", sent: dt.date | None = None
) -> tuple[WrittenDate, ...]:
    """Every date mention in `text`, in the forms of `language`.

    Relative words ("yesterday") count only with `sent`, the day it was sent.
    """
    return dates_written(plain(text), vocabulary(_language(language)), sent)


def times_in(text: str, language: str = "en") -> tuple[WrittenTime, ...]:
    """Every time-of-day mention in `text`, in the forms of `language`."""
    return times_written(plain(text), _language(language))


def _text(value: str) -> str:
    return instance_of(value, str, "text", "the letter's text (str)")


def letter_kind(value: StepKind | str) -> StepKind:
    """Convert to the kind of a letter: the thank-you or the follow-up."""
    kind = enum_member(StepKind, value, "kind")
    if kind not in LETTER_KINDS:
        raise InvalidValueError(
            "kind", kind.value, "is not a letter (use 'thank-you' or 'follow-up')"
        )
    return kind


def _interview(value: Interview) -> Interview:
    return instance_of(value, Interview, "interview", "an Interview")


@functools.cache
def _anchor_words(language: str) -> frozenset[str]:
    return date_anchors(language) | time_anchors(language)


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise InvalidValueError(
            "language",
            value,
            f"is not a language letters are read in ({', '.join(LANGUAGES)})"
            + language_hint(value, locales=False),
        )
    return value


def _optional_language(value: str | None) -> str | None:
    return None if value is None else _language(value)


def _sent(value: InstantLike | None) -> dt.datetime | None:
    return None if value is None else coerce_utc(value, "sent")


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return text_tuple(value, "aliases")


@final
@attrs.frozen
class Letter:
    """The text of a thank-you or a follow-up, with the interview it is about.

    `sent` is when the letter goes (or went) out: relative days ("yesterday",
    "this morning") are read from it, on the recipient's calendar; without
    it they name no day.  `language` is one of ``en``, ``de``, ``fr``,
    ``es``; by default it is told from the text.  `aliases` are other names
    the company goes by.

    >>> from followup import Interview
    >>> interview = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")
    >>> letter = Letter("Thank you for Monday at 10 am. Ada Lovelace", interview,
    ...                 "thank-you")
    >>> letter.names_date(), letter.names_time(), letter.names("Ada Lovelace")
    (True, True, True)
    """

    text: str = attrs.field(converter=_text)
    interview: Interview = attrs.field(converter=_interview)
    kind: StepKind = attrs.field(default=StepKind.FOLLOW_UP, converter=letter_kind)
    sent: dt.datetime | None = attrs.field(default=None, converter=_sent, kw_only=True)
    language: str | None = attrs.field(
        default=None, converter=_optional_language, kw_only=True
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases, kw_only=True)

    @functools.cached_property
    def interview_start(self) -> dt.datetime:
        """When the interview started, on the recipient's calendar."""
        return interview_there(self.interview)

    @functools.cached_property
    def _recipient_zone(self) -> Zone:
        return recipient_zone(self.interview)

    # Each is read once per letter: several rules ask, and a letter may be
    # long.
    @functools.cached_property
    def parts(self) -> LetterParts:
        """The letter cut into subject, own text, signature block and quoted reply."""
        return letter_parts(self.text)

    @functools.cached_property
    def plain(self) -> str:
        """The author's text, signature included, as it is read (`plain`).

        No subject line and no quoted message: what they say was not written
        in this letter.  Email addresses and links are blanked out.  Only the
        first `READ_LIMIT` characters are read for names, dates, times and
        phrases: a letter is a few lines, and a text of megabytes is still
        checked for length, but not searched through.
        """
        return mask_addresses(self._unmasked)

    @functools.cached_property
    def _unmasked(self) -> str:
        return plain(self.parts.written[:READ_LIMIT])

    @functools.cached_property
    def _spaced(self) -> str:
        return spaced(self.plain)

    @functools.cached_property
    def normalised(self) -> str:
        """The text with case, Unicode forms and white space folded (`normalise`)."""
        return normalise(self.text)

    @functools.cached_property
    def folded(self) -> str:
        """The text with case and white space folded, character by character."""
        return _fold(self.text)

    @functools.cached_property
    def words(self) -> list[str]:
        """The words and numbers of `plain`, in order (`words_in`)."""
        return words_in(self.plain)

    @functools.cached_property
    def _anchors(self) -> list[tuple[int, str]]:
        # Where a date or a time may start, found once for both.
        return anchored(self.plain, self.words, _anchor_words(self.read_as))

    @functools.cached_property
    def read_as(self) -> str:
        """The language the letter is read in: `language`, else told from the text."""
        if self.language is not None:
            return self.language
        # What is below the sign-off and the signature block is often
        # English whatever the letter's language (a job title, a legal
        # notice): when it holds frequent words of a language, the author's
        # text above it tells the language, unless that holds none.  Most
        # closings hold none (a name, a phone number), and then the whole
        # text, read for everything else anyway, tells the same.
        lines = self.plain.splitlines()
        cut = _sign_off_line(lines)
        if cut is None:
            # The signature block's lines end the text read.
            cut = max(0, len(lines) - len(self.parts.signature.splitlines()))
        below = words_in("\n".join(lines[cut:])) if cut < len(lines) else []
        if has_frequent_words(below):
            # No word runs across a line's end: the words above are the
            # text's first ones.
            words = self.words[: len(self.words) - len(below)]
            if has_frequent_words(words):
                above = "\n".join(lines[:cut])
                return detect_language(above, words, self.user_strings)
        return detect_language(self.plain, self.words, self.user_strings)

    @functools.cached_property
    def dates(self) -> tuple[WrittenDate, ...]:
        """Every date mention in the letter's own text (`dates_in`)."""
        return tuple(self._dates())

    def _dates(self) -> Iterator[WrittenDate]:
        sent = None
        # A whole message says when it was sent: its Date.
        moment = self.sent if self.sent is not None else self.parts.date
        if moment is not None:
            sent = local(moment, self._recipient_zone).date()
        return dates_read(self.plain, vocabulary(self.read_as), sent, self._anchors)

    @functools.cached_property
    def times(self) -> tuple[WrittenTime, ...]:
        """Every time-of-day mention in the letter's own text (`times_in`)."""
        return tuple(times_read(self.plain, self.read_as, self._anchors))

    def names(self, phrase: str) -> bool:
        """Whether the letter's own text names `phrase` as whole words."""
        instance_of(phrase, str, "phrase", "text (str)")
        return self._names((plain(phrase),), phrase)

    def names_company(self) -> bool:
        """Whether the letter names the company, short forms and aliases included."""
        company = self.interview.company
        return self._names(company_forms(company, self.aliases), company)

    def _names(self, forms: tuple[str, ...], name: str) -> bool:
        read = [form for form in map(spaced, forms) if form]
        if not read:
            # A name of marks alone (a cedilla) folds to nothing: look for it
            # as written.
            return name.strip().casefold() in self.parts.written.casefold()
        # Most letters write a name with single spaces, as it is given: the
        # text need not be respaced to find it, nor when the first word of
        # no form is in it (respacing changes only spaces and hyphens).
        if names_in(read, self.plain):
            return True
        if any(form.split(" ", 1)[0] in self.plain for form in read) and names_in(
            read, self._spaced
        ):
            return True
        # A name written like an address ("0@0.0") is blanked out with the
        # addresses: it is looked for where they are not.
        read = [spaced(form) for form in forms if mask_addresses(form) != form]
        return bool(read) and (
            names_in(read, self._unmasked) or names_in(read, spaced(self._unmasked))
        )

    def says_any(self, stems: Iterable[str]) -> bool:
        """Whether any word of the letter's own text starts with one of `stems`."""
        return _says_any(self.plain, (plain(stem) for stem in stems))

    def expresses(self, element: Element) -> bool:
        """Whether the letter seems to say `element`: "thanks", "interest" or "fit"."""
        if element not in ELEMENTS:
            raise InvalidValueError(
                "element", element, "is not 'thanks', 'interest' or 'fit'"
            )
        return expresses(self._without_names, self.read_as, element)

    @functools.cached_property
    def _without_names(self) -> str:
        """`plain` with each name from the interview one neutral word.

        A company called "NE" or "No Limit", or a position "Head of
        No-Code", would otherwise read as a negation of the phrase beside
        it: "mon intérêt pour NE".  Each whole occurrence of a name (the
        longest first) becomes ``name``, which no lexicon holds.
        """
        names = {plain(name).strip() for name in (*self.user_strings, *self.aliases)}
        forms = sorted((name for name in names if name), key=len, reverse=True)
        if not forms:
            return self.plain
        # One pass over the letter, whatever the number of names.
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)"
        )
        return pattern.sub("name", self.plain)

    def sentences(self) -> int:
        """Sentences in the letter's own text, signature block left out."""
        return count_sentences(self.parts.own, self.user_strings)

    def lines(self, width: int) -> int:
        """Lines of the own text at `width` columns, without the signature block."""
        if not isinstance(width, int) or isinstance(width, bool):
            raise InvalidTypeError("width", width, "a whole number of columns (int)")
        if width < 1:
            raise InvalidValueError("width", width, "is not 1 or more")
        return count_lines(self.parts.own, width)

    def names_date(self) -> bool:
        """Whether the letter names the date of the interview in some form."""
        day = self.interview_start.date()
        # Read until a mention names it: most letters name it early.
        return any(mention.matches(day) for mention in self._dates())

    def names_time(self) -> bool:
        """Whether the letter names the time the interview started.

        On the recipient's calendar or the interview's own, or as an instant
        when the time carries a zone.
        """
        start = utc(self.interview.at)
        zones = (self._recipient_zone, zone_of(self.interview.at))
        read = times_read(self.plain, self.read_as, self._anchors)
        return any(mention.matches(start, zones) for mention in read)

    @property
    def user_strings(self) -> tuple[str, ...]:
        """The names in the letter that came from the user, not from its author."""
        interview = self.interview
        strings = [interview.candidate, interview.company]
        if interview.interviewer is not None and interview.interviewer.name:
            strings.append(interview.interviewer.name)
        if interview.position is not None:
            strings.append(interview.position)
        return tuple(strings)

"""Reading a letter the way the advice asks it to be read (A4, A8, A9).

A `Letter` is the text of a thank-you or follow-up with the interview it is
about.  The functions here find what a reader would look for: how many lines
it runs to at a given width, how many sentences it holds, and whether it
names the candidate, the company, and the date and time of the interview.
The rules (FU003 for the thank-you, FU004 for the follow-up) turn what is
found into findings.

The checks read English.  They are honest about what text matching can know:
a missing name, date or time is certain, so it is an error; a missing phrase
of thanks, interest or fit may just be worded otherwise, so it is a warning.

Recognised forms, in the recipient's zone (the interviewer's, else the
interview's):

* dates: ``23 November``, ``23rd of November``, ``November 23``,
  ``Nov. 23``, ``Nov 23rd`` (with or without a year), ``2026-11-23``,
  ``11/23`` or ``23/11`` (with or without ``/2026``), and the weekday
  (``Monday``);
* times: ``10:00``, ``10.00``, ``10h00``, ``10 am``, ``10am``,
  ``10:00 AM``, ``10 a.m.``; an hour written without am or pm also matches
  the afternoon (``2:30`` for 14:30).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, final

import attrs

from followup._facts import recipient_zone
from followup._fields import enum_member, instance_of
from followup._interview import Interview
from followup._time import WEEKDAY_NAMES, local
from followup._vocabulary import StepKind
from followup.errors import InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = [
    "FIT",
    "GRATITUDE",
    "INTEREST",
    "Letter",
    "count_lines",
    "count_sentences",
    "dates_in",
    "letter_kind",
    "mentions",
    "says_any",
    "times_in",
]

LETTER_KINDS = frozenset({StepKind.THANK_YOU, StepKind.FOLLOW_UP})

#: Word stems that show gratitude (A4).
GRATITUDE = ("thank", "grateful", "gratitude", "appreciat")
#: Word stems that show interest in the company (A4, A8).
INTEREST = (
    "interest",
    "excit",
    "enthusias",
    "keen",
    "eager",
    "look forward",
    "looking forward",
    "would love",
    "love to",
    "join",
    "passion",
    "thrilled",
    "motivat",
)
#: Word stems that give a reason the candidate fits the job (A8).
FIT = (
    "fit",
    "experience",
    "skill",
    "background",
    "qualif",
    "match",
    "suited",
    "strength",
    "bring",
    "contribut",
    "track record",
    "expertise",
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = tuple(name.lower() for name in WEEKDAY_NAMES)
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATE_FORMS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}(?![a-z])"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}(?![a-z0-9])"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{2}|\d{4}))?\b")
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b")
_CLOCK_12 = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?P<half>[ap])\.?\s?m\b\.?"
)
_CLOCK_24 = re.compile(
    r"\b(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})\b(?!\s?[ap]\.?\s?m\b)"
)
# Only from the start of a run of marks: a match tried inside the run would
# backtrack over the rest of it, quadratic on a long run of dots.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+(?=[\s\"')\]]|$)")
# Abbreviations whose stop is no sentence end.  "a.m." at the very end of a
# sentence hides that end too: the count errs short, never long.
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:mrs?|ms|mx|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|a\.m|p\.m|"
    r"approx|dept|inc|ltd|co|corp)\.(?=[\s,;:)\]\"']|$)",
    re.IGNORECASE,
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalise(text: str) -> str:
    """Fold case, compatibility forms, apostrophes and runs of white space."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(folded.split())


def count_lines(text: str, width: int) -> int:
    r"""Count non-blank lines once each line is wrapped at `width` columns.

    A line wraps at white space, as `textwrap` wraps words of at most
    `width` characters; a longer word (a link) starts a line of its own and
    takes as many as it needs.  Runs of white space count as one space.
    The count takes time linear in the text, whatever it holds.

    >>> letter = ["Dear Grace,", "", "word " * 40, "", "Ada"]
    >>> count_lines("\n".join(letter), width=80)
    5
    """
    return sum(_wrapped(line, width) for line in text.splitlines())


def _wrapped(line: str, width: int) -> int:
    # textwrap itself is quadratic on some input (a long run of no-break
    # spaces strips the same chunk once per line), so the greedy fill is
    # written out; tests check it equal to textwrap on ordinary text.
    lines = 0
    used = 0  # columns taken on the line being filled; 0 while it is empty
    for word in line.split():
        size = len(word)
        if used and used + 1 + size <= width:
            used += 1 + size
            continue
        if used:
            lines += 1
        full = (size - 1) // width  # lines a long word fills before its last
        lines += full
        used = size - full * width
    return lines + 1 if used else lines


def count_sentences(text: str, names: Iterable[str] = ()) -> int:
    """Count sentences; `names` are taken out first, so ``J. R. Smith`` is no end.

    Titles and common abbreviations (``Mr.``, ``Dr.``, ``e.g.``, ``a.m.``)
    end no sentence either: "Dear Ms. Smith," is one line of greeting.

    >>> count_sentences("Thank you, Mr. X. It was a pleasure!", names=["Mr. X"])
    2
    >>> count_sentences("Dear Dr. Hopper, thank you for the call at 10 a.m. today.")
    1
    """
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "name")
    return len(_SENTENCE_END.findall(_ABBREVIATION.sub("_", text)))


def _fold(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).casefold().split())


def mentions(text: str, phrase: str) -> bool:
    """Whether `phrase` is in `text` as whole words, whatever the case and spacing.

    Case folding and spacing fold character by character, so a phrase found
    as written is always found; NFKC also matches ``Zoë`` typed with a
    combining diaeresis, but can merge a leading combining mark into the
    letter before it, so both comparisons are tried.
    """
    return _has_words(_fold(text), _fold(phrase)) or _has_words(
        normalise(text), normalise(phrase)
    )


def _has_words(text: str, phrase: str) -> bool:
    # As whole words: "Box" is not in "inbox", nor "Al" in "Also".
    if not phrase:
        return False
    pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
    return re.search(pattern, text) is not None


def says_any(text: str, stems: Iterable[str]) -> bool:
    """Whether any word of `text` starts with one of `stems`."""
    return _says_any(normalise(text), stems)


def _says_any(folded: str, stems: Iterable[str]) -> bool:
    pattern = r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + ")"
    return re.search(pattern, folded) is not None


@final
@attrs.frozen
class DateMention:
    """A date as written: month and day, maybe a year, or just a weekday."""

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None

    def matches(self, day: dt.date) -> bool:
        """Whether this mention can mean `day`."""
        if self.weekday is not None:
            return self.weekday == day.weekday()
        if self.year is not None and self.year not in {day.year, day.year % 100}:
            return False
        return (self.month, self.day) == (day.month, day.day)


@final
@attrs.frozen
class TimeMention:
    """A time of day as written; `twelve_hour` when it carried am or pm."""

    text: str
    hour: int
    minute: int
    twelve_hour: bool

    def matches(self, time: dt.time) -> bool:
        """Whether this mention can mean `time` (an hour without am/pm: either half)."""
        if self.minute != time.minute:
            return False
        if self.twelve_hour:
            return self.hour == time.hour
        return self.hour in {time.hour, time.hour - 12}


def dates_in(text: str) -> tuple[DateMention, ...]:
    """Every date-like mention in `text`, in the recognised forms."""
    return _dates_in(normalise(text))


def _dates_in(folded: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for form in _DATE_FORMS:
        for match in form.finditer(folded):
            month = match["month"]
            number = int(month) if month.isdigit() else _MONTHS[month]
            year = int(match["year"]) if match["year"] else None
            found.append(DateMention(match[0], number, int(match["day"]), year))
    for match in _SLASHED.finditer(folded):
        first, second = int(match["a"]), int(match["b"])
        year = int(match["year"]) if match["year"] else None
        # 11/23 in the US, 23/11 elsewhere: either reading counts.
        found.append(DateMention(match[0], first, second, year))
        found.append(DateMention(match[0], second, first, year))
    found.extend(
        DateMention(match[0], weekday=_WEEKDAYS.index(match["weekday"]))
        for match in _WEEKDAY.finditer(folded)
    )
    return tuple(found)


def times_in(text: str) -> tuple[TimeMention, ...]:
    """Every time-of-day mention in `text`, in the recognised forms."""
    return _times_in(normalise(text))


def _times_in(folded: str) -> tuple[TimeMention, ...]:
    found: list[TimeMention] = []
    for match in _CLOCK_12.finditer(folded):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if 1 <= hour <= 12 and minute < 60:
            hour24 = hour % 12 + (12 if match["half"] == "p" else 0)
            found.append(TimeMention(match[0], hour24, minute, twelve_hour=True))
    for match in _CLOCK_24.finditer(folded):
        hour, minute = int(match["hour"]), int(match["minute"])
        if hour < 24 and minute < 60:
            found.append(TimeMention(match[0], hour, minute, twelve_hour=False))
    return tuple(found)


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


@final
@attrs.frozen
class Letter:
    """The text of a thank-you or a follow-up, with the interview it is about.

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

    @property
    def interview_start(self) -> dt.datetime:
        """When the interview started, on the recipient's calendar."""
        return local(self.interview.at, recipient_zone(self.interview))

    # Each is read once per letter: several rules ask, and a letter may be
    # long.
    @functools.cached_property
    def normalised(self) -> str:
        """The text with case, Unicode forms and white space folded (`normalise`)."""
        return normalise(self.text)

    @functools.cached_property
    def folded(self) -> str:
        """The text with case and white space folded, character by character."""
        return _fold(self.text)

    @functools.cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date-like mention in the text (`dates_in`)."""
        return _dates_in(self.normalised)

    @functools.cached_property
    def times(self) -> tuple[TimeMention, ...]:
        """Every time-of-day mention in the text (`times_in`)."""
        return _times_in(self.normalised)

    def names(self, phrase: str) -> bool:
        """Whether the letter names `phrase` (as `mentions` finds it)."""
        return _has_words(self.folded, _fold(phrase)) or _has_words(
            self.normalised, normalise(phrase)
        )

    def says_any(self, stems: Iterable[str]) -> bool:
        """Whether any word of the letter starts with one of `stems`."""
        return _says_any(self.normalised, stems)

    def names_date(self) -> bool:
        """Whether the letter names the date of the interview in some form."""
        day = self.interview_start.date()
        return any(mention.matches(day) for mention in self.dates)

    def names_time(self) -> bool:
        """Whether the letter names the time the interview started."""
        time = self.interview_start.time()
        return any(mention.matches(time) for mention in self.times)

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

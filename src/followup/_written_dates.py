"""Dates as people write them in a letter, and the days they can mean.

Read from the plain text (`followup._languages.plain`) with the words of the
letter's language:

* a day and a month in words, either order, with or without a year:
  ``23 November``, ``the 23rd of November``, ``November twenty-third``,
  ``Nov. 23, 2026``, ``23-Nov-2026``, ``23. November``, ``23 de noviembre``;
* numbers: ``2026-11-23``; ``23.11.2026`` and ``23.11.`` (dots are always
  day first); ``11/23/2026``, ``23/11``, ``11-23-2026`` — slashes and dashes
  are written both ways, so a date whose day and month could be swapped
  (``03/04``) is *ambiguous* and means nothing, unless both readings are
  the same day (``11/11``);
* a day of the month alone: ``the 23rd``, ``le 23``, ``du 23``, ``el día 23``,
  ``del día 23``, ``am 23.``, ``vom 23.``;
* a weekday: ``Monday``, ``last Monday``; written with a date, before it
  (``Monday, 23 November``, ``Montag, den 23. November``, ``lundi 23
  novembre``, ``lunes 23 de noviembre``, ``Monday the 23rd``) or in
  parentheses after it (``23.11.2026 (Montag)``), it is one mention with
  that date, which names a day only when the weekday is that day's;
* a day named from the day the letter is sent, when that is known:
  ``today``, ``this morning``, ``yesterday``, ``earlier this week``,
  ``last week`` and their German, French and Spanish words.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, final

import attrs

from followup._languages import anchored, starts_a_word, words_in
from followup._languages import vocabulary as _vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from followup._languages import Vocabulary

__all__ = ["WrittenDate", "date_anchors", "dates_read", "dates_written"]


@final
@attrs.frozen
class WrittenDate:
    """A date as written, and what it can mean.

    A calendar date has `day` and `month` (maybe `year`); a day of the month
    alone only `day`; a weekday `weekday` (Monday 0), also beside a date or a
    day of the month it was written with; a relative phrase is
    `relative`, with the span of days it names, `first` to `last`, when the
    letter's send time is known (none without it: it names no day).
    """

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    relative: bool = False

    def matches(self, day: dt.date) -> bool:
        """Whether this mention can mean `day`."""
        if self.relative or (self.first is not None and self.last is not None):
            return (
                self.first is not None
                and self.last is not None
                and self.first <= day <= self.last
            )
        if self.weekday is not None and self.weekday != day.weekday():
            # "Friday 23 November" contradicts itself: it names no Monday the
            # 23rd, whatever its date says.
            return False
        if self.day is None:  # a weekday alone
            return True
        if self.year is not None and self.year not in {day.year, day.year % 100}:
            return False
        if self.month is not None and self.month != day.month:
            return False
        return self.day == day.day


_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINALS = {
    **{word: number for number, word in enumerate(_UNITS, start=1)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty-{word}": 20 + n for n, word in enumerate(_UNITS[:9], start=1)},
    **{f"twenty {word}": 20 + n for n, word in enumerate(_UNITS[:9], start=1)},
    "thirty-first": 31,
    "thirty first": 31,
}
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# The words an ordinal starts with ("twenty" of "twenty-third").
_ORDINAL_STARTS = frozenset(word.split()[0].split("-")[0] for word in _ORDINALS)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@final
@attrs.frozen
class _Forms:
    """The patterns of one language, each tried where its first word is.

    A letter is read word by word (`followup._languages.anchored`); a
    pattern is tried only at a word that can start it (a number, a month, an
    ordinal, a weekday, the first word of a relative phrase), anchored there.
    Scanning the whole text once per pattern cost several times more.
    """

    numbers: tuple[re.Pattern[str], ...]  # tried at a number
    at_word: dict[str, tuple[re.Pattern[str], ...]]  # tried at that word
    relative: dict[str, tuple[str, ...]]  # last word -> whole phrases
    anchors: frozenset[str]  # every word that can start or end a date
    # A day of the month alone ("the 23rd", "le 23"): the words before it,
    # and the pattern, tried where such a word is when a number or an ordinal
    # follows it.  "the" itself is no anchor: it is everywhere.
    articles: tuple[str, ...]
    alone: re.Pattern[str]


# Marks inside a number ("23.11.2026"): a number right after one is part of it.
_MARKS_IN_NUMBERS = "./-"
_NUMBERS = re.compile(
    r"(?P<a>\d\d?)(?P<sep>[./-])(?P<b>\d\d?)"
    r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?P<stop>\.)?(?![\w/-]|[.:]\d)"
)
# A day and month with a space after each dot, and the year: "23. 11. 2026".
_SPACED = re.compile(
    r"(?P<day>\d\d?)\. (?P<month>\d\d?)\. (?P<year>\d{4})(?![\w/-]|[.:]\d)"
)
_ISO = re.compile(r"(?P<year>\d\d\d\d)([-/.])(?P<month>\d\d?)\2(?P<day>\d\d?)(?!\d)")
_YEAR = r"(?:[\s,-]+(?:del?\s+)?(?P<year>\d{4}))?"


@functools.cache
def _forms(language: str) -> _Forms:
    vocabulary = _vocabulary(language)
    month = rf"(?P<month>{_alternatives(vocabulary.months)})\.?"
    day = r"(?P<day>\d\d?)(?:st|nd|rd|th|er|o|\.|\.?º|\.?°)?"
    words = re.compile(rf"{day}(?:\s+of|\s+de)?[\s-]+{month}{_YEAR}(?!\w)")
    at_word: dict[str, list[re.Pattern[str]]] = collections.defaultdict(list)
    if language == "en":
        ordinal = re.compile(
            rf"(?P<word>{_ORDINAL_WORDS})(?:\s+of)?\s+{month}{_YEAR}(?!\w)"
        )
        for word in _ORDINAL_STARTS:
            at_word[word].append(ordinal)
        day = rf"(?:{day}|(?P<word>{_ORDINAL_WORDS}))"
    month_first = re.compile(rf"{month}\s+(?:the\s+)?{day}(?![\w.]\d|\d){_YEAR}")
    for name in vocabulary.months:
        at_word[name].append(month_first)
    # The article may be contracted with "de" or "von": "du 23" (de le),
    # "del día 23" (de el), "vom 23." (von dem) name the day as surely.
    articles, alone = {
        "en": (
            ("the",),
            (
                r"the\s+(?:(?P<day>\d\d?)(?:st|nd|rd|th)"
                rf"|(?P<word>{_ORDINAL_WORDS}))(?!\w)"
            ),
        ),
        # A stop or a comma goes on a number ("le 23.11", "le 23,5 %") only
        # with a digit after it: "le 23, à 10 h" and "le 23." are the day.
        "fr": (("le", "du"), r"(?:le|du)\s+(?P<day>\d\d?|1er)(?![\w/-]|[.:,]\d|\s*h)"),
        "es": (("el", "del"), r"d?el\s+dia\s+(?P<day>\d\d?)(?!\w)"),
        "de": (("am", "vom"), r"(?:am|vom)\s+(?P<day>\d\d?)\.(?=\s)(?!\s+(?:\d|uhr))"),
    }[language]
    # Relative phrases are found at their last word ("week" of "earlier this
    # week"), which is rarer than their first ("this", "the").
    relative: dict[str, list[str]] = collections.defaultdict(list)
    phrases = [*vocabulary.days_ago, *vocabulary.this_week, *vocabulary.last_week]
    for phrase in sorted(phrases, key=len, reverse=True):
        relative[_last_word(phrase)].append(phrase)
    return _Forms(
        (words, _ISO, _NUMBERS),
        {word: tuple(patterns) for word, patterns in at_word.items()},
        {word: tuple(found) for word, found in relative.items()},
        frozenset([*at_word, *relative, *vocabulary.weekdays]),
        articles,
        re.compile(alone),
    )


def _last_word(phrase: str) -> str:
    return re.split(r"[^a-z0-9]", phrase)[-1]


def date_anchors(language: str) -> frozenset[str]:
    """The words that can start a date in `language` (numbers aside)."""
    return _forms(language).anchors


def dates_written(
    folded: str,
    vocabulary: Vocabulary,
    sent: dt.date | None = None,
    anchors: Sequence[tuple[int, str]] | None = None,
) -> tuple[WrittenDate, ...]:
    """Every date mention in the plain text `folded`, in the language's forms.

    Relative phrases count only with `sent`, the day the letter was sent on
    the recipient's calendar.  `anchors` are where numbers and words that
    may start a date are (`anchored`), when the caller has found them
    already; other words there are passed over.
    """
    return tuple(dates_read(folded, vocabulary, sent, anchors))


def dates_read(
    folded: str,
    vocabulary: Vocabulary,
    sent: dt.date | None = None,
    anchors: Sequence[tuple[int, str]] | None = None,
) -> Iterator[WrittenDate]:
    """`dates_written`, one mention at a time: a caller looking for one stops there."""
    forms = _forms(vocabulary.language)
    if anchors is None:
        anchors = anchored(folded, words_in(folded), forms.anchors)
    # The last mention read waits for the next one: a weekday and the date
    # written right after it ("Monday, 30 November"), or a date and its
    # weekday in parentheses ("30.11. (Montag)"), are one mention.  Read
    # apart, the weekday alone named the interview's Monday for a letter
    # whose date was wrong.
    held: _Held | None = None
    for start, word in anchors:
        if word[0].isdigit():
            if not starts_a_word(folded, start, _MARKS_IN_NUMBERS):
                continue
            found = _at_number(forms, folded, start, word, vocabulary)
        elif word in forms.anchors and starts_a_word(folded, start):
            found = _at_word(forms, folded, start, word, vocabulary, sent)
        else:
            continue
        for mention in found:
            read = _placed(mention, folded, start)
            if held is None:
                held = read
            elif (joined := held.joined(read, folded)) is not None:
                held = joined
            else:
                yield held.mention
                held = read
    if held is not None:
        yield held.mention


# Between a weekday and the date it goes with: a comma, a parenthesis, an
# article ("Monday the 23rd", "Montag, den 23. November", "lundi le 23").
_WEEKDAY_BEFORE = re.compile(r"\s*[,(]?\s*(?:(?:the|den|dem|der|le|el)\s+)?")
# A weekday in parentheses after its date: "23.11.2026 (Montag)".
_WEEKDAY_AFTER = re.compile(r"\s*\(\s*")
_CLOSED = re.compile(r"\s*\)")


@final
@attrs.frozen
class _Held:
    """A mention read, and where its text is in the letter."""

    mention: WrittenDate
    begin: int
    end: int

    def joined(self, read: _Held, folded: str) -> _Held | None:
        """This mention and `read`, right after it, as one: a weekday and its date."""
        first, then = self.mention, read.mention
        if first.relative or then.relative or self.end >= read.begin:
            return None
        end = read.end
        if _is_weekday(first) and _is_dated(then):
            if not _WEEKDAY_BEFORE.fullmatch(folded, self.end, read.begin):
                return None
            weekday, date = first, then
        elif (
            _is_dated(first)
            and _is_weekday(then)
            and _WEEKDAY_AFTER.fullmatch(folded, self.end, read.begin)
            and (closed := _CLOSED.match(folded, read.end))
        ):
            weekday, date, end = then, first, closed.end()
        else:
            return None
        both = attrs.evolve(
            date, text=folded[self.begin : end], weekday=weekday.weekday
        )
        return _Held(both, self.begin, end)


def _placed(mention: WrittenDate, folded: str, start: int) -> _Held:
    """`mention`, read at the anchor `start`, with where its text is."""
    if mention.relative:
        # A relative phrase is no weekday's date; its words may be wrapped
        # over lines ("this\nmorning"), so its text need not be found.
        return _Held(mention, start, start)
    # The text starts at the anchor or at an article a few letters before it
    # ("le 23"): looked for there only, so a long letter is read in linear time.
    begin = folded.rfind(mention.text, max(0, start - 16), start + len(mention.text))
    return _Held(mention, begin, begin + len(mention.text))


def _is_weekday(mention: WrittenDate) -> bool:
    return mention.weekday is not None and mention.day is None


def _is_dated(mention: WrittenDate) -> bool:
    return mention.day is not None and mention.weekday is None


def _at_word(  # noqa: PLR0913, PLR0917 - where it is read, and what reads it
    forms: _Forms,
    folded: str,
    start: int,
    word: str,
    vocabulary: Vocabulary,
    sent: dt.date | None,
) -> list[WrittenDate]:
    if word in _ORDINAL_STARTS and _inside_ordinal(folded, start, word):
        # "first" of "thirty first": the ordinal was read whole at "thirty",
        # and "first of october" is no 1 October.
        return []
    found = [
        _written(match, vocabulary)
        for pattern in forms.at_word.get(word, ())
        if (match := pattern.match(folded, start))
    ]
    if word in _ORDINAL_STARTS and not found:
        # "the twenty-third of December" is that day of December, not also
        # the twenty-third of any month.
        found.extend(_day_alone(forms, folded, start, vocabulary))
    if word in vocabulary.weekdays and not _letter_after(folded, start + len(word)):
        found.append(WrittenDate(word, weekday=vocabulary.weekdays[word]))
    end = start + len(word)
    for phrase in forms.relative.get(word, ()):
        if _ends_with(folded, end, phrase) and not _word_after(folded, end):
            # Without the send time the phrase is found but names no day.
            found.append(
                WrittenDate(phrase, relative=True)
                if sent is None
                else _relative(phrase, phrase, vocabulary, sent)
            )
            break
    return found


def _ends_with(folded: str, end: int, phrase: str) -> bool:
    """Whether `phrase` ends at `end` and starts a word, its words apart by any space.

    A letter wrapped by hand or by a mail program breaks a phrase over two
    lines ("this" and "morning"); only the white space right before each word is
    walked over, so a long letter is still read in linear time.
    """
    position = end
    for index, part in enumerate(reversed(phrase.split(" "))):
        if index:
            gap = position
            while position and folded[position - 1].isspace():
                position -= 1
            if position == gap:
                return False
        position -= len(part)
        if position < 0 or not folded.startswith(part, position):
            return False
    return starts_a_word(folded, position, "-")


# The tens of an ordinal, right before its unit ("thirty-" of "thirty-first").
_TENS_BEFORE = re.compile(r"(?<![\w-])(twenty|thirty)[ -]$")


def _inside_ordinal(folded: str, start: int, word: str) -> bool:
    """Whether `word`, at `start`, is the unit of an ordinal such as "twenty first"."""
    tens = _TENS_BEFORE.search(folded, max(0, start - 16), start)
    return tens is not None and f"{tens[1]} {word}" in _ORDINALS


def _day_alone(
    forms: _Forms, folded: str, start: int, vocabulary: Vocabulary
) -> list[WrittenDate]:
    """A day of the month alone that ends in the number or ordinal at `start`."""
    for word in forms.articles:
        article = folded.rfind(word, max(0, start - 12), start)
        if article < 0 or not starts_a_word(folded, article):
            continue
        match = forms.alone.match(folded, article)
        if match and match.start("day" if match["day"] else "word") == start:
            # "December the 23rd" was read whole at its month: the day is
            # December's, not also the 23rd of any month.
            month = _WORD_BEFORE.search(folded, max(0, article - 16), article)
            if month is not None and month[1] in vocabulary.months:
                return []
            return [_written(match, vocabulary)]
    return []


# The word right before a day's article, and the stop of its abbreviation.
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\.?\s+$")


def _letter_after(folded: str, end: int) -> bool:
    return end < len(folded) and (folded[end].isalnum() or folded[end] == "_")


def _word_after(folded: str, end: int) -> bool:
    return _letter_after(folded, end) or folded[end : end + 1] == "-"


def _written(match: re.Match[str], vocabulary: Vocabulary) -> WrittenDate:
    groups = match.groupdict()
    if "month" not in groups:  # a day of the month alone
        return WrittenDate(match[0], day=_day(match))
    return WrittenDate(
        match[0], vocabulary.months[match["month"]], _day(match), _year(match["year"])
    )


def _at_number(
    forms: _Forms, folded: str, start: int, number: str, vocabulary: Vocabulary
) -> list[WrittenDate]:
    words, iso, numbers = forms.numbers
    found = []
    # What follows the number tells which forms can start here: a separator
    # for 23.11.2026 and 2026-11-23, a space, a dash or a suffix for
    # 23 November and 23-Nov-2026; a colon only for a time.
    after = folded[start + len(number) : start + len(number) + 1]
    if after and after in _MARKS_IN_NUMBERS:
        if match := iso.match(folded, start):
            return [
                WrittenDate(
                    match[0], int(match["month"]), int(match["day"]), int(match["year"])
                )
            ]
        if match := numbers.match(folded, start):
            found.extend(_numeric(match))
        elif after == "." and (match := _SPACED.match(folded, start)):
            month, day = int(match["month"]), int(match["day"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return [WrittenDate(match[0], month, day, int(match["year"]))]
        if after == "/":
            return found
    if after and after != ":" and (match := words.match(folded, start)):
        # A day with its month: "am 23." of "am 23. Dezember" is no day of
        # the month alone, which would match any month (or year).
        found.append(_written(match, vocabulary))
        return found
    found.extend(_day_alone(forms, folded, start, vocabulary))
    return found


def _day(match: re.Match[str]) -> int:
    word = match.groupdict().get("word")
    if word:
        return _ORDINALS[word]
    text = match["day"]
    return 1 if text == "1er" else int(text)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


#: Day-and-month shapes that say "always", not a date.
_AROUND_THE_CLOCK = frozenset({"24/7", "24-7"})


def _numeric(match: re.Match[str]) -> list[WrittenDate]:
    first, second = int(match["a"]), int(match["b"])
    year = _year(match["year"])
    if match["sep"] == ".":
        # Day first, always; without a year only with the closing dot
        # ("23.11."), since "10.30" alone is a time.
        if year is None and not match["stop"]:
            return []
        readings = {(second, first)}
    else:
        readings = {
            (month, day)
            for month, day in ((first, second), (second, first))
            if 1 <= month <= 12 and 1 <= day <= 31
        }
    # "24/7" and "24-7" are around the clock, also at the end of a sentence.
    if len(readings) == 1 and match[0].rstrip(".") not in _AROUND_THE_CLOCK:
        ((month, day),) = readings
        return [WrittenDate(match[0], month, day, year)]
    return []


def _relative(
    text: str, phrase: str, vocabulary: Vocabulary, sent: dt.date
) -> WrittenDate:
    monday = sent - dt.timedelta(days=sent.weekday())
    if phrase in vocabulary.days_ago:
        day = sent - dt.timedelta(days=vocabulary.days_ago[phrase])
        return WrittenDate(text, first=day, last=day, relative=True)
    if phrase in vocabulary.this_week:
        # Earlier this week: the week's days before the send day.
        # Sent on a Monday, there is no earlier day this week: first > last.
        return WrittenDate(
            text, first=monday, last=sent - dt.timedelta(days=1), relative=True
        )
    return WrittenDate(
        text,
        first=monday - dt.timedelta(days=7),
        last=monday - dt.timedelta(days=1),
        relative=True,
    )

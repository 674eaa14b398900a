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
* a day of the month alone: ``the 23rd``, ``le 23``, ``el día 23``;
* a weekday: ``Monday``, ``last Monday``;
* a day named from the day the letter is sent, when that is known:
  ``today``, ``this morning``, ``yesterday``, ``earlier this week``,
  ``last week`` and their German, French and Spanish words.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, final

import attrs

from followup._languages import vocabulary as _vocabulary
from followup._written_times import starts_a_word

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._languages import Vocabulary

__all__ = ["WrittenDate", "dates_written"]


@final
@attrs.frozen
class WrittenDate:
    """A date as written, and what it can mean.

    A calendar date has `day` and `month` (maybe `year`); a day of the month
    alone only `day`; a weekday `weekday` (Monday 0); a relative phrase the
    span of days it names, `first` to `last`.
    """

    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None

    def matches(self, day: dt.date) -> bool:
        """Whether this mention can mean `day`."""
        if self.first is not None and self.last is not None:
            return self.first <= day <= self.last
        if self.weekday is not None:
            return self.weekday == day.weekday()
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
# Every ordinal word holds one of these: a cheap test before the pattern.
_ORDINAL_STEMS = (*_UNITS, "twentieth", "thirtieth")


def _alternatives(words: object) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@final
@attrs.frozen
class _Forms:
    words: re.Pattern[str]
    ordinal_words: re.Pattern[str] | None
    month_first: re.Pattern[str]
    day_alone: re.Pattern[str]
    weekdays: re.Pattern[str]
    relative: re.Pattern[str]


# Every pattern starts with a digit or a word, never a look-behind, so that
# the engine skips in C to where a match can start; what may not come before
# a match is checked once it is found (`starts_a_word`).
_NUMBER_AFTER = "./-"
_NUMBERS = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})"
    r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?P<stop>\.)?(?![\w/-]|[.:]\d)"
)
_ISO = re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?!\d)")
_YEAR = r"(?:[\s,-]+(?:del?\s+)?(?P<year>\d{4}))?"


@functools.cache
def _forms(language: str) -> _Forms:
    vocabulary = _vocabulary(language)
    month = rf"(?P<month>{_alternatives(vocabulary.months)})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|o|\.|\.?º|\.?°)?"
    words = re.compile(rf"{day}(?:\s+of|\s+de)?[\s-]+{month}{_YEAR}(?!\w)")
    ordinal_words = None
    if language == "en":
        ordinal_words = re.compile(
            rf"(?P<word>{_ORDINAL_WORDS})(?:\s+of)?\s+{month}{_YEAR}(?!\w)"
        )
        day = rf"(?:{day}|(?P<word>{_ORDINAL_WORDS}))"
    month_first = re.compile(rf"{month}\s+(?:the\s+)?{day}(?![\w.]\d|\d){_YEAR}")
    alone = {
        "en": (
            r"the\s+(?:(?P<day>\d{1,2})(?:st|nd|rd|th)"
            rf"|(?P<word>{_ORDINAL_WORDS}))(?!\w)"
        ),
        "fr": r"le\s+(?P<day>\d{1,2}|1er)(?![\w/.:,-]|\s*h)",
        "es": r"el\s+dia\s+(?P<day>\d{1,2})(?!\w)",
        "de": r"am\s+(?P<day>\d{1,2})\.(?=\s)(?!\s+(?:\d|uhr))",
    }[language]
    weekdays = re.compile(rf"(?P<weekday>{_alternatives(vocabulary.weekdays)})(?!\w)")
    phrases = [*vocabulary.days_ago, *vocabulary.this_week, *vocabulary.last_week]
    relative = re.compile(rf"(?P<phrase>{_alternatives(phrases)})(?![\w-])")
    return _Forms(
        words, ordinal_words, month_first, re.compile(alone), weekdays, relative
    )


def _found(
    pattern: re.Pattern[str] | None, folded: str, not_after: str = ""
) -> Iterator[re.Match[str]]:
    if pattern is None:
        return
    for match in pattern.finditer(folded):
        if starts_a_word(folded, match.start(), not_after):
            yield match


def dates_written(
    folded: str, vocabulary: Vocabulary, sent: dt.date | None = None
) -> tuple[WrittenDate, ...]:
    """Every date mention in the plain text `folded`, in the language's forms.

    Relative phrases count only with `sent`, the day the letter was sent on
    the recipient's calendar.
    """
    forms = _forms(vocabulary.language)
    found: list[WrittenDate] = []
    months = vocabulary.months
    for pattern in (forms.words, forms.month_first):
        found.extend(
            WrittenDate(
                match[0], months[match["month"]], _day(match), _year(match["year"])
            )
            for match in pattern.finditer(folded)
        )
    found.extend(
        WrittenDate(match[0], day=_day(match))
        for match in forms.day_alone.finditer(folded)
    )
    found.extend(
        WrittenDate(
            match[0], int(match["month"]), int(match["day"]), int(match["year"])
        )
        for match in _ISO.finditer(folded)
    )
    found.extend(_numeric(folded))
    found.extend(
        WrittenDate(match[0], weekday=vocabulary.weekdays[match["weekday"]])
        for match in forms.weekdays.finditer(folded)
    )
    if sent is not None:
        found.extend(
            _relative(match[0], match["phrase"], vocabulary, sent)
            for match in forms.relative.finditer(folded)
        )
    return tuple(found)


def _day(match: re.Match[str]) -> int:
    word = match.groupdict().get("word")
    if word:
        return _ORDINALS[word]
    text = match["day"]
    return 1 if text == "1er" else int(text)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _numeric(folded: str) -> list[WrittenDate]:
    found = []
    for match in _found(_NUMBERS, folded, _NUMBER_AFTER):
        first, second = int(match["a"]), int(match["b"])
        year = _year(match["year"])
        if match["sep"] == ".":
            # Day first, always; without a year only with the closing dot
            # ("23.11."), since "10.30" alone is a time.
            if year is None and not match["stop"]:
                continue
            readings = {(second, first)}
        else:
            readings = {
                (month, day)
                for month, day in ((first, second), (second, first))
                if 1 <= month <= 12 and 1 <= day <= 31
            }
        if len(readings) == 1 and match[0] != "24/7":  # around the clock
            ((month, day),) = readings
            found.append(WrittenDate(match[0], month, day, year))
    return found


def _relative(
    text: str, phrase: str, vocabulary: Vocabulary, sent: dt.date
) -> WrittenDate:
    monday = sent - dt.timedelta(days=sent.weekday())
    if phrase in vocabulary.days_ago:
        day = sent - dt.timedelta(days=vocabulary.days_ago[phrase])
        return WrittenDate(text, first=day, last=day)
    if phrase in vocabulary.this_week:
        # Earlier this week: the week's days before the send day.
        # Sent on a Monday, there is no earlier day this week: first > last.
        return WrittenDate(text, first=monday, last=sent - dt.timedelta(days=1))
    return WrittenDate(
        text, first=monday - dt.timedelta(days=7), last=monday - dt.timedelta(days=1)
    )

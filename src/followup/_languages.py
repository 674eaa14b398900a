"""The words of dates and times in the languages letters are read in.

Month and weekday names come from the Unicode CLDR through Babel, so they are
the names a mail program of that language writes; what CLDR does not hold
(relative days, hour words, the words around a time) is listed here by hand,
per language.  Every word is stored *plain*: case-folded, accents dropped,
apostrophes and dashes unified (`plain`), the form the letter's text is
read in.  Babel is imported when a letter is first read, not with followup.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import TYPE_CHECKING, Final, NamedTuple, final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "LANGUAGES",
    "Vocabulary",
    "anchored",
    "detect_language",
    "has_frequent_words",
    "plain",
    "starts_a_word",
    "vocabulary",
    "words_in",
]

#: The languages letters are read and drafted in.
LANGUAGES: Final = ("en", "de", "fr", "es")

_COMBINING = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# Characters that show nothing and are no white space to Python: web mail
# and word processors paste them into words and names (zero-width spaces
# and joiners, a byte order mark, a soft hyphen).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"

_UNIFIED = str.maketrans(
    {
        # Read as if they were not there: "No\u00advember" is "November".
        **dict.fromkeys(INVISIBLE),
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def language_hint(value: object, *, locales: bool) -> str:
    """What to write instead of `value`, a language refused, or "".

    "EN" is "en"; "en-GB" or "en_GB" is the language with a region, which
    drafts take as their `locale` (`locales`) and reading letters does not
    need.
    """
    if not isinstance(value, str):
        return ""
    if value.casefold() in LANGUAGES:
        return f"; did you mean {value.casefold()!r}?"
    code, separator, region = value.replace("-", "_").partition("_")
    if separator and code.casefold() in LANGUAGES and region.isalpha():
        language = code.casefold()
        if locales:
            return (
                f"; give language={language!r} and "
                f"locale={f'{language}_{region.upper()}'!r}"
            )
        return f"; give language={language!r}"
    return ""


def plain(text: str) -> str:
    """Fold `text` to the form it is read in: no case, accents or entities.

    HTML entities are decoded (a letter pasted from a web mail writes
    ``AT&amp;T``), compatibility forms and accents folded (``Zoë`` and
    ``Zoe`` read alike, ``ß`` as ``ss``), curly apostrophes and dashes made
    plain, and invisible marks (a zero-width space, a soft hyphen) left out.
    The length may change; positions are not kept.

    >>> plain("Zoë\u2019s AT&amp;T call \u2013 MÄRZ")
    "zoe's at&t call - marz"
    """
    if "&" in text:
        import html  # noqa: PLC0415 - only a letter with an entity needs it

        text = html.unescape(text)
    # The table's one ASCII entry is the backtick: most letters need no
    # pass through it.
    if not text.isascii() or "`" in text:
        text = text.translate(_UNIFIED)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.casefold()


@final
@attrs.frozen
class Vocabulary:
    """What one language writes for dates and times, in plain form.

    * `months`: month name or abbreviation → month number;
    * `weekdays`: weekday name → ISO weekday index (Monday 0);
    * `days_ago`: words naming a day relative to the send day → days back;
    * `this_week`, `last_week`: phrases naming the send day's week (before
      the send day) and the week before;
    * `hours`: hour words → hour (1-12 read on either half of the day,
      13-23 as written);
    * `noon`, `midnight`: their words;
    * `stopwords`: frequent short words, to tell the language of a letter;
      none of a single letter, which names and initials are full of
      ("I0I0i", "Y. Tanaka").
    """

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    days_ago: dict[str, int]
    this_week: tuple[str, ...]
    last_week: tuple[str, ...]
    hours: dict[str, int]
    noon: tuple[str, ...]
    midnight: tuple[str, ...]
    stopwords: frozenset[str]


_EN_HOURS = ("one two three four five six seven eight nine ten eleven twelve").split()
_DE_HOURS = ("eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf").split()
_FR_HOURS = (
    "une deux trois quatre cinq six sept huit neuf dix onze douze treize "
    "quatorze quinze seize dix-sept dix-huit dix-neuf vingt vingt-et-une "
    "vingt-deux vingt-trois"
).split()
_ES_HOURS = ("una dos tres cuatro cinco seis siete ocho nueve diez once doce").split()


class _ByHand(NamedTuple):
    """What CLDR does not hold, for one language."""

    # Relative words: the send day's (0), the day before (1), the one before
    # that (2).  Where one phrase holds another ("the day before yesterday",
    # "yesterday"), the longer is tried first.
    days_ago: dict[str, int]
    this_week: tuple[str, ...]
    last_week: tuple[str, ...]
    hours: dict[str, int]
    noon: tuple[str, ...]
    midnight: tuple[str, ...]
    stopwords: frozenset[str]
    extra_months: dict[str, int]


_BY_HAND: Final = {
    "en": _ByHand(
        days_ago={
            "the day before yesterday": 2,
            "yesterday": 1,
            "today": 0,
            "tonight": 0,
            "this morning": 0,
            "this afternoon": 0,
            "this evening": 0,
            "earlier today": 0,
        },
        this_week=("earlier this week", "this week", "earlier in the week"),
        last_week=("last week", "the previous week", "the week before"),
        hours=dict(zip(_EN_HOURS, range(1, 13), strict=True)),
        noon=("noon", "midday"),
        midnight=("midnight",),
        stopwords=frozenset(
            ("the and you for to of my with your am this was it at").split()
        ),
        extra_months={"sept": 9},
    ),
    "de": _ByHand(
        days_ago={
            "vorgestern": 2,
            "gestern": 1,
            "heute": 0,
            # As adjectives too, in every ending: "das heutige Telefonat",
            # "unser gestriges Gespräch".
            **{
                f"{stem}{ending}": days
                for stem, days in (("vorgestrig", 2), ("gestrig", 1), ("heutig", 0))
                for ending in ("e", "en", "em", "er", "es")
            },
        },
        this_week=("anfang der woche", "diese woche", "dieser woche"),
        last_week=(
            "letzte woche",
            "letzten woche",
            "vergangene woche",
            "vergangenen woche",
            "vorige woche",
        ),
        hours={**dict(zip(_DE_HOURS, range(1, 13), strict=True)), "ein": 1},
        noon=("mittag", "mittags"),
        midnight=("mitternacht",),
        stopwords=frozenset(
            (
                "und der die das ich sie ihnen fur mit nicht ein eine ist zu "
                "den am uber"
            ).split()
        ),
        extra_months={"marz": 3, "sep": 9},
    ),
    "fr": _ByHand(
        days_ago={
            "avant-hier": 2,
            # Often written without its hyphen; else read as "hier".
            "avant hier": 2,
            "hier": 1,
            "aujourd'hui": 0,
            "ce matin": 0,
            "cet apres-midi": 0,
            "ce soir": 0,
            "plus tot dans la journee": 0,
        },
        this_week=("en debut de semaine", "cette semaine", "plus tot cette semaine"),
        last_week=("la semaine derniere", "la semaine passee", "semaine derniere"),
        hours=dict(zip(_FR_HOURS, range(1, 24), strict=True)),
        noon=("midi",),
        midnight=("minuit",),
        stopwords=frozenset(
            (
                "le la les et je vous pour de des une est avec notre votre du au sur"
            ).split()
        ),
        extra_months={"fev": 2, "juil": 7, "aout": 8},
    ),
    "es": _ByHand(
        days_ago={
            "anteayer": 2,
            # The RAE's other spelling; else read as "ayer", yesterday.
            "antes de ayer": 2,
            "antier": 2,
            "ayer": 1,
            "hoy": 0,
            "esta manana": 0,
            "esta tarde": 0,
            "esta noche": 0,
        },
        this_week=("a principios de semana", "esta semana", "a comienzos de semana"),
        last_week=("la semana pasada", "semana pasada", "la semana anterior"),
        hours=dict(zip(_ES_HOURS, range(1, 13), strict=True)),
        noon=("mediodia",),
        midnight=("medianoche",),
        stopwords=frozenset(
            ("el la los las que por para de con una su usted le es en del mi").split()
        ),
        extra_months={"set": 9, "setiembre": 9},
    ),
}


@functools.cache
def vocabulary(language: str) -> Vocabulary:
    """The vocabulary of `language` (one of `LANGUAGES`), built once."""
    from babel.dates import get_day_names, get_month_names  # noqa: PLC0415

    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, language).items():
                months[plain(str(name)).rstrip(".")] = int(number)
    weekdays = {
        plain(str(name)): int(number)
        for number, name in get_day_names("wide", "format", language).items()
    }
    hand = _BY_HAND[language]
    return Vocabulary(
        language,
        months | hand.extra_months,
        weekdays,
        hand.days_ago,
        hand.this_week,
        hand.last_week,
        hand.hours,
        hand.noon,
        hand.midnight,
        hand.stopwords,
    )


def starts_a_word(folded: str, start: int, not_after: str = "") -> bool:
    """Whether a match at `start` begins a word: no letter or digit before it."""
    if not start:
        return True
    before = folded[start - 1]
    return not (before.isalnum() or before == "_" or before in not_after)


_WORD = re.compile(r"[a-z]+|\d+")
# Every ASCII character that is neither a lower-case letter nor a digit, as
# a space: a bytes table is looked up in C, where a str one is a dict.
_NOT_IN_WORDS = bytes(
    code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789" else ord(" ")
    for code in range(256)
)


def words_in(folded: str) -> list[str]:
    """The words and numbers of a plain text, in order: runs of ``[a-z]`` and of digits.

    >>> words_in("at 10:00, today, the 23rd")
    ['at', '10', '00', 'today', 'the', '23', 'rd']
    """
    if not folded.isascii():
        return _WORD.findall(folded)
    # Splitting in C is several times faster than the pattern; only a word
    # that runs letters into digits ("23rd", "10am") is cut by it.
    words = folded.encode().translate(_NOT_IN_WORDS).decode().split()
    mixed = list(
        itertools.filterfalse(str.isdigit, itertools.filterfalse(str.isalpha, words))
    )
    if not mixed:
        return words
    # Each is found after the one before it, and the list is built once:
    # time linear in the text, however many there are.
    cut: list[str] = []
    done = 0
    for word in mixed:
        at = words.index(word, done)
        cut += words[done:at]
        cut += _WORD.findall(word)
        done = at + 1
    cut += words[done:]
    return cut


def anchored(
    folded: str, words: Sequence[str], anchors: frozenset[str]
) -> list[tuple[int, str]]:
    """Where each number, and each word of `anchors`, starts in `folded`.

    `words` are `folded`'s, in order (`words_in`).  Each number is found
    after the one before it, and the few words of `anchors` the text holds
    by plain string search, as whole words with no letter of any alphabet
    against them ("the" in "øthe" is none): making a match object for every
    word of a letter cost more than reading the letter.

    >>> anchored("at 10 today, today", ["at", "10", "today", "today"],
    ...          frozenset({"today"}))
    [(3, '10'), (6, 'today'), (13, 'today')]
    """
    found = []
    at = 0
    # A number can only be found where it is: no word holds a digit.
    for number in filter(str.isdigit, words):
        at = folded.find(number, at)
        found.append((at, number))
        at += len(number)
    size = len(folded)
    for word in anchors.intersection(words):
        at = folded.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and folded[at - 1].isalpha()) and not (
                end < size and folded[end].isalpha()
            ):
                found.append((at, word))
            at = folded.find(word, end)
    found.sort()
    return found


def detect_language(
    folded: str, words: Sequence[str] | None = None, names: Iterable[str] = ()
) -> str:
    """The language of a plain text: the one whose frequent words it uses most.

    English wins a tie, and a text with none of them is English.  `words`
    are the text's (`words_in`), when the caller has them.  `names` are
    names the text holds that its author did not choose (a candidate
    called "Ana de la Cruz", a company "Mi Casa"): their words do not count.

    >>> detect_language(plain("Vielen Dank für das Gespräch am Montag"))
    'de'
    >>> detect_language("thank you, on behalf of mi mi mi", names=["mi mi mi"])
    'en'
    """
    # The first few hundred words tell; a long letter is not read twice.
    read = words_in(folded[:4000]) if words is None else words
    # Most names hold no stopword; those that do are taken out of the text.
    held = [name for name, stopwords in map(_name_stopwords, names) if stopwords]
    if held:
        for name in sorted(held, key=len, reverse=True):
            folded = folded.replace(name, " ")
        read = words_in(folded[:4000])
    tally = dict.fromkeys(LANGUAGES, 0)
    for languages in filter(None, map(_STOPWORD_LANGUAGES.get, read[:800])):
        for language in languages:
            tally[language] += 1
    # max keeps the first of equals: English, first of LANGUAGES, wins a tie.
    return max(LANGUAGES, key=tally.__getitem__)


def has_frequent_words(words: Sequence[str]) -> bool:
    """Whether `words` hold a frequent word of a language: something to tell by."""
    return not _ALL_STOPWORDS.isdisjoint(words[:800])


@functools.lru_cache(maxsize=1024)
def _name_stopwords(name: str) -> tuple[str, tuple[str, ...]]:
    # The plain name and the stopwords in it.  A letter's names are those of
    # one candidate and a few companies: they come back again and again.
    name = plain(name).strip()
    return name, tuple(filter(_STOPWORD_LANGUAGES.__contains__, words_in(name)))


# Each stopword with the languages it is frequent in ("la": French, Spanish).
_STOPWORD_LANGUAGES: Final = {
    word: tuple(
        language for language in LANGUAGES if word in _BY_HAND[language].stopwords
    )
    for language in LANGUAGES
    for word in _BY_HAND[language].stopwords
}
_ALL_STOPWORDS: Final = frozenset(_STOPWORD_LANGUAGES)

"""Times of day as people write them in a letter, and the instants they name.

Read from the plain text (`followup._languages.plain`):

* digits: ``10:00``, ``10.00``, ``10h00``, ``10 h 30``, with or without
  ``am``/``a.m.``/``pm``, ``Uhr`` or ``h``; an hour alone with a marker:
  ``10am``, ``10 o'clock``, ``10 Uhr``, ``10h`` (French, Spanish, German),
  ``10 heures``; or alone after "at", "um" or "a las" where a time can
  stand: ``at 10.``, ``at ten on Monday``, ``um 10``, ``a las 10``, but not
  ``at 3 startups`` or ``um 10 Prozent``;
* words: ``ten o'clock``, ``ten in the morning``, ``half past three``,
  ``quarter to ten``, ``noon``, ``midnight``, ``zehn Uhr``, ``halb drei``,
  ``Viertel nach zehn``, ``dix heures``,
  ``a las diez y media``, ``Mittag``, ``midi``, ``mediodía``;
* a zone after the time: ``UTC+1``, ``GMT-05:00`` or an abbreviation.  A
  time with a zone names an *instant*: ``15:00 GMT`` is right for a call at
  10:00 in New York in winter.  An abbreviation several zones use (``CST``
  is Central US and China, ``IST`` India, Ireland and Israel) counts when
  any of its meanings gives the instant; a daylight-saving family's name
  (``EST``/``EDT``, ``CET``/``CEST``, ``GMT``/``BST``) counts for the
  zone's time on that day too, since people write ``EST`` all year.

A time without a zone is read on the recipient's calendar or the interview's
own; an hour without am or pm may be either half of the day.  Money
(``$10.00``, ``10.00 EUR``, ``10.00 an hour``), durations and counts
(``10.5 years``, ``10:00 minutes``), versions (``v2.10``), phone numbers and
other longer runs of digits are not times.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from typing import TYPE_CHECKING, Final, final

import attrs

from followup._languages import anchored, starts_a_word, words_in
from followup._languages import vocabulary as _vocabulary

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = [
    "WrittenTime",
    "time_anchors",
    "times_read",
    "times_written",
    "unambiguous_label",
]


@final
@attrs.frozen
class WrittenTime:
    """A time of day as written.

    `hour` is 0-23; `twelve_hour` when am/pm (or a word for the half of the
    day) fixed it, else an hour of 1-12 may be either half.  `zones` are
    the zones its label can mean (IANA names or ``±HH:MM`` offsets); none
    when it carried no label.
    """

    text: str
    hour: int
    minute: int
    twelve_hour: bool
    zones: tuple[str, ...] = ()
    label: str | None = None

    def matches(self, instant: dt.datetime, local_zones: Iterable[dt.tzinfo]) -> bool:
        """Whether this mention names `instant`, read in its zones or `local_zones`.

        A label is also read as a local zone's own abbreviation: "PST" in
        Manila is Philippine time; and an offset as a local zone's offset
        written to the minute, as `unambiguous_label` writes one that has
        seconds (Amsterdam before 1937: "UTC+01:19" for +01:19:32).
        """
        if not self.zones:
            return any(self._names(instant.astimezone(zone)) for zone in local_zones)
        moments = [instant.astimezone(_tzinfo(zone)) for zone in self.zones]
        for zone in local_zones:
            moment = instant.astimezone(zone)
            named = (moment.tzname() or "").casefold() == self.label
            if named or _offset_text(moment) in self.zones:
                moments.append(moment)
        return any(self._names(moment) for moment in moments)

    def _names(self, moment: dt.datetime) -> bool:
        if self.minute != moment.minute:
            return False
        # An hour of 1-12 without "am" or "pm" may be either half of the
        # day; 0 ("00:30", "0 Uhr") is midnight's alone, not noon's.
        if self.twelve_hour or self.hour > 12 or self.hour == 0:
            return self.hour == moment.hour
        return self.hour in {moment.hour, moment.hour - 12}


@functools.cache
def _tzinfo(zone: str) -> dt.tzinfo:
    if zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = zone[1:].split(":")
        return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))
    return zoneinfo.ZoneInfo(zone)


# Each abbreviation: its fixed offsets, and the zones whose time on the day
# it also names (a daylight-saving family written all year).
_ABBREVIATIONS: Final = {
    "utc": ("+00:00",),
    "gmt": ("+00:00", "Europe/London"),
    "bst": ("+01:00", "Europe/London", "+06:00"),
    "ist": ("+05:30", "+01:00", "+02:00"),
    "wet": ("+00:00", "Europe/Lisbon"),
    "west": ("+01:00", "Europe/Lisbon"),
    "cet": ("+01:00", "Europe/Berlin"),
    "cest": ("+02:00", "Europe/Berlin"),
    "mez": ("+01:00", "Europe/Berlin"),
    "mesz": ("+02:00", "Europe/Berlin"),
    "eet": ("+02:00", "Europe/Athens"),
    "eest": ("+03:00", "Europe/Athens"),
    "msk": ("+03:00",),
    "gst": ("+04:00",),
    "pkt": ("+05:00",),
    "sgt": ("+08:00",),
    "hkt": ("+08:00",),
    "jst": ("+09:00",),
    "kst": ("+09:00",),
    "awst": ("+08:00",),
    "acst": ("+09:30", "Australia/Adelaide"),
    "acdt": ("+10:30", "Australia/Adelaide"),
    "aest": ("+10:00", "Australia/Sydney"),
    "aedt": ("+11:00", "Australia/Sydney"),
    "nzst": ("+12:00", "Pacific/Auckland"),
    "nzdt": ("+13:00", "Pacific/Auckland"),
    "est": ("-05:00", "America/New_York"),
    "edt": ("-04:00", "America/New_York"),
    "cst": ("-06:00", "America/Chicago", "+08:00"),
    "cdt": ("-05:00", "America/Chicago"),
    "mst": ("-07:00", "America/Denver"),
    "mdt": ("-06:00", "America/Denver"),
    "pst": ("-08:00", "America/Los_Angeles"),
    "pdt": ("-07:00", "America/Los_Angeles"),
    "akst": ("-09:00", "America/Anchorage"),
    "akdt": ("-08:00", "America/Anchorage"),
    "hst": ("-10:00",),
    "ast": ("-04:00", "America/Halifax", "+03:00"),
    "adt": ("-03:00", "America/Halifax"),
    "nst": ("-03:30", "America/St_Johns"),
    "ndt": ("-02:30", "America/St_Johns"),
    "brt": ("-03:00",),
    "art": ("-03:00",),
    "cot": ("-05:00",),
}
# "ET" and its kin are English only: "et" is French for "and".
_ENGLISH_ABBREVIATIONS: Final = {
    "et": ("America/New_York",),
    "ct": ("America/Chicago",),
    "mt": ("America/Denver",),
    "pt": ("America/Los_Angeles",),
}

# Words around a time that fix the half of the day.
_MORNING: Final = {
    "en": r"in\s+the\s+(?P<part>morning|afternoon|evening)",
    "de": r"(?P<part>morgens|vormittags|nachmittags|abends)",
    "fr": r"(?P<part>du\s+matin|de\s+l'apres-midi|de\s+l'aprem|du\s+soir)",
    "es": r"de\s+la\s+(?P<part>manana|tarde|noche)",
}
_AFTERNOON_PARTS: Final = frozenset(
    {
        "afternoon",
        "evening",
        "nachmittags",
        "abends",
        "de l'apres-midi",
        "de l'aprem",
        "du soir",
        "tarde",
        "noche",
    }
)

# "a.m." keeps its last stop; the stop after "am" ends the sentence.
_HALF = r"(?:\s?(?P<half>[ap])(?:\.\s?m\b\.?|\s?m\b))"
# The minutes of a French hour in words: "et demie", "trente", "moins le quart".
_FRENCH_MINUTES = (
    r"(?:\s+(?P<min>trente|quinze|et\s+demie|et\s+quart)"
    r"|\s+(?P<less>moins\s+le\s+quart))?"
)
# A number right after one of these is money, a count or part of a longer one.
_AMOUNT_MARKS = "$€£¥.,:/+#-"
# The hour or the minutes end there: no more digits follow.
_NUMBER_ENDS = r"(?!\d|[.,:/]\d)"
_NOT_TIME_AFTER = re.compile(
    r"\s*(?:%|\$|€|£|¥|eur\b|euros?\b|usd\b|dollars?\b|gbp\b|pounds?\b|chf\b|"
    r"mxn\b|pesos?\b|k\b|m\b|an\s+hour|a\s+year|per\b|/|hourly|gpa\b|percent|"
    r"years?\b|yrs?\b|months?\b|weeks?\b|days?\b|minutes?\b|mins?\b|hours?\b|"
    r"seconds?\b|million|billion|kg\b|km\b|miles?\b|jahre?n?\b|ans?\b|anos?\b|"
    r"minuten?\b|stunden?\b|semaines?\b|semanas?\b|x\b)"
)
# What may follow the digits of an hour: its separator, a space, am/pm, a marker.
_AFTER_HOUR_DIGITS = frozenset(":.h apuo\n\t\r")
# After "at 10": a marker the number reads itself ("10am", "10 o'clock"),
# or "to" and a number ("at 10 to 11" is a range or a score).
_MARKED_AFTER_AT = r"\s?[ap]\.?\s?m\b|\s?(?:uhr|h|hrs?|o'?clock)(?!\w)|\s+to\s+\d"
# After "um 10" or "um zehn": "Uhr" or "h", which the number or the hour word
# reads itself.
_MARKED_AFTER_UM = r"\s?(?:uhr|h)(?!\w)"

# A bare hour ("at 10", "um 10", "a las 10") is a time only where a time
# can stand: at the end of a sentence or clause, before a zone, a day or a
# word that cannot be what the number counts.  Counts are followed by what
# they count ("at 3 startups", "at 3 big banks", "um 10 Prozent", "a las
# 10 empresas"): nouns and adjectives, an open class no list can hold,
# where the words that follow a time are few.
# A number after "and", "or", "to" or a comma makes a list or a range of
# counts: "at 2 or 3 companies".
_ANOTHER_NUMBER = r"\s*(?:\d|(?:{numbers})(?!\w))"
_CLAUSE_ENDS = r"$|[.!?;:)\]]|,(?!{another})"
_ZONE_AFTER_HOUR = (
    r"\(?\s*(?:(?:utc|gmt)\s?[+-]\s?\d\d?(?::?\d\d)?|{labels}|{regions})(?!\w)"
    r"(?:\s+time(?!\w))?\s*\)?(?=(?P<zone_spaces>\s*))(?P=zone_spaces)"
)
# The words, by language, that may follow a bare hour: days, parts of the
# day, prepositions and conjunctions before a clause, pronouns and verbs.
# `{weekdays}`, `{months}` and `{days_ago}` are the vocabulary's.
_AFTER_BARE_HOUR: Final = {
    "en": (
        r"on\s+(?:the\s+)?\d"
        r"|(?:on\s+(?:the\s+)?(?:{weekdays}|{months}|phone|call|zoom|teams)"
        r"|{weekdays}|{days_ago}|tomorrow|tonight"
        r"|(?:last|next|this|this\s+past)\s+(?:week|{weekdays})"
        r"|at\s+night|(?:my|your|our|their|local)\s+time"
        r"|(?:and|or|but|to|for)(?!\w)(?!{another})"
        r"|earlier|sharp|exactly|precisely|with|about|regarding|via|when|while"
        r"|i|we|you|he|she|they|it|was|is|went|will|would|had|has)(?!\w)"
    ),
    "de": (
        r"(?:am|an|{weekdays}|{days_ago}|morgen|mit|bei|zu|uber|wegen|zuruck"
        r"|(?:und|oder|bis|fur)(?!\w)(?!{another})"
        r"|(?:ihrer|unserer|meiner|deutscher)\s+(?:orts)?zeit|ortszeit|\(\s*ortszeit"
        r"|ich|wir|sie|es|hat|habe|haben|hatte|hatten|war|waren|ist|sind|wird"
        r"|werden|wurde|begann|stattfand|telefoniert|telefonierten|gesprochen"
        r"|sprechen|telefonieren|angerufen|anrufen|gefuhrt)(?!\w)"
    ),
    "es": (
        r"(?:(?:el|del)\s+(?:{weekdays}|\d)|{weekdays}|{days_ago}|en\s+punto"
        r"|\(?\s*horas?|(?:y|o|hasta|para|por)(?!\w)(?!{another})"
        r"|con|sobre|cuando|que|me|nos|le|les|fue|es|era|hablamos|tuvimos)(?!\w)"
    ),
}
_ZONE_REGIONS: Final = {
    "en": "eastern|central|pacific|mountain|atlantic",
    "de": "mez|mesz",
    "es": "peninsular|canarias",
}


def _one_of(words: Iterable[str]) -> str:
    """An alternation of `words`, longest first; a space in one matches any run."""
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


def _after_bare_hour(language: str, labels: str) -> str:
    """A lookahead: what follows a bare hour for it to be a time in `language`."""
    vocabulary = _vocabulary(language)
    another = _ANOTHER_NUMBER.format(numbers=_one_of(vocabulary.hours))
    words = _AFTER_BARE_HOUR[language].format(
        weekdays=_one_of(vocabulary.weekdays),
        months=_one_of(vocabulary.months),
        days_ago=_one_of(vocabulary.days_ago),
        another=another,
    )
    zone = _ZONE_AFTER_HOUR.format(labels=labels, regions=_ZONE_REGIONS[language])
    ends = _CLAUSE_ENDS.format(another=another)
    # A paragraph's end is tried first: the spaces before a word are taken
    # whole, never given back, so that a run of them is read once, not once
    # for each space it could end at.  A lookahead that takes them and a
    # backreference that consumes them is an atomic group: Python 3.10 has
    # no possessive `\s*+`.
    return (
        rf"(?=[ \t]*\n[ \t]*\n|(?=(?P<spaces>\s*))(?P=spaces)"
        rf"(?:{zone})?(?:{ends}|{words}))"
    )


# A whole word before the number ("Kyiv 10:00" and "Bruno 10:00" are times).
_NOT_TIME_BEFORE = re.compile(
    r"(?:(?<!\w)(?:version|release|v|nr|no|n°|chapter|kapitel)|#)\s*$"
)


@final
@attrs.frozen
class _Forms:
    """The patterns of one language, each tried where its first word is.

    As for dates (`followup._written_dates`): a pattern is tried only at a
    word that can start it, anchored there.
    """

    number: re.Pattern[str]  # tried at a number
    at_word: dict[str, tuple[re.Pattern[str], ...]]  # tried at that word
    # An English hour word is a time only with a marker: "ten o'clock",
    # "ten in the morning", "half past ten" — never "ten" alone.
    needs_marker: re.Pattern[str] | None
    zone: re.Pattern[str]
    hours: dict[str, int]
    noon: frozenset[str]
    midnight: frozenset[str]
    # What marks a bare number as an hour: "10 o'clock" in English; "10
    # Uhr", "10h" elsewhere ("2h" in English is a duration).
    hour_marks: frozenset[str]
    anchors: frozenset[str]  # every word that can start a time


@functools.cache
def _forms(language: str) -> _Forms:
    vocabulary = _vocabulary(language)
    words = _one_of(vocabulary.hours)
    part = _MORNING[language]
    # French spells out the "h" of "10 h 30" as often: "à 10 heures",
    # "10 heures 30", as it does "dix heures".
    # German, "14 Uhr 30" so ("um vierzehn Uhr dreißig" is words alone).
    hour_word = {"fr": "heures?|h", "de": "uhr|h"}.get(language, "h")
    # Its minutes follow the hour in words too ("10 h et demie"), as after
    # "dix heures".
    after_mark = _FRENCH_MINUTES if language == "fr" else ""
    # 10:00, 10.00, 10h00, 10 h 30, with am/pm, Uhr or h, or a half; an hour
    # alone only with a marker: 10am, 10 o'clock, 10 Uhr, 10h (`_reading`).
    number = re.compile(
        rf"(?P<h>\d\d?)(?:\s?(?P<sep>[:.]|{hour_word})\s?(?P<m>[0-5]\d){_NUMBER_ENDS})?"
        rf"(?:{_HALF}|\s?(?P<mark>uhr|{hour_word}|hrs?|o'?clock)(?!\w){after_mark})?"
        rf"(?:\s+{part})?"
    )
    at_word: dict[str, tuple[re.Pattern[str], ...]] = {}
    needs_marker = None
    abbreviations = dict(_ABBREVIATIONS)
    if language == "en":
        abbreviations |= _ENGLISH_ABBREVIATIONS
    labels = "|".join(sorted(abbreviations, key=len, reverse=True))
    if language == "en":
        bare_hour_ends = _after_bare_hour(language, labels)
        rel = re.compile(
            r"(?P<rel>half|quarter)\s+(?P<dir>past|to)\s+"
            rf"(?P<word>{words})(?:{_HALF}|\s+{part})?(?!\w)"
        )
        needs_marker = re.compile(
            rf"(?P<word>{words})(?:\s+(?P<min>fifteen|thirty|forty-five|o'?clock))?"
            rf"(?:{_HALF}|\s+{part})?(?!\w)"
        )
        # "at 10", "at ten" and "at ten thirty" are an hour as "a las 10"
        # is in Spanish, unless a marker follows (the number reads "10am"
        # and "10 o'clock" itself, "ten o'clock" `needs_marker`) or it is
        # no time (`_after_bare_hour`; `_NOT_TIME_AFTER` besides).
        at = re.compile(
            rf"at\s+(?:(?P<h>[0-2]?\d)|(?P<word>{words})"
            r"(?:\s+(?P<min>fifteen|thirty|forty-five))?)"
            rf"(?![\w'%]|[:.,/-]\w|{_MARKED_AFTER_AT})(?:\s+{part}|{bare_hour_ends})"
        )
        at_word = {"half": (rel,), "quarter": (rel,), "at": (at,)}
        at_word |= dict.fromkeys(vocabulary.hours, (needs_marker,))
    elif language == "de":
        said = re.compile(rf"(?P<word>{words})\s+uhr(?:\s+{part})?(?!\w)")
        # "halb drei" is half an hour before three; "Viertel nach/vor zehn".
        # Each is a time without "Uhr", as "half past three" is.
        rel = re.compile(
            r"(?:(?P<before>halb)|(?P<rel>viertel)\s+(?P<dir>nach|vor))\s+"
            rf"(?P<word>{words})(?:\s+uhr)?(?:\s+{part})?(?!\w)"
        )
        # "um 10" and "um zehn" are an hour as "at 10" is in English; "ein"
        # is one only before "Uhr" ("um ein paar Tage").
        hours_alone = _one_of(hour for hour in vocabulary.hours if hour != "ein")
        bare_hour_ends = _after_bare_hour(language, labels)
        um = re.compile(
            rf"um\s+(?:(?P<h>[0-2]?\d)|(?P<word>{hours_alone}))"
            rf"(?![\w'%]|[:.,/-]\w|{_MARKED_AFTER_UM})(?:\s+{part}|{bare_hour_ends})"
        )
        at_word = dict.fromkeys(vocabulary.hours, (said,))
        at_word |= {"halb": (rel,), "viertel": (rel,), "um": (um,)}
    elif language == "fr":
        said = re.compile(
            rf"(?P<word>{words})\s+heures?{_FRENCH_MINUTES}"
            rf"(?:\s+{part})?(?!\w)"
        )
        at_word = {hour.split("-")[0]: (said,) for hour in vocabulary.hours}
    else:
        bare_hour_ends = _after_bare_hour(language, labels)
        said = re.compile(
            r"a\s+las?\s+(?:(?P<h>[0-2]?\d)(?!\d|[:.,h]\s?\d)"
            rf"|(?P<word>{words})(?!\w))"
            r"(?:\s+y\s+(?P<min>media|cuarto))?"
            rf"(?:\s+{part}|{_HALF}|{bare_hour_ends})"
        )
        at_word = {"a": (said,)}
    zone = re.compile(
        r"\s*\(?\s*(?:(?P<base>utc|gmt)\s?(?P<sign>[+-])\s?(?P<oh>\d\d?)"
        rf"(?::?(?P<om>\d{{2}}))?|(?P<label>{labels}))(?!\w)"
    )
    return _Forms(
        number,
        at_word,
        needs_marker,
        zone,
        vocabulary.hours,
        frozenset(vocabulary.noon),
        frozenset(vocabulary.midnight),
        frozenset(
            {"o'clock", "oclock"}
            if language == "en"
            else {"uhr", "h", "heure", "heures"}
        ),
        frozenset([*at_word, *vocabulary.noon, *vocabulary.midnight]),
    )


_WORD_MINUTES: Final = {
    "fifteen": 15,
    "thirty": 30,
    "forty-five": 45,
    "trente": 30,
    "quinze": 15,
    "et demie": 30,
    "et quart": 15,
    "media": 30,
    "cuarto": 15,
}


def time_anchors(language: str) -> frozenset[str]:
    """The words that can start a time in `language` (numbers aside)."""
    return _forms(language).anchors


def times_written(
    folded: str,
    language: str,
    anchors: Sequence[tuple[int, str]] | None = None,
) -> tuple[WrittenTime, ...]:
    """Every time-of-day mention in the plain text `folded`, in the language's forms.

    `anchors` are where numbers and words that may start a time are
    (`anchored`), when the caller has found them already; other words
    there are passed over.
    """
    return tuple(times_read(folded, language, anchors))


def times_read(
    folded: str,
    language: str,
    anchors: Sequence[tuple[int, str]] | None = None,
) -> Iterator[WrittenTime]:
    """`times_written`, one mention at a time: a caller looking for one stops there."""
    forms = _forms(language)
    seen: set[int] = set()  # where a mention ends: one reading per time
    if anchors is None:
        anchors = anchored(folded, words_in(folded), forms.anchors)
    for start, word in anchors:
        if word in forms.noon or word in forms.midnight:
            if (
                starts_a_word(folded, start)
                and not _letter_after(folded, start + len(word))
                and not _second_half_of_a_word(folded, start)
            ):
                hour = 0 if word in forms.midnight else 12
                yield _with_zone(forms, folded, start + len(word), word, hour)
            continue
        for pattern in _patterns_at(forms, folded, start, word):
            match = pattern.match(folded, start)
            if match is None or match.end() in seen:
                continue
            reading = _reading(match, forms, folded)
            if reading is not None:
                seen.add(match.end())
                hour, minute, twelve_hour = reading
                zones, label = _zones(forms, folded, match.end())
                yield WrittenTime(match[0], hour, minute, twelve_hour, zones, label)


def _patterns_at(
    forms: _Forms, folded: str, start: int, word: str
) -> tuple[re.Pattern[str], ...]:
    """The patterns to try where `word` starts, if it starts a word there."""
    if word[0].isdigit():
        # A time's number is followed by its separator, a space, am/pm or a
        # marker glued on ("10h", "10uhr", "10o'clock"); "23rd", "40%" and
        # "2026," are passed over without trying the pattern.
        after = folded[start + len(word) : start + len(word) + 1]
        if after in _AFTER_HOUR_DIGITS and starts_a_word(folded, start, _AMOUNT_MARKS):
            return (forms.number,)
        return ()
    if starts_a_word(folded, start):
        return forms.at_word.get(word, ())
    return ()


def _second_half_of_a_word(folded: str, start: int) -> bool:
    # "après-midi" is the afternoon, not noon.
    return start >= 2 and folded[start - 1] == "-" and folded[start - 2].isalpha()


def _letter_after(folded: str, end: int) -> bool:
    return end < len(folded) and (folded[end].isalnum() or folded[end] == "_")


def _with_zone(
    forms: _Forms, folded: str, end: int, text: str, hour: int
) -> WrittenTime:
    zones, label = _zones(forms, folded, end)
    return WrittenTime(text, hour, 0, twelve_hour=True, zones=zones, label=label)


def _reading(
    match: re.Match[str], forms: _Forms, folded: str
) -> tuple[int, int, bool] | None:
    """The hour, minute and whether the half of the day is fixed; None: no time."""
    groups = match.groupdict()
    word = groups.get("word")
    if word:
        hour = forms.hours[word]
        said = " ".join((groups.get("min") or "").split())
        minute = _WORD_MINUTES.get(said, 0)
        if groups.get("before"):
            hour, minute = (hour - 1) % 12 or 12, 30
        elif groups.get("rel"):
            minute = 30 if groups["rel"] == "half" else 15
            if groups["dir"] in {"to", "vor"}:
                hour, minute = (hour - 1) % 12 or 12, 60 - minute
        elif match.re is forms.needs_marker and not (
            said.endswith("clock") or groups.get("half") or groups.get("part")
        ):
            return None
    else:
        if (
            match.re is forms.number
            and groups.get("m") is None
            and not groups.get("half")
            and groups.get("mark") not in forms.hour_marks
        ):
            return None  # a number alone ("10"), or a duration ("2h")
        if not _is_a_time(match, folded):
            return None
        hour = int(groups["h"])
        minute = int(groups.get("m") or 0)
        if groups.get("min"):
            minute = _WORD_MINUTES[" ".join(groups["min"].split())]
    if groups.get("less"):
        # "dix heures moins le quart" is a quarter before ten.
        hour, minute = (hour - 1) % 24, 45
    return _with_half(hour, minute, groups)


def _with_half(
    hour: int, minute: int, groups: dict[str, str | None]
) -> tuple[int, int, bool] | None:
    half, part = groups.get("half"), groups.get("part")
    if half or part:
        if not 1 <= hour <= 12:
            return None
        afternoon = half == "p" or (
            part is not None and " ".join(part.split()) in _AFTERNOON_PARTS
        )
        return hour % 12 + (12 if afternoon else 0), minute, True
    if hour > 23 or minute > 59:
        return None
    return hour, minute, False


def _is_a_time(match: re.Match[str], folded: str) -> bool:
    if _NOT_TIME_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
        return False
    groups = match.groupdict()
    marked = (
        groups.get("half")
        or groups.get("part")
        or match[0][-1].isalpha()
        or "'" in match[0]
        # "14 Uhr 30 Minuten": "Uhr" makes it a time whatever follows; an
        # "h" does not ("2h30 minutes" is a duration).
        or groups.get("sep") == "uhr"
    )
    # A bare 10:00 or 10.00 followed by a currency or a unit is an amount.
    return bool(marked) or not _NOT_TIME_AFTER.match(folded, match.end())


# The rest of a range ("10:00-10:30 ET"): the zone after it is the start's too.
_RANGE_END = re.compile(
    r"\s*(?:-|to|bis|a|à|al|hasta|until)\s*[0-2]?\d(?:\s?[:.h]\s?[0-5]\d)?"
    r"(?:\s?[ap]\.?\s?m\b\.?|\s?uhr\b|\s?h\b)?"
)


def _zones(forms: _Forms, folded: str, end: int) -> tuple[tuple[str, ...], str | None]:
    # Most times carry no zone: a glance at what follows saves two patterns.
    after = folded[end : end + 6].lstrip(" (")
    if not after or not (after[0].isalpha() or after[0] == "-"):
        return (), None
    match = forms.zone.match(folded, end)
    if match is None and (tail := _RANGE_END.match(folded, end)):
        match = forms.zone.match(folded, tail.end())
    if match is None:
        return (), None
    if match["label"]:
        label = match["label"]
        return _ABBREVIATIONS.get(label) or _ENGLISH_ABBREVIATIONS[label], label
    hours, minutes = int(match["oh"]), int(match["om"] or 0)
    if hours * 60 + minutes >= 24 * 60:
        # No zone is a day or more from UTC ("UTC+24" is a slip): the time
        # is read without it, as if no zone were written.
        return (), None
    return (f"{match['sign']}{hours:02d}:{minutes:02d}",), None


def unambiguous_label(moment: dt.datetime) -> str:
    """A label for `moment`'s zone that a reader cannot take for another.

    The zone's abbreviation when it has a single meaning (``EST``,
    ``CET``), else the offset from UTC (``UTC+08:00`` for China, whose
    ``CST`` is also Central US time; ``UTC+05:30`` for India's ``IST``).
    """
    name = moment.tzname() or ""
    offset = moment.utcoffset() or dt.timedelta()
    if name.isalpha():
        meanings = [z for z in _ABBREVIATIONS.get(name.casefold(), ()) if z[0] in "+-"]
        if len(meanings) == 1 and _tzinfo(meanings[0]).utcoffset(None) == offset:
            return name
    return f"UTC{_offset_text(moment)}"


def _offset_text(moment: dt.datetime) -> str:
    """``±HH:MM``: `moment`'s offset from UTC, its seconds (if any) left out."""
    offset = moment.utcoffset() or dt.timedelta()
    sign = "-" if offset < dt.timedelta() else "+"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"

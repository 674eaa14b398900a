"""The exact dates and times a letter reads, where a reading is easy to get wrong.

`tests/test_written_times_exact.py` and `tests/test_written_dates_exact.py`
pin the common forms; here are the edges: a time in words with its minutes,
the half of the day, a range carrying a zone, money and versions that are
no times, a zone's abbreviation read on the recipient's own calendar.
"""

from __future__ import annotations

import pytest

from followup import Interview, Letter
from followup._letters import dates_in, times_in
from followup._written_dates import WrittenDate
from followup._written_times import WrittenTime

EST = ("-05:00", "America/New_York")
# Monday 23 November 2026, 10:00 in Berlin.
BERLIN = Interview("Ada", "Acme", "2026-11-23T10:00:00+01:00[Europe/Berlin]")


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # Once, as the whole phrase: "ten am" inside it is the same mention.
        (
            "half past ten am",
            "en",
            WrittenTime("half past ten am", 10, 30, twelve_hour=True),
        ),
        (
            "quarter to one",
            "en",
            WrittenTime("quarter to one", 12, 45, twelve_hour=False),
        ),
        ("ten am", "en", WrittenTime("ten am", 10, 0, twelve_hour=True)),
        (
            "ten thirty in the morning",
            "en",
            WrittenTime("ten thirty in the morning", 10, 30, twelve_hour=True),
        ),
        (
            "à dix heures et demie",
            "fr",
            WrittenTime("dix heures et demie", 10, 30, twelve_hour=False),
        ),
        (
            "at 10 a.m. per your invite",
            "en",
            WrittenTime("10 a.m.", 10, 0, twelve_hour=True),
        ),
        (
            "from 10:00-10:30 EST",
            "en",
            WrittenTime("10:00", 10, 0, twelve_hour=False, zones=EST, label="est"),
        ),
    ],
)
def test_a_single_time_is_read_whole(
    text: str, language: str, read: WrittenTime
) -> None:
    assert times_in(text, language) == (read,)


def test_an_hour_with_h_is_a_time_even_before_a_slash() -> None:
    assert times_in("à 14h / 15h", "fr") == (
        WrittenTime("14h", 14, 0, twelve_hour=False),
        WrittenTime("15h", 15, 0, twelve_hour=False),
    )


def test_a_french_afternoon_puts_the_hour_after_noon() -> None:
    (afternoon, *_) = times_in("à trois heures de l'après-midi", "fr")
    assert afternoon == WrittenTime(
        "trois heures de l'apres-midi", 15, 0, twelve_hour=True
    )


@pytest.mark.parametrize(
    "text",
    [
        "It pays $10.00.",
        "v 2.10 is out",
        "13:00 pm",
        "24:00 or 25:00",
        "at 2noon or _noon",
        "at 2ten o'clock or _ten o'clock",
    ],
)
def test_what_only_looks_like_a_time_is_none(text: str) -> None:
    assert times_in(text) == ()


def test_a_zone_label_is_read_as_the_recipients_own_abbreviation() -> None:
    # "PST" in Manila is Philippine time, not Pacific: 10:00 there.
    manila = Interview("Ada", "Acme", "2026-11-23T10:00:00+08:00[Asia/Manila]")
    letter = Letter("Thank you for Monday at 10:00 PST.", manila)
    assert letter.names_time()


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # The article is the last one before the day, not one after it...
        ("on the 23rd, the team", "en", WrittenDate("the 23rd", day=23)),
        # ... nor the first, inside a word.
        ("either the 23rd", "en", WrittenDate("the 23rd", day=23)),
        # After a slash the day and month are read together, not the day alone.
        ("el dia 23/11", "es", WrittenDate("23/11", 11, 23)),
        # "del" before the year, as Spanish writes it too.
        (
            "el 23 de noviembre del 2026",
            "es",
            WrittenDate("23 de noviembre del 2026", 11, 23, 2026),
        ),
        # A degree sign for the ordinal indicator.
        ("el 1° de noviembre", "es", WrittenDate("1° de noviembre", 11, 1)),
        # Dashes between the day, the month and the year.
        ("23-nov-2026", "en", WrittenDate("23-nov-2026", 11, 23, 2026)),
        # "23rd" is not the day after "the 1st" a few words before it.
        ("the 1st or 23rd", "en", WrittenDate("the 1st", day=1)),
    ],
)
def test_a_single_date_is_read_whole(
    text: str, language: str, read: WrittenDate
) -> None:
    assert dates_in(text, language) == (read,)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "le" ending "salle" is no article: room 12 is no day.
        ("en salle 12 demain", "fr"),
        ("on 2monday or _monday", "en"),
        # A range of hours, not 13 September.
        ("free 9-13:30", "en"),
        # "le 14 h 30" is a time, not the 14th.
        ("je vous appelle le 14 h 30", "fr"),
    ],
)
def test_what_only_looks_like_a_date_is_none(text: str, language: str) -> None:
    assert dates_in(text, language) == ()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Danke für das Gespräch am 23.11.26.", True),
        ("Danke für das Gespräch am 23.12.26.", False),
    ],
)
def test_a_date_with_a_two_digit_year_names_the_day_of_its_month(
    text: str, named: bool
) -> None:
    assert Letter(text, BERLIN, language="de").names_date() is named

"""The written-date reader's exact result: text, day, month, year and span.

Other tests ask whether a letter names the interview's day, which a reading
with a wrong month, a lost year or a span a day too wide can still pass.
These pin what `dates_in` reads from each form, in each language, and the
days a relative phrase spans from the send day, to the day.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from followup._languages import plain, vocabulary
from followup._letters import dates_in
from followup._written_dates import (
    WrittenDate,
    _alternatives,
    _last_word,
    date_anchors,
    dates_written,
)

MONDAY = dt.date(2026, 11, 23)
WEDNESDAY = dt.date(2026, 11, 25)
TUESDAY = dt.date(2026, 11, 24)


def days(first: dt.date, last: dt.date, text: str) -> WrittenDate:
    return WrittenDate(text, first=first, last=last, relative=True)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param(
            "on 23 November 2026",
            "en",
            WrittenDate("23 november 2026", 11, 23, 2026),
            id="day month year",
        ),
        pytest.param(
            "on Nov. 23, 2026",
            "en",
            WrittenDate("nov. 23, 2026", 11, 23, 2026),
            id="month first with a year",
        ),
        pytest.param(
            "el 25 de noviembre de 2026",
            "es",
            WrittenDate("25 de noviembre de 2026", 11, 25, 2026),
            id="Spanish with de and del",
        ),
        pytest.param(
            "on 2026-11-23",
            "en",
            WrittenDate("2026-11-23", 11, 23, 2026),
            id="ISO",
        ),
        pytest.param(
            "bis 23.11. bitte", "de", WrittenDate("23.11.", 11, 23), id="23.11."
        ),
    ],
)
def test_a_calendar_date_is_read_with_its_text_day_month_and_year(
    text, language, expected
):
    assert dates_in(text, language) == (expected,)


def test_a_day_of_the_month_alone_has_no_month():
    assert dates_in("on the 23rd") == (WrittenDate("the 23rd", day=23),)


def test_le_1er_is_the_first_of_the_month():
    assert dates_in("rendez-vous le 1er", "fr") == (WrittenDate("le 1er", day=1),)


def test_le_1er_decembre_is_the_first_of_december_not_the_first_alone():
    # Read also as the first of any month, it named the date of a call on
    # 1 November: a letter with the wrong month passed.
    assert dates_in("le 1er decembre", "fr") == (WrittenDate("1er decembre", 12, 1),)


@pytest.mark.parametrize(
    ("written", "month", "day"),
    [
        pytest.param("1/1", 1, 1, id="1/1: both readings are New Year's Day"),
        pytest.param("1/13", 1, 13, id="1/13: only January can be the month"),
        pytest.param("13/1", 1, 13, id="13/1: only January can be the month"),
        pytest.param("12/13", 12, 13, id="12/13: December is a month, 13 is not"),
        pytest.param("12/31", 12, 31, id="12/31: the 31st is a day"),
        pytest.param("31-12", 12, 31, id="31-12 with a dash"),
    ],
)
def test_slashed_dates_with_one_reading_name_that_day(written, month, day):
    assert dates_in(f"on {written} at noon") == (WrittenDate(written, month, day),)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("12/32", id="no month has a 32nd"),
        pytest.param("13/13", id="no 13th month"),
        pytest.param("0/12", id="no month 0"),
        pytest.param("3/4", id="either could be the month"),
    ],
)
def test_slashed_numbers_that_are_no_single_date_name_none(written):
    assert dates_in(f"on {written} at noon") == ()


@pytest.mark.parametrize(
    "text",
    [
        "we offer 24/7 support",
        "we offer support 24/7.",
        "we offer 24-7 support",
        "we offer support 24-7.",
    ],
)
def test_24_7_is_around_the_clock_not_the_24th_of_july(text):
    assert dates_in(text) == ()


def test_a_slash_date_at_the_end_of_a_sentence_is_still_a_date():
    assert [(date.month, date.day) for date in dates_in("see you on 7/24.")] == [
        (7, 24)
    ]


# Relative phrases, from a send day: Wednesday 25 November 2026 unless said.
@pytest.mark.parametrize(
    ("text", "language", "sent", "first", "last"),
    [
        pytest.param("yesterday", "en", WEDNESDAY, TUESDAY, TUESDAY, id="yesterday"),
        pytest.param(
            "the day before yesterday",
            "en",
            WEDNESDAY,
            MONDAY,
            MONDAY,
            id="the day before yesterday",
        ),
        pytest.param(
            "aujourd'hui", "fr", WEDNESDAY, WEDNESDAY, WEDNESDAY, id="aujourd'hui"
        ),
        pytest.param("gestern", "de", WEDNESDAY, TUESDAY, TUESDAY, id="gestern"),
        pytest.param(
            "earlier this week",
            "en",
            WEDNESDAY,
            MONDAY,
            TUESDAY,
            id="earlier this week: Monday to the day before sending",
        ),
        pytest.param("esta semana", "es", WEDNESDAY, MONDAY, TUESDAY, id="esta semana"),
        pytest.param(
            "earlier this week",
            "en",
            MONDAY,
            MONDAY,
            MONDAY - dt.timedelta(days=1),
            id="earlier this week, sent on a Monday: an empty span",
        ),
        pytest.param(
            "last week",
            "en",
            WEDNESDAY,
            dt.date(2026, 11, 16),
            dt.date(2026, 11, 22),
            id="last week: Monday to Sunday of the week before",
        ),
        pytest.param(
            "letzte woche",
            "de",
            MONDAY,
            dt.date(2026, 11, 16),
            dt.date(2026, 11, 22),
            id="letzte Woche, sent on a Monday",
        ),
    ],
)
def test_a_relative_phrase_spans_exactly_its_days(text, language, sent, first, last):
    assert dates_in(f"{text}.", language, sent) == (days(first, last, text),)


def test_earlier_this_week_sent_on_a_monday_names_no_day_at_all():
    (mention,) = dates_in("earlier this week", "en", MONDAY)
    assert not any(mention.matches(MONDAY + dt.timedelta(days=n)) for n in range(-7, 7))


def test_a_relative_phrase_without_a_send_day_is_found_but_spans_nothing():
    assert dates_in("yesterday") == (WrittenDate("yesterday", relative=True),)


def test_last_week_end_is_a_weekend_not_last_week():
    assert dates_in("I was away last week-end", "en", WEDNESDAY) == ()


def test_last_week_before_a_stop_is_last_week():
    assert dates_in("last week.", "en", WEDNESDAY) == (
        days(dt.date(2026, 11, 16), dt.date(2026, 11, 22), "last week"),
    )


def test_only_the_anchors_given_are_read():
    folded = "on 23 november or 24 november"
    anchors = [(folded.index("24"), "24")]
    assert dates_written(folded, vocabulary("en"), anchors=anchors) == (
        WrittenDate("24 november", 11, 24),
    )


def test_dates_written_reads_relative_phrases_from_the_send_day():
    assert dates_written(plain("Yesterday"), vocabulary("en"), WEDNESDAY) == (
        days(TUESDAY, TUESDAY, "yesterday"),
    )


def test_the_anchors_of_a_language_are_its_months_weekdays_and_phrase_ends():
    anchors = date_anchors("fr")
    assert {"decembre", "lundi", "hier", "hui", "semaine", "derniere"} <= anchors
    assert "le" not in anchors
    assert "december" not in anchors


def test_a_relative_phrase_is_found_at_its_last_word():
    assert _last_word("earlier this week") == "week"
    assert _last_word("aujourd'hui") == "hui"
    assert _last_word("avant-hier") == "hier"
    assert _last_word("today") == "today"


def test_word_alternatives_are_escaped_and_match_each_word_whole():
    pattern = re.compile(rf"(?:{_alternatives(['sep', 'sept', 'a.b'])})\Z")
    assert all(pattern.match(word) for word in ("sep", "sept", "a.b"))
    assert not pattern.match("axb")


def test_a_relative_word_hyphenated_onto_another_names_no_day():
    assert dates_in("it is a not-today task", "en", WEDNESDAY) == ()


def test_a_weekday_ending_the_text_is_read():
    assert dates_in("we spoke on Monday") == (WrittenDate("monday", weekday=0),)


def test_a_weekday_run_into_an_underscore_or_a_digit_is_no_weekday():
    assert dates_in("see monday_notes.txt and monday2") == ()

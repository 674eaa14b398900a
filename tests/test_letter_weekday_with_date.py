"""A weekday written with a date is one mention of that date.

A letter stating the wrong date of the call passed the date check when it
wrote the weekday with it: "Monday, November 30" for a call on Monday 23
November was read as "Monday", which named the call's day, and "November
30", which did not.  Read together, the weekday and its date name a day only
when both are that day's; a weekday alone still names any day of its name,
and other dates in a letter do not hide the one that names the call.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, check_letter
from followup._letters import dates_in
from followup._written_dates import WrittenDate

# Monday 23 November 2026, 10:00 in New York.
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme Analytics",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact(name="Grace Hopper", timezone="America/New_York"),
)
SENT = "2026-11-24T09:00:00-05:00"
LETTERS = {
    "en": (
        "Dear Grace,\n\nThank you for our call {}. I am very interested in "
        "joining Acme Analytics.\n\nBest,\nAda Lovelace\n"
    ),
    "de": (
        "Guten Tag Frau Hopper,\n\nvielen Dank für das Gespräch {}. Ich freue "
        "mich sehr auf die Stelle bei Acme Analytics.\n\nMit freundlichen "
        "Grüßen\nAda Lovelace\n"
    ),
    "fr": (
        "Bonjour Madame Hopper,\n\nMerci pour notre échange {}. Je suis très "
        "intéressée par Acme Analytics.\n\nCordialement,\nAda Lovelace\n"
    ),
    "es": (
        "Estimada Sra. Hopper:\n\nMuchas gracias por la entrevista {}. Me "
        "interesa mucho el puesto en Acme Analytics.\n\nSaludos cordiales,\n"
        "Ada Lovelace\n"
    ),
}
NO_DATE = "the thank-you does not name the date of the interview (A4)"


def findings(language: str, when: str) -> list[str]:
    text = LETTERS[language].format(when)
    return [
        finding.message
        for finding in check_letter(text, INTERVIEW, "thank-you", sent=SENT)
    ]


@pytest.mark.parametrize(
    ("language", "when"),
    [
        # 30 November is another Monday.
        ("en", "on Monday, November 30 at 10:00"),
        ("de", "am Montag, den 30. November, um 10 Uhr"),
        ("fr", "du lundi 30 novembre à 10 heures"),
        ("es", "del lunes 30 de noviembre a las 10:00"),
        ("en", "on Monday the 30th at 10:00"),
        # 23 November is a Monday: the letter contradicts itself.
        ("en", "on Friday 23 November at 10:00"),
        ("de", "am Freitag, den 23. November, um 10 Uhr"),
        ("fr", "du vendredi 23 novembre à 10 heures"),
        ("es", "del viernes 23 de noviembre a las 10:00"),
        # The weekday in parentheses after its date.
        ("en", "on 23 November (Friday) at 10:00"),
        ("de", "am 23.11.2026 (Freitag) um 10 Uhr"),
        # The wrong year.
        ("en", "on Monday, 23 November 2025 at 10:00"),
        ("de", "am Montag, den 23. November 2025, um 10 Uhr"),
        ("fr", "du lundi 23 novembre 2025 à 10 heures"),
        ("es", "del lunes 23 de noviembre de 2025 a las 10:00"),
    ],
)
def test_a_weekday_does_not_cover_for_the_wrong_date_written_with_it(
    language: str, when: str
) -> None:
    assert findings(language, when) == [NO_DATE]


@pytest.mark.parametrize(
    ("language", "when"),
    [
        # A weekday alone names any day of its name, as before.
        ("en", "on Monday at 10:00"),
        ("de", "am Montag um 10 Uhr"),
        ("fr", "du lundi à 10 heures"),
        ("es", "del lunes a las 10:00"),
        # The weekday and the date of the call, with or without the year.
        ("en", "on Monday, November 23 at 10:00"),
        ("en", "on Monday 23 November 2026 at 10:00"),
        ("en", "on Monday the 23rd at 10:00"),
        ("en", "on 23 November (Monday) at 10:00"),
        ("de", "am Montag, den 23. November, um 10 Uhr"),
        ("de", "am 23.11.2026 (Montag) um 10 Uhr"),
        ("fr", "du lundi 23 novembre 2026 à 10 heures"),
        ("es", "del lunes 23 de noviembre a las 10:00"),
        # Another date, before or after the call's, is no wrong date of it.
        (
            "en",
            (
                "on Monday, 23 November at 10:00. I am free on Friday 27 November "
                "for a second call"
            ),
        ),
        (
            "en",
            (
                "at 10:00. I am free on Friday 27 November for a second call, and "
                "enjoyed our talk on Monday, November 23"
            ),
        ),
        (
            "de",
            (
                "am Montag, den 23. November, um 10 Uhr. Am Freitag, den 27. "
                "November, hätte ich Zeit für ein zweites Gespräch"
            ),
        ),
    ],
)
def test_a_weekday_agreeing_with_its_date_names_the_call(
    language: str, when: str
) -> None:
    assert findings(language, when) == []


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        (
            "on Monday, 23 November",
            "en",
            WrittenDate("monday, 23 november", 11, 23, weekday=0),
        ),
        (
            "am Montag, den 23. November 2026",
            "de",
            WrittenDate("montag, den 23. november 2026", 11, 23, 2026, weekday=0),
        ),
        (
            "le lundi 23 novembre",
            "fr",
            WrittenDate("lundi 23 novembre", 11, 23, weekday=0),
        ),
        (
            "el lunes, 23 de noviembre",
            "es",
            WrittenDate("lunes, 23 de noviembre", 11, 23, weekday=0),
        ),
        ("lundi le 23", "fr", WrittenDate("lundi le 23", day=23, weekday=0)),
        (
            "am 23.11.2026 ( Montag )",
            "de",
            WrittenDate("23.11.2026 ( montag )", 11, 23, 2026, weekday=0),
        ),
    ],
)
def test_a_weekday_and_its_date_are_read_as_one_mention(
    text: str, language: str, read: WrittenDate
) -> None:
    assert dates_in(text, language) == (read,)


@pytest.mark.parametrize(
    "text",
    [
        # A sentence ends between them, or words come between them.
        "we spoke on Monday. 23 November suits me too",
        "on Monday at 10:00, 23 November",
        # A weekday after a date, not in parentheses, is a weekday of its own.
        "on 23 November, Monday",
    ],
)
def test_a_weekday_apart_from_a_date_is_a_mention_of_its_own(text: str) -> None:
    assert WrittenDate("monday", weekday=0) in dates_in(text)

"""Drafts, and the dates, times, names and parts a letter is read by: pins.

Each test kills a hand-made mutant of `followup._writing`,
`followup._written_dates`, `followup._written_times`,
`followup._written_names` or `followup._letter_parts` that the rest of the
suite let through; the expected values are worked out from the docs, not
copied from a run.  The greeting tests pin a bug the campaign found: a
suffix or a comma in the interviewer's name ("Martin Luther King Jr.",
"Hopper, Grace") was taken for the surname or the first name.
"""

from __future__ import annotations

import pytest

from followup import (
    Contact,
    Interview,
    InvalidValueError,
    Letter,
    check_letter,
    draft_follow_up,
    draft_thank_you,
)
from followup._letter_parts import letter_parts
from followup._letters import dates_in, times_in
from followup._writing import written_day
from followup._written_dates import WrittenDate
from followup._written_names import company_forms, names_in
from followup._written_times import WrittenTime

NEW_YORK = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    NEW_YORK,
    interviewer=Contact("Grace Hopper"),
    position="data engineer",
)


def _with_interviewer(name: str) -> Interview:
    return Interview("Ada Lovelace", "Acme", NEW_YORK, interviewer=Contact(name))


# Drafts: the greeting (the bug), stops, lengths, words and locales.


@pytest.mark.parametrize(
    ("name", "greeting", "title", "first_line"),
    [
        # A generational suffix is no surname.
        ("Martin Luther King Jr.", "title", "Dr.", "Dear Dr. King,"),
        ("Grace Hopper III", "title", "Rear Admiral", "Dear Rear Admiral Hopper,"),
        # Nor is a degree after a comma...
        ("Grace Hopper, PhD", "title", "Dr.", "Dear Dr. Hopper,"),
        ("Grace Hopper, Ph.D.", "first-name", None, "Dear Grace,"),
        # ... and a name written surname first is read the right way round:
        # no "Dear Hopper,," with the name's own comma kept.
        ("Hopper, Grace", "first-name", None, "Dear Grace,"),
        ("Hopper, Grace", "title", "Dr.", "Dear Dr. Hopper,"),
        ("King, Martin Luther, Jr.", "first-name", None, "Dear Martin,"),
        # The full name is written as given.
        ("Grace Hopper, PhD", "name", None, "Dear Grace Hopper, PhD,"),
        # A title before the name is no given name...
        ("Dr. Grace Hopper", "first-name", None, "Dear Grace,"),
        ("Prof. Dr. Grace Hopper", "first-name", None, "Dear Grace,"),
        ("Mrs Grace Hopper", "first-name", None, "Dear Grace,"),
        ("Hopper, Dr. Grace", "first-name", None, "Dear Grace,"),
        # ... and with a surname alone after it there is no given name to
        # take: the name as given.
        ("Dr. Hopper", "first-name", None, "Dear Dr. Hopper,"),
        ("Dr. Grace Hopper", "title", "Dr.", "Dear Dr. Hopper,"),
        # A lone initial may be the given name's own.
        ("M. Hopper", "first-name", None, "Dear M.,"),
        ("Grace", "first-name", None, "Dear Grace,"),
    ],
)
def test_a_greeting_takes_the_surname_and_first_name_past_titles_and_suffixes(
    name: str, greeting: str, title: str | None, first_line: str
) -> None:
    draft = draft_thank_you(
        _with_interviewer(name),
        greeting=greeting,  # type: ignore[arg-type]
        title=title,
    )
    assert draft.splitlines()[0] == first_line


def test_a_name_with_no_word_outside_its_commas_is_greeted_as_written() -> None:
    # No surname to take: the title greeting falls back to the name as given
    # rather than failing on an empty list of words.
    draft = draft_thank_you(_with_interviewer(","), greeting="title", title="Dr.")
    assert draft.splitlines()[0] == "Dear ,,"


def test_a_fit_that_ends_in_an_ellipsis_gets_no_full_stop_after_it() -> None:
    # "…" ends a sentence as "." does (mutant: "…" left out of the stops).
    draft = draft_follow_up(INTERVIEW, fit="I have built data pipelines for years…")
    assert "strong fit: I have built data pipelines for years… " in draft
    assert "…." not in draft


def test_a_topic_that_ends_in_an_ellipsis_is_named_as_a_clause() -> None:
    # The topic's own stop makes way for the sentence's full stop.
    draft = draft_thank_you(INTERVIEW, topic="the roadmap…")
    assert draft.endswith(
        "I especially enjoyed talking about the roadmap. I would be glad to hear "
        "about the next steps.\n\nBest regards,\nAda Lovelace"
    )


def test_a_company_that_ends_in_a_question_mark_gets_no_full_stop_after_it() -> None:
    interview = Interview("Ada Lovelace", "Why Not?", NEW_YORK)
    assert "very interested in Why Not? I believe" in draft_follow_up(interview)


def test_a_topic_of_121_characters_is_refused() -> None:
    # TOPIC_LENGTH is 120, shorter than a fit's 160.
    with pytest.raises(InvalidValueError, match=r"\(at most 120\)$"):
        draft_thank_you(INTERVIEW, topic="x" * 121)
    assert draft_thank_you(INTERVIEW, topic="x" * 120).count("x" * 120) == 1


def test_an_empty_title_is_refused_whatever_the_greeting() -> None:
    with pytest.raises(InvalidValueError) as raised:
        draft_thank_you(INTERVIEW, title="")
    assert str(raised.value) == "title: '' is empty"


@pytest.mark.parametrize(
    ("language", "first_line"),
    [("es", "Hola, Grace:"), ("de", "Hallo Grace,")],
)
def test_a_first_name_greeting_is_the_informal_one(
    language: str, first_line: str
) -> None:
    draft = draft_thank_you(INTERVIEW, language=language, greeting="first-name")
    assert draft.splitlines()[0] == first_line


def test_a_german_draft_without_a_country_writes_januar_not_jaenner() -> None:
    # de_DE by default: de_AT would write "Jänner".  4 January 2027 is a Monday.
    berlin = Interview(
        "Ada Lovelace", "Acme", "2027-01-04T10:00:00+01:00[Europe/Berlin]"
    )
    draft = draft_thank_you(berlin, language="de")
    assert "am Montag, 4. Januar 2027 um 10:00 Uhr (CET)" in draft


def test_a_malformed_locale_is_refused_as_unknown() -> None:
    # Babel raises ValueError (not UnknownLocaleError) for "en_".
    with pytest.raises(InvalidValueError) as raised:
        draft_thank_you(INTERVIEW, locale="en_")
    assert str(raised.value) == "locale: 'en_' is not a locale Babel knows"


def test_the_written_day_is_the_long_date_on_the_recipients_calendar() -> None:
    # 20:00 in New York on the 23rd is 10:00 in Tokyo on the 24th.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T20:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace Hopper", timezone="Asia/Tokyo"),
    )
    assert written_day(interview, "en_US") == "November 24, 2026"


def test_a_halifax_draft_writes_the_offset_since_ast_is_also_arabia() -> None:
    halifax = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00-04:00[America/Halifax]"
    )
    assert "on Monday, November 23, 2026 at 10:00 AM UTC-04:00." in draft_thank_you(
        halifax
    )


# Dates a letter reads.


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # "thirty first" with a space, "twenty-ninth" with a hyphen.
        (
            "on the thirty first of october",
            "en",
            WrittenDate("thirty first of october", 10, 31),
        ),
        (
            "on the twenty-ninth of october",
            "en",
            WrittenDate("twenty-ninth of october", 10, 29),
        ),
    ],
)
def test_an_ordinal_in_words_is_read_with_its_month(
    text: str, language: str, read: WrittenDate
) -> None:
    assert read in dates_in(text, language)


# Times a letter reads.


def test_a_london_summer_time_written_as_gmt_names_the_call() -> None:
    # People write GMT all year: 10:00 "GMT" on a June day in London is BST.
    london = Interview("Ada", "Acme", "2026-06-15T10:00:00+01:00[Europe/London]")
    assert Letter("Thank you for Monday at 10:00 GMT.", london).names_time()


def test_ist_is_also_irish_summer_time() -> None:
    irish = Interview("Ada", "Acme", "2026-06-15T10:00:00+01:00")
    assert Letter("Thank you for Monday at 10:00 IST.", irish).names_time()


def test_ast_is_also_arabia_standard_time() -> None:
    riyadh = Interview("Ada", "Acme", "2026-11-23T10:00:00+03:00[Asia/Riyadh]")
    assert Letter("Thank you for Monday at 10:00 AST.", riyadh).names_time()


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # French "et" is "and", not Eastern Time.
        (
            "à 10h et à 11h",
            "fr",
            (
                WrittenTime("10h", 10, 0, twelve_hour=False),
                WrittenTime("11h", 11, 0, twelve_hour=False),
            ),
        ),
        # "a las 10" is not read apart from its minutes.
        ("a las 10:30", "es", (WrittenTime("10:30", 10, 30, twelve_hour=False),)),
    ],
)
def test_times_are_read_once_each(
    text: str, language: str, read: tuple[WrittenTime, ...]
) -> None:
    assert times_in(text, language) == read


def test_a_german_range_with_bis_carries_its_zone_to_the_start() -> None:
    (start, *_) = times_in("von 10:00 bis 10:30 MEZ", "de")
    assert start == WrittenTime(
        "10:00",
        10,
        0,
        twelve_hour=False,
        zones=("+01:00", "Europe/Berlin"),
        label="mez",
    )


# Company names.


@pytest.mark.parametrize(
    ("company", "aliases", "forms"),
    [
        # Two legal forms, one after the other.
        ("Acme Co. Ltd.", (), ("acme co. ltd.", "acme co.", "acme")),
        # Two letters and two stops are not four letters.
        ("A.B. Analytics", (), ("a.b. analytics",)),
        # A blank alias names nothing (and so not every letter).
        ("Acme", ("  ",), ("acme",)),
    ],
)
def test_the_forms_of_a_company(
    company: str, aliases: tuple[str, ...], forms: tuple[str, ...]
) -> None:
    assert company_forms(company, aliases) == forms


def test_a_name_is_found_where_it_overlaps_an_earlier_part_word_match() -> None:
    # "la la" inside "ola la" is no match; the one starting at the next "la" is.
    assert names_in(("la la",), "ola la la")


# The parts of a pasted letter.


@pytest.mark.parametrize(
    ("text", "own", "quoted"),
    [
        # "a ecrit" typed without its accent.
        (
            "Merci !\n\nLe lun. 23 nov., Grace a ecrit :\n> Bonjour",
            "Merci !\n",
            "Le lun. 23 nov., Grace a ecrit :\n> Bonjour",
        ),
        # French Outlook puts a space before the colon.
        (
            "Merci.\n\nDe : Grace Hopper\nEnvoyé : lundi 23 novembre 2026\nBonjour",
            "Merci.\n",
            "De : Grace Hopper\nEnvoyé : lundi 23 novembre 2026\nBonjour",
        ),
        # "From :" with its space, and "Date:" two lines below "From:".
        (
            "Thanks.\n\nFrom : Grace Hopper\nSent : Monday\nHi",
            "Thanks.\n",
            "From : Grace Hopper\nSent : Monday\nHi",
        ),
        (
            "Thanks.\n\nFrom: Grace Hopper\nTo: Ada Lovelace\nDate: Monday\nHi",
            "Thanks.\n",
            "From: Grace Hopper\nTo: Ada Lovelace\nDate: Monday\nHi",
        ),
        # A quote on the first line: nothing above it is the letter's own.
        ("> Hi Ada\nThanks, Grace", "", "> Hi Ada\nThanks, Grace"),
    ],
)
def test_the_quoted_message_starts_at_its_header(
    text: str, own: str, quoted: str
) -> None:
    parts = letter_parts(text)
    assert (parts.own, parts.quoted) == (own, quoted)


@pytest.mark.parametrize(
    "text",
    [
        # Blank, or only white space, lines above the subject line.
        "\nSubject: Thanks\nDear Grace,",
        "  \nSubject: Thanks\nDear Grace,",
    ],
)
def test_lines_above_the_subject_are_not_the_letters_own(text: str) -> None:
    parts = letter_parts(text)
    assert (parts.subject, parts.own) == ("Thanks", "Dear Grace,")


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("on the thirty first of october", 10, 31),
        ("on the thirty-first of october", 10, 31),
        ("on the twenty-ninth of october", 10, 29),
        ("on the twenty first of may", 5, 21),
    ],
)
def test_the_unit_of_an_ordinal_in_words_is_no_day_of_its_own(
    text: str, month: int, day: int
) -> None:
    # "first of october" inside "thirty first of october" is no 1 October,
    # and the day with its month is no day of any month as well.
    words = text.removeprefix("on ")
    assert dates_in(text, "en") == (
        WrittenDate(words.removeprefix("the "), month, day),
    )


def test_the_first_of_a_month_after_another_word_is_still_read() -> None:
    # Only "twenty" and "thirty" make an ordinal of the word after them.
    assert dates_in("plenty first of october", "en") == (
        WrittenDate("first of october", 10, 1),
    )


@pytest.mark.parametrize(("day", "findings"), [(1, 1), (31, 0)])
def test_a_thank_you_naming_the_thirty_first_names_no_first(
    day: int, findings: int
) -> None:
    # A letter for an interview on 1 October passed the date check when it
    # named the 31st.
    interview = Interview(
        "Ada Lovelace", "Acme", f"2026-10-{day:02}T10:00:00-04:00[America/New_York]"
    )
    text = (
        "Dear Grace,\n\nThank you for the phone interview on the thirty first "
        "of October at 10:00 EDT. I would love to work at Acme.\n\n"
        "Best regards,\nAda Lovelace"
    )
    messages = [
        finding.message for finding in check_letter(text, interview, "thank-you")
    ]
    assert (
        messages
        == ["the thank-you does not name the date of the interview (A4)"][:findings]
    )


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        (
            "am 23. 11. 2026 um 10 Uhr",
            "de",
            (WrittenDate("23. 11. 2026", 11, 23, 2026),),
        ),
        ("le 1. 12. 2026", "fr", (WrittenDate("1. 12. 2026", 12, 1, 2026),)),
        # No thirteenth month, no five-digit year, no year: no date.
        ("am 23. 13. 2026", "de", ()),
        ("am 32. 11. 2026", "de", ()),
        ("am 23. 11. 20261", "de", ()),
        ("am 23. 11 Leute", "de", ()),
    ],
)
def test_a_date_with_a_space_after_each_dot_is_read_with_its_year(
    text: str, language: str, read: tuple[WrittenDate, ...]
) -> None:
    assert dates_in(text, language) == read


def test_a_german_thank_you_with_a_spaced_date_names_the_day() -> None:
    # "am 23. 11. 2026", as many write it, failed the date check.
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00+01:00[Europe/Berlin]"
    )
    text = (
        "Sehr geehrte Frau Hopper,\n\nvielen Dank für das Telefoninterview am "
        "23. 11. 2026 um 10:00 Uhr. Ich möchte gern bei Acme arbeiten.\n\n"
        "Mit freundlichen Grüßen\nAda Lovelace"
    )
    assert check_letter(text, interview, "thank-you") == ()

"""Each form and trap the letters issue found, read right, by name.

A letter of Ada Lovelace's about a phone interview on Monday 23 November
2026 at 10:00 in New York; each case changes one thing and says what the
reader must make of it.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, check_letter
from followup._letters import Letter

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview(
    "Ada Lovelace",
    "Quillon Analytics",
    AT,
    interviewer=Contact("Grace Hopper", timezone="America/New_York"),
)
SENT_SAME_DAY = "2026-11-23T14:00:00-05:00"
SENT_NEXT_DAY = "2026-11-24T09:00:00-05:00"
SENT_WEDNESDAY = "2026-11-25T09:00:00-05:00"
SENT_NEXT_WEEK = "2026-11-30T09:00:00-05:00"


def letter(text: str, **options: object) -> Letter:
    return Letter(text, options.pop("interview", INTERVIEW), "thank-you", **options)


@pytest.mark.parametrize(
    ("written", "sent", "named"),
    [
        pytest.param("on the 23rd", None, True, id="the 23rd"),
        pytest.param("on 23.11.2026", None, True, id="23.11.2026"),
        pytest.param("on 11-23-2026", None, True, id="11-23-2026"),
        pytest.param("on 23-Nov-2026", None, True, id="23-Nov-2026"),
        pytest.param(
            "on November twenty-third", None, True, id="November twenty-third"
        ),
        pytest.param(
            "on the twenty-third of November",
            None,
            True,
            id="the twenty-third of November",
        ),
        pytest.param(
            "yesterday", SENT_NEXT_DAY, True, id="yesterday, sent the next day"
        ),
        pytest.param(
            "yesterday", SENT_SAME_DAY, False, id="yesterday, sent the same day"
        ),
        pytest.param("this morning", SENT_SAME_DAY, True, id="this morning"),
        pytest.param("this morning", None, False, id="this morning, no send time"),
        pytest.param("earlier this week", SENT_WEDNESDAY, True, id="earlier this week"),
        pytest.param(
            "earlier this week",
            SENT_NEXT_WEEK,
            False,
            id="earlier this week, a week late",
        ),
        pytest.param("last week", SENT_NEXT_WEEK, True, id="last week"),
        pytest.param("last Monday", None, True, id="last Monday"),
        pytest.param("on 11/23", None, True, id="11/23"),
        pytest.param("on 23/11", None, True, id="23/11"),
    ],
)
def test_dates_as_people_write_them(written, sent, named):
    assert letter(f"Thank you for our call {written}.", sent=sent).names_date() is named


@pytest.mark.parametrize(
    ("written", "named"),
    [
        pytest.param("at 10 o'clock", True, id="10 o'clock"),
        pytest.param("at ten o'clock", True, id="ten o'clock"),
        pytest.param("at ten in the morning", True, id="ten in the morning"),
        pytest.param("at ten in the evening", False, id="ten in the evening"),
        pytest.param("at 10:00", True, id="10:00"),
        pytest.param("at 15:00 GMT", True, id="15:00 GMT, the same instant"),
        pytest.param("at 16:00 CET", True, id="16:00 CET, the same instant"),
        pytest.param("at 10:00 PST", False, id="10:00 PST, another instant"),
        pytest.param("at 10:00 EST", True, id="10:00 EST"),
        pytest.param("at 10:00-10:30 ET", True, id="a range with its zone"),
        pytest.param("about the $10.00 hourly rate", False, id="$10.00 hourly rate"),
        pytest.param("about 10.00 an hour", False, id="10.00 an hour"),
        pytest.param("on +1 555 010 1000", False, id="a phone number"),
        pytest.param("for 10 minutes", False, id="a duration"),
        pytest.param("with version 10.00", False, id="a version"),
    ],
)
def test_times_as_people_write_them(written, named):
    assert letter(f"Thank you for our call {written}.").names_time() is named


@pytest.mark.parametrize(
    ("at", "written"),
    [
        pytest.param(
            "2026-11-23T12:00:00-05:00[America/New_York]", "at noon", id="noon"
        ),
        pytest.param(
            "2026-11-23T00:00:00-05:00[America/New_York]", "at midnight", id="midnight"
        ),
        pytest.param(
            "2026-11-23T15:30:00-05:00[America/New_York]",
            "at half past three",
            id="half past three",
        ),
        pytest.param(
            "2026-11-23T09:45:00-05:00[America/New_York]",
            "at quarter to ten",
            id="quarter to ten",
        ),
    ],
)
def test_times_in_words(at, written):
    interview = Interview("Ada Lovelace", "Quillon Analytics", at)
    assert letter(f"Thanks for the call {written}.", interview=interview).names_time()


@pytest.mark.parametrize(
    ("company", "written", "named"),
    [
        pytest.param(
            "Quillon Analytics", "Quillon's approach", True, id="Quillon's approach"
        ),
        pytest.param(
            "Greenfield Foods, Inc.", "Greenfield Foods", True, id="legal form left out"
        ),
        pytest.param("AT&T", "AT&amp;T", True, id="AT&amp;T"),
        pytest.param("Box", "your inbox", False, id="Box is not in inbox"),
        pytest.param("Box", "Box's storage team", True, id="Box's"),
        pytest.param("Acme", "jobs@acme.example", False, id="only in an address"),
    ],
)
def test_companies_as_people_write_them(company, written, named):
    interview = Interview("Ada Lovelace", company, AT)
    assert (
        letter(
            f"I enjoyed hearing about {written}.", interview=interview
        ).names_company()
        is named
    )


@pytest.mark.parametrize(
    ("candidate", "written", "named"),
    [
        pytest.param("Zoë Martin", "Zoe Martin", True, id="Zoe for Zoë"),
        pytest.param(
            "Jean-Luc Picard", "Jean Luc Picard", True, id="Jean Luc for Jean-Luc"
        ),
        pytest.param("Al Stone", "Also, Stone", False, id="Al is not in Also"),
        pytest.param("Ada Lovelace", "Ada", False, id="a first name alone"),
    ],
)
def test_candidates_as_people_sign(candidate, written, named):
    interview = Interview(candidate, "Quillon Analytics", AT)
    assert letter(f"Thanks!\n{written}", interview=interview).names(candidate) is named


def test_titles_end_no_sentence_so_five_sentences_are_not_long():
    text = (
        "Dear Ms. Smith:\n\nThank you for the call with Mr. Jones and Dr. Lee on "
        "23 November at 10:00. It was a pleasure. Quillon Analytics is exactly "
        "the type of opportunity I am seeking. I learned a lot, e.g. about your "
        "roadmap. I hope to hear from you soon.\n\nBest,\nAda Lovelace"
    )
    assert check_letter(text, INTERVIEW, "thank-you") == ()
    assert letter(text).sentences() == 5


def test_exactly_the_type_of_opportunity_i_am_seeking_is_interest():
    assert letter("This is exactly the type of opportunity I am seeking.").expresses(
        "interest"
    )


def test_wishing_someone_luck_finding_the_right_fit_is_no_reason_to_fit():
    text = "I wish you the best in finding the right fit for the team."
    assert not Letter(text, INTERVIEW, "follow-up").expresses("fit")
    assert Letter(text + " I have led data teams for six years.", INTERVIEW).expresses(
        "fit"
    )


def test_the_subject_line_is_not_a_line_of_the_letter():
    body = "\n".join(f"Line {n} of the letter." for n in range(9))
    text = f"Subject: Following up on 23 November\n{body}"
    assert Letter(text, INTERVIEW).lines(80) == 9
    assert not Letter(text, INTERVIEW).names_date()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        pytest.param(
            "de",
            "Betreff: Telefoninterview\n\nGuten Tag Frau Hopper,\n\nvielen Dank für das "
            "Gespräch am 23. November um 10 Uhr. Ich freue mich sehr auf die Stelle "
            "bei Quillon Analytics.\n\nMit freundlichen Grüßen\nAda Lovelace",
            id="German",
        ),
        pytest.param(
            "fr",
            "Objet : entretien\n\nBonjour Madame Hopper,\n\nMerci pour notre échange "
            "du lundi 23 novembre à 10h. Je suis très intéressée par Quillon "
            "Analytics.\n\nCordialement,\nAda Lovelace",
            id="French",
        ),
        pytest.param(
            "es",
            "Asunto: entrevista\n\nEstimada Sra. Hopper:\n\nMuchas gracias por la "
            "entrevista del 23 de noviembre a las 10:00. Me interesa mucho el puesto "
            "en Quillon Analytics.\n\nSaludos cordiales,\nAda Lovelace",
            id="Spanish",
        ),
    ],
)
def test_letters_in_other_languages_holding_every_fact_pass(language, text):
    assert check_letter(text, INTERVIEW, "thank-you") == ()
    assert Letter(text, INTERVIEW).read_as == language


@pytest.mark.parametrize(
    ("written", "named"),
    [
        pytest.param("03/04", False, id="03/04 is not guessed"),
        pytest.param("04/03/2026", False, id="04/03/2026 is not guessed"),
        pytest.param("3-4-2026", False, id="3-4-2026 is not guessed"),
        pytest.param("04.03.2026", True, id="dots are day first"),
        pytest.param("4 March", True, id="words are not ambiguous"),
    ],
)
def test_a_date_whose_day_and_month_could_be_swapped_is_not_guessed(written, named):
    # 4 March: "03/04" is that day in the US and 3 April elsewhere.
    interview = Interview("Ada Lovelace", "Acme", "2026-03-04T10:00:00-05:00")
    text = f"Thank you for our call on {written}."
    assert letter(text, interview=interview).names_date() is named


@pytest.mark.parametrize(
    ("language", "written", "named"),
    [
        pytest.param("en", "on the 23rd", True, id="the 23rd"),
        pytest.param("en", "on the twenty-third", True, id="the twenty-third"),
        pytest.param("en", "on the 24th", False, id="the 24th"),
        pytest.param("fr", "le 23 à 10h", True, id="le 23"),
        pytest.param("fr", "le 1er", False, id="le 1er"),
        pytest.param("es", "el día 23 a las 10", True, id="el día 23"),
        pytest.param("de", "am 23. um 10 Uhr", True, id="am 23."),
        pytest.param("de", "am 23.11. um 10 Uhr", True, id="am 23.11."),
    ],
)
def test_a_day_of_the_month_alone(language, written, named):
    text = f"Merci, thanks, danke, gracias: {written}."
    assert letter(text, language=language).names_date() is named


def test_a_relative_day_without_the_send_time_says_why_it_names_no_day():
    text = "Thanks for this morning's call at 10:00, Quillon Analytics! Ada Lovelace"
    (date,) = [
        f for f in check_letter(text, INTERVIEW, "thank-you") if "date" in f.message
    ]
    assert date.actual == (
        "this morning (a relative day names a day only with the send time)"
    )
    assert not [
        f
        for f in check_letter(text, INTERVIEW, "thank-you", sent=SENT_SAME_DAY)
        if "date" in f.message
    ]


@pytest.mark.parametrize(
    ("date", "said"),
    [
        ("Date: sometime last week\n", "; its Date 'sometime last week' is no date"),
        ("Date: Mon, 23 Nov 2026 18:00:00 +0000\n", None),
        ("", ""),
    ],
)
def test_a_message_whose_date_is_no_date_is_said_to_be_so(date, said):
    # The library, as the command does: the writer believes the message
    # said when it was sent, and "this morning" would name that day.
    text = (
        f"From: ada@example.com\nTo: grace@example.com\n{date}Subject: Thanks\n\n"
        "Thanks for this morning's call at 10:00, Quillon Analytics! Ada Lovelace\n"
    )
    dates = [
        f.actual
        for f in check_letter(text, INTERVIEW, "thank-you")
        if "date" in f.message
    ]
    if said is None:
        assert dates == []
    else:
        assert dates == [
            f"this morning (a relative day names a day only with the send time{said})"
        ]


def test_the_words_of_names_do_not_tell_the_language():
    # Spanish names in an English letter: "de", "la", "el", "y", "mi" are
    # Spanish stopwords, but the author did not choose them.
    interview = Interview("Ana de la Cruz y Mi Casa", "El Mundo de la Casa", AT)
    text = (
        "Dear Grace,\nThanks a lot! Our call on 23 November at 10 am was great. "
        "El Mundo de la Casa is where I hope to work.\nAna de la Cruz y Mi Casa"
    )
    assert letter(text, interview=interview).read_as == "en"
    assert check_letter(text, interview, "thank-you") == ()
    # The same words written by the author still count.
    spanish = "Gracias por la entrevista de ayer, fue un placer. Mi Casa"
    assert letter(spanish, interview=interview).read_as == "es"


def test_a_name_written_like_an_address_is_still_named():
    # Addresses are blanked out so that "ada@quillon.io" names no company; a
    # name that is itself written like one is looked for where they are not.
    interview = Interview("ada@lovelace.dev", "Quillon Analytics", AT)
    text = "Thank you for Monday at 10 am at Quillon Analytics.\nada@lovelace.dev"
    assert letter(text, interview=interview).names("ada@lovelace.dev")
    assert not letter("Write to ada@quillon.io", interview=interview).names_company()

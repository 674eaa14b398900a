"""Drafts people would send: greetings, languages, locales, zones, phrasings.

Every draft, in every language and greeting style, passes `check_letter`
for every valid interview (the language told from the text, as a user would
check it); the examples pin what people will read.
"""

from __future__ import annotations

import pytest
from babel import Locale, localedata
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Contact,
    FollowUpError,
    Interview,
    InvalidValueError,
    check_letter,
    draft_follow_up,
    draft_thank_you,
)
from followup._languages import LANGUAGES
from followup._writing import GREETINGS
from strategies import interviews

GRACE = Contact("Grace Brewster Hopper", timezone="America/New_York")
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=GRACE,
    position="data engineer",
)


@given(
    interviews(),
    st.sampled_from(LANGUAGES),
    st.sampled_from(GREETINGS),
    st.sampled_from([None, "the roadmap for the payments team"]),
)
def test_every_draft_passes_its_check_in_every_language(
    interview, language, greeting, topic
):
    title = "Dr." if greeting == "title" else None
    thank_you = draft_thank_you(
        interview, language=language, greeting=greeting, title=title, topic=topic
    )
    assert check_letter(thank_you, interview, "thank-you") == ()
    follow_up = draft_follow_up(
        interview, language=language, greeting=greeting, title=title
    )
    assert check_letter(follow_up, interview) == ()
    assert interview.candidate in thank_you
    assert interview.company in follow_up


#: Every locale Babel knows in a language drafts are written in.
LOCALES = sorted(
    name
    for name in localedata.locale_identifiers()
    if Locale.parse(name).language in LANGUAGES
)


def drafts_in(interview, locale):
    """Both drafts in `locale`, or the error that refuses it, checked."""
    parsed = Locale.parse(locale)
    if parsed.script is not None:
        # English in Deseret or Shavian: a date in that script is no date a
        # reader, or check_letter, would find.  Refused, naming the locale.
        for draft in (draft_thank_you, draft_follow_up):
            with pytest.raises(InvalidValueError) as caught:
                draft(interview, language=parsed.language, locale=locale)
            assert caught.value.field == "locale"
            assert caught.value.value == locale
        return
    thank_you = draft_thank_you(interview, language=parsed.language, locale=locale)
    assert check_letter(thank_you, interview, "thank-you") == ()
    follow_up = draft_follow_up(interview, language=parsed.language, locale=locale)
    assert check_letter(follow_up, interview) == ()


#: Whether Babel reads a locale's script: 2.12 reads en_Dsrt as en, in the
#: Latin script, and lists no English in Deseret or Shavian.
KEEPS_SCRIPTS = Locale.parse("en_Dsrt").script is not None


def test_every_locale_of_a_draft_language_passes_its_check_or_is_refused():
    assert {"en_GB", "de_AT", "fr_CA", "es_MX"} <= set(LOCALES)
    if KEEPS_SCRIPTS:
        assert {"en_Dsrt", "en_Shaw"} <= set(LOCALES)
    for locale in LOCALES:
        drafts_in(INTERVIEW, locale)


@given(interviews(), st.sampled_from(LOCALES))
def test_a_draft_in_any_locale_passes_its_check_for_every_interview(interview, locale):
    drafts_in(interview, locale)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "at",
    [
        # Offsets with seconds: the draft writes them to the minute.
        "1930-06-02T10:00:00+01:19:32[Europe/Amsterdam]",
        "1970-03-02T09:00:00-00:44:30[Africa/Monrovia]",
        "2026-11-23T10:00:00+05:30:15",
        "2026-11-23T10:00:00-03:00:45",
    ],
)
def test_a_draft_passes_its_check_where_the_offset_has_seconds(at, language):
    interview = Interview("Ada Lovelace", "Acme", at)
    thank_you = draft_thank_you(interview, language=language)
    assert check_letter(thank_you, interview, "thank-you") == ()
    assert check_letter(draft_follow_up(interview, language=language), interview) == ()


@given(interviews(), st.sampled_from(LANGUAGES))
def test_the_same_interview_gives_the_same_letter(interview, language):
    assert draft_thank_you(interview, language=language) == draft_thank_you(
        interview, language=language
    )
    assert draft_follow_up(interview, language=language) == draft_follow_up(
        interview, language=language
    )


def test_phrasings_vary_between_interviews_not_between_calls():
    openings = {
        draft_thank_you(
            Interview(f"Candidate {n}", "Acme", "2026-11-23T10:00:00-05:00")
        ).split("\n")[2][:20]
        for n in range(12)
    }
    assert len(openings) == 2


@pytest.mark.parametrize(
    ("greeting", "title", "first_line"),
    [
        ("name", None, "Dear Grace Brewster Hopper,"),
        ("title", "Dr.", "Dear Dr. Hopper,"),
        ("first-name", None, "Dear Grace,"),
    ],
)
def test_greeting_styles(greeting, title, first_line):
    draft = draft_thank_you(INTERVIEW, greeting=greeting, title=title)
    assert draft.splitlines()[0] == first_line


def test_the_hiring_team_only_when_no_name_is_known():
    nameless = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T10:00:00-05:00",
        interviewer=Contact(email="jobs@acme.example"),
    )
    assert draft_thank_you(nameless, greeting="first-name").startswith(
        "Dear Hiring Team,"
    )
    assert draft_thank_you(nameless, language="de").startswith(
        "Sehr geehrte Damen und Herren,"
    )


def test_a_long_interviewer_name_stays_in_the_greeting():
    long_name = "Maximiliana " + "Wolfeschlegelsteinhausenbergerdorff " * 2 + "Jr"
    interview = Interview(
        "Ada Lovelace",
        "Acme Analytics International Holdings",
        "2026-11-23T10:00:00-05:00",
        interviewer=Contact(long_name.strip()),
        position="senior staff data platform engineer, payments",
    )
    draft = draft_follow_up(interview)
    assert draft.startswith(f"Dear {long_name.strip()},")
    assert check_letter(draft, interview) == ()


def test_the_position_and_the_topic_are_in_the_thank_you():
    draft = draft_thank_you(INTERVIEW, topic="the streaming pipeline")
    assert "for the data engineer position" in draft
    assert "I especially enjoyed talking about the streaming pipeline." in draft


@pytest.mark.parametrize(
    ("locale", "date", "time"),
    [
        ("en_US", "Monday, November 23, 2026", " at 10:00 AM EST."),
        ("en_GB", " 23 November 2026", " at 10:00 EST."),
        ("en_IN", " 23 November", " at 10:00 am EST."),
    ],
)
def test_dates_and_clocks_as_the_locale_writes_them(locale, date, time):
    draft = draft_thank_you(INTERVIEW, locale=locale)
    assert date in draft
    # CLDR releases differ on the case of "am" in India: either is the clock.
    assert time.casefold() in draft.casefold()
    assert check_letter(draft, INTERVIEW, "thank-you") == ()


def test_the_locale_follows_the_interviewers_country():
    british = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T15:00:00+00:00[Europe/London]",
        interviewer=Contact("Grace Hopper", country="GB"),
    )
    assert "23 November 2026 at 15:00 GMT." in draft_thank_you(british)
    assert "am Montag, 23. November 2026 um 15:00 Uhr (GMT)" in draft_thank_you(
        british, language="de"
    )


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("Asia/Shanghai", "UTC+08:00"),  # CST would read as Central US time
        ("Asia/Kolkata", "UTC+05:30"),  # IST is also Ireland's and Israel's
        ("Asia/Manila", "UTC+08:00"),  # its PST is not Pacific time
        ("America/Chicago", "UTC-06:00"),  # CST is also China's
        ("Europe/Berlin", "CET"),
        ("America/New_York", "EST"),
    ],
)
def test_zone_labels_no_reader_can_take_for_another_zone(zone, label):
    interview = Interview("Ada Lovelace", "Acme", f"2026-11-23T10:00:00[{zone}]")
    draft = draft_thank_you(interview, locale="en_GB")
    assert f" at 10:00 {label}." in draft
    assert check_letter(draft, interview, "thank-you") == ()


@pytest.mark.parametrize(
    ("language", "greeting_line", "when"),
    [
        (
            "de",
            "Guten Tag Grace Brewster Hopper,",
            "23. November 2026 um 10:00 Uhr (EST)",
        ),
        (
            "fr",
            "Bonjour Grace Brewster Hopper,",
            "lundi 23 novembre 2026 à 10:00 (EST)",
        ),
        (
            "es",
            "Estimado/a Grace Brewster Hopper:",
            "lunes 23 de noviembre de 2026 a las 10:00 (EST)",
        ),
    ],
)
def test_drafts_in_german_french_and_spanish(language, greeting_line, when):
    draft = draft_follow_up(INTERVIEW, language=language)
    assert draft.splitlines()[0] == greeting_line
    assert when in draft
    assert check_letter(draft, INTERVIEW, language=language) == ()


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"language": "it"}, "language"),
        ({"greeting": "formal"}, "greeting"),
        ({"greeting": "title"}, "title"),
        ({"greeting": "title", "title": "Dr.\nX"}, "title"),
        ({"locale": "xx_YY"}, "locale"),
        ({"locale": "fr_FR"}, "locale"),  # not English
        ({"topic": ""}, "topic"),
        ({"topic": "x" * 500}, "topic"),
    ],
)
def test_style_mistakes_name_the_field(arguments, field):
    with pytest.raises(FollowUpError) as caught:
        draft_thank_you(INTERVIEW, **arguments)
    assert caught.value.field == field


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("candidate", [f"Candidate {n}" for n in range(6)])
def test_french_and_spanish_drafts_do_not_assume_the_writers_gender(
    language, candidate
):
    # Six candidates cover both phrasings of each letter.
    interview = Interview(candidate, "Acme", "2026-11-23T10:00:00-05:00")
    drafts = draft_thank_you(interview, language=language) + draft_follow_up(
        interview, language=language
    )
    inflected = ("intéressé", "heureux", "heureuse", "ravi", "interesad", "atent")
    assert not [word for word in inflected if word in drafts]

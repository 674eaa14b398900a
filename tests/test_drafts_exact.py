"""Drafts word for word: the letters a user sends, whole.

`tests/test_drafts.py` checks that drafts pass the rules; here each form of
a draft is pinned as it is written, so that a word, a line break or a
sign-off lost in any of them is seen: the full follow-up, the compact one
for a tighter line limit, the one with the sign-off on the name's line, a
thank-you with a topic, another language and locale, and the refusals.
"""

from __future__ import annotations

import pytest
from babel import Locale

from followup import (
    DEFAULT_RULES,
    Contact,
    Interview,
    InvalidValueError,
    check_letter,
    draft_follow_up,
    draft_thank_you,
)
from followup._writing import written_when

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    AT,
    position="data engineer",
    interviewer=Contact("Grace Hopper"),
)
WHEN = "Monday, November 23, 2026 at 10:00 AM EST"


def test_the_thank_you_names_the_role_and_the_topic_before_the_next_steps():
    draft = draft_thank_you(INTERVIEW, topic="the new pipeline.")
    assert draft == (
        "Dear Grace Hopper,\n\n"
        "Thank you for the phone interview for the data engineer position on "
        f"{WHEN}. Our conversation confirmed my interest in Acme. I especially "
        "enjoyed talking about the new pipeline. I would be glad to hear about "
        "the next steps.\n\n"
        "Best regards,\n"
        "Ada Lovelace"
    )


def test_a_thank_you_without_role_or_interviewer_writes_to_the_team():
    draft = draft_thank_you(Interview("Ada Lovelace", "Acme", AT))
    assert draft == (
        "Dear Hiring Team,\n\n"
        f"Thank you for the phone interview on {WHEN}. Our conversation "
        "confirmed my interest in Acme. I would be glad to hear about the "
        "next steps.\n\n"
        "Best regards,\n"
        "Ada Lovelace"
    )


FULL = (
    "Dear Grace Hopper,\n\n"
    "I am writing to follow up on our phone interview for the data engineer "
    f"position on {WHEN}. I remain very interested in Acme. I believe my "
    "experience and skills fit the job well. I would be glad to talk about the "
    "next steps.\n\n"
    "Best regards,\n"
    "Ada Lovelace"
)
COMPACT_BODY = (
    f"Following up on our phone interview on {WHEN}: I remain very interested "
    "in Acme. I believe my experience and skills fit the job well."
)


def test_the_follow_up_is_the_full_letter_when_it_fits():
    assert draft_follow_up(INTERVIEW) == FULL


def test_under_a_tighter_limit_the_follow_up_is_compact():
    rules = DEFAULT_RULES.configure("FU004", max_lines=6)
    assert draft_follow_up(INTERVIEW, rules=rules) == (
        f"Dear Grace Hopper,\n\n{COMPACT_BODY}\n\nBest regards,\nAda Lovelace"
    )


@pytest.mark.parametrize("max_lines", [5, 3])
def test_under_the_tightest_limits_the_sign_off_joins_the_name(max_lines):
    rules = DEFAULT_RULES.configure("FU004", max_lines=max_lines)
    assert draft_follow_up(INTERVIEW, rules=rules) == (
        f"Dear Grace Hopper,\n{COMPACT_BODY}\nBest regards, Ada Lovelace"
    )


@pytest.mark.parametrize(
    ("company", "written"),
    [
        ("Acme Inc.", "in Acme Inc. I believe"),
        ("Yahoo!", "in Yahoo! I believe"),
        # A company ending in "." that looks like the start of a link: with a
        # second stop after it, "www.." read as a link, and the letter's own
        # check no longer found the company.
        ("WWW.", "in WWW. I believe"),
        ("Acme", "in Acme. I believe"),
    ],
)
@pytest.mark.parametrize("max_lines", [9, 6])
def test_a_company_that_ends_its_sentence_with_a_stop_gets_no_second(
    company, written, max_lines
):
    interview = Interview("Ada Lovelace", company, AT, performance="strong")
    rules = DEFAULT_RULES.configure("FU004", max_lines=max_lines)
    draft = draft_follow_up(interview, rules=rules)
    assert written in draft
    assert ".." not in draft
    assert check_letter(draft, interview, rules=rules) == ()


def test_a_fit_is_written_in_its_own_words():
    draft = draft_follow_up(INTERVIEW, fit="I have built pipelines for years")
    assert "I believe I am a strong fit: I have built pipelines for years." in draft
    assert "skills fit the job well" not in draft


def test_a_french_thank_you_is_written_on_the_locale_asked_for():
    draft = draft_thank_you(INTERVIEW, language="fr", locale="fr-CA")
    assert draft == (
        "Bonjour Grace Hopper,\n\n"
        "Je vous remercie pour notre entretien téléphonique du lundi 23 novembre "
        "2026 à 10 h 00 (EST) concernant le poste de data engineer. Notre "
        "échange a renforcé mon intérêt pour Acme. Je me réjouis de connaître la "
        "suite.\n\n"
        "Cordialement,\n"
        "Ada Lovelace"
    )


def test_no_draft_holds_the_no_break_spaces_babel_writes():
    # Babel writes "10:00\u202fAM"; a plain-text email holds a plain space.
    for language in ("en", "de", "fr", "es"):
        draft = draft_follow_up(INTERVIEW, language=language)
        assert "\u202f" not in draft
        assert "\u00a0" not in draft


#: Babel 2.12 reads en_Dsrt as en, written in the Latin script: nothing to
#: refuse there.
READS_SCRIPTS = pytest.mark.skipif(
    Locale.parse("en_Dsrt").script is None, reason="this Babel drops the script"
)


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("xx-YY", "locale: 'xx-YY' is not a locale Babel knows"),
        ("de-DE", "locale: 'de-DE' is not a locale of the language 'en'"),
        pytest.param(
            "en_Dsrt",
            (
                "locale: 'en_Dsrt' writes the Deseret script; drafts are written, "
                "and checked, in the Latin script"
            ),
            marks=READS_SCRIPTS,
        ),
        pytest.param(
            "en-Shaw-GB",
            (
                "locale: 'en-Shaw-GB' writes the Shavian script; drafts are written, "
                "and checked, in the Latin script"
            ),
            marks=READS_SCRIPTS,
        ),
    ],
)
def test_a_locale_that_does_not_fit_is_refused(locale, message):
    with pytest.raises(InvalidValueError) as caught:
        draft_thank_you(INTERVIEW, locale=locale)
    assert str(caught.value) == message


@pytest.mark.parametrize("locale", ["en-GB", "en_GB"])
def test_a_locale_is_taken_with_a_hyphen_or_an_underscore(locale):
    assert "on Monday, 23 November 2026 at 10:00 EST." in draft_thank_you(
        INTERVIEW, locale=locale
    )


def test_the_time_of_the_call_is_written_date_time_zone_by_default():
    assert written_when(INTERVIEW, "en_US") == "Monday, November 23, 2026 10:00 AM EST"

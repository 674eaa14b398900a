"""What the hand mutants of the step toolkit and the letter reader showed untested.

Pins the promises of `followup._steps` (a reason on one line, a window that
is a pair, the requirements given, a public step moved as a draft step),
of `followup._letters` (sentence ends, the signature block left out, the
names the user gave, a date named after another), of the phrase lists of
`followup._lexicon` (each phrase, and each phrase that only looks like
one) and of the words of `followup._languages` (folding, relative days,
hour words, the language of a long text).  Each test names the mutant of
the campaign (ids of /tmp/wt49_mut) it kills.
"""

from __future__ import annotations

import datetime as dt

import pytest

from followup import (
    Channel,
    Contact,
    Facts,
    Interview,
    InvalidTypeError,
    Letter,
    Requirements,
    StepKind,
    moved_step,
    new_step,
    plan_followups,
)
from followup._draft_step import DraftStep
from followup._languages import anchored, detect_language, plain
from followup._letters import count_sentences, dates_in, times_in
from followup._lexicon import Element, expresses

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
FACTS = Facts.gather(INTERVIEW)
MONDAY = ("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00")
UTC = dt.timezone.utc


# --- the step toolkit -------------------------------------------------------


def test_a_reason_loses_its_leading_space() -> None:
    # S25: a reason starting with a space was taken as single-spaced already.
    step = new_step(
        FACTS,
        StepKind.CALL,
        Channel.PHONE,
        MONDAY,
        rule="ME001",
        reason=" Call on Monday.",
    )
    assert step.reason == "Call on Monday."


def test_a_window_of_three_times_is_no_pair() -> None:
    # S38: a tuple of any length of two or more was taken as a pair.
    with pytest.raises(InvalidTypeError, match="window"):
        new_step(
            FACTS,
            StepKind.CALL,
            Channel.PHONE,
            (*MONDAY, MONDAY[1]),
            rule="ME001",
            reason="Call on Monday.",
        )


def test_a_new_step_keeps_the_requirements_given() -> None:
    # S59: the requirements given were dropped for none.
    needs = Requirements(max_lines=10, must_mention=("the date",))
    step = new_step(
        FACTS,
        StepKind.FOLLOW_UP,
        Channel.EMAIL,
        MONDAY,
        rule="ME001",
        reason="Write on Monday.",
        requirements=needs,
    )
    assert step.requirements == needs


def test_a_public_step_moved_is_a_draft_step_in_utc() -> None:
    # S62: a public Step was moved as it was, not made a draft step first.
    public = plan_followups(INTERVIEW).steps[0]
    moved = moved_step(
        public, FACTS, by="ME001", why="Later.", at="2026-11-23T11:00:00-05:00"
    )
    assert type(moved) is DraftStep
    assert moved.due == dt.datetime(2026, 11, 23, 16, tzinfo=UTC)
    assert moved.due.tzinfo is UTC
    assert moved.window.end - moved.window.start == dt.timedelta(minutes=5)
    assert moved.adjusted_by == ("ME001",)


# --- reading a letter -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "mutant"),
    [
        ("Estimada Sra. García, gracias por la llamada.", 1, "L09: no 'sra'"),
        ("The work takes approx. two weeks.", 1, "L14: 5 characters read back"),
        ("Danke für das Gespräch am 23. Dezember.", 1, "L16: no 'dez' after a day"),
    ],
)
def test_an_abbreviation_or_a_date_ends_no_sentence(
    text: str, expected: int, mutant: str
) -> None:
    assert count_sentences(text) == expected, mutant


def test_the_signature_block_holds_no_sentences_of_the_letter() -> None:
    # L39: sentences were counted in the signature block too.
    text = "Thank you for the call.\n\n-- \nAda Lovelace. Engineer. Acme Inc. Call me."
    assert Letter(text, INTERVIEW).sentences() == 1


def test_the_position_given_hides_its_stops() -> None:
    # L42: the position was left out of the names the user gave.
    interview = Interview("Ada Lovelace", "Acme", AT, position="Data Eng. Lead")
    text = "Thank you for the talk about the Data Eng. Lead role. I am keen."
    assert Letter(text, interview).sentences() == 2


def test_an_interviewer_without_a_name_is_no_name_in_the_letter() -> None:
    # L43: an interviewer known by address only gave None as a name.
    interview = Interview(
        "Ada Lovelace", "Acme", AT, interviewer=Contact(email="grace@acme.example")
    )
    letter = Letter("Thank you for the call. I am keen to join.", interview)
    assert letter.user_strings == ("Ada Lovelace", "Acme")
    assert letter.sentences() == 2
    assert letter.read_as == "en"


def test_the_date_of_the_interview_is_found_after_another_date() -> None:
    # L50: only the first date the letter names was compared.
    text = "I am free on December 1. Thanks for our call on November 23."
    assert Letter(text, INTERVIEW).names_date()


# --- the phrase lists -------------------------------------------------------

PHRASES: list[tuple[str, Element, str, bool, str]] = [
    ("en", "thanks", "i am grateful for your time.", True, "X02"),
    ("en", "thanks", "no thanks, i will pass.", False, "X03"),
    ("en", "thanks", "thanks to you, i learned a lot.", True, "X04"),
    ("en", "thanks", "i thank my mentor for the advice.", False, "X05"),
    ("en", "interest", "i look forward to hearing from you.", True, "X07"),
    ("en", "interest", "interest rates are high.", False, "X08"),
    ("en", "interest", "that would be a conflict of interest.", False, "X09"),
    ("en", "interest", "in the interest of time, i will be brief.", False, "X10"),
    ("en", "interest", "i joined acme in 2020.", False, "X11"),
    ("en", "interest", "i am no longer interested.", False, "X12"),
    ("en", "interest", "the role appeals to me.", True, "X51"),
    ("en", "interest", "i lost interest.", False, "X53"),
    ("en", "fit", "i enjoy fitness classes.", False, "X13"),
    ("en", "fit", "the interview experience was pleasant.", False, "X15"),
    ("en", "fit", "please bring me up to date.", False, "X16"),
    ("en", "fit", "i can match your schedule next week.", False, "X17"),
    ("en", "fit", "i wonder whether i am a good fit.", False, "X18"),
    ("en", "fit", "two years ago i moved.", False, "X19"),
    ("en", "fit", "10+ years in data.", True, "X20"),
    ("en", "fit", "i led a team of five.", True, "X21"),
    ("en", "fit", "my work maps closely to the role.", True, "X52"),
    ("en", "fit", "the candidate experience was smooth.", False, "X54"),
    ("en", "fit", "good luck identifying the perfect fit.", False, "X45"),
    ("de", "thanks", "dank meiner erfahrung ging es gut.", False, "X23"),
    ("de", "interest", "ich habe kein interesse.", False, "X25"),
    ("de", "interest", "ich bin nicht mehr interessiert.", False, "X55"),
    ("de", "fit", "ich habe viel erfahrung.", True, "X26"),
    ("de", "fit", "seit 2019 arbeite ich hier.", True, "X28"),
    ("de", "fit", "ich habe ihr profil gelesen.", False, "X56"),
    ("fr", "interest", "franchement, pas interesse.", False, "X30"),
    ("fr", "fit", "c'etait une belle experience.", False, "X31"),
    ("fr", "fit", "mon parcours en data.", True, "X32"),
    ("es", "interest", "no estoy interesado.", False, "X34"),
    ("es", "fit", "fue una buena experiencia.", False, "X35"),
    ("es", "fit", "tengo experiencia en datos.", True, "X36"),
    # X49: a negative phrase near the start of a long text was looked for
    # from a position counted back from the end.
    (
        "en",
        "interest",
        "i lost interest." + " the weather was cold." * 10,
        False,
        "X49",
    ),
]


@pytest.mark.parametrize(("language", "element", "text", "says", "mutant"), PHRASES)
def test_each_phrase_and_each_lookalike_is_read(
    language: str, element: Element, text: str, says: bool, mutant: str
) -> None:
    assert expresses(text, language, element) is says, mutant


# --- the words of dates and times -------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded", "mutant"),
    [
        ("cafe\u1ab0", "cafe", "G04: only the first block of combining marks"),
        ("Zoe\u00b4s", "zoe's", "G06: no acute accent as an apostrophe"),
        ("e\u2011mail", "e-mail", "G07: no non-breaking hyphen as a dash"),
        ("Straße", "strasse", "G08: lower, not casefold"),
    ],
)
def test_plain_folds_accents_apostrophes_dashes_and_case(
    text: str, folded: str, mutant: str
) -> None:
    assert plain(text) == folded, mutant


WEDNESDAY = dt.date(2026, 11, 25)
MONDAY_BEFORE, TUESDAY_BEFORE = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
WEEK_BEFORE = (dt.date(2026, 11, 16), dt.date(2026, 11, 22))


@pytest.mark.parametrize(
    ("text", "language", "first", "last", "mutant"),
    [
        ("I will send it tonight", "en", WEDNESDAY, WEDNESDAY, "G16"),
        ("vorgestern", "de", MONDAY_BEFORE, MONDAY_BEFORE, "G17"),
        ("avant-hier", "fr", MONDAY_BEFORE, MONDAY_BEFORE, "G18"),
        ("antier", "es", MONDAY_BEFORE, MONDAY_BEFORE, "G19"),
        ("earlier in the week", "en", MONDAY_BEFORE, TUESDAY_BEFORE, "G20"),
        ("vorige woche", "de", *WEEK_BEFORE, "G21"),
        ("la semana anterior", "es", *WEEK_BEFORE, "G46"),
        ("esta noche", "es", WEDNESDAY, WEDNESDAY, "G47"),
        ("plus tot dans la journee", "fr", WEDNESDAY, WEDNESDAY, "G48"),
    ],
)
def test_relative_days_are_read_from_the_send_day(
    text: str, language: str, first: dt.date, last: dt.date, mutant: str
) -> None:
    found = [(m.first, m.last) for m in dates_in(text, language, WEDNESDAY)]
    assert found == [(first, last)], mutant


@pytest.mark.parametrize(
    ("text", "language", "month", "day", "mutant"),
    [
        ("le 23 janv 2026", "fr", 1, 23, "G11: an abbreviation kept its stop"),
        ("on Sept 30, 2026", "en", 9, 30, "G12: no 'sept'"),
        ("el 30 de setiembre de 2026", "es", 9, 30, "G14: no 'setiembre'"),
        ("am 23. Jul 2026", "de", 7, 23, "G10: no stand-alone names"),
    ],
)
def test_month_names_of_every_form_are_read(
    text: str, language: str, month: int, day: int, mutant: str
) -> None:
    found = [(m.month, m.day) for m in dates_in(text, language)]
    assert (month, day) in found, mutant


@pytest.mark.parametrize(
    ("text", "language", "hour", "mutant"),
    [
        ("um ein Uhr", "de", 1, "G22: no 'ein'"),
        ("a dix-sept heures", "fr", 17, "G23: dix-sept read as 18"),
        ("wir sprachen mittags", "de", 12, "G45: no 'mittags'"),
    ],
)
def test_hour_words_are_read(text: str, language: str, hour: int, mutant: str) -> None:
    assert [(m.hour, m.minute) for m in times_in(text, language)] == [(hour, 0)], mutant


def test_an_anchor_is_a_whole_word() -> None:
    # G34: a word of the anchors was found at the start of a longer word.
    words = ["todays", "today"]
    assert anchored("todays today", words, frozenset({"today"})) == [(7, "today")]


def test_the_language_is_told_from_the_first_hundreds_of_words() -> None:
    # G36: only the first 80 words were read.
    text = "lorem " * 100 + "und der die das ich"
    assert detect_language(text) == "de"


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe z. B. Python genutzt.",
        "Ich habe u. a. Python genutzt.",
        "Trabajé con datos, p. ej. en Python.",
        "We met at 10 a. m. and talked.",
    ],
)
def test_an_abbreviation_written_with_a_space_ends_no_sentence(text: str) -> None:
    # L08 (no "z. B." read before a stop), and a bug it showed: the first
    # stop of "z. B.", "u. a.", "p. ej." or "a. m." ended a sentence, so a
    # thank-you counted more sentences than it has.
    assert count_sentences(text) == 1


def test_a_single_letter_before_a_stop_still_ends_a_sentence() -> None:
    # The other side of that fix: "a." followed by a word, no second stop.
    assert count_sentences("I chose option a. Most people do.") == 2

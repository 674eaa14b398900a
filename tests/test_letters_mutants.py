"""Reading a letter at its edges: wrapping, sentence ends and odd names.

`tests/test_letters.py` reads ordinary letters; here are the texts where a
count or a name is easiest to get wrong: a long word before a short line,
a line of spaces, a stop after a bracket, names inside names, a name of
marks alone and a name written like an email address.
"""

from __future__ import annotations

import pytest

from followup import (
    Contact,
    FollowUpError,
    Interview,
    InvalidValueError,
    Letter,
    check_letter,
)
from followup._languages import detect_language, words_in
from followup._letter_parts import LetterParts, letter_parts
from followup._letters import count_lines, count_sentences

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
# A name of one mark, which folds to nothing: no words to look for.
CEDILLA = "\u00b8"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # The word fills two lines; the words after it start the third.
        ("a" * 20 + " bbbb ccccc", 10, 3),
        ("\t" + " " * 99, 80, 0),
    ],
)
def test_lines_wrapped_at_a_width(text: str, width: int, lines: int) -> None:
    assert count_lines(text, width) == lines


@pytest.mark.parametrize(
    ("text", "names", "sentences"),
    [
        # The longer name first, else "R. Smith" leaves "J." to end a sentence.
        ("Thank you, J. R. Smith. Bye.", ["R. Smith", "J. R. Smith"], 2),
        ("It went well (I think). Thanks for the time 'today'. Bye.", [], 3),
    ],
)
def test_sentences_counted(text: str, names: list[str], sentences: int) -> None:
    assert count_sentences(text, names) == sentences


def test_the_stops_in_the_interviewers_name_end_no_sentence_of_a_letter() -> None:
    interview = Interview(
        "Ada Lovelace", "Acme", AT, interviewer=Contact("J. R. Smith")
    )
    text = (
        "Dear J. R. Smith,\n\nThank you for the call. I enjoyed it.\n\n"
        "Best,\nAda Lovelace"
    )
    assert Letter(text, interview).sentences() == 2


@pytest.mark.parametrize(
    ("text", "named"),
    [(f"Thanks, {CEDILLA} team.\nAda", True), ("Thanks.\nAda", False)],
)
def test_a_company_named_by_marks_alone_is_looked_for_as_written(
    text: str, named: bool
) -> None:
    letter = Letter(text, Interview("Ada", CEDILLA, AT))
    assert letter.names_company() is named
    assert letter.names(CEDILLA) is named


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("ada@lovelace.dev", "Thank you.\nAda", False),
        ("ada-lovelace@x.dev", "Thank you.\nada-lovelace@x.dev", True),
    ],
)
def test_a_name_written_like_an_address(name: str, text: str, named: bool) -> None:
    assert Letter(text, Interview(name, "Acme", AT)).names(name) is named


def test_a_language_letters_are_not_read_in_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidValueError) as caught:
        check_letter("Hello", Interview("Ada", "Acme", AT), language="xx")
    assert str(caught.value) == (
        "language: 'xx' is not a language letters are read in (en, de, fr, es)"
    )


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"aliases": ["Acme", 5]}, "aliases[1]: expected text (str), got int 5"),
        (
            {"sent": "yesterday"},
            (
                "sent: 'yesterday' is not an ISO 8601 date and time "
                "(e.g. 2026-11-23T10:00:00-05:00)"
            ),
        ),
    ],
)
def test_a_letter_refuses_a_bad_option_by_its_name(
    given: dict[str, object], message: str
) -> None:
    with pytest.raises(FollowUpError) as caught:
        Letter("Hello", Interview("Ada", "Acme", AT), **given)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Subject: Thanks\n\nThank you!\n-- \nAda Lovelace\n+1 555 0100",
            LetterParts(
                "\nThank you!", "Thanks", signature="Ada Lovelace\n+1 555 0100"
            ),
        ),
        (
            "Thank you!\n\n> Hi Ada\n> See you",
            LetterParts("Thank you!\n", quoted="> Hi Ada\n> See you"),
        ),
        (
            "Thank you!\n\n-----Original Message-----\nHi Ada",
            LetterParts("Thank you!\n", quoted="-----Original Message-----\nHi Ada"),
        ),
        (
            "Dear Grace,\nThank you!\n\nFrom: Grace Hopper\nSent: Monday 10:00\n\nHi Ada",
            LetterParts(
                "Dear Grace,\nThank you!\n",
                quoted="From: Grace Hopper\nSent: Monday 10:00\n\nHi Ada",
            ),
        ),
    ],
)
def test_a_pasted_letter_is_cut_into_its_parts(text: str, parts: LetterParts) -> None:
    assert letter_parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        # A ">" inside a paragraph is the letter's own.
        "Thank you!\n> Hi Ada",
        # Lines like a mail header, but no "From:" with a "Sent:" just below.
        "Thank you for the details:\nDate: Monday 23 November\nFrom: 10:00 to 11:00",
        "Our call, as agreed -\nFrom: 10:00\nTo: 11:00\nBy: phone\nDate: Monday",
    ],
)
def test_a_letter_with_header_like_lines_of_its_own_quotes_nothing(text: str) -> None:
    assert letter_parts(text) == LetterParts(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Words past the first 4000 characters still tell, when few come before.
        (" " * 4000 + "Vielen Dank für das Gespräch", "de"),
        # Only the first 800 words tell: here a tie, which English wins.
        ("the " * 400 + "der " * 401, "en"),
    ],
)
def test_the_language_of_a_letter_is_told_from_its_first_words(
    text: str, language: str
) -> None:
    assert Letter(text, Interview("Ada", "Acme", AT)).read_as == language


def test_a_word_cut_at_the_4000th_character_is_not_read_whole() -> None:
    # "de" (French, Spanish) starts at the last character read: only "d" is.
    text = "x" * 3998 + " de"
    assert detect_language(text) == "en"
    assert detect_language(text, words_in(text), names=["Mi Casa"]) == "en"

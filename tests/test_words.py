"""A letter's words and anchors: read with str methods, equal to their patterns."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from followup._languages import (
    LANGUAGES,
    anchored,
    detect_language,
    plain,
    starts_a_word,
    words_in,
)
from followup._written_names import spaced

# Letters, digits and the marks between them, ASCII or not: "23rd", "10:00",
# "øthe", Arabic-Indic digits (which `\d` reads as digits).
TEXT = st.text(
    st.sampled_from([*"ab the rd 23 0 9 :.-_'", "\u00f8", "\u0663", "Z", "\u00e9"]),
    max_size=60,
)


@given(TEXT)
@example("at 10:00, the 23rd")
@example("10am\u00f8the")
@example("1a x 1a 2b 1a")
@example("Zed 23rd z-b")
def test_words_are_the_runs_of_letters_and_of_digits(text):
    assert words_in(text) == re.findall(r"[a-z]+|\d+", text)


def reference_anchors(folded, anchors):
    """Every number, and every anchor word standing alone, by pattern."""
    numbers = [(found.start(), found[0]) for found in re.finditer(r"\d+", folded)]
    words = [
        (found.start(), found[0])
        for found in re.finditer(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])", folded)
        if found[0] in anchors
    ]
    return sorted(numbers + words)


@given(TEXT, st.frozensets(st.sampled_from(["the", "rd", "ab", "a", "b"])))
@example("\u00f8the the2 _the", frozenset({"the"}))
def test_anchors_are_found_where_their_words_are(text, anchors):
    assert anchored(text, words_in(text), anchors) == reference_anchors(text, anchors)


def test_a_letter_is_told_by_its_words_and_english_wins_a_tie():
    assert detect_language(plain("Merci pour l'entretien et le temps")) == "fr"
    assert detect_language(plain("el día de la entrevista")) == "es"
    assert detect_language("") == "en"
    # One German and one English stopword: a tie goes to English.
    assert detect_language("und the") == "en"
    assert LANGUAGES[0] == "en"


def test_the_longest_name_is_taken_out_first():
    # Taken out first, "mundo de" would break the longer name apart and
    # leave its "el", "la", "y", "el" to be counted as the letter's Spanish.
    text = "thanks for the call about el mundo de la casa y el sol"
    names = ["mundo de", "el mundo de la casa y el sol"]
    assert detect_language(text, names=names) == "en"
    assert detect_language(text, names=names[::-1]) == "en"


def test_a_backtick_is_read_as_an_apostrophe():
    assert plain("it`s") == "it's"
    assert plain("it`s Zoë") == "it's zoe"


@pytest.mark.parametrize(
    ("text", "at", "starts"),
    [
        ("a_b", 2, False),
        ("a b", 2, True),
        ("ab", 1, False),
        ("-b", 1, True),
        ("b", 0, True),
    ],
)
def test_a_word_starts_after_no_letter_digit_or_underscore(text, at, starts):
    assert starts_a_word(text, at) is starts


@given(
    st.text(
        st.sampled_from(
            [*"ab -\t\n\r\x0b\x0c\x1c\x1f", "\u00a0", "\u2003", "\u3000", "\u200b"]
        ),
        max_size=40,
    )
)
def test_names_are_read_with_every_gap_one_space(text):
    assert spaced(text) == re.sub(r"[\s-]+", " ", text).strip(" ")

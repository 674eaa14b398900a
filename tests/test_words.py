"""A letter's words and anchors: read with str methods, equal to their patterns."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from followup._languages import anchored, detect_language, plain, words_in
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

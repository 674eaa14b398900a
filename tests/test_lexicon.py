"""The phrase lists: found fast, found the same as a plain search finds them."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup._languages import LANGUAGES
from followup._lexicon import (
    _NEGATIONS,
    ELEMENTS,
    LEXICON,
    _beginnings,
    _Compiled,
    _leading_choice,
    expresses,
)

# Words that turn a phrase of interest or fit around, in any language: the
# plain search below finds phrases, and knows nothing of negation, which is
# tested on its own (tests/test_letter_negation_*.py).  Drawn beside a
# phrase ("cree no"), they made the two differ.
NEGATING = {
    word
    for negation in _NEGATIONS.values()
    for word in (*negation.before, *negation.after)
}

# Words the phrases are made of, and words around them.
WORDS = sorted(
    {
        word
        for phrases in LEXICON.values()
        for element in phrases.values()
        for phrase in (*element.says, *element.not_)
        for word in re.findall(r"[a-z']+", phrase)
        if len(word) > 1
    }
    - NEGATING
    | {"the", "role", "a", "i", "my", "team", "xthank", "4", "years", "-", "."}
)


def plainly(folded: str, language: str, element: str) -> bool:
    """The reference: every phrase tried at every word start, held or not."""
    phrases = LEXICON[language][element]
    says = re.compile("|".join(phrases.says))
    not_ = re.compile("|".join(phrases.not_))
    starts = [
        at
        for at in range(len(folded))
        if not at or not (folded[at - 1].isalnum() or folded[at - 1] == "_")
    ]
    negatives = [found.span() for at in starts if (found := not_.match(folded, at))]
    return any(
        not any(
            begin <= found.start() and end >= found.end() for begin, end in negatives
        )
        for at in starts
        if (found := says.match(folded, at))
    )


@given(
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.sampled_from(LANGUAGES),
    st.sampled_from(ELEMENTS),
)
def test_found_as_a_plain_search_finds_them(text, language, element):
    assert expresses(text, language, element) == plainly(text, language, element)


def test_a_phrase_beginning_inside_another_is_still_found():
    # "would love" is held by nothing here, "love to" begins inside it.
    assert expresses("i would love to join", "en", "interest")
    assert expresses("we would also love to hear", "en", "interest")


def test_a_negative_phrase_holds_a_phrase_that_begins_inside_it():
    # "the right fit" begins after "finding": held, though it starts later.
    assert not expresses("good luck finding the right fit.", "en", "fit")
    # Without the negative phrase around it, it counts.
    assert expresses("i am the right fit.", "en", "fit")


@pytest.mark.parametrize(
    ("phrase", "beginnings"),
    [
        ("thank(?:s| you)", ("thank",)),
        ("years? of", ("year",)),
        ("(?:would|'d) enjoy", ("would", "'d")),
        ("(?:a|b(?:c|d)) e", ("a", "b")),
        (r"(?:\d+|two) years", (*"0123456789", "two")),
        (r"(?:\d|two) x", (*"0123456789", "two")),
    ],
)
def test_every_phrase_is_found_from_its_plain_beginnings(phrase, beginnings):
    assert _beginnings(phrase) == beginnings


PHRASES = sorted(
    {
        phrase
        for elements in LEXICON.values()
        for phrases in elements.values()
        for phrase in (*phrases.says, *phrases.not_)
    }
)


@given(st.data(), st.sampled_from(PHRASES))
def test_whatever_a_phrase_matches_begins_with_one_of_its_beginnings(data, phrase):
    # The lookarounds are left out: Hypothesis does not write text for them,
    # and they only narrow what a phrase matches.
    pattern = re.sub(r"\(\?<?[=!][^()]*\)|\\b", "", phrase)
    # Printable ASCII: a plain text is written in it, and the oldest
    # Hypothesis allowed refuses an alphabet without the marks a class
    # like [^\s.!?] names.
    text = data.draw(st.from_regex(pattern, fullmatch=True, alphabet=string.printable))
    assert text.startswith(_beginnings(phrase))


@pytest.mark.parametrize(
    "phrase",
    ["(?:a|b)? c", "(?:a|b)* c", "(?:a|b){2} c", "[ab] c", "(?:|a) b", "a?", r"\w+ c"],
)
def test_a_phrase_with_no_plain_beginning_is_refused(phrase):
    with pytest.raises(ValueError, match="must begin with plain text"):
        _Compiled.of((phrase,))


def test_a_beginning_that_starts_another_is_the_only_one_looked_for():
    assert _Compiled.of(("look", "looking forward", "thank")).starts == (
        "look",
        "thank",
    )


def test_a_group_is_read_to_its_closing_bracket_escapes_and_all():
    assert _leading_choice(r"(?:a\)|b) c") == ["a\\)", "b"]
    assert _leading_choice("(?:a|(?:b|c)d) e") == ["a", "(?:b|c)d"]
    # Never closed: no group to read (the pattern would not compile either).
    assert _leading_choice("(?:a|b") is None


def test_phrases_are_found_where_a_word_begins_within_the_bounds_given():
    compiled = _Compiled.of(("ab", "cd+"))
    assert compiled.phrases.pattern == "ab|cd+"
    found = [(match.start(), match[0]) for match in compiled.matches("ab xab cdd ab")]
    # "ab" inside "xab" begins no word; the beginnings are searched in order.
    assert found == [(0, "ab"), (11, "ab"), (7, "cdd")]
    # Only phrases beginning in [low, high): 11 is out, 0 and 3 are in
    # [0, 4) but 3 is no word start.
    assert [match.start() for match in compiled.matches("ab xab cdd ab", 0, 4)] == [0]
    assert [match.start() for match in compiled.matches("ab ab ab", 3, 6)] == [3]


def test_a_negative_phrase_at_the_very_start_holds_the_phrase():
    assert not expresses("finding the right fit.", "en", "fit")
    assert not expresses("thanks to my team, i got here.", "en", "thanks")

"""The phrase lists: found fast, found the same as a plain search finds them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from followup._languages import LANGUAGES
from followup._lexicon import ELEMENTS, LEXICON, _held, expresses

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
    | {"the", "role", "a", "i", "my", "team", "xthank", "4", "years", "-", "."}
)


def plainly(folded: str, language: str, element: str) -> bool:
    """The reference: every phrase searched at every word start."""
    phrases = LEXICON[language][element]
    says = re.compile(r"(?<!\w)(?:" + "|".join(phrases.says) + ")")
    not_ = re.compile(r"(?<!\w)(?:" + "|".join(phrases.not_) + ")")
    return any(not _held(not_, folded, match) for match in says.finditer(folded))


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

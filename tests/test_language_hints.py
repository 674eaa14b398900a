"""A language refused for its spelling says what to write instead.

`language="EN"` and `language="en-GB"` were refused with the list of the
four languages only; the second is a language with a region, which drafts
take as their `locale`.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import InvalidValueError, check_letter, draft_thank_you
from followup.example import example_interview

DRAFTS = "is not a language drafts are written in (en, de, fr, es)"
LETTERS = "is not a language letters are read in (en, de, fr, es)"


@pytest.mark.parametrize(
    ("given_language", "hint"),
    [
        ("EN", "; did you mean 'en'?"),
        ("De", "; did you mean 'de'?"),
        ("en-GB", "; give language='en' and locale='en_GB'"),
        ("en_gb", "; give language='en' and locale='en_GB'"),
        ("fr-CA", "; give language='fr' and locale='fr_CA'"),
        ("english", ""),
        ("it", ""),
        ("en-", ""),
        ("en-4", ""),
    ],
)
def test_a_draft_in_a_language_misspelt_is_told_the_spelling(given_language, hint):
    with pytest.raises(InvalidValueError) as raised:
        draft_thank_you(example_interview(), language=given_language)
    assert str(raised.value) == f"language: {given_language!r} {DRAFTS}{hint}"


@pytest.mark.parametrize(
    ("given_language", "hint"),
    [
        ("FR", "; did you mean 'fr'?"),
        ("es-MX", "; give language='es'"),
        ("klingon", ""),
    ],
)
def test_a_letter_in_a_language_misspelt_is_told_the_spelling(given_language, hint):
    with pytest.raises(InvalidValueError) as raised:
        check_letter("Thank you", example_interview(), language=given_language)
    assert str(raised.value) == f"language: {given_language!r} {LETTERS}{hint}"


@given(st.text(max_size=8))
def test_a_hinted_spelling_is_a_language_drafts_take(text):
    try:
        draft_thank_you(example_interview(), language=text)
    except InvalidValueError as error:
        message = str(error)
    else:
        return
    if "did you mean" in message:
        suggested = message.rsplit("'", 2)[1]
        draft_thank_you(example_interview(), language=suggested)
    elif "give language=" in message:
        language = message.rsplit("language='", maxsplit=1)[-1][:2]
        locale = message.rsplit("locale='", maxsplit=1)[-1].split("'", maxsplit=1)[0]
        try:
            draft_thank_you(example_interview(), language=language, locale=locale)
        except InvalidValueError as error:
            refused: str | None = str(error)
        else:
            refused = None
        # A region Babel does not know is refused as the locale, by name.
        assert refused is None or refused.startswith("locale: ")

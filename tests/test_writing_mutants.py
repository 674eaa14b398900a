"""Drafts: each refusal word for word, and a fit in other words than the letter's."""

from __future__ import annotations

from typing import Any

import pytest

from followup import (
    DEFAULT_RULES,
    Contact,
    Interview,
    InvalidValueError,
    draft_follow_up,
    draft_thank_you,
)

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    position="data engineer",
    interviewer=Contact("Grace Hopper"),
)


@pytest.mark.parametrize(
    ("style", "message"),
    [
        (
            {"language": "it"},
            "language: 'it' is not a language drafts are written in (en, de, fr, es)",
        ),
        (
            {"greeting": "formal"},
            "greeting: 'formal' is not a greeting (name, title, first-name)",
        ),
        (
            {"greeting": "title"},
            "title: None given, but the 'title' greeting needs one (say 'Dr.' or 'Ms.')",
        ),
        (
            {"greeting": "title", "title": "P" * 31},
            f"title: {'P' * 31!r} is 31 characters long (at most 30)",
        ),
    ],
)
def test_a_style_mistake_is_refused_in_words(
    style: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidValueError) as raised:
        draft_thank_you(INTERVIEW, **style)
    assert str(raised.value) == message


def test_a_fit_that_crowds_out_every_draft_is_refused_in_words() -> None:
    kiritimati = "2026-09-23T10:00:00+14:00[Pacific/Kiritimati]"
    crowded = Interview(" ".join(["a"] * 50), " ".join(["x" * 46] * 2), kiritimati)
    with pytest.raises(InvalidValueError) as raised:
        draft_follow_up(crowded, fit=" ".join(["f" * 20] * 7))
    assert str(raised.value) == (
        f"fit: '{' '.join(['f' * 20] * 3)} {'f' * 17}…' (146 characters) leaves "
        "no draft under the follow-up's line limit with these names; shorten it"
    )


def test_a_spanish_follow_up_keeps_a_fit_written_in_english() -> None:
    # Told from its words alone, the compact letter would read as English.
    fit = (
        "I am sure that it is what I want to do and that I can do it as well as "
        "any of them, if not better, for you and for all of the team"
    )
    rules = DEFAULT_RULES.configure("FU004", max_lines=7)
    assert draft_follow_up(INTERVIEW, fit, rules=rules, language="es") == (
        "Estimado/a Grace Hopper:\n\n"
        "En seguimiento a nuestra entrevista telefónica del lunes 23 de "
        "noviembre de 2026 a las 10:00 (EST): mi interés en Acme sigue intacto. "
        f"Creo que mi perfil encaja bien con el puesto: {fit}.\n\n"
        "Saludos cordiales,\nAda Lovelace"
    )

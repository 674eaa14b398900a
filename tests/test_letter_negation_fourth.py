"""A fourth set of negation misreads in letters.

French and Spanish had no negation read after a phrase of interest or fit,
so "Mon expérience ne correspond plus au poste" and "Mi experiencia ya no
encaja con el puesto" gave a reason to fit: "expérience" and "experiencia"
come before the "ne" and "no" of their verb.  And English "I can't say I'm
interested" showed interest, "can't" being no negation word ("I can't wait
to join").  Each is pinned with its near misses, whose reading does not
change.
"""

from __future__ import annotations

import pytest

from letter_findings import MISSING_FIT, MISSING_INTEREST, messages, says

# --- 1. French and Spanish: a negation after the phrase ----------------------


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        ("fr", "fit", "Mon expérience ne correspond plus au poste."),
        ("fr", "fit", "Mon expérience ne correspond pas au poste."),
        ("fr", "fit", "Mon parcours ne correspond pas vraiment au poste."),
        ("fr", "fit", "Mon profil n'est plus adapté au poste."),
        ("fr", "interest", "Mon intérêt n'est plus là."),
        ("es", "fit", "Mi experiencia ya no encaja con el puesto."),
        ("es", "fit", "Mi experiencia no encaja con el puesto."),
        ("es", "fit", "Mi perfil no encaja más con el puesto."),
        ("es", "fit", "Mi experiencia tampoco encaja con el puesto."),
        ("es", "interest", "Mi interés ya no es el mismo."),
    ],
)
def test_a_french_or_spanish_negation_after_the_phrase_turns_it_around(
    language, element, sentence
):
    assert not says(sentence, language, element)


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        ("fr", "fit", "Mon expérience correspond parfaitement au poste."),
        ("fr", "fit", "Je ne doute pas que mon expérience correspond au poste."),
        # Turned back: "only", a comparison, a limit or a loss denied.
        ("fr", "fit", "Mon expérience n'est pas seulement technique."),
        ("fr", "fit", "Mon expérience ne se limite pas aux paiements."),
        ("fr", "interest", "Mon intérêt n'a fait que grandir."),
        ("fr", "interest", "Mon intérêt n'a jamais été aussi fort."),
        ("fr", "interest", "Mon intérêt pour le poste n'a pas changé."),
        # The negation of another clause.
        ("fr", "fit", "J'apporte une expérience qui ne s'apprend pas dans les livres."),
        ("fr", "interest", "Je suis très motivé et n'hésite pas à me déplacer."),
        ("es", "fit", "Mi experiencia encaja perfectamente con el puesto."),
        ("es", "fit", "No dudo de que mi experiencia encaja con el puesto."),
        ("es", "fit", "Mi experiencia no solo encaja con el puesto."),
        ("es", "fit", "Mi experiencia no se limita a pagos."),
        ("es", "fit", "Mi experiencia no podría ser más adecuada."),
        ("es", "interest", "Mi interés no ha hecho más que crecer."),
        ("es", "interest", "Mi interés no ha cambiado."),
        ("es", "fit", "Aporto una experiencia que no tiene nadie más."),
        ("es", "interest", "Estoy muy motivado y no dudo en mudarme."),
    ],
)
def test_a_french_or_spanish_phrase_without_its_own_negation_still_counts(
    language, element, sentence
):
    assert says(sentence, language, element)


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        # German read a "nicht" after the phrase already.
        ("fit", "Meine Erfahrung passt nicht mehr zur Stelle."),
        ("fit", "Meine Erfahrung ist nicht mehr passend."),
        ("fit", "Meine Erfahrung entspricht nicht mehr der Stelle."),
    ],
)
def test_a_german_negation_after_the_phrase_still_turns_it_around(element, sentence):
    assert not says(sentence, "de", element)


def test_a_german_fit_turned_back_still_counts():
    assert says("Meine Erfahrung passt nicht nur gut zur Stelle.", "de", "fit")


FRENCH_FOLLOW_UP = """Madame Hopper,

je reviens vers vous après notre entretien téléphonique du 23 novembre à 10 h
chez Acme. Le poste m'intéresse toujours beaucoup. {sentence}

Cordialement,
Ada Lovelace"""

SPANISH_FOLLOW_UP = """Estimada Sra. Hopper:

le escribo tras nuestra entrevista telefónica del 23 de noviembre a las 10:00
con Acme. El puesto me sigue interesando mucho. {sentence}

Atentamente,
Ada Lovelace"""


def test_a_french_follow_up_whose_experience_no_longer_fits_gets_the_fit_warning():
    text = FRENCH_FOLLOW_UP.format(
        sentence="Mon expérience ne correspond plus au poste."
    )
    assert messages(text) == [MISSING_FIT]


def test_a_french_follow_up_whose_experience_fits_gets_no_warning():
    text = FRENCH_FOLLOW_UP.format(
        sentence="Mon expérience correspond parfaitement au poste."
    )
    assert messages(text) == []


def test_a_spanish_follow_up_whose_experience_no_longer_fits_gets_the_fit_warning():
    text = SPANISH_FOLLOW_UP.format(
        sentence="Mi experiencia ya no encaja con el puesto."
    )
    assert messages(text) == [MISSING_FIT]


def test_a_spanish_follow_up_whose_experience_fits_gets_no_warning():
    text = SPANISH_FOLLOW_UP.format(
        sentence="Mi experiencia encaja perfectamente con el puesto."
    )
    assert messages(text) == []


# --- 2. English: "I can't say I'm interested" ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I can't say I'm interested.",
        "I can\u2019t say I\u2019m interested in the role.",
        "I cannot say that I am interested.",
        "I can't say that I'm very interested.",
        "I can't honestly say I am excited about the role.",
        "I cannot say I would be keen to relocate.",
    ],
)
def test_an_english_cant_say_im_interested_shows_no_interest(sentence):
    assert not says(sentence, "en", "interest")


@pytest.mark.parametrize(
    "sentence",
    [
        "I can't wait to start; I'm very interested.",
        "I can't wait to join the team.",
        "I can't say enough how interested I am.",
        "I cannot say how excited I am.",
        "I can't tell you how excited I am.",
        "I can't say I'm surprised: I am very interested.",
    ],
)
def test_an_english_cant_that_denies_no_interest_still_shows_it(sentence):
    assert says(sentence, "en", "interest")


def test_an_english_follow_up_that_cant_say_it_is_interested_gets_the_warning():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview with Acme on 23 "
        "November at 10:00. My ten years of payments work match the role, but I "
        "can't say I'm interested in the move to Boston.\n\nBest regards,\n"
        "Ada Lovelace"
    )
    assert messages(text) == [MISSING_INTEREST]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # A loss denied after the phrase says the interest holds: the
        # negation after it must not turn these around.
        ("fr", "Mon enthousiasme ne faiblit pas."),
        ("fr", "Mon enthousiasme ne cesse de grandir."),
        ("fr", "Mon intérêt ne baisse pas."),
        ("es", "Mi entusiasmo no decae."),
        ("es", "Mi interés no flaquea."),
        ("es", "Mi interés por el puesto no disminuye."),
        ("en", "My enthusiasm does not fade."),
        ("en", "My interest in the role does not wane."),
        ("de", "Mein Interesse lässt nicht nach."),
    ],
)
def test_a_loss_denied_after_the_phrase_still_shows_interest(language, sentence):
    assert says(sentence, language, "interest")

"""Three more misreads of a negation near a phrase of interest or fit.

An English "no longer" or "never" between a phrase and the verb of fitting
that follows it ("my skills no longer match the role": "skills" is found
before the negation, and no auxiliary says it is a verb's); a "not" after
a phrase that ends on its own verb ("exactly what I am not looking for");
and a verb of hiding or doubting negated, which affirms ("je ne vous cache
pas mon enthousiasme", "ich zweifle nicht an meiner Erfahrung", "no oculto
mi entusiasmo").  Each is pinned with its near misses, whose reading does
not change.
"""

from __future__ import annotations

import pytest

from letter_findings import MISSING_FIT, MISSING_INTEREST, messages, says

# --- 1. English: a negation before the verb of fitting ----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "My skills no longer match the role.",
        "My skills no longer matched what the team needed.",
        "My background no longer fits the role.",
        "My experience never really suited the role.",
        "My skills no longer align with the role.",
        "My qualifications no longer meet the requirements.",
    ],
)
def test_an_english_negation_before_the_verb_of_fitting_turns_the_fit_around(
    sentence,
):
    assert not says(sentence, "en", "fit")


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        ("fit", "My skills match the role."),
        ("fit", "My skills match the role closely."),
        ("fit", "My background fits the role."),
        ("fit", "My experience has never mattered more to the role."),
        # A negation with no verb of fitting after it negates no phrase.
        ("fit", "I bring experience no one else on the shortlist has."),
        ("fit", "My experience, no longer limited to payments, matches the role."),
        ("interest", "I am excited and never bored by payments."),
    ],
)
def test_an_english_phrase_without_a_negated_verb_of_fitting_still_counts(
    element, sentence
):
    assert says(sentence, "en", element)


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        ("interest", "I am no longer interested."),
        ("interest", "I am no longer interested in joining Acme."),
        ("fit", "My experience does not match the role."),
        ("fit", "I no longer have the skills the role needs."),
    ],
)
def test_an_english_negation_that_already_turned_a_phrase_around_still_does(
    element, sentence
):
    assert not says(sentence, "en", element)


def test_an_english_follow_up_whose_skills_no_longer_match_gets_the_fit_warning():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview on 23 November at "
        "10:00. I am still very interested in joining Acme, though my skills no "
        "longer match the role.\n\nBest regards,\nAda Lovelace"
    )
    assert messages(text) == [MISSING_FIT]


# --- 2. English: a "not" after the phrase's own verb --------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This is exactly what I am not looking for.",
        "This is precisely what I am not seeking.",
        "This is just what I am never looking for.",
        "It is exactly what I would not want to do.",
    ],
)
def test_an_english_not_after_the_phrases_own_verb_turns_the_interest_around(
    sentence,
):
    assert not says(sentence, "en", "interest")


@pytest.mark.parametrize(
    "sentence",
    [
        "This is exactly what I am looking for.",
        "This is exactly what I'm looking for.",
        "This is precisely what I have been seeking.",
        "It is exactly what I would love to do.",
        # Turned back, as after any phrase.
        "This is exactly what I am not only hoping for but planning for.",
    ],
)
def test_an_english_exactly_what_i_am_looking_for_still_counts(sentence):
    assert says(sentence, "en", "interest")


def test_an_english_follow_up_that_is_exactly_not_wanted_gets_the_interest_warning():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview with Acme on 23 "
        "November at 10:00. My ten years of payments work match the role, but "
        "a move to Boston is exactly what I am not looking for.\n\nBest "
        "regards,\nAda Lovelace"
    )
    assert messages(text) == [MISSING_INTEREST]


# --- 3. A verb of hiding or doubting negated affirms -------------------------


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        ("fr", "interest", "Je ne vous cache pas mon enthousiasme."),
        ("fr", "interest", "Je ne cache pas mon intérêt pour le poste."),
        ("fr", "interest", "Nous ne cachons pas notre enthousiasme."),
        ("fr", "fit", "Je ne doute pas de mon expérience."),
        ("fr", "fit", "Je ne doute absolument pas de mes compétences."),
        ("fr", "interest", "Je n'ai jamais caché mon intérêt pour Acme."),
        ("es", "interest", "No oculto mi entusiasmo."),
        ("es", "interest", "No le oculto mi entusiasmo por el puesto."),
        ("es", "interest", "No puedo ocultar mi entusiasmo."),
        ("es", "interest", "No escondo mi interés por el puesto."),
        ("de", "interest", "Ich verheimliche nicht meine Begeisterung."),
        ("de", "fit", "Ich zweifle nicht an meiner Erfahrung."),
        ("de", "fit", "Ich zweifele nicht an meiner Erfahrung."),
        ("de", "interest", "Ich verberge nicht meine Begeisterung für die Stelle."),
        ("de", "interest", "Ich mache keinen Hehl aus meiner Begeisterung."),
        ("en", "interest", "I do not hide my enthusiasm for the role."),
    ],
)
def test_a_verb_of_hiding_or_doubting_negated_still_says_it(
    language, element, sentence
):
    assert says(sentence, language, element)


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        # Already read as affirming before.
        ("fr", "interest", "Je ne vous cache pas que ce poste m'intéresse beaucoup."),
        ("fr", "interest", "Je ne doute pas que ce poste m'intéresse."),
        ("es", "fit", "No dudo de mi experiencia."),
        ("en", "fit", "I do not doubt my experience fits the role."),
    ],
)
def test_a_negated_doubt_or_secret_that_already_counted_still_does(
    language, element, sentence
):
    assert says(sentence, language, element)


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        ("fr", "interest", "Je ne suis pas intéressé."),
        ("fr", "interest", "Le poste ne m'intéresse plus."),
        ("fr", "fit", "Je n'ai pas l'expérience requise."),
        ("fr", "interest", "Je ne pense pas que ce poste m'intéresse."),
        ("es", "interest", "Ya no me interesa el puesto."),
        ("es", "fit", "No tengo experiencia en pagos."),
        ("de", "interest", "Die Stelle interessiert mich nicht mehr."),
        ("de", "fit", "Ich habe keine Erfahrung mit Zahlungen."),
        # "nur" after "nicht" turns it back, not before it: "just not".
        ("de", "interest", "Ich bin nur nicht interessiert."),
        ("en", "interest", "I am no longer interested."),
    ],
)
def test_a_negation_of_any_other_verb_still_turns_the_phrase_around(
    language, element, sentence
):
    assert not says(sentence, language, element)


FRENCH_FOLLOW_UP = """Madame Hopper,

je reviens vers vous après notre entretien téléphonique du 23 novembre à 10 h
chez Acme. {sentence} Mes six années de paiements correspondent au poste.

Cordialement,
Ada Lovelace"""


def test_a_french_follow_up_that_does_not_hide_its_enthusiasm_shows_interest():
    text = FRENCH_FOLLOW_UP.format(sentence="Je ne vous cache pas mon enthousiasme.")
    assert messages(text) == []


def test_a_french_follow_up_that_is_not_interested_still_gets_the_warning():
    text = FRENCH_FOLLOW_UP.format(sentence="Je ne suis plus intéressé par le poste.")
    assert messages(text) == [MISSING_INTEREST]


# --- 4. English: "lack" says there is no fit -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "fits"),
    [
        ("I lack the experience you need.", False),
        ("I am lacking the background the role asks for.", False),
        ("My experience lacks nothing the role asks for.", True),
        ("I lack experience in Rust, but my data skills fit the role.", True),
        ("Lacking formal training, my ten years of payments work fit the role.", True),
        # A lack denied is no lack: the fit is said.
        ("I do not lack the experience you need.", True),
        ("I don't lack the background the role asks for.", True),
        ("I have never lacked the experience the role asks for.", True),
        ("My experience is not lacking for this role.", True),
        ("I do not have the experience you need.", False),
        ("I still lack the experience you need.", False),
        # "lacks" after the phrase says it is missing, unless it lacks nothing.
        ("My background lacks the experience you need.", False),
        ("My experience lacks what your team needs.", False),
        ("My background lacks depth in Rust.", False),
    ],
)
def test_lack_before_a_phrase_of_fit_turns_it_around(sentence, fits):
    assert says(sentence, "en", "fit") is fits

"""More of how a negation turns a phrase of interest or fit around.

Two misses: an English negation after the phrase ("my experience does not
match the role": "experience" is found before the "not"), and a French
"que" read as "ne ... que" (only) after "ne ... pas", where it opens a
clause the negation reaches into ("je ne pense pas que ce poste
m'interesse").  Each negated sentence is pinned with its near misses, which
still say it.
"""

from __future__ import annotations

import pytest

from letter_findings import MISSING_FIT, MISSING_INTEREST, messages, says

# --- 1. English: a negation after the phrase ---------------------------------


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        # "experience" comes before the "not" that "match" comes after.
        ("fit", "My experience does not match the role."),
        ("fit", "My experience doesn't match the role."),
        # "background" comes before "is not a fit".
        ("fit", "My background is not a fit for this team."),
        ("fit", "My background is no match for the role."),
        ("fit", "My skills aren't what the team needs."),
        ("interest", "My interest is no longer there."),
    ],
)
def test_an_english_negation_after_the_phrase_turns_it_around(element, sentence):
    assert not says(sentence, "en", element)


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        # Turned back, as before a phrase.
        ("fit", "My experience is not only in payments."),
        ("fit", "My experience is not just in payments."),
        ("interest", "My interest has never been more real."),
        ("interest", "My interest has never been stronger."),
        ("interest", "My interest has not changed."),
        ("fit", "My experience is not limited to payments."),
        ("interest", "My interest is no secret."),
        # A comma ends the clause.
        ("interest", "I am interested, not least because of the team."),
        # Beyond the two words read after the phrase.
        ("interest", "I am interested in and not deterred by the travel."),
        # A "not" or "no" after no verb negates no phrase.
        ("interest", "I am excited and not deterred by the travel."),
        ("interest", "I am keen not to miss this chance."),
        ("fit", "I bring experience no one else on the shortlist has."),
        # A comparison turns a negation before the phrase back, too.
        ("fit", "I could not be a better fit for the role."),
    ],
)
def test_an_english_phrase_with_a_negation_after_it_turned_back_still_counts(
    element, sentence
):
    assert says(sentence, "en", element)


def test_an_english_follow_up_whose_experience_does_not_match_gets_the_fit_warning():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview on 23 November at "
        "10:00. I am still very interested in joining Acme, though my experience "
        "does not match the role.\n\nBest regards,\nAda Lovelace"
    )
    assert messages(text) == [MISSING_FIT]


def test_an_english_follow_up_whose_interest_has_not_changed_shows_interest():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview with Acme on 23 "
        "November at 10:00. My interest has not changed, and my experience is not "
        "limited to payments.\n\nBest regards,\nAda Lovelace"
    )
    assert messages(text) == []


# --- 2. French: "que" after "ne ... pas" opens a clause ----------------------


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        ("interest", "Je ne pense pas que ce poste m'intéresse."),
        ("interest", "Je ne pense pas que le poste soit intéressant."),
        ("interest", "Je ne suis pas sûr que ce poste m'intéresse."),
        ("interest", "Je n'ai jamais pensé que ce poste m'intéresserait."),
        ("fit", "Je ne crois pas que mon expérience corresponde au poste."),
    ],
)
def test_a_french_negation_reaches_into_the_clause_que_opens(element, sentence):
    assert not says(sentence, "fr", element)


@pytest.mark.parametrize(
    ("element", "sentence"),
    [
        # "ne ... que" is "only".
        ("interest", "Je ne souhaite que rejoindre votre équipe."),
        ("interest", "Je ne demande qu'à rejoindre votre équipe."),
        ("interest", "Je ne pense qu'à rejoindre votre équipe."),
        ("interest", "Notre échange n'a fait que renforcer ma motivation."),
        # A doubt or a secret negated is none.
        ("interest", "Je ne doute pas que ce poste m'intéresse."),
        ("fit", "Je ne doute pas que mon expérience correspond au poste."),
        ("interest", "Je ne vous cache pas que ce poste m'intéresse beaucoup."),
        # A "que" far from the negation is no clause of it.
        ("interest", "Je n'ai pas oublié l'équipe que j'aimerais rejoindre."),
    ],
)
def test_a_french_ne_que_still_says_it(element, sentence):
    assert says(sentence, "fr", element)


FRENCH_FOLLOW_UP = """Madame Hopper,

je reviens vers vous après notre entretien téléphonique du 23 novembre à 10 h
chez Acme. {sentence} Mes six années de paiements correspondent au poste.

Cordialement,
Ada Lovelace"""


def test_a_french_follow_up_that_doubts_the_post_gets_the_interest_warning():
    text = FRENCH_FOLLOW_UP.format(
        sentence="Après réflexion, je ne pense pas que ce poste m'intéresse."
    )
    assert messages(text) == [MISSING_INTEREST]


def test_a_french_follow_up_that_only_wants_to_join_shows_interest():
    text = FRENCH_FOLLOW_UP.format(sentence="Je ne souhaite que rejoindre Acme.")
    assert messages(text) == []

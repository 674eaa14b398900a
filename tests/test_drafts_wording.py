"""Drafts as a native speaker would write them: names, titles, wording.

Pins a review of `followup._writing`: the title greeting dropped a
surname's particles ("Frau Dr. Leyen"), the first-name greeting took a
spelled-out title for the given name ("Bonjour Madame,"), the name greeting
wrote "Hopper, Grace" as entered, a `title` without its greeting was
dropped without a word, and each language had phrasings no native speaker
writes ("pour le poste de analyst", "zu der Stelle", "speak with me for the
position", the topic after the closing sentence).  The expected lines are
written by hand, not copied from a run.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    Contact,
    Interview,
    InvalidValueError,
    Severity,
    check_letter,
    draft_follow_up,
    draft_thank_you,
)
from followup._languages import LANGUAGES
from followup._writing import GREETINGS, Greeting, _is_suffix, _is_title, written_when
from followup.mail import draft_text

NEW_YORK = "2026-11-23T10:00:00-05:00[America/New_York]"
WHEN = {
    "en": "Monday, November 23, 2026 at 10:00 AM EST",
    "de": "Montag, 23. November 2026 um 10:00 Uhr (EST)",
    "fr": "lundi 23 novembre 2026 à 10:00 (EST)",
    "es": "lunes 23 de noviembre de 2026 a las 10:00 (EST)",
}
#: "Ada Lovelace" draws the first phrasing of the thank-you and the second
#: close of the follow-up; "Candidate 1" the others (`_pick`).
FIRST, SECOND = "Ada Lovelace", "Candidate 1"


def interview(
    name: str | None = "Grace Hopper",
    *,
    position: str | None = "data engineer",
    candidate: str = FIRST,
) -> Interview:
    return Interview(
        candidate,
        "Acme",
        NEW_YORK,
        interviewer=None if name is None else Contact(name),
        position=position,
    )


def first_line(draft: str) -> str:
    return draft.splitlines()[0]


def body(draft: str) -> str:
    return draft.split("\n\n")[1]


# Bug 1: the title greeting keeps a surname's particles with it.


@pytest.mark.parametrize(
    ("name", "language", "title", "greeting"),
    [
        ("Ursula von der Leyen", "de", "Frau Dr.", "Guten Tag Frau Dr. von der Leyen,"),
        ("Charles de Gaulle", "fr", "Monsieur", "Bonjour Monsieur de Gaulle,"),
        ("Jan van der Berg", "en", "Dr.", "Dear Dr. van der Berg,"),
        ("Juan de la Cruz", "es", "Sr.", "Estimado Sr. de la Cruz:"),
        ("Leonardo da Vinci", "en", "Mr.", "Dear Mr. da Vinci,"),
        ("Seán Ó Briain", "en", "Mr.", "Dear Mr. Ó Briain,"),
        ("José Ortega y Gasset", "en", "Mr.", "Dear Mr. Ortega y Gasset,"),
        # A title in the name is none of the surname's particles either.
        ("Dr. de la Cruz", "es", "Dra.", "Estimada Dra. de la Cruz:"),
        # Spanish greets a given name and two surnames by both surnames.
        ("Dr. José Núñez García", "es", "Dr.", "Estimado Dr. Núñez García:"),
        ("Gabriel García Márquez", "es", "Sr.", "Estimado Sr. García Márquez:"),
        # Elsewhere the middle word is a middle name ("Grace Brewster Hopper").
        ("Dr. José Núñez García", "en", "Dr.", "Dear Dr. García,"),
        # Written surname first, the name says where the surname starts.
        ("Núñez García, José", "en", "Dr.", "Dear Dr. Núñez García,"),
        ("López, María José", "es", "Sra.", "Estimada Sra. López:"),
        ("von der Leyen, Ursula", "de", "Frau", "Guten Tag Frau von der Leyen,"),
        # Capitalised, "Van" is a given name; "Mac" first is one too.
        ("Van Morrison", "en", "Mr.", "Dear Mr. Morrison,"),
        ("Mac Miller", "en", "Mr.", "Dear Mr. Miller,"),
        ("Seán Mac Cárthaigh", "en", "Mr.", "Dear Mr. Mac Cárthaigh,"),
    ],
)
def test_the_title_greeting_keeps_the_particles_of_the_surname(
    name: str, language: str, title: str, greeting: str
) -> None:
    draft = draft_thank_you(
        interview(name), language=language, greeting="title", title=title
    )
    assert first_line(draft) == greeting


GIVEN = st.from_regex(r"[A-Z][a-zé]{1,9}", fullmatch=True).filter(
    lambda word: not _is_title(word) and not _is_suffix(word)
)
SURNAME = st.from_regex(r"[A-Z][a-zäöü]{1,11}", fullmatch=True).filter(
    lambda word: not _is_suffix(word)
)
PARTICLES = st.lists(
    st.sampled_from(["von", "van", "der", "den", "de", "la", "le", "du", "des"])
    | st.sampled_from(["da", "di", "del", "della", "dos", "das", "do", "ter"])
    | st.sampled_from(["ten", "zu"]),
    min_size=1,
    max_size=3,
)


GREET_FIRST = {
    "en": "Dear {},",
    "de": "Hallo {},",
    "fr": "Bonjour {},",
    "es": "Hola, {}:",
}


@given(GIVEN, PARTICLES, SURNAME, st.sampled_from(LANGUAGES))
def test_any_given_name_particles_and_surname_keep_their_particles(
    given: str, particles: list[str], surname: str, language: str
) -> None:
    name = " ".join([given, *particles, surname])
    expected = " ".join(["Dr.", *particles, surname])
    title_draft = draft_thank_you(
        interview(name), language=language, greeting="title", title="Dr."
    )
    assert f" {expected}" in first_line(title_draft)
    first = draft_thank_you(interview(name), language=language, greeting="first-name")
    assert first_line(first) == GREET_FIRST[language].format(given)


# Bug 2: a spelled-out title is no first name.


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Madame Céline Bérard", "Céline"),
        ("Monsieur Jean Dupont", "Jean"),
        ("Mademoiselle Chloé Martin", "Chloé"),
        ("Docteur Paul Morel", "Paul"),
        ("Señora María López", "María"),
        ("Señor Luis Gómez", "Luis"),
        ("Señorita Lucía Díaz", "Lucía"),
        ("Doña Carmen Ruiz", "Carmen"),
        ("Profesora Ana Ruiz", "Ana"),
        ("Doctora Elena Soto", "Elena"),
        ("Mag. Anna Huber", "Anna"),
        ("Ing. Pavel Novák", "Pavel"),
        ("Dipl.-Ing. Jürgen Weiß", "Jürgen"),
        ("Herr Doktor Klaus Weber", "Klaus"),
        ("Mister John Smith", "John"),
        ("Madam Jane Doe", "Jane"),
        ("Professor Grace Hopper", "Grace"),
        ("Prof. Dr. Grace Hopper", "Grace"),
        ("Doctor Grace Hopper", "Grace"),
    ],
)
def test_the_first_name_greeting_skips_a_spelled_out_title(
    name: str, given: str
) -> None:
    draft = draft_thank_you(interview(name), language="fr", greeting="first-name")
    assert first_line(draft) == f"Bonjour {given},"


@pytest.mark.parametrize(
    "name", ["Madame Bérard", "Señora López", "Dr. von Braun", "de la Cruz"]
)
def test_without_a_given_name_the_first_name_greeting_writes_the_name(
    name: str,
) -> None:
    draft = draft_thank_you(interview(name), greeting="first-name")
    assert first_line(draft) == f"Dear {name},"


@pytest.mark.parametrize(
    ("name", "language", "title", "greeting"),
    [
        # Taken for a given name, "Señora" would make "María" a surname.
        ("Señora María de la Fuente", "es", "Sra.", "Estimada Sra. de la Fuente:"),
        ("Madame Anne de La Tour", "fr", "Madame", "Bonjour Madame de La Tour,"),
    ],
)
def test_the_title_greeting_skips_a_spelled_out_title(
    name: str, language: str, title: str, greeting: str
) -> None:
    draft = draft_thank_you(
        interview(name), language=language, greeting="title", title=title
    )
    assert first_line(draft) == greeting


# Bug 3: "Surname, Given" is greeted in reading order.


@pytest.mark.parametrize(
    ("name", "language", "greeting"),
    [
        ("Hopper, Grace", "en", "Dear Grace Hopper,"),
        ("Hopper, Grace", "de", "Guten Tag Grace Hopper,"),
        ("Hopper, Grace, PhD", "en", "Dear Grace Hopper, PhD,"),
        ("King, Martin Luther, Jr.", "en", "Dear Martin Luther King, Jr.,"),
        ("von der Leyen, Ursula", "fr", "Bonjour Ursula von der Leyen,"),
        ("Hopper, Dr. Grace", "en", "Dear Dr. Grace Hopper,"),
        # A name not written surname first is written as given.
        ("Grace Hopper, PhD", "en", "Dear Grace Hopper, PhD,"),
        ("Dr. Grace Hopper", "en", "Dear Dr. Grace Hopper,"),
    ],
)
def test_the_name_greeting_writes_a_surname_first_name_in_reading_order(
    name: str, language: str, greeting: str
) -> None:
    draft = draft_follow_up(interview(name), language=language)
    assert first_line(draft) == greeting


# Bug 4: a title asks for its greeting, and is refused with another one.


def test_a_title_alone_asks_for_the_title_greeting() -> None:
    assert first_line(draft_follow_up(interview(), title="Dr.")) == "Dear Dr. Hopper,"
    assert first_line(draft_thank_you(interview(), title="Ms.")) == "Dear Ms. Hopper,"
    # None is the default: the name, or the title's greeting with a title.
    assert first_line(draft_thank_you(interview(), greeting=None)) == (
        "Dear Grace Hopper,"
    )


def test_a_title_alone_asks_for_the_title_greeting_through_the_mail_module() -> None:
    # `draft_text` passes the style through: the default reads it the same.
    assert draft_text(interview(), "follow-up", title="Dr.").startswith(
        "Dear Dr. Hopper,\n"
    )


@pytest.mark.parametrize("greeting", ["name", "first-name"])
def test_a_title_with_another_greeting_is_refused_by_name(greeting: Greeting) -> None:
    for draft in (draft_thank_you, draft_follow_up):
        with pytest.raises(InvalidValueError) as raised:
            draft(interview(), greeting=greeting, title="Dr.")
        assert raised.value.field == "title"
        assert str(raised.value) == (
            f"title: 'Dr.' goes with the 'title' greeting, not '{greeting}'"
        )


# English.


def test_english_speaks_with_someone_about_the_position() -> None:
    draft = draft_thank_you(interview(candidate=SECOND))
    assert body(draft).startswith(
        "Thank you for taking the time to speak with me about the data engineer "
        f"position on {WHEN['en']}."
    )


def test_english_greets_the_hiring_team_in_capitals() -> None:
    assert first_line(draft_thank_you(interview(None))) == "Dear Hiring Team,"
    assert first_line(draft_follow_up(interview(None))) == "Dear Hiring Team,"


# German.


def test_german_fits_zur_stelle() -> None:
    general = draft_follow_up(interview(), language="de")
    assert "Meine Erfahrung und meine Kenntnisse passen gut zur Stelle." in general
    given = draft_follow_up(
        interview(), "Ich baue seit Jahren Pipelines", language="de"
    )
    assert "Ich passe gut zur Stelle: Ich baue seit Jahren Pipelines." in given


def test_german_interest_grows_and_the_talk_is_named_once_in_a_row() -> None:
    draft = draft_thank_you(
        interview(candidate=SECOND), language="de", topic="die Datenplattform"
    )
    assert body(draft) == (
        f"herzlichen Dank, dass Sie sich am {WHEN['de']} Zeit für das "
        "Telefoninterview für die Stelle als data engineer genommen haben. Mein "
        "Interesse an Acme ist dadurch noch gewachsen. Besonders interessant "
        "fand ich unseren Austausch über die Datenplattform. Ich freue mich, von "
        "Ihnen zu hören."
    )
    first = body(draft_thank_you(interview(), language="de", topic="die Plattform"))
    sentences = first.split(". ")
    assert not [
        pair
        for pair in itertools.pairwise(sentences)
        if "Gespräch" in pair[0] and "Gespräch" in pair[1]
    ]


# French.


@pytest.mark.parametrize(
    ("position", "role"),
    [
        ("analyst", "concernant le poste d'analyst"),
        ("Ingénieure", "concernant le poste d'Ingénieure"),
        ("architecte", "concernant le poste d'architecte"),
        ("UX designer", "concernant le poste d'UX designer"),
        ("horloger", "concernant le poste d'horloger"),
        ("hôtesse d'accueil", "concernant le poste d'hôtesse d'accueil"),
        # An "h" sounded, as in English words, takes no elision.
        ("head of growth", "concernant le poste de head of growth"),
        ("data engineer", "concernant le poste de data engineer"),
    ],
)
def test_french_elides_de_before_a_vowel(position: str, role: str) -> None:
    draft = draft_thank_you(interview(position=position), language="fr")
    assert f"{role}." in draft


def test_french_dates_the_interview_not_the_position() -> None:
    thanks = draft_thank_you(interview(position="analyst"), language="fr")
    assert body(thanks).startswith(
        f"Je vous remercie pour notre entretien téléphonique du {WHEN['fr']} "
        "concernant le poste d'analyst. "
    )
    follow_up = draft_follow_up(interview(position="Ingénieure"), language="fr")
    assert body(follow_up).startswith(
        "Je reviens vers vous à la suite de notre entretien téléphonique du "
        f"{WHEN['fr']} concernant le poste d'Ingénieure. "
    )


# Spanish.


def test_spanish_dates_the_interview_without_a_comma_and_follows_up() -> None:
    draft = draft_follow_up(interview(), language="es")
    assert body(draft).startswith(
        "Le escribo para dar seguimiento a nuestra entrevista telefónica del "
        f"{WHEN['es']} sobre el puesto de data engineer. "
    )
    assert written_when(interview(), "es_MX", "{date}") == (
        "lunes 23 de noviembre de 2026"
    )


@pytest.mark.parametrize(
    ("name", "title", "greeting"),
    [
        ("Grace Hopper", None, "Estimado/a Grace Hopper:"),
        ("Grace Hopper", "Dra.", "Estimada Dra. Hopper:"),
        ("Grace Hopper", "Sra.", "Estimada Sra. Hopper:"),
        ("Alan Turing", "Dr.", "Estimado Dr. Turing:"),
        ("Alan Turing", "Prof.", "Estimado/a Prof. Turing:"),
        ("Señora María López", None, "Estimada Señora María López:"),
    ],
)
def test_spanish_opens_with_estimado_agreeing_with_the_title(
    name: str, title: str | None, greeting: str
) -> None:
    draft = draft_thank_you(interview(name), language="es", title=title)
    assert first_line(draft) == greeting


# Every language: the topic before the next steps; the fit after its colon.


@pytest.mark.parametrize(
    ("language", "candidate", "topic", "close"),
    [
        ("en", FIRST, "I especially enjoyed talking about X.", "I would be glad to hear about the next steps."),
        ("en", SECOND, "I especially enjoyed talking about X.", "I look forward to hearing about the next steps."),
        ("de", FIRST, "Besonders interessant fand ich unseren Austausch über X.", "Ich freue mich auf die nächsten Schritte."),
        ("de", SECOND, "Besonders interessant fand ich unseren Austausch über X.", "Ich freue mich, von Ihnen zu hören."),
        ("fr", FIRST, "J'ai particulièrement apprécié nos discussions sur X.", "Je me réjouis de connaître la suite."),
        ("fr", SECOND, "J'ai particulièrement apprécié nos discussions sur X.", "Je reste à votre disposition pour la suite."),
        ("es", FIRST, "Disfruté especialmente de hablar sobre X.", "Me encantaría conocer los próximos pasos."),
        ("es", SECOND, "Disfruté especialmente de hablar sobre X.", "Quedo a la espera de los próximos pasos."),
    ],
)  # fmt: skip
def test_the_topic_comes_before_the_next_steps(
    language: str, candidate: str, topic: str, close: str
) -> None:
    draft = draft_thank_you(
        interview(candidate=candidate), language=language, topic="X"
    )
    assert body(draft).endswith(f" {topic} {close}")


@pytest.mark.parametrize(
    ("language", "fit", "written"),
    [
        ("en", "My team shipped it", "I believe I am a strong fit: my team shipped it."),
        ("en", "I shipped it", "strong fit: I shipped it."),
        ("en", "I'm the one who shipped it", "strong fit: I'm the one who shipped it."),
        ("en", "AWS is my daily work", "strong fit: AWS is my daily work."),
        ("en", "iOS apps are my trade", "strong fit: iOS apps are my trade."),
        ("en", "Acme's stack is mine", "strong fit: Acme's stack is mine."),
        ("en", "Grace knows my work", "strong fit: Grace knows my work."),
        # A name the interview does not hold keeps its capital too.
        ("en", "Python is my daily work", "strong fit: Python is my daily work."),
        ("fr", "Kubernetes est mon métier", "au poste : Kubernetes est mon métier."),
        ("es", "Python es mi oficio", "con el puesto: Python es mi oficio."),
        ("en", "With ten years of payments", "strong fit: with ten years of payments."),
        ("fr", "L'équipe me connaît", "correspond bien au poste : l'équipe me connaît."),
        ("es", "Tengo diez años de oficio", "encaja bien con el puesto: tengo diez años de oficio."),
        ("fr", "J'ai dix ans de métier", "correspond bien au poste : j'ai dix ans de métier."),
        ("fr", "Mon parcours le montre", "correspond bien au poste : mon parcours le montre."),
        ("es", "Mi experiencia lo avala", "encaja bien con el puesto: mi experiencia lo avala."),
        ("de", "ich baue seit Jahren Pipelines", "zur Stelle: Ich baue seit Jahren Pipelines."),
        ("de", "eBay-Shops baue ich seit Jahren", "zur Stelle: eBay-Shops baue ich seit Jahren."),
    ],
)  # fmt: skip
def test_the_fit_goes_on_after_its_colon_as_the_language_writes(
    language: str, fit: str, written: str
) -> None:
    draft = draft_follow_up(interview(), fit, language=language)
    assert written in draft


# Every draft still passes its own check.


TITLES = st.sampled_from(
    ["", "Dr. ", "Madame ", "Señora ", "Mag. ", "Dipl.-Ing. ", "Prof. Dr. "]
)


@given(
    TITLES,
    GIVEN,
    PARTICLES | st.just([]),
    SURNAME,
    st.booleans(),
    st.sampled_from(LANGUAGES),
    st.sampled_from(GREETINGS),
    st.sampled_from([None, "analyst", "Ingénieure", "head of data"]),
    st.sampled_from([None, "My team shipped it", "ich habe das gebaut"]),
)
def test_every_draft_of_a_name_with_titles_and_particles_passes_its_check(
    title: str,
    given: str,
    particles: list[str],
    surname: str,
    surname_first: bool,
    language: str,
    greeting: Greeting,
    position: str | None,
    fit: str | None,
) -> None:
    family = " ".join([*particles, surname])
    name = f"{family}, {title}{given}" if surname_first else f"{title}{given} {family}"
    drawn = interview(name, position=position)
    style_title = "Dra." if greeting == "title" else None
    thanks = draft_thank_you(
        drawn, language=language, greeting=greeting, title=style_title, topic="X"
    )
    assert check_letter(thanks, drawn, "thank-you") == ()
    follow_up = draft_follow_up(
        drawn, fit, language=language, greeting=greeting, title=style_title
    )
    errors = [
        finding
        for finding in check_letter(follow_up, drawn)
        if finding.severity is Severity.ERROR
    ]
    assert errors == []
    if greeting == "title":
        assert f"Dra. {family}" in first_line(thanks)
    if greeting == "first-name":
        assert first_line(thanks) == GREET_FIRST[language].format(given)

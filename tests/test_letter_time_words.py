"""A bare hour after "at", "um" or "a las" is a time only where a time can stand.

"I have worked at 3 startups" names no time: read as 3:00 it let a letter
pass the time check by chance, or reported "got at 3".  "at ten" in words
and German "um 10" are times as "at 10" is.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, check_letter

_SENT = "2026-11-24T09:00:00-05:00"
_TEN = "2026-11-23T10:00:00-05:00[America/New_York]"
_HALF_PAST_TEN = "2026-11-23T10:30:00-05:00[America/New_York]"
_ONE_PM = "2026-11-23T13:00:00-05:00[America/New_York]"
_THREE_PM = "2026-11-23T15:00:00-05:00[America/New_York]"
_NOT_NAMED = "does not name the time of the interview"

_LETTERS = {
    "en": (
        "Dear Grace,\n\nThank you for speaking with me {when} about the data "
        "engineer role. I am very interested in joining Acme Analytics.\n\n"
        "Best,\nAda Lovelace\n"
    ),
    "de": (
        "Sehr geehrte Frau Hopper,\n\nvielen Dank für unser Gespräch {when} über "
        "die Stelle als Data Engineer. Ich interessiere mich sehr für Acme "
        "Analytics.\n\nMit freundlichen Grüßen\nAda Lovelace\n"
    ),
    "es": (
        "Estimada Sra. Hopper:\n\nMuchas gracias por la entrevista {when} sobre "
        "el puesto de ingeniera de datos. Me interesa mucho Acme Analytics.\n\n"
        "Saludos cordiales,\nAda Lovelace\n"
    ),
    "fr": (
        "Madame,\n\nJe vous remercie pour notre entretien {when} pour le poste "
        "d'ingénieure de données. Acme Analytics m'intéresse beaucoup.\n\n"
        "Cordialement,\nAda Lovelace\n"
    ),
}


def _time_findings(when: str, at: str, language: str = "en") -> list[str | None]:
    """What the time finding says it got; no finding: the letter names the time."""
    interview = Interview(
        "Ada Lovelace",
        "Acme Analytics",
        at,
        interviewer=Contact(name="Grace Hopper", timezone="America/New_York"),
    )
    text = _LETTERS[language].format(when=when)
    findings = check_letter(text, interview, "thank-you", sent=_SENT, language=language)
    return [f.actual for f in findings if _NOT_NAMED in f.message]


# -- English: a count after "at" --------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "on Monday; I have worked at 3 startups",
        "on Monday; I have worked at 3 big banks",
        "on Monday; I have worked at 3 fintech startups",
        "on Monday; I have worked at 2 or 3 companies",
        "on Monday; I have interned at 3, 4 or 5 places",
        "on Monday; I have led teams at 3 different firms",
    ],
)
def test_a_count_after_at_does_not_pass_for_the_time(when: str) -> None:
    # The call was at 3 pm: "at 3" read as the hour made the letter pass.
    assert _time_findings(when, _THREE_PM) == ["none found"]


@pytest.mark.parametrize(
    "when",
    [
        "on Monday; I have worked at 3 startups",
        "on Monday; I have worked at 5 places like Acme",
    ],
)
def test_a_count_after_at_is_not_reported_as_the_time_found(when: str) -> None:
    assert _time_findings(when, _TEN) == ["none found"]


@pytest.mark.parametrize(
    "when",
    [
        "on Monday; I have worked at 2 companies",
        "on Monday; I have worked at 3 of them",
        "on Monday; growth at 3 percent",
        "on Monday; my office at 3 Downing Street",
    ],
)
def test_a_count_after_at_read_as_none_before_still_is_none(when: str) -> None:
    assert _time_findings(when, _THREE_PM) == ["none found"]


@pytest.mark.parametrize(
    "when",
    [
        "on Monday at 3",
        "on Monday at 3, and for your time",
        "at 3 on Monday",
        "at 3 on November 23",
        "at 3 on the 23rd",
        "at 3 EST on Monday",
        "at 3 (ET) on Monday",
        "at 3 Eastern time on Monday",
        "at 3 in the afternoon on Monday",
        "at 3 with you and Alan on Monday",
        "on Monday at 3 and for the tour of the team",
        "on Monday at 3; I am",
        "on Monday at 3 sharp",
        "at 3 yesterday, Monday",
        "at 3 your time on Monday",
    ],
)
def test_an_hour_after_at_where_a_time_stands_is_read(when: str) -> None:
    assert _time_findings(when, _THREE_PM) == []


def test_an_hour_after_at_at_the_end_of_a_paragraph_is_read() -> None:
    assert _time_findings("on Monday at 3\n\nand", _THREE_PM) == []


def test_another_hour_after_at_is_still_reported() -> None:
    assert _time_findings("on Monday at 11", _TEN) == ["at 11"]


# -- English: an hour in words after "at" ----------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "on Monday at ten",
        "at ten on Monday",
        "on Monday at ten, and for your time",
        "at ten this morning, Monday",
        "at ten EST on Monday",
    ],
)
def test_an_hour_in_words_after_at_names_the_time(when: str) -> None:
    assert _time_findings(when, _TEN) == []


@pytest.mark.parametrize(
    ("when", "at"),
    [
        ("on Monday at ten thirty", _HALF_PAST_TEN),
        ("on Monday at three in the afternoon", _THREE_PM),
        ("on Monday at one", _ONE_PM),
    ],
)
def test_an_hour_in_words_after_at_is_read_with_its_minutes_and_half(
    when: str, at: str
) -> None:
    assert _time_findings(when, at) == []


@pytest.mark.parametrize(
    ("when", "at"),
    [
        ("on Monday at ten o'clock", _TEN),
        ("on Monday at half past ten", _HALF_PAST_TEN),
        ("on Monday at ten in the morning", _TEN),
    ],
)
def test_a_marked_hour_in_words_after_at_is_read_as_before(when: str, at: str) -> None:
    assert _time_findings(when, at) == []


def test_an_hour_in_words_after_at_in_the_morning_is_not_the_afternoon() -> None:
    assert _time_findings("on Monday at three in the morning", _THREE_PM) == [
        "at three in the morning"
    ]


@pytest.mark.parametrize(
    "when",
    [
        "on Monday; I have worked at ten companies",
        "on Monday; at one point I led a team",
        "on Monday; I have worked at one of them",
        "on Monday; I have worked at one or two startups",
    ],
)
def test_an_hour_word_after_at_that_is_no_time(when: str) -> None:
    at = _TEN if "ten" in when else _ONE_PM
    assert _time_findings(when, at) == ["none found"]


def test_an_hour_in_words_alone_is_still_no_time() -> None:
    assert _time_findings("on Monday; ten of us were there", _TEN) == ["none found"]


# -- German: "um 10" --------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "am Montag um 10",
        "am Montag um 10, das mir gefallen hat,",
        "um 10 am Montag",
        "am Montag um zehn",
        "am Montag um 10 morgens",
    ],
)
def test_an_hour_after_um_names_the_time(when: str) -> None:
    assert _time_findings(when, _TEN, "de") == []


@pytest.mark.parametrize("when", ["am Montag um 10 Uhr", "am Montag um zehn Uhr"])
def test_an_hour_with_uhr_after_um_is_read_as_before(when: str) -> None:
    assert _time_findings(when, _TEN, "de") == []


@pytest.mark.parametrize(
    "when",
    [
        "am Montag. Wir haben die Kosten um 10 Prozent gesenkt",
        "am Montag. Wir haben die Kosten um 10 % gesenkt",
        "am Montag. Das Team wuchs um 10 Stellen",
        "am Montag. Es geht um ein paar Tage",
    ],
)
def test_a_number_after_um_that_is_no_time(when: str) -> None:
    assert _time_findings(when, _TEN, "de") == ["none found"]


# -- Spanish: "a las 10" ------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "del lunes a las 10",
        "del lunes a las 10, en la que hablamos",
        "del lunes a las diez",
        "del lunes a las 10 de la mañana",
        "del lunes a las 10 horas",
    ],
)
def test_an_hour_after_a_las_names_the_time(when: str) -> None:
    assert _time_findings(when, _TEN, "es") == []


@pytest.mark.parametrize(
    "when",
    [
        "del lunes. Presenté el producto a las 10 empresas",
        "del lunes. Escribí a las 10 personas del equipo",
    ],
)
def test_a_count_after_a_las_is_no_time(when: str) -> None:
    assert _time_findings(when, _TEN, "es") == ["none found"]


# -- French: the hour keeps its "h" -------------------------------------------


@pytest.mark.parametrize("when", ["du lundi à 10h", "du lundi à 10 heures"])
def test_a_french_hour_with_its_mark_names_the_time(when: str) -> None:
    assert _time_findings(when, _TEN, "fr") == []


def test_a_french_count_after_a_is_no_time() -> None:
    # Without its accent "a" is "has": "elle a 10 ans" is an age.
    assert _time_findings("du lundi. Mon équipe a 10 ans", _TEN, "fr") == ["none found"]

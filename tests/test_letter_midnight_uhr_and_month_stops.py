"""Letters: the 0 hour is midnight's, "14 Uhr 30", German day adjectives, "Nov. 23".

Each was misread: "00:30" passed for a call at 12:30 (12 - 12 = 0); "14 Uhr
30" was read as "14 Uhr" and refused; "das heutige Telefonat" named no day;
"Nov." ended a sentence, so a thank-you of six sentences counted seven.
"""

from __future__ import annotations

import pytest

from followup import Contact, Interview, check_letter
from followup._letters import count_sentences

NOON = Interview(
    "Ada Lovelace",
    "Acme Analytics",
    "2026-11-23T12:30:00-05:00[America/New_York]",
    interviewer=Contact("Grace Hopper", timezone="America/New_York"),
    position="data engineer",
)
FOLLOW_UP = (
    "Dear Ms. Hopper,\n\nFollowing up on our call on November 23 at {time}. I "
    "remain very interested in Acme Analytics. I have built data pipelines for "
    "six years.\n\nBest regards,\nAda Lovelace"
)


@pytest.mark.parametrize("time", ["00:30", "0:30", "0h30"])
def test_the_zero_hour_names_midnight_not_noon(time):
    found = check_letter(FOLLOW_UP.format(time=time), NOON, "follow-up")
    assert [(f.code, f.actual) for f in found] == [("FU004", time)]


@pytest.mark.parametrize("time", ["12:30", "12:30 pm", "12.30 p.m."])
def test_noon_s_hour_passes_as_before(time):
    assert check_letter(FOLLOW_UP.format(time=time), NOON, "follow-up") == ()


@pytest.mark.parametrize(
    ("time", "shown"), [("12:30 am", "12:30 am"), ("10 pm", "10 pm")]
)
def test_a_finding_shows_the_time_without_the_sentence_s_stop(time, shown):
    (finding,) = check_letter(FOLLOW_UP.format(time=time), NOON, "follow-up")
    assert finding.actual == shown


BERLIN = Interview(
    "Jonas Becker",
    "Nordlicht Software GmbH",
    "2026-11-23T14:30:00+01:00[Europe/Berlin]",
    interviewer=Contact("Petra Schmidt", timezone="Europe/Berlin"),
    position="Backend-Entwickler",
)
DANKE = (
    "Sehr geehrte Frau Schmidt,\n\nvielen Dank für {said}. Ich freue mich auf "
    "die Aufgabe bei Nordlicht Software.\n\nMit freundlichen Grüßen\nJonas Becker\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "das Telefonat am 23. November um 14 Uhr 30",
        "das Telefonat am 23. November um 14:30 Uhr",
        # "Minuten" after it: "Uhr" has said it is a time, no duration.
        "das Telefonat am 23. November um 14 Uhr 30 Minuten",
    ],
)
def test_uhr_between_hour_and_minutes_is_read(said):
    assert check_letter(DANKE.format(said=said), BERLIN, "thank-you") == ()


def test_uhr_between_the_wrong_hour_and_minutes_is_told():
    letter = DANKE.format(said="das Telefonat am 23. November um 15 Uhr 30")
    (finding,) = check_letter(letter, BERLIN, "thank-you")
    assert finding.actual == "15 uhr 30"


@pytest.mark.parametrize(
    ("said", "sent", "right"),
    [
        ("das heutige Telefonat um 14:30 Uhr", "2026-11-23T17:00:00+01:00", True),
        ("unser gestriges Telefonat um 14:30 Uhr", "2026-11-24T09:00:00+01:00", True),
        ("unser gestriges Telefonat um 14:30 Uhr", "2026-11-25T09:00:00+01:00", False),
        ("das vorgestrige Gespräch um 14:30 Uhr", "2026-11-25T09:00:00+01:00", True),
        ("dem heutigen Gespräch um 14:30 Uhr", "2026-11-23T17:00:00+01:00", True),
    ],
)
def test_german_day_adjectives_name_the_day(said, sent, right):
    found = check_letter(DANKE.format(said=said), BERLIN, "thank-you", sent=sent)
    assert (found == ()) is right


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Thank you for our call on Nov. 23 at 10 am. I am excited.", 2),
        ("Merci pour notre entretien du 23 nov. 2026. Je suis ravi.", 2),
        ("Vielen Dank für das Gespräch am 23. Okt. 2026. Ich freue mich.", 2),
        ("Gracias por la llamada del 23 de dic. de 2026. Saludos.", 2),
        # A month's name at a sentence's end still ends it.
        ("We spoke in Nov. Then we met.", 2),
    ],
)
def test_a_month_s_short_name_before_a_number_ends_no_sentence(text, count):
    assert count_sentences(text) == count


def test_a_message_s_date_is_a_send_time_in_what_a_finding_says():
    # Tue 24 Nov 03:30 in Paris is Mon 23 Nov 21:30 in New York: "yesterday"
    # is the 22nd there, and the finding says so without claiming that no
    # send time was known.
    message = (
        "From: Ada Lovelace <ada@example.com>\n"
        "To: Grace Hopper <grace@acme.example>\n"
        "Subject: Thank you for yesterday's call\n"
        "Date: Tue, 24 Nov 2026 03:30:00 +0100\n"
        "MIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\n\n'
        "Dear Grace,\n\nThank you for our call yesterday at 10 am. I am excited "
        "about the data engineer role at Acme Analytics.\n\nBest,\nAda Lovelace\n"
    )
    interview = Interview(
        "Ada Lovelace",
        "Acme Analytics",
        "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace Hopper", timezone="America/New_York"),
        position="data engineer",
    )
    (finding,) = check_letter(message, interview, "thank-you")
    assert finding.actual == "yesterday"


def test_minutes_after_an_hour_written_with_h_are_still_a_duration():
    # "2h30 minutes" is how long, not when: only "Uhr" makes it a time.
    letter = DANKE.format(said="das Telefonat am 23. November, 2h30 Minuten lang")
    assert [f.message for f in check_letter(letter, BERLIN, "thank-you")] == [
        "the thank-you does not name the time of the interview (A4)"
    ]

"""Edges of how a letter is read: reply headers, negation, language, blank lines.

Each pins a way a letter used to be misread: a sentence of the letter taken
for a mail program's reply header (so every fact after it counted as
quoted), a negated phrase of interest or fit counted as saying it, an
English signature block deciding the language of a German or French
letter, and lines a reader sees as blank counted as written.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, _letter_parts, check_letter
from followup._letter_parts import LetterParts, is_blank, letter_parts
from followup._letters import Letter, count_lines

INTERVIEW = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")


def _messages(text: str, kind: str = "thank-you", **options: object) -> list[str]:
    return [
        finding.message
        for finding in check_letter(text, INTERVIEW, kind, **options)  # type: ignore[arg-type]
    ]


# --- 1. A sentence addressed to "you" is no reply header -------------------

BLOG_LETTER = """Dear Grace,

thank you for the call on 23 November at 10:00.
On your team blog, you wrote:
"we ship small, and we ship often".
That is how I have worked for six years, and I am excited to join Acme.

Best regards,
Ada Lovelace"""


@pytest.mark.parametrize(
    "line",
    [
        "On your team blog, you wrote:",
        "On the call, you wrote:",
        "On Monday, you wrote:",
        "On 23 November, you wrote:",
    ],
)
def test_a_sentence_saying_you_wrote_is_the_letters_own_text(line):
    text = BLOG_LETTER.replace("On your team blog, you wrote:", line)
    parts = letter_parts(text)
    assert parts.quoted == ""
    assert "excited to join Acme" in parts.own
    assert _messages(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "El lunes, usted escribió:",
        "El lunes, Ud. escribió:",
        "Am Montag schrieb mir Ihr Kollege:",
        "Le lundi, Grace a écrit :",
        "On the call, Grace wrote:",
    ],
)
def test_a_header_without_date_address_or_quote_below_is_the_letters_own(line):
    text = f"Gracias por la llamada.\n{line}\nQue el equipo es pequeño.\nAda"
    assert letter_parts(text) == LetterParts(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # The module's own example: no date, but the quote follows.
        ("Thanks!\n\nOn Mon, Grace wrote:\n> Hi", "On Mon, Grace wrote:\n> Hi"),
        ("Thanks!\nOn Mon, Grace wrote:\n\n> Hi", "On Mon, Grace wrote:\n\n> Hi"),
        # A date and an address, the rest of the message not quoted.
        (
            "Thanks!\n\nOn Mon, Nov 23, 2026 at 8:02 AM Grace <g@acme.example> wrote:\nHi",
            "On Mon, Nov 23, 2026 at 8:02 AM Grace <g@acme.example> wrote:\nHi",
        ),
        (
            "Danke!\n\nAm 23.11.2026 schrieb Grace:\nHallo",
            "Am 23.11.2026 schrieb Grace:\nHallo",
        ),
        (
            "Merci !\n\nLe 23 nov. 2026, Grace a écrit :\nBonjour",
            "Le 23 nov. 2026, Grace a écrit :\nBonjour",
        ),
        (
            "¡Gracias!\n\nEl lun, 23 nov 2026, Grace escribió:\nHola",
            "El lun, 23 nov 2026, Grace escribió:\nHola",
        ),
    ],
)
def test_a_mail_programs_header_still_starts_the_quoted_message(text, quoted):
    assert letter_parts(text).quoted == quoted


@given(
    st.text(st.characters(codec="ascii", categories=["L", "Nd", "Zs"]), max_size=30),
    st.text(max_size=60),
)
def test_no_header_saying_you_wrote_makes_the_rest_quoted(where, rest):
    # Whatever follows, and whatever the sentence names, "you wrote:" is
    # said by the letter, not by a mail program.
    text = f"Thank you!\nOn {where}, you wrote:\n{rest}"
    assert f"On {where}, you wrote:" in letter_parts(text).own


# --- 2. A negated phrase of interest or fit says the opposite ---------------


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        ("fr", "interest", "Après réflexion, le poste ne m'intéresse plus."),
        ("fr", "interest", "Je ne suis plus intéressée par le poste."),
        ("en", "interest", "After some thought, I am no longer interested in joining."),
        ("en", "interest", "I am not interested in joining the team."),
        ("de", "interest", "Leider habe ich kein großes Interesse mehr an der Stelle."),
        ("de", "interest", "Die Stelle interessiert mich nicht mehr."),
        ("es", "interest", "Lo he pensado y ya no me interesa unirme al equipo."),
        ("en", "fit", "I don't have the experience the role asks for."),
        ("de", "fit", "Ich habe keine Erfahrung mit Zahlungen."),
        ("fr", "fit", "Je n'ai pas l'expérience que demande le poste."),
        ("es", "fit", "No tengo experiencia en pagos."),
    ],
)
def test_a_negated_phrase_of_interest_or_fit_does_not_count(
    language, element, sentence
):
    letter = Letter(sentence, INTERVIEW, language=language)
    assert not letter.expresses(element)


@pytest.mark.parametrize(
    ("language", "element", "sentence"),
    [
        # A negation turned back: "not only", a comparison, "no doubt".
        ("en", "interest", "I have never been more excited about a role."),
        ("en", "interest", "I couldn't be more excited to join."),
        ("en", "interest", "I can't wait to join the team."),
        ("en", "interest", "I am not only interested in the role."),
        ("en", "fit", "There is no doubt my experience fits."),
        # Another clause: the negation does not reach the phrase.
        ("en", "interest", "No, I am still very interested."),
        ("fr", "interest", "Je n'ai jamais été aussi motivé."),
        ("fr", "interest", "N'hésitez pas à me contacter, je suis très intéressé."),
        ("de", "interest", "Ich freue mich nicht nur auf die Aufgabe."),
        ("de", "fit", "Ich bringe nicht nur Erfahrung mit."),
        ("es", "interest", "No solo me interesa el puesto."),
        ("es", "fit", "No dudo que mi experiencia encaja."),
        # Thanks are not read for negation: this one thanks.
        ("en", "thanks", "I cannot thank you enough."),
    ],
)
def test_a_phrase_with_a_negation_turned_back_still_counts(language, element, sentence):
    assert Letter(sentence, INTERVIEW, language=language).expresses(element)


def test_a_follow_up_losing_interest_gets_the_missing_interest_warning():
    text = (
        "Dear Grace,\n\nI am writing about our phone interview on 23 November at "
        "10:00. Having thought it over, I am no longer interested in joining Acme. "
        "My six years of payments work would have fitted the role.\n\n"
        "Best regards,\nAda Lovelace"
    )
    assert _messages(text, "follow-up") == [
        "the letter does not seem to show interest in the company (A8)"
    ]


# --- 3. An English signature does not decide a letter's language ------------

GERMAN = """Sehr geehrte Frau Hopper,

vielen Dank für das Telefoninterview am 23. November um 10 Uhr. Die Arbeit
an der Datenplattform von Acme reizt mich sehr.

Mit freundlichen Grüßen
Ada Lovelace"""
FRENCH = """Madame Hopper,

merci pour l'entretien téléphonique du 23 novembre à 10 h. Le poste chez
Acme m'intéresse beaucoup.

Cordialement,
Ada Lovelace"""
# What mail programs and employers put below a letter, in English whatever
# the letter's language: a title and a legal notice.
ENGLISH_BLOCK = """Senior Engineer at the Analytical Engine Society
Member of the Board of the Society for the History of Computing
This email and any of its attachments are confidential and for the use of
the addressee only. If you are not the addressee, please tell the sender
and delete it."""


@pytest.mark.parametrize(("letter", "language"), [(GERMAN, "de"), (FRENCH, "fr")])
@pytest.mark.parametrize(
    "below",
    [
        "\n-- \n" + ENGLISH_BLOCK,
        # Without a delimiter: the sign-off block runs on into the notice.
        "\nBest regards,\n" + ENGLISH_BLOCK,
    ],
)
def test_an_english_signature_block_does_not_decide_the_language(
    letter, language, below
):
    text = letter + below
    assert Letter(text, INTERVIEW, "thank-you").read_as == language
    assert _messages(text) == []


def test_a_letter_with_nothing_above_its_sign_off_is_told_by_all_its_words():
    text = "Mit freundlichen Grüßen\nIhre Ada und das Team von Acme"
    assert Letter(text, INTERVIEW).read_as == "de"


# --- 4. A line that shows nothing is blank ----------------------------------

# White space, a form feed among it, and what web mail pastes for an empty
# line: zero-width spaces and joiners, a byte order mark.
SHOWS_NOTHING = [
    "",
    "   ",
    "\t",
    "\f",
    " \f ",
    "\u200b",
    "\u200b\u200b ",
    "\ufeff",
    "\u2060",
]


@pytest.mark.parametrize("blank", SHOWS_NOTHING)
def test_a_line_that_shows_nothing_is_no_line_of_the_letter(blank):
    text = f"Dear Grace,\n{blank}\nThank you!\n{blank}\nAda"
    assert count_lines(text, 80) == 3
    # Wider than the line: still nothing to wrap.
    assert count_lines(f"Ada\n{blank * 100}", 10) == 1


@pytest.mark.parametrize("blank", SHOWS_NOTHING)
def test_a_line_that_shows_nothing_sets_a_quoted_block_apart(blank):
    text = f"Thank you!\n{blank}\n> Talk to you at 10:00."
    assert letter_parts(text).quoted == "> Talk to you at 10:00."


@pytest.mark.parametrize("blank", SHOWS_NOTHING)
def test_a_delimiter_with_only_lines_that_show_nothing_below_is_no_delimiter(blank):
    text = f"Thank you!\n--\n{blank}"
    assert letter_parts(text).signature == ""


@given(st.lists(st.sampled_from(SHOWS_NOTHING)), st.integers(1, 120))
def test_lines_that_show_nothing_count_alike_at_any_width(blanks, width):
    # However many and of whatever kind, they add no line.
    text = "\n".join(["Dear Grace,", *blanks, "Thank you!", *blanks, "Ada"])
    assert count_lines(text, width) == count_lines(
        "Dear Grace,\nThank you!\nAda", width
    )


def test_blank_holds_every_white_space_python_knows_and_the_invisible_marks() -> None:
    # `is_blank` strips a list written out for speed: it must be the one
    # `str.isspace` goes by, or a line of, say, ideographic spaces would
    # count as a line of the letter.
    spaces = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert set(_letter_parts.BLANK) == set(spaces) | set(_letter_parts.INVISIBLE)
    for mark in spaces + _letter_parts.INVISIBLE:
        assert is_blank(mark * 3)
        assert not is_blank(f"{mark}a{mark}")

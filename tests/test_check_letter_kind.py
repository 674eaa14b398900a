"""`check-letter` without `--kind`: a letter whose subject thanks is a thank-you.

The thank-you `followup draft --format eml` writes is titled "Thank you:";
checked as a follow-up, it was found to give no reason to fit (A8).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup._letter_parts import thanks_in_subject
from shell import run

SENT = "2026-11-23T11:00:00-05:00"
NOTE = "checked as a thank-you, since its subject begins with"


def _drafted(tmp_path, kind, language, *extra):
    drafted = run(
        "draft", kind, "--example", "--format", "eml", "--language", language,
        "--sent", SENT, *extra,
    )  # fmt: skip
    assert drafted.returncode == 0, drafted.stderr
    path = tmp_path / f"{kind}-{language}.eml"
    path.write_text(drafted.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "thanks"),
    [("en", "Thank you"), ("de", "Vielen Dank"), ("fr", "Merci"), ("es", "Gracias")],
)
def test_the_drafted_thank_you_passes_without_kind_and_says_how_it_was_read(
    tmp_path, language, thanks
):
    path = _drafted(tmp_path, "thank-you", language)
    checked = run("check-letter", path, "--example")
    assert (checked.returncode, checked.stdout) == (0, f"{path}: no findings\n")
    assert checked.stderr == (
        f"{path}: {NOTE} {thanks!r} (--kind follow-up checks it as a follow-up)\n"
    )
    # As with --kind thank-you, which says nothing of how it was read.
    told = run("check-letter", path, "--example", "--kind", "thank-you")
    assert (told.stdout, told.stderr) == (checked.stdout, "")


def test_a_kind_given_overrules_the_subject(tmp_path):
    path = _drafted(tmp_path, "thank-you", "en")
    checked = run("check-letter", path, "--example", "--kind", "follow-up")
    assert "FU004" in checked.stdout
    assert checked.stderr == ""


def test_a_follow_up_is_checked_as_one_without_a_note(tmp_path):
    path = _drafted(tmp_path, "follow-up", "en", "--fit", "I build data pipelines.")
    checked = run("check-letter", path, "--example")
    told = run("check-letter", path, "--example", "--kind", "follow-up")
    assert (checked.returncode, checked.stdout, checked.stderr) == (
        told.returncode,
        told.stdout,
        "",
    )


def test_a_subject_line_in_pasted_text_counts_and_the_body_does_not(tmp_path):
    body = (
        "Dear Grace Hopper,\n\nThank you for the phone interview on November 23, "
        "2026 at 10:00 AM. I am very interested in Acme Analytics.\n\n"
        "Best regards,\nAda Lovelace\n"
    )
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("Subject: Thanks for your time\n\n" + body, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(body, encoding="utf-8")
    assert f"{NOTE} 'Thanks'" in run("check-letter", pasted, "--example").stderr
    # No subject, however thankful the letter: a follow-up, as before.
    checked = run("check-letter", plain, "--example")
    assert checked.stderr == ""
    assert "FU004" in checked.stdout


@pytest.mark.parametrize(
    ("subject", "thanks"),
    [
        ("Thank you: phone interview on November 23, 2026", "Thank you"),
        ("  thank   you for your time", "thank you"),
        ("THANKS!", "THANKS"),
        ("Many thanks for the call", "Many thanks"),
        ("Vielen Dank: Telefoninterview am 23. November 2026", "Vielen Dank"),
        ("Herzlichen Dank für das Gespräch", "Herzlichen Dank"),
        ("Danke schön", "Danke"),
        ("Merci : entretien téléphonique du 23 novembre 2026", "Merci"),
        ("Muchas gracias por la entrevista", "Muchas gracias"),
        ("Gracias: entrevista telefónica del 23 de noviembre de 2026", "Gracias"),
        ("Thanksgiving plans", None),
        ("Dankeschön", None),
        ("Following up: phone interview on November 23, 2026", None),
        ("Re: Thank you", None),
        ("", None),
        ("Our call - thank you", None),
    ],
)
def test_the_words_of_thanks_a_subject_begins_with(subject, thanks):
    assert thanks_in_subject(subject) == thanks


@given(st.text(max_size=200))
def test_any_subject_is_read_and_thanks_only_at_its_start(subject):
    found = thanks_in_subject(subject)
    if found is not None:
        assert subject.lower().lstrip().startswith(found.split()[0].lower())


def test_a_message_whose_date_cannot_be_read_is_said_on_standard_error(tmp_path):
    message = tmp_path / "thanks.eml"
    message.write_text(
        "From: Ada Lovelace <ada@example.com>\nTo: Grace Hopper <g@acme.example>\n"
        "Subject: Our call\nDate: garbage\x1b[2J\nMIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\n\nDear Grace,\n\nThank you '
        "for our call on November 23 at 10 am.\n\nBest,\nAda Lovelace\n",
        encoding="utf-8",
    )
    checked = run("check-letter", message, "--example", "--kind", "thank-you")
    assert checked.stderr == (
        f"{message}: its Date 'garbage\\x1b[2J' is no date: checked as sent now "
        "(--sent ISO says when it was)\n"
    )
    # Told when, it says nothing.
    told = run(
        "check-letter", message, "--example", "--kind", "thank-you", "--sent", SENT
    )
    assert told.stderr == ""
    # A message with no Date at all is no mistake either.
    message.write_text(message.read_text().replace("Date: garbage\x1b[2J\n", ""))
    assert run("check-letter", message, "--example", "--kind", "thank-you").stderr == ""

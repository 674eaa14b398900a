"""The letter commands' new options, run in process.

`followup check-letter --sent/--language/--alias` and `followup draft
--language/--locale/--greeting/--title/--topic`.
"""

from __future__ import annotations

import pytest

from followup.cli import main

EXAMPLE_LETTER = (
    "Dear Grace,\n\nThank you for this morning's call at 10:00. I am excited about "
    "the data engineer role at AA.\n\nBest regards,\nAda Lovelace\n"
)


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(EXAMPLE_LETTER, encoding="utf-8")
    return str(path)


def check(capsys, *arguments):
    status = main(["check-letter", *arguments, "--example", "--kind", "thank-you"])
    return status, capsys.readouterr().out


def test_sent_fixes_this_morning_and_alias_names_the_company(capsys, letter):
    status, out = check(
        capsys, letter, "--sent", "2026-11-23T11:00:00-05:00", "--alias", "AA"
    )
    assert (status, out) == (0, f"{letter}: no findings\n")


def test_without_the_alias_the_company_is_missing(capsys, letter):
    status, out = check(capsys, letter, "--sent", "2026-11-23T11:00:00-05:00")
    assert status == 1
    assert "does not name the company" in out


def test_sent_another_day_this_morning_is_not_the_interview(capsys, letter):
    status, out = check(
        capsys, letter, "--sent", "2026-11-25T09:00:00-05:00", "--alias", "AA"
    )
    assert status == 1
    assert "does not name the date" in out


def test_language_is_taken_as_given(capsys, letter):
    # Read as Spanish, "this morning" is no day.
    status, out = check(
        capsys,
        letter,
        "--sent",
        "2026-11-23T11:00:00-05:00",
        "--alias",
        "AA",
        "--language",
        "es",
    )
    assert status == 1
    assert "does not name the date" in out


def test_a_bad_sent_names_the_option(capsys, letter):
    assert main(["check-letter", letter, "--example", "--sent", "soon"]) == 2
    assert "--sent" in capsys.readouterr().err


def test_the_kind_option_says_its_default(capsys):
    with pytest.raises(SystemExit):
        main(["check-letter", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "(default: a thank-you when its subject begins with thanks, else a follow-up)"
        in help_text
    )
    assert "--sent ISO" in help_text


@pytest.mark.parametrize(
    ("arguments", "first_line", "inside"),
    [
        (["--language", "de"], "Guten Tag Grace Hopper,", "23. November 2026"),
        (["--language", "fr", "--greeting", "first-name"], "Bonjour Grace,", "à 10:00"),
        (
            ["--greeting", "title", "--title", "Dr.", "--locale", "en_GB"],
            "Dear Dr. Hopper,",
            "Monday, 23 November 2026 at 10:00 EST",
        ),
    ],
)
def test_draft_styles(capsys, arguments, first_line, inside):
    assert main(["draft", "follow-up", "--example", *arguments]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == first_line
    assert inside in out


def test_draft_topic_goes_with_the_thank_you(capsys):
    assert main(["draft", "thank-you", "--example", "--topic", "streaming"]) == 0
    assert "I especially enjoyed talking about streaming." in capsys.readouterr().out
    assert main(["draft", "follow-up", "--example", "--topic", "streaming"]) == 2
    assert "--topic goes with the thank-you" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        (["--greeting", "title"], "title"),
        (["--locale", "de_DE"], "locale"),
    ],
)
def test_draft_style_mistakes_are_one_line(capsys, arguments, field):
    assert main(["draft", "thank-you", "--example", *arguments]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert field in err


def test_the_command_offers_the_languages_letters_are_read_in():
    from followup._languages import LANGUAGES  # noqa: PLC0415
    from followup.cli import LETTER_LANGUAGES  # noqa: PLC0415

    assert LETTER_LANGUAGES == LANGUAGES

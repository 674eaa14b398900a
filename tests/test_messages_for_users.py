"""Messages a new user was misled by, each next to the cases it leaves alone.

A review by someone new to the command found five: a day that does not
exist called "not ISO 8601", a misspelt zone with no suggestion, `--now`
advising a Python datetime on the command line, `--within` changing its
story at five digits, and a key written below ``[interviewer]`` offered an
interviewer's key in its place.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from followup import Contact, Interview
from followup._time import coerce_instant
from followup.cli import main
from followup.errors import InvalidValueError, NaiveDatetimeError, UnknownTimeZoneError
from followup.json import InvalidDocumentError, structure

ROOT = pathlib.Path(__file__).parent.parent
INTERVIEW = ROOT / "examples" / "interview.toml"
BATCH = ROOT / "examples" / "interviews.jsonl"


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    status = main([str(arg) for arg in args])
    return status, capsys.readouterr().err


def _refused_by_argparse(
    capsys: pytest.CaptureFixture[str], *args: object
) -> tuple[object, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(arg) for arg in args])
    return exited.value.code, capsys.readouterr().err


def _interview(tmp_path: pathlib.Path, old: str, new: str) -> pathlib.Path:
    text = INTERVIEW.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "interview.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# 1. A date and time of the right form whose day or hour does not exist.


def test_a_day_november_does_not_have_is_named_as_such_on_the_command_line(
    tmp_path, capsys
):
    at = 'at = "2026-11-23T10:00:00-05:00[America/New_York]"'
    path = _interview(tmp_path, at, 'at = "2026-11-31T10:00:00-05:00"')
    assert _run(capsys, "plan", path) == (
        2,
        (
            f"followup: error: {path}: $.at: '2026-11-31T10:00:00-05:00' names a day "
            "that does not exist (November 2026 has 30 days)\n"
        ),
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "2026-02-29T10:00:00-05:00",
            "names a day that does not exist (February 2026 has 28 days)",
        ),
        (
            # A lower-case t is ISO 8601 too, and read as such.
            "2026-11-31t10:00:00-05:00",
            "names a day that does not exist (November 2026 has 30 days)",
        ),
        (
            "2026-11-31T10:00:00[America/New_York]",
            "names a day that does not exist (November 2026 has 30 days)",
        ),
        (
            "2026-11-00T10:00:00Z",
            "names a day that does not exist (days run from 01)",
        ),
        (
            "2026-13-01T10:00:00+01:00",
            "names a month that does not exist (months run from 01 to 12)",
        ),
        (
            "2026-11-23T25:00:00-05:00",
            "names a time that does not exist (hours run from 00 to 23)",
        ),
        (
            "2026-11-23T10:61:00-05:00",
            "names a time that does not exist (minutes run from 00 to 59)",
        ),
        (
            "2026-11-23T10:00:61.5-05:00",
            "names a time that does not exist (seconds run from 00 to 59)",
        ),
    ],
)
def test_a_date_or_time_that_does_not_exist_says_which_part(text, problem):
    with pytest.raises(InvalidValueError) as raised:
        coerce_instant(text, "at")
    assert str(raised.value) == f"at: {text!r} {problem}"


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-31",  # no time, no zone
        "tomorrow",
        "2026-11-31T10:00:00 in New York",
        "2026/11/31T10:00:00-05:00",
        "2026-11-23T10:00:00-05:00x",
    ],
)
def test_what_is_not_of_the_form_is_still_not_iso_8601(text):
    with pytest.raises(InvalidValueError) as raised:
        coerce_instant(text, "at")
    if text == "2026-11-31":
        # The form is right, the day is not: that is said first.
        assert str(raised.value).endswith("(November 2026 has 30 days)")
    else:
        assert str(raised.value) == (
            f"at: {text!r} is not an ISO 8601 date and time "
            "(e.g. 2026-11-23T10:00:00-05:00)"
        )


@pytest.mark.parametrize(
    "text",
    ["2028-02-29T10:00:00-05:00", "2026-11-30T23:59:59-05:00", "2000-02-29T00:00Z"],
)
def test_a_day_that_exists_still_parses(text):
    moment = coerce_instant(text, "at")
    assert moment.isoformat().startswith(text[:10])


# 2. A misspelt zone name.


def test_a_misspelt_zone_gets_the_closest_name_on_the_command_line(tmp_path, capsys):
    path = _interview(tmp_path, "America/New_York", "America/New_Yrok")
    message = "is not an IANA time zone name: did you mean 'America/New_York'?"
    assert _run(capsys, "plan", path) == (
        2,
        (
            f"followup: error: {path}: $.at: 'America/New_Yrok' {message}; "
            f"$.interviewer.timezone: 'America/New_Yrok' {message}\n"
        ),
    )


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("America/New_Yrok", "America/New_York"),
        ("america/new_yrok", "America/New_York"),
        ("Europe/Pariss", "Europe/Paris"),
        ("Asia/Tokio", "Asia/Tokyo"),
        ("US/Estern", "US/Eastern"),
    ],
)
def test_a_zone_a_letter_or_two_off_gets_a_suggestion(name, meant):
    with pytest.raises(UnknownTimeZoneError) as raised:
        Contact("Grace Hopper", timezone=name)
    assert str(raised.value) == (
        f"Contact.timezone: {name!r} is not an IANA time zone name: "
        f"did you mean {meant!r}?"
    )


@pytest.mark.parametrize("name", ["Mars/Base", "Atlantis", "UTC+1", "Nowhere/Land"])
def test_a_name_far_from_every_zone_gets_no_suggestion(name):
    with pytest.raises(UnknownTimeZoneError) as raised:
        Contact("Grace Hopper", timezone=name)
    assert str(raised.value) == (
        f"Contact.timezone: {name!r} is not an IANA time zone name "
        "(e.g. 'Europe/Paris')"
    )


def test_a_slip_of_case_alone_keeps_its_own_message():
    with pytest.raises(UnknownTimeZoneError) as raised:
        Contact("Grace Hopper", timezone="europe/paris")
    assert str(raised.value) == (
        "Contact.timezone: 'europe/paris' is not an IANA time zone name: "
        "did you mean 'Europe/Paris'?"
    )


# 3. A moment without a zone on the command line.


@pytest.mark.parametrize("option", ["--now", "--sent"])
def test_a_moment_without_a_zone_on_the_command_line_asks_for_text(
    capsys, tmp_path, option
):
    if option == "--now":
        args: list[object] = ["plan", INTERVIEW, "--now", "2026-11-23T10:30:00"]
    else:
        letter = tmp_path / "letter.txt"
        letter.write_text("Dear Grace,\n\nThank you.\n\nAda\n")
        args = ["check-letter", letter, "--example", "--sent", "2026-11-23T10:30:00"]
    assert _run(capsys, *args) == (
        2,
        (
            f"followup: error: {option}: '2026-11-23T10:30:00' has no time zone; give "
            "an offset (+01:00) or a zone ([Europe/Paris]) after the time\n"
        ),
    )


def test_a_moment_without_a_zone_from_python_still_advises_an_aware_datetime():
    advice = (
        "has no time zone; give an offset (+01:00) or a zone ([Europe/Paris]), "
        "or pass an aware datetime"
    )
    with pytest.raises(NaiveDatetimeError) as raised:
        coerce_instant("2026-11-23T10:30:00", "now")
    assert str(raised.value) == f"now: '2026-11-23T10:30:00' {advice}"
    with pytest.raises(NaiveDatetimeError) as raised:
        coerce_instant(dt.datetime(2026, 11, 23, 10, 30), "now")
    assert str(raised.value) == f"now: '2026-11-23T10:30:00' {advice}"


# 4. --within: one limit, whatever the number of digits.


@pytest.mark.parametrize(
    "within", ["3661d", "9999d", "10000d", "99999w", "1" + "0" * 5000 + "d"]
)
def test_within_past_ten_years_is_refused_as_such_whatever_its_digits(capsys, within):
    status, err = _refused_by_argparse(capsys, "due", BATCH, "--within", within)
    assert status == 2
    shown = within if len(within) <= 80 else f"{within[:80]}…"
    assert err.startswith(f"followup: error: argument --within: '{shown}'")
    assert err.endswith(" is more than ten years (see followup due --help)\n")


@pytest.mark.parametrize("within", ["3660d", "000000003660d", "522w", "0d"])
def test_within_up_to_ten_years_is_taken(capsys, within):
    status, _ = _run(capsys, "due", BATCH, "--on", "2026-11-25", "--within", within)
    assert status == 0


@pytest.mark.parametrize("within", ["3x", "d", "-1d", "1.5w"])
def test_within_of_another_form_still_asks_for_days_or_weeks(capsys, within):
    status, err = _refused_by_argparse(capsys, "due", BATCH, "--within", within)
    assert (status, err) == (
        2,
        (
            f"followup: error: argument --within: give days (3d) or weeks (2w), not "
            f"{within!r} (see followup due --help)\n"
        ),
    )


def test_due_help_says_how_far_within_looks(capsys):
    with pytest.raises(SystemExit):
        main(["due", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "at most ten years, 3660d" in help_text


# 5. A key of the interview written below [interviewer].


def test_a_key_of_the_interview_below_interviewer_says_where_it_belongs(
    tmp_path, capsys
):
    path = _interview(tmp_path, "duration = 30 ", "")
    path.write_text(path.read_text(encoding="utf-8") + "duration = 45\n")
    assert _run(capsys, "plan", path) == (
        2,
        (
            f"followup: error: {path}: $.interviewer: unknown key 'duration' (a key of "
            "the interview, not of its interviewer; in a TOML file, write it above "
            "[interviewer]: the keys below a table's header are that table's)\n"
        ),
    )


INTERVIEWER = {"name": "Grace Hopper", "timezone": "America/New_York"}
AT = "2026-11-23T10:00:00-05:00[America/New_York]"


@pytest.mark.parametrize("key", ["performance", "company", "position"])
def test_any_key_of_the_interview_inside_the_interviewer_is_placed(key):
    document = {
        "candidate": "Ada",
        "company": "Acme",
        "at": AT,
        "interviewer": {**INTERVIEWER, key: "strong"},
    }
    with pytest.raises(InvalidDocumentError) as raised:
        structure(document, Interview)
    assert raised.value.problems == [
        (
            f"$.interviewer: unknown key {key!r} (a key of the interview, not of its "
            "interviewer; in a TOML file, write it above [interviewer]: the keys "
            "below a table's header are that table's)"
        )
    ]


def test_a_key_of_no_enclosing_table_keeps_its_suggestion():
    document = {
        "candidate": "Ada",
        "company": "Acme",
        "at": AT,
        "interviewer": {**INTERVIEWER, "timezon": "America/New_York"},
    }
    with pytest.raises(InvalidDocumentError) as raised:
        structure(document, Interview)
    assert raised.value.problems == [
        "$.interviewer: unknown key 'timezon' (did you mean 'timezone'?)"
    ]


# 6. An instant without a zone in a document: text its writer typed.

NO_ZONE_IN_TEXT = (
    "has no time zone; give an offset (+01:00) or a zone ([Europe/Paris]) after "
    "the time"
)


@pytest.mark.parametrize(
    "written",
    [
        "at = 2026-11-23T10:00:00",  # a TOML local datetime
        'at = "2026-11-23T10:00:00"',  # text
    ],
)
def test_a_file_s_instant_without_a_zone_gets_advice_for_a_file(
    tmp_path, capsys, written
):
    path = _interview(
        tmp_path, 'at = "2026-11-23T10:00:00-05:00[America/New_York]"', written
    )
    status, err = _run(capsys, "plan", path)
    assert (status, err) == (
        2,
        f"followup: error: {path}: $.at: '2026-11-23T10:00:00' {NO_ZONE_IN_TEXT}\n",
    )


def test_a_json_document_without_a_zone_gets_the_same_advice():
    document = {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00"}
    with pytest.raises(InvalidDocumentError) as raised:
        structure(document, Interview)
    assert raised.value.problems == [f"$.at: '2026-11-23T10:00:00' {NO_ZONE_IN_TEXT}"]
    # In Python, an aware datetime is the other way out, and is said.
    with pytest.raises(NaiveDatetimeError, match=r"or pass an aware datetime$"):
        Interview("Ada", "Acme", "2026-11-23T10:00:00")

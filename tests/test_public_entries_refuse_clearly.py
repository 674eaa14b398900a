"""What a fuzz campaign fed the public entries: each a value or the documented error.

`to_json(indent=1.5)` blamed the value, and a billion spaces filled memory;
`unstructure` let a RecursionError out where `to_json` names the problem;
`shown_url(None)` and `url_problem(42)` raised AttributeError; `followup due
--format jsonl` over a file whose name is not UTF-8 ended in a traceback;
and `sync` blamed a variable nobody set for a netrc password without a login.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

from followup import InvalidTypeError, InvalidValueError
from followup.example import example_interview
from followup.json import to_json, unstructure
from followup.sync import shown_url, url_problem

ROOT = pathlib.Path(__file__).parent.parent


@pytest.mark.parametrize(
    ("indent", "error", "message"),
    [
        (
            1.5,
            InvalidTypeError,
            "indent: expected a whole number, or None, got float 1.5",
        ),
        (
            "x",
            InvalidTypeError,
            "indent: expected a whole number, or None, got str 'x'",
        ),
        (
            True,
            InvalidTypeError,
            "indent: expected a whole number, or None, got bool True",
        ),
        (-1, InvalidValueError, "indent: -1 is not from 0 to 16"),
        (17, InvalidValueError, "indent: 17 is not from 0 to 16"),
        (10**9, InvalidValueError, "indent: 1000000000 is not from 0 to 16"),
    ],
)
def test_to_json_refuses_an_indent_it_cannot_write(indent, error, message):
    with pytest.raises(error) as raised:
        to_json(example_interview(), indent=indent)
    assert str(raised.value) == message


@pytest.mark.parametrize("indent", [None, 0, 16])
def test_to_json_writes_with_the_indents_it_takes(indent):
    text = to_json({"a": [1]}, indent=indent)
    assert json.loads(text) == {"a": [1]}
    assert text == json.dumps({"a": [1]}, indent=indent)


def test_unstructure_names_data_that_holds_itself():
    looped: list[object] = []
    looped.append(looped)
    with pytest.raises(InvalidTypeError) as raised:
        unstructure(looped)
    assert raised.value.field == "value"
    assert "nested less deeply" in str(raised.value)


@pytest.mark.parametrize("url", [None, 42, ["https://host/cal/"], b"https://host/"])
def test_the_url_helpers_refuse_what_is_no_text(url):
    for helper in (shown_url, url_problem):
        with pytest.raises(InvalidTypeError) as raised:
            helper(url)
        assert raised.value.field == "url"


def _command(*args: str, cwd: pathlib.Path, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "followup", *args],
        capture_output=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_due_as_json_lines_shows_a_file_name_that_is_not_utf_8_escaped(tmp_path):
    name = os.fsdecode(b"b\xe4r.jsonl")
    (tmp_path / name).write_bytes((ROOT / "examples" / "interviews.jsonl").read_bytes())
    result = _command(
        "due", name, "--on", "2026-11-23", "--within", "3", "--format", "jsonl",
        cwd=tmp_path,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    assert {row["source"].split(":")[0] for row in rows} == {"b\\udce4r.jsonl"}


def test_a_netrc_password_without_a_login_is_blamed_on_the_netrc(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine cal.example password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FOLLOWUP_CALDAV_")
    }
    result = _command(
        "sync", "--example", "--to", "https://cal.example/dav/ada/jobs/",
        "--netrc", str(netrc), cwd=tmp_path, env={**env, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        f"followup: error: {netrc} gives a password for cal.example, but no user "
        "name: set FOLLOWUP_CALDAV_USERNAME, or give a login in a netrc file\n"
    )


@pytest.mark.parametrize(
    "sender",
    [
        '"Ada <ada@example.com>, Bob" <bob@example.com>',
        '"ada@example.com" <bob@example.com>',
    ],
)
def test_a_sender_whose_name_holds_an_address_is_refused(sender):
    # The message would show one address and be sent from another.
    from followup.mail import draft_message  # noqa: PLC0415

    with pytest.raises(InvalidValueError) as raised:
        draft_message(
            example_interview(), "thank-you", sender=sender, sent="2026-11-23T18:00:00Z"
        )
    assert str(raised.value).endswith("has a name that holds an address: give one")


@pytest.mark.parametrize(
    ("sender", "shown"),
    [
        ("Ada @ Home <ada@example.com>", '"Ada @ Home" <ada@example.com>'),
        ('"King, Ada" <ada@example.com>', '"King, Ada" <ada@example.com>'),
    ],
)
def test_a_sender_s_name_with_an_at_sign_alone_is_a_name(sender, shown):
    from followup.mail import draft_message  # noqa: PLC0415

    message = draft_message(
        example_interview(), "thank-you", sender=sender, sent="2026-11-23T18:00:00Z"
    )
    assert message["From"] == shown


def test_a_whole_number_python_writes_is_written():
    # 4300 digits, the most Python writes by default (10**4300 - 1 has 14285
    # bits); one digit more is named by its place.
    most = 10**4300 - 1
    assert json.loads(to_json({"x": most}, indent=None)) == {"x": most}
    with pytest.raises(
        InvalidTypeError, match=r"^value\['x'\]: expected a whole number"
    ):
        to_json({"x": most + 1})


def test_a_thousand_calls_plan_no_call_back_numbered_past_999():
    # The last call agreed a time to call back: an agreed call-back counts
    # toward no limit, and would be call-back #1000, which no plan holds.
    import datetime as dt  # noqa: PLC0415

    from followup import Event, Interview, plan_followups  # noqa: PLC0415

    interview = Interview("Ada", "Acme", "2026-01-05T10:00:00Z")
    start = dt.datetime(2026, 1, 5, 11, tzinfo=dt.timezone.utc)
    calls = [
        Event("called", start + dt.timedelta(hours=6 * index), outcome="undecided")
        for index in range(999)
    ]
    calls.append(
        Event(
            "called",
            "2026-12-30T10:00:00Z",
            outcome="undecided",
            call_back_at="2027-01-05T10:00:00Z",
        )
    )
    plan = plan_followups(interview, calls, now="2026-12-31T00:00:00Z")
    assert [step.kind.value for step in plan.steps] == []
    # Nor does the check ask for it.
    from followup import check_plan  # noqa: PLC0415

    checked = check_plan(plan, interview, calls, now="2026-12-31T00:00:00Z")
    assert [f.code for f in checked if f.code == "FU007"] == []


@pytest.mark.skipif(
    not hasattr(sys, "set_int_max_str_digits"), reason="no limit before 3.10.7"
)
def test_a_whole_number_is_measured_against_python_s_own_limit():
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        assert json.loads(to_json({"x": 10**639}, indent=None)) == {"x": 10**639}
        with pytest.raises(InvalidTypeError, match=r"at most 640 digits"):
            to_json({"x": 10**700})
    finally:
        sys.set_int_max_str_digits(before)

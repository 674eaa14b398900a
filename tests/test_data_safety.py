"""What a review trying to leak secrets or lose data found, each pinned.

A netrc file the parser refuses, and a URL carrying a password that a
parser misreads, printed the password; a URL with an unclosed "[" gave a
traceback; a file larger than memory was read whole; standard output
redirected onto an input file (``>>``, ``1<>``) appended to it or
overwrote it; ``--output`` replaced a write-protected file; and a calendar
server's escape sequences reached the terminal.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import InvalidTypeError, InvalidValueError, plan_followups
from followup._inputs import MOST_BYTES
from followup.example import example_interview
from followup.sync import _why, shown_url, sync_plan, url_problem
from shell import run

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
NOW = "2026-11-23T10:30:00-05:00"
PLAN = plan_followups(example_interview())


@pytest.fixture
def no_credentials(monkeypatch):
    monkeypatch.delenv("FOLLOWUP_CALDAV_USERNAME", raising=False)
    monkeypatch.delenv("FOLLOWUP_CALDAV_PASSWORD", raising=False)


@pytest.mark.parametrize(
    ("entry", "line"),
    [
        ("machine cal.example.com login ada password correct horse battery\n", 1),
        # Python's parser counts the line after the token it could not place.
        ("machine cal.example.com login ada Hunter2SECRET\n", 2),
    ],
)
@pytest.mark.usefixtures("no_credentials")
def test_a_netrc_file_the_parser_refuses_is_named_without_its_tokens(
    tmp_path, entry, line
):
    netrc = tmp_path / "netrc"
    netrc.write_text(entry)
    result = run(
        "sync", INTERVIEW, "--to", "https://cal.example.com/cal/", "--netrc", netrc
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: --netrc {netrc}: not a netrc file at line {line} (a token "
        "there is no keyword, or a keyword lacks its value; a password with "
        "spaces must be quoted)\n"
    )


NO_URL = (
    "is no URL: its host or port cannot be read (a password holding '/', '?' "
    "or '#' is written %2F, %3F, %23)"
)
NO_HTTP = "is no http or https URL"


@pytest.mark.parametrize(
    ("url", "shown", "problem"),
    [
        # No scheme, or a mistyped one: no user name is told from a password.
        (
            "ada:hunter2@cal.example.com/dav/ada/jobs/",
            "…@cal.example.com/dav/ada/jobs/",
            NO_HTTP,
        ),
        (
            "http:/ada:hunter2@cal.example.com/dav/",
            "…@cal.example.com/dav/",
            NO_HTTP,
        ),
        ("//ada:hunter2@cal.example.com/dav/", "…@cal.example.com/dav/", NO_HTTP),
        ("ada:hunter2://x@cal.example.com/", "…@cal.example.com/", NO_HTTP),
        (
            "http://ada:Se/cret@127.0.0.1:52321/ada/jobs/",
            "http://…@127.0.0.1:52321/ada/jobs/",
            NO_URL,
        ),
        (
            "ftp://ada:S3CRETPW@host/cal/",
            "ftp://ada@host/cal/",
            NO_HTTP,
        ),
        (
            "https://ada:S3CRETPW@/cal/",
            "https://ada@/cal/",
            NO_HTTP,
        ),
        (
            "http://ada:pw@[::1/cal/",
            "http://ada@[::1/cal/",
            NO_URL,
        ),
        (
            "http://ada:Se[cret@127.0.0.1:52321/ada/jobs/",
            "http://ada@127.0.0.1:52321/ada/jobs/",
            NO_URL,
        ),
        # User information of one part may be a token, not a name; so is
        # one with an empty password (curl's "-u TOKEN:").
        (
            "ftp://s3cr3t-token@cal.example.com/x",
            "ftp://…@cal.example.com/x",
            NO_HTTP,
        ),
        ("ftp://s3cr3t-token:@cal.example.com/x", "ftp://…@cal.example.com/x", NO_HTTP),
        ("//s3cr3t-token@cal.example.com/x", "…@cal.example.com/x", NO_HTTP),
    ],
)
@pytest.mark.usefixtures("no_credentials")
def test_a_url_is_never_shown_with_its_password(url, shown, problem):
    result = run("sync", INTERVIEW, "--to", url)
    assert result.returncode == 2
    assert result.stderr == (f"followup: error: --to {shown}: {problem}\n")


def test_a_path_with_an_at_sign_is_shown_whole():
    url = "https://caldav.example.com/dav/calendars/user/ada@example.com/jobs/"
    assert shown_url(url) == url
    assert shown_url("https://ada:secret@host/cal/") == "https://ada@host/cal/"
    # With user information too, the host's "@" is the one that ends it.
    keyed = "https://TOKEN123@cal.example.com/dav/calendars/user/ada@example.com/"
    assert (
        shown_url(keyed)
        == "https://…@cal.example.com/dav/calendars/user/ada@example.com/"
    )
    named = "https://ada:pw@cal.example.com/dav/ada@example.com/"
    assert shown_url(named) == "https://ada@cal.example.com/dav/ada@example.com/"


_PASSWORD = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?#:[]%!$&'()*+,;=@", min_size=1
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@given(
    st.sampled_from(
        ["http://", "https://", "ftp://", "webcal://", "HTTP://", "", "//", "http:/"]
    ),
    _WORD,
    _PASSWORD,
    _WORD,
    st.lists(_WORD, max_size=3),
)
def test_no_password_is_shown_whatever_it_holds(start, user, password, host, path):
    # "PW" opens every password, and nothing else holds capitals.
    url = f"{start}{user}:PW{password}@{host}/{'/'.join(path)}"
    assert "PW" not in shown_url(url)
    # Nor by the library's refusal of a URL it cannot use, nor by the
    # command's.
    problem = url_problem(url)
    if problem is not None:
        with pytest.raises(InvalidValueError) as raised:
            sync_plan(PLAN, url)
        assert "PW" not in str(raised.value)
        assert str(raised.value) == f"url: {shown_url(url)!r} {problem}"


def test_a_server_s_escape_sequences_do_not_reach_the_terminal():
    why = _why(ValueError("500 \x1b[2J\x1b]0;owned\x07\x1b[31mFAKE\x1b[0m"))
    assert why == "500 \\x1b[2J\\x1b]0;owned\\x07\\x1b[31mFAKE\\x1b[0m"
    assert all(character.isprintable() for character in why)


def test_a_file_larger_than_any_input_is_refused_unread(tmp_path):
    big = tmp_path / "big.toml"
    with big.open("wb") as handle:
        handle.truncate(MOST_BYTES + 1)
    result = run("plan", big, "--now", NOW)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {big}: is larger than 16 MiB, which no file it reads "
        "here comes near\n"
    )


def test_a_file_of_the_largest_size_is_read(tmp_path):
    # At the limit exactly, the file is read, and refused for what it holds.
    full = tmp_path / "full.toml"
    full.write_bytes(b"#" * (MOST_BYTES - 1) + b"\n")
    result = run("plan", full, "--now", NOW)
    assert result.returncode == 2
    assert "larger than" not in result.stderr


def test_a_letter_on_standard_input_larger_than_any_is_refused():
    result = run(
        "check-letter", "-", "--interview", INTERVIEW, stdin="x" * (MOST_BYTES + 1)
    )
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: standard input: is larger than 16 MiB, which no letter "
        "comes near\n"
    )


@pytest.mark.parametrize("mode", ["ab", "r+b"], ids=[">>", "1<>"])
def test_standard_output_onto_an_input_file_is_refused(tmp_path, mode):
    interview = tmp_path / "interview.toml"
    interview.write_bytes(INTERVIEW.read_bytes())
    with interview.open(mode) as handle:
        result = subprocess.run(
            [sys.executable, "-m", "followup", "plan", str(interview), "--now", NOW],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: standard output is {interview}, an input file; it is "
        "never overwritten\n"
    )
    assert interview.read_bytes() == INTERVIEW.read_bytes()


def test_standard_output_onto_another_file_is_written(tmp_path):
    interview = tmp_path / "interview.toml"
    interview.write_bytes(INTERVIEW.read_bytes())
    plan = tmp_path / "plan.txt"
    with plan.open("ab") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "followup", "plan", str(interview), "--now", NOW],
            stdout=handle,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert plan.read_text().startswith("Ada Lovelace")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="the superuser writes a write-protected file, as a shell's > does",
)
def test_a_write_protected_output_is_not_replaced(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_text("precious\n")
    kept.chmod(0o444)
    result = run("plan", INTERVIEW, "--now", NOW, "--output", kept)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: --output {kept}: cannot write there (Permission denied)\n"
    )
    assert kept.read_text() == "precious\n"


@pytest.mark.usefixtures("no_credentials")
@pytest.mark.parametrize(
    ("mode", "warned"), [(0o644, True), (0o640, True), (0o600, False)]
)
def test_a_netrc_file_others_may_read_is_warned_of(tmp_path, mode, warned):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ada password secret\n")
    netrc.chmod(mode)
    result = run(
        "sync", INTERVIEW, "--to", "http://127.0.0.1:9/cal/", "--netrc", netrc,
        "--now", NOW,
    )  # fmt: skip
    assert result.returncode == 2
    warning = (
        f"followup: warning: --netrc {netrc} holds a password and others may read "
        f"it (mode {mode:04o}): chmod 600 {netrc}\n"
    )
    assert result.stderr.startswith(warning) is warned
    assert "secret" not in result.stderr


def test_the_library_refuses_credentials_no_request_could_carry():
    url = "http://127.0.0.1:1/cal/"
    with pytest.raises(InvalidTypeError, match=r"^username: expected a str or None"):
        sync_plan(PLAN, url, username=123, password="x")  # type: ignore[arg-type]  # noqa: S106
    with pytest.raises(InvalidTypeError) as raised:
        sync_plan(PLAN, url, username="ada", password=b"hunter2")  # type: ignore[arg-type]
    assert str(raised.value) == (
        "password: expected a str or None, got bytes (its value not shown)"
    )
    with pytest.raises(InvalidValueError, match=r"^username: '' is empty"):
        sync_plan(PLAN, url, username="", password="correct-horse")  # noqa: S106


def test_a_password_withheld_stays_withheld_in_another_process():
    import pickle  # noqa: PLC0415

    error = InvalidTypeError("password", b"hunter2", "a str or None", secret=True)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.secret) == (
        InvalidTypeError,
        str(error),
        True,
    )
    assert "hunter2" not in str(again)


@pytest.mark.parametrize("password", [b"hunter2", bytearray(b"hunter2"), ["hunter2"]])
def test_a_password_of_the_wrong_type_is_not_kept_by_its_error(password):
    # Logged with its attributes, or pickled for another process, the error
    # would carry the password.
    import pickle  # noqa: PLC0415

    with pytest.raises(InvalidTypeError) as raised:
        sync_plan(PLAN, "http://127.0.0.1:1/cal/", username="ada", password=password)
    error = raised.value
    kind = type(password).__name__
    assert (repr(error.value), error.value.kind) == (f"<a {kind} withheld>", kind)
    assert "hunter2" not in repr(vars(error))
    assert b"hunter2" not in pickle.dumps(error)
    assert pickle.loads(pickle.dumps(error)).value == error.value


def test_a_url_given_as_bytes_is_not_quoted_with_its_password():
    import pickle  # noqa: PLC0415

    with pytest.raises(InvalidTypeError) as raised:
        sync_plan(PLAN, b"https://ada:hunter2@cal.example.com/dav/")  # type: ignore[arg-type]
    error = raised.value
    assert str(error) == "url: expected a str, got bytes (its value not shown)"
    assert "hunter2" not in repr(vars(error))
    assert b"hunter2" not in pickle.dumps(error)

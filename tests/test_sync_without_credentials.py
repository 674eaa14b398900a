"""A server that asks for credentials and gets none is told apart from a refusal.

`followup sync` with no FOLLOWUP_CALDAV_* variables and no netrc entry
said "the server refused the credentials": none had been sent.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from followup import plan_followups
from followup.example import example_interview
from followup.sync import CredentialsError, SyncError, sync_plan
from radicale_server import PASSWORD, USER

INTERVIEW = pathlib.Path(__file__).parent.parent / "examples" / "interview.toml"
NOW = "2026-11-23T10:20:00-05:00"


def _run(home: pathlib.Path, *args: object) -> subprocess.CompletedProcess[str]:
    # No credentials in the environment, and a home without a netrc file.
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FOLLOWUP_CALDAV_")
    }
    env["HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "followup", "sync", INTERVIEW, "--now", NOW,
         *map(str, args)],
        capture_output=True, text=True, check=False, timeout=120, env=env,
    )  # fmt: skip


def test_none_given_says_so_and_where_they_go(
    calendar_url: str, tmp_path: pathlib.Path
) -> None:
    result = _run(tmp_path, "--to", calendar_url)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: {calendar_url}: the server asks for credentials, and "
        "none were given: found none in FOLLOWUP_CALDAV_USERNAME and "
        "FOLLOWUP_CALDAV_PASSWORD, nor for this host in ~/.netrc\n"
    )


def test_a_netrc_file_without_the_host_is_named(
    calendar_url: str, tmp_path: pathlib.Path
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine example.com login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    result = _run(tmp_path, "--to", calendar_url, "--netrc", netrc)
    assert result.returncode == 2
    assert result.stderr.endswith(f"nor for this host in --netrc {netrc}\n")


def test_the_library_tells_a_refusal_from_none_given(calendar_url: str) -> None:
    plan = plan_followups(example_interview(), now=NOW)
    with pytest.raises(CredentialsError) as none:
        sync_plan(plan, calendar_url)
    assert none.value.given is False
    assert str(none.value) == (
        f"{calendar_url}: the server asks for credentials, and none were given"
    )
    with pytest.raises(CredentialsError) as wrong:
        sync_plan(plan, calendar_url, username=USER, password=f"wrong-{PASSWORD}")
    assert wrong.value.given is True
    assert str(wrong.value) == f"{calendar_url}: the server refused the credentials"
    # Still a SyncError, for those who catch that.
    assert isinstance(wrong.value, SyncError)
    assert sync_plan(plan, calendar_url, username=USER, password=PASSWORD).created

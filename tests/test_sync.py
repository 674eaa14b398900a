"""`followup sync` against a real CalDAV server: Radicale on 127.0.0.1.

The suite starts the server itself (installed with the test extra), with
its own folder and a password file, and reads the calendar back through the
``caldav`` client, as another device would.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import subprocess
import sys

import caldav
import pytest

from followup import Event, EventKind, plan_followups
from followup.errors import InvalidTypeError, Withheld
from followup.example import example_interview
from followup.ics import calendar_objects, interview_uid_prefix, sequence_of
from followup.sync import SyncError, sync_plan
from radicale_server import PASSWORD, USER

ROOT = pathlib.Path(__file__).parent.parent
INTERVIEW = ROOT / "examples" / "interview.toml"


def _components(url):
    """Each item on the server, by UID, as caldav reads it."""
    client = caldav.DAVClient(url, username=USER, password=PASSWORD)
    return {
        str(resource.icalendar_component["uid"]): resource
        for resource in client.calendar(url=url).objects(load_objects=True)
    }


def _read_back(url):
    """Each item on the server, by UID: (kind of item, status, start or due)."""
    items = {}
    for uid, resource in _components(url).items():
        component = resource.icalendar_component
        when = component.get("dtstart") or component.get("due")
        items[uid] = (
            component.name,
            str(component.get("status", "")),
            when.dt if when is not None else None,
        )
    return items


def _run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "followup", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


CREDENTIALS = {"FOLLOWUP_CALDAV_USERNAME": USER, "FOLLOWUP_CALDAV_PASSWORD": PASSWORD}


def _moved(tmp_path, day):
    path = tmp_path / f"moved-{day}.toml"
    path.write_text(
        INTERVIEW.read_text().replace("2026-11-23T10:00:00", f"2026-11-{day}T10:00:00")
    )
    return path


def test_sync_creates_then_updates_in_place_after_a_reschedule(calendar_url, tmp_path):
    first = _run(
        "sync", INTERVIEW, "--to", calendar_url, "--now", "2026-11-23T10:20:00-05:00",
        env=CREDENTIALS,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert first.stdout == (
        f"{calendar_url}: 4 created, 0 updated, 0 cancelled, 0 unchanged\n"
    )
    before = _read_back(calendar_url)
    assert len(before) == 4
    assert {kind for kind, _, _ in before.values()} == {"VEVENT", "VTODO"}
    # The interview moves to Thursday and the plan is pushed after the call:
    # the same items, at new times; the close of the call is cancelled.
    moved = _moved(tmp_path, 26)
    again = _run(
        "sync", moved, "--to", calendar_url, "--now", "2026-11-26T10:45:00-05:00",
        env=CREDENTIALS,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert again.stdout == (
        f"{calendar_url}: 0 created, 3 updated, 1 cancelled, 0 unchanged\n"
    )
    after = _read_back(calendar_url)
    assert after.keys() == before.keys()
    (closing,) = (uid for uid in after if "-close-call-" in uid)
    assert after[closing][1] == "CANCELLED"
    for uid, (_, status, when) in after.items():
        if uid != closing:
            assert status == ""
            assert when > before[uid][2]


def test_after_a_rejection_every_item_is_cancelled_and_stays_one(calendar_url):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    assert str(sync_plan(plan, calendar_url, username=USER, password=PASSWORD)) == (
        "4 created, 0 updated, 0 cancelled, 0 unchanged"
    )
    # The same plan made a minute later says the same: nothing is rewritten.
    later = plan_followups(example_interview(), now="2026-11-23T10:21:00-05:00")
    same = sync_plan(later, calendar_url, username=USER, password=PASSWORD)
    assert str(same) == "0 created, 0 updated, 0 cancelled, 4 unchanged"
    no = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    rejected = plan_followups(
        example_interview(), [no], now="2026-11-24T09:05:00-05:00"
    )
    synced = sync_plan(rejected, calendar_url, username=USER, password=PASSWORD)
    assert len(synced.cancelled) == 4
    items = _read_back(calendar_url)
    assert len(items) == 4
    assert {status for _, status, _ in items.values()} == {"CANCELLED"}
    # Pushing the same again changes nothing and duplicates nothing.
    assert str(sync_plan(rejected, calendar_url, username=USER, password=PASSWORD)) == (
        "0 created, 0 updated, 0 cancelled, 0 unchanged"
    )
    assert len(_read_back(calendar_url)) == 4


def test_other_items_of_the_calendar_are_left_alone(calendar_url):
    client = caldav.DAVClient(calendar_url, username=USER, password=PASSWORD)
    calendar = client.calendar(url=calendar_url)
    calendar.save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//me//EN\r\nBEGIN:VEVENT\r\n"
        "UID:dentist@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
        "DTSTART:20261124T100000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    no = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    rejected = plan_followups(
        example_interview(), [no], now="2026-11-24T09:05:00-05:00"
    )
    assert not sync_plan(
        rejected, calendar_url, username=USER, password=PASSWORD
    ).cancelled
    assert _read_back(calendar_url)["dentist@example.com"][1] == ""


def test_a_netrc_file_gives_the_credentials(calendar_url, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password wrong-{PASSWORD}\n")
    netrc.chmod(0o600)
    # A wrong password there: refused in one line, exit 2.
    refused = _run(
        "sync", INTERVIEW, "--to", calendar_url, "--netrc", netrc, "--now", "now"
    )
    assert refused.returncode == 2
    assert refused.stderr == (
        f"followup: error: {calendar_url}: the server refused the credentials\n"
    )
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    result = _run(
        "sync", INTERVIEW, "--to", calendar_url, "--netrc", netrc,
        "--now", "2026-11-23T10:20:00-05:00",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(_read_back(calendar_url)) == 4


def _without_credentials(**variables):
    env = {**os.environ, **variables}
    for name in ("FOLLOWUP_CALDAV_USERNAME", "FOLLOWUP_CALDAV_PASSWORD"):
        if name not in variables:
            env.pop(name, None)
    return env


def test_a_user_name_from_the_environment_takes_its_password_from_netrc(
    calendar_url, tmp_path
):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    args = (
        "sync", INTERVIEW, "--to", calendar_url, "--netrc", netrc,
        "--now", "2026-11-23T10:20:00-05:00",
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "followup", *map(str, args)],
        capture_output=True, text=True, check=False, timeout=120,
        env=_without_credentials(FOLLOWUP_CALDAV_USERNAME=USER),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(_read_back(calendar_url)) == 4
    # Another user's entry gives no password for this one.
    other = subprocess.run(
        [sys.executable, "-m", "followup", *map(str, args)],
        capture_output=True, text=True, check=False, timeout=120,
        env=_without_credentials(FOLLOWUP_CALDAV_USERNAME="grace"),
    )  # fmt: skip
    assert (other.returncode, other.stderr) == (
        2,
        (
            "followup: error: no password for 'grace': set FOLLOWUP_CALDAV_PASSWORD, "
            f"or give one in {netrc}, which logs in to 127.0.0.1 as {USER!r}\n"
        ),
    )


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"FOLLOWUP_CALDAV_USERNAME": "ada"},
            (
                "no password for 'ada': set FOLLOWUP_CALDAV_PASSWORD, or give one in "
                "a netrc file (--netrc FILE, else ~/.netrc)"
            ),
        ),
        # An empty variable is an unset one, as ${VAR:-} has it.
        (
            {"FOLLOWUP_CALDAV_USERNAME": "", "FOLLOWUP_CALDAV_PASSWORD": "pw"},
            (
                "FOLLOWUP_CALDAV_PASSWORD is set, but no user name: set "
                "FOLLOWUP_CALDAV_USERNAME, or give a login in a netrc file"
            ),
        ),
    ],
)
def test_half_the_credentials_is_said_before_any_request(tmp_path, variables, message):
    # No server at all: the command stops before it would ask one.
    result = subprocess.run(
        [sys.executable, "-m", "followup", "sync", str(INTERVIEW), "--to",
         "http://127.0.0.1:1/cal/", "--now", "now"],
        capture_output=True, text=True, check=False, timeout=120,
        env={**_without_credentials(**variables), "HOME": str(tmp_path)},
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (2, f"followup: error: {message}\n")


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (
            "machine 127.0.0.1 login ada password pw",
            "which logs in to {host} as 'ada'",
        ),
        ("machine example.com login bob password pw", "which has none for {host}"),
        # (A login without a password: Python 3.10's reader refuses the file.)
        ("machine 127.0.0.1 password pw", "which logs in to {host} with no login"),
        ("default login ada password pw", "which logs in to {host} as 'ada'"),
    ],
)
def test_a_netrc_file_given_without_the_password_is_named(tmp_path, entry, said):
    # The message pointed to "a netrc file (--netrc FILE, else ~/.netrc)",
    # the one just given, as if none had been read.
    netrc = tmp_path / "netrc"
    netrc.write_text(entry + "\n")
    netrc.chmod(0o600)
    result = subprocess.run(
        [sys.executable, "-m", "followup", "sync", str(INTERVIEW), "--to",
         "http://127.0.0.1:1/cal/", "--now", "now", "--netrc", str(netrc)],
        capture_output=True, text=True, check=False, timeout=120,
        env=_without_credentials(FOLLOWUP_CALDAV_USERNAME="bob"),
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        (
            "followup: error: no password for 'bob': set FOLLOWUP_CALDAV_PASSWORD, "
            f"or give one in {netrc}, {said.format(host='127.0.0.1')}\n"
        ),
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://ada:pw@127.0.0.1:1/cal/", "not in the URL"),
        ("ftp://127.0.0.1/cal/", "is no http or https URL"),
        ("http://127.0.0.1:1/cal/", "cannot reach the server"),
    ],
)
def test_a_bad_destination_is_one_line_and_exit_2(url, message):
    result = _run("sync", INTERVIEW, "--to", url, "--now", "now", env=CREDENTIALS)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("where", ["--netrc", "~/.netrc"])
def test_a_netrc_file_that_is_not_utf8_is_one_line_and_exit_2(tmp_path, where):
    # A Latin-1 password: netrc reads UTF-8 (else the locale's encoding).
    netrc = tmp_path / ".netrc"
    netrc.write_bytes(b"machine 127.0.0.1 login ada password caf\xe9\n")
    netrc.chmod(0o600)
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("FOLLOWUP_CALDAV_")
    }
    env["HOME"] = str(tmp_path)
    option = ["--netrc", netrc] if where == "--netrc" else []
    result = subprocess.run(
        [sys.executable, "-m", "followup", "sync", INTERVIEW, "--now", "now",
         "--to", "http://127.0.0.1:1/cal/", *map(str, option)],
        capture_output=True, text=True, check=False, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(f"followup: error: --netrc {netrc}: ")
    assert "UTF-8" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("plan", "url", "field"),
    [
        (None, "http://127.0.0.1:1/cal/", "plan"),
        (plan_followups(example_interview()), 5, "url"),
        (plan_followups(example_interview()), b"http://127.0.0.1:1/cal/", "url"),
        (plan_followups(example_interview()), None, "url"),
    ],
)
def test_arguments_of_the_wrong_type_are_named(plan, url, field):
    value = plan if field == "plan" else url
    with pytest.raises(InvalidTypeError) as caught:
        sync_plan(plan, url)
    assert caught.value.field == field
    if field == "url":
        # Not kept: bytes of a URL may hold its password.
        assert caught.value.value == Withheld(type(value).__name__)
    else:
        assert caught.value.value is value
    assert str(caught.value).startswith(f"{field}: ")


def test_no_calendar_at_the_url_is_said(caldav_server):
    with pytest.raises(SyncError, match="no calendar there"):
        sync_plan(
            plan_followups(example_interview()),
            f"{caldav_server}/{USER}/missing/",
            username=USER,
            password=PASSWORD,
        )


def _collections(server):
    """The names of the user's collections on the server."""
    client = caldav.DAVClient(f"{server}/", username=USER, password=PASSWORD)
    return sorted(
        str(calendar.url).rstrip("/").rsplit("/", 1)[-1]
        for calendar in client.principal().calendars()
    )


@pytest.mark.parametrize("where", ["home", "item"])
def test_a_url_that_is_not_a_calendar_is_refused_before_writing(
    caldav_server, calendar_url, where
):
    # The user's home collection is an easy slip for the calendar's URL, and
    # Radicale would make every item written there a calendar of its own.
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    url = {
        "home": f"{caldav_server}/{USER}/",
        "item": str(next(iter(_components(calendar_url).values())).url),
    }[where]
    before = _collections(caldav_server)
    with pytest.raises(SyncError, match="no calendar there") as caught:
        sync_plan(plan, url, username=USER, password=PASSWORD)
    assert str(caught.value).startswith(f"{url}: ")
    assert _collections(caldav_server) == before
    assert len(_read_back(calendar_url)) == 4
    result = _run("sync", INTERVIEW, "--to", url, "--now", "now", env=CREDENTIALS)
    assert result.returncode == 2
    assert result.stderr.startswith(f"followup: error: {url}: no calendar there")
    assert len(result.stderr.splitlines()) == 1
    assert _collections(caldav_server) == before


def test_items_a_calendar_client_imported_under_its_own_names_are_updated(
    calendar_url, tmp_path
):
    # A calendar client that imported the .ics names each resource itself;
    # the push finds them by UID and must rewrite those, not add its own.
    client = caldav.DAVClient(calendar_url, username=USER, password=PASSWORD)
    first = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    imported = {}
    for number, (uid, text) in enumerate(calendar_objects(first)):
        imported[uid] = f"{calendar_url}imported-{number}.ics"
        response = client.put(
            imported[uid], text, {"Content-Type": "text/calendar; charset=utf-8"}
        )
        assert response.status == 201
    # The interview moves to Thursday: every item changes.
    push = ("sync", _moved(tmp_path, 26), "--to", calendar_url,
            "--now", "2026-11-23T10:20:00-05:00")  # fmt: skip
    moved = _run(*push, env=CREDENTIALS)
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout == (
        f"{calendar_url}: 0 created, 4 updated, 0 cancelled, 0 unchanged\n"
    )

    def where():
        return {uid: str(item.url) for uid, item in _components(calendar_url).items()}

    assert where() == imported
    # What the push wrote is there: a second push of it has nothing to do.
    again = _run(*push, env=CREDENTIALS)
    assert again.stdout == (
        f"{calendar_url}: 0 created, 0 updated, 0 cancelled, 4 unchanged\n"
    )
    no = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    rejected = plan_followups(
        example_interview(), [no], now="2026-11-24T09:05:00-05:00"
    )
    synced = sync_plan(rejected, calendar_url, username=USER, password=PASSWORD)
    assert sorted(synced.cancelled) == sorted(imported)
    assert where() == imported
    assert {status for _, status, _ in _read_back(calendar_url).values()} == {
        "CANCELLED"
    }


def test_what_sync_reports_and_how_it_cancels_item_by_item(calendar_url):
    plan = plan_followups(example_interview(), now="2026-11-23T10:20:00-05:00")
    uids = sorted(uid for uid, _ in calendar_objects(plan, todos=True))
    assert len(uids) == 4
    first = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    assert (sorted(first.created), first.updated, first.cancelled) == (uids, (), ())
    again = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    assert (again.created, sorted(again.unchanged)) == ((), uids)
    # Another program raised one item's SEQUENCE far past the plan's: the
    # cancellation must still come after it, or clients would ignore it.
    bumped = _components(calendar_url)[uids[0]]
    bumped.icalendar_component["sequence"] = 10**8
    bumped.save()
    no = Event(
        EventKind.DECISION_RECEIVED, "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    rejected = plan_followups(
        example_interview(), [no], now="2026-11-24T09:05:00-05:00"
    )
    before = {
        uid: int(resource.icalendar_component["sequence"])
        for uid, resource in _components(calendar_url).items()
    }
    assert before[uids[0]] > sequence_of(rejected)
    synced = sync_plan(rejected, calendar_url, username=USER, password=PASSWORD)
    # In the order of their UIDs, as `Synced` says.
    assert synced.cancelled == tuple(uids)
    for uid, resource in _components(calendar_url).items():
        component = resource.icalendar_component
        assert str(component["status"]) == "CANCELLED"
        # Later than both the plan's and what the server had (caldav adds
        # one more as it saves).
        assert int(component["sequence"]) > max(before[uid], sequence_of(rejected))
        assert component["dtstamp"].dt == dt.datetime(
            2026, 11, 24, 14, 5, tzinfo=dt.timezone.utc
        )
        # A cancelled step rings no more.
        assert [sub.name for sub in component.subcomponents] == []


def _dropped(uid: str, component: str, extra: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        f"BEGIN:{component}\r\nUID:{uid}\r\nDTSTAMP:20261120T100000Z\r\n"
        f"DTSTART:20261201T150000Z\r\nSUMMARY:Old\r\n{extra}"
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Old\r\n"
        "TRIGGER:-PT15M\r\nEND:VALARM\r\n"
        f"END:{component}\r\nEND:VCALENDAR\r\n"
    )


def test_items_the_plan_no_longer_holds_are_cancelled_once(calendar_url):
    # Items of this interview the plan dropped (an event whose SEQUENCE
    # another program raised, a to-do, an event already cancelled): the first
    # two are cancelled with a later SEQUENCE and no alarm, stamped with the
    # plan's as_of; the third is not written again.
    plan = plan_followups(example_interview())
    prefix = interview_uid_prefix(plan.interview)
    event_uid, todo_uid, done_uid = (
        f"{prefix}{name}-1@followup" for name in ("aa", "bb", "cc")
    )
    high = sequence_of(plan) + 1000
    calendar = caldav.DAVClient(
        calendar_url, username=USER, password=PASSWORD
    ).calendar(url=calendar_url)
    calendar.save_event(_dropped(event_uid, "VEVENT", f"SEQUENCE:{high}\r\n"))
    calendar.save_todo(_dropped(todo_uid, "VTODO", "SEQUENCE:1\r\n"))
    calendar.save_event(
        _dropped(done_uid, "VEVENT", "SEQUENCE:1\r\nSTATUS:CANCELLED\r\n")
    )
    kept = _components(calendar_url)[done_uid].data
    synced = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    assert synced.cancelled == (event_uid, todo_uid)
    items = _components(calendar_url)
    assert items[done_uid].data == kept
    for uid, least in ((event_uid, high), (todo_uid, sequence_of(plan) - 1)):
        item = items[uid].icalendar_component
        assert str(item["status"]) == "CANCELLED"
        assert int(item["sequence"]) > least
        # The plan's as_of: the interview, 10:00 in New York, in UTC.
        assert item["dtstamp"].dt == dt.datetime(
            2026, 11, 23, 15, tzinfo=dt.timezone.utc
        )
        assert [sub.name for sub in item.subcomponents] == []

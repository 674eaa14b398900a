"""`followup.sync` and `followup.mail` held to what their docs promise.

Against real parts: a Radicale server on 127.0.0.1 (and, for refusals
Radicale never gives, a small `http.server` in a thread), the icalendar
package reading back what the server holds, and the stdlib `email` parser.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import http.server
import re
import threading
import urllib.parse
from typing import ClassVar

import caldav
import icalendar
import pytest

from followup import Contact, Event, Interview, InvalidValueError, plan_followups
from followup.example import example_interview
from followup.ics import step_uid
from followup.mail import draft_message, draft_text, mailto_link, subject
from followup.sync import SyncError, sync_plan
from radicale_server import PASSWORD, USER, free_port

NOW = "2026-11-23T10:20:00-05:00"
SENT = "2026-11-23T11:00:00-05:00"


def _calendar(url: str) -> caldav.Calendar:
    client = caldav.DAVClient(url, username=USER, password=PASSWORD)
    return client.calendar(url=url)  # type: ignore[no-untyped-call]


def _held(url: str) -> dict[str, icalendar.Calendar]:
    """What the server holds, by UID, parsed from its text as another client would."""
    held = {}
    for resource in _calendar(url).objects(load_objects=True):
        calendar = icalendar.Calendar.from_ical(resource.data)
        (item,) = (c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"})
        held[str(item["uid"])] = calendar
    return held


def _item(calendar: icalendar.Calendar) -> icalendar.Component:
    (item,) = (c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"})
    return item


# --- sync -------------------------------------------------------------------


def test_an_item_another_program_moved_is_put_back_with_a_later_sequence(
    calendar_url: str,
) -> None:
    # The plan is what sync writes: an item someone moved in another calendar
    # program is put back at the next push.  That program raised SEQUENCE as
    # it saved; a rewrite counting lower would be ignored by clients that keep
    # the version with the highest SEQUENCE (RFC 5545, 3.8.7.4).
    plan = plan_followups(example_interview(), now=NOW)
    sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    before = _held(calendar_url)
    (uid,) = (uid for uid in before if "-follow-up-" in uid)
    dentist = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//me//EN\r\nBEGIN:VEVENT\r\n"
        "UID:dentist@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
        "DTSTART:20261124T100000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    _calendar(calendar_url).save_event(dentist)
    theirs = {
        str(resource.icalendar_component["uid"]): resource
        for resource in _calendar(calendar_url).objects(load_objects=True)
    }
    moved = theirs[uid]
    component = moved.icalendar_component
    start = component["dtstart"].dt
    component.pop("dtstart")
    component.add("dtstart", start + dt.timedelta(hours=2))
    component.pop("sequence")
    component.add("sequence", 10**8)
    moved.save(increase_seqno=False)
    dentist_held = _held(calendar_url)["dentist@example.com"].to_ical()

    synced = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)

    assert synced.updated == (uid,)
    assert sorted(synced.unchanged) == sorted(set(before) - {uid})
    after = _held(calendar_url)
    item = _item(after[uid])
    assert item["dtstart"].dt == start
    assert int(item["sequence"]) > 10**8
    assert after["dentist@example.com"].to_ical() == dentist_held
    # What was written reads as the plan's item: the next push has nothing to do.
    again = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    assert (again.created, again.updated, again.cancelled) == ((), (), ())
    assert sorted(again.unchanged) == sorted(before)


def _put(url: str, resource: caldav.CalendarObjectResource, text: str) -> None:
    """Write `text` as the resource, unread: what another program may leave."""
    client = caldav.DAVClient(url, username=USER, password=PASSWORD)
    client.put(str(resource.url), text, {"Content-Type": "text/calendar"})


def _raw(url: str) -> dict[str, str]:
    """Each resource's text as the server holds it, by resource name."""
    client = caldav.DAVClient(url, username=USER, password=PASSWORD)
    names = [
        str(resource.url) for resource in _calendar(url).objects(load_objects=False)
    ]
    return {name: client.request(name).raw for name in names}


def test_an_item_icalendar_cannot_read_of_another_program_is_left_alone(
    calendar_url: str,
) -> None:
    # Another program's item with a SEQUENCE that is no number: icalendar
    # refuses a to-do like it, and once that stopped every push to the
    # calendar.  It is no item of the plan's, and is left as it is.
    theirs = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//me//EN\r\n"
        "BEGIN:VTODO\r\nUID:chores@example.com\r\nDTSTAMP:20261120T100000Z\r\n"
        "SEQUENCE:two\r\nSUMMARY:Chores\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    client = caldav.DAVClient(calendar_url, username=USER, password=PASSWORD)
    client.put(f"{calendar_url}chores.ics", theirs, {"Content-Type": "text/calendar"})
    before = _raw(calendar_url)

    plan = plan_followups(example_interview(), now=NOW)
    synced = sync_plan(plan, calendar_url, username=USER, password=PASSWORD)

    assert len(synced.created) == len(plan.steps)
    after = _raw(calendar_url)
    assert [after[name] for name in before] == list(before.values())
    assert "SEQUENCE:two" in before[f"{calendar_url}chores.ics"]


@pytest.mark.parametrize("kind", ["follow-up", "close-call"])
def test_an_item_of_the_plan_icalendar_cannot_read_stops_the_push_unwritten(
    calendar_url: str, kind: str
) -> None:
    # One of the plan's items, its SEQUENCE made no number by another
    # program: the follow-up is a to-do, which icalendar refuses to read; the
    # close of the call an event, which it reads with the value kept as it is.
    # Either way the push cannot know what version to write past: it names
    # the item and writes nothing, rather than rewrite it or cancel it unread.
    plan = plan_followups(example_interview(), now=NOW)
    sync_plan(plan, calendar_url, username=USER, password=PASSWORD)
    resources = _calendar(calendar_url).objects(load_objects=True)
    (broken,) = (r for r in resources if f"-{kind}-" in str(r.url))
    uid = str(broken.icalendar_component["uid"])
    text = broken.data
    assert "SEQUENCE:" in text
    _put(calendar_url, broken, re.sub(r"SEQUENCE:\d+", "SEQUENCE:two", text))
    before = _raw(calendar_url)
    replanned = plan_followups(
        example_interview(),
        [Event("decision-received", "2026-11-24T09:00:00-05:00", outcome="rejected")],
        now="2026-11-24T10:00:00-05:00",
    )

    with pytest.raises(SyncError) as caught:
        sync_plan(replanned, calendar_url, username=USER, password=PASSWORD)

    said = str(caught.value)
    assert f"item {uid} cannot be read (" in said
    assert "two" in said
    assert "nothing was written" in said
    assert "\n" not in said
    assert _raw(calendar_url) == before


@pytest.mark.parametrize("where", ["wrong password", "no server", "not a url"])
def test_a_password_in_the_url_never_shows_in_the_error(
    calendar_url: str, where: str
) -> None:
    # The HTTP client takes credentials from the URL; the message, which
    # ends up in logs, names the URL without the password.
    secret = "s3cret-Pw"  # noqa: S105 - the test's own, refused
    url = {
        "wrong password": calendar_url.replace("http://", f"http://{USER}:{secret}@"),
        "no server": f"http://{USER}:{secret}@127.0.0.1:{free_port()}/cal/",
        "not a url": f"http://{USER}:{secret}@[::1/cal/",
    }[where]
    shown = url.replace(f":{secret}@", "@")
    # A URL that cannot be read is a bad argument, refused before any request.
    refused = InvalidValueError if where == "not a url" else SyncError
    with pytest.raises(refused) as caught:
        sync_plan(plan_followups(example_interview(), now=NOW), url)
    assert secret not in str(caught.value)
    assert secret not in repr(caught.value)
    named = f"url: {shown!r} " if where == "not a url" else f"{shown}: "
    assert str(caught.value).startswith(named)
    assert "\n" not in str(caught.value)


_CALENDAR_PROPERTIES = (
    b'<?xml version="1.0"?><multistatus xmlns="DAV:" '
    b'xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/cal/</href>'
    b"<propstat><prop><resourcetype><collection/><C:calendar/></resourcetype>"
    b"</prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>"
)
_EMPTY = b'<?xml version="1.0"?><multistatus xmlns="DAV:"/>'


class _Refusing(http.server.BaseHTTPRequestHandler):
    """A calendar server that refuses: at the first request, or at the write."""

    #: (method refused, status, extra headers), set by the test.
    refusal: ClassVar[tuple[str, int, tuple[tuple[str, str], ...]]]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the test reads the client's error, not the server's log."""

    def _answer(
        self, status: int, body: bytes, headers: tuple[tuple[str, str], ...]
    ) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _refuse_or(self, method: str, status: int, body: bytes) -> None:
        refused, refusal, headers = self.refusal
        if refused == method:
            self._answer(refusal, b"<html>refused</html>", headers)
        else:
            self._answer(status, body, ())

    def do_PROPFIND(self) -> None:
        self._refuse_or("PROPFIND", 207, _CALENDAR_PROPERTIES)

    def do_REPORT(self) -> None:
        self._refuse_or("REPORT", 207, _EMPTY)

    def do_PUT(self) -> None:
        self._refuse_or("PUT", 201, b"")


@pytest.mark.parametrize(
    ("refusal", "said"),
    [
        (("PROPFIND", 401, (("WWW-Authenticate", 'Basic realm="x"'),)), "refused"),
        (("PROPFIND", 403, ()), "forbids it (403"),
        (("PUT", 403, ()), "forbids it (403: a read-only calendar"),
        (("PROPFIND", 404, ()), "no calendar there"),
        (("PROPFIND", 500, ()), "500"),
        (("PROPFIND", 503, (("Retry-After", "120"),)), "Retry after: 120"),
        (("PUT", 412, ()), "412 Precondition Failed"),
        (("PUT", 507, ()), "507"),
    ],
)
def test_a_server_that_refuses_gives_one_line_naming_the_url(
    refusal: tuple[str, int, tuple[tuple[str, str], ...]], said: str
) -> None:
    _Refusing.refusal = refusal
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    serving = threading.Thread(target=httpd.serve_forever, daemon=True)
    serving.start()
    try:
        url = f"http://{USER}:{PASSWORD}@127.0.0.1:{httpd.server_port}/cal/"
        with pytest.raises(SyncError) as caught:
            sync_plan(plan_followups(example_interview(), now=NOW), url)
    finally:
        httpd.shutdown()
        httpd.server_close()
        serving.join()
    message = str(caught.value)
    assert message.startswith(f"http://{USER}@127.0.0.1:{httpd.server_port}/cal/: ")
    assert said in message
    assert PASSWORD not in message
    assert "\n" not in message


def test_items_read_back_through_their_vtimezones_are_the_steps_instants(
    calendar_url: str,
) -> None:
    # Around the end of summer time in London: each item's start, read
    # through the VTIMEZONE it carries (not the zone database of the reader),
    # is the step's due instant.
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-10-22T16:00:00+01:00[Europe/London]",
        interviewer=Contact("Grace", timezone="Europe/London"),
    )
    plan = plan_followups(interview)
    sync_plan(plan, calendar_url, username=USER, password=PASSWORD, todos=False)
    held = _held(calendar_url)
    due = {step_uid(plan.interview, step): step.due for step in plan.steps}
    assert held.keys() == due.keys()
    for uid, calendar in held.items():
        zones = {str(zone["tzid"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}
        start = _item(calendar)["dtstart"]
        wall = start.dt.replace(tzinfo=zones[start.params["TZID"]])
        assert wall.astimezone(dt.timezone.utc) == due[uid].astimezone(dt.timezone.utc)


# --- mail -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "address", "written", "position"),
    [
        (
            'Grace "Amazing" Hopper, <PhD>',
            "gr+ace@example.com",
            "gr+ace@example.com",
            "R&D = 100% + /?#",
        ),
        (
            "Seán O'Brien, Jr.",
            "sean@bücher.example",
            "sean@xn--bcher-kva.example",
            "Ingénieur « données »",
        ),
        ("=?utf-8?q?X?=", "x@example.com", "x@example.com", "=?utf-8?q?CTO?="),
        ("G" * 100, "g@example.com", "g@example.com", " ".join(["Engineer"] * 11)),
    ],
)
def test_a_message_and_a_link_read_back_as_drafted(
    name: str, address: str, written: str, position: str
) -> None:
    interview = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T10:00:00-05:00",
        interviewer=Contact(name, email=address),
        position=position,
    )
    fit = "I build data pipelines"
    # After the call (NOW is during it): no letter is dated before it ends.
    message = draft_message(interview, "follow-up", sent=SENT, fit=fit)
    raw = message.as_bytes()
    assert raw.isascii()
    # RFC 5322 2.1.1: at most 998 characters a line, and 78 where a line
    # can be folded (a name of one 100-letter word cannot).
    for line in raw.split(b"\r\n"):
        assert len(line) <= 998, line
        # Longer only with one word after the header's name ("To:").
        assert len(line) <= 78 or len(line.split()) <= 2, line
    back = email.message_from_bytes(raw, policy=email.policy.default)
    (to,) = back["To"].addresses
    assert (to.display_name, to.addr_spec) == (name, written)
    text = draft_text(interview, "follow-up", fit=fit)
    assert back["Subject"] == subject(interview, "follow-up")
    assert back.get_content_charset() == "utf-8"
    assert back.get_content().replace("\r\n", "\n") == text
    link = urllib.parse.urlsplit(mailto_link(interview, "follow-up", fit=fit))
    query = urllib.parse.parse_qs(
        link.query, keep_blank_values=True, strict_parsing=True
    )
    assert urllib.parse.unquote(link.path) == address
    assert query == {
        "subject": [subject(interview, "follow-up")],
        "body": [text.replace("\n", "\r\n")],
    }

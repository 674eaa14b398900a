"""Pushing a plan, step by step, against a calendar held in memory.

tests/test_sync.py pushes to a real Radicale server in processes of their
own; here the same pushes run in this process against a stand-in for the
``caldav`` calendar, so that every decision is pinned: which items are
created, updated, left alone or cancelled, by which call, with which
SEQUENCE and stamp, and each refusal's one line.
"""

from __future__ import annotations

import re
from typing import ClassVar

import caldav.davclient
import icalendar
import pytest
from caldav.lib import error as dav

from followup import Event, Interview, InvalidTypeError, plan_followups
from followup.ics import calendar_objects, sequence_of
from followup.sync import Synced, SyncError, _why, sync_plan

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NOW = "2026-11-24T10:00:00-05:00"
LATER = "2026-11-24T12:00:00-05:00"
ADA = Interview("Ada", "Acme", AT)
URL = "https://cal.example/ada/jobs/"


class Resource:
    """What caldav's CalendarObjectResource offers `sync`: its text, parsed."""

    def __init__(self, data):
        self.data = data if isinstance(data, str) else data.decode()
        self.saves = 0

    @property
    def icalendar_instance(self):
        return icalendar.Calendar.from_ical(self.data)

    @property
    def icalendar_component(self):
        items = [
            c for c in self.icalendar_instance.walk() if c.name in {"VEVENT", "VTODO"}
        ]
        return items[0] if items else None

    def save(self):
        self.saves += 1


class Calendar:
    def __init__(self, *resources):
        self.resources = list(resources)
        self.saved = []

    def objects(self, load_objects=False):
        assert load_objects is True
        return list(self.resources)

    def save_todo(self, text):
        self.saved.append(("todo", text))

    def save_event(self, text):
        self.saved.append(("event", text))


class Client:
    """caldav's DAVClient, handing out one calendar (or failing as told)."""

    made: ClassVar[list] = []

    def __init__(self, url, username=None, password=None):
        Client.made.append((url, username, password))

    def calendar(self, url):
        if isinstance(Client.calendar_at, BaseException):
            raise Client.calendar_at
        assert url == URL
        return Client.calendar_at


@pytest.fixture
def server(monkeypatch):
    Client.made = []
    monkeypatch.setattr(caldav.davclient, "DAVClient", Client)
    return Client


def push(server, plan, *resources, **options):
    server.calendar_at = Calendar(*resources)
    synced = sync_plan(plan, URL, **options)
    return synced, server.calendar_at


def lines(text):
    return text.replace("\r\n ", "").splitlines()


def test_a_first_push_creates_each_item_by_its_kind(server):
    plan = plan_followups(ADA, now=NOW)
    synced, calendar = push(server, plan, username="ada", password="pw")  # noqa: S106 - a stand-in server
    objects = calendar_objects(plan)
    assert server.made == [(URL, "ada", "pw")]
    assert synced == Synced(created=tuple(uid for uid, _ in objects))
    assert str(synced) == "3 created, 0 updated, 0 cancelled, 0 unchanged"
    assert calendar.saved == [
        ("todo", objects[0][1].decode()),
        ("todo", objects[1][1].decode()),
        ("event", objects[2][1].decode()),
    ]


def test_without_to_dos_every_item_is_saved_as_an_event(server):
    plan = plan_followups(ADA, now=NOW)
    _, calendar = push(server, plan, todos=False)
    objects = calendar_objects(plan, todos=False)
    assert [kind for kind, _ in calendar.saved] == ["event"] * 3
    assert [text for _, text in calendar.saved] == [t.decode() for _, t in objects]
    assert server.made == [(URL, None, None)]


def test_a_replan_that_says_the_same_writes_nothing(server):
    plan = plan_followups(ADA, now=NOW)
    objects = calendar_objects(plan)
    # Stamped and numbered by an older push, and folded by the server its
    # own way, with bare line feeds.
    stored = [
        Resource(
            re.sub(r"(?m)^SEQUENCE:\d+", "SEQUENCE:1", text.decode())
            .replace("DTSTAMP:20261124T150000Z", "DTSTAMP:20260101T000000Z")
            .replace("\r\n", "\n")
        )
        for _, text in objects
    ]
    assert all("SEQUENCE:1\n" in resource.data for resource in stored)
    synced, calendar = push(server, plan, *stored)
    assert synced == Synced(unchanged=tuple(uid for uid, _ in objects))
    assert str(synced) == "0 created, 0 updated, 0 cancelled, 3 unchanged"
    assert calendar.saved == []
    assert [resource.saves for resource in stored] == [0, 0, 0]


def test_an_item_that_changed_is_updated_in_place(server):
    plan = plan_followups(ADA, now=NOW)
    objects = calendar_objects(plan)
    uid, text = objects[0]
    stale = Resource(text.decode().replace("SUMMARY:Send", "SUMMARY:Write"))
    synced, calendar = push(server, plan, stale)
    assert synced == Synced(
        created=tuple(uid for uid, _ in objects[1:]), updated=(uid,)
    )
    assert calendar.saved[0] == ("todo", text.decode())


def foreign(uid):
    item = icalendar.Event()
    item.add("uid", uid)
    item.add("summary", "Dentist")
    item.add("dtstamp", icalendar.vDatetime.from_ical("20261101T000000Z"))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//other//EN")
    calendar.add("version", "2.0")
    calendar.add_component(item)
    return Resource(calendar.to_ical())


def test_items_not_of_this_interview_are_never_touched(server):
    before = plan_followups(ADA, now=NOW)
    (uid, _), *_ = calendar_objects(before)
    prefix = uid.split("-", 1)[0]
    others = [
        foreign("dentist@example.org"),
        foreign(f"{prefix}-thank-you-1@elsewhere"),
        foreign(f"other-{uid}"),
        Resource("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"),
    ]
    no_uid = foreign("x")
    no_uid.data = no_uid.data.replace("UID:x\r\n", "")
    rejected = Event(
        "decision-received", "2026-11-24T11:00:00-05:00", outcome="rejected"
    )
    after = plan_followups(ADA, [rejected], now=LATER)
    synced, _ = push(server, after, *others, no_uid)
    assert synced == Synced()
    assert str(synced) == "0 created, 0 updated, 0 cancelled, 0 unchanged"
    assert [resource.saves for resource in [*others, no_uid]] == [0] * 5


def test_items_the_plan_dropped_are_cancelled_once_in_uid_order(server):
    before = plan_followups(ADA, now=NOW)
    rejected = Event(
        "decision-received", "2026-11-24T09:00:00-05:00", outcome="rejected"
    )
    # Replanned at the same moment: the SEQUENCE must still go up.
    after = plan_followups(ADA, [rejected], now=NOW)
    objects = calendar_objects(before)
    stored = [Resource(text) for _, text in reversed(objects)]
    synced, calendar = push(server, after, *stored)
    assert synced == Synced(cancelled=tuple(sorted(uid for uid, _ in objects)))
    assert calendar.saved == []
    for resource in stored:
        assert resource.saves == 1
        written = lines(resource.data)
        assert "BEGIN:VALARM" not in written
        assert "STATUS:CANCELLED" in written
        assert [line for line in written if line.startswith("SEQUENCE")] == [
            f"SEQUENCE:{sequence_of(before) + 1}"
        ]
        assert [line for line in written if line.startswith("DTSTAMP")] == [
            "DTSTAMP:20261124T150000Z"
        ]
    # Pushed again, the cancelled items are cancelled already.
    again, _ = push(server, after, *stored)
    assert again == Synced()
    assert [resource.saves for resource in stored] == [1, 1, 1]


def test_a_later_plan_cancels_with_its_own_sequence_and_stamp(server):
    before = plan_followups(ADA, now=NOW)
    rejected = Event(
        "decision-received", "2026-11-24T11:00:00-05:00", outcome="rejected"
    )
    after = plan_followups(ADA, [rejected], now=LATER)
    (_, text), *_ = calendar_objects(before)
    # An item cancelled by hand elsewhere keeps its word; one written in
    # lower case is read alike.
    stored = Resource(
        text.decode().replace("SEQUENCE:", "status:cancelled\r\nSEQUENCE:")
    )
    fresh = Resource(calendar_objects(before)[1][1])
    synced, _ = push(server, after, stored, fresh)
    assert synced == Synced(cancelled=(calendar_objects(before)[1][0],))
    assert stored.saves == 0
    written = lines(fresh.data)
    assert f"SEQUENCE:{sequence_of(after)}" in written
    assert "DTSTAMP:20261124T170000Z" in written
    assert sequence_of(after) > sequence_of(before) + 1


def test_a_plan_is_required():
    with pytest.raises(InvalidTypeError) as caught:
        sync_plan("plan", URL)
    assert (caught.value.field, caught.value.value) == ("plan", "plan")
    assert str(caught.value) == "plan: expected a FollowUpPlan, got str 'plan'"


@pytest.mark.parametrize(
    ("error", "why"),
    [
        (dav.AuthorizationError("401"), "the server refused the credentials"),
        (dav.NotFoundError("404"), "no calendar there"),
        (
            ConnectionRefusedError(111, "pool details"),
            "cannot reach the server (ConnectionRefusedError)",
        ),
        (ValueError("  bad\n  url  "), "bad url"),
        (ValueError(""), "ValueError"),
    ],
)
def test_a_refusal_is_one_line_naming_the_url(server, error, why):
    server.calendar_at = error
    plan = plan_followups(ADA, now=NOW)
    with pytest.raises(SyncError) as caught:
        sync_plan(plan, URL)
    assert str(caught.value) == f"{URL}: {why}"
    assert caught.value.__cause__ is error


def test_a_long_refusal_is_cut_to_160_characters():
    assert _why(ValueError("x" * 160)) == "x" * 160
    assert _why(ValueError("x" * 161)) == "x" * 157 + "..."

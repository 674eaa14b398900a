"""What users import elsewhere, pinned where hand-made mutants went unseen.

Calendars (`followup.ics`), mail heads (`followup.mail`), the ``due`` lists
(`followup._due`) and the identity of steps (`followup._changes`): each test
here names the behaviour it pins, with values worked out by hand from RFC
5545, RFC 5322 and the modules' own documentation.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import attrs
import icalendar

from followup import (
    Channel,
    Contact,
    Event,
    Finding,
    FollowUpPlan,
    Interview,
    Step,
    Window,
    plan_changes,
    plan_followups,
)
from followup._changes import interview_key
from followup._due import ReminderStatus, reminders
from followup.ics import CalendarOfPlans, sequence_of, step_uid, to_ics, to_ics_many
from followup.mail import draft_message

NEW_YORK = "2026-11-23T10:00:00-05:00[America/New_York]"
ADA = Interview("Ada", "Acme", NEW_YORK)
SENT = "2026-11-25T09:00:00-05:00"


def _lines(calendar: bytes) -> list[str]:
    """The content lines of an iCalendar text, unfolded (RFC 5545, 3.1)."""
    return calendar.decode().replace("\r\n ", "").split("\r\n")


def _step(kind, window, due, channel=Channel.EMAIL):
    return Step(kind, channel, Window(*window), due, rule="me", reason="by hand")


def _plan(steps, as_of, findings=(), interview=ADA):
    return FollowUpPlan(interview, steps, findings, ("me",), as_of=as_of)


# --- followup.ics ------------------------------------------------------------


def test_sequence_counts_the_minutes_from_1900_to_as_of():
    """SEQUENCE and DTSTAMP: minutes since 1900-01-01T00:00Z, and as_of itself.

    2026-11-23T15:30Z is 46347 days after 1900-01-01 (126 years, 31 of them
    leap, then 326 days into 2026) and 930 minutes: 46347 * 1440 + 930.
    """
    plan = plan_followups(ADA, now="2026-11-23T10:30:00-05:00")
    assert sequence_of(plan) == 66_740_610
    lines = _lines(to_ics(plan))
    assert "SEQUENCE:66740610" in lines
    assert "DTSTAMP:20261123T153000Z" in lines


def test_cancelled_items_carry_the_new_plans_sequence_and_stamp():
    """Items a later plan dropped: its SEQUENCE and its DTSTAMP, not the old ones.

    The rejection plan is made on 2026-11-24T09:00Z, 46348 days and 540
    minutes after 1900: far more than one minute after the previous plan.
    """
    before = plan_followups(ADA, now="2026-11-23T10:30:00-05:00")
    no = Event("decision-received", "2026-11-24T09:00:00Z", outcome="rejected")
    after = plan_followups(ADA, [no], now="2026-11-24T09:00:00Z")
    calendar = icalendar.Calendar.from_ical(to_ics(after, previous=before))
    cancelled = [c for c in calendar.walk() if c.get("status") == "CANCELLED"]
    assert cancelled
    for item in cancelled:
        assert int(item["sequence"]) == 66_741_660
        assert item["dtstamp"].to_ical() == b"20261124T090000Z"


def test_a_vtimezone_spans_a_day_either_side_of_the_times_written():
    """The VTIMEZONE runs from local midnight a day before the first time
    (the close of the call, 2026-11-23) to a day after the last (the call's
    end, 2026-11-30T09:04): 2026-11-22 to 2026-12-01."""
    lines = _lines(to_ics(plan_followups(ADA)))
    assert (
        "COMMENT:The offsets of America/New_York from 2026-11-22 to 2026-12-01 only."
        in lines
    )
    opening, closing = lines.index("BEGIN:STANDARD"), lines.index("END:STANDARD")
    observance = lines[opening:closing]
    assert [line for line in observance if line.startswith("DTSTART")] == [
        "DTSTART:20261122T000000"
    ]
    # In the observance, where RFC 5545 allows a COMMENT; not in the zone.
    assert (
        "COMMENT:The offsets of America/New_York from 2026-11-22 to 2026-12-01 only."
        in observance
    )


def test_no_vtimezone_holds_a_property_rfc_5545_does_not_allow_there():
    # TZID, LAST-MODIFIED, TZURL and X- properties only (section 3.6.5).
    calendar = icalendar.Calendar.from_ical(to_ics(plan_followups(ADA)))
    (zone,) = calendar.walk("VTIMEZONE")
    assert set(zone) <= {"TZID", "LAST-MODIFIED", "TZURL"}


def test_a_calendar_that_takes_anothers_zones_spans_both_plans():
    """`take_zones`: as if the other calendar's plans were written here.

    An interview on 2026-10-26 (before New York's clocks go back on
    November 1) and Ada's on 2026-11-23: the zone must run from 2026-10-25
    to 2026-12-01 and hold the change, whichever calendar wrote which plan.
    """
    october = Interview("Grace", "Acme", "2026-10-26T10:00:00-04:00[America/New_York]")
    early, late = plan_followups(october), plan_followups(ADA)
    both = CalendarOfPlans()
    both.items(early)
    both.items(late)
    for first, second in ((early, late), (late, early)):
        mine, theirs = CalendarOfPlans(), CalendarOfPlans()
        mine.items(first)
        theirs.items(second)
        mine.take_zones(theirs)
        head = mine.head()
        assert head == both.head()
        text = "\r\n".join(_lines(head))
        assert "from 2026-10-25 to 2026-12-01 only." in text
        assert "DTSTART:20261101T020000" in text  # 2:00 EDT, read with -0400


def test_vtimezones_of_many_plans_come_in_the_order_of_their_names():
    """to_ics_many: one VTIMEZONE a zone, sorted by TZID, whatever the plans' order."""
    berlin = Interview("Grace", "Acme", "2026-11-23T10:00:00+01:00[Europe/Berlin]")
    text = to_ics_many([plan_followups(berlin), plan_followups(ADA)])
    tzids = [line for line in _lines(text) if line.startswith("TZID:")]
    assert tzids == ["TZID:America/New_York", "TZID:Europe/Berlin"]


def test_a_to_do_due_within_the_second_it_starts_has_no_dtstart():
    """RFC 5545 wants DUE later than DTSTART; times are written in whole
    seconds, so a to-do whose start and deadline share a second is simply due."""
    step = _step(
        "follow-up",
        ("2026-11-24T10:00:00.200-05:00", "2026-11-24T10:00:00.700-05:00"),
        "2026-11-24T10:00:00.200-05:00",
    )
    plan = _plan([step], "2026-11-23T11:00:00-05:00")
    calendar = icalendar.Calendar.from_ical(to_ics(plan))
    [todo] = [c for c in calendar.walk() if c.name == "VTODO"]
    assert "dtstart" not in todo
    # A fixed offset is written in UTC: 10:00 at -05:00 is 15:00Z.
    assert todo["due"].to_ical() == b"20261124T150000Z"
    [alarm] = todo.subcomponents
    assert alarm["trigger"].params["RELATED"] == "END"


def test_a_call_back_names_whom_to_call_with_text_escaped():
    """SUMMARY of a call-back: "Call back <interviewer> at <company> (phone)",
    with the commas and semicolons of the names escaped (RFC 5545, 3.3.11)."""
    contact = Contact("Renée O'Brien; Søren, Jr.", phone="+1 212 555 0123")
    interview = Interview(
        "Zoë", "Müller, Schmidt & Co; Ltd", NEW_YORK, interviewer=contact
    )
    called = Event("called", "2026-12-01T11:00:00-05:00", outcome="no-answer")
    plan = plan_followups(interview, [called], now="2026-12-01T12:00:00-05:00")
    assert plan.steps[0].kind.value == "call-back"
    summary = (
        "SUMMARY:Call back Renée O'Brien\\; Søren\\, Jr. at "
        "Müller\\, Schmidt & Co\\; Ltd (phone)"
    )
    assert summary in _lines(to_ics(plan))


def test_info_about_the_whole_plan_stays_out_of_the_calendar():
    """A plan's findings with no step go with its first item, infos excepted."""
    step = _step(
        "follow-up",
        ("2026-11-25T09:00:00-05:00", "2026-11-26T17:00:00-05:00"),
        "2026-11-25T09:00:00-05:00",
    )
    findings = (
        Finding("FU002", "info", "just so you know"),
        Finding("FU002", "warning", "the phone number is missing"),
    )
    plan = _plan([step], "2026-11-23T11:00:00-05:00", findings)
    [todo] = list(icalendar.Calendar.from_ical(to_ics(plan)).walk("VTODO"))
    description = str(todo["description"])
    assert "Warning (FU002): the phone number is missing" in description
    assert "just so you know" not in description


def test_a_finding_with_half_its_details_keeps_that_half_in_the_calendar():
    """Bug: a finding with `expected` but no `actual` (or the other way round),
    as a plugin's rule may give, lost the detail it had in the item's
    description; it reads as `Finding` itself writes it."""
    step = _step(
        "follow-up",
        ("2026-11-25T09:00:00-05:00", "2026-11-26T17:00:00-05:00"),
        "2026-11-25T09:00:00-05:00",
    )
    findings = (
        Finding("FU002", "warning", "one", step=step, expected="a reply"),
        Finding("FU002", "warning", "two", step=step, actual="silence"),
        Finding("FU002", "error", "three", step=step, expected="x", actual="y"),
    )
    plan = _plan([step], "2026-11-23T11:00:00-05:00", findings)
    [todo] = list(icalendar.Calendar.from_ical(to_ics(plan)).walk("VTODO"))
    lines = str(todo["description"]).splitlines()
    assert "Warning (FU002): one (expected a reply)" in lines
    assert "Warning (FU002): two (got silence)" in lines
    assert "Error (FU002): three (expected x, got y)" in lines


# --- followup._changes: the identity behind every UID --------------------------


def test_uids_do_not_change_from_one_version_to_the_next():
    """The first 16 hex digits of SHA-256 of "who␟candidate␟company␟position"
    (or "id␟<id>"): calendars imported by an older version keep their items."""
    plan = plan_followups(ADA)
    assert step_uid(ADA, plan.steps[1]) == "a981948018b91c50-thank-you-1@followup"
    with_id = Interview("Ada", "Acme", NEW_YORK, id="job-42")
    assert interview_key(with_id) == "3387376f4554e3d5"


def test_every_part_of_the_identity_tells_interviews_apart():
    """Candidate, company and position each count, and never run together."""
    keys = {
        interview_key(Interview("Ada B", "Acme", NEW_YORK)),
        interview_key(Interview("Ada", "B Acme", NEW_YORK)),
        interview_key(Interview("Ada", "Acme", NEW_YORK)),
        interview_key(Interview("Ada", "Acme", NEW_YORK, position="CTO")),
    }
    assert len(keys) == 4


def test_a_plan_whose_interview_took_an_id_shares_no_step_with_the_last():
    """plan_changes: steps match by the key of their own plan's interview."""
    before = plan_followups(ADA)
    with_id = attrs.evolve(ADA, id="job-42")
    after = plan_followups(with_id)
    changes = plan_changes(before, after)
    assert changes.added == after.steps
    assert changes.cancelled == before.steps
    assert changes.moved == changes.unchanged == ()


def test_a_step_whose_window_alone_changed_has_moved():
    """A step of the same due time with another window is moved, not unchanged."""
    step = _step(
        "follow-up",
        ("2026-11-25T09:00:00-05:00", "2026-11-26T17:00:00-05:00"),
        "2026-11-25T09:00:00-05:00",
    )
    wider = attrs.evolve(
        step, window=Window("2026-11-25T09:00:00-05:00", "2026-11-27T17:00:00-05:00")
    )
    changes = plan_changes(
        _plan([step], "2026-11-23T11:00:00-05:00"),
        _plan([wider], "2026-11-23T12:00:00-05:00"),
    )
    assert changes.moved == ((step, wider),)
    assert changes.unchanged == ()


# --- followup._due ---------------------------------------------------------------


def _due_on(day, window, as_of, due=None, within_days=0):
    step = _step("follow-up", window, due or window[0])
    return [
        (r.status, r.at.isoformat())
        for r in reminders(_plan([step], as_of), [], day, within_days=within_days)
    ]


def test_the_day_the_clocks_go_back_lasts_until_midnight():
    """2026-11-01 in New York has 25 hours: a window opening at 23:30 EST
    opens that day, and one opening at the next midnight does not."""
    day = dt.date(2026, 11, 1)
    as_of = "2026-11-01T00:00:00-04:00"
    late = ("2026-11-01T23:30:00-05:00", "2026-11-02T17:00:00-05:00")
    assert _due_on(day, late, as_of) == [
        (ReminderStatus.DUE, "2026-11-01T23:30:00-05:00")
    ]
    midnight = ("2026-11-02T00:00:00-05:00", "2026-11-02T17:00:00-05:00")
    assert _due_on(day, midnight, as_of) == []


def test_the_day_the_clocks_go_forward_ends_at_midnight():
    """2026-03-08 in New York has 23 hours: a window opening at 00:30 the
    next day is not due on it, but is within one day after."""
    day = dt.date(2026, 3, 8)
    as_of = "2026-03-08T00:00:00-05:00"
    next_day = ("2026-03-09T00:30:00-04:00", "2026-03-09T17:00:00-04:00")
    assert _due_on(day, next_day, as_of) == []
    assert _due_on(day, next_day, as_of, within_days=1) == [
        (ReminderStatus.DUE, "2026-03-09T00:30:00-04:00")
    ]


def test_a_step_left_in_the_past_by_its_rules_is_overdue():
    """A window that closed before the plan's moment is overdue, moved or not."""
    past = ("2026-11-20T09:00:00-05:00", "2026-11-21T17:00:00-05:00")
    assert _due_on(dt.date(2026, 11, 24), past, "2026-11-24T00:00:00-05:00") == [
        (ReminderStatus.OVERDUE, "2026-11-20T09:00:00-05:00")
    ]


def test_a_reminder_is_at_the_steps_time_in_the_recipients_zone():
    """Reminder.at: a step due at 15:00Z is 10:00 in New York, and says so."""
    window = ("2026-11-24T15:00:00Z", "2026-11-24T22:00:00Z")
    [reminder] = reminders(
        _plan([_step("follow-up", window, window[0])], "2026-11-24T00:00:00-05:00"),
        [],
        dt.date(2026, 11, 24),
    )
    assert reminder.record()["at"] == "2026-11-24T10:00:00-05:00[America/New_York]"


def test_an_interview_with_a_step_to_come_is_never_quiet():
    """Quiet is for an interview with nothing left to plan: one whose next
    step opens after the horizon lists nothing, however long the silence."""
    far = ("2027-03-01T09:00:00-05:00", "2027-03-05T17:00:00-05:00")
    assert _due_on(dt.date(2027, 1, 20), far, "2027-01-20T00:00:00-05:00") == []


def test_the_last_word_is_the_latest_event_whatever_the_historys_order():
    """Gone quiet since the latest event (Dec 15), even listed first."""
    calls = [
        Event("called", f"2026-12-{day:02d}T10:00:00-05:00", outcome="no-answer")
        for day in (15, 1, 8)
    ]
    plan = _plan([], "2027-01-20T00:00:00-05:00")
    (quiet,) = reminders(plan, calls, dt.date(2027, 1, 20))
    assert quiet.last is calls[0]
    assert quiet.silent_days == 36  # 16 days left of December, and 20


# --- followup.mail ----------------------------------------------------------------


def _head(interview, kind="thank-you", **style):
    message = draft_message(interview, kind, sent=SENT, **style)
    return message, message.as_bytes().split(b"\r\n\r\n", 1)[0].split(b"\r\n")


def _to(name):
    return Interview(
        "Ada", "Acme", NEW_YORK, interviewer=Contact(name, email="grace@example.com")
    )


def test_a_backslash_in_a_name_is_escaped_in_its_quotes():
    """RFC 5322 quoted-pair: "Grace \\\\ Hopper" reads back with its backslash."""
    message, head = _head(_to("Grace \\ Hopper"))
    assert b'To: "Grace \\\\ Hopper" <grace@example.com>' in head
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert parsed["To"].addresses[0].display_name == "Grace \\ Hopper"


def test_a_name_of_42_utf8_bytes_is_one_encoded_word():
    """42 bytes of UTF-8 make one RFC 2047 word (56 base64 characters): é is
    C3 A9, and C3 A9 C3 | A9 C3 A9 encode as "w6nD" "qcOp"."""
    _, head = _head(_to("é" * 21))
    assert head[0] == b"To: =?utf-8?b?" + b"w6nDqcOp" * 7 + b"?="
    assert head[1] == b" <grace@example.com>"


def _long_subject_interview(position):
    return Interview("Ada", "Acme", NEW_YORK, position=position)


def test_an_ascii_subject_folds_within_78_characters():
    """RFC 5322 2.1.1: "Subject: Following up: phone interview on November
    23, 2026" is 59 characters; a unit of 19 more (with its space, 79) goes
    on the next line."""
    position = "r" * 18 + " end"
    _, head = _head(_long_subject_interview(position), "follow-up")
    assert head[0] == b"Subject: Following up: phone interview on November 23, 2026"
    assert head[1] == b" (" + b"r" * 18 + b" end)"


def test_a_double_space_at_a_fold_leaves_no_line_of_white_space():
    """A subject's line full at 78 characters, then two spaces and a long
    word: the empty unit between the spaces never starts a line (a line of
    white space only is not allowed), and the subject reads back as written."""
    position = "a" * 17 + "  " + "b" * 76
    interview = _long_subject_interview(position)
    message, head = _head(interview, "follow-up")
    assert all(line.strip() for line in head)
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert str(parsed["Subject"]) == (
        f"Following up: phone interview on November 23, 2026 ({position})"
    )


# --- followup.sync, against a calendar in memory -----------------------------------


class _Resource:
    """A CalDAV resource as `caldav` gives it: its text, parsed on demand."""

    def __init__(self, text: str) -> None:
        self.data = text
        self.saves = 0

    @property
    def icalendar_instance(self):
        return icalendar.Calendar.from_ical(self.data)

    @property
    def icalendar_component(self):
        return next(
            c for c in self.icalendar_instance.walk() if c.name in {"VEVENT", "VTODO"}
        )

    def save(self) -> None:
        self.saves += 1


class _Calendar:
    def __init__(self, resources) -> None:
        self.resources = resources
        self.written: list[tuple[str, str]] = []

    def objects(self, load_objects: bool = False):
        return list(self.resources)

    def save_todo(self, text: str) -> None:
        self.written.append(("todo", text))

    def save_event(self, text: str) -> None:
        self.written.append(("event", text))


def test_sync_leaves_other_interviews_and_foreign_items_of_the_prefix_alone():
    """Only this interview's own items (its UID prefix and ``@followup``) are
    this plan's to update or cancel: another interview's items, and an item
    of another program whose UID happens to start alike, are not touched."""
    from followup.ics import calendar_objects  # noqa: PLC0415
    from followup.sync import _push  # noqa: PLC0415

    plan = plan_followups(ADA)
    grace = plan_followups(Interview("Grace", "Acme", NEW_YORK))
    theirs = [_Resource(text.decode()) for _, text in calendar_objects(grace)]
    uid, text = calendar_objects(plan)[0]
    alike = _Resource(text.decode().replace(uid, uid.replace("@followup", "@other")))
    calendar = _Calendar([*theirs, alike])
    before = [r.data for r in calendar.resources]
    synced = _push(plan, calendar, todos=True)
    assert synced.cancelled == synced.updated == synced.unchanged == ()
    assert synced.created == tuple(uid for uid, _ in calendar_objects(plan))
    assert [r.data for r in calendar.resources] == before
    assert [r.saves for r in calendar.resources] == [0] * 5


def test_sync_writes_new_events_as_events_and_to_dos_as_to_dos():
    """The close of the call and the call are events, the messages to-dos."""
    from followup.sync import _push  # noqa: PLC0415

    calendar = _Calendar([])
    _push(plan_followups(ADA), calendar, todos=True)
    assert [kind for kind, _ in calendar.written] == ["event", "todo", "todo", "event"]


def _refolded(text: str, width: int) -> str:
    """`text` unfolded, then folded again at `width` characters (RFC 5545, 3.1)."""
    lines = text.replace("\r\n ", "").split("\r\n")
    folded = []
    for line in lines:
        parts = [line[:width]]
        parts += [" " + line[i : i + width] for i in range(width, len(line), width)]
        folded.append("\r\n".join(parts))
    return "\r\n".join(folded)


def test_sync_takes_items_a_server_folded_otherwise_for_unchanged():
    """Folding is no content (RFC 5545, 3.1): an item the server stored folded
    at another width, saying the same, is left as it is, with no new version."""
    from followup.ics import calendar_objects  # noqa: PLC0415
    from followup.sync import _push  # noqa: PLC0415

    plan = plan_followups(ADA)
    objects = calendar_objects(plan)
    stored = [_Resource(_refolded(text.decode(), 40)) for _, text in objects]
    assert all(
        r.data != text.decode() for r, (_, text) in zip(stored, objects, strict=True)
    )
    calendar = _Calendar(stored)
    synced = _push(plan, calendar, todos=True)
    assert synced.unchanged == tuple(uid for uid, _ in objects)
    assert calendar.written == []
    assert [r.saves for r in stored] == [0] * 4

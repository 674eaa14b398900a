"""Push a plan to a CalDAV calendar: created, updated, cancelled, never duplicated.

Radicale, Nextcloud, Fastmail, iCloud and most calendar servers speak
CalDAV.  `sync_plan` writes each step of a plan as one calendar resource
named by its UID (`followup.ics.step_uid`), so a second push updates what
the first wrote; an item found by its UID under another name (a calendar
client that imported the ``.ics`` names them itself) is rewritten where it
is.  Items of the same interview already on the server that
the plan no longer holds — after a rejection, or a reschedule that dropped
the close of the call — are rewritten as cancelled (``STATUS:CANCELLED``, a
higher SEQUENCE, no alarm) rather than deleted, so that every client that
synced them learns of it.  Other items of the calendar are never touched.
The plan is what the calendar shows: an item of the plan another calendar
program edited (moved it, say) is rewritten as the plan has it, with a
SEQUENCE past the one that program gave it; what that program added of its
own (a note, an alarm marked dismissed) is no change, and is kept.  An
item another program wrote that icalendar cannot read is left alone too;
one of the plan's that it cannot read stops the push before anything is
written (`SyncError`).

It needs the ``caldav`` client (``pip install "followup[caldav]"``),
imported only here.  Credentials are arguments: the command line reads them
from the environment or a netrc file, never from its own arguments.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Final, TypeGuard, final

import attrs
import icalendar

from followup._changes import done_at
from followup._facts import checked_history, in_order
from followup._time import utc
from followup._vocabulary import StepKind
from followup.errors import (
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    notes_state,
)
from followup.ics import (
    calendar_objects,
    dropped_status,
    interview_uid_prefix,
    mark_dropped,
    sequence_of,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from followup._history import Event
    from followup._plan import FollowUpPlan

__all__ = [
    "CredentialsError",
    "SyncError",
    "Synced",
    "shown_url",
    "sync_plan",
    "url_problem",
]

_OURS = "@followup"


class SyncError(FollowUpError):
    """The calendar server could not be reached, or refused the plan."""


class CredentialsError(SyncError):
    """The server refused the credentials, or asked for some and got none.

    `given` tells which: a program that found none to give can say where
    they go.
    """

    def __init__(self, message: str, *, given: bool) -> None:
        super().__init__(message)
        self.given = given

    def __reduce__(
        self,
    ) -> tuple[Callable[..., CredentialsError], tuple[str], dict[str, object] | None]:
        # Pickled (from a worker process, say): Python's own way would call
        # __init__ without `given`.
        return (
            functools.partial(type(self), given=self.given),
            (str(self),),
            notes_state(self),
        )


@final
@attrs.frozen
class Synced:
    """What a push did, by UID: items created, updated, cancelled, left as they were.

    `done` are the items of steps the plan dropped because the history says
    they were done: a to-do marked completed, an event kept without its
    alarm.
    """

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    done: tuple[str, ...] = ()

    def __str__(self) -> str:
        """``3 created, 1 updated, 1 cancelled, 0 unchanged``, and how many done."""
        text = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.cancelled)} cancelled, {len(self.unchanged)} unchanged"
        )
        # Said only when some are: a push without a history has none.
        return f"{text}, {len(self.done)} done" if self.done else text


def sync_plan(  # noqa: PLR0913 - the plan, where, and keyword-only options
    plan: FollowUpPlan,
    url: str,
    *,
    username: str | None = None,
    password: str | None = None,
    todos: bool = True,
    history: Iterable[Event] = (),
) -> Synced:
    """Write `plan` into the CalDAV calendar at `url` (a calendar collection).

    Items of the interview's that the plan no longer holds are marked
    cancelled, or done when `history` (the plan's) says their step was done
    (see `followup.plan_changes`): a to-do completed, an event kept where it
    was, without its alarm.

    Raises:
        SyncError: the server cannot be reached, refuses the credentials,
            forbids the reading or writing (a read-only calendar), or
            has no calendar at `url` (nothing there, or a collection of
            another kind, checked before anything is written), or an item
            of the interview's there cannot be read; the message
            is one line and names `url`, without a password it may carry
            (``https://ada:secret@host/cal/`` is named ``https://ada@host/cal/``);
            or the caldav extra is not installed.
        CredentialsError: a `SyncError` for a server that refused the
            credentials, or asked for some and was given none.
        InvalidTypeError: `plan` is not a FollowUpPlan, `url` not a str, or
            `username` or `password` neither a str nor None.
        InvalidValueError: `url` is no http or https URL with a host (see
            `url_problem`), or `username` is empty.
    """
    from followup._plan import FollowUpPlan  # noqa: PLC0415

    if not isinstance(plan, FollowUpPlan):
        raise InvalidTypeError("plan", plan, "a FollowUpPlan")
    _check_where(url, username, password)
    # In order, an event exported twice once: calls are counted (`done_at`).
    events = in_order(checked_history(history))
    # An optional dependency, and a heavy one: imported only to push.
    try:
        from caldav.davclient import DAVClient  # noqa: PLC0415
        from caldav.lib import error as dav  # noqa: PLC0415
    except ImportError:
        # Said as plan_bag says it of Dask: a traceback of a missing module
        # does not say which extra brings it.
        raise SyncError(
            "pushing to a calendar server needs the caldav extra: "
            'python -m pip install "followup[caldav]"'
        ) from None

    given = (
        username is not None or password is not None or _USERINFO.match(url) is not None
    )
    try:
        client = DAVClient(url, username=username, password=password)
        calendar = client.calendar(url=url)  # type: ignore[no-untyped-call]
        is_calendar, components = _collection(calendar)
        if not is_calendar:
            # Checked before anything is written: a PUT into the user's home
            # collection, say, is no error to Radicale, which makes each item
            # a calendar of its own there.
            raise SyncError(
                f"{shown_url(url)}: no calendar there (not a calendar collection)"
            )
        if todos and components and "VTODO" not in components:
            # A calendar of events alone (RFC 4791, 5.2.3): some servers take
            # the to-dos anyway and no client of the calendar shows them,
            # others refuse them halfway through the push.
            raise SyncError(
                f"{shown_url(url)}: this calendar holds events only, not the "
                "to-dos of the letters: push with --events-only (todos=False)"
            )
        return _push(plan, calendar, todos=todos, history=events)
    # NotImplementedError: the server asks for credentials by a scheme the
    # HTTP client cannot answer (Negotiate, say); SyntaxError: the XML
    # parser's (lxml's XMLSyntaxError is one), on an answer that is no XML
    # (cut short, or a proxy's page) or XML that would blow up.
    except (
        dav.DAVError,
        OSError,
        ValueError,
        NotImplementedError,
        SyntaxError,
    ) as error:
        if _refused(error):
            why = (
                "the server refused the credentials"
                if given
                else "the server asks for credentials, and none were given"
            )
            raise CredentialsError(f"{shown_url(url)}: {why}", given=given) from error
        raise SyncError(f"{shown_url(url)}: {_why(error)}") from error


def _check_where(url: object, username: object, password: object) -> None:
    """Refuse a URL, user name or password that no request could carry."""
    if not isinstance(url, str):
        # Else the HTTP client's AttributeError, far from the argument.  Not
        # quoted: bytes of a URL may hold its password.
        raise InvalidTypeError("url", url, "a str", secret=True)
    problem = url_problem(url)
    if problem is not None:
        raise InvalidValueError("url", shown_url(url), problem)
    if username is not None and not isinstance(username, str):
        raise InvalidTypeError("username", username, "a str or None")
    if password is not None and not isinstance(password, str):
        raise InvalidTypeError("password", password, "a str or None", secret=True)
    if username == "":
        # The HTTP client sends no credentials for it, and takes the
        # server's request for some as a scheme it cannot answer.
        raise InvalidValueError("username", username, "is empty (None: no credentials)")


def shown_url(url: str) -> str:
    """`url` as a message names it: without the user information it may carry.

    The HTTP client takes credentials from the URL too
    (``https://ada:secret@host/cal/``), and an error message ends up in logs
    and terminals.  Read as text, not parsed, and on the safe side: what
    stands between ``://`` and the last ``@`` is left out when it holds a
    colon or no slash, but for a user name before the colon (one part
    alone may be a token, and is left out), so a password
    holding ``/``, ``?`` or ``#`` (which a parser takes for the end of the
    host) is left out too, and a URL that
    fails to parse (an unclosed IPv6 bracket) is shown all the same.  A path
    with an ``@`` in it (``/dav/calendars/user/ada@example.com/``) is shown
    whole unless a port stands before it.
    """
    if not isinstance(url, str):
        raise InvalidTypeError("url", url, "text (str)")
    scheme, separator, rest = url.partition("://")
    if not separator or _SCHEME.fullmatch(scheme) is None:
        # No scheme, or a mistyped one ("http:/", "//", "ada:pw@host"): no
        # user name can be told from a password, so all before the last
        # "@" is left out where it may hold one.
        before, at, after = url.rpartition("@")
        if at:
            return f"…@{after}"
        return url
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        # User information before the host, and an "@" in the path, too
        # (``/calendars/user/ada@example.com/``): the host's is the one.
        before, _, host = authority.rpartition("@")
        user, colon, password = before.partition(":")
        who = user if colon and password else "…"
        return f"{scheme}://{who}@{host}{slash}{path}"
    before, at, after = rest.rpartition("@")
    if at and (":" in before or "/" not in before):
        # The user name before a password stays where it cannot hold the
        # password's end; user information of one part may be a token
        # (``https://TOKEN@host/``), and is left out.
        user, colon, password = before.partition(":")
        who = user if colon and password and "/" not in before else "…"
        url = f"{scheme}://{who}@{after}"
    return url


_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")


def url_problem(url: str) -> str | None:
    """What keeps `url` from naming a calendar: the words for it, or None.

    An http or https URL with a host and, if any, a port that is a number.
    A password holding ``/``, ``?`` or ``#`` ends the host where a URL
    parser reads it, so that its end reads as the port: it must be written
    percent-encoded.  `sync_plan` raises the problem; the command says it of
    ``--to``.
    """
    if not isinstance(url, str):
        raise InvalidTypeError("url", url, "text (str)")
    import urllib.parse  # noqa: PLC0415

    try:
        parts = urllib.parse.urlsplit(url)
        # Read for its check: a port that is no number raises.
        parts.port  # noqa: B018
    except ValueError:
        # An unclosed "[", or a password holding "/" read as the port.  The
        # parser's own message quotes the "port", which may be that password.
        return (
            "is no URL: its host or port cannot be read (a password holding "
            "'/', '?' or '#' is written %2F, %3F, %23)"
        )
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return "is no http or https URL"
    return None


#: A URL's scheme and user information, to the last ``@`` of its authority:
#: credentials the HTTP client takes from the URL.
_USERINFO: Final = re.compile(
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<who>[^/?#]*)@"
)


def _collection(calendar: Any) -> tuple[bool, list[str]]:
    """Whether the collection at the calendar's URL is a calendar, and what it holds.

    One request for both: its resourcetype, and the components it takes
    (``VEVENT``, ``VTODO``); none listed, it takes every kind.
    """
    from caldav.elements import cdav, dav  # noqa: PLC0415

    properties = calendar.get_properties(
        [dav.ResourceType(), cdav.SupportedCalendarComponentSet()]
    )
    kinds = properties.get(dav.ResourceType.tag) or []
    held = properties.get(cdav.SupportedCalendarComponentSet.tag) or []
    components = [str(name).upper() for name in held] if isinstance(held, list) else []
    return cdav.Calendar.tag in kinds, components


def _push(
    plan: FollowUpPlan,
    calendar: Any,
    *,
    todos: bool,
    history: tuple[Event, ...] = (),
) -> Synced:
    prefix = interview_uid_prefix(plan.interview)
    existing = {}
    for resource in calendar.objects(load_objects=True):
        try:
            uid = _uid(resource)
        except ValueError as error:
            # icalendar cannot read it.  Another program's item is left
            # alone, as every other item of the calendar is, and is no reason
            # to stop; one of this interview's stops the push before anything
            # is written, rather than be rewritten or cancelled unread.
            uid = _uid_in_text(resource.data)
            if _ours(uid, prefix):
                raise _unreadable(uid, error) from error
            continue
        if _ours(uid, prefix):
            _check_sequences(uid, resource)
            existing[uid] = resource
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for uid, written in calendar_objects(plan, todos=todos):
        there = existing.pop(uid, None)
        if there is not None and _says_the_same(there.data, written.decode()):
            # A replan that changed nothing writes nothing: other devices
            # have no new version to fetch.
            unchanged.append(uid)
            continue
        text = written.decode()
        if there is not None:
            # Rewritten where it is: a calendar client that imported the .ics
            # first named the resource itself, and a new one at <UID>.ics
            # would be a duplicate (or a 409 no-uid-conflict from Radicale).
            there.data = _past(text, there)
            there.save()
        elif "BEGIN:VTODO" in text:
            calendar.save_todo(text)
        else:
            calendar.save_event(text)
        (created if there is None else updated).append(uid)
    cancelled, done = _dropped(existing, prefix, plan, history)
    return Synced(
        tuple(created), tuple(updated), tuple(cancelled), tuple(unchanged), tuple(done)
    )


def _dropped(
    existing: dict[str, Any],
    prefix: str,
    plan: FollowUpPlan,
    history: tuple[Event, ...],
) -> tuple[list[str], list[str]]:
    """Mark the items the plan dropped; the UIDs of those cancelled, and done."""
    cancelled: list[str] = []
    done: list[str] = []
    for uid, resource in sorted(existing.items()):
        finished = _done_at(uid[len(prefix) :], resource, history)
        if _drop(resource, plan, finished):
            (cancelled if finished is None else done).append(uid)
    return cancelled, done


#: Each kind of step by the name its UIDs give it (`step_uid`).
_KINDS: Final = {kind.value: kind for kind in StepKind}


def _done_at(
    name: str, resource: Any, history: tuple[Event, ...]
) -> dt.datetime | None:
    """When the step of an item the plan dropped was done; None: it was not.

    `name` is its UID after the interview's prefix, ``call-back-2@followup``:
    the kind and number of its step, which the history's events are counted
    against (`done_at`), whenever a client saved the item since.
    """
    kind_name, _, number = name.partition("@")[0].rpartition("-")
    kind = _KINDS.get(kind_name)
    component = next(
        (c for c in resource.icalendar_instance.walk() if c.name in _ITEMS), None
    )
    stamp = None if component is None else component.get("dtstamp")
    if kind is None or stamp is None or not number.isdecimal():
        return None
    status = str(component.get("status", "")).upper()  # type: ignore[union-attr]
    if status == "COMPLETED" or (
        status == "CONFIRMED"
        and not any(sub.name == "VALARM" for sub in component.subcomponents)  # type: ignore[union-attr]
    ):
        # Marked done by an earlier push (or a to-do ticked off by the
        # user), whose stamp is now the item's: the call it found is no
        # longer after it.  Done stays done.  A push that marks an event
        # done takes its alarm away; a status another program gave it (many
        # confirm every event they save) is no sign: its alarm still rings.
        completed = component.get("completed")  # type: ignore[union-attr]
        return (completed or stamp).dt  # type: ignore[no-any-return]
    return done_at(kind, int(number), history)


def _past(text: str, there: Any) -> str:
    """The plan's item `text`, its SEQUENCE past that of the item `there`.

    Another calendar program that edited the item (moved it, say) raised its
    SEQUENCE, perhaps past the plan's: clients that order the versions of an
    item by SEQUENCE (RFC 5545, section 3.8.7.4) would keep that edit over a
    rewrite that came later but counts lower.  What that program added of
    its own is carried over (`_carry_their_own`).
    """
    held = max(
        (
            int(component.get("sequence", 0))
            for component in there.icalendar_instance.walk()
            if component.name in _ITEMS
        ),
        default=-1,
    )
    calendar = icalendar.Calendar.from_ical(text)
    raised = False
    for component in calendar.walk():
        if component.name in _ITEMS and int(component.get("sequence", 0)) <= held:
            component.pop("sequence", None)
            component.add("sequence", held + 1)
            raised = True
    carried = _carry_their_own(calendar, there)
    # Else as the plan wrote it, byte for byte.
    return calendar.to_ical().decode() if raised or carried else text


def _carry_their_own(calendar: icalendar.Calendar, there: Any) -> bool:
    """Put into the plan's item what another program added to the item `there`.

    Notes (COMMENT), attachments, contacts, resources and X- properties the
    plan does not write, and alarms that ring at another time than the
    plan's (a reminder a day before, set by hand): one at the plan's time
    is the plan's, whatever its text (a client may have renamed the item).
    Whether anything was carried.
    """
    theirs = next(
        (c for c in there.icalendar_instance.walk() if c.name in _ITEMS), None
    )
    ours = next((c for c in calendar.walk() if c.name in _ITEMS), None)
    if theirs is None or ours is None:
        return False
    carried = False
    for name, value in theirs.items():
        if name not in ours and (name.startswith("X-") or name in _THEIR_OWN):
            ours[name] = value
            carried = True
    plans = {_rings_at(alarm) for alarm in ours.subcomponents if alarm.name == "VALARM"}
    for alarm in theirs.subcomponents:
        if alarm.name == "VALARM" and _rings_at(alarm) not in plans:
            ours.add_component(alarm)
            carried = True
    if str(theirs.get("status", "")).upper() == "COMPLETED" and "status" not in ours:
        # A to-do the user ticked off stays ticked off when the plan moves it.
        for name in ("status", "completed", "percent-complete"):
            if name in theirs:
                ours[name] = theirs[name]
        carried = True
    return carried


def _rings_at(alarm: icalendar.Component) -> str:
    """How long before (or after) its item `alarm` rings.

    Not what it counts from: the plan's own alarm counts from a to-do's end
    when the to-do has no start, and from the start once it has one (or is
    written as an event), and either is the plan's.
    """
    trigger = alarm.get("trigger")
    return "" if trigger is None else str(trigger.to_ical().decode())


#: What another program adds to an item, besides X- properties, and keeps.
_THEIR_OWN: Final = frozenset({"COMMENT", "ATTACH", "CONTACT", "RESOURCES"})


_ITEMS: Final = frozenset({"VEVENT", "VTODO"})


def _says_the_same(there: str, written: str) -> bool:
    """Whether the item `there` says what the plan's item `written` says.

    Only what the plan writes is compared, each property in its component:
    what another client adds (a dismissed alarm's ACKNOWLEDGED, its own
    LAST-MODIFIED or X- properties) is its own, and rewriting the item for
    it would ring a dismissed alarm again on every device.  What the plan
    writes and the client changed (a moved start) is a change.  The stamp,
    the version and the plan's as-of are no part of what an item says.
    """
    ours, our_alarms = _content(written)
    theirs, their_alarms = _content(there)
    kept = {key for key, _ in ours}
    if [line for line in theirs if line[0] in kept] != ours:
        return False
    # The plan's alarm must be there as the plan writes it; another beside
    # it (a reminder a day before, set by hand) is the client's own.
    return all(
        any(_as_written(alarm, mine) == mine for alarm in their_alarms)
        for mine in our_alarms
    )


def _as_written(
    alarm: list[tuple[tuple[str, str], str]], mine: list[tuple[tuple[str, str], str]]
) -> list[tuple[tuple[str, str], str]]:
    # The lines of `alarm` under the names the plan's alarm `mine` writes.
    names = {key for key, _ in mine}
    return [line for line in alarm if line[0] in names]


#: What an item says when, not what: left out of the comparison.
_WHEN: Final = frozenset({"DTSTAMP", "SEQUENCE"})


def _content(
    text: str,
) -> tuple[list[tuple[tuple[str, str], str]], list[list[tuple[tuple[str, str], str]]]]:
    """An item's lines, each keyed by its component and property name; its alarms'.

    Each alarm's lines apart, and no time zone's: a client may write its own
    VTIMEZONE for the same TZID, which the times name all the same.
    """
    # Unfolded first: a long line folds the same either way, but a server may
    # refold it.
    lines: list[tuple[tuple[str, str], str]] = []
    alarms: list[list[tuple[tuple[str, str], str]]] = []
    within: list[str] = []
    for line in _unfolded(text).splitlines():
        if not line:
            continue
        name = _PROPERTY.match(line)[0].upper()  # type: ignore[index]
        value = line[len(name) :]
        if name == "BEGIN":
            within.append(value[1:].upper())
            if within[-1] == "VALARM":
                alarms.append([])
        key = ("/".join(within), name)
        if name == "END" and within:
            within.pop()
        if name in _WHEN or "VTIMEZONE" in key[0]:
            continue
        if "VALARM" in key[0]:
            if alarms and name not in {"BEGIN", "END"}:
                alarms[-1].append((key, line))
            continue
        lines.append((key, line))
    return lines, alarms


# A content line's name: up to its first ";" (parameters) or ":" (value).
_PROPERTY: Final = re.compile(r"[^;:]*")


def _ours(uid: str | None, prefix: str) -> TypeGuard[str]:
    """Whether `uid` names a step of the interview whose UIDs start with `prefix`."""
    return uid is not None and uid.startswith(prefix) and uid.endswith(_OURS)


def _unfolded(text: str) -> str:
    """An item's text with its folded lines joined (RFC 5545, 3.1).

    A fold is a line break and one space or one tab, which a server that
    keeps items as they were written may hold.
    """
    return _FOLD.sub("", text)


#: A fold: a line break, and the one space or tab that starts the next line.
_FOLD: Final = re.compile(r"\r?\n[ \t]")


def _uid(resource: Any) -> str | None:
    component = resource.icalendar_component
    uid = component.get("uid") if component is not None else None
    return None if uid is None else str(uid)


#: A UID line of an item's text, unfolded; its parameters, if any, skipped.
_UID_LINE: Final = re.compile(r"^UID(?:;[^:\r\n]*)?:([^\r\n]*)", re.MULTILINE)


def _uid_in_text(text: str) -> str | None:
    """The UID of an item icalendar cannot read, found in its text."""
    found = _UID_LINE.search(_unfolded(text))
    return None if found is None else found[1]


def _check_sequences(uid: str, resource: Any) -> None:
    """Refuse an item of ours whose SEQUENCE is no whole number.

    icalendar refuses such a value in a to-do; in an event it notes the
    error and keeps the value as it is (7.x) or leaves it out (6.x), which
    would read as no version at all.  Either way the push would not know
    what version to write past.
    """
    for component in resource.icalendar_instance.walk():
        if component.name in _ITEMS:
            for name, problem in component.errors:
                if name.upper() == "SEQUENCE":
                    raise _unreadable(uid, f"SEQUENCE: {problem}")


def _unreadable(uid: str, reason: object) -> ValueError:
    return ValueError(
        f"item {uid} cannot be read ({reason}); nothing was written: "
        "mend or delete it in a calendar program"
    )


def _drop(resource: Any, plan: FollowUpPlan, finished: dt.datetime | None) -> bool:
    """Mark an item the plan dropped as cancelled, or done at `finished`.

    False if it is marked so already (`followup.ics.mark_dropped`).
    """
    instance = resource.icalendar_instance
    changed = False
    for component in instance.walk():
        if component.name not in _ITEMS:
            continue
        status = str(component.get("status", "")).upper()
        if status == dropped_status(component, finished):
            # Marked so by an earlier push, or by the user: left as it is.
            continue
        before = int(component.get("sequence", 0))
        mark_dropped(
            component,
            finished,
            sequence=max(sequence_of(plan), before + 1),
            stamp=utc(plan.as_of),
        )
        changed = True
    if changed:
        resource.data = instance.to_ical().decode()
        resource.save()
    return changed


def _refused(error: BaseException) -> bool:
    """Whether the server answered 401: credentials wrong, or none given."""
    from caldav.lib import error as dav  # noqa: PLC0415

    return isinstance(error, dav.AuthorizationError) and not _forbidden(error)


def _forbidden(error: BaseException) -> bool:
    # caldav 3.0 keeps no status, only the reason phrase of the answer.
    status = getattr(error, "status", None)
    reason = getattr(error, "reason", None)
    return status == 403 or (status is None and reason == "Forbidden")


def _why(error: BaseException) -> str:
    """One line for a server's refusal (but 401) or a connection's failure."""
    from caldav.lib import error as dav  # noqa: PLC0415

    if isinstance(error, dav.AuthorizationError):
        # Credentials taken, the request not (401 is `_refused`): a calendar
        # shared read-only is no matter of a wrong password.
        return "the server forbids it (403: a read-only calendar, or another's)"
    if isinstance(error, dav.NotFoundError):
        return "no calendar there"
    if isinstance(error, OSError):
        # The HTTP client's own message runs to a paragraph of pool details.
        return f"cannot reach the server ({type(error).__name__})"
    text = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, SyntaxError):
        # lxml's, on an answer that is no XML: what the parser says of it.
        text = f"the server's answer cannot be read as XML ({text})"
    # A server's words reach the terminal: an escape sequence in them would
    # clear it, or write a message of the server's own.
    text = "".join(
        character if character.isprintable() else repr(character)[1:-1]
        for character in text
    )
    return text if len(text) <= _LONGEST else text[: _LONGEST - 3] + "..."


_LONGEST = 160

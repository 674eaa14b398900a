"""What a batch command makes of each interview, here or in worker processes.

`followup plan` and `followup due` over many interviews read each entry,
plan it, and turn the plan into what they write: a JSON line, a table,
calendar items, the lines of the due list.  All of that is a function of
the entry, so with ``--workers N`` it runs in N processes, a chunk of
entries at a time: the command's own process reads the raw lines (or the
names of the files), hands chunks of them to the others and works on
chunks of its own meanwhile, and reports and writes the results in the
order of the input.  What travels between the processes is bytes and
text, not plans, which would cost as much to pickle and load as to make.

A `Work` is the part that differs between the commands; `worked` runs one
over a batch.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    NamedTuple,
    Protocol,
    TypeAlias,
    TypeVar,
    final,
)

import attrs

from followup._batch import in_chunks
from followup._engine import plan_followups
from followup._inputs import read_entry
from followup._workers import in_order
from followup.errors import FollowUpError, RuleError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Generator, Iterable

    from followup._due import Reminder
    from followup._inputs import Batch, Entry, Job
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup.ics import CalendarOfPlans

__all__ = [
    "CalendarItems",
    "CalendarPiece",
    "Done",
    "DueLines",
    "JsonLines",
    "Tables",
    "Work",
    "worked",
]

P = TypeVar("P")
P_co = TypeVar("P_co", covariant=True)


class Work(Protocol[P_co]):
    """What a command makes of one entry's plan, and as of when it plans it.

    A work is plain data (it travels to each worker once) and pure: the
    same entry gives the same piece in any process.
    """

    def moment(self, entry: Entry) -> dt.datetime | None:
        """When to plan the entry as of."""

    def piece(self, entry: Entry, plan: FollowUpPlan) -> P_co:
        """What the command writes of the plan (bytes, text, rows)."""


@final
@attrs.frozen
class Done(Generic[P]):
    """One entry, worked: its size for the progress bar, and a piece or a problem.

    `stopped` is set when a rule failed on the entry: the batch stops there
    (the input is not at fault), with the `RuleError`.  (An attrs class, not
    a generic NamedTuple, which Python 3.10 does not have.)
    """

    size: int
    piece: P | None = None
    problem: str | None = None
    stopped: RuleError | None = None


#: Entries a chunk holds with ``--workers``: fewer than `plan_many`'s,
#: since a JSON line (about 5 kB) is several times a plan's parts.  What a
#: worker sends back for a chunk (about 160 kB) then fits in a socket's
#: buffer, and it goes on to its next chunk while the command's own process
#: is busy working on one (30,000 lines: 3.00-3.05 s, against 3.15-3.30
#: with 64).
CHUNK = 32


def _work_on(job: Job, work: Work[P], rules: RuleSet) -> Done[P]:
    entry = read_entry(job)
    if entry.interview is None:
        return Done(entry.size, problem=entry.problem)
    try:
        plan = plan_followups(
            entry.interview, entry.history, now=work.moment(entry), rules=rules
        )
    except RuleError as error:
        return Done(
            entry.size, problem=f"{entry.where}: planning stopped here", stopped=error
        )
    except FollowUpError as error:
        # An event after `now`, or before the interview: the history's, as
        # for one interview given with its history.
        return Done(entry.size, problem=f"{entry.history_file or entry.where}: {error}")
    return Done(entry.size, work.piece(entry, plan))


#: A `Done` as it crosses back from a worker: its fields in order.  A
#: tuple loads in a seventh of the time of the attrs instance's state, and
#: every entry of the batch crosses.
Sent: TypeAlias = "tuple[int, Any, str | None, RuleError | None]"


def _work_on_chunk(shared: tuple[Work[Any], RuleSet], jobs: list[Job]) -> list[Sent]:
    work, rules = shared
    sent: list[Sent] = []
    for job in jobs:
        done = _work_on(job, work, rules)
        sent.append((done.size, done.piece, done.problem, done.stopped))
    return sent


def worked(
    batch: Batch, work: Work[P], rules: RuleSet, workers: int = 1
) -> Generator[Done[P], None, None]:
    """Each entry of `batch` worked, in the order of the batch.

    With one worker the entries are read, planned and worked here, one at
    a time; with more, in that many processes, this one among them, in
    chunks of `CHUNK` entries (see `in_order`), so memory stays flat
    however long the batch.  A consumer stops at the first `Done` that says
    `stopped`.
    """
    if workers == 1:
        for job in batch.jobs:
            yield _work_on(job, work, rules)
        return
    chunks: Iterable[list[Job]] = in_chunks(batch.jobs, CHUNK)
    for sent in in_order(_work_on_chunk, chunks, workers, shared=(work, rules)):
        for size, piece, problem, stopped in sent:
            yield Done(size, piece, problem, stopped)


@final
class JsonLines:
    """`followup plan --format jsonl`: ``{"id": ..., "plan": ...}`` a line.

    The plan is as `followup.json` writes it; the id is the line's (or the
    folder file's name), so that a tracker can join each plan to its
    application although bad lines are left out.
    """

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def moment(self, entry: Entry) -> dt.datetime:  # noqa: ARG002 - one for all
        """The command's ``--now``."""
        return self.now

    def piece(self, entry: Entry, plan: FollowUpPlan) -> bytes:
        """The plan's line, with its line break."""
        from followup._json_lines import json_line  # noqa: PLC0415
        from followup.json import unstructure  # noqa: PLC0415

        return json_line({"id": entry.tracker_id, "plan": unstructure(plan)})


@final
class Tables:
    """`followup plan` over many: a table a plan, under the entry's name."""

    def __init__(self, now: dt.datetime, zone: str | None) -> None:
        self.now = now
        self.zone = zone

    def moment(self, entry: Entry) -> dt.datetime:  # noqa: ARG002 - one for all
        """The command's ``--now``."""
        return self.now

    def piece(self, entry: Entry, plan: FollowUpPlan) -> str:
        """``== NAME`` and the table; the command puts a blank line between."""
        from followup._fields import shown_safely  # noqa: PLC0415
        from followup._table import table  # noqa: PLC0415

        # An id is checked; a file's name (FILE:LINE) is as the shell gave it.
        name = entry.tracker_id or shown_safely(entry.where)
        return f"== {name}\n{table(plan, zone=self.zone)}"


@final
class CalendarItems:
    """`followup plan --format ics` over many: each plan's calendar items.

    With each plan's items comes a calendar that noted only their zones
    and times: the command's own calendar takes them in (`CalendarOfPlans.
    take_zones`) to write the time zones once every plan is in.
    """

    def __init__(self, now: dt.datetime, *, todos: bool) -> None:
        self.now = now
        self.todos = todos

    def moment(self, entry: Entry) -> dt.datetime:  # noqa: ARG002 - one for all
        """The command's ``--now``."""
        return self.now

    def piece(self, entry: Entry, plan: FollowUpPlan) -> CalendarPiece:
        """The plan's items as iCalendar text, the zones they use, and whose."""
        from followup.ics import CalendarOfPlans, interview_uid_prefix  # noqa: PLC0415

        calendar = CalendarOfPlans(todos=self.todos)
        return CalendarPiece(
            calendar.items(plan),
            calendar,
            interview_uid_prefix(plan.interview),
            entry.where,
        )


class CalendarPiece(NamedTuple):
    """A plan's part of the batch's calendar (`CalendarItems`)."""

    items: bytes
    #: A calendar that noted only the zones and times of `items`.
    zones: CalendarOfPlans
    #: What the UIDs of its items start with: the interview's identity.
    identity: str
    #: Where the interview was read (``FILE:LINE``), for a message.
    where: str


class DueLine(NamedTuple):
    """A line of `followup due`: its place in the list, its text or cells."""

    order: int
    #: The JSON object of the line, or its four cells joined by line breaks.
    text: str
    #: The widths of the first three cells, for the table's columns.
    widths: tuple[int, int, int] | None


@final
class DueLines:
    """`followup due`: each interview's reminders, as lines of the list."""

    def __init__(
        self,
        on: dt.date | dt.datetime,
        *,
        within_days: int,
        quiet_days: int,
        as_json: bool,
    ) -> None:
        self.on = on
        self.within_days = within_days
        self.quiet_days = quiet_days
        self.as_json = as_json

    def moment(self, entry: Entry) -> dt.datetime:
        """The start of the day asked about, or the entry's last event if later."""
        from followup._due import day_of, planning_moment  # noqa: PLC0415

        interview = entry.interview
        if interview is None:  # pragma: no cover - bad entries are not planned
            raise AssertionError
        return planning_moment(interview, entry.history, day_of(interview, self.on))

    def piece(self, entry: Entry, plan: FollowUpPlan) -> list[DueLine]:
        """The lines of the plan's reminders."""
        from followup._due import day_of, reminders  # noqa: PLC0415

        day = day_of(plan.interview, self.on)
        return [
            self._line(reminder, entry, day)
            for reminder in reminders(
                plan,
                entry.history,
                day,
                within_days=self.within_days,
                quiet_days=self.quiet_days,
            )
        ]

    def _line(self, reminder: Reminder, entry: Entry, day: dt.date) -> DueLine:
        tracker_id = entry.tracker_id
        if self.as_json:
            from followup._json_lines import json_line  # noqa: PLC0415

            record = {
                **reminder.record(tracker_id),
                "on": str(day),
                # A file's name that is not UTF-8 (held with its bytes
                # escaped) is shown escaped: JSON text is UTF-8.
                "source": entry.where.encode("utf-8", "backslashreplace").decode(),
            }
            text = json_line(record)[:-1].decode()
            return DueLine(_order(reminder), text, None)
        # Without the tracker's id, where the interview was read tells two
        # applications to one company apart, as `plan` heads them: a file's
        # name as the shell gave it, made safe to print on one line.
        if tracker_id is None:
            from followup._fields import shown_safely  # noqa: PLC0415

            cells = reminder.cells(shown_safely(entry.where))
        else:
            cells = reminder.cells(tracker_id)
        # No cell holds a line break (names and ids with one are refused),
        # so one joins them.
        widths = (len(cells[0]), len(cells[1]), len(cells[2]))
        return DueLine(_order(reminder), "\n".join(cells), widths)


def _order(reminder: Reminder) -> int:
    # Reminder.order() as one int (microseconds, then urgency): a tuple of a
    # timedelta and an int costs four times the memory, a million rows over.
    elapsed, urgency = reminder.order()
    microseconds = (elapsed.days * 86_400 + elapsed.seconds) * 10**6
    return (microseconds + elapsed.microseconds) * 4 + urgency

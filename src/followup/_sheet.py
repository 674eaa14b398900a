"""The plan while the built-in rules work on it: one mutable sheet per plan.

The public way to write a rule is a fold over immutable `Draft`s: each rule
returns a new draft, and the engine compares drafts to know whether a rule
changed anything.  That costs a new draft, a new step and a check of every
value for each move.  The built-in rules do their work on a `Sheet`
instead: the same steps and findings, changed in place, with only the
checks their own text and windows need (the rest comes from checked facts
and parameters), and a count of changes that tells the engine whether a
rule moved anything.

Each built-in rule has its work written once, against the sheet, and
registered with `works_on_sheet`; its public `plan(draft)` runs that work on
a sheet made from the draft (`worked`).  So the engine runs the built-in
rules straight on the sheet, passes a draft to a plugin's rule, and a
property test holds the plan it makes equal to the fold over drafts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar, final

from followup._draft import Draft, public_step, timed_public
from followup._draft_step import DraftStep, DraftWindow, StepNames
from followup._plan import (
    Finding,
    Requirements,
    about_values,
    step_values,
    timed_values,
)
from followup._rule import Phase
from followup._steps import check_span, moved_span, recorded_move, single_spaced
from followup._time import pack_instant
from followup._trusted import rebuilder, replaced

if TYPE_CHECKING:
    from collections.abc import Callable

    from followup._facts import Facts
    from followup._plan import FindingValues, PlanParts, Step, StepValues
    from followup._vocabulary import Channel, StepKind

__all__ = ["KERNELS", "Entry", "Sheet", "worked", "works_on_sheet"]

_UTC = dt.timezone.utc
_NO_REQUIREMENTS = Requirements()

#: The work of each built-in rule on a sheet, by the rule's class.
KERNELS: dict[type[Any], Callable[[Any, Sheet], None]] = {}

T = TypeVar("T")


def works_on_sheet(cls: type[T]) -> type[T]:
    """Register a built-in rule class: the engine runs its ``_work`` on the sheet."""
    KERNELS[cls] = cls.__dict__["_work"]
    return cls


@final
class Entry(StepNames):
    """A step on the sheet: the fields of a `DraftStep`, changed in place.

    `start`, `end` and `due` are stdlib datetimes in UTC.  `origin` is the
    draft step the entry stands for while it has not changed, so that a
    draft made from the sheet keeps the steps no rule touched.
    """

    __slots__ = (
        "adjusted_by",
        "advice",
        "agreed",
        "channel",
        "channel_name",
        "due",
        "end",
        "kind",
        "kind_name",
        "number",
        "origin",
        "reason",
        "requirements",
        "rule",
        "start",
    )

    start: dt.datetime
    end: dt.datetime
    due: dt.datetime
    rule: str
    reason: str
    requirements: Requirements
    advice: tuple[str, ...]
    agreed: bool
    adjusted_by: tuple[str, ...]
    origin: DraftStep | None

    @classmethod
    def of(cls, step: DraftStep) -> Entry:
        """The entry for a draft step."""
        entry = cls.__new__(cls)
        window = step.window
        entry.kind = step.kind
        entry.channel = step.channel
        entry.start = window.start
        entry.end = window.end
        entry.due = step.due
        entry.rule = step.rule
        entry.reason = step.reason
        entry.requirements = step.requirements
        entry.advice = step.advice
        entry.number = step.number
        entry.agreed = step.agreed
        entry.adjusted_by = step.adjusted_by
        entry.kind_name = step.kind_name
        entry.channel_name = step.channel_name
        entry.origin = step
        return entry

    def draft_step(self) -> DraftStep:
        """The draft step the entry is now."""
        step = self.origin
        if step is None:
            step = self.origin = _draft_step(
                self.kind,
                self.channel,
                _window(self.start, self.end),
                self.due,
                self.rule,
                self.reason,
                self.requirements,
                self.advice,
                self.number,
                self.agreed,
                self.adjusted_by,
                self.kind_name,
                self.channel_name,
            )
        return step

    def __repr__(self) -> str:
        return f"Entry({self.label}, due {self.due.isoformat()})"


_draft_step = rebuilder(DraftStep)
_window = rebuilder(DraftWindow)


def _order(entry: Entry) -> tuple[dt.datetime, int, int]:
    # The order of `FollowUpPlan.steps`: due as an instant, then the
    # advice's order, then the number.
    return (entry.due, entry.kind.stage, entry.number)


@final
class Sheet:
    """The steps and findings of a plan in the making, over its facts.

    `changes` counts every change; the engine compares it before and after
    a rule to know whether the rule changed anything.  `findings` pairs each
    finding with the entry it speaks of (`None`: it speaks of no step of the
    sheet, and keeps its own `step`).
    """

    __slots__ = ("_drafted", "changes", "facts", "findings", "phase", "steps")

    def __init__(self, facts: Facts, phase: Phase = Phase.PROPOSE) -> None:
        self.facts = facts
        self.phase = phase
        self.steps: list[Entry] = []
        self.findings: list[tuple[Finding, Entry | None]] = []
        self.changes = 0
        # The last draft made of the sheet, and the count of changes then.
        self._drafted: tuple[int, Draft] | None = None

    # -- what rules read -------------------------------------------------

    def of_kind(self, *kinds: StepKind) -> list[Entry]:
        """The steps of the given kinds, in the order they were proposed."""
        return [entry for entry in self.steps if entry.kind in kinds]

    def times(self) -> tuple[tuple[str, dt.datetime, dt.datetime, dt.datetime], ...]:
        """Where each step is: its label, window and due time (for `_settle`)."""
        return tuple(
            (entry.label, entry.start, entry.end, entry.due) for entry in self.steps
        )

    # -- what rules do ---------------------------------------------------

    def propose(  # noqa: PLR0913 - a step has this many parts
        self,
        kind: StepKind,
        channel: Channel,
        window: tuple[dt.datetime, dt.datetime],
        *,
        rule: str,
        reason: str,
        advice: tuple[str, ...] = (),
        requirements: Requirements = _NO_REQUIREMENTS,
        number: int = 1,
        agreed: bool = False,
    ) -> Entry:
        """Add a step of the advice's kind and channel, due when its window opens.

        The built-in rules' counterpart of `new_step`: every part is the
        rule's own, made from checked facts and parameters, so only the
        window (it must not end before it starts) and the reason's words
        are checked.
        """
        start = window[0].astimezone(_UTC)
        end = window[1].astimezone(_UTC)
        # In `new_step`'s order, to refuse the same mistake first.
        words = single_spaced(reason, "reason")
        check_span(start, start, end, rule)
        entry = Entry.__new__(Entry)
        entry.kind = kind
        entry.channel = channel
        entry.start = entry.due = start
        entry.end = end
        entry.rule = rule
        entry.reason = words
        entry.requirements = requirements
        entry.advice = advice
        entry.number = number
        entry.agreed = agreed
        entry.adjusted_by = ()
        entry.kind_name = entry.channel_name = None
        entry.origin = None
        self.steps.append(entry)
        self.changes += 1
        return entry

    def move(  # noqa: PLR0913 - the ways a step moves, all keyword-only
        self,
        entry: Entry,
        *,
        by: str | None,
        why: str | None = None,
        at: dt.datetime | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        due: dt.datetime | None = None,
    ) -> None:
        """Move `entry` as `moved_step` moves a step; times are UTC datetimes.

        Either `at`: the whole window moves there, keeping its length, and
        the step is due there; or any of `start`, `end` and `due`, a due
        time left outside the new window going to its nearest edge.  `why`
        is added to the reason and `by` to ``adjusted_by`` as `moved_step`
        adds them (`recorded_move`).  A move that changes no time records
        nothing and is no change, as for `moved_step`.
        """
        first, last, moment = moved_span(
            entry.start, entry.end, entry.due, at=at, start=start, end=end, due=due
        )
        check_span(first, moment, last, by or entry.rule)
        # `why` is checked even when nothing moves, as `moved_step` checks it.
        told = None if why is None else single_spaced(why, "why")
        if first == entry.start and last == entry.end and moment == entry.due:
            return
        entry.start, entry.end, entry.due = first, last, moment
        entry.reason, entry.adjusted_by = recorded_move(
            entry.reason, entry.adjusted_by, by, told
        )
        entry.origin = None
        self.changes += 1

    def none_before(
        self, kind: StepKind, moment: dt.datetime, *, by: str, why: str
    ) -> None:
        """No step of `kind` before `moment` (UTC), whoever proposed it.

        A window over by `moment` moves whole, keeping its length; a window
        that straddles it is cut there, and a due time before it moves to
        it.  Agreed steps keep their time.
        """
        for entry in self.steps:
            if entry.kind is not kind or entry.agreed or entry.start >= moment:
                continue
            if entry.end < moment:
                self.move(entry, at=moment, by=by, why=why)
            else:
                due = max(entry.due, moment)
                self.move(entry, start=moment, due=due, by=by, why=why)

    def noted_about(self, entry: Entry) -> bool:
        """Whether a finding about `entry` was noted (a rule said it is late, say)."""
        return any(about is entry for _, about in self.findings)

    def drop(self, *entries: Entry) -> None:
        """Remove steps, and the findings about them."""
        if not entries:
            return
        gone = {id(entry) for entry in entries}
        self.steps = [entry for entry in self.steps if id(entry) not in gone]
        self.findings = [
            (finding, about)
            for finding, about in self.findings
            if about is None or id(about) not in gone
        ]
        self.changes += 1

    def note(self, finding: Finding, about: Entry | None = None) -> None:
        """Add a finding, about the step `about` if it speaks of one."""
        self.findings.append((finding, about))
        self.changes += 1

    # -- to and from drafts ----------------------------------------------

    @classmethod
    def of(cls, draft: Draft) -> Sheet:
        """A sheet holding what `draft` holds."""
        sheet = cls(draft.facts, draft.phase)
        sheet.take(draft)
        sheet.changes = 0
        sheet._drafted = (0, draft)
        return sheet

    def take(self, draft: Draft) -> None:
        """Hold what `draft` holds now: the draft a plugin's rule returned.

        Its findings about its steps speak of their entries, so that they
        follow the steps wherever a built-in rule moves them next.
        """
        entries = [Entry.of(step) for step in draft.steps]
        by_step = {id(entry.origin): entry for entry in entries}
        self.steps = entries
        # A finding in a draft may speak of a draft step: see `Draft.noting`.
        self.findings = [
            (finding, by_step.get(id(_about(finding)))) for finding in draft.findings
        ]
        self.changes += 1
        self._drafted = (self.changes, draft)

    def draft(self) -> Draft:
        """The draft of what the sheet holds; the same one until it changes."""
        drafted = self._drafted
        if (
            drafted is not None
            and drafted[0] == self.changes
            and drafted[1].phase is self.phase
        ):
            # Nothing changed since: rules of others that follow one another
            # get the same draft, a built-in rule's `plan` that changes
            # nothing returns the draft it was given, and the engine sees at
            # once that nothing changed.
            return drafted[1]
        steps = tuple(entry.draft_step() for entry in self.steps)
        findings = tuple(
            finding
            if about is None or _about(finding) is about.origin
            else replaced(finding, step=about.draft_step())
            for finding, about in self.findings
        )
        made = Draft(self.facts, steps, findings, self.phase)
        self._drafted = (self.changes, made)
        return made

    # -- the plan --------------------------------------------------------

    def public(self) -> tuple[tuple[Step, ...], tuple[Finding, ...]]:
        """The public steps, in plan order, and the findings speaking of them.

        Their times are on the recipient's calendar, made by the shared days.
        """
        days = self.facts.days
        shown = days.shown
        made = {
            id(entry): timed_public(entry, entry.start, entry.end, entry.due, shown)
            for entry in sorted(self.steps, key=_order)
        }
        findings = []
        for finding, about in self.findings:
            if about is not None:
                # Dropping a step drops the findings about it: the step is here.
                findings.append(replaced(finding, step=made[id(about)]))
                continue
            gone = _about(finding)
            if type(gone) is DraftStep:
                # A plugin's rule noted it about a step no longer in the
                # plan: it speaks of the step as it was.
                finding = replaced(finding, step=public_step(gone, days.zone))  # noqa: PLW2901
            findings.append(finding)
        return tuple(made.values()), tuple(findings)

    def parts(self, rules: tuple[str, ...]) -> PlanParts:
        """What `plan_parts` packs of the plan `public` makes, without making it.

        `rules` are the codes of the rule set.  The steps are in plan order
        and each finding names the step it speaks of by its index, as in
        `plan_parts`; the times are packed from stdlib values on the
        recipient's calendar, as the public values would hold them.  Another
        process of `plan_many` sends these: making public values there only
        to take them apart cost an eighth of its time a plan.
        """
        zone = self.facts.days.zone
        ordered = sorted(self.steps, key=_order)
        steps = []
        for entry in ordered:
            start = entry.start
            opens = pack_instant(start.astimezone(zone))
            closes = pack_instant(entry.end.astimezone(zone))
            # As `timed_public` and `step_values`: a step due when its window
            # opens is packed with one value for both.
            due = (
                opens
                if entry.due == start
                else pack_instant(entry.due.astimezone(zone))
            )
            steps.append(timed_values(entry, (opens, closes), due))
        indices = {id(entry): index for index, entry in enumerate(ordered)}
        findings: list[FindingValues] = []
        for finding, about in self.findings:
            packed: StepValues | int | None
            if about is not None:
                packed = indices[id(about)]
            else:
                gone = _about(finding)
                if type(gone) is DraftStep:
                    # As in `public`: a plugin's rule noted it about a step
                    # no longer in the plan.
                    packed = step_values(public_step(gone, zone))
                else:
                    step = finding.step
                    packed = None if step is None else step_values(step)
            findings.append(about_values(finding, packed))
        return tuple(steps), tuple(findings), rules, pack_instant(self.facts.now)


def _about(finding: Finding) -> object:
    # Typed as a public step; while a plan is made, it may be a draft step.
    return finding.step


def worked(work: Callable[[Sheet], None], draft: Draft) -> Draft:
    """`draft` after `work`: a built-in rule's `plan`, for a fold over drafts."""
    sheet = Sheet.of(draft)
    work(sheet)
    return sheet.draft()

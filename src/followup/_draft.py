"""The plan while the rules are still at work on it.

Planning is a fold: each rule takes a `Draft` and returns a new one.  A draft
is immutable, so a rule can only propose, adjust or drop through these
methods, each of which returns a new draft and leaves the old one alone.

A draft holds `DraftStep`s, whose times are stdlib datetimes in UTC; the
public `Step`s, with pendulum times on the recipient's calendar, are built
once, when the plan is made (`timed_public`, from the engine's sheet: see
`followup._sheet`, where the built-in rules do their work, and their `plan`
on a sheet made from the draft).  A rule written for
the public types (proposing a `Step`, or putting one in place of a draft
step) still works: the draft takes it in as a draft step.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, final

import attrs

from followup._draft_step import DraftStep, DraftWindow
from followup._facts import Facts
from followup._fields import enum_member, instance_of, typed_tuple
from followup._plan import Finding, Step, Window
from followup._rule import Phase
from followup._time import Zone, to_pendulum, utc
from followup._trusted import rebuilder, replaced
from followup._vocabulary import StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    import pendulum

    from followup._sheet import Entry

__all__ = ["Draft", "draft_step", "public_step", "timed_public"]


#: What a step keeps as it is between the draft and the plan: all but its times.
_UNTIMED = (
    "kind",
    "channel",
    "rule",
    "reason",
    "requirements",
    "advice",
    "number",
    "agreed",
    "adjusted_by",
    "kind_name",
    "channel_name",
)


_read_untimed = operator.attrgetter(*_UNTIMED)


def _untimed(step: Step | DraftStep) -> dict[str, Any]:
    return dict(zip(_UNTIMED, _read_untimed(step), strict=True))


def draft_step(step: Step) -> DraftStep:
    """`step` as a draft step: the same fields, times in UTC."""
    window = step.window
    return DraftStep(
        window=DraftWindow(start=utc(window.start), end=utc(window.end)),
        due=utc(step.due),
        **_untimed(step),
    )


def public_step(step: DraftStep, tz: Zone) -> Step:
    """The public `Step` of a draft step, its times on the calendar of `tz`."""
    window = step.window
    return timed_public(
        step,
        window.start,
        window.end,
        step.due,
        lambda at: to_pendulum(at.astimezone(tz)),
    )


def timed_public(
    step: DraftStep | Entry,
    start: dt.datetime,
    end: dt.datetime,
    due: dt.datetime,
    shown: Callable[[dt.datetime], pendulum.DateTime],
) -> Step:
    """The public `Step` of `step` (a draft step, or the engine's entry for one).

    `start`, `end` and `due` are its times in UTC, and `shown` makes the
    public value of each; the step has the other fields of a `Step`.
    """
    opens = shown(start)
    # Most steps are due when their window opens: one value serves both.
    at = opens if due == start else shown(due)
    # Each field by name, not through `_untimed`: this runs for every step of
    # every plan, and a dictionary built per step costs as much as the rest.
    made: Step = _step(
        step.kind,
        step.channel,
        _window(opens, shown(end)),
        at,
        step.rule,
        step.reason,
        step.requirements,
        step.advice,
        step.number,
        step.agreed,
        step.adjusted_by,
        step.kind_name,
        step.channel_name,
    )
    return made


_step = rebuilder(Step)
_window = rebuilder(Window)


def _taken_in(values: tuple[object, ...], field: str) -> tuple[DraftStep, ...]:
    taken = []
    for index, value in enumerate(values):
        if type(value) is DraftStep:
            taken.append(value)
        elif isinstance(value, Step):
            taken.append(draft_step(value))
        else:
            raise InvalidTypeError(f"{field}[{index}]", value, "a DraftStep or Step")
    return tuple(taken)


def _known(values: tuple[object, ...], field: str) -> None:
    for index, value in enumerate(values):
        if type(value) is not DraftStep:
            raise InvalidTypeError(f"{field}[{index}]", value, "a step of the draft")


def _draft_steps(values: Iterable[DraftStep | Step]) -> tuple[DraftStep, ...]:
    # A draft a rule builds itself (`attrs.evolve(draft, steps=...)`): no
    # sequence at all (a lone step, None) is refused by name, as its
    # findings are, not with the bare TypeError `tuple()` raises on it.
    if not hasattr(values, "__iter__"):
        raise InvalidTypeError("Draft.steps", values, "a sequence of DraftStep or Step")
    return _taken_in(tuple(values), "Draft.steps")


def _draft_facts(value: Facts) -> Facts:
    return instance_of(value, Facts, "Draft.facts", "Facts (Facts.gather)")


def _draft_phase(value: Phase) -> Phase:
    return instance_of(value, Phase, "Draft.phase", "a Phase")


def _draft_findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    # A draft a rule builds itself: the engine reads every finding's step.
    return typed_tuple(
        values, "Draft.findings", Finding, "a Finding", whole="a sequence of Finding"
    )


@final
@attrs.frozen
class Draft:
    """The steps and findings so far, over the facts they were planned from.

    `phase` is the phase the rule set is applying (see `Phase`): a rule that
    acts in several phases reads it to know which part of its work is due.
    Every method checks what it is given and returns a new draft.
    """

    facts: Facts = attrs.field(converter=_draft_facts)
    steps: tuple[DraftStep, ...] = attrs.field(default=(), converter=_draft_steps)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_draft_findings)
    phase: Phase = attrs.field(default=Phase.PROPOSE, converter=_draft_phase)

    def of_kind(self, *kinds: StepKind | str) -> tuple[DraftStep, ...]:
        """The steps of the given kinds, in the order they were proposed.

        A kind may be named by its value (``"call"``), as for `new_step`.

        Raises:
            InvalidValueError: a name that is no kind.
        """
        wanted = [
            kind
            if type(kind) is StepKind
            else enum_member(StepKind, kind, f"of_kind[{index}]")
            for index, kind in enumerate(kinds)
        ]
        # A list first: a generator feeding a tuple costs a third more.
        return tuple([step for step in self.steps if step.kind in wanted])

    def proposing(self, *steps: DraftStep | Step) -> Draft:
        """Add steps (from `new_step`, or public `Step`s); only in `PROPOSE`.

        No steps at all leave the draft as it is, in any phase.

        Raises:
            InvalidTypeError: something that is not a step.
            InvalidValueError: proposing in a later phase, where the steps
                would escape the rules that drop, space and place them.
        """
        taken = _taken_in(steps, "proposing")
        if not taken:
            # Nothing escapes the later rules: a rule may pass on what it
            # found to propose, none, in any phase.
            return self
        if self.phase is not Phase.PROPOSE:
            raise InvalidValueError(
                "proposing",
                ", ".join(step.label for step in taken),
                f"comes in the {self.phase.value} phase; steps are proposed in "
                "the propose phase, so that every later rule governs them",
            )
        return replaced(self, steps=(*self.steps, *taken))

    def noting(self, *findings: Finding) -> Draft:
        """Add findings about the draft or its steps.

        A finding may name a draft step, or a public `Step` this draft took
        in (as a rule written before draft steps does): it then speaks of
        the draft step, and so follows it when another rule moves it.
        """
        noted = []
        for index, finding in enumerate(findings):
            if not isinstance(finding, Finding):
                raise InvalidTypeError(f"noting[{index}]", finding, "a Finding")
            about: object = finding.step
            if isinstance(about, Step):
                taken = draft_step(about)
                held = next((step for step in self.steps if step == taken), None)
                if held is not None:
                    finding = replaced(finding, step=held)  # noqa: PLW2901
            noted.append(finding)
        return replaced(self, findings=(*self.findings, *noted))

    def replacing(self, old: DraftStep, new: DraftStep | Step) -> Draft:
        """Put `new` where `old` was; findings about `old` now speak of `new`.

        `new` may be a draft step (from `moved_step`, say) or a public `Step`.

        Raises:
            InvalidTypeError: `old` is not a draft step, or `new` no step.
            InvalidValueError: `old` is not a step of this draft (one a rule
                moved since, say): it is found by identity, not equality.
        """
        _known((old,), "replacing")
        taken = new if type(new) is DraftStep else _taken_in((new,), "replacing")[0]
        if not any(step is old for step in self.steps):
            raise InvalidValueError(
                "replacing", old.label, "is not a step of this draft"
            )
        findings = self.findings
        if any(f.step is old for f in findings):  # type: ignore[comparison-overlap]
            findings = tuple(
                replaced(f, step=taken) if f.step is old else f  # type: ignore[comparison-overlap]
                for f in findings
            )
        return replaced(
            self,
            steps=tuple(taken if step is old else step for step in self.steps),
            findings=findings,
        )

    def dropping(self, *steps: DraftStep) -> Draft:
        """Remove steps, and the findings about them.

        Raises:
            InvalidTypeError: something that is not a step of a draft.
            InvalidValueError: a step this draft does not hold (one a rule
                moved since, say), which would otherwise drop nothing.
        """
        _known(steps, "dropping")
        held = {id(step) for step in self.steps}
        for index, step in enumerate(steps):
            if id(step) not in held:
                raise InvalidValueError(
                    f"dropping[{index}]", step.label, "is not a step of this draft"
                )
        gone = {id(step) for step in steps}
        return replaced(
            self,
            steps=tuple(s for s in self.steps if id(s) not in gone),
            findings=tuple(
                f for f in self.findings if f.step is None or id(f.step) not in gone
            ),
        )

"""What a plan is made of: steps in windows, findings, and the plan itself."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias, final

import attrs
import pendulum

from followup._advice import step_advice_problem
from followup._draft_step import DraftStep, StepNames
from followup._fields import (
    enum_member,
    instance_of,
    minutes_pair,
    optional_instance_of,
    single_line,
    step_number,
    text_tuple,
    typed_tuple,
    without_controls,
)
from followup._interview import (
    Interview,
    interview_from,
    interview_there,
    interview_values,
)
from followup._time import (
    check_planned,
    coerce_instant,
    coerce_planned,
    coerce_zone_name,
    describe_for,
    instant_key,
    local,
    pack_instant,
    to_pendulum,
    unpack_instant,
    utc,
    zone_of,
)
from followup._time import zone as time_zone
from followup._trusted import assemble, rebuilder
from followup._vocabulary import Channel, Severity, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from followup._interview import InterviewValues
    from followup._sheet import Entry
    from followup._time import InstantLike, Packed, Zone

__all__ = [
    "Finding",
    "FollowUpPlan",
    "Requirements",
    "Step",
    "Window",
]


def _window_start(value: InstantLike) -> pendulum.DateTime:
    return coerce_planned(value, "Window.start")


def _window_end(value: InstantLike) -> pendulum.DateTime:
    return coerce_planned(value, "Window.end")


@final
@attrs.frozen
class Window:
    """A closed span of time, ``start <= end``, compared as instants.

    >>> w = Window("2026-11-25T09:00:00-05:00", "2026-11-26T17:00:00-05:00")
    >>> w.length
    datetime.timedelta(days=1, seconds=28800)
    >>> w.contains("2026-11-26T12:00:00-05:00")
    True
    """

    start: pendulum.DateTime = attrs.field(converter=_window_start, eq=instant_key)
    end: pendulum.DateTime = attrs.field(converter=_window_end, eq=instant_key)

    def __attrs_post_init__(self) -> None:
        if instant_key(self.end) < instant_key(self.start):
            raise InvalidValueError(
                "Window.end",
                self.end.isoformat(),
                f"is before Window.start ({self.start.isoformat()})",
            )

    @property
    def length(self) -> dt.timedelta:
        """Elapsed time from start to end (DST changes included)."""
        return instant_key(self.end) - instant_key(self.start)

    def contains(self, moment: InstantLike) -> bool:
        """Whether `moment` (any instant the library accepts) lies in the window."""
        key = instant_key(coerce_planned(moment, "moment"))
        return instant_key(self.start) <= key <= instant_key(self.end)

    def moved_to(self, start: InstantLike) -> Window:
        """Return a window of the same length that starts at `start`.

        Raises:
            InvalidValueError: `start` is no instant a plan may hold, or the
                window would end after 2204-12-31 (UTC).
        """
        start = coerce_planned(start, "start")
        tz = zone_of(self.start)
        # start + length >= start always, but may pass the end of the range:
        # a window that ends there is refused, as one built by hand would be.
        end = utc(start) + self.length
        check_planned(end, "Window.end")
        return assemble(
            Window,
            start=to_pendulum(local(start, tz)),
            end=to_pendulum(local(end, tz)),
        )

    def __reduce__(self) -> tuple[Callable[..., Window], tuple[WindowValues]]:
        return window_from, (window_values(self),)


# Every type pickles as a function of plain values (see `pack_instant`), in
# field order: compact, fast, and a time in the repeated hour of a
# daylight-saving change keeps its fold, which pendulum's pickling drops.  The
# values were validated when the object was first made, so `assemble` rebuilds
# it unchecked.  A plan packs its parts inline: one call, no nested objects.

#: A window as plain values: start and end, each packed.
WindowValues: TypeAlias = "tuple[Packed, Packed]"


def window_values(window: Window) -> WindowValues:
    """The fields of `window` as plain values: `window_from` rebuilds it."""
    return pack_instant(window.start), pack_instant(window.end)


# Each unpickler's builder, made once here: a plan comes back through a
# dozen of them, and looking each one up again cost a sixth of loading it.
_new_window = rebuilder(Window)


def window_from(values: WindowValues) -> Window:
    """Rebuild a pickled window."""
    start, end = values
    return _new_window(unpack_instant(start), unpack_instant(end))


def _minutes(value: tuple[int, int] | None) -> tuple[int, int] | None:
    if value is None:
        return None
    return minutes_pair(value, "Requirements.call_minutes", most=24 * 60)


def _max_lines(value: int | None) -> int | None:
    return _line_count(value)


def _line_count(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError("Requirements.max_lines", value, "a whole number")
    if value < 1:
        raise InvalidValueError(
            "Requirements.max_lines", value, "is not a whole number of 1 or more"
        )
    return value


def _requirements_must_mention(value: Iterable[str]) -> tuple[str, ...]:
    return text_tuple(value, "Requirements.must_mention")


def _requirements_talking_points(value: Iterable[str]) -> tuple[str, ...]:
    return text_tuple(value, "Requirements.talking_points")


@final
@attrs.frozen
class Requirements:
    """What a message or a call must hold.

    `must_mention` lists the facts the text must name (the candidate, the
    company, the date and time of the interview); `talking_points` says what to
    say or write in words; `max_lines` caps a letter (A9) and `call_minutes`
    gives the length of a call (A13).
    """

    max_lines: int | None = attrs.field(default=None, converter=_max_lines)
    must_mention: tuple[str, ...] = attrs.field(
        default=(), converter=_requirements_must_mention
    )
    call_minutes: tuple[int, int] | None = attrs.field(default=None, converter=_minutes)
    talking_points: tuple[str, ...] = attrs.field(
        default=(), converter=_requirements_talking_points
    )

    def describe(self) -> tuple[str, ...]:
        """The requirements as short lines for people."""
        lines: list[str] = []
        if self.must_mention:
            lines.append("mention: " + "; ".join(self.must_mention))
        lines.extend(self.talking_points)
        if self.max_lines is not None:
            lines.append(f"at most {self.max_lines} lines")
        if self.call_minutes is not None:
            low, high = self.call_minutes
            lines.append(f"keep the call to {low}-{high} minutes")
        return tuple(lines)

    def __reduce__(
        self,
    ) -> tuple[Callable[..., Requirements], tuple[RequirementsValues]]:
        return requirements_from, (requirements_values(self),)


#: Requirements as plain values, in field order.
RequirementsValues: TypeAlias = (
    "tuple[int | None, tuple[str, ...], tuple[int, int] | None, tuple[str, ...]]"
)


def requirements_values(requirements: Requirements) -> RequirementsValues:
    """The fields of `requirements`: `requirements_from` rebuilds them."""
    return (
        requirements.max_lines,
        requirements.must_mention,
        requirements.call_minutes,
        requirements.talking_points,
    )


_new_requirements = rebuilder(Requirements)


def requirements_from(values: RequirementsValues) -> Requirements:
    """Rebuild pickled requirements."""
    return _new_requirements(*values)


def _window(value: Window) -> Window:
    return instance_of(value, Window, "Step.window", "a Window")


def _requirements(value: Requirements) -> Requirements:
    return instance_of(value, Requirements, "Step.requirements", "a Requirements")


def _step_kind(value: StepKind | str) -> StepKind:
    return enum_member(StepKind, value, "Step.kind")


def _step_channel(value: Channel | str) -> Channel:
    return enum_member(Channel, value, "Step.channel")


def _step_due(value: InstantLike) -> pendulum.DateTime:
    return coerce_planned(value, "Step.due")


def _step_rule(value: str) -> str:
    return single_line(value, "Step.rule")


def _step_reason(value: str) -> str:
    return single_line(value, "Step.reason")


def _step_advice(value: Iterable[str]) -> tuple[str, ...]:
    advice = text_tuple(value, "Step.advice")
    for index, cited in enumerate(advice):
        problem = step_advice_problem(cited)
        if problem is not None:
            raise InvalidValueError(f"Step.advice[{index}]", cited, problem)
    return advice


def _step_adjusted_by(value: Iterable[str]) -> tuple[str, ...]:
    return text_tuple(value, "Step.adjusted_by")


def _step_agreed(value: bool) -> bool:
    # "yes" from a file is truthy, and would pin a step no one agreed to.
    return instance_of(value, bool, "Step.agreed", "true or false")


_OWN_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def own_name(value: object, field: str) -> str | None:
    """A kebab-case name for a kind or channel of one's own (``linkedin-message``)."""
    if value is None:
        return None
    text = single_line(value, field, most=40)
    if not _OWN_NAME.fullmatch(text):
        raise InvalidValueError(
            field, value, "is not a kebab-case name such as 'linkedin'"
        )
    return text


def own_kind_name(value: object, field: str) -> str | None:
    """`own_name` for a kind of one's own: no name of a kind followup knows.

    An other step named ``follow-up`` would read as the follow-up itself in
    a table, an explanation and JSON, beside the real one.
    """
    return _not_taken(own_name(value, field), field, StepKind, "kind")


def own_channel_name(value: object, field: str) -> str | None:
    """`own_name` for a channel of one's own: no name of a channel followup knows."""
    return _not_taken(own_name(value, field), field, Channel, "channel")


def _not_taken(
    name: str | None, field: str, known: type[StepKind | Channel], what: str
) -> str | None:
    if name is None or name == "other":
        return name
    for member in known:
        if member.value == name:
            raise InvalidValueError(
                field,
                name,
                f"is the name of a {what} followup knows: give {what} "
                f"{name!r} itself, not {what} 'other'",
            )
    return name


def _step_kind_name(value: str | None) -> str | None:
    return own_kind_name(value, "Step.kind_name")


def _step_channel_name(value: str | None) -> str | None:
    return own_channel_name(value, "Step.channel_name")


@final
@attrs.frozen
class Step(StepNames):
    """One thing to do, somewhere in its `window`, ideally at `due`.

    `rule` is the code of the rule that proposed the step and `reason` says
    why in words, citing advice ids; `adjusted_by` lists the rules that moved
    it since, each once, the last to move it last.  `number` counts steps of
    this kind across the whole follow-up, done ones included (the second
    call-back is number 2 even when the first is history).  An `agreed` step
    keeps the time agreed with the company: no rule moves it into working
    time.  A step of a kind or by a channel the advice does not name
    (`StepKind.OTHER`, `Channel.OTHER`) names its own in `kind_name` or
    `channel_name`, in kebab-case (``linkedin-message``).
    """

    kind: StepKind = attrs.field(converter=_step_kind)
    channel: Channel = attrs.field(converter=_step_channel)
    window: Window = attrs.field(converter=_window)
    due: pendulum.DateTime = attrs.field(converter=_step_due, eq=instant_key)
    rule: str = attrs.field(converter=_step_rule)
    reason: str = attrs.field(converter=_step_reason)
    requirements: Requirements = attrs.field(
        factory=Requirements, converter=_requirements
    )
    advice: tuple[str, ...] = attrs.field(default=(), converter=_step_advice)
    number: int = attrs.field(default=1)
    agreed: bool = attrs.field(default=False, converter=_step_agreed)
    adjusted_by: tuple[str, ...] = attrs.field(default=(), converter=_step_adjusted_by)
    kind_name: str | None = attrs.field(default=None, converter=_step_kind_name)
    channel_name: str | None = attrs.field(default=None, converter=_step_channel_name)

    def __attrs_post_init__(self) -> None:
        if not self.window.contains(self.due):
            raise InvalidValueError(
                "Step.due",
                self.due.isoformat(),
                f"is outside its window ({self.window.start.isoformat()} to "
                f"{self.window.end.isoformat()})",
            )
        step_number(self.number, "Step.number")
        for field, value, other in (
            ("kind_name", self.kind_name, self.kind is StepKind.OTHER),
            ("channel_name", self.channel_name, self.channel is Channel.OTHER),
        ):
            if other and value is None:
                raise InvalidValueError(
                    f"Step.{field}",
                    None,
                    f"given, but a step whose {field[:-5]} is other needs a name of "
                    "its own",
                )
            if not other and value is not None:
                raise InvalidValueError(
                    f"Step.{field}",
                    value,
                    f"names a {field[:-5]} of one's own; set Step.{field[:-5]} "
                    "to other for it",
                )

    def __reduce__(self) -> tuple[Callable[..., Step], tuple[StepValues]]:
        return step_from, (step_values(self),)


#: A step as plain values, in field order: members by value, the window and
#: the requirements as their values, `due` packed.
StepValues: TypeAlias = (
    "tuple[str, str, WindowValues, Packed, str, str, RequirementsValues, "
    "tuple[str, ...], int, bool, tuple[str, ...], str | None, str | None]"
)

_KINDS = {kind.value: kind for kind in StepKind}
_CHANNELS = {channel.value: channel for channel in Channel}
_SEVERITIES = {severity.value: severity for severity in Severity}


def step_values(step: Step) -> StepValues:
    """The fields of `step` as plain values: `step_from` rebuilds it."""
    window = step.window
    packed = window_values(window)
    # Most steps are due when their window opens, and the engine makes one
    # value of both: packed once, pickled once, and made one value again
    # when the step comes back.
    return timed_values(
        step, packed, packed[0] if step.due is window.start else pack_instant(step.due)
    )


def timed_values(step: Step | Entry, window: WindowValues, due: Packed) -> StepValues:
    """The plain values of a step whose window and due time are packed already.

    `step` has the other fields of a `Step`: a step, or the engine's entry
    for one, packed without a `Step` made of it first (`Sheet.parts`).
    """
    # `_value_`, not `value`: that one is a property in Python, half the cost
    # of packing an instant.
    return (
        step.kind._value_,
        step.channel._value_,
        window,
        due,
        step.rule,
        step.reason,
        requirements_values(step.requirements),
        step.advice,
        step.number,
        step.agreed,
        step.adjusted_by,
        step.kind_name,
        step.channel_name,
    )


_new_step = rebuilder(Step)


def step_from(values: StepValues) -> Step:
    """Rebuild a pickled step."""
    kind, channel, window, due, rule, reason, requirements, *as_they_are = values
    made = window_from(window)
    # Every field, in the order of the class's fields: the last six (advice,
    # number, agreed, adjusted_by, kind_name, channel_name) as they were packed.
    return _new_step(
        _KINDS[kind],
        _CHANNELS[channel],
        made,
        made.start if due is window[0] else unpack_instant(due),
        rule,
        reason,
        requirements_from(requirements),
        *as_they_are,
    )


def _optional_step(value: Step | DraftStep | None) -> Step | None:
    # While a plan is made, a finding may speak of a step of the draft; the
    # engine puts the public step in its place when it freezes the plan.
    if type(value) is DraftStep:
        return value  # type: ignore[return-value]
    return optional_instance_of(value, Step, "Finding.step", "a Step or None")


def _optional_text(value: str | None, field: str) -> str | None:
    text = optional_instance_of(value, str, field, "text (str) or None")
    if text is None:
        return None
    if not text.strip():
        # It would print as "(expected , got )": None says there is nothing.
        raise InvalidValueError(
            field, text, "is empty; give None when there is nothing to say"
        )
    return without_controls(text, field)


def _finding_expected(value: str | None) -> str | None:
    return _optional_text(value, "Finding.expected")


def _finding_actual(value: str | None) -> str | None:
    return _optional_text(value, "Finding.actual")


def _finding_code(value: str) -> str:
    return single_line(value, "Finding.code")


def _finding_severity(value: Severity | str) -> Severity:
    return enum_member(Severity, value, "Finding.severity")


def _finding_message(value: str) -> str:
    return single_line(value, "Finding.message")


@final
@attrs.frozen
class Finding:
    """A rule's verdict on a plan, a schedule, a letter or an input.

    `expected` and `actual` are short strings ("at most 9 lines", "12 lines").

    >>> print(Finding("FU004", "error", "sent too early",
    ...               expected="on or after Wed 25 Nov", actual="Tue 24 Nov"))
    FU004 error: sent too early (expected on or after Wed 25 Nov, got Tue 24 Nov)
    """

    code: str = attrs.field(converter=_finding_code)
    severity: Severity = attrs.field(converter=_finding_severity)
    message: str = attrs.field(converter=_finding_message)
    step: Step | None = attrs.field(default=None, converter=_optional_step)
    expected: str | None = attrs.field(default=None, converter=_finding_expected)
    actual: str | None = attrs.field(default=None, converter=_finding_actual)

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value}: {self.message}{details(self)}"

    def __reduce__(self) -> tuple[Callable[..., Finding], tuple[FindingValues]]:
        return finding_from, (finding_values(self),)


def details(finding: Finding) -> str:
    """`` (expected ..., got ...)``, of what the finding gives; empty if neither."""
    parts = []
    if finding.expected is not None:
        parts.append(f"expected {finding.expected}")
    if finding.actual is not None:
        parts.append(f"got {finding.actual}")
    return f" ({', '.join(parts)})" if parts else ""


#: A finding as plain values, in field order.  Within a plan, a finding about
#: one of the plan's steps names it by its index in `FollowUpPlan.steps`.
FindingValues: TypeAlias = (
    "tuple[str, str, str, StepValues | int | None, str | None, str | None]"
)


def finding_values(
    finding: Finding, steps: Mapping[int, int] | None = None
) -> FindingValues:
    """The fields of `finding` as plain values: `finding_from` rebuilds it.

    `steps` maps the ``id`` of each step of the plan to its index.
    """
    step = finding.step
    if step is None:
        packed: StepValues | int | None = None
    elif steps is not None and id(step) in steps:
        packed = steps[id(step)]
    else:
        packed = step_values(step)
    return about_values(finding, packed)


def about_values(finding: Finding, step: StepValues | int | None) -> FindingValues:
    """The plain values of `finding`, the step it speaks of packed already.

    `step` is the step's values, its index among the plan's steps, or `None`.
    """
    return (
        finding.code,
        finding.severity._value_,
        finding.message,
        step,
        finding.expected,
        finding.actual,
    )


_new_finding = rebuilder(Finding)


def finding_from(values: FindingValues, steps: Sequence[Step] = ()) -> Finding:
    """Rebuild a pickled finding; `steps` are the plan's, rebuilt first."""
    code, severity, message, step, expected, actual = values
    if isinstance(step, int):
        about: Step | None = steps[step]  # a step of the plan, by its index
    else:
        about = None if step is None else step_from(step)
    return _new_finding(code, _SEVERITIES[severity], message, about, expected, actual)


def own_finding(
    code: str,
    severity: Severity,
    message: str,
    *,
    expected: str | None = None,
    actual: str | None = None,
) -> Finding:
    """A built-in rule's finding, made without checking its parts again.

    The rule's own words, filled in from checked facts, so they are one line
    without control characters already; a property test rebuilds every
    finding of a plan through `Finding` and finds it equal.  The engine puts
    in the step it is about (`Sheet.note`).
    """
    return _new_finding(code, severity, message, None, expected, actual)


def step_order(step: Step) -> tuple[dt.timedelta, int, int]:
    """Sort key: due as an instant, then the advice's order, then the number."""
    return (instant_key(step.due), step.kind.stage, step.number)


def repeated_step(steps: Sequence[StepNames]) -> tuple[int, int] | None:
    """The indices of two of `steps` with one identity, or `None` if there are none.

    A step's identity is its kind, its `kind_name` and its number: what
    `step_key` builds calendar UIDs and `plan_changes` on, so that two steps
    of one identity would be one calendar item, and one of them lost.  The
    second index is the first step that repeats an earlier one.
    """
    seen: dict[tuple[StepKind, str | None, int], int] = {}
    for index, step in enumerate(steps):
        first = seen.setdefault((step.kind, step.kind_name, step.number), index)
        if first != index:
            return first, index
    return None


def _sorted_steps(values: Iterable[Step]) -> tuple[Step, ...]:
    steps = typed_tuple(
        values, "FollowUpPlan.steps", Step, "a Step", whole="a sequence of Step"
    )
    twice = repeated_step(steps)
    if twice is not None:
        first, second = twice
        # Both indices in the text, not one in the field's name: the
        # mistake is the pair's, not the second step's alone.
        raise InvalidValueError(
            "FollowUpPlan.steps",
            steps[second].label,
            f"is twice among the steps, [{first}] and [{second}]: a step's kind, "
            "kind name and number are its identity, which calendar UIDs and "
            "plan_changes go by, so no two steps of a plan share them",
        )
    return tuple(sorted(steps, key=step_order))


def _findings(values: Iterable[Finding]) -> tuple[Finding, ...]:
    return typed_tuple(
        values,
        "FollowUpPlan.findings",
        Finding,
        "a Finding",
        whole="a sequence of Finding",
    )


def _plan_interview(value: Interview) -> Interview:
    return instance_of(value, Interview, "FollowUpPlan.interview", "an Interview")


def _follow_up_plan_rules(value: Iterable[str]) -> tuple[str, ...]:
    return text_tuple(value, "FollowUpPlan.rules")


def _follow_up_plan_as_of(value: InstantLike) -> pendulum.DateTime:
    return coerce_instant(value, "FollowUpPlan.as_of")


@final
@attrs.frozen
class FollowUpPlan:
    """The steps to take after an interview, as of `as_of`, and why.

    `steps` are sorted by `due` as instants; `findings` carry what the rules
    noticed while planning (late steps, missing contact details, ...);
    `rules` holds the codes of the rules that made the plan, in order.

    No two steps share an identity: their kind, `kind_name` (for
    `StepKind.OTHER`) and `number` together, which calendar UIDs go by
    (`followup.ics.step_uid`): two steps of one identity are refused with an
    `InvalidValueError` naming both.  The second call is `number` 2.
    """

    interview: Interview = attrs.field(converter=_plan_interview)
    steps: tuple[Step, ...] = attrs.field(converter=_sorted_steps)
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    rules: tuple[str, ...] = attrs.field(converter=_follow_up_plan_rules)
    as_of: pendulum.DateTime = attrs.field(
        converter=_follow_up_plan_as_of, eq=instant_key
    )

    @property
    def passes(self) -> bool:
        """Whether no finding is an error."""
        return all(f.severity is not Severity.ERROR for f in self.findings)

    def next_step(self, now: InstantLike) -> Step | None:
        """Return the first step whose window has not closed at `now`, if any."""
        key = instant_key(coerce_planned(now, "now"))
        for step in self.steps:
            if instant_key(step.window.end) >= key:
                return step
        return None

    def explain(self, zone: str | None = None) -> str:
        """Every step with when, how, why, and the rules and advice behind it.

        Times are the recipient's; give the reader's `zone` (an IANA name) to
        see them in it, the recipient's time beside each.

        Raises:
            UnknownTimeZoneError: `zone` is not a portable IANA zone name.
            InvalidTypeError: `zone` is not text.
        """
        # The name checked first: `time_zone` is cached, and its cache hashes
        # what it is given, so a list raised TypeError before any check.
        reader = None if zone is None else time_zone(coerce_zone_name(zone, "zone"))
        interview = self.interview
        minutes = int(interview.duration.total_seconds() // 60)
        rules = ", ".join(self.rules) or "no rules"
        about = f"{interview.candidate}'s phone interview with {interview.company}"
        when = describe_for(interview_there(interview), reader)
        lines = [
            f"Follow-up for {about}",
            f"Interview: {when}, {minutes} minutes, {interview.performance.value}",
            f"Planned as of {describe_for(self.as_of, reader)} with {rules}",
            "",
        ]
        if not self.steps:
            lines.append("No steps to take.")
        for index, step in enumerate(self.steps, start=1):
            lines.extend(_explain_step(index, step, reader))
        if self.findings:
            lines.append("")
            lines.append("Findings:")
            lines.extend(f"  {finding}" for finding in self.findings)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Callable[..., FollowUpPlan], tuple[PlanValues]]:
        return plan_from, (plan_values(self),)


#: A plan as plain values, in field order, `as_of` packed.
PlanValues: TypeAlias = (
    "tuple[InterviewValues, tuple[StepValues, ...], tuple[FindingValues, ...], "
    "tuple[str, ...], Packed]"
)

#: What a plan holds beside its interview, as plain values: the steps, the
#: findings, the rules and `as_of`.  A worker of `plan_many` sends these
#: back, and the plan is made again with the interview the caller gave.
PlanParts: TypeAlias = (
    "tuple[tuple[StepValues, ...], tuple[FindingValues, ...], tuple[str, ...], Packed]"
)


def plan_values(plan: FollowUpPlan) -> PlanValues:
    """The fields of `plan` as plain values: `plan_from` rebuilds it."""
    return (interview_values(plan.interview), *plan_parts(plan))


def plan_parts(plan: FollowUpPlan) -> PlanParts:
    """What `plan` holds beside its interview: `plan_with` makes it again."""
    steps = plan.steps
    findings = plan.findings
    # A finding about one of the plan's steps names it by index: the step is
    # packed once and comes back the same object.
    indices = (
        {id(step): index for index, step in enumerate(steps)}
        if any(finding.step is not None for finding in findings)
        else None
    )
    return (
        tuple(map(step_values, steps)),
        tuple(finding_values(finding, indices) for finding in findings),
        plan.rules,
        pack_instant(plan.as_of),
    )


_new_follow_up_plan = rebuilder(FollowUpPlan)


def plan_from(values: PlanValues) -> FollowUpPlan:
    """Rebuild a pickled plan."""
    interview, steps, findings, rules, as_of = values
    return plan_with(interview_from(interview), (steps, findings, rules, as_of))


def plan_with(interview: Interview, parts: PlanParts) -> FollowUpPlan:
    """The plan of `interview` whose other fields `plan_parts` packed."""
    steps, findings, rules, as_of = parts
    rebuilt = tuple(map(step_from, steps))
    return _new_follow_up_plan(
        interview,
        rebuilt,
        tuple(finding_from(finding, rebuilt) for finding in findings),
        rules,
        unpack_instant(as_of),
    )


def provenance(step: Step, reader: Zone | None = None) -> tuple[str, str]:
    """The step's window, and the rules and advice behind it, in words.

    `FollowUpPlan.explain` and the calendar's descriptions say them alike.
    The window is in the recipient's zone, or in the `reader`'s with the
    recipient's time beside it, as `explain` writes every time for a reader.
    """
    window = step.window
    start, end = describe_for(window.start, reader), describe_for(window.end, reader)
    rules = ", ".join((step.rule, *step.adjusted_by))
    return f"{start} to {end}", f"{rules}; advice: {', '.join(step.advice) or 'none'}"


def _explain_step(index: int, step: Step, reader: Zone | None) -> list[str]:
    window, rules = provenance(step, reader)
    lines = [
        f"{index}. {step.label} by {step.how}, due {describe_for(step.due, reader)}",
        f"   window: {window}",
        f"   why: {step.reason}",
        f"   rules: {rules}",
    ]
    lines.extend(f"   - {line}" for line in step.requirements.describe())
    return lines

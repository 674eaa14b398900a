"""Building and moving steps: the toolkit of every rule, built-in or third-party.

The built-in rules build and move their steps with exactly these two
functions, so a plugin has every door they have.  Both take times in any
zone (stdlib or pendulum datetimes, or text) and give `DraftStep`s, whose
times are stdlib datetimes in UTC: fast to compare, and the same instants
the plan's public `Step`s will show on the recipient's calendar.  They check
what a rule could get wrong (a due time outside its window, a window that
ends before it starts) and nothing that the public types already guarantee.

>>> from followup import Facts, Interview, StepKind, Channel, new_step, moved_step
>>> facts = Facts.gather(Interview("Ada", "Acme", "2026-11-23T10:00:00-05:00"))
>>> step = new_step(facts, StepKind.CALL, Channel.PHONE,
...                 ("2026-11-30T09:00:00-05:00", "2026-11-30T17:00:00-05:00"),
...                 rule="QF001", reason="Call on Monday.")
>>> later = moved_step(step, facts, at="2026-12-01T09:00:00-05:00",
...                    by="QF001", why="Moved to Tuesday (QF001).")
>>> facts.local(later.due).strftime("%a %d %b %H:%M"), later.adjusted_by
('Tue 01 Dec 09:00', ('QF001',))
>>> later.reason
'Call on Monday. Moved to Tuesday (QF001).'

"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from followup._advice import ADVICE, step_advice_problem
from followup._draft import draft_step
from followup._draft_step import DraftStep, DraftWindow
from followup._fields import (
    SHOWS_NOTHING,
    enum_member,
    has_controls,
    shows_anything,
    step_number,
    without_controls,
)
from followup._plan import (
    Requirements,
    Step,
    Window,
    own_channel_name,
    own_kind_name,
)
from followup._time import (
    EARLIEST,
    LATEST_PLANNED,
    check_planned,
    coerce_planned,
    utc,
)
from followup._trusted import assemble, replaced
from followup._vocabulary import Channel, StepKind
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from followup._facts import Facts

__all__ = [
    "check_own_step",
    "check_span",
    "moved_span",
    "moved_step",
    "new_step",
    "recorded_move",
    "single_spaced",
]


_UTC = dt.timezone.utc
_NO_REQUIREMENTS = Requirements()


def _here(moment: object, field: str) -> dt.datetime:
    # Rules compute on stdlib datetimes; plugins may hand pendulum values or
    # text.  Either way the draft holds the instant, in UTC.
    if type(moment) is dt.datetime and moment.tzinfo is _UTC:
        return moment
    if isinstance(moment, dt.datetime):
        try:
            if moment.utcoffset() is not None:
                return utc(moment)
        # A tzinfo of one's own may raise, or give an offset datetime
        # refuses; an instant near year 1 or 9999 has no UTC time.  Refused
        # below, with the field's name.
        except Exception:  # noqa: BLE001, S110
            pass
    # Text, a naive datetime, or one of those: read, or refused by name, in
    # the range of the instants a plan may hold, as a datetime is.
    return utc(coerce_planned(moment, field))


def check_span(
    start: dt.datetime, due: dt.datetime, end: dt.datetime, rule: str
) -> None:
    """Refuse a window that ends before it starts, or a due time outside it.

    And a window outside the instants a plan may hold (`LATEST_PLANNED`):
    placed there, by whichever rule, the plan could not be read back.
    """
    if end < start:
        raise InvalidValueError(
            "window",
            (start.isoformat(), end.isoformat()),
            f"ends before it starts ({rule})",
        )
    if not start <= due <= end:
        raise InvalidValueError(
            "due",
            due.isoformat(),
            f"is outside its window ({start.isoformat()} to {end.isoformat()})",
        )
    if start < EARLIEST or end >= LATEST_PLANNED:
        check_planned(start, "window.start")
        check_planned(end, "window.end")


def check_own_step(step: DraftStep, rule: str) -> None:
    """Hold a draft step `rule` built itself to the checks of a public `Step`.

    `new_step`, `moved_step` and the public `Step` check what they make; a
    rule may also build a `DraftStep` itself (``attrs.evolve``, say), and
    what it holds then reaches the plan: the kind and channel as members,
    `advice` and `adjusted_by` as tuples, the window in order, and every
    part as `Step` takes it, or the plan could not be written and read back.

    Raises:
        InvalidTypeError: a part of the wrong type (text for a kind, say).
        InvalidValueError: a part `Step` refuses (a reason on two lines, a
            number below 1), or a window out of order.
    """
    for field, value, members in (
        ("kind", step.kind, StepKind),
        ("channel", step.channel, Channel),
    ):
        if type(value) is not members:
            raise InvalidTypeError(
                field, value, f"a {members.__name__} (new_step takes its value)"
            )
    for field, parts in (("advice", step.advice), ("adjusted_by", step.adjusted_by)):
        # `Step` would take a list (or any iterable) as a tuple, but the
        # plan's step is made of the draft step's own parts: a list there
        # would make a step unlike any `Step`, unhashable and unequal to
        # itself read back.
        if type(parts) is not tuple:
            raise InvalidTypeError(field, parts, "a tuple of text")
    window = step.window
    if type(window) is not DraftWindow:
        raise InvalidTypeError("window", window, "a DraftWindow")
    for field, moment in (
        ("window.start", window.start),
        ("window.end", window.end),
        ("due", step.due),
    ):
        # Else comparing them fails with a TypeError naming no field.
        if not isinstance(moment, dt.datetime):
            raise InvalidTypeError(
                field, moment, "an aware datetime (new_step and moved_step read text)"
            )
        # A naive one, an offset that cannot be read, a year out of range.
        coerce_planned(moment, field)
    check_span(window.start, step.due, window.end, rule)
    # The public step's own checks, on the instants in UTC: as `Step` is
    # written and read back.
    Step(
        kind=step.kind,
        channel=step.channel,
        window=Window(start=window.start, end=window.end),
        due=step.due,
        rule=step.rule,
        reason=step.reason,
        requirements=step.requirements,
        advice=step.advice,
        number=step.number,
        agreed=step.agreed,
        adjusted_by=step.adjusted_by,
        kind_name=step.kind_name,
        channel_name=step.channel_name,
    )


def _text(value: object, field: str, expected: str, *, spaces: bool) -> str:
    """`value`, refused if it is no text (a type error) or empty (a value error).

    With `spaces`, text of spaces alone passes, as a rule's code always has.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, expected)
    if not (value if spaces else value.strip()):
        raise InvalidValueError(field, value, "is empty")
    return value


#: The advice's own ids: most steps cite only these.
_ADVICE_IDS = frozenset(ADVICE)


def _check_parts(
    rule: object, reason: object, advice: object, number: object, agreed: object
) -> str:
    """Check a new step's parts; return its reason on one line of words."""
    rule = _text(rule, "rule", "the code of the rule (str)", spaces=True)
    reason = _text(reason, "reason", "a reason in words (str)", spaces=False)
    if not isinstance(advice, tuple) or not all(isinstance(a, str) for a in advice):
        raise InvalidTypeError("advice", advice, "a tuple of advice ids")
    step_number(number, "number")
    if not isinstance(agreed, bool):
        raise InvalidTypeError("agreed", agreed, "true or false")
    # Whatever a rule writes reaches calendars and terminals as it is.  Most
    # reasons are printable, single-spaced words already (no control
    # character, and no whitespace but single spaces between words): kept as
    # they are, with only the short codes left to look at.
    if _single_spaced_already(reason):
        words = reason
        looked_at = "".join((rule, *advice))
    else:
        words = " ".join(reason.split())
        looked_at = "".join((rule, words, *advice))
    # The field is found only to name it.
    if has_controls(looked_at):
        without_controls(rule, "rule")
        without_controls(words, "reason")
        for index, text in enumerate(advice):
            without_controls(text, f"advice[{index}]")
    if not _ADVICE_IDS.issuperset(advice):
        for index, cited in enumerate(advice):
            problem = step_advice_problem(cited)
            if problem is not None:
                raise InvalidValueError(f"advice[{index}]", cited, problem)
    # A reason that starts with a visible ASCII character shows; any other is
    # asked in full, as `Step` asks, so that the plan reads back from JSON.
    if words[0] >= "\x7f" and not shows_anything(words):
        raise InvalidValueError("reason", reason, SHOWS_NOTHING)
    return words


def single_spaced(text: str, field: str) -> str:
    """`text` as single-spaced words on one line; a control character is refused.

    Most texts are so already (printable, no double or edge space) and come
    back as they are.
    """
    if _single_spaced_already(text):
        return text
    return without_controls(" ".join(text.split()), field)


def _single_spaced_already(text: str) -> bool:
    # Printable (so no control character), and no whitespace but single
    # spaces between words.
    return (
        text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
    )


def _check_move(by: object, why: object) -> None:
    if why is not None:
        _text(why, "why", "a reason in words (str)", spaces=False)
    if by is not None:
        by = _text(by, "by", "the code of the rule (str) or None", spaces=True)
        without_controls(by, "by")


def new_step(  # noqa: PLR0913 - a step has this many parts
    facts: Facts,  # noqa: ARG001 - the step is of these facts; part of the contract
    kind: StepKind | str,
    channel: Channel | str,
    window: Sequence[dt.datetime | str],
    *,
    due: dt.datetime | str | None = None,
    rule: str,
    reason: str,
    advice: tuple[str, ...] = (),
    requirements: Requirements | None = None,
    number: int = 1,
    agreed: bool = False,
    kind_name: str | None = None,
    channel_name: str | None = None,
) -> DraftStep:
    """A step of the draft, in `window` (a ``(start, end)`` pair).

    `due` defaults to the start of the window.  `rule` is the code of the
    rule that proposes it, `reason` says why in words (cite advice ids), and
    `advice` lists them.  An `agreed` step keeps the time agreed with the
    company: placing rules leave it where it is.  A step of a kind or by a
    channel the advice does not name is `StepKind.OTHER` with a `kind_name`,
    or `Channel.OTHER` with a `channel_name` (kebab-case).

    Raises:
        InvalidValueError: `due` lies outside the window, the window ends
            before it starts, a value is out of range, or `rule` or
            `reason` is empty.
        InvalidTypeError: a value is of the wrong type.
    """
    if not _is_pair(window):
        raise InvalidTypeError("window", window, "a (start, end) pair")
    start = _here(window[0], "window[0]")
    end = _here(window[1], "window[1]")
    moment = start if due is None else _here(due, "due")
    words = _check_parts(rule, reason, advice, number, agreed)
    if requirements is None:
        requirements = _NO_REQUIREMENTS
    elif not isinstance(requirements, Requirements):
        raise InvalidTypeError("requirements", requirements, "a Requirements")
    check_span(start, moment, end, rule)
    kind = kind if type(kind) is StepKind else enum_member(StepKind, kind, "kind")
    channel = (
        channel
        if type(channel) is Channel
        else enum_member(Channel, channel, "channel")
    )
    if (
        kind_name is not None
        or channel_name is not None
        or kind is StepKind.OTHER
        or channel is Channel.OTHER
    ):
        kind_name = own_kind_name(kind_name, "kind_name")
        channel_name = own_channel_name(channel_name, "channel_name")
        for field, name, other in (
            ("kind_name", kind_name, kind is StepKind.OTHER),
            ("channel_name", channel_name, channel is Channel.OTHER),
        ):
            if other != (name is not None):
                raise InvalidValueError(
                    field, name, f"goes with {field[:-5]} 'other', and 'other' needs it"
                )
    # Every part is checked above: the step is built without attrs' __init__,
    # which costs as much again for a class of this many fields.
    made: DraftStep = assemble(
        DraftStep,
        kind=kind,
        channel=channel,
        window=assemble(DraftWindow, start=start, end=end),
        due=moment,
        rule=rule,
        reason=words,
        requirements=requirements,
        advice=advice,
        number=number,
        agreed=agreed,
        adjusted_by=(),
        kind_name=kind_name,
        channel_name=channel_name,
    )
    return made


def _is_pair(window: object) -> bool:
    # A tuple or a list, most often; any other sequence of two but text (a
    # mapping, a generator or a window object are no pair of times).
    if type(window) is tuple or type(window) is list:
        return len(window) == 2
    return (
        isinstance(window, Sequence)
        and not isinstance(window, (str, bytes))
        and len(window) == 2
    )


def moved_span(  # noqa: PLR0913 - a span, and the ways it moves
    first: dt.datetime,
    last: dt.datetime,
    moment: dt.datetime,
    *,
    at: dt.datetime | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
    due: dt.datetime | None,
) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """The window from `first` to `last`, due at `moment`, moved as `moved_step` says.

    Returns the new start, end and due time, unchecked.
    """
    if at is not None:
        return at, at + (last - first), at
    if start is not None:
        first = start
    if end is not None:
        last = end
    if due is not None:
        return first, last, due
    # A due time left outside the new window goes to its nearest edge.
    return first, last, min(max(moment, first), last)


def recorded_move(
    reason: str, adjusted_by: tuple[str, ...], by: str | None, told: str | None
) -> tuple[str, tuple[str, ...]]:
    """A moved step's reason and ``adjusted_by``, with who moved it and why.

    Each rule is named once, the one that moved the step last named last,
    and each reason is given once: placing rules that agree step by step
    (FU012 spacing the call from the follow-up, FU011 taking both into
    working time, then FU012 again) move one step several times for the
    same reason, and a sentence said twice reads as two moves.  A sentence
    that differs from one said before only in what it says in brackets (the
    holidays a count of business days skipped, counted again from another
    day) takes that one's place: the reason tells the last count.  `told` is
    the move's `why`, checked already.
    """
    # The substring and membership tests first: most moves are a rule's
    # first, and the place phase moves steps many times a plan.
    if told is not None and (told not in reason or not _says(reason, told)):
        said = _said_otherwise(reason, told)
        if said is not None:
            reason = f"{reason[: said[0]]}{told}{reason[said[1] :]}"
        else:
            # A reason without its final stop gets one: the move's `why` is
            # a sentence of its own, and is known for one when the step
            # moves again.
            stop = "" if reason[-1:] in ".!?" else "."
            reason = f"{reason}{stop} {told}"
    if by is not None:
        adjusted_by = (
            (*(code for code in adjusted_by if code != by), by)
            if by in adjusted_by
            else (*adjusted_by, by)
        )
    return reason, adjusted_by


def _said_otherwise(reason: str, told: str) -> tuple[int, int] | None:
    """Where `reason` holds a sentence that is `told` but for its asides.

    An aside is a bracketed group after a space, brackets within it
    included ("(Day off (substituted from 12/14/2024) on Mon 23 Dec are no
    business days there)").  None: no such sentence, or `told` has no aside
    to differ in.
    """
    opens = told.find(" (")
    if opens <= 0:
        return None
    # Its first word: an aside of the other may come after any word.
    head = told[: told.find(" ")]
    bare: str | None = None
    at = reason.find(head)
    while at != -1:
        # Up to the first aside of either, the two are the same words: most
        # sentences differ sooner, and are passed over without a walk.
        theirs = reason.find(" (", at)
        same = min(opens, (theirs if theirs != -1 else len(reason)) - at)
        if (at == 0 or reason[at - 2 : at] in {". ", "! ", "? "}) and reason[
            at : at + same
        ] == told[:same]:
            if bare is None:
                bare, _ = _without_asides(told, 0, len(told))
            found, end = _without_asides(reason, at, len(bare))
            if found == bare:
                return at, end
        at = reason.find(head, at + 1)
    return None


def _without_asides(text: str, start: int, length: int) -> tuple[str, int]:
    """Up to `length` characters of `text` from `start`, asides left out.

    Also where in `text` they end.
    """
    kept: list[str] = []
    depth = 0
    index = start
    while index < len(text) and (depth or len(kept) < length):
        char = text[index]
        if char == "(" and (depth or (index > start and text[index - 1] == " ")):
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif not depth and not (char == " " and text[index + 1 : index + 2] == "("):
            # The space before an aside goes with it.
            kept.append(char)
        index += 1
    return "".join(kept), index


def _says(reason: str, told: str) -> bool:
    # Whether `told` is among the sentences of `reason`: it starts the
    # reason or a sentence of it, and ends one.  Words inside a sentence
    # ("Friday" in "Moved off Friday afternoon.") are not it.
    padded, said = f" {reason} ", f" {told} "
    ends = told[-1] in ".!?"
    at = padded.find(said)
    while at != -1:
        if (at == 0 or padded[at - 1] in ".!?") and (
            ends or at + len(said) == len(padded)
        ):
            return True
        at = padded.find(said, at + 1)
    return False


def moved_step(  # noqa: PLR0913 - the ways a step moves, all keyword-only
    step: DraftStep | Step,
    facts: Facts,  # noqa: ARG001 - the step is of these facts; part of the contract
    *,
    by: str | None,
    why: str | None = None,
    at: dt.datetime | str | None = None,
    start: dt.datetime | str | None = None,
    end: dt.datetime | str | None = None,
    due: dt.datetime | str | None = None,
) -> DraftStep:
    """`step` moved, with who moved it (`by`, a rule code) and `why` in words.

    Either `at`: the whole window moves to start there, keeping its length,
    and the step is due there; or any of `start`, `end` and `due`: those
    change and the rest stays (a due time left outside the new window is
    brought to its nearest edge).  `why` is added to the step's reason, unless
    it is there already, and `by` to the end of its ``adjusted_by``, once.
    `by=None` records nothing: it is meant for a change that is no move, such
    as cutting off the part of a window that has passed.  A move that changes
    no time returns the step as it is, recording nothing, so a rule may ask
    for one whether or not it is needed.

    Raises:
        InvalidValueError: the new due time lies outside the new window,
            `at` is given with `start`, `end` or `due`, or `why` or `by` is
            empty.
        InvalidTypeError: `step` is no step, or `why` or `by` is no text.
    """
    if type(step) is not DraftStep:
        if not isinstance(step, Step):
            raise InvalidTypeError("step", step, "a DraftStep or a Step")
        step = draft_step(step)
    window = step.window
    if at is not None and (start is not None or end is not None or due is not None):
        raise InvalidValueError(
            "at", at, "moves the whole window: give start, end or due instead"
        )
    first, last, moment = moved_span(
        window.start,
        window.end,
        step.due,
        at=None if at is None else _here(at, "at"),
        start=None if start is None else _here(start, "start"),
        end=None if end is None else _here(end, "end"),
        due=None if due is None else _here(due, "due"),
    )
    check_span(first, moment, last, by or step.rule)
    _check_move(by, why)
    told = None if why is None else single_spaced(why, "why")
    if first == window.start and last == window.end and moment == step.due:
        # Nothing moved, so nothing is recorded: a placing rule that asks
        # for a move it does not need would otherwise change the step on
        # every round, and the place phase would never settle.
        return step
    reason, adjusted_by = recorded_move(step.reason, step.adjusted_by, by, told)
    return replaced(
        step,
        window=(
            window
            if first is window.start and last is window.end
            else DraftWindow(start=first, end=last)
        ),
        due=moment,
        reason=reason,
        adjusted_by=adjusted_by,
    )

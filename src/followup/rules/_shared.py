"""What several built-in rules share: windows in days, the facts letters name.

Rules compute on stdlib datetimes in the recipient's zone (fast, exact) and
build and move steps with the public toolkit (`new_step`, `moved_step`), as
a third-party rule would.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol, final

import attrs

from followup._facts import DONE_BY
from followup._plan import Finding
from followup._time import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    describe_day,
    describe_instant,
    instant_key,
    long_date,
    utc,
)
from followup._vocabulary import EventKind, Severity, StepKind
from followup.rules._params import DayCount

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from followup._draft_step import StepNames
    from followup._facts import Facts
    from followup._letters import Letter
    from followup._lexicon import Element
    from followup._plan import Step
    from followup._sheet import Sheet

__all__ = [
    "AGREED_MINUTES",
    "AGREED_SLOT",
    "MOST_AGREED",
    "DayOff",
    "DaysAfter",
    "NoParams",
    "called_again",
    "counted",
    "day_window",
    "days_off",
    "days_off_in_words",
    "days_span",
    "days_window",
    "drop_made_calls",
    "in_words",
    "interview_mentions",
    "made_already",
    "missing_details",
    "missing_facts",
    "missing_phrase",
    "skipped_days",
    "timeliness",
    "when",
]


@final
@attrs.frozen
class NoParams:
    """A rule that has no parameters."""


class DaysAfter(Protocol):
    """Parameters of a window counted in days after the interview."""

    @property
    def earliest_days(self) -> int:
        """The first day of the window."""

    @property
    def latest_days(self) -> int:
        """The last day of the window."""

    @property
    def days(self) -> DayCount:
        """How the days are counted."""


def day_window(
    facts: Facts, day: dt.date, earliest: int, latest: int, *, business: bool
) -> tuple[dt.datetime, dt.datetime]:
    """From the start of day `day + earliest` to the end of day `day + latest`.

    Days are counted on the recipient's calendar, so an interview at 23:30 in
    New York and the same instant written in UTC get the same window.
    """
    days = facts.days
    if business:
        first, last = days.after(day, earliest), days.after(day, latest)
    else:
        first, last = day + dt.timedelta(days=earliest), day + dt.timedelta(days=latest)
    return days.start(first), days.end(last)


def days_window(facts: Facts, params: DaysAfter) -> tuple[dt.datetime, dt.datetime]:
    """The window `params` give in days after the interview (FU004, FU006)."""
    return day_window(
        facts,
        facts.interview_day,
        params.earliest_days,
        params.latest_days,
        business=params.days is DayCount.BUSINESS,
    )


class DayOff(NamedTuple):
    """A public holiday or closure a step's days passed over, for its reason."""

    #: ``Thanksgiving Day on Thu 26 Nov`` or ``winter shutdown from Thu 24
    #: Dec to Fri 1 Jan``.
    text: str
    #: Whether it is a public holiday (else a closure of the calendar).
    holiday: bool
    #: The working weekdays it takes.
    days: int


def days_off(facts: Facts, first: dt.date, last: dt.date) -> list[DayOff]:
    """The holidays and closures on working weekdays from `first` to `last`.

    A weekend goes without saying in a reason; a holiday or a closure does
    not.  Days off of one name in a row (a weekend between them or not) read
    as one span.  Past `_MOST_DAYS_OFF` spans, the last says that there are
    more ("other days off"): a long window is read no further.
    """
    if not facts.days.off:
        # No closures, and no holidays to skip: every weekday works.
        return []
    runs: list[tuple[str, dt.date, dt.date, int]] = []
    open_run = False
    day = first
    while day <= last and len(runs) <= _MOST_DAYS_OFF:
        if facts.days.works(day):
            name = facts.day_off(day)
            if name is None:
                open_run = False
            elif open_run and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1], day, runs[-1][3] + 1)
            else:
                runs.append((name, day, day, 1))
                open_run = True
        day += _DAY
    found = [
        DayOff(
            f"{name} on {_day(start)}"
            if start == end
            else f"{name} from {_day(start)} to {_day(end)}",
            # `day_off` names a holiday before a closure on the same day.
            facts.calendar.holidays and facts.holiday(start) == name,
            days,
        )
        for name, start, end, days in runs[:_MOST_DAYS_OFF]
    ]
    if len(runs) > _MOST_DAYS_OFF:
        # Not a silent cut: a reader counting the days named would land
        # short of where the step is.
        holidays = all(day.holiday for day in found)
        found.append(DayOff("other days off after them", holidays, 2))
    return found


def skipped_days(facts: Facts, first: dt.date, last: dt.date) -> str:
    """`` (Thanksgiving Day on Thu 26 Nov is no business day there)``, or ``""``.

    What a reason that counts business days from `first` to `last` says of
    the holidays and closures it skipped, where a reader counting weekdays
    would land elsewhere.
    """
    if not facts.days.off:
        return ""
    # Of the days alone: asked again by many plans of one calendar.
    return facts.days.remembered(
        ("skipped", first, last), lambda: _skipped_in_words(facts, first, last)
    )


def _skipped_in_words(facts: Facts, first: dt.date, last: dt.date) -> str:
    skipped = days_off(facts, first, last)
    if not skipped:
        return ""
    many = sum(day.days for day in skipped) > 1
    are = "are no business days" if many else "is no business day"
    return f" ({' and '.join(day.text for day in skipped)} {are} there)"


def days_off_in_words(found: list[DayOff]) -> str:
    """``Thanksgiving Day on Thu 26 Nov: a public holiday there``."""
    texts = " and ".join(day.text for day in found)
    many = sum(day.days for day in found) > 1
    if all(day.holiday for day in found):
        return f"{texts}: {'public holidays' if many else 'a public holiday'} there"
    return f"{texts}: {'no working days' if many else 'no working day'} there"


def _day(day: dt.date) -> str:
    # Not "%a" and "%b": they follow the process's locale, set by any thread.
    return describe_day(day)


_DAY = dt.timedelta(days=1)
# Enough to explain any window of the advice's (Christmas to New Year in
# Latvia is seven, Tihar and Chhath in Nepal six); a year of holidays would
# say nothing more.
_MOST_DAYS_OFF = 8

_DETAILS = {"name": "name", "phone": "phone number", "email": "email address"}


def detail_names(keys: tuple[str, ...]) -> list[str]:
    """The details named by `keys` (``phone``) as a sentence names them."""
    return [_DETAILS[key] for key in keys]


def missing_details(
    facts: Facts, wanted: tuple[str, ...] = tuple(_DETAILS)
) -> list[str]:
    """The contact details a follow-up needs that the interview does not hold (A2)."""
    contact = facts.interview.interviewer
    if contact is None:
        return detail_names(wanted)
    return [_DETAILS[key] for key in wanted if getattr(contact, key) is None]


def interview_mentions(facts: Facts, *, company: bool) -> tuple[str, ...]:
    """The facts a message must name: candidate, date and time [, company] (A4, A8)."""
    mentions = facts.derived(interview_mentions, lambda: _mentions(facts))
    return (*mentions, facts.interview.company) if company else mentions


def _mentions(facts: Facts) -> tuple[str, str, str]:
    at = facts.start
    return (
        facts.interview.candidate,
        long_date(at.date()),
        f"{at.hour:02d}:{at.minute:02d}",
    )


def in_words(items: list[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``; `conjunction` may be ``or``."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def counted(count: int, unit: str) -> str:
    """``1 day``, ``3 business days``: a count of `unit`, plural but for one.

    Parameters may be configured down to one: "at most 1 calls" reads wrong.
    """
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def days_span(earliest: int, latest: int, unit: str) -> str:
    """``2 to 3 business days``; ``2 business days`` when the two are one."""
    if earliest == latest:
        return counted(earliest, unit)
    return f"{earliest} to {latest} {unit}s"


# Whether a step of a plan honours a call-back the history agreed: what
# every check asks of the history, never of the step's own `agreed` flag,
# which a hand-edited plan (or an app's "pin this time") may set on any step.


def agreement_open(facts: Facts) -> bool:
    """Whether the last call agreed a time to call back, the company undecided."""
    last = facts.last_call
    return (
        last is not None and last.call_back_at is not None and facts.waiting_on_company
    )


def honours_agreement(facts: Facts, step: Step) -> bool:
    """Whether `step` is the call-back the last call agreed a time for (A11).

    The call-back after that call (its number is the count of calls made),
    wherever it is: one planned late, the agreed time having passed,
    honours the agreement all the same.
    """
    return (
        step.kind is StepKind.CALL_BACK
        and step.number == len(facts.calls)
        and agreement_open(facts)
    )


#: The key under which `check_plan` keeps, in the facts it checks with
#: (`Facts.derived`), the codes of its rule set's rules not built in.
OTHER_RULES: Final = "the rule set's rules not built in"


def agreed_by_its_rule(facts: Facts, step: Step) -> bool:
    """Whether `step` is agreed on the word of a rule of the set, not built in.

    The built-in rules (codes ``FU…``) mark agreed only the call-back the
    history agreed a time for, and a check asks the history about it: an
    edit that marks a step agreed, or a step of the user's own, exempts
    nothing.  An agreed step of a plugin's rule in the set checked (a call
    booked through a scheduling link, a visit the company set) is that
    rule's word, which planning keeps: the checks keep it too, so that a
    plan made with a rule set passes that set's checks.
    """
    return step.agreed and step.rule in facts.derived(OTHER_RULES, frozenset)


#: The key under which `check_plan`, checking with rules not built in,
#: keeps in the facts how to ask which kinds of step those rules drop.
DROPPED_KINDS: Final = "the kinds of step the rules not built in drop"


def dropped_by_another_rule(facts: Facts, kind: StepKind) -> bool:
    """Whether a rule not built in, in the set checked, drops steps of `kind`.

    The built-in rules plan every step the facts need, so a check that finds
    one the facts need missing has found a mistake.  A plugin's rule may
    drop one on purpose (no call to a company that asked for none, no
    thank-you after thanks said on the call): a step the set's built-in
    rules plan and the whole set does not is missing from no plan checked
    with that set, as planning and checking with one set agree.  Asked only
    when a step is missing, this plans twice per check, and only with
    rules not built in.
    """
    kinds: Callable[[], frozenset[StepKind]] | None = facts.derived(
        DROPPED_KINDS, lambda: None
    )
    return kinds is not None and kind in kinds()


def keeps_agreed_time(facts: Facts, step: Step) -> bool:
    """Whether `step` keeps a time agreed with the company.

    The call-back the last call agreed a time for, its window holding that
    time (or, marked agreed, opening between it and now) and ending within
    the slot FU007 gives it, or a step another rule proposed as agreed
    (`agreed_by_its_rule`).
    Such a step keeps its time, outside working hours or close to another
    step as it may be: the company asked for it.
    """
    if agreed_by_its_rule(facts, step):
        return True
    agreed = facts.agreed_call_back
    if agreed is None or not honours_agreement(facts, step):
        return False
    at = instant_key(agreed)
    start = instant_key(step.window.start)
    end = instant_key(step.window.end)
    # The window ends with the slot the set's FU007 gives the agreed time
    # (`check_plan` says which): one that runs on past it keeps no agreement.
    if not at <= end <= at + facts.derived(AGREED_SLOT, _default_slot):
        return False
    # It holds the agreed time; or, planned a few minutes into the slot, it
    # opens at now (FU010 cuts what has passed), and the step says agreed.
    return start <= at or (step.agreed and start <= instant_key(facts.now))


#: The slot FU007 gives an agreed call-back by default (`agreed_minutes`),
#: and the longest it gives.
AGREED_MINUTES: Final = 15
MOST_AGREED: Final = dt.timedelta(minutes=240)

#: The key under which `check_plan` keeps, in the facts it checks with, the
#: slot its rule set's FU007 gives an agreed call-back.
AGREED_SLOT: Final = "the slot FU007 gives an agreed call-back"


def _default_slot() -> dt.timedelta:
    # FU007's own default, for facts no check told of a rule set.
    return dt.timedelta(minutes=AGREED_MINUTES)


#: What each covering event did, as a finding says it.
_DID: Final = {
    EventKind.THANK_YOU_SENT: "the thank-you was sent",
    EventKind.FOLLOW_UP_SENT: "the follow-up was sent",
    EventKind.CALLED: "a call was made",
    EventKind.REPLIED: "the interviewer replied",
}


#: What each hold of the history holds back (FU013): the interviewer away,
#: all that goes to them but the thank-you, sent on the day of the call; the
#: candidate pausing, all but the close of the call; a reply naming the day
#: of the decision, the calls.
HELD: Final = {
    EventKind.AWAY: frozenset(StepKind) - {StepKind.CLOSE_CALL, StepKind.THANK_YOU},
    EventKind.PAUSED: frozenset(StepKind) - {StepKind.CLOSE_CALL},
    EventKind.REPLIED: frozenset({StepKind.CALL, StepKind.CALL_BACK}),
}


def hold_ends(facts: Facts, kind: EventKind) -> dt.date | None:
    """The day a hold of `kind` ends, from the history, if any (see `HELD`).

    The day the interviewer is back or the candidate resumes; for a reply,
    the business day after the day they said they would decide by.
    """
    until = facts.until(kind)
    if until is None or kind is not EventKind.REPLIED:
        return until
    return facts.days_after(until, 1, business=True)


def held_past(
    facts: Facts,
    kind: StepKind,
    window: tuple[dt.datetime, dt.datetime],
    moment: dt.datetime,
) -> bool:
    """Whether the history holds a step of `kind` past its window, to `moment`.

    A hold that holds such steps (`HELD`), begun by the time the window
    closed and ending after it, moves the window whole to the hold's end
    (FU013), and into working time (FU011): a step or a letter by the end of
    the first business day its moved window reaches is where the history
    puts it, no lateness of the plan's or the candidate's.  One later than
    that is late all the same, and so is one whose window closed before the
    hold began: the absence or the pause came after the step was missed.
    """
    return held_until(facts, kind, window, moment) is not None


def held_until(
    facts: Facts,
    kind: StepKind,
    window: tuple[dt.datetime, dt.datetime],
    moment: dt.datetime,
) -> dt.datetime | None:
    """The start of the day the hold that excuses the step ends (UTC), or None.

    As `held_past`: None when no hold holds the step past its window to
    `moment`.  Of two holds that do, the one that ends later, which puts
    the step where it is.
    """
    if not facts.history:
        return None
    found = None
    for event, kinds in HELD.items():
        back = hold_ends(facts, event) if kind in kinds else None
        if back is None:
            continue
        ends = utc(facts.start_of(back))
        if (
            ends <= utc(window[1])
            or (found is not None and ends <= found)
            or utc(_begun(facts, kind, event, window)) > utc(window[1])
        ):
            continue
        if utc(moment) <= _excused_until(facts, window, ends):
            found = ends
    return found


def moved_as_days(
    facts: Facts, window: tuple[dt.datetime, dt.datetime], to: dt.datetime
) -> dt.datetime:
    """Where a window ends (UTC), moved whole to start at `to` (UTC).

    A window of days (one ending at the end of a day: the follow-up's, the
    call's) moves as days, as many on from `to`'s day as it spanned, to the
    end of the last, whatever the hour of `to` and whatever clock change
    lies between; any other window keeps its length.
    """
    start, end = window
    last = facts.local(end)
    if last.time() != dt.time.max:
        return utc(to) + (utc(end) - utc(start))
    span = last.date() - facts.local(start).date()
    return utc(facts.end_of(facts.local(to).date() + span))


def _excused_until(
    facts: Facts, window: tuple[dt.datetime, dt.datetime], ends: dt.datetime
) -> dt.datetime:
    # The end of the first business day on or after the day the window,
    # moved to the hold's end (`ends`, UTC), reaches.
    reached = facts.local(moved_as_days(facts, window, ends)).date()
    return utc(facts.end_of(facts.days_after(reached - _DAY, 1, business=True)))


def _begun(
    facts: Facts,
    step: StepKind,
    kind: EventKind,
    window: tuple[dt.datetime, dt.datetime],
) -> dt.datetime:
    """When the hold of `kind` that holds a `step` began, with the holds before it.

    Its latest event, the one `until` reads, unless an earlier hold of the
    step (of any kind: an absence before a reply) ended after the step's
    `window` closed and still excused it when the later came: extending a
    pause, or a reply while the interviewer is away, carries on a hold
    begun earlier.  One pass back through the history: a hold that excused
    nothing then (a short pause, long over) is passed over, not an end.
    """
    history = facts.history
    last = next(i for i in reversed(range(len(history))) if history[i].kind is kind)
    begun = utc(history[last].at)
    closed = utc(window[1])
    for event in reversed(history[:last]):
        back = event.until
        if back is None or step not in HELD.get(event.kind, ()):
            continue
        if event.kind is EventKind.REPLIED:
            back = facts.days_after(back, 1, business=True)
        ends = utc(facts.start_of(back))
        if ends > closed and begun <= _excused_until(facts, window, ends):
            begun = min(begun, utc(event.at))
    return begun


#: How far `window_closed` looks back for a business day: a week of
#: holidays and a weekend, and more.
_SEARCH_BACK: Final = 14


def window_closed(facts: Facts, start: dt.datetime, end: dt.datetime) -> str:
    """When a window from `start` to `end` (UTC) closed, in words, for a late step.

    A window of days closes at the end of its last day, which working time
    (FU011) narrows to the close of the working day: "the end of" the day
    says both, where its last microsecond (23:59) would contradict the plan
    the user saw.  Many plans are late on the same days, as of the same
    now: the shared days keep the words (in the recipient's zone).
    """
    local = facts.local(end)
    if local.time() != dt.time.max:
        return facts.days.described(end)
    # The last business day of the window: one that ends on a weekend or a
    # holiday (counted in calendar days) was shown closing before it.
    day = last = local.date()
    first = facts.local(start).date()
    for _ in range(_SEARCH_BACK):
        if facts.days.is_business(day) or day <= first:
            break
        day -= _DAY
    if not facts.days.is_business(day):
        day = last
    return f"the end of {describe_day(day, year=True)}"


def drop_covered(sheet: Sheet, code: str, kind: StepKind) -> None:
    """Drop the steps of `kind` the history has done with, whoever proposed them.

    The rule of each kind proposes none then; a rule of one's own might, and
    a thank-you sent is not sent twice.  An INFO finding says so.
    """
    facts = sheet.facts
    # Most plans: nothing done yet, or not this far.
    if (
        facts.covered < kind.stage and kind not in facts.moot
    ) or facts.decision is not None:
        return
    entries = sheet.of_kind(kind)
    if not entries:
        # What the rules of the set propose: the rule of the kind proposed
        # none, the history covering it.
        return
    covering = facts.covered_by(kind)
    if covering is None:
        return
    sheet.drop(*entries)
    did = f"{_DID[covering.kind]} on {when(facts.local(covering.at))}"
    proposers = ", ".join(sorted({entry.rule for entry in entries}))
    sheet.note(
        Finding(
            code,
            Severity.INFO,
            f"the {kind.value} {proposers} proposed is not planned: {did}",
        )
    )


def drop_made_calls(sheet: Sheet, code: str) -> None:
    """Drop the calls the history says were made, whoever proposed them.

    As `drop_covered` does for letters: the call is not made twice (A14),
    and counted as `made_already` counts it, so that the plan passes the
    check that flags a call planned again.  An INFO finding says so.
    """
    facts = sheet.facts
    if not facts.calls or facts.decision is not None:
        return
    for entry in list(sheet.steps):
        made = made_already(facts, entry)
        if made is not None:
            sheet.drop(entry)
            sheet.note(
                Finding(
                    code,
                    Severity.INFO,
                    f"the {entry.label} {entry.rule} proposed is not planned: it "
                    f"was made on {when(made)}",
                )
            )


def planned_again(
    code: str, facts: Facts, steps: Iterable[Step], kind: StepKind, advice: str
) -> Iterator[Finding]:
    """Findings for steps of `kind` that the history has done with.

    A step done is planned again (an error: a thank-you sent twice); one a
    later event made moot (a thank-you after a call, a follow-up letter
    after a reply) is a warning.  After a decision, FU009 speaks.
    """
    if facts.decision is not None:
        return
    covering = facts.covered_by(kind)
    if covering is None:
        return
    done = covering.kind is DONE_BY.get(kind)
    did = f"{_DID[covering.kind]} on {when(facts.local(covering.at))}"
    for step in steps:
        if step.kind is kind:
            yield Finding(
                code,
                Severity.ERROR if done else Severity.WARNING,
                f"the {step.label} is planned again, but {did}: remove it ({advice})"
                if done
                else f"the {step.label} is no longer needed: {did} ({advice})",
                step=step,
                expected=f"no {step.label}",
                actual=when(facts.local(step.due)),
            )


def made_already(facts: Facts, step: StepNames) -> dt.datetime | None:
    """When the call `step` stands for was made (the recipient's zone), or None.

    Counted as `plan_changes` counts a dropped call done (`done_at`): the
    call is the first call made, call-back k the one after the k-th,
    whenever each was made or recorded (a call made early, or recorded
    after a replan, is the same call).  A plugin's second call is its own
    rule's, which FU008 spaces from the calls made.  Any other kind: None.
    """
    if step.kind is StepKind.CALL and step.number == 1:
        made = 0
    elif step.kind is StepKind.CALL_BACK:
        made = step.number
    else:
        return None
    calls = facts.calls
    return facts.local(calls[made].at) if len(calls) > made else None


def called_again(code: str, facts: Facts, step: Step, advice: str) -> Finding | None:
    """An error for a call the history says was made, planned all the same.

    As `planned_again` says of a thank-you sent: a plan kept from before the
    call still holds it, and calling again is what A14 warns against.  After
    a decision, FU009 speaks.
    """
    if facts.decision is not None or not facts.calls:
        return None
    made = made_already(facts, step)
    if made is None:
        return None
    return Finding(
        code,
        Severity.ERROR,
        f"the {step.label} is planned again, but it was made on {when(made)}: "
        f"remove it ({advice})",
        step=step,
        expected=f"no {step.label}",
        actual=when(facts.local(step.due)),
    )


def when(moment: dt.datetime) -> str:
    """An instant for a message, in its own zone."""
    return describe_instant(moment)


def timeliness(  # noqa: PLR0913 - what is judged, and the two verdicts
    code: str,
    facts: Facts,
    moment: dt.datetime,
    window: tuple[dt.datetime, dt.datetime],
    step: Step | None,
    *,
    kind: StepKind,
    too_early: str,
    too_late: str,
) -> Iterator[Finding]:
    """Findings for a message of `kind` sent or planned before or after its window.

    Too early is an error for a planned `step` and a warning for a message
    already sent (`step` is None): what is done cannot be undone.  Too late
    is always a warning, late beats never, and none while the history held
    it (`held_past`).
    """
    start, end = window
    at = utc(moment)
    if at < utc(start):
        yield Finding(
            code,
            Severity.ERROR if step else Severity.WARNING,
            too_early,
            step=step,
            expected=f"on or after {when(start)}",
            actual=when(facts.local(moment)),
        )
    elif at > utc(end) and not held_past(facts, kind, window, moment):
        yield Finding(
            code,
            Severity.WARNING,
            too_late,
            step=step,
            expected=f"by {when(end)}",
            actual=when(facts.local(moment)),
        )


# What both letters must name, shared by FU003 (thank-you, A4) and FU004
# (follow-up, A8).  Missing facts are errors: a check can be sure of them.
# Missing phrases of thanks, interest or fit are warnings: they may just be
# worded in a way no list of words foresees.


def missing_facts(code: str, letter: Letter, advice: str) -> Iterator[Finding]:
    """Errors for the candidate, company, date and time the letter does not name."""
    interview = letter.interview
    what = "thank-you" if letter.kind.value == "thank-you" else "follow-up"
    for role, name, named in (
        ("the candidate", interview.candidate, letter.names(interview.candidate)),
        ("the company", interview.company, letter.names_company()),
    ):
        if not named:
            yield Finding(
                code,
                Severity.ERROR,
                f"the {what} does not name {role} ({advice})",
                expected=name,
                actual="not found",
            )
    start = letter.interview_start
    if not letter.names_date():
        day = start.date()
        month = MONTH_NAMES[day.month - 1][:3]
        weekday = WEEKDAY_NAMES[day.weekday()]
        forms = (
            f"{long_date(day)} (or {month}. {day.day}, {day.month}/{day.day}, "
            f"{day.isoformat()}, {weekday})"
        )
        found = _found(mention.text for mention in letter.dates)
        # A message's Date is a send time too: "yesterday" was then read from
        # it, and named another day.
        undated = letter.sent is None and letter.parts.date is None
        if undated and any(mention.relative for mention in letter.dates):
            unread = letter.parts.unread_date
            # A Date that was there but is no date would otherwise pass
            # unsaid: the writer believes the message said when it was sent.
            because = "" if unread is None else f"; its Date {unread!r:.80} is no date"
            found += f" (a relative day names a day only with the send time{because})"
        yield Finding(
            code,
            Severity.ERROR,
            f"the {what} does not name the date of the interview ({advice})",
            expected=forms,
            actual=found,
        )
    if not letter.names_time():
        hour = start.hour % 12 or 12
        half = "am" if start.hour < 12 else "pm"
        minutes = f":{start.minute:02d}" if start.minute else ""
        yield Finding(
            code,
            Severity.ERROR,
            f"the {what} does not name the time of the interview ({advice})",
            expected=f"{start:%H:%M} or {hour}{minutes} {half}",
            actual=_found(mention.text for mention in letter.times),
        )


_PHRASES: Final = {
    "thanks": ("thank the interviewer", "thanks for the interview or their time"),
    "interest": (
        "show interest in the company",
        "interest in the company or the role ('I am excited to join')",
    ),
    "fit": (
        "say why you fit the job",
        "a reason you fit: experience, skills or a result of yours",
    ),
}


def missing_phrase(
    code: str, letter: Letter, element: Element, advice: str
) -> Iterator[Finding]:
    """A warning when the letter seems not to say `element` (`followup._lexicon`)."""
    if not letter.expresses(element):
        what, expected = _PHRASES[element]
        yield Finding(
            code,
            Severity.WARNING,
            f"the letter does not seem to {what} ({advice})",
            expected=expected,
            actual="none found",
        )


def _found(texts: Iterable[str]) -> str:
    # A mention may be wrapped over two lines ("November\n24"): the finding
    # names it on one line, as a finding's text must be.
    # What was found stands alone: "expected 10:00 or 10 am, got 11:00".
    seen = list(dict.fromkeys(" ".join(text.split()) for text in texts))
    return ", ".join(seen) if seen else "none found"

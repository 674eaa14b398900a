"""Hypothesis strategies for interviews and histories, and the contract of a rule.

Installed with the ``testing`` extra (``followup[testing]``), for the tests
of followup itself and of plugins.  The strategies draw what real use
throws at a rule: every IANA zone, instants near daylight-saving changes
(where date code breaks), interviewers with any mix of known details,
names in any script, and histories of calls and letters up to a decision.

`assert_rule_keeps_the_contract` is the one line a rule's tests need: it
plans many situations with the rule added to the default rules and fails,
naming the rule, the situation and the step, if a plan breaks what every
plan promises.

>>> from followup import DEFAULT_RULES
>>> from followup.testing import assert_rule_keeps_the_contract
>>> assert_rule_keeps_the_contract(DEFAULT_RULES, max_examples=5)

The strategies compose with Hypothesis's own:

>>> from hypothesis import given, settings
>>> from followup import plan_followups
>>> from followup.testing import situations
>>> @settings(max_examples=5, deadline=None)
... @given(situations(years=(2026, 2026)))
... def test_every_plan_is_made_as_of_now(situation):
...     interview, history, now = situation
...     # The same instant, shown in the recipient's zone: compared as an
...     # instant, since `==` between zones is false in a repeated hour.
...     as_of = plan_followups(interview, history, now=now).as_of
...     assert as_of.timestamp() == now.timestamp()
>>> test_every_plan_is_made_as_of_now()
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import zoneinfo
from typing import TYPE_CHECKING, TypeAlias, cast

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError as error:
    raise ImportError(
        "followup.testing needs Hypothesis: install followup[testing] "
        "(for example: python -m pip install 'followup[testing]')"
    ) from error

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    EventKind,
    Facts,
    Interview,
    Outcome,
    Performance,
    Rule,
    RuleError,
    RuleSet,
    Severity,
    check_plan,
    plan_followups,
)
from followup._fields import BIDI_CONTROLS, shows_anything
from followup._time import (
    EARLIEST,
    LATEST,
    describe_instant,
    format_instant,
    instant_key,
)
from followup.errors import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from hypothesis.strategies import SearchStrategy

    from followup import FollowUpPlan, Step, StepKind

__all__ = [
    "COUNTRIES",
    "YEARS",
    "ZONE_NAMES",
    "Situation",
    "assert_rule_keeps_the_contract",
    "companies",
    "contacts",
    "emails",
    "histories",
    "instants",
    "instants_near_transitions",
    "interviews",
    "long_text",
    "people",
    "phones",
    "plain_instants",
    "positions",
    "single_line_text",
    "situations",
    "transitions",
    "zone_names",
]

#: An interview, its history (oldest first) and the moment of planning.
Situation: TypeAlias = tuple[Interview, list[Event], dt.datetime]

_UTC = dt.timezone.utc

#: Every IANA zone name but the two that name no place.
#:
#: :meta hide-value:
ZONE_NAMES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})

#: The countries whose public holidays interviewers observe.  The first plan
#: for a country loads its calendar (a few ms, the first one 30-60), so the
#: list stays short;
#: Israel (Friday and Saturday) and Iran (Friday) bring weekends of their own,
#: the United Arab Emirates one that moved in 2022, and China weekend days
#: worked to make up for the holidays it bridges.
COUNTRIES = (
    "US",
    "GB",
    "DE",
    "FR",
    "JP",
    "BR",
    "IN",
    "AU",
    "NZ",
    "ZA",
    "IL",
    "IR",
    "AE",
    "CN",
)

#: The years instants are drawn from, first and last included.
YEARS = (2000, 2035)


def _years(years: tuple[int, int]) -> tuple[int, int]:
    """`years`, refused by name unless it is ``(first, last)`` in the library's range.

    Otherwise Hypothesis or the datetime module failed on it with an
    IndexError or a TypeError naming nothing, and years before 1900 were
    drawn all as its first instant.
    """
    supplied: object = years
    if (
        not isinstance(supplied, (tuple, list))
        or len(supplied) != 2
        or not all(type(year) is int for year in supplied)
    ):
        raise InvalidTypeError("years", supplied, "(first, last), two years as int")
    first, last = supplied
    if not EARLIEST.year <= first <= last < LATEST.year:
        raise InvalidValueError(
            "years",
            years,
            f"is not (first, last) with {EARLIEST.year} <= first <= last <= "
            f"{LATEST.year - 1}",
        )
    return first, last


@functools.lru_cache(maxsize=4096)
def transitions(zone_name: str, year: int) -> tuple[dt.datetime, ...]:
    """The instants (UTC, to the minute) in `year` where `zone_name` changes offset.

    >>> [t.isoformat() for t in transitions("Europe/Paris", 2026)]
    ['2026-03-29T01:00:00+00:00', '2026-10-25T01:00:00+00:00']
    """
    tz = zoneinfo.ZoneInfo(zone_name)
    found = []
    step = dt.timedelta(hours=6)
    moment = dt.datetime(year, 1, 1, tzinfo=_UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=_UTC)
    offset = moment.astimezone(tz).utcoffset()
    while moment < end:
        later = moment + step
        later_offset = later.astimezone(tz).utcoffset()
        if later_offset != offset:
            low, high = moment, later
            while high - low > dt.timedelta(minutes=1):
                mid = low + (high - low) / 2
                if mid.astimezone(tz).utcoffset() == offset:
                    low = mid
                else:
                    high = mid
            # Zones change offset on a whole minute: the search ends within one.
            found.append(high.replace(second=0, microsecond=0))
            offset = later_offset
        moment = later
    return tuple(found)


#: Any IANA zone name.
#:
#: :meta hide-value:
zone_names: SearchStrategy[str] = st.sampled_from(ZONE_NAMES)


@st.composite
def plain_instants(
    draw: st.DrawFn,
    zone_name: str | None = None,
    *,
    years: tuple[int, int] = YEARS,
) -> dt.datetime:
    """Any instant (to the minute) in `years`, in `zone_name` or any zone.

    Wall times that a daylight-saving change skips are never drawn.
    """
    years = _years(years)
    name = draw(zone_names) if zone_name is None else zone_name
    moment = draw(
        st.datetimes(
            min_value=dt.datetime(years[0], 1, 1),  # noqa: DTZ001 - the zone is below
            max_value=dt.datetime(years[1], 12, 31, 23, 59),  # noqa: DTZ001
            timezones=st.just(zoneinfo.ZoneInfo(name)),
            allow_imaginary=False,
        )
    )
    return _supported(moment.replace(second=0, microsecond=0))


def _supported(moment: dt.datetime) -> dt.datetime:
    # The first and last days of the range are days somewhere else too: on
    # 1 January 1900 in Longyearbyen it is still 1899 in UTC, which the
    # library refuses.  Such an instant is moved to the edge of the range.
    at = moment.astimezone(dt.timezone.utc)
    edge = max(EARLIEST, min(at, LATEST - dt.timedelta(minutes=1)))
    return moment if edge == at else edge.astimezone(moment.tzinfo)


@st.composite
def instants_near_transitions(
    draw: st.DrawFn,
    zone_name: str | None = None,
    *,
    years: tuple[int, int] = YEARS,
) -> dt.datetime:
    """An instant within four days of a daylight-saving change of its zone.

    In a zone that has no such change in the year drawn, any instant.
    """
    name = draw(zone_names) if zone_name is None else zone_name
    year = draw(st.integers(*_years(years)))
    changes = transitions(name, year)
    if not changes:
        return draw(plain_instants(zone_name=name, years=(year, year)))
    change = draw(st.sampled_from(changes))
    minutes = draw(st.integers(-4 * 24 * 60, 4 * 24 * 60))
    return _supported(
        (change + dt.timedelta(minutes=minutes)).astimezone(zoneinfo.ZoneInfo(name))
    )


def instants(
    zone_name: str | None = None, *, years: tuple[int, int] = YEARS
) -> SearchStrategy[dt.datetime]:
    """Instants in `zone_name` or any zone, half near a daylight-saving change."""
    years = _years(years)
    return st.one_of(
        plain_instants(zone_name=zone_name, years=years),
        instants_near_transitions(zone_name=zone_name, years=years),
    )


def _shows(text: str) -> bool:
    # A name the library takes: something in it that shows, not format
    # characters alone (a zero-width space, a soft hyphen).
    return shows_anything(text)


#: One line of text in any script, without control characters (the
#: bidirectional ones included) or line breaks.
#:
#: :meta hide-value:
single_line_text: SearchStrategy[str] = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"),
        blacklist_characters=BIDI_CONTROLS,
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: _shows(text.strip()))

#: Text up to the 100 characters a name may have, with spaces to wrap at.
#:
#: :meta hide-value:
long_text: SearchStrategy[str] = (
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn", "Zs"),
                blacklist_characters=BIDI_CONTROLS,
            ),
            min_size=1,
            max_size=30,
        ),
        min_size=1,
        max_size=12,
    )
    .map(" ".join)
    .map(lambda text: text[:100].strip())
    .filter(_shows)
)

#: Names of people, with diacritics, apostrophes and format strings, in any script.
#:
#: :meta hide-value:
people: SearchStrategy[str] = st.one_of(
    st.sampled_from(
        [
            "Ada Lovelace",
            "José Ramírez",
            "Zoë O'Neill",
            "Åsa Bergström-Lindqvist",
            "Nguyễn Thị Minh Khai",
            "{0.__class__}",
            "%s",
            "${x}",
        ]
    ),
    single_line_text,
    long_text,
)

#: Names of companies, from ``Acme`` to ``株式会社テスト``.
#:
#: :meta hide-value:
companies: SearchStrategy[str] = st.one_of(
    st.sampled_from(
        ["Acme", "Acme Inc.", "Müller & Söhne GmbH", "O'Reilly Media", "株式会社テスト"]
    ),
    single_line_text,
    long_text,
)

#: The job applied for, or ``None``.
#:
#: :meta hide-value:
positions: SearchStrategy[str | None] = st.one_of(
    st.none(), st.sampled_from(["data engineer", "CTO"]), long_text
)

#: An interviewer's email address, or ``None``.
#:
#: :meta hide-value:
emails: SearchStrategy[str | None] = st.sampled_from(
    [None, "grace@example.com", "hiring.team+phone@example.org", "r@example.co.uk"]
)

#: An interviewer's phone number in several countries' formats, or ``None``.
#:
#: :meta hide-value:
phones: SearchStrategy[str | None] = st.sampled_from(
    [
        None,
        "+1 212 555 0123",
        "+44 20 7946 0958",
        "+33 1 23 45 67 89",
        "+81 3-1234-5678",
    ]
)


@st.composite
def contacts(draw: st.DrawFn, *, with_zone: bool | None = None) -> Contact:
    """An interviewer, with any mix of the optional details.

    `with_zone` true always gives the interviewer a zone, false never; by
    default she has one half the time.
    """
    zone = draw(st.one_of(st.none(), zone_names))
    if with_zone is True and zone is None:
        zone = draw(zone_names)
    if with_zone is False:
        zone = None
    return Contact(
        draw(people),
        email=draw(emails),
        phone=draw(phones),
        timezone=zone,
        country=draw(st.one_of(st.none(), st.sampled_from(COUNTRIES))),
    )


@st.composite
def interviews(
    draw: st.DrawFn,
    *,
    interviewer: Contact | None = None,
    years: tuple[int, int] = YEARS,
) -> Interview:
    """A phone interview in `years`, anywhere, with or without an interviewer.

    `interviewer` fixes the interviewer; by default one is drawn, or none.
    """
    if interviewer is None:
        interviewer = draw(st.one_of(st.none(), contacts()))
    return Interview(
        draw(people),
        draw(companies),
        draw(instants(years=years)),
        interviewer=interviewer,
        position=draw(positions),
        duration=draw(st.integers(5, 180)),
        performance=draw(st.sampled_from(Performance)),
    )


_CALL_OUTCOMES = [None, Outcome.UNDECIDED, Outcome.NO_ANSWER]
_DECISIONS = [Outcome.OFFER, Outcome.REJECTED, Outcome.NEXT_ROUND]
_UNTIL = frozenset({EventKind.REPLIED, EventKind.AWAY, EventKind.PAUSED})


@st.composite
def histories(draw: st.DrawFn, interview: Interview) -> tuple[list[Event], dt.datetime]:
    """Up to five events after `interview`, oldest first, then a `now` after them.

    Returns ``(events, now)``.  A decision, received or heard on a call,
    ends the history; a call that left the company undecided may agree a
    time to call back, which `now` may or may not have passed; a reply, an
    absence or a pause lasts up to three weeks.
    """
    moment: dt.datetime = interview.ends_at
    events = []
    for _ in range(draw(st.integers(0, 5))):
        if _room(moment) < 1:
            # An interview late in 2199: no event can follow it.
            break
        moment = _later(draw, moment, 1, 20 * 24 * 60)
        kind = draw(st.sampled_from(EventKind))
        if kind is EventKind.DECISION_RECEIVED:
            events.append(
                Event(kind, moment, outcome=draw(st.sampled_from(_DECISIONS)))
            )
            break
        if kind is EventKind.CALLED:
            outcome = draw(st.sampled_from([*_CALL_OUTCOMES, *_DECISIONS]))
            call_back = None
            if (
                outcome in {None, Outcome.UNDECIDED}
                and _room(moment) >= 10
                and draw(st.booleans())
            ):
                call_back = _later(draw, moment, 10, 21 * 24 * 60)
            events.append(Event(kind, moment, outcome=outcome, call_back_at=call_back))
            if outcome in _DECISIONS:
                break
        elif kind in _UNTIL:
            event = _lasting(draw, kind, moment)
            if event is None:
                break
            events.append(event)
        else:
            events.append(Event(kind, moment))
    now = _later(draw, moment, 0, 30 * 24 * 60)
    if not events:
        now = _later(draw, interview.at, 0, 40 * 24 * 60)
    return events, now


def _lasting(draw: st.DrawFn, kind: EventKind, moment: dt.datetime) -> Event | None:
    """A reply, an absence or a pause at `moment`, and the day it lasts to.

    None when its day (in its own zone, east of UTC) is past the last the
    library takes: no day can end it.
    """
    if moment.date() > _LAST_DAY:
        return None
    # A reply may name the day of the decision; an absence and a pause
    # always say when they end.
    until: dt.date | None = min(
        moment.date() + dt.timedelta(days=draw(st.integers(0, 21))), _LAST_DAY
    )
    if kind is EventKind.REPLIED and draw(st.booleans()):
        until = None
    return Event(kind, moment, until=until)


#: The last instant and day the library takes (see `followup` on dates).
_LAST = dt.datetime(2199, 12, 31, 23, 59, tzinfo=dt.timezone.utc)
_LAST_DAY = _LAST.date()


def _room(moment: dt.datetime) -> int:
    """Whole minutes from `moment` to the last instant the library takes."""
    # As instants: `moment` may be a pendulum value, whose difference with a
    # stdlib one is pendulum's own kind of span.
    return (instant_key(_LAST) - instant_key(moment)) // dt.timedelta(minutes=1)


def _later(draw: st.DrawFn, moment: dt.datetime, least: int, most: int) -> dt.datetime:
    # From `least` to `most` minutes after `moment`, and no later than the
    # library takes: years drawn up to 2199 hold whole histories.
    minutes = draw(st.integers(least, max(least, min(most, _room(moment)))))
    return moment + dt.timedelta(minutes=minutes)


@st.composite
def situations(draw: st.DrawFn, *, years: tuple[int, int] = YEARS) -> Situation:
    """An interview in `years`, its history and the moment of planning.

    Returns ``(interview, history, now)``, the arguments of `plan_followups`.
    A rule configured for some dates (a plugin's blackout days, say) meets
    them more often with `years` narrowed to those dates' years.
    """
    interview = draw(interviews(years=years))
    events, now = draw(histories(interview))
    return interview, events, now


def assert_rule_keeps_the_contract(
    rules: Rule | Iterable[Rule] | RuleSet,
    *,
    base: RuleSet | None = None,
    among: SearchStrategy[Situation] | None = None,
    max_examples: int | None = None,
) -> None:
    """Plan many situations with `rules`; fail if a plan breaks the contract.

    `rules` (a rule or several) join `base` (by default `DEFAULT_RULES`)
    with `RuleSet.extend`; a whole `RuleSet` is taken as it is.  Situations
    come from `among` (by default `situations()`), and for every one the
    plan must:

    * pass `check_plan` with the same rules: no finding is an ERROR;
    * hold no step once the company has decided;
    * have every step of the kinds the working-time rule keeps, unless
      agreed with the company, due in working time as that rule tells it
      (FU011, or a rule that replaced it under its name);
    * have no step due before the plan's ``as_of``.

    A rule that fails while planning or checking (a `RuleError`) breaks the
    contract too; so does one that returns a step due outside its window,
    which the engine refuses as such a failure.  Call it from a plain test
    function, not from one under ``@given``.  The active Hypothesis
    settings profile applies, with `max_examples` when given; no deadline,
    since the first plan for a country loads its holiday calendar, and only
    the first failure found is reported.

    Raises:
        AssertionError: a plan breaks the contract; the message names the
            rules, every broken promise, the steps concerned and the
            situation (as JSON, which `followup.json.from_json` reads back to
            replay it).
        RuleConfigurationError: `rules` is, or holds, something that is no
            rule, or cannot join `base`.
        InvalidTypeError: `base` is no `RuleSet`, `among` no strategy, or
            `max_examples` no whole number.
        InvalidValueError: `max_examples` is below 1.
    """
    if isinstance(rules, RuleSet):
        rule_set, who = rules, f"the rule set {', '.join(rules.codes)}"
    else:
        supplied: object = rules
        # Anything that is no collection of rules (text, None, a number) is
        # one rule to `extend`, which refuses it by name: iterated, text was
        # read letter by letter and a number raised a bare TypeError.
        single = isinstance(supplied, (Rule, str, bytes)) or not hasattr(
            supplied, "__iter__"
        )
        added = (
            (cast("Rule", rules),) if single else tuple(cast("Iterable[Rule]", rules))
        )
        start = DEFAULT_RULES if base is None else base
        if not isinstance(start, RuleSet):
            raise InvalidTypeError("base", start, "a RuleSet (such as DEFAULT_RULES)")
        rule_set = start.extend(*added)
        who = ", ".join(f"{rule.code} {rule.name}" for rule in added) or "the base"
    chosen = situations() if among is None else among
    if not isinstance(chosen, st.SearchStrategy):
        raise InvalidTypeError(
            "among", among, "a Hypothesis strategy of situations (situations())"
        )
    if max_examples is not None and (
        not isinstance(max_examples, int) or isinstance(max_examples, bool)
    ):
        raise InvalidTypeError("max_examples", max_examples, "a whole number or None")
    if max_examples is not None and max_examples < 1:
        raise InvalidValueError("max_examples", max_examples, "is not 1 or more")
    # No example database: every call checks a different rule set with the
    # one function below, and a failure saved by one call was replayed by
    # the next, which then reported the other rule's broken promise.
    if max_examples is None:
        profile = settings(deadline=None, report_multiple_bugs=False, database=None)
    else:
        profile = settings(
            deadline=None,
            report_multiple_bugs=False,
            database=None,
            max_examples=max_examples,
        )

    @profile
    @given(chosen)
    def keeps_the_contract(situation: Situation) -> None:
        interview, history, now = situation
        try:
            plan = plan_followups(interview, history, now=now, rules=rule_set)
            broken = _broken_promises(rule_set, plan, history)
        except RuleError as error:
            raise AssertionError(
                _report(who, [f"a rule failed: {error}"], (), situation)
            ) from error
        if broken:
            promises = [promise for promise, _ in broken]
            steps = [step for _, step in broken]
            raise AssertionError(_report(who, promises, steps, situation))

    keeps_the_contract()


def _broken_promises(
    rule_set: RuleSet, plan: FollowUpPlan, history: list[Event]
) -> list[tuple[str, Step | None]]:
    """What `plan` breaks of the contract, each with the step concerned if any."""
    interview = plan.interview
    broken: list[tuple[str, Step | None]] = [
        (f"check_plan reports an error: {finding}", finding.step)
        for finding in check_plan(plan, interview, history, rules=rule_set)
        if finding.severity is Severity.ERROR
    ]
    facts = Facts.gather(interview, history, plan.as_of, rule_set.calendar)
    decision = facts.decision
    if decision is not None and decision.outcome is not None:
        decided = (
            f"the company decided ({decision.outcome.value}) on "
            f"{describe_instant(decision.at)}"
        )
        broken.extend(
            (f"the {step.label} is planned although {decided}", step)
            for step in plan.steps
        )
    is_working, kinds, hours = _working_time(rule_set, facts)
    for step in plan.steps:
        due = describe_instant(step.due)
        if (
            step.kind in kinds
            and not step.agreed
            and not is_working(facts, facts.local(step.due))
        ):
            broken.append(
                (f"the {step.label} is due {due}, outside working time ({hours})", step)
            )
        if instant_key(step.due) < instant_key(plan.as_of):
            as_of = describe_instant(plan.as_of)
            broken.append(
                (
                    f"the {step.label} is due {due}, before the plan's as_of ({as_of})",
                    step,
                )
            )
    return broken


def _working_time(
    rule_set: RuleSet, facts: Facts
) -> tuple[Callable[[Facts, dt.datetime], bool], frozenset[StepKind], str]:
    """How the set's working-time rule tells working time, and the kinds it keeps.

    FU011, or a rule that took its name and offers its `is_working` and
    ``params.kinds``; a set with neither keeps no working time.
    """
    rule = next((rule for rule in rule_set if rule.name == "working-time"), None)
    is_working = getattr(rule, "is_working", None)
    params = getattr(rule, "params", None)
    kinds = getattr(params, "kinds", None)
    if not callable(is_working) or not isinstance(kinds, frozenset):
        return (lambda _facts, _moment: True), frozenset(), ""
    describe = getattr(params, "describe", None)
    if not callable(describe):
        return is_working, kinds, repr(params)
    # FU011's describe names the week it is given (the country's, say); a
    # rule of one's own may describe its hours without being told.
    told = bool(inspect.signature(describe).parameters)
    hours = describe(facts.weekdays) if told else describe()
    return is_working, kinds, str(hours)


def _report(
    who: str,
    promises: Iterable[str],
    steps: Iterable[Step | None],
    situation: Situation,
) -> str:
    interview, history, now = situation
    lines = [f"{who} breaks the contract of a rule:"]
    lines.extend(f"  - {promise}" for promise in promises)
    shown = {id(step): step for step in steps if step is not None}
    if shown:
        lines.append("steps concerned:")
        lines.extend(f"  {_step_line(step)}" for step in shown.values())
    # Only a failure needs JSON, which loads cattrs.
    from followup.json import to_json  # noqa: PLC0415

    # As JSON, not repr: a repr holds enums and pendulum values that do not
    # evaluate back, and JSON is what `from_json` reads to replay the case.
    lines.append(f"interview: {to_json(interview, indent=None)}")
    lines.append(f"history: {to_json(list(history), indent=None)}")
    lines.append(f"now: {format_instant(now)} ({describe_instant(now)})")
    lines.append(
        "to replay: from_json(interview, Interview), "
        "from_json(history, list[Event]), now=now (followup.json)"
    )
    return "\n".join(lines)


def _step_line(step: Step) -> str:
    moved = f", moved by {', '.join(step.adjusted_by)}" if step.adjusted_by else ""
    agreed = ", agreed" if step.agreed else ""
    return (
        f"{step.label} by {step.channel.value}, due {describe_instant(step.due)}, "
        f"window {describe_instant(step.window.start)} to "
        f"{describe_instant(step.window.end)}; proposed by {step.rule}{moved}"
        f"{agreed}: {step.reason}"
    )

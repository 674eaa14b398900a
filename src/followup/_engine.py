"""`plan_followups`, `check_plan` and `check_letter`: the rules, folded over the facts.

Planning folds the rule set over a `Draft`, phase by phase (`Phase`): every
rule that proposes runs first, then those that drop, adjust and place.  The
place phase repeats until no rule moves anything, so placing rules (working
time, call spacing, a plugin's blackout days) agree whatever their order.

Whatever a rule raises, or returns instead of a draft or findings, comes out
as a `RuleError` naming the rule and, for a plugin, its package.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from followup._draft import Draft
from followup._facts import Facts, checked_history
from followup._fields import typed_tuple
from followup._interview import Interview
from followup._plan import Finding, FollowUpPlan, Step, repeated_step
from followup._rule import Phase
from followup._rule_metadata import owner
from followup._ruleset import DEFAULT_RULES, RuleSet
from followup._sheet import KERNELS, Sheet
from followup._steps import check_own_step
from followup._time import instant_key, to_pendulum
from followup._trusted import assemble, replaced
from followup._vocabulary import StepKind
from followup.errors import InvalidTypeError, RuleError
from followup.rules import CallBackAsAgreed
from followup.rules._shared import AGREED_SLOT, DROPPED_KINDS, OTHER_RULES

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

    from followup._draft_step import DraftStep
    from followup._history import Event
    from followup._plan import PlanParts
    from followup._rule import Rule
    from followup._sheet import Entry
    from followup._time import InstantLike

__all__ = ["check_letter", "check_plan", "plan_followups"]

#: How many times over the place phase may run before its rules are taken to
#: disagree.  Rules that agree settle in one or two rounds; rules that only
#: move steps later may need more to agree (see `_settle`).
ROUNDS = 64

#: The codes of the built-in rules.
_BUILT_IN = frozenset(DEFAULT_RULES.codes)

#: The class of followup's rule of each code: a rule of another class put
#: under one (with `replace`) answers for itself in the checks.
_BUILT_IN_CLASSES = {rule.code: type(rule) for rule in DEFAULT_RULES}


def _built_in(rule: Rule) -> bool:
    return _BUILT_IN_CLASSES.get(rule.code) is type(rule)


def _rule_set(rules: object) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    raise InvalidTypeError("rules", rules, "a RuleSet")


def _failure(rule_set: RuleSet, rule: Rule, during: str, problem: str) -> RuleError:
    origin = rule_set.origin_of(rule.code)
    text = None if origin is None else str(origin)
    return RuleError(
        rule.code, text, f"rule {owner(rule, text)} failed in {during}: {problem}"
    )


def _raised(
    rule_set: RuleSet, rule: Rule, during: str, error: BaseException
) -> RuleError:
    return _failure(rule_set, rule, during, f"{type(error).__name__}: {error}")


def _apply(rule_set: RuleSet, rule: Rule, draft: Draft) -> Draft:
    try:
        result = rule.plan(draft)
    except RuleError:
        raise
    # A rule that calls sys.exit() must not end the caller's program.
    except (Exception, SystemExit) as error:
        raise _raised(rule_set, rule, "plan()", error) from error
    if type(result) is not Draft:
        raise _failure(
            rule_set,
            rule,
            "plan()",
            f"it returned {type(result).__name__} {result!r:.80}, not a Draft",
        )
    if result.facts is not draft.facts or result.phase is not draft.phase:
        raise _failure(
            rule_set, rule, "plan()", "it returned a draft of other facts or phase"
        )
    if result.steps is not draft.steps:
        _check_new_steps(rule_set, rule, draft, result)
        _one_of_each(rule_set, rule, result.steps)
    return result


def _check_new_steps(
    rule_set: RuleSet, rule: Rule, before: Draft, after: Draft
) -> None:
    # `new_step` and `moved_step` check the steps they make; a rule may
    # build a `DraftStep` itself.  Checked here, a bad one is blamed on the
    # rule that made it, not on the first rule to trip over it later, and
    # one no later rule moves cannot reach the plan.
    held = {id(step) for step in before.steps}
    known = {(step.kind, step.kind_name, step.number) for step in before.steps}
    proposing = before.phase is Phase.PROPOSE
    for step in after.steps:
        if id(step) in held:
            continue
        try:
            check_own_step(step, rule.code)
        # Whatever checking it raises is the rule's, as in `_apply`: a
        # naive datetime, or none at all, a tzinfo of its own that fails.
        except (Exception, SystemExit) as error:
            raise _raised(rule_set, rule, "plan()", error) from error
        identity = (step.kind, step.kind_name, step.number)
        if proposing and step.rule != rule.code and identity not in known:
            # A step a rule proposes is its own: a copy of another's step
            # (``attrs.evolve(first, number=2)``) kept its `rule`, and the
            # plan, its explanation and its JSON would name the wrong one.
            # (A rule that adjusts a step, a call made a video call, keeps
            # the rule that proposed it, and names itself in `adjusted_by`.)
            raise _failure(
                rule_set,
                rule,
                "plan()",
                f"it proposed the {step.label} under the code {step.rule}: a "
                f"step a rule proposes names that rule ({rule.code}, as "
                "new_step takes it)",
            )


def _one_of_each(
    rule_set: RuleSet, rule: Rule, steps: Sequence[DraftStep | Entry]
) -> None:
    # Checked after each rule, so that the rule that made the second step of
    # an identity is blamed: `FollowUpPlan` would refuse the plan, and a
    # calendar would keep one of the two steps (`step_key`).
    twice = repeated_step(steps)
    if twice is not None:
        first, second = steps[twice[0]], steps[twice[1]]
        whose = (
            f"both from {first.rule}"
            if first.rule == second.rule
            else f"from {first.rule} and {second.rule}"
        )
        raise _failure(
            rule_set,
            rule,
            "plan()",
            f"two steps of the plan are {second.label!r} ({whose}): a step's "
            "kind, kind name and number are its identity, which calendar UIDs "
            "go by, so no two steps of a plan share them",
        )


def _same(before: Draft, after: Draft) -> bool:
    # Rules return the draft they were given when they change nothing; the
    # comparison is for those that rebuild equal steps.
    return after is before or (
        after.steps == before.steps and after.findings == before.findings
    )


def _sheet_work(rule_set: RuleSet, sheet: Sheet) -> Callable[[Rule], bool]:
    """Apply a rule to the sheet and tell whether it changed anything.

    A built-in rule works on the sheet itself; any other rule gets the draft
    of it, and what it returns is taken back.  (A closure over the sheet:
    the place phase calls it a dozen times or more a plan.)
    """
    if _all_built_in(rule_set):
        # Every rule works on the sheet itself: nothing to ask or check
        # between turns, of which the place phase makes a dozen or more.

        def built_in_changes(rule: Rule) -> bool:
            before = sheet.changes
            try:
                KERNELS[type(rule)](rule, sheet)
            # As in `_apply`: whatever the rule raises is reported as the rule's.
            except (Exception, SystemExit) as error:
                raise _raised(rule_set, rule, "plan()", error) from error
            return sheet.changes != before

        return built_in_changes
    # The built-in rules alone never make two steps of one identity; once
    # another rule has changed the sheet, one of them may propose a step
    # that rule proposed already (a thank-you of its own, say).  `_apply`
    # checks the other rule's draft.
    others_changed = False

    def changes(rule: Rule) -> bool:
        nonlocal others_changed
        before = sheet.changes
        kernel = KERNELS.get(type(rule))
        if kernel is None:
            draft = sheet.draft()
            after = _apply(rule_set, rule, draft)
            if _same(draft, after):
                return False
            sheet.take(after)
            others_changed = True
            return True
        try:
            kernel(rule, sheet)
        # As in `_apply`: whatever the rule raises is reported as the rule's.
        except (Exception, SystemExit) as error:
            raise _raised(rule_set, rule, "plan()", error) from error
        if sheet.changes == before:
            return False
        if others_changed:
            _one_of_each(rule_set, rule, sheet.steps)
        return True

    return changes


def _settle(
    rule_set: RuleSet,
    rules: tuple[Rule, ...],
    changes: Callable[[Rule], bool],
    times: Callable[[], Hashable],
) -> None:
    """Apply the placing rules in turn until none of them moves anything.

    `changes` applies a rule and tells whether it changed anything.  A
    placing rule is idempotent: applied twice, the second time changes
    nothing.  So once every other rule has run without a change since the
    last one that changed the plan, all of them agree.

    `times` tells where the steps are.  Rules that only move steps later
    may need many rounds to agree (a call kept to Tuesdays and Thursdays
    and a fortnight of blackout days move it a day a round), so the phase
    goes on while they move steps on: up to `ROUNDS` rounds, but it stops at
    once when a round ends where an earlier one did (rules moving a step
    back and forth), since the rounds would go on repeating.
    """
    count = len(rules)
    quiet = 0
    # The first two rounds, where plans settle, as lightly as can be: a
    # dozen turns a plan, and no failure to name yet.
    for turn in range(2 * count):
        if changes(rules[turn % count]):
            quiet = 0
        else:
            quiet += 1
        if turn + 1 >= count and quiet >= count - 1:
            return
    # Then round by round, watching where the steps are: the rules that
    # moved a step in a round (a note is no move) and those that changed
    # anything, in the order they did, for the error.
    seen: set[Hashable] = {times()}
    movers: list[Rule] = []
    changers: list[Rule] = []
    for _ in range(2, ROUNDS):
        movers, changers = [], []
        for rule in rules:
            before = times()
            if changes(rule):
                quiet = 0
                changers.append(rule)
                if times() != before:
                    movers.append(rule)
            else:
                quiet += 1
            if quiet >= count - 1:
                return
        now = times()
        # A round that moved steps and left them where an earlier one did:
        # the rounds would repeat for ever.  (A round of notes alone moves
        # nothing; the next one settles.)
        if movers and now in seen:
            raise _unsettled(
                rule_set,
                movers,
                "move steps back and forth",
                "one of them moves a step back, or their constraints cannot all be met",
            )
        seen.add(now)
    raise _unsettled(
        rule_set,
        movers or changers,
        f"still move steps after {ROUNDS} rounds",
        f"their constraints cannot all be met, or they need more than {ROUNDS} "
        "rounds to agree",
    )


def _unsettled(rule_set: RuleSet, movers: list[Rule], what: str, why: str) -> RuleError:
    # Named for the last rule to move a step, one not built in first: the
    # built-in rules agree among themselves, whatever the order.
    blamed = next(
        (rule for rule in reversed(movers) if rule.code not in _BUILT_IN), movers[-1]
    )
    named = ", ".join(dict.fromkeys(f"{r.code} {r.name}" for r in movers))
    return _failure(
        rule_set, blamed, "the place phase", f"these rules {what}: {named}; {why}"
    )


#: Whether every rule of a set works on the sheet itself, by the set's id.
#: The set is kept with it, so that its id stays its own; at most 64 sets,
#: as `Days` keeps calendars.
_ON_THE_SHEET: dict[int, tuple[RuleSet, bool]] = {}


def _all_built_in(rule_set: RuleSet) -> bool:
    """Whether every rule of `rule_set` works on the sheet itself (`KERNELS`)."""
    found = _ON_THE_SHEET.get(id(rule_set))
    if found is not None and found[0] is rule_set:
        return found[1]
    built_in = all(type(rule) in KERNELS for rule in rule_set)
    if len(_ON_THE_SHEET) >= 64:
        _ON_THE_SHEET.clear()
    _ON_THE_SHEET[id(rule_set)] = (rule_set, built_in)
    return built_in


def work(rule_set: RuleSet, facts: Facts) -> Sheet:
    """The sheet that the rule set makes of `facts`, phase by phase.

    How `plan_followups` plans: the built-in rules work on the sheet in
    place, and a plugin's rule folds a draft of it (see `followup._sheet`).
    """
    sheet = Sheet(facts)
    changes = _sheet_work(rule_set, sheet)
    for phase, rules in rule_set.phases:
        sheet.phase = phase
        if phase is Phase.PLACE:
            _settle(rule_set, rules, changes, sheet.times)
        else:
            for rule in rules:
                changes(rule)
    return sheet


def fold(rule_set: RuleSet, facts: Facts) -> Draft:
    """The draft that the rule set makes of `facts`, folding drafts phase by phase.

    Every rule's `plan` in turn, as a plugin's rule sees it; `work` is the
    same plan made faster, and a property test holds the two equal.
    """
    draft = Draft(facts)

    def changes(rule: Rule) -> bool:
        nonlocal draft
        before, draft = draft, _apply(rule_set, rule, draft)
        return not _same(before, draft)

    def times() -> Hashable:
        # Where the steps of the draft are now: `Sheet.times` of a draft.
        return tuple(
            (step.label, step.window.start, step.window.end, step.due)
            for step in draft.steps
        )

    for phase, rules in rule_set.phases:
        if draft.phase is not phase:
            draft = replaced(draft, phase=phase)
        if phase is Phase.PLACE:
            _settle(rule_set, rules, changes, times)
        else:
            for rule in rules:
                draft = _apply(rule_set, rule, draft)
    return draft


def plan_followups(
    interview: Interview,
    history: Iterable[Event] = (),
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> FollowUpPlan:
    """Plan what to do after `interview`, given what has happened, as of `now`.

    `now` defaults to the start of the interview (plan before the call), and
    is the only notion of time the library has: it reads no clock.  Steps the
    history covers are not planned again; a decision ends the follow-up.

    >>> from followup import Interview, plan_followups
    >>> plan = plan_followups(Interview("Ada Lovelace", "Acme",
    ...                                 "2026-11-23T10:00:00-05:00[America/New_York]"))
    >>> for step in plan.steps:
    ...     print(step.kind.value, step.due.format("ddd D MMM HH:mm"))
    close-call Mon 23 Nov 10:25
    thank-you Mon 23 Nov 10:30
    follow-up Wed 25 Nov 09:00
    call Mon 30 Nov 09:00

    Raises:
        FollowUpError: on inputs of the wrong type or contradicting each
            other (an event after `now`, or before the interview).
        RuleError: a rule failed; the message names it.
    """
    rule_set, sheet = _sheet_for(interview, history, now, rules)
    steps, findings = sheet.public()
    return assemble(
        FollowUpPlan,
        interview=interview,
        steps=steps,
        findings=findings,
        rules=rule_set.codes,
        as_of=to_pendulum(sheet.facts.now),
    )


def _sheet_for(
    interview: Interview,
    history: Iterable[Event],
    now: InstantLike | None,
    rules: RuleSet,
) -> tuple[RuleSet, Sheet]:
    # What `plan_followups` and `plan_parts_of` share: the rule set checked,
    # the facts gathered, and the rules' work on them.
    rule_set = _rule_set(rules)
    facts = Facts.gather(interview, history, now, rule_set.calendar)
    return rule_set, work(rule_set, facts)


def plan_parts_of(
    interview: Interview,
    history: Iterable[Event] = (),
    *,
    now: InstantLike | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> PlanParts:
    """``plan_parts(plan_followups(...))``, without making the plan itself.

    What another process of `plan_many` sends back, for the caller to make
    the plan with `plan_with` and the interview it holds.  It raises what
    `plan_followups` raises, and a property test holds the two equal.
    """
    rule_set, sheet = _sheet_for(interview, history, now, rules)
    return sheet.parts(rule_set.codes)


def check_plan(
    plan_or_steps: FollowUpPlan | Iterable[Step],
    interview: Interview | None = None,
    history: Iterable[Event] = (),
    *,
    rules: RuleSet = DEFAULT_RULES,
    now: InstantLike | None = None,
) -> tuple[Finding, ...]:
    """Run every rule's check over a plan, or over a user's own schedule.

    For a `FollowUpPlan`, `interview` defaults to the plan's and `now` to its
    `as_of`, or to the last event when the history goes further (a plan kept
    and checked again as events come in).  For a sequence of steps,
    `interview` is required and `now` defaults to the latest known fact (the
    interview or the last event).
    Mistakes come back as findings; a plan passes when none is an ERROR.  A
    plan that `plan_followups` made always passes with the same rules.

    Raises:
        FollowUpError: an argument of the wrong type.
        RuleError: a rule's check failed; the message names it.
    """
    rule_set = _rule_set(rules)
    if isinstance(plan_or_steps, FollowUpPlan):
        steps = plan_or_steps.steps
        interview = plan_or_steps.interview if interview is None else interview
        # As of the plan, unless the history knows of later events.
        planned_at = plan_or_steps.as_of
    else:
        planned_at = None
        steps = typed_tuple(
            plan_or_steps,
            "plan_or_steps",
            Step,
            "a Step",
            whole="a FollowUpPlan or steps",
        )
    if interview is None:
        raise InvalidTypeError("interview", None, "an Interview (needed for steps)")
    if not isinstance(interview, Interview):
        raise InvalidTypeError("interview", interview, "an Interview")
    events = checked_history(history)
    if now is None:
        moments = [planned_at or interview.at, *(event.at for event in events)]
        now = max(moments, key=instant_key)
    facts = Facts.gather(interview, events, now, rule_set.calendar)
    # A plugin's rule answers for the steps it proposes as agreed, as it
    # does in planning (`agreed_by_its_rule`); a built-in rule does not.
    others = frozenset(rule.code for rule in rule_set if not _built_in(rule))
    facts.derived(OTHER_RULES, lambda: others)
    agreeing = next((r for r in rule_set if type(r) is CallBackAsAgreed), None)
    if agreeing is not None:
        # The slot the checks allow a call-back planned into, as agreed.
        slot = dt.timedelta(minutes=agreeing.params.agreed_minutes)
        facts.derived(AGREED_SLOT, lambda: slot)
    if others:
        # A step missing that a rule not built in drops on purpose is no
        # mistake (`dropped_by_another_rule`): planned again, with and
        # without those rules, once, if a check asks.
        kinds = _kinds_dropped(rule_set, interview, events, now)
        facts.derived(DROPPED_KINDS, lambda: kinds)
    findings: list[Finding] = []
    for rule in rule_set:
        findings.extend(_findings(rule_set, rule, "check()", rule.check, facts, steps))
    return tuple(findings)


def _kinds_dropped(
    rule_set: RuleSet,
    interview: Interview,
    events: tuple[Event, ...],
    now: InstantLike,
) -> Callable[[], frozenset[StepKind]]:
    """How to ask, once, which kinds of step the rules not built in drop.

    The kinds of step the set's built-in rules plan as of `now` and the
    whole set does not.
    """

    @functools.cache
    def kinds() -> frozenset[StepKind]:
        built_in = RuleSet(tuple(r for r in rule_set if _built_in(r)))
        # Facts of their own: the checks' hold what `check_plan` told them.
        try:
            return frozenset(
                entry.kind for entry in _sheet(built_in).steps
            ) - frozenset(entry.kind for entry in _sheet(rule_set).steps)
        except RuleError:
            # A set that cannot plan these facts says nothing of what its
            # rules drop: the checks flag a missing step, as they would with
            # the built-in rules alone, and return their findings.
            return frozenset()

    def _sheet(rules: RuleSet) -> Sheet:
        return work(rules, Facts.gather(interview, events, now, rules.calendar))

    return kinds


def _findings(
    rule_set: RuleSet, rule: Rule, during: str, method: object, *args: object
) -> list[Finding]:
    found: list[Finding] = []
    try:
        given = method(*args)  # type: ignore[operator]
        if given is None or isinstance(given, (str, bytes, Finding)):
            # Text is no findings, though it iterates: it would be read letter
            # by letter, and the message would quote one letter.  A Finding
            # alone, or none returned at all, is the same slip.
            raise _failure(  # noqa: TRY301 - passes through the handler below
                rule_set,
                rule,
                during,
                f"it returned {type(given).__name__} {given!r:.80}, not findings "
                "(an iterable of Finding, such as a list, or a generator)",
            )
        for finding in given:
            if not isinstance(finding, Finding):
                raise _failure(  # noqa: TRY301 - passes through the handler below
                    rule_set,
                    rule,
                    during,
                    f"it gave {type(finding).__name__} {finding!r:.80}, not a Finding",
                )
            found.append(finding)
    except RuleError:
        raise
    except (Exception, SystemExit) as error:
        raise _raised(rule_set, rule, during, error) from error
    return found


def check_letter(  # noqa: PLR0913 - the letter, its interview, and how to read it
    text: str,
    interview: Interview,
    kind: StepKind | str = StepKind.FOLLOW_UP,
    *,
    rules: RuleSet = DEFAULT_RULES,
    sent: InstantLike | None = None,
    language: str | None = None,
    aliases: Iterable[str] = (),
) -> tuple[Finding, ...]:
    """Check the text of a thank-you or follow-up letter against the rules.

    Every rule with a ``check_letter`` method reads the letter; by default
    FU003 checks a thank-you (a few sentences, the facts, thanks and
    interest) and FU004 a follow-up (under ten lines, the facts, interest and
    a reason to fit).  The findings are data; an ERROR means the letter
    misses something the advice requires.

    `sent` is when the letter goes (or went) out: "this morning" or
    "yesterday" are read from it, on the recipient's calendar; without it
    they name no day.  `language` is ``en``, ``de``, ``fr`` or ``es``, told
    from the letter's words by default.  `aliases` are other names of the
    company.  The subject line, the signature block and a quoted reply are
    set apart from the letter (see docs/letters.md).

    >>> from followup import Interview
    >>> interview = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")
    >>> for finding in check_letter("Hi! Ada Lovelace", interview, "thank-you"):
    ...     print(finding.message)
    the thank-you does not name the company (A4)
    the thank-you does not name the date of the interview (A4)
    the thank-you does not name the time of the interview (A4)
    the letter does not seem to thank the interviewer (A4)
    the letter does not seem to show interest in the company (A4)

    Raises:
        FollowUpError: `kind` is not a letter, `sent` no instant, `language`
            not one of the four, or an argument has the wrong type; or
            `text` is an email message that cannot be read at all (parts
            within parts nested a thousand deep), which is no letter.
        RuleError: a rule failed reading the letter; the message names it.
    """
    # Imported here: reading letters loads their languages, words and
    # patterns, which planning has no need of.
    from followup._letters import Letter  # noqa: PLC0415

    rule_set = _rule_set(rules)
    letter = Letter(
        text, interview, kind, sent=sent, language=language, aliases=aliases
    )
    # Cut into its parts here, not first in a rule: a message that cannot
    # be read is the letter's mistake, not a rule's failure.
    letter.parts  # noqa: B018 - kept by the letter for every rule
    findings: list[Finding] = []
    for rule in rule_set.letter_rules:
        findings.extend(
            _findings(rule_set, rule, "check_letter()", rule.check_letter, letter)  # type: ignore[arg-type]
        )
    return tuple(findings)

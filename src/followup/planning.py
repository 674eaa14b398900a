"""`plan_followups` and `check_plan`: the rules, folded over the facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup.datetimes import instant_key, to_pendulum
from followup.draft import Draft
from followup.errors import InvalidTypeError
from followup.facts import Facts
from followup.letters import Letter
from followup.plan import Finding, FollowUpPlan, Step, StepKind, step_order
from followup.rules import DEFAULT_RULES
from followup.ruleset import LetterRule, RuleSet
from followup.trusted import assemble

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup.history import Event
    from followup.interview import Interview

__all__ = ["check_letter", "check_plan", "plan_followups"]


def _rule_set(rules: object) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    raise InvalidTypeError("rules", rules, "a RuleSet")


def plan_followups(
    interview: Interview,
    history: Iterable[Event] = (),
    now: object = None,
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
    """
    rule_set = _rule_set(rules)
    facts = Facts.gather(interview, history, now)
    draft = Draft(facts)
    for rule in rule_set:
        draft = rule.plan(draft)
    return assemble(
        FollowUpPlan,
        interview=interview,
        steps=tuple(sorted(draft.steps, key=step_order)),
        findings=draft.findings,
        rules=rule_set.codes,
        as_of=to_pendulum(facts.now),
    )


def check_plan(
    plan_or_steps: FollowUpPlan | Iterable[Step],
    interview: Interview | None = None,
    history: Iterable[Event] = (),
    rules: RuleSet = DEFAULT_RULES,
    *,
    now: object = None,
) -> tuple[Finding, ...]:
    """Run every rule's check over a plan, or over a user's own schedule.

    For a `FollowUpPlan`, `interview` defaults to the plan's and `now` to its
    `as_of`.  For a sequence of steps, `interview` is required and `now`
    defaults to the latest known fact (the interview or the last event).
    Mistakes come back as findings; a plan passes when none is an ERROR.  A
    plan that `plan_followups` made always passes with the same rules.
    """
    rule_set = _rule_set(rules)
    if isinstance(plan_or_steps, FollowUpPlan):
        steps = plan_or_steps.steps
        interview = plan_or_steps.interview if interview is None else interview
        if now is None:
            now = plan_or_steps.as_of
    else:
        steps = _steps(plan_or_steps)
    if interview is None:
        raise InvalidTypeError("interview", None, "an Interview (needed for steps)")
    events = tuple(history)
    if now is None:
        moments = [interview.at, *(event.at for event in events)]
        now = max(moments, key=instant_key)
    facts = Facts.gather(interview, events, now)
    return tuple(finding for rule in rule_set for finding in rule.check(facts, steps))


def _steps(values: object) -> tuple[Step, ...]:
    if isinstance(values, (str, bytes, Step)) or not hasattr(values, "__iter__"):
        raise InvalidTypeError("plan_or_steps", values, "a FollowUpPlan or steps")
    steps: list[Step] = []
    for index, step in enumerate(values):
        if not isinstance(step, Step):
            raise InvalidTypeError(f"steps[{index}]", step, "a Step")
        steps.append(step)
    return tuple(steps)


def check_letter(
    text: str,
    interview: Interview,
    kind: StepKind | str = StepKind.FOLLOW_UP,
    rules: RuleSet = DEFAULT_RULES,
) -> tuple[Finding, ...]:
    """Check the text of a thank-you or follow-up letter against the rules.

    Every rule with a ``check_letter`` method reads the letter; by default
    FU003 checks a thank-you (a few sentences, the facts, thanks and
    interest) and FU004 a follow-up (under ten lines, the facts, interest and
    a reason to fit).  The findings are data; an ERROR means the letter
    misses something the advice requires.

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
        FollowUpError: `kind` is not a letter, or an argument has the wrong
            type.
    """
    rule_set = _rule_set(rules)
    letter = Letter(text, interview, kind)
    return tuple(
        finding
        for rule in rule_set
        if isinstance(rule, LetterRule)
        for finding in rule.check_letter(letter)
    )

"""Plan and check the follow-up after a phone interview.

Facts in, plan out, rules in between: an `Interview` and its history of
`Event` values go through an immutable `RuleSet`, and come out as a
`FollowUpPlan` of `Step` values with `Finding` values beside them.  Every rule
cites the advice it encodes by id (A1-A14); nothing reads the clock.

>>> from followup import Contact, Interview, plan_followups
>>> interview = Interview(
...     "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]",
...     interviewer=Contact("Grace Hopper", email="grace@example.com",
...                         phone="+1 212 555 0123"))
>>> plan = plan_followups(interview, now="2026-11-23T10:31:00-05:00")
>>> plan.next_step("2026-11-23T10:31:00-05:00").kind
<StepKind.THANK_YOU: 'thank-you'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The value types load with the package; the rules engine, the letters and
# the drafts load on first use, so that `import followup` (and the command's
# start-up) stays light.  Each rule module creates its attrs classes at
# import, and that is most of the cost.
from followup.contact import Contact
from followup.errors import (
    DuplicateRuleError,
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    RuleConfigurationError,
    UnknownTimeZoneError,
)
from followup.history import Event, EventKind, Outcome
from followup.interview import Interview, Performance
from followup.plan import (
    Channel,
    Finding,
    FollowUpPlan,
    Requirements,
    Severity,
    Step,
    StepKind,
    Window,
)

if TYPE_CHECKING:
    from followup.batch import plan_many
    from followup.draft import Draft
    from followup.drafts import draft_follow_up, draft_thank_you
    from followup.facts import Facts
    from followup.letters import Letter
    from followup.planning import check_letter, check_plan, plan_followups
    from followup.rules import DEFAULT_RULES, DayCount
    from followup.ruleset import LetterRule, Rule, RuleSet

_LAZY = {
    "DEFAULT_RULES": "followup.rules",
    "DayCount": "followup.rules",
    "Draft": "followup.draft",
    "Facts": "followup.facts",
    "Letter": "followup.letters",
    "LetterRule": "followup.ruleset",
    "Rule": "followup.ruleset",
    "RuleSet": "followup.ruleset",
    "check_letter": "followup.planning",
    "check_plan": "followup.planning",
    "draft_follow_up": "followup.drafts",
    "draft_thank_you": "followup.drafts",
    "plan_followups": "followup.planning",
    "plan_many": "followup.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_RULES",
    "Channel",
    "Contact",
    "DayCount",
    "Draft",
    "DuplicateRuleError",
    "Event",
    "EventKind",
    "Facts",
    "Finding",
    "FollowUpError",
    "FollowUpPlan",
    "Interview",
    "InvalidTypeError",
    "InvalidValueError",
    "Letter",
    "LetterRule",
    "NaiveDatetimeError",
    "Outcome",
    "Performance",
    "Requirements",
    "Rule",
    "RuleConfigurationError",
    "RuleSet",
    "Severity",
    "Step",
    "StepKind",
    "UnknownTimeZoneError",
    "Window",
    "check_letter",
    "check_plan",
    "draft_follow_up",
    "draft_thank_you",
    "plan_followups",
    "plan_many",
]

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
from followup._contact import Contact
from followup._history import Event
from followup._interview import Interview
from followup._plan import Finding, FollowUpPlan, Requirements, Step, Window
from followup._time import DurationLike, InstantLike
from followup._vocabulary import (
    Channel,
    EventKind,
    Outcome,
    Performance,
    Severity,
    StepKind,
)
from followup.errors import (
    DuplicateRuleError,
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    PluginError,
    RuleConfigurationError,
    RuleError,
    UnknownTimeZoneError,
)

if TYPE_CHECKING:
    from followup._batch import plan_many
    from followup._calendar import Closure, WorkingCalendar
    from followup._changes import PlanChanges, plan_changes
    from followup._draft import Draft
    from followup._draft_step import DraftStep, DraftWindow
    from followup._due import Reminder, ReminderStatus, reminders_on
    from followup._engine import check_letter, check_plan, plan_followups
    from followup._facts import Facts
    from followup._letters import Letter
    from followup._rule import LetterRule, Phase, Rule
    from followup._ruleset import DEFAULT_RULES, RuleSet
    from followup._steps import moved_step, new_step
    from followup._writing import draft_follow_up, draft_thank_you
    from followup.rules import DayCount, NoParams

_LAZY = {
    "Closure": "followup._calendar",
    "DEFAULT_RULES": "followup._ruleset",
    "DayCount": "followup.rules",
    "Draft": "followup._draft",
    "DraftStep": "followup._draft_step",
    "DraftWindow": "followup._draft_step",
    "Facts": "followup._facts",
    "Letter": "followup._letters",
    "Reminder": "followup._due",
    "ReminderStatus": "followup._due",
    "LetterRule": "followup._rule",
    "NoParams": "followup.rules",
    "Phase": "followup._rule",
    "PlanChanges": "followup._changes",
    "Rule": "followup._rule",
    "RuleSet": "followup._ruleset",
    "WorkingCalendar": "followup._calendar",
    "check_letter": "followup._engine",
    "check_plan": "followup._engine",
    "draft_follow_up": "followup._writing",
    "draft_thank_you": "followup._writing",
    "moved_step": "followup._steps",
    "new_step": "followup._steps",
    "plan_changes": "followup._changes",
    "plan_followups": "followup._engine",
    "plan_many": "followup._batch",
    "reminders_on": "followup._due",
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
    "Closure",
    "Contact",
    "DayCount",
    "Draft",
    "DraftStep",
    "DraftWindow",
    "DuplicateRuleError",
    "DurationLike",
    "Event",
    "EventKind",
    "Facts",
    "Finding",
    "FollowUpError",
    "FollowUpPlan",
    "InstantLike",
    "Interview",
    "InvalidTypeError",
    "InvalidValueError",
    "Letter",
    "LetterRule",
    "NaiveDatetimeError",
    "NoParams",
    "Outcome",
    "Performance",
    "Phase",
    "PlanChanges",
    "PluginError",
    "Reminder",
    "ReminderStatus",
    "Requirements",
    "Rule",
    "RuleConfigurationError",
    "RuleError",
    "RuleSet",
    "Severity",
    "Step",
    "StepKind",
    "UnknownTimeZoneError",
    "Window",
    "WorkingCalendar",
    "check_letter",
    "check_plan",
    "draft_follow_up",
    "draft_thank_you",
    "moved_step",
    "new_step",
    "plan_changes",
    "plan_followups",
    "plan_many",
    "reminders_on",
]

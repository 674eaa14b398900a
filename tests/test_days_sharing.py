"""Shared days answer each rule set's own hours and holidays."""

from __future__ import annotations

from followup import DEFAULT_RULES, Contact, Interview, StepKind, plan_followups

# Tuesday 24 November 2026; Thursday 26 is Thanksgiving in the US.
AT = "2026-11-24T10:00:00-05:00[America/New_York]"
AMERICAN = Contact("Grace Hopper", timezone="America/New_York", country="US")


def _follow_up(plan):
    return next(step for step in plan.steps if step.kind is StepKind.FOLLOW_UP)


def test_rule_sets_on_one_calendar_with_other_hours_keep_their_own_hours() -> None:
    # Both rule sets have the same working calendar, so they share one
    # `Days`; the hours they ask of it differ in their closing time.
    # (Mutant: `Days.hours` keys its answers by day and opening time alone,
    # and the second plan gets the first plan's 17:00.)
    interview = Interview("Ada Lovelace", "Acme", AT)
    short = DEFAULT_RULES.configure("FU011", end="12:00")
    assert DEFAULT_RULES.calendar == short.calendar
    first = _follow_up(plan_followups(interview))
    second = _follow_up(plan_followups(interview, rules=short))
    assert first.window.end.format("ddd D MMM HH:mm") == "Fri 27 Nov 17:00"
    assert second.window.end.format("ddd D MMM HH:mm") == "Fri 27 Nov 12:00"


def test_with_holidays_off_a_holiday_is_a_working_day_even_with_closures() -> None:
    # Holidays off, one closure (so the calendar has days off and asks
    # `day_off`): Thanksgiving counts as a business day.  (Mutant:
    # `Days.day_off` names the holiday whatever the calendar says.)
    interview = Interview("Ada Lovelace", "Acme", AT, interviewer=AMERICAN)
    rules = DEFAULT_RULES.configure("FU011", holidays=False, closed=["2026-12-24"])
    follow_up = _follow_up(plan_followups(interview, rules=rules))
    assert follow_up.due.format("ddd D MMM HH:mm") == "Thu 26 Nov 09:00"
    assert "Thanksgiving" not in follow_up.reason

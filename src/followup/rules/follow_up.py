"""FU004: the follow-up letter, 2 to 3 days after the interview (A5, A7, A8, A9)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._fields import enum_member
from followup._plan import Finding, Requirements, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._time import utc
from followup._trusted import assemble
from followup._vocabulary import Channel, EventKind, Severity, StepKind
from followup.rules._params import DayCount, check_order, letter_channel, whole
from followup.rules._shared import (
    days_span,
    days_window,
    interview_mentions,
    missing_facts,
    missing_phrase,
    planned_again,
    skipped_days,
    timeliness,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._letters import Letter
    from followup._sheet import Sheet

__all__ = ["FollowUpAfterDays", "FollowUpParams"]


def _follow_up_params_days(value: object) -> DayCount:
    return enum_member(DayCount, value, "FollowUpParams.days")


@final
@attrs.frozen
class FollowUpParams:
    """When and how the follow-up goes out.

    * `earliest_days`, `latest_days`: the window, in days after the
      interview (2 and 3, A5), counted as `days`;
    * `days`: `DayCount.BUSINESS` by default, so that an interview on a
      Thursday is followed up on Monday or Tuesday rather than over the
      weekend; `DayCount.CALENDAR` counts every day;
    * `channel`: email (quick), printed letter (professional) or handwritten
      letter (A7);
    * `max_lines`: the letter stays under ten lines (A9).  The step's
      requirements and the letter check read the same parameter;
    * `line_width`: the column at which the letter check wraps long lines
      before counting them (non-blank lines, greeting and signature
      included).
    """

    earliest_days: int = attrs.field(default=2, validator=whole(0, 60))
    latest_days: int = attrs.field(default=3, validator=whole(0, 60))
    days: DayCount = attrs.field(
        default=DayCount.BUSINESS,
        converter=_follow_up_params_days,
    )
    channel: Channel = attrs.field(default=Channel.EMAIL, converter=letter_channel)
    max_lines: int = attrs.field(default=9, validator=whole(1, 100))
    line_width: int = attrs.field(default=80, validator=whole(20, 200))

    def __attrs_post_init__(self) -> None:
        check_order(self, "earliest_days", "latest_days")


@final
@works_on_sheet
@attrs.frozen
class FollowUpAfterDays:
    """Plan the follow-up letter 2 to 3 days after the interview.

    The actual follow-up comes 2 to 3 days after the interview (A5).  It may
    be an email, a printed or a handwritten letter (A7); it names the
    candidate and the date and time of the call, shows interest in the
    company and says why the candidate fits (A8); and it is shorter than ten
    lines (A9).  Whether to send it at all depends on the interview (A6):
    that is rule FU005's call, in the drop phase.  In the place phase no
    follow-up, whoever proposed it, goes out before its window opens.
    """

    code: ClassVar[str] = "FU004"
    name: ClassVar[str] = "follow-up-after-two-to-three-days"
    summary: ClassVar[str] = (
        "Plan a follow-up letter of under ten lines 2 to 3 days after the "
        "interview, by email, printed or handwritten letter."
    )
    advice: ClassVar[tuple[str, ...]] = ("A5", "A7", "A8", "A9")
    phase: ClassVar[tuple[Phase, ...]] = (Phase.PROPOSE, Phase.PLACE)
    params: FollowUpParams = attrs.field(factory=FollowUpParams)

    def window(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        """From the start of the earliest day to the end of the latest."""
        return facts.derived(id(self), lambda: days_window(facts, self.params))

    def plan(self, draft: Draft) -> Draft:
        """Propose the follow-up unless the history covers it; none too early."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        if sheet.phase is Phase.PLACE:
            # A loop, not `any` over a generator: asked twice a plan or more.
            for entry in sheet.steps:
                if entry.kind is StepKind.FOLLOW_UP:
                    opens, why = facts.derived(
                        (id(self), "place"), lambda: self._opening(facts)
                    )
                    sheet.none_before(StepKind.FOLLOW_UP, opens, by=self.code, why=why)
                    return
            return
        if not facts.needs(StepKind.FOLLOW_UP):
            return
        params = self.params
        interview = facts.interview
        job = f"the {interview.position} job" if interview.position else "the job"
        requirements = assemble(
            Requirements,
            max_lines=params.max_lines,
            must_mention=interview_mentions(facts, company=True),
            talking_points=(
                f"show your interest in {interview.company} (A8)",
                f"say why you fit {job} (A8)",
            ),
        )
        window = self.window(facts)
        counted = ""
        # Only a calendar with days off (holidays, closures) can skip one.
        if params.days is DayCount.BUSINESS and facts.days.off:
            counted = skipped_days(
                facts,
                facts.interview_day + dt.timedelta(days=1),
                facts.local(window[1]).date(),
            )
        sheet.propose(
            StepKind.FOLLOW_UP,
            params.channel,
            window,
            rule=self.code,
            reason=(
                f"The follow-up comes {self._days()} after the interview"
                f"{counted} (A5), "
                f"by {params.channel.value.replace('-', ' ')} (A7), naming you "
                "and the date and time of the call, your interest in the company "
                "and why you fit (A8), in under "
                f"{params.max_lines + 1} lines (A9)."
            ),
            advice=self.advice,
            requirements=requirements,
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a follow-up that is too early, late, phoned or too long."""
        start, end = self.window(facts)
        again = list(planned_again(self.code, facts, steps, StepKind.FOLLOW_UP, "A5"))
        yield from again
        # A follow-up sent (or made moot by a reply) is to be removed, not moved.
        for step in () if again else steps:
            if step.kind is not StepKind.FOLLOW_UP:
                continue
            if step.number == 1 or step.rule == self.code:
                # The advice's follow-up (this rule's, or the first); a
                # second one of another rule's (a plugin's, a week on) is
                # that rule's to time, not late by this one.
                yield from self._timing(facts, step.due, (start, end), step)
            if step.channel is Channel.PHONE:
                yield Finding(
                    self.code,
                    Severity.ERROR,
                    "the follow-up is an email or a letter, not a call (A7)",
                    step=step,
                    expected="email, printed or handwritten letter",
                    actual="phone",
                )
            elif step.channel is Channel.OTHER:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    "the follow-up is an email or a letter (A7)",
                    step=step,
                    expected="email, printed or handwritten letter",
                    actual=step.channel_name or step.channel.value,
                )
            limit = step.requirements.max_lines
            if limit is not None and limit > self.params.max_lines:
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    "the follow-up letter may run too long (A9)",
                    step=step,
                    expected=f"at most {self.params.max_lines} lines",
                    actual=f"up to {limit} lines",
                )
        for event in facts.history:
            if event.kind is EventKind.FOLLOW_UP_SENT:
                yield from self._timing(facts, event.at, (start, end), None)

    def check_letter(self, letter: Letter) -> Iterator[Finding]:
        """Check a follow-up's text: under ten lines, the facts, interest and fit."""
        if letter.kind is not StepKind.FOLLOW_UP:
            return
        lines = letter.lines(self.params.line_width)
        if lines > self.params.max_lines:
            yield Finding(
                self.code,
                Severity.ERROR,
                f"the follow-up letter runs to {lines} lines: keep it under "
                f"{self.params.max_lines + 1} (A9)",
                expected=f"at most {self.params.max_lines} lines",
                actual=f"{lines} lines at {self.params.line_width} columns",
            )
        yield from missing_facts(self.code, letter, "A8")
        yield from missing_phrase(self.code, letter, "interest", "A8")
        yield from missing_phrase(self.code, letter, "fit", "A8")

    def _opening(self, facts: Facts) -> tuple[dt.datetime, str]:
        # When the window opens, in UTC, and what a follow-up moved there is
        # told: asked in every round of the place phase, worked out once.
        opens, _ = self.window(facts)
        return utc(opens), f"Moved to {self._days()} after the interview (A5)."

    def _one_day(self) -> bool:
        # "1 business day has passed", but "1 to 2 business days have".
        return self.params.earliest_days == self.params.latest_days == 1

    def _days(self) -> str:
        params = self.params
        unit = "business day" if params.days is DayCount.BUSINESS else "day"
        return days_span(params.earliest_days, params.latest_days, unit)

    def _timing(
        self,
        facts: Facts,
        moment: dt.datetime,
        window: tuple[dt.datetime, dt.datetime],
        step: Step | None,
    ) -> Iterator[Finding]:
        return timeliness(
            self.code,
            facts,
            moment,
            window,
            step,
            kind=StepKind.FOLLOW_UP,
            too_early=(
                f"the follow-up goes out before {self._days()} "
                f"{'has' if self._one_day() else 'have'} passed (A5)"
            ),
            too_late=(
                f"the follow-up goes out later than {self._days()} after the "
                "interview (A5)"
            ),
        )

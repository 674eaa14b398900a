"""FU003: the thank-you email goes out as soon as the call ends (A3, A4)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Requirements, Step
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._trusted import assemble
from followup._vocabulary import Channel, EventKind, Severity, StepKind
from followup.rules._params import letter_channel, whole
from followup.rules._shared import (
    dropped_by_another_rule,
    interview_mentions,
    missing_facts,
    missing_phrase,
    planned_again,
    timeliness,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._letters import Letter
    from followup._sheet import Sheet

__all__ = ["ThankYouImmediately", "ThankYouParams"]


#: The channels of a letter sent by post, which arrives days after the call.
_POSTED = frozenset({Channel.PRINTED_LETTER, Channel.HANDWRITTEN_LETTER})


@final
@attrs.frozen
class ThankYouParams:
    """`within_hours`: how long after the call the thank-you still counts as prompt.

    `channel` is how it goes out: email by default, as the advice says (A3).
    `max_sentences` is what "a few sentences" (A4) means for the letter check:
    six, greeting and signature included.
    """

    within_hours: int = attrs.field(default=24, validator=whole(1, 168))
    channel: Channel = attrs.field(default=Channel.EMAIL, converter=letter_channel)
    max_sentences: int = attrs.field(default=6, validator=whole(1, 50))


@final
@works_on_sheet
@attrs.frozen
class ThankYouImmediately:
    """Plan the thank-you email, due the moment the call ends.

    The thank-you is the first follow-up and goes out immediately after the
    interview (A3).  It is a few sentences: thanks for the interview,
    interest in the company, the candidate's name and the date and time of
    the interview (A4).  Its window closes `within_hours` (24) hours of
    elapsed time after the call; it is not moved into working time, since an
    email waits in the inbox.  In the place phase no thank-you, whoever
    proposed it, goes out before the call has ended.
    """

    code: ClassVar[str] = "FU003"
    name: ClassVar[str] = "thank-you-immediately"
    summary: ClassVar[str] = (
        "Send a short thank-you email as soon as the call ends, naming the "
        "candidate and the date and time of the interview."
    )
    advice: ClassVar[tuple[str, ...]] = ("A3", "A4")
    phase: ClassVar[tuple[Phase, ...]] = (Phase.PROPOSE, Phase.PLACE)
    params: ThankYouParams = attrs.field(factory=ThankYouParams)

    def window(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        """From the end of the call to `within_hours` later."""
        _, end = self._span(facts)
        return facts.call_ends, facts.local(end)

    def _span(self, facts: Facts) -> tuple[dt.datetime, dt.datetime]:
        # The window in UTC, where the sheet keeps times.
        ends = facts.call_ends_utc
        return ends, ends + dt.timedelta(hours=self.params.within_hours)

    def plan(self, draft: Draft) -> Draft:
        """Propose the thank-you unless the history covers it; none before the end."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        facts = sheet.facts
        if sheet.phase is Phase.PLACE:
            sheet.none_before(
                StepKind.THANK_YOU,
                facts.call_ends_utc,
                by=self.code,
                why="Moved to the end of the call: the thank-you follows it (A3).",
            )
            return
        if not facts.needs(StepKind.THANK_YOU):
            return
        requirements = assemble(
            Requirements,
            must_mention=interview_mentions(facts, company=False),
            talking_points=(
                "thank the interviewer for the phone interview (A4)",
                f"say you want to work at {facts.interview.company} (A4)",
                "keep it to a few sentences (A4)",
            ),
        )
        sheet.propose(
            StepKind.THANK_YOU,
            self.params.channel,
            self._span(facts),
            rule=self.code,
            reason=(
                "The thank-you is the first follow-up and goes out right after "
                f"the call (A3), within {self.params.within_hours} hours: a few "
                "sentences of thanks and interest, naming you and the date and "
                "time of the interview (A4)."
            ),
            advice=self.advice,
            requirements=requirements,
        )

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:
        """Flag a missing, early, slow or phoned thank-you."""
        start, end = self.window(facts)
        thanks = [step for step in steps if step.kind is StepKind.THANK_YOU]
        if (
            facts.needs(StepKind.THANK_YOU)
            and not thanks
            and not dropped_by_another_rule(facts, StepKind.THANK_YOU)
        ):
            yield Finding(
                self.code,
                Severity.ERROR,
                "no thank-you is planned: it is the first follow-up (A3)",
                expected="a thank-you email right after the call",
                actual="none",
            )
        again = list(planned_again(self.code, facts, thanks, StepKind.THANK_YOU, "A3"))
        # A thank-you sent (or made moot) is to be removed, not moved.
        for step in () if again else thanks:
            yield from self._timing(facts, step.due, (start, end), step)
            if step.channel not in {Channel.EMAIL, self.params.channel}:
                # A3: an email, sent right after the call; a letter by post
                # arrives days later, past the day the advice means (unless
                # the rule was configured to plan one).
                yield Finding(
                    self.code,
                    Severity.WARNING,
                    "the thank-you is written, not phoned (A3)"
                    if step.channel is Channel.PHONE
                    else "the thank-you is an email, sent right after the call: "
                    "a letter by post arrives days later (A3)"
                    if step.channel in _POSTED
                    else "the thank-you is written, by email (A3)",
                    step=step,
                    expected=self.params.channel.value,
                    actual=step.channel_name or step.channel.value,
                )
        yield from again
        for event in facts.history:
            if event.kind is EventKind.THANK_YOU_SENT:
                yield from self._timing(facts, event.at, (start, end), None)

    def check_letter(self, letter: Letter) -> Iterator[Finding]:
        """Check a thank-you's text: a few sentences, the facts, thanks, interest."""
        if letter.kind is not StepKind.THANK_YOU:
            return
        sentences = letter.sentences()
        if sentences > self.params.max_sentences:
            yield Finding(
                self.code,
                Severity.WARNING,
                "the thank-you runs long: a few sentences are enough (A4)",
                expected=f"at most {self.params.max_sentences} sentences",
                actual=f"{sentences} sentences",
            )
        yield from missing_facts(self.code, letter, "A4")
        yield from missing_phrase(self.code, letter, "thanks", "A4")
        yield from missing_phrase(self.code, letter, "interest", "A4")

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
            kind=StepKind.THANK_YOU,
            too_early="the thank-you goes out before the call has ended (A3)",
            too_late=(
                f"the thank-you goes out more than {self.params.within_hours} hours "
                "after the call: it should be immediate (A3)"
            ),
        )

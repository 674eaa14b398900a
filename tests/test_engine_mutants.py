"""What a caller reads when a rule's check fails: which rule, where, and why."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
import pytest

from followup import (
    DEFAULT_RULES,
    Channel,
    Event,
    EventKind,
    Facts,
    Finding,
    Interview,
    Outcome,
    RuleConfigurationError,
    RuleError,
    RuleSet,
    Step,
    check_letter,
    check_plan,
)
from followup._rule import Phase
from followup.rules._shared import NoParams

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followup._draft import Draft
    from followup._letters import Letter

AGREED = "2026-12-03T15:00:00-05:00"
INTERVIEW = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")


@attrs.frozen
class Broken:
    """A rule whose checks give back `result`, or raise it if it is an error."""

    code: ClassVar[str] = "BRK001"
    name: ClassVar[str] = "broken"
    summary: ClassVar[str] = "Fails its checks."
    advice: ClassVar[tuple[str, ...]] = ()
    phase: ClassVar[Phase] = Phase.PLACE
    params: NoParams = attrs.field(factory=NoParams)
    result: object = None

    def plan(self, draft: Draft) -> Draft:
        return draft

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterable[Finding]:
        return self._result()

    def check_letter(self, letter: Letter) -> Iterable[Finding]:
        return self._result()

    def _result(self) -> Iterable[Finding]:
        if isinstance(self.result, Exception):
            raise self.result
        # A broken rule yields whatever it likes, not only findings.
        return [self.result]  # type: ignore[list-item]


def failure(rule: Broken, check: str) -> str:
    rules = RuleSet((rule,))
    run = (
        functools.partial(check_plan, [], INTERVIEW, rules=rules)
        if check == "check()"
        else functools.partial(check_letter, "Thank you.", INTERVIEW, rules=rules)
    )
    with pytest.raises(RuleError) as raised:
        run()
    assert (raised.value.code, raised.value.origin) == ("BRK001", None)
    return str(raised.value)


PREFIX = "rule BRK001 broken (test_engine_mutants.Broken) failed in"


@pytest.mark.parametrize("check", ["check()", "check_letter()"])
def test_a_check_that_raises_names_the_rule_the_check_and_the_error(check: str) -> None:
    message = failure(Broken(result=KeyError("step")), check)
    assert message == f"{PREFIX} {check}: KeyError: 'step'"


@pytest.mark.parametrize("check", ["check()", "check_letter()"])
def test_a_check_that_yields_no_finding_names_what_it_gave(check: str) -> None:
    message = failure(Broken(result="too early"), check)
    assert message == f"{PREFIX} {check}: it gave str 'too early', not a Finding"


def test_the_default_rules_still_check_beside_a_sound_extra_rule() -> None:
    fine = Broken(result=Finding("BRK001", "warning", "noted"))
    findings = check_plan([], INTERVIEW, rules=DEFAULT_RULES.extend(fine))
    assert findings[-1] == Finding("BRK001", "warning", "noted")


CALLED_AT = "2026-12-01T11:00:00-05:00"


def called(**details: Any) -> Event:
    return Event(EventKind.CALLED, CALLED_AT, **details)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (called(), called(outcome=Outcome.UNDECIDED)),
        (
            called(outcome=Outcome.UNDECIDED),
            called(outcome=Outcome.UNDECIDED, call_back_at=AGREED),
        ),
        (
            Event(EventKind.FOLLOW_UP_SENT, CALLED_AT),
            Event(EventKind.FOLLOW_UP_SENT, CALLED_AT, channel=Channel.EMAIL),
        ),
        (
            Event(EventKind.REPLIED, CALLED_AT),
            Event(EventKind.REPLIED, CALLED_AT, until="2026-12-10"),
        ),
    ],
)
def test_events_at_one_instant_are_ordered_by_what_they_say(
    first: Event, second: Event
) -> None:
    for history in ([first, second], [second, first]):
        facts = Facts.gather(INTERVIEW, history, now=CALLED_AT)
        assert facts.history == (first, second)


def test_a_call_without_a_call_back_comes_first_before_1970_too() -> None:
    # Instants are keyed by their distance from 1970, which is negative for
    # the years 1900-1969 the library supports: "no call-back" must still
    # sort before any call-back.
    interview = Interview("Ada Lovelace", "Acme", "1969-07-14T10:00:00-04:00")
    at = "1969-07-16T10:00:00-04:00"
    back = Event(EventKind.CALLED, at, call_back_at="1969-07-18T10:00:00-04:00")
    none = Event(EventKind.CALLED, at)
    for history in ([back, none], [none, back]):
        facts = Facts.gather(interview, history, now="1969-07-20T10:00:00-04:00")
        assert facts.history == (none, back)


def test_a_rule_cites_advice_of_its_own_under_its_whole_prefix() -> None:
    # The prefix is the code less its digits: FUX for FUX003, letters that
    # end in X included.
    rule = broken_with(code="FUX003", advice=("FUX:quiet-days",))
    assert RuleSet((rule,)).rules == (rule,)


def broken_with(**metadata: object) -> object:
    return type("Odd", (Broken,), metadata)()


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            "FU999",
            (
                "'FU999' is not a rule: a rule has code, name, summary, advice, "
                "params, plan() and check()"
            ),
        ),
        (
            broken_with(code="fu3"),
            (
                "rule fu3 broken (test_engine_mutants.Odd) has code 'fu3'; a code is a "
                "prefix of capital letters and three digits, such as 'FU003'"
            ),
        ),
        (
            broken_with(name="Broken Rule"),
            (
                "rule BRK001 has name 'Broken Rule'; a name is kebab-case, "
                "such as 'thank-you-immediately'"
            ),
        ),
        (
            broken_with(summary=None),
            "rule BRK001 has summary None; a summary is one line of text",
        ),
        (
            broken_with(advice="A3"),
            "rule BRK001 has advice 'A3'; advice is a tuple of ids such as ('A3', 'A4')",
        ),
        (
            # A rule without a usable code is named by its class alone, even
            # when its name is fine.
            broken_with(code=None),
            (
                "rule (test_engine_mutants.Odd) has code None; a code is a "
                "prefix of capital letters and three digits, such as 'FU003'"
            ),
        ),
        (
            broken_with(phase="place"),
            (
                "rule BRK001 declares phase 'place'; a phase is one of "
                "Phase.PROPOSE, Phase.DROP, Phase.ADJUST, Phase.PLACE, or a "
                "tuple of them"
            ),
        ),
        (
            broken_with(code="FUX003", advice=("FU:quiet-days",)),
            (
                "rule FUX003 cites 'FU:quiet-days'; advice ids are A1 to A14, or "
                "ids of the rule's own as 'FUX:name'"
            ),
        ),
        (
            broken_with(advice=(3,)),
            (
                "rule BRK001 cites 3; advice ids are A1 to A14, or ids of the "
                "rule's own as 'BRK:name'"
            ),
        ),
    ],
)
def test_a_rule_set_refuses_a_rule_with_bad_metadata_and_says_why(
    rule: object, message: str
) -> None:
    with pytest.raises(RuleConfigurationError) as raised:
        RuleSet((rule,))
    assert str(raised.value) == message

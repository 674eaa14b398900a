"""The worker side of `plan_many`, and how far it reads ahead of its consumer.

Workers run in processes of their own, where neither coverage nor mutation
testing follows them: here a worker's two steps run in this process.  And
the promise of flat memory, at most `HELD` chunks a process held, is
pinned by counting the items taken when the first plan comes out.
"""

from __future__ import annotations

import pickle
from typing import ClassVar

import attrs
import pytest

from followup import (
    Event,
    FollowUpError,
    Interview,
    InvalidTypeError,
    RuleSet,
    plan_followups,
    plan_many,
)
from followup._batch import _plan_chunk, _plan_chunk_here
from followup._plan import plan_parts, plan_with
from followup._ruleset import DEFAULT_RULES
from followup._workers import HELD
from followup.rules._shared import NoParams

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NOW = "2026-11-24T12:00:00-05:00"


def _worked(shared, chunk):
    # What the caller makes of another process's chunk: each plan with its
    # own interview and the parts the other process sent back, pickled.
    sent = pickle.loads(pickle.dumps(_plan_chunk(shared, chunk)))
    return [
        plan_with(interview, parts)
        for (interview, _), parts in zip(chunk, sent, strict=True)
    ]


@pytest.mark.parametrize("work", [_worked, _plan_chunk_here])
def test_a_chunk_is_planned_with_the_now_and_rules_it_was_given(work):
    ada = Interview("Ada", "Acme", AT)
    sent = (Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),)
    rules = DEFAULT_RULES.ignore("FU006")
    shared = (NOW, rules)
    assert work(shared, [(ada, sent), (ada, ())]) == [
        plan_followups(ada, sent, now=NOW, rules=rules),
        plan_followups(ada, (), now=NOW, rules=rules),
    ]
    # And not the default rules or each interview's own start.
    assert work(shared, [(ada, ())]) != [plan_followups(ada, now=NOW)]
    assert work(shared, [(ada, ())]) != [plan_followups(ada, rules=rules)]


def test_a_plan_from_the_workers_holds_the_interview_it_was_given():
    # Only the rest of the plan travels back; the interview is the caller's
    # own object, as it is in one process.
    interviews = [
        Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z") for day in (23, 24, 25)
    ]
    plans = list(plan_many(interviews, now=NOW, workers=2, chunk_size=2))
    assert [plan.interview for plan in plans] == interviews
    assert all(
        plan.interview is interview
        for plan, interview in zip(plans, interviews, strict=True)
    )
    assert plans == [plan_followups(interview, now=NOW) for interview in interviews]


def test_what_a_plan_holds_beside_its_interview_makes_it_again():
    ada = Interview("Ada", "Acme", AT)
    # Planned late: FU010 speaks of steps of the plan, FU002 of none.
    plan = plan_followups(ada, now="2026-12-05T12:00:00-05:00")
    assert {finding.step is None for finding in plan.findings} == {True, False}
    again = plan_with(ada, pickle.loads(pickle.dumps(plan_parts(plan))))
    assert again == plan
    assert again.interview is ada
    # A finding about a step comes back about the same step object.
    for finding in again.findings:
        if finding.step is not None:
            assert any(finding.step is step for step in again.steps)


def test_at_most_held_chunks_a_process_are_read_before_the_first_plan_comes_out():
    taken = []

    def interviews():
        for day in range(1, 29):
            taken.append(day)
            yield Interview("Ada", "Acme", f"2026-11-{day:02d}T10:00:00Z")

    plans = plan_many(interviews(), now=NOW, workers=2, chunk_size=1)
    first = next(plans)
    assert first == plan_followups(
        Interview("Ada", "Acme", "2026-11-01T10:00:00Z"), now=NOW
    )
    # The other process is handed two; this one plans the next ones itself
    # while it waits, up to `HELD` chunks a process.
    assert 2 <= len(taken) <= HELD * 2
    plans.close()


SEEN: list[str] = []


@attrs.frozen
class Recorder:
    """A rule that notes each interview it plans, in the process it runs in."""

    code: ClassVar[str] = "REC001"
    name: ClassVar[str] = "recorder"
    summary: ClassVar[str] = "Notes what it plans."
    advice: ClassVar[tuple[str, ...]] = ()
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        SEEN.append(draft.facts.interview.candidate)
        return draft

    def check(self, facts, steps):
        return ()


def test_by_default_plans_are_made_here_one_after_another():
    # No process is started unless asked for: a rule set that cannot travel
    # to another process, or that keeps state in this one, works as it is.
    SEEN.clear()
    rules = RuleSet((*DEFAULT_RULES.rules, Recorder()))
    interviews = [Interview(name, "Acme", AT) for name in ("Ada", "Grace", "Alan")]
    plans = list(plan_many(interviews, now=NOW, rules=rules))
    assert [plan.interview.candidate for plan in plans] == ["Ada", "Grace", "Alan"]
    assert SEEN == ["Ada", "Grace", "Alan"]


@pytest.mark.parametrize(
    ("arguments", "field", "value", "message"),
    [
        ({"workers": "2"}, "workers", "2", "expected a whole number, got str '2'"),
        ({"workers": True}, "workers", True, "expected a whole number, got bool True"),
        ({"chunk_size": 0}, "chunk_size", 0, "0 is not 1 or more"),
    ],
)
def test_counts_are_whole_numbers_of_at_least_one(arguments, field, value, message):
    with pytest.raises(FollowUpError) as caught:
        list(plan_many([Interview("Ada", "Acme", AT)], **arguments))
    error = caught.value
    assert (error.field, error.value, str(error)) == (
        field,
        value,
        f"{field}: {message}",
    )


@pytest.mark.parametrize(
    "item", [["not", "a pair"], (Interview("Ada", "Acme", AT),), "Ada"]
)
def test_an_item_is_an_interview_or_a_pair_of_one_and_its_history(item):
    interviews = [Interview("Grace", "Acme", AT), item]
    with pytest.raises(InvalidTypeError) as caught:
        list(plan_many(interviews, now=NOW))
    error = caught.value
    assert (error.field, error.value) == ("interviews[1]", item)
    assert str(error).startswith(
        "interviews[1]: expected an Interview or (Interview, history), got "
    )

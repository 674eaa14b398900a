"""The worker side of `plan_many`, and how far it reads ahead of its consumer.

Workers run in processes of their own, where neither coverage nor mutation
testing follows them: here a worker's two steps run in this process.  And
the promise of flat memory, at most two chunks a worker in flight, is
pinned by counting the items taken when the first plan comes out.
"""

from __future__ import annotations

from followup import Event, Interview, plan_followups, plan_many
from followup._batch import _plan_chunk, _start_worker
from followup._ruleset import DEFAULT_RULES

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
NOW = "2026-11-24T12:00:00-05:00"


def test_a_worker_plans_its_chunk_with_the_now_and_rules_it_started_with():
    ada = Interview("Ada", "Acme", AT)
    sent = (Event("thank-you-sent", "2026-11-23T11:00:00-05:00"),)
    rules = DEFAULT_RULES.ignore("FU006")
    _start_worker(NOW, rules)
    assert _plan_chunk([(ada, sent), (ada, ())]) == [
        plan_followups(ada, sent, now=NOW, rules=rules),
        plan_followups(ada, (), now=NOW, rules=rules),
    ]
    # And not the default rules or each interview's own start.
    assert _plan_chunk([(ada, ())]) != [plan_followups(ada, now=NOW)]
    assert _plan_chunk([(ada, ())]) != [plan_followups(ada, rules=rules)]


def test_two_chunks_a_worker_are_read_before_the_first_plan_comes_out():
    taken = []

    def interviews():
        for day in range(10, 30):
            taken.append(day)
            yield Interview("Ada", "Acme", f"2026-11-{day}T10:00:00Z")

    plans = plan_many(interviews(), now=NOW, workers=2, chunk_size=1)
    first = next(plans)
    assert first == plan_followups(
        Interview("Ada", "Acme", "2026-11-10T10:00:00Z"), now=NOW
    )
    assert len(taken) == 4
    plans.close()

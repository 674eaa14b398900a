"""plan_followups against the hand-written stdlib planner of the benchmarks.

Two independent implementations of the same date work must agree on every
window and due time, in every zone and across daylight-saving changes.
"""

from __future__ import annotations

import pathlib
import sys

from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, plan_followups
from strategies import instants

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "benchmarks"))

from reference_planner import plan_by_hand


@given(instants(), st.integers(5, 120))
def test_the_engine_and_the_hand_written_planner_agree(at, minutes):
    # The reference knows only the default working week and no holidays.
    plan = plan_followups(Interview("Ada", "Acme", at, duration=minutes))
    ours = [(s.kind.value, s.window.start, s.window.end, s.due) for s in plan.steps]
    theirs = plan_by_hand(at, minutes, at.tzinfo.key)
    assert [(kind, *(m.isoformat() for m in rest)) for kind, *rest in ours] == [
        (kind, *(m.isoformat() for m in rest)) for kind, *rest in theirs
    ]

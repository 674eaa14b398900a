"""What hand mutants of the plan table, drafts and field checks showed untested.

Pins the table's "how" column naming a channel of one's own.
"""

from __future__ import annotations

from followup import (
    Finding,
    FollowUpPlan,
    Interview,
    Step,
    Window,
)
from followup.cli import table

AT = "2026-11-23T10:00:00-05:00[America/New_York]"
INTERVIEW = Interview("Ada Lovelace", "Acme", AT)
ZONE = "[America/New_York]"
WINDOW = Window(f"2026-11-25T09:00:00-05:00{ZONE}", f"2026-11-26T17:00:00-05:00{ZONE}")
HEAD = (
    "Ada Lovelace - phone interview with Acme, Mon 23 Nov 2026 10:00 EST\n"
    "planned as of Mon 23 Nov 2026 10:00 EST\n"
    "\n"
)


def _plan(*steps: Step, findings: tuple[Finding, ...] = ()) -> FollowUpPlan:
    return FollowUpPlan(INTERVIEW, steps, findings, (), INTERVIEW.at)


# -- the table ------------------------------------------------------------------


# Kills T09 as a bug: the "how" column said "other" for a channel of one's
# own, where the explanation and `followup due` name it (`Step.how`).
def test_the_table_names_a_kind_and_a_channel_of_ones_own() -> None:
    step = Step(
        "other",
        "other",
        WINDOW,
        WINDOW.start,
        "PST001",
        "Send it.",
        kind_name="postcard",
        channel_name="mail-drop",
    )
    assert table(_plan(step)) == HEAD + (
        "when                       what      how        why\n"
        "Wed 25 Nov 2026 09:00 EST  postcard  mail-drop  Send it.\n"
    )

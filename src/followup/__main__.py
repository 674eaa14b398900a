"""``python -m followup``: print the plan for the built-in example interview."""

from __future__ import annotations

import sys

from followup.example import example_interview
from followup.planning import plan_followups


def main() -> int:
    """Plan the example interview as of the end of its call and explain it."""
    interview = example_interview()
    sys.stdout.write(plan_followups(interview).explain() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

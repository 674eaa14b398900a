"""A plan as the command's text table: when, what, how and why, then the findings."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup._plan import FollowUpPlan

__all__ = ["table"]


def table(plan: FollowUpPlan, width: int = 100, zone: str | None = None) -> str:
    """The plan as a readable table: when, what, how and why, then the findings.

    Times are the recipient's, or the reader's `zone` with the recipient's
    beside them.
    """
    from followup._interview import interview_there  # noqa: PLC0415
    from followup._time import describe_for  # noqa: PLC0415
    from followup._time import zone as time_zone  # noqa: PLC0415

    reader = None if zone is None else time_zone(zone, "--zone")
    interview = plan.interview
    about = f"{interview.candidate} - phone interview with {interview.company}"
    lines = [
        f"{about}, {describe_for(interview_there(interview), reader)}",
        f"planned as of {describe_for(plan.as_of, reader)}",
        "",
    ]
    if not plan.steps:
        lines.append("Nothing to do.")
    else:
        head = ("when", "what", "how")
        rows = [
            (describe_for(s.due, reader), s.label, s.how, s.reason) for s in plan.steps
        ]
        sizes = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]
        indent = sum(sizes) + 6
        why_width = max(30, width - indent)
        lines.append(
            "  ".join(c.ljust(n) for c, n in zip(head, sizes, strict=True)) + "  why"
        )
        for *cells, why in rows:
            wrapped = textwrap.wrap(why, why_width) or [""]
            prefix = "  ".join(c.ljust(n) for c, n in zip(cells, sizes, strict=True))
            lines.append(f"{prefix}  {wrapped[0]}")
            lines.extend(" " * indent + more for more in wrapped[1:])
    if plan.findings:
        lines.append("")
        lines.extend(str(finding) for finding in plan.findings)
    return "\n".join(lines) + "\n"

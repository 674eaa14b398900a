"""The interview the reply, hold and agreed-call-back tests share.

A strong phone interview on Friday 20 November 2026 at 16:30 in New York,
late on the last working day of a week, with a US interviewer whose every
detail is known: the thank-you's 24 hours run into the weekend, and the
follow-up and the call fall in the weeks after.
"""

from __future__ import annotations

from followup import Contact, Interview

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-20T16:30:00-05:00[America/New_York]",
    interviewer=Contact(
        "Grace Hopper",
        email="grace@example.com",
        phone="+12125550123",
        timezone="America/New_York",
        country="US",
    ),
    performance="strong",
)

"""The interview the check and reason tests share: Ada with Acme, in New York.

A strong phone interview on Monday 23 November 2026 at 10:00, with an
interviewer whose every detail is known, so that no finding but the one a
test is about comes up (FU002 asks for nothing; FU011 knows the zone).
"""

from __future__ import annotations

from followup import Contact, Interview

INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact(
        "Grace Hopper",
        email="grace@example.com",
        phone="+1 212 555 0123",
        timezone="America/New_York",
        country="US",
        subdivision="NY",
    ),
    performance="strong",
)

"""Reasons and FU011's warnings, word for word, where a mutant changed them.

A review's mutation campaign found these survived every test: a stale move
sentence in a held follow-up's reason, FU011's warning of a zone of no place
said twice, its wording for a country of exactly three zones, a sentence a
move replaces after "!" or "?", and "0 business days".
"""

from __future__ import annotations

from followup import (
    DEFAULT_RULES,
    Channel,
    Contact,
    Event,
    EventKind,
    Facts,
    Interview,
    StepKind,
    moved_step,
    new_step,
    plan_followups,
)
from followup._steps import recorded_move
from new_york import INTERVIEW


def test_a_follow_up_held_by_a_pause_tells_each_move_once():
    paused = [Event(EventKind.PAUSED, "2026-11-24T11:40:00-05:00", until="2026-12-04")]
    plan = plan_followups(INTERVIEW, paused, now="2026-11-24T11:57:00-05:00")
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.reason == (
        "The follow-up comes 2 to 3 business days after the interview "
        "(Thanksgiving Day on Thu 26 Nov is no business day there) (A5), by email "
        "(A7), naming you and the date and time of the call, your interest in the "
        "company and why you fit (A8), in under 10 lines (A9). Held until Fri 4 Dec "
        "2026: you paused the follow-up until then. Moved to a business day after "
        "the thank-you, so that the two letters do not arrive together (A5). Moved "
        "to Mon 7 Dec 2026 09:00 EST, the next working time."
    )


def test_the_warning_of_a_zone_of_no_place_is_said_once():
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00",
        interviewer=Contact("Grace", email="g@example.com", phone="+1 212 555 0123",
                            country="US"),
    )  # fmt: skip
    away = [Event("away", "2026-11-23T15:40:00-05:00", until="2026-12-03")]
    plan = plan_followups(interview, away, now="2026-11-23T19:39:00-05:00")
    warned = [f.message for f in plan.findings if f.code == "FU011"]
    assert warned == [
        (
            "the interviewer (in US) has no time zone: working time is counted in "
            "the interview's, -05:00, a fixed offset that follows no daylight-saving "
            "change"
        )
    ]


def test_a_country_of_three_zones_has_them_named():
    interview = Interview(
        "Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00[America/New_York]",
        interviewer=Contact("Grace", email="g@example.com", phone="+1 212 555 0123",
                            country="ES"),
    )  # fmt: skip
    plan = plan_followups(interview, now="2026-11-23T10:05:00-05:00")
    (warning,) = [f for f in plan.findings if f.code == "FU011"]
    assert warning.message.endswith(
        "which keeps other hours than ES's (Africa/Ceuta, Atlantic/Canary, "
        "Europe/Madrid)"
    )
    assert warning.expected == "the interviewer's IANA time zone, Africa/Ceuta say"


def test_a_move_told_again_replaces_its_sentence_after_any_sentence_end():
    told = "Moved after X (b), so that Y (A10)."
    cases = {
        # At the start of the reason, before a sentence of its own.
        "Moved after X (a), so that Y (A10). Kept.": (
            "Moved after X (b), so that Y (A10). Kept."
        ),
        "Call now! Moved after X (a), so that Y (A10).": (
            "Call now! Moved after X (b), so that Y (A10)."
        ),
        "Why wait? Moved after X (a), so that Y (A10).": (
            "Why wait? Moved after X (b), so that Y (A10)."
        ),
    }
    for reason, expected in cases.items():
        assert recorded_move(reason, (), "FU012", told)[0] == expected
    # Words after the aside that differ make another sentence: both stay.
    reason = "Call (A10). Moved after X (a), so that Y (A10)."
    other = "Moved after X (b), so that Z (A10)."
    assert recorded_move(reason, (), "FU012", other)[0] == f"{reason} {other}"


def test_a_step_of_one_s_own_moved_again_says_its_move_once():
    facts = Facts.gather(INTERVIEW)
    step = new_step(
        facts, StepKind.OTHER, Channel.OTHER,
        ("2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00"), rule="OWN001",
        reason="Send the card now! Moved after the call (Mon 23 Nov), so that it "
        "lands later.",
        kind_name="card", channel_name="post",
    )  # fmt: skip
    moved = moved_step(
        step, facts, by="OWN002", at="2026-11-25T10:00:00-05:00",
        why="Moved after the call (Tue 24 Nov), so that it lands later.",
    )  # fmt: skip
    assert moved.reason == (
        "Send the card now! Moved after the call (Tue 24 Nov), so that it lands later."
    )


def test_no_business_days_are_days_in_the_plural():
    rules = DEFAULT_RULES.configure("FU004", earliest_days=0, latest_days=0)
    plan = plan_followups(INTERVIEW, now="2026-11-23T10:05:00-05:00", rules=rules)
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.reason.startswith(
        "The follow-up comes 0 business days after the interview (A5)"
    )

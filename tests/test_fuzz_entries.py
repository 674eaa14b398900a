"""Every public entry, fed anything: a value, or the library's documented error.

Each test throws hostile values at one entry point — wrong types, huge and
tiny numbers, NaN, text with control characters, naive and extreme
datetimes, nested containers — mixed with valid ones so that deeper checks
are reached too.  Whatever comes out must be a value or a `FollowUpError`;
no `TypeError`, `OverflowError` or `RecursionError` escapes.  The `ci`
profile keeps this quick; ``HYPOTHESIS_PROFILE=deep`` goes far.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    Event,
    Finding,
    FollowUpError,
    FollowUpPlan,
    Interview,
    Letter,
    Requirements,
    Step,
    Window,
    check_letter,
    check_plan,
    draft_follow_up,
    draft_thank_you,
    plan_followups,
)
from followup.testing import interviews

VALID_AT = "2026-11-23T10:00:00-05:00[America/New_York]"

hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 10**20, -(10**20), 2**63, 10**4200, -(10**4200)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf]),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "Ada\x1bLovelace",
            "A" * 5000,
            "P1000000000D",
            "PT4294967297M",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+01:00",
            "2026-03-08T02:30:00[America/New_York]",
            "2026-11-23T10:00:00[localtime]",
            "2026-11-23T10:00:00",
            "2026-11-23T10:00:00+05:00[America/New_York]",
            VALID_AT,
            "US",
            "NY",
            "+1 212 555 0123",
            "grace@example.com",
            "thank-you",
            "called",
            "no-answer",
            "email",
        ]
    ),
    st.binary(max_size=10),
    st.datetimes(),
    st.datetimes(
        timezones=st.sampled_from(
            [dt.timezone.utc, zoneinfo.ZoneInfo("Asia/Kathmandu")]
        )
    ),
    st.sampled_from(
        [
            dt.datetime.min.replace(tzinfo=dt.timezone.utc),
            dt.datetime.max.replace(tzinfo=dt.timezone.utc),
            pendulum.datetime(2026, 3, 8, 2, 30, tz="America/New_York"),
            dt.timedelta.max,
            dt.timedelta(0),
            dt.time(9),
            dt.date(2026, 1, 1),
        ]
    ),
)
hostile = st.recursive(
    hostile_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=2)
    ),
    max_leaves=6,
)


def attempt(make, *args, **kwargs):
    """Call `make`; a value or a FollowUpError is fine, anything else fails."""
    try:
        return make(*args, **kwargs)
    except FollowUpError:
        return None


@given(st.lists(hostile, min_size=1, max_size=6))
def test_contact(args):
    attempt(Contact, *args)


@given(
    hostile,
    hostile,
    hostile,
    st.dictionaries(
        st.sampled_from(["interviewer", "position", "duration", "performance"]),
        hostile,
    ),
)
def test_interview(candidate, company, at, extra):
    for args in (
        (candidate, company, at),
        ("Ada", "Acme", at),
        ("Ada", company, VALID_AT),
    ):
        attempt(Interview, *args, **extra)


@given(
    hostile,
    hostile,
    st.dictionaries(st.sampled_from(["outcome", "call_back_at", "channel"]), hostile),
)
def test_event(kind, at, extra):
    attempt(Event, kind, at, **extra)
    attempt(Event, "called", VALID_AT, **extra)


@given(hostile, hostile, hostile)
def test_window_and_its_methods(start, end, moment):
    window = attempt(Window, start, end)
    if window is None:
        window = Window(VALID_AT, VALID_AT)
    attempt(window.contains, moment)
    attempt(window.moved_to, moment)


@given(
    st.lists(hostile, min_size=6, max_size=6),
    st.dictionaries(
        st.sampled_from(
            [
                "requirements",
                "advice",
                "number",
                "agreed",
                "adjusted_by",
                "kind_name",
                "channel_name",
            ]
        ),
        hostile,
    ),
)
def test_step(args, extra):
    attempt(Step, *args, **extra)
    window = Window(VALID_AT, VALID_AT)
    attempt(Step, "call", "phone", window, VALID_AT, "ME1", "r", **extra)


@given(
    st.dictionaries(
        st.sampled_from(
            ["max_lines", "must_mention", "call_minutes", "talking_points"]
        ),
        hostile,
    )
)
def test_requirements(extra):
    attempt(Requirements, **extra)


@given(st.lists(hostile, min_size=3, max_size=6))
def test_finding(args):
    attempt(Finding, *args)


@given(interviews(), st.lists(hostile, min_size=4, max_size=4))
def test_follow_up_plan(interview, args):
    attempt(FollowUpPlan, interview, *args)


@given(interviews(), hostile, hostile)
def test_planning_with_hostile_history_and_now(interview, history, now):
    plan = attempt(plan_followups, interview, history, now=now)
    attempt(plan_followups, interview, now=now)
    attempt(plan_followups, interview, [history], now=now)
    if plan is not None:
        assert attempt(check_plan, plan) is not None
    attempt(check_plan, history, interview)
    attempt(plan_followups, history)


@given(interviews(), hostile, hostile)
def test_letters(interview, text, kind):
    attempt(Letter, text, interview, kind)
    attempt(check_letter, text, interview, kind)
    attempt(check_letter, text, interview)


# Letters as people paste them: the words dates, times, names and quotes are
# made of, in any order, with hostile ways of saying when and in what.
letter_words = st.sampled_from(
    [
        "Dear",
        "Ms.",
        "Dr.",
        "23",
        "11",
        "2026",
        "10:00",
        "10.00",
        "10h",
        "am",
        "p.m.",
        "o'clock",
        "noon",
        "half",
        "past",
        "ten",
        "the",
        "23rd",
        "of",
        "November",
        "Nov.",
        "Montag",
        "lundi",
        "lunes",
        "de",
        "a",
        "las",
        "Uhr",
        "heures",
        "EST",
        "UTC+05:30",
        "(",
        ")",
        "-",
        "--",
        "/",
        ".",
        ",",
        ":",
        ">",
        "\n",
        "\n\n",
        "wrote:",
        "schrieb",
        "Subject:",
        "$",
        "@",
        "www.",
        "yesterday",
        "gestern",
        "hier",
        "ayer",
        "this",
        "morning",
        "earlier",
        "week",
        "last",
        "thank",
        "thanks to my",
        "finding the right fit",
        "interested",
        "not",
        "years",
        "Acme",
        "Ada Lovelace",
        "Zoë",
        "&amp;",
        "\u00a0",
        "\u2019",
        "\u0301",
        "ß",
    ]
)


@given(
    interviews(),
    st.lists(letter_words, max_size=60).map(" ".join),
    st.sampled_from(["thank-you", "follow-up"]),
    st.one_of(hostile, st.just("2026-11-24T09:00:00-05:00")),
    st.one_of(hostile, st.sampled_from(["en", "de", "fr", "es"])),
    st.one_of(hostile, st.lists(st.text(max_size=8), max_size=3)),
)
def test_letters_read_with_hostile_send_times_languages_and_aliases(
    interview, text, kind, sent, language, aliases
):
    findings = attempt(
        check_letter,
        text,
        interview,
        kind,
        sent=sent,
        language=language,
        aliases=aliases,
    )
    if findings is not None:
        assert all(f.code in {"FU003", "FU004"} for f in findings)


@given(interviews(), hostile, hostile, hostile, hostile, hostile)
def test_drafts_with_hostile_styles(
    interview, language, locale, greeting, title, topic
):
    attempt(
        draft_thank_you,
        interview,
        language=language,
        locale=locale,
        greeting=greeting,
        title=title,
        topic=topic,
    )
    attempt(
        draft_follow_up,
        interview,
        language=language,
        locale=locale,
        greeting=greeting,
        title=title,
    )


@given(
    st.sampled_from([rule.code for rule in DEFAULT_RULES]),
    st.dictionaries(
        st.sampled_from(
            [
                "start",
                "end",
                "weekdays",
                "kinds",
                "holidays",
                "max_calls",
                "min_days_between",
                "earliest_days",
                "latest_days",
                "days",
                "channel",
                "max_lines",
                "line_width",
                "within_hours",
                "threshold",
                "call_minutes",
                "agreed_minutes",
                "max_sentences",
                "minutes_before_end",
                "unknown",
            ]
        ),
        hostile,
        max_size=3,
    ),
)
def test_configuring_a_rule(code, params):
    attempt(DEFAULT_RULES.configure, code, **params)

"""Every Hypothesis strategy the tests use, in one place.

Interviews are drawn from every IANA zone and, half the time, from the days
around a daylight-saving change of their zone, where date code breaks.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo

from hypothesis import strategies as st

from followup import (
    Contact,
    Event,
    EventKind,
    Interview,
    Outcome,
    Performance,
)

UTC = dt.timezone.utc
ZONE_NAMES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
# Countries whose holiday calendars the tests exercise; the first use of each
# costs 100-250 ms, so the list stays short.
COUNTRIES = ("US", "GB", "DE", "FR", "JP", "BR", "IN", "AU", "NZ", "ZA")
YEARS = (2000, 2035)


@functools.lru_cache(maxsize=4096)
def transitions(zone_name: str, year: int) -> tuple[dt.datetime, ...]:
    """The instants (UTC) in `year` where `zone_name` changes its offset."""
    tz = zoneinfo.ZoneInfo(zone_name)
    found = []
    step = dt.timedelta(hours=6)
    moment = dt.datetime(year, 1, 1, tzinfo=UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(tz).utcoffset()
    while moment < end:
        later = moment + step
        later_offset = later.astimezone(tz).utcoffset()
        if later_offset != offset:
            low, high = moment, later
            while high - low > dt.timedelta(minutes=1):
                mid = low + (high - low) / 2
                if mid.astimezone(tz).utcoffset() == offset:
                    low = mid
                else:
                    high = mid
            found.append(high)
            offset = later_offset
        moment = later
    return tuple(found)


zone_names = st.sampled_from(ZONE_NAMES)


@st.composite
def plain_instants(draw, zone_name=None):
    """Any instant between 2000 and 2035, in any zone."""
    name = draw(zone_names) if zone_name is None else zone_name
    moment = draw(
        st.datetimes(
            min_value=dt.datetime(YEARS[0], 1, 1),
            max_value=dt.datetime(YEARS[1], 12, 31),
            timezones=st.just(zoneinfo.ZoneInfo(name)),
            allow_imaginary=False,
        )
    )
    return moment.replace(second=0, microsecond=0)


@st.composite
def instants_near_transitions(draw, zone_name=None):
    """An instant within four days of a daylight-saving change of its zone."""
    name = draw(zone_names) if zone_name is None else zone_name
    year = draw(st.integers(*YEARS))
    changes = transitions(name, year)
    if not changes:
        return draw(plain_instants(zone_name=name))
    change = draw(st.sampled_from(changes))
    minutes = draw(st.integers(-4 * 24 * 60, 4 * 24 * 60))
    return (change + dt.timedelta(minutes=minutes)).astimezone(zoneinfo.ZoneInfo(name))


def instants(zone_name=None):
    """Instants in any zone, half of them near a daylight-saving change."""
    return st.one_of(
        plain_instants(zone_name=zone_name),
        instants_near_transitions(zone_name=zone_name),
    )


single_line_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"),
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")

# Up to the 100 characters a name may have, with spaces to wrap at.
long_text = (
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn", "Zs")
            ),
            min_size=1,
            max_size=30,
        ),
        min_size=1,
        max_size=12,
    )
    .map(" ".join)
    .map(lambda text: text[:100].strip())
    .filter(lambda text: text != "")
)

people = st.one_of(
    st.sampled_from(
        [
            "Ada Lovelace",
            "José Ramírez",
            "Zoë O'Neill",
            "Åsa Bergström-Lindqvist",
            "Nguyễn Thị Minh Khai",
            "{0.__class__}",
            "%s",
            "${x}",
        ]
    ),
    single_line_text,
    long_text,
)
companies = st.one_of(
    st.sampled_from(
        ["Acme", "Acme Inc.", "Müller & Söhne GmbH", "O'Reilly Media", "株式会社テスト"]
    ),
    single_line_text,
    long_text,
)
positions = st.one_of(st.none(), st.sampled_from(["data engineer", "CTO"]), long_text)
emails = st.sampled_from(
    [None, "grace@example.com", "hiring.team+phone@example.org", "r@example.co.uk"]
)
phones = st.sampled_from(
    [
        None,
        "+1 212 555 0123",
        "+44 20 7946 0958",
        "+33 1 23 45 67 89",
        "+81 3-1234-5678",
    ]
)


@st.composite
def contacts(draw, *, with_zone=None):
    """An interviewer, with any mix of the optional details."""
    zone = draw(st.one_of(st.none(), zone_names))
    if with_zone is True and zone is None:
        zone = draw(zone_names)
    if with_zone is False:
        zone = None
    return Contact(
        draw(people),
        email=draw(emails),
        phone=draw(phones),
        timezone=zone,
        country=draw(st.one_of(st.none(), st.sampled_from(COUNTRIES))),
    )


@st.composite
def interviews(draw, *, interviewer=None):
    """A phone interview anywhere, at any time, with or without an interviewer."""
    if interviewer is None:
        interviewer = draw(st.one_of(st.none(), contacts()))
    return Interview(
        draw(people),
        draw(companies),
        draw(instants()),
        interviewer=interviewer,
        position=draw(positions),
        duration=draw(st.integers(5, 180)),
        performance=draw(st.sampled_from(Performance)),
    )


_CALL_OUTCOMES = [None, Outcome.UNDECIDED, Outcome.NO_ANSWER]
_DECISIONS = [Outcome.OFFER, Outcome.REJECTED, Outcome.NEXT_ROUND]


@st.composite
def histories(draw, interview):
    """Events after `interview`, oldest first, then a `now` after them all.

    Returns ``(events, now)``.
    """
    moment = interview.ends_at
    events = []
    for _ in range(draw(st.integers(0, 5))):
        moment = moment + dt.timedelta(minutes=draw(st.integers(1, 20 * 24 * 60)))
        kind = draw(st.sampled_from(EventKind))
        if kind is EventKind.DECISION_RECEIVED:
            events.append(
                Event(kind, moment, outcome=draw(st.sampled_from(_DECISIONS)))
            )
            break
        if kind is EventKind.CALLED:
            outcome = draw(st.sampled_from([*_CALL_OUTCOMES, *_DECISIONS]))
            call_back = None
            if outcome in {None, Outcome.UNDECIDED} and draw(st.booleans()):
                call_back = moment + dt.timedelta(
                    minutes=draw(st.integers(10, 21 * 24 * 60))
                )
            events.append(Event(kind, moment, outcome=outcome, call_back_at=call_back))
            if outcome in _DECISIONS:
                break
        else:
            events.append(Event(kind, moment))
    now = moment + dt.timedelta(minutes=draw(st.integers(0, 30 * 24 * 60)))
    if not events:
        start = interview.at
        now = start + dt.timedelta(minutes=draw(st.integers(0, 40 * 24 * 60)))
    return events, now

"""check_letter and the drafts: what each finding fires on, and what it leaves alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    DEFAULT_RULES,
    Contact,
    FollowUpError,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Letter,
    Severity,
    StepKind,
    check_letter,
    draft_follow_up,
    draft_thank_you,
    plan_followups,
)
from followup._letters import count_lines, count_sentences, dates_in, times_in
from followup._writing import _OPENERS, FIT_LENGTH
from strategies import interviews, long_text, single_line_text

# Monday 23 November 2026, 10:00 in New York.
INTERVIEW = Interview(
    "Ada Lovelace",
    "Acme",
    "2026-11-23T10:00:00-05:00[America/New_York]",
    interviewer=Contact("Grace Hopper", timezone="America/New_York"),
    position="data engineer",
)
AFTERNOON = Interview(
    "Ada Lovelace", "Acme", "2026-11-23T14:30:00-05:00[America/New_York]"
)


def summary(findings):
    return [(f.code, f.severity.value, f.message.split(" (A")[0]) for f in findings]


GOOD_FOLLOW_UP = """Dear Grace,

I am writing to follow up on our phone interview on 23 November at 10:00.
I remain very interested in Acme. My experience building data pipelines
matches what the team needs.

Best regards,
Ada Lovelace"""

GOOD_THANK_YOU = """Dear Grace,

Thank you for taking the time to speak with me on Monday at 10 am. I am
excited about the chance to join Acme.

Best,
Ada Lovelace"""


# Real-looking letters written by hand, and what the rules make of them.
LETTERS = [
    pytest.param(GOOD_FOLLOW_UP, StepKind.FOLLOW_UP, [], id="good follow-up"),
    pytest.param(GOOD_THANK_YOU, StepKind.THANK_YOU, [], id="good thank-you"),
    pytest.param(
        "Hi Grace, thanks so much for the call on Nov. 23 at 10:00 AM! "
        "I'd love to be part of Acme. - Ada Lovelace",
        StepKind.THANK_YOU,
        [],
        id="breezy thank-you",
    ),
    pytest.param(
        "Dear Ms Hopper,\n\nFurther to our call of 2026-11-23 (10 a.m.), I remain keen "
        "on the role at ACME and believe my background in analytics suits it well.\n\n"
        "Yours sincerely,\nada lovelace",
        StepKind.FOLLOW_UP,
        [],
        id="formal follow-up, other case and forms",
    ),
    pytest.param(
        "Dear Grace,\nThank you for the interview on 11/23 at 10am. I am excited about "
        "Acme.\nAda Lovelace",
        StepKind.THANK_YOU,
        [],
        id="US numeric date",
    ),
    pytest.param(
        "Dear Grace,\nThank you for the interview yesterday. I am excited about Acme.\n"
        "Ada Lovelace",
        StepKind.THANK_YOU,
        [
            ("FU003", "error", "the thank-you does not name the date of the interview"),
            ("FU003", "error", "the thank-you does not name the time of the interview"),
        ],
        id="relative date and no time",
    ),
    pytest.param(
        "Dear Grace,\nThank you for the interview on 24 November at 11:00. "
        "I am excited about Acme.\nAda Lovelace",
        StepKind.THANK_YOU,
        [
            ("FU003", "error", "the thank-you does not name the date of the interview"),
            ("FU003", "error", "the thank-you does not name the time of the interview"),
        ],
        id="wrong date and time",
    ),
    pytest.param(
        "Dear Grace,\nI spoke with you on 23 November at 10:00 and want to know the "
        "decision.\nAda",
        StepKind.THANK_YOU,
        [
            ("FU003", "error", "the thank-you does not name the candidate"),
            ("FU003", "error", "the thank-you does not name the company"),
            ("FU003", "warning", "the letter does not seem to thank the interviewer"),
            (
                "FU003",
                "warning",
                "the letter does not seem to show interest in the company",
            ),
        ],
        id="curt and unsigned",
    ),
    pytest.param(
        "\n".join(
            [
                "Dear Grace,",
                "",
                "Thank you for the phone interview on 23 November at 10:00.",
                "I remain very interested in the role.",
            ]
            + [
                f"Point {n}: my experience at Acme matters a great deal to me."
                for n in range(7)
            ]
            + ["", "Best regards,", "Ada Lovelace"]
        ),
        StepKind.FOLLOW_UP,
        [("FU004", "error", "the follow-up letter runs to 12 lines: keep it under 10")],
        id="follow-up of twelve lines",
    ),
    pytest.param(
        "Dear Grace, following up on our call on Monday 23 November at 10:00 "
        "about Acme. Ada Lovelace",
        StepKind.FOLLOW_UP,
        [
            (
                "FU004",
                "warning",
                "the letter does not seem to show interest in the company",
            ),
            ("FU004", "warning", "the letter does not seem to say why you fit the job"),
        ],
        id="follow-up without interest or fit",
    ),
    pytest.param(
        " ".join(["Thank you for the call on 23 November at 10:00."] * 4)
        + " I am keen on Acme. I really am. Truly. Ada Lovelace",
        StepKind.THANK_YOU,
        [("FU003", "warning", "the thank-you runs long: a few sentences are enough")],
        id="rambling thank-you",
    ),
    pytest.param("", StepKind.FOLLOW_UP, "all facts missing", id="empty follow-up"),
]


@pytest.mark.parametrize(("text", "kind", "expected"), LETTERS)
def test_hand_written_letters(text, kind, expected):
    findings = check_letter(text, INTERVIEW, kind)
    if expected == "all facts missing":
        assert [f.severity for f in findings].count(Severity.ERROR) == 4
        assert len(findings) == 6
    else:
        assert summary(findings) == expected


@pytest.mark.parametrize(
    "written",
    [
        "23 November",
        "23rd November",
        "23rd of November",
        "November 23",
        "November 23rd, 2026",
        "Nov. 23",
        "Nov 23",
        "23 Nov 2026",
        "11/23",
        "23/11/2026",
        "2026-11-23",
        "Monday",
        "MONDAY",
    ],
)
def test_the_date_in_the_forms_people_write(written):
    assert Letter(f"We spoke on {written}.", INTERVIEW).names_date()


@pytest.mark.parametrize(
    "written",
    [
        "24 November",
        "November 2",
        "Nov. 22",
        "11/24",
        "2026-11-24",
        "Tuesday",
        "23/11/2025",
    ],
)
def test_other_dates_are_not_the_interviews(written):
    assert not Letter(f"We spoke on {written}.", INTERVIEW).names_date()


@pytest.mark.parametrize(
    "written",
    ["10:00", "10.00", "10h00", "10 am", "10am", "10:00 AM", "10 a.m.", "10:00am"],
)
def test_the_time_in_the_forms_people_write(written):
    assert Letter(f"We spoke at {written} sharp.", INTERVIEW).names_time()


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("2:30 pm", True),
        ("2:30 p.m.", True),
        ("14:30", True),
        ("2:30", True),
        ("2.30pm", True),
        ("2:30 am", False),
        ("14:00", False),
        ("2 pm", False),
        ("10:00", False),
    ],
)
def test_afternoon_times(written, found):
    assert Letter(f"We spoke at {written}.", AFTERNOON).names_time() is found


def test_the_date_counts_in_the_interviewers_zone_the_time_in_either():
    london = Interview(
        "Ada Lovelace",
        "Acme",
        "2026-11-23T22:00:00-05:00[America/New_York]",
        interviewer=Contact("Sam", timezone="Europe/London"),
    )
    assert Letter("on 24 November at 03:00", london).names_date()
    assert Letter("on 24 November at 03:00", london).names_time()
    # The candidate's own clock names the same instant.
    assert Letter("on 23 November at 22:00", london).names_time()
    assert not Letter("on 23 November at 21:00", london).names_time()
    assert not Letter("on 23 November at 03:00", london).names_date()
    assert not Letter("on 23 November at 22:00", london).names_date()


def test_missing_facts_say_what_was_expected_and_what_was_found():
    findings = check_letter(
        "Thanks for 24 November at 11:00, Acme! Ada Lovelace", INTERVIEW, "thank-you"
    )
    date, time = [f for f in findings if f.severity is Severity.ERROR]
    assert date.expected == "23 November 2026 (or Nov. 23, 11/23, 2026-11-23, Monday)"
    assert date.actual == "24 november"
    assert time.expected == "10:00 or 10 am"
    assert time.actual == "11:00"


def test_names_match_whatever_the_case_spacing_and_apostrophes():
    irish = Interview("Zoë O'Neill", "Acme", INTERVIEW.at)
    assert Letter("Best, ZOË  O\u2019NEILL", irish).names("Zoë O'Neill")
    decomposed = "Zoe\u0308 O'Neill"
    assert Letter(f"Best, {decomposed}", irish).names("Zoë O'Neill")


def test_the_line_limit_comes_from_the_same_parameter_as_the_plan():
    rules = DEFAULT_RULES.configure("FU004", max_lines=5)
    plan = plan_followups(INTERVIEW, rules=rules)
    (follow_up,) = [s for s in plan.steps if s.kind is StepKind.FOLLOW_UP]
    assert follow_up.requirements.max_lines == 5
    assert check_letter(GOOD_FOLLOW_UP, INTERVIEW) == ()
    (finding,) = check_letter(GOOD_FOLLOW_UP, INTERVIEW, rules=rules)
    assert (finding.expected, finding.actual) == (
        "at most 5 lines",
        "6 lines at 80 columns",
    )


def test_lines_are_counted_after_wrapping_at_the_configured_width():
    assert count_lines("word " * 40, 80) == 3
    assert count_lines("word " * 40, 40) == 5
    assert count_lines("a\n\n   \nb", 80) == 2
    narrow = DEFAULT_RULES.configure("FU004", line_width=30)
    (finding,) = check_letter(GOOD_FOLLOW_UP, INTERVIEW, rules=narrow)
    assert finding.actual == "10 lines at 30 columns"


def test_sentences_ignore_the_stops_inside_names():
    assert (
        count_sentences("Thanks! Dr. J. R. Smith sends regards.", ["Dr. J. R. Smith"])
        == 2
    )
    assert count_sentences("Really?! Yes... ok") == 2


def test_the_sentence_limit_is_a_parameter():
    strict = DEFAULT_RULES.configure("thank-you-immediately", max_sentences=1)
    (finding,) = check_letter(GOOD_THANK_YOU, INTERVIEW, "thank-you", rules=strict)
    assert (finding.expected, finding.actual) == ("at most 1 sentences", "2 sentences")


def test_ignoring_the_rules_silences_their_letter_checks():
    assert check_letter("", INTERVIEW, rules=DEFAULT_RULES.ignore("FU004")) == ()
    assert (
        check_letter("", INTERVIEW, "thank-you", rules=DEFAULT_RULES.ignore("FU003"))
        == ()
    )


def test_check_letter_refuses_what_is_not_a_letter():
    with pytest.raises(InvalidValueError, match="kind: 'call' is not a letter"):
        check_letter("Hello", INTERVIEW, StepKind.CALL)
    with pytest.raises(InvalidValueError, match="kind: 'postcard' is not a StepKind"):
        check_letter("Hello", INTERVIEW, "postcard")
    with pytest.raises(InvalidTypeError, match="text: expected the letter's text"):
        check_letter(None, INTERVIEW)
    with pytest.raises(InvalidTypeError, match="interview: expected an Interview"):
        check_letter("Hello", "Acme")


def test_mentions_are_found_in_the_order_written():
    assert [m.text for m in dates_in("Nov. 23 or 23 November")] == [
        "nov. 23",
        "23 november",
    ]
    assert [m.text for m in times_in("at 10 am, not 10:30")] == ["10 am", "10:30"]


def test_drafts_pass_their_check_and_keep_the_users_strings():
    odd = Interview("{0.__class__}", "%s & ${x}", INTERVIEW.at, position="{position}")
    thanks = draft_thank_you(odd)
    follow = draft_follow_up(odd, fit="I know {0} and %d")
    assert "{0.__class__}" in thanks
    assert "%s & ${x}" in thanks
    assert "I know {0} and %d." in follow
    assert check_letter(thanks, odd, "thank-you") == ()
    assert check_letter(follow, odd) == ()


def test_a_fit_sentence_keeps_its_own_stop():
    assert "for years!" in draft_follow_up(INTERVIEW, fit="I have done this for years!")
    assert "years!." not in draft_follow_up(
        INTERVIEW, fit="I have done this for years!"
    )


@pytest.mark.parametrize(
    ("fit", "message"),
    [
        ("", "is empty"),
        ("a\nb", "line break"),
        ("x" * (FIT_LENGTH + 1), "characters long"),
    ],
)
def test_a_bad_fit_is_refused(fit, message):
    with pytest.raises(FollowUpError, match=f"^fit: .*{message}"):
        draft_follow_up(INTERVIEW, fit=fit)


def test_under_tight_limits_the_most_compact_draft_comes_back():
    tight = DEFAULT_RULES.configure("FU004", max_lines=2)
    draft = draft_follow_up(INTERVIEW, rules=tight)
    # The greeting keeps the interviewer's name; the sign-off shares a line.
    assert draft.startswith("Dear Grace Hopper,\nFollowing up")
    assert draft.endswith("\nBest regards, Ada Lovelace")
    assert [f.code for f in check_letter(draft, INTERVIEW, rules=tight)] == ["FU004"]


@given(interviews())
def test_a_thank_you_draft_passes_for_every_interview(interview):
    draft = draft_thank_you(interview)
    assert check_letter(draft, interview, "thank-you") == ()
    assert interview.candidate in draft
    assert interview.company in draft


@given(interviews())
def test_a_follow_up_draft_passes_for_every_interview(interview):
    draft = draft_follow_up(interview)
    assert check_letter(draft, interview) == ()
    assert count_lines(draft, 80) <= 9


# A reason to fit as people write one: words of everyday length.
everyday_fits = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'-", min_size=1, max_size=14),
    min_size=1,
    max_size=12,
).map(" ".join)


@given(interviews(), everyday_fits)
def test_a_follow_up_draft_keeps_an_everyday_fit_and_passes(interview, fit):
    draft = draft_follow_up(interview, fit=fit)
    assert check_letter(draft, interview) == ()
    assert fit in draft


@given(
    interviews(), st.one_of(single_line_text, long_text.map(lambda t: t[:FIT_LENGTH]))
)
def test_any_fit_passes_or_is_refused_by_name(interview, fit):
    try:
        draft = draft_follow_up(interview, fit=fit)
    except InvalidValueError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        assert refused.field == "fit"
        assert "shorten it" in str(refused)
    else:
        assert [
            f for f in check_letter(draft, interview) if f.severity is Severity.ERROR
        ] == []
        # After its colon the fit goes on in lower case: a capital is dropped
        # only from one of the ordinary openers of English ("My team").
        # An opener of one letter ("A 0") is lowered too; one in capitals
        # ("AN") is kept, as an acronym would be.
        fit = fit.strip()
        lowered = fit[0].lower() + fit[1:]
        first = fit.split(maxsplit=1)[0]
        opener = first.casefold() in _OPENERS["en"]
        assert fit in draft or (
            fit[0].isupper()
            and not first[1:2].isupper()
            and opener
            and lowered in draft
        )


def test_a_fit_too_long_for_these_names_is_refused():
    # Two words of 46 letters never share a line; neither do the fit's.
    kiritimati = "2026-09-23T10:00:00+14:00[Pacific/Kiritimati]"
    crowded = Interview(" ".join(["a"] * 50), " ".join(["x" * 46] * 2), kiritimati)
    with pytest.raises(InvalidValueError, match=r"^fit: .* leaves no draft under"):
        draft_follow_up(crowded, fit=" ".join(["f" * 20] * 7))
    assert check_letter(draft_follow_up(crowded), crowded) == ()


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Dear Ms. Smith: thank you for the call.", 1),
        ("Dear Dr. Hopper, thank you. It was a pleasure.", 2),
        ("Thank you for the call at 10 a.m. today.", 1),
        ("I enjoyed it, e.g. the part on pipelines. Thanks!", 2),
        ("I worked at Acme Inc. for years.", 1),
    ],
)
def test_titles_and_abbreviations_end_no_sentence(text, sentences):
    assert count_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("Please check your inbox.", "Box", False),
        ("Also, thank you.", "Al", False),
        ("Thank you, Al.", "Al", True),
        ("Working at Box would be great.", "Box", True),
        ("AT&T was a pleasure to talk to.", "AT&T", True),
    ],
)
def test_names_match_whole_words_only(text, phrase, found):
    interview = Interview("Ada Lovelace", phrase, "2026-11-23T10:00:00-05:00")
    assert Letter(text, interview, "thank-you").names(phrase) is found

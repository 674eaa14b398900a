"""What hand mutants of the plan table, drafts and field checks showed untested.

Pins the table's columns (a step's number, a kind and a channel of one's
own, a column narrower than its heading, every finding), `DraftWindow`'s
length, a hand-built `DraftStep`'s defaults, the order `of_kind` keeps,
`replacing` by identity when two steps are equal, `dropping` several steps,
and the field checks: names of at most `NAME_LENGTH` characters once
stripped (a trailing newline stripped, not refused), refusals quoting the
value as given, the Unicode line and paragraph separators as line breaks,
and text or bytes refused whole where a sequence is wanted.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from followup import (
    Channel,
    Draft,
    DraftStep,
    DraftWindow,
    Facts,
    Finding,
    FollowUpPlan,
    Interview,
    InvalidTypeError,
    InvalidValueError,
    Requirements,
    Step,
    StepKind,
    Window,
    new_step,
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


# Kills T08 (the "what" column showing `what`, not `label`, so no "#2").
def test_the_table_numbers_a_second_step_of_a_kind() -> None:
    step = Step("follow-up", "email", WINDOW, WINDOW.start, "FU004", "Send it.", number=2)  # fmt: skip
    assert table(_plan(step)) == HEAD + (
        "when                       what          how    why\n"
        "Wed 25 Nov 2026 09:00 EST  follow-up #2  email  Send it.\n"
    )


# Kills T10 (column widths from the rows alone, the heading left out): a
# kind of one's own may be shorter than the word "what" above it.
def test_a_column_is_as_wide_as_its_heading_when_its_cells_are_narrower() -> None:
    step = Step("other", "email", WINDOW, WINDOW.start, "DM001", "Send it.", kind_name="dm")  # fmt: skip
    assert table(_plan(step)) == HEAD + (
        "when                       what  how    why\n"
        "Wed 25 Nov 2026 09:00 EST  dm    email  Send it.\n"
    )


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


# Kills T25 (only the first finding printed).
def test_the_table_lists_every_finding_after_a_blank_line() -> None:
    findings = (
        Finding("FU001", "warning", "First."),
        Finding("FU002", "info", "Second."),
    )
    assert table(_plan(findings=findings)) == HEAD + (
        "Nothing to do.\n\nFU001 warning: First.\nFU002 info: Second.\n"
    )


# -- draft windows and draft steps -----------------------------------------------

START = dt.datetime(2026, 11, 24, 15, 0, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 11, 24, 17, 0, tzinfo=dt.timezone.utc)


# Kills S06 (length as start - end).
def test_a_draft_windows_length_runs_from_start_to_end() -> None:
    assert DraftWindow(START, END).length == dt.timedelta(hours=2)


# Kills S10 (a hand-built draft step numbered 0 by default) and S22 (advice
# given by default).
def test_a_draft_step_built_by_hand_is_the_first_of_its_kind_by_default() -> None:
    step = DraftStep(
        kind=StepKind.CALL,
        channel=Channel.PHONE,
        window=DraftWindow(START, END),
        due=START,
        rule="ME1",
        reason="r",
        requirements=Requirements(),
    )
    assert (step.number, step.label, step.agreed) == (1, "call", False)
    assert (step.advice, step.adjusted_by) == ((), ())
    assert (step.kind_name, step.channel_name) == (None, None)


# -- drafts ---------------------------------------------------------------------

FACTS = Facts.gather(Interview("Ada", "Acme", AT))
TUESDAY = "2026-11-24T10:00:00-05:00"
WEDNESDAY = "2026-11-25T10:00:00-05:00"


def _call(at: str = TUESDAY, number: int = 1) -> DraftStep:
    return new_step(
        FACTS, "call", "phone", (at, at), rule="ME1", reason="r", number=number
    )


# Kills D24 (of_kind sorting by due): the order is the order of proposing.
def test_of_kind_keeps_the_order_of_proposing_not_of_due() -> None:
    later, earlier = _call(WEDNESDAY), _call(TUESDAY, number=2)
    found = Draft(FACTS).proposing(later, earlier).of_kind("call")
    assert [step is want for step, want in zip(found, (later, earlier), strict=True)] == [True, True]  # fmt: skip


# Kills D39 (a step found by equality): an equal copy is not the draft's step,
# and replacing it would replace nothing.
def test_replacing_an_equal_copy_of_a_step_is_refused() -> None:
    step = _call()
    draft = Draft(FACTS).proposing(step)
    copy = attrs.evolve(step)
    assert copy == step
    with pytest.raises(InvalidValueError) as caught:
        draft.replacing(copy, _call(WEDNESDAY))
    assert str(caught.value) == "replacing: 'call' is not a step of this draft"


# Kills D42 and D43 (steps and findings matched by equality): of two equal
# steps, only the one named is replaced, and a finding about the other
# stays with it.
def test_replacing_one_of_two_equal_steps_leaves_the_other_and_its_finding() -> None:
    first, second = _call(), _call()
    assert first == second
    findings = (
        Finding("ME1", "warning", "About the first.", step=first),  # type: ignore[arg-type]
        Finding("ME1", "warning", "About the second.", step=second),  # type: ignore[arg-type]
    )
    draft = Draft(FACTS).proposing(first, second).noting(*findings)
    moved = _call(WEDNESDAY)
    after = draft.replacing(first, moved)
    assert (after.steps[0] is moved, after.steps[1] is second) == (True, True)
    assert (after.findings[0].step is moved, after.findings[1].step is second) == (
        True,
        True,
    )


# Kills D62 (only the first step given dropped): every step given goes.
def test_dropping_several_steps_drops_them_all() -> None:
    first, second, kept = _call(), _call(WEDNESDAY, number=2), _call(number=3)
    draft = Draft(FACTS).proposing(first, second, kept)
    assert draft.dropping(first, second).steps == (kept,)


# -- field checks ---------------------------------------------------------------


def _cut(value: str) -> str:
    """How a message quotes text of more than 80 characters."""
    return f"{value[:80] + '…'!r} ({len(value)} characters)"


# Kills F07 (the length of the text before stripping): spaces around a name
# do not count towards its 100 characters.
def test_spaces_around_a_name_do_not_count_towards_its_length() -> None:
    assert Interview("Ada", " " + "A" * 100 + " ", AT).company == "A" * 100


# Kills F53 (the length in the message counting the spaces stripped).
def test_the_length_refused_is_that_of_the_stripped_name() -> None:
    name = " " + "A" * 101
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada", name, AT)
    assert str(caught.value) == (
        f"Interview.company: {_cut(name)} is 101 characters long (at most 100)"
    )


# Kills F10 (optional_single_line losing `most`): a position is capped too.
def test_a_position_of_more_than_a_hundred_characters_is_refused() -> None:
    assert Interview("Ada", "Acme", AT, position="P" * 100).position == "P" * 100
    with pytest.raises(InvalidValueError) as caught:
        Interview("Ada", "Acme", AT, position="P" * 101)
    assert str(caught.value).endswith(" is 101 characters long (at most 100)")


# Kills F37 and F38 (the Unicode line and paragraph separators let through):
# they break a line as a newline does.
@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_name_with_a_unicode_line_separator_is_refused(separator: str) -> None:
    name = f"Ada{separator}Lovelace"
    with pytest.raises(InvalidValueError) as caught:
        Interview(name, "Acme", AT)
    assert str(caught.value) == f"Interview.candidate: {name!r} holds a line break"


# Kills F21 (bytes iterated as a sequence): refused whole, as text is.
@pytest.mark.parametrize(
    ("value", "shown"), [(b"ab", "bytes b'ab'"), ("ab", "str 'ab'")]
)
def test_text_or_bytes_for_a_sequence_of_strings_is_refused_whole(
    value: object, shown: str
) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Requirements(talking_points=value)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"Requirements.talking_points: expected a sequence of strings, got {shown}"
    )


# Kills F22 (text iterated as its characters): where a sequence of findings
# is wanted, text is refused whole, not as its first character.
def test_text_for_a_drafts_findings_is_refused_whole() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Draft(FACTS, findings="ab")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "Draft.findings: expected a sequence of Finding, got str 'ab'"
    )


# Kills F63 (controls looked for before stripping): a name ending in a
# newline, as read from a file, is kept without it.
def test_a_trailing_newline_is_stripped_not_refused() -> None:
    assert Interview("Ada Lovelace\n", "Acme", AT).candidate == "Ada Lovelace"


# Kills F64 and F65 (the message quoting the stripped text): a refusal
# quotes the value as it was given.
@pytest.mark.parametrize(
    ("name", "problem"),
    [(" Ada\nLovelace ", "holds a line break"), ("   ", "is empty")],
)
def test_a_refused_name_is_quoted_as_given(name: str, problem: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        Interview(name, "Acme", AT)
    assert str(caught.value) == f"Interview.candidate: {name!r} {problem}"

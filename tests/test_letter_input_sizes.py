"""Letters of any size and shape are read in time linear in their length.

No test here times anything: the inputs below made the old readers
backtrack (a run of dots: 100 KB took minutes) or strip the same chunk once
per wrapped line (a run of no-break spaces: 4 MB took half a minute).  Here
they are read at once; were the reading quadratic again, the suite would
not finish.  `benchmarks/letters.py` prints the time of a 10 MB letter.
"""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import Interview, check_letter
from followup._languages import words_in
from followup._letters import (
    READ_LIMIT,
    Letter,
    count_lines,
    count_sentences,
    dates_in,
    times_in,
)

INTERVIEW = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")

# The pattern before the fix: the same matches, found by backtracking.
_OLD_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"')\]]|$)")


def test_a_long_run_of_dots_is_no_sentence_end_and_reads_at_once():
    assert count_sentences("." * 400_000 + "x") == 0
    assert count_sentences("Thanks" + "!?" * 200_000 + " Ada.") == 2


def test_a_long_run_of_no_break_spaces_is_one_space():
    assert count_lines("a" + "\u00a0" * 4_000_000 + "b", 80) == 1
    assert count_lines("x" * 4_000_000, 80) == 50_000


def test_huge_letters_of_every_shape_come_back_with_findings():
    for text in (
        "." * 1_000_000 + "x",
        "\u00a0" * 1_000_000,
        ("1" + " " * 999) * 1_000,
        "\t" * 1_000_000 + "Acme",
    ):
        for kind in ("thank-you", "follow-up"):
            findings = check_letter(text, INTERVIEW, kind)
            assert any(f.severity.value == "error" for f in findings)


# Shapes that made this session's readers slow before they were written
# to stay linear: a line of dashes (a forward rule searched at each dash), a
# long word before an "@" (an address searched at each letter), and the
# words that start dates and times, a million times over.
NEW_SHAPES = {
    "a line of dashes": "-" * 1_000_000,
    "a long word, then an address": "a" * 1_000_000 + " ada@acme.example",
    "numbers": "1 " * 500_000,
    "clock times": "10:00 " * 200_000,
    "the": "the " * 250_000,
    "quote headers": "On Monday Grace wrote x\n" * 40_000 + ":",
    "negated thanks": "thanks to my " * 80_000,
    "Spanish hours": "a las " * 200_000,
    "German participles": "habe " * 200_000,
    "words run into numbers": "".join(f"on{i}th " for i in range(150_000)),
}


def test_words_run_into_numbers_are_cut_apart_at_once():
    # Each such word ("23rd", "10am") is cut where its letters meet its
    # digits; a hundred thousand different ones take one pass, not one each.
    text = "".join(f"on{i}th " for i in range(100_000))
    assert len(words_in(text)) == 300_000
    assert dates_in(text) == ()
    assert times_in(text) == ()


@pytest.mark.parametrize("shape", NEW_SHAPES, ids=list(NEW_SHAPES))
def test_megabytes_of_the_words_dates_and_times_start_with_read_at_once(shape):
    for language in (None, "de", "fr", "es"):
        findings = check_letter(
            NEW_SHAPES[shape],
            INTERVIEW,
            "thank-you",
            language=language,
            sent="2026-11-24T09:00:00-05:00",
        )
        assert any(f.severity.value == "error" for f in findings)


def test_only_the_start_of_a_huge_text_is_searched_its_length_is_counted_whole():
    facts = "Thank you, Acme, for 23 November at 10:00. Ada Lovelace. "
    assert Letter(facts + "x " * 10, INTERVIEW).names_date()
    assert not Letter("x " * READ_LIMIT + facts, INTERVIEW).names_date()
    # 250,000 characters, 16 words to a line of 80 columns: all counted.
    assert Letter("word " * READ_LIMIT, INTERVIEW).lines(80) == READ_LIMIT // 16


marks = st.text(alphabet=".!?…x \n\"')]", max_size=60)


@given(marks)
def test_sentence_ends_are_those_the_old_pattern_found(text):
    assert count_sentences(text) == len(_OLD_SENTENCE_END.findall(text))


# Ordinary text: words no longer than the width, one space or a line break
# between them; there the count is exactly textwrap's.
words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)
ordinary = st.lists(
    st.tuples(words, st.sampled_from([" ", " ", " ", "\n"])), max_size=80
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@given(ordinary, st.integers(12, 90))
def test_lines_are_those_textwrap_counts_on_ordinary_text(text, width):
    expected = sum(
        len(textwrap.wrap(line, width=width, break_on_hyphens=False))
        for line in text.splitlines()
        if line.strip()
    )
    assert count_lines(text, width) == expected


@given(st.integers(1, 500), st.integers(20, 200))
def test_a_long_word_takes_the_lines_it_needs(size, width):
    assert count_lines("x" * size, width) == -(-size // width)
    # After a short word it starts a line of its own.
    assert count_lines("ab " + "x" * size, width) == (
        1 + -(-size // width) if size > width - 3 else 1
    )


def greedy_fill(line: str, width: int) -> int:
    """The reference: the lines a word-by-word greedy fill makes of `line`."""
    lines = used = 0
    for word in line.split():
        if used and used + 1 + len(word) <= width:
            used += 1 + len(word)
            continue
        if used:
            lines += 1
        full = (len(word) - 1) // width
        lines += full
        used = len(word) - full * width
    return lines + 1 if used else lines


@given(
    st.text(alphabet="ab \u00a0\t\n", max_size=300).map(
        lambda text: text.replace("ab", "a" * 30)
    ),
    st.integers(1, 40),
)
def test_lines_are_those_a_word_by_word_fill_makes(text, width):
    expected = sum(
        (1 if line.strip() else 0) if len(line) <= width else greedy_fill(line, width)
        for line in text.splitlines()
    )
    assert count_lines(text, width) == expected

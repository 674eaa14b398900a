"""Where a letter's signature block and a wrapped reply header start.

`letter_parts` cuts a pasted letter; these pin the two places where an
off-by-one line puts a letter's own sentence into the quoted reply or leaves
a signature in the own text: the line right below a ``--`` delimiter, and an
"On ... wrote:" header a mail program wrapped over two lines.  Then how the
own text is measured and searched (`followup._letters`): lines at a width
(a word longer than the width starts a line of its own), sentence ends
hidden by an abbreviation or a date's stops, and the folded forms a phrase
is looked for in.
"""

from __future__ import annotations

import pytest

from followup import Interview
from followup._letter_parts import LetterParts, letter_parts
from followup._letters import Letter, count_lines, count_sentences, normalise, says_any


def test_a_signature_of_one_line_right_below_the_delimiter_is_cut_off():
    assert letter_parts("Thank you!\n--\nAda") == LetterParts(
        "Thank you!", signature="Ada"
    )


def test_a_delimiter_with_only_blank_lines_below_is_part_of_the_letter():
    text = "Thank you!\n--\n\n  "
    assert letter_parts(text) == LetterParts(text)


def test_a_reply_header_wrapped_over_two_lines_starts_the_quote_at_on():
    text = "Thank you!\n\nOn Mon, 23 Nov 2026 at 10:00, Grace Hopper\nwrote:\n> Hi Ada"
    assert letter_parts(text) == LetterParts(
        "Thank you!\n",
        quoted="On Mon, 23 Nov 2026 at 10:00, Grace Hopper\nwrote:\n> Hi Ada",
    )


@pytest.mark.parametrize(
    "above",
    [
        pytest.param("Dear Grace, thank you for the call", id="no opener"),
        pytest.param("On Monday I met the team.", id="a sentence: stop"),
        pytest.param("On Monday I met the team!", id="a sentence: exclamation"),
        pytest.param("On Monday I met the team?", id="a sentence: question"),
    ],
)
def test_a_line_ending_in_wrote_below_a_sentence_of_the_letter_quotes_nothing(above):
    text = f"{above}\nHere is the plan I wrote:\nmore tests"
    assert letter_parts(text) == LetterParts(text)


def test_a_first_line_ending_in_wrote_does_not_wrap_from_the_last_line():
    text = "Grace wrote to me:\nThank you\nOn my side all is well"
    assert letter_parts(text) == LetterParts(text)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        pytest.param("word " * 40, 80, 3, id="words fill lines"),
        pytest.param("aaaa bbbb cccc", 4, 3, id="each word exactly the width"),
        pytest.param("aaaa bbbb cccc", 9, 2, id="two words exactly the width"),
        pytest.param("aa bb cc dd ee ff", 5, 3, id="two short words a line"),
        pytest.param("x" * 25, 10, 3, id="a long word alone"),
        pytest.param("ab " + "x" * 25 + " cd", 10, 4, id="a long word between words"),
        pytest.param("x" * 19 + " ab", 10, 3, id="the end of a long word, a word"),
        pytest.param("a" * 9 + " " + "b" * 9 + " c", 10, 3, id="nearly full lines"),
        pytest.param("aaaaa bbbb", 4, 3, id="a word one longer than the width"),
        pytest.param("aaaa bbbbbb", 5, 3, id="a word, then a longer one on its own"),
        pytest.param("x" * 15 + " ab cd ef gh ij", 10, 4, id="a long word, then words"),
        pytest.param(
            "ab " + "x" * 25 + " cd ef gh ij kl mn",
            10,
            6,
            id="words, a long word, words",
        ),
    ],
)
def test_a_long_line_wraps_at_spaces_and_a_long_word_starts_its_own_line(
    text, width, lines
):
    assert count_lines(text, width) == lines


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Dr. Hopper called me.", 1, id="a title first in the text"),
        pytest.param("Wir sprachen am 23. November. Danke.", 2, id="23. November"),
        pytest.param("23. November war ein guter Tag.", 1, id="23. November first"),
        pytest.param("Bis zum 23.11. melde ich mich. Danke.", 2, id="23.11."),
        pytest.param("I use Python, SQL, etc! Thank you.", 2, id="! after etc"),
    ],
)
def test_sentence_ends_are_counted_past_abbreviations_and_dates(text, sentences):
    assert count_sentences(text) == sentences


def test_normalise_folds_width_case_apostrophes_and_spaces():
    fullwidth_thank = "\uff34\uff48\uff41\uff4e\uff4b"
    assert normalise(f"{fullwidth_thank}  YOU\u2019RE\n great") == "thank you're great"


def test_says_any_matches_a_stem_at_the_start_of_a_word_only():
    assert says_any("Thank you!", ["thank"])
    assert says_any("I write C++ daily", ["c++"])
    assert not says_any("I am thankful", ["ank"])


def test_a_letter_folds_case_and_spaces_but_only_normalises_width():
    letter = Letter(
        "\uff34hank  You\u2019re Great, Zo\u00eb",
        Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00"),
    )
    assert letter.folded == "\uff54hank you're great, zo\u00eb"
    assert letter.normalised == "thank you're great, zo\u00eb"
    assert letter.says_any(["Zo\u00eb", "nothing"])
    assert letter.says_any(["GREAT"])
    assert not letter.says_any(["reat"])

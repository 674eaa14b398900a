"""The labelled corpus: letters written for the project, judged element by element.

Each letter in tests/letters/*.toml carries, beside its text, the interview
it is about, when it was sent, and a hand-made label per element (candidate,
company, date, time, length, thanks, interest, fit): true when the letter
has it.  `check_letter` must agree on every label of every letter: no
finding for an element the letter has (a false positive), a finding for each
one it lacks (a false negative).  benchmarks/letters.py prints the same
rates and the time per letter.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup import Contact, Interview, check_letter
from followup._languages import LANGUAGES, detect_language, plain
from followup._letter_parts import letter_parts

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CORPUS = Path(__file__).parent / "letters"

# What each finding says, and the element it is about.
ELEMENT_OF = {
    "does not name the candidate": "candidate",
    "does not name the company": "company",
    "does not name the date": "date",
    "does not name the time": "time",
    "runs long": "length",
    "letter runs to": "length",
    "seem to thank": "thanks",
    "seem to show interest": "interest",
    "seem to say why you fit": "fit",
}
ELEMENTS = {
    "thank-you": (
        "candidate",
        "company",
        "date",
        "time",
        "length",
        "thanks",
        "interest",
    ),
    "follow-up": ("candidate", "company", "date", "time", "length", "interest", "fit"),
}


def corpus() -> list[dict[str, object]]:
    letters = []
    for path in sorted(CORPUS.glob("*.toml")):
        with path.open("rb") as file:
            letters.extend(tomllib.load(file)["letter"])
    return letters


LETTERS = corpus()


def interview_of(letter: dict[str, object]) -> Interview:
    interviewer = None
    if "interviewer" in letter or "interviewer_zone" in letter:
        interviewer = Contact(
            letter.get("interviewer"), timezone=letter.get("interviewer_zone")
        )
    return Interview(
        letter["candidate"],
        letter["company"],
        letter["at"],
        interviewer=interviewer,
        position=letter.get("position"),
    )


def elements_missing(letter: dict[str, object], **options: object) -> set[str]:
    findings = check_letter(
        letter["text"],
        interview_of(letter),
        letter["kind"],
        sent=letter["sent"],
        aliases=letter.get("aliases", ()),
        **options,
    )
    missing = set()
    for finding in findings:
        elements = [e for words, e in ELEMENT_OF.items() if words in finding.message]
        assert len(elements) == 1, finding
        missing.add(elements[0])
    return missing


def test_the_corpus_is_large_and_covers_four_languages_and_both_letters():
    assert len(LETTERS) >= 60
    assert len({letter["id"] for letter in LETTERS}) == len(LETTERS)
    for language in LANGUAGES:
        kinds = {letter["kind"] for letter in LETTERS if letter["language"] == language}
        assert kinds == {"thank-you", "follow-up"}, language
    for letter in LETTERS:
        assert set(letter["expect"]) == set(ELEMENTS[letter["kind"]]), letter["id"]
    # Every element is missing somewhere, so each check is tested both ways.
    for element in {e for kind in ELEMENTS.values() for e in kind}:
        assert any(letter["expect"].get(element) is False for letter in LETTERS), (
            element
        )


@pytest.mark.parametrize("letter", LETTERS, ids=[letter["id"] for letter in LETTERS])
def test_check_letter_agrees_with_every_label(letter):
    expected = {element for element, has in letter["expect"].items() if not has}
    found = elements_missing(letter)
    assert found - expected == set(), f"false positives: {sorted(found - expected)}"
    assert expected - found == set(), f"false negatives: {sorted(expected - found)}"


@pytest.mark.parametrize("letter", LETTERS, ids=[letter["id"] for letter in LETTERS])
def test_the_language_is_told_from_the_text(letter):
    assert (
        detect_language(plain(letter_parts(letter["text"]).own)) == letter["language"]
    )
    # Naming it changes nothing.
    assert elements_missing(letter, language=letter["language"]) == elements_missing(
        letter
    )

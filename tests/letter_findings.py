"""What the negation tests of letters share: an interview and two ways to read.

`messages` checks a follow-up letter whole; `says` asks the lexicon alone
whether a sentence says an element (thanks, interest, fit) in a language.
"""

from __future__ import annotations

from followup import Interview, check_letter
from followup._languages import plain
from followup._lexicon import expresses

INTERVIEW = Interview("Ada Lovelace", "Acme", "2026-11-23T10:00:00-05:00")
MISSING_FIT = "the letter does not seem to say why you fit the job (A8)"
MISSING_INTEREST = "the letter does not seem to show interest in the company (A8)"


def messages(text: str) -> list[str]:
    """The messages of the findings on `text` as a follow-up letter."""
    return [finding.message for finding in check_letter(text, INTERVIEW, "follow-up")]


def says(sentence: str, language: str, element: str) -> bool:
    """Whether the lexicon reads `element` in `sentence`."""
    return expresses(plain(sentence), language, element)  # type: ignore[arg-type]

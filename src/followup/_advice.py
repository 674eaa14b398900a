"""The advice, by id: the one table every rule's `advice` is checked against.

Ids ``A1`` to ``A14`` paraphrase the advice this library encodes.  A
third-party rule may cite advice of its own in its own namespace: the prefix
of its code, a colon and a kebab-case name (``BLK:blackout-days``), so that
no two packages' ids can clash with each other or with these.
"""

from __future__ import annotations

import re

__all__ = ["ADVICE", "advice_problem", "step_advice_problem"]

#: The advice, paraphrased, by id.
ADVICE = {
    "A1": "End the call on a positive note: thank the interviewer.",
    "A2": "Before the call ends, ask for the interviewer's name, phone and email.",
    "A3": "The thank-you email is the first follow-up, sent right after the call.",
    "A4": "The thank-you is a few sentences: thanks, interest, name, date and time.",
    "A5": "The actual follow-up comes 2 to 3 days after the interview.",
    "A6": "Whether to follow up depends on how the interview went.",
    "A7": "The follow-up is an email, a printed or a handwritten letter.",
    "A8": "It names the candidate, the date and time, interest and fit.",
    "A9": "The follow-up letter is shorter than ten lines.",
    "A10": "No word after 1 to 2 weeks: phone about interest and the decision.",
    "A11": "If the company has not decided, agree a time to call back.",
    "A12": "A call reaches a busy recruiter better than another email.",
    "A13": "The call lasts 3 to 4 minutes.",
    "A14": "Do not call frequently.",
}

_OWN = re.compile(r"(?P<prefix>[A-Z]{1,8}):[a-z0-9]+(?:-[a-z0-9]+)*")


def advice_problem(advice: object, code: str) -> str | None:
    """What is wrong with an advice id cited by the rule `code`, or ``None``.

    >>> advice_problem("A3", "FU003") is None, advice_problem("BLK:quiet", "BLK001")
    (True, None)
    >>> advice_problem("A15", "FU003")
    "cites 'A15'; advice ids are A1 to A14, or ids of the rule's own as 'FU:name'"
    """
    if isinstance(advice, str) and advice in ADVICE:
        return None
    prefix = code.rstrip("0123456789")
    own = _OWN.fullmatch(advice) if isinstance(advice, str) else None
    if own is not None and own["prefix"] == prefix:
        return None
    return (
        f"cites {advice!r}; advice ids are A1 to A14, or ids of the rule's own "
        f"as '{prefix}:name'"
    )


def step_advice_problem(advice: str) -> str | None:
    """What is wrong with an advice id a step cites, or ``None``.

    A step carries the advice of the rule that proposed it and of those that
    moved it, so any rule's own namespace is taken, and the ids of the
    advice itself.

    >>> step_advice_problem("BLK:blackout-days") is None
    True
    >>> step_advice_problem("a3")
    "is not an advice id: A1 to A14, or a rule's own as 'PREFIX:name'"
    """
    if advice in ADVICE or _OWN.fullmatch(advice) is not None:
        return None
    return "is not an advice id: A1 to A14, or a rule's own as 'PREFIX:name'"

"""FU002: a follow-up needs the interviewer's name, phone and email (A2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, final

import attrs

from followup._plan import Finding, Step, own_finding
from followup._rule import Phase
from followup._sheet import worked, works_on_sheet
from followup._vocabulary import Severity
from followup.errors import InvalidValueError
from followup.rules._shared import detail_names, in_words, missing_details

if TYPE_CHECKING:
    from collections.abc import Iterator

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._sheet import Sheet
from followup._fields import text_tuple

__all__ = ["AskForContactDetails", "ContactDetailsParams"]

_KNOWN = ("name", "email", "phone")


def _details(values: object) -> tuple[str, ...]:
    items = text_tuple(
        (values,) if isinstance(values, str) else values,
        "ContactDetailsParams.required",
    )
    for item in items:
        if item not in _KNOWN:
            raise InvalidValueError(
                "ContactDetailsParams.required", item, f"is not one of {_KNOWN}"
            )
    return tuple(key for key in _KNOWN if key in items)


@final
@attrs.frozen
class ContactDetailsParams:
    """`required`: the details to ask for, among ``name``, ``email``, ``phone``."""

    required: tuple[str, ...] = attrs.field(default=_KNOWN, converter=_details)


@final
@works_on_sheet
@attrs.frozen
class AskForContactDetails:
    """Warn when the interviewer's name, phone number or email is missing.

    The advice is to ask for them before the call ends, because the
    follow-up needs them (A2).  Missing details never stop planning: the
    steps that need them are planned and this warning names what is missing
    (once the call is over, it says to ask the company or look them up).
    Once the company has decided, nothing is left to follow up and the rule
    is silent.
    """

    code: ClassVar[str] = "FU002"
    name: ClassVar[str] = "ask-for-contact-details"
    summary: ClassVar[str] = (
        "Warn when the interviewer's name, phone number or email address is "
        "missing: the follow-up needs them."
    )
    advice: ClassVar[tuple[str, ...]] = ("A2",)
    phase: ClassVar[Phase] = Phase.PROPOSE
    params: ContactDetailsParams = attrs.field(factory=ContactDetailsParams)

    def plan(self, draft: Draft) -> Draft:
        """Note what is missing; the steps are planned all the same."""
        return worked(self._work, draft)

    def _work(self, sheet: Sheet) -> None:
        for finding in self.check(sheet.facts, ()):
            sheet.note(finding)

    def check(self, facts: Facts, steps: tuple[Step, ...]) -> Iterator[Finding]:  # noqa: ARG002
        """Warn about missing details while there is something left to follow up."""
        if facts.decision is not None:
            return
        missing = missing_details(facts, self.params.required)
        pronoun = "it" if len(missing) == 1 else "them"
        if missing:
            # Once the call is over, asking before it ends is advice no one
            # can take: the replan a week on says where else to ask.
            what = f"the interviewer's {in_words(missing)}"
            are = "is" if len(missing) == 1 else "are"
            if facts.now_utc < facts.call_ends_utc:
                message = (
                    f"{what} {are} missing: ask before the call ends, the "
                    f"follow-up needs {pronoun} (A2)"
                )
            else:
                message = (
                    f"{what} {are} missing and the follow-up needs {pronoun}: the "
                    f"call is over, so ask the company or look {pronoun} up (A2)"
                )
            yield own_finding(
                self.code,
                Severity.WARNING,
                message,
                # "expected name, email address and phone number, got no
                # phone number": the two read as one sentence, commas and all.
                expected=in_words(detail_names(self.params.required)),
                actual=f"no {in_words(missing, 'or')}",
            )

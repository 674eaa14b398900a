"""What a rule is: the `Rule` protocol, the `LetterRule` protocol and the phases.

This module depends on nothing else in the library (its annotations name the
values a rule meets, for type checkers only), so that a rule written anywhere
can import it without pulling in the engine.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from collections.abc import Iterable

    import attrs

    from followup._draft import Draft
    from followup._facts import Facts
    from followup._letters import Letter
    from followup._plan import Finding, Step

__all__ = ["LetterRule", "Phase", "Rule"]


class Phase(enum.Enum):
    """When a rule acts while a plan is made; phases run in this order.

    * `PROPOSE`: add steps (and note findings about the facts).  A rule that
      declares no phase proposes.  Proposing is allowed in this phase only,
      so nothing escapes the phases that follow.
    * `DROP`: remove what must not happen (a weak interview, a decision).
    * `ADJUST`: reshape what remains: windows, due times, channels.
    * `PLACE`: put every step where the constraints allow: after the
      advice's windows open, calls apart, nothing in the past, in working
      time.  Placing rules move steps forward; the rule set repeats this
      phase until no rule moves anything, so placing rules compose in any
      order.  It repeats it 64 rounds at most: rules that still move a
      step then, or move one back and forth, are stopped with a
      `RuleError` naming them.

    Within a phase, rules apply in the order of the rule set.
    """

    PROPOSE = "propose"
    DROP = "drop"
    ADJUST = "adjust"
    PLACE = "place"


@runtime_checkable
class Rule(Protocol):
    """What a rule is: metadata, validated parameters, a planner and a checker.

    * `code` is stable and never reused (``FU003``; third parties use their
      own prefix), `name` is readable (``thank-you-immediately``), `summary`
      is one line, and `advice` holds the advice ids it encodes: ``A1`` to
      ``A14`` for the advice this library encodes, or ids of the rule's own
      in its own namespace (``BLK:company-blackout-days``: the code's
      prefix, a colon and a kebab-case name); empty for a rule that refines
      the advice.
    * `params` is a frozen attrs instance, validated on construction;
      `RuleSet.configure` makes a new rule with new params.
    * `plan` returns a new draft (proposing, adjusting or dropping steps);
      it never mutates.  `check` returns findings about a plan or a user's
      own schedule.  A plan the rule helped make must pass its check.
    * `phase`, optional: the `Phase` (or a tuple of phases) in which `plan`
      runs; ``draft.phase`` says which one it is.  Without it the rule
      proposes, as every rule did before phases existed.
    """

    @property
    def code(self) -> str:
        """Stable identifier: a prefix of capitals and three digits."""

    @property
    def name(self) -> str:
        """Readable identifier in kebab-case."""

    @property
    def summary(self) -> str:
        """One line saying what the rule does."""

    @property
    def advice(self) -> tuple[str, ...]:
        """The advice ids the rule encodes."""

    @property
    def params(self) -> attrs.AttrsInstance:
        """The rule's parameters: a frozen attrs instance."""

    def plan(self, draft: Draft, /) -> Draft:
        """Return the draft with this rule's proposals and adjustments."""

    def check(self, facts: Facts, steps: tuple[Step, ...], /) -> Iterable[Finding]:
        """Return the findings this rule has about `steps`, given `facts`."""


@runtime_checkable
class LetterRule(Protocol):
    """A rule that also reads letters: `check_letter` returns findings about one.

    A rule need not read letters; `check_letter` asks only those that do.
    """

    def check_letter(self, letter: Letter, /) -> Iterable[Finding]:
        """Return the findings this rule has about the letter's text."""

"""The errors `followup` raises on bad input or bad configuration.

Every error derives from `FollowUpError`, so one ``except`` catches them all;
each also derives from the builtin a caller would naturally catch
(`ValueError` for a bad value, `TypeError` for a value of the wrong kind).
Mistakes in a plan or a letter are not errors: they come back as findings.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "DuplicateRuleError",
    "FollowUpError",
    "InvalidTypeError",
    "InvalidValueError",
    "NaiveDatetimeError",
    "PluginError",
    "RuleConfigurationError",
    "RuleError",
    "UnknownTimeZoneError",
    "Withheld",
]


#: How much of a value an error message shows: enough to recognise it, not a
#: 10 MB field echoed whole.
_SHOWN = 80
#: A key of a document is a name: quoted whole up to the 100 characters a
#: name may have, as the command line quotes it (`followup.cli`).
_KEY = 100


def _shown(value: object, whole: int = _SHOWN) -> str:
    """`repr(value)`, cut short when long: text keeps its start, the rest both ends.

    Text of more than `whole` characters keeps its first 80.
    """
    if isinstance(value, str):
        if len(value) <= whole:
            return repr(value)
        return f"{value[:_SHOWN] + '…'!r} ({len(value)} characters)"
    try:
        text = repr(value)
    except ValueError:
        # An int of more digits than Python will write out, or a list or a
        # mapping holding one (whose repr fails the same way).
        return (
            f"an integer of {value.bit_length()} bits"
            if isinstance(value, int)
            else f"<{type(value).__name__} holding a number too long to show>"
        )
    except RecursionError:
        # A list or a mapping nested deeper than repr() recurses: the error
        # it is quoted in must still be raised, not a RecursionError.
        return "<nested too deeply to show>"
    if len(text) <= 4 * _SHOWN:
        return text
    # A list or a mapping: its type shows at the start, its end at the end.
    left_out = len(text) - 4 * _SHOWN
    return (
        f"{text[: 2 * _SHOWN]} … ({left_out} characters left out) … "
        f"{text[-2 * _SHOWN :]}"
    )


def _shown_key(key: object) -> str:
    """A document's key as a message quotes it: ``'compny'``, a huge one cut short."""
    return _shown(key, _KEY)


class FollowUpError(Exception):
    """Base of every error the library raises on bad input or configuration."""


class InvalidValueError(FollowUpError, ValueError):
    """A field was given a value it cannot hold.

    The message names the field and the value; both are kept as attributes so
    a tool can point at the offending input.
    """

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field}: {self.detail}")

    def __reduce__(
        self,
    ) -> tuple[
        type[InvalidValueError], tuple[str, object, str], dict[str, object] | None
    ]:
        # Errors raised in a worker process travel back pickled.
        return type(self), (self.field, self.value, self.problem), notes_state(self)

    @property
    def detail(self) -> str:
        """The message without the field's name: ``'' is empty``."""
        return f"{_shown(self.value)} {self.problem}"


class Withheld:
    """What an error keeps of a secret given as the wrong type: its type's name.

    A password read as bytes is a password all the same: an exception
    holding it would carry it into logs, error trackers and pickles.
    """

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"<a {self.kind} withheld>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Withheld) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash((Withheld, self.kind))

    def __reduce__(self) -> tuple[type[Withheld], tuple[str]]:
        return Withheld, (self.kind,)


class InvalidTypeError(FollowUpError, TypeError):
    """A field was given a value of a type it does not accept.

    With `secret`, the value is not kept: `value` is a `Withheld` naming
    its type alone.
    """

    def __init__(
        self, field: str, value: object, expected: str, *, secret: bool = False
    ) -> None:
        self.field = field
        if secret and not isinstance(value, Withheld):
            value = Withheld(type(value).__name__)
        self.value = value
        self.expected = expected
        #: A password's value is named by its type alone, in no message.
        self.secret = secret
        super().__init__(f"{field}: {self.detail}")

    def __reduce__(
        self,
    ) -> tuple[
        Callable[..., InvalidTypeError], tuple[object, ...], dict[str, object] | None
    ]:
        return (
            functools.partial(type(self), secret=self.secret),
            (self.field, self.value, self.expected),
            notes_state(self),
        )

    @property
    def detail(self) -> str:
        """The message without the field's name."""
        value = self.value
        kind = value.kind if isinstance(value, Withheld) else type(value).__name__
        if self.secret:
            return f"expected {self.expected}, got {kind} (its value not shown)"
        return f"expected {self.expected}, got {kind} {_shown(self.value)}"


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a time zone: the library cannot guess where it is."""


class UnknownTimeZoneError(InvalidValueError):
    """A time zone name that the IANA database does not know."""


class RuleConfigurationError(FollowUpError, ValueError):
    """A rule set was asked for a rule or a parameter it does not have."""


class DuplicateRuleError(RuleConfigurationError):
    """Two rules in one set share a code or a name."""


class PluginError(RuleConfigurationError):
    """A plugin could not be loaded; the message names its distribution.

    `problems` holds one line per broken plugin: all of them are reported
    at once, so that one run shows everything to fix.
    """

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        self.problems = tuple(problems) or (message,)
        super().__init__(message)

    def __reduce__(
        self,
    ) -> tuple[
        type[PluginError], tuple[str, tuple[str, ...]], dict[str, object] | None
    ]:
        return type(self), (str(self), self.problems), notes_state(self)


class RuleError(FollowUpError, RuntimeError):
    """A rule failed while planning or checking: raised, or returned nonsense.

    The message names the rule's code and name and, for a plugin, its
    distribution and version; the original exception is chained as
    ``__cause__``.  `code` and `origin` (``None`` for a rule that came from
    no plugin) are kept for tools.
    """

    def __init__(self, code: str, origin: str | None, message: str) -> None:
        self.code = code
        self.origin = origin
        super().__init__(message)

    def __reduce__(
        self,
    ) -> tuple[type[RuleError], tuple[str, str | None, str], dict[str, object] | None]:
        # Pickled (from a worker process, say), the error keeps the one that
        # caused it where that pickles and loads back too: Python drops
        # `__cause__` itself.
        cause = self.__cause__
        kept = notes_state(self) or {}
        if cause is not None and _pickles(cause):
            kept["__cause__"] = cause
        return type(self), (self.code, self.origin, str(self)), kept or None


def notes_state(error: BaseException) -> dict[str, object] | None:
    """The notes added to `error`, as the state its pickle restores.

    An error that pickles by its own `__reduce__` leaves Python's, which
    keeps them: the note `plan_many` adds, naming the item that failed,
    would be lost on its way back from another process.
    """
    notes = getattr(error, "__notes__", None)
    return None if notes is None else {"__notes__": list(notes)}


def _pickles(value: object) -> bool:
    import pickle  # noqa: PLC0415 - only for an error on its way elsewhere

    # Loaded back too: an exception pickles as its class and `args`, so one
    # whose __init__ takes other arguments than its message pickles, then
    # fails to load (a TypeError in the process that loads it, in place of
    # the error that carried it).
    try:
        pickle.loads(pickle.dumps(value))  # noqa: S301 - made just here
    except Exception:  # noqa: BLE001 - whatever pickling a stranger raises
        return False
    return True


def did_you_mean(wrong: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or ``""``."""
    # Here: difflib (and heapq with it) takes 2 to 3 ms to import, on every
    # start of a program that imports followup, for a mistake's message.
    import difflib  # noqa: PLC0415

    close = difflib.get_close_matches(wrong, list(choices), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else ""

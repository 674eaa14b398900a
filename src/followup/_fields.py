"""Converters for the fields of the public types.

Each converter names the field it guards, so a bad value is reported as
``Interview.company: '' is empty`` rather than as a bare ``ValueError``.
Converters are idempotent: `attrs.evolve` runs them again on every field.

The functions here take `object`: they are what stops a wrong value at run
time, for users without a type checker.  Each field's own converter takes
the type the field accepts, since mypy's attrs plugin reads a constructor
parameter's type from the converter's first parameter; it then calls one of
these, so the run-time check is not an ``isinstance`` a type checker would
call unreachable.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from typing import TypeVar, cast

from followup.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "NAME_LENGTH",
    "enum_member",
    "instance_of",
    "minutes_pair",
    "optional_instance_of",
    "optional_single_line",
    "sequence_of",
    "single_line",
    "text_tuple",
    "typed_tuple",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

#: The bidirectional embeddings, overrides and isolates (U+202A to U+202E,
#: U+2066 to U+2069).  Each reorders the text after it wherever it is shown,
#: beyond the name that holds it: a company name could make a terminal, a
#: calendar or a letter show other words than the plan holds ("Trojan
#: Source").  A name in Hebrew or Arabic needs none of them; the marks
#: U+200E, U+200F and U+061C, which reorder nothing beyond themselves, pass.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Control characters, the bidirectional ones above, and half of a UTF-16
# pair on its own (a JSON "\udcff" escape reads as one): no character, and
# no UTF-8 text can hold it.
_REFUSED = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


#: The longest name, company or position accepted.  Longer text is almost
#: surely pasted by mistake, and a letter naming it could not stay under ten
#: lines (A9).
NAME_LENGTH = 100


def single_line(value: object, field: str, *, most: int | None = None) -> str:
    """Return `value` as non-empty, single-line text without surrounding space.

    A line break in a name would break the header of an email built from it,
    so it is refused here rather than escaped later.  `most` caps the length.

    >>> single_line("  Ada Lovelace ", "Interview.candidate")
    'Ada Lovelace'
    """
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "text (str)")
    text = value.strip()
    if not text:
        raise InvalidValueError(field, value, "is empty")
    if not shows_anything(text):
        raise InvalidValueError(field, value, SHOWS_NOTHING)
    if not _LINE_BREAKS.isdisjoint(text):
        raise InvalidValueError(field, value, "holds a line break")
    without_controls(text, field)
    if most is not None and len(text) > most:
        raise InvalidValueError(
            field, value, f"is {len(text)} characters long (at most {most})"
        )
    return text


def optional_single_line(
    value: object, field: str, *, most: int | None = None
) -> str | None:
    """Like `single_line`, but ``None`` passes through."""
    return None if value is None else single_line(value, field, most=most)


def enum_member(kind: type[E], value: object, field: str) -> E:
    """Return the member of `kind` that `value` is or names by value.

    >>> from followup import Performance
    >>> enum_member(Performance, "strong", "performance")
    <Performance.STRONG: 'strong'>
    """
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    # The enum's own ValueError quotes the value: a list nested deeper than
    # repr() recurses raises RecursionError while it is written.
    except (ValueError, RecursionError):
        allowed = ", ".join(repr(member.value) for member in kind)
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        raise InvalidValueError(
            field, value, f"is not {article} {kind.__name__} (one of {allowed})"
        ) from None


def instance_of(value: object, kind: type[T], field: str, expected: str) -> T:
    """Return `value` if it is a `kind`; `expected` says what in words.

    >>> instance_of(3, str, "Letter.text", "text (str)")
    Traceback (most recent call last):
    ...
    followup.errors.InvalidTypeError: Letter.text: expected text (str), got int 3
    """
    if isinstance(value, kind):
        return value
    raise InvalidTypeError(field, value, expected)


def optional_instance_of(
    value: object, kind: type[T], field: str, expected: str
) -> T | None:
    """Like `instance_of`, but ``None`` passes through."""
    if value is None or isinstance(value, kind):
        return value
    raise InvalidTypeError(field, value, expected)


def sequence_of(
    values: object, field: str, whole: str, *, alone: type | None = None
) -> tuple[object, ...]:
    """Return any iterable as a tuple; text, a mapping or one `alone` value is refused.

    Iterating those would hide the mistake: a name alone read letter by
    letter, a mapping by its keys.  `whole` says what `field` should be.

    >>> sequence_of("FU001", "rules", "rule codes")
    Traceback (most recent call last):
    ...
    followup.errors.InvalidTypeError: rules: expected rule codes, got str 'FU001'
    """
    # A tuple or a list, the usual sequences, skip the test against Mapping,
    # an abstract class and the slowest of them.
    if type(values) is tuple or type(values) is list:
        return tuple(values)
    if (
        isinstance(values, (str, bytes, Mapping))
        or (alone is not None and isinstance(values, alone))
        or not hasattr(values, "__iter__")
    ):
        raise InvalidTypeError(field, values, whole)
    return tuple(values)


def typed_tuple(
    values: object, field: str, kind: type[T], each: str, *, whole: str
) -> tuple[T, ...]:
    """Return any iterable of `kind` values as a tuple, naming a bad item's index.

    Text, a mapping and a lone `kind` value are refused as the whole
    (`sequence_of`).

    >>> typed_tuple(["a", "b"], "names", str, "text", whole="a sequence of text")
    ('a', 'b')
    """
    items = sequence_of(values, field, whole, alone=kind)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError(f"{field}[{index}]", item, each)
    return cast("tuple[T, ...]", items)


def text_tuple(values: object, field: str) -> tuple[str, ...]:
    """Return any iterable of strings as a tuple of them, each without controls."""
    texts = typed_tuple(values, field, str, "text (str)", whole="a sequence of strings")
    for index, text in enumerate(texts):
        without_controls(text, f"{field}[{index}]")
    return texts


def shown_safely(text: str) -> str:
    r"""`text` as a terminal may show it: what `has_controls` finds, escaped.

    For what the command echoes that nothing checked: a file's name, a key
    of a rules file.  A name holding ESC would clear the screen or retitle
    the window; an override would turn round the words after it.

    >>> shown_safely("x\x1b[2J.toml"), shown_safely("Zürich.toml")
    ('x\\x1b[2J.toml', 'Zürich.toml')
    """
    if not has_controls(text):
        return text
    return _REFUSED.sub(lambda found: repr(found[0])[1:-1], text)


def has_controls(text: str) -> bool:
    """Whether `text` holds what `without_controls` refuses."""
    return _REFUSED.search(text) is not None


def without_controls(text: str, field: str) -> str:
    """Return `text`, refusing control characters (line breaks included).

    NUL, ESC and the like have no place in text a person reads: calendars
    refuse them (RFC 5545) and a terminal would obey them.  Nor have the
    bidirectional controls (`BIDI_CONTROLS`).
    """
    found = _REFUSED.search(text)
    if found is not None:
        point = ord(found[0])
        if point >= 0xD800:
            what = "a lone surrogate"
        elif point >= 0x202A:
            what = (
                "a bidirectional control character, which reorders the text "
                "shown after it"
            )
        else:
            what = "a control character"
        raise InvalidValueError(field, text, f"holds {what} (U+{point:04X})")
    return text


#: The highest number a step may have: the tenth call-back is far past the
#: advice (A14); a number thousands of digits long could not be written.
MOST_STEPS = 999


def step_number(value: object, field: str) -> int:
    """Return `value` as a step's number, from 1 to `MOST_STEPS`.

    Raises:
        InvalidTypeError: not a whole number (``True`` is none).
        InvalidValueError: below 1, or above `MOST_STEPS`.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number")
    if value < 1:
        raise InvalidValueError(field, value, "is not 1 or more")
    if value > MOST_STEPS:
        raise InvalidValueError(field, value, f"is more than {MOST_STEPS}")
    return value


def shows_anything(text: str) -> bool:
    """Whether `text` holds a character that shows (`single_line` asks)."""
    # Not only format
    # characters (a zero-width space, a soft hyphen, a byte order mark),
    # combining marks with nothing to combine with (a variation selector),
    # or the letters and signs that are blank (a Hangul filler, a blank
    # Braille pattern), which `str.strip` keeps, and which would greet
    # "Dear \u200b," in a letter.
    import unicodedata  # noqa: PLC0415 - C, and asked only of names

    return any(
        char not in _BLANK and unicodedata.category(char) not in {"Cf", "Mn", "Me"}
        for char in text
    )


#: What is said of text that `shows_anything` finds blank.
SHOWS_NOTHING = "holds only characters that show nothing (zero-width)"

#: Letters and signs that show nothing: Hangul fillers, a blank Braille cell.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def minutes_pair(value: object, field: str, *, most: int = 60) -> tuple[int, int]:
    """Return a ``(low, high)`` pair of whole minutes, ``1 <= low <= high <= most``."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise InvalidTypeError(field, value, "a pair of minutes (low, high)")
    low, high = value
    for bound in (low, high):
        if not isinstance(bound, int) or isinstance(bound, bool):
            raise InvalidTypeError(field, value, "a pair of whole minutes (low, high)")
        if not 1 <= bound <= most:
            raise InvalidValueError(field, value, f"needs whole minutes in 1..{most}")
    if low > high:
        raise InvalidValueError(field, value, "has its low bound above its high")
    return (low, high)

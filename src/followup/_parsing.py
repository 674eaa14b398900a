"""JSON and TOML text read without letting the parsers' own errors escape.

Every reader of documents (`followup.json.from_json`, the command's input
files and JSON Lines, rule files) goes through here, so that text nested
too deeply, a number of thousands of digits or bytes that are not UTF-8
come back as one kind of problem, `Unreadable`, which each caller reports
in its own words with the file, line or path it knows.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, final

from followup.errors import _shown_key

__all__ = ["Unreadable", "read_json", "read_toml"]


@final
class Unreadable(Exception):  # noqa: N818 - a reason, raised and caught here
    """Text no parser could read: `reason` in words, and where if known."""

    def __init__(
        self, reason: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(reason)

    def where(self, *, line: bool = True) -> str:
        """`` at line 3 column 7`` (or just the column), or nothing."""
        if self.column is None:
            return ""
        if line and self.line is not None:
            return f" at line {self.line} column {self.column}"
        return f" at column {self.column}"


def _limits(error: BaseException) -> Unreadable:
    # The parsers stop on their own at Python's recursion limit and at
    # integers of more than `sys.get_int_max_str_digits()` digits; both
    # are limits of the reader, not mistakes it can point at.
    if isinstance(error, RecursionError):
        return Unreadable("nested too deeply to read")
    if isinstance(error, UnicodeDecodeError):
        return Unreadable(_NOT_UTF8)
    if "digits" in str(error):
        return Unreadable("holds a number of more digits than can be read")
    return Unreadable(f"holds a value that cannot be read ({error})")


_NOT_UTF8 = "is not UTF-8 text"


class _Repeated(Exception):  # noqa: N818 - a key, raised and caught here
    """A key given twice in one JSON object."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON leaves a repeated key to the reader, and readers differ: one keeps
    # the first value, another the last, so one file would say "offer" to
    # one tool and "rejected" to the next.  Refused here.
    made = dict(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Repeated(key)
            seen.add(key)
    return made


# One decoder for every text: `json.loads` with a hook makes one a call.
_DECODER = json.JSONDecoder(object_pairs_hook=_object)


def read_json(text: str | bytes) -> Any:
    """Plain data from JSON text (or UTF-8 bytes).

    Bytes are UTF-8 and nothing else, and text (bytes too) must not begin
    with a byte order mark.

    Raises:
        Unreadable: the text is not JSON, repeats a key in an object, or is
            beyond what can be read.
    """
    try:
        if not isinstance(text, str):
            # `json.loads` would guess UTF-16 or UTF-32 from the first bytes
            # and skip a UTF-8 byte order mark: one file read as JSON here
            # and refused by the next reader.  JSON between programs is UTF-8
            # (RFC 8259); a NUL byte, which no JSON text holds, is how UTF-16
            # and UTF-32 without a mark decode as UTF-8.
            if b"\x00" in text:
                raise Unreadable(_NOT_UTF8)
            text = text.decode("utf-8")
        if text.startswith("\ufeff"):
            # As `json.loads` says it: the decoder itself does not look.
            msg = "Unexpected UTF-8 BOM (decode using utf-8-sig)"
            raise json.JSONDecodeError(msg, text, 0)  # noqa: TRY301
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        # "Unterminated string starting at" ends in the word `where` adds.
        reason = error.msg.removesuffix(" at")
        raise Unreadable(reason, error.lineno, error.colno) from None
    except _Repeated as repeated:
        raise Unreadable(
            f"the key {_shown_key(str(repeated))} is given twice in one object, "
            "which readers take differently"
        ) from None
    except (RecursionError, ValueError) as error:
        raise _limits(error) from None


def read_toml(text: str) -> Any:
    """Plain data from TOML text.

    Raises:
        Unreadable: the text is not TOML, or is beyond what can be read.
    """
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415 - only rule files and inputs need it
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # noqa: PLC0415
    deep = _deeply_dotted(text)
    if deep is not None:
        raise Unreadable(
            f"A key of more than {_KEY_PARTS} dotted parts (at line {deep}, column 1)"
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise Unreadable(str(error)) from None
    except (RecursionError, ValueError) as error:
        raise _limits(error) from None


#: The most parts a key may have (``rules.FU011.closed`` has three): `tomllib`
#: checks every leading part of a key as it reads the next, so its time grows
#: with the square of the parts, seconds for a line of a few thousand.
_KEY_PARTS = 64

# What a key, or a table's header, is written with; a line of text in a
# string that holds anything else is no key.
_KEY_TEXT = re.compile(r"[\[\]\"' \tA-Za-z0-9_.-]*")


def _deeply_dotted(text: str) -> int | None:
    """The number of the first line whose key has more than `_KEY_PARTS` parts."""
    if text.count(".") < _KEY_PARTS:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        key = line.partition("=")[0]
        if (
            key.count(".") >= _KEY_PARTS
            and _KEY_TEXT.fullmatch(key)
            # A row of dots is text: every part of a key names something.
            and all(part.strip(" \t[]") for part in key.split("."))
        ):
            return number
    return None

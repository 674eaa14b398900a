"""One JSON value a line, compact: what the batch commands write.

`followup plan --format jsonl` writes a plan a line (with its id) and `followup due
--format jsonl` a reminder a line.  Encoding a plan's 5 KB with the standard
library's `json` takes about 29 µs, an eighth of the work of a batch line;
`orjson` (the ``fast`` extra: ``pip install "followup[fast]"``) takes 4 µs.
The two write the same bytes: compact separators, text as UTF-8 (not
escaped to ASCII), the same escapes for quotes, backslashes and control
characters.  A property test holds them equal.  Where orjson refuses a value
that the standard library writes (a whole number beyond 64 bits, a key that
is not text), the line is written by the standard library, so the output
never depends on which is installed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["json_line", "json_line_of_stdlib"]


def json_line_of_stdlib(value: Any) -> bytes:
    """`value` as compact JSON and a line break, by the standard library."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _encoder() -> Callable[[Any], bytes]:
    """Orjson's writer when it is installed, the standard library's if not."""
    try:
        import orjson  # noqa: PLC0415 - optional: the ``fast`` extra
    except ImportError:
        return json_line_of_stdlib
    dumps = orjson.dumps
    refused = orjson.JSONEncodeError
    newline = orjson.OPT_APPEND_NEWLINE

    def json_line(value: Any) -> bytes:
        try:
            return dumps(value, option=newline)
        except refused:
            return json_line_of_stdlib(value)

    return json_line


#: `value` as compact JSON and a line break: by orjson when it is installed
#: and takes the value, else by the standard library; the same bytes.
json_line: Callable[[Any], bytes] = _encoder()

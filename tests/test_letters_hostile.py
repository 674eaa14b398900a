"""Letters a hostile upload could hold: the letter's mistake, never a traceback."""

from __future__ import annotations

import pytest

from followup import InvalidValueError, check_letter
from followup.example import example_interview
from shell import run


def _nested(depth: int) -> str:
    text = "Subject: hi\r\nMIME-Version: 1.0\r\n"
    text += "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'
        for i in range(depth)
    )
    text += "Content-Type: text/plain\r\n\r\nThank you\r\n"
    return text + "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))


def test_a_message_nested_too_deeply_is_the_letter_s_mistake(tmp_path):
    # A thousand parts within parts (68 kB) exhaust the email package's
    # recursion: a traceback from the command, a RuleError blaming FU004
    # from the library.
    message = tmp_path / "nested.eml"
    message.write_text(_nested(1000), encoding="utf-8")
    result = run("check-letter", message, "--example")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: {message}: is an email message of parts nested too "
        "deeply to read\n"
    )
    with pytest.raises(InvalidValueError) as raised:
        check_letter(_nested(1000), example_interview())
    assert raised.value.field == "text"
    # Fifty levels are read as any message is.
    assert check_letter(_nested(50), example_interview(), "thank-you")

"""A followup error keeps its notes when pickled, as Python's own errors do.

`plan_many` and `plan_bag` add a note naming the item that failed; an
error raised in another process reaches the caller pickled.
"""

from __future__ import annotations

import pickle
import sys

import pytest

from followup.errors import (
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    PluginError,
    RuleError,
    UnknownTimeZoneError,
)
from followup.json import InvalidDocumentError
from followup.sync import CredentialsError

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="exception notes are Python 3.11's"
)


@pytest.mark.parametrize(
    "error",
    [
        InvalidValueError("now", 1, "is bad"),
        UnknownTimeZoneError("zone", "Mars/Base", "is no IANA zone"),
        InvalidTypeError("history", None, "a sequence of Event"),
        InvalidTypeError("password", b"hunter2", "a str or None", secret=True),
        PluginError("plugin x failed", ("one", "two")),
        RuleError("FU001", None, "rule FU001 failed"),
        FollowUpError("plain"),
        InvalidDocumentError("interview", ["$.at: required key is missing"]),
        CredentialsError("http://host/cal/: the server refused", given=False),
    ],
    ids=lambda error: type(error).__name__,
)
def test_notes_travel_with_the_error(error):
    error.add_note("while planning interviews[3]: Ada, Acme")
    error.add_note("and a second note")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert again.__notes__ == [
        "while planning interviews[3]: Ada, Acme",
        "and a second note",
    ]


def test_an_error_without_notes_gains_none():
    again = pickle.loads(pickle.dumps(InvalidValueError("now", 1, "is bad")))
    assert not hasattr(again, "__notes__")


def test_a_rule_error_keeps_its_cause_and_its_notes():
    caught = RuleError("FU001", None, "rule FU001 failed")
    caught.__cause__ = ValueError("inner")
    caught.add_note("while planning interviews[0]: Ada, Acme")
    again = pickle.loads(pickle.dumps(caught))
    assert again.__notes__ == ["while planning interviews[0]: Ada, Acme"]
    assert repr(again.__cause__) == "ValueError('inner')"

"""`mypy --strict` refuses wrong arguments in a user's own file.

CI also type-checks ``tests/typing/``; this runs with the README's test
command, so a constructor parameter loosened back to ``object`` fails here
too.  One mypy run, with its cache in a temporary directory, checks every
snippet.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

# mypy reads the package's source, which a mutation run rewrites.
pytestmark = pytest.mark.source_text

api = pytest.importorskip(
    "mypy.api", reason="mypy is not installed: pip install -e '.[test]'"
)

# Line numbers matter: the tests below name the line each error belongs to.
USER_FILE = """\
import datetime as dt
import pendulum
from followup import DEFAULT_RULES, Interview, check_letter, plan_followups
iv = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")
Interview("Ada", "Acme", dt.datetime(2026, 11, 23, 10, tzinfo=dt.timezone.utc))
Interview("Ada", "Acme", pendulum.datetime(2026, 11, 23, 10), duration=45)
plan_followups(iv, now=pendulum.datetime(2026, 11, 24, 9))
Interview(1, 2, 3)
plan_followups(iv, now=object())
plan_followups(iv, (), "2026-11-23T10:00:00Z")
check_letter("Thank you", iv, "thank-you", DEFAULT_RULES)
"""

_ERROR = re.compile(r"user\.py:(?P<line>\d+): error: (?P<message>.*)")


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[str]]:
    home = tmp_path_factory.mktemp("mypy")
    (home / "user.py").write_text(USER_FILE, encoding="utf-8")
    # An empty configuration: the user's settings, not this project's.
    (home / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    out, err, _ = api.run(
        [
            "--strict",
            "--config-file",
            str(home / "mypy.ini"),
            "--cache-dir",
            str(home / "cache"),
            # Report the user's file only, as for any installed library.
            "--follow-imports",
            "silent",
            str(home / "user.py"),
        ]
    )
    assert not err, err
    found: dict[int, list[str]] = defaultdict(list)
    for line in out.splitlines():
        match = _ERROR.search(line)
        if match:
            found[int(match["line"])].append(match["message"])
    return dict(found)


def test_what_the_library_accepts_type_checks(errors):
    # A str, a datetime and a pendulum.DateTime for an instant; minutes for
    # a duration.
    assert not {line: found for line, found in errors.items() if line < 8}


def test_interview_refuses_numbers_for_names_and_time(errors):
    assert errors[8] == [
        'Argument 1 to "Interview" has incompatible type "int"; expected "str"  [arg-type]',
        'Argument 2 to "Interview" has incompatible type "int"; expected "str"  [arg-type]',
        'Argument 3 to "Interview" has incompatible type "int"; expected "str | datetime"  [arg-type]',
    ]


def test_now_must_be_an_instant(errors):
    (message,) = errors[9]
    assert 'Argument "now" to "plan_followups"' in message
    assert '"object"' in message
    assert "[arg-type]" in message


@pytest.mark.parametrize(
    ("line", "function"), [(10, "plan_followups"), (11, "check_letter")]
)
def test_now_and_rules_are_keyword_only(errors, line, function):
    (message,) = errors[line]
    assert f'Too many positional arguments for "{function}"' in message


def test_nothing_else_is_reported(errors):
    assert set(errors) == {8, 9, 10, 11}

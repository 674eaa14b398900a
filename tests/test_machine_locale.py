"""The machine's locale changes nothing: holidays are named in English everywhere.

Left to itself, the ``holidays`` package names a country's holidays in the
language that LANGUAGE, LC_ALL, LC_MESSAGES or LANG ask for (and Python 3.12
reads ``C.UTF-8`` differently from 3.11), so a plan's reasons read
"Erster Weihnachtstag" on one machine and "Christmas Day" on another.  Each
case here plans in a fresh process under another locale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# A follow-up over Christmas in Berlin: its reason names the holidays it skips.
PLAN = """
import json
from followup import Contact, Interview, plan_followups
from followup.json import to_json
berlin = Contact("Grace Hopper", timezone="Europe/Berlin", country="DE")
interview = Interview("Ada", "Acme", "2025-12-23T10:00:00+01:00[Europe/Berlin]",
                      interviewer=berlin)
plan = plan_followups(interview)
print(json.dumps([to_json(plan), plan.explain()]))
"""

LOCALES = [
    {"LANGUAGE": "de_DE.UTF-8"},
    {"LC_ALL": "fr_FR.UTF-8"},
    {"LC_MESSAGES": "es_ES.UTF-8"},
    {"LANG": "de_DE.UTF-8"},
    {"LANG": "C.UTF-8"},
]


def planned(locale: dict[str, str]) -> list[str]:
    keep = {
        name: value
        for name, value in os.environ.items()
        if name not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
    }
    result = subprocess.run(
        [sys.executable, "-c", PLAN],
        env={**keep, **locale},
        capture_output=True,
        text=True,
        check=True,
    )
    shown: list[str] = json.loads(result.stdout)
    return shown


@pytest.fixture(scope="module")
def in_english() -> list[str]:
    return planned({"LANG": "en_US.UTF-8"})


def test_holidays_are_named_in_english(in_english: list[str]) -> None:
    _, explained = in_english
    assert "Christmas Day on Thu 25 Dec" in explained
    assert "Second Day of Christmas on Fri 26 Dec" in explained


@pytest.mark.parametrize(
    "locale", LOCALES, ids=lambda locale: "=".join(*locale.items())
)
def test_a_plan_reads_the_same_under_any_locale(
    locale: dict[str, str], in_english: list[str]
) -> None:
    assert planned(locale) == in_english

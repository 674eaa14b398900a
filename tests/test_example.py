"""The built-in example is the documented one, less the interviewer's phone.

`followup plan --example` and the docs run on `example_interview()`; the
README walks through `examples/interview.toml`.  They describe one
interview, except that the built-in one leaves the phone number out so that
its plan shows the warning for it (A2).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs

from followup import Contact, Performance, Severity, plan_followups
from followup._inputs import read_interview
from followup.example import example_interview

DOCUMENTED = Path(__file__).resolve().parent.parent / "examples" / "interview.toml"


def test_the_example_is_the_documented_interview_without_a_phone() -> None:
    documented = read_interview(str(DOCUMENTED))
    assert documented.interviewer is not None
    assert documented.interviewer.phone is not None
    without_phone = attrs.evolve(
        documented, interviewer=attrs.evolve(documented.interviewer, phone=None)
    )
    assert example_interview() == without_phone


def test_the_examples_contact_is_the_one_contact_makes() -> None:
    # Built without its checks, to spare loading email-validator: it must be
    # what `Contact` makes of the same values, down to the normal form of
    # the address, and hash and print alike.
    built = example_interview().interviewer
    checked = Contact(
        "Grace Hopper",
        email="grace.hopper@example.com",
        timezone="America/New_York",
        country="US",
        subdivision="NY",
    )
    assert (built, hash(built), repr(built)) == (checked, hash(checked), repr(checked))


def test_the_example_loads_no_module_it_does_not_need() -> None:
    # email-validator (for addresses the example does not check again) and
    # difflib (for the "did you mean" of a mistake's message): milliseconds
    # of every start.  What pendulum loads is pendulum's: 3.0.0 loads
    # difflib itself (through unittest, for its testing helpers).
    code = (
        "import sys, contextlib, io\n"
        "import attrs, pendulum\n"
        "before = set(sys.modules)\n"
        "from followup.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['plan', '--example'])\n"
        "new = set(sys.modules) - before\n"
        "print(status, 'email_validator' in new, 'difflib' in new)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "False", "False"]


def test_the_example_reads_as_its_docstring_says() -> None:
    example = example_interview()
    assert example.interviewer is not None
    assert (example.candidate, example.company, example.position) == (
        "Ada Lovelace",
        "Acme Analytics",
        "data engineer",
    )
    assert example.at.isoformat() == "2026-11-23T10:00:00-05:00"
    assert example.at.timezone_name == "America/New_York"
    assert example.duration.total_seconds() == 30 * 60
    assert example.performance is Performance.STRONG
    contact = example.interviewer
    assert (contact.name, contact.email, contact.phone) == (
        "Grace Hopper",
        "grace.hopper@example.com",
        None,
    )
    assert (contact.timezone, contact.country, contact.subdivision) == (
        "America/New_York",
        "US",
        "NY",
    )


def test_the_example_plan_asks_for_the_phone_number() -> None:
    plan = plan_followups(example_interview(), now="2026-11-23T10:30:00-05:00")
    assert [(f.code, f.severity, f.actual) for f in plan.findings] == [
        ("FU002", Severity.WARNING, "no phone number")
    ]

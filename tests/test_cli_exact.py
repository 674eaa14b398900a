"""Exact texts of the followup command: help, messages, tables.

The other command tests pin behaviour, often by a part of a message; these
pin what a user reads whole: every subcommand's ``--help`` (the options'
documentation), each refusal as its one line on standard error, the table
and the lines of ``followup due`` to the character.  ``sync`` talks to a
CalDAV server, and is tested against a real one in tests/test_sync.py.
"""

from __future__ import annotations

import io
import pathlib
import re
import sys

import pytest

from followup.cli import main
from shell import run

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
INTERVIEW = EXAMPLES / "interview.toml"
HISTORY = EXAMPLES / "interview.history.toml"
BATCH = EXAMPLES / "interviews.jsonl"
NOW = "2026-11-23T10:20:00-05:00"

HELP = [
    (
        "",
        """\
usage: followup [-h] [--version] COMMAND ...

Plan and check the follow-up after a phone interview.

positional arguments:
  COMMAND
    plan        plan the follow-up of an interview, or of many
    explain     plan an interview and explain every step
    due         list what is due, overdue or gone quiet across many interviews
    sync        push the plan to a CalDAV calendar: create, update, cancel
    draft       draft the thank-you or the follow-up, as text or an email
    check-letter
                check a thank-you or follow-up letter
    rules       list the rules

options:
  -h, --help    show this help message and exit
  --version     print the version
""",
    ),
    (
        "plan",
        """\
usage: followup plan [-h] [--example] [--history FILE] [--now ISO] [--output FILE] [--rules FILE] [--plugins | --plugin NAME] [--format {text,json,jsonl,ics}] [--zone NAME] [--events-only]
                     [--previous FILE] [--workers N]
                     [FILE]

plan the follow-up of an interview, or of many

positional arguments:
  FILE                  the interview, as TOML or JSON; or many: a JSON Lines file (.jsonl, or - for standard input), or a folder of TOML files

options:
  -h, --help            show this help message and exit
  --example             use the built-in example interview
  --history FILE        what happened since, as TOML or JSON
  --now ISO             plan as of this moment (ISO 8601 with an offset); default: the current time ('now'), or the start of the call for --example
  --output FILE         write here instead of stdout ('-': stdout)
  --rules FILE          a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins             add the rules of every installed plugin
  --plugin NAME         add the rules of this installed plugin (its entry-point name); repeat for more
  --format {text,json,jsonl,ics}
                        a table a plan (text), JSON (one plan), JSON Lines (a line a plan: {"id": ..., "plan": ...}), or one iCalendar file (ics)
  --zone NAME           with the text table: show times in this IANA zone (yours), the recipient's beside them
  --events-only         with --format ics: write messages as events, not to-dos
  --previous FILE       with --format ics: the plan imported before, as --format json wrote it; the steps this plan dropped are written as done when --history says so, else as cancelled
  --workers N           with many interviews: plan in N processes, 1 to 256 (default: 1, this one); the output is the same, in the same order
""",
    ),
    (
        "explain",
        """\
usage: followup explain [-h] [--example] [--history FILE] [--now ISO] [--output FILE] [--rules FILE] [--plugins | --plugin NAME] [--zone NAME] [FILE]

plan an interview and explain every step

positional arguments:
  FILE            the interview, as TOML or JSON

options:
  -h, --help      show this help message and exit
  --example       use the built-in example interview
  --history FILE  what happened since, as TOML or JSON
  --now ISO       plan as of this moment (ISO 8601 with an offset); default: the current time ('now'), or the start of the call for --example
  --output FILE   write here instead of stdout ('-': stdout)
  --rules FILE    a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins       add the rules of every installed plugin
  --plugin NAME   add the rules of this installed plugin (its entry-point name); repeat for more
  --zone NAME     show times in this IANA zone (yours), the recipient's beside them
""",
    ),
    (
        "due",
        """\
usage: followup due [-h] [--on DATE] [--within DAYS] [--quiet-after DAYS] [--format {text,jsonl}] [--output FILE] [--workers N] [--rules FILE] [--plugins | --plugin NAME] [FILE]

list what is due, overdue or gone quiet across many interviews

positional arguments:
  FILE                  a JSON Lines file (.jsonl), a folder of TOML files, or - for JSON Lines on standard input (the default)

options:
  -h, --help            show this help message and exit
  --on DATE             the day to look at, YYYY-MM-DD, where each recipient is; default: today there, from the system clock
  --within DAYS         also list steps whose window opens this many days after DATE (3d, or 1w; at most ten years, 3660d; default: 0d, the day only)
  --quiet-after DAYS    report an interview with nothing left to plan and no decision as gone quiet after this many days without word (at most ten years; default: 21d)
  --format {text,jsonl}
                        a line each, soonest first (text), or a JSON object a line (jsonl)
  --output FILE         write here instead of stdout ('-': stdout)
  --workers N           with many interviews: plan in N processes, 1 to 256 (default: 1, this one); the output is the same, in the same order
  --rules FILE          a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins             add the rules of every installed plugin
  --plugin NAME         add the rules of this installed plugin (its entry-point name); repeat for more
""",
    ),
    (
        "sync",
        """\
usage: followup sync [-h] [--example] [--history FILE] [--now ISO] [--output FILE] [--rules FILE] [--plugins | --plugin NAME] --to URL [--netrc FILE] [--events-only] [FILE]

push the plan to a CalDAV calendar: create, update, cancel

positional arguments:
  FILE            the interview, as TOML or JSON

options:
  -h, --help      show this help message and exit
  --example       use the built-in example interview
  --history FILE  what happened since, as TOML or JSON
  --now ISO       plan as of this moment (ISO 8601 with an offset); default: the current time ('now'), or the start of the call for --example
  --output FILE   write here instead of stdout ('-': stdout)
  --rules FILE    a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins       add the rules of every installed plugin
  --plugin NAME   add the rules of this installed plugin (its entry-point name); repeat for more
  --to URL        the CalDAV calendar (a collection URL); credentials come from FOLLOWUP_CALDAV_USERNAME and FOLLOWUP_CALDAV_PASSWORD or a netrc file, never from the command line
  --netrc FILE    read the credentials for the server's host from this netrc file (default: ~/.netrc, when the environment holds none)
  --events-only   write messages as events, not to-dos
""",
    ),
    (
        "draft",
        """\
usage: followup draft [-h] [--example] [--format {text,eml,mailto}] [--sent ISO] [--from ADDRESS] [--fit TEXT] [--topic TEXT] [--language {en,de,fr,es}] [--locale LOCALE]
                      [--greeting {name,title,first-name}] [--title TITLE] [--output FILE] [--rules FILE] [--plugins | --plugin NAME]
                      {thank-you,follow-up} [FILE]

Draft a letter that passes check-letter: as text, as an email message (.eml) to open in a mail program, or as a mailto: link.

positional arguments:
  {thank-you,follow-up}
                        which letter to draft
  FILE                  the interview, as TOML or JSON

options:
  -h, --help            show this help message and exit
  --example             use the built-in example interview
  --format {text,eml,mailto}
                        the letter (text, the default), an email message to open in a mail program (eml: an RFC 5322 message with --from, else a draft without From, marked X-Unsent), or a mailto: link
  --sent ISO            with --format eml: when it is sent, its Date (ISO 8601 with an offset), not before the call ends; default: now
  --from ADDRESS        with --format eml: From, an address (with the candidate's name) or 'Name <address>'
  --fit TEXT            for the follow-up: one sentence on why you fit the job (A8)
  --topic TEXT          for the thank-you: something you discussed on the call
  --language {en,de,fr,es}
                        the letter's language (default: en)
  --locale LOCALE       how the date and time are written, e.g. en_GB or de_AT (default: the language in the interviewer's country, else en_US, de_DE, fr_FR, es_ES)
  --greeting {name,title,first-name}
                        greet by full name, by --title and surname, or by first name (default: title with --title, else name; the hiring team when no name is known)
  --title TITLE         greet by title and surname: 'Dr.', 'Ms.'... (--greeting title)
  --output FILE         write here instead of stdout ('-': stdout)
  --rules FILE          a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins             add the rules of every installed plugin
  --plugin NAME         add the rules of this installed plugin (its entry-point name); repeat for more
""",
    ),
    (
        "check-letter",
        """\
usage: followup check-letter [-h] [--interview FILE] [--example] [--kind {thank-you,follow-up}] [--sent ISO] [--language {en,de,fr,es}] [--alias NAME] [--rules FILE] [--plugins | --plugin NAME] FILE

Check a letter's text against the rules; exit status 1 when a finding is an error.

positional arguments:
  FILE                  the letter's text ('-' for stdin)

options:
  -h, --help            show this help message and exit
  --interview FILE      the interview, as TOML or JSON
  --example             use the built-in example interview
  --kind {thank-you,follow-up}
                        which letter it is: the thank-you right after the call, or the follow-up 2 to 3 days later (default: a thank-you when its subject begins with thanks, else a follow-up)
  --sent ISO            when the letter is (or was) sent, ISO 8601 with an offset: 'yesterday' or 'this morning' are read from it (default: now)
  --language {en,de,fr,es}
                        the letter's language (default: told from its words)
  --alias NAME          another name of the company ('AWS'); may be given again
  --rules FILE          a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins             add the rules of every installed plugin
  --plugin NAME         add the rules of this installed plugin (its entry-point name); repeat for more
""",
    ),
    (
        "rules",
        """\
usage: followup rules [-h] [--format {text,markdown}] [--rules FILE] [--plugins | --plugin NAME]

List every rule.

options:
  -h, --help            show this help message and exit
  --format {text,markdown}
                        a table, or the Markdown reference of docs/rules.md
  --rules FILE          a TOML rule configuration (plugins, select, ignore, order, parameters)
  --plugins             add the rules of every installed plugin
  --plugin NAME         add the rules of this installed plugin (its entry-point name); repeat for more
""",
    ),
]


@pytest.mark.parametrize(
    ("command", "expected"), HELP, ids=[command or "main" for command, _ in HELP]
)
def test_every_help_text_is_the_documentation_of_its_options(
    command, expected, monkeypatch
):
    # Wide enough that no help line wraps: the text is compared word for word,
    # so that the layout of another Python's argparse does not matter.
    monkeypatch.setenv("COLUMNS", "200")
    result = run(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert result.stdout.split() == expected.split()
    assert result.stderr == ""


FIT = "I built the pipelines you describe."
SENT = "2026-11-25T09:00:00-05:00"


def _email_body(raw):
    import email  # noqa: PLC0415
    from email import policy  # noqa: PLC0415

    message = email.message_from_bytes(raw, policy=policy.default)
    return message, message.get_content()


def test_draft_without_an_interview_names_file_and_example():
    result = run("draft", "follow-up")
    assert result.returncode == 2
    assert result.stderr == ("followup: error: no interview: give FILE or --example\n")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["follow-up", "--sent", SENT], "--sent and --from go with --format eml"),
        (["follow-up", "--from", "ada@example.com", "--format", "mailto"],
         "--sent and --from go with --format eml"),
        (["thank-you", "--fit", FIT], "--fit goes with the follow-up"),
        (["follow-up", "--topic", "pipelines"], "--topic goes with the thank-you"),
    ],
)  # fmt: skip
def test_draft_refuses_options_of_another_format_or_letter(options, message):
    result = run("draft", "--example", *options)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"followup: error: {message}\n"


def test_draft_as_an_email_is_dated_when_sent_and_says_why_you_fit(tmp_path):
    target = tmp_path / "follow-up.eml"
    result = run(
        "draft", "follow-up", INTERVIEW, "--format", "eml", "--sent", SENT,
        "--from", "ada@example.com", "--fit", FIT, "--output", target,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    message, body = _email_body(target.read_bytes())
    assert message["Date"] == "Wed, 25 Nov 2026 09:00:00 -0500"
    assert message["From"] == "Ada Lovelace <ada@example.com>"
    assert FIT in " ".join(body.split())


def test_draft_as_an_email_names_sent_when_its_time_is_bad():
    result = run(
        "draft", "follow-up", "--example", "--format", "eml", "--sent", "yesterday"
    )
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: --sent: 'yesterday' is not an ISO 8601 date and time "
        "(e.g. 2026-11-23T10:00:00-05:00)\n"
    )


def test_draft_a_thank_you_email_mentions_the_topic():
    result = run(
        "draft", "thank-you", "--example", "--format", "eml", "--sent", SENT,
        "--topic", "the data platform",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    _, body = _email_body(result.stdout.encode())
    assert "I especially enjoyed talking about the data platform." in " ".join(
        body.split()
    )


def test_draft_as_a_mailto_link_is_one_line_with_the_fit_or_topic(tmp_path):
    result = run("draft", "follow-up", "--example", "--format", "mailto", "--fit", FIT)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert result.stdout == line + "\n"
    assert line.startswith(
        "mailto:grace.hopper@example.com?subject=Following%20up%3A%20phone%20"
    )
    assert "I%20built%20the%20pipelines%20you%20describe." in line
    target = tmp_path / "link.txt"
    result = run(
        "draft", "thank-you", "--example", "--format", "mailto",
        "--topic", "the data platform", "--output", target,
    )  # fmt: skip
    assert result.stdout == ""
    assert target.read_text().endswith("\n")
    assert "talking%20about%20the%20data%20platform." in target.read_text()


def test_draft_as_text_writes_the_letter_to_the_output(tmp_path):
    target = tmp_path / "thanks.txt"
    result = run(
        "draft", "thank-you", "--example", "--topic", "the data platform",
        "--output", target,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    letter = target.read_text()
    assert letter.startswith("Dear Grace Hopper,\n\nThank you for taking the time")
    assert letter.endswith("\n\nBest regards,\nAda Lovelace\n")


@pytest.mark.parametrize("which", ["file", "rules"])
def test_draft_never_writes_over_its_interview_or_rules(tmp_path, which):
    interview = tmp_path / "interview.toml"
    interview.write_text(INTERVIEW.read_text())
    rules = tmp_path / "rules.toml"
    rules.write_text("")
    target = interview if which == "file" else rules
    before = target.read_text()
    result = run("draft", "thank-you", interview, "--rules", rules, "--output", target)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: --output {target} is an input file; it is never "
        "overwritten\n"
    )
    assert target.read_text() == before


def test_plan_shows_nothing_to_do_after_a_decision_in_the_readers_zone(tmp_path):
    history = tmp_path / "history.toml"
    history.write_text(
        "[[events]]\n"
        'kind = "decision-received"\n'
        'at = "2026-11-24T10:00:00-05:00[America/New_York]"\n'
        'outcome = "rejected"\n'
    )
    result = run(
        "plan", INTERVIEW, "--history", history,
        "--now", "2026-11-24T11:00:00-05:00", "--zone", "Europe/Berlin",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Ada Lovelace - phone interview with Acme Analytics, "
        "Mon 23 Nov 2026 16:00 CET (10:00 EST there)\n"
        "planned as of Tue 24 Nov 2026 17:00 CET (11:00 EST there)\n"
        "\n"
        "Nothing to do.\n"
        "\n"
        "FU009 info: the company decided (rejected) on Tue 24 Nov 2026 10:00 EST: "
        "nothing more to follow up\n"
    )


def test_plan_table_in_the_readers_zone_shows_each_step_where_the_reader_is():
    result = run("plan", "--example", "--zone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        (
            "Ada Lovelace - phone interview with Acme Analytics, "
            "Mon 23 Nov 2026 16:00 CET (10:00 EST there)"
        ),
        "planned as of Mon 23 Nov 2026 16:00 CET (10:00 EST there)",
        "",
        "when                                         what        how    why",
    ]
    assert [line[:64].rstrip() for line in lines[4:] if line[:3] in {"Mon", "Wed"}] == [
        "Mon 23 Nov 2026 16:25 CET (10:25 EST there)  close-call  phone",
        "Mon 23 Nov 2026 16:30 CET (10:30 EST there)  thank-you   email",
        "Wed 25 Nov 2026 15:00 CET (09:00 EST there)  follow-up   email",
        "Mon 30 Nov 2026 15:00 CET (09:00 EST there)  call        phone",
    ]


@pytest.mark.parametrize("command", ["plan", "explain"])
def test_a_zone_that_is_no_iana_name_is_refused_naming_the_option(command):
    result = run(command, "--example", "--zone", "Mars/Base")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "followup: error: --zone: 'Mars/Base' is not an IANA time zone name "
        "(e.g. 'Europe/Paris')\n"
    )


def test_explain_in_the_readers_zone_writes_to_the_output(tmp_path):
    target = tmp_path / "explained.txt"
    result = run(
        "explain", "--example", "--zone", "Europe/Berlin", "--now", NOW,
        "--output", target,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = target.read_text()
    assert text.splitlines()[:2] == [
        "Follow-up for Ada Lovelace's phone interview with Acme Analytics",
        "Interview: Mon 23 Nov 2026 16:00 CET (10:00 EST there), 30 minutes, strong",
    ]
    assert text.endswith("got no phone number)\n")


def test_many_plans_in_the_readers_zone_are_tables_one_after_another():
    result = run(
        "plan", BATCH, "--now", "2026-11-30T10:20:00-05:00", "--zone", "Europe/Berlin"
    )
    assert result.returncode == 0, result.stderr
    tables = result.stdout.split("\n== ")
    assert tables[0].startswith("== acme-data-engineer\n")
    assert [table.split("\n", 2)[:2] for table in tables[1:]] == [
        ["orbital-analyst",
         "Ada Lovelace - phone interview with Orbital, Thu 26 Nov 2026 15:00 CET"],
        ["kernel-sre",
         "Ada Lovelace - phone interview with Kernel Labs, Mon 19 Oct 2026 12:00 CEST (11:00 BST there)"],
    ]  # fmt: skip
    assert all(table.endswith("\n") for table in tables)
    assert "\n\n\n" not in result.stdout


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_due_with_nothing_piped_into_a_terminal_says_what_to_give(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert main(["due", "--on", "2026-11-25"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "followup: error: no interviews: give a .jsonl file or a folder, "
        "or pipe JSON Lines in\n"
    )


def test_due_reads_json_lines_piped_in_by_default():
    result = run("due", "--on", "2026-11-25", stdin=BATCH.read_text())
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Wed 25 Nov 2026 09:00 EST  due  follow-up (email)  "
        "Ada Lovelace, Acme Analytics (acme-data-engineer)\n"
    )


def test_due_refuses_one_interview_pointing_to_plan():
    result = run("due", INTERVIEW, "--on", "2026-11-25")
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {INTERVIEW}: give a JSON Lines file (.jsonl) or a "
        "folder of TOML files ('followup plan' plans one interview)\n"
    )


@pytest.mark.parametrize("which", ["file", "rules"])
def test_due_never_writes_over_its_interviews_or_rules(tmp_path, which):
    batch = tmp_path / "interviews.jsonl"
    batch.write_text(BATCH.read_text())
    rules = tmp_path / "rules.toml"
    rules.write_text("")
    target = batch if which == "file" else rules
    before = target.read_text()
    result = run(
        "due", batch, "--on", "2026-11-25", "--rules", rules, "--output", target
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: --output {target} is an input file; it is never "
        "overwritten\n"
    )
    assert target.read_text() == before


def test_due_as_json_lines_keeps_other_scripts_readable_and_writes_the_output(
    tmp_path,
):
    batch = tmp_path / "interviews.jsonl"
    batch.write_text(BATCH.read_text().replace("acme-data-engineer", "café-1"))
    target = tmp_path / "due.jsonl"
    result = run(
        "due", batch, "--on", "2026-11-25", "--format", "jsonl", "--output", target
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert target.read_bytes().decode() == (
        '{"status":"due","at":"2026-11-25T09:00:00-05:00[America/New_York]",'
        '"id":"café-1","candidate":"Ada Lovelace","company":"Acme Analytics",'
        '"step":"follow-up","kind":"follow-up","how":"email","last":null,'
        '"silent_days":null,"on":"2026-11-25",'
        f'"source":"{batch}:1"}}\n'
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--example"], "give either FILE or --example, not both"),
        (["--previous", "plan.json"], f"--previous: {BATCH} holds many interviews"),
    ],
)
def test_planning_many_refuses_what_goes_with_one_interview(options, message):
    result = run("plan", BATCH, *options, "--now", NOW)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"followup: error: {message}\n"


@pytest.mark.parametrize("many", [False, True])
def test_plan_never_writes_over_its_rules_or_history(tmp_path, many):
    rules = tmp_path / "rules.toml"
    rules.write_text("")
    history = tmp_path / "history.toml"
    history.write_text(HISTORY.read_text())
    source = BATCH if many else INTERVIEW
    targets = [rules] if many else [rules, history]
    for target in targets:
        before = target.read_text()
        extra = [] if many else ["--history", history]
        result = run("plan", source, *extra, "--rules", rules, "--output", target)
        assert result.returncode == 2
        assert result.stderr == (
            f"followup: error: --output {target} is an input file; it is never "
            "overwritten\n"
        )
        assert target.read_text() == before


def test_plan_never_writes_over_the_plan_it_updates(tmp_path):
    previous = tmp_path / "plan.json"
    made = run(
        "plan", INTERVIEW, "--now", NOW, "--format", "json", "--output", previous
    )
    assert made.returncode == 0, made.stderr
    before = previous.read_bytes()
    result = run(
        "plan", INTERVIEW, "--now", NOW, "--format", "ics",
        "--previous", previous, "--output", previous,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: --output {previous} is an input file; it is never "
        "overwritten\n"
    )
    assert previous.read_bytes() == before


@pytest.mark.parametrize("named", [True, False])
def test_sync_never_writes_its_report_over_the_credentials(
    tmp_path, monkeypatch, named
):
    # Given with --netrc, or the ~/.netrc read without it.
    monkeypatch.delenv("FOLLOWUP_CALDAV_USERNAME", raising=False)
    monkeypatch.delenv("FOLLOWUP_CALDAV_PASSWORD", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine calendar.test login ada password secret\n")
    netrc.chmod(0o600)
    options = ["--netrc", netrc] if named else []
    result = run(
        "sync", "--example", "--to", "https://calendar.test/ada/",
        *options, "--output", netrc,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: --output {netrc} is an input file; it is never overwritten\n"
    )
    assert netrc.read_text() == "machine calendar.test login ada password secret\n"


def _folder_of_interviews(tmp_path):
    folder = tmp_path / "applications"
    folder.mkdir()
    (folder / "acme.toml").write_text(INTERVIEW.read_text())
    (folder / "acme.history.toml").write_text(HISTORY.read_text())
    return folder


@pytest.mark.parametrize("command", ["plan", "due"])
@pytest.mark.parametrize("name", ["acme.toml", "acme.history.toml"])
def test_a_folder_batch_never_writes_over_the_files_it_reads(tmp_path, command, name):
    folder = _folder_of_interviews(tmp_path)
    target = folder / name
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    options = ["--now", NOW] if command == "plan" else ["--on", "2026-11-25"]
    # Named from inside the folder too: the same file.
    for output in (target, pathlib.Path("applications") / name):
        result = run(command, folder, *options, "--output", output, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == (
            f"followup: error: --output {output} is an input file; it is never "
            "overwritten\n"
        )
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_a_folder_batch_writes_beside_the_files_it_reads(tmp_path):
    # Only what the batch reads is refused: a JSON Lines file in the folder,
    # a TOML file in a folder within it, or one that is not there yet (the
    # batch has read the names by then), is written.
    folder = _folder_of_interviews(tmp_path)
    (folder / "old").mkdir()
    targets = (
        folder / "plans.jsonl",
        folder / "old" / "plans.toml",
        folder / "new.toml",
    )
    for target in targets:
        result = run(
            "plan", folder, "--format", "jsonl", "--now", "2026-12-01T12:00:00Z",
            "--output", target,
        )  # fmt: skip
        assert (result.returncode, result.stderr) == (0, "")
        assert target.read_text().count("\n") == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["plan", "a" * 300 + ".toml"],
        ["explain", "a" * 300 + ".toml"],
        ["plan", "a" * 300 + ".jsonl"],
        ["due", "a" * 300 + ".jsonl"],
        ["sync", "a" * 300 + ".toml", "--to", "https://calendar.test/"],
    ],
)
def test_a_name_too_long_for_the_file_system_is_an_input_error(arguments):
    result = run(*arguments)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"followup: error: {arguments[1]}: ")
    assert result.stderr.endswith(" (File name too long)\n")


def test_plan_applies_the_rule_configuration(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('ignore = ["FU002"]\n')
    result = run("plan", "--example", "--rules", rules)
    assert result.returncode == 0, result.stderr
    assert "FU002" not in result.stdout
    assert result.stdout.endswith("(A13).\n")


def test_many_plans_as_json_lines_keep_other_scripts_readable(tmp_path):
    batch = tmp_path / "interviews.jsonl"
    batch.write_text(BATCH.read_text().replace("Acme Analytics", "Acmé"))
    result = run(
        "plan",
        batch,
        "--format",
        "jsonl",
        "--now",
        "2026-11-30T10:20:00-05:00",
        binary=True,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0].decode()
    assert first.startswith(
        '{"id":"acme-data-engineer","plan":{"interview":{"candidate":"Ada Lovelace",'
        '"company":"Acmé",'
    )


def test_many_plans_as_one_calendar_have_to_dos_unless_events_only():
    now = "2026-11-30T10:20:00-05:00"
    with_todos = run("plan", BATCH, "--format", "ics", "--now", now)
    assert with_todos.returncode == 0, with_todos.stderr
    assert "BEGIN:VTODO" in with_todos.stdout
    events = run("plan", BATCH, "--format", "ics", "--events-only", "--now", now)
    assert events.returncode == 0, events.stderr
    assert "BEGIN:VTODO" not in events.stdout
    assert "BEGIN:VEVENT" in events.stdout


def test_an_error_line_of_a_thousand_characters_is_shown_whole():
    path = "abcdefghi/" * 98 + "x.toml"
    line = f"{path}: no such file"
    assert len(line) == 1000
    result = run("plan", path)
    assert result.returncode == 2
    assert result.stderr == f"followup: error: {line}\n"


def test_a_longer_error_line_loses_its_middle_and_says_how_much():
    path = "abcdefghi/" * 98 + "xy.toml"
    line = f"{path}: no such file"
    assert len(line) == 1001
    result = run("plan", path)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {line[:600]} … (201 characters left out) … {line[-200:]}\n"
    )


@pytest.mark.parametrize("within", ["3660", "1831", "522w", "3660d"])
def test_due_looks_up_to_ten_years_ahead(within):
    result = run("due", "--on", "2026-11-25", "--within", within, stdin="")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Nothing is due, overdue or gone quiet.\n"


@pytest.mark.parametrize("within", ["3661", "523w"])
def test_due_refuses_to_look_more_than_ten_years_ahead(within):
    result = run("due", "--on", "2026-11-25", "--within", within, stdin="")
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: argument --within: '{within}' is more than ten years "
        "(see followup due --help)\n"
    )


@pytest.mark.parametrize("day", ["1900-01-02", "2199-12-31"])
def test_due_takes_the_first_and_last_day_plans_are_made_on(day):
    result = run("due", "--on", day, stdin="")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Nothing is due, overdue or gone quiet.\n"


@pytest.mark.parametrize("day", ["1900-01-01", "2200-01-01"])
def test_due_refuses_a_day_before_or_after_them(day):
    result = run("due", "--on", day, stdin="")
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: argument --on: '{day}' is not between 1900-01-02 and "
        "2199-12-31 (see followup due --help)\n"
    )


LETTER = EXAMPLES / "follow-up.txt"


def test_check_letter_without_an_interview_names_the_option_to_give():
    result = run("check-letter", LETTER, "--sent", SENT)
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: no interview: give --interview or --example\n"
    )


def test_check_letter_names_sent_when_its_time_is_bad():
    result = run("check-letter", LETTER, "--example", "--sent", "nope")
    assert result.returncode == 2
    assert result.stderr == (
        "followup: error: --sent: 'nope' is not an ISO 8601 date and time "
        "(e.g. 2026-11-23T10:00:00-05:00)\n"
    )


def test_check_letter_takes_a_letter_for_the_follow_up_by_default():
    result = run("check-letter", LETTER, "--example", "--sent", SENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{LETTER}: no findings\n"
    as_thanks = run(
        "check-letter", LETTER, "--example", "--sent", SENT, "--kind", "thank-you"
    )
    assert as_thanks.stdout == (
        f"{LETTER}: FU003 warning: the letter does not seem to thank the "
        "interviewer (A4) (expected thanks for the interview or their time, "
        "got none found)\n"
    )


def test_rules_lists_the_table_ending_with_one_line_break():
    from followup._reference import rule_table  # noqa: PLC0415
    from followup._ruleset import DEFAULT_RULES  # noqa: PLC0415

    result = run("rules")
    assert result.returncode == 0, result.stderr
    assert result.stdout == rule_table(DEFAULT_RULES) + "\n"
    assert result.stdout.splitlines()[0].split() == [
        "code", "name", "advice", "phases", "summary"
    ]  # fmt: skip


def test_draft_greets_by_name_in_english_by_default():
    result = run("draft", "thank-you", "--example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Dear Grace Hopper,"
    assert result.stdout.endswith("\n\nBest regards,\nAda Lovelace\n")


class _TerminalBytes(io.BytesIO):
    def isatty(self):
        return True


def _on_terminal(*args, stdout_too=False):
    """Run ``followup ARGS`` with standard error (and output) on a terminal."""
    err = _TerminalBytes()
    out = _TerminalBytes() if stdout_too else io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    saved = sys.stdin, sys.stdout, sys.stderr
    try:
        sys.stdin, sys.stdout, sys.stderr = streams
        status = main(list(map(str, args)))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return status, out.getvalue().decode(), err.getvalue().decode()


@pytest.fixture
def one_bad_line(tmp_path):
    path = tmp_path / "interviews.jsonl"
    path.write_text(BATCH.read_text() + "not json\n")
    return path


def test_due_on_a_terminal_shows_a_progress_bar_in_bytes_that_it_clears(
    one_bad_line,
):
    status, out, err = _on_terminal("due", one_bad_line, "--on", "2026-11-25")
    assert status == 2
    assert out.startswith("Wed 25 Nov 2026 09:00 EST  due  follow-up (email)")
    assert re.match(
        r"\rchecking:   0%\|          \| 0\.00/1\.\d\dk \[00:00<\?, \?B/s\]", err
    )
    # The problem is written through the bar: the bar's line is cleared first.
    assert re.search(
        rf"\r +\r{re.escape(str(one_bad_line))}:4: not valid JSON: "
        r"Expecting value at column 1\n\rchecking: 100%\|",
        err,
    )
    assert re.search(r"\| 1\.\d\dk/1\.\d\dk \[[^]]*\]\r +\r\Z", err)


def test_planning_many_shows_the_bar_unless_the_plans_go_to_the_terminal(
    one_bad_line,
):
    now = "2026-11-30T10:20:00-05:00"
    status, out, err = _on_terminal("plan", one_bad_line, "--now", now)
    assert status == 2
    assert out.startswith("== acme-data-engineer\n")
    assert err.startswith("\rplanning:   0%|")
    assert re.search(r"\r +\r\Z", err)
    status, out, err = _on_terminal("plan", one_bad_line, "--now", now, stdout_too=True)
    assert status == 2
    assert out.startswith("== acme-data-engineer\n")
    assert err == (f"{one_bad_line}:4: not valid JSON: Expecting value at column 1\n")


def test_due_lists_soonest_first_in_aligned_columns_with_quiet_after_21_days():
    result = run("due", BATCH, "--on", "2026-12-02", "--within", "2d")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Mon 9 Nov 2026 10:00 GMT  quiet    no word for 23 days (last: called)  Ada Lovelace, Kernel Labs (kernel-sre)",
        "Wed 2 Dec 2026 00:00 CET  overdue  thank-you (email)                   Ada Lovelace, Orbital (orbital-analyst)",
        "Wed 2 Dec 2026 09:00 EST  overdue  follow-up (email)                   Ada Lovelace, Acme Analytics (acme-data-engineer)",
        "Thu 3 Dec 2026 09:00 CET  overdue  follow-up (email)                   Ada Lovelace, Orbital (orbital-analyst)",
        "Fri 4 Dec 2026 09:00 EST  due      call (phone)                        Ada Lovelace, Acme Analytics (acme-data-engineer)",
    ]
    later = run("due", BATCH, "--on", "2026-12-02", "--quiet-after", "24d")
    assert later.returncode == 0, later.stderr
    assert "quiet" not in later.stdout
    assert later.stdout.startswith("Wed 2 Dec 2026 00:00 CET  overdue  thank-you")


def test_check_letter_applies_the_rule_configuration(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('ignore = ["FU003"]\n')
    result = run(
        "check-letter", LETTER, "--example", "--sent", SENT, "--kind", "thank-you",
        "--rules", rules,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{LETTER}: no findings\n"


SHORT_FOLLOW_UP = (
    "Dear Grace Hopper,\n"
    "Following up on our phone interview on Monday, November 23, 2026 at 10:00 AM "
    "EST: I remain very interested in Acme Analytics. I believe my experience and "
    "skills fit the job well.\n"
    "Best regards, Ada Lovelace\n"
)


@pytest.mark.parametrize("form", ["text", "mailto", "eml"])
def test_draft_keeps_the_follow_up_within_the_configured_line_limit(tmp_path, form):
    rules = tmp_path / "rules.toml"
    rules.write_text("[rules.FU004]\nmax_lines = 5\n")
    result = run(
        "draft", "follow-up", "--example", "--rules", rules, "--format", form,
        *(["--sent", SENT] if form == "eml" else []),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    if form == "text":
        assert result.stdout == SHORT_FOLLOW_UP
    elif form == "mailto":
        assert result.stdout.endswith(
            "&body=Dear%20Grace%20Hopper%2C%0D%0AFollowing%20up%20on%20our%20phone%20"
            "interview%20on%20Monday%2C%20November%2023%2C%202026%20at%2010%3A00%20"
            "AM%20EST%3A%20I%20remain%20very%20interested%20in%20Acme%20Analytics."
            "%20I%20believe%20my%20experience%20and%20skills%20fit%20the%20job%20"
            "well.%0D%0ABest%20regards%2C%20Ada%20Lovelace%0D%0A\n"
        )
    else:
        assert _email_body(result.stdout.encode())[1] == SHORT_FOLLOW_UP


def test_draft_as_an_email_is_written_in_the_language_and_greeting_asked_for():
    result = run(
        "draft", "follow-up", "--example", "--format", "eml", "--sent", SENT,
        "--language", "de", "--greeting", "first-name",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    message, body = _email_body(result.stdout.encode())
    assert message["Subject"] == (
        "Nachfrage: Telefoninterview am 23. November 2026 (data engineer)"
    )
    assert body.startswith("Hallo Grace,\n\ngerne komme ich auf unser Telefoninterview")


def test_draft_as_a_mailto_link_is_written_in_the_language_asked_for():
    result = run(
        "draft", "follow-up", "--example", "--format", "mailto", "--language", "de"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "mailto:grace.hopper@example.com?subject=Nachfrage%3A%20Telefoninterview%20am%20"
    )


def test_planning_many_runs_without_a_standard_error_stream(monkeypatch, tmp_path):
    # As under pythonw, where sys.stderr is None: no bar, and nothing to report.
    target = tmp_path / "plans.jsonl"
    monkeypatch.setattr(sys, "stderr", None)
    status = main(
        ["plan", str(BATCH), "--now", "2026-11-30T10:20:00-05:00", "--format", "jsonl",
         "--output", str(target)]
    )  # fmt: skip
    assert status == 0
    assert len(target.read_text().splitlines()) == 3


def test_a_rules_file_that_is_a_symlink_loop_is_one_line_and_exit_2(tmp_path):
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = run(
        "draft", "thank-you", "--example", "--rules", loop, "--output", tmp_path / "out"
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"followup: error: {loop}: cannot be read (Too many levels of symbolic links)\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("plan", "", "--now", NOW), "FILE"),
        (("plan", INTERVIEW, "--history", "", "--now", NOW), "--history"),
        (("plan", INTERVIEW, "--rules", "", "--now", NOW), "--rules"),
        (("plan", INTERVIEW, "--format", "ics", "--previous", ""), "--previous"),
        (("explain", INTERVIEW, "--history", ""), "--history"),
        (("due", "", "--on", "2026-12-01"), "FILE"),
        (("draft", "thank-you", ""), "FILE"),
        (("check-letter", ""), "FILE"),
        (("check-letter", "-", "--interview", ""), "--interview"),
        (("rules", "--rules", ""), "--rules"),
        (("sync", INTERVIEW, "--to", "http://127.0.0.1:9/", "--netrc", ""), "--netrc"),
    ],
)
def test_an_empty_file_name_is_refused_naming_its_option(args, named):
    # What `--history "$HISTORY"` passes with the variable unset: it used to
    # be read as no history (done steps planned again), and `due ''` read the
    # current folder.
    _refused_naming(args, named, "an empty name names no file", stdin="")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("plan", INTERVIEW, "--history", "-", "--now", NOW), "--history"),
        (("plan", INTERVIEW, "--rules", "-", "--now", NOW), "--rules"),
        (("plan", INTERVIEW, "--format", "ics", "--previous", "-"), "--previous"),
        (("explain", INTERVIEW, "--history", "-"), "--history"),
        (("draft", "thank-you", "-"), "FILE"),
        (("check-letter", "-", "--interview", "-"), "--interview"),
        (("sync", INTERVIEW, "--to", "http://127.0.0.1:9/", "--netrc", "-"), "--netrc"),
    ],
)
def test_standard_input_where_a_file_is_read_is_refused_naming_its_option(args, named):
    # It used to be looked for as a file called "-": "-: no such file".
    why = "'-' (standard input) is not read here: name a file"
    _refused_naming(args, named, why, stdin="[]")


def _refused_naming(args, named, why, *, stdin):
    """The command exits 2 with one line: `named`'s argument, and `why`."""
    result = run(*args, stdin=stdin)
    command = next(arg for arg in args if isinstance(arg, str) and arg)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"followup: error: argument {named}: {why} (see followup {command} --help)\n"
    )

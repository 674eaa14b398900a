"""The ``followup`` command: plan, list what is due, sync, explain, check a letter.

The command is an edge of the library: it reads files, writes output, and is
the one place that reads the clock: ``plan``, ``explain`` and ``sync`` without
``--now`` plan as of the current time (in UTC), which is what a person
running them days after the call means, and ``followup due`` without
``--on`` lists what is due today.  ``--now`` pins the moment, so that a
shown output stays the same on every run.  The built-in example is the one
exception: it is planned as of the start of its call unless ``--now`` says
otherwise, so that ``followup plan --example`` always shows every step.

Bad input ends with exit status 2 and one line on standard error naming the
file and the field, with a long value cut short; no input file is ever
modified, and ``--output`` writes through a temporary file renamed into place
(beside the file a symbolic link leads to, keeping the mode of the file it
replaces), or straight into a device or a pipe.  Standard output that cannot
be written (a full disk, or closed) is one such line too; Ctrl-C is the line
``followup: interrupted`` and exit status 130.  Many interviews (a JSON Lines
file or a folder, see `followup._inputs`) stream through one at a time: a
bad one is reported by its line or file and the rest go on, and the exit
status is 2 at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import os
import re
import stat
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar, final

from followup._command_output import (
    cannot_write,
    emit,
    output_to,
    refuse_standard_output_onto,
    refuse_to_overwrite,
    refuse_to_overwrite_batch,
)
from followup._fields import shown_safely
from followup._inputs import (
    InputError,
    is_batch,
    open_batch,
    read_history,
    read_interview,
    read_standard_input,
    read_text,
)
from followup._table import table
from followup.errors import (
    FollowUpError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    PluginError,
    RuleError,
)

# The languages letters are read and drafted in (followup._languages, which
# the command imports only when it reads a letter; a test keeps them equal).
LETTER_LANGUAGES = ("en", "de", "fr", "es")

#: What a batch command writes of one entry's plan (`followup._batch_work`).
P = TypeVar("P")

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator, Sequence

    from _typeshed import SupportsWrite

    from followup._batch_work import CalendarPiece, Done, DueLine
    from followup._command_output import Sink
    from followup._history import Event
    from followup._inputs import Batch
    from followup._interview import Interview
    from followup._plan import FollowUpPlan
    from followup._ruleset import RuleSet
    from followup._writing import Greeting, Style


__all__ = ["InputError", "main", "run"]

_PROGRAM = "followup"
#: A negative number's start: argparse takes such an argument as a value.
_NEGATIVE = re.compile(r"-\.?[0-9]")

#: Whether `run` turned the garbage collector off for this process's
#: start-up; never so when other code calls `main`.
_collector_paused = False


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What begins as a negative number does (-1d, -2w, -.5) is a value,
        # as later Pythons' argparse reads it, not an unknown option: `due
        # --within -1d` said "expected one argument", not what is wrong with
        # -1d.  No option of the command looks like a number.
        self._negative_number_matcher = _NEGATIVE

    def _print_message(
        self, message: str, file: SupportsWrite[str] | None = None
    ) -> None:
        # argparse drops whatever fails as it writes (so `--help` on a full
        # disk said nothing and exited 0); help for standard output goes
        # through the commands' sink, and a failure is their one line.
        if file is sys.stdout and message:
            emit(None, message.encode())
        else:
            super()._print_message(message, file)

    def error(self, message: str) -> NoReturn:
        # argparse prints the usage and then the error; one clear line is
        # promised instead.
        line = shown_safely(_error_line(message))
        self.exit(2, f"{_PROGRAM}: error: {line} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_PROGRAM,
        description="Plan and check the follow-up after a phone interview.",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )

    def planning(name: str, summary: str, file: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument("file", nargs="?", metavar="FILE", type=_file_name, help=file)
        sub.add_argument(
            "--example", action="store_true", help="use the built-in example interview"
        )
        sub.add_argument(
            "--history",
            metavar="FILE",
            type=_named_file,
            help="what happened since, as TOML or JSON",
        )
        sub.add_argument(
            "--now",
            metavar="ISO",
            help="plan as of this moment (ISO 8601 with an offset); default: "
            "the current time ('now'), or the start of the call for --example",
        )
        _output_option(sub)
        _rules_option(sub)
        return sub

    plan = planning(
        "plan",
        "plan the follow-up of an interview, or of many",
        "the interview, as TOML or JSON; or many: a JSON Lines file (.jsonl, "
        "or - for standard input), or a folder of TOML files",
    )
    _plan_options(plan)
    explain = planning(
        "explain",
        "plan an interview and explain every step",
        "the interview, as TOML or JSON",
    )
    explain.add_argument(
        "--zone",
        metavar="NAME",
        help="show times in this IANA zone (yours), the recipient's beside them",
    )
    _due_parser(commands)
    sync = planning(
        "sync",
        "push the plan to a CalDAV calendar: create, update, cancel",
        "the interview, as TOML or JSON",
    )
    sync.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the CalDAV calendar (a collection URL); credentials come from "
        "FOLLOWUP_CALDAV_USERNAME and FOLLOWUP_CALDAV_PASSWORD or a netrc file, "
        "never from the command line",
    )
    sync.add_argument(
        "--netrc",
        metavar="FILE",
        type=_named_file,
        help="read the credentials for the server's host from this netrc file "
        "(default: ~/.netrc, when the environment holds none)",
    )
    sync.add_argument(
        "--events-only",
        action="store_true",
        help="write messages as events, not to-dos",
    )

    draft = commands.add_parser(
        "draft",
        help="draft the thank-you or the follow-up, as text or an email",
        description="Draft a letter that passes check-letter: as text, as an "
        "email message (.eml) to open in a mail program, or as a mailto: link.",
    )
    draft.add_argument(
        "kind", choices=("thank-you", "follow-up"), help="which letter to draft"
    )
    draft.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        type=_named_file,
        help="the interview, as TOML or JSON",
    )
    draft.add_argument(
        "--example", action="store_true", help="use the built-in example interview"
    )
    draft.add_argument(
        "--format",
        choices=("text", "eml", "mailto"),
        default="text",
        help="the letter (text, the default), an email message to open in a "
        "mail program (eml: an RFC 5322 message with --from, else a draft "
        "without From, marked X-Unsent), or a mailto: link",
    )
    draft.add_argument(
        "--sent",
        metavar="ISO",
        help="with --format eml: when it is sent, its Date (ISO 8601 with an "
        "offset), not before the call ends; default: now",
    )
    draft.add_argument(
        "--from",
        dest="sender",
        metavar="ADDRESS",
        help="with --format eml: From, an address (with the candidate's name) "
        "or 'Name <address>'",
    )
    draft.add_argument(
        "--fit",
        metavar="TEXT",
        help="for the follow-up: one sentence on why you fit the job (A8)",
    )
    draft.add_argument(
        "--topic",
        metavar="TEXT",
        help="for the thank-you: something you discussed on the call",
    )
    draft.add_argument(
        "--language",
        choices=LETTER_LANGUAGES,
        default="en",
        help="the letter's language (default: en)",
    )
    draft.add_argument(
        "--locale",
        metavar="LOCALE",
        help="how the date and time are written, e.g. en_GB or de_AT (default: "
        "the language in the interviewer's country, else en_US, de_DE, fr_FR, "
        "es_ES)",
    )
    draft.add_argument(
        "--greeting",
        choices=("name", "title", "first-name"),
        default=None,
        help="greet by full name, by --title and surname, or by first name "
        "(default: title with --title, else name; the hiring team when no "
        "name is known)",
    )
    draft.add_argument(
        "--title",
        metavar="TITLE",
        help="greet by title and surname: 'Dr.', 'Ms.'... (--greeting title)",
    )
    _output_option(draft)
    _rules_option(draft)

    letter = commands.add_parser(
        "check-letter",
        help="check a thank-you or follow-up letter",
        description="Check a letter's text against the rules; exit status 1 "
        "when a finding is an error.",
    )
    letter.add_argument(
        "file",
        metavar="FILE",
        type=_file_name,
        help="the letter's text ('-' for stdin)",
    )
    letter.add_argument(
        "--interview",
        metavar="FILE",
        type=_named_file,
        help="the interview, as TOML or JSON",
    )
    letter.add_argument(
        "--example", action="store_true", help="use the built-in example interview"
    )
    letter.add_argument(
        "--kind",
        choices=("thank-you", "follow-up"),
        help="which letter it is: the thank-you right after the call, or the "
        "follow-up 2 to 3 days later (default: a thank-you when its subject "
        "begins with thanks, else a follow-up)",
    )
    letter.add_argument(
        "--sent",
        metavar="ISO",
        help="when the letter is (or was) sent, ISO 8601 with an offset: "
        "'yesterday' or 'this morning' are read from it (default: now)",
    )
    letter.add_argument(
        "--language",
        choices=LETTER_LANGUAGES,
        help="the letter's language (default: told from its words)",
    )
    letter.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="NAME",
        help="another name of the company ('AWS'); may be given again",
    )
    _rules_option(letter)

    rules = commands.add_parser(
        "rules", help="list the rules", description="List every rule."
    )
    rules.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="a table, or the Markdown reference of docs/rules.md",
    )
    _rules_option(rules)
    return parser


def _plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "ics"),
        default="text",
        help="a table a plan (text), JSON (one plan), JSON Lines (a line "
        'a plan: {"id": ..., "plan": ...}), or one iCalendar file (ics)',
    )
    parser.add_argument(
        "--zone",
        metavar="NAME",
        help="with the text table: show times in this IANA zone (yours), the "
        "recipient's beside them",
    )
    parser.add_argument(
        "--events-only",
        action="store_true",
        help="with --format ics: write messages as events, not to-dos",
    )
    parser.add_argument(
        "--previous",
        metavar="FILE",
        type=_named_file,
        help="with --format ics: the plan imported before, as --format json "
        "wrote it; the steps this plan dropped are written as done when "
        "--history says so, else as cancelled",
    )
    _workers_option(parser)


def _due_parser(commands: Any) -> None:
    summary = "list what is due, overdue or gone quiet across many interviews"
    due = commands.add_parser("due", help=summary, description=summary)
    due.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        type=_file_name,
        help="a JSON Lines file (.jsonl), a folder of TOML files, or - for "
        "JSON Lines on standard input (the default)",
    )
    due.add_argument(
        "--on",
        type=_date,
        metavar="DATE",
        help="the day to look at, YYYY-MM-DD, where each recipient is; "
        "default: today there, from the system clock",
    )
    due.add_argument(
        "--within",
        type=_days,
        default=0,
        metavar="DAYS",
        help="also list steps whose window opens this many days after DATE "
        "(3d, or 1w; at most ten years, 3660d; default: 0d, the day only)",
    )
    due.add_argument(
        "--quiet-after",
        type=_days,
        default=QUIET_DAYS,
        metavar="DAYS",
        help="report an interview with nothing left to plan and no decision "
        "as gone quiet after this many days without word (at most ten years; "
        f"default: {QUIET_DAYS}d)",
    )
    due.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="a line each, soonest first (text), or a JSON object a line (jsonl)",
    )
    _output_option(due)
    _workers_option(due)
    _rules_option(due)


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        metavar="FILE",
        type=_output_file,
        help="write here instead of stdout ('-': stdout)",
    )


def _output_file(value: str) -> str | None:
    # "-" is standard output, as it is standard input for the files the
    # commands read; a file of that name is still ./-.
    return None if value == "-" else value


#: Mirrors followup._due.QUIET_DAYS, which --help must not import.
QUIET_DAYS = 21
_DAYS = re.compile(r"([0-9]+)([dw]?)")
#: The most days `--within` and `--quiet-after` take: ten years, past any
#: follow-up; more is a typing slip.
_MOST_DAYS = 3660
_DIGITS_OF_MOST = len(str(_MOST_DAYS))
#: Mirror followup._time.EARLIEST and LATEST (1900-01-01 to 2199-12-31 UTC),
#: which --help must not import: a day's start, in any zone, falls between.
_FIRST_DAY, _LAST_DAY = dt.date(1900, 1, 2), dt.date(2199, 12, 31)


def _days(text: str) -> int:
    match = _DAYS.fullmatch(text.strip())
    if match is None:
        message = f"give days (3d) or weeks (2w), not {text!r}"
        raise argparse.ArgumentTypeError(message)
    digits = match[1].lstrip("0") or "0"
    # A count of more digits than the limit is past it; int() would refuse
    # one of thousands.
    count = (
        int(digits) * (7 if match[2] == "w" else 1)
        if len(digits) <= _DIGITS_OF_MOST
        else _MOST_DAYS + 1
    )
    if count > _MOST_DAYS:
        message = f"{text!r} is more than ten years"
        raise argparse.ArgumentTypeError(message)
    return count


def _file_name(text: str) -> str:
    # What `--history "$HISTORY"` passes with the variable unset: read as no
    # history at all, steps already done would be planned again; and as a
    # path it names the current folder.
    if not text:
        message = "an empty name names no file"
        raise argparse.ArgumentTypeError(message)
    return text


def _named_file(text: str) -> str:
    # "-" is standard input only where a command reads it (a batch, a
    # letter); an option that reads a file of its own looked for one called
    # "-" and said there was none.
    if text == "-":
        message = "'-' (standard input) is not read here: name a file"
        raise argparse.ArgumentTypeError(message)
    return _file_name(text)


def _workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="with many interviews: plan in N processes, 1 to 256 (default: 1, "
        "this one); the output is the same, in the same order",
    )


def _workers(text: str) -> int:
    # ASCII digits: str.isdecimal() and int() take any script's.
    if not _NUMBER.fullmatch(text.strip()) or not 1 <= int(text) <= _MOST_WORKERS:
        message = f"give a number of processes from 1 to {_MOST_WORKERS}, not {text!r}"
        raise argparse.ArgumentTypeError(message)
    return int(text)


#: More processes than any machine this runs on has cores is a typing slip.
_MOST_WORKERS = 256
_NUMBER = re.compile(r"[0-9]+")
#: What the help promises; date.fromisoformat() also takes 20261201 and
#: 2026-W48-1 from Python 3.11 on, but not on 3.10.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_day(text: str) -> dt.date | None:
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return None


def _date(text: str) -> dt.date:
    day = _iso_day(text.strip())
    if day is None:
        message = f"give a date as YYYY-MM-DD, not {text!r}"
        raise argparse.ArgumentTypeError(message)
    if not _FIRST_DAY <= day <= _LAST_DAY:
        # Each interview is planned as of the start of this day where its
        # recipient is: in any zone, an instant plans may be made as of.
        message = f"{text!r} is not between {_FIRST_DAY} and {_LAST_DAY}"
        raise argparse.ArgumentTypeError(message)
    return day


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="FILE",
        type=_named_file,
        help="a TOML rule configuration (plugins, select, ignore, order, parameters)",
    )
    # Two options, not one with an optional value: `--plugins FILE` would
    # take the interview file for a plugin's name.
    plugins = parser.add_mutually_exclusive_group()
    plugins.add_argument(
        "--plugins",
        action="store_true",
        help="add the rules of every installed plugin",
    )
    plugins.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="add the rules of this installed plugin (its entry-point name); "
        "repeat for more",
    )


def _rule_set(args: argparse.Namespace) -> Any:
    from followup._ruleset import DEFAULT_RULES, RuleSet  # noqa: PLC0415

    rules = DEFAULT_RULES
    if args.plugins or args.plugin:
        option = "--plugins" if args.plugins else "--plugin"
        try:
            # No names (--plugins) loads every installed plugin.
            rules = rules.with_plugins(*args.plugin)
        except PluginError as error:
            raise PluginError(f"{option}: {error}", error.problems) from error
    # The file configures on top of the plugins asked for here; those it
    # names itself are loaded once, whichever says so first.
    if args.rules:
        rules = RuleSet.from_toml(args.rules, base=rules)
    return rules


def run() -> NoReturn:
    """Run the ``followup`` program, in a process of its own, and exit.

    `main`, with Python's garbage collector set for a short process.  Code
    that runs the command in its own process calls `main`, which leaves the
    collector as it finds it.
    """
    global _collector_paused  # noqa: PLW0603 - this process's one setting
    # Starting up makes tens of thousands of objects that live as long as
    # the process (modules, classes, a country's holidays), and the
    # collector walks them again and again while they are made, finding no
    # garbage: 12 ms of the 190 that `plan --example` took.  One interview
    # leaves little garbage; a batch turns the collector back on
    # (`_Progress`).
    gc.disable()
    _collector_paused = True
    _end_on_termination()
    try:
        status = _flushed(main())
    except KeyboardInterrupt:
        # Ctrl-C: a line, not the traceback of wherever the batch was; an
        # --output file is left as it was (`output_to`).  128 + SIGINT, as
        # shells report it.
        _tell(f"{_PROGRAM}: interrupted")
        status = 130
    except _Terminated as ended:
        # `kill`, a service manager stopping it, a terminal closed or an ssh
        # session dropped: as Ctrl-C, 128 + the signal's number.
        _tell(f"{_PROGRAM}: {ended.said}")
        status = 128 + ended.number
    finally:
        # On the way out Python collects once more, walking every object,
        # before it takes the modules apart (27 ms of those 190).  Frozen
        # objects are not walked; they are freed all the same.
        gc.freeze()
        _let_go_of_standard_output()
    sys.exit(status)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is, to unwind as Ctrl-C does.

    A BaseException, as KeyboardInterrupt is: no handler for errors takes
    it for one, and `output_to` removes its temporary file on the way out
    (killed outright, a batch left a hidden ``.NAME.*.tmp`` of megabytes
    beside the --output file).
    """

    def __init__(self, number: int, said: str) -> None:
        super().__init__(number, said)
        self.number = number
        self.said = said


def _end_on_termination() -> None:
    import signal  # noqa: PLC0415

    program = os.getpid()
    said: dict[int, str] = {}

    def terminated(number: int, frame: object) -> None:  # noqa: ARG001
        if os.getpid() != program:
            # A process forked for --workers inherits the handler: it ends
            # as it would have, its parent cleans up.
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
            return
        raise _Terminated(number, said[number])

    for name, words in (("SIGTERM", "terminated"), ("SIGHUP", "hung up")):
        number = getattr(signal, name, None)
        # Only where the signal would kill the process: `nohup` has SIGHUP
        # ignored, and so it stays.
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            said[number] = words
            signal.signal(number, terminated)


def _flushed(status: int) -> int:
    """`status`, or 2 if standard output cannot take what it still holds.

    The commands flush what they write (`output_to`); text something else
    printed after that (a plugin's rule, say) is flushed here, so that a
    full disk is still one line and status 2, not a quiet 0.
    """
    stream = sys.stdout
    if stream is None:
        return status
    try:
        stream.flush()
    except BrokenPipeError:
        return status
    except OSError as error:
        if status == 0:
            message = str(cannot_write(None, error))
            _tell(f"{_PROGRAM}: error: {message}")
            return 2
    return status


def _let_go_of_standard_output() -> None:
    """Drop what standard output holds and could not write: it has been told.

    A reader that went away (``| head``) or a full disk fails the write
    `main` reports (or, for a reader, quietly leaves); the bytes left in
    the buffer would fail once more as Python exits, as "Exception ignored"
    and status 120.  Pointed at the null device, they are let go.
    """
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except (OSError, ValueError):
        _let_go_of(stream)


def _let_go_of(stream: IO[str]) -> None:
    """Point `stream`'s descriptor at the null device: what it holds is dropped."""
    with contextlib.suppress(OSError, ValueError):
        ignored = os.open(os.devnull, os.O_WRONLY)
        os.dup2(ignored, stream.fileno())
        os.close(ignored)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None and not args.version:
            # A usage error, as every other: on standard error, where a
            # script's `followup $EMPTY > out.txt` does not write it to its
            # output.
            parser.print_help(sys.stderr)
            return 2
        if args.version:
            return _version_command()
        return int(_COMMANDS[args.command](args))
    except FollowUpError as error:
        _tell(f"{_PROGRAM}: error: {_error_line(str(error))}")
        return 2
    except BrokenPipeError:  # pragma: no cover - the reader went away
        return 0
    except Exception as error:
        if not _lost_a_worker(error):
            raise
        # Killed, or out of memory: a line that says so, not a traceback.
        _tell(f"{_PROGRAM}: error: --workers: {error}")
        return 2


def _tell(line: str) -> None:
    """Write `line` on standard error; if it cannot be written, let it go.

    The exit status still says it: standard error full or closed (``2>&-``)
    must not stop a batch at its first bad line, nor turn status 2 into the
    1 of a traceback that cannot be shown either.
    """
    stream = sys.stderr
    if stream is None:  # closed when Python started
        return
    try:
        stream.write(shown_safely(line) + "\n")
        stream.flush()
    except (OSError, ValueError):
        # What the buffer holds would fail again as Python exits, and be
        # reported there (on standard error...) with status 120.
        _let_go_of(stream)


def _version_command() -> int:
    from followup.ics import _version  # noqa: PLC0415

    emit(None, f"{_PROGRAM} {_version()}\n".encode())
    return 0


def _lost_a_worker(error: Exception) -> bool:
    # Looked up, not imported: a command that started no process has not
    # loaded the module, and need not.
    module = sys.modules.get("concurrent.futures.process")
    return module is not None and isinstance(error, module.BrokenProcessPool)


#: A quoted value longer than this is cut to its first _SHOWN characters and
#: its length, as followup.errors cuts the values it quotes.  Not cut again:
#: one cut there (80 and an ellipsis), or a name of the 100 a name may have.
_LONG = 100
_SHOWN = 80
#: ... and a line still longer than this loses its middle (a huge list, say).
_LINE = 1000
_HEAD, _TAIL = 600, 200
# A value as repr() quotes it: no bare quote of its kind inside.  Not after a
# letter or a backslash, so that "don't" or an escaped quote opens none, and
# every failed try stops at the next quote: the search stays linear.
_QUOTED = re.compile(
    r"""(?<![\w\\])(?:'[^'\\]*(?:\\.[^'\\]*)*'|"[^"\\]*(?:\\.[^"\\]*)*")(?!\w)"""
)
_ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)")


def _error_line(text: str) -> str:
    """`text` on one line, each long value in it cut to its start and its length.

    Many messages quote the value at fault whole (an unknown key, an id, an
    argument), and that may be ten megabytes; the line on standard error must
    stay a line.  Cut before it is joined, so that the joining never splits a
    huge value into words.
    """
    line = _one_line(_QUOTED.sub(_cut, text))
    if len(line) > _LINE:
        left_out = len(line) - _HEAD - _TAIL
        line = f"{line[:_HEAD]} … ({left_out} characters left out) … {line[-_TAIL:]}"
    return line


def _cut(match: re.Match[str]) -> str:
    quoted = match[0]
    inside = quoted[1:-1]
    if len(inside) <= _LONG:
        return quoted
    # The value's length, not its quoted form's: "\n" is one character.
    length = len(_ESCAPE.sub("_", inside))
    return f"{quoted[0]}{inside[:_SHOWN]}…{quoted[0]} ({length} characters)"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plan_command(args: argparse.Namespace) -> int:
    _check_zone(args.zone, args.format)
    if args.events_only and args.format != "ics":
        # As --zone and --previous are: an option the output does not use
        # would let a slip (--format left out) pass unseen.
        raise InputError("--events-only goes with --format ics")
    if args.file and is_batch(args.file):
        return _plan_batch(args)
    if args.previous and args.format != "ics":
        raise InputError("--previous goes with --format ics")
    if args.workers != 1:
        # One interview is one plan: nothing to share between processes.
        raise InputError(
            "--workers goes with many interviews (a .jsonl file or a folder)"
        )
    plan, history = _plan_and_history(args)
    if args.format == "json":
        from followup.json import to_json  # noqa: PLC0415

        emit(args.output, (to_json(plan, indent=2) + "\n").encode())
    elif args.format == "jsonl":
        from followup._json_lines import json_line  # noqa: PLC0415
        from followup.json import unstructure  # noqa: PLC0415

        # The shape of a line of a batch's output: one reader for both.  A
        # file on its own is no tracker's application: it has no id.
        emit(args.output, json_line({"id": None, "plan": unstructure(plan)}))
    elif args.format == "ics":
        from followup.ics import to_ics  # noqa: PLC0415

        previous = _previous(args.previous) if args.previous else None
        if previous is not None:
            _warn_if_another(args.previous, previous, plan)
        # The history tells the steps done since the previous plan from
        # those called off.
        ics = to_ics(
            plan, todos=not args.events_only, previous=previous, history=history
        )
        emit(args.output, ics)
    else:
        emit(args.output, table(plan, zone=args.zone).encode())
    return 0


def _check_zone(name: str | None, output: str) -> None:
    """Refuse a reader's zone that is no IANA name, or that nothing would show."""
    if name is None:
        return
    if output != "text":
        raise InputError("--zone goes with the text table (--format text)")
    from followup._time import zone as time_zone  # noqa: PLC0415

    time_zone(name, "--zone")


def _previous(path: str) -> FollowUpPlan:
    """The plan written before, read back from its JSON."""
    from followup._plan import FollowUpPlan  # noqa: PLC0415
    from followup.json import from_json  # noqa: PLC0415

    # A file that cannot be read says so with its name, as --history's does.
    text = read_text(path)
    try:
        return from_json(text, FollowUpPlan)
    except FollowUpError as error:
        if _is_json_lines_of_plans(text):
            # Read as one plan, it was a wall of unknown and missing keys.
            raise InputError(
                f"{path}: holds plans as `plan --format jsonl` writes them "
                '({"id": ..., "plan": ...} a line); --previous takes one plan, '
                "as `plan --format json` writes it"
            ) from error
        if text.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR":
            # The file imported into the calendar is the natural guess.
            raise InputError(
                f"{path}: is a calendar (iCalendar); --previous takes the plan "
                "as `plan --format json` wrote it: keep that file beside the "
                ".ics you import"
            ) from error
        raise InputError(f"{path}: {error}") from error


def _is_json_lines_of_plans(text: str) -> bool:
    import json  # noqa: PLC0415

    first = text.lstrip().partition("\n")[0]
    try:
        line = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(line, dict) and set(line) == {"id", "plan"}


def _warn_if_another(path: str, previous: FollowUpPlan, plan: FollowUpPlan) -> None:
    """Say so when `previous` is the plan of another interview than `plan`.

    None of its items match the plan's then, and all are written as dropped:
    right for an interview whose id, candidate, company or position changed
    since, but a wrong file given to --previous would take every item out of
    the calendar without a word.
    """
    from followup._changes import interview_key  # noqa: PLC0415

    count = len(previous.steps)
    if not count or interview_key(previous.interview) == interview_key(plan.interview):
        return
    dropped = (
        "its item matches none of this plan's and is"
        if count == 1
        else f"none of its {count} items match this plan's, and all are"
    )
    _tell(
        f"{_PROGRAM}: warning: --previous {path} is the plan of another "
        f"interview, {_who(previous.interview)} and not "
        f"{_who(plan.interview)}: {dropped} written as dropped"
    )


def _who(interview: Interview) -> str:
    # What `interview_key` goes by, in words.
    if interview.id is not None:
        return f"id {interview.id!r}"
    parts = (interview.candidate, interview.company, interview.position)
    return repr(", ".join(part for part in parts if part is not None))


def _sync_command(args: argparse.Namespace) -> int:
    if args.file and is_batch(args.file):
        raise InputError(f"{args.file}: sync takes one interview")
    username, password = _credentials(args.to, args.netrc)
    plan, history = _plan_and_history(args)
    from followup.sync import CredentialsError, SyncError, sync_plan  # noqa: PLC0415

    try:
        synced = sync_plan(
            plan,
            args.to,
            username=username,
            password=password,
            todos=not args.events_only,
            history=history,
        )
    except CredentialsError as error:
        if error.given:
            raise InputError(str(error)) from error
        where = f"--netrc {args.netrc}" if args.netrc else "~/.netrc"
        raise InputError(
            f"{error}: found none in FOLLOWUP_CALDAV_USERNAME and "
            f"FOLLOWUP_CALDAV_PASSWORD, nor for this host in {where}"
        ) from error
    except SyncError as error:
        raise InputError(str(error)) from error
    emit(args.output, f"{args.to}: {synced}\n".encode())
    return 0


def _credentials(url: str, netrc_file: str | None) -> tuple[str | None, str | None]:
    """The user name and password for `url`: the environment's, else netrc's.

    Each is taken from the environment when it is set there (an empty
    variable counts as unset, as in a shell's ``${VAR:-}``), and otherwise
    from the netrc entry of the host, if that entry is for the same user.
    """
    import urllib.parse  # noqa: PLC0415

    from followup.sync import url_problem  # noqa: PLC0415

    problem = url_problem(url)
    if problem is not None:
        raise InputError(f"--to {_shown_url(url)}: {problem}")
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        raise InputError(
            "--to: put the credentials in FOLLOWUP_CALDAV_USERNAME and "
            "FOLLOWUP_CALDAV_PASSWORD or a netrc file, not in the URL"
        )
    username = os.environ.get("FOLLOWUP_CALDAV_USERNAME") or None
    password = os.environ.get("FOLLOWUP_CALDAV_PASSWORD") or None
    # Where the password came from, for the message if no user name goes
    # with it: a netrc line may give a password without a login.
    told = "FOLLOWUP_CALDAV_PASSWORD is set"
    looked = "give one in a netrc file (--netrc FILE, else ~/.netrc)"
    if username is None or password is None:
        path = Path(netrc_file) if netrc_file else Path("~/.netrc").expanduser()
        if netrc_file is not None or path.exists():
            username, password, told, looked = _with_netrc(
                path, str(parts.hostname), username, password, told
            )
    if password is not None and username is None:
        raise InputError(
            f"{told}, but no user name: set FOLLOWUP_CALDAV_USERNAME, or give "
            "a login in a netrc file"
        )
    if username is not None and password is None:
        raise InputError(
            f"no password for {username!r}: set FOLLOWUP_CALDAV_PASSWORD, or {looked}"
        )
    return username, password


def _with_netrc(
    path: Path, host: str, username: str | None, password: str | None, told: str
) -> tuple[str | None, str | None, str, str]:
    """The credentials with what the netrc file `path` adds for `host`.

    Then where the password came from (`told`, for a password without a
    user name) and where to give one (for a user name without a password),
    naming the file read.
    """
    login, secret = _from_netrc(path, host)
    looked = f"give one in {path}, which has none for {host}"
    if username is not None and login != username:
        # A netrc password is another user's unless the names agree.
        if secret is not None:
            # Its own entry for the host, or the file's `default` one.
            whose = "with no login" if login is None else f"as {login!r}"
            looked = f"give one in {path}, which logs in to {host} {whose}"
        return username, password, told, looked
    if password is None and secret is not None:
        told = f"{path} gives a password for {host}"
    return username or login, password or secret, told, looked


def _from_netrc(path: Path, host: str) -> tuple[str | None, str | None]:
    """The user name and password the netrc file `path` gives for `host`."""
    import netrc  # noqa: PLC0415

    try:
        entry = netrc.netrc(path).authenticators(host)
    except netrc.NetrcParseError as error:
        # Its message quotes the token it could not place, which may be a
        # password ("bad follower token 'horse'" of "password correct horse").
        raise InputError(
            f"--netrc {path}: not a netrc file at line {error.lineno} (a token "
            "there is no keyword, or a keyword lacks its value; a password with "
            "spaces must be quoted)"
        ) from None
    except OSError as error:
        raise InputError(f"--netrc {path}: {_one_line(str(error))}") from error
    except UnicodeDecodeError as error:
        # netrc reads UTF-8, else the locale's encoding: a password in
        # Latin-1 under a UTF-8 locale is neither.
        raise InputError(
            f"--netrc {path}: not UTF-8 text (byte {error.object[error.start]:#04x} "
            f"at offset {error.start})"
        ) from error
    if entry is None:
        return None, None
    login, _, secret = entry
    if secret:
        _warn_if_readable(path)
    return login or None, secret or None


def _warn_if_readable(path: Path) -> None:
    """Warn when the netrc file that gave a password is open to others.

    Python's own netrc reader refuses such a ~/.netrc; this one is read
    from wherever --netrc says, so it is used, with a word on standard
    error, as ssh warns of a key that others can read.
    """
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            _tell(
                f"{_PROGRAM}: warning: --netrc {path} holds a password and others "
                f"may read it (mode {mode:04o}): chmod 600 {path}"
            )


def _shown_url(url: str) -> str:
    from followup.sync import shown_url  # noqa: PLC0415

    shown = shown_url(url)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _explain_command(args: argparse.Namespace) -> int:
    if args.file and is_batch(args.file):
        raise InputError(
            f"{args.file}: explain takes one interview; 'followup plan' plans many"
        )
    _check_zone(args.zone, "text")
    emit(args.output, (_plan(args).explain(args.zone) + "\n").encode())
    return 0


def _greeting(greeting: Greeting | None, title: str | None) -> Greeting:
    """The greeting the options ask for: a title alone asks for the title's."""
    if greeting is None:
        return "name" if title is None else "title"
    if greeting == "title" and title is None:
        # Said here: the library's own message names its field and value,
        # "title: None", which mean nothing on the command line.
        raise InputError("--greeting title needs --title (say 'Dr.' or 'Ms.')")
    if greeting != "title" and title is not None:
        # A title the greeting does not use would be dropped without a word.
        raise InputError(f"--title goes with --greeting title, not {greeting}")
    return greeting


def _draft_command(args: argparse.Namespace) -> int:
    interview = _interview(args.file, example=args.example, option="FILE")
    if args.format != "eml" and (args.sent or args.sender):
        raise InputError("--sent and --from go with --format eml")
    if args.fit and args.kind != "follow-up":
        raise InputError("--fit goes with the follow-up")
    if args.topic and args.kind != "thank-you":
        raise InputError("--topic goes with the thank-you")
    greeting = _greeting(args.greeting, args.title)
    style: Style = {
        "language": args.language,
        "locale": args.locale,
        "greeting": greeting,
        "title": args.title,
    }
    refuse_to_overwrite(args.output, args.file, args.rules)
    rules = _rule_set(args)
    try:
        drafted = _drafted(args, interview, rules, style)
    except RuleError:
        raise
    except (InvalidValueError, InvalidTypeError) as error:
        if error.field == "sent" and args.sent in (None, "now"):
            # Dated by the clock, not by the user: a draft made before the
            # call is refused, and the way out is to say when it will go.
            ends = interview.ends_at.isoformat()
            said = "not given, so now" if args.sent is None else "now"
            raise InputError(
                f"--sent: {said} ({error.value}) is before the call ends "
                f"({ends}); give --sent the time the letter will go out"
            ) from error
        # The library names its own fields (`sender`); a user typed --from.
        option = _DRAFT_OPTIONS.get(error.field)
        if option is None:
            raise InputError(str(error)) from error
        raise InputError(f"{option}: {error.detail}") from error
    except FollowUpError as error:
        raise InputError(str(error)) from error
    emit(args.output, drafted)
    return 0


def _drafted(
    args: argparse.Namespace, interview: Interview, rules: RuleSet, style: Style
) -> bytes:
    """The letter `draft` writes, in the format asked for."""
    from followup import mail  # noqa: PLC0415

    if args.format == "eml":
        message = mail.draft_message(
            interview,
            args.kind,
            sent=_now(args.sent, "--sent"),
            sender=args.sender,
            fit=args.fit,
            topic=args.topic,
            rules=rules,
            **style,
        )
        return message.as_bytes()
    if args.format == "mailto":
        link = mail.mailto_link(
            interview, args.kind, fit=args.fit, topic=args.topic, rules=rules, **style
        )
        return (link + "\n").encode()
    text = mail.draft_text(
        interview, args.kind, fit=args.fit, topic=args.topic, rules=rules, **style
    )
    return text.encode()


#: The options of `draft` by the name of the field the library checks.
_DRAFT_OPTIONS = {
    "sent": "--sent",
    "sender": "--from",
    "fit": "--fit",
    "topic": "--topic",
    "language": "--language",
    "locale": "--locale",
    "greeting": "--greeting",
    "title": "--title",
}


def _check_letter_command(args: argparse.Namespace) -> int:
    from followup._engine import check_letter  # noqa: PLC0415
    from followup._vocabulary import Severity  # noqa: PLC0415

    # `check-letter letter.txt >> letter.txt` would append the findings to
    # the letter: what a shell opened before the command started is refused.
    refuse_standard_output_onto((args.file, args.interview, args.rules))
    interview = _interview(args.interview, example=args.example, option="--interview")
    if args.file == "-":
        text, source = read_standard_input(), "standard input"
    else:
        text, source = read_text(args.file), args.file
    from followup._letter_parts import letter_parts  # noqa: PLC0415

    try:
        parts = letter_parts(text)
    except InvalidValueError as error:
        # The letter's file, not the library's argument, is what to name.
        raise InputError(f"{source}: {error.problem}") from None
    # A whole message says when it was sent (its Date), which "now" would
    # overrule: a thank-you of this morning, checked tomorrow.
    dated = args.sent is None and parts.date is not None
    if args.sent is None and parts.unread_date is not None:
        # Not silently "now": "yesterday" in it would be read a day off.
        _tell(
            f"{source}: its Date {parts.unread_date!r:.80} is no date: checked "
            "as sent now (--sent ISO says when it was)"
        )
    findings = check_letter(
        text,
        interview,
        _letter_kind(args.kind, parts.subject, source),
        rules=_rule_set(args),
        sent=None if dated else _now(args.sent, "--sent"),
        language=args.language,
        aliases=args.alias,
    )
    # The name as given: a file's name may hold what a terminal obeys.
    shown = shown_safely(source)
    lines = [f"{shown}: {finding}\n" for finding in findings]
    emit(None, "".join(lines or [f"{shown}: no findings\n"]).encode())
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _letter_kind(given: str | None, subject: str, source: str) -> str:
    """The kind `check-letter` checks: `given`, else what the subject says.

    The thank-you `draft --format eml` writes is titled "Thank you: ...":
    checked as a follow-up, it would be found to give no reason to fit.
    """
    if given is not None:
        return given
    from followup._letter_parts import thanks_in_subject  # noqa: PLC0415

    thanks = thanks_in_subject(subject)
    if thanks is None:
        return "follow-up"
    _tell(
        f"{source}: checked as a thank-you, since its subject begins "
        f"with {thanks!r} (--kind follow-up checks it as a follow-up)"
    )
    return "thank-you"


def _rules_command(args: argparse.Namespace) -> int:
    from followup._reference import rule_reference, rule_table  # noqa: PLC0415

    refuse_standard_output_onto((args.rules,))
    rules = _rule_set(args)
    text = (
        rule_reference(rules) if args.format == "markdown" else rule_table(rules) + "\n"
    )
    emit(None, text.encode())
    return 0


def _plan_batch(args: argparse.Namespace) -> int:
    if args.example:
        raise InputError("give either FILE or --example, not both")
    if args.history:
        raise InputError(
            f"--history: {args.file} holds many interviews, each with its own history"
        )
    if args.previous:
        raise InputError(f"--previous: {args.file} holds many interviews")
    if args.format == "json":
        raise InputError(
            f"--format json writes one plan; give --format jsonl for {args.file}"
        )
    # Before the batch is open: opening a named pipe waits for its writer.
    refuse_to_overwrite_batch(args.output, args.file, args.rules)
    with contextlib.closing(open_batch(args.file)) as batch:
        return _plan_opened_batch(args, batch)


def _plan_opened_batch(args: argparse.Namespace, batch: Batch) -> int:
    now = _now(args.now)
    rules = _rule_set(args)
    from followup._batch_work import worked  # noqa: PLC0415

    # On a terminal the plans written to it show the progress themselves.
    to_terminal = args.output is None and _is_terminal(sys.stdout)
    with _Progress(batch, "planning", shown=not to_terminal) as progress:
        if args.format == "ics":
            from followup._batch_work import CalendarItems  # noqa: PLC0415

            work = CalendarItems(now, todos=not args.events_only)
            _write_calendar(
                args,
                progress.pieces(worked(batch, work, rules, args.workers)),
                progress,
            )
        else:
            with output_to(args.output) as out:
                if args.format == "jsonl":
                    from followup._batch_work import JsonLines  # noqa: PLC0415

                    lines = worked(batch, JsonLines(now), rules, args.workers)
                    for line in progress.pieces(lines):
                        out.write(line)
                else:
                    from followup._batch_work import Tables  # noqa: PLC0415

                    tables = worked(batch, Tables(now, args.zone), rules, args.workers)
                    for count, shown in enumerate(progress.pieces(tables)):
                        gap = "\n" if count else ""
                        out.write(f"{gap}{shown}".encode())
    return 2 if progress.problems else 0


def _write_calendar(
    args: argparse.Namespace, pieces: Iterator[CalendarPiece], progress: _Progress
) -> None:
    # Here, not at the top: tempfile loads shutil and random, which no
    # other command needs (a few milliseconds of every start-up).
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    from followup.ics import CalendarOfPlans  # noqa: PLC0415

    calendar = CalendarOfPlans(todos=not args.events_only)
    # Where each interview's identity was first read: a second interview of
    # the same identity would give its items the first one's UIDs, and a
    # calendar keeps one item per UID.
    first_read: dict[str, str] = {}
    # The time zones open the calendar but are known only once every plan is
    # in: the items wait in a spool file, so memory holds one plan at a time.
    with tempfile.TemporaryFile() as spool:
        for piece in pieces:
            seen = first_read.setdefault(piece.identity, piece.where)
            if seen != piece.where:
                progress.report(
                    f"{piece.where}: has the identity of {seen} (the interview's "
                    "id, or its candidate, company and position): its items "
                    "would take that one's UIDs; left out of the calendar (give "
                    "each interview an id of its own, as the interview's own "
                    "id: a line's id, or a file's name, is not part of it)"
                )
                continue
            spool.write(piece.items)
            calendar.take_zones(piece.zones)
        spool.seek(0)
        with output_to(args.output) as out:
            out.write(calendar.head())
            shutil.copyfileobj(spool, out)
            out.write(calendar.tail())


def _due_command(args: argparse.Namespace) -> int:
    if args.file == "-" and _is_terminal(sys.stdin):
        raise InputError(
            "no interviews: give a .jsonl file or a folder, or pipe JSON Lines in"
        )
    if args.file != "-" and not is_batch(args.file):
        raise InputError(
            f"{args.file}: give a JSON Lines file (.jsonl) or a folder of TOML "
            "files ('followup plan' plans one interview)"
        )
    # Before the batch is open: opening a named pipe waits for its writer.
    refuse_to_overwrite_batch(args.output, args.file, args.rules)
    with contextlib.closing(open_batch(args.file)) as batch:
        return _list_due(args, batch)


def _list_due(args: argparse.Namespace, batch: Batch) -> int:
    from followup._batch_work import DueLines, worked  # noqa: PLC0415

    on: dt.date | dt.datetime = args.on or _clock()
    rules = _rule_set(args)
    work = DueLines(
        on,
        within_days=args.within,
        quiet_days=args.quiet_after,
        as_json=args.format == "jsonl",
    )
    listed = _DueList(as_json=args.format == "jsonl")
    with _Progress(batch, "checking", shown=True) as progress:
        for lines in progress.pieces(worked(batch, work, rules, args.workers)):
            listed.extend(lines)
    with output_to(args.output) as out:
        listed.write(out, read=not progress.problems or listed.interviews > 0)
    return 2 if progress.problems else 0


@final
class _DueList:
    """The lines of `followup due`, held until every interview is in, then sorted.

    Each is kept as a sort key and one string, never as the plan it came
    from, with the widths of the table's columns as they grow.
    """

    def __init__(self, *, as_json: bool) -> None:
        self._as_json = as_json
        self._rows: list[tuple[int, str]] = []
        self._widths = [0, 0, 0]
        self.interviews = 0

    def extend(self, lines: Iterable[DueLine]) -> None:
        self.interviews += 1
        for line in lines:
            if line.widths is not None:
                # The last cell, who, is not padded: three widths for four cells.
                self._widths = [max(w, n) for w, n in zip(self._widths, line.widths)]  # noqa: B905
            self._rows.append((line.order, line.text))

    def write(self, out: Sink, *, read: bool) -> None:
        """Write the list, sorted; `read`: an interview was read, or none was bad.

        When every interview was refused, nothing was checked: the table
        does not say all is clear (its errors are on standard error).
        """
        self._rows.sort(key=lambda row: row[0])
        if self._as_json:
            for _, row in self._rows:
                out.write(row.encode() + b"\n")
        elif not self._rows and read:
            out.write(b"Nothing is due, overdue or gone quiet.\n")
        elif not self._rows:
            out.write(b"No interview could be read: nothing was checked.\n")
        else:
            for _, row in self._rows:
                *cells, who = row.split("\n")
                line = "  ".join(map(str.ljust, cells, self._widths))
                out.write(f"{line}  {who}\n".encode())


_COMMANDS: dict[str, Any] = {
    "plan": _plan_command,
    "sync": _sync_command,
    "explain": _explain_command,
    "due": _due_command,
    "check-letter": _check_letter_command,
    "draft": _draft_command,
    "rules": _rules_command,
}


@final
class _Progress:
    """Count a batch's problems, report each, and show a bar on a terminal.

    The bar (tqdm, imported only then) goes to standard error and only when
    that is a terminal, so pipes, files and tests see the problems alone.
    """

    def __init__(self, batch: Batch, action: str, *, shown: bool) -> None:
        if _collector_paused:
            # A batch runs for as long as its file is: garbage must not
            # pile up (see `run`).
            gc.enable()
        self.problems = 0
        self._bar: Any = None
        if shown and _is_terminal(sys.stderr):
            from tqdm import tqdm  # type: ignore[import-untyped]  # noqa: PLC0415

            self._bar = tqdm(
                total=batch.total,
                unit=batch.unit,
                unit_scale=batch.unit == "B",
                desc=action,
                file=sys.stderr,
                leave=False,
            )

    def advance(self, size: int) -> None:
        if self._bar is not None and size:
            self._bar.update(size)

    def report(self, problem: str) -> None:
        self.problems += 1
        line = shown_safely(_error_line(problem))
        if self._bar is not None:
            # Through the bar, which redraws itself below the line.
            self._bar.write(line, file=sys.stderr)
        else:
            _tell(line)

    def pieces(self, done: Generator[Done[P], None, None]) -> Iterator[P]:
        """The pieces of the entries worked, each counted; problems reported.

        A rule that failed stops the batch at its entry, with its error.
        """
        # Closed here, however the batch ends: worker processes shut down
        # now, not when the generators are collected (at exit, at worst,
        # when their pipes may be gone already).
        with contextlib.closing(done):
            for entry in done:
                self.advance(entry.size)
                if entry.problem is not None:
                    self.report(entry.problem)
                if entry.stopped is not None:
                    raise entry.stopped
                if entry.piece is not None:
                    yield entry.piece

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.close()


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def _plan(args: argparse.Namespace) -> FollowUpPlan:
    return _plan_and_history(args)[0]


def _plan_and_history(
    args: argparse.Namespace,
) -> tuple[FollowUpPlan, tuple[Event, ...]]:
    """The plan the options ask for, and the history it was made with."""
    from followup._engine import plan_followups  # noqa: PLC0415

    interview = _interview(args.file, example=args.example, option="FILE")
    history = read_history(args.history) if args.history else ()
    # `plan --previous` and `sync --netrc` (or the ~/.netrc it reads) are
    # inputs too.
    refuse_to_overwrite(
        args.output,
        args.file,
        args.history,
        args.rules,
        getattr(args, "previous", None),
        *_netrc_files(args),
    )
    # The example's plan shows the close of the call too, and the same table
    # on every day; a person's own interview is planned as of now.
    now = None if args.example and args.now is None else _now(args.now)
    rules = _rule_set(args)
    try:
        return plan_followups(interview, history, now=now, rules=rules), history
    except RuleError:
        # A rule failed, not the input: the message names the rule and its
        # package, and no file is to blame.
        raise
    except FollowUpError as error:
        where = args.history or args.file or "the example"
        raise InputError(f"{where}: {error}") from error


def _netrc_files(args: argparse.Namespace) -> tuple[str, ...]:
    # The credentials `sync` may read: never a place to write its report.
    if not hasattr(args, "netrc"):
        return ()
    return (args.netrc or str(Path("~/.netrc").expanduser()),)


def _now(text: str | None, option: str = "--now") -> dt.datetime:
    if text is None or text == "now":
        return _clock()
    from followup._time import NO_ZONE_IN_TEXT, coerce_instant  # noqa: PLC0415

    try:
        return coerce_instant(text, option)
    except NaiveDatetimeError as error:
        # The library's advice ends with "or pass an aware datetime", which
        # only a Python caller can do; on the command line, text is all.
        raise NaiveDatetimeError(option, text, NO_ZONE_IN_TEXT) from error


def _clock() -> dt.datetime:
    # The one place the package reads the clock: for `plan`, `explain` and `sync`
    # without `--now` (or with `--now now`), for today in `followup due`
    # without `--on`, and for when a letter is sent in `draft` and
    # `check-letter` without `--sent`.
    # To the second: a plan made "now" shows no microseconds anywhere.
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _interview(path: str | None, *, example: bool, option: str) -> Interview:
    if example and path:
        raise InputError(f"give either {option} or --example, not both")
    if example:
        from followup.example import example_interview  # noqa: PLC0415

        return example_interview()
    if not path:
        raise InputError(f"no interview: give {option} or --example")
    return read_interview(path)

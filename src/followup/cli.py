"""The ``followup`` command: plan, explain, check a letter, list the rules.

The command is an edge of the library: it reads files, writes output, and is
the one place that may read the clock, and only when asked to with
``--now now``.  Without ``--now`` it plans as of the start of the interview,
as the library does, so the same file gives the same plan on every run.

Bad input ends with exit status 2 and one line on standard error naming the
file and the field; no input file is ever modified, and ``--output`` writes
through a temporary file renamed into place.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from followup.errors import FollowUpError, PluginError, RuleError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from followup._history import Event
    from followup._interview import Interview
    from followup._plan import FollowUpPlan

__all__ = ["main"]

_PROGRAM = "followup"


class InputError(FollowUpError, ValueError):
    """A problem with the command's input: one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the usage and then the error; one clear line is
        # promised instead.
        self.exit(2, f"{_PROGRAM}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_PROGRAM,
        description="Plan and check the follow-up after a phone interview.",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser
    )

    def planning(name: str, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument(
            "file", nargs="?", metavar="FILE", help="the interview, as TOML or JSON"
        )
        sub.add_argument(
            "--example", action="store_true", help="use the built-in example interview"
        )
        sub.add_argument(
            "--history", metavar="FILE", help="what happened since, as TOML or JSON"
        )
        sub.add_argument(
            "--now",
            metavar="ISO",
            help="plan as of this moment (ISO 8601 with an offset), or 'now' for "
            "the system clock; default: the start of the interview",
        )
        sub.add_argument(
            "--output", metavar="FILE", help="write here instead of stdout"
        )
        _rules_option(sub)
        return sub

    plan = planning("plan", "plan the follow-up of an interview")
    plan.add_argument(
        "--format",
        choices=("text", "json", "ics"),
        default="text",
        help="a table (text), JSON, or an iCalendar file (ics)",
    )
    plan.add_argument(
        "--events-only",
        action="store_true",
        help="with --format ics: write messages as events, not to-dos",
    )
    planning("explain", "plan an interview and explain every step")

    letter = commands.add_parser(
        "check-letter",
        help="check a thank-you or follow-up letter",
        description="Check a letter's text against the rules; exit status 1 "
        "when a finding is an error.",
    )
    letter.add_argument(
        "file", metavar="FILE", help="the letter's text ('-' for stdin)"
    )
    letter.add_argument(
        "--interview", metavar="FILE", help="the interview, as TOML or JSON"
    )
    letter.add_argument(
        "--example", action="store_true", help="use the built-in example interview"
    )
    letter.add_argument(
        "--kind",
        choices=("thank-you", "follow-up"),
        default="follow-up",
        help="which letter it is (default: follow-up)",
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


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="FILE",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from followup.ics import _version  # noqa: PLC0415

        sys.stdout.write(f"{_PROGRAM} {_version()}\n")
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(_COMMANDS[args.command](args))
    except FollowUpError as error:
        sys.stderr.write(f"{_PROGRAM}: error: {_one_line(str(error))}\n")
        return 2
    except BrokenPipeError:  # pragma: no cover - the reader went away
        return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plan_command(args: argparse.Namespace) -> int:
    plan = _plan(args)
    if args.format == "json":
        from followup.json import to_json  # noqa: PLC0415

        _emit(args.output, (to_json(plan) + "\n").encode())
    elif args.format == "ics":
        from followup.ics import to_ics  # noqa: PLC0415

        _emit(args.output, to_ics(plan, todos=not args.events_only))
    else:
        _emit(args.output, table(plan).encode())
    return 0


def _explain_command(args: argparse.Namespace) -> int:
    _emit(args.output, (_plan(args).explain() + "\n").encode())
    return 0


def _check_letter_command(args: argparse.Namespace) -> int:
    from followup._engine import check_letter  # noqa: PLC0415
    from followup._vocabulary import Severity  # noqa: PLC0415

    interview = _interview(args.interview, example=args.example, option="--interview")
    if args.file == "-":
        text, source = sys.stdin.read(), "standard input"
    else:
        text, source = _read_text(args.file), args.file
    findings = check_letter(text, interview, args.kind, rules=_rule_set(args))
    if not findings:
        sys.stdout.write(f"{source}: no findings\n")
    for finding in findings:
        sys.stdout.write(f"{source}: {finding}\n")
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _rules_command(args: argparse.Namespace) -> int:
    from followup._reference import rule_reference, rule_table  # noqa: PLC0415

    rules = _rule_set(args)
    if args.format == "markdown":
        sys.stdout.write(rule_reference(rules))
    else:
        sys.stdout.write(rule_table(rules) + "\n")
    return 0


_COMMANDS: dict[str, Any] = {
    "plan": _plan_command,
    "explain": _explain_command,
    "check-letter": _check_letter_command,
    "rules": _rules_command,
}


def _plan(args: argparse.Namespace) -> FollowUpPlan:
    from followup._engine import plan_followups  # noqa: PLC0415

    interview = _interview(args.file, example=args.example, option="FILE")
    history = _history(args.history) if args.history else ()
    inputs = [p for p in (args.file, args.history, args.rules) if p]
    if args.output and any(_same_file(args.output, path) for path in inputs):
        raise InputError(
            f"--output {args.output} is an input file; it is never overwritten"
        )
    now = _now(args.now)
    rules = _rule_set(args)
    try:
        return plan_followups(interview, history, now=now, rules=rules)
    except RuleError:
        # A rule failed, not the input: the message names the rule and its
        # package, and no file is to blame.
        raise
    except FollowUpError as error:
        where = args.history or args.file or "the example"
        raise InputError(f"{where}: {error}") from error


def _now(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    if text == "now":
        # The one place the package reads the clock, because the user asked.
        return dt.datetime.now(dt.timezone.utc)
    from followup._time import coerce_instant  # noqa: PLC0415

    return coerce_instant(text, "--now")


def _interview(path: str | None, *, example: bool, option: str) -> Interview:
    if example and path:
        raise InputError(f"give either {option} or --example, not both")
    if example:
        from followup.example import example_interview  # noqa: PLC0415

        return example_interview()
    if not path:
        raise InputError(f"no interview: give {option} or --example")
    from followup._interview import Interview  # noqa: PLC0415

    interview: Interview = _structured(
        path, _read_document(path), Interview, "interview"
    )
    return interview


def _history(path: str) -> tuple[Event, ...]:
    from followup._history import Event  # noqa: PLC0415

    data = _read_document(path)
    if isinstance(data, dict) and set(data) == {"events"}:
        data = data["events"]
    if not isinstance(data, list):
        raise InputError(
            f"{path}: a history is a list of events (in TOML, [[events]] tables)"
        )
    return tuple(_structured(path, data, list[Event], "history"))


def _structured(path: str, data: object, cls: Any, what: str) -> Any:
    from followup.json import InvalidDocumentError, structure  # noqa: PLC0415

    try:
        return structure(data, cls, what=what)
    except InvalidDocumentError as error:
        raise InputError(f"{path}: {'; '.join(error.problems)}") from error


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _read_document(path: str) -> Any:
    text = _read_text(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib  # noqa: PLC0415
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib  # noqa: PLC0415
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputError(f"{path}: not valid TOML: {error}") from None
    if suffix == ".json":
        import json  # noqa: PLC0415

        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{path}: not valid JSON: {error.msg} at line {error.lineno} "
                f"column {error.colno}"
            ) from None
    raise InputError(f"{path}: give a .toml or a .json file")


def _same_file(first: str, second: str) -> bool:
    with contextlib.suppress(OSError):
        return Path(first).resolve() == Path(second).resolve()
    return False  # pragma: no cover - resolve() failed


def _emit(output: str | None, data: bytes) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(output)
    # Write beside the target and rename into place: an interrupted run
    # leaves the old file whole.
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed, not closed by a with
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise InputError(
            f"--output {output}: cannot write there ({error.strerror})"
        ) from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(handle.name).replace(target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def table(plan: FollowUpPlan, width: int = 100) -> str:
    """The plan as a readable table: when, what, how and why, then the findings."""
    from followup._time import describe_instant  # noqa: PLC0415

    interview = plan.interview
    about = f"{interview.candidate} - phone interview with {interview.company}"
    lines = [
        f"{about}, {describe_instant(interview.at)}",
        f"planned as of {describe_instant(plan.as_of)}",
        "",
    ]
    if not plan.steps:
        lines.append("Nothing to do.")
    else:
        head = ("when", "what", "how")
        rows = [
            (describe_instant(s.due), s.label, s.channel.value, s.reason)
            for s in plan.steps
        ]
        sizes = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]
        indent = sum(sizes) + 6
        why_width = max(30, width - indent)
        lines.append(
            "  ".join(c.ljust(n) for c, n in zip(head, sizes, strict=True)) + "  why"
        )
        for *cells, why in rows:
            wrapped = textwrap.wrap(why, why_width) or [""]
            prefix = "  ".join(c.ljust(n) for c, n in zip(cells, sizes, strict=True))
            lines.append(f"{prefix}  {wrapped[0]}")
            lines.extend(" " * indent + more for more in wrapped[1:])
    if plan.findings:
        lines.append("")
        lines.extend(str(finding) for finding in plan.findings)
    return "\n".join(lines) + "\n"

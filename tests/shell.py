"""The followup command run as a shell runs it, in this process or in one of its own.

`run` calls the command's `main` here, with standard streams, a working
folder and an exit status as a shell sees them, so that coverage and
mutation testing reach every line the command runs.  `run_process` starts
``python -m followup`` for what only a real process shows.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import subprocess
import sys

from followup.cli import main


def run_process(*args, stdin=None, cwd=None, env=None):
    """``python -m followup ARGS`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "followup", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        env=env,
        check=False,
    )


def run(*args, stdin=None, cwd=None, binary=False):
    """``followup ARGS`` in this process: what a shell sees of it.

    The standard streams are bytes underneath, as in a process (the command
    writes plans to ``sys.stdout.buffer``), and read back as text the way
    ``subprocess.run(text=True)`` reads them, or as the bytes themselves
    (`binary`).  An exception the command lets escape fails the test, as a
    traceback would fail a user.
    """
    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO((stdin or "").encode()), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    saved = (sys.stdin, sys.stdout, sys.stderr)
    here = pathlib.Path.cwd()
    try:
        sys.stdin, sys.stdout, sys.stderr = streams
        if cwd is not None:
            os.chdir(cwd)
        try:
            status = main(list(map(str, args)))
        except SystemExit as stopped:  # argparse: --help, a usage error
            code = stopped.code
            status = code if isinstance(code, int) else (0 if code is None else 1)
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        os.chdir(here)
    if binary:
        return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())
    return subprocess.CompletedProcess(args, status, _text(out), _text(err))


def _text(stream: io.BytesIO) -> str:
    # Universal newlines, as a text-mode pipe reads them.
    return io.TextIOWrapper(
        io.BytesIO(stream.getvalue()), encoding="utf-8", newline=None
    ).read()


def plan_lines(output):
    """The ``(id, plan)`` of each line ``followup plan --format jsonl`` wrote."""
    from followup import FollowUpPlan  # noqa: PLC0415
    from followup.json import structure  # noqa: PLC0415

    made = []
    for line in output.splitlines():
        record = json.loads(line)
        assert list(record) == ["id", "plan"], line
        made.append((record["id"], structure(record["plan"], FollowUpPlan)))
    return made


def plans_in(output):
    """The plans ``followup plan --format jsonl`` wrote, one a line."""
    return [plan for _, plan in plan_lines(output)]

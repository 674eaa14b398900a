"""The command where a slip would go unseen: ties in `due`, odd widths, odd names.

`followup due` sorts reminders to the microsecond and breaks ties by
urgency, then by the order of its input; `table` keeps a readable column
for the reasons however narrow it is asked to be; and ``--output`` writes
through a temporary file that no planted file can stand in for.
"""

from __future__ import annotations

import itertools
import json
import os
import pathlib
import secrets
import stat
import threading
import time

import pytest

from followup import FollowUpPlan, Interview, Step, UnknownTimeZoneError, Window
from followup.cli import main, table

ROOT = pathlib.Path(__file__).parent.parent
BATCH = ROOT / "examples" / "interviews.jsonl"
NOW = "2026-11-30T10:20:00-05:00"
LONDON = "+00:00[Europe/London]"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and FIFOs")

# -- the order of followup due --------------------------------------------------


def _quiet(tracker_id: str, last_call: str) -> str:
    """The example's Kernel Labs interview, its last call at `last_call`."""
    line = json.loads(BATCH.read_text().splitlines()[2])
    line["id"] = tracker_id
    line["history"][-1]["at"] = f"2026-11-09T{last_call}{LONDON}"
    return json.dumps(line)


def _calling_back(tracker_id: str, call_back_at: str) -> str:
    """An interview whose company asked to be called back at `call_back_at`."""
    return json.dumps(
        {
            "id": tracker_id,
            "interview": {
                "candidate": "Ada Lovelace",
                "company": "Byte",
                "at": f"2026-11-02T10:00:00{LONDON}",
            },
            "history": [
                {"kind": "thank-you-sent", "at": f"2026-11-02T11:00:00{LONDON}"},
                {"kind": "follow-up-sent", "at": f"2026-11-04T09:30:00{LONDON}"},
                {
                    "kind": "called",
                    "at": f"2026-11-05T10:00:00{LONDON}",
                    "outcome": "undecided",
                    "call_back_at": f"2026-11-09T{call_back_at}{LONDON}",
                },
            ],
        }
    )


def _run(
    capsys: pytest.CaptureFixture[str], *args: str | pathlib.Path
) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def _listed(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, *lines: str
) -> list[str]:
    """The ids `followup due` lists on the day of the calls, in its order."""
    batch = tmp_path / "interviews.jsonl"
    batch.write_text("".join(line + "\n" for line in lines))
    # Quiet from the first day: the Kernel Labs calls were that morning.
    status, out, err = _run(
        capsys, "due", batch, "--on", "2026-11-09", "--quiet-after", "0d",
        "--format", "jsonl",
    )  # fmt: skip
    assert status == 0, err
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_due_lists_quiet_interviews_to_the_microsecond(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    lines = (
        _quiet("third", "10:00:01"),
        _quiet("second", "10:00:00.900000"),
        _quiet("first", "10:00:00.100000"),
    )
    assert _listed(capsys, tmp_path, *lines) == ["first", "second", "third"]


def test_due_keeps_the_order_of_its_input_for_reminders_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    lines = (_quiet("zeta", "10:00:00"), _quiet("alpha", "10:00:00"))
    assert _listed(capsys, tmp_path, *lines) == ["zeta", "alpha"]


@pytest.mark.parametrize(
    ("call_back_at", "expected"),
    [
        pytest.param("10:00:00", ["byte", "kernel"], id="same-instant-due-first"),
        pytest.param("10:00:00.000001", ["kernel", "byte"], id="sooner-first"),
    ],
)
def test_due_lists_the_sooner_first_and_the_more_urgent_at_the_same_instant(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    call_back_at: str,
    expected: list[str],
) -> None:
    lines = (_quiet("kernel", "10:00:00"), _calling_back("byte", call_back_at))
    assert _listed(capsys, tmp_path, *lines) == expected


# -- the table ------------------------------------------------------------------

NEW_YORK = "America/New_York"
WINDOW = Window(
    f"2026-11-25T09:00:00-05:00[{NEW_YORK}]", f"2026-11-26T17:00:00-05:00[{NEW_YORK}]"
)
INTERVIEW = Interview("Ada Lovelace", "Acme", f"2026-11-23T10:00:00-05:00[{NEW_YORK}]")
# A reason of exactly 31 characters: one line at 31 columns, two at 30.
STEP = Step("follow-up", "email", WINDOW, WINDOW.start, "FU004", "Thank them within the day (A4).")  # fmt: skip
PLAN = FollowUpPlan(INTERVIEW, (STEP,), (), (), INTERVIEW.at)


def test_the_table_wraps_reasons_at_thirty_columns_however_narrow() -> None:
    assert table(PLAN, width=0) == (
        "Ada Lovelace - phone interview with Acme, Mon 23 Nov 2026 10:00 EST\n"
        "planned as of Mon 23 Nov 2026 10:00 EST\n"
        "\n"
        "when                       what       how    why\n"
        "Wed 25 Nov 2026 09:00 EST  follow-up  email  Thank them within the day\n"
        "                                             (A4).\n"
    )


def test_the_table_refuses_a_zone_that_is_no_iana_name_naming_the_option() -> None:
    with pytest.raises(UnknownTimeZoneError) as caught:
        table(PLAN, zone="Mars/Base")
    assert str(caught.value) == (
        "--zone: 'Mars/Base' is not an IANA time zone name (e.g. 'Europe/Paris')"
    )


# -- the temporary file beside --output -----------------------------------------

# Longer than the 40 characters of it a temporary name keeps.
LONG_NAME = "the-follow-up-plan-of-the-acme-interview.txt"


def _taken_names(monkeypatch: pytest.MonkeyPatch, count: int) -> str:
    """Make the first `count` temporary names the same; return that name's token.

    The token is random: the test fixes it so as to plant a file in its way.
    """
    calls = itertools.count()

    def token_hex(nbytes: int) -> str:
        return ("0" if next(calls) < count else "1") * (2 * nbytes)

    monkeypatch.setattr(secrets, "token_hex", token_hex)
    return "0" * 8


@POSIX
def test_a_taken_temporary_name_is_passed_over_and_never_written_through(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = _taken_names(monkeypatch, 1)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    planted = tmp_path / f".{LONG_NAME[:40]}.{token}.tmp"
    planted.symlink_to(victim)
    target = tmp_path / LONG_NAME
    status, _, err = _run(capsys, "plan", "--example", "--output", target)
    assert status == 0, err
    assert target.read_text().startswith("Ada Lovelace - phone interview with Acme")
    assert victim.read_text() == "keep me\n"
    assert planted.readlink() == victim


def test_a_hundred_taken_temporary_names_are_one_error_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = _taken_names(monkeypatch, 100)
    (tmp_path / f".{LONG_NAME[:40]}.{token}.tmp").write_text("")
    target = tmp_path / LONG_NAME
    status, _, err = _run(capsys, "plan", "--example", "--output", target)
    assert status == 2
    assert err == (
        f"followup: error: --output {target}: cannot write there (File exists)\n"
    )
    assert not target.exists()


def _feed_when_written(
    fifo: pathlib.Path, lines: list[str], folder: pathlib.Path, modes: list[int]
) -> None:
    """Write the first of `lines` into `fifo`, note the modes of the temporary
    files in `folder`, then write the rest.

    The command is blocked reading the FIFO while its output is open: what
    is noted is the temporary file as it is while being written.
    """
    # Opened when the command opens it to read: the batch is tried first.
    with fifo.open("w", encoding="utf-8") as writer:
        writer.write(lines[0])
        writer.flush()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = list(folder.glob(".*.tmp"))
            if found:
                modes.extend(stat.S_IMODE(path.stat().st_mode) for path in found)
                break
            time.sleep(0.01)
        writer.writelines(lines[1:])


@POSIX
@pytest.mark.usefixtures("umask")
def test_an_output_replacing_a_file_stays_private_until_it_is_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    # A batch through a named pipe: the command reads it as it is written.
    fifo = tmp_path / "interviews.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plans.jsonl"
    target.write_text("old\n")
    target.chmod(0o644)
    lines = (
        (ROOT / "examples" / "interviews.jsonl").read_text().splitlines(keepends=True)
    )
    modes: list[int] = []
    feeder = threading.Thread(
        target=_feed_when_written, args=(fifo, lines, out, modes), daemon=True
    )
    feeder.start()
    try:
        status, _, err = _run(
            capsys, "plan", fifo, "--now", NOW, "--format", "jsonl",
            "--output", target,
        )  # fmt: skip
    finally:
        # A command that stops before opening the pipe leaves the feeder
        # waiting for a reader: this one lets it finish, so that the test
        # fails rather than hangs.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            feeder.join(timeout=90)
        finally:
            os.close(reader)
    assert not feeder.is_alive()
    assert status == 0, err
    assert modes == [0o600]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644

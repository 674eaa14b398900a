"""`--workers N`: many interviews planned in N real processes, output unchanged.

Every test runs the command twice over the same input, in this process and
with worker processes, and asks for the same bytes on standard output and
in files, the same messages in the same order and the same exit status.
The inputs span several chunks of `followup._batch_work.CHUNK` lines, with
bad lines in more than one of them, so that chunks come back out of the
order they were sent in only if the command failed to restore it.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from typing import ClassVar

import attrs
import pytest

from followup import DEFAULT_RULES, RuleError, cli
from followup._batch_work import CHUNK, JsonLines, worked
from followup._inputs import InterviewFile, Line, open_batch, read_entry
from followup._time import coerce_instant
from followup.cli import _Progress
from followup.rules import NoParams
from test_batch_cli import NOW, broken_env, generated, run, toml_interview

__all__ = ["broken_env"]  # a fixture, used by name

LATE = {
    "interview": {"candidate": "Ada", "company": "Acme", "at": "2026-11-23T10:00:00Z"},
    "history": [{"kind": "called", "at": "2026-12-24T10:00:00Z"}],
}
# Bad lines of every kind, and where they go among the good ones.
BAD = {
    3: "{not json",
    CHUNK + 1: "[1, 2]",
    CHUNK + 7: "",
    2 * CHUNK + 5: json.dumps({"interview": {"candidate": "", "company": "Acme"}}),
    5 * CHUNK + 6: json.dumps(LATE),
}


@pytest.fixture(scope="module")
def tracker(tmp_path_factory):
    """A JSON Lines file of 5.5 chunks of interviews, some lines bad.

    With two workers, the other process is handed two chunks at a time and
    the command's own works on others meanwhile: the chunks are done out of
    order, and come out in order only if the command restores it.
    """
    lines = [json.dumps(record) for record in generated(CHUNK * 11 // 2, seed=11)]
    for index in sorted(BAD):
        lines.insert(index, BAD[index])
    path = tmp_path_factory.mktemp("tracker") / "tracker.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def both(*args, **options):
    """The command's result in this process and with two workers."""
    alone = run(*args, **options)
    shared = run(*args, "--workers", "2", **options)
    return alone, shared


def same(alone, shared):
    assert (shared.returncode, shared.stdout, shared.stderr) == (
        alone.returncode,
        alone.stdout,
        alone.stderr,
    )


@pytest.mark.parametrize("output", ["jsonl", "text"])
def test_plans_in_processes_are_those_of_one_process_in_order(tracker, output):
    alone, shared = both("plan", tracker, "--format", output, "--now", NOW)
    same(alone, shared)
    assert alone.returncode == 2
    # Every bad line but the blank one is reported, by its number, in order.
    numbers = [int(line.split(":")[1]) for line in alone.stderr.splitlines()]
    assert numbers == [1 + index for index in sorted(BAD) if BAD[index]]
    if output == "jsonl":
        written = [json.loads(line) for line in alone.stdout.splitlines()]
        assert len(written) == CHUNK * 11 // 2
        candidates = [line["plan"]["interview"]["candidate"] for line in written]
        assert candidates == sorted(candidates, key=lambda name: int(name.split()[1]))
        # Each plan beside the id of its own line, as the tracker wrote it.
        assert [line["id"] for line in written] == [
            f"app-{name.split()[1]}" for name in candidates
        ]


def test_one_calendar_from_processes_is_the_calendar_of_one(tracker, tmp_path):
    first, second = tmp_path / "alone.ics", tmp_path / "shared.ics"
    alone = run("plan", tracker, "--format", "ics", "--now", NOW, "--output", first)
    shared = run(
        "plan", tracker, "--format", "ics", "--now", NOW, "--output", second,
        "--workers", "2",
    )  # fmt: skip
    assert (shared.returncode, shared.stderr) == (alone.returncode, alone.stderr)
    assert second.read_bytes() == first.read_bytes()
    # The time zones of every process's plans open the calendar.
    text = first.read_text()
    zones = {line for line in text.splitlines() if line.startswith("TZID:")}
    assert len(zones) == 7


@pytest.mark.parametrize("output", ["text", "jsonl"])
def test_the_due_list_from_processes_is_the_list_of_one(tracker, output):
    alone, shared = both(
        "due", tracker, "--on", "2026-12-01", "--within", "3d", "--format", output
    )
    same(alone, shared)
    assert alone.stdout.count("\n") > CHUNK


def test_a_folder_in_processes_is_read_as_in_one(tmp_path):
    for index in range(CHUNK + 10):
        day = 1 + index % 28
        at = f"2026-11-{day:02d}T10:00:00Z" if index != 4 else "2026-11-23"
        (tmp_path / f"i{index:04d}.toml").write_text(
            toml_interview(f"Candidate {index}", "Acme", at)
        )
    (tmp_path / "gone.history.toml").write_text("")
    alone, shared = both("plan", tmp_path, "--format", "jsonl", "--now", NOW)
    same(alone, shared)
    problems = alone.stderr.splitlines()
    assert problems[0].startswith(f"{tmp_path / 'gone.history.toml'}: a history")
    assert problems[1].startswith(f"{tmp_path / 'i0004.toml'}: $.at: ")
    assert len(alone.stdout.splitlines()) == CHUNK + 9


def test_a_failing_rule_in_a_worker_stops_the_batch_as_in_one_process(
    tmp_path, broken_env
):
    source = tmp_path / "t.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in generated(CHUNK + 3)))
    target = tmp_path / "plans.out"
    target.write_text("yesterday's plans\n")
    alone, shared = both(
        "plan", source, "--format", "jsonl", "--now", NOW, "--output", target,
        "--plugin", "broken", env=broken_env,
    )  # fmt: skip
    same(alone, shared)
    first, second = shared.stderr.splitlines()
    assert first == f"{source}:1: planning stopped here"
    assert second.startswith("followup: error: rule BRK001 broken-rule")
    assert target.read_text() == "yesterday's plans\n"


@pytest.mark.parametrize("value", ["0", "-1", "two", "257", ""])
def test_a_number_of_workers_that_is_no_count_is_refused(tracker, value):
    result = run("plan", tracker, "--workers", value)
    assert result.returncode == 2
    assert f"--workers: give a number of processes from 1 to 256, not {value!r}" in (
        result.stderr
    )


def test_workers_for_one_interview_are_refused(tmp_path):
    path = tmp_path / "one.toml"
    path.write_text(toml_interview("Ada", "Acme", "2026-11-23T10:00:00Z"))
    result = run("plan", path, "--workers", "2")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "followup: error: --workers goes with many interviews (a .jsonl file or "
        "a folder)\n"
    )


def test_a_batch_travels_as_raw_lines_and_file_names(tracker, tmp_path):
    # What goes to a worker is what the command read, unread: the bytes of
    # a line with its number, or a file's name; the worker reads it.
    jobs = list(open_batch(str(tracker)).jobs)
    assert jobs[0] == Line(
        str(tracker), 1, tracker.read_bytes().splitlines(keepends=True)[0]
    )
    assert read_entry(jobs[3]).problem.startswith(f"{tracker}:4: not valid JSON")
    (tmp_path / "a.toml").write_text(toml_interview("Ada", "Acme", NOW))
    (job,) = open_batch(str(tmp_path)).jobs
    assert job == InterviewFile(tmp_path / "a.toml")
    assert read_entry(job).tracker_id == "a"


@attrs.frozen
class Failing:
    """A rule that fails on every interview, as a broken plugin's would."""

    code: ClassVar[str] = "FAIL001"
    name: ClassVar[str] = "failing"
    summary: ClassVar[str] = "Fails."
    advice: ClassVar[tuple[str, ...]] = ("FAIL:always",)
    params: NoParams = attrs.field(factory=NoParams)

    def plan(self, draft):
        raise ValueError("no luck")

    def check(self, facts, steps):
        return ()


def test_a_stopped_batch_shuts_its_workers_down_before_the_error_is_raised(tracker):
    # Left to be collected, the worker pool would shut down whenever the
    # batch's generators were: at exit, at worst, when its pipes may be gone
    # already ("Exception ignored in ... Bad file descriptor").
    batch = open_batch(str(tracker))
    rules = DEFAULT_RULES.extend(Failing())
    done = worked(batch, JsonLines(coerce_instant(NOW, "now")), rules, 2)
    with _Progress(batch, "planning", shown=False) as progress:
        with pytest.raises(RuleError, match="FAIL001"):
            for _ in progress.pieces(done):
                pass
        assert multiprocessing.active_children() == []
    assert progress.problems == 1


@attrs.frozen
class Ending:
    """A rule whose process ends at once in another process, as a killed one does."""

    code: ClassVar[str] = "END001"
    name: ClassVar[str] = "ending"
    summary: ClassVar[str] = "Ends its worker."
    advice: ClassVar[tuple[str, ...]] = ("END:always",)
    params: NoParams = attrs.field(factory=NoParams)
    parent: int = attrs.field(factory=os.getpid)

    def plan(self, draft):
        if os.getpid() != self.parent:
            os._exit(9)
        return draft

    def check(self, facts, steps):
        return ()


def test_a_worker_that_ends_is_a_line_on_stderr_and_the_output_is_left(
    tracker, tmp_path, monkeypatch
):
    output = tmp_path / "plans.jsonl"
    output.write_text("yesterday's plans\n")
    monkeypatch.setattr(cli, "_rule_set", lambda _: DEFAULT_RULES.extend(Ending()))
    result = run(
        "plan", tracker, "--format", "jsonl", "--output", output, "--workers", "2"
    )
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith("followup: error: --workers: a worker process (pid ")
    assert last.endswith(") ended before its work was done, with exit code 9")
    assert "Traceback" not in result.stderr
    assert output.read_text() == "yesterday's plans\n"
    assert multiprocessing.active_children() == []


def test_another_failure_of_the_command_is_not_taken_for_a_lost_worker(
    tracker, monkeypatch
):
    def broken(_):
        raise RuntimeError("not a worker")

    monkeypatch.setattr(cli, "_rule_set", broken)
    with pytest.raises(RuntimeError, match="not a worker"):
        cli.main(["plan", str(tracker), "--workers", "2"])

"""An error from planning one of many interviews names the item, in a note.

`history[0].at: ... is after now` said what was wrong but not which of a
thousand items held it.  The error is the one `plan_followups` raises; a
note (Python 3.11 and later) says which item, by its place in the input.
"""

from __future__ import annotations

import sys

import pytest

from followup import Event, Interview, plan_many
from followup.errors import FollowUpError, InvalidValueError

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="exception notes are Python 3.11's"
)

NOW = "2026-11-30T09:00:00Z"


def items(bad_at: int, count: int = 7):
    made = []
    for index in range(count):
        interview = Interview(f"Ada {index}", "Acme", "2026-11-23T10:00:00Z")
        history = (
            [Event("thank-you-sent", "2026-12-05T10:00:00Z")] if index == bad_at else []
        )
        made.append((interview, history))
    return made


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("bad_at", [0, 3, 6])
def test_the_note_names_the_item_by_its_place(workers, bad_at):
    plans = plan_many(items(bad_at), now=NOW, workers=workers, chunk_size=2)
    planned = [next(plans).interview.candidate for _ in range(bad_at)]
    with pytest.raises(InvalidValueError, match="is after now") as error:
        next(plans)
    assert error.value.__notes__ == [
        f"while planning interviews[{bad_at}]: Ada {bad_at}, Acme"
    ]
    # The plans before it came out first, as before.
    assert planned == [f"Ada {index}" for index in range(bad_at)]


def test_an_error_of_the_item_itself_keeps_its_own_words():
    # A wrong item is named in the message already: no note is added.
    with pytest.raises(FollowUpError, match=r"interviews\[1\]") as error:
        list(plan_many([Interview("Ada", "Acme", "2026-11-23T10:00:00Z"), "Acme"]))
    assert getattr(error.value, "__notes__", []) == []


def test_a_partition_of_a_bag_names_the_item_in_its_partition():
    dask_bag = pytest.importorskip("dask.bag")
    from followup.scale import plan_bag  # noqa: PLC0415

    bag = dask_bag.from_sequence(items(4, count=6), npartitions=2)
    with pytest.raises(InvalidValueError) as error:
        plan_bag(bag, now=NOW).compute(scheduler="sync")
    # Items 0-2 and 3-5: the fifth is the second of its partition.
    assert error.value.__notes__ == [
        "while planning the partition's items[1]: Ada 4, Acme"
    ]


def test_the_note_survives_a_bag_planned_in_other_processes():
    # Dask sends the error back pickled; followup's errors pickle by their
    # own reduction, which dropped the note.
    dask_bag = pytest.importorskip("dask.bag")
    from followup.scale import plan_bag  # noqa: PLC0415

    bag = dask_bag.from_sequence(items(4, count=6), npartitions=2)
    with pytest.raises(InvalidValueError) as error:
        plan_bag(bag, now=NOW).compute(scheduler="processes", num_workers=2)
    assert error.value.__notes__ == [
        "while planning the partition's items[1]: Ada 4, Acme"
    ]


ADA = Interview("Ada", "Acme", "2026-11-23T10:00:00Z")


@pytest.mark.parametrize(
    ("bad", "message", "notes"),
    [
        # A history checked as the item is taken for another process: named
        # as planning names it in this one.
        (
            (ADA, None),
            "history: expected a sequence of Event, got NoneType None",
            ["while planning interviews[3]: Ada, Acme"],
        ),
        (
            (ADA, 5),
            "history: expected a sequence of Event, got int 5",
            ["while planning interviews[3]: Ada, Acme"],
        ),
        # The item's own mistakes name its place in the message.
        (
            ("not an interview", []),
            "interviews[3][0]: expected an Interview, got str 'not an interview'",
            None,
        ),
        (
            7,
            "interviews[3]: expected an Interview or (Interview, history), got int 7",
            None,
        ),
    ],
)
@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_item_is_told_alike_in_one_process_and_in_two(
    workers, bad, message, notes
):
    given = [ADA, ADA, ADA, bad, ADA]
    with pytest.raises(FollowUpError) as error:
        list(plan_many(given, now=NOW, workers=workers, chunk_size=2))
    assert str(error.value) == message
    assert getattr(error.value, "__notes__", None) == notes

"""`assemble`, `replaced` and `rebuilder`: unchecked builders, written per class.

Their per-class functions are written the first time a class is built and
kept; the engine builds steps, windows and plans long before any test runs.
These tests write them afresh (an empty cache, classes of their own) so that
a change to how they are written is seen here, not only through a plan.
"""

from __future__ import annotations

import attrs
import pytest

from followup import _trusted
from followup._trusted import assemble, rebuilder, replaced


@attrs.frozen
class Parcel:
    name: str
    weight: int = 1
    tags: list[str] = attrs.field(factory=list)
    note: str | None = None


@attrs.frozen
class Pair:
    left: object
    right: object


#: The module's caches of written functions, and the function writing their text.
_CACHES = ("_ASSEMBLE", "_REPLACE", "_REBUILD")
source = _trusted._source  # noqa: SLF001 - the text it writes is what is pinned


@pytest.fixture(autouse=True)
def written(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[type, object]]:
    """The caches, empty: each test writes its functions anew, as a process does."""
    caches: dict[str, dict[type, object]] = {name: {} for name in _CACHES}
    for name, cache in caches.items():
        monkeypatch.setattr(_trusted, name, cache)
    return caches


def test_assemble_fills_constants_and_calls_factories_per_value():
    first = assemble(Parcel, name="box")
    second = assemble(Parcel, name="crate")
    assert first == Parcel("box", 1, [], None)
    assert second == Parcel("crate", 1, [], None)
    # A factory runs for every value built, as the constructor's does.
    assert first.tags is not second.tags


def test_assemble_takes_every_field_given_and_skips_the_factory():
    tags = ["fragile"]
    made = assemble(Parcel, name="box", weight=5, tags=tags, note="by hand")
    assert (made.name, made.weight, made.note) == ("box", 5, "by hand")
    assert made.tags is tags


def test_assemble_needs_the_fields_without_a_default():
    with pytest.raises(TypeError, match="name"):
        assemble(Parcel, weight=2)


def test_assemble_is_keyword_only():
    with pytest.raises(TypeError):
        assemble(Pair, 1, 2)  # type: ignore[call-arg]


def test_assemble_does_not_validate_or_convert():
    # Trusted values pass as they are: that is the point of the builder.
    made = assemble(Pair, left=[1], right=None)
    assert made.left == [1]
    assert made.right is None
    assert type(made) is Pair


def test_assemble_writes_one_function_per_class_and_keeps_it(written):
    assemble(Pair, left=1, right=2)
    assemble(Parcel, name="box")
    first = dict(written["_ASSEMBLE"])
    assert set(first) == {Pair, Parcel}
    assemble(Pair, left=3, right=4)
    assert written["_ASSEMBLE"][Pair] is first[Pair]
    assert written["_REPLACE"] == {}


def test_replaced_changes_the_given_fields_and_keeps_the_rest():
    tags = ["fragile"]
    original = Parcel("box", 3, tags, "by hand")
    copy = replaced(original, weight=4)
    assert copy == Parcel("box", 4, tags, "by hand")
    assert copy.tags is tags
    # The original is left alone.
    assert original.weight == 3


def test_replaced_takes_none_as_a_value():
    copy = replaced(Parcel("box", note="by hand"), note=None)
    assert copy.note is None
    assert copy.name == "box"


def test_replaced_without_changes_is_an_equal_new_value():
    original = Pair(1, 2)
    copy = replaced(original)
    assert copy == original
    assert copy is not original


def test_replaced_changes_every_field_at_once():
    copy = replaced(Pair(1, 2), left="a", right="b")
    assert (copy.left, copy.right) == ("a", "b")


def test_replaced_refuses_a_field_the_class_has_not():
    with pytest.raises(TypeError, match="colour"):
        replaced(Pair(1, 2), colour="red")


def test_replaced_writes_one_function_per_class_and_keeps_it(written):
    replaced(Pair(1, 2), left=0)
    first = written["_REPLACE"][Pair]
    replaced(Pair(5, 6), right=0)
    assert written["_REPLACE"][Pair] is first
    assert set(written["_REPLACE"]) == {Pair}
    assert written["_ASSEMBLE"] == {}


def test_the_written_source_sets_each_slot_in_order():
    assert source(Pair, "keywords").splitlines() == [
        "def written(*, left, right):",
        "    made = _new(_cls)",
        "    _set_0(made, left)",
        "    _set_1(made, right)",
        "    return made",
    ]
    head = "def written(value, name=_UNSET, weight=_UNSET, tags=_UNSET, note=_UNSET):"
    assert source(Parcel, "copy").splitlines() == [
        head,
        "    made = _new(_cls)",
        "    _set_0(made, value.name if name is _UNSET else name)",
        "    _set_1(made, value.weight if weight is _UNSET else weight)",
        "    _set_2(made, value.tags if tags is _UNSET else tags)",
        "    _set_3(made, value.note if note is _UNSET else note)",
        "    return made",
    ]
    # In order: every field given, no default and no factory.
    assert source(Parcel, "in order").splitlines() == [
        "def written(name, weight, tags, note):",
        "    made = _new(_cls)",
        "    _set_0(made, name)",
        "    _set_1(made, weight)",
        "    _set_2(made, tags)",
        "    _set_3(made, note)",
        "    return made",
    ]


def test_the_written_source_of_a_builder_fills_defaults_and_factories():
    lines = source(Parcel, "keywords").splitlines()
    assert lines[0] == (
        "def written(*, name, weight=_default_1, tags=_default_2, note=_default_3):"
    )
    assert lines[2:6] == [
        "    _set_0(made, name)",
        "    _set_1(made, weight)",
        "    _set_2(made, _factory_2() if tags is _UNSET else tags)",
        "    _set_3(made, note)",
    ]


def test_a_rebuilder_takes_every_field_in_order_and_is_written_once(written):
    tags = ["fragile"]
    make = rebuilder(Parcel)
    made = make("box", 5, tags, None)
    assert made == Parcel("box", 5, tags, None)
    assert made.tags is tags
    assert rebuilder(Parcel) is make
    assert set(written["_REBUILD"]) == {Parcel}
    with pytest.raises(TypeError):
        make("box", 5)


@attrs.frozen(slots=False)
class Ledger:
    """A frozen class without slots: its fields live in the instance's dict."""

    owner: str
    entries: int = 0


def test_a_class_without_slots_is_built_through_setattr():
    assert assemble(Ledger, owner="Ada") == Ledger("Ada", 0)
    assert replaced(Ledger("Ada", 2), entries=3) == Ledger("Ada", 3)
    assert rebuilder(Ledger)("Ada", 4) == Ledger("Ada", 4)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rebuilder(Ledger)("Ada", 4).owner = "Grace"  # type: ignore[misc]


def test_a_slotted_class_is_built_through_its_slots():
    # The slot's setter, not object.__setattr__: a frozen class refuses the
    # second, and the written function reaches past it.
    made = rebuilder(Pair)(1, 2)
    assert (made.left, made.right) == (1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.left = 3  # type: ignore[misc]

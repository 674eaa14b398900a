"""The words of the domain: members hash as they compare, and travel as themselves."""

from __future__ import annotations

import copy
import pickle

import pytest

from followup import Channel, EventKind, Outcome, Performance, Severity, StepKind

WORDS = (Channel, EventKind, Outcome, Performance, Severity, StepKind)
MEMBERS = [member for word in WORDS for member in word]


@pytest.mark.parametrize("member", MEMBERS, ids=repr)
def test_a_member_is_found_by_itself_and_its_value_in_sets_and_dicts(member):
    kind = type(member)
    others = {m: m.value for m in kind if m is not member}
    table = {**others, member: "here"}
    assert table[kind(member.value)] == "here"
    assert member in frozenset(table)
    assert member not in frozenset(others)
    # A copy, a pickle: the same member, so the same hash.
    assert copy.deepcopy(member) is member
    assert pickle.loads(pickle.dumps(member)) is member


@pytest.mark.parametrize("word", WORDS, ids=lambda word: word.__name__)
def test_members_hash_by_identity_not_by_name(word):
    # Enum hashes a member by its name in Python; these hash in C, by
    # identity, which agrees with their equality (a member equals itself
    # alone) and is what the rules' look-ups of kinds and channels rely on
    # for speed.
    for member in word:
        assert hash(member) == object.__hash__(member)
        assert member != member.value
        assert member != member.name

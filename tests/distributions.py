"""Throw-away distributions on disk: plugins as pip would install them.

A module and a ``.dist-info`` folder with METADATA and ``entry_points.txt``
in the group ``followup.rules`` are all `importlib.metadata` needs to find a
plugin, so the tests install real (if tiny) distributions, not mocks.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathlib

__all__ = ["BROKEN", "RULE", "rule_source", "write_distribution"]


#: A plugin rule that fails whatever it is asked: its module's source.
BROKEN = """
import attrs
from typing import ClassVar

@attrs.frozen
class Params:
    pass

@attrs.frozen
class Broken:
    code: ClassVar[str] = "BRK001"
    name: ClassVar[str] = "broken-rule"
    summary: ClassVar[str] = "Fails whatever it is asked."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Params = attrs.field(factory=Params)

    def plan(self, draft):
        raise ValueError("no luck")

    def check(self, facts, steps):
        return ()
"""


#: A plugin rule with one parameter (``level``, 1), and a factory ``made``
#: that gives it with level 5: its module's source, code and name to fill in.
RULE = """
import attrs
from typing import ClassVar

@attrs.frozen
class Params:
    level: int = 1

@attrs.frozen
class Rule:
    code: ClassVar[str] = "{code}"
    name: ClassVar[str] = "{name}"
    summary: ClassVar[str] = "A test rule."
    advice: ClassVar[tuple[str, ...]] = ()
    params: Params = attrs.field(factory=Params)

    def plan(self, draft):
        return draft

    def check(self, facts, steps):
        return ()

def made():
    return Rule(Params(level=5))
"""


def rule_source(code: str, name: str) -> str:
    """The source of a module holding `RULE` as rule `code` named `name`."""
    return RULE.replace("{code}", code).replace("{name}", name)


def write_distribution(
    folder: pathlib.Path,
    dist: str,
    module: str,
    source: str,
    entry_points: dict[str, str],
    *,
    version: str = "1.0",
    metadata: str | None = None,
) -> None:
    """Write `module` and the metadata of `dist` into `folder`.

    An entry point's value is ``module:attribute``, or just the attribute
    of `module`.
    """
    (folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = folder / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        metadata or f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n"
    )
    lines = "".join(
        f"{name} = {value if ':' in value else f'{module}:{value}'}\n"
        for name, value in entry_points.items()
    )
    (info / "entry_points.txt").write_text(f"[followup.rules]\n{lines}")

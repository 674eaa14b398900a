"""``python -m followup``: the ``followup`` command."""

from __future__ import annotations

from followup.cli import run

if __name__ == "__main__":
    run()

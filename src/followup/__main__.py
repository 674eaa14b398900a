"""``python -m followup``: the ``followup`` command."""

from __future__ import annotations

import sys

from followup.cli import main

if __name__ == "__main__":
    sys.exit(main())

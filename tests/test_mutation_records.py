"""`scripts/mutation --combine`: the share over records, stale parts left out.

The README's command reads the committed record; a module all of whose
recorded functions have changed since must be listed as left out, not
divide the figure by zero.
"""

from __future__ import annotations

import gzip
import json
import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutation"


@pytest.fixture(scope="module")
def mutation():
    return runpy.run_path(str(SCRIPT), run_name="mutation_script")


def record(path, modules):
    text = json.dumps({"tests": ["tests"], "modules": modules})
    path.write_bytes(gzip.compress(text.encode(), mtime=0))
    return path


def test_a_module_whose_recorded_functions_all_changed_is_left_out(
    mutation, tmp_path, capsys
):
    fingerprints = mutation["function_fingerprints"](
        mutation["ROOT"], "src/followup/_advice.py"
    )
    stale = {
        "source": "changed",
        "functions": dict.fromkeys(fingerprints, "changed"),
        "mutants": {
            "followup._advice.x_advice_problem__mutmut_1": "caught",
            "followup._advice.x_advice_problem__mutmut_2": "survived",
        },
    }
    current = {
        "source": "changed",
        "functions": mutation["function_fingerprints"](
            mutation["ROOT"], "src/followup/_time.py"
        ),
        "mutants": {
            "followup._time.x_utc__mutmut_1": "caught",
            "followup._time.x_utc__mutmut_2": "caught",
            "followup._time.x_utc__mutmut_3": "survived",
            "followup._time.x_local__mutmut_1": "caught",
        },
    }
    path = record(
        tmp_path / "r.json.gz",
        {"src/followup/_advice.py": stale, "src/followup/_time.py": current},
    )
    assert mutation["combine"]([path]) == 0
    out = capsys.readouterr().out
    assert "src/followup/_advice.py " not in out
    assert "left out, 2 mutants of functions changed since: r.json.gz: " in out
    assert "src/followup/_time.py" in out
    assert "-- 4 mutants: caught 3 = 75.0%;" in out


def test_records_of_nothing_current_say_so(mutation, tmp_path, capsys):
    fingerprints = mutation["function_fingerprints"](
        mutation["ROOT"], "src/followup/_advice.py"
    )
    path = record(
        tmp_path / "r.json.gz",
        {
            "src/followup/_advice.py": {
                "source": "changed",
                "functions": dict.fromkeys(fingerprints, "changed"),
                "mutants": {"followup._advice.x_advice_problem__mutmut_1": "caught"},
            }
        },
    )
    assert mutation["combine"]([path]) == 2
    assert "-- no record matches today's sources" in capsys.readouterr().out

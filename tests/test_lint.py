"""The code passes the linter with the rules pinned in pyproject.toml ([tool.ruff])."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]' installs it)")
    return [exe]


def test_ruff_finds_nothing():
    r = subprocess.run(
        [*_ruff(), "check", "--no-cache", "nlp_news", "tests", "benchmarks", "setup.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr

"""Shared fixtures: loaded pipelines (once per session), the samples, the shared data."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED_DATA = Path(os.environ.get("NLP_NEWS_DATA", ROOT.parent / "shared" / "data"))
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"})


@pytest.fixture(scope="session")
def analyzer():
    """The full pipeline, as users get it from nlp_news.load()."""
    import nlp_news

    return nlp_news.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data beside the checkout (CI has a copy); skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def compiled_kernel():
    """Import a compiled C kernel by module name (directly, whatever NLP_NEWS_NO_KERNEL says); a kernel that
    is not built fails the test with how to build it."""

    def load(name: str):
        try:
            return importlib.import_module(name)
        except ImportError as e:
            pytest.fail(
                f"the C kernel {name} is not built ({e}); reinstall with a C compiler and Python headers "
                "(pip install -e '.[test]') and read the build output (pip install -v)"
            )

    return load

"""The label stage's compiled kernel (``nlp_news/labels/_sums.c``) against its numpy reference.

``block_sums`` must give the same sums, bit for bit, with and without the kernel. The first
test fails when the extension was not built in this checkout's install, so a broken build does
not go unnoticed (the install itself succeeds without it).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from nlp_news.labels import models
from nlp_news.labels.models import block_sums

SUMS_C = Path(models.__file__).with_name("_sums.c")


@pytest.fixture(scope="module")
def sums(compiled_kernel):
    return compiled_kernel("nlp_news.labels._sums")


def test_kernel_is_built_in_this_checkout_and_up_to_date(sums):
    assert Path(sums.__file__).parent == SUMS_C.parent, f"kernel loaded from {sums.__file__}, not this checkout"
    assert hashlib.sha256(SUMS_C.read_bytes()).hexdigest() == sums.SOURCE_SHA256, "_sums.c changed: pip install -e '.[test]'"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_block_sums_are_the_same_with_and_without_the_kernel(sums, monkeypatch, seed):
    rng = np.random.default_rng(seed)
    q = rng.integers(-127, 128, size=(5000, 27), dtype=np.int8)
    sc = rng.random(27, dtype=np.float32) + 0.01
    n_docs = 40
    blocks = []
    for _ in range(3):  # texts without occurrences in a block, texts with many, as the featurizer makes them
        rows = np.sort(rng.integers(0, n_docs - 5, size=int(rng.integers(0, 3000))))
        blocks.append((rows, rng.integers(0, len(q), size=len(rows))))
    monkeypatch.setattr(models, "_sums", sums)
    with_kernel = block_sums((q, sc), blocks, n_docs)
    monkeypatch.setattr(models, "_sums", None)
    without = block_sums((q, sc), blocks, n_docs)
    assert with_kernel.dtype == without.dtype == np.float64
    assert np.array_equal(with_kernel, without)


def test_kernel_refuses_indices_outside_its_arrays_and_changes_nothing(sums):
    q = np.ones((4, 3), dtype=np.int8)
    out = np.zeros((2, 3), dtype=np.int32)
    with pytest.raises(ValueError, match="idx holds a row outside q"):
        sums.add_rows(q, np.array([0, 4]), np.array([0, 1]), out)
    with pytest.raises(ValueError, match="rows holds a row outside out"):
        sums.add_rows(q, np.array([0, 1]), np.array([0, 2]), out)
    with pytest.raises(ValueError, match="out must be a 2D array of 4-byte"):
        sums.add_rows(q, np.array([0]), np.array([0]), np.zeros((2, 3), dtype=np.int64))
    assert not out.any()

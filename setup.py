"""Build of the optional C kernels (metadata: pyproject.toml).

``nlp_news/entities/_chain.c`` is compiled into ``nlp_news.entities._chain`` (the entity
tagger's emissions and Viterbi search) and ``nlp_news/labels/_sums.c`` into
``nlp_news.labels._sums`` (the label stage's weight-row sums); CPython C API and
buffer protocol only: no numpy headers at build time. They are optional: when one
does not build, nlp-news installs anyway and that stage runs its numpy code (same
output, slower); ``tests/test_entities_kernel.py`` and ``tests/test_labels_kernel.py``
fail then, so CI notices. Editing a ``.c`` file needs a reinstall (``pip install -e .``).
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup

SOURCE = "nlp_news/entities/_chain.c"
SUMS_SOURCE = "nlp_news/labels/_sums.c"


def source_sha256(source: str = SOURCE) -> str:
    """sha256 of a C source, compiled into its module to detect a stale build."""
    return hashlib.sha256((Path(__file__).parent / source).read_bytes()).hexdigest()


setup(
    ext_modules=[
        Extension(
            "nlp_news.entities._chain",
            sources=[SOURCE],
            define_macros=[("CHAIN_SOURCE_SHA256", f'"{source_sha256()}"')],
            extra_compile_args=["-O3"],  # -O3: the Viterbi step 15-20% faster than -O2, same code otherwise
            optional=True,
        ),
        Extension(
            "nlp_news.labels._sums",
            sources=[SUMS_SOURCE],
            define_macros=[("SUMS_SOURCE_SHA256", f'"{source_sha256(SUMS_SOURCE)}"')],
            extra_compile_args=["-O3"],
            optional=True,
        ),
    ]
)

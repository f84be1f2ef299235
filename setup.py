"""Build of the optional C kernel of the entity tagger (metadata: pyproject.toml).

``nlp_news/entities/_chain.c`` is compiled into ``nlp_news.entities._chain``
(CPython C API and buffer protocol only: no numpy headers at build time). It is
optional: when it does not build, nlp-news installs anyway and the tagger runs
its numpy code (same output, slower); ``tests/test_entities_kernel.py`` fails
then, so CI notices. Editing ``_chain.c`` needs a reinstall (``pip install -e .``).
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup

SOURCE = "nlp_news/entities/_chain.c"


def source_sha256() -> str:
    """sha256 of the C source, compiled into the module to detect a stale build."""
    return hashlib.sha256((Path(__file__).parent / SOURCE).read_bytes()).hexdigest()


setup(
    ext_modules=[
        Extension(
            "nlp_news.entities._chain",
            sources=[SOURCE],
            define_macros=[("CHAIN_SOURCE_SHA256", f'"{source_sha256()}"')],
            extra_compile_args=["-O3"],  # -O3: the Viterbi step 15-20% faster than -O2, same code otherwise
            optional=True,
        )
    ]
)

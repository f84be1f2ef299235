"""Build of the optional compiled parts (metadata: pyproject.toml).

Two C kernels: ``nlp_news/entities/_chain.c`` is compiled into ``nlp_news.entities._chain`` (the
entity tagger's emissions and Viterbi search) and ``nlp_news/labels/_sums.c`` into
``nlp_news.labels._sums`` (the label stage's weight-row sums); CPython C API and buffer protocol
only: no numpy headers at build time.

The facts stage's rules (``NUMERIC_COMPILED`` below: plain Python, the per-number path) are
compiled by Cython as they are, the way pydantic 1 shipped its pure-Python modules: the same
code, without the interpreter's dispatch (the stage ~6% faster: most of its time is in the regex
engine and str methods, which are C already). ``nlp_news/numeric/extract.pxd`` adds Cython
declarations the ``.py`` does not carry: the scanner is an extension type with C fields, and its hot
methods take and keep positions as C integers, so slicing the text makes no Python int (7.7% fewer
instructions); the ``.py`` runs the same without it. Its methods there hold no generator or lambda,
which Cython cannot compile inside them. The build writes
``nlp_news/numeric/_compiled.json``, the sha256 of each source it compiled; at import
``nlp_news.kernels.use_compiled`` runs the ``.py`` of a module whose source changed since
(an edit in an editable install), so a stale build is never run.

All are optional: when one does not build (no C compiler, no Python headers), nlp-news installs
anyway and that part runs its Python code (same output, slower); ``tests/test_entities_kernel.py``,
``tests/test_labels_kernel.py`` and ``tests/test_numeric_compiled.py`` fail then, so CI notices.
``NLP_NEWS_PURE_BUILD=1`` skips the Cython step (a faster reinstall while editing the rules).
Editing a ``.c`` file needs a reinstall (``pip install -e .``); so does running an edited rule
module compiled.
"""

import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).parent
SOURCE = "nlp_news/entities/_chain.c"
SUMS_SOURCE = "nlp_news/labels/_sums.c"
# The facts stage's modules that Cython compiles: the path every number takes, and the classifier's
# features and weights (Python per uncertain fact; numpy only loads the weights). Not the spec benchmark's
# helpers (numbers.py, ranges.py).
NUMERIC_COMPILED = ("numerals", "money", "dates", "linking", "extract", "classifier")
# -O1 -g0: Cython's C is mostly calls into the CPython API, which -O2 hardly makes faster (the stage counts
# 1% fewer instructions); extract.c (6 MB of C) compiles in ~18 s so, ~44 s at -O2, ~100 s with Python's -g -O3.
COMPILE_ARGS = ["-O1", "-g0"]
COMPILED_FROM: dict[str, str] = {}  # rule module -> sha256 of the source Cython translated
SKIPPED: str | None = None  # why the build compiles no rule module


def source_sha256(source: str = SOURCE) -> str:
    """sha256 of a source file, compiled into (or recorded beside) its module to detect a stale build."""
    return hashlib.sha256((HERE / source).read_bytes()).hexdigest()


def numeric_extensions() -> list[Extension]:
    """The facts stage's rule modules as extensions of their ``.py``, or none (no Cython, or
    NLP_NEWS_PURE_BUILD=1); :class:`BuildExt` has Cython turn them into C when it builds them."""
    global SKIPPED
    if os.environ.get("NLP_NEWS_PURE_BUILD", "").strip() not in ("", "0"):
        SKIPPED = "built with NLP_NEWS_PURE_BUILD=1"
        return []
    try:
        import Cython  # noqa: F401
    except ImportError:
        SKIPPED = "built without Cython"
        return []
    return [
        Extension(f"nlp_news.numeric.{name}", [f"nlp_news/numeric/{name}.py"], extra_compile_args=COMPILE_ARGS, optional=True)
        for name in NUMERIC_COMPILED
    ]


class BuildExt(build_ext):
    """build_ext that has Cython translate the rule modules first (only when it builds: not for
    pip's metadata steps) and records in ``_compiled.json`` which it compiled, from which source."""

    def finalize_options(self):
        # before build_ext's own finalising, which prepares each extension it will build
        rules = [ext for ext in self.distribution.ext_modules if ext.sources[0].endswith(".py")]
        COMPILED_FROM.update({ext.name.rsplit(".", 1)[1]: source_sha256(ext.sources[0]) for ext in rules})
        if rules:
            from Cython.Build import cythonize

            others = [ext for ext in self.distribution.ext_modules if ext not in rules]
            self.distribution.ext_modules = others + cythonize(
                rules,
                quiet=True,
                force=True,  # from the sources as they are now, whose sha256 the manifest records
                build_dir="build/cython",  # the C it writes, out of the package
                nthreads=os.cpu_count() or 1,
                # annotation_typing off: annotations stay hints, so the compiled code keeps exactly
                # the Python semantics (no C doubles for `float`, no exact-type checks for `list`)
                compiler_directives={"language_level": 3, "annotation_typing": False, "binding": True, "autotestdict": False},
            )
        super().finalize_options()

    def run(self):
        outputs = {name: Path(self.get_ext_fullpath(f"nlp_news.numeric.{name}")) for name in COMPILED_FROM}
        for path in outputs.values():  # an old build must not pass for this one if this one fails
            path.unlink(missing_ok=True)
        super().run()
        built = {name: COMPILED_FROM[name] for name, path in outputs.items() if path.exists()}
        manifest = Path(self.get_ext_fullpath("nlp_news.numeric.extract")).with_name("_compiled.json")
        manifest.parent.mkdir(parents=True, exist_ok=True)
        record = {"compiled": built, "skipped": SKIPPED}
        manifest.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


setup(
    cmdclass={"build_ext": BuildExt},
    options={"build_ext": {"parallel": os.cpu_count() or 1}},  # extract.c alone takes ~35 s to compile
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
        *numeric_extensions(),
    ],
)

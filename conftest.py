"""pytest at the top of the checkout.

The rule modules that the build compiles with Cython (``nlp_news.numeric.COMPILED``) are imported
compiled, and pytest's ``--doctest-modules`` would read their ``.py`` and refuse the compiled module
in ``sys.modules`` ("import file mismatch"). Their doctests run instead in
``tests/test_numeric_compiled.py``, one test per docstring, on the module in use (compiled, or its
``.py`` when it runs from source).
"""

COMPILED_RULES = ("numerals", "money", "dates", "linking", "extract", "classifier")  # as nlp_news.numeric.COMPILED

collect_ignore = [f"nlp_news/numeric/{name}.py" for name in COMPILED_RULES]

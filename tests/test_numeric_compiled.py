"""The facts stage's rule modules as the build compiles them (Cython, see ``setup.py``).

The compiled modules must be in use in this checkout's install (a build that failed would only make
the stage slower, so the first test says so), run the same code as their ``.py`` (their doctests,
and the same facts on the samples and on the table sentences of ``test_numeric.py``), and never
run once their source has changed (``nlp_news.kernels.use_compiled``).
"""

from __future__ import annotations

import doctest
import hashlib
import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nlp_news.numeric
from nlp_news.kernels import use_compiled
from nlp_news.numeric import COMPILED, WHY_FROM_SOURCE

from .conftest import ROOT, SAMPLE_FILES

sys.path.insert(0, str(ROOT))
from conftest import COMPILED_RULES  # noqa: E402  (the checkout's top conftest.py)

sys.path.remove(str(ROOT))

MODULES = {name: importlib.import_module(f"nlp_news.numeric.{name}") for name in COMPILED}
DOCTESTS = [
    (name, test)
    for name, module in MODULES.items()
    for test in doctest.DocTestFinder().find(module, module.__name__)
    if test.examples
]


def test_the_top_conftest_names_the_compiled_modules():
    assert COMPILED_RULES == COMPILED


@pytest.mark.parametrize(("name", "test"), DOCTESTS, ids=[t.name for _, t in DOCTESTS])
def test_doctests_of_the_rule_modules_in_use(name, test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


def test_the_rule_modules_are_compiled_in_this_checkout():
    if os.environ.get("NLP_NEWS_NO_KERNEL", "").strip() not in ("", "0"):
        pytest.skip("NLP_NEWS_NO_KERNEL is set: the rule modules run from source")
    stale = {name: why for name, why in WHY_FROM_SOURCE.items() if why and "changed since" in why}
    if stale:
        pytest.skip(f"edited since the build, so they run from source: {stale}")
    if any(why and "NLP_NEWS_PURE_BUILD" in why for why in WHY_FROM_SOURCE.values()):
        pytest.skip("installed with NLP_NEWS_PURE_BUILD=1: the rule modules run from source")
    assert dict.fromkeys(COMPILED) == WHY_FROM_SOURCE, (
        f"{WHY_FROM_SOURCE}: the build did not compile them; reinstall (pip install -e '.[test]') and read its output"
    )
    here = Path(nlp_news.numeric.__file__).parent
    for module in MODULES.values():
        assert Path(module.__file__).parent == here and not module.__file__.endswith(".py"), module.__file__


def _facts_in_subprocess(texts: list[str], env: dict[str, str]) -> tuple[list, dict]:
    code = (
        "import json, sys\n"
        "import nlp_news, nlp_news.numeric as n\n"
        "an = nlp_news.load()\n"
        "texts = json.load(sys.stdin)\n"
        "out = [[[f.start, f.end, f.kind, f.value, f.unit, f.qualifier, f.change, f.metric, f.period]"
        " for f in an.analyze(t).facts] for t in texts]\n"
        "print(json.dumps({'facts': out, 'why': n.WHY_FROM_SOURCE}, ensure_ascii=False, default=str))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True, env=env, check=True
    )
    got = json.loads(run.stdout)
    return got["facts"], got["why"]


def test_compiled_and_source_give_the_same_facts():
    from .test_numeric import FOUND, IGNORED

    if any(WHY_FROM_SOURCE.values()):
        pytest.skip(f"not every rule module runs compiled here: {WHY_FROM_SOURCE}")
    texts = [p.read_bytes().decode("utf-8", errors="ignore") for p in SAMPLE_FILES if p.suffix == ".txt"]
    texts += [row[0] for row in FOUND] + [row[0] for row in IGNORED]  # facts, and numbers that are none
    env = {k: v for k, v in os.environ.items() if k != "NLP_NEWS_NO_KERNEL"}
    compiled, why = _facts_in_subprocess(texts, env)
    assert not any(why.values())
    source, why = _facts_in_subprocess(texts, {**env, "NLP_NEWS_NO_KERNEL": "1"})
    assert all(why.values())
    assert sum(map(len, compiled)) > len(FOUND)
    assert compiled == source


def _package(tmp_path: Path, source: str, recorded: str | None) -> Path:
    package = tmp_path / "rulespkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "rules.py").write_text(source)
    if recorded is not None:
        (package / "_compiled.json").write_text(json.dumps({"compiled": {"rules": recorded}, "skipped": None}))
    return package


def test_a_rule_module_edited_since_the_build_runs_from_its_source(tmp_path, monkeypatch):
    package = _package(tmp_path, "VALUE = 2\n", recorded=hashlib.sha256(b"VALUE = 1\n").hexdigest())
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NLP_NEWS_NO_KERNEL", raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    status = use_compiled("rulespkg", package, ("rules",))
    assert "rules.py changed since it was compiled" in status["rules"]
    module = importlib.import_module("rulespkg.rules")
    assert module.__file__ == str(package / "rules.py") and module.VALUE == 2
    for name in ("rulespkg.rules", "rulespkg"):
        monkeypatch.delitem(sys.modules, name)


def test_a_rule_module_compiled_from_its_present_source_is_left_to_the_usual_import(tmp_path, monkeypatch):
    package = _package(tmp_path, "VALUE = 1\n", recorded=hashlib.sha256(b"VALUE = 1\n").hexdigest())
    monkeypatch.delenv("NLP_NEWS_NO_KERNEL", raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    finders = len(sys.meta_path)
    assert use_compiled("rulespkg", package, ("rules",)) == {"rules": None}
    assert len(sys.meta_path) == finders
    monkeypatch.setenv("NLP_NEWS_NO_KERNEL", "1")
    assert use_compiled("rulespkg", package, ("rules",)) == {"rules": "switched off by NLP_NEWS_NO_KERNEL"}


def test_a_compiled_module_left_by_an_older_build_does_not_shadow_its_source(tmp_path, monkeypatch):
    package = _package(tmp_path, "VALUE = 1\n", recorded=hashlib.sha256(b"VALUE = 1\n").hexdigest())
    (package / "helpers.py").write_text("VALUE = 3\n")
    (package / f"helpers{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"not a real extension")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("NLP_NEWS_NO_KERNEL", raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert use_compiled("rulespkg", package, ("rules",)) == {"rules": None}
    assert importlib.import_module("rulespkg.helpers").VALUE == 3
    for name in ("rulespkg.helpers", "rulespkg"):
        monkeypatch.delitem(sys.modules, name)


def test_a_build_that_skipped_cython_says_why(tmp_path, monkeypatch):
    package = _package(tmp_path, "VALUE = 1\n", recorded=None)
    (package / "_compiled.json").write_text(json.dumps({"compiled": {}, "skipped": "built with NLP_NEWS_PURE_BUILD=1"}))
    monkeypatch.delenv("NLP_NEWS_NO_KERNEL", raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert use_compiled("rulespkg", package, ("rules",)) == {"rules": "not compiled: built with NLP_NEWS_PURE_BUILD=1"}


def test_without_a_build_record_every_module_runs_from_source(tmp_path, monkeypatch):
    package = _package(tmp_path, "VALUE = 1\n", recorded=None)
    monkeypatch.delenv("NLP_NEWS_NO_KERNEL", raising=False)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert use_compiled("rulespkg", package, ("rules",))["rules"].startswith("not built")

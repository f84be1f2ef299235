"""Surname features of the entity tagger: the hand-written list, the per-character
flags and word codes, the stability of the feature list, and models trained with
and without the surname templates (sentences written here)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp_news.entities import features as F
from nlp_news.entities.lexicon import SURNAME_FILE, Lexicon, read_surnames
from nlp_news.entities.model import NerModel
from nlp_news.training.ner import train

#: The templates of the models trained before the surname features (in this order).
OLD_TEMPLATES = (
    "c-2", "c-1", "c0", "c+1", "c+2", "c-1c0", "c0c+1", "c-1c0c+1", "bmes|c0", "bmes|lex|jtag", "bmes|word",
    "bmes|prevword", "bmes|nextword", "bmes|nextlex|nextjtag", "cls-1cls0cls+1", "gaz|pos|class",
    "gazstart|len|class", "c-2c-1", "c+1c+2",
)


def test_surname_list_is_clean():
    names = read_surnames()
    assert len(names) == len(set(names)), "a surname is listed twice"
    assert all(1 <= len(n) <= 2 for n in names)
    assert {"王", "武", "鞠", "欧阳", "司马", "诸葛", "上官"} <= set(names)
    assert not {"的", "国", "第五"} & set(names)


def test_flags_mark_single_and_compound_surnames():
    sn = F.Surnames(["王", "武", "欧", "欧阳", "司马"])
    text = "武磊和欧阳青、司马南见面。"
    flags = sn.flags(F.codepoints(text)).tolist()
    assert flags == [1, 0, 0, 2, 3, 0, 0, 2, 3, 0, 0, 0, 0]
    assert sn.flags(F.codepoints("")).tolist() == []
    assert sn.flags(F.codepoints("abc😀")).tolist() == [0, 0, 0, 0]  # beyond the table


def _winfo(text: str, words: list[str], lex: Lexicon) -> F.WordInfo:
    return F.word_info(text, F.codepoints(text), words, lex.lookup, surnames=lex.surnames, common=lex.common_index)


def test_word_codes_tell_an_unknown_name_from_a_common_word():
    lex = Lexicon({"王磊": "nr"}, {}, ["武器", "表示"], F.Surnames(["王", "武"]))
    text = "武磊表示武器和王磊"
    words = ["武磊", "表示", "武器", "和", "王磊"]
    w = _winfo(text, words, lex).wsur.tolist()
    # 武磊: single surname + 1 character, unknown; 武器: common; 和: not a surname; 王磊: jieba's nr
    assert w == [1 + 16 + 4 + 0, 0, 1 + 16 + 4 + 3, 0, 1 + 16 + 4 + 1]


def test_the_new_templates_leave_the_old_ids_alone():
    assert F.TEMPLATES[: len(OLD_TEMPLATES)] == OLD_TEMPLATES
    assert set(F.TEMPLATES) >= F.SURNAME_TEMPLATES
    lex = Lexicon({}, {}, [], F.Surnames(["武"]))
    text = "武磊在比赛中打进一球。"
    words = ["武磊", "在", "比赛", "中", "打进", "一球", "。"]
    winfo = _winfo(text, words, lex)
    _, src = F.pad_layout([(0, len(text))])
    full = F.feature_ids(F.codepoints(text), winfo, src)
    old = F.feature_ids(F.codepoints(text), winfo, src, OLD_TEMPLATES)
    assert full.shape == (len(F.TEMPLATES), len(src))
    assert np.array_equal(full[: len(OLD_TEMPLATES)], old)
    # without the surname list the old templates still work, the new ones ask for it
    plain = F.word_info(text, F.codepoints(text), words, lex.lookup)
    assert np.array_equal(F.feature_ids(F.codepoints(text), plain, src, OLD_TEMPLATES), old)
    with pytest.raises(ValueError, match="surname"):
        F.feature_ids(F.codepoints(text), plain, src)


def test_surname_features_fire_for_a_rare_surname_as_for_a_common_one():
    lex = Lexicon({}, {}, [], F.Surnames(["王", "武"]))
    ids = {}
    for text in ("武磊在场上。", "王磊在场上。", "马磊在场上。"):
        words = [text[:2], "在", "场上", "。"]
        _, src = F.pad_layout([(0, len(text))])
        ids[text[0]] = F.feature_ids(F.codepoints(text), _winfo(text, words, lex), src, tuple(sorted(F.SURNAME_TEMPLATES)))
    assert np.array_equal(ids["武"], ids["王"])  # the same surname features: what the tagger learns for one holds for the other
    assert not np.array_equal(ids["武"], ids["马"])  # 马 is not in this list


# -- models --------------------------------------------------------------------------------------------------------

PEOPLE = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆", "赵敏", "孙亮"]
PLACES = ["杭州", "成都", "西安", "南京"]
FRAMES = ["{p}在{c}接受了采访。", "记者在{c}见到了{p}。", "{p}表示，{c}的天气很好。"]


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory):
    recs = []
    for k, fr in enumerate(FRAMES):
        for i, p in enumerate(PEOPLE):
            c = PLACES[(i + k) % len(PLACES)]
            text = fr.format(p=p, c=c)
            label = {"name": {p: [[text.index(p), text.index(p) + len(p) - 1]]},
                     "address": {c: [[text.index(c), text.index(c) + len(c) - 1]]}}
            recs.append({"text": text, "label": label})
    path = tmp_path_factory.mktemp("sur") / "tiny.json"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    return path


def test_a_model_keeps_its_surname_list_and_an_old_model_needs_none(tiny_data, tmp_path):
    out = tmp_path / "new"
    train([(tiny_data, "cluener")], out, dev_fraction=0.0, max_iterations=30, c1=0.01)
    assert (out / SURNAME_FILE).exists()
    model = NerModel.load(out)
    assert set(model.templates) == set(F.TEMPLATES)
    assert model.lexicon.surnames is not None and "欧阳" in model.lexicon.surnames.names
    # a model trained with the old templates has no list and loads as before
    old = tmp_path / "old"
    train([(tiny_data, "cluener")], old, dev_fraction=0.0, max_iterations=30, c1=0.01, templates=OLD_TEMPLATES)
    assert not (old / SURNAME_FILE).exists()
    old_model = NerModel.load(old)
    assert old_model.templates == OLD_TEMPLATES and old_model.lexicon.surnames is None
    assert old_model.predict(["张伟在杭州接受了采访。"])


def test_a_model_with_surname_features_but_no_list_is_refused(tiny_data, tmp_path):
    out = tmp_path / "m"
    train([(tiny_data, "cluener")], out, dev_fraction=0.0, max_iterations=10, c1=0.01)
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / SURNAME_FILE).unlink()
    with pytest.raises(ValueError, match="lexicon-surnames.txt"):
        NerModel.load(broken)


def test_shipped_surname_file_matches_the_template_choice():
    """The shipped model has a surname list exactly when its templates use one."""
    from nlp_news.modelio import model_path

    folder = Path(model_path("ner"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    uses = bool(F.SURNAME_TEMPLATES & set(meta["features"]["templates"]))
    assert (folder / SURNAME_FILE).exists() == uses

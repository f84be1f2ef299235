"""Training the entity tagger on a tiny dataset written here, evaluating it,
saving and loading it, and the ``train ner`` / ``evaluate ner`` commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nlp_news.cli.ner import evaluate_ner, train_ner
from nlp_news.entities.model import NerModel
from nlp_news.training.ner import evaluate_model, prf, read_bio, read_cluener, train

PEOPLE = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"]
FIRMS = ["星河科技", "蓝海银行", "青云集团", "长风证券"]
CITIES = ["杭州", "成都", "武汉", "西安"]
TEMPLATES = [
    "{p}是{f}的员工，常驻{c}。",
    "{f}在{c}开设了新办公室，由{p}负责。",
    "据悉，{p}昨天从{c}赶到{f}总部。",
]


def _tiny_examples() -> list[dict]:
    recs = []
    for k, t in enumerate(TEMPLATES):
        for i in range(8):
            p, f, c = PEOPLE[(i + k) % len(PEOPLE)], FIRMS[(i * 3 + k) % len(FIRMS)], CITIES[(i + 2 * k) % len(CITIES)]
            text = t.format(p=p, f=f, c=c)
            label: dict = {}
            for typ, m in (("name", p), ("company", f), ("address", c)):
                s = text.index(m)
                label.setdefault(typ, {})[m] = [[s, s + len(m) - 1]]  # CLUENER: END inclusive
            recs.append({"text": text, "label": label})
    return recs


@pytest.fixture(scope="module")
def tiny_cluener(tmp_path_factory):
    path = tmp_path_factory.mktemp("ner") / "tiny.json"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _tiny_examples()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_bio(tmp_path_factory):
    path = tmp_path_factory.mktemp("ner") / "tiny.bio"
    lines = []
    for r in _tiny_examples():
        tags = ["O"] * len(r["text"])
        for typ, ms in r["label"].items():
            lab = {"name": "PER", "company": "ORG", "address": "LOC"}[typ]
            for [[s, e]] in ms.values():
                tags[s] = "B-" + lab
                for i in range(s + 1, e + 1):
                    tags[i] = "I-" + lab
        lines += [f"{ch}\t{t}" for ch, t in zip(r["text"], tags)] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tiny_cluener, tiny_bio, tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "ner"
    model = train([(tiny_cluener, "cluener"), (tiny_bio, "bio")], out, dev_fraction=0.0, max_iterations=60, c1=0.01)
    return model, out


def test_cluener_reader_turns_inclusive_end_into_exclusive(tiny_cluener):
    text, ents = next(read_cluener(tiny_cluener))
    assert all(text[s:e] in PEOPLE + FIRMS + CITIES for s, e, _ in ents)
    assert {t for _, _, t in ents} == {"name", "company", "address"}


def test_cluener_reader_rejects_a_mention_at_the_wrong_offset(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"text": "张伟在杭州", "label": {"name": {"张伟": [[1, 2]]}}}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="inclusive"):
        list(read_cluener(bad))


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["张 B-PER", "伟 I-PER", "在 O", "杭 B-LOC", "州 I-LOC"], [(0, 2, "name"), (3, 5, "address")]),
        (["张\tS-PER", "三\tO", "蓝\tB-ORG", "海\tM-ORG", "行\tE-ORG"], [(0, 1, "name"), (2, 5, "organization")]),
        (["张0\tB-PER.NAM", "伟1\tI-PER.NAM", "说0\tO"], [(0, 2, "name")]),
        (["今 B-TIME", "天 I-TIME", "北 B-LOC", "京 I-LOC"], [(2, 4, "address")]),
    ],
)
def test_bio_reader_maps_coarse_tags_to_types(tmp_path, lines, expected):
    p = tmp_path / "x.bio"
    p.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    [(text, ents)] = list(read_bio(p))
    assert len(text) == len(lines)
    assert ents == expected


def test_training_learns_the_tiny_dataset(tiny_model, tiny_cluener):
    model, _ = tiny_model
    result = evaluate_model(model, list(read_cluener(tiny_cluener)), coarse=False)
    assert result["micro"]["f1"] >= 0.9, result
    assert set(model.taggers) == {"fine", "coarse"}


def test_trained_tagger_generalises_to_a_new_sentence(tiny_model):
    model, _ = tiny_model
    [found] = model.predict(["王强是蓝海银行的员工，常驻成都。"], "fine")
    assert ("王强", "name") in {("王强是蓝海银行的员工，常驻成都。"[s:e], t) for s, e, t, _ in found}


def test_save_then_load_gives_identical_predictions(tiny_model):
    model, folder = tiny_model
    loaded = NerModel.load(folder)
    texts = ["陈静从西安赶到青云集团总部。", "杨帆是长风证券的员工。", ""]
    for which in ("fine", "coarse"):
        a = model.predict(texts, which)
        b = loaded.predict(texts, which)
        assert [[x[:3] for x in t] for t in a] == [[x[:3] for x in t] for t in b]
        for ta, tb in zip(a, b):
            for x, y in zip(ta, tb):
                assert x[3] == pytest.approx(y[3], abs=1e-2)  # weights are stored as float16


def test_prf_counts_exact_spans_only():
    r = prf([{(0, 2, "name"), (3, 5, "address")}], [{(0, 2, "name"), (3, 4, "address"), (6, 8, "company")}])
    assert r["micro"] == {"precision": pytest.approx(1 / 3, abs=1e-4), "recall": 0.5, "f1": 0.4, "support": 2}
    assert r["company"]["precision"] == 0.0


def test_cli_trains_and_evaluates(tiny_cluener, tiny_bio, tmp_path):
    runner = CliRunner()
    out = tmp_path / "m"
    r = runner.invoke(
        train_ner,
        ["--data", str(tiny_cluener), "--format", "cluener", "--data", str(tiny_bio), "--format", "bio",
         "--out", str(out), "--dev-fraction", "0", "--iterations", "40", "--c1", "0.01"],
    )
    assert r.exit_code == 0, r.output
    assert (out / "weights.npz").exists() and (out / "meta.json").exists() and (out / "lexicon-train.tsv").exists()
    r = runner.invoke(evaluate_ner, ["--data", str(tiny_bio), "--format", "bio", "--model", str(out)])
    assert r.exit_code == 0, r.output
    lines = {ln.split()[0]: ln.split()[1:] for ln in r.output.strip().splitlines()[1:]}
    assert set(lines) == {"PER", "LOC", "ORG", "micro"}
    assert float(lines["micro"][2]) >= 0.9
    r = runner.invoke(evaluate_ner, ["--data", str(tiny_cluener), "--model", str(out), "--json"])
    assert r.exit_code == 0, r.output
    assert set(json.loads(r.output)) == {"name", "company", "address", "micro"}


def test_cli_explains_a_missing_model(tiny_bio, tmp_path):
    r = CliRunner().invoke(evaluate_ner, ["--data", str(tiny_bio), "--model", str(tmp_path / "nothing")])
    assert r.exit_code != 0
    assert "nlp-news train ner" in r.output


def test_training_one_tagger_alone_gives_the_tagger_of_a_full_run(tiny_model, tiny_cluener, tiny_bio, tmp_path):
    full, _ = tiny_model
    alone = train([(tiny_cluener, "cluener"), (tiny_bio, "bio")], None, dev_fraction=0.0, max_iterations=60, c1=0.01,
                  taggers=("coarse",))
    assert set(alone.taggers) == {"coarse"}
    a, b = full.taggers["coarse"], alone.taggers["coarse"]
    assert a.tags == b.tags
    texts = ["陈静从西安赶到青云集团总部。", "杨帆是长风证券的员工。"]
    assert full.predict(texts, "coarse") == alone.predict(texts, "coarse")
    with pytest.raises(ValueError, match="coarse"):
        train([(tiny_cluener, "cluener")], None, dev_fraction=0.0, max_iterations=5, taggers=("coarse",))
    r = CliRunner().invoke(
        train_ner,
        ["--data", str(tiny_cluener), "--data", str(tiny_bio), "--out", str(tmp_path / "m"), "--dev-fraction", "0",
         "--iterations", "20", "--tagger", "coarse"],
    )
    assert r.exit_code == 0, r.output
    assert "taggers: coarse" in r.output

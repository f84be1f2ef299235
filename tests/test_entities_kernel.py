"""The compiled kernel of the entity tagger (``nlp_news/entities/_chain.c``) against the numpy reference.

The kernel must give the same emission scores (bit for bit) and the same
Viterbi tags as the numpy code in ``crf.py``, which stays the fallback. The
first test fails when the extension was not built in this checkout's install,
so a broken build does not go unnoticed (the install itself succeeds without it).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from nlp_news.entities import crf, features
from nlp_news.entities.crf import ChainTagger, SharedEmissions, gather_sum, half_weights, table_sum, table_sum_hashed
from nlp_news.entities.features import (
    GAZ_MAX,
    N_BUCKETS,
    FeatureParts,
    HashIndex,
    codepoints,
    gazetteer_codes,
    prefix_index,
    string_hashes,
)

CHAIN_C = Path(crf.__file__).with_name("_chain.c")


@pytest.fixture(scope="module")
def chain(compiled_kernel):
    """The compiled kernel module (imported directly, whatever NLP_NEWS_NO_KERNEL says)."""
    return compiled_kernel("nlp_news.entities._chain")


@pytest.fixture
def kernel_on(chain, monkeypatch):
    """crf with the kernel, also under NLP_NEWS_NO_KERNEL=1 (these tests compare it with numpy)."""
    monkeypatch.setattr(crf, "kernel", chain)
    return chain


# -- the build ---------------------------------------------------------------------------------------------------


def test_kernel_is_built_in_this_checkout_and_up_to_date(chain):
    assert Path(chain.__file__).parent == CHAIN_C.parent, f"kernel loaded from {chain.__file__}, not this checkout"
    source = hashlib.sha256(CHAIN_C.read_bytes()).hexdigest()
    assert source == chain.SOURCE_SHA256, "_chain.c changed since the kernel was built: pip install -e '.[test]'"


def test_crf_uses_the_kernel_unless_switched_off(chain):
    if os.environ.get("NLP_NEWS_NO_KERNEL", "").strip() not in ("", "0"):
        assert crf.kernel is None and "NLP_NEWS_NO_KERNEL" in crf.KERNEL_ERROR
    else:
        assert crf.kernel is chain and crf.KERNEL_ERROR is None


def test_environment_variable_switches_the_kernel_off():
    code = "from nlp_news.entities import crf; print(crf.kernel is None, crf.KERNEL_ERROR)"
    env = dict(os.environ, NLP_NEWS_NO_KERNEL="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.startswith("True switched off by NLP_NEWS_NO_KERNEL")


# -- random inputs -----------------------------------------------------------------------------------------------


def bio_tags(n_types: int) -> list[str]:
    return ["O"] + [f"{p}-t{k}" for k in range(n_types) for p in ("B", "I")]


TAG_SETS = {
    "one tag": ["O"],
    "two tags": ["O", "B-a"],
    "BIO 1 type": bio_tags(1),
    "BIO 3 types (coarse)": bio_tags(3),
    "BIO 10 types (fine)": bio_tags(10),
    "no BIO structure": ["O", "X", "Y", "Z"],
    "no BIO structure, 20 tags": ["O"] + [f"X{k}" for k in range(19)],  # more targets than the AVX step takes
    "I- without its B-": ["O", "B-a", "I-b", "I-a"],
}


def random_tagger(rng: np.random.Generator, tags: list[str], *, ties: bool) -> ChainTagger:
    T = len(tags)
    trans = rng.integers(-3, 4, (T, T)) if ties else rng.normal(0, 2, (T, T))
    return ChainTagger(tags, np.array([1]), np.zeros((1, T), np.float32), trans.astype(np.float32))


def random_emissions(rng: np.random.Generator, n: int, T: int, *, ties: bool) -> np.ndarray:
    if ties:  # small integers: equal path scores everywhere
        return rng.integers(-4, 5, (n, T)).astype(np.float32)
    em = rng.normal(0, 4, (n, T)).astype(np.float32)
    em[:, 0] += rng.choice([0, 20], n).astype(np.float32)  # some rows far beyond the margin
    return em


def random_real(rng: np.random.Generator, n: int, kind: str) -> np.ndarray:
    if kind == "all real":
        return np.ones(n, bool)
    if kind == "all padding":
        return np.zeros(n, bool)
    if kind == "chunks":  # as pad_layout: runs of text between padding rows
        real = np.ones(n, bool)
        if n:
            real[rng.integers(0, n, max(n // 12, 1))] = False
        return real
    return rng.random(n) < 0.7


def assert_same_decode(tagger: ChainTagger, em: np.ndarray, real: np.ndarray, margin: float) -> None:
    want = tagger.viterbi(em, real, margin=margin)
    got = tagger._kernel_viterbi(em, real, margin)
    assert got.dtype == want.dtype and np.array_equal(got, want), np.flatnonzero(got != want)[:10]


@pytest.mark.parametrize("tag_set", list(TAG_SETS))
@pytest.mark.parametrize("ties", [False, True], ids=["floats", "ties"])
def test_viterbi_kernel_equals_numpy_on_random_inputs(kernel_on, tag_set, ties):
    rng = np.random.default_rng([zlib.crc32(tag_set.encode()), ties])
    tags = TAG_SETS[tag_set]
    for trial in range(40):
        tagger = random_tagger(rng, tags, ties=ties)
        n = int(rng.choice([0, 1, 2, 3, 17, 120, 600]))
        em = random_emissions(rng, n, len(tags), ties=ties)
        real_kind = ["all real", "all padding", "chunks", "random"][trial % 4]
        real = random_real(rng, n, real_kind)
        for margin in (12.0, 0.0, 2.5, np.inf):
            assert_same_decode(tagger, em, real, margin)


@pytest.mark.parametrize("tag_set", ["BIO 10 types (fine)", "no BIO structure"])
def test_viterbi_kernel_equals_numpy_on_long_runs(kernel_on, tag_set):
    rng = np.random.default_rng(7)
    tags = TAG_SETS[tag_set]
    tagger = random_tagger(rng, tags, ties=False)
    for n in (1000, 5000):
        em = random_emissions(rng, n, len(tags), ties=False)
        real = np.ones(n, bool)
        assert_same_decode(tagger, em, real, np.inf)  # one run over every row
        real[n // 2] = False
        assert_same_decode(tagger, em, real, np.inf)


def test_viterbi_kernel_equals_numpy_on_infinite_scores(kernel_on):
    rng = np.random.default_rng(3)
    tags = TAG_SETS["BIO 3 types (coarse)"]
    tagger = random_tagger(rng, tags, ties=False)
    with np.errstate(all="ignore"):
        for _ in range(30):
            em = random_emissions(rng, 60, len(tags), ties=True)
            em[rng.random(em.shape) < 0.05] = -np.inf
            em[rng.random(em.shape) < 0.02] = np.inf
            assert_same_decode(tagger, em, random_real(rng, 60, "chunks"), 12.0)


def test_viterbi_kernel_reads_a_column_slice_in_place(kernel_on):
    rng = np.random.default_rng(19)
    fine = random_tagger(rng, TAG_SETS["BIO 10 types (fine)"], ties=False)
    coarse = random_tagger(rng, TAG_SETS["BIO 3 types (coarse)"], ties=False)
    both = random_emissions(rng, 700, 32, ties=False)  # as SharedEmissions: 21 + 7 columns, padded to 32
    real = random_real(rng, 700, "chunks")
    for tagger, cols in ((fine, slice(0, 21)), (coarse, slice(21, 28))):
        view = both[:, cols]
        assert not view.flags.c_contiguous and crf._column_slice(view)[1] == cols.start
        want = tagger.viterbi(np.ascontiguousarray(view), real, margin=12.0)
        assert np.array_equal(tagger._kernel_viterbi(view, real, 12.0), want)
        assert np.array_equal(tagger.decode(view, real)[0], want)
    with pytest.raises(ValueError, match="col0 \\+ T columns"):
        kernel_on.viterbi(both, real, fine.trans_c, fine.start_c, fine._k_tgt, fine._k_pairs, 12.0,
                          np.zeros(700, np.int64), 20)


def test_decode_gives_the_same_tags_and_confidences_with_and_without_kernel(kernel_on, monkeypatch):
    rng = np.random.default_rng(11)
    tagger = random_tagger(rng, TAG_SETS["BIO 10 types (fine)"], ties=False)
    em = random_emissions(rng, 500, 21, ties=False)
    real = random_real(rng, 500, "chunks")
    tags_k, conf_k = tagger.decode(em, real)
    monkeypatch.setattr(crf, "kernel", None)
    tags_n, conf_n = tagger.decode(em, real)
    assert np.array_equal(tags_k, tags_n) and np.array_equal(conf_k, conf_n)
    assert (tags_n != 0).any()


def random_table(rng: np.random.Generator, n_buckets: int, n_rows: int) -> np.ndarray:
    table = np.zeros(n_buckets, np.int32)
    kept = rng.random(n_buckets) < 0.5
    table[kept] = rng.integers(1, n_rows, kept.sum())
    return table


@pytest.mark.parametrize("F", [1, 2, 19])
@pytest.mark.parametrize("C", [1, 7, 28])
def test_emissions_kernel_equals_numpy_bit_for_bit(kernel_on, F, C):
    rng = np.random.default_rng(F * 100 + C)
    W = rng.normal(0, 1, (500, C)).astype(np.float32)
    W[0] = 0
    table = random_table(rng, 4096, len(W))
    for n in (0, 1, 255, 256, 257, 3000):
        ids = rng.integers(0, len(table), (F, n))
        want = gather_sum(W, table.take(ids))
        got = table_sum(W, table, ids)
        assert got.dtype == np.float32 and got.shape == (n, C)
        assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


@pytest.mark.parametrize("C", [1, 8, 12, 20, 28, 40])  # padded to 8, 16, 24, 32 (row by row in registers) and 40
def test_float16_weights_give_the_float32_sums(kernel_on, C):
    if not kernel_on.F16C:
        pytest.skip("this CPU has no F16C: the kernel gathers float32 weights only")
    rng = np.random.default_rng(C)
    W = rng.normal(0, 1, (500, C)).astype(np.float16).astype(np.float32)
    W[0] = 0
    H = half_weights(W)
    assert H is not None and H.dtype == np.float16 and H.shape[1] % 8 == 0
    table = random_table(rng, 4096, len(W))
    for n in (0, 1, 2049, 3000):
        ids = rng.integers(0, len(table), (19, n))
        want = gather_sum(W, table.take(ids))
        got = table_sum(H, table, ids)[:, :C]
        assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
    assert half_weights(W + np.float32(1e-4)) is None  # not float16 values: kept float32


def random_parts(rng: np.random.Generator, n: int) -> FeatureParts:
    parts = (rng.integers(-(1 << 62), 1 << 62, n), rng.integers(0, 50, n), rng.integers(0, 3, n))
    spec = np.array([[0, -1, -1], [1, 2, -1], [2, 1, 0], [0, 0, -1], [1, -1, -1]], np.int64)
    seeds = rng.integers(0, 1 << 63, len(spec), dtype=np.uint64)
    return FeatureParts(parts, spec, seeds)


def test_hashed_emissions_equal_hashing_then_gathering(kernel_on):
    rng = np.random.default_rng(11)
    W = rng.normal(0, 1, (300, 12)).astype(np.float16).astype(np.float32)
    table = random_table(rng, N_BUCKETS, len(W))
    weights = [W] + ([half_weights(W)] if kernel_on.F16C else [])
    for n in (1, 2047, 2048, 5000):
        feats = random_parts(rng, n)
        ids = feats.ids()
        assert ids.shape == (5, n) and ids.min() >= 0 and ids.max() < N_BUCKETS
        want = gather_sum(W, table.take(ids))
        for w in weights:
            got = table_sum_hashed(w, table, feats)[:, :12]
            assert np.array_equal(got.view(np.uint32), want.view(np.uint32))


def test_hashed_emissions_kernel_refuses_bad_arguments(chain):
    W = np.ones((4, 3), np.float32)
    table = np.zeros(N_BUCKETS, np.int32)
    parts = [np.zeros(5, np.int64), np.zeros(5, np.int64)]
    spec = np.array([[0, 1, -1]], np.int64)
    seeds = np.zeros(1, np.int64)
    out = np.empty((5, 3), np.float32)
    call = chain.emissions_hashed
    call(W, table, parts, spec, seeds, 3, 42, out)
    with pytest.raises(ValueError, match="spec entries must be part indices"):
        call(W, table, parts, np.array([[0, 2, -1]], np.int64), seeds, 3, 42, out)
    with pytest.raises(ValueError, match="spec entries must be part indices"):
        call(W, table, parts, np.array([[-1, 0, -1]], np.int64), seeds, 3, 42, out)
    with pytest.raises(ValueError, match="spec must have shape"):
        call(W, table, parts, np.array([[0, 1]], np.int64), seeds, 3, 42, out)
    with pytest.raises(ValueError, match="same length"):
        call(W, table, [parts[0], np.zeros(4, np.int64)], spec, seeds, 3, 42, out)
    with pytest.raises(ValueError, match="seeds must have one entry"):
        call(W, table, parts, spec, np.zeros(2, np.int64), 3, 42, out)
    with pytest.raises(ValueError, match="shift must be"):
        call(W, table, parts, spec, seeds, 3, 64, out)
    with pytest.raises(ValueError, match="outside the table"):
        call(W, table, parts, spec, np.full(1, 1 << 40, np.int64), 3, 0, out)  # an unshifted hash
    with pytest.raises(ValueError, match="parts must hold"):
        call(W, table, [], spec, seeds, 3, 42, out)
    with pytest.raises(ValueError, match="out must have shape"):
        call(W, table, parts, spec, seeds, 3, 42, np.empty((4, 3), np.float32))
    if chain.F16C:
        with pytest.raises(ValueError, match="multiple of 8 columns"):
            call(W.astype(np.float16), table, parts, spec, seeds, 3, 42, out)


def test_shared_emissions_equal_each_taggers_own(kernel_on, monkeypatch):
    rng = np.random.default_rng(5)
    taggers = {}
    for name, tags in (("fine", TAG_SETS["BIO 10 types (fine)"]), ("coarse", TAG_SETS["BIO 3 types (coarse)"])):
        rows = np.unique(rng.integers(0, 1 << 20, 3000))
        W = rng.normal(0, 1, (len(rows), len(tags))).astype(np.float16)
        taggers[name] = ChainTagger(tags, rows, W, np.zeros((len(tags), len(tags)), np.float32))
    ids = rng.integers(0, 1 << 20, (19, 2000))
    ids[:, ::3] = rng.choice(taggers["fine"].rows, (19, 667))  # many buckets that have a weight
    got = SharedEmissions(taggers).emissions(ids)
    monkeypatch.setattr(crf, "kernel", None)
    want = SharedEmissions(taggers).emissions(ids)
    for name, tg in taggers.items():
        assert np.array_equal(got[name], want[name])
        assert np.array_equal(got[name], tg.emissions(ids))


# -- lexicon lookups ---------------------------------------------------------------------------------------------


def random_words(rng: np.random.Generator, n: int, alphabet: str = "银行浙商智谱科技公司中国AIab") -> list[str]:
    return ["".join(rng.choice(list(alphabet), int(rng.integers(1, 12)))) for _ in range(n)]


@pytest.mark.parametrize("n_words", [1, 40, 3000])
def test_hash_index_lookups_equal_numpy(kernel_on, monkeypatch, n_words):
    rng = np.random.default_rng(n_words)
    words = sorted(set(random_words(rng, n_words)))
    classes = rng.integers(-3, 40, len(words))  # negative and zero classes too: only > 0 is a gazetteer match
    index = HashIndex(string_hashes(words), classes)
    probe = string_hashes(words + random_words(rng, 2000))
    got = index.get(probe)
    monkeypatch.setattr(crf, "kernel", None)
    want = index.get(probe)
    assert got.dtype == want.dtype == np.int64 and np.array_equal(got, want)
    assert np.array_equal(want[: len(words)], classes)


@pytest.mark.parametrize("with_prefixes", [True, False])
def test_gazetteer_codes_equal_numpy(kernel_on, monkeypatch, with_prefixes):
    rng = np.random.default_rng(17)
    words = sorted({w for w in random_words(rng, 400, "银行浙商智谱科技") if len(w) >= 2})
    index = HashIndex(string_hashes(words), rng.integers(1, 12, len(words)))
    prefixes = prefix_index(words) if with_prefixes else None
    for n in (0, 1, 2, 11, 5000):
        text = "".join(rng.choice(list("银行浙商智谱科技，A"), n))
        cp = codepoints(text)
        for max_len in (2, 3, GAZ_MAX):
            got = gazetteer_codes(cp, index, max_len, prefixes)
            with monkeypatch.context() as m:
                m.setattr(crf, "kernel", None)
                want = gazetteer_codes(cp, index, max_len, prefixes)
            assert all(np.array_equal(g, w) for g, w in zip(got, want))
            if n == 5000 and max_len == GAZ_MAX:
                assert (want[0] > 0).sum() > 100  # overlapping matches of several lengths


def test_lookup_kernels_refuse_bad_tables(chain):
    index = HashIndex(string_hashes(["银行", "浙商"]), np.array([3, 4]))
    bits = np.packbits(index.filter, bitorder="little")
    args = [index.keys, index.vals, index.used, bits, int(index.shift), int(index.fshift), int(features._MUL),
            int(features._MUL2)]
    out = np.zeros(2, np.int64)
    chain.index_get(*args, string_hashes(["浙商", "x"]), out)
    assert out.tolist() == [4, 0]
    with pytest.raises(ValueError, match="power-of-two"):
        chain.index_get(*args[:4], int(index.shift) + 1, *args[5:], string_hashes(["x"]), out[:1])
    with pytest.raises(ValueError, match="power-of-two"):
        chain.index_get(index.keys[:-1], *args[1:], string_hashes(["x"]), out[:1])
    with pytest.raises(ValueError, match="no free slot"):
        chain.index_get(args[0], args[1], np.ones_like(index.used), *args[3:], string_hashes(["x"]), out[:1])
    with pytest.raises(ValueError, match="int16"):
        chain.index_get(args[0], index.vals.astype(np.int64), *args[2:], string_hashes(["x"]), out[:1])
    with pytest.raises(ValueError, match="one entry per hash"):
        chain.index_get(*args, string_hashes(["x"]), out)
    cp = codepoints("浙商银行")
    cover, start = np.zeros(4, np.int64), np.zeros(4, np.int64)
    pre = prefix_index(["银行", "浙商"])
    chain.gazetteer(cp, *args, pre.packed_slots(), int(pre.shift), features._WORD_P, 10, cover, start)
    assert start.tolist() == [16 * 4 + 2, 0, 16 * 3 + 2, 0]
    with pytest.raises(ValueError, match="max_len"):
        chain.gazetteer(cp, *args, pre.packed_slots(), int(pre.shift), features._WORD_P, 1, cover, start)
    with pytest.raises(ValueError, match="one entry per code point"):
        chain.gazetteer(cp, *args, pre.packed_slots(), int(pre.shift), features._WORD_P, 10, cover[:3], start)


# -- feature parts -----------------------------------------------------------------------------------------------


def random_featurisation(rng: np.random.Generator, n_chars: int, *, gazetteer: bool, surnames: bool):
    """A text of Han, Latin, digits, spaces and punctuation, cut into random words and chunks,
    with its WordInfo as word_info gives it (a random lexicon, gazetteer and surname list)."""
    from nlp_news.entities.features import Surnames, pad_layout, word_info

    text = "".join(rng.choice(list("王李欧阳银行浙商智谱科技公司中国AIbx07 ，。、"), n_chars))
    cuts = sorted(set(rng.integers(1, max(n_chars, 2), n_chars // 2).tolist()) - {n_chars}) if n_chars else []
    words = [text[a:b] for a, b in zip([0, *cuts], [*cuts, n_chars])] if n_chars else []
    vocab = sorted(set(random_words(rng, 60, "王李欧阳银行浙商智谱科技")) | set(words[:20]))
    t_index = HashIndex(string_hashes(vocab), rng.integers(0, 9, len(vocab)))
    j_index = HashIndex(string_hashes(vocab), rng.integers(0, 5, len(vocab)))

    def lookup(h):
        return t_index.get(h), j_index.get(h)

    gaz = sorted({w for w in vocab if len(w) >= 2})
    kw = {}
    if surnames:
        kw = {"surnames": Surnames(["王", "李", "欧阳"]), "common": HashIndex(string_hashes(vocab[:10]), np.ones(10, np.int64))}
    winfo = word_info(text, codepoints(text), words, lookup, HashIndex(string_hashes(gaz), rng.integers(1, 7, len(gaz)))
                      if gazetteer else None, prefix_index(gaz) if gazetteer else None, **kw)
    bounds = sorted(set(rng.integers(0, n_chars + 1, 4).tolist()) | {0, n_chars})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    return codepoints(text), winfo, pad_layout(spans)[1]


@pytest.mark.parametrize("n_chars", [0, 1, 3, 400])
@pytest.mark.parametrize("gazetteer", [True, False])
@pytest.mark.parametrize("surnames", [True, False])
def test_feature_parts_kernel_equals_numpy(kernel_on, n_chars, gazetteer, surnames):
    rng = np.random.default_rng([n_chars, gazetteer, surnames])
    cp, winfo, src = random_featurisation(rng, n_chars, gazetteer=gazetteer, surnames=surnames)
    templates = features.TEMPLATES if surnames else tuple(t for t in features.TEMPLATES if t not in features.SURNAME_TEMPLATES)
    for tpl in (templates, templates[::-1][:7]):
        got = features.feature_parts(cp, winfo, src, tpl)
        want = features._feature_parts_numpy(cp, winfo, src, tpl)
        assert np.array_equal(got.ids(), want.ids())


@pytest.mark.parametrize("n_chars", [0, 1, 400])
def test_word_info_is_the_same_with_and_without_kernel(kernel_on, monkeypatch, n_chars):
    rng = np.random.default_rng(n_chars)
    with_kernel = random_featurisation(rng, n_chars, gazetteer=True, surnames=True)[1]
    monkeypatch.setattr(crf, "kernel", None)
    without = random_featurisation(np.random.default_rng(n_chars), n_chars, gazetteer=True, surnames=True)[1]
    for name in ("starts", "ends", "hashes", "lex", "jtag", "char_word", "gaz_cover", "gaz_start", "sur", "wsur"):
        got, want = getattr(with_kernel, name), getattr(without, name)
        assert got.dtype == want.dtype and np.array_equal(got, want), name


@pytest.mark.parametrize("words", [["银行", "和"], ["银行和", "x"], ["银", 3]])
def test_words_that_do_not_cover_the_text_are_refused(kernel_on, monkeypatch, words):
    from nlp_news.entities.features import word_info

    def lookup(h):
        return np.zeros(len(h), np.int64), np.zeros(len(h), np.int64)

    for kernel in (kernel_on, None):
        monkeypatch.setattr(crf, "kernel", kernel)
        with pytest.raises((ValueError, TypeError)):
            word_info("银行和银行", codepoints("银行和银行"), words, lookup)


def test_feature_parts_kernel_refuses_bad_arguments(chain):
    rng = np.random.default_rng(2)
    cp, winfo, src = random_featurisation(rng, 30, gazetteer=True, surnames=True)
    i64 = np.int64
    args = [cp, winfo.char_word, winfo.starts, winfo.ends, winfo.hashes.view(i64), winfo.lex * 16 + winfo.jtag,
            winfo.gaz_cover, winfo.gaz_start, winfo.sur, winfo.wsur, src, np.empty((18, len(src)), i64)]
    chain.feature_parts(*args)
    for k, bad, match in [
        (10, np.where(src == src.max(), len(cp), src), "src entries"),
        (1, np.full(len(cp), len(winfo.starts)), "char_word entries"),
        (3, winfo.ends[:-1], "one entry per word"),
        (6, winfo.gaz_cover[:-1], "one entry per code point, or none"),
        (11, np.empty((17, len(src)), i64), "shape"),
        (0, cp.astype(np.int32), "int64"),
    ]:
        with pytest.raises(ValueError, match=match):
            chain.feature_parts(*args[:k], bad, *args[k + 1 :])


# -- errors ------------------------------------------------------------------------------------------------------


def test_emissions_kernel_refuses_bad_ids_and_tables(chain):
    W = np.ones((4, 3), np.float32)
    table = np.array([0, 1, 3, 2], np.int32)
    out = np.empty((2, 3), np.float32)
    with pytest.raises(ValueError, match=r"ids\[1, 0\] = 4 is outside the table"):
        chain.emissions(W, table, np.array([[0, 1], [4, 0]]), out)
    with pytest.raises(ValueError, match="outside the table"):
        chain.emissions(W, table, np.array([[0, -1]]), out)
    with pytest.raises(ValueError, match="is not a row of W"):
        chain.emissions(W, np.array([0, 9, 1, 1], np.int32), np.array([[0, 1]]), out)
    with pytest.raises(ValueError, match="W must be a 2D float32 or float16"):
        chain.emissions(W.astype(np.float64), table, np.array([[0, 1]]), out)
    with pytest.raises(ValueError, match="ids must be a C-contiguous"):
        chain.emissions(W, table, np.zeros((2, 4), np.int64)[:, ::2], out)
    with pytest.raises(ValueError, match="out must have shape"):
        chain.emissions(W, table, np.array([[0, 1, 2]]), out)
    with pytest.raises(ValueError, match="out must be a C-contiguous writable"):
        ro = out.copy()
        ro.flags.writeable = False
        chain.emissions(W, table, np.array([[0, 1]]), ro)


def test_viterbi_kernel_refuses_bad_shapes(kernel_on):
    chain = kernel_on
    tagger = random_tagger(np.random.default_rng(0), TAG_SETS["BIO 1 type"], ties=False)
    em = np.zeros((5, 3), np.float32)
    args = [em, np.ones(5, bool), tagger.trans_c, tagger.start_c, tagger._k_tgt, tagger._k_pairs, 12.0]
    with pytest.raises(ValueError, match="tags must have one entry per row"):
        chain.viterbi(*args, np.zeros(4, np.int64))
    with pytest.raises(ValueError, match="real must be a 1D bool"):
        chain.viterbi(em, np.ones(5, np.int64), *args[2:], np.zeros(5, np.int64))
    with pytest.raises(ValueError, match="trans must be"):
        chain.viterbi(em, args[1], np.zeros((2, 2), np.float32), *args[3:], np.zeros(5, np.int64))
    with pytest.raises(ValueError, match=r"pairs\[0\] = 2"):
        chain.viterbi(*args[:5], np.array([2]), 12.0, np.zeros(5, np.int64))
    with pytest.raises(ValueError, match="tag 2 is neither a target nor the I-x of a pair"):
        chain.viterbi(*args[:4], np.array([0, 1]), np.zeros(0, np.int64), 12.0, np.zeros(5, np.int64))
    with pytest.raises(ValueError, match="emissions of shape"):
        tagger._kernel_viterbi(np.zeros((5, 4), np.float32), np.ones(5, bool), 12.0)


# -- the shipped model on text written for these tests -----------------------------------------------------------

TEXTS = [
    "智谱AI和MiniMax先后向港交所递交招股书，两家公司的创始人都在北京清华大学读过书。",
    "国家统计局周三公布，上月全国居民消费价格同比上涨0.4%，其中食品价格下降1.2%。",
    "记者李明在上海浦东新区报道：东方航空与中国商飞签署协议，订购一百架C919飞机。",
    "《流浪地球》导演郭帆表示，新片将于明年春节在全国院线上映，腾讯影业参与出品。",
    "",
    (
        "美联储主席鲍威尔在华盛顿表示，通胀仍高于2%的目标。欧洲央行行长拉加德则在法兰克福谈到了能源价格。\n\n"
        "日本丰田汽车公司宣布在得克萨斯州新建电池工厂，投资约39亿美元。"
    ),
]


def test_entities_of_written_texts_are_the_same_with_and_without_kernel(kernel_on, monkeypatch):
    from nlp_news.entities.recognizer import EntityRecognizer

    rec = EntityRecognizer()
    with_kernel = rec.recognize_many(TEXTS)
    raw_kernel = rec.model.predict_many(TEXTS)
    monkeypatch.setattr(crf, "kernel", None)
    assert rec.recognize_many(TEXTS) == with_kernel
    assert rec.model.predict_many(TEXTS) == raw_kernel
    assert any(with_kernel)

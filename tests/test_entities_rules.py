"""Entity rules, the combination policy, alias merging and the summary: pure functions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_news.entities.aliases import alias_key, entity_summary, merge_aliases
from nlp_news.entities.patterns import (
    Candidate,
    extend_with_suffix,
    find_han_ai,
    find_latin_names,
    find_positions,
    find_titles,
)
from nlp_news.entities.recognizer import UserDictionary, select
from nlp_news.schema import ENTITY_TYPES, Entity
from nlp_news.tokenizer import UserWord


def E(text: str, start: int, type_: str = "company", score: float = 0.9, source: str = "model") -> Entity:
    return Entity(text, start, start + len(text), ENTITY_TYPES[type_], type_, text, score, source)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("MiniMax 与 OpenAI 竞争", [("MiniMax", "company"), ("OpenAI", "company")]),
        ("公司推出了 Talkie 应用", [("Talkie", "product")]),
        ("总部位于伦敦的 ElevenLabs 完成融资", [("ElevenLabs", "company")]),
        ("据 Artificial Analysis 的榜单", [("Artificial Analysis", "company")]),
        ("The quick brown fox jumps", []),
        ("该公司 CEO 在 IPO 前表示 AI 很重要", []),
    ],
)
def test_latin_names_inside_chinese_text(text, expected):
    assert [(text[c.start : c.end], c.type) for c in find_latin_names(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("智谱AI发布新模型", [("智谱AI", "company")]),
        ("旗下的海螺 AI 很受欢迎", [("海螺 AI", "product")]),
        ("各地都在发展AI产业", []),
        # a function word or verb before the name is cut off; a clause with 了 or a generic word is no name
        ("旗下有星野 和海螺 AI 两款产品", [("海螺 AI", "company")]),
        ("公司随后推出海螺AI视频", [("海螺AI", "product")]),
        ("这开启了 AI 的新时代", []),
        ("他专注前沿 AI 研究", []),
    ],
)
def test_chinese_names_with_an_ai_tail(text, expected):
    assert [(text[c.start : c.end], c.type) for c in find_han_ai(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("读了《三体》之后", ("《三体》", "book")),
        ("电影《流浪地球》票房破纪录", ("《流浪地球》", "movie")),
        ("这款游戏《原神》的玩家很多", ("《原神》", "game")),
    ],
)
def test_titles_in_book_brackets_are_works(text, expected):
    [c] = find_titles(text)
    assert (text[c.start : c.end], c.type) == expected


def test_positions_prefer_the_longest_title():
    text = "副总裁兼首席执行官李华"
    assert [text[c.start : c.end] for c in find_positions(text)] == ["副总裁", "首席执行官"]


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("MiniMax 公司表示", (0, 7, "company"), (10, "company")),
        ("腾讯控股发布财报", (0, 2, "company"), (4, "company")),
        ("清华大学的研究", (0, 2, "address"), (4, "organization")),
        ("银行业务", (0, 0, "company"), None),
        ("北京市公安局", (0, 3, "address"), None),
        ("张三公司法课程", (0, 2, "name"), None),
    ],
)
def test_organisation_suffix_extends_a_name(text, span, expected):
    assert extend_with_suffix(text, *span) == expected


def test_selection_prefers_user_dictionary_then_score_and_never_overlaps():
    cands = [
        Candidate(0, 6, "company", 0.95, "model"),
        Candidate(0, 4, "product", 1.0, "user_dict"),
        Candidate(4, 8, "company", 0.6, "rule:latin"),
        Candidate(5, 8, "name", 0.9, "model"),
        Candidate(9, 9, "name", 0.9, "model"),
    ]
    out = select(cands)
    assert out == [Candidate(0, 4, "product", 1.0, "user_dict"), Candidate(5, 8, "name", 0.9, "model")]


def test_user_dictionary_matches_other_spacing_and_case_but_not_inside_latin_words():
    ud = UserDictionary([UserWord("Open AI", None, "company"), UserWord("智谱AI", None, "company")])
    text = "OpenAI、open ai 与智谱 AI，但 ReopenAIx 不算"
    assert [text[c.start : c.end] for c in ud.find(text)] == ["OpenAI", "open ai", "智谱 AI"]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("智谱", "智谱 AI", True),
        ("智谱AI", "智谱 AI", True),
        ("MiniMax", "MiniMax 公司", True),
        ("腾讯", "腾讯控股", True),
        ("腾讯", "腾讯元宝", False),
        ("中国", "中国银行", False),
    ],
)
def test_alias_keys(a, b, same):
    assert (alias_key(a) == alias_key(b)) is same


def test_merging_gives_one_canonical_name_and_type_per_entity():
    ents = [E("智谱", 0), E("智谱AI", 10), E("智谱 AI", 20), E("腾讯", 30), E("腾讯控股", 40), E("腾讯元宝", 50, "product")]
    out = {e.text: e for e in merge_aliases(ents)}
    assert {out[t].canonical for t in ("智谱", "智谱AI", "智谱 AI")} == {"智谱AI"}
    assert out["腾讯"].canonical == out["腾讯控股"].canonical == "腾讯控股"
    assert out["腾讯元宝"].canonical == "腾讯元宝"


def test_a_declared_short_name_joins_the_full_name():
    text = "北京智谱华章科技股份有限公司（以下简称“智谱”）今日递表。智谱表示……"
    full = E("北京智谱华章科技股份有限公司", 0)
    short = E("智谱", text.index("智谱表示"))
    out = merge_aliases([full, short], text)
    assert out[0].canonical == out[1].canonical


def test_the_type_of_a_group_follows_its_strongest_evidence():
    out = merge_aliases([E("MiniMax", 0, "product", 0.55), E("MiniMax 公司", 10, "company", 0.6), E("MiniMax", 20, "name", 0.3)])
    assert {e.type for e in out} == {"company"} and {e.label for e in out} == {"ORG"}


def test_summary_lists_each_entity_once_with_mentions_and_aliases():
    ents = merge_aliases([E("智谱", 0), E("MiniMax", 5), E("智谱 AI", 20), E("智谱AI", 30), E("杭州", 40, "address")])
    summary = entity_summary(ents)
    assert summary == [
        {"canonical": "智谱AI", "label": "ORG", "type": "company", "mentions": 3, "aliases": ["智谱", "智谱 AI", "智谱AI"], "first": 0},
        {"canonical": "MiniMax", "label": "ORG", "type": "company", "mentions": 1, "aliases": ["MiniMax"], "first": 5},
        {"canonical": "杭州", "label": "LOC", "type": "address", "mentions": 1, "aliases": ["杭州"], "first": 40},
    ]


def test_jieba_dictionary_proper_nouns_are_read_with_their_tags(tmp_path):
    from nlp_news.entities.features import string_hashes
    from nlp_news.entities.lexicon import Lexicon, read_jieba_dict

    d = tmp_path / "dict.txt"
    d.write_text("北京 100 ns\n张 5 nr\n王小川 3 nr\n新华社 20 nt\n快乐 50 a\n", encoding="utf-8")
    words = read_jieba_dict(d)
    assert words == {"北京": "ns", "王小川": "nr", "新华社": "nt"}
    lex = Lexicon(words, {"新华社": ("organization", 4)})
    train_cls, jieba_cls = lex.lookup(string_hashes(["新华社", "北京", "快乐"]))
    assert train_cls.tolist()[2] == 0 and jieba_cls.tolist() == [3, 2, 0]
    assert train_cls[0] > 0 and train_cls[1] == 0


def test_shipped_known_entities_parse_and_each_name_belongs_to_one_entry():
    from nlp_news.entities.aliases import alias_key
    from nlp_news.entities.gazetteer import KNOWN_PATH, parse_known

    with open(KNOWN_PATH, encoding="utf-8") as f:
        entries = parse_known(f, source=str(KNOWN_PATH))
    assert len(entries) > 200
    owner: dict[str, str] = {}
    for e in entries:
        for form in (e.name, *e.aliases):
            assert owner.setdefault(alias_key(form), e.name) == e.name, f"{form} names two entries"


def test_known_entity_lines_that_cannot_be_read_are_reported_with_their_line():
    from nlp_news.entities.gazetteer import parse_known

    with pytest.raises(ValueError, match="line 2"):
        parse_known(["国务院\tgovernment", "港交所 company"])


def test_the_trie_regex_finds_what_the_plain_alternation_of_the_forms_finds():
    import re

    from nlp_news.entities.gazetteer import _forms_regex, _word_pattern

    forms = ["商务部", "美国商务部", "美国", "OpenAI", "智谱AI", "Open AI", "BYD", "B站", "Goldman Sachs"]
    text = "美国商务部与商务部、美国和OpenAI，reopenai 和智谱 AI；BYD、byd、B 站、Goldman Sachs"
    for flags in (0, re.IGNORECASE):
        plain = re.compile("|".join(_word_pattern(f) for f in sorted(forms, key=len, reverse=True)), flags)
        assert [m.span() for m in _forms_regex(forms, flags).finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "words, expected",
    [
        (["深言", "科技", "上市"], ["深言科技"]),
        (["公司", "深言", "科技"], ["深言科技"]),
        (["人工智能", "公司", "和", "中金", "公司", "、", "蓝海", "银行", "与", "蓝海", "银行"], ["中金公司", "蓝海银行", "蓝海银行"]),
        (["科技", "集团"], []),
        (["MiniMax", "公司", "与", "abc", "科技"], []),
    ],
)
def test_suffixed_names_are_the_unknown_word_before_a_company_word_at_its_offsets(words, expected):
    from nlp_news.entities.patterns import find_suffixed_names

    text = "".join(words)
    got = find_suffixed_names(words, {"人工智能", "公司", "科技", "上市", "和", "与"})
    assert [text[c.start : c.end] for c in got] == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="wWhtps:/.@-_%+comCOMnetNEorgORG新浪网 abcXY9", max_size=40))
def test_every_url_zone_holds_a_url_hint(text):
    from nlp_news.entities.patterns import URL_HINT, URL_ZONE

    if URL_ZONE.search(text):
        assert URL_HINT.search(text)


@pytest.mark.parametrize("text", ["见 https://x.io/a", "www.sina", "邮箱 a@b.cn", "新浪网 sina.COM.cn/news", "3.5 亿 AI"])
def test_url_hints_are_found_where_url_zones_are(text):
    from nlp_news.entities.patterns import URL_HINT, URL_ZONE

    assert bool(URL_HINT.search(text)) == bool(URL_ZONE.search(text))

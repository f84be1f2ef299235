"""Entity recognition: the user's dictionary, rules and the tagger, combined.

Combination policy (what ``EntityRecognizer.recognize`` guarantees):

1. **The user's dictionary wins.** Every entry with an entity type (a fine
   type such as ``company``, a label such as ``ORG``, or a jieba tag
   ``nr``/``ns``/``nt``/``nz``) is found wherever it occurs, also with other
   spacing between Chinese and Latin script or other Latin case (``智谱AI``
   matches ``智谱 AI`` and ``智谱ai``), scored 1.0 with source ``user_dict``.
   The same entries go into the segmenter, so segmentation and the tagger's
   word features agree with them.
2. **Then the known entities** (:mod:`nlp_news.entities.gazetteer`: a shipped, hand-written
   list of names news uses every day that the lexicons miss or mistype, such as 字节跳动,
   宁德时代, 比亚迪, 港交所), found where the dictionary cuts the text at both ends of the
   name (京东 is not taken out of 京东方; where the longest name ends inside a word, a shorter
   name of the list at the same start is taken: 零跑 in 零跑汽车销量), source ``known``. A tagger or rule span that
   contains one known name and crosses no other is a longer name of it and is kept instead
   (京东方科技集团 around 京东, 美国财政部 around 财政部).
3. **Then rules and the tagger by confidence.** Candidates are the tagger's
   entities (score: mean probability of its tags), the rules of
   :mod:`nlp_news.entities.patterns` (fixed scores: titles 0.9, Latin names
   0.55–0.8, ``…AI`` names 0.7, positions 0.6) and, when the model has one, the PER/LOC/ORG
   tagger's entities at 0.8 × their score. They are accepted greedily by
   score (longer first on ties; a Latin-script span the tagger calls a person
   counts half, as LAC's "MiniMax is a person" is the classic error, and so
   does a span with 公司/集团 inside it, "语音公司ElevenLabs") and a candidate overlapping an accepted
   entity is dropped, so **no two entities overlap**.
   Before that, tagger entities of label ORG/LOC that are mere descriptions
   (only jieba's frequent common words: 公司, 监管部门, 人工智能公司; not one such word that the
   PER/LOC/ORG tagger calls a place or organisation and that names one thing: 合肥, 欧盟, 中 in 中俄) and job
   titles that cut through a word (盈利周期长 → 期长) are dropped, and an unknown word before a company word (深言 + 科技) is
   proposed as a company name (0.75). An organisation or place never ends with a job title (中国驻奥地利大使:
   the title alone is proposed), a title the fine tagger took with the name before it starts after that
   name (新华社记者 → 新华社 + 记者), a place in a weather table ends before its forecast (沈阳小雨16℃ → 沈阳)
   and a place ending in 大学/银行/检测中心 … names an institution (青海大学: organization).
   A fine tagger's place or organisation that is a clause around the PER/LOC/ORG tagger's names (a verb
   or 的 outside them: 意大利留学, 纽约的中央公园区) is dropped and the names are chosen; a longer name
   around them (美国政府, 北京人民大会堂) is not.
4. **Organisation suffixes extend** an accepted name when nothing else
   claims the characters (``MiniMax`` + `` 公司``, ``环球`` + ``影业``); a name gives
   back half a parenthesis (王浩) → 王浩), and a news source's dateline mark leaves its
   name (新浪体育讯 → 新浪体育).
5. **Aliases are merged** per article (:func:`nlp_news.entities.aliases.merge_aliases`):
   one ``canonical`` name and one type per entity; the names of a known entity take its
   canonical name and type (港交所 → 香港交易所, company).
"""

from __future__ import annotations

import os
import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate, compress, repeat
from operator import itemgetter

import numpy as np

from ..schema import ENTITY_TYPES, Entity, new_entity
from ..tokenizer import Segmenter, UserWord, read_user_dict
from .aliases import AMBIGUOUS_PLACE_ABBREVIATIONS, PLACE_ABBREVIATIONS, merge_aliases, repeat_mentions
from .features import string_hashes
from .gazetteer import KNOWN_SOURCE, KnownEntities, UserDictionary, load_known
from .lexicon import JIEBA_TAGS, TYPES, read_surnames
from .model import JOIN_SEP, NerModel, TextSpans, round4
from .patterns import (
    _HAN,
    ANY_LATIN,
    CLOSERS,
    DESCRIPTION_NOUNS,
    GENERIC_HEADS,
    NAME_SUFFIXES,
    OPENERS,
    POSITIONS,
    URL_HINT,
    URL_ZONE,
    Candidate,
    balanced_span,
    extend_with_suffix,
    find_all,
    find_suffixed_names,
    is_generic,
    is_latin_term,
    split_chinese_names,
    weather_place,
)

_COARSE_WEIGHT = 0.8
#: Types whose tagger candidates ``EntityRecognizer._generic`` may drop (labels TITLE, ORG, LOC).
_CHECKED_TYPES = frozenset(t for t, label in ENTITY_TYPES.items() if label in ("TITLE", "ORG", "LOC", "PER"))
#: The label of each of those types.
_CHECKED_LABEL = {t: ENTITY_TYPES[t] for t in _CHECKED_TYPES}
#: Labels of a span the PER/LOC/ORG tagger proposes that the description test does not drop when
#: it is one word (:func:`_named_word`).
_NAMED_LABELS = frozenset(("ORG", "LOC"))


def _named_word(span: str, label: str, common: frozenset[str]) -> bool:
    """A place or organisation (``label``) the PER/LOC/ORG tagger found that is one of jieba's common
    words and names one thing (合肥, 欧盟, 微软, 硅谷, and 中 and 俄 in 中俄关系): the description
    test (:func:`.patterns.is_generic`) would drop it, but that tagger learned from MSRA, which marks
    names and not descriptions. Not a kind of institution or place (:data:`.patterns.DESCRIPTION_NOUNS`:
    中心, 学院, 广场) nor a word ending in a generic head (公司, 总部), which it sometimes proposes
    too; a span of several words (基金管理公司) is judged as before, and so is one character that is
    not a place (马 of 黑马: 中 of 中俄 stands for a country, no organisation is written so).

    >>> c = frozenset({"合肥", "中", "马", "中心", "公司", "基金公司", "人工智能"})
    >>> [_named_word(w, "LOC", c) for w in ("合肥", "中", "中心", "公司", "基金公司", "人工智能公司")]
    [True, True, False, False, False, False]
    >>> _named_word("马", "ORG", c)
    False
    """
    return (
        span in common
        and (len(span) > 1 or label == "LOC")
        and span not in DESCRIPTION_NOUNS
        and not span.endswith(_GENERIC_HEAD_ENDS)
    )


_GENERIC_HEAD_ENDS = tuple(GENERIC_HEADS)
#: Job titles (:data:`.patterns.POSITIONS` and a few of diplomacy and politics) that end no name of
#: an organisation or place: a tagger span ending so (以色列工党领袖, 新华社记者) ran into the title
#: after the name. Of the 23,972 mentions of CLUENER's training part, two such organisations are
#: titles alone (总经理, 副秘书长).
_TITLE_ENDS = tuple(p for p in POSITIONS if not p.isascii()) + ("大使", "领袖", "大臣", "外长", "首相", "议员", "司令", "队长", "官员")
_TITLES = frozenset(_TITLE_ENDS)
_TITLE_LAST = frozenset(t[-1] for t in _TITLE_ENDS)  # the cheap test before the endswith of them all
_ASCII_LETTERS = frozenset(string.ascii_letters)
#: Organisations and places described by how many or which of them (上海一家基金公司, 某两家基金公司,
#: 美国四所大学, 北京10家店, 第三家国内基金公司) or by a year (2009年基金公司): CLUENER marks a few
#: of these as companies, a reader does not take them for names. Brands with a numeral (三只松鼠,
#: 七匹狼) and terms (十一届全国人大常委会) are not matched.
_DESCRIBED = re.compile(
    r"(?:[一两几某多数]|\d+)[家所](?!村|镇|乡)|第[一二三四五六七八九十\d]+家"
    r"|[一二三四五六七八九十\d]+所(?:大学|学校|学院|高校|院校|中学|小学)"
)
_YEAR_IN = re.compile(r"(?:19|20)\d\d年")


def _described(span: str, label: str) -> bool:
    """Whether an organisation's or place's span describes one (:data:`_DESCRIBED`) instead of naming it.
    (Every match holds 家, 所 or 年: a text without them has no such span.)

    >>> _described("上海一家基金公司", "ORG"), _described("美国四所大学", "ORG"), _described("三只松鼠", "ORG")
    (True, True, False)
    >>> _described("2009年基金公司", "ORG"), _described("北京10家店", "LOC"), _described("四所村派出所", "ORG")
    (True, True, False)
    """
    if "家" not in span and "所" not in span:  # what every _DESCRIBED match holds: most spans lack both
        return label == "ORG" and "年" in span and _YEAR_IN.search(span) is not None
    return bool(_DESCRIBED.search(span) or (label == "ORG" and _YEAR_IN.search(span)))
_LEADING_LATIN = re.compile("[A-Za-z]+")


#: Terms that also head a description (QDII团队, QDII基金, BOSS蓬蒙 "the boss P.") rather than a name.
_TERM_HEADS = frozenset(("QDII", "QFII", "RQFII", "LOF", "FOF", "BOSS"))


def _latin_term(span: str) -> bool:
    """A Latin term of the news (:data:`.patterns.LATIN_STOP`) as the whole span, or one of
    :data:`_TERM_HEADS` heading it: no name.

    >>> _latin_term("QDII"), _latin_term("QDII团队"), _latin_term("QQ"), _latin_term("OpenAI"), _latin_term("CF")
    (True, True, True, False, False)
    >>> _latin_term("The Golden Age"), _latin_term("US News and World Report")
    (False, False)
    """
    if is_latin_term(span):
        return True
    m = _LEADING_LATIN.match(span)
    return m is not None and m.group(0) in _TERM_HEADS
_LOWER_WORD = re.compile("[a-z]+")
#: What may stand between the words of an English phrase: spaces and ASCII marks.
_BETWEEN_WORDS = frozenset(" ;,.:()=!?'\"")
#: Marks of a clause or a gloss between two English words (by (=next to ; near)).
_CLAUSE_GAP = frozenset(";,=()")
_LATIN_WORD_BEFORE = re.compile("[A-Za-z']+$")
_LATIN_WORD_AFTER = re.compile("[A-Za-z']+")


def _english_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one lower-case word of an English phrase, no name: a word next to
    it (past spaces and ASCII marks) is an English function word (at the front of), or an English word
    lies past a clause's mark (; , = parentheses) next to it. A lower-case brand written in Chinese text
    keeps Chinese characters around it, and a name in lower case its other name (carine gilson).

    >>> t = "短语 in the front of 在前面; by (=next to ; near) 靠近"
    >>> _english_word(t, t.index("front"), t.index("front") + 5), _english_word(t, t.index("near"), t.index("near") + 4)
    (True, True)
    >>> t = "他喜欢zebra和kiwi，也爱玩九州online，还有anna smith和i.d.brand"
    >>> [_english_word(t, t.index(w), t.index(w) + len(w)) for w in ("zebra", "kiwi", "online", "smith", "brand")]
    [False, False, False, False, False]
    """
    if not _LOWER_WORD.fullmatch(text, start, end):
        return False
    a, b = start, end
    while a > 0 and text[a - 1] in _BETWEEN_WORDS:
        a -= 1
    while b < len(text) and text[b] in _BETWEEN_WORDS:
        b += 1
    before = _LATIN_WORD_BEFORE.search(text, max(0, a - 20), a) if a < start else None
    after = _LATIN_WORD_AFTER.match(text, b) if b > end else None
    for word, gap in ((before, text[a:start]), (after, text[end:b])):
        if word is not None and (word.group().lower() in _ENGLISH_FUNCTION_WORDS or not _CLAUSE_GAP.isdisjoint(gap)):
            return True
    return False


#: Characters of transliterated Western names (the Xinhua transliteration tables' usual ones); few
#: Chinese words are made of them alone.
_TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜多厄恩法范菲芬丰弗福富盖甘冈戈格"
    "根古哈海汉豪赫亨霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷里利莉琳隆卢鲁伦罗洛马迈曼"
    "梅蒙米摩莫默姆穆纳奈内尼涅纽努诺欧帕派潘佩皮珀普奇齐乔切琴萨塞赛桑瑟森沙舍施什舒斯索塔泰坦特提"
    "图托瓦威韦维温沃乌西希锡辛休雅亚扬耶伊尤约泽扎詹兹佐尔夫娃娜莎玛丽黛茨"
)
#: What a player does in a game report (抢下篮板, 砍下20分, 三分命中, 罚中, 封盖, 得到12分, 8投5中):
#: the doer is a person. 命中率 (a team's rate) is not.
_PLAY_AFTER = re.compile(r"抢下|砍下|砍得|罚中|投中|封盖|(?:三分|跳投|上篮)?命中(?!率)|(?:得到|拿下|送出)[0-9０-９]|[0-9]+投[0-9]+中")
_NAME_JOINERS = frozenset("-·•")


def _player(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a transliterated Western name (three characters or more of
    :data:`_TRANSLITERATION`, parts joined by ``-`` or ``·``) right before what a player does
    (:data:`_PLAY_AFTER`): a person, whatever the tagger's type. Not a fragment of a longer such run.

    >>> t = "终场前，斯卡洛维奇抢下篮板，马克-拉米斯三分命中，休斯敦队得到"
    >>> _player(t, 4, 9), _player(t, 14, 20), _player(t, 5, 9), _player(t, 25, 29)
    (True, True, False, False)
    >>> t = "尼克斯命中率不高，凯尔特人命中"
    >>> _player(t, 0, 3), _player(t, 9, 13)
    (False, False)
    """
    if end - start < 3 or (start > 0 and text[start - 1] in _TRANSLITERATION) or not _PLAY_AFTER.match(text, end):
        return False
    span = text[start:end]
    return span[0] in _TRANSLITERATION and span[-1] in _TRANSLITERATION and all(
        ch in _TRANSLITERATION or ch in _NAME_JOINERS for ch in span
    )


#: The training-lexicon class of a person's name (:data:`.lexicon.TYPES`, 1-based).
_NAME_CLASS = 1 + TYPES.index("name")
_HAS_SUFFIX = re.compile("|".join(NAME_SUFFIXES))


def _model_score(text: str, start: int, end: int, type_: str, score: float) -> float:
    """The tagger's score, halved for a Latin-script "person": Chinese news writes
    foreign people's names in Chinese, while Latin runs are mostly brands.

    A span with 公司/集团 in its middle ("语音公司ElevenLabs") is halved too.
    (:meth:`EntityRecognizer._tagger_candidates` scores a batch's spans so, all at once; a test
    checks that the two agree.)

    >>> _model_score("Talkie", 0, 6, "name", 0.8), _model_score("唐杰", 0, 2, "name", 0.8)
    (0.4, 0.8)
    >>> _model_score("语音公司ElevenLabs", 0, 14, "company", 0.9), _model_score("蓝海银行公司", 0, 6, "company", 0.9)
    (0.45, 0.9)
    """
    span = text[start:end]
    if type_ == "name" and span.isascii():
        return round(score / 2, 4)
    if ("公司" in span or "集团" in span) and _INNER_GENERIC.search(span):
        return round(score / 2, 4)
    return score


# 公司/集团 inside a span, followed by more name: "语音公司ElevenLabs" is a description plus a name
_INNER_GENERIC = re.compile(r"(?:公司|集团)(?=[A-Za-z\u4e00-\u9fff])")


def _inner_generic(text: str) -> list[int]:
    """Where :data:`_INNER_GENERIC` matches in ``text``: a span from ``s`` to ``e`` has such a
    公司/集团 inside it, followed by more of the span, when one stands at ``s <= p <= e - 3``
    (the matches are two characters and cannot overlap, so all are found).

    >>> _inner_generic("语音公司ElevenLabs和环球影业集团"), _inner_generic("腾讯")
    ([2], [])
    """
    return [m.start() for m in _INNER_GENERIC.finditer(text)]


_TIER = {"user_dict": 0, KNOWN_SOURCE: 1}  # every other source: 2

#: "this paper", "this station" ... of a dateline (本报讯): the outlet writing, not an entity.
_OWN_OUTLET = frozenset({"本报", "本刊", "本台", "本网", "本站", "本社"})
_BRACKET = re.compile("[" + re.escape(OPENERS + CLOSERS) + "]")
_SPACE = re.compile(r"\s")
#: A Latin span with a clause's punctuation or a gloss (1. In what now seems…, by accident(=by chance):
#: English text in a lesson, no title), or a span holding 或 (人大或法院, 京开或京良路: two names).
_CLAUSE_MARKS = re.compile(r"[,;=]|\.\s|\(\s*=|或")


def _not_a_name(span: str) -> bool:
    """Whether a tagger's ``span`` is no name but a clause: English text with a clause's marks or more
    than six words, or two names joined by 或. Titles in 《》 are left alone.

    >>> _not_a_name("on no account(=in no case"), _not_a_name("人大或法院"), _not_a_name("Sam Altman")
    (True, True, False)
    >>> _not_a_name("《色，戒》"), _not_a_name("the costs of living of our young men while with you")
    (False, True)
    >>> _not_a_name("be focused on"), _not_a_name("carine gilson"), _not_a_name("Bank of America")
    (True, False, False)
    """
    if span[:1] == "《" and span[-1:] == "》":
        return False
    if _CLAUSE_MARKS.search(span):
        return "或" in span or not _HAN.search(span)
    if _HAN.search(span):
        return False
    words = span.split()
    return len(words) > 6 or (len(words) > 1 and span.islower() and not _ENGLISH_FUNCTION_WORDS.isdisjoint(words))


#: English function words: a phrase in lower case that holds one is a phrase, not a name (be focused on,
#: have the advantage of, all in all; converse, volvo and carine gilson are names in lower case).
_ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for from by with as and or but be is are was have has had sb sth one's all it that this".split()
)


#: Marks a name neither starts nor ends with: a name's joiner left at its end (张飞•, 乔治·), a colon or
#: a dash before it (：彭薇, ——Hoopshype).
_EDGE_MARKS = frozenset("•·‧-—–_/、：:，,")
#: Spaces that set apart what a name cannot span: a run of them, or one between two Chinese characters
#: (headlines in a row: 私募基金摩拳擦掌    草根私募…; 智谱 AI and Sam Altman keep theirs).
_SET_APART = re.compile(r"\s{2,}|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])")
_TRAILING_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]$")
#: How the name of a news outlet or of its channel ends, before the 讯 of a dateline.
_OUTLET_ENDS = ("报", "网", "社", "台", "刊", "站", "新闻", "体育", "财经", "科技", "娱乐", "房产", "汽车", "教育", "时尚", "游戏", "家居", "军事")


#: Characters that abbreviate a place (:data:`.aliases.PLACE_ABBREVIATIONS`, and 澳, 哈, 巴, 阿).
_PLACE_CHARS = frozenset(PLACE_ABBREVIATIONS) | AMBIGUOUS_PLACE_ABBREVIATIONS
#: How far around a one-character place the dictionary's words are looked up (:meth:`EntityRecognizer._places_in_words`):
#: the longest word that matters is an idiom of four characters.
_WORD_WINDOW = 6


def _no_place_in(word: str, pos: str, at: int) -> bool:
    """Whether the one-character place at ``word[at]`` is part of a word that does not name the place
    (``pos``: jieba's part of speech of the dictionary's ``word``): an idiom (美中不足, tagged ``i``),
    or a two-character proper noun that jieba tags ``nz`` and that starts with it (华商, 京瓷, 华谊, 华语,
    俄语, 英式): a brand, a language or a style named after the place, not the place. Kept: the side of a
    country (英方, also tagged ``nz``), a pair of places (西华 of 旅西华人: 西 and 华), a verb or a
    quantifier before the place (反华, 全美: ``at`` 1), and every other word (华侨, 京剧, 奥运会, 中美关系:
    People's Daily marks these places; the PER/LOC/ORG tagger learned them there).

    >>> _no_place_in("美中不足", "i", 0), _no_place_in("华商", "nz", 0), _no_place_in("京瓷", "nz", 0)
    (True, True, True)
    >>> _no_place_in("英方", "nz", 0), _no_place_in("西华", "nz", 0), _no_place_in("反华", "nz", 1)
    (False, False, False)
    >>> _no_place_in("华侨", "n", 0), _no_place_in("中美关系", "nt", 0), _no_place_in("华", "ns", 0)
    (False, False, False)
    """
    if pos == "i":
        return len(word) > 1
    return pos == "nz" and len(word) == 2 and at == 0 and word[1] != "方" and word[1] not in _PLACE_CHARS


def _clause_word(word: str, pos: str) -> bool:
    """Whether a word (jieba's part of speech ``pos``) makes a span a clause rather than a name: 的, or a
    verb or a preposition of two characters or more (留学, 考察, 进入, 围绕; one character, 分 of 分行 or
    超 of 俄超, is too often part of a name).

    >>> _clause_word("的", "uj"), _clause_word("留学", "v"), _clause_word("围绕", "p"), _clause_word("超", "v")
    (True, True, True, False)
    """
    return pos == "uj" or (len(word) > 1 and (pos == "v" or pos == "p"))


#: Words that name a kind of institution: a verb right before one is part of a name (日本防卫省, 保护协会,
#: 认证机构, 上海合作组织), not a clause (:meth:`EntityRecognizer._drop_clauses`).
_INSTITUTION_HEADS = DESCRIPTION_NOUNS | GENERIC_HEADS | frozenset(("组织", "省", "部", "局", "署", "委", "会", "所", "院", "厅", "处", "司", "办", "队", "团"))
_CLAUSE_TAGS = frozenset(("uj", "v", "p"))  # the parts of speech :func:`_clause_word` looks at
#: Types of the fine tagger's spans :meth:`EntityRecognizer._drop_clauses` does not judge: the names of
#: funds and banks hold verbs (华泰积极成长基金, 华夏回报, 江西省分行).
_CLAUSE_SKIP = frozenset(("company",))


def _lone_character(text: str, at: int, named: dict[int, int]) -> bool:
    """Whether the one-character place ``text[at]`` of the PER/LOC/ORG tagger (``named``: its places and
    organisations, ``{start: end}``) abbreviates no place (not one of :data:`_PLACE_CHARS`: 奥 of 奥运, the
    Olympic Games, in news far more often than Austria; 苏 of 流苏; 月) and stands alone: no place's
    character and no other one-character place of the tagger next to it. A pair of places is kept
    (黄淮 and 江淮, 淮海战役, 奥中关系: People's Daily marks them).

    >>> _lone_character("筹办奥运会", 2, {2: 3}), _lone_character("奥中关系", 0, {0: 1}), _lone_character("黄淮地区", 0, {0: 1, 1: 2})
    (True, False, False)
    """
    before, after = at - 1, at + 1
    return not (
        (before >= 0 and (text[before] in _PLACE_CHARS or named.get(before) == at))
        or (after < len(text) and (text[after] in _PLACE_CHARS or named.get(after) == after + 1))
    )


def _named_spans(cands: list[Candidate], coarse_source: str) -> dict[int, int]:
    """The spans the PER/LOC/ORG tagger (candidates of ``coarse_source``) calls a place or an
    organisation, as ``{start: end}`` (a tagger's spans do not overlap)."""
    return {c[0]: c[1] for c in cands if c[4] == coarse_source and _CHECKED_LABEL.get(c[2]) in _NAMED_LABELS}


def _join_western_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Two persons' names of transliteration characters joined by one ``-`` or ``·`` are one name, a
    given name and a surname (拉马库斯-阿尔德里奇, 勒布朗·詹姆斯), as CLUENER marks them.

    >>> t = "拉马库斯-阿尔德里奇得到30分，王芳-李明"
    >>> [(t[c.start:c.end], c.source) for c in _join_western_names(t, [Candidate(0, 4, "name", 0.9, "m"), Candidate(5, 10, "name", 0.8, "m"), Candidate(16, 18, "name", 0.9, "m"), Candidate(19, 21, "name", 0.9, "m")])]
    [('拉马库斯-阿尔德里奇', 'm+rule:joined'), ('王芳', 'm'), ('李明', 'm')]
    """
    out: list[Candidate] = []
    for c in cands:
        if out:
            p = out[-1]
            if (
                p.type == c.type == "name" and c.start == p.end + 1 and text[p.end] in _NAME_JOINERS
                and all(ch in _TRANSLITERATION for ch in text[p.start : p.end])
                and all(ch in _TRANSLITERATION for ch in text[c.start : c.end])
            ):
                out[-1] = Candidate(p.start, c.end, "name", min(p.score, c.score), p.source + "+rule:joined")
                continue
        out.append(c)
    return out


#: Words after which a name's first character may stand alone in jieba's cut (的|卡|特穆尔, 和|卡|特穆尔).
_NAME_LEFT_WORDS = frozenset(("的", "和", "与", "及", "、", "同", "跟", "向", "对", "让", "被", "由", "是", "说"))


def transliteration_start(text: str, start: int, end: int, cut: Callable[[str], list[str]], floor: int = 0) -> int:
    """Where a person's name ``text[start:end]`` written in transliteration characters
    (:data:`_TRANSLITERATION`, three or more) starts when the words right before it are made of such
    characters too (up to three characters, not before ``floor``; ``cut`` cuts the six characters
    before into words): the tagger cut 德约科维奇 after 德约, a word of jieba's. A word with another
    character is not crossed (报道|奥巴马, 指派|基辛格), nor 比 (a comparison); a name of two characters
    (乔丹) or with another character (王芳) does not move.

    >>> from nlp_news.tokenizer import Segmenter
    >>> cut = Segmenter().cut_raw
    >>> t = "网球名将德约科维奇夺冠，据报道奥巴马表示，美国考虑派基辛格访华"
    >>> transliteration_start(t, 6, 9, cut), transliteration_start(t, 15, 18, cut), transliteration_start(t, 28, 31, cut)
    (4, 15, 28)
    """
    span = text[start:end]
    if len(span) < 3 or not all(ch in _TRANSLITERATION for ch in span) or start <= floor:
        return start
    lo = max(floor, start - 6)
    s = start
    words = cut(text[lo:start])
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if start - (s - len(word)) > 3 or "比" in word or not all(ch in _TRANSLITERATION for ch in word):
            break
        if len(word) == 1 and k > 0 and words[k - 1] not in _NAME_LEFT_WORDS and "\u4e00" <= words[k - 1][-1] <= "\u9fff":
            break  # 考虑|派|基辛格: a verb of one character before a name (的|卡|特穆尔 is a name's start)
        s -= len(word)
    return s


#: An assistant that is a program (智能助手, AI助手, 语音助手): no job title.
_SOFTWARE_ASSISTANT = re.compile(r"(?:智能|AI|语音|数字|虚拟|编程|写作|聊天|对话|办公)\s?助(?:手|理)$")

#: jieba's tags of common words (nouns, verbs, adjectives, adverbs …): a name that is one such word of the
#: dictionary is not looked for again in the rest of an article.
_COMMON_TAGS = frozenset(("n", "v", "vn", "vd", "a", "an", "ad", "d", "ng", "vg", "ag", "l", "i", "b", "f", "s", "t", "m", "q", "r"))
#: How the name of a school, a financial firm or a government office ends, and the type it makes: the
#: name names the institution, not a place (CLUENER's training part: 学院 27 organisations and no place,
#: 大学 29 and 2, 银行 481 companies and 22 government; 国务院办公厅印发… was an address).
_INSTITUTION_TYPE = {
    "大学": "organization", "学院": "organization", "学校": "organization", "中学": "organization",
    "小学": "organization", "银行": "company", "证券": "company", "公厅": "government", "政府": "government",
}
#: What a centre that is an institution does, before its 中心 (研究中心, 交易中心, 检测中心): such a centre
#: is an organisation, not a place (CLUENER's training part: 40 organisations or government bodies, 3
#: places; a 购物中心 or 体育中心 is a place).
_CENTRE_ACTIVITIES = frozenset(
    ("交流", "研究", "测试", "检测", "管理", "测报", "教育", "交易", "服务", "培训", "信息", "发展", "监测", "指挥", "认证", "评估", "咨询", "促进")
)
_INSTITUTION_LAST = frozenset(k[-1] for k in _INSTITUTION_TYPE) | {"心"}  # the cheap test first
#: What a text holds when :func:`_institutions` can change one of its places (a search each per text).
_INSTITUTION_ENDINGS = (*_INSTITUTION_TYPE, "中心")


def _institutions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Tagger places that name a school, a bank or a centre that does something (青海大学, 麦吉尔大学 as an
    address or a scene, 江南检测中心; :data:`_CENTRE_ACTIVITIES`) are organisations (a bank or a broker a
    company). A 购物中心 stays a place.

    >>> t = "他在青海大学读书，在银河证券工作"
    >>> [(t[c[0]:c[1]], c[2]) for c in _institutions(t, [Candidate(2, 6, "address", 0.9, "m"), Candidate(10, 14, "scene", 0.9, "m")])]
    [('青海大学', 'organization'), ('银河证券', 'company')]
    >>> t = "江南检测中心位于东湖购物中心"
    >>> [(t[c[0]:c[1]], c[2]) for c in _institutions(t, [Candidate(0, 6, "address", 0.9, "m"), Candidate(8, 14, "address", 0.9, "m")])]
    [('江南检测中心', 'organization'), ('东湖购物中心', 'address')]
    """
    out = []
    for c in cands:
        e = c[1]
        if text[e - 1] in _INSTITUTION_LAST and e - c[0] > 2 and _CHECKED_LABEL.get(c[2]) == "LOC":
            typ = _INSTITUTION_TYPE.get(text[e - 2 : e])
            if typ is None and text.startswith("中心", e - 2) and e - c[0] > 4 and text[e - 4 : e - 2] in _CENTRE_ACTIVITIES:
                typ = "organization"
            if typ is not None:
                c = c._replace(type=typ)
        out.append(c)
    return out


def _weather_places(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Tagger places and organisations in a weather table: a span that runs into the forecast after
    it ends before it (沈阳小雨 → 沈阳) and what stands before a forecast is a place (巴黎 as an
    organisation → an address); see :func:`.patterns.weather_place`. A span of another type that
    holds a temperature (a "film" 小雨22℃／27℃长春) is no entity.

    >>> t = "沈阳小雨16℃／24℃巴黎晴15℃／25℃"
    >>> [(t[c[0]:c[1]], c[2]) for c in _weather_places(t, [Candidate(0, 4, "address", 0.9, "m"), Candidate(11, 13, "organization", 0.9, "m")])]
    [('沈阳', 'address'), ('巴黎', 'address')]
    >>> _weather_places(t, [Candidate(2, 13, "movie", 0.9, "m")])
    []
    """
    out = []
    for c in cands:
        if _CHECKED_LABEL.get(c[2]) in ("ORG", "LOC"):
            end = weather_place(text, c[0], c[1])
            if end is not None:
                c = c._replace(end=end, type="address")
        elif "℃" in text[c[0] : c[1]]:
            continue
        out.append(c)
    return out


def _outside_urls(text: str, cands: list[Candidate], zones: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates cut where a URL or an e-mail address starts (新浪网www.sina.com.cn → 新浪网);
    those inside one (www.newegg.com.cn/Product, a query's cm_mmc=…) or left shorter than two
    characters are dropped: a URL holds no names a reader means.

    >>> t = "新浪网(www.sina.com)报道"
    >>> [t[c[0]:c[1]] for c in _outside_urls(t, [Candidate(0, 8, "company", 1.0, "t"), Candidate(4, 7, "company", 1.0, "t")], [(4, 16)])]
    ['新浪网']
    """
    out = []
    for c in cands:
        for a, b in zones:
            if a < c[1] and c[0] < b:
                end = a
                while end > c[0] and text[end - 1] in _URL_LEAD:
                    end -= 1  # 《天行社区》(tianxing.com: the bracket or space before the URL goes too
                if end - c[0] < 2:
                    break
                c = c._replace(end=end)
        else:
            out.append(c)
    return out


#: What may stand between a name and a URL right after it, left out of the name.
_URL_LEAD = frozenset(" \t(（[【<《:：,，、·")


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Greedy non-overlapping choice: user dictionary first, then known entities, then
    score, then length.

    >>> select([Candidate(0, 4, "company", 0.7, "model"), Candidate(0, 2, "company", 1.0, "user_dict"),
    ...         Candidate(2, 6, "product", 0.9, "rule")])
    [Candidate(start=0, end=2, type='company', score=1.0, source='user_dict'), Candidate(start=2, end=6, type='product', score=0.9, source='rule')]
    >>> select([Candidate(0, 3, "name", 0.99, "model"), Candidate(0, 3, "company", 1.0, "known")])
    [Candidate(start=0, end=3, type='company', score=1.0, source='known')]
    """
    # (c[0], c[1], c[3], c[4]) are (start, end, score, source); the keys are made in one list
    # (with each candidate's place, which keeps equal keys in order as a stable sort would)
    # instead of by a key function called per candidate (the stage's list sorts: 39 -> 20 M instructions
    # for 200 articles of cnews-800)
    cands = candidates if isinstance(candidates, list) else list(candidates)
    if not cands:
        return []
    tier = _TIER.get
    keys = [(tier(c[4], 2), -c[3], c[0] - c[1], c[0], k) for k, c in enumerate(cands)]
    keys.sort()
    taken = bytearray(max(map(_end, cands)) + 1)
    out: list[Candidate] = []
    find = taken.find
    for key in keys:
        c = cands[key[4]]
        s, e = c[0], c[1]
        if e <= s or find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        out.append(c)
    out.sort(key=_by_span)
    return out


def yield_to_longer(known: list[Candidate], others: list[Candidate], min_score: float = 0.5) -> list[Candidate]:
    """The known-entity matches that no longer candidate names better.

    A tagger or rule span that contains one known name and crosses no other one is the
    longer name of the same thing (京东方 around 京东, 腾讯公司 around 腾讯, 美国财政部 around
    财政部): the known match yields to it. A span across two known names (阿里云和智谱 across
    阿里云 and 智谱AI) does not take them, and a known person yields only to a longer name of a
    person (唐纳德·特朗普), not to a job title that runs into it (美国总统特朗普 as a position).

    >>> k = [Candidate(0, 2, "company", 1.0, "known")]
    >>> yield_to_longer(k, [Candidate(0, 3, "company", 0.9, "model")]), yield_to_longer(k, [Candidate(0, 2, "name", 0.9, "model")])
    ([], [Candidate(start=0, end=2, type='company', score=1.0, source='known')])
    >>> k2 = [Candidate(0, 3, "company", 1.0, "known"), Candidate(4, 8, "company", 1.0, "known")]
    >>> len(yield_to_longer(k2, [Candidate(0, 6, "address", 0.94, "model")]))
    2
    >>> len(yield_to_longer([Candidate(4, 7, "name", 1.0, "known")], [Candidate(0, 7, "position", 0.99, "model")]))
    1
    """
    drop = set()
    for c in others:
        if c.score < min_score:
            continue
        inside = [i for i, k in enumerate(known) if c.start <= k.start and k.end <= c.end and k.end - k.start < c.end - c.start]
        if len(inside) != 1 or (known[inside[0]].type == "name" and c.type != "name"):
            continue
        crossing = any(k.start < c.end and c.start < k.end for i, k in enumerate(known) if i != inside[0])
        if not crossing:
            drop.add(inside[0])
    return [k for i, k in enumerate(known) if i not in drop] if drop else known


_by_span = itemgetter(0, 1)  # (start, end) of a Candidate
_end = itemgetter(1)  # end of a Candidate


class EntityRecognizer:
    """Find entities in texts; see the module docstring for the policy.

    ``model`` is a model name or folder (``"ner"`` is the shipped one),
    ``user_dict`` a path to a jieba-format dictionary or a list of
    :class:`~nlp_news.tokenizer.UserWord`.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | NerModel = "ner",
        user_dict: str | os.PathLike[str] | Sequence[UserWord] | None = None,
        *,
        coarse: bool = True,
        rules: bool = True,
        known: bool | KnownEntities = True,
        segmenter: Segmenter | None = None,
    ) -> None:
        if user_dict is None:
            words: list[UserWord] = []
        elif isinstance(user_dict, (str, os.PathLike)):
            words = read_user_dict(user_dict)
        else:
            words = list(user_dict)
        self.user_words = tuple(words)
        if isinstance(model, NerModel):
            self.model = NerModel(model.taggers, model.lexicon, user_words=words, meta=model.meta) if words else model
        else:
            self.model = NerModel.load(model, user_words=words, segmenter=segmenter)
        self.user = UserDictionary(words)
        self.coarse = coarse and "coarse" in self.model.taggers and "fine" in self.model.taggers
        self.rules = rules
        #: the shipped list of known entities (:mod:`.gazetteer`), used with the rules
        self.known = (load_known() if known is True else known or None) if rules else None
        self.source = f"model:ner@{self.model.meta.get('model_version', 1)}"
        self.common = self.model.lexicon.common_words
        sn = self.model.lexicon.surnames
        self.surnames = frozenset(sn.names if sn is not None else read_surnames())
        self.model.prepare()  # the shared emission table is built at load, not in the first batch
        self._generic_cache: dict[tuple[str, str], bool] = {}  # (label, span) -> a description?
        self._head_cache: dict[str, bool] = {}  # span -> _common_head's lexicon verdict
        self._tag_cache: dict[str, str | None] = {}  # word -> its tag when one word of the dictionary (_word_tag)

    def candidates(self, texts: Sequence[str], words: Sequence[list[str] | None] | None = None) -> list[list[Candidate]]:
        """Every candidate per text, before selection (``words``: see :meth:`recognize_many`)."""
        return list(self._candidates(texts, words))

    def _candidates(self, texts: Sequence[str], words: Sequence[list[str] | None] | None = None) -> Iterator[list[Candidate]]:
        """:meth:`candidates` text by text: the tagger reads the whole batch first, then each
        text's candidates are made when it is read, so they do not all live at once."""
        if self.coarse:
            preds = self.model.predict_spans(texts, words)
        else:
            which = "fine" if "fine" in self.model.taggers else next(iter(self.model.taggers))
            preds = {"fine": self.model.predict_spans(texts, words, which=[which])[which]}
        # where 公司/集团 stand before more name, per text that has them (see _model_score)
        inner = {i: p for i, t in enumerate(texts) if ("公司" in t or "集团" in t) and (p := _inner_generic(t))}
        fine = self._tagger_candidates(texts, preds["fine"], self.source, inner=inner)
        coarse = (
            self._tagger_candidates(texts, preds["coarse"], self.source + ":coarse", _COARSE_WEIGHT, inner=inner)
            if self.coarse
            else None
        )
        known_of = self.known.find_many(texts) if self.rules and self.known is not None else None
        tagged = [fine(i) for i in range(len(texts))]
        named_of: list[dict[int, int]] = []
        if coarse is not None:
            # a surname alone (朱老师, 小马, 何先生: MSRA marks the 朱) is no name a reader can use;
            # CLUENER marks 2 of its 3,756 names so (the single-character names are left out)
            for i, cands in enumerate(tagged):
                more = coarse(i)
                cands += more
                # the spans this tagger calls a place or an organisation (its types: name, address, organization)
                named_of.append(_named_spans(more, self.source + ":coarse"))
        if self.rules:
            for i, text in enumerate(texts):
                if "℃" in text:
                    tagged[i] = _weather_places(text, tagged[i])
                if any(ending in text for ending in _INSTITUTION_ENDINGS):
                    tagged[i] = _institutions(text, tagged[i])
            # the dictionary's cuts around job titles and known names of the whole batch, in one cut
            bounds_of = self._word_bounds_of(texts, tagged, known_of)
            tagged = self._drop_generic_all(texts, tagged, bounds_of, named_of if coarse is not None else None)
            if coarse is not None:
                tagged = self._places_in_words(texts, tagged, named_of)
                tagged = self._drop_clauses(texts, tagged, named_of)
        offset = len(JOIN_SEP)
        for i, text in enumerate(texts):
            text_start, offset = offset, offset + len(text) + len(JOIN_SEP)  # as model._join joins them
            cands = tagged[i]
            if self.rules:
                known = known_of[i] if known_of is not None else []
                on_bounds = bounds_of[i]
                latin = ANY_LATIN.search(text) is not None
                if latin:  # QDII as a game, BOSS as a person, QDII团队: terms the tagger took for names
                    # (a term starts with a Latin letter: the other spans are not sliced)
                    cands = [
                        c for c in cands
                        if text[c[0]] not in _ASCII_LETTERS
                        or ENTITY_TYPES[c[2]] == "TITLE"
                        or not (_latin_term(text[c[0] : c[1]]) or _english_word(text, c[0], c[1]))
                    ]
                cands += find_all(text, latin=latin)
                if _HAS_SUFFIX.search(text):
                    given = words[i] if words is not None else None
                    if given is not None and not text.endswith("\r"):
                        # the tagger featurised these very words (see NerModel._joined_words): what
                        # words_of would find, without searching the batch's words (2% of the stage)
                        text_words = given
                    else:
                        text_words = self.model.words_of(text_start, text_start + len(text))
                        if "".join(text_words) != text:  # not featurised as one piece: cut again
                            text_words = self.model.segmenter.cut_raw(text, hmm=True)
                    cands += find_suffixed_names(text_words, self.common)
                if self.known is not None:
                    cut = [k for k in known if not on_bounds[k[0], k[1]]]
                    known = [k for k in known if on_bounds[k[0], k[1]]]
                    if cut:
                        known = sorted(known + self._shorter_on_bounds(text, cut), key=_by_span)
                    if known:
                        cands += yield_to_longer(known, cands)
                if ("." in text or "@" in text) and latin and URL_HINT.search(text) and (zones := [m.span() for m in URL_ZONE.finditer(text)]):
                    cands = _outside_urls(text, cands, zones)
            cands += self.user.find(text)
            yield cands

    def _places_in_words(
        self, texts: Sequence[str], cands_of: list[list[Candidate]], named_of: list[dict[int, int]]
    ) -> list[list[Candidate]]:
        r"""The candidates of each text without the PER/LOC/ORG tagger's one-character places (among
        ``named_of[i]``, :func:`_named_spans` of text ``i``) that name no place:

        - part of a word naming something else (:func:`_no_place_in`: 华 of 华商, 京 of 京瓷, 美 of 美中不足),
          as the dictionary cuts and tags the text around each (:data:`_WORD_WINDOW` characters each side;
          the windows of the whole batch are tagged in one call, joined by ``\n``, a word of its own);
        - a character that abbreviates no place (:func:`_lone_character`: 奥 of 奥运 and 残奥会, 苏 of 流苏,
          月), unless it stands in a pair of places (黄淮, 奥中).
        """
        at: list[tuple[int, int, int]] = []  # (text, start of the place, where it is in the joined windows)
        windows = []
        pos = 0
        drop: dict[int, set[int]] = {}
        for i, (text, named) in enumerate(zip(texts, named_of)):
            for s, e in named.items():
                if e - s != 1:
                    continue
                if text[s] in _PLACE_CHARS:  # (a place or an organisation: the type is read below)
                    a = max(0, s - _WORD_WINDOW)
                    w = text[a : s + 1 + _WORD_WINDOW]
                    windows.append(w)
                    at.append((i, s, pos + s - a))
                    pos += len(w) + 1
                elif _lone_character(text, s, named):
                    drop.setdefault(i, set()).add(s)
        if not at and not drop:
            return cands_of
        starts, words = [], []
        p = 0
        for w, tag in self.model.segmenter.tag("\n".join(windows), hmm=False) if at else ():
            starts.append(p)
            words.append((w, tag))
            p += len(w)
        for i, s, x in at:
            j = bisect_right(starts, x) - 1
            w, tag = words[j]
            if _no_place_in(w, tag, x - starts[j]):
                drop.setdefault(i, set()).add(s)
        label_of = _CHECKED_LABEL.get
        for i, places in drop.items():
            cands_of[i] = [c for c in cands_of[i] if c[0] not in places or c[1] - c[0] != 1 or label_of(c[2]) != "LOC"]
        return cands_of

    def _drop_clauses(
        self, texts: Sequence[str], cands_of: list[list[Candidate]], named_of: list[dict[int, int]]
    ) -> list[list[Candidate]]:
        r"""The candidates of each text without the fine tagger's places and organisations that are
        clauses around the PER/LOC/ORG tagger's names (``named_of[i]``, :func:`_named_spans` of text
        ``i``): a span holding such a name of two characters or more, and outside it a word that
        :func:`_clause_word` says makes a clause (意大利留学, 西安考察, 纽约的中央公园区, 三环辅路进入南广场,
        日本防卫省正考虑). The names inside are then chosen. A longer span that only adds words to a
        name (美国政府, 北京人民大会堂, 瑞金中央革命根据地纪念馆) is still chosen over it; companies are not
        judged (:data:`_CLAUSE_SKIP`), nor a span around names of one character (美廉美超市). The spans of
        the whole batch are tagged by the dictionary in one call, joined by ``\n``.
        """
        label_of = _CHECKED_LABEL.get
        source = self.source
        items: list[tuple[int, int, list[tuple[int, int]], int]] = []  # (text, candidate, names inside, where in the joined spans)
        spans = []
        pos = 0
        for i, (text, cands, named) in enumerate(zip(texts, cands_of, named_of)):
            if not named:
                continue
            names = sorted((a, b) for a, b in named.items() if b - a > 1)
            if not names:
                continue
            starts = [a for a, _ in names]
            n = len(names)
            for k, c in enumerate(cands):
                s, e = c[0], c[1]
                j = bisect_left(starts, s)
                # the names do not overlap: none is inside when the first one from s ends after e
                if j == n or names[j][1] > e or c[4] != source or c[2] in _CLAUSE_SKIP or label_of(c[2]) not in _NAMED_LABELS:
                    continue
                inner = []
                while j < n and names[j][1] <= e:
                    a, b = names[j]
                    if (a, b) != (s, e):
                        inner.append((a - s, b - s))
                    j += 1
                if inner:
                    items.append((i, k, inner, pos))
                    spans.append(text[s:e])
                    pos += e - s + 1
        if not items:
            return cands_of
        clauses: list[tuple[int, int]] = []  # where the clause words are in the joined spans
        p = 0
        tagged = self.model.segmenter.tag("\n".join(spans), hmm=False)
        last = len(tagged) - 1
        for j, (w, tag) in enumerate(tagged):
            # (a verb before the kind of institution it names is part of the name: 防卫省, 指挥中心)
            if tag in _CLAUSE_TAGS and _clause_word(w, tag) and (tag == "uj" or j == last or tagged[j + 1][0] not in _INSTITUTION_HEADS):
                clauses.append((p, p + len(w)))
            p += len(w)
        clause_starts = [a for a, _ in clauses]
        drop: dict[int, set[int]] = {}
        for (i, k, inner, at), span in zip(items, spans):
            for a, b in clauses[bisect_left(clause_starts, at) : bisect_left(clause_starts, at + len(span))]:
                if not any(x <= a - at and b - at <= y for x, y in inner):
                    drop.setdefault(i, set()).add(k)
                    break
        for i, ks in drop.items():
            cands_of[i] = [c for k, c in enumerate(cands_of[i]) if k not in ks]
        return cands_of

    def _shorter_on_bounds(self, text: str, cut: list[Candidate]) -> list[Candidate]:
        """For known names that end inside a word (零跑汽车 of 零跑汽车销量), the longest shorter
        form at the same start that the dictionary cuts on both sides (零跑), if any."""
        out = []
        for k in cut:
            forms = self.known.shorter(text, k[0], k[1])  # type: ignore[union-attr]
            if forms:
                ok = self._on_word_bounds_many(text, [(c[0], c[1]) for c in forms])
                out += [c for c, b in zip(forms, ok) if b][:1]
        return out

    def _tagger_candidates(
        self,
        texts: Sequence[str],
        spans: TextSpans,
        source: str,
        weight: float | None = None,
        *,
        inner: dict[int, list[int]] | None = None,
    ) -> Callable[[int], list[Candidate]]:
        """Text ``i``'s candidates from one tagger's spans of the batch, as ``f(i)``.

        Scored as :func:`_model_score` says (halved for a Latin-script person and a span with
        公司/集团 inside), and with ``weight`` (the PER/LOC/ORG tagger) times it, rounded to 4
        places, and without single-character names. The scores are found for the whole batch
        (the spans to halve by numpy flags and ``inner``: text ``i``'s :func:`_inner_generic`
        where it has any, found here when not given), and each text's
        candidates are made in one pass over its fields: a call of :func:`_model_score` and
        a tuple per span took about 0.1 s of the stage's 1.4 s on cnews-800 (per-step timers).
        """
        starts, ends, b = spans.starts, spans.ends, spans.bounds
        name_ids = [k for k, n in enumerate(spans.names) if n == "name"]
        is_name = np.isin(spans.type_ids, name_ids) if name_ids else np.zeros(len(starts), dtype=bool)
        halve = set(np.flatnonzero(spans.ascii & is_name).tolist())  # a Latin-script "person"
        if inner is None:
            inner = {i: p for i, t in enumerate(texts) if (p := _inner_generic(t))}
        for i, at in inner.items():
            # spans with 公司/集团 at p and more name after it inside the span
            halve.update(k for k in range(b[i], b[i + 1]) if any(starts[k] <= p <= ends[k] - 3 for p in at))
        scores = spans.scores
        if halve:
            scores = list(scores)
            for k in halve:
                scores[k] = round(scores[k] / 2, 4)
        keep = None
        if weight is not None:
            scores = round4(np.array(scores, dtype=np.float64) * weight)  # round(score * weight, 4) each
            if name_ids:
                keep = ((np.array(ends, dtype=np.int64) - np.array(starts, dtype=np.int64) > 1) | ~is_name).tolist()
        types = spans.types
        new = tuple.__new__

        def of(i: int) -> list[Candidate]:
            lo, hi = b[i], b[i + 1]
            fields = zip(starts[lo:hi], ends[lo:hi], types[lo:hi], scores[lo:hi], repeat(source))
            if keep is not None:
                fields = compress(fields, keep[lo:hi])
            return list(map(new, repeat(Candidate), fields))  # Candidate(*f) for each, without a Python call

        return of

    def _on_word_bounds(self, text: str, start: int, end: int) -> bool:
        """Does the dictionary (no HMM) cut ``text`` at ``start`` and at ``end``? 京东 in 京东方: no."""
        a = max(0, start - 4)
        bounds = {a}
        for w in self.model.segmenter.cut_raw(text[a : end + 4], hmm=False):
            a += len(w)
            bounds.add(a)
        return start in bounds and end in bounds

    def _word_bounds_of(
        self, texts: Sequence[str], cands_of: list[list[Candidate]], known_of: list[list[Candidate]] | None
    ) -> list[dict[tuple[int, int], bool]]:
        """For each text, :meth:`_on_word_bounds` of the spans of its job titles among ``cands_of``
        and of its known names (``known_of``), as ``{(start, end): bool}``, with one cut for the whole
        batch (:meth:`_on_word_bounds_all`): a cut per text was 2,524 calls of the segmenter on
        cnews-800, about 0.05 s of the stage's CPU time.
        """
        items: list[tuple[str, int, int]] = []
        keys: list[list[tuple[int, int]]] = []
        for i, (text, cands) in enumerate(zip(texts, cands_of)):
            spans = [(c[0], c[1]) for c in cands if _CHECKED_LABEL.get(c[2]) == "TITLE"]
            if known_of is not None:
                spans += [(k[0], k[1]) for k in known_of[i]]
            keys.append(spans)
            items += [(text, s, e) for s, e in spans]
        ok = iter(self._on_word_bounds_all(items))
        return [{span: next(ok) for span in spans} if spans else {} for spans in keys]

    def _on_word_bounds_all(self, items: list[tuple[str, int, int]]) -> list[bool]:
        r"""``[self._on_word_bounds(text, s, e) for text, s, e in items]`` with one cut for all.

        The windows are joined by ``\n``: the segmenter cuts each run of its word characters
        on its own and a line break as a word, so each window is cut as it is alone (a window
        holding a ``\r``, which would make ``\r\n`` one word with the line break after it, is
        cut alone).
        """
        out: list[bool | None] = [None] * len(items)
        windows = []
        at = []
        pos = 0
        for k, (text, s, e) in enumerate(items):
            a = max(0, s - 4)
            w = text[a : e + 4]
            if "\r" in w:
                out[k] = self._on_word_bounds(text, s, e)
                continue
            windows.append(w)
            at.append((k, pos + s - a, pos + e - a))
            pos += len(w) + 1
        if windows:
            cuts = set(accumulate(map(len, self.model.segmenter.cut_raw("\n".join(windows), hmm=False))))
            cuts.add(0)
            for k, s, e in at:
                out[k] = s in cuts and e in cuts
        return out  # type: ignore[return-value]

    def _on_word_bounds_many(self, text: str, spans: list[tuple[int, int]]) -> list[bool]:
        """``[self._on_word_bounds(text, s, e) for s, e in spans]`` with one cut for all
        (:meth:`_on_word_bounds_all`): one call instead of one per window saves a third of the
        time of these checks."""
        return self._on_word_bounds_all([(text, s, e) for s, e in spans])

    def _drop_generic(self, text: str, cands: list[Candidate], on_bounds: dict[tuple[int, int], bool]) -> list[Candidate]:
        """``[c for c in cands if c.type not in _CHECKED_TYPES or not self._generic(text, c)]``, with
        the job titles' word bounds looked up in ``on_bounds`` (:meth:`_on_word_bounds` of each)."""
        return self._drop_generic_all([text], [cands], [on_bounds])[0]

    def _drop_generic_all(
        self,
        texts: Sequence[str],
        cands_of: list[list[Candidate]],
        bounds_of: list[dict[tuple[int, int], bool]],
        named_of: list[dict[int, int]] | None = None,
    ) -> list[list[Candidate]]:
        """:meth:`_drop_generic` of each text of a batch. The organisation and place spans not judged
        before (:meth:`_described_or_generic`'s cache) are judged together after one pass, with one
        cut of the dictionary for all (:meth:`_judge_generic`) instead of one each: 4,605 calls of
        the segmenter on a first pass over cnews-800. ``named_of[i]``: :func:`_named_spans` of text
        ``i``'s candidates, where the caller has them (None: found here)."""
        label_of = _CHECKED_LABEL.get
        cache = self._generic_cache
        coarse_src = self.source + ":coarse"
        title_last = _TITLE_LAST
        outs = []
        pending: dict[tuple[str, str], list[tuple[int, int]]] = {}  # (label, span) -> (text, place in its list)
        for i, (text, cands, on_bounds) in enumerate(zip(texts, cands_of, bounds_of)):
            out = []
            named = named_of[i] if named_of is not None else _named_spans(cands, coarse_src)  # names, not descriptions
            for c in cands:
                label = label_of(c[2])
                if label is None:
                    out.append(c)
                    continue
                s, e = c[0], c[1]
                if label == "PER":
                    if e - s != 3 or not self._common_head(text[s:e]):
                        out.append(c)
                elif label == "TITLE":
                    if (after := named.get(s, e)) < e and text[after:e] in _TITLES:
                        # a title the tagger took with the name before it (新华社记者, 法国总理) starts after
                        # that name when the PER/LOC/ORG tagger found the name: 新华社 and 记者
                        out.append(c._replace(start=after))
                    elif on_bounds[s, e]:
                        out.append(c)
                elif text[e - 1] in title_last and text.endswith(_TITLE_ENDS, s + 2, e):
                    # 中国驻奥地利大使, 印尼农业部长: no organisation or place ends with a job title; the title is one
                    n = max(len(t) for t in _TITLE_ENDS if text.endswith(t, s + 2, e))
                    out.append(Candidate(e - n, e, "position", 0.6, c[4] + "+rule:title-end"))  # as find_positions scores
                elif named.get(s) == e and _named_word(text[s:e], label, self.common) and not self._time_word(text[s:e]):
                    out.append(c)
                else:
                    key = (label, text[s:e])
                    hit = cache.get(key)
                    if hit is None:  # kept for now, judged below
                        pending.setdefault(key, []).append((i, len(out)))
                        out.append(c)
                    elif not hit:
                        out.append(c)
            outs.append(out)
        if pending:
            drop: dict[int, set[int]] = {}
            for places, hit in zip(pending.values(), self._judge_generic(list(pending))):
                if hit:
                    for i, k in places:
                        drop.setdefault(i, set()).add(k)
            for i, ks in drop.items():
                outs[i] = [c for k, c in enumerate(outs[i]) if k not in ks]
        return outs

    def _word_tag(self, word: str) -> str | None:
        """jieba's part of speech of ``word`` when its dictionary cuts it as one word, else None.
        Cached per word (emptied past 50,000: a batch run meets new names without end)."""
        cache = self._tag_cache
        if word in cache:
            return cache[word]
        if len(cache) > 50000:
            cache.clear()
        tags = self.model.segmenter.tag(word, hmm=False)
        tag = cache[word] = tags[0][1] if len(tags) == 1 else None
        return tag

    def _time_word(self, word: str) -> bool:
        """Is ``word`` one word jieba's dictionary tags a time word (``t``: 现代, 当代, 元朝, 明朝)? Such a
        common word is no name of an organisation or place even where the PER/LOC/ORG tagger calls it one
        (现代、简约风格): :func:`_named_word` does not keep it."""
        return self._word_tag(word) == "t"

    def _judge_generic(self, keys: list[tuple[str, str]]) -> list[bool]:
        r""":meth:`_described_or_generic` of each ``(label, span)`` (cached as it caches them), the
        spans that need the dictionary's words cut in one call: joined by ``\n``, which the segmenter
        cuts as a word of its own between them (see :meth:`_on_word_bounds_all`; a span holding a
        ``\n`` or ``\r`` is cut alone)."""
        cut = self.model.segmenter.cut_raw
        hits = [_described(span, label) for label, span in keys]
        joined = [k for k, (hit, (_, span)) in enumerate(zip(hits, keys)) if not hit and "\n" not in span and "\r" not in span]
        groups: list[list[str]] = [[]]
        if joined:
            for w in cut("\n".join(keys[k][1] for k in joined), hmm=False):
                if w == "\n":
                    groups.append([])
                else:
                    groups[-1].append(w)
        if len(groups) != len(joined):  # (not expected) each cut alone
            groups = [cut(keys[k][1], hmm=False) for k in joined]
        for k, words in zip(joined, groups):
            hits[k] = is_generic(words, self.common)
        for k, (hit, (_, span)) in enumerate(zip(hits, keys)):
            if not hit and ("\n" in span or "\r" in span):
                hits[k] = is_generic(cut(span, hmm=False), self.common)
        if len(self._generic_cache) + len(keys) > 50000:
            self._generic_cache.clear()
        self._generic_cache.update(zip(keys, hits))
        return hits

    def _generic(self, text: str, c: Candidate) -> bool:
        """A description (公司, 人工智能公司), a job title cut out of a word (周期长 → 期长), or a
        person's name that is a common word with a character after it (see :meth:`_common_head`)."""
        label = ENTITY_TYPES[c.type]
        if label == "TITLE":
            return not self._on_word_bounds(text, c.start, c.end)
        if label == "PER":
            return self._common_head(text[c.start : c.end])
        if label not in ("ORG", "LOC"):
            return False
        return self._described_or_generic(text[c.start : c.end], label)

    def _described_or_generic(self, span: str, label: str) -> bool:
        """Is an organisation's or place's ``span`` a description: :func:`_described`, or common
        words only (:func:`.patterns.is_generic` of the dictionary's cut)? Cached per span."""
        key = (label, span)
        hit = self._generic_cache.get(key)
        if hit is None:
            if len(self._generic_cache) > 50000:
                self._generic_cache.clear()
            hit = _described(span, label) or is_generic(self.model.segmenter.cut_raw(span, hmm=False), self.common)
            self._generic_cache[key] = hit
        return hit

    def _common_head(self, span: str) -> bool:
        """A three-character "name" whose first two characters are one of jieba's frequent common
        words (周期长, 项目组, 黄金周, 董事局, 安排表) and that no lexicon knows as a person.

        Measured before adopting: of 4,545 person mentions in CLUENER train and People's Daily
        dev, 21 start with such a word (温家宝, 王家卫: both known to jieba as persons, so kept);
        of the tagger's persons in cnews-800 that do, 9 of 10 were not persons.
        """
        if len(span) != 3 or span[:2] not in self.common:
            return False
        hit = self._head_cache.get(span)
        if hit is None:
            if len(self._head_cache) > 50000:
                self._head_cache.clear()
            train_cls, jieba_cls = self.model.lexicon.lookup(string_hashes([span]))
            hit = self._head_cache[span] = not (jieba_cls[0] == JIEBA_TAGS["nr"] or train_cls[0] == _NAME_CLASS)
        return hit

    def recognize_many(
        self,
        texts: Sequence[str],
        *,
        merge: bool = True,
        offsets: Sequence[int] | None = None,
        words: Sequence[list[str] | None] | None = None,
    ) -> list[list[Entity]]:
        """Entities of each text (offsets into that text), aliases merged per text.

        With ``merge=False`` and ``offsets``, text ``i``'s entities are shifted by
        ``offsets[i]`` (where the text sits in a longer one; the spaCy stage uses it).
        ``words[i]``, where not None, must be ``self.model.segmenter.cut_raw(texts[i])``:
        words the caller already has (the spaCy stage takes them from the tokenizer).
        """
        if merge and offsets is not None:
            raise ValueError("offsets need merge=False: aliases are merged on offsets into each text")
        out = []
        types = ENTITY_TYPES
        for i, (text, cands) in enumerate(zip(texts, self._candidates(texts, words))):
            off = offsets[i] if offsets is not None else 0
            ents = []
            for c in self._tidy(text, self._extend(text, select(cands))):
                span = text[c.start : c.end]
                ents.append(new_entity(span, c.start + off, c.end + off, types[c.type], c.type, span, c.score, c.source))
            if merge:
                ents = merge_aliases(self.repeated(ents, text, words[i] if words is not None else None), text, known=self.known)
            out.append(ents)
        return out

    def repeated(self, ents: list[Entity], text: str, words: list[str] | None = None) -> list[Entity]:
        """``ents`` of a whole article with the other mentions of their names (:func:`.aliases.repeat_mentions`;
        with the rules only). ``words``: the article cut by this recognizer's segmenter, if the caller
        has them (else it is cut when a mention needs its word bounds)."""
        if not self.rules or not ents:
            return ents
        cut = words if words is not None else partial(self.model.segmenter.cut_raw, text)
        return repeat_mentions(ents, text, cut, is_name=self._may_repeat)

    def _may_repeat(self, name: str) -> bool:
        """May a name found once be taken at its other mentions? Not one of jieba's frequent common
        words, nor one word of the dictionary tagged as a common noun, verb or adjective (楼主, 展架,
        中介机构: a tagger's slip, not a name)."""
        return name not in self.common and self._word_tag(name) not in _COMMON_TAGS

    def recognize(self, text: str) -> list[Entity]:
        """Entities of one text, sorted by start."""
        return self.recognize_many([text])[0]

    def _tidy(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """Spans cut where a name cannot go on.

        - A name other than a work's title (the tagger's half titles, 魔兽世界》, are as the
          CLUENER data marks them) does not take half a parenthesis (:func:`.patterns.balanced_span`: 王浩) →
          王浩, 巴尔的摩(Baltimore → 巴尔的摩), and a person's or place's name not the gloss
          after it (彭于晏(blog) → 彭于晏); what is left of fewer than two characters, or a
          description (:meth:`_generic`), is dropped.
        - A tagger's organisation or place that is a transliterated Western name right before what a
          player does (:func:`_player`: 马丁内斯8投5中, 奥卡福德三分命中) is a person.
        - A source's dateline mark is not part of its name: 新浪体育讯 → 新浪体育, 南方日报讯 →
          南方日报; 本报讯 is no entity. Only after what names an outlet or its channel
          (:data:`_OUTLET_ENDS`): 腾讯, 资讯 and 喜讯 keep their 讯.
        - Chinese names written apart are persons apart (记者 李良 王妮娜:
          :func:`.patterns.split_chinese_names`); 妮可 基德曼 stays one. No other span of a tagger holds
          spaces that set text apart (:data:`_SET_APART`: headlines in a row), and no span is only
          digits and marks (a phone number).
        """
        if not self.rules:
            return chosen
        out = []
        # what the text holds at all (a character search each, faster than a regex over each span)
        described = "家" in text or "所" in text or "年" in text  # what every _described match holds
        dateline = "讯" in text
        for c in chosen:
            if c.source == "user_dict":
                out.append(c)
                continue
            label = ENTITY_TYPES[c.type]
            if label == "TITLE" and _SOFTWARE_ASSISTANT.search(text, max(0, c.start - 3), c.end):
                continue  # Kimi智能助手, 语音助手: a program, no job
            if described and label in ("ORG", "LOC") and c.source != KNOWN_SOURCE and _described(text[c.start : c.end], label):
                continue  # a rule's 四所大学: described, not named (the taggers' are dropped before selection)
            if label in ("ORG", "LOC") and c.source.startswith(self.source) and _player(text, c.start, c.end):
                c = Candidate(c.start, c.end, "name", c.score, c.source + "+rule:player")  # 伊尔亚索瓦抢下篮板
                label = "PER"
            if label != "WORK" and _BRACKET.search(text, c.start, c.end):  # works: the title rule's
                a, b = balanced_span(text, c.start, c.end)
                if label in ("PER", "LOC"):  # a gloss after a name: 彭于晏(blog), 巴尔的摩(Baltimore)
                    m = _TRAILING_GLOSS.search(text, a, b)
                    if m and m.end() == b and m.start() - a >= 2:
                        b = m.start()
                if (a, b) != (c.start, c.end):
                    c = Candidate(a, b, c.type, c.score, c.source + "+rule:brackets")
                    if b - a < 2 or _latin_term(text[a:b]) or (c.type in _CHECKED_TYPES and self._generic(text, c)):
                        continue
            if c.type == "name" and _SPACE.search(text, c.start, c.end):
                parts = split_chinese_names(text[c.start : c.end], self.surnames)
                if parts:
                    src = c.source + "+rule:names-apart"
                    out.extend(Candidate(c.start + a, c.start + b, c.type, c.score, src) for a, b in parts)
                    continue
            span = text[c.start : c.end]
            if not span.isalpha() or "或" in span:  # letters alone (most names): nothing for _plain to read
                c = self._plain(text, c)
                if c is None:
                    continue
            if dateline and text.endswith("讯", c.start, c.end) and c.end - c.start >= 3:
                name = text[c.start : c.end - 1]
                if label in ("ORG", "WORK") and name.endswith(_OUTLET_ENDS):
                    if name in _OWN_OUTLET:
                        continue
                    c = c._replace(end=c.end - 1, source=c.source + "+rule:dateline")
            out.append(c)
        return out

    def _plain(self, text: str, c: Candidate) -> Candidate | None:
        """``c`` without the marks at its edges (张飞• → 张飞, ：彭薇 → 彭薇), or None where it names nothing:
        only digits and marks (022-5839…), a tagger's clause (:func:`_not_a_name`: English sentences,
        人大或法院), a tagger's span across spaces that set text apart (:data:`_SET_APART`: headlines in a
        row; not a person's name, nor a title in 《》). :meth:`_tidy` asks it of the spans that are not
        letters alone (most names are) or that hold 或."""
        span = text[c.start : c.end]
        if span[0] in _EDGE_MARKS or span[-1] in _EDGE_MARKS:
            a, b = c.start, c.end
            while a < b and text[a] in _EDGE_MARKS:
                a += 1
            while b > a and text[b - 1] in _EDGE_MARKS:
                b -= 1
            if b - a < 2:
                return None
            c = Candidate(a, b, c.type, c.score, c.source + "+rule:edge-marks")
            span = text[a:b]
        if not any(ch.isalpha() for ch in span):
            return None
        if c.source.startswith(self.source) and (
            _not_a_name(span)
            or (c.type != "name" and _SET_APART.search(span) and not (span[0] == "《" and span[-1] == "》"))
        ):
            return None
        return c

    def _extend(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        if not self.rules:
            return chosen
        out = list(chosen)
        for k, c in enumerate(out):
            if c.source == "user_dict" or c.type in ("position", "book", "movie", "game"):
                continue
            if c.type == "name":
                start = transliteration_start(text, c.start, c.end, self.model.segmenter.cut_raw, out[k - 1].end if k else 0)
                if start < c.start:
                    out[k] = c = Candidate(start, c.end, c.type, c.score, c.source + "+rule:transliteration")
            ext = extend_with_suffix(text, c.start, c.end, c.type)
            if ext is None:
                continue
            end, typ = ext
            nxt = out[k + 1].start if k + 1 < len(out) else len(text)
            if end <= nxt:
                out[k] = Candidate(c.start, end, typ, c.score, c.source + "+rule:org-suffix")
        return _join_western_names(text, out)

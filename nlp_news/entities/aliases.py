"""Alias merging within one article, and the per-entity summary.

Mentions are grouped when

1. their *keys* agree: case folded, spaces removed, and a trailing generic
   company word stripped (``智谱 AI`` / ``智谱AI`` / ``智谱`` → ``智谱``;
   ``MiniMax 公司`` → ``minimax``; ``腾讯控股`` → ``腾讯``);
2. the text declares it: ``X（以下简称“Y”）`` or ``X（简称Y）`` puts Y with X;
3. they are names of one known entity (:mod:`.gazetteer`: 港交所 and 香港交易所);
4. a person named in full in the Western order, given name and surname joined by ``-`` or
   ``·`` (迈克-米勒, 埃隆·马斯克), and a person mention of that surname alone (米勒, 马斯克),
   when no other full name in the article ends in it;
5. a place written as a one-character abbreviation (中 and 俄 of 中俄关系, 美 of 美军) and the
   place it abbreviates (:data:`PLACE_ABBREVIATIONS`): 中 is 中国, also where 中国 is not written.

A bare prefix is not enough (``腾讯`` and ``腾讯元宝`` are two entities).

The canonical name of a group is its longest surface form with the spaces
between scripts removed, preferring forms without a generic company word;
its type is the type with the highest summed score over the group's mentions
(a mention ending in 公司/集团 counts half a point more; a user-dictionary
entry decides outright). A known entity's group takes the entry's canonical name and,
unless the user's dictionary says otherwise, its type, whatever the mentions are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, compress
from operator import attrgetter
from typing import Any, Protocol

from ..schema import ENTITY_TYPES, Entity, new_entity
from .patterns import _HAN

#: Generic words at the end of a name that do not change which entity it is.
GENERIC_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "控股", "科技", "inc", "ltd", "corp", "ai",
    "队", "俱乐部",  # sports teams: 北京国安 / 北京国安队 / 北京国安俱乐部
)
#: One-character abbreviations of countries, regions and Chinese places, as news writes them in
#: pairs and lists (中美, 港澳台, 京津冀), after a verb (赴法, 驻京, 对华) or before a noun (俄政府):
#: the place each names. Characters that stand for several places (澳: Macao or Australia; 哈, 巴, 阿)
#: are not here. General knowledge, written for nlp-news.
PLACE_ABBREVIATIONS: dict[str, str] = {
    "中": "中国", "华": "中国", "美": "美国", "英": "英国", "法": "法国", "德": "德国", "俄": "俄罗斯",
    "日": "日本", "韩": "韩国", "朝": "朝鲜", "印": "印度", "欧": "欧洲", "亚": "亚洲", "非": "非洲",
    "意": "意大利", "加": "加拿大", "西": "西班牙", "葡": "葡萄牙", "荷": "荷兰", "芬": "芬兰", "挪": "挪威",
    "丹": "丹麦", "希": "希腊", "土": "土耳其", "埃": "埃及", "伊": "伊朗", "以": "以色列", "泰": "泰国",
    "越": "越南", "菲": "菲律宾", "蒙": "蒙古", "格": "格鲁吉亚", "墨": "墨西哥",
    "古": "古巴", "新": "新加坡", "马": "马来西亚", "叙": "叙利亚", "港": "香港", "台": "台湾", "沪": "上海",
    "京": "北京", "津": "天津", "渝": "重庆", "粤": "广东", "深": "深圳", "冀": "河北", "晋": "山西",
    "辽": "辽宁", "吉": "吉林", "浙": "浙江", "皖": "安徽", "闽": "福建", "赣": "江西", "鲁": "山东",
    "豫": "河南", "鄂": "湖北", "湘": "湖南", "桂": "广西", "琼": "海南", "川": "四川", "蜀": "四川",
    "黔": "贵州", "滇": "云南", "藏": "西藏", "陕": "陕西", "甘": "甘肃", "疆": "新疆",
}
#: One-character abbreviations that stand for several places (澳: Macao or Australia), left out of
#: :data:`PLACE_ABBREVIATIONS`.
AMBIGUOUS_PLACE_ABBREVIATIONS = frozenset("澳哈巴阿")
_PLACE_TYPE = "address"
_DECLARE = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)?[为:：]?\s*[“\"「『]?([^）)”\"」』，,]{1,20})[”\"」』]?\s*[）)]")
#: What joins the parts of a transliterated Western name: 迈克-米勒, 埃隆·马斯克.
_NAME_JOINERS = re.compile(r"\s*[-‐－·•‧・]\s*")
_SPACE_BETWEEN = re.compile(r"(?<=[\u3400-\u9fff]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[\u3400-\u9fff])")


class KnownNames(Protocol):
    """What alias merging needs of the known entities: alias key → entry (``.name``, ``.type``).

    Optionally ``strong_keys`` and ``by_form`` (see :class:`~.gazetteer.KnownEntities`):
    without them every key is strong.
    """

    by_key: Mapping[str, Any]


@lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """A name with its spaces removed and its case folded: ``智谱 AI`` → ``智谱ai``.

    >>> fold_name("MiniMax 公司")
    'minimax公司'
    """
    # str.split() splits at the characters regex \s matches (every code point checked): the spaces
    # go without a regex run, the first time a name is seen (7,835 names on cnews-800)
    return "".join(name.split()).casefold()


@lru_cache(maxsize=65536)
def alias_key(name: str) -> str:
    """The key aliases share.

    >>> [alias_key(x) for x in ["智谱 AI", "智谱AI", "智谱", "MiniMax 公司", "腾讯控股", "AI", "北京国安队", "国家队"]]
    ['智谱', '智谱', '智谱', 'minimax', '腾讯', 'ai', '北京国安', '国家']
    """
    k = fold_name(name)
    if not k.endswith(GENERIC_SUFFIXES):
        return k
    changed = True
    while changed:
        changed = False
        for suf in GENERIC_SUFFIXES:
            if k.endswith(suf) and len(k) - len(suf) >= 2:
                k = k[: -len(suf)]
                changed = True
    return k


@lru_cache(maxsize=65536)
def display_form(name: str) -> str:
    """``智谱 AI`` → ``智谱AI``: no spaces between Chinese and Latin script.

    >>> display_form("智谱 AI"), display_form("Artificial Analysis")
    ('智谱AI', 'Artificial Analysis')
    """
    name = name.strip()
    return _SPACE_BETWEEN.sub("", name) if " " in name else name  # (most names hold no space: no regex run)


@lru_cache(maxsize=65536)
def _is_generic(form: str) -> bool:
    f = form.casefold().replace(" ", "")
    return any(f.endswith(s) and len(f) > len(s) for s in ("公司", "有限公司", "集团", "inc", "ltd"))


#: The labels whose names are looked for again in the rest of the article (a place is left out: 北京 in
#: 北京时间, 中国 in 中国银行 are no mentions of the place; a job title is no name).
REPEATED_LABELS = frozenset(("ORG", "PER", "PRODUCT", "WORK"))
REPEAT_SOURCE = "rule:repeat"


def repeat_mentions(
    entities: Sequence[Entity], text: str, words: Any = None, *, is_name: Callable[[str], bool] | None = None
) -> list[Entity]:
    """The entities, plus the other mentions of their names in ``text`` that nothing found: a name
    the article names with a cue (社交应用Talkie) is the same name where it stands alone later
    (，Talkie今年的下载量…). Each new mention copies the label, type and canonical name of the best
    scored mention of its name, with source ``rule:repeat``.

    Only names of :data:`REPEATED_LABELS`, of two characters or more (Latin script: three, with a
    capital letter), that ``is_name`` accepts (the recognizer refuses common words); and only where
    the finders agree more than they disagree: a name found at two mentions or more, or at as many
    as it was missed (a tagger that took 华商 for a company once in 23 mentions was wrong once, not
    22 times).

    A mention must stand on word bounds: Latin letters and digits do not go on around a Latin name;
    beside a Chinese character the cut must fall there too. ``words`` are the text's words laid end to
    end (or a function giving them, called only when a Chinese character stands beside a mention);
    without them such a mention is not taken.

    >>> from nlp_news.schema import Entity
    >>> t = "社交应用Talkie很火。Talkie的下载量破万，Talkies不是。李明说，李明明不是。"
    >>> ents = [Entity("Talkie", 4, 10, "PRODUCT", "product", "Talkie", 0.75, "rule:latin"),
    ...         Entity("李明", 36, 38, "PER", "name", "李明", 0.9, "model")]
    >>> [(e.text, e.start, e.source) for e in repeat_mentions(ents, t, ["社交", "应用", "Talkie", "很", "火", "。", "Talkie",
    ...     "的", "下载量", "破万", "，", "Talkies", "不是", "。", "李明", "说", "，", "李明明", "不是", "。"])]
    [('Talkie', 4, 'rule:latin'), ('Talkie', 13, 'rule:repeat'), ('李明', 36, 'model')]
    """
    best: dict[str, Entity] = {}
    found: dict[str, int] = {}
    for e in entities:
        name = e.text
        if e.label in REPEATED_LABELS and (len(name) >= 3 and not name.islower() if name.isascii() else len(name) >= 2):
            found[name] = found.get(name, 0) + 1
            b = best.get(name)
            if b is None or e.score > b.score:
                best[name] = e
    if is_name is not None:
        best = {name: e for name, e in best.items() if is_name(name)}
    if not best:
        return list(entities)
    taken = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in taken]
    bounds: set[int] | None = None
    out = list(entities)
    for name in sorted(best, key=len, reverse=True):  # longer names first: 腾讯音乐 before 腾讯
        missed = []
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            k = bisect_right(starts, i)
            if (k == 0 or taken[k - 1][1] <= i) and (k == len(taken) or j <= taken[k][0]):
                left, right = text[i - 1 : i], text[j : j + 1]
                if name.isascii():
                    ok = not (left.isascii() and left.isalnum()) and not (right.isascii() and right.isalnum())
                else:
                    ok = True
                    han_left, han_right = _HAN.match(left) is not None, _HAN.match(right) is not None
                    if han_left or han_right:
                        if bounds is None:
                            cut = words() if callable(words) else words
                            bounds = set(accumulate(map(len, cut))) if cut else set()
                            bounds.add(0)
                        ok = (not han_left or i in bounds) and (not han_right or j in bounds)
                if ok:
                    missed.append((i, j))
            i = text.find(name, j)
        if not missed or (found[name] < 2 and found[name] < len(missed)):
            continue
        e0 = best[name]
        for i, j in missed:
            k = bisect_right(starts, i)
            out.append(new_entity(name, i, j, e0.label, e0.type, e0.canonical, e0.score, REPEAT_SOURCE))
            taken.insert(k, (i, j))
            starts.insert(k, i)
    out.sort(key=_by_position)
    return out


def merge_aliases(entities: Sequence[Entity], text: str | None = None, known: KnownNames | None = None) -> list[Entity]:
    """Give every mention of one entity the same ``canonical`` and type.

    >>> from nlp_news.schema import Entity
    >>> def E(t, s, typ="company"): return Entity(t, s, s + len(t), "ORG", typ, t, 0.9, "test")
    >>> out = merge_aliases([E("智谱", 0), E("智谱AI", 10), E("智谱 AI", 20), E("MiniMax 公司", 30), E("MiniMax", 40, "product")])
    >>> [(e.text, e.canonical, e.type) for e in out]
    [('智谱', '智谱AI', 'company'), ('智谱AI', '智谱AI', 'company'), ('智谱 AI', '智谱AI', 'company'), ('MiniMax 公司', 'MiniMax', 'company'), ('MiniMax', 'MiniMax', 'company')]

    With ``known`` (see :mod:`.gazetteer`), the names of one known entity are one group:

    >>> from types import SimpleNamespace as NS
    >>> hkex = NS(name="香港交易所", type="company")
    >>> known = NS(by_key={"港交所": hkex, "香港交易所": hkex})
    >>> [(e.text, e.canonical, e.type) for e in merge_aliases([E("港交所", 0, "organization")], known=known)]
    [('港交所', '香港交易所', 'company')]
    """
    ents = sorted(entities, key=_by_position)
    n = len(ents)
    texts = [e.text for e in ents]
    keys = list(map(alias_key, texts))
    for i, e in enumerate(ents):
        if len(e.text) == 1 and (full := _full_place(e.text, e.type)) != e.text:
            keys[i] = alias_key(full)  # 中 of 中俄 with 中国
    entry_of: dict[str, Any] = {}
    if known is not None and known.by_key:
        by_known = known.by_key
        strong = getattr(known, "strong_keys", None)
        by_form = getattr(known, "by_form", None) or {}
        named = {id(by_form[f]) for f in map(fold_name, texts) if f in by_form}
        for i in list(compress(range(n), map(by_known.__contains__, keys))):  # the mentions with a known key
            k = keys[i]
            entry = by_known[k]
            # a weak key (火箭 of 火箭队) is the entry's only where the article names the entry as listed
            if entry is not None and (strong is None or k in strong or id(entry) in named):
                keys[i] = "\x00" + entry.name  # one key per known entity, apart from the others
                entry_of[keys[i]] = entry
    # mentions with one key: each points at the first mention of its key
    by_key: dict[str, int] = {}
    parent = [by_key.setdefault(k, i) for i, k in enumerate(keys)]

    merged = False  # until two keys are joined, every mention's parent is a root

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # surnames of Western full names: 米勒 with 迈克-米勒 (one full name per surname)
    persons = list(compress(range(n), map("name".__eq__, map(_type, ents))))
    full_by_surname: dict[str, set[str]] = {}
    for i in persons:
        if keys[i][:1] != "\x00":
            surname = _western_surname(texts[i])
            if surname is not None:
                full_by_surname.setdefault(surname, set()).add(keys[i])
    if full_by_surname:
        for i in persons:
            fulls = full_by_surname.get(keys[i])
            if fulls is not None and len(fulls) == 1:
                a, b = find(i), find(by_key[next(iter(fulls))])
                if a != b:
                    parent[max(a, b)] = min(a, b)
                    merged = True

    # declared short names: X（以下简称“Y”）
    if text is not None and ("（" in text or "(" in text):  # what _DECLARE starts with
        for i, e in enumerate(ents):
            if not text.startswith(_DECLARE_OPEN, e.end):
                continue
            m = _DECLARE.match(text, e.end)
            if not m:
                continue
            short = alias_key(m.group(1))
            if known is not None and short in known.by_key:
                short = "\x00" + known.by_key[short].name
            if short in by_key and short != keys[i]:
                a, b = find(i), find(by_key[short])
                if a != b:
                    parent[max(a, b)] = min(a, b)
                    merged = True
    groups: dict[int, list[int]] = {}
    for i, root in enumerate(map(find, range(n)) if merged else parent):
        groups.setdefault(root, []).append(i)
    out = list(ents)
    types = ENTITY_TYPES
    for members in groups.values():
        if len(members) == 1:
            entry = entry_of.get(keys[members[0]])
        else:
            entry = next((entry_of[keys[i]] for i in members if keys[i] in entry_of), None) if entry_of else None
        if len(members) == 1 and entry is None:
            i = members[0]
            e = ents[i]
            canonical = _full_place(display_form(e.text), e.type)
            label = types[e.type]
            if e.canonical != canonical or e.label != label:
                out[i] = new_entity(e.text, e.start, e.end, label, e.type, canonical, e.score, e.source)
            continue
        # the longest form without a generic company word, then the most frequent, then the first
        counts: dict[str, int] = {}
        for i in members:
            f = display_form(ents[i].text)
            counts[f] = counts.get(f, 0) + 1
        plain = [f for f in counts if not _is_generic(f)] or list(counts)
        canonical = max(plain, key=lambda f: (len(f), counts[f]))  # max keeps the first of equals
        votes: dict[str, float] = {}
        for i in members:
            # a mention that says 公司/集团 is strong evidence of its type
            bonus = 0.5 if _is_generic(ents[i].text) else 0.0
            votes[ents[i].type] = votes.get(ents[i].type, 0.0) + ents[i].score + bonus
        typ = max(votes, key=lambda t: (votes[t], t))
        if entry is not None:
            canonical, typ = entry.name, entry.type
        user = [ents[i] for i in members if ents[i].source == "user_dict"]
        if user:
            typ = user[0].type
        # 俄 → 俄罗斯 where the group is a place (its type, not its first mention's: a one-character
        # place takes its full name's key only when typed a place, so the two agree on every group
        # whose longest form is one character, and this reads what is meant)
        canonical = _full_place(canonical, typ)
        for i in members:
            e = ents[i]
            t = e.type if e.source == "user_dict" else typ
            label = types[t]
            if e.canonical != canonical or e.type != t or e.label != label:
                out[i] = new_entity(e.text, e.start, e.end, label, t, canonical, e.score, e.source)
    return out


def _full_place(form: str, typ: str) -> str:
    """The place a one-character place abbreviation names, else ``form``.

    >>> _full_place("中", "address"), _full_place("澳", "address"), _full_place("中", "name"), _full_place("中国", "address")
    ('中国', '澳', '中', '中国')
    """
    if len(form) == 1 and typ == _PLACE_TYPE:
        return PLACE_ABBREVIATIONS.get(form, form)
    return form



@lru_cache(maxsize=65536)
def _western_surname(name: str) -> str | None:
    """The key of the surname of a name in the Western order (迈克-米勒 → 米勒), or None.

    >>> _western_surname("埃隆·马斯克"), _western_surname("李良"), _western_surname("A-B")
    ('马斯克', None, None)
    """
    parts = _NAME_JOINERS.split(name.strip())
    return alias_key(parts[-1]) if len(parts) >= 2 and len(parts[-1]) >= 2 else None


_by_position = attrgetter("start", "end")
_type = attrgetter("type")
_DECLARE_OPEN = ("（", "(")  # what _DECLARE starts with


def entity_summary(entities: Iterable[Entity]) -> list[dict]:
    """Each canonical entity once: most mentioned first, ties in order of first mention
    (``first`` is where the first mention starts).

    >>> from nlp_news.schema import Entity
    >>> es = [Entity("智谱", 0, 2, "ORG", "company", "智谱AI", 0.9, "m"), Entity("智谱AI", 5, 9, "ORG", "company", "智谱AI", 0.9, "m")]
    >>> entity_summary(es)
    [{'canonical': '智谱AI', 'label': 'ORG', 'type': 'company', 'mentions': 2, 'aliases': ['智谱', '智谱AI'], 'first': 0}]
    """
    out: dict[tuple[str, str], dict] = {}
    for e in sorted(entities, key=lambda e: (e.start, e.end)):
        key = (e.canonical, e.label)
        rec = out.get(key)
        if rec is None:
            rec = out[key] = {
                "canonical": e.canonical, "label": e.label, "type": e.type, "mentions": 0, "aliases": [], "first": e.start
            }
        rec["mentions"] += 1
        if e.text not in rec["aliases"]:
            rec["aliases"].append(e.text)
    return sorted(out.values(), key=lambda r: -r["mentions"])

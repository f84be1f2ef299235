"""Document structure: title, paragraphs, sentences and dropped boilerplate.

:func:`structure` is a pure function over the normalised text. Paragraphs are
lines (blank lines and line breaks separate them; a run of indent spaces after
a sentence end starts a new one, as U+3000 indents do in Chinese copy). An
article that arrives as one long line is cut into passages of 2–4 sentences.
Sentences end at 。！？!? and ；, keeping closing quotes and brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp_news.schema import Span
from nlp_news.text.boilerplate import TAIL_LINES, boilerplate_rule, trailing_end_mark

# (the lookahead names the marks a sentence end starts with, so the search skips to them)
_SENT_END = re.compile(r"(?=[。！？!?；;….])(?:[。！？!?]+|[；;]|…{1,2}|\.{3,6})[”’」』\"')）》]*")
_INDENT_BREAK = re.compile(r"(?<=[。！？!?”」』])[ \t]{2,}(?=\S)")
_TITLE_END = re.compile(r"[。！？；，,;:：]$")
_MAX_TITLE = 64
_PASSAGE_MIN_CHARS = 120


@dataclass(frozen=True, slots=True)
class Structure:
    """Where the title, paragraphs, sentences and boilerplate are (offsets into the text)."""

    title: Span | None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans; trailing quotes stay with their sentence.

    >>> t = "他说：“我们会上市。”公司营收增长30%！下一步呢？"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['他说：“我们会上市。”', '公司营收增长30%！', '下一步呢？']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for e in [m.end() for m in _SENT_END.finditer(text, start, end)]:
        s = pos
        while text[s].isspace():  # a sentence end is no space: no need to trim the end, nor to look past it
            s += 1
        out.append(Span(s, e, "sentence"))
        pos = e
    _append_stripped(out, text, pos, end, "sentence")
    return out


def _append_stripped(out: list[Span], text: str, s: int, e: int, kind: str) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(s, e, kind))


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) with surrounding white space trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        for ps, pe in _split_indents(text, s, e):
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps:
                out.append((ps, pe))
    return out


def _split_indents(text: str, s: int, e: int) -> list[tuple[int, int]]:
    if text.find("  ", s, e) < 0 and text.find("\t", s, e) < 0:  # no run of two spaces or tabs to cut at
        return [(s, e)]
    cuts = [m.start() for m in _INDENT_BREAK.finditer(text, s, e)]
    bounds = [s, *cuts, e]
    return list(zip(bounds, bounds[1:]))


def looks_like_title(line: str) -> bool:
    """A short line that does not end like a sentence.

    >>> looks_like_title("MiniMax 与智谱同日冲击港股")
    True
    >>> looks_like_title("公司今年营收增长了三成。")
    False
    """
    s = line.strip()
    return 0 < len(s) <= _MAX_TITLE and not _TITLE_END.search(s) and len(split_sentences(s)) <= 2


def structure(text: str, *, title: str | None = None, detect_title: bool = True) -> Structure:
    """Find title, paragraphs, sentences and boilerplate in ``text``.

    >>> t = "智谱发布新模型\\n\\n智谱今天发布新模型。性能提升30%。\\n责任编辑：李雷\\n登录后才可以发布评论"
    >>> st = structure(t)
    >>> t[st.title.start:st.title.end]
    '智谱发布新模型'
    >>> [t[p.start:p.end] for p in st.paragraphs]
    ['智谱今天发布新模型。性能提升30%。']
    >>> [(b.kind, t[b.start:b.end]) for b in st.boilerplate]
    [('editor-line', '责任编辑：李雷'), ('comment-prompt', '登录后才可以发布评论')]
    """
    lines = _lines(text)
    boiler: list[Span] = []
    content: list[tuple[int, int]] = []
    n = len(lines)
    for i, (s, e) in enumerate(lines):
        rule = boilerplate_rule(text[s:e])
        if rule:
            boiler.append(Span(s, e, rule))
            continue
        mark = trailing_end_mark(text[s:e])
        if mark is not None and i >= n - TAIL_LINES:
            boiler.append(Span(s + mark, e, "end-mark"))
            e = s + mark
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
        content.append((s, e))

    title_span: Span | None = None
    if content:
        s, e = content[0]
        first = text[s:e]
        given = title is not None and first.strip() == title.strip()
        if given or (title is None and detect_title and len(content) > 1 and looks_like_title(first)):
            title_span = Span(s, e, "title")
            content = content[1:]

    sentences: list[Span] = split_sentences(text, title_span.start, title_span.end) if title_span else []
    paragraphs: list[Span] = []
    for s, e in content:
        sents = split_sentences(text, s, e)
        if len(content) == 1 and len(sents) > 4:
            paragraphs.extend(_passages(sents))
        elif len(content) > 1 and looks_like_title(text[s:e]) and len(sents) == 1:
            paragraphs.append(Span(s, e, "heading"))
        else:
            paragraphs.append(Span(s, e, "paragraph"))
        sentences.extend(sents)
    return Structure(title_span, paragraphs, sentences, boiler)


def _passages(sents: list[Span]) -> list[Span]:
    """Group the sentences of a one-line article into passages of 2–4 sentences."""
    groups: list[list[Span]] = []
    cur: list[Span] = []
    for sent in sents:
        cur.append(sent)
        length = cur[-1].end - cur[0].start
        if len(cur) == 4 or (len(cur) >= 2 and length >= _PASSAGE_MIN_CHARS):
            groups.append(cur)
            cur = []
    if cur:
        if groups and len(cur) == 1 and len(groups[-1]) < 4:
            groups[-1].append(cur[0])
        else:
            groups.append(cur)
    return [Span(g[0].start, g[-1].end, "paragraph") for g in groups]

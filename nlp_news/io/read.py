"""Reading articles: bytes to text (UTF-8, GB18030/GBK, Big5), and HTML pages to text.

Chinese news files come in several encodings. :func:`decode_bytes` honours an
explicit encoding, a byte-order mark or an HTML ``<meta charset>``, then tries
UTF-8 and the Chinese legacy encodings, and raises :class:`DecodeError` naming
the file and the ``--encoding`` option when nothing fits.

HTML pages go through trafilatura, which finds the main text and drops menus,
comments and footers; the text then flows through the same pipeline as plain text.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<!--)", re.I)
_TAGS = re.compile(r"</?(?:p|div|span|br|a|h[1-6]|article|section|body|html|script|style)\b[^>]*>", re.I)

#: The encodings tried, in order, when none is given and there is no BOM.
FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")


class ReadError(ValueError):
    """An article could not be read; the message names the file and the fix."""


class DecodeError(ReadError):
    """Bytes that are not text in any encoding we tried."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from a file: the text offsets point into, and what we learned."""

    text: str
    title: str | None = None
    published: str | None = None
    name: str = "<text>"
    encoding: str | None = None
    format: str = "text"  # "text" or "html"


def decode_bytes(data: bytes, *, encoding: str | None = None, name: str = "<bytes>") -> str:
    """Decode a news file's bytes.

    >>> decode_bytes("营收增长".encode("gbk"))
    '营收增长'
    >>> decode_bytes("營收增長".encode("big5"))
    '營收增長'
    >>> decode_bytes(codecs.BOM_UTF8 + "港元".encode())
    '港元'
    """
    if encoding:
        try:
            return data.decode(_python_codec(encoding))
        except LookupError:
            raise DecodeError(f"{name}: unknown encoding {encoding!r}; try --encoding gb18030, big5 or utf-8") from None
        except UnicodeDecodeError as e:
            raise DecodeError(
                f"{name}: not valid {encoding} (byte {e.start}); check the file's encoding "
                f"or try --encoding {'gb18030' if encoding.lower() != 'gb18030' else 'big5'}"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(_python_codec(m.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError(f"{name}: looks like a binary file, not text; pass a .txt or .html article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in FALLBACK_ENCODINGS[1:]:
        try:
            candidates.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1:
        return candidates[0][1]
    if candidates:
        return max(candidates, key=lambda c: _chinese_score(c[1]))[1]
    raise DecodeError(
        f"{name}: cannot decode as UTF-8, GB18030 or Big5; pass the file's encoding, "
        f"for example --encoding gb18030 or --encoding big5"
    )


def _python_codec(name: str) -> str:
    n = name.strip().lower().replace("_", "-")
    # GB2312 and GBK files often hold GB18030 characters; GB18030 is their superset.
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5-hkscs": "big5hkscs"}.get(n, n)


# Very common characters of running Chinese text in both scripts; a wrong
# decoding produces rare characters instead.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样"
    "與為個們來時會對說國經發動後實業學進產種過應開還現這麼機關長間點從當將於無價問題營收億萬元港"
)


def _chinese_score(text: str) -> float:
    sample = text[:20000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return 0.0
    return sum(1 for ch in sample if ch in _COMMON) / han


def looks_like_html(text: str) -> bool:
    """True for a page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>正文</p></body></html>")
    True
    >>> looks_like_html("公司营收 <5 亿元")
    False
    """
    head = text[:2048]
    return bool(_HTML_SNIFF.match(head)) or len(_TAGS.findall(head)) >= 3


def html_to_text(html: str) -> str:
    """The main text of an HTML page, paragraphs separated by newlines.

    Uses trafilatura (navigation, comments, share bars and footers are dropped);
    a page too short for it falls back to lxml's text of ``<body>``.
    """
    return read_html(html).text


def read_html(html: str, *, name: str = "<html>") -> Article:
    """Extract the main text, title and date of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        with_metadata=True,
        favor_precision=True,
        # Only a date the page states (meta tags, bylines); never one guessed
        # from a copyright line.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = title = published = None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text, title, published = get("text"), get("title"), get("date")
    if not text:
        text = _lxml_text(html)
    return Article(text=text or "", title=title or None, published=published or None, name=name, format="html")


def _lxml_text(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    body = root.find("body")
    node = body if body is not None else root
    lines = (ln.strip() for ln in node.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)


def read_article(path: str | os.PathLike[str], *, encoding: str | None = None) -> Article:
    """Read one article file (``-`` is not handled here; the CLI reads stdin)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{p}: is a directory; pass article files, or use `nlp-news batch {p}`") from None
    except OSError as e:
        raise ReadError(f"{p}: cannot read ({e.strerror})") from None
    return article_from_bytes(data, name=str(p), encoding=encoding, html=p.suffix.lower() in {".html", ".htm", ".xhtml"})


def article_from_bytes(
    data: bytes, *, name: str = "<bytes>", encoding: str | None = None, html: bool | None = None
) -> Article:
    """Decode bytes and, for a page, extract its main text."""
    if not data.strip():
        raise ReadError(f"{name}: the file is empty; nothing to analyse")
    text = decode_bytes(data, encoding=encoding, name=name)
    used = encoding or _guess_used(data, text)
    if html or (html is None and looks_like_html(text)):
        art = read_html(text, name=name)
        if not art.text.strip():
            raise ReadError(f"{name}: the HTML page has no main text that could be extracted")
        return Article(art.text, art.title, art.published, name, used, "html")
    if not text.strip():
        raise ReadError(f"{name}: the file holds only white space; nothing to analyse")
    return Article(text=text, name=name, encoding=used, format="text")


def _guess_used(data: bytes, text: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in FALLBACK_ENCODINGS[1:]:
        try:
            if data.decode(codec) == text:
                return codec
        except UnicodeDecodeError:
            continue
    return "unknown"

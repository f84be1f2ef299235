"""Input records for ``nlp-news batch``: JSONL, CSV, RSS/Atom, folders of pages.

Every reader is a generator: it holds one line, one CSV row or one file at a
time, so a million-record input streams through in bounded memory (RSS and
Atom files are the exception: a feed is parsed whole, as feeds are small).

Each item is a plain dict, either an *input record*::

    {"id": "a1", "text": "...", "title": None, "published": None, "fields": {...}}

where ``fields`` holds every other input field (``url`` included), passed
through to the output; or an *error record*::

    {"id": "line:3", "error": {"type": "InvalidJSON", "message": "..."}}

A bad line never stops the reading: it becomes one error record and the next
line is read. Error ids are the record's own id when it could be read, else
``line:N`` (JSONL, CSV: the 1-based line where the record starts), ``entry:N``
(feeds) or the file's path (one-file inputs); with several inputs the line
forms are prefixed with the input's name (``feed.jsonl:line:3``).

>>> import io
>>> data = b'{"id": "a", "text": "\\xe6\\x96\\xb0\\xe9\\x97\\xbb"}\\nnot json\\n{"id": "b", "text": ""}\\n'
>>> for rec in read_jsonl(io.BytesIO(data)):
...     print(rec["id"], rec.get("text") or rec["error"]["type"])
a 新闻
line:2 InvalidJSON
b EmptyText
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: Suffixes (after an optional ``.gz``) and the reader each selects.
SUFFIX_FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".feed": "feed",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: Files picked up inside a directory (and their ``.gz`` forms).
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
INPUT_FORMATS = ("auto", "jsonl", "csv", "tsv", "feed", "text", "html")

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Fields:
    """Which input fields hold the id, text, title and publication date."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    published: str = "published"


def error_record(rec_id: Any, type_: str, message: str) -> dict[str, Any]:
    """The record written for an input that could not be analysed.

    >>> error_record("line:4", "InvalidJSON", "line 4: Expecting value")
    {'id': 'line:4', 'error': {'type': 'InvalidJSON', 'message': 'line 4: Expecting value'}}
    """
    return {"id": rec_id, "error": {"type": type_, "message": message}}


def is_error(rec: dict[str, Any]) -> bool:
    """True for an error record."""
    return rec.get("error") is not None


def make_record(
    rec_id: Any,
    text: Any,
    *,
    title: Any = None,
    published: Any = None,
    fields: dict[str, Any] | None = None,
    where: str = "",
) -> dict[str, Any]:
    """Validate one input article and return its record (or an error record).

    >>> make_record("x", "  ")["error"]["type"]
    'EmptyText'
    >>> make_record("x", None)["error"]["type"]
    'MissingText'
    >>> make_record("x", "正文", title="标题")["title"]
    '标题'
    """
    prefix = f"{where}: " if where else ""
    if text is None:
        return error_record(rec_id, "MissingText", f"{prefix}record {rec_id!r} has no text field")
    if not isinstance(text, str):
        return error_record(
            rec_id, "InvalidText", f"{prefix}record {rec_id!r}: text must be a string, not {type(text).__name__}"
        )
    if not text.strip():
        return error_record(rec_id, "EmptyText", f"{prefix}record {rec_id!r} has an empty text; nothing to analyse")
    bad = _first_unencodable(text)
    if bad is not None:
        return error_record(
            rec_id,
            "UndecodableText",
            f"{prefix}record {rec_id!r}: text holds an invalid character at {bad} (a lone surrogate); "
            "fix the producer or pass the right --encoding",
        )
    return {
        "id": rec_id,
        "text": text,
        "title": _opt_str(title),
        "published": _opt_str(published),
        "fields": fields or {},
    }


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _first_unencodable(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


# --------------------------------------------------------------------------- opening


def open_binary(source: str | os.PathLike[str], *, stdin: IO[bytes] | None = None) -> IO[bytes]:
    """Open a file (or ``-`` for stdin) for reading bytes, gunzipping when compressed.

    Compression is recognised by the gzip magic bytes, so ``.gz`` files and
    gzipped stdin both work.
    """
    if str(source) == "-":
        raw: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
    else:
        buffered = open(source, "rb")  # noqa: SIM115 - the caller closes it
    head = buffered.peek(2)[:2] if hasattr(buffered, "peek") else b""
    if head == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    return buffered


def _plain_suffix(name: str) -> str:
    p = Path(name.lower())
    if p.suffix == ".gz":
        p = p.with_suffix("")
    return p.suffix


def format_of(name: str) -> str | None:
    """The reader for a file name, from its suffix (``.gz`` looked through).

    >>> format_of("wire.jsonl.gz"), format_of("feed.xml"), format_of("page.HTM"), format_of("x.bin")
    ('jsonl', 'feed', 'html', None)
    """
    return SUFFIX_FORMATS.get(_plain_suffix(name))


def sniff_format(head: bytes) -> str:
    """Guess the reader from the first bytes of a stream (stdin, unknown suffixes).

    >>> sniff_format(b'  {"id": 1}'), sniff_format(b'<?xml version="1.0"?><rss>'), sniff_format(b"<html>")
    ('jsonl', 'feed', 'html')
    >>> sniff_format("今天".encode())
    'text'
    """
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    stripped = head.lstrip()
    lower = stripped[:4096].lower()
    if stripped.startswith((b"{", b"[")):
        return "jsonl"
    if stripped.startswith(b"<"):
        if b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
            return "feed"
        return "html"
    return "text"


# --------------------------------------------------------------------------- readers


def read_jsonl(
    stream: IO[bytes],
    *,
    fields: Fields = Fields(),
    encoding: str | None = None,
    name: str = "",
    id_prefix: str = "",
) -> Iterator[dict[str, Any]]:
    """Records from JSON Lines bytes, one per non-blank line."""
    codec = encoding or "utf-8"
    where = name or "<stdin>"
    for n, raw in enumerate(stream, 1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        line_id = f"{id_prefix}line:{n}"
        try:
            line = raw.decode(codec)
        except UnicodeDecodeError as e:
            yield error_record(
                line_id,
                "UndecodableBytes",
                f"{where} line {n}: not valid {codec} (byte {e.start}); JSON Lines are UTF-8, "
                "or pass the file's encoding with --encoding gb18030",
            )
            continue
        except LookupError:
            raise ValueError(f"unknown encoding {codec!r}; try --encoding utf-8, gb18030 or big5") from None
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield error_record(line_id, "InvalidJSON", f"{where} line {n}: invalid JSON ({e}); fix or drop the line")
            continue
        if not isinstance(obj, dict):
            yield error_record(
                line_id, "NotAnObject", f"{where} line {n}: expected a JSON object, got {type(obj).__name__}"
            )
            continue
        yield _record_from_mapping(obj, fields, line_id, f"{where} line {n}")


def _record_from_mapping(obj: dict[str, Any], fields: Fields, fallback_id: str, where: str) -> dict[str, Any]:
    rec_id = obj.get(fields.id)
    if rec_id is None or rec_id == "":
        rec_id = fallback_id
    known = {fields.id, fields.text, fields.title, fields.published}
    extra = {k: v for k, v in obj.items() if k not in known}
    return make_record(
        rec_id,
        obj.get(fields.text),
        title=obj.get(fields.title),
        published=obj.get(fields.published),
        fields=extra,
        where=where,
    )


def read_csv(
    stream: IO[bytes],
    *,
    fields: Fields = Fields(),
    encoding: str | None = None,
    delimiter: str = ",",
    name: str = "",
    id_prefix: str = "",
) -> Iterator[dict[str, Any]]:
    """Records from a CSV (or TSV) file with a header row.

    Rows are decoded one at a time; a row with bytes that are not in the
    encoding (UTF-8 unless ``--encoding``) becomes an error record.
    """
    codec = encoding or "utf-8-sig"
    where = name or "<stdin>"
    text = io.TextIOWrapper(stream, encoding=codec, errors="surrogateescape", newline="")
    _raise_field_limit()
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        yield error_record(f"{id_prefix}line:1", "InvalidCSV", f"{where}: cannot read the header row ({e})")
        return
    header = [h.strip() for h in header]
    if fields.text not in header:
        yield error_record(
            name or "<stdin>",
            "MissingColumn",
            f"{where}: no column {fields.text!r} (columns: {', '.join(header)}); name the text column with --text-field",
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield error_record(f"{id_prefix}line:{start}", "InvalidCSV", f"{where} line {start}: {e}")
            start = reader.line_num + 1
            continue
        line_id = f"{id_prefix}line:{start}"
        here = f"{where} line {start}"
        start = reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        if any(_has_surrogates(cell) for cell in row):
            yield error_record(
                line_id,
                "UndecodableBytes",
                f"{here}: not valid {codec}; pass the file's encoding, for example --encoding gb18030",
            )
            continue
        if len(row) != len(header):
            yield error_record(
                line_id, "InvalidCSV", f"{here}: {len(row)} cells, but the header has {len(header)} columns"
            )
            continue
        yield _record_from_mapping(dict(zip(header, row, strict=True)), fields, line_id, here)


def _has_surrogates(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _raise_field_limit() -> None:
    # csv's default 128 KB field limit would reject a long article.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def read_feed(data: bytes, *, name: str = "", id_prefix: str = "") -> Iterator[dict[str, Any]]:
    """Records from an RSS 2.0 or Atom document: one per entry.

    The text is the entry's content, else its summary, with HTML stripped the
    way pages are (:func:`nlp_news.io.read.html_to_text`).
    """
    import feedparser

    where = name or "<stdin>"
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            yield error_record(name or "<stdin>", "InvalidFeed", f"{where}: not a readable RSS/Atom feed ({exc})")
        return
    for n, entry in enumerate(entries, 1):
        entry_id = entry.get("id") or entry.get("link") or f"{id_prefix}entry:{n}"
        here = f"{where} entry {n}"
        try:
            text = _entry_text(entry)
        except Exception as e:  # an HTML parser failure must not stop the feed
            yield error_record(entry_id, type(e).__name__, f"{here}: cannot extract the text ({e})")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*stamp[:6])
        else:
            published = entry.get("published") or entry.get("updated")
        extra: dict[str, Any] = {}
        if entry.get("link"):
            extra["url"] = entry["link"]
        if entry.get("author"):
            extra["author"] = entry["author"]
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            extra["tags"] = tags
        yield make_record(entry_id, text, title=entry.get("title"), published=published, fields=extra, where=here)


def _entry_text(entry: Any) -> str | None:
    parts = entry.get("content") or []
    best = max(parts, key=lambda c: len(c.get("value") or ""), default=None)
    if best is not None and (best.get("value") or "").strip():
        value, kind = best["value"], best.get("type") or ""
    else:
        value = entry.get("summary")
        detail = entry.get("summary_detail") or {}
        kind = detail.get("type") or ""
    if value is None:
        return None
    if "html" in kind or "<" in value:
        from nlp_news.io.read import html_to_text

        return html_to_text(value)
    return value


def read_article_file(
    data: bytes, *, rec_id: str, html: bool | None, encoding: str | None = None, name: str = ""
) -> dict[str, Any]:
    """One record from one .txt or .html file's bytes."""
    from nlp_news.io.read import ReadError, article_from_bytes

    try:
        art = article_from_bytes(data, name=name or rec_id, encoding=encoding, html=html)
    except ReadError as e:
        kind = "UndecodableBytes" if type(e).__name__ == "DecodeError" else "EmptyText"
        if not data.strip():
            kind = "EmptyText"
        return error_record(rec_id, kind, str(e))
    return make_record(rec_id, art.text, title=art.title, published=art.published, where=name or rec_id)


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a path (or ``-``), the reader to use and the id to give it."""

    path: str
    format: str
    rel_id: str


def expand_inputs(inputs: Sequence[str], *, input_format: str = "auto") -> list[Source]:
    """Turn INPUT arguments (files, directories, globs, ``-``) into sources.

    Directory files are found recursively (``.txt``/``.html`` and their
    ``.gz``), in sorted order, with ids relative to the directory.
    """
    out: list[Source] = []
    for arg in inputs:
        if arg == "-":
            out.append(Source("-", input_format if input_format != "auto" else "sniff", "<stdin>"))
            continue
        p = Path(arg)
        if p.is_dir():
            found = sorted(_article_files(p))
            if not found:
                raise FileNotFoundError(
                    f"{arg}: the directory holds no .txt or .html files; pass the files or a glob such as '{arg}/**/*.txt'"
                )
            for f in found:
                out.append(Source(str(f), _file_format(f.name, input_format), f.relative_to(p).as_posix()))
            continue
        if p.exists():
            out.append(Source(arg, _file_format(p.name, input_format), p.as_posix()))
            continue
        if glob.has_magic(arg):
            matches = sorted(m for m in glob.glob(arg, recursive=True) if Path(m).is_file())
            if not matches:
                raise FileNotFoundError(f"{arg}: no file matches this pattern")
            for m in matches:
                out.append(Source(m, _file_format(Path(m).name, input_format), Path(m).as_posix()))
            continue
        raise FileNotFoundError(f"{arg}: no such file or directory")
    return out


def _article_files(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in filenames:
            low = fn.lower()
            if low.endswith(".gz"):
                low = low[:-3]
            if low.endswith(ARTICLE_SUFFIXES) and not fn.startswith("."):
                yield Path(dirpath) / fn


def _file_format(name: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    return format_of(name) or "sniff"


def iter_records(
    inputs: Sequence[str] | Sequence[Source],
    *,
    fields: Fields = Fields(),
    encoding: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[dict[str, Any]]:
    """All records of all inputs, in order, streamed.

    A file that cannot be opened at all gives one error record (id = its path).
    """
    sources = [s if isinstance(s, Source) else None for s in inputs]
    if any(s is None for s in sources):
        sources = expand_inputs([str(s) for s in inputs], input_format=input_format)
    many = len(sources) > 1
    for src in sources:  # type: ignore[union-attr]
        assert src is not None
        prefix = f"{src.rel_id}:" if many else ""
        yield from _read_source(src, fields=fields, encoding=encoding, id_prefix=prefix, stdin=stdin)


def _read_source(
    src: Source, *, fields: Fields, encoding: str | None, id_prefix: str, stdin: IO[bytes] | None
) -> Iterator[dict[str, Any]]:
    name = "<stdin>" if src.path == "-" else src.path
    try:
        stream = open_binary(src.path, stdin=stdin)
    except OSError as e:
        yield error_record(src.rel_id, "ReadError", f"{name}: cannot open ({e.strerror or e})")
        return
    try:
        fmt = src.format
        if fmt == "sniff":
            fmt = sniff_format(_peek(stream, 4096))
        if fmt == "jsonl":
            yield from read_jsonl(stream, fields=fields, encoding=encoding, name=name, id_prefix=id_prefix)
        elif fmt in ("csv", "tsv"):
            yield from read_csv(
                stream,
                fields=fields,
                encoding=encoding,
                delimiter="\t" if fmt == "tsv" else ",",
                name=name,
                id_prefix=id_prefix,
            )
        elif fmt == "feed":
            yield from read_feed(_read_all(stream, name), name=name, id_prefix=id_prefix)
        elif fmt in ("text", "html"):
            data = _read_all(stream, name)
            yield read_article_file(data, rec_id=src.rel_id, html=(fmt == "html") or None, encoding=encoding, name=name)
        else:
            raise ValueError(f"unknown input format {fmt!r}; use one of {', '.join(INPUT_FORMATS)}")
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        # A truncated .gz or an I/O error mid-file: what was read is kept.
        yield error_record(
            src.rel_id,
            "ReadError",
            f"{name}: reading stopped early ({e}); the records before this point were read",
        )
    finally:
        if src.path != "-":
            stream.close()


def _peek(stream: IO[bytes], n: int) -> bytes:
    if hasattr(stream, "peek"):
        return stream.peek(n)[:n]  # type: ignore[attr-defined]
    return b""


def _read_all(stream: IO[bytes], name: str) -> bytes:
    return stream.read()


def count_records(sources: Iterable[Source]) -> int | None:
    """A quick estimate of the number of records, for the progress bar's ETA.

    Counts newlines of plain JSONL/CSV files and one per article file; returns
    None when an input is stdin, compressed or a feed.
    """
    total = 0
    for src in sources:
        if src.path == "-" or src.path.lower().endswith(".gz") or src.format in ("feed", "sniff"):
            return None
        if src.format in ("text", "html"):
            total += 1
            continue
        lines = 0
        with open(src.path, "rb") as f:
            for block in iter(lambda f=f: f.read(1 << 20), b""):
                lines += block.count(b"\n")
        total += max(lines - (1 if src.format in ("csv", "tsv") else 0), 0)
    return total

"""Output writers for ``nlp-news batch``: JSONL, CSV and Parquet.

``jsonl`` writes one line per article: the ``nlp-news/1`` analysis
(``Analysis.to_dict()``) with the record's ``id`` first and the input's
pass-through fields after it, or an error record ``{"id", "error"}``.

``csv`` and ``parquet`` write tables an analyst loads straight into pandas,
polars or DuckDB: ``--table articles`` (one row per article with the summary
fields) or the long tables ``entities``, ``facts`` and ``paragraphs`` (one row
per item, keyed by the article ``id``). Every table has ``error_type`` and
``error_message`` columns: an article that failed gets one row with them set,
so no input goes missing from any output.

Writing is incremental and crash-safe:

- JSONL and CSV are written in whole lines, each batch with a single write
  call, so an interrupted run leaves a file of complete records (CSV cells
  have their line breaks replaced by spaces to keep one row per line);
- Parquet is written by row groups to ``OUTPUT.partial`` and renamed to
  ``OUTPUT`` when closed, which :meth:`Writer.close` does on Ctrl-C too.

:func:`prepare_resume` reads the ids already in an output and repairs a
half-written last line, so ``--resume`` can append without writing any
record twice.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("articles", "entities", "facts", "paragraphs")

PARQUET_HINT = "writing Parquet needs pyarrow: pip install 'nlp-news[parquet]'"

#: Columns of each table and their types ("str", "int", "float", "bool").
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "str"),
        ("title", "str"),
        ("published", "str"),
        ("url", "str"),
        ("chars", "int"),
        ("sentiment", "str"),
        ("sentiment_positive", "float"),
        ("sentiment_neutral", "float"),
        ("sentiment_negative", "float"),
        ("theme", "str"),
        ("theme_score", "float"),
        ("n_paragraphs", "int"),
        ("n_entities", "int"),
        ("n_facts", "int"),
        ("top_entities", "str"),
        ("keywords", "str"),
        ("fields", "str"),
        ("error_type", "str"),
        ("error_message", "str"),
    ],
    "entities": [
        ("id", "str"),
        ("n", "int"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("label", "str"),
        ("type", "str"),
        ("canonical", "str"),
        ("score", "float"),
        ("source", "str"),
        ("error_type", "str"),
        ("error_message", "str"),
    ],
    "facts": [
        ("id", "str"),
        ("n", "int"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("kind", "str"),
        ("value", "str"),
        ("number", "float"),
        ("unit", "str"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("change", "str"),
        ("relative", "bool"),
        ("metric", "str"),
        ("subject", "str"),
        ("period", "str"),
        ("source", "str"),
        ("error_type", "str"),
        ("error_message", "str"),
    ],
    "paragraphs": [
        ("id", "str"),
        ("n", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
        ("sentiment", "str"),
        ("sentiment_score", "float"),
        ("theme", "str"),
        ("theme_score", "float"),
        ("error_type", "str"),
        ("error_message", "str"),
    ],
}

TOP_ENTITIES = 5
TOP_KEYWORDS = 10


# --------------------------------------------------------------------------- rows


def _label_of(value: Any) -> tuple[str | None, dict[str, float]]:
    """(label, scores) from a Label dict, a plain string or None."""
    if isinstance(value, dict):
        scores = value.get("scores") or {}
        return value.get("label"), {k: float(v) for k, v in scores.items() if _is_number(v)}
    if isinstance(value, str):
        return value, {}
    return None, {}


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _id_str(rec_id: Any) -> str:
    return rec_id if isinstance(rec_id, str) else json.dumps(rec_id, ensure_ascii=False)


def _error_cols(out: dict[str, Any]) -> dict[str, Any]:
    err = out.get("error")
    if not err:
        return {"error_type": None, "error_message": None}
    return {"error_type": err.get("type"), "error_message": err.get("message")}


def _paragraphs(out: dict[str, Any]) -> list[dict[str, Any]]:
    paras = out.get("paragraphs")
    if paras is None and isinstance(out.get("structure"), dict):
        paras = out["structure"].get("paragraphs")
    return [p for p in paras or [] if isinstance(p, dict)]


def _passthrough(out: dict[str, Any], analysis_keys: Iterable[str]) -> dict[str, Any]:
    skip = set(analysis_keys)
    return {k: v for k, v in out.items() if k not in skip}


#: Keys of ``Analysis.to_dict()`` (and of error records); anything else in an
#: output dict is an input pass-through field.
ANALYSIS_KEYS = {
    "id",
    "error",
    "schema",
    "text",
    "title",
    "title_span",
    "published",
    "stages",
    "entity_summary",
    "language",
    "script",
    "paragraphs",
    "sentences",
    "boilerplate",
    "structure",
    "entities",
    "facts",
    "sentiment",
    "theme",
    "themes",
    "keywords",
    "summary",
    "meta",
    "stats",
    "timings",
    "warnings",
    "model",
    "models",
    "version",
}


def article_row(out: dict[str, Any]) -> dict[str, Any]:
    """The one-row summary of an output record.

    >>> row = article_row({"id": "a", "error": {"type": "EmptyText", "message": "empty"}})
    >>> row["id"], row["error_type"], row["n_entities"]
    ('a', 'EmptyText', None)
    """
    row: dict[str, Any] = {name: None for name, _ in COLUMNS["articles"]}
    row["id"] = _id_str(out.get("id"))
    extra = _passthrough(out, ANALYSIS_KEYS)
    row["url"] = extra.pop("url", None) if isinstance(extra.get("url"), str) else None
    row["fields"] = json.dumps(extra, ensure_ascii=False, default=str) if extra else None
    row.update(_error_cols(out))
    if out.get("error"):
        return row
    row["title"] = _title_text(out.get("title"))
    pub = out.get("published")
    row["published"] = pub if isinstance(pub, str) or pub is None else str(pub)
    text = out.get("text")
    row["chars"] = len(text) if isinstance(text, str) else None
    sent, sent_scores = _label_of(out.get("sentiment"))
    row["sentiment"] = sent
    for k in ("positive", "neutral", "negative"):
        row[f"sentiment_{k}"] = sent_scores.get(k)
    theme, theme_scores = _label_of(out.get("theme", out.get("themes")))
    row["theme"] = theme
    row["theme_score"] = theme_scores.get(theme) if theme else None
    ents = [e for e in out.get("entities") or [] if isinstance(e, dict)]
    facts = out.get("facts") or []
    row["n_entities"] = len(ents)
    row["n_facts"] = len(facts)
    row["n_paragraphs"] = len(_paragraphs(out))
    summary = out.get("entity_summary")
    if isinstance(summary, list) and all(isinstance(g, dict) for g in summary):
        names = [str(g.get("canonical")) for g in summary if g.get("canonical")]
    else:
        counts = Counter(e.get("canonical") or e.get("text") for e in ents if e.get("canonical") or e.get("text"))
        names = [name for name, _ in counts.most_common()]
    row["top_entities"] = "|".join(names[:TOP_ENTITIES]) or None
    kws = out.get("keywords") or []
    words = [
        k[0] if isinstance(k, (list, tuple)) else k.get("word", k.get("text")) if isinstance(k, dict) else k
        for k in kws
    ]
    row["keywords"] = "|".join(str(w) for w in words[:TOP_KEYWORDS] if w) or None
    return row


def _title_text(title: Any) -> str | None:
    if isinstance(title, dict):
        return title.get("text")
    return title


def _error_row(table: str, out: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: None for name, _ in COLUMNS[table]}
    row["id"] = _id_str(out.get("id"))
    row.update(_error_cols(out))
    return row


def entity_rows(out: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per entity mention, keyed by the article id."""
    if out.get("error"):
        return [_error_row("entities", out)]
    rid = _id_str(out.get("id"))
    rows = []
    for n, e in enumerate(out.get("entities") or []):
        row = {name: e.get(name) for name, _ in COLUMNS["entities"] if name not in ("id", "n")}
        row.update(id=rid, n=n, error_type=None, error_message=None)
        rows.append(row)
    return rows


def fact_rows(out: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per numeric fact; ``value`` and ``period`` as JSON, ``number`` when the value is one."""
    if out.get("error"):
        return [_error_row("facts", out)]
    rid = _id_str(out.get("id"))
    rows = []
    for n, f in enumerate(out.get("facts") or []):
        value = f.get("value")
        row = {name: f.get(name) for name, _ in COLUMNS["facts"] if name not in ("id", "n")}
        row.update(
            id=rid,
            n=n,
            value=None if value is None else json.dumps(value, ensure_ascii=False, default=str),
            number=float(value) if _is_number(value) else None,
            period=None if f.get("period") is None else json.dumps(f.get("period"), ensure_ascii=False, default=str),
            error_type=None,
            error_message=None,
        )
        for key in ("metric", "subject", "unit", "currency", "qualifier", "change"):
            if row.get(key) is not None and not isinstance(row[key], str):
                row[key] = json.dumps(row[key], ensure_ascii=False, default=str)
        rows.append(row)
    return rows


def paragraph_rows(out: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per paragraph with its sentiment and theme."""
    if out.get("error"):
        return [_error_row("paragraphs", out)]
    rid = _id_str(out.get("id"))
    text = out.get("text") if isinstance(out.get("text"), str) else None
    rows = []
    for n, p in enumerate(_paragraphs(out)):
        start, end = p.get("start"), p.get("end")
        ptext = p.get("text")
        if ptext is None and text is not None and isinstance(start, int) and isinstance(end, int):
            ptext = text[start:end]
        sent, sscores = _label_of(p.get("sentiment"))
        theme, tscores = _label_of(p.get("theme"))
        rows.append(
            {
                "id": rid,
                "n": n,
                "start": start,
                "end": end,
                "text": ptext,
                "sentiment": sent,
                "sentiment_score": sscores.get(sent) if sent else None,
                "theme": theme,
                "theme_score": tscores.get(theme) if theme else None,
                "error_type": None,
                "error_message": None,
            }
        )
    return rows


ROWS = {
    "articles": lambda out: [article_row(out)],
    "entities": entity_rows,
    "facts": fact_rows,
    "paragraphs": paragraph_rows,
}


def rows_for(table: str, out: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows an output record contributes to ``table``."""
    return ROWS[table](out)


# --------------------------------------------------------------------------- writers


class Encoded(NamedTuple):
    """An output record as its writer writes it.

    ``payload`` is bytes of whole lines (JSONL, CSV) or a list of row dicts
    (Parquet). Encoding is the writer's costly half (``json.dumps`` of a whole
    analysis), and it is pure: the batch workers encode their own records, so
    the process that writes the file only joins bytes (see
    :func:`nlp_news.batch.runner.run_local`).
    """

    id: Any
    error: str | None  # the error type of an error record, else None
    payload: Any


class RecordEncoder:
    """Output record → :class:`Encoded` for one output format and table (picklable).

    >>> enc = RecordEncoder("jsonl")
    >>> enc({"id": "a", "text": "新"})
    Encoded(id='a', error=None, payload=b'{"id": "a", "text": "\\xe6\\x96\\xb0"}\\n')
    >>> enc({"id": 7, "error": {"type": "EmptyText", "message": "..."}}).error
    'EmptyText'
    """

    def __init__(self, format: str = "jsonl", table: str = "articles", *, full: bool = True) -> None:
        if format not in FORMATS:
            raise ValueError(f"unknown output format {format!r}; use one of {', '.join(FORMATS)}")
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
        self.format = format
        self.table = table
        self.full = full
        self.columns = [name for name, _ in COLUMNS[table]]

    def __call__(self, out: dict[str, Any]) -> Encoded:
        err = out.get("error")
        error = (err.get("type", "?") if isinstance(err, dict) else "?") if err else None
        return Encoded(out.get("id"), error, self.payload(out))

    def payload(self, out: dict[str, Any]) -> Any:
        if self.format == "jsonl":
            if self.table == "articles" and self.full:
                return dumps_record(out)
            return b"".join(dumps_record(row) for row in rows_for(self.table, out))
        rows = rows_for(self.table, out)
        if self.format == "csv":
            return csv_lines([[_csv_cell(row.get(c)) for c in self.columns] for row in rows]) if rows else b""
        return rows

    def __repr__(self) -> str:
        return f"RecordEncoder({self.format!r}, {self.table!r}, full={self.full})"


class Writer:
    """Base class: ``write(out)`` for each output record, then ``close()``.

    ``write(out)`` is ``write_encoded(self.encoder(out))``; a caller that has
    the records encoded already (the batch runner's workers did it) calls
    :meth:`write_encoded`. Use as a context manager; ``close`` runs on errors
    and Ctrl-C too.
    """

    def __init__(self, encoder: RecordEncoder) -> None:
        self.encoder = encoder
        self.records = 0
        self.errors = 0

    @property
    def table(self) -> str:
        """The table written (``articles`` or a long table): the encoder's."""
        return self.encoder.table

    def write(self, out: dict[str, Any]) -> None:
        self.write_encoded(self.encoder(out))

    def write_encoded(self, enc: Encoded) -> None:
        self.records += 1
        if enc.error:
            self.errors += 1
        self._write(enc.payload)

    def _write(self, payload: Any) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Push buffered records to the file."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def dumps_record(out: dict[str, Any]) -> bytes:
    """One JSONL line (UTF-8), falling back to ASCII escapes for invalid characters.

    >>> dumps_record({"id": "a", "text": "新"})
    b'{"id": "a", "text": "\\xe6\\x96\\xb0"}\\n'
    >>> dumps_record({"id": "b", "text": "\\ud800"})
    b'{"id": "b", "text": "\\\\ud800"}\\n'
    """
    line = json.dumps(out, ensure_ascii=False, default=_json_default)
    try:
        return (line + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(out, ensure_ascii=True, default=_json_default) + "\n").encode("ascii")


def _json_default(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


class _LineWriter(Writer):
    """Complete lines to a file (or stdout), one write call per flush."""

    flush_every = 64

    def __init__(self, path: str, encoder: RecordEncoder, *, append: bool = False) -> None:
        super().__init__(encoder)
        self.path = path
        if path == "-":
            self._fh: IO[bytes] = sys.stdout.buffer
            self._own = False
        else:
            self._fh = open(path, "ab" if append else "wb", buffering=0)  # noqa: SIM115
            self._own = True
        self._pending: list[bytes] = []
        self._last_flush = time.monotonic()

    def _write(self, payload: bytes) -> None:
        # All lines of one record are one pending block, so a flush never splits a record.
        self._pending.append(payload)
        now = time.monotonic()
        if len(self._pending) >= self.flush_every or now - self._last_flush >= 1.0:
            self.flush()

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if self._pending:
            blob = b"".join(self._pending)
            self._pending = []
            view = memoryview(blob)
            while view:
                n = self._fh.write(view)
                view = view[n if n is not None else len(view) :]
            if not self._own:
                self._fh.flush()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._own and not self._fh.closed:
                self._fh.close()


class JsonlWriter(_LineWriter):
    """``nlp-news/1`` records, or rows of a long table, one JSON object per line."""

    def __init__(self, path: str, *, table: str = "articles", append: bool = False, full: bool = True) -> None:
        super().__init__(path, RecordEncoder("jsonl", table, full=full), append=append)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(round(value, 6))
    if isinstance(value, str):
        if "\n" in value or "\r" in value:
            value = " ".join(value.splitlines())
        return value
    return value


def csv_lines(rows: list[list[Any]]) -> bytes:
    """Rows as CSV lines (UTF-8; characters UTF-8 cannot hold are escaped).

    >>> csv_lines([["a", "新 闻"], ["b,c", ""]])
    b'a,\\xe6\\x96\\xb0 \\xe9\\x97\\xbb\\n"b,c",\\n'
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    return buf.getvalue().encode("utf-8", "backslashreplace")


class CsvWriter(_LineWriter):
    """One table as CSV (UTF-8, header row), one row per line."""

    def __init__(self, path: str, *, table: str = "articles", append: bool = False) -> None:
        super().__init__(path, RecordEncoder("csv", table), append=append)
        if not append:
            self._pending.append(csv_lines([self.encoder.columns]))
            self.flush()


def _import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError(PARQUET_HINT) from None
    return pa, pq


def parquet_schema(table: str) -> Any:
    """The pyarrow schema of a table."""
    pa, _ = _import_pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


class ParquetWriter(Writer):
    """One table as Parquet, written by row groups.

    Rows go to ``OUTPUT.partial``; :meth:`close` finishes the file and renames
    it to ``OUTPUT``. With ``resume=True`` the rows of an existing ``OUTPUT``
    are copied first (Parquet files cannot be appended to).
    """

    row_group_size = 4096

    def __init__(self, path: str, *, table: str = "articles", resume: bool = False) -> None:
        super().__init__(RecordEncoder("parquet", table))
        if path == "-":
            raise ValueError("Parquet cannot be written to stdout; pass a file name with -o")
        pa, pq = _import_pyarrow()
        self._pa = pa
        self.path = path
        self.schema = parquet_schema(table)
        self.partial = path + ".partial"
        self._rows: list[dict[str, Any]] = []
        self._closed = False
        self._writer = pq.ParquetWriter(self.partial, self.schema, compression="zstd")
        if resume and os.path.exists(path):
            old = pq.read_table(path)
            if old.num_rows:
                self._writer.write_table(old.select(self.schema.names).cast(self.schema))

    def _write(self, payload: list[dict[str, Any]]) -> None:
        self._rows.extend(payload)
        if len(self._rows) >= self.row_group_size:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            cols = {name: [r.get(name) for r in self._rows] for name in self.schema.names}
            self._rows = []
            self._writer.write_table(self._pa.table(cols, schema=self.schema))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.flush()
        finally:
            self._writer.close()
            os.replace(self.partial, self.path)


def open_writer(path: str, *, format: str = "jsonl", table: str = "articles", resume: bool = False) -> Writer:
    """A writer for ``format`` and ``table``; ``resume`` appends to what is there."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    if format == "jsonl":
        return JsonlWriter(path, table=table, append=resume and _nonempty(path))
    if format == "csv":
        return CsvWriter(path, table=table, append=resume and _nonempty(path))
    if format == "parquet":
        return ParquetWriter(path, table=table, resume=resume)
    raise ValueError(f"unknown output format {format!r}; use one of {', '.join(FORMATS)}")


def _nonempty(path: str) -> bool:
    return path != "-" and os.path.exists(path) and os.path.getsize(path) > 0


def format_from_path(path: str) -> str:
    """The output format a file name asks for (JSONL unless it says otherwise).

    >>> format_from_path("out.parquet"), format_from_path("out.csv"), format_from_path("out.jsonl")
    ('parquet', 'csv', 'jsonl')
    """
    suffix = Path(path.lower()).suffix
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


# --------------------------------------------------------------------------- resume


class ResumeError(ValueError):
    """The existing output cannot be resumed."""


def prepare_resume(path: str, *, format: str = "jsonl", table: str = "articles") -> set[str]:
    """Ids already in ``path`` (as strings), after repairing an interrupted end.

    A last line without its newline (the run was killed while writing) is cut
    off. In a long table (entities, facts, paragraphs) the rows of the last
    article are also removed, as that article may be incomplete; it is
    analysed again.
    """
    if path == "-" or not os.path.exists(path):
        return set()
    if format == "parquet":
        return _parquet_ids(path)
    long_table = table != "articles"
    ids: list[str] = []
    offsets: list[int] = []  # byte offset where each complete line starts
    good_end = 0
    header = format == "csv"
    with open(path, "rb") as fh:
        pos = 0
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            start, pos = pos, pos + len(raw)
            if header:
                header = False
                good_end = pos
                expected = ",".join(name for name, _ in COLUMNS[table])
                if raw.decode("utf-8", "replace").strip().lstrip("\ufeff") != expected:
                    raise ResumeError(
                        f"{path}: its columns are not those of --table {table}; resume with the --table "
                        "and --format of the run that wrote it, or write to a new file"
                    )
                continue
            rid = _line_id(raw, format)
            if rid is None:
                raise ResumeError(
                    f"{path}: line at byte {start} is not a record of this format; "
                    f"resume only into an output written by nlp-news batch with --format {format}"
                )
            ids.append(rid)
            offsets.append(start)
            good_end = pos
    if long_table and ids:
        last = ids[-1]
        while ids and ids[-1] == last:
            ids.pop()
            good_end = offsets.pop()
    if os.path.getsize(path) != good_end:
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return set(ids)


def _line_id(raw: bytes, format: str) -> str | None:
    if format == "csv":
        try:
            row = next(csv.reader([raw.decode("utf-8", "replace")]))
        except (csv.Error, StopIteration):
            return None
        return row[0] if row else None
    if raw.startswith(_ID_PREFIX):
        # Records are written with "id" first: read just it, not a whole analysis.
        try:
            value, _ = _DECODER.raw_decode(raw[len(_ID_PREFIX) :].decode("utf-8"))
            return _id_str(value)
        except (ValueError, UnicodeDecodeError):
            pass
    try:
        obj = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(obj, dict) or "id" not in obj:
        return None
    return _id_str(obj["id"])


_ID_PREFIX = b'{"id": '
_DECODER = json.JSONDecoder()


def _parquet_ids(path: str) -> set[str]:
    _, pq = _import_pyarrow()
    try:
        col = pq.read_table(path, columns=["id"]).column("id").to_pylist()
    except Exception as e:
        raise ResumeError(
            f"{path}: not a readable Parquet file ({e}); the run that wrote it was stopped hard. "
            "Its rows are lost: delete it and run again (JSONL or CSV outputs survive a hard kill)"
        ) from None
    return {c for c in col if c is not None}


def iter_output(path: str) -> Iterator[dict[str, Any]]:
    """Read back a JSONL output (complete lines only)."""
    with open(path, "rb") as fh:
        for raw in fh:
            if raw.endswith(b"\n") and raw.strip():
                yield json.loads(raw)

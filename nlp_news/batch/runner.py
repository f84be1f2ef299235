"""The local batch engine: worker processes, ordered streaming, nothing lost.

:func:`run_local` turns a stream of input records into a stream of output
records, in input order. With ``n_process > 1`` it starts a process pool
whose initializer loads the pipeline once per worker (``nlp_news.load``),
cuts the input into chunks of about :data:`CHUNK_RECORDS` records and keeps
a bounded window of chunks in flight, so a million-record input runs in
bounded memory. Every exception inside the analysis of one record becomes an
error record; a worker that dies (killed, out of memory) is replaced and its
chunks are run again, record by record if need be, so no record is lost.

:func:`run_batch` is what ``nlp-news batch`` runs: read inputs, skip ids
already in the output (``--resume``), run an engine, write, show progress,
and return a :class:`BatchSummary`.

Options for the pipeline travel to workers as plain data (strings, numbers,
booleans, lists): a user dictionary goes as its lines
(``options["user_dict_lines"]``), not as a path, so a worker on another
machine does not need the file.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from nlp_news.batch.records import error_record, is_error

#: Turns an output record into what a writer writes (picklable: it is sent to the workers).
Encoder = Callable[[dict[str, Any]], Any]

#: Records per chunk sent to a worker, and the most characters a chunk holds.
CHUNK_RECORDS = 64
CHUNK_CHARS = 1_000_000

# --------------------------------------------------------------------------- pipeline per process

_ANALYZERS: dict[str, Any] = {}
_LOAD_LOCK = threading.Lock()


def options_key(options: dict[str, Any]) -> str:
    """A stable key for a set of pipeline options.

    >>> options_key({"b": 1, "a": [1, 2]}) == options_key({"a": [1, 2], "b": 1})
    True
    """
    blob = json.dumps(options, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def load_options(*, user_dict: str | os.PathLike[str] | None = None, **options: Any) -> dict[str, Any]:
    """Pipeline options as plain data for workers: the user dictionary's lines, not its path.

    >>> load_options(max_chars=10)
    {'max_chars': 10}
    """
    out = dict(options)
    if user_dict is not None:
        text = Path(user_dict).read_text(encoding="utf-8-sig")
        out["user_dict_lines"] = text.splitlines()
    return out


def _load_kwargs(options: dict[str, Any]) -> dict[str, Any]:
    """Turn shipped options into ``nlp_news.load`` keyword arguments.

    The user dictionary's lines are written to a file in this process's temp
    directory (named by content hash), as the pipeline takes a path.
    """
    kwargs = {k: v for k, v in options.items() if k not in ("user_dict_lines", "loader")}
    lines = options.get("user_dict_lines")
    if lines is not None:
        blob = "\n".join(lines) + "\n"
        digest = hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]
        path = Path(tempfile.gettempdir()) / f"nlp-news-userdict-{digest}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != blob:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(blob, encoding="utf-8")
            os.replace(tmp, path)
        kwargs["user_dict"] = str(path)
    return kwargs


def _loader(spec: str | None) -> Any:
    """``nlp_news.load``, or the ``"module:function"`` named by ``options["loader"]``.

    A custom loader returns any object with ``analyze(text, title=, published=)``
    whose result has ``to_dict()``; it must be importable in every worker.
    """
    if not spec:
        import nlp_news

        return nlp_news.load
    from importlib import import_module

    module, _, name = spec.partition(":")
    return getattr(import_module(module), name or "load")


def get_analyzer(options: dict[str, Any]) -> Any:
    """The analyzer for ``options``, loaded once per process and cached."""
    key = options_key(options)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        with _LOAD_LOCK:
            analyzer = _ANALYZERS.get(key)
            if analyzer is None:
                analyzer = _loader(options.get("loader"))(**_load_kwargs(options))
                _ANALYZERS[key] = analyzer
    return analyzer


def _preload(options: dict[str, Any]) -> None:
    """Load this process's pipeline now; a failure is left for the first chunk to report
    (analyze_chunk raises PipelineLoadError, which stops the run)."""
    try:
        get_analyzer(options)
    except Exception:
        pass


#: Young-generation threshold of the cyclic collector while records are analysed (Python's
#: default is 700). Analysing one article allocates thousands of short-lived containers, so
#: the default ran a young collection every few records: 0.16 s of GC per 800 cnews articles
#: with the pipeline frozen, 0.06 s at this threshold.
BATCH_GC_THRESHOLD = 10_000


@contextlib.contextmanager
def _pipeline_frozen(options: dict[str, Any]) -> Iterator[None]:
    """Load the pipeline, then keep the objects alive now out of the cyclic collector's
    reach (``gc.freeze``) and collect young objects less often (:data:`BATCH_GC_THRESHOLD`)
    until the block ends.

    The pipeline outlives every record, and full collections walked all its objects:
    0.25 s of GC per 800 cnews articles, 0.01 s frozen. Nothing is frozen when someone
    else already froze objects in this process (their ``gc.unfreeze`` is theirs to call).
    """
    _preload(options)
    mine = gc.get_freeze_count() == 0
    if mine:
        gc.freeze()
    threshold = _collect_young_less_often()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if mine:
            gc.unfreeze()


def _collect_young_less_often() -> tuple[int, ...]:
    """Raise the collector's young-generation threshold to :data:`BATCH_GC_THRESHOLD`; the old thresholds."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], BATCH_GC_THRESHOLD), *threshold[1:])
    return threshold


def analyze_record(analyzer: Any, rec: dict[str, Any]) -> dict[str, Any]:
    """The output record for one input record; never raises.

    Success: ``{"id", **Analysis.to_dict(), **pass-through fields}``. A field of
    the input whose name the analysis uses is kept as ``input_<name>``.
    Failure: ``{"id", "error": {"type", "message"}, **pass-through fields}``.
    """
    if is_error(rec):
        return rec
    try:
        result: Any = analyzer.analyze(rec["text"], title=rec.get("title"), published=rec.get("published"))
    except Exception as e:  # one bad record must not stop the run
        result = e
    return output_record(rec, result)


def output_record(rec: dict[str, Any], result: Any) -> dict[str, Any]:
    """The output record for ``rec`` given its Analysis, or the exception it raised."""
    rec_id = rec.get("id")
    fields = rec.get("fields") or {}
    try:
        if isinstance(result, BaseException):
            raise result
        body = result.to_dict()
    except Exception as e:  # one bad record must not stop the run
        out = error_record(rec_id, type(e).__name__, _error_message(e, rec_id))
        return _add_fields(out, fields)
    out = {"id": rec_id}
    for k, v in body.items():
        if k != "id":
            out[k] = v
    return _add_fields(out, fields)


def analyze_records(analyzer: Any, chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Output records for a chunk, analysed as one batch where the analyzer can."""
    batch = getattr(analyzer, "analyze_batch", None)
    if batch is None:
        return [analyze_record(analyzer, r) for r in chunk]
    todo = [r for r in chunk if not is_error(r)]
    try:
        results = iter(batch([{"text": r.get("text"), "title": r.get("title"), "published": r.get("published")} for r in todo]))
    except Exception:  # noqa: BLE001 - fall back to one record at a time
        return [analyze_record(analyzer, r) for r in chunk]
    return [r if is_error(r) else output_record(r, next(results)) for r in chunk]


def _add_fields(out: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    for k, v in fields.items():
        out[k if k not in out else f"input_{k}"] = v
    return out


def _error_message(e: BaseException, rec_id: Any) -> str:
    msg = str(e).strip() or type(e).__name__
    if len(msg) > 2000:
        msg = msg[:2000] + "..."
    return f"record {rec_id!r}: {type(e).__name__} in analysis: {msg}"


def analyze_chunk(chunk: list[dict[str, Any]], options: dict[str, Any], encode: Encoder | None = None) -> list[Any]:
    """Analyse a chunk of records with this process's cached pipeline.

    With ``encode`` (a picklable function of an output record, such as a writer's
    :class:`~nlp_news.batch.writers.RecordEncoder`) the chunk's outputs are returned encoded.
    """
    try:
        analyzer = get_analyzer(options)
    except Exception as e:
        # Not a per-record error: every record would fail the same way. Stop the run.
        raise PipelineLoadError(f"the pipeline could not be loaded: {type(e).__name__}: {e}") from None
    outputs = analyze_records(analyzer, chunk)
    return outputs if encode is None else [encode(out) for out in outputs]


class PipelineLoadError(RuntimeError):
    """The worker could not build the pipeline with the given options; the run stops."""


# --------------------------------------------------------------------------- chunks


def chunked(
    records: Iterable[dict[str, Any]], size: int = CHUNK_RECORDS, max_chars: int = CHUNK_CHARS
) -> Iterator[list[dict[str, Any]]]:
    """Group records into chunks of at most ``size`` records and about ``max_chars`` characters.

    >>> [len(c) for c in chunked(({"id": i, "text": "x"} for i in range(5)), size=2)]
    [2, 2, 1]
    """
    chunk: list[dict[str, Any]] = []
    chars = 0
    for rec in records:
        chunk.append(rec)
        chars += len(rec.get("text") or "")
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class SubmitWindow:
    """Chunks submitted ahead, at most ``window`` in flight, handed back in input order.

    Both engines use it: ``submit`` starts one chunk's work and returns its
    future (a process pool's or a Dask client's). Iterating yields
    ``(chunk, future)`` oldest first, topping the window up before each.

    >>> from concurrent.futures import Future
    >>> def done(chunk):
    ...     f = Future(); f.set_result([r * 10 for r in chunk]); return f
    >>> [f.result() for _, f in SubmitWindow(iter([[1], [2, 3]]), done, window=1)]
    [[10], [20, 30]]
    """

    def __init__(self, chunks: Iterator[list[dict[str, Any]]], submit: Callable[[list[dict[str, Any]]], Any], window: int) -> None:
        self.chunks = chunks
        self.submit = submit
        self.window = max(int(window), 1)
        self.queue: collections.deque[tuple[list[dict[str, Any]], Any]] = collections.deque()
        self._exhausted = False

    def __iter__(self) -> Iterator[tuple[list[dict[str, Any]], Any]]:
        while True:
            while not self._exhausted and len(self.queue) < self.window:
                chunk = next(self.chunks, None)
                if chunk is None:
                    self._exhausted = True
                    break
                self.queue.append((chunk, self.submit(chunk)))
            if not self.queue:
                return
            yield self.queue.popleft()

    def take_in_flight(self) -> list[tuple[list[dict[str, Any]], Any]]:
        """Every chunk still in flight, removed from the window (to run again after a crash)."""
        items = list(self.queue)
        self.queue.clear()
        return items

    def cancel(self) -> None:
        """Cancel what is still in flight (the run is stopping)."""
        for _, future in self.queue:
            future.cancel()


# --------------------------------------------------------------------------- the local pool

_WORKER_OPTIONS: dict[str, Any] | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER_OPTIONS
    # Ctrl-C is the parent's to handle: it stops the pool and closes the output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_OPTIONS = options
    _preload(options)
    gc.freeze()  # the worker lives for the pipeline: see _pipeline_frozen
    _collect_young_less_often()


def _worker_chunk(chunk: list[dict[str, Any]], encode: Encoder | None = None) -> list[Any]:
    assert _WORKER_OPTIONS is not None
    return analyze_chunk(chunk, _WORKER_OPTIONS, encode)


def default_processes() -> int:
    """All cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def run_local(
    records: Iterable[dict[str, Any]],
    options: dict[str, Any] | None = None,
    n_process: int | None = None,
    *,
    chunk_size: int = CHUNK_RECORDS,
    window: int | None = None,
    mp_context: str | None = None,
    encode: Encoder | None = None,
) -> Iterator[Any]:
    """Analyse ``records`` and yield one output record per input record, in order.

    ``n_process=1`` analyses in this process; more start a pool of that many
    workers (default: all cores), each loading the pipeline once. At most
    ``window`` chunks (default ``2 * n_process``) are in flight.
    ``mp_context`` is a multiprocessing start method (default ``"spawn"``,
    which works the same on Linux, macOS and Windows).

    ``encode`` (picklable; ``nlp-news batch`` passes its writer's
    :class:`~nlp_news.batch.writers.RecordEncoder`) turns each output record
    into what is yielded, in the worker that analysed it: the parent then
    receives bytes ready to write instead of rebuilding every record's
    nested dicts from a pickle, work that would take a core's time away
    from the workers.
    """
    options = dict(options or {})
    n = n_process or default_processes()
    if n <= 1:
        with _pipeline_frozen(options):
            for chunk in chunked(records, chunk_size):
                yield from analyze_chunk(chunk, options, encode)
        return
    with LocalPool(options, n, mp_context=mp_context) as pool:
        yield from pool.imap(records, chunk_size=chunk_size, window=window, encode=encode)


class LocalPool:
    """Worker processes that each load the pipeline once; reusable across runs.

    >>> with LocalPool({}, 2) as pool:                        # doctest: +SKIP
    ...     pool.warm()                                       # wait until every worker has loaded
    ...     outputs = list(pool.imap(records))
    """

    def __init__(self, options: dict[str, Any], n_process: int, *, mp_context: str | None = None) -> None:
        self.options = dict(options)
        self.n_process = n_process
        self._ctx = multiprocessing.get_context(mp_context or "spawn")
        self._pool = self._new_pool()
        self._encode: Encoder | None = None  # what imap encodes with (the crash recovery too)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.n_process, mp_context=self._ctx, initializer=_init_worker, initargs=(self.options,)
        )

    def warm(self, timeout: float = 300.0) -> set[int]:
        """Block until every worker has started and loaded the pipeline; return their pids."""
        pids: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(pids) < self.n_process and time.monotonic() < deadline:
            futures = [self._pool.submit(_worker_ping, 0.2) for _ in range(self.n_process)]
            pids.update(f.result() for f in futures)
        return pids

    def worker_cpu(self) -> dict[int, float]:
        """CPU seconds used so far by each worker (for benchmarks)."""
        out: dict[int, float] = {}
        for _ in range(5):
            futures = [self._pool.submit(_worker_cpu, 0.3) for _ in range(self.n_process)]
            out.update(f.result() for f in futures)
            if len(out) >= self.n_process:
                break
        return out

    def imap(
        self,
        records: Iterable[dict[str, Any]],
        *,
        chunk_size: int = CHUNK_RECORDS,
        window: int | None = None,
        encode: Encoder | None = None,
    ) -> Iterator[Any]:
        """Output records in input order, with at most ``window`` chunks in flight
        (``encode``: see :func:`run_local`)."""
        self._encode = encode
        win = SubmitWindow(
            chunked(records, chunk_size), lambda c: self._pool.submit(_worker_chunk, c, encode), window or 2 * self.n_process
        )
        try:
            for chunk, future in win:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    # A worker died. Every chunk in flight is suspect: run their
                    # records one at a time, so the one that kills a worker is found.
                    yield from self._recover([(chunk, future), *win.take_in_flight()])
                    continue
                yield from result
        finally:
            win.cancel()

    def _recover(self, in_flight: list[tuple[list[dict[str, Any]], Future]]) -> Iterator[dict[str, Any]]:
        _stop_pool(self._pool)
        self._pool = self._new_pool()
        for chunk, fut in in_flight:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                yield from fut.result()  # finished before the crash
                continue
            for rec in chunk:
                yield self._isolated(rec)

    def _isolated(self, rec: dict[str, Any]) -> Any:
        """Analyse one record with nothing else in flight; a crash now is this record's."""
        encode = self._encode
        try:
            return self._pool.submit(_worker_chunk, [rec], encode).result()[0]
        except BrokenProcessPool:
            _stop_pool(self._pool)
            self._pool = self._new_pool()
            out = rec if is_error(rec) else error_record(
                rec.get("id"),
                "WorkerCrashed",
                f"record {rec.get('id')!r}: the worker process died while analysing it "
                "(out of memory, or a crash in a native library); the run went on without it",
            )
            return out if encode is None else encode(out)

    def close(self) -> None:
        """Stop the workers at once (queued work is dropped)."""
        _stop_pool(self._pool)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _worker_ping(pause: float) -> int:
    time.sleep(pause)
    return os.getpid()


def _worker_cpu(pause: float) -> tuple[int, float]:
    time.sleep(pause)
    return os.getpid(), time.process_time()


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop at once: cancel what is queued and end the worker processes."""
    # shutdown() forgets the processes, so take them first.
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=5)


# --------------------------------------------------------------------------- a whole run


@dataclass
class BatchSummary:
    """What a run did."""

    records: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    bytes_in: int = 0
    output: str = ""
    interrupted: bool = False
    error_types: collections.Counter = field(default_factory=collections.Counter)

    @property
    def kb_per_s(self) -> float:
        return self.bytes_in / 1024 / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The summary line printed at the end of a run."""
        parts = [f"{self.records} records", f"{self.errors} errors"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (already in output)")
        parts += [f"{self.seconds:.1f} s", f"{self.kb_per_s:.0f} KB/s"]
        head = "nlp-news batch: interrupted after " if self.interrupted else "nlp-news batch: "
        tail = f" -> {self.output}" if self.output else ""
        if self.error_types:
            tail += " (" + ", ".join(f"{k}: {v}" for k, v in self.error_types.most_common(5)) + ")"
        return head + ", ".join(parts) + tail


class _Counted:
    """Wraps the input stream to count the UTF-8 bytes of the texts that went in."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self._it = iter(records)
        self.bytes = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for rec in self._it:
            text = rec.get("text")
            if isinstance(text, str):
                self.bytes += len(text.encode("utf-8", "surrogatepass"))
            yield rec


def _skip_done(records: Iterable[dict[str, Any]], done: set[str], summary: BatchSummary) -> Iterator[dict[str, Any]]:
    from nlp_news.batch.writers import _id_str

    for rec in records:
        if _id_str(rec.get("id")) in done:
            summary.skipped += 1
            continue
        yield rec


def run_batch(
    inputs: list[str],
    output: str,
    *,
    format: str = "jsonl",
    table: str = "articles",
    n_process: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    fields: Any = None,
    encoding: str | None = None,
    input_format: str = "auto",
    options: dict[str, Any] | None = None,
    progress: bool | None = None,
    stdin: IO[bytes] | None = None,
    stderr: IO[str] | None = None,
) -> BatchSummary:
    """Read ``inputs``, analyse, write ``output``; return what happened.

    ``progress=None`` shows the bar only when stderr is a terminal. Raises
    KeyboardInterrupt after closing the output when interrupted (the summary
    is printed first).
    """
    from nlp_news.batch.records import (
        Fields,
        count_records,
        expand_inputs,
        iter_records,
    )
    from nlp_news.batch.writers import open_writer, prepare_resume

    err = stderr or sys.stderr
    summary = BatchSummary(output=output)
    sources = expand_inputs(inputs, input_format=input_format)
    done = prepare_resume(output, format=format, table=table) if resume else set()
    show = err.isatty() if progress is None else progress
    total = count_records(sources) if show else None
    if total is not None:
        total = max(total - len(done), 0)
    records = iter_records(sources, fields=fields or Fields(), encoding=encoding, stdin=stdin)
    if done:
        records = _skip_done(records, done, summary)
    counted = _Counted(records)
    options = dict(options or {})
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    writer = open_writer(output, format=format, table=table, resume=resume)
    # the workers encode their records for this writer: the parent only writes bytes
    if engine == "local":
        outputs = run_local(counted, options, n_process, encode=writer.encoder)
    else:
        from nlp_news.batch.dask_engine import run_dask

        outputs = run_dask(counted, options, scheduler=scheduler, n_workers=n_process, encode=writer.encoder)

    bar = _progress_bar(show, total, err)
    start = time.perf_counter()
    try:
        with _sigterm_as_interrupt():
            for enc in outputs:
                writer.write_encoded(enc)
                summary.records += 1
                if enc.error:
                    summary.errors += 1
                    summary.error_types[enc.error] += 1
                    if bar is not None:
                        bar.set_postfix(errors=summary.errors, refresh=False)
                if bar is not None:
                    bar.update(1)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        try:
            close = getattr(outputs, "close", None)
            if close is not None:
                close()  # stops the pool / cluster
        finally:
            writer.close()
            if bar is not None:
                bar.close()
            summary.seconds = time.perf_counter() - start
            summary.bytes_in = counted.bytes
            print(summary.line(), file=err, flush=True)
    return summary


def _progress_bar(show: bool, total: int | None, err: IO[str]) -> Any:
    if not show:
        return None
    from tqdm import tqdm

    return _LiveBar(tqdm(total=total, unit=" rec", file=err, dynamic_ncols=True, smoothing=0.1, postfix={"errors": 0}))


class _LiveBar:
    """A tqdm bar that is also redrawn every ``every`` seconds from a thread of its own.

    tqdm draws only when it is updated, at most every 0.1 s: when records stop coming (a feed
    on stdin that is waiting for more), the count shown could stay behind what was written.
    """

    def __init__(self, bar: Any, every: float = 0.5) -> None:
        self.bar, self.every = bar, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._redraw, name="nlp-news-progress", daemon=True)
        self._thread.start()

    def _redraw(self) -> None:
        while not self._stop.wait(self.every):
            self.bar.refresh()

    def update(self, n: int = 1) -> None:
        self.bar.update(n)

    def set_postfix(self, **kw: Any) -> None:
        self.bar.set_postfix(**kw)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.bar.close()


class _sigterm_as_interrupt:
    """Treat SIGTERM like Ctrl-C so the output is closed properly (main thread only)."""

    def __enter__(self) -> None:
        self._old = None
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGTERM, _raise_interrupt)

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt

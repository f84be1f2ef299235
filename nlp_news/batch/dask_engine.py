"""The Dask engine: the same batch run on a Dask distributed cluster.

``nlp-news batch ... --engine dask --scheduler tcp://host:8786`` sends the
input, chunk by chunk, to the workers of a running cluster (with no
``--scheduler``, a :class:`distributed.LocalCluster` on this machine). Each
chunk is one task; a bounded window of tasks is in flight and results are
written in input order, exactly as the local engine writes them.

Each worker process loads the pipeline once: tasks call
:func:`nlp_news.batch.runner.analyze_chunk`, which keeps the loaded analyzer in
a per-process cache keyed by the options. The options, the user dictionary's
*lines* included, are scattered to the workers once, so workers on other
machines need nlp-news installed but not the user's files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from nlp_news.batch.records import error_record, is_error
from nlp_news.batch.runner import CHUNK_RECORDS, Encoder, SubmitWindow, analyze_chunk, chunked

DASK_HINT = "the Dask engine needs dask.distributed: pip install 'nlp-news[dask]'"


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ImportError(DASK_HINT) from None
    return distributed


def dask_chunk(chunk: list[dict[str, Any]], options: dict[str, Any], encode: Encoder | None = None) -> list[Any]:
    """The task run on a worker: analyse one chunk with the worker's cached pipeline
    (and encode its outputs, see :func:`nlp_news.batch.runner.run_local`)."""
    return analyze_chunk(chunk, options, encode)


def run_dask(
    records: Iterable[dict[str, Any]],
    options: dict[str, Any] | None = None,
    *,
    scheduler: str | None = None,
    n_workers: int | None = None,
    client: Any = None,
    chunk_size: int = CHUNK_RECORDS,
    window: int | None = None,
    encode: Encoder | None = None,
) -> Iterator[Any]:
    """Analyse ``records`` on a Dask cluster; yield output records in input order
    (``encode``d on the workers when given, as :func:`nlp_news.batch.runner.run_local` does).

    Pass ``client`` to use an existing :class:`distributed.Client`, or
    ``scheduler`` (``tcp://host:8786``) to connect to one; with neither, a
    LocalCluster of ``n_workers`` single-threaded worker processes is started
    and stopped with the run.
    """
    distributed = _import_distributed()
    options = dict(options or {})
    own_client = own_cluster = None
    if client is None:
        if scheduler:
            try:
                client = own_client = distributed.Client(scheduler, timeout="30s")
            except OSError as e:
                raise ConnectionError(
                    f"cannot reach the Dask scheduler at {scheduler} ({e}); start one with `dask scheduler` "
                    "and workers with `dask worker tcp://HOST:8786`, or drop --scheduler to use this machine"
                ) from None
        else:
            from nlp_news.batch.runner import default_processes

            own_cluster = distributed.LocalCluster(
                n_workers=n_workers or default_processes(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = own_client = distributed.Client(own_cluster)
    try:
        yield from _stream(client, records, options, chunk_size, window, encode)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _stream(
    client: Any,
    records: Iterable[dict[str, Any]],
    options: dict[str, Any],
    chunk_size: int,
    window: int | None,
    encode: Encoder | None = None,
) -> Iterator[Any]:
    distributed = _import_distributed()
    if window is None:
        try:
            threads = sum(client.nthreads().values())
        except Exception:
            threads = 1
        window = max(2 * threads, 2)
    # In a list: a dict given to scatter is scattered value by value (and an empty one fails).
    opts = client.scatter([options], broadcast=True, hash=False)[0]
    win = SubmitWindow(chunked(records, chunk_size), lambda c: client.submit(dask_chunk, c, opts, encode, pure=False), window)
    try:
        for chunk, fut in win:
            try:
                result = fut.result()
            except distributed.KilledWorker as e:
                result = [
                    r
                    if is_error(r)
                    else error_record(
                        r.get("id"),
                        "WorkerCrashed",
                        f"record {r.get('id')!r}: Dask workers died running its chunk ({e}); "
                        "check the workers' memory limit",
                    )
                    for r in chunk
                ]
                if encode is not None:
                    result = [encode(r) for r in result]
            finally:
                fut.release()
            yield from result
    finally:
        win.cancel()

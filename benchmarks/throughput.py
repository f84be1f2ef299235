"""Throughput of nlp-news on real news: KB/s against bare jieba, per stage, per worker.

Run from the repository root (the corpus sits beside the clone in ../shared/data)::

    python benchmarks/throughput.py
    python benchmarks/throughput.py --jobs 1,2 --limit 400

It prints, in one run:

- bare ``jieba.lcut`` KB/s on the corpus (the reference);
- full analysis KB/s through the batch runner (``run_local``) with ``-j 1`` and
  ``-j 2`` (and any other ``--jobs``): wall time including start-up, and steady
  throughput measured from the first result on (start-up is a one-off cost).
  By default the records are encoded as JSONL lines where they were analysed,
  as ``nlp-news batch -o out.jsonl`` does (``--output dicts``: the runner's
  dicts, as the Python API gets them);
- each stage's share of the analysis CPU time, and its own MB/s (normalise, tokenise, each spaCy
  component, collecting the Analysis and its dict);
- peak memory (RSS) of one worker;
- the same ratio measured with bare jieba and the one-process runner taking turns in
  one process, chunk by chunk, which a shared machine's changing speed affects least.

Each measurement runs in a fresh process, so one does not warm or bloat the
next (the jieba reference's dictionary does not count against the workers).
KB are 1024 bytes of UTF-8 input text. The machine is shared: compare figures
from one run, and read the load average printed at the top.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NLP_NEWS_DATA", ROOT / ".." / "shared" / "data"))
CORPUS = DATA / "corpus" / "cnews" / "cnews-800.txt"


def read_corpus(path: Path, limit: int | None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            channel, _, article = line.rstrip("\n").partition("\t")
            if article.strip():
                texts.append(article)
            if limit and len(texts) >= limit:
                break
    return texts


def kbytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


# --------------------------------------------------------------------------- measurements (child processes)


def measure_jieba(texts: list[str]) -> dict:
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.initialize()
    jieba.lcut(texts[0])
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        jieba.lcut(t)
    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def _consume(outputs) -> tuple[int, int]:
    """Count output records and errors without keeping them, as a writer streams them out
    (a list of every output would count against the worker's memory and slow its GC).
    The outputs are dicts, or :class:`~nlp_news.batch.writers.Encoded` records."""
    n = errors = 0
    for out in outputs:
        n += 1
        errors += bool(out.error if hasattr(out, "payload") else out.get("error"))
    return n, errors


def _encoder(output: str):
    from nlp_news.batch.writers import RecordEncoder

    return RecordEncoder("jsonl") if output == "jsonl" else None


def _records(texts: list[str]) -> list[dict]:
    """The batch runner's input records for ``texts`` (ids are positions)."""
    return [{"id": str(i), "text": t, "title": None, "published": None, "fields": {}} for i, t in enumerate(texts)]


def measure_runner(texts: list[str], n_process: int, options: dict, output: str = "jsonl") -> dict:
    from nlp_news.batch.runner import LocalPool, get_analyzer, run_local

    records = _records(texts)
    encode = _encoder(output)
    t0 = time.perf_counter()
    if n_process == 1:
        get_analyzer(options)  # loaded once, cached for run_local
        ready, c0 = time.perf_counter(), time.process_time()
        n_out, n_err = _consume(run_local(iter(records), options, 1, encode=encode))
        end, cpu = time.perf_counter(), time.process_time() - c0
    else:
        with LocalPool(options, n_process) as pool:
            pool.warm()  # every worker has loaded its pipeline
            before = pool.worker_cpu()
            ready, c0 = time.perf_counter(), time.process_time()
            n_out, n_err = _consume(pool.imap(iter(records), encode=encode))
            end, cpu = time.perf_counter(), time.process_time() - c0  # the parent's share only
            after = pool.worker_cpu()
            work_cpu = sum(after[p] - before.get(p, 0.0) for p in after)
    # Peak RSS of one worker: this process for -j 1, the largest pool worker otherwise.
    rss = _peak_rss_mb(resource.RUSAGE_SELF if n_process == 1 else resource.RUSAGE_CHILDREN)
    if n_process == 1:
        work_cpu = cpu
    return {
        "work_cpu": work_cpu,
        "wall": end - t0,
        "startup": ready - t0,
        "steady": end - ready,
        "errors": n_err,
        "records": n_out,
        "rss_mb": rss,
        "cpu": cpu,
    }


def measure_paired(texts: list[str], options: dict, chunk: int = 64) -> dict:
    """Bare jieba and the one-process runner in one process, taking turns chunk by chunk
    (which goes first alternates), so a change in the machine's speed during the run
    slows both alike: the steadiest ratio on a shared machine."""
    import logging

    import jieba

    from nlp_news.batch.runner import get_analyzer, run_local

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.initialize()
    jieba.lcut(texts[0])
    get_analyzer(options)
    cpu = {"jieba": 0.0, "analysis": 0.0}

    def jieba_chunk(part: list[str]) -> None:
        for t in part:
            jieba.lcut(t)

    def analysis_chunk(part: list[str]) -> None:
        _consume(run_local(iter(_records(part)), options, 1))

    for k in range(0, len(texts), chunk):
        part = texts[k : k + chunk]
        turns = [("jieba", jieba_chunk), ("analysis", analysis_chunk)]
        for name, fn in turns if (k // chunk) % 2 == 0 else turns[::-1]:
            c0 = time.process_time()
            fn(part)
            cpu[name] += time.process_time() - c0
    return cpu


def _lean_doc(nlp, norm):
    """The tokenised Doc of a normalised text, as Analyzer._prepare makes it (no published date)."""
    from nlp_news.analyzer import parse_published

    doc = nlp.tokenizer.lean_doc(norm.text)
    doc._.published = parse_published(None)
    doc._.script = norm.script
    return doc


def measure_stages(texts: list[str], options: dict) -> dict:
    import nlp_news
    from nlp_news.analysis import Analysis
    from nlp_news.text.normalize import normalize

    t0 = time.perf_counter()
    analyzer = nlp_news.load(**options)
    load_s = time.perf_counter() - t0
    nlp = analyzer.nlp
    times: dict[str, float] = {"normalise": 0.0, "tokenizer": 0.0}
    for name, _ in nlp.pipeline:
        times[name] = 0.0
    times["collect (offsets, Analysis.to_dict)"] = 0.0
    # As Analyzer.analyze_batch does: batches of 64, stages with pipe() run on the whole batch.
    for i in range(0, len(texts), 64):
        norms, docs = [], []
        for text in texts[i : i + 64]:
            a = time.process_time()
            norm = normalize(text)
            b = time.process_time()
            doc = _lean_doc(nlp, norm)
            times["normalise"] += b - a
            times["tokenizer"] += time.process_time() - b
            norms.append(norm)
            docs.append(doc)
        for name, proc in nlp.pipeline:
            s = time.process_time()
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs)) if pipe is not None else [proc(d) for d in docs]
            times[name] += time.process_time() - s
        s = time.process_time()
        for doc, norm in zip(docs, norms):
            Analysis.from_doc(doc, norm, stages=analyzer.stages).to_dict()
        times["collect (offsets, Analysis.to_dict)"] += time.process_time() - s
    return {"times": times, "load": load_s, "pipe_names": list(nlp.pipe_names)}


def measure_stages_alone(texts: list[str], options: dict) -> dict:
    """Each stage's CPU time in one pass of its own over the whole corpus, once the stages before it
    have run (stage by stage, batches of 64 inside each): what a stage costs alone, without the other
    stages running between its batches (measure_stages interleaves them, as the analyzer does).

    A full garbage collection runs before each pass, outside its time, and the time of the collections
    inside each pass is kept apart (``gc``). The passes hold every Doc of the corpus at once (a streaming run
    holds a batch): a full collection then walks them all (~90 ms on cnews-800), and without the one before
    each pass it lands in whichever stage crosses the collector's threshold, a different one from run to run
    (labels in one, facts in the next: 20% of either). Each pass still pays for the collections its own
    allocations set off."""
    import gc

    import nlp_news
    from nlp_news.text.normalize import normalize

    analyzer = nlp_news.load(**options)
    nlp = analyzer.nlp
    docs = [_lean_doc(nlp, normalize(text)) for text in texts]
    times: dict[str, float] = {}
    in_gc: dict[str, float] = {}
    started, timing = [0.0], [""]  # when the running collection started; the stage whose pass is timed

    def timed(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        elif timing[0]:
            in_gc[timing[0]] += time.process_time() - started[0]

    gc.callbacks.append(timed)
    try:
        for name, proc in nlp.pipeline:
            pipe = getattr(proc, "pipe", None)
            out = []
            gc.collect()
            in_gc[name], timing[0] = 0.0, name
            s = time.process_time()
            for i in range(0, len(docs), 64):
                batch = docs[i : i + 64]
                out.extend(pipe(batch) if pipe is not None else [proc(d) for d in batch])
            times[name] = time.process_time() - s
            timing[0] = ""
            docs = out
    finally:
        gc.callbacks.remove(timed)
    return {"times": times, "gc": in_gc}


def _child(conn, fn_name: str, args: tuple) -> None:
    try:
        conn.send(("ok", globals()[fn_name](*args)))
    except BaseException as e:  # report, don't hang the parent
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def in_child(fn_name: str, *args) -> dict:
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(child, fn_name, args))
    p.start()
    child.close()
    status, value = parent.recv()
    p.join()
    if status != "ok":
        raise SystemExit(f"{fn_name} failed: {value}")
    return value


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--jobs", default="1,2", help="worker counts to measure, comma-separated")
    ap.add_argument("--disable", action="append", default=[], help="switch a stage off (repeatable)")
    ap.add_argument(
        "--output",
        choices=["jsonl", "dicts"],
        default="jsonl",
        help="-j runs: encode JSONL lines in the workers as `nlp-news batch` does (default), or hand back dicts",
    )
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} not found; set NLP_NEWS_DATA to the shared data folder")
    texts = read_corpus(args.corpus, args.limit)
    kb = kbytes(texts)
    options = {"disable": args.disable} if args.disable else {}
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    load1, load5, _ = os.getloadavg()
    print(f"corpus: {args.corpus.name}, {len(texts)} articles, {kb:.0f} KB UTF-8, {sum(map(len, texts)):,} chars")
    print(f"machine: {os.cpu_count()} CPUs, load average {load1:.2f} (1 min) {load5:.2f} (5 min)")
    if options:
        print(f"options: {options}")
    from nlp_news.entities import crf
    from nlp_news.numeric import WHY_FROM_SOURCE

    print(f"entity tagger kernel: {'compiled (_chain)' if crf.kernel else 'numpy: ' + str(crf.KERNEL_ERROR)}")
    source = {name: why for name, why in WHY_FROM_SOURCE.items() if why}
    print(f"facts rules: {'compiled (Cython)' if not source else f'Python for {sorted(source)}: ' + next(iter(source.values()))}")
    print(
        "-j runs: "
        + ("analysis and JSONL encoding in the workers, as `nlp-news batch -o out.jsonl`" if args.output == "jsonl"
           else "analysis records as dicts, as the Python API gets them")
        + "; the paired ratio: analysis only"
    )

    ref = in_child("measure_jieba", texts)
    ref_kbs = kb / ref["seconds"]
    print(
        f"\nbare jieba.lcut            {ref_kbs:8.0f} KB/s   ({ref['seconds']:.2f} s)   reference;"
        f"  per CPU-second {kb / ref['cpu']:.0f} KB/s"
    )

    results = {}
    for n in jobs:
        r = in_child("measure_runner", texts, n, options, args.output)
        results[n] = r
        steady = kb / r["steady"]
        print(
            f"full analysis -j {n:<2}        {steady:8.0f} KB/s   ({r['steady']:.2f} s) x{steady / ref_kbs:.2f} of jieba;"
            f"  start-up {r['startup']:.1f} s (wall incl. start-up {kb / r['wall']:.0f} KB/s);"
            f"  peak RSS per worker {r['rss_mb']:.0f} MB;  errors {r['errors']}/{r['records']}"
        )
        if n == 1:
            cpu_kbs = kb / r["cpu"]
            print(
                f"    per CPU-second {cpu_kbs:.0f} KB/s = x{cpu_kbs / (kb / ref['cpu']):.2f} of jieba"
                " (robust to other load on the machine)"
            )
        else:
            print(
                f"    workers used {r['work_cpu']:.2f} CPU-s, the coordinating process {r['cpu']:.2f} CPU-s"
                f" ({100 * r['cpu'] / r['steady']:.0f}% of a core)"
            )
            if 1 in results:
                eff = results[1]["work_cpu"] / (r["work_cpu"] + r["cpu"])
                print(
                    f"    CPU per KB vs -j 1: efficiency {eff:.2f}, so on {n} idle cores about x{n * eff:.2f}"
                    " (the wall-clock speed-up below depends on how busy the machine is)"
                )
    if 1 in results and len(results) > 1:
        for n, r in results.items():
            if n != 1:
                print(f"speed-up -j {n} / -j 1: x{results[1]['steady'] / r['steady']:.2f}")

    if 1 in results:
        pair = in_child("measure_paired", texts, options)
        print(
            f"paired in one process (bare jieba and -j 1 taking turns per 64 articles): jieba {pair['jieba']:.2f} CPU-s,"
            f" full analysis {pair['analysis']:.2f} CPU-s: x{pair['jieba'] / pair['analysis']:.2f} of jieba"
            " (the steadiest ratio on a busy machine)"
        )

    st = in_child("measure_stages", texts, options)
    total = sum(st["times"].values())
    print(
        f"\nstage shares in CPU time (one process, batches of 64, {total:.2f} s = {kb / total:.0f} KB/s per CPU-second;"
        f" pipeline load {st['load']:.2f} s wall):"
    )
    for name, sec in st["times"].items():
        print(f"  {name:<38} {100 * sec / total:5.1f} %   {sec:6.2f} s   {kb / 1024 / sec if sec else float('inf'):6.1f} MB/s")

    alone = in_child("measure_stages_alone", texts, options)
    print(
        "\neach stage alone (one pass of its own over the corpus, after the stages before it; CPU time; a full"
        " garbage collection before each pass, untimed; gc: the collections inside the pass, included):"
    )
    for name, sec in alone["times"].items():
        print(
            f"  {name:<38} {sec:6.2f} s   {kb / 1024 / sec if sec else float('inf'):6.1f} MB/s"
            f"   (gc {alone['gc'].get(name, 0.0):.2f} s)"
        )


if __name__ == "__main__":
    main()

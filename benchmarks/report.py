"""Time and size of the batch report (``nlp-news report``) for the 800-article corpus.

Run from the repository root (the corpus sits beside the clone in ../shared/data)::

    python benchmarks/report.py                      # analyse the corpus, then build the report
    python benchmarks/report.py --jsonl scored.jsonl # build the report from an existing batch output

First the corpus (``channel<TAB>article`` lines) is analysed with ``nlp-news batch``
into a JSONL file in a temporary folder (or ``--keep DIR``); that step is not timed
here (see benchmarks/throughput.py). Then ``render_batch(read_output(jsonl))`` is
timed, best of ``--repeat`` runs: reading and parsing the JSONL, aggregating and
rendering the page. It prints the seconds, the page size in MB and the peak memory
of the process. The issue asks for under 10 s and under 5 MB.

``--spread-dates`` gives the articles made-up ``published`` dates spread over a year
(the corpus has none), only so the sentiment-over-time chart is drawn and timed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NLP_NEWS_DATA", ROOT / ".." / "shared" / "data"))
CORPUS = DATA / "corpus" / "cnews" / "cnews-800.txt"


def write_input(corpus: Path, out: Path, *, spread_dates: bool) -> int:
    n = 0
    start = dt.date(2025, 1, 1)
    with open(corpus, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            channel, _, article = line.rstrip("\n").partition("\t")
            if not article.strip():
                continue
            n += 1
            rec = {"id": f"cnews-{n:04d}", "text": article, "channel": channel}
            if spread_dates:
                rec["published"] = (
                    start + dt.timedelta(days=(n * 7) % 365)
                ).isoformat()
            dst.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--jsonl", type=Path, help="an existing `nlp-news batch` output to report on"
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=2,
        help="workers for `nlp-news batch` (default 2)",
    )
    ap.add_argument(
        "--keep", type=Path, help="folder to keep the batch output and the page in"
    )
    ap.add_argument(
        "--spread-dates",
        action="store_true",
        help="give articles made-up dates (see above)",
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="STAGE",
        help="passed to `nlp-news batch`",
    )
    args = ap.parse_args()

    from nlp_news.report.html import read_output, render_batch

    work = args.keep or Path(tempfile.mkdtemp(prefix="nlp-news-report-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl = args.jsonl
    if jsonl is None:
        if not args.corpus.exists():
            sys.exit(
                f"corpus not found at {args.corpus}; set NLP_NEWS_DATA or pass --corpus / --jsonl"
            )
        inp = work / "input.jsonl"
        n = write_input(args.corpus, inp, spread_dates=args.spread_dates)
        jsonl = work / "scored.jsonl"
        print(
            f"analysing {n} articles with nlp-news batch -j {args.jobs} ...", flush=True
        )
        t0 = time.perf_counter()
        cmd = [
            sys.executable,
            "-c",
            "from nlp_news.cli import main; main()",
            "batch",
            str(inp),
            "-o",
            str(jsonl),
            "-j",
            str(args.jobs),
            "--no-progress",
        ]
        cmd += [f"--disable={stage}" for stage in args.disable]
        done = subprocess.run(cmd, check=False)
        if done.returncode not in (0, 1):  # 1: some articles became error records
            sys.exit(f"nlp-news batch failed with status {done.returncode}")
        print(
            f"  batch: {time.perf_counter() - t0:.1f} s -> {jsonl} ({jsonl.stat().st_size / 1e6:.1f} MB)"
        )

    with open(jsonl, "rb") as fh:
        lines = sum(1 for _ in fh)
    if not lines:
        sys.exit(f"{jsonl} has no records; see the errors above")
    best = float("inf")
    page = ""
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        page = render_batch(read_output(jsonl), title=f"nlp-news report: {jsonl.name}")
        best = min(best, time.perf_counter() - t0)
    size = len(page.encode("utf-8"))
    out = work / "report.html"
    out.write_text(page, encoding="utf-8")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"records: {lines} ({jsonl.stat().st_size / 1e6:.1f} MB of JSONL)")
    print(
        f"render_batch: {best:.2f} s (best of {args.repeat}), page {size / 1e6:.2f} MB -> {out}"
    )
    print(f"peak memory of this process: {rss:.0f} MB")
    print(
        f"targets: < 10 s {'ok' if best < 10 else 'MISSED'}, < 5 MB {'ok' if size < 5e6 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()

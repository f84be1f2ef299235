"""Cold start of `nlp-news analyze` against bare jieba, in the same run.

Prints the median wall time and CPU time (user + system) of N fresh processes
for each command, and the ratios (target: at most 2x bare jieba). The runs of
the two commands alternate, so a change in the machine's load hits both; on a
busy machine the CPU-time ratio is the steadier figure. Children run with
bytecode caching on (as an installed package has it), whatever
PYTHONDONTWRITEBYTECODE says here. Usage:

    python benchmarks/startup.py [--runs 7] [--sample samples/ipo-finance.txt]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sample", default=str(ROOT / "samples" / "ipo-finance.txt"))
    args = ap.parse_args()
    exe = shutil.which("nlp-news", path=os.path.dirname(sys.executable)) or shutil.which("nlp-news")
    analyze = [exe, "analyze", args.sample] if exe else [sys.executable, "-m", "nlp_news.cli", "analyze", args.sample]
    jieba_cmd = [sys.executable, "-c", "import jieba; jieba.lcut('深言科技今年前三季度营收增长两成')"]
    # One untimed run each: jieba builds its dictionary cache, Python its bytecode.
    run(jieba_cmd)
    run(analyze)
    j, a = [], []
    for _ in range(args.runs):
        j.append(run(jieba_cmd))
        a.append(run(analyze))
    load = os.getloadavg()[0]
    jw, jc = statistics.median(w for w, _ in j), statistics.median(c for _, c in j)
    aw, ac = statistics.median(w for w, _ in a), statistics.median(c for _, c in a)
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f} (1 min)")
    print(f"bare jieba (import + lcut)      median {jw:.3f} s wall (min {min(w for w, _ in j):.3f}), {jc:.3f} s CPU")
    name = Path(args.sample).name
    print(f"nlp-news analyze {name:<14} median {aw:.3f} s wall (min {min(w for w, _ in a):.3f}), {ac:.3f} s CPU")
    print(f"ratio {aw / jw:.2f}x wall, {ac / jc:.2f}x CPU  (target <= 2.0x)")


if __name__ == "__main__":
    main()

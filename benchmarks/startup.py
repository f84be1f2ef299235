"""Cold start of `nlp-news analyze` against bare jieba, in the same run.

Prints the median wall time of N fresh processes for each command and the
ratio (target: at most 2x bare jieba). Usage:

    python benchmarks/startup.py [--runs 7] [--sample samples/ipo-finance.txt]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sample", default=str(ROOT / "samples" / "ipo-finance.txt"))
    args = ap.parse_args()
    exe = shutil.which("nlp-news", path=os.path.dirname(sys.executable)) or shutil.which("nlp-news")
    analyze = [exe, "analyze", args.sample] if exe else [sys.executable, "-m", "nlp_news.cli", "analyze", args.sample]
    jieba_cmd = [sys.executable, "-c", "import jieba; jieba.lcut('深言科技今年前三季度营收增长两成')"]
    # One untimed run each: jieba builds its dictionary cache, Python its bytecode.
    wall(jieba_cmd, 1)
    wall(analyze, 1)
    j = wall(jieba_cmd, args.runs)
    a = wall(analyze, args.runs)
    jm, am = statistics.median(j), statistics.median(a)
    print(f"bare jieba (import + lcut)      median {jm:.3f} s  (min {min(j):.3f})")
    print(f"nlp-news analyze {Path(args.sample).name:<14} median {am:.3f} s  (min {min(a):.3f})")
    print(f"ratio {am / jm:.2f}x  (target <= 2.0x)")


if __name__ == "__main__":
    main()

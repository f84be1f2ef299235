"""A real ``nlp-news batch`` process killed mid-run, then resumed: every record once, in order."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp_news.cli.batch import batch
from tests.batch_support import cli_options, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "星海科技今年第{n}季度营收增长{p}%，达到{m}亿元。",
    "南湖市第{n}批保障房项目开工，计划建设{m}套住房。",
    "东江队第{n}轮比赛以{p}比1获胜，约{m}名球迷到场。",
]


def feed(path: Path, n: int) -> list[str]:
    records = [
        {"id": f"k{i:05d}", "text": SENTENCES[i % 3].format(n=i % 4 + 1, p=i % 9 + 1, m=i % 50 + 3)} for i in range(n)
    ]
    write_jsonl(path, records)
    return [r["id"] for r in records]


def start(args: list[str], stdin: int | None = None) -> subprocess.Popen:
    code = "import sys; from nlp_news.cli.batch import batch; batch(sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args, *cli_options()],
        cwd=ROOT,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for(cond, proc: subprocess.Popen, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_sigkill_writes_every_record_once(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    ids = feed(src, 600)
    out = tmp_path / f"out.{fmt}"
    # the first 300 records through stdin, kept open: the run cannot end before the kill
    proc = start(["-", "-o", str(out), "-j", "1"], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b"".join(src.read_bytes().splitlines(keepends=True)[:300]))
    proc.stdin.flush()
    killed = wait_for(lambda: out.exists() and out.stat().st_size > 2000, proc)
    proc.kill()
    proc.wait()
    proc.stdin.close()
    assert killed, proc.stderr.read().decode("utf-8", "replace")[-500:] if proc.stderr else "no output"
    r = CliRunner().invoke(batch, [str(src), "-o", str(out), "-j", "1", "--resume", *cli_options()])
    assert r.exit_code == 0, r.output
    if fmt == "jsonl":
        got = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        import pandas as pd

        got = list(pd.read_csv(out)["id"])
    assert got == ids


def test_ctrl_c_leaves_a_valid_parquet_file_that_resume_completes(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src = tmp_path / "in.jsonl"
    ids = feed(src, 600)
    out = tmp_path / "out.parquet"
    # The first 300 records come through stdin, which stays open: the run cannot end before
    # the interrupt, however fast it is (from a file it sometimes finished first).
    proc = start(["-", "-o", str(out), "-j", "1", "--progress"], stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b"".join(src.read_bytes().splitlines(keepends=True)[:300]))
    proc.stdin.flush()
    # the progress bar (forced on) counts records written: interrupt after a few hundred
    seen = bytearray()
    os.set_blocking(proc.stderr.fileno(), False)

    def progressed() -> bool:
        try:
            seen.extend(os.read(proc.stderr.fileno(), 65536))
        except BlockingIOError:
            pass
        counts = [int(m) for m in re.findall(rb"(\d+) rec \[", bytes(seen))]
        return bool(counts) and max(counts) >= 200

    assert wait_for(progressed, proc), f"no progress to interrupt: {bytes(seen)[-500:]!r}"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    proc.stdin.close()
    assert proc.returncode == 130
    first = pd.read_parquet(out)
    assert 200 <= len(first) <= 300 and list(first["id"]) == ids[: len(first)]
    r = CliRunner().invoke(batch, [str(src), "-o", str(out), "-j", "1", "--resume", *cli_options()])
    assert r.exit_code == 0, r.output
    assert list(pd.read_parquet(out)["id"]) == ids

"""nlp-news batch: every input format, every output format, error records, resume, the CLI."""

from __future__ import annotations

import gzip
import io
import json
import time

import pytest
from click.testing import CliRunner

from nlp_news.batch.records import Fields, iter_records, read_csv, read_jsonl
from nlp_news.batch.runner import get_analyzer, run_local
from nlp_news.batch.writers import COLUMNS, Encoded, RecordEncoder, prepare_resume
from nlp_news.cli.batch import batch
from tests.batch_support import ARTICLES, cli_options, options, write_jsonl
from tests.batch_support import read_jsonl as load_jsonl

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

# --------------------------------------------------------------------------- cases

JSONL_LINES = [
    # (raw line, expected id, expected error type or None)
    (b'{"id": "a", "text": "\xe6\x96\xb0\xe9\x97\xbb\xe6\xad\xa3\xe6\x96\x87"}', "a", None),
    (b'{"text": "\xe6\xb2\xa1\xe6\x9c\x89\xe7\xbc\x96\xe5\x8f\xb7"}', "line:2", None),
    (b"{not json", "line:3", "InvalidJSON"),
    (b'["a", "list"]', "line:4", "NotAnObject"),
    (b'{"id": "e", "text": "   "}', "e", "EmptyText"),
    (b'{"id": "m", "title": "\xe6\xa0\x87\xe9\xa2\x98"}', "m", "MissingText"),
    (b'{"id": "n", "text": 42}', "n", "InvalidText"),
    (b'{"id": "b", "text": "\xff\xfe\x00junk\x9c"}', "line:8", "UndecodableBytes"),
    (b'{"id": "s", "text": "\\ud800"}', "s", "UndecodableText"),
    (b"\x00\x01\x02", "line:10", "InvalidJSON"),
]


def run_cli(args, **kw):
    return CliRunner().invoke(batch, [*args, *cli_options()], catch_exceptions=False, **kw)


def by_id(records):
    return {r["id"]: r for r in records}


# --------------------------------------------------------------------------- readers


def test_jsonl_reader_gives_one_record_or_error_per_line():
    data = b"\n".join(line for line, _, _ in JSONL_LINES) + b"\n\n"
    got = list(read_jsonl(io.BytesIO(data), name="feed.jsonl"))
    assert [(r["id"], r.get("error", {}).get("type")) for r in got] == [(i, t) for _, i, t in JSONL_LINES]
    assert got[1]["text"] == "没有编号"
    assert "feed.jsonl line 3" in got[2]["error"]["message"]


def test_jsonl_reader_passes_other_fields_through_and_honours_field_names():
    line = json.dumps({"doc": "x1", "body": "正文内容", "head": "标题", "date": "2025-01-02", "url": "u", "k": [1]})
    (rec,) = read_jsonl(io.BytesIO(line.encode()), fields=Fields("doc", "body", "head", "date"))
    assert (rec["id"], rec["text"], rec["title"], rec["published"]) == ("x1", "正文内容", "标题", "2025-01-02")
    assert rec["fields"] == {"url": "u", "k": [1]}


def test_jsonl_reader_streams_without_reading_the_whole_file():
    pulled = []

    def lines():
        for i in range(1_000_000):
            pulled.append(i)
            yield json.dumps({"id": str(i), "text": "第一"}).encode() + b"\n"

    reader = read_jsonl(lines())
    assert [next(reader)["id"] for _ in range(3)] == ["0", "1", "2"]
    assert len(pulled) == 3


def test_csv_reader_uses_field_options_and_keeps_quoted_line_breaks(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text(
        '编号,正文,标题,日期,来源\nc1,"第一段。\n\n第二段。",标题一,2025-05-01,网站\nc2,,空文章,,\nc3,只有正文。,,,\n',
        encoding="utf-8-sig",
    )
    with open(p, "rb") as fh:
        got = list(read_csv(fh, fields=Fields("编号", "正文", "标题", "日期"), name=str(p)))
    assert [r["id"] for r in got] == ["c1", "c2", "c3"]
    assert got[0]["text"] == "第一段。\n\n第二段。" and got[0]["fields"] == {"来源": "网站"}
    assert got[1]["error"]["type"] == "EmptyText"
    assert got[2]["title"] is None


def test_csv_row_with_bytes_of_another_encoding_is_one_error(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_bytes(
        "id,text\nok1,正常的一行。\n".encode()
        + b"bad,"
        + "国标编码".encode("gbk")
        + b"\nok2,\xe5\x8f\xa6\xe4\xb8\x80\xe8\xa1\x8c\n"
    )
    got = list(iter_records([str(p)]))
    assert [(r["id"], r.get("error", {}).get("type")) for r in got] == [
        ("ok1", None),
        ("line:3", "UndecodableBytes"),
        ("ok2", None),
    ]
    assert "--encoding gb18030" in got[1]["error"]["message"]


def test_csv_without_the_text_column_says_which_option_to_use(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,body\n1,正文\n", encoding="utf-8")
    (err,) = iter_records([str(p)])
    assert err["error"]["type"] == "MissingColumn" and "--text-field" in err["error"]["message"]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>示例新闻</title><link>https://example.invalid/</link>
<item><title>第一条</title><link>https://example.invalid/1</link><guid>n1</guid>
<pubDate>Wed, 15 Oct 2025 08:00:00 +0800</pubDate>
<description>&lt;p&gt;星海科技宣布营收增长&lt;b&gt;20%&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;公司将扩大生产。&lt;/p&gt;</description></item>
<item><title>第二条</title><link>https://example.invalid/2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>示例</title><id>urn:feed</id><updated>2025-10-01T00:00:00Z</updated>
<entry><title>原子条目</title><id>urn:a1</id><updated>2025-10-02T03:04:05Z</updated>
<link href="https://example.invalid/a1"/>
<summary>摘要不应被使用。</summary>
<content type="html">&lt;div&gt;&lt;p&gt;南湖市统计局公布房价下降0.8%。&lt;/p&gt;&lt;/div&gt;</content></entry>
</feed>"""


def test_rss_items_become_records_with_html_stripped(tmp_path):
    p = tmp_path / "news.rss"
    p.write_text(RSS, encoding="utf-8")
    first, second = iter_records([str(p)])
    assert first["id"] == "n1" and first["title"] == "第一条"
    assert "<" not in first["text"] and "星海科技宣布营收增长" in first["text"] and "20%" in first["text"]
    assert first["published"] == "2025-10-15T00:00:00Z"
    assert first["fields"]["url"] == "https://example.invalid/1"
    assert second["id"] == "https://example.invalid/2" and second["error"]["type"] in {"EmptyText", "MissingText"}


def test_atom_entry_uses_content_before_summary(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text(ATOM, encoding="utf-8")
    (rec,) = iter_records([str(p)])
    assert rec["id"] == "urn:a1" and rec["published"] == "2025-10-02T03:04:05Z"
    assert "南湖市统计局公布房价下降0.8%" in rec["text"] and "摘要" not in rec["text"]


def make_tree(root):
    (root / "2025" / "10").mkdir(parents=True)
    (root / "2025" / "10" / "a.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    (root / "2025" / "10" / "b.txt").write_bytes(ARTICLES[1]["text"].encode("gb18030"))
    html = (
        "<html><head><title>联赛收官</title></head><body><article><h1>联赛收官</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLES[2]["text"].split("\n\n"))
        + "</article><footer>版权所有</footer></body></html>"
    )
    (root / "2025" / "c.html").write_text(html, encoding="utf-8")
    (root / "d.txt.gz").write_bytes(gzip.compress(ARTICLES[3]["text"].encode()))
    (root / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "notes.md").write_text("不是文章", encoding="utf-8")


def test_directory_gives_one_record_per_file_with_relative_ids(tmp_path):
    make_tree(tmp_path / "news")
    got = by_id(iter_records([str(tmp_path / "news")]))
    assert sorted(got) == ["2025/10/a.txt", "2025/10/b.txt", "2025/c.html", "d.txt.gz", "empty.txt", "junk.txt"]
    assert got["2025/10/b.txt"]["text"] == ARTICLES[1]["text"]  # GB18030 detected
    assert "东江队" in got["2025/c.html"]["text"] and "<p>" not in got["2025/c.html"]["text"]
    assert got["d.txt.gz"]["text"] == ARTICLES[3]["text"]
    assert got["junk.txt"]["error"]["type"] == "UndecodableBytes"
    assert got["empty.txt"]["error"]["type"] == "EmptyText"


def test_glob_selects_matching_files(tmp_path, monkeypatch):
    make_tree(tmp_path / "news")
    monkeypatch.chdir(tmp_path)
    got = [r["id"] for r in iter_records(["news/**/*.txt"])]
    assert got == ["news/2025/10/a.txt", "news/2025/10/b.txt", "news/empty.txt", "news/junk.txt"]


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_stdin_is_read_and_sniffed(compress):
    data = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2]).encode()
    if compress:
        data = gzip.compress(data)
    got = list(iter_records(["-"], stdin=io.BytesIO(data)))
    assert [r["id"] for r in got] == ["tech-1", "city-2"]


def test_gzipped_jsonl_and_csv_read_like_plain_ones(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress((tmp_path / "a.jsonl").read_bytes()))
    pd.DataFrame(ARTICLES).to_csv(tmp_path / "a.csv.gz", index=False, compression="gzip")
    plain = list(iter_records([str(tmp_path / "a.jsonl")]))
    assert list(iter_records([str(tmp_path / "a.jsonl.gz")])) == plain
    from_csv = list(iter_records([str(tmp_path / "a.csv.gz")]))
    assert [(r["id"], r["text"]) for r in from_csv] == [(r["id"], r["text"]) for r in plain]


def test_several_inputs_prefix_line_ids_with_the_input(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"text": "第一篇文章。"}\n', encoding="utf-8")
    (tmp_path / "y.jsonl").write_text('{"text": "第二篇文章。"}\n', encoding="utf-8")
    got = [r["id"] for r in iter_records([str(tmp_path / "x.jsonl"), str(tmp_path / "y.jsonl")])]
    assert got == [f"{tmp_path.as_posix()}/x.jsonl:line:1", f"{tmp_path.as_posix()}/y.jsonl:line:1"]


# --------------------------------------------------------------------------- analysis and outputs


@pytest.fixture(scope="module")
def reference():
    """Each test article analysed directly with the API, as a dict."""
    a = get_analyzer(options())
    out = {}
    for art in ARTICLES:
        out[art["id"]] = a.analyze(art["text"], title=art.get("title"), published=art.get("published")).to_dict()
    return out


@pytest.fixture()
def wire(tmp_path):
    p = tmp_path / "wire.jsonl"
    write_jsonl(p, ARTICLES)
    return p


def test_jsonl_output_is_analysis_to_dict_plus_id_and_passthrough(wire, tmp_path, reference):
    out = tmp_path / "out.jsonl"
    r = run_cli([str(wire), "-o", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    got = load_jsonl(out)
    assert [g["id"] for g in got] == [a["id"] for a in ARTICLES]
    for g, art in zip(got, ARTICLES, strict=True):
        extra = {k: v for k, v in art.items() if k not in ("id", "text", "title", "published")}
        assert g == {"id": art["id"], **reference[art["id"]], **extra}
        assert g["schema"] == "nlp-news/1"


def test_summary_line_goes_to_stderr_and_no_progress_bar_off_a_terminal(wire, tmp_path):
    r = CliRunner().invoke(batch, [str(wire), "-o", str(tmp_path / "o.jsonl"), "-j", "1", *cli_options()])
    assert r.exit_code == 0
    (line,) = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert line.startswith("nlp-news batch: 4 records, 0 errors,") and "KB/s" in line
    assert "rec/s" not in r.stderr and "it/s" not in r.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("table", ["articles", "entities", "facts", "paragraphs"])
def test_tables_load_back_with_pandas(wire, tmp_path, reference, fmt, table):
    out = tmp_path / f"out.{fmt}"
    r = run_cli([str(wire), "-o", str(out), "--table", table, "-j", "1"])
    assert r.exit_code == 0, r.output
    df = (
        pd.read_csv(out, dtype={"id": str}, keep_default_na=False, na_values=[""])
        if fmt == "csv"
        else pd.read_parquet(out)
    )
    assert list(df.columns) == [c for c, _ in COLUMNS[table]]
    if table == "articles":
        assert list(df["id"]) == [a["id"] for a in ARTICLES]
        for _, row in df.iterrows():
            ref = reference[row["id"]]
            assert row["n_entities"] == len(ref["entities"]) and row["n_facts"] == len(ref["facts"])
            assert row["n_paragraphs"] == len(ref["paragraphs"])
            if ref["sentiment"]:
                assert row["sentiment"] == ref["sentiment"]["label"]
        assert df.loc[df["id"] == "tech-1", "url"].item() == "https://example.invalid/tech-1"
        assert json.loads(df.loc[df["id"] == "tech-1", "fields"].item()) == {"channel": "科技"}
    else:
        key = table
        expected = [(a["id"], i) for a in ARTICLES for i, _ in enumerate(reference[a["id"]][key])]
        assert list(zip(df["id"], df["n"], strict=True)) == expected
        if table == "paragraphs" and len(df):
            ref = reference["tech-1"]
            p0 = ref["paragraphs"][0]
            assert df.iloc[0]["text"] == ref["text"][p0["start"] : p0["end"]].replace("\n", " ")
        if table == "facts" and len(df):
            ref_facts = [f for a in ARTICLES for f in reference[a["id"]]["facts"]]
            assert list(df["kind"]) == [f["kind"] for f in ref_facts]
            # a null value (a relative date with no published date) is an empty cell
            assert [json.loads(v) if isinstance(v, str) else None for v in df["value"]] == [f["value"] for f in ref_facts]
        if table == "entities" and len(df):
            ref_ents = [e for a in ARTICLES for e in reference[a["id"]]["entities"]]
            assert list(df["text"]) == [e["text"] for e in ref_ents]


def test_output_format_follows_the_suffix(wire, tmp_path):
    out = tmp_path / "o.parquet"
    assert run_cli([str(wire), "-o", str(out), "-j", "1"]).exit_code == 0
    assert len(pd.read_parquet(out)) == len(ARTICLES)


# --------------------------------------------------------------------------- nothing lost


def dirty_feed(path):
    """Good articles among malformed lines, empty texts, binary junk and a 5 MB article."""
    big = "星海科技持续扩大投资，市场反应积极。" * (5 * 1024 * 1024 // 54 + 1)  # > 5 MB of UTF-8
    lines = [
        json.dumps(ARTICLES[0], ensure_ascii=False).encode(),
        b'{"id": "broken", "text": "unterminated',
        json.dumps({"id": "empty", "text": ""}).encode(),
        bytes(range(128, 256)) * 3,
        json.dumps(ARTICLES[1], ensure_ascii=False).encode(),
        json.dumps({"id": "big", "text": big}, ensure_ascii=False).encode(),
        json.dumps({"id": "blank", "text": " \n\u3000 "}).encode(),
        json.dumps(ARTICLES[2], ensure_ascii=False).encode(),
        b"\x00\x00\x00\x00",
        json.dumps(ARTICLES[3], ensure_ascii=False).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert len(big.encode()) > 5 * 1024 * 1024


EXPECTED_DIRTY = [
    ("tech-1", None),
    ("line:2", "InvalidJSON"),
    ("empty", "EmptyText"),
    ("line:4", "UndecodableBytes"),
    ("city-2", None),
    ("big", "TextTooLongError"),
    ("blank", "EmptyText"),
    ("sport-3", None),
    ("line:9", "InvalidJSON"),
    ("fin-4", None),
]


def test_dirty_feed_gives_one_error_per_bad_input_and_every_good_record(tmp_path, reference):
    feed = tmp_path / "dirty.jsonl"
    dirty_feed(feed)
    out = tmp_path / "out.jsonl"
    r = run_cli([str(feed), "-o", str(out), "-j", "1"])
    assert r.exit_code == 1  # errors were written
    got = load_jsonl(out)
    assert [(g["id"], g.get("error", {}).get("type")) for g in got] == EXPECTED_DIRTY
    assert "--max-chars" in by_id(got)["big"]["error"]["message"]
    assert by_id(got)["sport-3"]["entities"] == reference["sport-3"]["entities"]
    assert "6 errors" in r.stderr


def test_a_raised_max_chars_analyses_the_5mb_article(tmp_path):
    big = "星海科技持续扩大投资。" * 160_000  # 1.76 M characters, 5.3 MB
    feed = tmp_path / "big.jsonl"
    write_jsonl(feed, [{"id": "big", "text": big}])
    (out,) = run_local(
        iter_records([str(feed)]), options(max_chars=3_000_000, disable=["entities", "facts", "labels"]), 1
    )
    assert "error" not in out and len(out["text"]) == len(big)


def test_an_exception_inside_analysis_becomes_an_error_record_and_the_run_goes_on():
    opts = options(loader="tests.batch_support:crashy_load")
    recs = [
        {"id": "ok", "text": ARTICLES[0]["text"], "fields": {"k": 1}},
        {"id": "bad", "text": "【异常】这篇文章让某个阶段出错。", "fields": {"k": 2}},
        {"id": "ok2", "text": ARTICLES[1]["text"]},
    ]
    got = list(run_local(recs, opts, 1))
    assert [g["id"] for g in got] == ["ok", "bad", "ok2"]
    assert got[1]["error"]["type"] == "RuntimeError" and "a stage failed" in got[1]["error"]["message"]
    assert got[1]["k"] == 2 and "error" not in got[2]


def test_one_process_run_freezes_the_loaded_pipeline_for_the_collector_and_thaws_after():
    import gc

    from nlp_news.batch.runner import BATCH_GC_THRESHOLD

    recs = [{"id": str(i), "text": a["text"]} for i, a in enumerate(ARTICLES[:2])]
    assert gc.get_freeze_count() == 0
    before = gc.get_threshold()
    outputs = run_local(iter(recs), options(), 1)
    first = next(outputs)
    assert gc.get_freeze_count() > 0  # the pipeline is out of the full collections' way
    assert gc.get_threshold() == (max(before[0], BATCH_GC_THRESHOLD), *before[1:])  # young objects: less often
    rest = list(outputs)
    assert gc.get_freeze_count() == 0  # and nothing stays frozen once the run is over
    assert gc.get_threshold() == before  # nor the collector changed
    assert [o["id"] for o in [first, *rest]] == ["0", "1"] and not any("error" in o for o in [first, *rest])


def test_worker_pool_keeps_input_order_survives_a_dying_worker_and_matches_one_process():
    opts = options(loader="tests.batch_support:crashy_load")
    recs = []
    for i in range(40):
        art = ARTICLES[i % len(ARTICLES)]
        recs.append({"id": f"r{i}", "text": art["text"], "title": art.get("title"), "published": art.get("published")})
    recs[13] = {"id": "r13", "text": "【崩溃】这篇文章让工作进程退出。"}
    recs[27] = {"id": "r27", "text": "【异常】这篇文章让某个阶段出错。"}
    pooled = list(run_local(iter(recs), opts, 2, chunk_size=4))
    assert [p["id"] for p in pooled] == [r["id"] for r in recs]
    assert pooled[13]["error"]["type"] == "WorkerCrashed"
    assert pooled[27]["error"]["type"] == "RuntimeError"
    ok = [r for i, r in enumerate(recs) if i not in (13, 27)]
    single = list(run_local(iter(ok), opts, 1))
    assert [p for i, p in enumerate(pooled) if i not in (13, 27)] == single


@pytest.mark.parametrize("fmt,table", [("jsonl", "articles"), ("csv", "entities"), ("parquet", "facts")])
def test_workers_encode_what_the_writer_would_encode_crashed_records_too(fmt, table):
    # nlp-news batch has the workers encode their records (the parent only writes bytes):
    # the encoded records of a pool, a crash among them, are the parent's encoding of its dicts
    opts = options(loader="tests.batch_support:crashy_load")
    recs = [{"id": f"r{i}", "text": ARTICLES[i % len(ARTICLES)]["text"]} for i in range(6)]
    recs[2] = {"id": "r2", "text": "【崩溃】这篇文章让工作进程退出。"}
    enc = RecordEncoder(fmt, table)
    pooled = list(run_local(iter(recs), opts, 2, chunk_size=2, encode=enc))
    assert all(isinstance(e, Encoded) for e in pooled)
    assert [e.id for e in pooled] == [r["id"] for r in recs]
    assert [e.error for e in pooled] == [None, None, "WorkerCrashed", None, None, None]
    dicts = list(run_local(iter(recs[:2] + recs[3:]), opts, 1))  # this process would not survive r2
    assert pooled[:2] + pooled[3:] == [enc(d) for d in dicts]
    assert pooled[2].payload and not isinstance(pooled[2].payload, dict)


# --------------------------------------------------------------------------- resume


@pytest.mark.parametrize(
    "fmt,table", [("jsonl", "articles"), ("csv", "articles"), ("csv", "paragraphs"), ("jsonl", "paragraphs")]
)
def test_resume_after_a_kill_completes_the_output_without_duplicates(tmp_path, fmt, table):
    many = tmp_path / "many.jsonl"
    write_jsonl(many, [{**a, "id": f"{a['id']}-{k}"} for k in range(3) for a in ARTICLES])
    full = tmp_path / f"full.{fmt}"
    assert run_cli([str(many), "-o", str(full), "--format", fmt, "--table", table, "-j", "1"]).exit_code == 0
    data = full.read_bytes()
    lines = data.splitlines(keepends=True)
    assert len(lines) > 4
    part = tmp_path / f"part.{fmt}"
    part.write_bytes(b"".join(lines[: len(lines) // 2]) + lines[len(lines) // 2][:7])  # killed mid-line
    r = run_cli([str(many), "-o", str(part), "--format", fmt, "--table", table, "-j", "1", "--resume"])
    assert r.exit_code == 0, r.output
    assert part.read_bytes() == data
    assert "skipped" in r.stderr


def test_resume_of_a_complete_output_writes_nothing(tmp_path, wire):
    out = tmp_path / "o.jsonl"
    assert run_cli([str(wire), "-o", str(out), "-j", "1"]).exit_code == 0
    before = out.read_bytes()
    r = run_cli([str(wire), "-o", str(out), "-j", "1", "--resume"])
    assert r.exit_code == 0 and out.read_bytes() == before
    assert "0 records" in r.stderr and "4 skipped" in r.stderr


def test_resume_skips_error_records_already_written(tmp_path):
    feed = tmp_path / "dirty.jsonl"
    dirty_feed(feed)
    out = tmp_path / "o.jsonl"
    run_cli([str(feed), "-o", str(out), "-j", "1"])
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:4]))
    run_cli([str(feed), "-o", str(out), "-j", "1", "--resume"])
    got = [(g["id"], g.get("error", {}).get("type")) for g in load_jsonl(out)]
    assert got == EXPECTED_DIRTY


def test_parquet_resume_keeps_the_old_rows_and_adds_the_rest(tmp_path, wire):
    half = tmp_path / "half.jsonl"
    write_jsonl(half, ARTICLES[:2])
    out = tmp_path / "o.parquet"
    assert run_cli([str(half), "-o", str(out), "-j", "1"]).exit_code == 0
    assert run_cli([str(wire), "-o", str(out), "-j", "1", "--resume"]).exit_code == 0
    assert list(pd.read_parquet(out)["id"]) == [a["id"] for a in ARTICLES]
    assert not (tmp_path / "o.parquet.partial").exists()


def test_prepare_resume_drops_the_last_article_of_a_long_table(tmp_path):
    p = tmp_path / "ents.csv"
    header = ",".join(c for c, _ in COLUMNS["entities"]) + "\n"
    p.write_text(header + "a,0,x\na,1,y\nb,0,z\nb,1,w\n", encoding="utf-8")
    assert prepare_resume(str(p), format="csv", table="entities") == {"a"}
    assert p.read_text(encoding="utf-8") == header + "a,0,x\na,1,y\n"


@pytest.mark.parametrize(
    "name,content,args,message",
    [
        ("o.jsonl", "this is not nlp-news output\n", [], "resume only into an output written by nlp-news batch"),
        ("o.csv", "id,n,text\na,0,x\n", ["--table", "paragraphs"], "its columns are not those of --table paragraphs"),
    ],
)
def test_resume_into_a_file_of_another_kind_is_refused(tmp_path, wire, name, content, args, message):
    out = tmp_path / name
    out.write_text(content, encoding="utf-8")
    r = CliRunner().invoke(batch, [str(wire), "-o", str(out), "--resume", *args, *cli_options()])
    assert r.exit_code == 1 and message in r.output
    assert out.read_text(encoding="utf-8") == content


# --------------------------------------------------------------------------- the command


def test_help_ends_with_a_runnable_example():
    r = CliRunner().invoke(batch, ["--help"])
    assert r.exit_code == 0
    assert r.output.rstrip().splitlines()[-1].strip().startswith("nlp-news batch ")
    for opt in ("--format", "--table", "-j", "--engine", "--scheduler", "--resume", "--id-field", "--user-dict"):
        assert opt in r.output


def test_stdin_through_the_command(tmp_path):
    data = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2])
    out = tmp_path / "o.csv"
    r = run_cli(["-", "-o", str(out), "-j", "1"], input=data.encode())
    assert r.exit_code == 0, r.output
    assert list(pd.read_csv(out)["id"]) == ["tech-1", "city-2"]


def test_all_input_kinds_in_one_run(tmp_path, monkeypatch):
    make_tree(tmp_path / "news")
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "feed.atom").write_text(ATOM, encoding="utf-8")
    pd.DataFrame(ARTICLES[:2]).to_csv(tmp_path / "t.csv", index=False)
    monkeypatch.chdir(tmp_path)
    r = run_cli(["news", "feed.rss", "feed.atom", "t.csv", "-o", "all.jsonl", "-j", "1"])
    assert r.exit_code == 1  # junk.txt, empty.txt and the empty RSS item
    got = load_jsonl(tmp_path / "all.jsonl")
    errors = [g["id"] for g in got if "error" in g]
    assert errors == ["empty.txt", "junk.txt", "https://example.invalid/2"]
    assert len(got) == 6 + 2 + 1 + 2


@pytest.mark.parametrize(
    "args,message",
    [
        (["missing.jsonl", "-o", "o.jsonl"], "missing.jsonl: no such file"),
        (["nothing/*.jsonl", "-o", "o.jsonl"], "no file matches"),
        (["w.jsonl", "-o", "-", "--format", "parquet"], "Parquet cannot go to stdout"),
        (["w.jsonl", "-o", "o.jsonl", "--scheduler", "tcp://h:8786"], "--scheduler needs --engine dask"),
    ],
)
def test_bad_usage_says_what_to_do(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "w.jsonl", ARTICLES[:1])
    r = CliRunner().invoke(batch, args)
    assert r.exit_code == 2 or r.exit_code == 1
    assert message in r.output


def test_user_dictionary_content_reaches_the_pipeline(tmp_path):
    ud = tmp_path / "words.txt"
    ud.write_text("星海芯算 100 nz\n", encoding="utf-8")
    feed = tmp_path / "w.jsonl"
    write_jsonl(feed, [{"id": "u", "text": "星海芯算平台今天发布。星海芯算平台用户增长很快。星海芯算平台获得好评。"}])
    out = tmp_path / "o.jsonl"
    args = [str(feed), "-o", str(out), "-j", "1", "--user-dict", str(ud)]
    assert run_cli(args).exit_code == 0
    (rec,) = load_jsonl(out)
    assert "星海芯算" in [k["word"] for k in rec["keywords"]]


def test_the_progress_bar_catches_up_while_no_record_comes():
    # tqdm draws on update, at most every 0.1 s: records that came within that window of the
    # last draw are shown by the bar's own redraw, not only when the next record comes
    import io

    from nlp_news.batch.runner import _progress_bar

    err = io.StringIO()
    bar = _progress_bar(True, None, err)
    try:
        for _ in range(5):
            bar.update(1)
        deadline = time.monotonic() + 10
        while "5 rec" not in err.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "5 rec" in err.getvalue(), err.getvalue()
    finally:
        bar.close()

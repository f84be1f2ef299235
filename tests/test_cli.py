"""The command line, through click's CliRunner."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

import nlp_news
from nlp_news.cli import main

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_text_report_shows_labels_entities_and_facts(runner):
    r = run(runner, "analyze", SAMPLES / "ipo-finance.txt")
    assert r.exit_code == 0, r.output
    for heading in ("Sentiment", "Themes", "Paragraphs", "Entities", "Facts"):
        assert heading in r.output
    assert "深言科技" in r.output
    assert "\x1b[" not in r.output, "no colour when not a terminal"


def test_json_output_equals_the_api_result(runner, analyzer):
    path = SAMPLES / "ai-products.txt"
    r = run(runner, "analyze", path, "--format", "json", "--published", "2025-11-01")
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    meta = got.pop("meta")
    assert meta["source"] == str(path) and meta["encoding"] == "utf-8"
    want = analyzer.analyze(path.read_text(encoding="utf-8"), published="2025-11-01").to_dict()
    assert got == want


def test_jsonl_has_one_line_per_file(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    files = [SAMPLES / "ipo-finance.txt", SAMPLES / "retail-gbk.txt", SAMPLES / "ai-products.html"]
    r = run(runner, "analyze", *files, "--format", "jsonl", "-o", out)
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["meta"]["source"] for line in lines] == [str(f) for f in files]


def test_a_bad_file_gets_an_error_line_and_the_others_are_still_analysed(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(0x80, 0x100)) * 2)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = runner.invoke(main, ["analyze", str(bad), str(SAMPLES / "fullwidth.txt"), str(empty), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "bad.txt" in r.stderr and "--encoding" in r.stderr
    assert "empty.txt" in r.stderr
    lines = [line for line in r.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "nlp-news/1"


def test_stdin_is_read_when_the_file_is_a_dash(runner):
    text = (SAMPLES / "fullwidth.txt").read_text(encoding="utf-8")
    r = run(runner, "analyze", "-", "--format", "json", input=text.encode("gbk"))
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["text"] == text


def test_wrong_encoding_option_is_reported_with_the_fix(runner):
    r = runner.invoke(main, ["analyze", str(SAMPLES / "retail-gbk.txt"), "--encoding", "utf-8"])
    assert r.exit_code == 1
    assert "--encoding" in r.stderr


def test_missing_user_dictionary_is_a_usage_error(runner, tmp_path):
    r = runner.invoke(main, ["analyze", str(SAMPLES / "fullwidth.txt"), "--user-dict", str(tmp_path / "none.txt")])
    assert r.exit_code == 2
    assert "none.txt" in r.output


def _commands(group, prefix=()):
    ctx = group.make_context("nlp-news", [], resilient_parsing=True)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if hasattr(cmd, "list_commands"):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


def test_every_command_is_documented_with_a_runnable_example():
    names = {" ".join(path) for path, _ in _commands(main)}
    assert {"analyze", "batch", "facts", "report", "train ner", "evaluate ner", "train sentiment", "train theme"} <= names
    for path, cmd in _commands(main):
        text = cmd.get_help(click.Context(cmd, info_name=path[-1]))
        assert "Example" in text and "nlp-news " in text.split("Example")[-1], f"{' '.join(path)} has no example"


def test_version_is_the_package_version(runner):
    r = run(runner, "--version")
    assert nlp_news.__version__ in r.output

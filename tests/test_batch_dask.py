"""The Dask engine on a LocalCluster of two worker processes gives the local engine's output."""

from __future__ import annotations

import pytest

from nlp_news.batch.records import iter_records
from nlp_news.batch.runner import load_options, run_local
from nlp_news.batch.writers import dumps_record
from tests.batch_support import ARTICLES, options, write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_local_cluster_output_equals_local_output_and_ships_the_user_dictionary(client, tmp_path):
    from nlp_news.batch.dask_engine import run_dask

    ud = tmp_path / "words.txt"
    ud.write_text("星海芯算 100 nz\n", encoding="utf-8")
    opts = {**options(), **load_options(user_dict=ud)}
    ud.unlink()  # the workers get the dictionary's lines, not the file

    feed = tmp_path / "feed.jsonl"
    records = [{**a, "id": f"{a['id']}-{k}"} for k in range(5) for a in ARTICLES]
    records.insert(7, {"id": "dict", "text": "星海芯算平台今天发布。星海芯算平台用户增长很快。星海芯算平台获得好评。"})
    write_jsonl(feed, records)
    with open(feed, "ab") as fh:
        fh.write(b"{broken\n")

    local = [dumps_record(o) for o in run_local(iter_records([str(feed)]), opts, 1)]
    dask = [dumps_record(o) for o in run_dask(iter_records([str(feed)]), opts, client=client, chunk_size=3)]
    assert dask == local
    assert len(local) == len(records) + 1
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    # both workers did some of the work, each with its own pipeline loaded once
    loaded = client.run(lambda: len(__import__("nlp_news.batch.runner").batch.runner._ANALYZERS))
    assert sorted(loaded.values()) == [1, 1]
    import json

    dict_rec = json.loads(dask[7])
    assert "星海芯算" in [k["word"] for k in dict_rec["keywords"]]


def test_cli_dask_engine_with_a_scheduler_address_writes_the_local_output(client, tmp_path):
    from click.testing import CliRunner

    from nlp_news.cli.batch import batch
    from tests.batch_support import cli_options

    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, ARTICLES + [{"id": "empty", "text": ""}])
    local, remote = tmp_path / "local.csv", tmp_path / "dask.csv"
    r1 = CliRunner().invoke(batch, [str(feed), "-o", str(local), "-j", "1", *cli_options()])
    address = client.scheduler.address
    r2 = CliRunner().invoke(
        batch, [str(feed), "-o", str(remote), "--engine", "dask", "--scheduler", address, *cli_options()]
    )
    assert (r1.exit_code, r2.exit_code) == (1, 1), r2.output
    assert remote.read_bytes() == local.read_bytes()

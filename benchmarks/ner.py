"""Entity recognition figures: accuracy on our dev splits and the stage's speed.

    python benchmarks/ner.py [--model ner] [--data ../shared/data] [--skip-speed]

Prints
- micro and per-type P/R/F1 of the fine tagger on the CLUENER dev split
  (the last 10% of ``ner/cluener2020/train.json`` after a shuffle with seed 13,
  the same split ``nlp-news train ner`` holds back);
- PER/LOC/ORG scores on ``ner/peoples-daily/dev.bio``;
- the whole recognizer (rules, both taggers, the combination policy) on both
  dev sets, with and without the PER/LOC/ORG tagger: what that tagger adds;
- the entity stage's throughput on ``corpus/cnews/cnews-800.txt`` in one
  process (the spaCy ``news_entities`` component over Docs made beforehand,
  so tokenisation is not counted; whole texts in batches of 256, and as the
  analyzer runs it: news_structure's regions, batches of 64), the best of
  ``REPEAT`` runs, the model's size on disk and the memory the loaded model takes.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 3  # speed figures are the best of this many runs


def data_dir(arg: str | None) -> Path:
    d = Path(arg or os.environ.get("NLP_NEWS_DATA") or ROOT / ".." / "shared" / "data")
    if not d.is_dir():
        sys.exit(f"shared data not found at {d}; pass --data or set NLP_NEWS_DATA")
    return d


def rss_mb() -> float:
    """Current resident memory (Linux), else the high-water mark."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def recognizer_scores(rec, examples, *, coarse: bool) -> dict:
    """Exact-span scores of the whole recognizer (no alias merging): fine types, or PER/LOC/ORG labels."""
    from nlp_news.schema import ENTITY_TYPES
    from nlp_news.training.ner import prf

    texts = [t for t, _ in examples]
    found = []
    for a in range(0, len(texts), 500):
        found.extend(rec.recognize_many(texts[a : a + 500], merge=False))
    if coarse:
        gold = [{(s, e, ENTITY_TYPES[t]) for s, e, t in es} for _, es in examples]
        pred = [{(x.start, x.end, x.label) for x in f if x.label in ("PER", "LOC", "ORG")} for f in found]
    else:
        gold = [set(es) for _, es in examples]
        pred = [{(x.start, x.end, x.type) for x in f} for f in found]
    return prf(gold, pred)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="ner")
    ap.add_argument("--data", default=None)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-accuracy", action="store_true")
    args = ap.parse_args()
    data = data_dir(args.data)

    import numpy  # noqa: F401  (so the model's share of memory is measured alone)
    import spacy

    from nlp_news.entities.model import NerModel
    from nlp_news.entities.recognizer import EntityRecognizer
    from nlp_news.modelio import model_path

    before = rss_mb()
    t0 = time.perf_counter()
    model = NerModel.load(args.model)
    recognizer = EntityRecognizer(model)
    load_s = time.perf_counter() - t0
    folder = model_path(args.model)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(f"model {folder}: {size / 1e6:.1f} MB on disk, loaded in {load_s:.2f} s, "
          f"{rss_mb() - before:.0f} MB resident for the model and its segmenter (process {rss_mb():.0f} MB)")

    if not args.skip_accuracy:
        from nlp_news.training.ner import (
            evaluate_model,
            format_report,
            read_bio,
            read_cluener,
            split_dev,
        )

        _, dev = split_dev(list(read_cluener(data / "ner" / "cluener2020" / "train.json")), 0.1, 13)
        t = time.perf_counter()
        r = evaluate_model(model, dev, coarse=False)
        print(f"\nCLUENER dev split ({len(dev)} sentences, fine tagger, {time.perf_counter() - t:.1f} s)")
        print(format_report(r))
        pd = list(read_bio(data / "ner" / "peoples-daily" / "dev.bio"))
        r = evaluate_model(model, pd, coarse=True)
        which = "coarse" if "coarse" in model.taggers else "fine"
        print(f"\nPeople's Daily dev ({len(pd)} sentences, {which} tagger, PER/LOC/ORG)")
        print(format_report(r))

        print("\nwhole recognizer (rules + taggers as the pipeline runs it), micro P/R/F1:")
        for coarse in (True, False):
            rec = EntityRecognizer(model, coarse=coarse)
            r1 = recognizer_scores(rec, dev, coarse=False)["micro"]
            r2 = recognizer_scores(rec, pd, coarse=True)
            what = "fine + PER/LOC/ORG taggers" if rec.coarse else "fine tagger only         "
            per = " ".join(f"{k} {v['f1']:.3f}" for k, v in r2.items() if k != "micro")
            print(f"  {what}: CLUENER dev {r1['precision']:.3f}/{r1['recall']:.3f}/{r1['f1']:.3f}; "
                  f"People's Daily dev {r2['micro']['precision']:.3f}/{r2['micro']['recall']:.3f}/{r2['micro']['f1']:.3f} ({per})")

    if not args.skip_speed:
        import spacy

        import nlp_news.entities.component
        from nlp_news.entities.component import NewsEntities
        from nlp_news.entities.recognizer import EntityRecognizer

        lines = (data / "corpus" / "cnews" / "cnews-800.txt").read_text(encoding="utf-8").splitlines()
        texts = [ln.split("\t", 1)[1] for ln in lines if "\t" in ln]
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "nlp_news.JiebaTokenizer.v1"}}})
        docs = [nlp.make_doc(t) for t in texts]
        stage = NewsEntities(recognizer)
        list(stage.pipe(docs[:5]))  # warm-up
        dt = dc = float("inf")
        for _ in range(REPEAT):  # the best of a few runs: the box is shared
            t, c = time.perf_counter(), time.process_time()
            out = list(stage.pipe(docs))
            dt, dc = min(dt, time.perf_counter() - t), min(dc, time.process_time() - c)
        n_ents = sum(len(d._.entities) for d in out)
        print(f"\nentity stage on cnews-800: {len(texts)} articles, {nbytes / 1e6:.2f} MB in {dt:.2f} s "
              f"= {nbytes / 1e6 / dt:.2f} MB/s wall ({nbytes / 1e6 / dc:.2f} MB/s of CPU time), "
              f"{n_ents} entities (process {rss_mb():.0f} MB with the 800 Docs)")
        # as the analyzer runs it: normalised text, news_structure's title/paragraph regions, batches of 64
        import nlp_news
        from nlp_news.text.normalize import normalize

        analyzer = nlp_news.load()
        structure = analyzer.nlp.get_pipe("news_structure")
        sdocs = [structure(analyzer.nlp.make_doc(normalize(t).text)) for t in texts]
        ents_stage = analyzer.nlp.get_pipe("news_entities")
        list(ents_stage.pipe(sdocs[:5]))
        dc = float("inf")
        for _ in range(REPEAT):
            c = time.process_time()
            for a in range(0, len(sdocs), 64):
                list(ents_stage.pipe(sdocs[a : a + 64]))
            dc = min(dc, time.process_time() - c)
        print(f"entity stage as the analyzer runs it (regions from news_structure, batches of 64): "
              f"{nbytes / 1e6 / dc:.2f} MB/s of CPU time")
        for coarse in (True, False):
            rec = EntityRecognizer(model, coarse=coarse)
            dt = dc = float("inf")
            for _ in range(REPEAT):
                t, c = time.perf_counter(), time.process_time()
                for a in range(0, len(texts), 256):
                    rec.recognize_many(texts[a : a + 256])
                dt, dc = min(dt, time.perf_counter() - t), min(dc, time.process_time() - c)
            what = "fine + PER/LOC/ORG taggers" if rec.coarse else "fine tagger only"
            print(f"recognizer, {what}: {nbytes / 1e6 / dt:.2f} MB/s wall, {nbytes / 1e6 / dc:.2f} MB/s of CPU time")


if __name__ == "__main__":
    main()

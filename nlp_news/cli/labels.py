"""``nlp-news train sentiment|theme`` and ``nlp-news evaluate sentiment|theme``.

Thin wrappers over :mod:`nlp_news.training.labels`; the lead's ``train`` and
``evaluate`` groups add these commands.
"""

from __future__ import annotations

import json

import click

FORMATS = ["chnsenticorp", "ccf", "passages", "titles", "cnews", "tnews", "tsv"]
# nlp_news.labels.features.PUNCT_SETTINGS, spelled out so that loading the command needs no numpy
PUNCT_SETTINGS = ("keep", "drop", "split", "clause")

_data_option = click.option(
    "--data",
    "data",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A dataset file; repeat for several. The format is told by the file name "
    "(chnsenticorp/*.tsv, ccf-bdci2019/*.csv, news-passages/labels.jsonl, thucnews-titles/*.txt, "
    "cnews/*.txt, tnews/*.json) or by --format.",
)
_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Format of every --data file (default: guessed from its name).",
)


def _train(task: str, data, fmt, out, dev_frac, refit, bits, C, as_json, jobs=1, punct="keep"):
    from nlp_news.training.labels import DataFormatError, iter_datasets, train_labels

    try:
        examples = iter_datasets(data, task, fmt)
    except DataFormatError as e:
        raise click.ClickException(str(e)) from None
    if not examples:
        raise click.ClickException(f"no {task} examples in {', '.join(data)}")
    log = (lambda *a: None) if as_json else (lambda msg: click.echo(msg, err=False))
    try:
        _, report = train_labels(
            task, examples, out=out, dev_frac=dev_frac, refit=refit, bits=bits, C=C, jobs=jobs, punct=punct, log=log
        )
    except DataFormatError as e:
        raise click.ClickException(str(e)) from None
    from nlp_news.training.labels import write_model_card

    command = f"nlp-news train {task} " + " ".join(f"--data {p}" for p in data)
    command += (f" --format {fmt}" if fmt else "") + f" --out {out}"
    command += "" if refit else " --no-refit"
    command += "" if dev_frac == 0.2 else f" --dev-frac {dev_frac}"
    command += "" if bits == 18 else f" --bits {bits}"
    command += "" if C is None else f" --C {C}"
    command += "" if punct == "keep" else f" --punct {punct}"
    write_model_card(out, task, list(data), report, command)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        click.echo(f"saved {task} model to {out}")


def _evaluate(task: str, data, fmt, model, head, as_json):
    from nlp_news.labels.models import SentimentModel, ThemeModel
    from nlp_news.modelio import ModelNotFoundError
    from nlp_news.training.labels import DataFormatError, evaluate, format_report, read_dataset

    cls = SentimentModel if task == "sentiment" else ThemeModel
    try:
        m = cls.load(model or task)
    except ModelNotFoundError as e:
        raise click.ClickException(str(e)) from None
    results = {}
    for path in data:
        try:
            examples = read_dataset(path, task, fmt)
        except DataFormatError as e:
            raise click.ClickException(str(e)) from None
        if task == "theme" and any(e.domain == "article" for e in examples):
            # cnews gives articles and their pieces; evaluate whole articles
            examples = [e for e in examples if e.domain == "article"]
        h = head or (examples[0].domain if examples and examples[0].domain in m.heads else None)
        r = evaluate(m, examples, head=h)
        r["head"] = h or m.default_head
        results[path] = r
        if not as_json:
            click.echo(format_report(r, f"{path} [head {r['head']}]\n"))
            click.echo()
        w = getattr(m, "context_weight", 0.0)
        if w and r["head"] == "paragraph" and any(e.context for e in examples):
            # paragraphs that come with their article: also as the pipeline labels them
            rc = evaluate(m, examples, head="paragraph", context=True)
            rc["head"] = "paragraph"
            rc["context_weight"], rc["context_temperature"] = w, m.context_temperature
            r["with_context"] = rc
            if not as_json:
                click.echo(format_report(rc, f"{path} [head paragraph, article head as prior, weight {w}, temperature {m.context_temperature}]\n"))
                click.echo()
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False))


def _train_command(task: str, example: str) -> click.Command:
    @click.command(name=task, help=f"Train the {task} model and save it.\n\nExample:\n\n    {example}")
    @_data_option
    @_format_option
    @click.option(
        "--out",
        type=click.Path(file_okay=False),
        default=f"models/{task}",
        show_default=True,
        help="Folder to write the model to.",
    )
    @click.option(
        "--dev-frac",
        type=float,
        default=0.2,
        show_default=True,
        help="Share held out (by article/text, seeded) to calibrate and measure.",
    )
    @click.option("--refit/--no-refit", default=True, show_default=True, help="Refit on train + dev after calibrating.")
    @click.option("--bits", type=int, default=18, show_default=True, help="Hash space is 2**bits features.")
    @click.option("--C", "C", type=float, default=None, help="Inverse regularisation (default per task).")
    @click.option(
        "--punct",
        type=click.Choice(PUNCT_SETTINGS),
        default="keep",
        show_default=True,
        help="Punctuation in the features: keep every n-gram, drop the n-grams of punctuation only, split "
        "n-grams at punctuation as at a space, or drop the n-grams of the clause marks ，。、； only (stored in meta.json).",
    )
    @click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes for the cross-validation fits that tune the article prior of paragraph themes and the "
        "class offsets of the news sentiment head (same model; each process holds a copy of the training matrix, "
        "about 3 GB for the shipped theme data).",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print the training report as JSON.")
    def cmd(data, fmt, out, dev_frac, refit, bits, C, punct, jobs, as_json):
        _train(task, data, fmt, out, dev_frac, refit, bits, C, as_json, jobs, punct)

    return cmd


def _evaluate_command(task: str, example: str) -> click.Command:
    @click.command(
        name=task, help=f"Measure the {task} model: accuracy, macro-F1, confusion matrix.\n\nExample:\n\n    {example}"
    )
    @_data_option
    @_format_option
    @click.option("--model", default=None, help=f"Model name or folder (default: the shipped {task!r}).")
    @click.option("--head", default=None, help="Model head to use (default: chosen by the data format).")
    @click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
    def cmd(data, fmt, model, head, as_json):
        _evaluate(task, data, fmt, model, head, as_json)

    return cmd


train_sentiment = _train_command(
    "sentiment",
    "nlp-news train sentiment --data ../shared/data/sentiment/news-passages/labels.jsonl "
    "--data ../shared/data/sentiment/chnsenticorp/train.tsv --out models/sentiment",
)
train_theme = _train_command(
    "theme",
    "nlp-news train theme --data ../shared/data/topic/thucnews-titles/train.txt "
    "--data ../shared/data/corpus/cnews/cnews-800.txt --out models/theme",
)
evaluate_sentiment = _evaluate_command(
    "sentiment", "nlp-news evaluate sentiment --data ../shared/data/sentiment/chnsenticorp/dev.tsv"
)
evaluate_theme = _evaluate_command(
    "theme", "nlp-news evaluate theme --data ../shared/data/topic/thucnews-titles/train.txt"
)

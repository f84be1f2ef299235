"""``nlp-news train ner`` and ``nlp-news evaluate ner``: thin wrappers over
:mod:`nlp_news.training.ner` (imported lazily: it loads CRFsuite)."""

from __future__ import annotations

import json

import click

_FORMATS = click.Choice(["cluener", "bio"])


def _pair_formats(data: tuple[str, ...], formats: tuple[str, ...]) -> list[tuple[str, str]]:
    from ..training.ner import guess_format

    if formats and len(formats) not in (1, len(data)):
        raise click.UsageError("give --format once (for every --data) or once per --data, in the same order")
    if not formats:
        return [(d, guess_format(d)) for d in data]
    if len(formats) == 1:
        return [(d, formats[0]) for d in data]
    return list(zip(data, formats))


@click.command("ner")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Training file; repeat for several. CLUENER files train the fine tagger, BIO files the PER/LOC/ORG one.")
@click.option("--format", "formats", multiple=True, type=_FORMATS,
              help="cluener (JSON lines, END inclusive) or bio (char TAB/SPACE tag). Once for all files or once per --data; "
              "default: by extension (.json → cluener, else bio).")
@click.option("--out", default="models/ner", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write weights.npz, meta.json and the lexicons to.")
@click.option("--dev-fraction", default=0.1, show_default=True, help="Share of each CLUENER file held back as dev split.")
@click.option("--seed", default=13, show_default=True, help="Seed of the dev split shuffle.")
@click.option("--iterations", default=100, show_default=True, help="L-BFGS iterations per tagger.")
@click.option("--c1", default=0.1, show_default=True, help="L1 penalty (keeps the model small).")
@click.option("--c2", default=0.1, show_default=True, help="L2 penalty.")
@click.option("--tagger", "taggers", multiple=True, type=click.Choice(["fine", "coarse"]),
              help="Fit only this tagger (repeatable; default both). Every --data file still feeds the lexicon, so the "
              "tagger is the one a full run fits; the model written holds only the taggers fitted (for experiments: "
              "the pipeline needs both).")
def train_ner(data, formats, out, dev_fraction, seed, iterations, c1, c2, taggers):
    """Train the entity tagger and write it to OUT.

    \b
    Example:
      nlp-news train ner --data ../shared/data/ner/cluener2020/train.json --format cluener \\
        --data ../shared/data/ner/msra/train.bio --format bio --out models/ner
    """
    from ..training.ner import format_report, train

    pairs = _pair_formats(data, formats)
    try:
        model = train(pairs, out, dev_fraction=dev_fraction, seed=seed, max_iterations=iterations, c1=c1, c2=c2, verbose=True,
                      taggers=taggers or ("fine", "coarse"))
    except (ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {out} (taggers: {', '.join(model.taggers)})")
    if "dev" in model.meta:
        click.echo("dev split:")
        click.echo(format_report(model.meta["dev"]))


@click.command("ner")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False), help="Labelled file to score.")
@click.option("--format", "fmt", type=_FORMATS, default=None,
              help="cluener or bio (default: by extension). BIO data is scored on PER/LOC/ORG.")
@click.option("--model", default="ner", show_default=True, help="Model name under models/ or a folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_ner(data, fmt, model, as_json):
    """Print precision, recall and F1 per type and micro-averaged.

    \b
    Example:
      nlp-news evaluate ner --data ../shared/data/ner/peoples-daily/dev.bio --format bio
    """
    from ..entities.model import NerModel
    from ..modelio import ModelNotFoundError
    from ..training.ner import evaluate_model, format_report, guess_format, read_examples

    fmt = fmt or guess_format(data)
    try:
        m = NerModel.load(model)
        examples = read_examples(data, fmt)
    except (ModelNotFoundError, ValueError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    result = evaluate_model(m, examples, coarse=(fmt == "bio"))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(result))

"""``nlp-news train keywords``: the keyword stage's IDF table."""

from __future__ import annotations

import json

import click


@click.command(name="keywords")
@click.option(
    "--data",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="An IDF file, 'word idf' per line (default: the one that ships with jieba).",
)
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Model folder (default: the shipped models/keywords).")
def train_keywords(data: str | None, out: str | None) -> None:
    """Build the IDF table the keyword stage uses.

    \b
    Example:
        nlp-news train keywords --out models/keywords
    """
    from nlp_news.keywords import IdfFileError
    from nlp_news.training.keywords import train

    try:
        report = train(data, out=out)
    except IdfFileError as e:
        raise click.ClickException(str(e)) from None
    click.echo(json.dumps(report, ensure_ascii=False, indent=1))

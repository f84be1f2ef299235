"""``nlp-news facts``: the numeric facts of articles alone, one row each."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

import click

from nlp_news.cli.common import Failures, analyze_inputs, analyzer_options, files_and_output, input_options, load_analyzer

FORMATS = ("text", "json", "jsonl", "csv")
COLUMNS = (
    "file", "start", "end", "text", "kind", "value", "unit", "currency", "qualifier", "change",
    "relative", "metric", "subject", "period", "source", "linked_by",
)


def _cell(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if v is None:
        return ""
    return v


def fact_rows(name: str, facts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat row per fact, ``file`` first (the CSV/JSONL record)."""
    for f in facts:
        yield {"file": name, **{k: f.get(k) for k in COLUMNS if k != "file"}}


def _text_line(row: dict[str, Any]) -> str:
    extra = [f"{k}={_cell(row[k])}" for k in ("unit", "currency", "qualifier", "change", "metric", "subject", "period") if row.get(k)]
    value = _cell(row["value"]) if row["value"] is not None else "null"
    return f"{row['file']}:{row['start']}-{row['end']}\t{row['kind']}\t{value}\t{row['text']}" + (
        "\t" + " ".join(extra) if extra else ""
    )


@click.command()
@files_and_output(FORMATS)
@input_options
@analyzer_options
def facts(files, fmt, output, encoding, published, title, user_dict, disable, max_chars) -> None:
    """Numeric facts of Chinese news articles: money, percentages, counts, dates, durations.

    One row per fact with its normalised value, unit, currency, bound (about,
    over, under), change, and what it measures (metric), whose it is (subject)
    and when (period). CSV and JSONL are ready for a spreadsheet or pandas.

    \b
    Examples:
        nlp-news facts samples/ipo-finance.txt
        nlp-news facts samples/*.txt --format csv -o facts.csv
        nlp-news facts article.txt --published 2025-12-20 --format jsonl
    """
    if "facts" in disable:
        raise click.UsageError("nlp-news facts needs the facts stage; do not --disable facts")
    # Entities stay on: they give facts their subjects. Labels and keywords are not shown.
    analyzer = load_analyzer(user_dict, tuple(sorted({*disable, "labels", "keywords"})), max_chars)
    writer = None
    collected: list[dict[str, Any]] = []
    failures = Failures()
    if fmt == "csv":
        writer = csv.DictWriter(output, fieldnames=list(COLUMNS))
        writer.writeheader()
    for item, result in analyze_inputs(analyzer, files, encoding, failures, title=title, published=published):
        found = result.to_dict().get("facts") or []
        if fmt == "json":
            collected.append({"file": item.name, "facts": found})
            continue
        for row in fact_rows(item.name, found):
            if fmt == "csv":
                writer.writerow({k: _cell(v) for k, v in row.items()})  # type: ignore[union-attr]
            elif fmt == "jsonl":
                click.echo(json.dumps(row, ensure_ascii=False), file=output)
            else:
                click.echo(_text_line(row), file=output)
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=1), file=output)
    if failures.count:
        raise SystemExit(1)


@click.command("facts")
@click.option("--data", type=click.Path(exists=True, dir_okay=False), required=True,
              help="cnews-style corpus: one article a line, channel<TAB>text.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Model folder (default: models/facts).")
@click.option("--limit", type=int, default=None, help="Use only the first N articles.")
def train_facts(data: str, out: str | None, limit: int | None) -> None:
    """Train the fact / non-fact classifier for uncertain candidates.

    \b
    Example:
        nlp-news train facts --data ../shared/data/corpus/cnews/cnews-800.txt
    """
    from nlp_news.training.facts import train

    report = train(data, out=out, limit=limit)
    click.echo(json.dumps(report, ensure_ascii=False, indent=1))


@click.command("amounts")
@click.option("--data", type=click.Path(exists=True, file_okay=False), required=True,
              help="The shared data folder (../shared/data): the labelled amounts' sentences are read from it.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Model folder (default: models/amounts).")
def train_amounts(data: str, out: str | None) -> None:
    """Train the money-or-not classifier of bare amounts (3400万, 近百亿) on the reviewed labels.

    \b
    Example:
        nlp-news train amounts --data ../shared/data
    """
    from nlp_news.training.amounts import train

    try:
        report = train(data, out=out)
    except (FileNotFoundError, ValueError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(json.dumps(report, ensure_ascii=False, indent=1))

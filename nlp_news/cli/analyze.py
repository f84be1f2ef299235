"""``nlp-news analyze``: analyse article files and print or write the results."""

from __future__ import annotations

import sys

import click

from nlp_news.cli.common import (
    Failures,
    analyze_inputs,
    analyzer_options,
    files_and_output,
    input_options,
    keywords_idf_option,
    load_analyzer,
)

FORMATS = ("text", "json", "jsonl", "html")


@click.command()
@files_and_output(FORMATS)
@input_options
@analyzer_options
@keywords_idf_option
def analyze(files, fmt, output, encoding, published, title, user_dict, disable, max_chars, keywords_idf) -> None:
    """Analyse Chinese news articles: entities, facts, sentiment, themes.

    FILES are .txt (UTF-8, GB18030/GBK or Big5) or .html pages; `-` or no
    file reads standard input. A file that fails gets an error line; the
    others are still analysed and the exit status is 1.

    \b
    Examples:
        nlp-news analyze samples/ipo-finance.txt
        nlp-news analyze samples/*.txt --format jsonl -o out.jsonl
        nlp-news analyze samples/ai-products.html --format html -o page.html
    """
    from nlp_news.report.text import render_json, render_text

    if fmt == "html" and len(files) > 1:
        raise click.UsageError("--format html writes one page: pass one file")
    analyzer = load_analyzer(user_dict, disable, max_chars, keywords_idf)
    failures = Failures()
    results = []
    for item, result in analyze_inputs(analyzer, files, encoding, failures, title=title, published=published):
        d = result.to_dict()
        if fmt == "text":
            click.echo(render_text(d, name=item.name), file=output)
        elif fmt == "jsonl":
            click.echo(render_json(d, indent=None), file=output)
        else:
            results.append(d)
    if fmt == "json" and results:
        click.echo(render_json(results[0] if len(results) == 1 and len(files) <= 1 else results), file=output)
    elif fmt == "html" and results:
        from nlp_news.report.html import render_article

        click.echo(render_article(results[0]), file=output, nl=False, color=False)
    if failures.count:
        sys.exit(1)

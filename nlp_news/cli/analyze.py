"""``nlp-news analyze``: analyse article files and print or write the results."""

from __future__ import annotations

import sys

import click

from nlp_news.cli.common import analyzer_options, error, files_and_output, input_options, load_analyzer, read_inputs

FORMATS = ("text", "json", "jsonl", "html")


@click.command()
@files_and_output(FORMATS)
@input_options
@analyzer_options
def analyze(files, fmt, output, encoding, published, title, user_dict, disable, max_chars) -> None:
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
    from nlp_news.analyzer import AnalysisError
    from nlp_news.report.text import render_json, render_text

    if fmt == "html" and len(files) > 1:
        raise click.UsageError("--format html writes one page: pass one file")
    analyzer = load_analyzer(user_dict, disable, max_chars)
    failed = 0
    results = []
    for item in read_inputs(files, encoding):
        if item.error is not None:
            error(str(item.error))
            failed += 1
            continue
        art = item.article
        try:
            result = analyzer.analyze(
                art.text,
                title=title or art.title,
                published=published or art.published,
                meta={"source": item.name, "format": art.format, "encoding": art.encoding},
            )
        except (AnalysisError, ValueError) as e:
            error(f"{item.name}: {e}")
            failed += 1
            continue
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
    if failed:
        sys.exit(1)

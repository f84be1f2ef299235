"""``nlp-news report``: the HTML page of a batch run's JSONL output."""

from __future__ import annotations

import click

EPILOG = """\b
Example:
  printf '%s\\n' '{"id": "a1", "text": "华为公司宣布营收增长10%。"}' > wire.jsonl
  nlp-news batch wire.jsonl -o scored.jsonl
  nlp-news report scored.jsonl -o report.html --title "Wire, 1 article"
"""


@click.command(
    "report",
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument(
    "source",
    metavar="OUTPUT.jsonl",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The HTML file to write (`-` for stdout).",
)
@click.option(
    "--title", default=None, help='The page title (default: "nlp-news batch report").'
)
def report(source: str, output: str, title: str | None) -> None:
    """Write one self-contained HTML page summarising an `nlp-news batch` JSONL file.

    The page shows the articles analysed and the errors, the sentiment
    distribution (and sentiment over time when articles have a `published`
    date), themes, the top entities with their average paragraph sentiment,
    and the largest money facts per currency with links to their articles.
    OUTPUT.jsonl may be gzipped (.gz); `-` reads standard input. Lines that
    are not JSON objects are counted as errors, not fatal.
    """
    import sys

    from nlp_news.report.html import read_output, render_batch

    if source == "-":
        records = read_output(
            sys.stdin.buffer if hasattr(sys.stdin, "buffer") else _encoded(sys.stdin)
        )
    else:
        records = read_output(source)
    try:
        page = render_batch(records, title=title)
    except OSError as e:
        raise click.ClickException(f"cannot read {source}: {e}") from None
    try:
        with click.open_file(output, "w", encoding="utf-8") as fh:
            fh.write(page)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e}") from None
    if output != "-":
        click.echo(
            f"wrote {output} ({len(page.encode('utf-8')) / 1e6:.2f} MB)", err=True
        )


def _encoded(lines):  # type: ignore[no-untyped-def]
    for line in lines:
        yield line.encode("utf-8")

"""``nlp-news batch``: score whole feeds, folders and exports, on every core or a Dask cluster."""

from __future__ import annotations

import sys

import click

from nlp_news.batch.records import INPUT_FORMATS
from nlp_news.batch.writers import FORMATS, TABLES

EPILOG = """\b
Example:
  printf '%s\\n' '{"id": "a1", "text": "华为公司宣布营收增长10%。"}' > wire.jsonl
  nlp-news batch wire.jsonl -o scored.jsonl
  nlp-news batch wire.jsonl -o entities.csv --table entities -j 2
"""


@click.command(
    "batch",
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, help="Output file (JSONL, CSV or Parquet; `-` for stdout).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from OUTPUT's suffix, else jsonl).",
)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default="articles",
    show_default=True,
    help="Rows to write: one per article, or one per entity, fact or paragraph.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: worker processes here; dask: a Dask cluster (see docs/batch.md).",
)
@click.option(
    "--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786 (--engine dask)."
)
@click.option("--resume", is_flag=True, help="Skip the ids already in OUTPUT and append the rest.")
@click.option("--id-field", default="id", show_default=True, help="Input field holding the record id.")
@click.option("--text-field", default="text", show_default=True, help="Input field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="Input field holding the title.")
@click.option("--published-field", default="published", show_default=True, help="Input field holding the date.")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Reader for the inputs (auto: by suffix, or sniffed for stdin).",
)
@click.option("--user-dict", type=click.Path(exists=True, dir_okay=False), default=None, help="jieba user dictionary.")
@click.option("--encoding", default=None, help="Input encoding (default: UTF-8; files: detected).")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help="Longest article analysed, in characters (default: the analyzer's, 1,000,000); longer ones become error records.",
)
@click.option(
    "--disable",
    multiple=True,
    metavar="STAGE",
    help="Switch a stage off (entities, facts, labels, keywords); repeatable.",
)
@click.option(
    "--keywords-idf",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="IDF table folder for keywords (from `nlp-news train keywords`); Dask workers read it at the same path.",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
def batch(
    inputs: tuple[str, ...],
    output: str,
    fmt: str | None,
    table: str,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    resume: bool,
    id_field: str,
    text_field: str,
    title_field: str,
    published_field: str,
    input_format: str,
    user_dict: str | None,
    encoding: str | None,
    max_chars: int | None,
    disable: tuple[str, ...],
    keywords_idf: str | None,
    progress: bool | None,
) -> None:
    """Analyse every article of INPUT... and write one output record per input record.

    INPUT is a JSONL/NDJSON file (fields id, text, title, published; others
    are passed through), a CSV/TSV file, an RSS or Atom feed, a directory or
    glob of .txt/.html files (id = relative path), or `-` for stdin; any of
    them may be gzipped (.gz). A record that cannot be analysed is written as
    {"id", "error": {"type", "message"}} and the run goes on; the exit status
    is 1 when any error record was written, 130 when interrupted (rerun with
    --resume to continue).
    """
    from nlp_news.batch.records import Fields
    from nlp_news.batch.runner import PipelineLoadError, load_options, run_batch
    from nlp_news.batch.writers import ResumeError, format_from_path

    fmt = fmt or format_from_path(output)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet cannot go to stdout; pass a file name with -o")
    if resume and output == "-":
        raise click.UsageError("--resume needs an output file, not stdout")
    stdin_count = inputs.count("-")
    if stdin_count > 1:
        raise click.UsageError("`-` (stdin) can be given once")
    try:
        options = load_options(user_dict=user_dict)
    except (OSError, UnicodeDecodeError) as e:
        raise click.ClickException(f"cannot read the user dictionary {user_dict}: {e}") from None
    if max_chars is not None:
        options["max_chars"] = max_chars
    if disable:
        options["disable"] = list(dict.fromkeys(disable))
    if keywords_idf is not None:
        from pathlib import Path

        options["keywords_idf"] = str(Path(keywords_idf).resolve())
    try:
        summary = run_batch(
            list(inputs),
            output,
            format=fmt,
            table=table,
            n_process=jobs,
            engine=engine,
            scheduler=scheduler,
            resume=resume,
            fields=Fields(id=id_field, text=text_field, title=title_field, published=published_field),
            encoding=encoding,
            input_format=input_format,
            options=options,
            progress=progress,
            stdin=_stdin_bytes(),
            stderr=sys.stderr,
        )
    except KeyboardInterrupt:
        click.echo(f"interrupted; {output} holds the records written so far: rerun with --resume", err=True)
        sys.exit(130)
    except (FileNotFoundError, ResumeError, ImportError, ConnectionError, ValueError, PipelineLoadError) as e:
        raise click.ClickException(str(e)) from None
    if summary.errors:
        sys.exit(1)


def _stdin_bytes():  # type: ignore[no-untyped-def]
    # click's CliRunner swaps sys.stdin for a text wrapper over a BytesIO.
    return getattr(sys.stdin, "buffer", None)

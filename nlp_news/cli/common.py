"""Options and helpers shared by the commands."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import click

STAGE_NAMES = ("entities", "facts", "labels", "keywords")


def analyzer_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--user-dict``, ``--disable``, ``--max-chars``: how the pipeline is built."""

    @click.option(
        "--user-dict",
        type=click.Path(exists=True, dir_okay=False),
        help="jieba user dictionary (word [freq] [type]); changes segmentation and entities.",
    )
    @click.option(
        "--disable",
        multiple=True,
        type=click.Choice(STAGE_NAMES),
        help="Switch a stage off (repeatable).",
    )
    @click.option("--max-chars", type=int, default=None, help="Longest article accepted (default 1,000,000 characters).")
    @functools.wraps(f)
    def wrapper(*args: Any, **kw: Any) -> Any:
        return f(*args, **kw)

    return wrapper


def files_and_output(formats: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``FILES...``, ``--format`` (the first of ``formats`` by default) and ``-o/--output``."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option(
            "-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-",
            help="Write here (default: stdout).",
        )(f)
        f = click.option(
            "--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True, help="Output format."
        )(f)
        return click.argument("files", nargs=-1, type=click.Path(allow_dash=True))(f)

    return decorate


def input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--encoding``, ``--published``, ``--title`` for article files."""

    @click.option("--encoding", help="Encoding of the files (default: detect UTF-8, GB18030/GBK, Big5).")
    @click.option("--published", help="Publication date (YYYY-MM-DD); resolves 今年, 上月 and the like.")
    @click.option("--title", help="The article's title, when it is not the first line of the file.")
    @functools.wraps(f)
    def wrapper(*args: Any, **kw: Any) -> Any:
        return f(*args, **kw)

    return wrapper


def keywords_idf_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--keywords-idf DIR``: an IDF table made by ``nlp-news train keywords``."""
    return click.option(
        "--keywords-idf",
        type=click.Path(exists=True, file_okay=False),
        default=None,
        help="IDF table folder for keywords (from `nlp-news train keywords`; default: jieba's).",
    )(f)


def load_analyzer(
    user_dict: str | None, disable: tuple[str, ...], max_chars: int | None, keywords_idf: str | None = None
):
    """Build the Analyzer, turning library errors into click errors."""
    from nlp_news.analyzer import AnalysisError, load
    from nlp_news.modelio import ModelNotFoundError
    from nlp_news.tokenizer import UserDictError

    kw: dict[str, Any] = {"disable": disable, "user_dict": user_dict}
    if max_chars:
        kw["max_chars"] = max_chars
    if keywords_idf:
        kw["keywords_idf"] = keywords_idf
    try:
        return load(**kw)
    except (AnalysisError, ModelNotFoundError, UserDictError, FileNotFoundError, ValueError) as e:
        raise click.ClickException(str(e)) from e


@dataclass
class Input:
    """One input the user named: its display name and the Article read from it."""

    name: str
    article: Any = None
    error: Exception | None = None


def read_inputs(files: tuple[str, ...], encoding: str | None) -> Iterator[Input]:
    """Read each named file (``-`` is stdin); a failure is an Input with ``error``."""
    from nlp_news.io.read import ReadError, article_from_bytes, read_article

    for name in files or ("-",):
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
                yield Input("<stdin>", article_from_bytes(data, name="<stdin>", encoding=encoding))
            else:
                yield Input(name, read_article(name, encoding=encoding))
        except ReadError as e:
            yield Input(name, error=e)


@dataclass
class Failures:
    """How many inputs failed; the command exits 1 when any did."""

    count: int = 0


def analyze_inputs(
    analyzer: Any,
    files: tuple[str, ...],
    encoding: str | None,
    failures: Failures,
    *,
    title: str | None = None,
    published: str | None = None,
) -> Iterator[tuple[Input, Any]]:
    """Read and analyse each file in turn: (input, Analysis) pairs.

    A file that cannot be read or analysed gets an error line on stderr and
    counts in ``failures``; the others go on.
    """
    from nlp_news.analyzer import AnalysisError

    for item in read_inputs(files, encoding):
        if item.error is not None:
            error(str(item.error))
            failures.count += 1
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
            failures.count += 1
            continue
        yield item, result


def error(message: str) -> None:
    """An error line on stderr that names what failed; the run goes on."""
    click.echo(click.style("error: ", fg="red", bold=True) + message, err=True)

"""The ``nlp-news`` command: a thin layer over the library.

Commands are imported only when they run, so ``nlp-news --help`` is instant and
``nlp-news analyze`` pays only for what it uses.
"""

from __future__ import annotations

from importlib import import_module

import click


class LazyGroup(click.Group):
    """A click group whose commands live in other modules (``"module:attr"``)."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        from importlib.util import find_spec

        available = [name for name, target in self.lazy.items() if find_spec(target.split(":")[0]) is not None]
        return sorted({*super().list_commands(ctx), *available})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            try:
                cmd = getattr(import_module(module), attr)
            except (ImportError, AttributeError) as e:  # pragma: no cover - broken install
                raise click.ClickException(f"the {name!r} command could not be loaded ({e}); reinstall nlp-news") from e
            return cmd
        return super().get_command(ctx, name)


@click.group(
    cls=LazyGroup,
    lazy={
        "analyze": "nlp_news.cli.analyze:analyze",
        "facts": "nlp_news.cli.facts:facts",
        "batch": "nlp_news.cli.batch:batch",
        "report": "nlp_news.cli.report:report",
        "train": "nlp_news.cli:train",
        "evaluate": "nlp_news.cli:evaluate",
    },
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(package_name="nlp-news")
def main() -> None:
    """Chinese news analysis: entities, numeric facts, sentiment and themes.

    \b
    Example:
        nlp-news analyze samples/ipo-finance.txt
    """


@click.group(
    cls=LazyGroup,
    lazy={
        "ner": "nlp_news.cli.ner:train_ner",
        "sentiment": "nlp_news.cli.labels:train_sentiment",
        "theme": "nlp_news.cli.labels:train_theme",
        "facts": "nlp_news.cli.facts:train_facts",
        "amounts": "nlp_news.cli.facts:train_amounts",
        "keywords": "nlp_news.cli.keywords:train_keywords",
    },
)
def train() -> None:
    """Train a shipped model again from data (see models/README.md).

    \b
    Example:
        nlp-news train ner --data ../shared/data/ner/cluener2020/train.json --format cluener
    """


@click.group(
    cls=LazyGroup,
    lazy={
        "ner": "nlp_news.cli.ner:evaluate_ner",
        "sentiment": "nlp_news.cli.labels:evaluate_sentiment",
        "theme": "nlp_news.cli.labels:evaluate_theme",
    },
)
def evaluate() -> None:
    """Measure a model on labelled data: precision, recall, F1 or accuracy.

    \b
    Example:
        nlp-news evaluate ner --data ../shared/data/ner/peoples-daily/dev.bio --format bio
    """


if __name__ == "__main__":  # pragma: no cover
    main()

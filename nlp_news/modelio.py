"""Safe model files: plain numpy arrays plus JSON metadata, never pickle.

A model is a folder under ``models/`` (shipped inside the package as
``nlp_news.models``) holding ``weights.npz`` (read with ``allow_pickle=False``),
``meta.json`` (vocabularies, label names, settings, metrics, versions) and a
``MODEL_CARD.md``. Training code uses scikit-learn; inference only needs numpy,
which keeps start-up fast and loading safe.
"""

from __future__ import annotations

import json
import os
import platform
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS = "weights.npz"
META = "meta.json"


class ModelNotFoundError(FileNotFoundError):
    """A shipped model is missing; the message says how to rebuild it."""


def models_dir() -> Path:
    """Where shipped models live: ``$NLP_NEWS_MODELS`` or the installed package data."""
    env = os.environ.get("NLP_NEWS_MODELS")
    if env:
        return Path(env)
    try:
        return Path(str(resources.files("nlp_news.models")))
    except ModuleNotFoundError:
        # Running from a source checkout without installing: models/ is beside the package.
        return Path(__file__).resolve().parents[1] / "models"


def model_path(name_or_path: str | os.PathLike[str]) -> Path:
    """Resolve a model name (``"ner"``) or a folder path to a folder.

    A bare name of a shipped model is always the shipped model, whatever folders the
    current directory holds (a folder named ``facts`` there must not replace the facts
    model); a path (a ``Path`` object, or a string with a directory separator or
    starting with ``.``) is always that folder. A bare name that is not a shipped model
    is a folder in the current directory.

    >>> model_path("ner") == models_dir() / "ner", model_path("./ner"), model_path(Path("ner"))
    (True, PosixPath('ner'), PosixPath('ner'))
    """
    s = os.fspath(name_or_path)
    if not isinstance(name_or_path, str) or os.sep in s or (os.altsep and os.altsep in s) or s.startswith("."):
        return Path(s)
    shipped = models_dir() / s
    if shipped.is_dir() or not Path(s).is_dir():
        return shipped
    return Path(s)


def save_model(
    path: str | os.PathLike[str],
    arrays: dict[str, np.ndarray],
    meta: dict[str, Any],
) -> Path:
    """Write ``arrays`` and ``meta`` to the folder ``path`` and return it.

    The library versions used for training are added to the metadata.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for key, arr in arrays.items():
        if np.asarray(arr).dtype == object:
            raise TypeError(f"array {key!r} has dtype object; models store plain numeric arrays only")
    np.savez_compressed(folder / WEIGHTS, **arrays)
    meta = dict(meta)
    meta.setdefault("versions", _versions())
    (folder / META).write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return folder


#: The line after which a model card is written by hand: the training command rewrites what is
#: above it from its report and keeps it and what follows (experiments, alternatives, speed).
KEPT_MARKER = "<!-- Written by hand: the training command rewrites the card above this line and keeps what follows. -->"


def kept_notes(card: str) -> str | None:
    """The hand-written part of a model card, from :data:`KEPT_MARKER` on (None without one).

    >>> kept_notes("# m\\n\\n" + KEPT_MARKER + "\\n## History\\n")  == KEPT_MARKER + "\\n## History\\n"
    True
    >>> kept_notes("# m") is None
    True
    """
    at = card.find(KEPT_MARKER)
    return card[at:] if at >= 0 else None


def write_card(folder: str | os.PathLike[str], generated: str) -> Path:
    """Write ``MODEL_CARD.md`` in ``folder``: ``generated`` (from a training report), then the
    hand-written part of the card already there (:func:`kept_notes`), if any."""
    path = Path(folder) / "MODEL_CARD.md"
    kept = kept_notes(path.read_text(encoding="utf-8")) if path.exists() else None
    path.write_text(generated + ("\n" + kept if kept else ""), encoding="utf-8")
    return path


def load_model(name_or_path: str | os.PathLike[str]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Load a model folder saved by :func:`save_model`; no code is executed."""
    folder = model_path(name_or_path)
    weights, meta = folder / WEIGHTS, folder / META
    if not weights.exists() or not meta.exists():
        name = folder.name
        raise ModelNotFoundError(
            f"model {name!r} not found in {folder}. Rebuild it with `nlp-news train {name} --data ...` "
            f"(see models/README.md), or point NLP_NEWS_MODELS at a folder that has it."
        )
    with np.load(weights, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    return arrays, json.loads(meta.read_text(encoding="utf-8"))


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "numpy": np.__version__}
    for mod in ("sklearn", "jieba", "rjieba", "spacy"):
        try:
            from importlib.metadata import version

            dist = {"sklearn": "scikit-learn"}.get(mod, mod)
            out[mod] = version(dist)
        except Exception:  # pragma: no cover - optional
            pass
    try:
        from importlib.metadata import version

        out["nlp-news"] = version("nlp-news")
    except Exception:  # pragma: no cover
        pass
    return out

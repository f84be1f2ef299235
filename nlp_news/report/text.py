"""The readable terminal report of one analysis (``--format text``).

Colour comes from click.style; click.echo drops it when output is not a terminal.
"""

from __future__ import annotations

import json
from typing import Any

import click

_SENT_COLOURS = {"positive": "green", "neutral": "bright_black", "negative": "red"}
_LABEL_COLOURS = {"PER": "magenta", "ORG": "blue", "LOC": "cyan", "PRODUCT": "yellow", "WORK": "green", "TITLE": "white"}


def format_value(value: Any) -> str:
    """A fact's value for people.

    >>> format_value(1327000000.0), format_value({"low": 10, "high": 20}), format_value({"start": "2025-01", "end": "2025-09"})
    ('1,327,000,000', '10 – 20', '2025-01 .. 2025-09')
    """
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, (int, float)):
        if float(value).is_integer() and abs(value) >= 1000:
            return f"{int(value):,}"
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dict):
        if "low" in value or "high" in value:
            return f"{format_value(value.get('low'))} – {format_value(value.get('high'))}"
        if "start" in value or "end" in value:
            return f"{value.get('start') or '…'} .. {value.get('end') or '…'}"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    return str(value)


def _label(d: dict[str, Any] | None, colours: dict[str, str] | None = None) -> str:
    if not d:
        return "—"
    score = d["scores"].get(d["label"], 0.0)
    text = f"{d['label']} {score:.2f}"
    colour = (colours or {}).get(d["label"])
    return click.style(text, fg=colour) if colour else text


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render_text(d: dict[str, Any], *, name: str | None = None, width: int = 100) -> str:
    """The terminal report of one ``to_dict()`` result."""
    text = d.get("text", "")
    lines: list[str] = []
    head = d.get("title") or name or d.get("id") or "(untitled)"
    lines.append(click.style(f"══ {head}", bold=True))
    info = [f"script {d.get('script')}", f"{len(d.get('paragraphs', []))} paragraphs"]
    if d.get("published"):
        info.insert(0, f"published {d['published']}")
    if name and name != head:
        info.insert(0, name)
    lines.append("   " + " · ".join(info))
    s = d.get("sentiment")
    if s:
        scores = " · ".join(f"{k[:3]} {v:.2f}" for k, v in s["scores"].items())
        lines.append(f"Sentiment  {_label(s, _SENT_COLOURS)}   ({scores})")
    t = d.get("themes")
    if t:
        lines.append("Themes     " + ", ".join(f"{k} {v:.2f}" for k, v in t.get("top", [])))
    if d.get("keywords"):
        lines.append("Keywords   " + " ".join(k["word"] for k in d["keywords"]))
    summ = (d.get("summary") or {}).get("text")
    if summ:
        lines.append("Summary    " + _clip(summ, width * 2))
    if d.get("boilerplate"):
        lines.append("Dropped    " + "; ".join(f"{b['kind']}: {_clip(b['text'], 30)}" for b in d["boilerplate"]))

    lines.append("")
    lines.append(click.style("Paragraphs", bold=True))
    for i, p in enumerate(d.get("paragraphs", []), 1):
        theme = p["theme"]["label"] if p.get("theme") else "—"
        lines.append(f"{i:>3} [{_label(p.get('sentiment'), _SENT_COLOURS)} | {theme}] {_clip(text[p['start']:p['end']], width - 30)}")

    if "entities" in d.get("stages", []):
        lines.append("")
        lines.append(click.style("Entities", bold=True))
        for e in d.get("entity_summary", []):
            aliases = [a for a in e["aliases"] if a != e["canonical"]]
            alias = f"  (also {', '.join(aliases)})" if aliases else ""
            tag = f"{e['label']}/{e['type']}"
            name = e["canonical"] + " " * max(1, 18 - _w(e["canonical"]))
            tag = click.style(tag, fg=_LABEL_COLOURS.get(e["label"])) + " " * max(1, 20 - len(tag))
            lines.append(f"  {name}{tag}×{e['mentions']}{alias}")
        if not d.get("entity_summary"):
            lines.append("  (none found)")

    if "facts" in d.get("stages", []):
        lines.append("")
        lines.append(click.style("Facts", bold=True))
        rows = [("text", "kind", "value", "unit", "bound", "metric", "subject", "period")]
        for f in d.get("facts", []):
            unit = f.get("currency") or f.get("unit") or ""
            if f.get("currency") and f.get("unit"):
                unit = f"{f['currency']}{f['unit']}"
            rows.append(
                (
                    _clip(f["text"], 18),
                    f["kind"],
                    format_value(f["value"]),
                    unit,
                    f.get("qualifier") or "",
                    f.get("metric") or "",
                    _clip(f.get("subject") or "", 12),
                    format_value(f.get("period")) if f.get("period") else "",
                )
            )
        widths = [max(_w(r[i]) for r in rows) for i in range(len(rows[0]))]
        for j, r in enumerate(rows):
            cells = [c + " " * (widths[i] - _w(c)) for i, c in enumerate(r)]
            line = "  " + "  ".join(cells).rstrip()
            lines.append(click.style(line, bold=True) if j == 0 else line)
        if len(rows) == 1:
            lines.append("  (none found)")
    return "\n".join(lines) + "\n"


def _w(s: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render_json(d: dict[str, Any], *, indent: int | None = 2) -> str:
    return json.dumps(d, ensure_ascii=False, indent=indent)

"""How `dyad annotate` shows a document: a readable listing, or one JSON object."""
from __future__ import annotations

import json
from typing import Any

from ..model import Document, Mention

COLOURS = {"country": "32", "igo": "36", "person": "35", "place": "34", "date": "33",
           "amount": "31", "percent": "31"}


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Sentence offsets, trailing whitespace left out, empty ones dropped."""
    out = []
    for s in doc.sents:
        text = s.text
        start, end = s.start_char, s.start_char + len(text.rstrip())
        start += len(text) - len(text.lstrip())
        if end > start:
            out.append((start, end))
    return out


def document_json(document: Document, sentences: list[tuple[int, int]], mentions: list[Mention]) -> dict[str, Any]:
    """The JSON view of an analysed document (the language layer's external contract)."""
    return {"id": document.id, "title": document.title, "published": document.published.to_dict(),
            "text": document.text, "sentences": [list(s) for s in sentences],
            "mentions": [m.to_dict() for m in mentions]}


def _show_value(m: Mention) -> str:
    v = m.value
    if m.kind == "person":
        bits = [v.get("name") or "?", v.get("role") or "", v.get("country") or ""]
        return " · ".join(b for b in bits if b)
    if m.kind == "place":
        return f"{v['name']} ({v.get('country') or '?'})"
    if m.kind == "date":
        if not v.get("start"):
            return "unresolved"
        span = v["start"] if v["start"] == v["end"] else f"{v['start']} .. {v['end']}"
        return span + (" (inferred)" if v.get("inferred") else "")
    if m.kind == "amount":
        return f"{v['value']:,.0f} {v.get('currency') or ''} {v.get('qualifier')}".replace(",", " ")
    if m.kind == "percent":
        return f"{v['value']} % {v.get('direction') or ''}".strip()
    if isinstance(v, list):
        return " + ".join(v)
    return str(v)


def document_listing(document: Document, sentences: list[tuple[int, int]], mentions: list[Mention],
                     colour: bool) -> str:
    """A readable listing: header, then each sentence with its mentions highlighted and listed."""
    pub = document.published.to_dict()
    when = "unknown" if not pub["start"] else (pub["start"] if pub["start"] == pub["end"]
                                               else f"{pub['start']} .. {pub['end']}")
    lines = [f"== {document.id}" + (f"  {document.title}" if document.title else ""),
             f"   published: {when} ({pub['source']})"]
    for n, (s, e) in enumerate(sentences, start=1):
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        lines.append(f"\n[{n}] {_highlight(document.text, s, e, inside, colour)}")
        for m in inside:
            lines.append(f"      {m.kind:<8} {m.text!r:<40} {_show_value(m)}")
    return "\n".join(lines)


def _highlight(text: str, s: int, e: int, mentions: list[Mention], colour: bool) -> str:
    out, pos = [], s
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        piece = text[m.start:m.end]
        out.append(f"\x1b[1;{COLOURS.get(m.kind, '37')}m{piece}\x1b[0m" if colour else f"[{piece}]")
        pos = m.end
    out.append(text[pos:e])
    return "".join(out).replace("\n", " ")


def dumps(obj: Any) -> str:
    """One line of JSON, UTF-8 kept readable."""
    return json.dumps(obj, ensure_ascii=False)

#!/usr/bin/env python3
"""The own corpus as real feeds deliver it: the same articles as JSON Lines, once with the
publication date at month precision only, once with no date at all, and in both without the
dateline ("Rabat, 29 octobre 2024 (MAP) –") that gives the day in the files.

    python eval/feeds.py month OUT.jsonl     # "published": "2024-10"
    python eval/feeds.py undated OUT.jsonl   # no "published", no dateline

The gold stays that of examples/gold: a fact dated "mardi" then matches leniently (the month
overlaps the day) but not strictly, which is what such a feed can give.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "examples" / "articles"
GOLD = ROOT / "examples" / "gold"
VARIANTS = ("month", "undated")
# A dateline at the start of one of the first lines: a place, a date, an agency, then a dash;
# at least one of the date and the agency.
_DATE = r"\d{1,2}(?:er)?\s+[^\W\d]+\.?(?:\s+\d{4})?"
_PLACE = r"[A-ZÀ-Ý][^\n(),–—]{0,40}?(?:\s*\([^\n()]{1,30}\))?"
_AGENCY = r"\s*\([^\n()]{1,30}\)"
DATELINE = re.compile(
    rf"^[ \t]*(?:{_PLACE},\s*(?:[^\W\d]+\s+)?{_DATE}(?:{_AGENCY})?|{_PLACE}{_AGENCY}|{_DATE}\s*\.?)"
    rf"\s*[–—-]+\s+", re.M)
# A short line at the top that only gives the date ("Par la Rédaction | Publié le 14 mars 2023 à
# 19h30", "14/03/2023").
DATE_LINE = re.compile(rf"^[^\n]{{0,40}}?(?:{_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{4}})[^\n\w]{{0,3}}(?:à\s+\d{{1,2}}h\d{{0,2}})?[ \t]*\n",
                       re.M)


def undate(text: str) -> str:
    """The text without its dateline and date-only lines in the first lines."""
    head_end = 0
    for _ in range(4):
        nl = text.find("\n", head_end)
        head_end = len(text) if nl < 0 else nl + 1
    head, rest = text[:head_end], text[head_end:]
    head = DATE_LINE.sub("", head)
    head = DATELINE.sub("", head)
    return head + rest


def documents():
    """(id, title, text, published) of every article of the own corpus, as Dyad reads them."""
    from dyad.ingest.readers import read_documents
    from dyad.model import Document
    from dyad.options import Options

    for item in read_documents([str(ARTICLES)], Options(progress=False)):
        if isinstance(item, Document):
            yield item


def build(variant: str) -> list[dict]:
    rows = []
    for doc in documents():
        gold = GOLD / f"{doc.id}.json"
        published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
        row = {"id": doc.id, "title": doc.title or None, "text": undate(doc.text)}
        if variant == "month" and published:
            row["published"] = published[:7]
        rows.append({k: v for k, v in row.items() if v is not None})
    return rows


def write(variant: str, out: Path) -> Path:
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build(variant)), encoding="utf-8")
    return out


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in VARIANTS:
        print(__doc__, file=sys.stderr)
        return 2
    write(sys.argv[1], Path(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

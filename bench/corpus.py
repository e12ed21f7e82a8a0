"""Corpora for the speed benchmark: WiNER-fr articles and the project's own examples.

Documents are plain dicts with the JSON Lines fields Dyad reads (id, text; title, published,
url, source when known), so that Dyad (through ``dyad.pipeline.process``) and the spaCy
baseline see exactly the same texts. The dataset is unpacked into a temporary folder at run
time; nothing is copied into the repository.
"""
from __future__ import annotations

import json
import re
import tarfile
from pathlib import Path
from typing import Iterable

REPO = Path(__file__).resolve().parent.parent
WINER_TAR = REPO.parent / "shared" / "datasets" / "winer_fr" / "winer_fr_brat_2016-2018.tar.gz"
EXAMPLE_DIRS = (REPO / "examples" / "articles", REPO / "examples" / "kazvnm" / "articles")

# 2016_01_01-001.txt: the file name carries the publication date
_WINER_NAME = re.compile(r"^(\d{4})_(\d{2})_(\d{2})-\d+$")

FIELDS = ("id", "text", "title", "published", "url", "source")


def count_words(text: str) -> int:
    """Whitespace-separated words, the unit of every rate in the benchmark."""
    return len(text.split())


def total_words(docs: Iterable[dict]) -> int:
    """Words over a list of documents."""
    return sum(count_words(d["text"]) for d in docs)


def winer_documents(tar_path: Path, workdir: Path) -> list[dict]:
    """Every WiNER-fr article (title + body), unpacked under ``workdir``, in file-name order."""
    target = workdir / "winer_fr"
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tar_path) as tar:
        tar.extractall(target, filter="data")
    docs = []
    for path in sorted(target.rglob("*.txt")):
        m = _WINER_NAME.match(path.stem)
        if m is None:  # the YYYY-MM-urls.txt maps
            continue
        text = path.read_text(encoding="utf-8")
        if text.strip():
            docs.append({"id": path.stem, "text": text, "published": "-".join(m.groups())})
    return docs


def example_documents(dirs: Iterable[Path] = EXAMPLE_DIRS) -> list[dict]:
    """The project's example articles, read by Dyad's own readers (HTML through trafilatura)."""
    from dyad.ingest.readers import read_documents
    from dyad.model import Document
    from dyad.options import Options

    out = []
    for item in read_documents([str(d) for d in dirs], Options(progress=False)):
        if isinstance(item, Document):
            out.append({"id": item.id, "text": item.text, "title": item.title,
                        "published": item.published_raw, "url": item.url, "source": item.source})
    return out


def repeat_to(docs: list[dict], words: int) -> list[dict]:
    """Whole copies of ``docs`` until at least ``words`` words; copies get ids ending in ~2, ~3..."""
    out = list(docs)
    copy = 1
    while total_words(out) < words and docs:
        copy += 1
        out += [dict(d, id=f"{d['id']}~{copy}") for d in docs]
    return out


def spread_subset(docs: list[dict], words: int) -> list[dict]:
    """Documents taken evenly across the list until about ``words`` words (all when fewer)."""
    total = total_words(docs)
    if total <= words:
        return list(docs)
    share = words / total  # keep this share of the documents, one in every 1/share
    return [d for i, d in enumerate(docs) if int((i + 1) * share) > int(i * share)]


def write_jsonl(docs: Iterable[dict], path: Path) -> Path:
    """Write documents as JSON Lines (only the fields that are set)."""
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({k: d[k] for k in FIELDS if d.get(k) is not None}, ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    """Documents written by ``write_jsonl``."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]

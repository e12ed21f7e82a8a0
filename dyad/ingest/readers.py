"""Readers: plain text, HTML pages, JSON Lines and folders of them, into Documents.

Every reader yields either a ``Document`` or a ``Failure`` (``dyad.errors``); a bad file or
line is reported and the batch goes on.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import Errors, Failure
from ..model import Document
from ..options import Options

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def decode_bytes(data: bytes) -> tuple[str, str, bool]:
    """Decode text of unknown encoding: (text, encoding, lossy). Never raises."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    # cp1252 is a superset of latin-1's printable range and what French Windows text uses;
    # charset-normalizer arbitrates when cp1252 has undefined bytes.
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, False
    return data.decode("latin-1"), "latin-1", True


def normalise_newlines(text: str) -> str:
    """Offsets are into the text as read, with CRLF and CR turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path, options: Options) -> Iterator[Document | Failure]:
    """A .txt file: one document, id = file stem."""
    data = path.read_bytes()
    text, encoding, lossy = decode_bytes(data)
    if lossy:
        yield Failure.of(Errors.E010, fatal=False, path=path, encoding=encoding)
    text = normalise_newlines(text)
    if not text.strip():
        yield Failure.of(Errors.E002, path=path)
        return
    yield Document(id=path.stem, text=text, path=str(path))


def read_html_file(path: Path, options: Options) -> Iterator[Document | Failure]:
    """An HTML page: its main text, title, date and URL, through trafilatura."""
    raw, _, _ = decode_bytes(path.read_bytes())
    doc = html_to_document(raw, path.stem, str(path))
    if doc is None:
        yield Failure.of(Errors.E007, path=path)
        return
    yield doc


def html_to_document(html: str, doc_id: str, where: str) -> Document | None:
    """Extract the article from an HTML page; None when the page holds no text."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    result = extracted.as_dict() if extracted is not None else None
    if not result or not (result.get("text") or "").strip():
        return None
    return Document(id=doc_id, text=normalise_newlines(result["text"]), title=result.get("title"),
                    published_raw=result.get("date"), url=result.get("url"),
                    source=result.get("sitename"), path=where)


def read_jsonl_file(path: Path, options: Options) -> Iterator[Document | Failure]:
    """A JSON Lines file: one document per line (id, text; optional title, published, url, source)."""
    raw, _, _ = decode_bytes(path.read_bytes())
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure.of(Errors.E004, path=path, line=n, reason=err.msg)
            continue
        if not isinstance(obj, dict):
            yield Failure.of(Errors.E004, path=path, line=n, reason="not a JSON object")
            continue
        missing = next((f for f in ("id", "text") if obj.get(f) in (None, "")), None)
        if missing:
            yield Failure.of(Errors.E005, path=path, line=n, field=missing)
            continue
        bad = next((f for f in ("text", "title", "published", "url", "source")
                    if obj.get(f) is not None and not isinstance(obj[f], str)), None)
        if bad:
            yield Failure.of(Errors.E009, path=path, line=n, field=bad)
            continue
        if len(obj["text"].encode("utf-8")) > options.max_bytes:
            yield Failure.of(Errors.E003, path=f"{path}:{n}", size=len(obj["text"].encode()),
                           limit=options.max_bytes)
            continue
        yield Document(id=str(obj["id"]), text=normalise_newlines(obj["text"]), title=obj.get("title"),
                       published_raw=obj.get("published"), url=obj.get("url"),
                       source=obj.get("source"), path=f"{path}:{n}")


def _reader_for(path: Path):
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text_file
    if suffix in HTML_SUFFIXES:
        return read_html_file
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file
    return None


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Files named, and the files of folders named, recursively and in a stable order."""
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    f = Path(root) / name
                    if _reader_for(f) is None:
                        yield Failure.of(Errors.E006, fatal=False, path=f, suffix=f.suffix or "(none)")
                    else:
                        yield f
        elif p.is_file() or str(p) == "-":
            yield p
        else:
            yield Failure.of(Errors.E008, path=p)


def read_documents(paths: Iterable[str | Path], options: Options) -> Iterator[Document | Failure]:
    """Every document under the given paths, with a Failure for each thing that could not be read."""
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
            continue
        reader = _reader_for(item)
        if reader is None:
            yield Failure.of(Errors.E006, path=item, suffix=item.suffix or "(none)")
            continue
        try:
            size = item.stat().st_size
            if size == 0:
                yield Failure.of(Errors.E002, path=item)
                continue
            if size > options.max_bytes and reader is not read_jsonl_file:
                yield Failure.of(Errors.E003, path=item, size=size, limit=options.max_bytes)
                continue
            yield from reader(item, options)
        except OSError as err:
            yield Failure.of(Errors.E001, path=item, reason=err.strerror or str(err))

"""The whole job over a pile of files: read, analyse, extract; one document at a time,
in one process or several, with failures reported and skipped.

    for item in process(["corpus/"], options):
        if isinstance(item, Processed): ...   # .document, .mentions, .records
        else: ...                             # Failure: .path, .code, .message, .fatal
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .errors import Errors, Failure
from .ingest.readers import read_documents
from .model import Document, Mention, Record
from .options import Options


@dataclass
class Processed:
    """A document with its mentions and records."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    skipped_parse: bool = False  # set aside by the pre-filter: nothing to extract


def _analysis_failed(document: Document, err: Exception) -> Failure:
    return Failure.of(Errors.E021, path=document.path or document.id, doc=document.id, reason=repr(err))


def _work(documents: list[Document], options: Options, extract: bool) -> list[Processed | Failure]:
    """Analyse (and extract from) a batch of documents in this process."""
    from .extraction import extract_records
    from .lang import lexicon
    from .language.focus import sentence_in_focus, worth_parsing
    from .language.pipeline import analyse
    from .reports.annotations import sentence_spans

    lex = lexicon(options.lang)
    out: list[Processed | Failure] = []
    todo = []
    for d in documents:
        if extract and options.prefilter and not worth_parsing(d, lex):
            out.append(Processed(d, [], [], skipped_parse=True))
        else:
            todo.append(d)
    focus = sentence_in_focus(lex) if extract and options.prefilter else None
    try:
        pairs = list(analyse(todo, options, focus))
    except Exception:  # one bad document must not sink the batch: retry one by one
        pairs = []
        for d in todo:
            try:
                pairs += list(analyse([d], options, focus))
            except Exception as err:  # noqa: BLE001 - reported with the document's id
                out.append(_analysis_failed(d, err))
    for document, doc in pairs:
        try:
            records = extract_records(document, doc, options) if extract else []
        except Exception as err:  # noqa: BLE001
            out.append(_analysis_failed(document, err))
            continue
        out.append(Processed(document, list(doc._.mentions), records, sentence_spans(doc)))
    return out


_WORKER_OPTIONS: tuple[Options, bool] | None = None


def _init_worker(options: Options, extract: bool) -> None:
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = (options, extract)
    from .language.pipeline import load_nlp

    load_nlp(options.model, options.lang)


def _work_in_worker(documents: list[Document]) -> list[Processed | Failure]:
    assert _WORKER_OPTIONS is not None
    return _work(documents, *_WORKER_OPTIONS)


def _batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document] | Failure]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process(paths: Iterable[str], options: Options, extract: bool = True) -> Iterator[Processed | Failure]:
    """Read every document under ``paths``, analyse it and (by default) extract its records."""
    stream = _batches(read_documents(paths, options), options.batch_size)
    bar = _progress(options)
    try:
        if options.workers <= 1:
            from .language.pipeline import load_nlp

            load_nlp(options.model, options.lang)
            for item in stream:
                if isinstance(item, Failure):
                    yield item
                    continue
                for result in _work(item, options, extract):
                    bar.update(1)
                    yield result
            return
        ctx = mp.get_context("fork")
        with ctx.Pool(options.workers, initializer=_init_worker, initargs=(options, extract)) as pool:
            failures: list[Failure] = []

            def only_batches() -> Iterator[list[Document]]:
                for item in stream:
                    if isinstance(item, Failure):
                        failures.append(item)
                    else:
                        yield item
            for results in pool.imap(_work_in_worker, only_batches()):
                while failures:
                    yield failures.pop(0)
                for result in results:
                    bar.update(1)
                    yield result
            while failures:
                yield failures.pop(0)
    finally:
        bar.close()


def _progress(options: Options):
    from tqdm import tqdm

    return tqdm(unit="doc", desc="dyad", file=sys.stderr, disable=not options.progress,
                leave=False, dynamic_ncols=True)

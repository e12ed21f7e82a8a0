"""Every error Dyad reports, in one place, with a stable code, and the one failure record.

A message says what went wrong, where, and what to do. Codes never change meaning;
new errors take new codes: E001-E011 reading, E020-E022 analysis, E030-E057 the knowledge
base, its queries and its reports.

Two ways to fail: an error that stops the command (``DyadError`` and its kinds, raised), and
a ``Failure``, the record of one file, line or document that was not processed; the batch
goes on without it. A failure keeps its type from the reader to the knowledge base.
"""
from __future__ import annotations

from dataclasses import dataclass


class Errors:
    E001 = "[E001] Cannot read {path}: {reason}."
    E002 = "[E002] {path}: the file is empty; nothing to analyse."
    E003 = ("[E003] {path}: {size} bytes is over the size limit of {limit} bytes; "
            "split it or raise --max-bytes.")
    E004 = "[E004] {path}: line {line} is not valid JSON ({reason}); the line is skipped."
    E005 = "[E005] {path}: line {line} has no '{field}' field (every JSON Lines document needs 'id' and 'text')."
    E006 = "[E006] {path}: unsupported file type '{suffix}' (Dyad reads .txt, .html, .htm, .jsonl); skipped."
    E007 = "[E007] {path}: no article text could be extracted from this HTML page."
    E008 = "[E008] {path}: no such file or folder."
    E009 = "[E009] {path}: line {line}: '{field}' must be a string."
    E010 = "[E010] {path}: the text could not be decoded; it was read as {encoding} with replacement characters."
    E011 = "[E011] {path}: line {line}: 'published' value {value!r} is not an ISO 8601 date; ignored."
    E020 = "[E020] The French language model '{model}' is not installed. Run the README's set-up (pip install -e .)."
    E021 = "[E021] Analysis of document {doc} failed: {reason}; the document is skipped."
    E022 = ("[E022] No language tables for {lang!r} (known: {known}); add a folder of rows under "
            "dyad/lang/ or choose a known language.")
    E030 = "[E030] Unknown country or organisation {name!r}. Give an ISO 3166 code (KAZ) or a name (Kazakhstan, Viêt Nam)."
    E031 = "[E031] Unknown record type {name!r}; choose from {choices}."
    E032 = "[E032] No event with id {id!r} in {db}."
    E033 = "[E033] {name!r} has several readings: {readings}. Give the code of the one you mean."
    E040 = "[E040] Cannot open the store {db}: {reason}."
    E041 = "[E041] The store {db} has schema version {found}, newer than this Dyad ({known}); upgrade Dyad."
    E042 = ("[E042] Document {doc}: record {index} has type {type!r}, not one of {choices}; "
            "the document is skipped.")
    E043 = ("[E043] Document {doc}: record {index} says it comes from document {other!r}; "
            "a record must carry the id of the document it was extracted from. The document is skipped.")
    E044 = ("[E044] Document {doc}: record {index} has party {value!r}, which is neither an ISO 3166 "
            "alpha-3 code (VNM) nor IGO:<acronym> (IGO:UN); the document is skipped.")
    E045 = ("[E045] Document {doc}: record {index} has evidence [{start}, {end}) outside the text "
            "({length} characters); the document is skipped.")
    E046 = "[E046] Document {doc} could not be written to the store: {reason}; the document is skipped."
    E047 = ("[E047] {value!r} is not a date; give a year (2010), a month (2010-05) "
            "or a day (2010-05-21).")
    E048 = "[E048] Unknown export format {fmt!r}; choose from {choices}."
    E049 = "[E049] Unknown output format {fmt!r}; choose from {choices}."
    E050 = "[E050] Cannot write {path}: {reason}."
    E051 = ("[E051] Cannot read {text!r} as two countries; give two ISO codes (KAZ VNM) "
            "or two names (Kazakhstan Vietnam).")
    E052 = "[E052] No series of kind {kind!r}; choose from {choices}."
    E053 = ("[E053] Cannot ingest an item of type {kind}; give (Document, mentions, records) "
            "tuples, pipeline results or failures.")
    E054 = ("[E054] Document {doc}: record {index} has a date interval that ends ({end}) "
            "before it starts ({start}); the document is skipped.")
    E055 = "[E055] A document has an empty id (from {path}); give it an id or a file name."
    # E056 is retired (it was never raised); it is not given to a new error.
    E057 = ("[E057] Writing to the store {db} failed: {reason}. Everything committed before is "
            "kept; run the same command again to finish.")


def code_of(template: str) -> str:
    """The code of a message template ("E001"), E000 for a message without one."""
    return template[1:5] if template.startswith("[E") else "E000"


class DyadError(Exception):
    """An error with a stable code; ``str(err)`` is the full message."""

    def __init__(self, template: str, **fields: object) -> None:
        self.code = code_of(template)
        self.fields = fields
        super().__init__(template.format(**fields))


class StoreError(DyadError):
    """The knowledge-base store cannot be opened or written."""


class InvalidDocument(StoreError):
    """A document whose records break the record format; it is skipped, the batch goes on."""


class NotFound(DyadError):
    """A query named something the store does not hold (an event id, a pair)."""


class QueryError(DyadError):
    """A query argument that cannot be understood (a date, a country, a format)."""


@dataclass
class Failure:
    """A file, line or document that was not processed, or was read with a caveat."""

    path: str | None  # where it came from (a file, file:line, or the document's path)
    code: str
    message: str
    fatal: bool = True  # False: a note; the document (if any) was still read
    doc: str | None = None  # the document's id, when there was a document

    @classmethod
    def of(cls, template: str, *, fatal: bool = True, **fields: object) -> Failure:
        """A failure from a message template of ``Errors`` and its fields (``path`` and ``doc``
        among them, when known)."""
        path, doc = fields.get("path"), fields.get("doc")
        return cls(None if path is None else str(path), code_of(template), template.format(**fields), fatal,
                   None if doc is None else str(doc))

    def __str__(self) -> str:
        return self.message

"""The knowledge base's own error messages (codes E042-E049, E051-E059).

The store-wide ones (E030 unknown country, E031 unknown type, E032 unknown event,
E040 cannot open, E041 newer schema, E050 cannot write) stay in ``dyad.errors``.
"""
from __future__ import annotations

from dyad.errors import DyadError, StoreError


class KBErrors:
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
    E051 = ("[E051] Cannot read {text!r} as two countries; give two ISO codes (KAZ VNM) "
            "or two names (Kazakhstan Vietnam).")
    E052 = "[E052] No series of kind {kind!r}; choose from {choices}."
    E053 = ("[E053] Cannot ingest an item of type {kind}; give (Document, mentions, records) "
            "tuples or pipeline results.")
    E054 = ("[E054] Document {doc}: record {index} has a date interval that ends ({end}) "
            "before it starts ({start}); the document is skipped.")
    E055 = "[E055] A document has an empty id (from {path}); give it an id or a file name."
    E056 = "[E056] {path}: the failed document was not ingested: [{code}] {message}"
    E057 = ("[E057] Writing to the store {db} failed: {reason}. Everything committed before is "
            "kept; run the same command again to finish.")


class NotFound(DyadError):
    """A query named something the store does not hold (an event id, a pair)."""


class InvalidDocument(StoreError):
    """A document whose records break the record format; it is skipped, the batch goes on."""


class QueryError(DyadError):
    """A query argument that cannot be understood (a date, a country, a format)."""

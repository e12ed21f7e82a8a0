"""Every error Dyad reports, in one place, with a stable code.

A message says what went wrong, where, and what to do. Codes never change meaning;
new errors take new codes.
"""
from __future__ import annotations


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
    E033 = "[E033] {name!r} has several readings: {readings}. Give the code of the one you mean."
    E031 = "[E031] Unknown record type {name!r}; choose from {choices}."
    E032 = "[E032] No event with id {id!r} in {db}."
    E040 = "[E040] Cannot open the store {db}: {reason}."
    E041 = "[E041] The store {db} has schema version {found}, newer than this Dyad ({known}); upgrade Dyad."
    E050 = "[E050] Cannot write {path}: {reason}."


class DyadError(Exception):
    """An error with a stable code; ``str(err)`` is the full message."""

    def __init__(self, template: str, **fields: object) -> None:
        self.code = template[1:5] if template.startswith("[E") else "E000"
        self.fields = fields
        super().__init__(template.format(**fields))


class InputError(DyadError):
    """A document or file that cannot be read as given; the batch goes on without it."""


class StoreError(DyadError):
    """The knowledge-base store cannot be opened or written."""

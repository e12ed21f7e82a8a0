"""The data model shared by every stage: documents, mentions, dates and records.

Offsets are always character offsets into ``Document.text`` as read, end exclusive.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# How a document's publication date was found.
DATE_SOURCES = ("metadata", "dateline", "text", "inferred", "unknown")

MENTION_KINDS = ("country", "igo", "person", "place", "date", "amount", "percent")

RECORD_TYPES = ("visit", "meeting", "agreement", "invitation", "relations", "support", "trade")


@dataclass(frozen=True)
class Interval:
    """An inclusive interval of days, with the precision it was stated at."""

    start: date
    end: date
    granularity: str = "day"  # day, week, month, quarter, half, year, decade, range
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        if self.inferred:
            out["inferred"] = True
        return out

    def overlaps(self, other: "Interval") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class PublicationDate:
    """When a document was published, and how we know."""

    interval: Interval | None
    source: str = "unknown"  # one of DATE_SOURCES

    def to_dict(self) -> dict[str, Any]:
        if self.interval is None:
            return {"start": None, "end": None, "source": self.source}
        return {"start": self.interval.start.isoformat(), "end": self.interval.end.isoformat(),
                "source": self.source}


@dataclass
class Document:
    """One article as read from a file or a JSON Lines line."""

    id: str
    text: str
    title: str | None = None
    published_raw: str | None = None  # the metadata value, as given
    url: str | None = None
    source: str | None = None  # the outlet, when given
    path: str | None = None  # where it was read from (file, or file:line)
    published: PublicationDate = field(default_factory=lambda: PublicationDate(None))

    @property
    def content_hash(self) -> str:
        """A hash of what the analysis depends on: text, title and date metadata."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.published_raw or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass
class Mention:
    """A span of the text with its kind and normalised value (see MENTION_KINDS)."""

    kind: str
    start: int
    end: int
    text: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "value": self.value}


@dataclass
class Record:
    """One fact stated in one document, in the shape of shared/spec/records.md."""

    doc: str
    type: str
    actor: str | None
    target: str | None
    persons: list[str] = field(default_factory=list)
    when: Interval | None = None
    where: str | None = None
    topics: list[str] | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # extraction hints, not exported

    def to_dict(self) -> dict[str, Any]:
        """The record in the export format of shared/spec/records.md."""
        out = fact_dict({"doc": self.doc}, self.type, self.actor, self.target, self.persons, self.when,
                        self.where, self.topics, self.attrs)
        out["evidence"] = [list(e) for e in self.evidence]
        return out


def fact_dict(head: dict[str, Any], type: str, actor: str | None, target: str | None, persons: list[str],
              when: Interval | None, where: str | None, topics: list[str] | None,
              attrs: dict[str, Any]) -> dict[str, Any]:
    """A fact in the record format, after ``head`` (the document, or the sources of an event)."""
    out: dict[str, Any] = {**head, "type": type, "actor": actor, "target": target}
    if persons or type in ("visit", "meeting", "invitation"):
        out["persons"] = list(persons)
    out["when"] = when.to_dict() if when else None
    out["where"] = where
    if topics is not None:
        out["topics"] = list(topics)
    out["attrs"] = dict(attrs)
    return out

"""Dyad's knowledge base: a store of documents, records, merged events, persons and conflicts.

The library under ``dyad ingest / dyads / timeline / series / conflicts / show / export /
stats``::

    from dyad.kb import open_store, ingest, timeline, format_timeline
    store = open_store("dyad.db")            # or "postgresql://user@host/db"
    ingest(store, pipeline_results)          # -> IngestSummary
    print(format_timeline(timeline(store, "Kazakhstan Vietnam"), "json"))
"""
from .countries import country_name, lookup_country, pair_key, resolve_country, resolve_pair
from .errors import InvalidDocument, KBErrors, NotFound, QueryError
from .export import EXPORT_FORMATS, export
from .format import (FORMATS, format_conflicts, format_dyads, format_event, format_series, format_stats,
                     format_summary, format_timeline)
from .ingest import FailedItem, IngestSummary, ingest, merge_pending, remerge_all
from .queries import (ConflictView, Dyad, EventDetail, Series, SeriesPoint, SourceView, StoredEvent,
                      conflicts, dyads, parse_date, person_list, series, show, stats, timeline)
from .store import Store, open_store

__all__ = [
    "EXPORT_FORMATS", "FORMATS", "ConflictView", "Dyad", "EventDetail", "FailedItem", "IngestSummary",
    "InvalidDocument", "KBErrors", "NotFound", "QueryError", "Series", "SeriesPoint", "SourceView", "Store",
    "StoredEvent", "conflicts", "country_name", "dyads", "export", "format_conflicts", "format_dyads",
    "format_event", "format_series", "format_stats", "format_summary", "format_timeline", "ingest",
    "lookup_country", "merge_pending", "open_store", "pair_key", "parse_date", "person_list",
    "remerge_all", "resolve_country", "resolve_pair", "series", "show", "stats", "timeline",
]

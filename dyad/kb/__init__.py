"""Dyad's knowledge base: a store of documents, records, merged events, persons and conflicts.

The store only: it writes and reads data, and prints nothing (``dyad.reports`` turns results
into tables and exports). The library under ``dyad ingest / dyads / timeline / series /
conflicts / show / stats``::

    from dyad.kb import open_store, ingest, timeline
    from dyad.reports.tables import format_timeline
    store = open_store("dyad.db")            # or "postgresql://user@host/db"
    ingest(store, pipeline_results)          # -> IngestSummary
    print(format_timeline(timeline(store, "Kazakhstan Vietnam"), "json"))
"""
from .countries import country_name, lookup_country, pair_key, resolve_country, resolve_pair
from .ingest import IngestSummary, ingest, merge_pending, remerge_all
from .queries import (ConflictView, Dyad, EventDetail, Series, SeriesPoint, SourceView, StoredEvent,
                      conflicts, dyads, parse_date, person_list, series, show, stats, timeline)
from .store import Store, open_store

__all__ = [
    "ConflictView", "Dyad", "EventDetail", "IngestSummary", "Series", "SeriesPoint", "SourceView", "Store",
    "StoredEvent", "conflicts", "country_name", "dyads", "ingest", "lookup_country", "merge_pending",
    "open_store", "pair_key", "parse_date", "person_list", "remerge_all", "resolve_country", "resolve_pair",
    "series", "show", "stats", "timeline",
]

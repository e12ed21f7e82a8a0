"""Reports: what the library's results look like to a reader or another program.

- ``annotations``: `dyad annotate`'s listing of a document, or one JSON object per document;
- ``records``: `dyad extract`'s records as JSON Lines (the spec's export format), CSV or a table;
- ``tables``: the knowledge base's query results (dyads, timeline, series, conflicts, one
  event, statistics, an ingest summary) as a table, JSON or CSV;
- ``exports``: `dyad export`, the store's events, records and conflicts as JSON Lines, CSV or
  Parquet, with CAMEO and PLOVER codes;
- ``charts``: a pair's series drawn to an image.

Nothing here writes to the store; the knowledge base (``dyad.kb``) prints nothing.
"""

"""Dyad: a source-linked knowledge base of bilateral relations, built from news articles."""

__version__ = "0.1.0"

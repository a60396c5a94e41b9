"""Ingest (files, HTML, JSONL, stdin), the SQLite store, exports."""

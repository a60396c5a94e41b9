"""serve and report: read the store, never the NLP; static/ holds the page."""

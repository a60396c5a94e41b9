"""Loaders of the data: actors, the gazetteer (and its build), place-name folding, the word lists."""

"""Comparison: figures → comparison tables (DataFrames only: no Markdown, no charts)."""

"""Presentation: tables → what a notebook shows (sentences, charts, tables)."""

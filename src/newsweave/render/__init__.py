"""Renderers: the brief (a plain dict, see brief.py) as JSON or Markdown."""

"""Grouping articles: near-duplicates and syndicated copies (story clustering comes next)."""

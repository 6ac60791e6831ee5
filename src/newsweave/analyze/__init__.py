"""Per-article analysis: sentences now; entities, quotes, quantities, dates and stance later."""

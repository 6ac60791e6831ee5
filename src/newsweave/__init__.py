"""newsweave: turn a pile of news articles about the same events into a trustworthy, cited brief.

    import newsweave
    print(newsweave.render(newsweave.brief("examples/harbor-fire"), "md"))

See newsweave.api for the calls (brief, render, extract, Store) and newsweave.errors for the exceptions.
The calls are imported on first use, so ``import newsweave`` loads no model library.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsweave.errors import NewsweaveError, NotAnalysed
from newsweave.model import Article, Document, ReadError, Removed, Sentence

if TYPE_CHECKING:
    from newsweave.api import Store, brief, render
    from newsweave.pipeline import extract

__version__ = "0.1.0"
_LAZY = {"Store": "newsweave.api", "brief": "newsweave.api", "render": "newsweave.api", "extract": "newsweave.pipeline"}
__all__ = [
    "Article",
    "Document",
    "NewsweaveError",
    "NotAnalysed",
    "ReadError",
    "Removed",
    "Sentence",
    "Store",
    "__version__",
    "brief",
    "extract",
    "render",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")

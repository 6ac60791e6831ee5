"""newsweave: turn a pile of news articles about the same events into a trustworthy, cited brief."""

from newsweave.model import Article, Document, ReadError, Removed, Sentence

__version__ = "0.1.0"
__all__ = ["Article", "Document", "ReadError", "Removed", "Sentence", "__version__"]

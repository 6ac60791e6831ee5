"""Independent sources: a reprinted wire story is one source, not five.

An article's source is found by following ``duplicate_of`` (near-duplicate
copies, group.near_duplicates) to the original, then taking the wire
agency the original credits ("(Reuters) -", "- AP") if any, else its outlet.
Two outlets running the same agency copy, even re-edited beyond what
MinHash catches, are therefore one source; two articles of one outlet are
one source too.
"""

from __future__ import annotations

from newsweave.model import Article
from newsweave.newstext import same_organisation, strip_org_words


def outlet_name(article: Article) -> str:
    """The outlet as shown to users; the article id when the page never names it."""
    return article.outlet or article.agency or article.id


def source_keys(articles: list[Article]) -> dict[str, str]:
    """Article id -> the key of its independent source (equal keys = one source)."""
    by_id = {a.id: a for a in articles}
    keys: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for article in articles:
        original, seen = article, {article.id}
        while original.duplicate_of in by_id and original.duplicate_of not in seen:
            original = by_id[original.duplicate_of]
            seen.add(original.id)
        name = original.agency or original.outlet
        keys[article.id] = _key(name, names) if name else f"article:{original.id}"
    return keys


def _key(name: str, known: list[tuple[str, str]]) -> str:
    """'MPA', 'Meridian Press Agency' and 'MERIDIAN PRESS' share the key of the first spelling seen."""
    short = strip_org_words(name).casefold()
    for full, key in known:
        if same_organisation(name, full) or short == key:
            return key
    known.append((name, short))
    return short

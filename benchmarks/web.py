"""Web app speed on a large store: the story list, its search and facets, through the ASGI app.

    python benchmarks/web.py [--articles 100000] [--repeat 5]

A synthetic archive (gen_corpus.py, N articles in N/20 stories) is ingested into a fresh store, then
each request runs ``--repeat`` times through the app (fastapi's TestClient, no network) and the median
is reported. Peer, in the same run: the store's own ``Store.stories()``, which groups every stored row
in Python, as a page would if it listed stories without SQL aggregation.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from gen_corpus import generate
from newsweave.api import Store
from newsweave.web.app import create_app


def median_ms(call, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsweave-web-") as tmp:
        corpus, db = Path(tmp) / "corpus.jsonl", Path(tmp) / "news.db"
        items = generate(args.articles, max(1, args.articles // 20))
        with open(corpus, "w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps({k: v for k, v in item.items() if k != "story"}) + "\n")
        started = time.perf_counter()
        with Store(db) as store:
            store.ingest([str(corpus)])
        print(f"{args.articles} articles ingested in {time.perf_counter() - started:.0f} s\n")
        client = TestClient(create_app(db))
        outlet = next(iter(client.get("/api/stories").json()["facets"]["outlets"]))
        requests = [
            ("story list, first page", "/api/stories", {}),
            ("story list, page 100", "/api/stories", {"page": 100}),
            ("search 'earthquake rubble'", "/api/stories", {"q": "earthquake rubble"}),
            ("outlet facet", "/api/stories", {"outlet": outlet}),
            ("date range + min. 3 sources", "/api/stories", {"since": "2024-06-01", "until": "2024-12-31", "min_sources": 3}),
            ("story list page (HTML)", "/", {}),
            ("article search API", "/api/search", {"q": "warehouse fire"}),
        ]  # fmt: skip
        print(f"| request | median of {args.repeat} |\n|---|---|")
        for label, path, params in requests:
            assert client.get(path, params=params).status_code == 200
            print(f"| {label} | {median_ms(lambda p=path, q=params: client.get(p, params=q), args.repeat):.0f} ms |")
        with Store(db, read_only=True) as store:
            peer = median_ms(store.stories, args.repeat)
        print(f"| peer: Store.stories() (every row grouped in Python) | {peer:.0f} ms |")


if __name__ == "__main__":
    main()

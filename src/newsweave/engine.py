"""Where per-document work runs: in this process, on a local process pool, or on a Dask cluster.

The per-document stages (cleaning a document, analysing a batch of
articles) are pure functions of their input, so they can go anywhere; the
engine only decides where, and always hands results back in input order,
which keeps the output byte-identical whatever ran it.

- ``local``: in this process for small runs, else a process pool on every core;
- ``dask``: dask.distributed, on the scheduler at ``--scheduler ADDRESS``, or on a
  LocalCluster started (and stopped) for the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from newsweave.defaults import ENGINES

T = TypeVar("T")
R = TypeVar("R")
POOL_FROM = 64  # items: below this, starting workers costs more than it saves


class Engine(AbstractContextManager["Engine"]):
    """Maps a function over items somewhere, results in input order."""

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        raise NotImplementedError

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        pass


class LocalEngine(Engine):
    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if len(items) < POOL_FROM or self.workers == 1:
            return [func(item) for item in items]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        chunk = max(1, len(items) // (self.workers * 4))
        return list(self._pool.map(func, items, chunksize=chunk))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskEngine(Engine):
    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None,
            )  # fmt: skip
            scheduler = self._cluster.scheduler_address
        self.client = Client(scheduler)

    def map(self, func: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        futures = self.client.map(func, list(items), pure=False)
        return self.client.gather(futures)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str = "local", scheduler: str | None = None) -> Engine:
    if name == "local":
        return LocalEngine()
    if name == "dask":
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r}: expected one of {', '.join(ENGINES)}")


@contextmanager
def engine_for(name: str = "local", scheduler: str | None = None) -> Iterator[Engine]:
    engine = make_engine(name, scheduler)
    try:
        yield engine
    finally:
        engine.close()


def batched(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]

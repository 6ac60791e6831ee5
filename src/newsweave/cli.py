"""The `newsweave` command: a thin Typer layer over the library (pipeline, brief, render).

Exit codes: 0 when every input was read, 1 when some failed (each named on
stderr, the rest processed), 2 on usage errors, 3 when the language model
package is not installed (the message says what to install), 4 on an
environment error (the store, the output path, the Dask scheduler). Each
ends with one line on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from newsweave import __version__
from newsweave.defaults import BATCH, DEFAULT_DB, ENGINES, LENGTH, LENGTHS
from newsweave.errors import ModelMissing, StoreError, logger
from newsweave.limits import MAX_BYTES_VARIABLE, MAX_SECONDS_VARIABLE
from newsweave.model import ReadError
from newsweave.renderers.json import to_json, to_jsonl

if TYPE_CHECKING:  # the pipeline is imported by the commands that run it, so that --help starts at once
    from newsweave.api import IngestSummary
    from newsweave.engine import Engine
    from newsweave.pipeline import Extraction

EXIT_ENVIRONMENT = 4
app = typer.Typer(
    name="newsweave",
    pretty_exceptions_enable=False,
    help="Turn a pile of news articles about the same events into a trustworthy, cited brief.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl, .ndjson, each optionally .gz; .warc, .warc.gz; .rss, .atom, "
        ".xml feeds), directories (read recursively), globs, or '-' for JSONL on stdin.",
        show_default=False,
    ),
]


def _writable(output: Path | None) -> Path | None:
    """Refuse an output path that cannot be written before any work is done (exit code 4)."""
    if output is not None:
        if output.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(output))
        if not output.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such folder", str(output.parent))
    return output


Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.", callback=_writable)
]
EngineOption = Annotated[
    str, typer.Option("--engine", help="Where per-document work runs: local (process pool) or dask.")
]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="With --engine dask: a scheduler address; default: a LocalCluster.")
]


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


class BriefFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"
    text = "text"


LengthOption = Annotated[
    int,
    typer.Option("--length", min=LENGTHS.start, max=LENGTHS.stop - 1, help="Lines in each story's summary."),
]


def _render_brief(data: dict, fmt: BriefFormat, output: Path | None) -> str:
    """The brief in the chosen format; the terminal view has colours only when it goes to a terminal."""
    from newsweave.api import render

    return render(data, fmt.value, color=output is None and sys.stdout.isatty())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress and each failed input.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Log everything, with the traceback of each error.")] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Largest input (or JSONL line, WARC record) read, decompressed."),
    ] = None,
    max_seconds: Annotated[
        float | None, typer.Option("--max-seconds", min=0, help="Longest time cleaning one document (0: no limit).")
    ] = None,
) -> None:
    """newsweave: who said what, what is corroborated, where outlets disagree — cited, offline."""
    _settings["debug"] = debug
    if verbose or debug:
        logging.basicConfig(format="newsweave: %(levelname)s: %(message)s", stream=sys.stderr)
        logger.setLevel(logging.DEBUG if debug else logging.INFO)
    for variable, value in ((MAX_BYTES_VARIABLE, max_bytes), (MAX_SECONDS_VARIABLE, max_seconds)):
        if value is not None:
            os.environ[variable] = str(value)  # the environment reaches the engine's workers too


_settings = {"debug": False}


def run() -> None:
    """The console entry point: the app, with environment errors as one line and exit code 4."""
    try:
        app(prog_name="newsweave")
    except (StoreError, OSError, sqlite3.Error) as exc:
        if _settings["debug"]:
            traceback.print_exc()
        detail = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc)
        typer.echo(f"newsweave: error: {detail or type(exc).__name__}", err=True)
        sys.exit(EXIT_ENVIRONMENT)


def _emit(text: str, output: Path | None, errors: list[ReadError]) -> NoReturn:
    """Write the result, name each bad input on stderr, exit 1 if there was any."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8")
    for error in errors:
        typer.echo(f"newsweave: error: {error.source}: {error.error}", err=True)
    raise typer.Exit(1 if errors else 0)


@app.command()
def extract(
    inputs: Inputs,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.json,
    output: Output = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """Clean text and metadata of each article, with sentence offsets.

    [bold]Examples[/bold]

      newsweave extract examples/harbor-fire/ --format text

      newsweave extract page.html.gz --format json -o page.json

      cat dump.jsonl | newsweave extract - --format jsonl
    """
    with _engine(engine, scheduler) as runner:
        from newsweave.pipeline import extract as run_extract

        result = run_extract(inputs, engine=runner)
    if fmt is ExtractFormat.text:
        from newsweave.renderers.text import articles_to_text

        text = articles_to_text(result.articles)
    else:
        objects = [a.to_dict(sentences=True) for a in result.articles]
        text = to_json(objects) if fmt is ExtractFormat.json else to_jsonl(objects)
    _emit(text, output, result.errors)


@app.command()
def brief(
    inputs: Inputs,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = BriefFormat.md,
    output: Output = None,
    length: LengthOption = LENGTH,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """A brief of the stories in INPUTS: the JSON contract (schema newsweave/1), Markdown, a
    self-contained HTML report, or a terminal view.

    [bold]Examples[/bold]

      newsweave brief examples/harbor-fire/

      newsweave brief articles/ --format json -o brief.json

      newsweave brief articles/ --format html -o report.html --length 10

      newsweave brief 'crawl/**/*.html.gz' --format text
    """
    with _models(), _engine(engine, scheduler) as runner:
        from newsweave.api import brief as make_brief

        data = make_brief(inputs, length=length, engine=runner)
    _emit(_render_brief(data, fmt, output), output, [ReadError(**e) for e in data["errors"]])


class QuotesFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def quotes(
    inputs: Inputs,
    fmt: Annotated[QuotesFormat, typer.Option("--format", "-f", help="Output format.")] = QuotesFormat.json,
    output: Output = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """Who said what in each article: direct, partial and indirect quotes with speakers and cues.

    json is a list of {"id", "quotes": [...]}; jsonl is one such object per line.

    [bold]Examples[/bold]

      newsweave quotes examples/harbor-fire/

      cat dump.jsonl | newsweave quotes - --format jsonl
    """
    result = _analysed(inputs, engine, scheduler)
    objects = [{"id": a.id, "quotes": [q.to_dict() for q in a.quotes]} for a in result.articles]
    _emit(to_json(objects) if fmt is QuotesFormat.json else to_jsonl(objects), output, result.errors)


@contextmanager
def _models() -> Iterator[None]:
    """A missing model package ends the run with exit code 3 and what to install (never a download)."""
    try:
        yield
    except ModelMissing as exc:
        typer.echo(f"newsweave: error: {exc}", err=True)
        raise typer.Exit(3) from exc


def _engine(name: str, scheduler: str | None) -> AbstractContextManager[Engine]:
    if name not in ENGINES:
        raise typer.BadParameter(f"expected one of {', '.join(ENGINES)}", param_hint="--engine")
    from newsweave.api import engine_for

    return engine_for(name, scheduler)


def _analysed(inputs: list[str], engine: str = "local", scheduler: str | None = None) -> Extraction:
    """Read, clean and analyse; a missing language model ends the run with exit code 3 and how to fix it."""
    with _models(), _engine(engine, scheduler) as runner:
        from newsweave.pipeline import extract as run_extract

        return run_extract(inputs, analysis=True, engine=runner)


DbOption = Annotated[Path, typer.Option("--db", help="The SQLite store (created if missing).")]


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOption = Path(DEFAULT_DB),
    batch: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = BATCH,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """Add articles to the store: idempotent by content, resumable, near-duplicates marked.

    [bold]Examples[/bold]

      newsweave ingest examples/harbor-fire/

      newsweave ingest crawl/*.warc.gz feeds/*.xml --db news.db
    """
    with _models():
        summary = _ingest_with_progress(inputs, db, batch, engine, scheduler)
    for error in summary.errors:
        typer.echo(f"newsweave: error: {error.source}: {error.error}", err=True)
    typer.echo(f"{db}: {summary.line()}")
    raise typer.Exit(1 if summary.errors else 0)


def _ingest_with_progress(inputs: list[str], db: Path, batch: int, engine: str, scheduler: str | None) -> IngestSummary:
    from newsweave.api import Store, input_files, source_file

    files = input_files(inputs)  # for the progress bar's total
    console = Console(stderr=True)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("files")]
    columns += [TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TimeRemainingColumn()]
    started = time.perf_counter()
    with (
        Store(db) as store,
        _engine(engine, scheduler) as runner,
        Progress(*columns, console=console, disable=not console.is_terminal) as progress,
    ):
        task = progress.add_task("ingesting", total=len(files) or None, rate="0.0")
        done_files: set[str] = set()

        def update(summary: IngestSummary, source: str) -> None:
            done_files.add(source_file(source))
            handled = summary.added + summary.duplicates + len(summary.errors)
            rate = f"{handled / max(time.perf_counter() - started, 1e-9):.1f}"
            progress.update(task, completed=len(done_files), rate=rate, description=summary.line())

        return store.ingest(inputs, batch=batch, on_document=update, engine=runner)


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    story: Annotated[
        str | None, typer.Option("--story", help="Only this story (an id from `newsweave stories`).")
    ] = None,
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = BriefFormat.md,
    output: Output = None,
    length: LengthOption = LENGTH,
) -> None:
    """A brief of the stories in the store (the same contract and formats as `brief`).

    [bold]Examples[/bold]

      newsweave report --db news.db --format json -o brief.json

      newsweave report --db news.db --story story-3
    """
    from newsweave.api import Store, UnknownStory

    _require(db)
    with Store(db) as store, _models():
        try:
            data = store.report(story, length=length)
        except UnknownStory as exc:
            typer.echo(f"newsweave: error: {exc.args[0]} (see `newsweave stories --db {db}`)", err=True)
            raise typer.Exit(2) from exc
    _emit(_render_brief(data, fmt, output), output, [])


class StoriesFormat(StrEnum):
    json = "json"


@app.command()
def stories(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Inputs, as for `brief` (or use --db).", show_default=False)
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="List the stories of this store instead.")] = None,
    fmt: Annotated[StoriesFormat, typer.Option("--format", "-f", help="Output format.")] = StoriesFormat.json,
    output: Output = None,
) -> None:
    """Story clusters: [{"id", "title", "articles": [ids]}].

    [bold]Examples[/bold]

      newsweave stories examples/ ../shared/corpus/

      newsweave stories --db news.db
    """
    if (db is None) == (not inputs):
        raise typer.BadParameter("give either INPUTS or --db", param_hint="INPUTS / --db")
    from newsweave.api import Store
    from newsweave.contract import story_groups, story_id, story_title
    from newsweave.pipeline import extract as run_extract

    if db is not None:
        _require(db)
        with Store(db) as store:
            _emit(to_json(store.stories()), output, [])
    result = run_extract(inputs or [])
    with _models():
        groups = story_groups(result.articles)
    listed = [
        {"id": story_id(group), "title": story_title(group), "articles": [a.id for a in group]} for group in groups
    ]
    _emit(to_json(listed), output, result.errors)


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on (localhost only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    warm: Annotated[
        int, typer.Option(help="Analyse this many of the newest stories in the background (the conflicts facet).")
    ] = 50,
) -> None:
    """The local web app on a store: stories, claims, conflicts, articles, speakers, upload and a JSON API.

    [bold]Examples[/bold]

      newsweave serve --db news.db

      newsweave serve --db news.db --port 8080   # then open http://127.0.0.1:8080
    """
    _require(db)
    import uvicorn

    from newsweave.api import Store
    from newsweave.web.app import create_app

    Store(db).close()  # upgrades an older store's schema once; the pages then open it read-only

    typer.echo(f"newsweave: serving {db} on http://{host}:{port} (Ctrl-C stops)", err=True)
    uvicorn.run(create_app(db, warm=warm), host=host, port=port, log_level="warning")


def _require(db: Path) -> None:
    if not db.exists():
        typer.echo(f"newsweave: error: {db}: no such database (run `newsweave ingest` first)", err=True)
        raise typer.Exit(2)

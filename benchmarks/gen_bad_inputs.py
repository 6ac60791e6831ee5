"""A folder of what crawlers produce, bad and good mixed, each input labelled with what newsweave must do.

    python benchmarks/gen_bad_inputs.py OUT [--bad 1000] [--seed 0] [--run]

Writes OUT/inputs/ and OUT/expected.json: {"errors": [names that must be reported, once each],
"articles": {id: text of the good article as written}, "readable": [bad-looking inputs that are still
text and must come out as articles without a crash]}. The bad inputs cover mixed and mislabelled
encodings, truncated UTF-8, HTML with no body or only scripts, empty and 1-byte files, binary junk, a
UTF-32 BOM with junk, one letter repeated, control characters, invalid, deep and over-long JSON lines,
broken feeds, corrupt, truncated and bomb gzips, cut WARCs, a file over the size limit (sparse, 100 MB)
and odd file names (spaces, non-UTF-8 bytes, very long). ``--run`` runs extract, brief and ingest on the
folder with the size limit at 1 MB and reports time, peak memory and whether every expectation held.
The test suite runs the same checks on a sample (tests/test_reliability.py).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

MAX_BYTES = 1024 * 1024  # the limit the run uses, so that the bombs and the big file are over it
PLACES = ["Harbor City", "Lakeview", "Port Ellis", "Northgate", "Riverton", "Cedar Falls", "Millbrook", "Ashford"]
EVENTS = ["a warehouse fire", "a bridge closure", "a council vote", "a school strike", "a ferry collision"]


def good_article(rng: random.Random, number: int) -> tuple[str, str]:
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    title = f"Officials in {place} respond to {event} ({number})"
    body = (
        f"Officials in {place} said on Tuesday that {event} had disrupted the town's centre, and that {number + 3} "
        f"people were helped by emergency crews.\n\nThe mayor, Dana Whitfield, said the town would review its "
        f'plans. "We will learn from this," she said.\n\nResidents described long queues and closed roads '
        f"near the harbour, where police kept watch overnight."
    )
    return title, f"{title}\n\n{body}\n"


def _cut_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    page = (
        b"<html><body><article><p>" + b"A page cut in the middle of its body. " * 40 + b"</p></article></body></html>"
    )
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record("http://example.com/cut", "response", payload=io.BytesIO(page),
                                       http_headers=headers)  # fmt: skip
    writer.write_record(record)
    data = buffer.getvalue()
    return data[: len(data) - 300]


def bad_input(rng: random.Random, number: int) -> tuple[str, bytes | None, str]:
    """(file name, content or None for a sparse 100 MB file, "error" or "readable")."""
    kind = number % 24
    words = "The council met on Tuesday and voted on the harbour plan after a long debate. " * rng.randint(1, 4)
    if kind == 0:
        return f"truncated-utf8-{number}.txt", ("Zoë said: " + words + "café ").encode()[:-2], "readable"
    if kind == 1:
        html = f'<html><head><meta charset="utf-8"></head><body><p>{words} São Paulo naïve</p></body></html>'
        return f"mislabelled-{number}.html", html.encode("cp1252"), "readable"
    if kind == 2:
        return (
            f"mixed-encodings-{number}.txt",
            words.encode() + "Größe ".encode("cp1252") + "naïve".encode(),
            "readable",
        )
    if kind == 3:
        return f"no-body-{number}.html", b"<html><head><title>x</title></head></html>", "error"
    if kind == 4:
        return f"only-scripts-{number}.html", b"<html><body><script>var a = 1;</script></body></html>", "error"
    if kind == 5:
        return f"empty-{number}.txt", b"", "error"
    if kind == 6:
        return f"one-byte-{number}.txt", bytes([rng.randrange(256)]), "error"
    if kind == 7:
        return f"binary-{number}.txt", bytes(rng.randrange(256) for _ in range(rng.randint(64, 4096))), "error"
    if kind == 8:
        return f"utf32-junk-{number}.txt", b"\xff\xfe\x00\x00" + bytes(rng.randrange(256) for _ in range(257)), "error"
    if kind == 9:
        return f"one-letter-{number}.txt", b"a" * rng.randint(1000, MAX_BYTES - 1), "error"
    if kind == 10:
        noisy = "".join(ch + ("\x07" if i % 150 == 0 else "") for i, ch in enumerate(words))
        return f"control-chars-{number}.txt", noisy.encode(), "readable"
    if kind == 11:
        return f"deep-{number}.jsonl", b'{"id": "deep", "text": ' + b"[" * 5000 + b"]" * 5000 + b"}\n", "error"
    if kind == 12:
        return f"invalid-{number}.jsonl", b'{"id": "x", "text": "unterminated\n', "error"
    if kind == 13:
        return f"not-object-{number}.jsonl", b"[1, 2, 3]\n", "error"
    if kind == 14:
        return f"long-line-{number}.jsonl", b'{"id": "long", "text": "' + b"a " * MAX_BYTES + b'"}\n', "error"
    if kind == 15:
        return f"broken-feed-{number}.rss", b"<?xml version='1.0'?><rss><channel><item><title>Cut", "error"
    if kind == 16:
        return f"corrupt-{number}.txt.gz", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(200)), "error"
    if kind == 17:
        return f"truncated-{number}.txt.gz", gzip.compress(words.encode() * 20)[:-30], "error"
    if kind == 18:
        return f"bomb-{number}.txt.gz", gzip.compress(b"\0" * (MAX_BYTES * 8), compresslevel=9), "error"
    if kind == 19:
        return f"cut-{number}.warc", _cut_warc(), "error"
    if kind == 20:
        return (
            f"name with spaces {number}.html",
            b"<html><body>" + b"<script>x()</script>" * 3 + b"</body></html>",
            "error",
        )
    if kind == 21:
        return os.fsdecode(b"latin1-\xe9t\xe9-" + str(number).encode() + b".txt"), b"\x00\x01\x02", "error"
    if kind == 22:
        return f"{'long-name-' * 20}{number}.txt", b"", "error"
    return f"big-{number}.txt", None, "error"  # 100 MB, sparse


def generate(folder: Path, bad: int, good: int = 20, seed: int = 0) -> dict:
    rng = random.Random(seed)
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    expected: dict = {"errors": [], "articles": {}, "readable": []}
    for number in range(good):
        _, text = good_article(rng, number)
        (inputs / f"good-{number:03d}.txt").write_text(text, encoding="utf-8")
        expected["articles"][f"good-{number:03d}"] = text
    big_done = False
    for number in range(bad):
        name, content, outcome = bad_input(rng, number)
        path = inputs / name
        if content is None and big_done:  # one 100 MB file is enough to show it is refused unread
            name, content = f"tags-only-{number}.html", b"<div>" * rng.randint(1, 3000) + b"<img src=x>"
            path = inputs / name
        if content is None:
            with open(path, "wb") as handle:
                handle.truncate(100 * 1024 * 1024)
            big_done = True
        else:
            path.write_bytes(content)
        expected["errors" if outcome == "error" else "readable"].append(name)
    (folder / "expected.json").write_text(json.dumps(expected, indent=1), encoding="utf-8")
    return expected


def check(expected: dict, stdout: bytes, stderr: bytes, alone: bytes) -> list[str]:
    """What went wrong in an ``extract --format json`` run over the inputs ([] when every expectation held);
    ``alone`` is the same command's output on the good articles only."""
    problems = []
    articles = {a["id"]: a for a in json.loads(stdout.decode("utf-8"))}
    lines = stderr.decode("utf-8").splitlines()
    for name in expected["errors"]:
        shown = os.fsencode(name).decode("utf-8", "replace")
        hits = [line for line in lines if f"/{shown}" in line]
        if len(hits) != 1:
            problems.append(f"reported {len(hits)} times, not once: {shown}")
    for name in expected["readable"]:
        if Path(name).stem not in articles:
            problems.append(f"readable input missing: {name}")
    for article in json.loads(alone.decode("utf-8")):
        if articles.get(article["id"]) != article:
            problems.append(f"good article missing or not as when read alone: {article['id']}")
    return problems


def _run(args: list[str]) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    env = {**os.environ, "NEWSWEAVE_MAX_BYTES": str(MAX_BYTES)}
    result = subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, env=env, check=False)
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return result, time.perf_counter() - started, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--bad", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run", action="store_true")
    args = parser.parse_args()
    expected = generate(args.out, args.bad, seed=args.seed)
    total = len(expected["errors"]) + len(expected["readable"]) + len(expected["articles"])
    print(f"{args.out}: {len(expected['errors'])} inputs to report, {len(expected['readable'])} odd but readable, "
          f"{len(expected['articles'])} good articles ({total} files)")  # fmt: skip
    if not args.run:
        return
    inputs = str(args.out / "inputs")
    good = [str(args.out / "inputs" / f"{doc_id}.txt") for doc_id in expected["articles"]]
    alone = _run(["extract", *good, "--format", "json"])[0].stdout
    result, seconds, peak = _run(["extract", inputs, "--format", "json"])
    problems = check(expected, result.stdout, result.stderr, alone)
    print(f"extract: exit {result.returncode}, {seconds:.1f} s, peak {peak:.0f} MB, problems {len(problems)}")
    for problem in problems[:20]:
        print("  " + problem)
    result, seconds, peak = _run(["brief", inputs, "--format", "json", "-o", str(args.out / "brief.json")])
    print(f"brief: exit {result.returncode}, {seconds:.1f} s, peak {peak:.0f} MB, "
          f"stderr lines {len(result.stderr.splitlines())}")  # fmt: skip
    db = args.out / "store.db"
    for attempt in (1, 2):
        result, seconds, peak = _run(["ingest", inputs, "--db", str(db)])
        print(f"ingest #{attempt}: exit {result.returncode}, {seconds:.1f} s, peak {peak:.0f} MB, "
              f"{result.stdout.decode().strip()}")  # fmt: skip


if __name__ == "__main__":
    main()

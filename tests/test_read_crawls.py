"""WARC crawls and RSS/Atom feeds, including damaged records."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.model import Document, ReadError
from newsweave.pipeline import extract
from newsweave.read import read_inputs

PAGE = (
    "<html><head><title>{title}</title></head><body><nav>Home | World</nav><article>"
    "<p>{lead} The council approved the plan on Monday after a long debate, officials said.</p>"
    "<p>Residents said the decision would bring jobs to the town and new life to the harbour.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> list[int]:
    """Write one HTML response record per (uri, lead) plus a non-HTML record; returns record offsets."""
    offsets = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for number, (uri, lead) in enumerate(pages):
            offsets.append(out.tell())
            html = PAGE.format(title=f"Story {number}", lead=lead).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
                warc_headers_dict={
                    "WARC-Date": f"2024-03-0{number + 1}T10:00:00Z",
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",  # same bytes every run
                },
            )
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG"),
                http_headers=image,
                warc_headers_dict={
                    "WARC-Date": "2024-03-09T10:00:00Z",
                    "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-999999999999>",
                },
            )
        )
    return offsets


LEADS = [
    ("https://x.example/harbour", "Harbour plan passes."),
    ("https://x.example/school", "School roof fixed."),
    ("https://x.example/bridge", "Bridge to reopen."),
]


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, LEADS)
    result = extract([str(path)])
    assert result.errors == []
    assert [a.id for a in result.articles] == [uri for uri, _ in LEADS]
    first = result.articles[0]
    assert (first.url, first.title, first.published) == ("https://x.example/harbour", "Story 0", "2024-03-01")
    assert first.text.startswith("Harbour plan passes.") and "Home | World" not in first.text


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, LEADS[:1], gz=False)
    assert [a.id for a in extract([str(path)]).articles] == ["https://x.example/harbour"]


def test_damaged_record_is_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path, LEADS)
    data = path.read_bytes()
    middle = offsets[1]
    path.write_bytes(data[: middle + 20] + b"\x00garbage\x00" * 8 + data[middle + 100 :])
    results = list(read_inputs([str(path)]))
    docs = [r.id for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert docs == ["https://x.example/harbour", "https://x.example/bridge"]
    assert len(errors) == 1 and errors[0].source == f"{path}@{middle}" and "damaged WARC record" in errors[0].error


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Valley Courier</title>
<item><title>Frost hits orchards</title><link>https://valley.example/frost</link><guid>frost-1</guid>
<pubDate>Thu, 18 Apr 2024 06:00:00 GMT</pubDate><author>Rita Salo</author>
<content:encoded><![CDATA[<p>Apple growers lost up to half of their blossoms, the growers' association said.</p><p>Share this!</p>]]></content:encoded></item>
<item><title>Summary only</title><link>https://valley.example/short</link>
<description>The council will meet on Friday to discuss the budget, the mayor said.</description></item>
<item><title>Empty</title><link>https://valley.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title>
<entry><title>Ferry returns</title><id>urn:ferry</id><link href="https://harbour.example/ferry"/>
<updated>2024-05-06T08:00:00Z</updated><summary>The ferry returned to port after its engine failed, the operator said.</summary></entry>
</feed>"""


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    result = extract([str(path)])
    frost, short = result.articles
    assert (frost.id, frost.title, frost.outlet, frost.author, frost.published, frost.url) == (
        "frost-1", "Frost hits orchards", "Valley Courier", "Rita Salo", "2024-04-18", "https://valley.example/frost"
    )  # fmt: skip
    assert frost.text == "Apple growers lost up to half of their blossoms, the growers' association said."
    assert short.text.startswith("The council will meet on Friday")
    assert [(e.source, e.error) for e in result.errors] == [(f"{path}#3", "feed item has neither content nor summary")]


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    [article] = extract([str(path)]).articles
    assert (article.id, article.outlet, article.published) == ("urn:ferry", "Harbour Post", "2024-05-06")


def test_xml_that_is_not_a_feed_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, ReadError) and "unsupported" in error.error

"""The cited summary's choices, on texts written for these tests (the real-data figures are in
benchmarks/summary.py): what may be a summary line, and when a line is labelled corroborated."""

from __future__ import annotations

from newsweave.model import Article, Claim, Sentence, Support
from newsweave.summarize import _opens, _summarisable, claim_line


def test_questions_fragments_and_the_writers_asides_never_qualify() -> None:
    assert _summarisable("The House approved the bill on Friday by a vote of 316 to 90.")
    assert not _summarisable("What's in the new tax bill?")
    assert not _summarisable("Updated at 12:36 p.m.")
    assert not _summarisable("I pointed out to him that running for president is an egotistical thing to do.")
    # an embedded post, dated by its own stamp
    assert not _summarisable("There's no tax to cut. https://t.co/gfRuvkt3ld — amoylan (@amoylan) November 30, 2017")
    # the first person inside a quotation is the speaker's, not the writer's
    assert _summarisable('"I will let General Kelly make that decision," Trump told reporters on Monday.')


def test_a_line_is_corroborated_only_by_sentences_that_state_it() -> None:
    texts = {
        "a": "The House approved the bill on Friday by a vote of 316 to 90.",
        "b": "The House passed the bill on Friday, 316 to 90.",
        "c": "Critics said the bill would add to the deficit for years.",
    }
    articles = [Article(id=k, source=k, text=t, sentences=[Sentence(0, len(t))]) for k, t in texts.items()]
    by_id = {a.id: a for a in articles}
    sources = {k: k for k in texts}
    support = [Support(k, 0, 0, len(t), "asserted", None) for k, t in texts.items()]
    topic_only = Claim("claim-1", texts["a"], support, ["a", "b", "c"], 3, agrees=[True, False, False])
    line = claim_line(topic_only, by_id, sources)
    assert line["label"] == "single source" and line["sources"] == 1
    assert line["citations"] == [{"article": "a", "sentence": 0}]
    stated = Claim("claim-1", texts["a"], support, ["a", "b", "c"], 3, agrees=[True, True, False])
    line = claim_line(stated, by_id, sources)
    assert line["label"] == "corroborated" and line["sources"] == 2
    assert [c["article"] for c in line["citations"]] == ["a", "b"]


def test_timeline_dates_from_the_writers_words_in_text_order() -> None:
    from newsweave.analyze import analyze
    from newsweave.contract import build_brief

    text = (
        "Trump named Governor Mike Pence his running mate on Monday, after their Saturday meeting in Indiana. "
        'Pence\'s aide Marc Lotter said: "The governor was honoured to meet him today at the residence."'
    )
    article = Article(id="a", source="a", text=text, title="Trump and Pence", published="2016-07-04")
    analyze([article])
    [story] = build_brief([article], [])["stories"]
    dated = {e["text"][:12]: e["date"] for e in story["timeline"]}
    assert dated == {"Trump named ": "2016-07-04"}  # the naming's day, not the meeting's; the aide's "today" is his


def test_a_summary_opens_with_a_sentence_that_stands_on_its_own() -> None:
    for leaning in ("Instead, the paper stressed the economy.", "The next day, the inspector general opened an inquiry.",
                    "He said the plan would fail next year.", "Law: “We cannot allow all of these people to invade.”"):  # fmt: skip
        assert not _opens(leaning), leaning
    for standing in ("President Trump outlined a new strategy on Monday.", '"We will rebuild it," the mayor said.',
                     "— Beijing and Washington agreed to cut tariffs."):  # fmt: skip
        assert _opens(standing), standing


def test_a_summary_line_drops_the_dateline_it_opens_with() -> None:
    from newsweave.summarize import without_dateline

    assert without_dateline("KYIV, Ukraine (AP) — Russia fired missiles.") == "Russia fired missiles."
    assert without_dateline("– The U.S. warns of a defence partnership.") == "The U.S. warns of a defence partnership."
    assert without_dateline("-5 degrees froze the harbour.") == "-5 degrees froze the harbour."
    assert without_dateline("New York (CNN Business) After a barrage of criticism, the paper apologised.") == (
        "After a barrage of criticism, the paper apologised."
    )
    assert without_dateline("The (alleged) gunman fled, Brown (Reuters) said.") == (
        "The (alleged) gunman fled, Brown (Reuters) said."
    )


def test_the_opening_line_is_the_lead_closest_to_the_headlines() -> None:
    from newsweave.summarize import _lead_ranks, _opener

    texts = {
        "a": "The city council praised the new library design at its meeting on Monday evening.",
        "b": "A storm flooded the coastal road on Monday and closed it to traffic for the day.",
    }
    titles = {"a": "Storm floods coastal road", "b": "Coastal road closed after storm floods it"}
    sources = {k: k for k in texts}
    claims = [
        Claim(f"claim-{k}", t, [Support(k, 0, 0, len(t), "asserted", None)], [k], 1) for k, t in texts.items()
    ]  # in order of relevance: the council's line first
    titled = {
        k: Article(id=k, source=k, text=t, title=titles[k], sentences=[Sentence(0, len(t))]) for k, t in texts.items()
    }
    assert _opener(claims, titled, sources, _lead_ranks(claims, titled)) is claims[1]  # what the headlines say happened
    untitled = {k: Article(id=k, source=k, text=t, sentences=[Sentence(0, len(t))]) for k, t in texts.items()}
    assert (
        _opener(claims, untitled, sources, _lead_ranks(claims, untitled)) is claims[0]
    )  # no headlines: the most relevant lead


def test_a_line_that_names_its_speaker_gets_no_speaker_in_front() -> None:
    from newsweave.summarize import _names

    assert _names("John Kirby", "Kirby said the ties had deepened.")
    assert _names("U.S.", "The U.S. warns of a defence partnership.")  # a name of short words, as written
    assert not _names("U.S.", "Washington warns of a defence partnership.")
    assert not _names("John Kirby", "He said the ties had deepened.")

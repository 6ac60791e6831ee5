"""Sentences: offsets into the clean text (text[start:end] is the sentence), robust to news text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.analyze.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_initials_and_dates() -> None:
    text = "The U.S. said on Dec. 9 that Mr. J. R. Smith had left. The U.K. agreed with Dr. Okafor on Friday."
    assert sentences(text) == [
        "The U.S. said on Dec. 9 that Mr. J. R. Smith had left.",
        "The U.K. agreed with Dr. Okafor on Friday.",
    ]


def test_quotes_keep_their_closing_marks_and_attribution() -> None:
    text = '"Stop?" asked the officer. "We urge Iran. Not to do it," he said. She called it “a disgrace.” Then left.'
    assert sentences(text) == [
        '"Stop?" asked the officer.',
        '"We urge Iran. Not to do it," he said.',
        "She called it “a disgrace.”",
        "Then left.",
    ]


def test_lower_case_continuation_and_stray_punctuation() -> None:
    assert sentences('"Why now?" he asked. .') == ['"Why now?" he asked. .']


def test_no_sentence_ends_on_an_article() -> None:
    text = "Police said he pointed a. 38-caliber revolver at them. Agent A. Smith fired. It hit Plan A."
    assert sentences(text) == [
        "Police said he pointed a. 38-caliber revolver at them.",
        "Agent A. Smith fired.",
        "It hit Plan A.",
    ]


def test_paragraph_breaks_end_sentences() -> None:
    assert sentences("A heading without a stop\n\nThe body starts here.") == [
        "A heading without a stop",
        "The body starts here.",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_offsets_are_valid_for_any_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip() and piece
        previous_end = span.end


def test_a_title_before_a_name_ends_no_sentence() -> None:
    text = '"He tried to comfort her," said Sgt. Marty Earley of the police. I met the Rep. He was kind.'
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        '"He tried to comfort her," said Sgt. Marty Earley of the police.',
        "I met the Rep.",
        "He was kind.",
    ]
    text = "Ten minutes into his statement, Amb. William Taylor spoke of the call. Sens. Ann Lee and Bo Kim left."
    assert len(split_sentences(text)) == 2

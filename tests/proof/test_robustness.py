"""Arbitrary Unicode never breaks the checker, and every finding points at the text it quotes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.proof.rules import SCOPES

# Text biased towards what the rules look at: Han, full/half-width marks, digits, spaces, plus anything.
_ALPHABET = st.one_of(
    st.sampled_from(
        list(
            '的打好全力加强截止目前布署既使，。、；：？！“”‘’（）《》,.;:?!"()0123456789０１OIl 　\n\t'
            "…—～-年月日千百万於乾進態環本报记者"
        )
    ),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # astral Han
    st.characters(whitelist_categories=("Mn", "Me", "Cc", "Cf", "Zs", "So")),  # combining marks, controls
    st.characters(),
)


def _check_all(checker, text: str, scope: str) -> None:
    for finding in checker.check_text(text, scope):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert finding.level in ("info", "warning", "error")
        assert all(isinstance(s, str) for s in finding.suggestions)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(_ALPHABET, max_size=300), scope=st.sampled_from(SCOPES))
def test_any_text_gives_findings_within_bounds(bundled, text, scope):
    _check_all(bundled, text, scope)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.text(_ALPHABET, min_size=1, max_size=64))
def test_a_one_megabyte_string_is_checked(bundled, unit):
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    _check_all(bundled, text, "body")


def test_document_fields_with_odd_characters(bundled):
    from editor_app.model.document import Article, Issue, Page, Paragraph, Photo

    weird = "\u0301“\x00𠀀截止目前\u200b（\ud7ff,\n\n”"
    article = Article(
        title=weird,
        paragraphs=[Paragraph(weird), Paragraph(weird, kind="subhead")],
        photos=[Photo(caption=weird)],
        byline=weird,
    )
    issue = Issue(pages=[Page(blocks=[article])])
    for finding in bundled.check_issue(issue):
        assert finding.text == weird[finding.start : finding.end]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.text(_ALPHABET, max_size=80), min_size=1, max_size=6),
    kind=st.sampled_from(["newspaper", "internal", "official"]),
)
def test_any_document_gives_findings_that_quote_their_field(bundled, texts, kind):
    from editor_app.model.document import Article, Banner, Issue, Page, Paragraph, Photo
    from editor_app.model.fields import iter_text_fields

    article = Article(
        title=texts[0],
        author_line=texts[-1],
        byline=texts[-1][:3],
        paragraphs=[Paragraph(t, kind="subhead" if i == 1 else "text") for i, t in enumerate(texts)],
        photos=[Photo(caption=texts[-1])],
    )
    issue = Issue(type=kind, pages=[Page(blocks=[Banner(title=texts[0]), article])])
    fields = {(f.block.id, f.path): f.text for f in iter_text_fields(issue)}
    for finding in bundled.check_issue(issue):
        text = fields[(finding.location.block, finding.location.field)]
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.text(_ALPHABET, max_size=120),
    text=st.text(_ALPHABET, min_size=1, max_size=120),
    after=st.text(_ALPHABET, max_size=120),
)
def test_rechecking_inside_a_document_stays_in_bounds(bundled, before, text, after):
    document = before + "\n" + text + "\n" + after
    for finding in bundled.check_text(text, "body", context=document):
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]

"""Property tests: whatever the copy looks like, nothing is lost and nothing raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.errors import InputError
from editor_app.importing import ImportResult, article_from_text, import_file, import_text
from editor_app.model.document import Issue, Page
from editor_app.model.serialize import dumps, loads

from .helpers import lost_characters

# Line shapes a page is made of, so that random pages exercise every branch of the reader.
SHAPES = [
    "编者按",
    "编者按：",
    "【编者按】",
    "编后",
    "本报讯",
    "本报讯（记者 张三 通讯员 李四）",
    "新区讯 ",
    "本报北京6月3日电",
    "（申环）",
    "申环",
    "环军捷",
    "■ ",
    "一、",
    "（下转第2版）",
    "责任编辑：王五　校对：赵六",
    "图为",
    "（林悦 摄）",
    "记者 陈思远",
    "文/赵小川",
    "——",
    "日前,",
    "近日，",
    "11月20日，",
    "张华强调,",
    "★★★",
    "。",
    "，",
    ",",
    "？",
    "！",
    "”",
    "）",
    "：",
    " ",
    "\u3000\u3000",
    "座谈会召开",
    "推动治理体系完善",
    "的宣传教育",
    "护”专项行动",
    "空气质量稳中向好",
    "ABC 123",
    "\t",
]
line = st.lists(st.sampled_from(SHAPES) | st.text(max_size=12), max_size=6).map("".join)
separator = st.sampled_from(["\n", "\n\n", "\n\n\n\n", "\r\n", "\n \n", "\n\f"])
page = st.lists(st.tuples(line, separator), min_size=1, max_size=40).map(
    lambda items: "".join(a + b for a, b in items)
)


def _visible(text: str) -> bool:
    return any(not ch.isspace() and ch not in "\u200b\ufeff" for ch in text)


def _check(text: str, as_: str = "page") -> None:
    if not _visible(text):
        with pytest.raises(InputError, match="no text"):
            import_text(text, as_=as_)
        return
    result = import_text(text, as_=as_)
    assert not lost_characters(text, result), lost_characters(text, result)
    assert loads(dumps(result.issue)) is not None  # the canonical JSON round-trips


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page)
def test_structured_pages_lose_nothing(text):
    _check(text)


@settings(max_examples=60, deadline=None)
@given(page)
def test_structured_pages_as_article_lose_nothing(text):
    _check(text, "article")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_loses_nothing(text):
    _check(text)


@settings(max_examples=40, deadline=None)
@given(page)
def test_article_from_text_keeps_everything_in_one_article(text):
    if not _visible(text):
        return
    article, notes = article_from_text(text)
    assert all(note.block in (None, article.id) for note in notes)
    as_issue = ImportResult(Issue(pages=[Page(blocks=[article])]))
    assert not lost_characters(text, as_issue)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(line, min_size=1, max_size=15), st.lists(st.booleans(), min_size=15, max_size=15))
def test_word_files_lose_nothing(tmp_path, lines, bold):
    import docx

    text = "\n".join(lines)
    if not _visible(text):
        return
    document = docx.Document()
    for item, strong in zip(lines, bold, strict=False):
        run = document.add_paragraph().add_run(_xml_safe(item))
        run.bold = strong
    path = tmp_path / "random.docx"
    document.save(str(path))
    source = "\n".join(_xml_safe(item) for item in lines)
    if not _visible(source):
        return
    result = import_file(path)
    assert not lost_characters(source, result)


def _xml_safe(text: str) -> str:
    """Word cannot hold control characters or unpaired surrogates; drop them as Word would."""
    return "".join(
        ch
        for ch in text
        if (ch in "\t\n" or ord(ch) >= 32) and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff"
    )

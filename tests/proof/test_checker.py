"""The Checker over documents: locations, structure rules, user dictionary and the ignore list."""

from __future__ import annotations

from editor_app.model.document import Article, Banner, Ignore, Issue, Page, Paragraph, Photo
from editor_app.proof import Checker, FindingLocation, check_text, default_checker, reset_default_checker


def _issue(**article_fields) -> tuple[Issue, Article]:
    article = Article(
        **{
            "title": "全市召开河长制工作会议",
            "paragraphs": [Paragraph("会议截止目前已召开三次。")],
            "byline": "沪河",
            **article_fields,
        }
    )
    issue = Issue(type="newspaper", pages=[Page(number=2, blocks=[article])])
    return issue, article


def test_findings_in_a_document_carry_page_block_and_field(bundled):
    issue, article = _issue()
    [finding] = bundled.check_issue(issue)
    paragraph = article.paragraphs[0]
    assert finding.location == FindingLocation(2, article.id, f"paragraph:{paragraph.id}")
    assert paragraph.text[finding.start : finding.end] == finding.text == "截止目前"


def test_structure_rules_over_the_model(bundled):
    issue, article = _issue(title="全市召开河长制工作会议。", byline="  ")
    article.paragraphs = [Paragraph("会议要求，各区围绕深入打好攻坚战，推进")]
    article.photos = [Photo(caption="区委书记查看河道")]
    issue.pages[0].blocks.insert(0, Banner(title="抓好落实"))
    found = {f.rule: f for f in bundled.check_issue(issue)}
    assert found["layout.headline-period"].location.field == "title"
    assert found["layout.headline-period"].text == "。"
    assert found["layout.caption-punctuation"].location.field.endswith(":caption")
    assert found["layout.article-truncated"].text == "进"
    assert found["layout.empty-byline"].location.block == article.id
    assert "layout.internal-wording" not in found


def test_internal_publications_do_not_say_benbao(bundled):
    issue, article = _issue()
    article.paragraphs = [Paragraph("本报讯 会议于日前召开。")]
    assert "layout.internal-wording" not in {f.rule for f in bundled.check_issue(issue)}
    issue.type = "internal"
    [finding] = [f for f in bundled.check_issue(issue) if f.rule == "layout.internal-wording"]
    assert finding.text == "本报"


def test_quotes_continue_across_paragraphs_of_one_article_but_not_captions(bundled):
    issue, article = _issue()
    article.paragraphs = [Paragraph("践行“人民城市人民建、人民城市为人"), Paragraph("民”重要理念。")]
    article.photos = [Photo(caption="于勇检查河道“现场。")]
    found = [f for f in bundled.check_issue(issue) if f.rule == "layout.unbalanced-marks"]
    assert [(f.location.field.startswith("photo:"), f.text) for f in found] == [(True, "“")]


def test_ignore_list_drops_a_dismissed_finding(bundled):
    issue, article = _issue()
    issue.ignored.append(Ignore(rule="word.confusion", text="截止目前", block=article.id))
    assert bundled.check_issue(issue) == []
    issue.ignored = [Ignore(rule="word.confusion", text="截止目前", block="another-block")]
    assert len(bundled.check_issue(issue)) == 1
    issue.ignored = [Ignore(rule="word.confusion", text="截止目前")]
    assert bundled.check_issue(issue) == []


def test_user_dictionary_terms_are_never_flagged(tmp_path):
    dictionary = tmp_path / "words.txt"
    dictionary.write_text("# 人名\n王布署\n", encoding="utf-8")
    checker = Checker.load(user_dictionary=dictionary, include_user=False)
    assert [f.text for f in checker.check_text("王布署已布署完毕。")] == ["布署"]
    assert Checker.load(user_dictionary=["布署完"], include_user=False).check_text("已布署完毕。") == []


def test_default_checker_reads_the_user_dictionary_once(monkeypatch):
    from editor_app import paths

    reset_default_checker()
    path = paths.user_dictionary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("既使\n", encoding="utf-8")
    try:
        assert check_text("既使如此。") == []
        assert default_checker() is default_checker()
    finally:
        reset_default_checker()


def test_scope_limits_rules(bundled):
    assert [f.rule for f in bundled.check_text("抓好落实。", "headline")] == ["layout.headline-period"]
    assert bundled.check_text("抓好落实。", "body") == []


def test_rechecking_one_paragraph_can_judge_by_the_whole_document(bundled):
    document = "今年是开局之年,也是关键之年,各项工作全面推进。\n全市上下要加强统筹，抓好落实。"
    paragraph = document.split("\n")[1]
    assert [f.level for f in bundled.check_text(document) if f.rule == "punct.halfwidth-comma"] == ["info"]
    edited = "全市上下要加强统筹,抓好落实。"
    alone = [f.level for f in bundled.check_text(edited) if f.rule == "punct.halfwidth-comma"]
    in_document = [
        f.level
        for f in bundled.check_text(edited, context=document.replace(paragraph, edited))
        if f.rule == "punct.halfwidth-comma"
    ]
    assert alone == ["info"] and in_document == ["info"]
    mixed = "全市上下要加强统筹，抓好落实，确保实效。\n今年是开局之年,也是关键之年。"
    assert [
        f.level
        for f in bundled.check_text("今年是开局之年,也是关键之年。", context=mixed)
        if f.rule == "punct.halfwidth-comma"
    ] == ["warning"]


def test_a_quotation_cut_by_a_photo_block_resumes_in_the_next_block(bundled):
    from editor_app.model.document import PhotoBlock

    first = Article(title="静安区推动治水", paragraphs=[Paragraph("践行“人民城市人民建、人民城市为人")])
    second = Article(title="", paragraphs=[Paragraph("民”重要理念的高度。")])
    issue = Issue(pages=[Page(blocks=[first, PhotoBlock(caption="于勇检查河道。"), second])])
    assert [f for f in bundled.check_issue(issue) if f.rule == "layout.unbalanced-marks"] == []


def test_importing_the_proof_package_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, editor_app.proof; "
        "print(sorted(m for m in ('ahocorasick', 'yaml', 'opencc', 'jieba', 'PySide6') if m in sys.modules))"
    )
    import os

    from tests.conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"


def test_checking_from_several_threads_gives_the_same_findings(bundled):
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        f"第{i}段：截止目前已布署完毕，" + "各项工作稳步推进，" * (i % 7) + "再接再励。" for i in range(60)
    ]
    expected = [bundled.check_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(bundled.check_text, texts * 3)) == expected * 3


def test_document_findings_come_in_reading_order(bundled):
    issue, article = _issue(title="全市召开河长制工作会议。")
    article.paragraphs.append(Paragraph("会议要求各单位再接再励。"))
    found = bundled.check_issue(issue)
    assert [(f.location.field.split(":")[0], f.text) for f in found] == [
        ("title", "。"),
        ("paragraph", "截止目前"),
        ("paragraph", "再接再励"),
    ]


def test_story_that_jumps_to_another_page_is_not_called_truncated(bundled):
    from editor_app.model import Article, Issue, Page, Paragraph

    body = "市区两级部门共同推进项目落地，确保今年底前完成全部建设任务，并同步推进"
    jumped = Article(title="项目落地", paragraphs=[Paragraph(body + "（下转第2版）")])
    cut = Article(title="项目落地", paragraphs=[Paragraph(body)])
    issue = Issue(type="newspaper", pages=[Page(1, blocks=[jumped, cut])])
    truncated = [f.location.block for f in bundled.check_issue(issue) if f.rule == "layout.article-truncated"]
    assert truncated == [cut.id]


def test_names_after_a_credit_role_and_colon_are_not_corrected(bundled):
    found = bundled.check_text("本期共刊发稿件五篇。\n\n责任编辑：陈静　校对：郑洁\n")
    assert [f for f in found if f.level in ("error", "warning")] == []


def test_rules_the_user_switched_off_are_not_loaded():
    from editor_app import paths
    from editor_app.proof.userdata import add_term, read_user_dictionary, write_lines

    everything = Checker.load()
    write_lines(paths.user_disabled_rules_path(), ["punct.halfwidth-comma"])
    fewer = Checker.load()
    assert len(fewer.rules) == len(everything.rules) - 1
    assert "punct.halfwidth-comma" not in {r.id for r in fewer.rules}
    assert add_term(paths.user_dictionary_path(), "河长办") and not add_term(
        paths.user_dictionary_path(), "河长办"
    )
    assert read_user_dictionary(paths.user_dictionary_path()) == ["河长办"]

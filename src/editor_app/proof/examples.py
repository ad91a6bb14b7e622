"""Small documents for the examples of rules that need the model (empty byline, 本报 in an internal
bulletin), written one field per line:

    type: internal          # the publication type (default internal)
    title: 标题              # starts a new article
    p: 正文段落               # a text paragraph of the current article
    subhead: 小标题
    caption: 图片说明         # a photo of the current article
    byline: 申环             # the byline; `byline:` with nothing after it is a blank byline
"""

from __future__ import annotations

from editor_app.model.document import Article, Issue, Page, Paragraph, Photo


def example_fires(rule, example: str) -> bool:
    """Does `rule`, alone, flag `example` (a text, or a small document for model rules)?"""
    from editor_app.proof.checker import Checker
    from editor_app.proof.rules import SCOPES

    checker = Checker([rule])  # the rule alone: examples test the rule, not its neighbours
    if getattr(rule.detector, "example_kind", "text") == "document":
        findings = checker.check_issue(example_issue(example))
    else:
        scope = "body" if "body" in rule.scopes else next(s for s in SCOPES if s in rule.scopes)
        findings = checker.check_text(example, scope)
    return any(f.rule == rule.id for f in findings)


def example_problems(rule) -> list[str]:
    """Each bad example the rule does not flag and each good example it does, in words."""
    problems = []
    for example in rule.examples_bad:
        try:
            fires = example_fires(rule, example)
        except ValueError as exc:
            problems.append(f"bad example {example!r} cannot be read: {exc}")
            continue
        if not fires:
            problems.append(f"bad example not flagged: {example!r}")
    for example in rule.examples_good:
        try:
            fires = example_fires(rule, example)
        except ValueError as exc:
            problems.append(f"good example {example!r} cannot be read: {exc}")
            continue
        if fires:
            problems.append(f"good example flagged: {example!r}")
    return problems


def example_issue(source: str) -> Issue:
    issue = Issue(publication="示例", pages=[Page(number=1)])
    article: Article | None = None
    for raw in source.splitlines():
        key, sep, value = raw.partition(":")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            continue
        if key == "type":
            issue.type = value  # type: ignore[assignment]  # our own examples name a valid type
            continue
        if key == "title" or article is None:
            article = Article(title=value if key == "title" else "")
            issue.pages[0].blocks.append(article)
            if key == "title":
                continue
        if key == "p":
            article.paragraphs.append(Paragraph(value))
        elif key == "subhead":
            article.paragraphs.append(Paragraph(value, kind="subhead"))
        elif key == "caption":
            article.photos.append(Photo(caption=value))
        elif key == "byline":
            article.byline = value
        else:
            raise ValueError(f"unknown example field {key!r}")
    return issue

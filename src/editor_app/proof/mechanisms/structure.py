"""`structure`: layout rules over the document model (版式).

`check:` selects one of
- `headline_period`: a headline (title, kicker, subtitle, subhead) ending in 。
- `caption_punctuation`: a photo caption without final punctuation.
- `article_truncated`: an article whose last text paragraph breaks off mid-sentence. In plain text,
  a long paragraph with clause punctuation that breaks off right before a short byline-like line
  (「…推进」 / 「环监」).
- `empty_byline`: an article with a byline field that is blank (the tag was deleted, not unset).
- `internal_wording`: 本报, 本刊, or a 记者 credit (author line, 「（记者 ……）」) in an `internal`
  publication, which is neither a newspaper nor a periodical and has no reporters of its own
  (「接受记者采访」 is fine).
Plain-text checks (`check_text`) use what can be seen without the model (scope and line shapes);
`check_issue` uses the model. Examples of rules that need the model are small documents in the
format of `editor_app.proof.examples`.
"""

from __future__ import annotations

import re

from editor_app.jumplines import ends_with_jump
from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import HAN, LazyRegex, ends_sentence, paragraph_spans

KEYS = {"check": str, "terms": list}
REQUIRED = ("check",)
CHECKS = ("headline_period", "caption_punctuation", "article_truncated", "empty_byline", "internal_wording")

_BYLINE_RE = LazyRegex(f"^[{HAN}]{{2,4}}$")
_CLAUSE_RE = re.compile("[，,、；;]")
_CAPTION_END = "。！？…）)”】》"


def _finished(paragraph: str) -> bool:
    return ends_sentence(paragraph) or ends_with_jump(paragraph)  # 「（下转第2版）」: it goes on elsewhere


def _last_char_hit(text: str) -> Hit | None:
    stripped = text.rstrip()
    return Hit(len(stripped) - 1, len(stripped), ()) if stripped else None


class StructureDetector:
    example_kind = "text"

    def __init__(self, rule, pack):
        self.check = rule.options["check"]
        if self.check not in CHECKS:
            raise pack.error(f"unknown check '{self.check}' (known: {', '.join(CHECKS)})", "check")
        self.terms = tuple(rule.options.get("terms", ("本报", "本刊", "记者")))
        if self.check in ("empty_byline", "internal_wording"):
            self.example_kind = "document"

    # --- plain text --------------------------------------------------------------------------------

    def find(self, text, doc):
        if self.check == "headline_period":
            if text.rstrip().endswith("。") and "\n" not in text.strip():
                yield _last_char_hit(text)
        elif self.check == "caption_punctuation":
            stripped = text.rstrip()
            if stripped and "\n" not in stripped and stripped[-1] not in _CAPTION_END:
                yield _last_char_hit(text)
        elif self.check == "article_truncated":
            yield from self._truncated_in_plain_text(text)

    def _truncated_in_plain_text(self, text: str):
        spans = paragraph_spans(text)
        for (start, end), (next_start, next_end) in zip(spans, spans[1:]):
            paragraph = text[start:end]
            if (
                len(paragraph) >= 20
                and _CLAUSE_RE.search(paragraph)
                and not _finished(paragraph)
                and _BYLINE_RE.match(text[next_start:next_end])
            ):
                yield Hit(end - 1, end, ())

    # --- documents ---------------------------------------------------------------------------------

    def find_in_issue(self, issue, doc):
        from editor_app.model.document import Article
        from editor_app.model.fields import iter_text_fields

        fields = list(iter_text_fields(issue))
        if self.check == "headline_period":
            for field in fields:
                if field.scope == "headline" and field.text.rstrip().endswith("。"):
                    yield field, _last_char_hit(field.text)
        elif self.check == "caption_punctuation":
            for field in fields:
                if (
                    field.path.endswith("caption")
                    and field.text.strip()
                    and field.text.rstrip()[-1] not in _CAPTION_END
                ):
                    yield field, _last_char_hit(field.text)
        elif self.check == "article_truncated":
            for field in self._last_paragraphs(fields, Article):
                if field.text.strip() and not _finished(field.text):
                    yield field, _last_char_hit(field.text)
        elif self.check == "empty_byline":
            for field in fields:
                block = field.block
                if (
                    field.path == "title"
                    and isinstance(block, Article)
                    and block.byline is not None
                    and not block.byline.strip()
                    and block.paragraphs
                ):
                    yield field, Hit(0, len(field.text), ())
        elif self.check == "internal_wording" and getattr(issue, "type", None) == "internal":
            for field in fields:
                for term in self.terms:
                    for match in re.finditer(re.escape(term), field.text):
                        if self._claims_reporter(term, field, match.start()):
                            yield field, Hit(match.start(), match.end(), ())

    @staticmethod
    def _claims_reporter(term: str, field, start: int) -> bool:
        """本报/本刊 always; 记者 only where the bulletin claims its own reporter (author line,
        「（记者 ……）」), not in 「接受记者采访」."""
        if term != "记者":
            return True
        return (
            field.path in ("author_line", "dateline", "byline")
            or field.text[max(0, start - 1) : start] in "（("
        )

    @staticmethod
    def _last_paragraphs(fields, article_type):
        last = {}
        for field in fields:
            paragraph = field.paragraph
            if (
                isinstance(field.block, article_type)
                and paragraph is not None
                and paragraph.kind == "text"
                and field.text.strip()
            ):
                last[field.block.id] = field
        return last.values()


def build(rule, pack):
    return StructureDetector(rule, pack)

"""`balance`: quotation marks and brackets must pair up within a paragraph.

Printed pages split paragraphs mid-sentence, even mid-quotation, and put photo captions in between
(「…人民城市为人」 / caption / 「民”重要理念」). So a paragraph that ends without terminal punctuation and
leaves marks open hands them on: the next paragraphs may close them. A self-contained paragraph in
between (a caption) is skipped, for up to `lookahead` paragraphs (default 3); marks left open when the
text ends inside such a paragraph are not reported (their continuation is out of view). In a document, text
paragraphs continue into the next text paragraph (even in the next block); titles, captions and other
fields stand alone.
Keys: `pairs` (a string of opening/closing characters in pairs, default “”‘’《》（）【】〈〉「」『』).
"""

from __future__ import annotations

import re

from editor_app.proof.mechanisms import Hit
from editor_app.proof.textutil import ends_sentence, paragraph_spans

KEYS = {"pairs": str, "lookahead": int}
DEFAULT_PAIRS = "“”‘’《》（）【】〈〉「」『』"


class BalanceDetector:
    def __init__(self, rule, pack):
        pairs = rule.options.get("pairs", DEFAULT_PAIRS)
        if len(pairs) % 2 or len(pairs) == 0:
            raise pack.error("'pairs' must list opening and closing characters in pairs", "pairs")
        self.closer_of = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}
        self.opener_of = {pairs[i + 1]: pairs[i] for i in range(0, len(pairs), 2)}
        self.lookahead = rule.options.get("lookahead", 3)
        self.marks = frozenset(pairs)
        self.marks_re = re.compile(f"[{re.escape(pairs)}]")
        self.message = rule.message

    def _scan(self, text: str):
        """(open marks left as [(index, char)], closers without opener as [(index, char)])."""
        stack: list[tuple[int, str]] = []
        stray: list[tuple[int, str]] = []
        for found in self.marks_re.finditer(text):
            index, char = found.start(), found.group()
            if (
                char == "’"
                and 0 < index < len(text) - 1
                and text[index - 1].isascii()
                and text[index - 1].isalpha()
                and text[index + 1].isascii()
            ):
                continue  # an apostrophe in Latin text (Xi’an, McDonald’s)
            if char in self.closer_of:
                stack.append((index, char))
            elif char in self.opener_of:
                want = self.opener_of[char]
                depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == want), None)
                if depth is None:
                    stray.append((index, char))
                else:
                    del stack[depth:]  # marks opened inside and never closed are dropped with it
        return stack, stray

    def unbalanced(self, paragraphs: list[str]):
        """(paragraph number, index, char, suggestion) for every mark that never pairs up."""
        pending: list[tuple[int, int, str]] = []  # (paragraph, index, char)
        budget = 0
        for number, text in enumerate(paragraphs):
            if self.marks_re.search(text) is None:
                openers, stray = [], []
            else:
                openers, stray = self._scan(text)
            # GB/T 15834: a quotation running over several paragraphs opens each of them and closes only
            # at its end, so a paragraph that starts with an unclosed quote is valid on its own.
            openers = [(index, char) for index, char in openers if not (index == 0 and char in "“‘")]
            for index, char in stray:
                want = self.opener_of[char]
                match = next((k for k in range(len(pending) - 1, -1, -1) if pending[k][2] == want), None)
                if match is None:
                    yield number, index, char, want
                else:
                    del pending[match:]
            carried_on = pending and not stray and not openers and ends_sentence(text) and budget > 0
            if carried_on:
                budget -= 1  # a caption or other insert between the two halves
                continue
            for p_number, index, char in pending:
                yield p_number, index, char, self.closer_of[char]
            pending = [(number, index, char) for index, char in openers]
            budget = self.lookahead
            if pending and ends_sentence(text):
                for p_number, index, char in pending:
                    yield p_number, index, char, self.closer_of[char]
                pending = []
        # Marks still open here belong to a paragraph that broke off at the end of what we were given:
        # their continuation is not in view (a truncated article is reported by its own rule).

    def _message(self, char: str, missing: str) -> str:
        return f"{self.message}：「{char}」缺少配对的「{missing}」"

    def find(self, text, doc):
        offset, whole = 0, text
        if doc.text is not text and len(doc.text) > len(text):
            # Re-checking one paragraph of a document: judge it with its neighbours, whose paragraphs
            # may open or close its marks.
            position = doc.text.find(text)
            if position >= 0:
                offset, whole = position, doc.text
        spans = paragraph_spans(whole)
        paragraphs = [whole[s:e] for s, e in spans]
        for number, index, char, missing in self.unbalanced(paragraphs):
            start = spans[number][0] + index - offset
            if 0 <= start < len(text):
                yield Hit(start, start + 1, (), self._message(char, missing))

    def find_in_issue(self, issue, doc):
        from editor_app.model.fields import iter_text_fields

        # Body paragraphs form one sequence in reading order, across blocks: an importer may cut an
        # article at a photo, and a paragraph that breaks off may resume in the next block.
        body: list = []
        groups: list[list] = [body]
        for field in iter_text_fields(issue):
            paragraph = field.paragraph
            if paragraph is not None and paragraph.kind == "text":
                body.append(field)
            else:
                groups.append([field])
        for group in groups:
            for number, index, char, missing in self.unbalanced([f.text for f in group]):
                yield group[number], Hit(index, index + 1, (), self._message(char, missing))


def build(rule, pack):
    return BalanceDetector(rule, pack)

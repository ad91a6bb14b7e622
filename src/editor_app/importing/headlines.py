"""Headline decisions: who is kicker, title or deck, and is a lone short line a subhead or a new story."""

from __future__ import annotations

from editor_app.importing import signals as sig
from editor_app.importing.units import Unit
from editor_app.model.document import Article

SUBHEAD_MAX = 10  # a lone short line this long or shorter, between paragraphs, is a subhead
HEADING_ROLES = ("kicker", "banner", "title", "deck", "subhead")  # Word style roles of headline lines


def subhead_score(unit: Unit, following: Unit, article: Article) -> float:
    """Positive when the evidence says "subhead of this story", negative for "a new story".

    For a subhead: the next paragraph goes on with a speaker already quoted in the story, with
    a list (一是、二要) or a pronoun (他、该), the story has subheads already, the line is short.
    For a new story: the next paragraph opens like a news lead (日前、近日、5月12日) or names the
    place or body the headline opens with (「滨江区…」 → 「上海市滨江区近日…」), the line is long.
    """
    score = 0.0
    story = "".join(p.text for p in article.paragraphs)
    speaker = sig.speaker(following.text)
    if speaker and speaker in story:
        score += 2
    if sig.enumeration(following.text) or sig.anaphoric(following.text):
        score += 1
    if any(p.kind == "subhead" for p in article.paragraphs):
        score += 1
    size = unit.size
    score += 1 if size <= 8 else 0.5 if size <= SUBHEAD_MAX else -1 if size >= 14 else 0
    if size >= 18:
        score -= 1
    if sig.lead_opening(following.text):
        score -= 1.5
    if sig.place_echo(unit.text, following.text):
        score -= 2
    hints = unit.hints
    if hints is not None:
        if hints.align == "center":
            score -= 1
        elif hints.bold or hints.heavy_face:
            score += 1
    if score == 0:
        return 1 if size <= SUBHEAD_MAX else -1
    return score


def _biggest(run: list[Unit]) -> int | None:
    """Index of the line set in the largest type (Word files), when one stands out."""
    sizes = [u.hints.size if u.hints is not None and u.hints.size else None for u in run]
    known = [s for s in sizes if s is not None]
    if len(known) != len(run) or len(set(known)) < 2:
        return None
    top = max(known)
    if known.count(top) > 1:
        return None
    return sizes.index(top)


def assign_heads(run: list[Unit]) -> tuple[str | None, str, str | None]:
    """(kicker, title, subtitle) for a headline group: decks go under, the biggest type is the title."""
    roles = [u.hints.role if u.hints is not None else None for u in run]
    if any(role in ("title", "banner") for role in roles):

        def joined(*wanted):
            return " ".join(u.text for u, role in zip(run, roles, strict=True) if role in wanted) or None

        first_title = next(k for k, role in enumerate(roles) if role in ("title", "banner"))
        kicker = " ".join(u.text for u in run[:first_title]) or None
        rest = [
            u.text
            for u, role in zip(run[first_title:], roles[first_title:], strict=True)
            if role not in ("title", "banner")
        ]
        return kicker, joined("title", "banner"), " ".join(rest) or None
    texts = [u.text for u in run]
    decks = [t for t in texts[1:] if sig.is_deck(t)]
    others = [t for t in texts if t not in decks or t == texts[0]]
    biggest = _biggest([u for u in run if u.text in others])
    if biggest is not None:
        kicker = " ".join(others[:biggest]) or None
        title = others[biggest]
        after = others[biggest + 1 :] + decks
        return kicker, title, " ".join(after) or None
    subtitle = " ".join(decks) or None
    if len(others) == 1:
        return None, others[0], subtitle
    if len(others) == 2:
        if not decks and not sig.factual_head(others[0]) and sig.factual_head(others[1]):
            return None, others[0], others[1]
        return others[0], others[1], subtitle
    kicker = " ".join(others[:-2])
    title = others[-2]
    lower = " ".join([others[-1], *decks])
    return kicker, title, lower

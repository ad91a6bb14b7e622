"""Names from the page itself, protected everywhere on it: the main source of false alarms on news text.

The fast pass's protection (`typo.protect.protected_mask`) recognises a name where it stands next to a title, a
speech verb or a place suffix. A name written there once (记者陈晓, 陈晓表示) is written bare elsewhere; so every
masked stretch of Han characters on the page (bylines, captions, names before 说/表示, places before 镇/村) is
collected and protected wherever it occurs in the document. (Wording that recurs on the page, a name written twice
among it, is left alone by the deep pass as it is by the fast one.)
"""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.proof.typo.protect import protected_mask


def page_names(texts: Iterable[str], user_words: Iterable[str] = ()) -> set[str]:
    """Names and other protected wording found on the page (2-6 Han characters each)."""
    texts = list(texts)
    names: set[str] = set()
    for text in texts:
        mask = protected_mask(text, ())
        start = None
        for i in range(len(text) + 1):
            on = i < len(text) and mask[i] and "\u4e00" <= text[i] <= "\u9fff"
            if on and start is None:
                start = i
            elif not on and start is not None:
                if 2 <= i - start <= 6:
                    names.add(text[start:i])
                start = None
    names.update(w for w in user_words if w)
    return names

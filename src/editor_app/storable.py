"""Text that can be stored: no lone UTF-16 surrogates.

JSON allows `"\\ud800"` and Python happily holds it in a str, but no UTF-8 file can: a project
carrying one opens and then can never be saved, autosaved or dumped. Text coming from outside
(a project's JSON, an import, the clipboard) is made storable on the way in — each lone surrogate
becomes U+FFFD, the replacement character, and the caller tells the user how many there were.
Saving keeps a last safety net (`storable_json`) so that work is never lost to one character.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# In a Python str a surrogate code point is always unpaired (pairs are decoded to one code point).
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> tuple[str, int]:
    """(`text` with lone surrogates replaced, how many were replaced)."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


def clean_tree(data):
    """Replace lone surrogates in every string (keys too) of parsed JSON; return (data, count).

    Iterative, so a deeply nested document cannot exhaust the stack here.
    """
    if isinstance(data, str):
        return storable_text(data)
    count = 0
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, str):
                    fixed, n = storable_text(value)
                    if n:
                        node[index], count = fixed, count + n
                elif isinstance(value, (list, dict)):
                    stack.append(value)
        elif isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(key, str):
                    fixed_key, n = storable_text(key)
                    if n:
                        del node[key]
                        node[fixed_key] = value
                        key, count = fixed_key, count + n
                if isinstance(value, str):
                    fixed, n = storable_text(value)
                    if n:
                        node[key], count = fixed, count + n
                elif isinstance(value, (list, dict)):
                    stack.append(value)
    return data, count


def storable_json(text: str) -> str:
    """JSON text safe to encode as UTF-8 whatever slipped into the model."""
    return _SURROGATE.sub(REPLACEMENT, text)

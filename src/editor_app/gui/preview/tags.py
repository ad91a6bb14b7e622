"""The preview's fit tags and overflow bar, in the interface language.

Kept apart from page_layout.py, whose source pyside6-lupdate's Python parser cannot read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def overset_tag(lines: int, chars: int) -> str:
    return QCoreApplication.translate("PageLayout", "▲ Over %n line(s) (≈ %1 chars)", "", lines).replace(
        "%1", str(chars)
    )


def underset_tag(lines: int, chars: int) -> str:
    return QCoreApplication.translate("PageLayout", "Short %n line(s) (≈ %1 chars)", "", lines).replace(
        "%1", str(chars)
    )


def overflow_bar(lines: int) -> str:
    return QCoreApplication.translate(
        "PageLayout", "▲ About %n line(s) overflow the page, not placed", "", lines
    )

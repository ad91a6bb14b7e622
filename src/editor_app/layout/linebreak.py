"""Chinese line-breaking rules (GB/T 15834 禁则): the one place that says which marks may not start
or end a line. The composer breaks lines with these sets and the DOCX writer hands the same sets to
Word, WPS and LibreOffice (`w:noLineBreaksBefore`/`w:noLineBreaksAfter`), so both agree.
"""

from __future__ import annotations

# 点号 and closing 标号 never start a line (句号 逗号 顿号 分号 冒号 问号 叹号, closing quotes and brackets,
# 省略号 and the half-width forms that slip into copy).
LINE_START_FORBIDDEN = frozenset("。，、；：？！）》〉」』】〕〗”’…％,.;:?!)]}%")
# Opening quotes and brackets never end a line.
LINE_END_FORBIDDEN = frozenset("（《〈「『【〔〖“‘([{")

"""Build strokes.tsv (stroke counts for sorting names by 笔画) from the Unicode Han Database.

    python resources/chinese/build_strokes.py [/usr/share/unicode/Unihan_IRGSources.txt.bz2]

Reads `kTotalStrokes` (Debian's `unicode-data` package ships Unihan) for the CJK Unified Ideographs
and Extension A, keeping the first value (the one for the mainland form), and writes one line per
stroke count: the count, a tab, then every character with that count. Unicode data licence: see NOTICE.
"""

from __future__ import annotations

import bz2
import sys
from collections import defaultdict
from pathlib import Path

SOURCE = Path("/usr/share/unicode/Unihan_IRGSources.txt.bz2")
OUT = Path(__file__).with_name("strokes.tsv")


def main(source: Path = SOURCE) -> int:
    by_count: dict[int, list[str]] = defaultdict(list)
    with bz2.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if "\tkTotalStrokes\t" not in line:
                continue
            code, _, values = line.rstrip("\n").split("\t")
            point = int(code[2:], 16)
            if 0x3400 <= point <= 0x9FFF:
                by_count[int(values.split()[0])].append(chr(point))
    lines = ["# kTotalStrokes from the Unicode Han Database (Unihan), U+3400..U+9FFF; count<TAB>characters"]
    lines += [f"{count}\t{''.join(sorted(chars))}" for count, chars in sorted(by_count.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {sum(len(c) for c in by_count.values())} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE))

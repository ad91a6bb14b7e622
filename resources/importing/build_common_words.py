"""Build common_words.txt: the words the importer uses to tell a word cut by a column break.

Source: jieba's dictionary (jieba 0.42, MIT licence, https://github.com/fxsjy/jieba), shipped with
the jieba package the project already depends on. Kept: entries of 1–4 characters with a
frequency of at least MIN_FREQ, as "word frequency" lines. Run from the repository root:
    python resources/importing/build_common_words.py
"""

from __future__ import annotations

import os
from pathlib import Path

MIN_FREQ = 100


def main() -> None:
    import jieba

    source = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    rows = []
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, _ = line.split(" ", 2)
            if (
                1 <= len(word) <= 4
                and int(freq) >= MIN_FREQ
                and all("\u4e00" <= ch <= "\u9fff" for ch in word)
            ):
                rows.append(f"{word} {freq}")
    out = Path(__file__).with_name("common_words.txt")
    header = (
        f"# Words of 1–4 characters with frequency >= {MIN_FREQ} from jieba's dict.txt (jieba 0.42, MIT).\n"
        "# Built by build_common_words.py; used by editor_app.importing.signals.splits_word.\n"
    )
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {out}")


if __name__ == "__main__":
    main()

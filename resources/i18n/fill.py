"""Fill unfinished entries of a .ts file from a YAML table (English source -> Chinese), then the
caller runs update.py again to compile. Used when many strings change at once; Qt Linguist does the
same one string at a time.

    python resources/i18n/fill.py resources/i18n/editor_app_zh_CN.ts table.yaml
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml


def fill(ts: Path, table: dict[str, str]) -> int:
    tree = ET.parse(ts)
    done = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or source not in table:
            continue
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = table[source]
        else:
            translation.text = table[source]
        del translation.attrib["type"]
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


if __name__ == "__main__":
    table = yaml.safe_load(Path(sys.argv[2]).read_text("utf-8"))
    print(fill(Path(sys.argv[1]), table), "filled")

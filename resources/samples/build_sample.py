"""Rebuild `sample.bulletin` from `sample.json` and two pictures drawn here (no outside images).

Run: .venv/bin/python resources/samples/build_sample.py
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from PIL import Image, ImageDraw

from editor_app.model.serialize import issue_from_dict
from editor_app.storage.migrations import migrate
from editor_app.storage.project import Project, save_project

HERE = Path(__file__).resolve().parent


def _scene(seed: int, sky: tuple, ground: tuple) -> bytes:
    """A simple landscape: sky, hills, a ground band and a few buildings or trees."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (640, 420), sky)
    draw = ImageDraw.Draw(img)
    for x in range(-80, 700, 160):
        h = rnd.randint(120, 220)
        draw.polygon([(x, 300), (x + 120, 300 - h), (x + 260, 300)], fill=(84 + rnd.randint(0, 40), 96, 120))
    draw.rectangle([0, 300, 640, 420], fill=ground)
    for _ in range(7):
        x = rnd.randint(20, 600)
        draw.rectangle([x, 240, x + 26, 300], fill=(210, 200, 180))
        draw.ellipse([x - 10, 200, x + 36, 250], fill=(70, 130, 70))
    draw.ellipse([520, 40, 580, 100], fill=(245, 200, 80))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


def main() -> None:
    data = json.loads((HERE / "sample.json").read_text("utf-8"))
    project = Project(issue_from_dict(migrate(data)))  # sample.json may be written in an older schema
    pictures = {
        "@photo1": _scene(1, (190, 215, 235), (120, 150, 90)),
        "@photo2": _scene(2, (205, 225, 240), (100, 160, 100)),
    }
    refs = {key: project.add_image(blob, key) for key, blob in pictures.items()}
    for _, block in project.issue.blocks():
        for photo in getattr(block, "photos", ()):
            if photo.image in refs:
                photo.image = refs[photo.image]
    out = save_project(project, HERE / "sample.bulletin", backup=False)
    print(out)


if __name__ == "__main__":
    main()

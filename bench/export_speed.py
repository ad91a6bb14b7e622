"""Export speed and memory: a 16-page issue, each page filled as an editor fills it, to DOCX.

Target: ≤ 2 s and ≤ 300 MB peak resident memory for 16 composed pages. Each page gets a banner, an
editor's note and articles of about 40 % of its template's body-text capacity (so it composes onto one page),
one with a photo. The text is real sentences (the corrected side of the evaluation sets in
../shared/data/eval, official documents first, read at run time and taken in order, so paragraphs do not repeat
and no line-breaking cache is flattered); without ../shared, sentences of our own. The photos are drawn with
Pillow (1600×1067 JPEG, a typical press photo size).
Run: PYTHONPATH=src python bench/export_speed.py [--template a4-bulletin]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PIL import Image, ImageDraw  # noqa: E402

from editor_app.export import export_docx  # noqa: E402
from editor_app.model.document import Article, Banner, EditorNote, Issue, Page, Paragraph, Photo  # noqa: E402
from editor_app.storage.project import Project  # noqa: E402

SENTENCES = (
    "新区今年安排民生实事项目二十项，涉及养老、托育、交通和环境整治等方面。",
    "各街道结合居民议事会意见，逐项明确责任单位和完成时限，做到月有进度、季有检查。",
    "在老旧小区改造中，施工单位分楼栋制定方案，尽量减少对居民日常生活的影响。",
    "截至上月底，已完成投资约四点二亿元，占年度计划的百分之六十三。",
    "社区服务中心新增助餐点十二个，每天为三千多名老年人提供午餐。",
    "下一步，有关部门将加强跟踪督办，对进度滞后的项目实行清单管理。",
    "企业负责人表示，审批时间缩短后，项目比原计划提前两个月投产。",
    "园区还组织专家上门服务，帮助企业解决用地、用工和融资方面的难题。",
)


def photo(seed: int) -> bytes:
    rnd = random.Random(seed)
    img = Image.new("RGB", (1600, 1067), (rnd.randint(150, 220), 210, 235))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rnd.randint(0, 1500), rnd.randint(300, 1000)
        draw.rectangle(
            [x, y, x + rnd.randint(40, 200), y + rnd.randint(40, 200)],
            fill=(rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(0, 255)),
        )
    grain = Image.effect_noise(img.size, 48).convert("RGB")  # film-like grain: realistic JPEG sizes
    img = Image.blend(img, grain, 0.25)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


EVAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
SETS = ("ecspell_odw_train", "ecspell_law_test", "ecspell_med_test", "sighan15_test")


def sentence_source():
    """Sentences in order, endlessly: the real ones when ../shared is there, else our own."""
    import itertools
    import json

    real = []
    for name in SETS:
        path = EVAL / f"{name}.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                real += [json.loads(line)["tgt"] for line in fh if line.strip()]
    real = [s if s.endswith(("。", "！", "？", "；", "”")) else s + "。" for s in real]
    return itertools.cycle(real or SENTENCES)


_SENTENCES = sentence_source()


def paragraph(rnd: random.Random) -> str:
    return "".join(next(_SENTENCES) for _ in range(rnd.randint(2, 4)))


def build_issue(pages: int = 16, template: str = "a4-bulletin") -> Project:
    from editor_app.layout.templates import get_template

    rnd = random.Random(7)
    project = Project(
        Issue(
            publication="基准测试简报",
            number=1,
            total_number=1,
            date="2026-06-18",
            editors={"责任编辑": "甲", "校对": "乙"},
            organizer="基准测试编辑部",
        )
    )
    spec = get_template(template)
    per_page = int(spec.columns * spec.column_chars * spec.column_lines * 0.4)  # heads, photo, note, air
    for number in range(1, pages + 1):
        page = Page(number=number, name=f"第{number}版", template=template)
        page.blocks.append(Banner(title=f"第{number}版通栏标题 稳步推进重点项目", kicker="聚焦民生"))
        page.blocks.append(EditorNote(paragraphs=[Paragraph(paragraph(rnd))]))
        chars = 0
        index = 0
        while chars < per_page:
            article = Article(title=f"第{number}版第{index + 1}篇稿件标题", dateline="新区讯", byline="新宣")
            for _ in range(rnd.randint(2, 4)):
                text = paragraph(rnd)
                article.paragraphs.append(Paragraph(text))
                chars += len(text)
            if index == 0:
                key = project.add_image(photo(number), f"photo{number}")
                article.photos.append(Photo(image=key, caption="施工现场。", credit="甲 摄"))
            page.blocks.append(article)
            index += 1
        project.issue.pages.append(page)
    return project


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--template", default="a4-bulletin")
    parser.add_argument("--traditional", choices=["s2t", "s2hk", "s2tw"])
    parser.add_argument(
        "--findings-as-comments",
        action="store_true",
        help="also run the checker and anchor its findings (rule packs load once, included)",
    )
    args = parser.parse_args()
    project = build_issue(template=args.template)
    chars = sum(len(p.text) for _, b in project.issue.blocks() for p in getattr(b, "paragraphs", ()))
    photos = sum(len(getattr(b, "photos", ())) for _, b in project.issue.blocks())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.docx"
        start, cpu_start = time.perf_counter(), time.process_time()
        result = export_docx(
            project,
            out,
            template=args.template,
            traditional=args.traditional,
            findings_as_comments=args.findings_as_comments,
        )
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        size = out.stat().st_size
    from editor_app.export import compose_for_export
    from editor_app.layout.templates import get_template

    composed = len(compose_for_export(project, get_template(args.template)).pages)  # outside the timing
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    extra = (f" {args.traditional}" if args.traditional else "") + (
        " +findings" if args.findings_as_comments else ""
    )
    print(
        f"template {args.template}{extra}: {len(project.issue.pages)} pages (composed onto {composed}), "
        f"{chars} characters, {photos} photos"
    )
    print(
        f"export: {elapsed:.2f} s wall ({cpu:.2f} s CPU; wall exceeds CPU when other jobs share the cores), DOCX {size / 1e6:.1f} MB, peak RSS {peak_mb:.0f} MB "
        f"(targets ≤ 2 s, ≤ 300 MB), warnings {len(result.warnings)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
